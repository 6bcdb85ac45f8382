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
