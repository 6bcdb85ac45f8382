import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import {
  createFakeBackend,
  SAMPLE_BAPPEDA_KEY_WORDS,
  SAMPLE_DATA_FILE,
  samplePackagePreview,
} from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import FirstStart from './FirstStart.vue';

async function render(choice: 'demo' | 'empty' | 'package', failures = {}, fileDialog: 'pick' | 'cancel' = 'pick') {
  const backend = createFakeBackend({ needsSetup: true, failures, fileDialog });
  const { wrapper } = mountWithApp(FirstStart, { backend, props: { dataFile: SAMPLE_DATA_FILE } });
  await wrapper.get(`[data-testid="choose-${choice}"]`).trigger('click');
  await flushPromises();
  return { wrapper, backend };
}

function options(wrapper: Awaited<ReturnType<typeof render>>['wrapper']) {
  return wrapper.get('[data-testid="profile-role"]').findAll('option').map((o) => [o.attributes('value'), o.text()]);
}

describe('FirstStart', () => {
  it('after the demo choice, offers Bappeda and every OPD of the demo plan, by name', async () => {
    const { wrapper, backend } = await render('demo');
    expect(backend.callsOf('demoOpds')).toHaveLength(1);
    expect(options(wrapper)).toEqual([
      ['bappeda', 'Bappeda (pengelola rencana aksi, melihat semua OPD)'],
      ['DUKCAPIL', 'Dinas Kependudukan dan Pencatatan Sipil (DUKCAPIL)'],
      ['DINKES', 'Dinas Kesehatan (DINKES)'],
      ['DINSOS', 'Dinas Sosial (DINSOS)'],
    ]);
    expect(wrapper.find('[data-testid="profile-empty-note"]').exists()).toBe(false);
  });

  it('after the empty choice, offers Bappeda only and says why', async () => {
    const { wrapper, backend } = await render('empty');
    expect(backend.callsOf('demoOpds')).toHaveLength(0);
    expect(options(wrapper).map(([value]) => value)).toEqual(['bappeda']);
    const note = wrapper.get('[data-testid="profile-empty-note"]');
    expect(note.text()).toContain('paket rencana aksi');
    expect(wrapper.get('[data-testid="profile-role"]').attributes('aria-describedby')).toBe(note.attributes('id'));
  });

  it('asks for a name next to the field and sends nothing without one', async () => {
    const { wrapper, backend } = await render('demo');
    await wrapper.get('[data-testid="profile-user-name"]').setValue('   ');
    await wrapper.get('[data-testid="profile-submit"]').trigger('submit');
    await flushPromises();

    const input = wrapper.get('[data-testid="profile-user-name"]');
    const message = wrapper.get('[data-testid="field-error"]');
    expect(message.text()).toBe('Isi nama Anda.');
    expect(input.attributes('aria-invalid')).toBe('true');
    expect(input.attributes('aria-describedby')).toBe(message.attributes('id'));
    expect(backend.callsOf('firstStart')).toEqual([]);
  });

  it('starts as an OPD with a trimmed name', async () => {
    const { wrapper, backend } = await render('demo');
    await wrapper.get('[data-testid="profile-role"]').setValue('DINKES');
    await wrapper.get('[data-testid="profile-user-name"]').setValue('  Sari Wulandari ');
    await wrapper.get('[data-testid="profile-form"]').trigger('submit');
    await flushPromises();

    expect(backend.callsOf('firstStart')).toEqual([
      [{ choice: 'demo', role: 'opd', opdCode: 'DINKES', userName: 'Sari Wulandari' }],
    ]);
    expect(wrapper.emitted('started')).toHaveLength(1);
  });

  it('refuses a name longer than 80 characters', async () => {
    const { wrapper, backend } = await render('empty');
    const input = wrapper.get('[data-testid="profile-user-name"]');
    expect(input.attributes('maxlength')).toBe('80');
    await input.setValue('a'.repeat(81));
    await wrapper.get('[data-testid="profile-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="field-error"]').text()).toBe('Nama paling panjang 80 karakter.');
    expect(backend.callsOf('firstStart')).toEqual([]);
  });

  it("shows the backend's message about the name next to the field", async () => {
    const { wrapper } = await render('empty', {
      firstStart: { code: 'invalid', message: 'Nama tidak boleh berisi baris baru.', field: 'userName' },
    });
    await wrapper.get('[data-testid="profile-user-name"]').setValue('Admin');
    await wrapper.get('[data-testid="profile-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="field-error"]').text()).toBe('Nama tidak boleh berisi baris baru.');
    expect(wrapper.emitted('failed')).toBeUndefined();
  });

  it('can go back to the first choice', async () => {
    const { wrapper } = await render('demo');
    await wrapper.get('[data-testid="change-choice"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="profile-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="choose-empty"]').exists()).toBe(true);
  });

  it('offers to start from the package Bappeda sent, for an OPD', async () => {
    const { wrapper } = mountWithApp(FirstStart, { props: { dataFile: SAMPLE_DATA_FILE } });
    const button = wrapper.get('[data-testid="choose-package"]');
    expect(button.text()).toBe('Buka paket rencana aksi dari Bappeda');
    const hint = wrapper.get(`#${button.attributes('aria-describedby')}`);
    expect(hint.text()).toBe('Untuk OPD: mulai dari berkas paket yang dikirim Bappeda.');
  });

  it("after picking a package, shows its plan and offers only the package's OPDs", async () => {
    const { wrapper, backend } = await render('package');
    expect(backend.callsOf('pickPackage')).toEqual([[]]);
    const preview = wrapper.get('[data-testid="package-preview"]');
    expect(wrapper.get('[data-testid="package-title"]').text()).toBe(samplePackagePreview().planTitle);
    expect(preview.text()).toContain('Kabupaten Wonosobo');
    expect(wrapper.get('[data-testid="package-version"]').text()).toBe('3');
    expect(options(wrapper)).toEqual([
      ['DINKES', 'Dinas Kesehatan (DINKES)'],
      ['DISKOMINFO', 'Dinas Komunikasi dan Informatika (DISKOMINFO)'],
      ['DINSOS', 'Dinas Sosial (DINSOS)'],
    ]);
    expect(wrapper.find('option[value="bappeda"]').exists()).toBe(false);
  });

  it("shows Bappeda's key fingerprint in words, with a line to compare it with what Bappeda reads out", async () => {
    const { wrapper } = await render('package');
    const key = wrapper.get('[data-testid="package-key"]');
    expect(key.get('strong').text()).toBe(SAMPLE_BAPPEDA_KEY_WORDS);
    expect(SAMPLE_BAPPEDA_KEY_WORDS.split(' ')).toHaveLength(8);
    expect(wrapper.get('[data-testid="package-preview"]').text()).toContain('Sidik jari kunci Bappeda');
    expect(wrapper.get('[data-testid="package-key-compare"]').text()).toBe(
      'Cocokkan delapan kata ini dengan yang dibacakan Bappeda (misalnya lewat telepon) sebelum memakai paket ini. Bila berbeda, jangan pakai paketnya.',
    );
  });

  it("starts from the package as the chosen OPD, sending the package's token", async () => {
    const { wrapper, backend } = await render('package');
    await wrapper.get('[data-testid="profile-role"]').setValue('DINSOS');
    await wrapper.get('[data-testid="profile-user-name"]').setValue(' Budi ');
    await wrapper.get('[data-testid="profile-submit"]').trigger('submit');
    await flushPromises();

    expect(backend.callsOf('firstStart')).toEqual([
      [{ choice: 'package', packageToken: 'package-1', role: 'opd', opdCode: 'DINSOS', userName: 'Budi' }],
    ]);
    expect(wrapper.emitted('started')).toHaveLength(1);
  });

  it('stays on the choices when the package dialog is cancelled', async () => {
    const { wrapper, backend } = await render('package', {}, 'cancel');
    expect(backend.callsOf('pickPackage')).toHaveLength(1);
    expect(wrapper.find('[data-testid="profile-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="choose-package"]').exists()).toBe(true);
    expect(wrapper.emitted('failed')).toBeUndefined();
  });

  it('passes a refused package on to the alert', async () => {
    const refusal = { code: 'invalid', message: 'Tanda tangan paket tidak sah: berkas telah diubah.' };
    const { wrapper } = await render('package', { pickPackage: refusal });
    expect(wrapper.emitted('failed')).toEqual([[refusal]]);
    expect(wrapper.find('[data-testid="profile-form"]').exists()).toBe(false);
  });
});
