// Numbers as Indonesian offices write them, in both UI languages, so that a
// figure on screen reads the same as in the exported workbooks: 1.234,5.

const DEFAULT_MAX_FRACTION_DIGITS = 2;

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = `${minimumFractionDigits}:${maximumFractionDigits}`;
  let cached = formatters.get(key);
  if (!cached) {
    cached = new Intl.NumberFormat('id-ID', { minimumFractionDigits, maximumFractionDigits });
    formatters.set(key, cached);
  }
  return cached;
}

export interface NumberFormatOptions {
  /** Digits always shown after the comma (default 0). */
  minimumFractionDigits?: number;
  /** Digits at most shown after the comma (default 2, never less than the minimum). */
  maximumFractionDigits?: number;
}

/** 1234.5 -> "1.234,5"; 1234.567 -> "1.234,57". */
export function formatNumber(value: number, options: NumberFormatOptions = {}): string {
  const min = options.minimumFractionDigits ?? 0;
  const max = Math.max(min, options.maximumFractionDigits ?? DEFAULT_MAX_FRACTION_DIGITS);
  return formatter(min, max).format(value);
}

/** "91,67%": two decimals, always, as the capaian rules say. */
export function formatPercent(value: number): string {
  return `${formatNumber(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 })}%`;
}

/** A figure with its unit: "3 puskesmas", "12,5%" (a percent sign sticks to the number), "7" without one. */
export function formatWithUnit(value: number, unit: string): string {
  const trimmed = unit.trim();
  if (trimmed === '') return formatNumber(value);
  return trimmed === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${trimmed}`;
}

/**
 * A value put back into an input: Indonesian style, with every decimal the
 * value has (up to 10), so that saving an untouched cell changes nothing.
 */
export function formatNumberForInput(value: number | null): string {
  return value === null ? '' : formatNumber(value, { maximumFractionDigits: 10 });
}

const DIGITS = /^\d+$/;
/** 1-3 digits, not starting with 0, then groups of 3 ("0.125" is a decimal). */
const GROUPED = (separator: string) => new RegExp(`^[1-9]\\d{0,2}(?:\\${separator}\\d{3})+$`);
const DOT_GROUPED = GROUPED('.');
const COMMA_GROUPED = GROUPED(',');

function integerPart(text: string, separator: '.' | ',' | null): string | null {
  if (DIGITS.test(text)) return text;
  if (separator === '.' && DOT_GROUPED.test(text)) return text.replaceAll('.', '');
  if (separator === ',' && COMMA_GROUPED.test(text)) return text.replaceAll(',', '');
  return null;
}

/**
 * Read a number typed by a clerk, Indonesian first:
 * "1.234,5" -> 1234.5, "12,5" -> 12.5, "1.234" -> 1234 (dot = thousands),
 * and also "1234.5" -> 1234.5 and "1,234.5" -> 1234.5 (English habit).
 * A single dot followed by exactly three digits ("1.234") is read as
 * thousands, as Indonesian offices write it; "0.125" stays a decimal.
 * Returns null for an empty text and NaN for anything that is not a number,
 * so the caller decides what to say. Negative numbers are read as negative
 * ("-12,5" -> -12.5): a form that wants 0 or more checks the sign itself.
 */
export function parseIndonesianNumber(text: string): number | null {
  let rest = text.replace(/[\s\u00a0\u202f]/g, '');
  if (rest === '') return null;
  let sign = 1;
  if (rest.startsWith('-') || rest.startsWith('\u2212')) {
    sign = -1;
    rest = rest.slice(1);
  } else if (rest.startsWith('+')) {
    rest = rest.slice(1);
  }
  if (rest === '' || !/^[\d.,]+$/.test(rest)) return NaN;

  const lastDot = rest.lastIndexOf('.');
  const lastComma = rest.lastIndexOf(',');
  let whole: string | null;
  let fraction = '';

  if (lastDot >= 0 && lastComma >= 0) {
    // Both: the one that comes last is the decimal separator.
    const decimal = lastComma > lastDot ? ',' : '.';
    const grouping = decimal === ',' ? '.' : ',';
    const at = rest.lastIndexOf(decimal);
    fraction = rest.slice(at + 1);
    whole = integerPart(rest.slice(0, at), grouping);
  } else if (lastComma >= 0) {
    // Only commas: one comma is the Indonesian decimal separator.
    const parts = rest.split(',');
    if (parts.length !== 2) return NaN;
    whole = integerPart(parts[0]!, null);
    fraction = parts[1]!;
  } else if (lastDot >= 0) {
    const parts = rest.split('.');
    if (parts.length > 2 || (parts[1]!.length === 3 && DOT_GROUPED.test(rest))) {
      // "1.234" or "1.234.567": thousands.
      whole = integerPart(rest, '.');
    } else {
      whole = integerPart(parts[0]!, null);
      fraction = parts[1]!;
    }
  } else {
    whole = rest;
  }

  if (whole === null || whole === '' || !DIGITS.test(whole)) return NaN;
  if (fraction !== '' && !DIGITS.test(fraction)) return NaN;
  if (fraction === '' && (lastComma >= 0 || lastDot >= 0) && /[.,]$/.test(rest)) return NaN;
  const value = sign * Number(fraction ? `${whole}.${fraction}` : whole);
  return Number.isFinite(value) ? value : NaN;
}
