import { describe, expect, it } from 'vitest';
import { parsePeriodKey, periodKey, romanQuarter, samePeriod } from './period';

describe('periods', () => {
  it('numbers quarters the Roman way', () => {
    expect([1, 2, 3, 4].map((q) => romanQuarter(q as 1 | 2 | 3 | 4))).toEqual(['I', 'II', 'III', 'IV']);
  });

  it('turns a period into a key and back', () => {
    expect(periodKey({ year: 2018, quarter: 3 })).toBe('2018-3');
    expect(parsePeriodKey('2018-3')).toEqual({ year: 2018, quarter: 3 });
    expect(parsePeriodKey('2018-5')).toBeNull();
    expect(parsePeriodKey('')).toBeNull();
    expect(samePeriod({ year: 2018, quarter: 3 }, { year: 2018, quarter: 3 })).toBe(true);
    expect(samePeriod({ year: 2018, quarter: 3 }, { year: 2019, quarter: 3 })).toBe(false);
  });
});
