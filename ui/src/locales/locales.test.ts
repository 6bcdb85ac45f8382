import { beforeEach, describe, expect, it } from 'vitest';
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
});
