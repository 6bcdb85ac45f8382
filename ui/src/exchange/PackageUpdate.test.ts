// Taking a newer plan package at an OPD, against the fake backend: the
// preview first, then the package is taken only on request.
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../api/backend';
import {
  createFakeBackend,
  SAMPLE_BAPPEDA_KEY_WORDS,
  SAMPLE_BAPPEDA_NEW_KEY_WORDS,
  sampleApplied,
  samplePackageUpdate,
  type FakeBackend,
  type FakeBackendOptions,
} from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import PackageUpdate from './PackageUpdate.vue';

async function mountUpdate(fake: FakeBackendOptions = {}, language: 'id' | 'en' = 'id') {
  const backend = createFakeBackend(fake);
  const mounted = mountWithApp<Backend>(PackageUpdate, { backend, language });
  await flushPromises();
  return { ...mounted, fake: backend as FakeBackend };
}

async function pick(wrapper: Awaited<ReturnType<typeof mountUpdate>>['wrapper']) {
  await wrapper.get('[data-testid="package-update-pick"]').trigger('click');
  await flushPromises();
}

describe('PackageUpdate', () => {
  it('shows what the package changes before anything is taken', async () => {
    const { wrapper, fake } = await mountUpdate();
    await pick(wrapper);
    expect(fake.callsOf('pickPackageUpdate')).toHaveLength(1);
    expect(fake.callsOf('takePackageUpdate')).toHaveLength(0);
    expect(wrapper.get('[data-testid="package-update-version"]').text()).toBe('Versi rencana aksi: 2 → 3');
    expect(wrapper.get('[data-testid="package-update-added"]').text()).toContain('RA-09 Portal data terbuka desa');
    expect(wrapper.get('[data-testid="package-update-changed"]').text()).toContain('RA-02 Keterbukaan anggaran (revisi) — judul');
    const archived = wrapper.get('[data-testid="package-update-archived"]').text();
    expect(archived).toContain('RA-03 Desa terbuka — alasan: digabung ke RA-02');
    expect(archived).toContain('tetap tersimpan');
    expect(wrapper.get('[data-testid="package-update-periods"]').text()).toContain('2019-TW1: ditutup');
    expect(wrapper.get('[data-testid="package-update-indicators"]').text()).toBe(
      '2 indikator dari dokumen rencana aksi diterima beserta targetnya',
    );
    expect(wrapper.find('[data-testid="package-update-bands"]').exists()).toBe(false);
  });

  it("shows the package's key in words, and Bappeda's key change with both fingerprints", async () => {
    const { wrapper } = await mountUpdate();
    await pick(wrapper);
    expect(wrapper.get('[data-testid="package-update-key"]').text()).toBe(
      `Sidik jari kunci Bappeda pada paket ini: ${SAMPLE_BAPPEDA_KEY_WORDS} Cocokkan dengan yang dibacakan Bappeda.`,
    );
    expect(wrapper.find('[data-testid="package-update-key-change"]').exists()).toBe(false);

    const rotated = samplePackageUpdate({
      keyFingerprint: SAMPLE_BAPPEDA_NEW_KEY_WORDS,
      keyChange: {
        fromFingerprint: SAMPLE_BAPPEDA_KEY_WORDS,
        toFingerprint: SAMPLE_BAPPEDA_NEW_KEY_WORDS,
        effectiveFrom: '2019-07-01',
      },
    });
    const { wrapper: next } = await mountUpdate({ answers: { pickPackageUpdate: rotated } });
    await pick(next);
    const change = next.get('[data-testid="package-update-key-change"]').text();
    expect(change).toContain('mulai 2019-07-01');
    expect(change).toContain(`Kunci lama: ${SAMPLE_BAPPEDA_KEY_WORDS}`);
    expect(change).toContain(`Kunci baru: ${SAMPLE_BAPPEDA_NEW_KEY_WORDS}`);
  });

  it('takes the package on request and says so', async () => {
    const { wrapper, fake } = await mountUpdate();
    await pick(wrapper);
    await wrapper.get('[data-testid="package-update-take"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('takePackageUpdate')).toEqual([['update-1']]);
    expect(wrapper.get('[data-testid="package-update-done"]').text()).toBe('Paket rencana aksi versi 3 sudah dipakai.');
    expect(wrapper.emitted('taken')).toEqual([[sampleApplied()]]);
    expect(wrapper.find('[data-testid="package-update-preview"]').exists()).toBe(false);
  });

  it('announces the next plan as a plan of its own, with its bands', async () => {
    const update = samplePackageUpdate({
      fit: 'newPlan',
      versionFrom: null,
      versionTo: 1,
      yearStart: 2020,
      yearEnd: 2022,
      bandsTo: 'Predikat (capaian %): Istimewa ≥ 95; …',
    });
    const { wrapper } = await mountUpdate({
      answers: {
        pickPackageUpdate: update,
        takePackageUpdate: sampleApplied({ newPlan: true, version: 1, planTitle: 'Rencana Aksi 2020-2022' }),
      },
    });
    await pick(wrapper);
    expect(wrapper.get('[data-testid="package-update-new-plan"]').text()).toContain('rencana aksi berikutnya');
    expect(wrapper.get('[data-testid="package-update-bands"]').text()).toContain('Istimewa ≥ 95');
    await wrapper.get('[data-testid="package-update-take"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="package-update-done"]').text()).toBe(
      'Rencana aksi "Rencana Aksi 2020-2022" versi 1 sudah diterima.',
    );
  });

  it('shows why a package is refused, and takes nothing', async () => {
    const message = 'Paket ini untuk rencana aksi lain (Kabupaten Lain 2018-2019).';
    const { wrapper, fake } = await mountUpdate({ failures: { pickPackageUpdate: { code: 'invalid', message, field: 'file' } } });
    await pick(wrapper);
    expect(wrapper.get('[data-testid="error-alert"]').text()).toContain(message);
    expect(wrapper.find('[data-testid="package-update-preview"]').exists()).toBe(false);
    expect(fake.callsOf('takePackageUpdate')).toHaveLength(0);
  });

  it('offers "Terima kunci Bappeda" when the pinned key refuses the package, by the words read out', async () => {
    const message = 'Paket ini ditandatangani dengan kunci yang berbeda dari kunci Bappeda yang dipakai di sini.';
    const { wrapper, fake } = await mountUpdate({
      failures: { pickPackageUpdate: { code: 'bappeda_key_unconfirmed', message, field: null } },
    });
    expect(wrapper.find('[data-testid="package-update-trust"]').exists()).toBe(false);
    await pick(wrapper);
    expect(wrapper.get('[data-testid="error-alert"]').text()).toContain(message);
    const form = wrapper.get('[data-testid="package-update-trust"]');
    expect(form.text()).toContain('Terima kunci Bappeda');
    expect(form.text()).toContain('membacakan kedelapan kata sidik jari kunci');
    expect(form.text()).toContain('nomor yang sudah dipegang OPD');
    await wrapper.get('[data-testid="package-update-trust-fingerprint"]').setValue(SAMPLE_BAPPEDA_KEY_WORDS);
    await form.trigger('submit');
    await flushPromises();
    expect(fake.callsOf('trustBappedaKey')).toEqual([[SAMPLE_BAPPEDA_KEY_WORDS]]);
    expect(wrapper.get('[data-testid="package-update-trusted"]').text()).toBe(
      `Kunci Bappeda diterima: ${SAMPLE_BAPPEDA_KEY_WORDS}. Ambil paketnya lagi untuk memakainya.`,
    );
    expect(wrapper.find('[data-testid="package-update-trust"]').exists()).toBe(false);
    expect(fake.callsOf('takePackageUpdate')).toHaveLength(0);
  });

  it('offers "Terima kunci Bappeda" only for its own refusal, not for any forbidden one', async () => {
    const { wrapper } = await mountUpdate({
      failures: { pickPackageUpdate: { code: 'forbidden', message: 'Tidak boleh.', field: null } },
    });
    await pick(wrapper);
    expect(wrapper.get('[data-testid="error-alert"]').text()).toContain('Tidak boleh.');
    expect(wrapper.find('[data-testid="package-update-trust"]').exists()).toBe(false);
  });

  it('a cancelled dialog or "Batal" changes nothing', async () => {
    const cancelled = await mountUpdate({ fileDialog: 'cancel' });
    await pick(cancelled.wrapper);
    expect(cancelled.wrapper.get('[data-testid="package-update-cancelled"]').text()).toBe('Tidak ada paket yang dipilih.');

    const { wrapper, fake } = await mountUpdate();
    await pick(wrapper);
    await wrapper.get('[data-testid="package-update-discard"]').trigger('click');
    expect(wrapper.find('[data-testid="package-update-preview"]').exists()).toBe(false);
    expect(fake.callsOf('takePackageUpdate')).toHaveLength(0);
  });

  it('speaks English in the English UI', async () => {
    const { wrapper } = await mountUpdate({}, 'en');
    await pick(wrapper);
    expect(wrapper.get('[data-testid="package-update-version"]').text()).toBe('Plan version: 2 → 3');
    expect(wrapper.get('[data-testid="package-update-take"]').text()).toBe('Take this package');
  });
});
