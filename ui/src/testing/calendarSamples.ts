// Samples of the OPD's calendar and report history (DINKES, as of 1 August
// 2019, with Bappeda's feedback file of 25 July 2019), for the fake backend.
import type { ExportEntry, QuarterCalendar, ReportCalendar, ReportHistory } from '../api/types';
import { SAMPLE_KEY_FINGERPRINT, SAMPLE_KEY_WORDS, samplePeriods } from './samples';

export const SAMPLE_CALENDAR_TODAY = '2019-08-01';
export const SAMPLE_FEEDBACK_WRITTEN_AT = '2019-07-25T02:00:00Z';

/** Per quarter "year-quarter": what happened to its report. */
const QUARTERS: Record<string, Partial<QuarterCalendar>> = {
  '2018-1': {
    exported: { sequence: 1, exportedAt: '2018-04-10T03:00:00Z' },
    receivedAt: '2018-04-12T03:00:00Z',
    verifiedAt: '2018-04-20T03:00:00Z',
    verifiedBy: 'Admin Bappeda',
    state: 'diverifikasi',
  },
  '2018-2': {
    exported: { sequence: 2, exportedAt: '2018-07-13T03:00:00Z' },
    receivedAt: '2018-07-16T03:00:00Z',
    state: 'diterima',
  },
  '2018-3': { exported: { sequence: 3, exportedAt: '2018-10-10T03:00:00Z' }, state: 'diekspor' },
  '2018-4': { state: 'ditutup', closed: true },
  '2019-1': { exported: { sequence: 5, exportedAt: '2019-07-26T03:00:00Z' }, state: 'diekspor' },
  '2019-2': { state: 'terlambat' },
};

export function sampleCalendar(overrides: Partial<ReportCalendar> = {}): ReportCalendar {
  return {
    today: SAMPLE_CALENDAR_TODAY,
    feedback: { sequence: 2, writtenAt: SAMPLE_FEEDBACK_WRITTEN_AT, takenAt: '2019-07-27T01:00:00Z' },
    quarters: samplePeriods().map((period) => ({
      year: period.year,
      quarter: period.quarter,
      dueDate: period.dueDate,
      closed: period.closed,
      exported: null,
      receivedAt: null,
      verifiedAt: null,
      verifiedBy: null,
      state: 'menunggu',
      ...QUARTERS[`${period.year}-${period.quarter}`],
    })),
    next: { year: 2019, quarter: 2, dueDate: '2019-07-15', daysLeft: -17, overdue: true },
    overdueCount: 1,
    waitingWithoutDue: 0,
    ...overrides,
  };
}

/** A calendar with nothing late: TW III 2019 due in `daysLeft` days. */
export function sampleCalendarDue(daysLeft: number): ReportCalendar {
  return sampleCalendar({
    next: { year: 2019, quarter: 3, dueDate: '2019-10-15', daysLeft, overdue: false },
    overdueCount: 0,
  });
}

function entry(partial: Partial<ExportEntry> & Pick<ExportEntry, 'sequence' | 'year' | 'quarter' | 'exportedAt'>): ExportEntry {
  return {
    id: `report-${partial.sequence}`,
    fileName: `laporan-dinkes-${partial.year}-tw${partial.quarter}.xlsx`,
    keyFingerprint: SAMPLE_KEY_FINGERPRINT,
    keyWords: SAMPLE_KEY_WORDS,
    status: 'belum_ada_kabar',
    receivedAt: null,
    verifiedAt: null,
    verifiedBy: null,
    ...partial,
  };
}

/** Four exports, newest first, one of each status. */
export function sampleReportHistory(overrides: Partial<ReportHistory> = {}): ReportHistory {
  return {
    feedback: { sequence: 2, writtenAt: SAMPLE_FEEDBACK_WRITTEN_AT, takenAt: '2019-07-27T01:00:00Z' },
    exports: [
      entry({ sequence: 5, year: 2019, quarter: 1, exportedAt: '2019-07-26T03:00:00Z' }),
      entry({ sequence: 3, year: 2018, quarter: 3, exportedAt: '2018-10-10T03:00:00Z', status: 'tidak_tercatat' }),
      entry({
        sequence: 2,
        year: 2018,
        quarter: 2,
        exportedAt: '2018-07-13T03:00:00Z',
        status: 'diterima',
        receivedAt: '2018-07-16T03:00:00Z',
      }),
      entry({
        sequence: 1,
        year: 2018,
        quarter: 1,
        exportedAt: '2018-04-10T03:00:00Z',
        status: 'diverifikasi',
        receivedAt: '2018-04-12T03:00:00Z',
        verifiedAt: '2018-04-20T03:00:00Z',
        verifiedBy: 'Admin Bappeda',
      }),
    ],
    ...overrides,
  };
}
