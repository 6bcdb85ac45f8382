// Labels that come from settings or need the UI language: predikat, period,
// OPD, milestone status.
import { useI18n } from 'vue-i18n';
import type { GradeBand, GradeKey, OpdRef, PeriodRef } from '../api/types';
import { romanQuarter } from '../format/period';
import { useLanguage } from '../locales';

/**
 * The predikat label: in Bahasa Indonesia the one from the settings (the
 * plan's own words), in English the translation of its key.
 */
export function useGradeLabel(): (key: GradeKey, grades: GradeBand[]) => string {
  const { t } = useI18n();
  const { language } = useLanguage();
  return (key, grades) => {
    if (language.value === 'id') {
      const band = grades.find((g) => g.key === key);
      if (band && band.label.trim() !== '') return band.label;
    }
    return t(`grade.${key}`);
  };
}

/** "Triwulan III 2018" */
export function usePeriodLabel(): (period: PeriodRef) => string {
  const { t } = useI18n();
  return (period) => t('period.label', { q: romanQuarter(period.quarter), year: String(period.year) });
}

/** "Dinas Kesehatan (DINKES)" */
export function useOpdLabel(): (opd: OpdRef) => string {
  const { t } = useI18n();
  return (opd) => t('action.opd', { name: opd.name, code: opd.code });
}
