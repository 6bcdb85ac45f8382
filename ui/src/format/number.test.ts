import { describe, expect, it } from 'vitest';
import { formatNumber, formatNumberForInput, formatPercent, formatWithUnit, parseIndonesianNumber } from './number';

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

describe('formatPercent', () => {
  it('always shows two decimals and a percent sign', () => {
    expect(formatPercent(91.6666)).toBe('91,67%');
    expect(formatPercent(100)).toBe('100,00%');
    expect(formatPercent(1234.5)).toBe('1.234,50%');
    expect(formatPercent(0)).toBe('0,00%');
  });
});

describe('formatNumberForInput', () => {
  it('keeps every decimal so that an untouched value reads back the same', () => {
    expect(formatNumberForInput(0.125)).toBe('0,125');
    expect(formatNumberForInput(1234.5)).toBe('1.234,5');
    expect(formatNumberForInput(null)).toBe('');
    for (const value of [0.125, 1234.5, 1234567.891, 12, 0]) {
      expect(parseIndonesianNumber(formatNumberForInput(value))).toBe(value);
    }
  });
});

describe('parseIndonesianNumber', () => {
  it('reads Indonesian numbers', () => {
    expect(parseIndonesianNumber('1.234,5')).toBe(1234.5);
    expect(parseIndonesianNumber('12,5')).toBe(12.5);
    expect(parseIndonesianNumber('1.234')).toBe(1234);
    expect(parseIndonesianNumber('1.234.567,25')).toBe(1234567.25);
    expect(parseIndonesianNumber('0')).toBe(0);
    expect(parseIndonesianNumber(' 75 ')).toBe(75);
  });

  it('also reads a dot as the decimal separator when it cannot be thousands', () => {
    expect(parseIndonesianNumber('1234.5')).toBe(1234.5);
    expect(parseIndonesianNumber('12.50')).toBe(12.5);
    expect(parseIndonesianNumber('0.125')).toBe(0.125);
    expect(parseIndonesianNumber('1,234.5')).toBe(1234.5);
  });

  it('reads an empty input as no value', () => {
    expect(parseIndonesianNumber('')).toBeNull();
    expect(parseIndonesianNumber('   ')).toBeNull();
  });

  it('gives NaN for what is not a number', () => {
    for (const text of ['abc', '12a', '1,2,3', '1.23.4', '12,', ',5', '-', '1e3', '1.234.5', '--1', 'Rp 100']) {
      expect(parseIndonesianNumber(text), text).toBeNaN();
    }
  });

  it('reads negative numbers as negative, so a form can refuse them', () => {
    expect(parseIndonesianNumber('-12,5')).toBe(-12.5);
    expect(parseIndonesianNumber('\u22121.000')).toBe(-1000);
    expect(parseIndonesianNumber('+7')).toBe(7);
  });
});

describe('formatWithUnit', () => {
  it('puts a space between the figure and its unit, except a percent sign', () => {
    expect(formatWithUnit(3, 'puskesmas')).toBe('3 puskesmas');
    expect(formatWithUnit(1234.5, ' orang ')).toBe('1.234,5 orang');
    expect(formatWithUnit(12.5, '%')).toBe('12,5%');
    expect(formatWithUnit(7, '  ')).toBe('7');
  });
});
