// The whole screen flow, as a user goes through it, against a fake backend.
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import App from './App.vue';
import { shown } from './testing/visibility';
import type { Backend } from './api/backend';
import type { AppStatus, PeriodRef, PlanOverview } from './api/types';
import {
  createFakeBackend,
  SAMPLE_BAPPEDA,
  SAMPLE_BAPPEDA_ABILITIES,
  SAMPLE_DATA_FILE,
  SAMPLE_PERIOD,
  sampleOverview,
  sampleReceivedNote,
} from './testing/fakeBackend';
import { mountWithApp } from './testing/mount';
import { loadScreens } from './testing/screens';

beforeAll(loadScreens);

/** The backend's overview for the period asked for (the default one when none). */
function overviewFor(period: PeriodRef | null): PlanOverview {
  return { ...sampleOverview(), period: period ?? SAMPLE_PERIOD };
}

/** Fill in the profile step of the first start and submit it. */
async function submitProfile(wrapper: VueWrapper, role: string, name: string): Promise<void> {
  await wrapper.get('[data-testid="profile-role"]').setValue(role);
  await wrapper.get('[data-testid="profile-user-name"]').setValue(name);
  await wrapper.get('[data-testid="profile-form"]').trigger('submit');
  await flushPromises();
}

describe('App', () => {
  it('shows a loading state while the app status is asked for', async () => {
    const backend: Backend = { ...createFakeBackend(), appStatus: () => new Promise<AppStatus>(() => {}) };
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();
    expect(wrapper.find('[data-testid="app-loading"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="first-start"]').exists()).toBe(false);
  });

  it('shows the plan in its first frame when the answers came with the page', async () => {
    const source = createFakeBackend();
    const known = { status: await source.appStatus(), overview: await source.planOverview(null) };
    const fake = createFakeBackend();
    const backend: Backend = {
      ...fake,
      startup: () => ({ status: Promise.resolve(known.status), overview: Promise.resolve(known.overview), known }),
    };
    const { wrapper } = mountWithApp(App, { backend });

    // No promise has settled yet: this is the first render.
    expect(wrapper.find('[data-testid="app-loading"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="plan-title"]').text()).toBe(
      'Rencana Aksi Daerah Keterbukaan Pemerintah Kabupaten Wonosobo 2018-2019',
    );
    expect(wrapper.get('[data-testid="profile-badge"]').text()).toBe('OPD DINKES · Sari');
    // Neither start question is asked again; the only call is the OPD's
    // calendar banner asking for its line, which the plan does not wait for.
    expect(fake.calls.map((call) => call.method)).toEqual(['reportCalendar']);
    expect(wrapper.get('[data-testid="calendar-banner-text"]').text()).toBe('Memuat kalender laporan…');
  });

  it('on first start shows both choices and where the data file lives', async () => {
    const { wrapper } = mountWithApp(App, { backend: createFakeBackend({ needsSetup: true }) });
    await flushPromises();

    const firstStart = wrapper.get('[data-testid="first-start"]');
    expect(firstStart.text()).toContain('Renaksi');
    expect(firstStart.text()).toContain(SAMPLE_DATA_FILE);
    expect(wrapper.get('[data-testid="choose-demo"]').text()).toBe('Muat rencana contoh Kabupaten Wonosobo 2018-2019');
    expect(wrapper.get('[data-testid="choose-empty"]').text()).toBe('Mulai kosong');
  });

  it('loads the demo plan after the profile step, then shows the plan and the profile', async () => {
    const backend = createFakeBackend({ needsSetup: true });
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();

    await wrapper.get('[data-testid="choose-demo"]').trigger('click');
    await flushPromises();
    expect(backend.callsOf('firstStart')).toEqual([]);
    await submitProfile(wrapper, 'DINKES', '  Sari ');

    expect(backend.callsOf('firstStart')).toEqual([
      [{ choice: 'demo', role: 'opd', opdCode: 'DINKES', userName: 'Sari' }],
    ]);
    expect(wrapper.get('[data-testid="profile-badge"]').text()).toBe('OPD DINKES · Sari');
    expect(wrapper.find('[data-testid="first-start"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="plan-title"]').text()).toBe(
      'Rencana Aksi Daerah Keterbukaan Pemerintah Kabupaten Wonosobo 2018-2019',
    );
    expect(wrapper.findAll('[data-testid="theme"]')).toHaveLength(2);
    expect(wrapper.findAll('[data-testid="action"]')).toHaveLength(2);
    expect(wrapper.text()).toContain('Renaksi versi 0.1.0');
  });

  it('disables the start button while the first start runs', async () => {
    let finish: (status: AppStatus) => void = () => {};
    const fake = createFakeBackend({ needsSetup: true });
    const backend: Backend = { ...fake, firstStart: () => new Promise<AppStatus>((resolve) => (finish = resolve)) };
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();

    await wrapper.get('[data-testid="choose-empty"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="profile-user-name"]').setValue('Admin Bappeda');
    await wrapper.get('[data-testid="profile-form"]').trigger('submit');
    expect(wrapper.get('[data-testid="profile-submit"]').attributes('disabled')).toBeDefined();
    expect(wrapper.text()).toContain('Sedang menyiapkan data…');

    finish({
      needsSetup: false,
      dataFile: SAMPLE_DATA_FILE,
      schemaVersion: 1,
      appVersion: '0.1.0',
      profile: { role: 'bappeda', opdCode: null, userName: 'Admin Bappeda' },
      abilities: SAMPLE_BAPPEDA_ABILITIES,
    });
    await flushPromises();
    expect(wrapper.find('[data-testid="first-start"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="profile-badge"]').text()).toBe('Bappeda · Admin Bappeda');
  });

  it('explains the empty plan when the database holds no plan', async () => {
    const { wrapper } = mountWithApp(App, { backend: createFakeBackend({ overview: null }) });
    await flushPromises();

    const empty = wrapper.get('[data-testid="empty-plan"]');
    expect(empty.text()).toContain('paket rencana aksi');
    expect(empty.text()).toContain('Tidak ada yang hilang');
    expect(empty.text()).toContain(SAMPLE_DATA_FILE);
    expect(wrapper.find('[data-testid="plan-title"]').exists()).toBe(false);
  });

  it('reaches the empty plan after choosing to start empty', async () => {
    // Started empty, the backend has no plan to show.
    const backend = createFakeBackend({ needsSetup: true, overview: null });
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();

    await wrapper.get('[data-testid="choose-empty"]').trigger('click');
    await flushPromises();
    await submitProfile(wrapper, 'bappeda', 'Admin Bappeda');

    expect(backend.callsOf('firstStart')).toEqual([
      [{ choice: 'empty', role: 'bappeda', opdCode: null, userName: 'Admin Bappeda' }],
    ]);
    expect(wrapper.find('[data-testid="empty-plan"]').exists()).toBe(true);
  });

  it('shows the backend message in the alert when a command is refused', async () => {
    const message = 'Basis data ini dibuat oleh Renaksi versi yang lebih baru. Perbarui aplikasi Renaksi.';
    const backend = createFakeBackend({ failures: { appStatus: { code: 'db_newer', message } } });
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();

    const alert = wrapper.get('[data-testid="error-alert"]');
    expect(alert.attributes('role')).toBe('alert');
    expect(alert.text()).toContain(message);
    expect(alert.text()).toContain('db_newer');
    expect(wrapper.find('[data-testid="app-loading"]').exists()).toBe(false);
  });

  it('shows a user text in an error as text, never as markup', async () => {
    const message = '<img src=x onerror="alert(1)"> gagal';
    const backend = createFakeBackend({ failures: { planOverview: { code: 'x', message } } });
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();

    const alert = wrapper.get('[data-testid="error-alert"]');
    expect(alert.find('img').exists()).toBe(false);
    expect(alert.text()).toContain(message);
  });

  it('keeps the profile form, as filled in, after a refused first start', async () => {
    const backend = createFakeBackend({
      needsSetup: true,
      failures: { firstStart: { code: 'demo_missing', message: 'Rencana contoh tidak ditemukan.' } },
    });
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();

    await wrapper.get('[data-testid="choose-demo"]').trigger('click');
    await flushPromises();
    await submitProfile(wrapper, 'DINSOS', 'Budi');

    expect(wrapper.get('[data-testid="error-alert"]').text()).toContain('Rencana contoh tidak ditemukan.');
    expect(wrapper.get('[data-testid="profile-submit"]').attributes('disabled')).toBeUndefined();
    expect((wrapper.get('[data-testid="profile-user-name"]').element as HTMLInputElement).value).toBe('Budi');
    expect((wrapper.get('[data-testid="profile-role"]').element as HTMLSelectElement).value).toBe('DINSOS');
  });

  it('shows a refused list of demo OPDs in the alert and stays on the choice', async () => {
    const backend = createFakeBackend({
      needsSetup: true,
      failures: { demoOpds: { code: 'demo_missing', message: 'Rencana contoh tidak ditemukan.' } },
    });
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();

    await wrapper.get('[data-testid="choose-demo"]').trigger('click');
    await flushPromises();

    expect(wrapper.get('[data-testid="error-alert"]').text()).toContain('Rencana contoh tidak ditemukan.');
    expect(wrapper.get('[data-testid="choose-demo"]').attributes('disabled')).toBeUndefined();
  });

  it('gives a readable sentence when a rejection carries no message', async () => {
    const backend = createFakeBackend({ failures: { appStatus: 42 } });
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();

    expect(wrapper.get('[data-testid="error-alert"]').text()).toContain('Terjadi kesalahan yang tidak terduga');
  });

  it('tries again from the start after a failure', async () => {
    const fake = createFakeBackend();
    let attempts = 0;
    const backend: Backend = {
      ...fake,
      appStatus: () => (++attempts === 1 ? Promise.reject({ code: 'busy', message: 'Coba sebentar lagi.' }) : fake.appStatus()),
    };
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();

    await wrapper.get('[data-testid="retry"]').trigger('click');
    await flushPromises();

    expect(wrapper.find('[data-testid="error-alert"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="plan-title"]').exists()).toBe(true);
  });

  it('switches to English, remembers it, and sets the page language', async () => {
    const { wrapper } = mountWithApp(App);
    await flushPromises();
    expect(wrapper.get('[data-testid="theme-name"]').text()).toBe('Tema 1 · Layanan Publik');
    expect(document.documentElement.lang).toBe('id');

    await wrapper.get('[data-testid="lang-switch"]').trigger('click');

    expect(wrapper.get('[data-testid="theme-name"]').text()).toBe('Theme 1 · Layanan Publik');
    expect(wrapper.get('[data-testid="action-lead-opd"]').text()).toContain('Lead OPD');
    expect(wrapper.text()).toContain('Version 1');
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem('renaksi.language')).toBe('en');

    await wrapper.get('[data-testid="lang-switch"]').trigger('click');
    expect(wrapper.get('[data-testid="theme-name"]').text()).toBe('Tema 1 · Layanan Publik');
    expect(document.documentElement.lang).toBe('id');
  });

  it('opens an action from its card, and goes back with Escape to the same filters', async () => {
    const backend = createFakeBackend();
    const { wrapper } = mountWithApp(App, { backend, attachTo: document.body });
    await flushPromises();

    await wrapper.get('[data-testid="search"]').setValue('kependudukan');
    expect(wrapper.findAll('[data-testid="action"]').filter((card) => shown(card.element))).toHaveLength(1);
    await wrapper
      .findAll('[data-testid="open-action"]')
      .find((button) => shown(button.element))!
      .trigger('click');
    await flushPromises();

    expect(wrapper.find('[data-testid="plan-overview"]').exists()).toBe(false);
    expect(backend.callsOf('actionDetail')).toEqual([['action-2', { year: 2018, quarter: 3 }]]);
    expect(wrapper.find('[data-testid="action-detail-screen"]').exists()).toBe(true);

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flushPromises();

    expect(wrapper.find('[data-testid="action-detail-screen"]').exists()).toBe(false);
    expect((wrapper.get('[data-testid="search"]').element as HTMLInputElement).value).toBe('kependudukan');
    expect(wrapper.findAll('[data-testid="action"]').filter((card) => shown(card.element))).toHaveLength(1);
    // The figures are refreshed for the period on screen.
    expect(backend.callsOf('planOverview').at(-1)).toEqual([{ year: 2018, quarter: 3 }]);
    expect(document.activeElement?.getAttribute('data-action-id')).toBe('action-2');
  });

  it('goes back to the plan with the back button', async () => {
    const { wrapper } = mountWithApp(App);
    await flushPromises();
    await wrapper.get('[data-testid="open-action"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="action-detail-back"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="plan-overview"]').exists()).toBe(true);
  });

  it('reloads the overview for another period when it is picked', async () => {
    const backend = createFakeBackend({ answers: { planOverview: overviewFor } });
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();

    await wrapper.get('[data-testid="period-select"]').setValue('2019-1');
    await flushPromises();

    expect(backend.callsOf('planOverview')).toEqual([[null], [{ year: 2019, quarter: 1 }]]);
    expect((wrapper.get('[data-testid="period-select"]').element as HTMLSelectElement).value).toBe('2019-1');
    expect(wrapper.get('[data-testid="action-achievement"]').text()).toContain('Capaian s.d. TW I 2019');
  });

  it('opens the quarterly report from the header of an OPD copy, and goes back with Escape', async () => {
    const backend = createFakeBackend({ answers: { planOverview: overviewFor } });
    const { wrapper } = mountWithApp(App, { backend, attachTo: document.body });
    await flushPromises();

    await wrapper.get('[data-testid="period-select"]').setValue('2019-1');
    await flushPromises();
    await wrapper.get('[data-testid="open-report"]').trigger('click');
    await flushPromises();

    expect(wrapper.find('[data-testid="plan-overview"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="report-screen"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="open-report"]').attributes('aria-current')).toBe('page');
    expect(document.activeElement?.getAttribute('data-testid')).toBe('report-title');
    // The period shown on the overview is the one offered first.
    expect((wrapper.get('[data-testid="report-period"]').element as HTMLSelectElement).value).toBe('2019-1');
    expect((wrapper.get('[data-testid="report-place"]').element as HTMLInputElement).value).toBe('Wonosobo');

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));

    expect(wrapper.find('[data-testid="report-screen"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="plan-overview"]').exists()).toBe(true);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('open-report');
  });

  it('goes back from the report with its back button, to the same search', async () => {
    const { wrapper } = mountWithApp(App, { attachTo: document.body });
    await flushPromises();
    await wrapper.get('[data-testid="search"]').setValue('kependudukan');
    await wrapper.get('[data-testid="open-report"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="report-back"]').trigger('click');
    await flushPromises();
    expect((wrapper.get('[data-testid="search"]').element as HTMLInputElement).value).toBe('kependudukan');
    expect(wrapper.findAll('[data-testid="action"]').filter((card) => shown(card.element))).toHaveLength(1);
  });

  it('opens the report from an action, refreshing the overview figures meanwhile', async () => {
    const backend = createFakeBackend();
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();
    await wrapper.get('[data-testid="open-action"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="open-report"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="action-detail-screen"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="report-screen"]').exists()).toBe(true);
    expect(backend.callsOf('planOverview')).toEqual([[null], [{ year: 2018, quarter: 3 }]]);
  });

  it('has no report button in a Bappeda copy', async () => {
    const backend = createFakeBackend({ ...SAMPLE_BAPPEDA });
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();
    expect(wrapper.find('[data-testid="plan-overview"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="open-report"]').exists()).toBe(false);
  });

  it('opens the incoming reports in a Bappeda copy, and refreshes the figures after an accepted import', async () => {
    const backend = createFakeBackend({ ...SAMPLE_BAPPEDA });
    const { wrapper } = mountWithApp(App, { backend, attachTo: document.body });
    await flushPromises();
    await wrapper.get('[data-testid="open-exchange"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="exchange-screen"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="open-exchange"]').attributes('aria-current')).toBe('page');

    await wrapper.get('[data-testid="pick-reports"]').trigger('click');
    await flushPromises();
    expect(backend.callsOf('planOverview')).toHaveLength(1);

    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await flushPromises();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(wrapper.find('[data-testid="plan-overview"]').exists()).toBe(true);
    expect(backend.callsOf('planOverview')).toEqual([[null], [{ year: 2018, quarter: 3 }]]);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('open-exchange');
  });

  it('does not reload the overview when nothing was imported', async () => {
    const backend = createFakeBackend({ ...SAMPLE_BAPPEDA });
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();
    await wrapper.get('[data-testid="open-exchange"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="exchange-back"]').trigger('click');
    await flushPromises();
    expect(backend.callsOf('planOverview')).toHaveLength(1);
  });

  it('opens Umpan balik from the header of an OPD copy, and from the report after a file is taken', async () => {
    const backend = createFakeBackend({ receivedNotes: [sampleReceivedNote()] });
    const { wrapper } = mountWithApp(App, { backend, attachTo: document.body });
    await flushPromises();
    await wrapper.get('[data-testid="open-feedback"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="feedback-screen"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="open-feedback"]').attributes('aria-current')).toBe('page');
    expect(wrapper.findAll('[data-testid="received-note"]')).toHaveLength(1);
    await wrapper.get('[data-testid="feedback-back"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="plan-overview"]').exists()).toBe(true);
    // Nothing was taken: the overview is not asked again.
    expect(backend.callsOf('planOverview')).toHaveLength(1);

    // Taken from the report screen: the due dates may have changed, so the
    // overview is read again on the way back; "Lihat umpan balik" opens the list.
    await wrapper.get('[data-testid="open-report"]').trigger('click');
    await flushPromises();
    await wrapper.get('button[data-testid="feedback-take"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="feedback-open-notes"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="feedback-screen"]').exists()).toBe(true);
    await wrapper.get('[data-testid="feedback-back"]').trigger('click');
    await flushPromises();
    expect(backend.callsOf('planOverview')).toHaveLength(2);
    wrapper.unmount();
  });

  it('has no Umpan balik in a Bappeda copy', async () => {
    const { wrapper } = mountWithApp(App, { backend: createFakeBackend({ ...SAMPLE_BAPPEDA }) });
    await flushPromises();
    expect(wrapper.find('[data-testid="open-feedback"]').exists()).toBe(false);
  });

  it('has no incoming reports in an OPD copy', async () => {
    const { wrapper } = mountWithApp(App);
    await flushPromises();
    expect(wrapper.find('[data-testid="open-exchange"]').exists()).toBe(false);
  });

  it('starts an OPD copy from the package Bappeda sent', async () => {
    const backend = createFakeBackend({ needsSetup: true });
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();
    await wrapper.get('[data-testid="choose-package"]').trigger('click');
    await flushPromises();
    await submitProfile(wrapper, 'DINKES', 'Sari');
    expect(backend.callsOf('firstStart')).toEqual([
      [{ choice: 'package', packageToken: 'package-1', role: 'opd', opdCode: 'DINKES', userName: 'Sari' }],
    ]);
    expect(wrapper.find('[data-testid="plan-overview"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="profile-badge"]').text()).toBe('OPD DINKES · Sari');
  });

  it('shows a tampered package in the alert and stays on the first start', async () => {
    const message = 'Tanda tangan paket tidak sah: berkas ini telah diubah setelah diterbitkan Bappeda.';
    const backend = createFakeBackend({ needsSetup: true, failures: { pickPackage: { code: 'invalid', message } } });
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();
    await wrapper.get('[data-testid="choose-package"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="error-alert"]').text()).toContain(message);
    expect(wrapper.find('[data-testid="choose-package"]').exists()).toBe(true);
  });
});
