// The report screen's calendar and report history at an OPD, against the
// fake backend: each quarter's state and what Bappeda said as of its last
// feedback file; every export with Bappeda's status for it.
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../api/backend';
import {
  createFakeBackend,
  inTurn,
  SAMPLE_KEY_FINGERPRINT,
  SAMPLE_KEY_WORDS,
  SAMPLE_PERIOD,
  sampleCalendar,
  sampleCalendarDue,
  samplePeriods,
  sampleReportHistory,
  type FakeBackend,
} from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import ReportScreen from './ReportScreen.vue';

async function mountScreen(backend: FakeBackend = createFakeBackend(), language: 'id' | 'en' = 'id') {
  const mounted = mountWithApp<Backend>(ReportScreen, {
    backend,
    props: { periods: samplePeriods(), initialPeriod: SAMPLE_PERIOD, opdCode: 'DINKES' },
    language,
    attachTo: document.body,
  });
  await flushPromises();
  return mounted;
}

/** The text as a browser lays it out: runs of white space are one space. */
function text(node: { text(): string }): string {
  return node.text().replace(/\s+/g, ' ');
}

function calendarRow(wrapper: VueWrapper, year: number, quarter: number) {
  const row = wrapper.get(`[data-testid="report-calendar-row"][data-year="${year}"][data-quarter="${quarter}"]`);
  return { state: row.attributes('data-state'), cells: row.findAll('th, td').map(text), row };
}

function historyRows(wrapper: VueWrapper) {
  return wrapper.findAll('[data-testid="report-history-row"]').map((row) => ({
    sequence: row.attributes('data-sequence'),
    status: row.attributes('data-status'),
    cells: row.findAll('th, td').map(text),
  }));
}

describe('the report calendar', () => {
  it('comes first on the report screen, with the next report due and the feedback it goes by', async () => {
    const { wrapper } = await mountScreen();
    const sections = wrapper.findAll('section').map((s) => s.attributes('data-testid'));
    expect(sections[0]).toBe('report-calendar');
    const calendar = wrapper.get('[data-testid="report-calendar"]');
    expect(calendar.get('h3').text()).toBe('Kalender laporan');
    const next = calendar.get('[data-testid="report-calendar-next"]');
    expect(next.text()).toBe('Laporan Triwulan II 2019 terlambat 17 hari (batas 15 Juli 2019).');
    expect(next.attributes('data-tone')).toBe('overdue');
    expect(calendar.get('[data-testid="report-calendar-as-of"]').text()).toBe(
      'Kolom Di Bappeda menurut umpan balik 25 Juli 2019.',
    );
  });

  it('shows every quarter: due date, state, what was exported here and what Bappeda holds', async () => {
    const { wrapper } = await mountScreen();
    expect(wrapper.findAll('[data-testid="report-calendar-row"]')).toHaveLength(8);
    expect(
      wrapper
        .get('[data-testid="report-calendar-table"]')
        .findAll('thead th')
        .map((th) => th.text()),
    ).toEqual(['Triwulan', 'Batas waktu', 'Keadaan', 'Diekspor di sini', 'Di Bappeda']);
    expect(calendarRow(wrapper, 2018, 1)).toMatchObject({
      state: 'diverifikasi',
      cells: [
        // Closed, but reported: the row says both.
        'Triwulan I 2018 ditutup Bappeda',
        '15 April 2018',
        'Diverifikasi',
        '10 April 2018, no. 1',
        'Diverifikasi 20 April 2018 oleh Admin Bappeda',
      ],
    });
    expect(calendarRow(wrapper, 2018, 2).cells.slice(2)).toEqual(['Diterima', '13 Juli 2018, no. 2', 'Diterima 16 Juli 2018']);
    expect(calendarRow(wrapper, 2018, 3).cells.slice(2)).toEqual(['Diekspor', '10 Oktober 2018, no. 3', '–']);
    expect(calendarRow(wrapper, 2018, 4).cells).toEqual(['Triwulan IV 2018', '15 Januari 2019', 'Ditutup', '–', '–']);
    const late = calendarRow(wrapper, 2019, 2);
    // The row the banner names is set apart, in words too (not by colour alone).
    expect(late.cells).toEqual(['Triwulan II 2019 ▸ paling lama terlambat', '15 Juli 2019', 'Terlambat', '–', '–']);
    expect(late.row.classes()).toContain('report-calendar__row--next');
    expect(late.row.attributes('aria-current')).toBe('true');
    expect(calendarRow(wrapper, 2019, 3).cells.slice(1, 3)).toEqual(['15 Oktober 2019', 'Menunggu']);
    expect(wrapper.findAll('[data-testid="report-calendar-marker"]')).toHaveLength(1);
    expect(calendarRow(wrapper, 2019, 3).row.attributes('aria-current')).toBeUndefined();
  });

  it('marks the next report due in words when nothing is late', async () => {
    const { wrapper } = await mountScreen(createFakeBackend({ answers: { reportCalendar: sampleCalendarDue(75) } }));
    const next = calendarRow(wrapper, 2019, 3);
    expect(next.cells[0]).toBe('Triwulan III 2019 ▸ laporan berikutnya');
    expect(next.row.attributes('aria-current')).toBe('true');
  });

  it('says "verified" with the date alone when Bappeda\'s feedback names no verifier', async () => {
    const calendar = sampleCalendar();
    calendar.quarters[0]!.verifiedBy = null;
    const { wrapper } = await mountScreen(createFakeBackend({ answers: { reportCalendar: calendar } }));
    expect(calendarRow(wrapper, 2018, 1).cells[4]).toBe('Diverifikasi 20 April 2018');
  });

  it('says Bappeda has not set a due date rather than that nothing is awaited', async () => {
    const calendar = sampleCalendar({ next: null, overdueCount: 0, waitingWithoutDue: 2 });
    for (const q of calendar.quarters) {
      if (q.year === 2019 && q.quarter >= 3) q.dueDate = null;
    }
    calendar.quarters[5]!.state = 'diekspor';
    const { wrapper } = await mountScreen(createFakeBackend({ answers: { reportCalendar: calendar } }));
    expect(wrapper.get('[data-testid="report-calendar-next"]').text()).toBe(
      'Bappeda belum menetapkan batas waktu laporan Triwulan III 2019 dan 1 triwulan lain.',
    );
    expect(wrapper.findAll('[data-testid="report-calendar-marker"]')).toHaveLength(0);
  });

  it('says when no feedback file was taken yet, and when a due date is not set', async () => {
    const calendar = sampleCalendar({ feedback: null });
    calendar.quarters[7]!.dueDate = null;
    const { wrapper } = await mountScreen(createFakeBackend({ answers: { reportCalendar: calendar } }));
    expect(wrapper.get('[data-testid="report-calendar-as-of"]').text()).toBe(
      'Belum ada umpan balik dari Bappeda: kolom Di Bappeda terisi setelah berkas umpan balik diambil.',
    );
    expect(calendarRow(wrapper, 2019, 4).cells[1]).toBe('belum ditetapkan');
  });

  it('is asked again after an export, with the history', async () => {
    const backend = createFakeBackend({
      answers: {
        reportCalendar: inTurn(sampleCalendar(), sampleCalendarDue(75)),
        reportHistory: inTurn(sampleReportHistory(), sampleReportHistory({ exports: [] })),
      },
    });
    const { wrapper } = await mountScreen(backend);
    await wrapper.get('[data-testid="report-export"]').trigger('click');
    await flushPromises();
    expect(backend.callsOf('exportReport')).toHaveLength(1);
    expect(backend.callsOf('reportCalendar')).toHaveLength(2);
    expect(backend.callsOf('reportHistory')).toHaveLength(2);
    expect(wrapper.get('[data-testid="report-calendar-next"]').text()).toBe(
      'Laporan berikutnya: Triwulan III 2019, batas 15 Oktober 2019 (75 hari lagi).',
    );
    expect(wrapper.get('[data-testid="report-history-empty"]').text()).toBe(
      'Belum ada laporan yang diekspor untuk rencana aksi ini.',
    );
  });

  it('speaks English', async () => {
    const { wrapper } = await mountScreen(createFakeBackend(), 'en');
    expect(wrapper.get('[data-testid="report-calendar"] h3').text()).toBe('Report calendar');
    expect(calendarRow(wrapper, 2018, 1).cells.slice(2)).toEqual([
      'Verified',
      '10 April 2018, no. 1',
      'Verified 20 April 2018 by Admin Bappeda',
    ]);
    expect(wrapper.get('[data-testid="report-calendar-as-of"]').text()).toBe(
      'The At Bappeda column as of the feedback of 25 July 2019.',
    );
  });
});

describe('the report history', () => {
  it('lists every export, newest first, with its key in words and Bappeda\'s status', async () => {
    const { wrapper } = await mountScreen();
    const section = wrapper.get('[data-testid="report-history"]');
    expect(section.get('h3').text()).toBe('Riwayat laporan');
    expect(section.findAll('thead th').map((th) => th.text())).toEqual(['Diekspor', 'Triwulan', 'No.', 'Kunci', 'Di Bappeda']);
    expect(section.get('[data-testid="report-history-as-of"]').text()).toBe('Status di Bappeda menurut umpan balik 25 Juli 2019.');
    const key = `${SAMPLE_KEY_WORDS} ${SAMPLE_KEY_FINGERPRINT}`;
    expect(historyRows(wrapper)).toEqual([
      {
        sequence: '5',
        status: 'belum_ada_kabar',
        cells: ['26 Juli 2019 10.00', 'Triwulan I 2019', '5', key, 'Belum ada kabar'],
      },
      {
        sequence: '3',
        status: 'tidak_tercatat',
        cells: ['10 Oktober 2018 10.00', 'Triwulan III 2018', '3', key, 'Tidak tercatat'],
      },
      {
        sequence: '2',
        status: 'diterima',
        cells: ['13 Juli 2018 10.00', 'Triwulan II 2018', '2', key, 'Diterima 16 Juli 2018'],
      },
      {
        sequence: '1',
        status: 'diverifikasi',
        cells: ['10 April 2018 10.00', 'Triwulan I 2018', '1', key, 'Diverifikasi 20 April 2018 oleh Admin Bappeda'],
      },
    ]);
    expect(section.get('[data-testid="report-history-legend"]').text()).toContain('Tidak tercatat: umpan balik yang ditulis sesudah');
  });

  it('says so when nothing was exported yet, and when no feedback arrived', async () => {
    const none = await mountScreen(createFakeBackend({ answers: { reportHistory: sampleReportHistory({ exports: [] }) } }));
    expect(none.wrapper.get('[data-testid="report-history-empty"]').text()).toBe(
      'Belum ada laporan yang diekspor untuk rencana aksi ini.',
    );
    const noFeedback = sampleReportHistory({ feedback: null });
    const { wrapper } = await mountScreen(createFakeBackend({ answers: { reportHistory: noFeedback } }));
    expect(wrapper.get('[data-testid="report-history-as-of"]').text()).toBe(
      'Belum ada umpan balik dari Bappeda, jadi status setiap laporan di Bappeda belum diketahui.',
    );
  });

  it('shows the hex fingerprint alone when the recorded one has no words', async () => {
    const history = sampleReportHistory();
    history.exports[0]!.keyWords = '';
    const { wrapper } = await mountScreen(createFakeBackend({ answers: { reportHistory: history } }));
    expect(text(wrapper.findAll('[data-testid="report-history-key"]')[0]!)).toBe(SAMPLE_KEY_FINGERPRINT);
  });

  it('gives the date alone when the feedback names no verifier', async () => {
    const history = sampleReportHistory();
    history.exports[3]!.verifiedBy = null;
    const { wrapper } = await mountScreen(createFakeBackend({ answers: { reportHistory: history } }));
    expect(historyRows(wrapper)[3]!.cells[4]).toBe('Diverifikasi 20 April 2018');
  });

  it('speaks English', async () => {
    const { wrapper } = await mountScreen(createFakeBackend(), 'en');
    expect(historyRows(wrapper).map((row) => row.cells[4])).toEqual([
      'No news yet',
      'Not recorded',
      'Received 16 July 2018',
      'Verified 20 April 2018 by Admin Bappeda',
    ]);
  });
});
