// How Bappeda reaches the Terbitkan screen and the self-assessment in the
// whole app, and comes back, against the fake backend.
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import App from '../App.vue';
import { createFakeBackend, SAMPLE_BAPPEDA, SAMPLE_OPD } from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import { loadScreens } from '../testing/screens';

beforeAll(loadScreens);

afterEach(() => {
  document.body.innerHTML = '';
});

async function escape(): Promise<void> {
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
  await flushPromises();
  await new Promise((resolve) => setTimeout(resolve, 0));
}

describe('Terbitkan and the self-assessment in the app', () => {
  it('are offered where the core says so: to Bappeda, not to an OPD', async () => {
    const opd = mountWithApp(App, { backend: createFakeBackend({ ...SAMPLE_OPD }) });
    await flushPromises();
    expect(opd.wrapper.find('[data-testid="open-publish"]').exists()).toBe(false);
    await opd.wrapper.get('[data-testid="open-action"]').trigger('click');
    await flushPromises();
    expect(opd.wrapper.find('[data-testid="action-detail-screen"]').exists()).toBe(true);
    expect(opd.wrapper.find('[data-testid="detail-open-assessment"]').exists()).toBe(false);
  });

  it('opens Terbitkan from the header, the self-assessment from there, and back step by step', async () => {
    const backend = createFakeBackend({ ...SAMPLE_BAPPEDA });
    const { wrapper } = mountWithApp(App, { backend, attachTo: document.body });
    await flushPromises();
    await wrapper.get('[data-testid="open-publish"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="publish-screen"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="open-publish"]').attributes('aria-current')).toBe('page');

    await wrapper.get('[data-testid="open-assessment"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="assessment-screen"]').exists()).toBe(true);
    expect(wrapper.findAll('[data-testid="assessment-card"] form')).toHaveLength(0);

    await escape();
    expect(wrapper.find('[data-testid="publish-screen"]').exists()).toBe(true);
    await escape();
    expect(wrapper.find('[data-testid="plan-overview"]').exists()).toBe(true);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('open-publish');
  });

  it("opens the self-assessment from an action's workspace at that action, and back to it", async () => {
    const backend = createFakeBackend({ ...SAMPLE_BAPPEDA });
    const { wrapper } = mountWithApp(App, { backend, attachTo: document.body });
    await flushPromises();
    await wrapper.get('[data-testid="open-action"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="detail-open-assessment"]').trigger('click');
    await flushPromises();

    // The sample action of the workspace is action-1 (RA-01): its form is open.
    const ra01 = wrapper.get('[data-testid="assessment-card"][data-action-code="RA-01"]');
    expect(ra01.find('form').exists()).toBe(true);
    expect((ra01.get('[data-testid="assessment-completion"]').element as HTMLSelectElement).value).toBe('substansial');
    // Opened from the action, not from Terbitkan: no header button is the current page.
    expect(wrapper.get('[data-testid="open-publish"]').attributes('aria-current')).toBeUndefined();
    expect(wrapper.find('[aria-current="page"]').exists()).toBe(false);

    await wrapper.get('[data-testid="assessment-back"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="action-detail-screen"]').exists()).toBe(true);
  });

  it('closes the open form on Escape first, then goes back to the action', async () => {
    const backend = createFakeBackend({ ...SAMPLE_BAPPEDA });
    const { wrapper } = mountWithApp(App, { backend, attachTo: document.body });
    await flushPromises();
    await wrapper.get('[data-testid="open-action"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="detail-open-assessment"]').trigger('click');
    await flushPromises();
    const ra01 = () => wrapper.get('[data-testid="assessment-card"][data-action-code="RA-01"]');
    await ra01().get('[data-testid="assessment-explanation"]').setValue('Setengah ditulis');

    await escape();
    expect(wrapper.find('[data-testid="assessment-screen"]').exists()).toBe(true);
    expect(ra01().find('form').exists()).toBe(false);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('assessment-edit');
    await escape();
    expect(wrapper.find('[data-testid="action-detail-screen"]').exists()).toBe(true);
  });
});
