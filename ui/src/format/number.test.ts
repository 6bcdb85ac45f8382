import { describe, expect, it } from 'vitest';
import { formatNumber } from './number';

describe('formatNumber', () => {
  it('uses a dot for thousands and a comma for decimals', () => {
    expect(formatNumber(1234.5)).toBe('1.234,5');
    expect(formatNumber(1234567)).toBe('1.234.567');
  });

  it('rounds to two decimals by default', () => {
    expect(formatNumber(1234.567)).toBe('1.234,57');
    expect(formatNumber(0.5)).toBe('0,5');
  });

  it('can always show a fixed number of decimals', () => {
    expect(formatNumber(91, { minimumFractionDigits: 2 })).toBe('91,00');
    expect(formatNumber(-12.5, { minimumFractionDigits: 2, maximumFractionDigits: 2 })).toBe('-12,50');
  });
});
