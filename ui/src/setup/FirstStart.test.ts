import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import { createFakeBackend, SAMPLE_DATA_FILE } from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import FirstStart from './FirstStart.vue';

async function render(choice: 'demo' | 'empty', failures = {}) {
  const backend = createFakeBackend({ needsSetup: true, failures });
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
});
