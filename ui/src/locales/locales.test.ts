import { beforeEach, describe, expect, it } from 'vitest';
import { AGGREGATIONS, MILESTONE_STATUSES, OGP_VALUES, POLARITIES } from '../api/types';
import type { NoValueReason } from '../achievement/reasons';
import en from './en.json';
import id from './id.json';
import { createAppI18n, rememberedLanguage } from './index';

function keys(messages: object, prefix = ''): string[] {
  return Object.entries(messages).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  );
}

describe('locales', () => {
  beforeEach(() => window.localStorage.clear());

  it('English has exactly the keys of Bahasa Indonesia', () => {
    expect(keys(en).sort()).toEqual(keys(id).sort());
  });

  it('has no empty message', () => {
    for (const messages of [id, en]) {
      const blank = keys(messages).filter((key) => {
        const value = key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], messages);
        return typeof value !== 'string' || value.trim() === '';
      });
      expect(blank).toEqual([]);
    }
  });

  it('starts in Bahasa Indonesia and remembers a valid choice only', () => {
    expect(rememberedLanguage()).toBe('id');
    window.localStorage.setItem('renaksi.language', 'en');
    expect(rememberedLanguage()).toBe('en');
    window.localStorage.setItem('renaksi.language', 'fr');
    expect(rememberedLanguage()).toBe('id');
  });

  it('counts milestones with the right plural form', () => {
    const { t } = createAppI18n('en').global;
    expect(t('action.milestones', 1)).toBe('1 milestone');
    expect(t('action.milestones', 3)).toBe('3 milestones');
    const idT = createAppI18n('id').global.t;
    expect(idT('action.milestones', 3)).toBe('3 tonggak');
    expect(idT('action.milestones', 0)).toBe('belum ada tonggak');
  });

  it('has a label for every value the backend can send', () => {
    const reasons: NoValueReason[] = [
      'no_target',
      'zero_target',
      'no_realisation',
      'zero_realisation',
      'no_annual_target',
      'zero_annual_target',
      'no_indicators',
      'none_measured',
      'unknown',
    ];
    const grades = ['sangat_tinggi', 'tinggi', 'sedang', 'rendah', 'sangat_rendah'];
    const operations = ['create', 'update', 'delete', 'import', 'load', 'undo'];
    const needed = [
      ...MILESTONE_STATUSES.map((v) => `milestoneStatus.${v}`),
      ...POLARITIES.map((v) => `polarity.${v}`),
      ...AGGREGATIONS.map((v) => `aggregation.${v}`),
      ...OGP_VALUES.map((v) => `ogp.${v}`),
      ...grades.map((v) => `grade.${v}`),
      ...reasons.map((v) => `achievement.reason.${v}`),
      ...operations.map((v) => `history.operation.${v}`),
    ];
    for (const messages of [keys(id), keys(en)]) {
      expect(needed.filter((key) => !messages.includes(key))).toEqual([]);
    }
  });
});
