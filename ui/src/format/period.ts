// Periods (Triwulan I-IV of a plan year) as keys for <select> values and as
// Roman numerals, the way the plan documents number quarters.
import type { PeriodRef, Quarter } from '../api/types';

const ROMAN: Record<Quarter, string> = { 1: 'I', 2: 'II', 3: 'III', 4: 'IV' };

/** 3 -> "III" */
export function romanQuarter(quarter: Quarter): string {
  return ROMAN[quarter] ?? String(quarter);
}

/** {year: 2018, quarter: 3} -> "2018-3"; "" for none (a plan without quarters). */
export function periodKey(period: PeriodRef | null): string {
  return period ? `${period.year}-${period.quarter}` : '';
}

/** "2018-3" -> {year: 2018, quarter: 3}; null for anything else. */
export function parsePeriodKey(key: string): PeriodRef | null {
  const match = /^(\d{4})-([1-4])$/.exec(key);
  if (!match) return null;
  return { year: Number(match[1]), quarter: Number(match[2]) as Quarter };
}

export function samePeriod(a: PeriodRef, b: PeriodRef): boolean {
  return a.year === b.year && a.quarter === b.quarter;
}
