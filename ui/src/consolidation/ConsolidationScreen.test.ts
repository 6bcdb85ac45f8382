// The dashboard as a facilitator or Bappeda uses it, against the fake backend.
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Abilities, Profile } from '../api/types';
import {
  createFakeBackend,
  SAMPLE_BAPPEDA,
  SAMPLE_OPD,
  SAMPLE_REKAP_PATH,
  sampleSummary,
  type FakeBackendOptions,
} from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import ConsolidationScreen from './ConsolidationScreen.vue';

/** Who works here, as the app status answers: the profile and the core's abilities. */
type Who = { profile: Profile; abilities: Abilities };
const BAPPEDA = SAMPLE_BAPPEDA;
const OPD = SAMPLE_OPD;

async function mountDashboard(who: Who, fake: FakeBackendOptions = {}, language: 'id' | 'en' = 'id') {
  const backend = createFakeBackend({ ...who, ...fake });
  const mounted = mountWithApp(ConsolidationScreen, {
    backend,
    language,
    props: { initialPeriod: { year: 2018, quarter: 3 }, abilities: who.abilities },
    attachTo: document.body,
  });
  await flushPromises();
  return { ...mounted, fake: backend };
}

function cells(row: { findAll: (s: string) => Array<{ text: () => string }> }): string[] {
  return row.findAll('th, td').map((cell) => cell.text());
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('ConsolidationScreen', () => {
  it('shows the headline figures and every OPD with its capaian the Indonesian way', async () => {
    const { wrapper, fake } = await mountDashboard(OPD);
    expect(fake.callsOf('consolidationSummary')).toEqual([[{ year: 2018, quarter: 3 }]]);
    expect(wrapper.get('[data-testid="tile-capaian"]').text()).toContain('68,33%');
    expect(wrapper.get('[data-testid="tile-capaian"]').text()).toContain('Sedang');
    expect(wrapper.get('[data-testid="tile-done"]').text()).toContain('dari 5 tonggak');
    expect(wrapper.get('[data-testid="tile-overdue"]').text()).toContain('2');
    const rows = wrapper.findAll('[data-testid="opd-row"]').map(cells);
    expect(rows).toEqual([
      ['Dinas Kesehatan (DINKES)', '2', '1 / 1', '91,67%', 'Sangat Tinggi'],
      ['Dinas Sosial (DINSOS)', '0', '1 / 1', '45,00%', 'Sangat Rendah'],
      ['Dinas Komunikasi dan Informatika (DISKOMINFO)', '1', '0 / 1', '-', '-'],
    ]);
    expect(wrapper.findAll('[data-testid="overdue-item"]')[0]?.text()).toContain('terlambat 196 hari');
    // An OPD sees the picture but neither writes the rekap nor the notes.
    expect(wrapper.find('[data-testid="rekap-section"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="review-notes"]').exists()).toBe(false);
  });

  it('says so when nothing is overdue and no figure exists yet', async () => {
    const empty = { ...sampleSummary(), overdue: [], themes: [], opds: [] };
    const { wrapper } = await mountDashboard(OPD, { summary: empty });
    expect(wrapper.get('[data-testid="overdue-empty"]').text()).toBe('Tidak ada tonggak yang melewati tanggal selesainya.');
    expect(wrapper.get('[data-testid="chart-themes"]').text()).toContain('Belum ada angka capaian');
  });

  it('loads another period when the period changes', async () => {
    const { wrapper, fake } = await mountDashboard(OPD);
    await wrapper.get('[data-testid="dashboard-period"]').setValue('2019-2');
    await flushPromises();
    expect(fake.callsOf('consolidationSummary').at(-1)).toEqual([{ year: 2019, quarter: 2 }]);
  });

  it('offers the rekap and the notes as the abilities answer, not as the role suggests', async () => {
    // An OPD's abilities hide the rekap export and the notes, even with a Bappeda profile.
    const hidden = await mountDashboard({ profile: SAMPLE_BAPPEDA.profile, abilities: SAMPLE_OPD.abilities });
    expect(hidden.wrapper.find('[data-testid="rekap-section"]').exists()).toBe(false);
    expect(hidden.wrapper.find('[data-testid="review-notes"]').exists()).toBe(false);
    document.body.innerHTML = '';
    // And an answer that allows the rekap shows it, with an OPD profile.
    const shown = await mountDashboard({ profile: SAMPLE_OPD.profile, abilities: { ...SAMPLE_OPD.abilities, exportRekap: true } });
    expect(shown.wrapper.find('[data-testid="rekap-section"]').exists()).toBe(true);
    expect(shown.wrapper.find('[data-testid="review-notes"]').exists()).toBe(false);
  });

  it('lets Bappeda save the rekap for the period shown, or cancel', async () => {
    const { wrapper, fake } = await mountDashboard(BAPPEDA);
    await wrapper.get('[data-testid="rekap-paper"]').setValue('f4');
    await wrapper.get('[data-testid="export-rekap"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('exportRekap')).toEqual([[{ year: 2018, quarter: 3 }, 'f4']]);
    expect(wrapper.get('[data-testid="rekap-result"]').text()).toBe(
      `Rekap disimpan di ${SAMPLE_REKAP_PATH}: 3 OPD, 3 indikator.`,
    );

    const cancelled = await mountDashboard(BAPPEDA, { fileDialog: 'cancel' });
    await cancelled.wrapper.get('[data-testid="export-rekap"]').trigger('click');
    await flushPromises();
    expect(cancelled.wrapper.get('[data-testid="rekap-cancelled"]').text()).toBe('Dibatalkan');
  });

  it('speaks English in the English UI', async () => {
    const { wrapper } = await mountDashboard(BAPPEDA, {}, 'en');
    expect(wrapper.get('[data-testid="consolidation-title"]').text()).toBe('Regency achievement dashboard');
    expect(wrapper.get('[data-testid="tile-capaian"]').text()).toContain('68,33%');
    expect(wrapper.get('[data-testid="export-rekap"]').text()).toBe('Save the regency summary…');
  });

  it('goes back on Escape', async () => {
    const { wrapper } = await mountDashboard(OPD);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(wrapper.emitted('back')).toHaveLength(1);
  });
});
