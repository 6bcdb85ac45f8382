import { describe, expect, it } from 'vitest';
import { checkNonNegative, checkNumber, isWebAddress } from './validate';

describe('form checks', () => {
  it('accepts 0 or more, Indonesian or not, and empty', () => {
    expect(checkNonNegative('1.234,5')).toEqual({ ok: true, value: 1234.5 });
    expect(checkNonNegative('0')).toEqual({ ok: true, value: 0 });
    expect(checkNonNegative('')).toEqual({ ok: true, value: null });
    expect(checkNonNegative('-1')).toEqual({ ok: false });
    expect(checkNonNegative('abc')).toEqual({ ok: false });
    expect(checkNumber('-1,5')).toEqual({ ok: true, value: -1.5 });
    expect(checkNumber('x')).toEqual({ ok: false });
  });

  it('accepts only web addresses as links', () => {
    const scheme = 'https';
    expect(isWebAddress(`${scheme}://wonosobokab.go.id/`)).toBe(true);
    expect(isWebAddress(`HTTP://contoh.id`)).toBe(true);
    expect(isWebAddress(`${scheme}://`)).toBe(false);
    expect(isWebAddress('javascript:alert(1)')).toBe(false);
    expect(isWebAddress('file:///C:/data.xlsx')).toBe(false);
    expect(isWebAddress('wonosobokab.go.id')).toBe(false);
    expect(isWebAddress(`${scheme}://a b`)).toBe(false);
  });
});
