import { describe, expect, it } from 'vitest';
import { sampleOverview } from '../testing/samples';
import { findHit, findMatches, highlight, step } from './find';

const actions = () => sampleOverview().themes.flatMap((theme) => theme.actions);

describe('find in the plan overview', () => {
  it('finds a phrase in codes, titles, OPD names, milestones and indicators, whatever the case or accents', () => {
    const codes = (query: string) => {
      const all = actions();
      return findMatches(all, query).map((id) => all.find((a) => a.id === id)!.code);
    };
    expect(codes('ra-02')).toEqual(['RA-02']);
    expect(codes('PENGADUAN')).toEqual(['RA-01']);
    expect(codes('séminar')).toEqual(['RA-02']);
    expect(codes('Dinas Kesehatan')).toEqual(['RA-01']);
    expect(codes('')).toEqual([]);
    // A phrase, not loose words: the words of two fields do not make a match.
    expect(codes('pengaduan tidak-ada')).toEqual([]);
  });

  it('says where on the card the phrase was found', () => {
    const [first, second] = actions();
    expect(findHit(first!, 'ra-01')).toEqual({ field: 'code', text: 'RA-01' });
    expect(findHit(first!, 'dinas kesehatan')?.field).toBe('opd');
    expect(findHit(second!, 'seminar')?.field).toBe('milestone');
    expect(findHit(first!, 'tidak ada')).toBeNull();
  });

  it('marks every occurrence in the text as written, across accents, case and runs of spaces', () => {
    expect(highlight('Séminar UHC dan seminar desa', 'seminar')).toEqual([
      { text: 'Séminar', mark: true },
      { text: ' UHC dan ', mark: false },
      { text: 'seminar', mark: true },
      { text: ' desa', mark: false },
    ]);
    expect(highlight('Data  terbuka', 'data terbuka')).toEqual([{ text: 'Data  terbuka', mark: true }]);
    expect(highlight('Tanpa hasil', 'xyz')).toEqual([{ text: 'Tanpa hasil', mark: false }]);
    expect(highlight('Apa saja', '  ')).toEqual([{ text: 'Apa saja', mark: false }]);
  });

  it('steps to the next and previous hit, wrapping around', () => {
    expect(step(-1, 3, false)).toBe(0);
    expect(step(-1, 3, true)).toBe(2);
    expect(step(2, 3, false)).toBe(0);
    expect(step(0, 3, true)).toBe(2);
    expect(step(0, 0, false)).toBe(-1);
  });
});
