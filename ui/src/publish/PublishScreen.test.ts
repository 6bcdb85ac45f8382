// The Terbitkan screen as Bappeda uses it, against the fake backend.
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { INVALID } from '../api/types';
import {
  createFakeBackend,
  SAMPLE_BAPPEDA,
  SAMPLE_OPEN_DATA_FOLDER,
  SAMPLE_SITE_FOLDER,
  samplePublishOverview,
  type FakeBackendOptions,
} from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import PublishScreen from './PublishScreen.vue';

async function mountPublish(fake: FakeBackendOptions = {}, language: 'id' | 'en' = 'id') {
  const backend = createFakeBackend({ ...SAMPLE_BAPPEDA, ...fake });
  const mounted = mountWithApp(PublishScreen, { backend, language, attachTo: document.body });
  await flushPromises();
  return { ...mounted, fake: backend };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('PublishScreen', () => {
  it('says what is published, what never is, and the data date, the Indonesian way', async () => {
    const { wrapper, fake } = await mountPublish();
    expect(fake.callsOf('publishOverview')).toEqual([[]]);
    expect(wrapper.get('[data-testid="publish-plan"]').text()).toBe(
      'Rencana aksi 2018–2019: Rencana Aksi Daerah Keterbukaan Pemerintah Kabupaten Wonosobo 2018-2019',
    );
    expect(wrapper.find('[data-testid="publish-read-only"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="publish-intro"]').text()).toBe(
      'Situs transparansi dan data terbuka dibuat dari data per 20 Desember 2019. Angka capaian: Triwulan III 2018.',
    );
    expect(wrapper.get('[data-testid="publish-assessed"]').text()).toContain('1 dari 2 rencana aksi sudah dinilai');
    const never = wrapper.get('[data-testid="publish-never"]').text();
    for (const word of ['Kunci dan tanda tangan', 'Catatan verifikator', 'Nama orang', 'Lokasi berkas']) {
      expect(never).toContain(word);
    }
    const rows = wrapper.findAll('[data-testid="publish-table-row"]').map((row) => row.findAll('th, td').map((c) => c.text()));
    expect(rows[1]).toEqual(['realisasi.csv', 'Realisasi per triwulan', 'indikator, tahun, triwulan, nilai', '14']);
    expect(wrapper.get('[data-testid="publish-tables"]').text()).toContain('rencana-aksi.json, datapackage.json');
    // The heading takes the focus, as on every screen.
    expect(document.activeElement?.getAttribute('data-testid')).toBe('publish-title');
  });

  it('says there are no figures yet when no quarter has a realisation, in English too', async () => {
    const { wrapper } = await mountPublish({ answers: { publishOverview: samplePublishOverview({ period: null }) } }, 'en');
    expect(wrapper.get('[data-testid="publish-intro"]').text()).toBe(
      'The transparency site and the open data are made from the data as of 20 December 2019. No realisation yet, so no achievement figures.',
    );
    expect(wrapper.get('[data-testid="publish-site-button"]').text()).toBe('Publish the site');
  });

  it('publishes the site into the folder picked and says what was written and where', async () => {
    const { wrapper, fake } = await mountPublish();
    await wrapper.get('[data-testid="publish-site-button"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('publishSite')).toEqual([[]]);
    const result = wrapper.get('[data-testid="site-result"]').text();
    expect(result).toContain('24 halaman, 1,23 MB');
    expect(result).toContain(SAMPLE_SITE_FOLDER);
    expect(result).toContain(`${SAMPLE_SITE_FOLDER}/index.html`);
  });

  it('publishes nothing from an earlier plan, and says why', async () => {
    const { wrapper, fake } = await mountPublish({ answers: { publishOverview: samplePublishOverview({ readOnly: true }) } });
    expect(wrapper.get('[data-testid="publish-read-only"]').text()).toContain('Rencana aksi 2018–2019 yang sedang dilihat sudah ditutup');
    for (const id of ['publish-site-button', 'write-open-data']) {
      const button = wrapper.get(`[data-testid="${id}"]`);
      expect(button.attributes('disabled')).toBeDefined();
      await button.trigger('click');
    }
    await flushPromises();
    expect(fake.callsOf('publishSite')).toEqual([]);
    expect(fake.callsOf('writeOpenData')).toEqual([]);
  });

  it('says where each goes before the folder dialog opens', async () => {
    const { wrapper } = await mountPublish();
    const hint = (id: string) => document.getElementById(wrapper.get(`[data-testid="${id}"]`).attributes('aria-describedby')!)!.textContent!;
    expect(hint('publish-site-button')).toContain('situs-rencana-aksi-2018-2019');
    expect(hint('publish-site-button')).toContain('hanya mengganti berkas situs; berkas lain, misalnya .htaccess, dibiarkan');
    expect(hint('write-open-data')).toContain('data-terbuka-2018-2019');
    expect(hint('write-open-data')).toContain('Folder situs ditolak: terbitkan ulang situsnya');
  });

  it('lets one folder dialog open at a time', async () => {
    let finish: (value: null) => void = () => {};
    const { wrapper, fake } = await mountPublish({ answers: { publishSite: () => new Promise<null>((resolve) => (finish = resolve)) } });
    await wrapper.get('[data-testid="publish-site-button"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="write-open-data"]').attributes('disabled')).toBeDefined();
    await wrapper.get('[data-testid="write-open-data"]').trigger('click');
    expect(fake.callsOf('writeOpenData')).toEqual([]);
    finish(null);
    await flushPromises();
    expect(wrapper.get('[data-testid="write-open-data"]').attributes('disabled')).toBeUndefined();
  });

  it('writes the open data and lists its files', async () => {
    const { wrapper, fake } = await mountPublish();
    await wrapper.get('[data-testid="write-open-data"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('writeOpenData')).toEqual([[]]);
    expect(wrapper.get('[data-testid="open-data-result"]').text()).toContain(`5 berkas ditulis di ${SAMPLE_OPEN_DATA_FOLDER}`);
    expect(wrapper.findAll('[data-testid="open-data-file"]').map((f) => f.text())).toContain('penilaian_mandiri.csv');
  });

  it('says "Dibatalkan" when the folder dialog is cancelled, and shows a refusal in the alert', async () => {
    const cancelled = await mountPublish({ fileDialog: 'cancel' });
    await cancelled.wrapper.get('[data-testid="publish-site-button"]').trigger('click');
    await flushPromises();
    expect(cancelled.wrapper.get('[data-testid="site-cancelled"]').text()).toBe('Dibatalkan. Situs tidak diterbitkan.');
    expect(cancelled.wrapper.find('[data-testid="site-result"]').exists()).toBe(false);
    document.body.innerHTML = '';

    const message = 'Folder /home/staf/Dokumen/catatan berisi berkas lain; pilih folder kosong.';
    const refused = await mountPublish({ failures: { publishSite: { code: INVALID, message, field: 'out' } } });
    await refused.wrapper.get('[data-testid="publish-site-button"]').trigger('click');
    await flushPromises();
    expect(refused.wrapper.get('[data-testid="publish-site"] [role="alert"]').text()).toContain(message);
    expect(refused.wrapper.find('[data-testid="site-result"]').exists()).toBe(false);
  });

  it('opens the self-assessment', async () => {
    const { wrapper } = await mountPublish();
    await wrapper.get('[data-testid="open-assessment"]').trigger('click');
    expect(wrapper.emitted('open-assessment')).toHaveLength(1);
  });
});
