// Bappeda imports evidence bundles (.zip) picked with the reports or later:
// each after the reports, saying how many files it brought and why any entry
// was refused. Against the fake backend.
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../api/backend';
import { createFakeBackend, sampleImported, type FakeBackend, type FakeBackendOptions } from '../testing/fakeBackend';
import { SAMPLE_KEY_WORDS, sampleKeyRefusal } from '../testing/samples';
import { mountWithApp } from '../testing/mount';
import ExchangeScreen from './ExchangeScreen.vue';

const BAPPEDA = { role: 'bappeda', opdCode: null, userName: 'Admin Bappeda' } as const;

async function mountExchange(fake: FakeBackendOptions) {
  const backend = createFakeBackend({ profile: BAPPEDA, ...fake });
  const mounted = mountWithApp<Backend>(ExchangeScreen, { backend, attachTo: document.body });
  await flushPromises();
  return { ...mounted, fake: backend as FakeBackend };
}

function rows(wrapper: VueWrapper) {
  return wrapper.findAll('[data-testid="import-row"]').map((row) => ({
    status: row.attributes('data-status'),
    file: row.get('[data-testid="import-file"]').text(),
    text: row.get('[data-testid="import-status"]').text(),
  }));
}

describe('Evidence bundle import', () => {
  it('imports a bundle after the reports picked with it and says what it brought and refused', async () => {
    const { wrapper, fake } = await mountExchange({
      pickedFiles: [
        { token: 'zip-1', name: 'laporan-dinkes-2019-tw1.bukti.zip' },
        { token: 'xlsx-1', name: 'laporan-dinkes-2019-tw1.xlsx' },
        { token: 'zip-2', name: 'lama.bukti.zip' },
      ],
      bundles: {
        'zip-1': { fileName: 'laporan-dinkes-2019-tw1.bukti.zip', received: 2, rows: 2, changed: true, refused: [] },
        'zip-2': {
          fileName: 'lama.bukti.zip',
          received: 0,
          rows: 0,
          changed: false,
          refused: [{ entry: '3f79bb7b435b.pdf', reason: 'isinya tidak sama dengan berkas yang ditandatangani.' }],
        },
      },
      imports: { 'xlsx-1': sampleImported() },
    });
    await wrapper.get('[data-testid="pick-reports"]').trigger('click');
    await flushPromises();

    expect(fake.callsOf('importReport')).toEqual([['xlsx-1', null]]);
    expect(fake.callsOf('importEvidenceBundle')).toEqual([['zip-1'], ['zip-2']]);
    const calls = fake.calls.map((c) => c.method).filter((m) => m.startsWith('import'));
    expect(calls).toEqual(['importReport', 'importEvidenceBundle', 'importEvidenceBundle']);
    expect(rows(wrapper)).toEqual([
      expect.objectContaining({ file: 'laporan-dinkes-2019-tw1.xlsx', status: 'accepted' }),
      {
        file: 'laporan-dinkes-2019-tw1.bukti.zip',
        status: 'accepted',
        text: '2 berkas bukti dukung diterima, 0 ditolak',
      },
      { file: 'lama.bukti.zip', status: 'rejected', text: '0 berkas bukti dukung diterima, 1 ditolak' },
    ]);
    expect(wrapper.get('[data-testid="import-refused-entries"]').text()).toBe(
      '3f79bb7b435b.pdf: isinya tidak sama dengan berkas yang ditandatangani.',
    );
    expect(wrapper.get('[data-testid="import-summary"]').text()).toBe('2 diterima, 1 ditolak');
  });

  it('says when a bundle had been received already, and shows a bundle refused whole on its row', async () => {
    const { wrapper } = await mountExchange({
      pickedFiles: [
        { token: 'zip-1', name: 'a.bukti.zip' },
        { token: 'zip-2', name: 'bom.zip' },
      ],
      bundles: {
        'zip-1': { fileName: 'a.bukti.zip', received: 1, rows: 0, changed: false, refused: [] },
        'zip-2': { error: { code: 'invalid', message: 'Berkas bukti dukung bom.zip ditolak: bom zip.' } },
      },
    });
    await wrapper.get('[data-testid="pick-reports"]').trigger('click');
    await flushPromises();
    expect(rows(wrapper)).toEqual([
      {
        file: 'a.bukti.zip',
        status: 'unchanged',
        text: '1 berkas bukti dukung sudah diterima sebelumnya; tidak ada yang berubah',
      },
      { file: 'bom.zip', status: 'rejected', text: 'Ditolak: Berkas bukti dukung bom.zip ditolak: bom zip.' },
    ]);
  });

  describe('a report and its bundle picked together, the report waiting for its key', () => {
    const picked = [
      { token: 'zip-1', name: 'laporan-dinsos-2019-tw1.bukti.zip' },
      { token: 'xlsx-1', name: 'laporan-dinsos-2019-tw1.xlsx' },
    ];
    const refusal = sampleKeyRefusal();

    async function pickWaitingKey() {
      const mounted = await mountExchange({
        pickedFiles: picked,
        answers: {
          importReport: (_token, acceptKey) => {
            if (acceptKey?.fingerprint !== SAMPLE_KEY_WORDS) throw refusal;
            return sampleImported({ opdCode: 'DINSOS', opdName: 'Dinas Sosial', keyAccepted: 'first' });
          },
          importEvidenceBundle: () => ({
            fileName: 'laporan-dinsos-2019-tw1.bukti.zip',
            received: 1,
            rows: 1,
            changed: true,
            refused: [],
          }),
        },
      });
      await mounted.wrapper.get('[data-testid="pick-reports"]').trigger('click');
      await flushPromises();
      return mounted;
    }

    it('holds the bundle until "Terima", then imports it', async () => {
      const { wrapper, fake } = await pickWaitingKey();
      expect(fake.callsOf('importEvidenceBundle')).toEqual([]);
      expect(rows(wrapper).map((r) => r.status)).toEqual(['key_unconfirmed', 'held']);
      expect(rows(wrapper)[1]!.text).toContain('menunggu konfirmasi kunci');

      // The clerk types the words the OPD reads out.
      await wrapper.get('[data-testid="key-typed"]').setValue(SAMPLE_KEY_WORDS);
      await wrapper.get('[data-testid="key-accept"]').trigger('click');
      await flushPromises();
      expect(fake.callsOf('importReport')).toEqual([
        ['xlsx-1', null],
        ['xlsx-1', expect.objectContaining({ fingerprint: SAMPLE_KEY_WORDS })],
      ]);
      expect(fake.callsOf('importEvidenceBundle')).toEqual([['zip-1']]);
      const calls = fake.calls.map((c) => c.method).filter((m) => m.startsWith('import'));
      expect(calls).toEqual(['importReport', 'importReport', 'importEvidenceBundle']);
      expect(rows(wrapper).map((r) => r.status)).toEqual(['accepted', 'accepted']);
      expect(rows(wrapper)[1]!.text).toBe('1 berkas bukti dukung diterima, 0 ditolak');
    });

    it('refuses the held bundle with the report\'s reason when the key is refused', async () => {
      const { wrapper, fake } = await pickWaitingKey();
      await wrapper.get('[data-testid="key-refuse"]').trigger('click');
      await flushPromises();
      expect(fake.callsOf('importEvidenceBundle')).toEqual([]);
      expect(rows(wrapper).map((r) => r.status)).toEqual(['key_refused', 'rejected']);
      expect(rows(wrapper)[1]!.text).toContain('sidik jari kunci tidak cocok');
    });
  });
});
