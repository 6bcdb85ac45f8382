// The UI languages, the vue-i18n instance and the remembered language choice.
import { computed, type ComputedRef } from 'vue';
import { createI18n, useI18n } from 'vue-i18n';
import en from './en.json';
import id from './id.json';

export const LANGUAGES = ['id', 'en'] as const;
export type UiLanguage = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: UiLanguage = 'id';

const STORAGE_KEY = 'renaksi.language';

function isLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language chosen last time, or Bahasa Indonesia. */
export function rememberedLanguage(): UiLanguage {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    if (isLanguage(stored)) return stored;
  } catch {
    // Storage can be unavailable; the default language is fine then.
  }
  return DEFAULT_LANGUAGE;
}

function rememberLanguage(language: UiLanguage): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Not remembering the choice is no reason to refuse it.
  }
}

export function createAppI18n(language: UiLanguage = rememberedLanguage()) {
  return createI18n({
    legacy: false,
    locale: language,
    fallbackLocale: DEFAULT_LANGUAGE,
    messages: { id, en },
  });
}

export interface LanguageControl {
  language: ComputedRef<UiLanguage>;
  setLanguage(language: UiLanguage): void;
}

/** The current UI language, and a setter that also remembers the choice. */
export function useLanguage(): LanguageControl {
  const { locale } = useI18n({ useScope: 'global' });
  const language = computed<UiLanguage>(() => (isLanguage(locale.value) ? locale.value : DEFAULT_LANGUAGE));
  function setLanguage(next: UiLanguage): void {
    locale.value = next;
    rememberLanguage(next);
  }
  return { language, setLanguage };
}
