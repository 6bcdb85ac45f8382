// The confirmation of an OPD's first or changed key, alone: what the clerk
// reads, and what each answer sends.
import { describe, expect, it } from 'vitest';
import { SAMPLE_KEY_FINGERPRINT, SAMPLE_KEY_WORDS, sampleKeyRefusal } from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import KeyConfirm from './KeyConfirm.vue';

function question(partial: Parameters<typeof sampleKeyRefusal>[0] = {}) {
  return sampleKeyRefusal(partial).key!;
}

describe('KeyConfirm', () => {
  it('shows the OPD, that the key is its first, and the eight words large and numbered', () => {
    const { wrapper } = mountWithApp(KeyConfirm, { props: { question: question(), busy: false } });
    expect(wrapper.attributes('data-change')).toBe('first');
    expect(wrapper.get('[data-testid="key-confirm-heading"]').text()).toBe('Kunci pertama dari Dinas Sosial (DINSOS)');
    expect(wrapper.text()).toContain('minta operatornya membacakan sidik jari kunci dari layar Laporan');
    const words = wrapper.findAll('[data-testid="key-words"] li');
    expect(words).toHaveLength(8);
    expect(words.map((li) => li.get('.key-confirm__text').text()).join(' ')).toBe(SAMPLE_KEY_WORDS);
    expect(words.map((li) => li.get('.key-confirm__number').text())).toEqual(['1', '2', '3', '4', '5', '6', '7', '8']);
    expect(wrapper.get('[data-testid="key-words"]').attributes('aria-label')).toBe('Delapan kata sidik jari kunci');
    expect(wrapper.get('[data-testid="key-hex"]').text()).toBe(SAMPLE_KEY_FINGERPRINT);
    expect(wrapper.text()).toContain('Cocok dengan yang dibacakan OPD?');
  });

  it('says a changed key replaces the recorded one', () => {
    const { wrapper } = mountWithApp(KeyConfirm, {
      props: { question: question({ change: 'changed', heldSince: '2019-04-15T03:30:00Z' }), busy: false },
    });
    expect(wrapper.get('[data-testid="key-confirm-heading"]').text()).toBe(
      'Kunci baru dari Dinas Sosial (DINSOS), berbeda dari kunci yang tercatat',
    );
    expect(wrapper.text()).toContain('apakah komputernya atau kuncinya memang diganti');
  });

  it('"Terima" confirms exactly the fingerprint shown, for that OPD; "Tolak" refuses', async () => {
    const { wrapper } = mountWithApp(KeyConfirm, { props: { question: question(), busy: false } });
    await wrapper.get('[data-testid="key-accept"]').trigger('click');
    expect(wrapper.emitted('accept')).toEqual([[{ opdCode: 'DINSOS', fingerprint: SAMPLE_KEY_WORDS }]]);
    await wrapper.get('[data-testid="key-refuse"]').trigger('click');
    expect(wrapper.emitted('refuse')).toEqual([[]]);
  });

  it('waits while an import runs', () => {
    const { wrapper } = mountWithApp(KeyConfirm, { props: { question: question(), busy: true } });
    expect(wrapper.get('[data-testid="key-accept"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="key-refuse"]').attributes('disabled')).toBeDefined();
  });

  it('speaks English when asked to', () => {
    const { wrapper } = mountWithApp(KeyConfirm, { props: { question: question(), busy: false }, language: 'en' });
    expect(wrapper.get('[data-testid="key-confirm-heading"]').text()).toBe('First key from Dinas Sosial (DINSOS)');
    expect(wrapper.text()).toContain('Does it match what the OPD read out?');
    expect(wrapper.get('[data-testid="key-accept"]').text()).toBe('Accept');
    expect(wrapper.get('[data-testid="key-refuse"]').text()).toBe('Reject');
  });
});
