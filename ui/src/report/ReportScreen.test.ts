// The quarterly report screen as an OPD clerk uses it, against the fake backend.
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../api/backend';
import type { Exported } from '../api/types';
import {
  createFakeBackend,
  inTurn,
  SAMPLE_KEY_FINGERPRINT,
  SAMPLE_KEY_WORDS,
  SAMPLE_PERIOD,
  sampleReportPath,
  sampleExported,
  sampleOwnKey,
  samplePeriods,
  type FakeBackend,
  type FakeBackendOptions,
} from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import ReportScreen from './ReportScreen.vue';

const props = { periods: samplePeriods(), initialPeriod: SAMPLE_PERIOD, opdCode: 'DINKES' };

async function mountReport(options: { backend?: Backend; fake?: FakeBackendOptions; language?: 'id' | 'en' } = {}) {
  const backend = options.backend ?? createFakeBackend(options.fake);
  const mounted = mountWithApp<Backend>(ReportScreen, {
    backend,
    props,
    language: options.language,
    // In the document, so that a click on a submit button submits its form.
    attachTo: document.body,
  });
  await flushPromises();
  return mounted;
}

function value(wrapper: VueWrapper, testid: string): string {
  return (wrapper.get(`[data-testid="${testid}"]`).element as HTMLInputElement).value;
}

async function exportWith(wrapper: VueWrapper): Promise<void> {
  await wrapper.get('[data-testid="report-export"]').trigger('click');
  await flushPromises();
}

describe('ReportScreen', () => {
  it('explains what the report holds and that the file must not be edited', async () => {
    const { wrapper } = await mountReport();
    expect(wrapper.get('[data-testid="report-title"]').text()).toBe('Laporan triwulan untuk Bappeda');
    const text = wrapper.text();
    expect(text).toContain('tabel evaluasi siap cetak dengan capaian dan predikat');
    expect(text).toContain('grafik ringkasan');
    expect(text).toContain('data bertanda tangan yang diimpor Bappeda');
    expect(text).toContain('Jangan mengubah berkas setelah diekspor');
  });

  it('shows its own key fingerprint in words, with the line to read it aloud to Bappeda', async () => {
    const { wrapper, backend } = await mountReport();
    expect((backend as FakeBackend).callsOf('ownKey')).toEqual([[]]);
    const section = wrapper.get('[data-testid="own-key"]');
    expect(section.get('h3').text()).toBe('Sidik jari kunci laporan');
    expect(section.get('[data-testid="own-key-intro"]').text()).toContain('Bacakan kedelapan kata ini kepada Bappeda bila diminta');
    expect(
      section
        .findAll('[data-testid="own-key-words"] li')
        .map((li) => li.text().replace(/^\d+/, ''))
        .join(' '),
    ).toBe(SAMPLE_KEY_WORDS);
    expect(section.get('[data-testid="own-key-hex"]').text()).toBe(SAMPLE_KEY_FINGERPRINT);
  });

  it('says "belum ada" while there is no key, and shows it once an export made one', async () => {
    const { wrapper, backend } = await mountReport({
      fake: { answers: { ownKey: inTurn(null, sampleOwnKey()) } },
    });
    expect(wrapper.get('[data-testid="own-key-none"]').text()).toBe(
      'Belum ada kunci; kunci dibuat saat laporan pertama diekspor.',
    );
    expect(wrapper.find('[data-testid="own-key-words"]').exists()).toBe(false);
    await exportWith(wrapper);
    expect((backend as FakeBackend).callsOf('ownKey')).toHaveLength(2);
    expect(wrapper.find('[data-testid="own-key-none"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="own-key-hex"]').text()).toBe(SAMPLE_KEY_FINGERPRINT);
  });

  it('loads the signature block into the form', async () => {
    const { wrapper, backend } = await mountReport();
    expect((backend as FakeBackend).callsOf('reportSettings')).toEqual([[]]);
    expect(value(wrapper, 'report-place')).toBe('Wonosobo');
    expect(value(wrapper, 'report-position')).toBe('Kepala Dinas Kesehatan');
    expect(value(wrapper, 'report-head-name')).toBe('dr. Junaedi, M.Kes');
    expect(value(wrapper, 'report-nip')).toBe('196803121995031002');
    expect(wrapper.get('label[for="' + wrapper.get('[data-testid="report-nip"]').attributes('id') + '"]').text()).toBe(
      'NIP (boleh kosong)',
    );
  });

  it('saves the signature block and says "Tersimpan" until the next change', async () => {
    // The backend answers with the block as it stored it.
    const stored = { place: 'Wonosobo', headPosition: 'Kepala Dinas Kesehatan', headName: 'dr. Sri Hartati', headNip: '' };
    const { wrapper, backend } = await mountReport({ fake: { answers: { saveReportSettings: stored } } });
    await wrapper.get('[data-testid="report-head-name"]').setValue('  dr. Sri Hartati ');
    await wrapper.get('[data-testid="report-nip"]').setValue('');
    expect(wrapper.get('[data-testid="report-settings-status"]').text()).toBe('');
    await wrapper.get('[data-testid="report-settings-save"]').trigger('click');
    await flushPromises();

    expect((backend as FakeBackend).callsOf('saveReportSettings')).toEqual([
      [{ place: 'Wonosobo', headPosition: 'Kepala Dinas Kesehatan', headName: 'dr. Sri Hartati', headNip: '' }],
    ]);
    const status = wrapper.get('[data-testid="report-settings-status"]');
    expect(status.attributes('role')).toBe('status');
    expect(status.text()).toBe('Tersimpan');
    expect(value(wrapper, 'report-head-name')).toBe('dr. Sri Hartati');

    await wrapper.get('[data-testid="report-place"]').setValue('Wonosobo Kota');
    expect(wrapper.get('[data-testid="report-settings-status"]').text()).toBe('');
  });

  it('shows a refused NIP next to the NIP input, not in the alert', async () => {
    const message = 'NIP terdiri dari 18 angka.';
    const { wrapper } = await mountReport({
      fake: { failures: { saveReportSettings: { code: 'invalid', field: 'headNip', message } } },
    });
    await wrapper.get('[data-testid="report-nip"]').setValue('1968 0312');
    await wrapper.get('[data-testid="report-settings-save"]').trigger('click');
    await flushPromises();

    const nip = wrapper.get('[data-testid="report-nip"]');
    expect(nip.attributes('aria-invalid')).toBe('true');
    const errors = wrapper.findAll('[data-testid="field-error"]');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.text()).toBe(message);
    expect(nip.attributes('aria-describedby')).toContain(errors[0]!.attributes('id'));
    // Next to the NIP input: in the same field as it.
    expect(nip.element.parentElement?.contains(errors[0]!.element)).toBe(true);
    expect(wrapper.find('[data-testid="error-alert"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="report-settings-status"]').text()).toBe('');
    expect(value(wrapper, 'report-nip')).toBe('1968 0312');
  });

  it('offers the plan periods, the shown one first selected, and A4 by default', async () => {
    const { wrapper } = await mountReport();
    const select = wrapper.get('[data-testid="report-period"]');
    expect((select.element as HTMLSelectElement).value).toBe('2018-3');
    const labels = select.findAll('option').map((o) => o.text());
    expect(labels).toHaveLength(8);
    expect(labels).toContain('Triwulan I 2019');
    expect((wrapper.get('[data-testid="report-paper-a4"]').element as HTMLInputElement).checked).toBe(true);
    expect((wrapper.get('[data-testid="report-paper-f4"]').element as HTMLInputElement).checked).toBe(false);
    expect(wrapper.text()).toContain('F4 (folio) untuk kertas 215 × 330 mm');
    expect(wrapper.get('[data-testid="report-export"]').text()).toBe('Ekspor laporan…');
  });

  it('exports the chosen period on F4 and shows where it went, its number and the key fingerprint', async () => {
    const period = { year: 2019, quarter: 1 } as const;
    const { wrapper, backend } = await mountReport({
      fake: { answers: { exportReport: inTurn(sampleExported(period, 1), sampleExported(period, 2)) } },
    });
    await wrapper.get('[data-testid="report-period"]').setValue('2019-1');
    await wrapper.get('[data-testid="report-paper-f4"]').setValue(true);
    await exportWith(wrapper);

    expect((backend as FakeBackend).callsOf('exportReport')).toEqual([[{ year: 2019, quarter: 1 }, 'f4', false]]);
    const result = wrapper.get('[data-testid="report-result"]');
    expect(result.element.closest('[role="status"]')).not.toBeNull();
    const path = sampleReportPath({ year: 2019, quarter: 1 });
    expect(result.text()).toContain(`Laporan Triwulan I 2019 disimpan ke ${path}`);
    expect(result.text()).toContain('Nomor urut ekspor: 1');
    expect(result.text()).toContain(`Sidik jari kunci: ${SAMPLE_KEY_FINGERPRINT}`);
    expect(result.text()).toContain('Bappeda mengenali laporan');
    expect(result.text()).toContain('3 baris pada tabel evaluasi');

    await exportWith(wrapper);
    expect(wrapper.get('[data-testid="report-result"]').text()).toContain('Nomor urut ekspor: 2');
  });

  it('exports on A4 unless F4 is picked', async () => {
    const { wrapper, backend } = await mountReport();
    await exportWith(wrapper);
    expect((backend as FakeBackend).callsOf('exportReport')).toEqual([[{ year: 2018, quarter: 3 }, 'a4', false]]);
  });

  it('offers the evidence bundle, checked when the OPD holds evidence files, and says where it went', async () => {
    const period = { year: 2018, quarter: 3 } as const;
    const written: Exported = {
      ...sampleExported(period),
      evidence: { path: '/home/staf/Dokumen/laporan-dinkes-2018-tw3.bukti.zip', files: 2, bytes: 4096 },
    };
    const { wrapper, backend } = await mountReport({
      fake: { answers: { reportHasEvidenceFiles: true, exportReport: written } },
    });
    const box = wrapper.get('[data-testid="report-with-evidence"]');
    expect((box.element as HTMLInputElement).checked).toBe(true);
    expect(wrapper.text()).toContain('Sertakan bukti dukung');
    await exportWith(wrapper);
    expect((backend as FakeBackend).callsOf('exportReport')).toEqual([[period, 'a4', true]]);
    expect(wrapper.get('[data-testid="report-result-evidence"]').text()).toBe(
      '2 berkas bukti dukung disimpan ke /home/staf/Dokumen/laporan-dinkes-2018-tw3.bukti.zip. Kirim bersama laporannya.',
    );

    // Unchecked, no bundle is asked for.
    await box.setValue(false);
    await exportWith(wrapper);
    expect((backend as FakeBackend).callsOf('exportReport')[1]).toEqual([period, 'a4', false]);
  });

  it('leaves the evidence bundle unchecked when the OPD holds no evidence file', async () => {
    const { wrapper } = await mountReport();
    expect((wrapper.get('[data-testid="report-with-evidence"]').element as HTMLInputElement).checked).toBe(false);
    expect(wrapper.find('[data-testid="report-result-evidence"]').exists()).toBe(false);
  });

  it('shows no success panel when the clerk cancels the save dialog', async () => {
    const { wrapper, backend } = await mountReport({ fake: { fileDialog: 'cancel' } });
    await exportWith(wrapper);

    expect((backend as FakeBackend).callsOf('exportReport')).toHaveLength(1);
    expect(wrapper.find('[data-testid="report-result"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="error-alert"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="report-cancelled"]').text()).toBe('Dibatalkan');
  });

  it('disables the button and says "Menyimpan…" while the export runs', async () => {
    let finish: (exported: Exported | null) => void = () => {};
    const backend: Backend = {
      ...createFakeBackend(),
      exportReport: () => new Promise<Exported | null>((resolve) => (finish = resolve)),
    };
    const { wrapper } = await mountReport({ backend });
    await wrapper.get('[data-testid="report-export"]').trigger('click');

    const button = wrapper.get('[data-testid="report-export"]');
    expect(button.attributes('disabled')).toBeDefined();
    expect(button.text()).toBe('Menyimpan…');
    expect(wrapper.get('[data-testid="report-back"]').attributes('disabled')).toBeDefined();

    finish(null);
    await flushPromises();
    expect(wrapper.get('[data-testid="report-export"]').attributes('disabled')).toBeUndefined();
    expect(wrapper.get('[data-testid="report-export"]').text()).toBe('Ekspor laporan…');
  });

  it('shows a refused export in the error alert', async () => {
    const message = 'Hanya OPD yang dapat mengekspor laporan OPD.';
    const { wrapper } = await mountReport({ fake: { failures: { exportReport: { code: 'forbidden', message } } } });
    await exportWith(wrapper);

    const alert = wrapper.get('[data-testid="error-alert"]');
    expect(alert.text()).toContain(message);
    expect(alert.text()).toContain('forbidden');
    expect(wrapper.find('[data-testid="report-result"]').exists()).toBe(false);
  });

  it('shows a signature error about no input of the form in the alert', async () => {
    const { wrapper } = await mountReport({
      fake: { failures: { saveReportSettings: { code: 'busy', message: 'Basis data sedang dipakai.' } } },
    });
    await wrapper.get('[data-testid="report-settings-save"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="error-alert"]').text()).toContain('Basis data sedang dipakai.');
    expect(wrapper.find('[data-testid="field-error"]').exists()).toBe(false);
  });

  it('offers to try again when the signature block cannot be loaded', async () => {
    const fake = createFakeBackend();
    let attempts = 0;
    const backend: Backend = {
      ...fake,
      reportSettings: () =>
        ++attempts === 1 ? Promise.reject({ code: 'busy', message: 'Coba sebentar lagi.' }) : fake.reportSettings(),
    };
    const { wrapper } = await mountReport({ backend });
    expect(wrapper.get('[data-testid="error-alert"]').text()).toContain('Coba sebentar lagi.');
    expect(wrapper.find('[data-testid="report-place"]').exists()).toBe(false);

    await wrapper.get('[data-testid="report-settings-retry"]').trigger('click');
    await flushPromises();
    expect(value(wrapper, 'report-place')).toBe('Wonosobo');
    expect(wrapper.find('[data-testid="error-alert"]').exists()).toBe(false);
  });

  it('speaks English too', async () => {
    const { wrapper } = await mountReport({
      language: 'en',
      fake: { answers: { exportReport: sampleExported({ year: 2019, quarter: 1 }) } },
    });
    await wrapper.get('[data-testid="report-period"]').setValue('2019-1');
    await exportWith(wrapper);
    expect(wrapper.get('[data-testid="report-result"]').text()).toContain('Report for Quarter I 2019 saved to');
    expect(wrapper.get('[data-testid="report-result"]').text()).toContain('3 rows in the evaluation table');
    expect(wrapper.get('[data-testid="report-export"]').text()).toBe('Export report…');
  });

  it('goes back with the back button and with Escape', async () => {
    const { wrapper } = await mountReport();
    await wrapper.get('[data-testid="report-back"]').trigger('click');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(wrapper.emitted('back')).toHaveLength(2);
  });

  it('takes a newer plan package after its preview, and says the plan changed', async () => {
    const { wrapper, backend } = await mountReport();
    await wrapper.get('[data-testid="package-update-pick"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="package-update-preview"]').text()).toContain('2 → 3');
    await wrapper.get('[data-testid="package-update-take"]').trigger('click');
    await flushPromises();
    expect((backend as FakeBackend).callsOf('takePackageUpdate')).toEqual([['update-1']]);
    expect(wrapper.emitted('packageTaken')).toHaveLength(1);
    wrapper.unmount();
  });

  it('takes Bappeda\'s feedback file, says what it brought, and opens the Umpan balik screen', async () => {
    const { wrapper, backend } = await mountReport();
    const take = wrapper.get('[data-testid="feedback-take-panel"]');
    expect(take.get('[data-testid="feedback-last"]').text()).toBe('Belum ada berkas umpan balik yang diambil.');
    await take.get('button[data-testid="feedback-take"]').trigger('click');
    await flushPromises();
    expect((backend as FakeBackend).callsOf('takeFeedback')).toHaveLength(1);
    expect(take.get('[data-testid="feedback-taken-notes"]').text()).toBe('3 catatan verifikator, 2 masih terbuka');
    expect(take.get('[data-testid="feedback-taken-quarters"]').text()).toBe(
      '1 perubahan triwulan: Batas waktu Triwulan II 2019: 31 Juli 2019',
    );
    expect(take.text()).toContain('1 tanggapan sudah diterima Bappeda');
    expect(wrapper.emitted('feedbackTaken')).toHaveLength(1);
    await take.get('[data-testid="feedback-open-notes"]').trigger('click');
    expect(wrapper.emitted('openFeedback')).toHaveLength(1);
    wrapper.unmount();
  });
});
