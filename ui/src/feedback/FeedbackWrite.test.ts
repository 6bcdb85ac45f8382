// Bappeda writes the feedback files from the incoming-reports screen: one
// OPD's through the save dialog, or every OPD's into a folder.
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../api/backend';
import ExchangeScreen from '../exchange/ExchangeScreen.vue';
import {
  createFakeBackend,
  SAMPLE_BAPPEDA_ABILITIES,
  sampleFeedbackWritten,
  type FakeBackendOptions,
} from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';

async function render(options: FakeBackendOptions = {}, abilities = SAMPLE_BAPPEDA_ABILITIES) {
  const backend = createFakeBackend({ profile: { role: 'bappeda', opdCode: null, userName: 'Admin Bappeda' }, ...options });
  const { wrapper } = mountWithApp<Backend>(ExchangeScreen, { backend, props: { abilities } });
  await flushPromises();
  return { wrapper, backend };
}

describe('FeedbackWrite', () => {
  it('writes the feedback file of the OPD chosen, on the paper chosen, and says what it holds', async () => {
    const { wrapper, backend } = await render({
      answers: {
        writeFeedback: (opdCode) =>
          sampleFeedbackWritten({ opdCode, number: 1, path: `/home/staf/Dokumen/umpan-balik-${opdCode}-1.xlsx`, notes: 4, openNotes: 1 }),
      },
    });
    const section = wrapper.get('[data-testid="feedback-write"]');
    // The OPDs of the submission matrix, in its order.
    const offered = section.findAll('[data-testid="feedback-write-opd"] option').map((o) => o.attributes('value'));
    expect(offered).toEqual(['DINKES', 'DINSOS', 'DISKOMINFO']);
    await section.get('[data-testid="feedback-write-opd"]').setValue('DINSOS');
    await section.get('[data-testid="feedback-write-paper"]').setValue('f4');
    await section.get('[data-testid="feedback-write-one"]').trigger('click');
    await flushPromises();

    expect(backend.callsOf('writeFeedback')).toEqual([['DINSOS', 'f4']]);
    expect(section.get('[data-testid="feedback-write-result"]').text()).toBe(
      'Umpan balik ke-1 untuk DINSOS disimpan ke /home/staf/Dokumen/umpan-balik-DINSOS-1.xlsx. ' +
        'Isinya: 2 laporan diterima, 4 catatan (1 terbuka), 1 tanggapan.',
    );
  });

  it('writes every OPD\'s file into the folder picked and lists them', async () => {
    const { wrapper, backend } = await render({
      answers: {
        writeFeedbackAll: ['DINKES', 'DINSOS'].map((code) =>
          sampleFeedbackWritten({ opdCode: code, path: `/home/staf/umpan-balik/umpan-balik-${code}-2.xlsx` }),
        ),
      },
    });
    await wrapper.get('[data-testid="feedback-write-all"]').trigger('click');
    await flushPromises();
    expect(backend.callsOf('writeFeedbackAll')).toEqual([['a4']]);
    const result = wrapper.get('[data-testid="feedback-write-all-result"]');
    expect(result.text()).toContain('2 berkas umpan balik disimpan ke /home/staf/umpan-balik:');
    expect(result.findAll('[data-testid="feedback-write-all-file"]').map((f) => f.text())).toEqual([
      'DINKES, umpan balik ke-2: umpan-balik-DINKES-2.xlsx — Isinya: 2 laporan diterima, 3 catatan (2 terbuka), 1 tanggapan.',
      'DINSOS, umpan balik ke-2: umpan-balik-DINSOS-2.xlsx — Isinya: 2 laporan diterima, 3 catatan (2 terbuka), 1 tanggapan.',
    ]);
  });

  it('says "Dibatalkan" for a cancelled dialog, and shows a refusal in the alert', async () => {
    const cancelled = await render({ fileDialog: 'cancel' });
    await cancelled.wrapper.get('[data-testid="feedback-write-one"]').trigger('click');
    await flushPromises();
    expect(cancelled.wrapper.get('[data-testid="feedback-one-cancelled"]').text()).toBe('Dibatalkan');
    expect(cancelled.wrapper.find('[data-testid="feedback-write-result"]').exists()).toBe(false);

    const refused = await render({
      failures: {
        writeFeedbackAll: { code: 'invalid', field: 'out', message: 'Folder /media/usb tidak ada; pilih folder yang sudah ada.' },
      },
    });
    await refused.wrapper.get('[data-testid="feedback-write-all"]').trigger('click');
    await flushPromises();
    expect(refused.wrapper.get('[role="alert"]').text()).toContain('Folder /media/usb tidak ada');
  });

  it('is not offered where the core says this profile writes no feedback (an earlier plan)', async () => {
    const { wrapper } = await render({}, { ...SAMPLE_BAPPEDA_ABILITIES, writeFeedback: false, readOnly: true });
    expect(wrapper.find('[data-testid="feedback-write"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="submission-matrix"]').exists()).toBe(true);
  });
});
