// The plan editor's "Predikat" tab against the fake backend.
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../api/backend';
import { createFakeBackend, sampleBands, type FakeBackend, type FakeBackendOptions } from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import BandsTab from './BandsTab.vue';
import { PLAN_EDITOR_TABS } from './tabs';

async function mountTab(fake: FakeBackendOptions = {}, language: 'id' | 'en' = 'id') {
  const backend = createFakeBackend(fake);
  const mounted = mountWithApp<Backend>(BandsTab, { backend, language, attachTo: document.body });
  await flushPromises();
  return { ...mounted, fake: backend as FakeBackend };
}

describe('BandsTab', () => {
  it('is registered in the plan editor', () => {
    expect(PLAN_EDITOR_TABS.map((tab) => tab.key)).toContain('bands');
  });

  it('shows the five bands with the interval each bound gives, and the legend', async () => {
    const { wrapper } = await mountTab();
    expect(wrapper.get('[data-testid="plan-bands-convention"]').text()).toContain('konvensi');
    const labels = [0, 1, 2, 3, 4].map(
      (i) => (wrapper.get(`[data-testid="plan-band-label-${i}"]`).element as HTMLInputElement).value,
    );
    expect(labels).toEqual(['Sangat Tinggi', 'Tinggi', 'Sedang', 'Rendah', 'Sangat Rendah']);
    expect(wrapper.find('[data-testid="plan-band-min-4"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="plan-band-interval-0"]').text()).toBe('≥ 91');
    expect(wrapper.get('[data-testid="plan-band-interval-1"]').text()).toBe('76 – < 91');
    expect(wrapper.get('[data-testid="plan-band-interval-4"]').text()).toBe('< 51');
    expect(wrapper.get('[data-testid="plan-bands-legend"]').text()).toContain('Sangat Tinggi ≥ 91');
  });

  it('recomputes the intervals as a bound is typed', async () => {
    const { wrapper } = await mountTab();
    await wrapper.get('[data-testid="plan-band-min-0"]').setValue('95,5');
    expect(wrapper.get('[data-testid="plan-band-interval-0"]').text()).toBe('≥ 95,5');
    expect(wrapper.get('[data-testid="plan-band-interval-1"]').text()).toBe('76 – < 95,5');
  });

  it('saves labels and bounds, announces it, emits changed and can undo', async () => {
    const { wrapper, fake } = await mountTab();
    await wrapper.get('[data-testid="plan-band-label-0"]').setValue('Istimewa');
    await wrapper.get('[data-testid="plan-band-min-0"]').setValue('95');
    await wrapper.get('[data-testid="plan-bands-save"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('setGradeBands')).toEqual([
      [
        {
          bands: [
            { label: 'Istimewa', min: 95 },
            { label: 'Tinggi', min: 76 },
            { label: 'Sedang', min: 66 },
            { label: 'Rendah', min: 51 },
            { label: 'Sangat Rendah', min: null },
          ],
        },
      ],
    ]);
    expect(wrapper.get('[data-testid="plan-bands-status"]').text()).toBe('Tersimpan');
    expect(wrapper.emitted('changed')).toHaveLength(1);

    await wrapper.get('[data-testid="plan-bands-undo"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('undoGradeBands')).toHaveLength(1);
    expect((wrapper.get('[data-testid="plan-band-label-0"]').element as HTMLInputElement).value).toBe('Sangat Tinggi');
    expect(wrapper.find('[data-testid="plan-bands-undo"]').exists()).toBe(false);
  });

  it('shows a refused bound next to its input', async () => {
    const message = 'Batas bawah harus lebih kecil dari batas predikat di atasnya (91).';
    const { wrapper } = await mountTab({
      failures: { setGradeBands: { code: 'invalid', message, field: 'bands.1.min' } },
    });
    await wrapper.get('[data-testid="plan-band-min-1"]').setValue('95');
    await wrapper.get('[data-testid="plan-bands-save"]').trigger('click');
    await flushPromises();
    const input = wrapper.get('[data-testid="plan-band-min-1"]');
    expect(input.attributes('aria-invalid')).toBe('true');
    const error = wrapper.get(`#${input.attributes('aria-describedby')}`);
    expect(error.text()).toBe(message);
    expect(document.activeElement).toBe(input.element);
    expect(wrapper.find('[data-testid="error-alert"]').exists()).toBe(false);
    wrapper.unmount();
  });

  it('fills in the convention', async () => {
    const custom = sampleBands({ isConvention: false });
    custom.bands[0] = { key: 'sangat_tinggi', label: 'Istimewa', min: 95 };
    const { wrapper } = await mountTab({ answers: { gradeBands: custom } });
    await wrapper.get('[data-testid="plan-bands-convention-fill"]').trigger('click');
    expect((wrapper.get('[data-testid="plan-band-label-0"]').element as HTMLInputElement).value).toBe('Sangat Tinggi');
    expect((wrapper.get('[data-testid="plan-band-min-0"]').element as HTMLInputElement).value).toBe('91');
  });

  it('is read-only where the profile may not edit', async () => {
    const { wrapper } = await mountTab({ answers: { gradeBands: sampleBands({ canEdit: false }) } });
    expect(wrapper.find('[data-testid="plan-bands-save"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="plan-bands-readonly"]').text()).toContain('Hanya Bappeda');
    expect((wrapper.get('[data-testid="plan-band-label-0"]').element as HTMLInputElement).disabled).toBe(true);
  });

  it('speaks English in the English UI', async () => {
    const { wrapper } = await mountTab({}, 'en');
    expect(wrapper.text()).toContain('Achievement grades');
    expect(wrapper.get('[data-testid="plan-bands-save"]').text()).toBe('Save grades');
  });
});
