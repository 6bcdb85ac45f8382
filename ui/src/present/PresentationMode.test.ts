// The presentation as a facilitator drives it with the keyboard.
import { flushPromises } from '@vue/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import App from '../App.vue';
import { createFakeBackend, sampleOverview } from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import { loadScreens } from '../testing/screens';
import PresentationMode from './PresentationMode.vue';
import { buildSlides, zoomed } from './slides';

beforeAll(loadScreens);

function key(name: string, init: KeyboardEventInit = {}): void {
  document.dispatchEvent(new KeyboardEvent('keydown', { key: name, bubbles: true, cancelable: true, ...init }));
}

async function mountPresentation(startAt = 0) {
  const mounted = mountWithApp(PresentationMode, {
    props: { overview: sampleOverview(), startAt },
    attachTo: document.body,
  });
  await flushPromises();
  return mounted;
}

const title = (w: Awaited<ReturnType<typeof mountPresentation>>['wrapper']) => w.get('[data-testid="slide-title"]').text();

afterEach(() => {
  document.body.innerHTML = '';
});

describe('slides', () => {
  it('are the plan, then each theme in order followed by its actions', () => {
    const slides = buildSlides(sampleOverview());
    expect(slides.map((s) => (s.kind === 'action' ? s.action.code : s.kind === 'theme' ? `T${s.theme.seq}` : 'plan'))).toEqual([
      'plan',
      'T1',
      'RA-01',
      'RA-02',
      'T2',
    ]);
  });

  it('zoom in steps of 10 % between 60 % and 200 %', () => {
    expect(zoomed(1, 1)).toBe(1.1);
    expect(zoomed(0.6, -1)).toBe(0.6);
    expect(zoomed(2, 1)).toBe(2);
  });
});

describe('PresentationMode', () => {
  it('moves with the arrow keys, Home and End, and shows where it is', async () => {
    const { wrapper } = await mountPresentation();
    expect(title(wrapper)).toContain('Rencana Aksi Daerah');
    key('ArrowRight');
    await flushPromises();
    expect(title(wrapper)).toBe('Layanan Publik');
    key('ArrowRight');
    await flushPromises();
    expect(title(wrapper)).toContain('RA-01');
    expect(wrapper.findAll('[data-testid="slide-milestone"]')).toHaveLength(4);
    expect(wrapper.text()).toContain('Tonggak: 1 dari 4 selesai');
    expect(wrapper.get('[data-testid="slide-count"]').text()).toBe('3 / 5');
    key('ArrowLeft');
    await flushPromises();
    expect(title(wrapper)).toBe('Layanan Publik');
    key('End');
    await flushPromises();
    expect(title(wrapper)).toBe('Keterbukaan Anggaran');
    key('ArrowRight');
    await flushPromises();
    expect(wrapper.get('[data-testid="slide-count"]').text()).toBe('5 / 5');
  });

  it('zooms with Ctrl +/- and leaves with Escape at the slide it was on', async () => {
    const { wrapper } = await mountPresentation(2);
    key('+', { ctrlKey: true });
    key('+', { ctrlKey: true });
    await flushPromises();
    expect(wrapper.get('[data-testid="presentation"]').attributes('data-zoom')).toBe('1.2');
    key('-', { ctrlKey: true });
    await flushPromises();
    expect(wrapper.get('[data-testid="presentation"]').attributes('data-zoom')).toBe('1.1');
    key('Escape');
    expect(wrapper.emitted('close')).toEqual([[2]]);
  });

  it('asks to edit the action on screen with E, and only on an action slide', async () => {
    const { wrapper } = await mountPresentation(1);
    key('e');
    expect(wrapper.emitted('edit')).toBeUndefined();
    key('ArrowRight');
    await flushPromises();
    key('e');
    expect(wrapper.emitted('edit')).toEqual([['action-1', 2]]);
  });
});

describe('presentation in the app', () => {
  it('opens with F5, E edits the action in the workspace, and back returns to its slide', async () => {
    const backend = createFakeBackend();
    const { wrapper } = mountWithApp(App, { backend, attachTo: document.body });
    await flushPromises();
    key('F5');
    await flushPromises();
    expect(wrapper.find('[data-testid="presentation"]').exists()).toBe(true);
    key('ArrowRight');
    key('ArrowRight');
    await flushPromises();
    key('e');
    await flushPromises();
    expect(wrapper.find('[data-testid="presentation"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="action-detail-screen"]').exists()).toBe(true);
    await wrapper.get('[data-testid="action-detail-back"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="presentation"]').attributes('data-slide')).toBe('2');
    key('Escape');
    await flushPromises();
    expect(wrapper.find('[data-testid="presentation"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="plan-overview"]').exists()).toBe(true);
  });
});
