// A co-creation session recorded as it happens, and plan versions compared,
// against the fake backend.
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Profile } from '../api/types';
import { createFakeBackend, SAMPLE_BERITA_ACARA_PATH, sampleOverview } from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import CocreationScreen from './CocreationScreen.vue';

const BAPPEDA: Profile = { role: 'bappeda', opdCode: null, userName: 'Admin Bappeda' };

async function mountWorkshop(profile: Profile = BAPPEDA) {
  const backend = createFakeBackend({ profile });
  const mounted = mountWithApp(CocreationScreen, {
    backend,
    props: { overview: sampleOverview(), profile },
    attachTo: document.body,
  });
  await flushPromises();
  return { ...mounted, fake: backend };
}

async function submit(wrapper: VueWrapper, form: string): Promise<void> {
  await wrapper.get(`[data-testid="${form}"]`).trigger('submit');
  await flushPromises();
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('co-creation session', () => {
  it('records participants, inputs per action and the responses, and saves the berita acara', async () => {
    const { wrapper, fake } = await mountWorkshop();
    expect(wrapper.get('[data-testid="sessions-empty"]').text()).toBe('Belum ada sesi ko-kreasi.');
    await submit(wrapper, 'session-form');
    expect(wrapper.findAll('[data-testid="field-error"]').map((e) => e.text())).toEqual(['Judul sesi wajib diisi.']);

    await wrapper.get('[data-testid="session-title"]').setValue('OpenGovWeek Wonosobo');
    await wrapper.get('[data-testid="session-date"]').setValue('2018-05-08');
    await wrapper.get('[data-testid="session-place"]').setValue('Pendopo Kabupaten');
    await submit(wrapper, 'session-form');
    expect(wrapper.get('[data-testid="session-heading"]').text()).toBe('OpenGovWeek Wonosobo');

    await wrapper.get('[data-testid="participant-name"]').setValue('Siti');
    await wrapper.get('[data-testid="participant-kind"]').setValue('cso');
    await wrapper.get('[data-testid="participant-org"]').setValue('Forum Warga');
    await submit(wrapper, 'participant-form');
    expect(wrapper.findAll('[data-testid="participant"]').map((p) => p.text())).toEqual([
      expect.stringContaining('Siti · Forum Warga · Organisasi masyarakat sipil'),
    ]);

    await wrapper.get('[data-testid="input-action"]').setValue('action-2');
    await wrapper.get('[data-testid="input-org"]').setValue('Forum Warga');
    await wrapper.get('[data-testid="input-body"]').setValue('Forum warga dibuka juga di kecamatan.');
    await submit(wrapper, 'input-form');
    await wrapper.get('[data-testid="input-body"]').setValue('Hasil forum diumumkan di laman desa.');
    await submit(wrapper, 'input-form');
    expect(fake.callsOf('saveInput').map(([form]) => (form as { actionId: string }).actionId)).toEqual(['action-2', 'action-2']);
    expect(wrapper.findAll('[data-testid="input-item"]')).toHaveLength(2);

    const first = () => wrapper.findAll('[data-testid="input-response"]')[0]!;
    await first().get('[data-testid="response-start"]').trigger('click');
    await first().get('[data-testid="decision-ditolak"]').setValue(true);
    await first().get('form').trigger('submit');
    await flushPromises();
    expect(first().get('[data-testid="field-error"]').text()).toBe('Tuliskan alasannya.');
    await first().get('[data-testid="response-reason"]').setValue('Anggaran kecamatan belum tersedia tahun ini.');
    await first().get('form').trigger('submit');
    await flushPromises();
    expect(first().get('[data-testid="response-decision"]').text()).toBe('Ditolak');
    expect(first().text()).toContain('Anggaran kecamatan belum tersedia tahun ini.');

    await wrapper.get('[data-testid="export-berita-acara"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="berita-acara-result"]').text()).toBe(`Berita acara disimpan di ${SAMPLE_BERITA_ACARA_PATH}.`);
  });

  it('is read-only for an OPD', async () => {
    const { wrapper } = await mountWorkshop({ role: 'opd', opdCode: 'DINKES', userName: 'Sari' });
    expect(wrapper.find('[data-testid="session-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="version-take"]').exists()).toBe(false);
  });
});

describe('plan versions', () => {
  it('takes a named version, refuses the same name twice, and shows what changed', async () => {
    const { wrapper } = await mountWorkshop();
    await wrapper.get('[data-testid="version-name"]').setValue('Draf');
    await wrapper.get('[data-testid="version-take"]').trigger('click');
    await flushPromises();
    expect(wrapper.findAll('[data-testid="version-item"]')).toHaveLength(1);
    await wrapper.get('[data-testid="version-name"]').setValue('Draf');
    await wrapper.get('[data-testid="version-take"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="field-error"]').text()).toBe('Versi "Draf" sudah ada; pakai nama lain.');

    await wrapper.get('[data-testid="version-compare"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="diff-summary"]').text()).toBe('3 perubahan dari Draf ke Saat ini.');
    expect(wrapper.get('[data-testid="diff-changed"]').text()).toContain('Judul: Sistem pengaduan kesehatan → Sistem pengaduan layanan kesehatan terpadu');
    expect(wrapper.get('[data-testid="diff-target"]').text()).toContain('TW IV 2019: 90 → 95');
  });
});
