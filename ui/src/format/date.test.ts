import { describe, expect, it } from 'vitest';
import { formatDate, parseIsoDate } from './date';

describe('formatDate', () => {
  it('writes a date the Indonesian way', () => {
    expect(formatDate('2018-07-15', 'id')).toBe('15 Juli 2018');
  });

  it('writes a date in British English for the English UI', () => {
    expect(formatDate('2018-07-15', 'en')).toBe('15 July 2018');
  });

  it('keeps the first and last day of the year on their own day', () => {
    expect(formatDate('2018-01-01', 'id')).toBe('1 Januari 2018');
    expect(formatDate('2019-12-31', 'id')).toBe('31 Desember 2019');
  });

  it('returns text that is not a date unchanged', () => {
    expect(formatDate('2018-02-30', 'id')).toBe('2018-02-30');
    expect(formatDate('besok', 'id')).toBe('besok');
  });
});

describe('parseIsoDate', () => {
  it('reads the date at UTC midnight, with no time zone shift', () => {
    expect(parseIsoDate('2018-07-15')?.toISOString()).toBe('2018-07-15T00:00:00.000Z');
  });

  it('refuses dates that do not exist or other formats', () => {
    expect(parseIsoDate('2019-02-29')).toBeNull();
    expect(parseIsoDate('15/07/2018')).toBeNull();
    expect(parseIsoDate('2018-07-15T10:00:00Z')).toBeNull();
  });
});
