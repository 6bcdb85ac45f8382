// The plan overview's calendar banner at an OPD, against the fake backend:
// the words, the tone and the way to the report screen come from the
// calendar the backend answers.
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { defineComponent, h, KeepAlive, nextTick, ref } from 'vue';
import type { Backend } from '../api/backend';
import { createFakeBackend, inTurn, sampleCalendar, sampleCalendarDue, type FakeBackend } from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import { sampleOverview } from '../testing/samples';
import PlanOverview from '../plan/PlanOverview.vue';
import CalendarBanner from './CalendarBanner.vue';

async function mountBanner(options: { backend?: FakeBackend; language?: 'id' | 'en' } = {}) {
  const backend = options.backend ?? createFakeBackend();
  const mounted = mountWithApp<Backend>(CalendarBanner, { backend, props: { planId: 'plan-1' }, language: options.language });
  await flushPromises();
  return { ...mounted, fake: backend };
}

function banner(wrapper: { get(selector: string): { text(): string; attributes(name: string): string | undefined } }) {
  const root = wrapper.get('[data-testid="calendar-banner"]');
  return { text: wrapper.get('[data-testid="calendar-banner-text"]').text(), tone: root.attributes('data-tone') };
}

describe('CalendarBanner', () => {
  it('names the oldest overdue report in red, with the days late and its due date', async () => {
    const { wrapper, fake } = await mountBanner();
    expect(fake.callsOf('reportCalendar')).toEqual([[]]);
    expect(banner(wrapper)).toEqual({
      text: 'Laporan Triwulan II 2019 terlambat 17 hari (batas 15 Juli 2019).',
      tone: 'overdue',
    });
    expect(wrapper.get('[data-testid="calendar-banner"]').classes()).toContain('calendar-banner--overdue');
  });

  it('says how many other reports are late too', async () => {
    const backend = createFakeBackend({ answers: { reportCalendar: sampleCalendar({ overdueCount: 3 }) } });
    const { wrapper } = await mountBanner({ backend });
    expect(banner(wrapper).text).toBe(
      'Laporan Triwulan II 2019 terlambat 17 hari (batas 15 Juli 2019). 2 laporan lain juga terlambat.',
    );
  });

  it('names the next report due with the days left: amber within a week, calm before', async () => {
    const soon = await mountBanner({ backend: createFakeBackend({ answers: { reportCalendar: sampleCalendarDue(5) } }) });
    expect(banner(soon.wrapper)).toEqual({
      text: 'Laporan berikutnya: Triwulan III 2019, batas 15 Oktober 2019 (5 hari lagi).',
      tone: 'soon',
    });
    const today = await mountBanner({ backend: createFakeBackend({ answers: { reportCalendar: sampleCalendarDue(0) } }) });
    expect(banner(today.wrapper).text).toBe('Laporan berikutnya: Triwulan III 2019, batas 15 Oktober 2019 (hari ini).');
    const later = await mountBanner({ backend: createFakeBackend({ answers: { reportCalendar: sampleCalendarDue(75) } }) });
    expect(banner(later.wrapper)).toEqual({
      text: 'Laporan berikutnya: Triwulan III 2019, batas 15 Oktober 2019 (75 hari lagi).',
      tone: 'calm',
    });
  });

  it('says when nothing is awaited', async () => {
    const backend = createFakeBackend({ answers: { reportCalendar: sampleCalendar({ next: null, overdueCount: 0 }) } });
    const { wrapper } = await mountBanner({ backend });
    expect(banner(wrapper)).toEqual({
      text: 'Tidak ada laporan triwulan yang menunggu untuk rencana aksi ini.',
      tone: 'calm',
    });
  });

  it('says Bappeda has not set a due date while a quarter without one is awaited', async () => {
    const undated = (waiting: number) => {
      const calendar = sampleCalendar({ next: null, overdueCount: 0, waitingWithoutDue: waiting });
      for (const q of calendar.quarters) {
        if (q.year === 2019) {
          q.dueDate = null;
          q.state = 'menunggu';
        }
      }
      return calendar;
    };
    const one = await mountBanner({ backend: createFakeBackend({ answers: { reportCalendar: undated(1) } }) });
    expect(banner(one.wrapper)).toEqual({
      text: 'Bappeda belum menetapkan batas waktu laporan Triwulan I 2019.',
      tone: 'calm',
    });
    const many = await mountBanner({ backend: createFakeBackend({ answers: { reportCalendar: undated(4) } }) });
    expect(banner(many.wrapper).text).toBe(
      'Bappeda belum menetapkan batas waktu laporan Triwulan I 2019 dan 3 triwulan lain.',
    );
    const english = await mountBanner({ language: 'en', backend: createFakeBackend({ answers: { reportCalendar: undated(2) } }) });
    expect(banner(english.wrapper).text).toBe(
      'Bappeda has not set the due date for the Quarter I 2019 report and 1 other quarter yet.',
    );
    const englishOne = await mountBanner({ language: 'en', backend: createFakeBackend({ answers: { reportCalendar: undated(1) } }) });
    expect(banner(englishOne.wrapper).text).toBe('Bappeda has not set the due date for the Quarter I 2019 report yet.');
  });

  it('speaks English, with singular and plural days', async () => {
    const one = await mountBanner({
      language: 'en',
      backend: createFakeBackend({
        answers: {
          reportCalendar: sampleCalendar({ next: { year: 2019, quarter: 2, dueDate: '2019-07-15', daysLeft: -1, overdue: true } }),
        },
      }),
    });
    expect(banner(one.wrapper).text).toBe('The report for Quarter II 2019 is 1 day late (due 15 July 2019).');
    const many = await mountBanner({ language: 'en', backend: createFakeBackend({ answers: { reportCalendar: sampleCalendarDue(12) } }) });
    expect(banner(many.wrapper).text).toBe('Next report: Quarter III 2019, due 15 October 2019 (12 days left).');
  });

  it('opens the report screen', async () => {
    const { wrapper } = await mountBanner();
    await wrapper.get('[data-testid="calendar-banner-open"]').trigger('click');
    expect(wrapper.emitted('open-report')).toHaveLength(1);
    expect(wrapper.get('[data-testid="calendar-banner-open"]').text()).toBe('Buka laporan');
  });

  it('says so when the calendar cannot be read', async () => {
    const backend = createFakeBackend({ failures: { reportCalendar: { code: 'not_found', message: 'Rencana aksi tidak ditemukan.' } } });
    const { wrapper } = await mountBanner({ backend });
    expect(banner(wrapper).text).toBe('Kalender laporan tidak dapat dibaca: Rencana aksi tidak ditemukan.');
  });
});

describe('PlanOverview with the calendar banner', () => {
  it('shows the banner only when asked (an OPD), and passes on its way to the report', async () => {
    const without = mountWithApp(PlanOverview, { props: { overview: sampleOverview() } });
    await flushPromises();
    expect(without.wrapper.find('[data-testid="calendar-banner"]').exists()).toBe(false);
    expect(without.backend.callsOf('reportCalendar')).toEqual([]);

    const withBanner = mountWithApp(PlanOverview, { props: { overview: sampleOverview(), showCalendar: true } });
    await flushPromises();
    const shown = withBanner.wrapper.get('[data-testid="calendar-banner"]');
    // On the line of the count, above the first theme: no row of its own.
    expect(shown.element.parentElement?.classList.contains('plan-overview__count')).toBe(true);
    await withBanner.wrapper.get('[data-testid="calendar-banner-open"]').trigger('click');
    expect(withBanner.wrapper.emitted('open-report')).toHaveLength(1);
  });

  it('asks again when the overview is shown again (after an export the report is no longer late)', async () => {
    const backend = createFakeBackend({ answers: { reportCalendar: inTurn(sampleCalendar(), sampleCalendarDue(75)) } });
    const showing = ref(true);
    const Host = defineComponent({
      setup: () => () =>
        h(KeepAlive, null, [
          showing.value
            ? h(PlanOverview, { overview: sampleOverview(), showCalendar: true, key: 'overview' })
            : h('p', { key: 'other' }, 'laporan'),
        ]),
    });
    const { wrapper } = mountWithApp(Host, { backend });
    await flushPromises();
    expect(wrapper.get('[data-testid="calendar-banner"]').attributes('data-tone')).toBe('overdue');
    showing.value = false;
    await nextTick();
    showing.value = true;
    await flushPromises();
    expect(backend.callsOf('reportCalendar').length).toBeGreaterThanOrEqual(2);
    expect(wrapper.get('[data-testid="calendar-banner-text"]').text()).toBe(
      'Laporan berikutnya: Triwulan III 2019, batas 15 Oktober 2019 (75 hari lagi).',
    );
  });
});
