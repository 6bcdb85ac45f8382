import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatInstantDate, parseIsoDate } from './date';

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

describe('formatDateTime', () => {
  it('writes an instant with the time the Indonesian way', () => {
    expect(formatDateTime('2018-07-15T03:30:00Z', 'id', 'Asia/Jakarta')).toBe('15 Juli 2018 10.30');
    expect(formatDateTime('2018-07-15T03:30:00Z', 'en', 'Asia/Jakarta')).toBe('15 July 2018 10:30');
  });

  it('moves to the next day in the local time zone when it should', () => {
    expect(formatDateTime('2018-12-31T17:05:00+00:00', 'id', 'Asia/Jakarta')).toBe('1 Januari 2019 00.05');
  });

  it('returns text that is not an instant unchanged', () => {
    expect(formatDateTime('kemarin', 'id')).toBe('kemarin');
    expect(formatDateTime('2018-13-45T99:00:00Z', 'id')).toBe('2018-13-45T99:00:00Z');
  });
});

describe('formatInstantDate', () => {
  it('writes the day of an instant in the local time zone', () => {
    expect(formatInstantDate('2019-07-25T02:00:00Z', 'id', 'Asia/Jakarta')).toBe('25 Juli 2019');
    expect(formatInstantDate('2018-12-31T17:05:00Z', 'id', 'Asia/Jakarta')).toBe('1 Januari 2019');
    expect(formatInstantDate('2018-12-31T17:05:00Z', 'en', 'UTC')).toBe('31 December 2018');
  });

  it('returns text that is not an instant unchanged', () => {
    expect(formatInstantDate('kemarin', 'id')).toBe('kemarin');
  });
});
