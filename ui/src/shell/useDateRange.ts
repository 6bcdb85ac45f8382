// "15 Juli 2018 – 31 Desember 2019", or what is known of it.
import { useI18n } from 'vue-i18n';
import { formatDate } from '../format/date';
import { useLanguage } from '../locales';

export function useDateRange(): (startDate: string | null, endDate: string | null) => string {
  const { t } = useI18n();
  const { language } = useLanguage();
  return (startDate, endDate) => {
    const start = startDate ? formatDate(startDate, language.value) : null;
    const end = endDate ? formatDate(endDate, language.value) : null;
    if (start && end) return t('action.dateRange', { start, end });
    if (start) return t('action.startOnly', { start });
    if (end) return t('action.endOnly', { end });
    return t('action.noDates');
  };
}
