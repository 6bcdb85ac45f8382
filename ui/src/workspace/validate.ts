// Checks a form makes before anything is sent. The backend checks again;
// these only spare the clerk a round trip and say what is wrong in place.
import { parseIndonesianNumber } from '../format/number';

export type NumberCheck = { ok: true; value: number | null } | { ok: false };

/** An optional number that must be 0 or more ("1.234,5", "1234.5" or empty). */
export function checkNonNegative(text: string): NumberCheck {
  const value = parseIndonesianNumber(text);
  if (value === null) return { ok: true, value: null };
  if (Number.isNaN(value) || value < 0) return { ok: false };
  return { ok: true, value };
}

/** An optional number of any sign. */
export function checkNumber(text: string): NumberCheck {
  const value = parseIndonesianNumber(text);
  if (value === null) return { ok: true, value: null };
  return Number.isNaN(value) ? { ok: false } : { ok: true, value };
}

const WEB_SCHEMES = ['http', 'https'];

/** A link must be a web address: one of WEB_SCHEMES, "://", then something. */
export function isWebAddress(text: string): boolean {
  const value = text.trim();
  if (/\s/.test(value)) return false;
  const lower = value.toLowerCase();
  return WEB_SCHEMES.some((scheme) => lower.startsWith(`${scheme}://`) && lower.length > scheme.length + 3);
}
