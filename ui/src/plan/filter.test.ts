import { describe, expect, it } from 'vitest';
import { sampleOverview } from '../testing/samples';
import { filtersActive, matchesFilters, noFilters, normaliseText } from './filter';

function codes(filters: Partial<ReturnType<typeof noFilters>>): string[] {
  const all = { ...noFilters(), ...filters };
  return sampleOverview()
    .themes.flatMap((theme) => theme.actions.filter((a) => matchesFilters(a, theme.id, all)))
    .map((a) => a.code);
}

describe('plan filters', () => {
  it('normalises case, accents and spaces', () => {
    expect(normaliseText('  Séminar   UHC ')).toBe('seminar uhc');
  });

  it('searches codes, titles, milestones and indicators, whatever the case or accents', () => {
    expect(codes({ search: 'uhc' })).toEqual(['RA-01']);
    expect(codes({ search: 'ra-02' })).toEqual(['RA-02']);
    expect(codes({ search: 'SEMINAR' })).toEqual(['RA-02']);
    expect(codes({ search: 'pengaduan kesehatan' })).toEqual(['RA-01']);
    expect(codes({ search: 'tidak ada' })).toEqual([]);
    expect(codes({ search: '  ' })).toEqual(['RA-01', 'RA-02']);
  });

  it('filters by an OPD that leads, supports or owns a milestone or indicator', () => {
    expect(codes({ opdCode: 'DINKES' })).toEqual(['RA-01']);
    expect(codes({ opdCode: 'RSUD' })).toEqual(['RA-01']);
    expect(codes({ opdCode: 'DINSOS' })).toEqual(['RA-02']);
  });

  it('filters by theme and milestone status', () => {
    expect(codes({ themeId: 'theme-2' })).toEqual([]);
    expect(codes({ status: 'belum_dimulai' })).toEqual(['RA-02']);
    expect(codes({ status: 'selesai' })).toEqual(['RA-01']);
  });

  it('knows when a filter is on', () => {
    expect(filtersActive(noFilters())).toBe(false);
    expect(filtersActive({ ...noFilters(), search: ' x ' })).toBe(true);
  });
});
