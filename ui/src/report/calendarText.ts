// The words of the calendar's answer, shared by the plan overview's banner
// and the report screen's calendar: the next report due and the days left,
// or the oldest overdue one and the days late. Which report that is, and the
// days, are the core's answer (`ReportCalendar.next`).
import { useI18n } from 'vue-i18n';
import type { PeriodRef, ReportCalendar } from '../api/types';
import { usePeriodLabel } from '../achievement/labels';
import { formatDate } from '../format/date';
import { formatNumber } from '../format/number';
import { useLanguage } from '../locales';

/** Due within this many days: amber. */
export const SOON_DAYS = 7;

export type CalendarTone = 'calm' | 'soon' | 'overdue';

export function calendarTone(calendar: ReportCalendar): CalendarTone {
  const next = calendar.next;
  if (!next) return 'calm';
  if (next.overdue) return 'overdue';
  return next.daysLeft <= SOON_DAYS ? 'soon' : 'calm';
}

/**
 * "Laporan Triwulan II 2019 terlambat 17 hari (batas 15 Juli 2019)", or the
 * next due; with none, the first quarter still awaited whose due date Bappeda
 * has not set (never "nothing awaited" while one is), else nothing awaited.
 */
export function useNextDueText(): (calendar: ReportCalendar) => string {
  const { t } = useI18n();
  const { language } = useLanguage();
  const periodLabel = usePeriodLabel();
  return (calendar) => {
    const next = calendar.next;
    if (!next) {
      const undated = calendar.quarters.find((q) => q.state === 'menunggu' && q.dueDate === null);
      if (calendar.waitingWithoutDue === 0 || !undated) return t('calendar.next.none');
      const period = periodLabel({ year: undated.year, quarter: undated.quarter as PeriodRef['quarter'] });
      const others = calendar.waitingWithoutDue - 1;
      return others > 0
        ? t('calendar.next.noDueOthers', { period, n: formatNumber(others) }, others)
        : t('calendar.next.noDue', { period });
    }
    const period = periodLabel({ year: next.year, quarter: next.quarter as PeriodRef['quarter'] });
    const due = formatDate(next.dueDate, language.value);
    if (next.overdue) {
      const late = -next.daysLeft;
      const said = t('calendar.next.overdue', { period, due, days: formatNumber(late) }, late);
      const others = calendar.overdueCount - 1;
      return others > 0 ? `${said} ${t('calendar.next.others', { n: formatNumber(others) }, others)}` : said;
    }
    const left =
      next.daysLeft === 0
        ? t('calendar.next.today')
        : t('calendar.next.daysLeft', { days: formatNumber(next.daysLeft) }, next.daysLeft);
    return t('calendar.next.due', { period, due, left });
  };
}
