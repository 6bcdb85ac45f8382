import { describe, expect, it } from 'vitest';
import type { Achievement } from '../api/types';
import { annualReason, percentReason, rollupReason } from './reasons';

const base: Achievement = {
  targetToDate: 10,
  realisationToDate: 5,
  percent: 50,
  annualTarget: 20,
  annualPercent: 25,
  grade: 'sangat_rendah',
  reason: 'ok',
};

describe('reasons for "-"', () => {
  it('takes the headline reason from the backend', () => {
    expect(percentReason({ ...base, percent: null, reason: 'zero_target' })).toBe('zero_target');
  });

  it('explains a missing annual capaian', () => {
    expect(annualReason({ ...base, annualTarget: null }, 'positif')).toBe('no_annual_target');
    expect(annualReason({ ...base, realisationToDate: null }, 'positif')).toBe('no_realisation');
    expect(annualReason({ ...base, annualTarget: 0 }, 'positif')).toBe('zero_annual_target');
    expect(annualReason({ ...base, realisationToDate: 0 }, 'negatif')).toBe('zero_realisation');
  });

  it('explains an empty rollup', () => {
    expect(rollupReason({ percent: null, grade: null, indicatorCount: 0, measuredCount: 0 })).toBe('no_indicators');
    expect(rollupReason({ percent: null, grade: null, indicatorCount: 3, measuredCount: 0 })).toBe('none_measured');
  });
});
