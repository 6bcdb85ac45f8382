// The confirmation of an OPD's first or changed key, alone: what the clerk
// reads, what they type, and what each answer sends.
import { describe, expect, it } from 'vitest';
import { SAMPLE_KEY_FINGERPRINT, SAMPLE_KEY_WORDS, sampleKeyRefusal } from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import KeyConfirm from './KeyConfirm.vue';

function question(partial: Parameters<typeof sampleKeyRefusal>[0] = {}) {
  return sampleKeyRefusal(partial).key!;
}

function mount(busy = false) {
  return mountWithApp(KeyConfirm, { props: { question: question(), busy } });
}

describe('KeyConfirm', () => {
  it('shows the OPD and that the key is its first, asks to phone the number Bappeda holds, and does not show the words', () => {
    const { wrapper } = mount();
    expect(wrapper.attributes('data-change')).toBe('first');
    expect(wrapper.get('[data-testid="key-confirm-heading"]').text()).toBe('Kunci pertama dari Dinas Sosial (DINSOS)');
    expect(wrapper.text()).toContain('nomor yang sudah dipegang Bappeda');
    expect(wrapper.text()).toContain('bukan nomor yang tertulis di berkas atau yang diberikan pengirimnya');
    expect(wrapper.text()).toContain('membacakan kedelapan kata sidik jari kunci dari layar Laporan');
    // Heard from the OPD, not copied from the screen.
    expect(wrapper.text()).not.toContain(SAMPLE_KEY_WORDS.split(' ')[0]);
    expect(wrapper.text()).not.toContain(SAMPLE_KEY_FINGERPRINT);
    const field = wrapper.get('[data-testid="key-typed"]');
    expect(wrapper.get(`label[for="${field.attributes('id')}"]`).text()).toContain('kedelapan kata');
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

  it('refuses a fingerprint that matches only in its first words, and confirms nothing', async () => {
    const { wrapper } = mount();
    const words = SAMPLE_KEY_WORDS.split(' ');
    const nearly = [...words.slice(0, 7), words[7] === 'apel' ? 'bambu' : 'apel'].join(' ');
    await wrapper.get('[data-testid="key-typed"]').setValue(nearly);
    await wrapper.get('[data-testid="key-accept"]').trigger('click');
    expect(wrapper.emitted('accept')).toBeUndefined();
    const problem = wrapper.get('[data-testid="key-mismatch"]');
    expect(problem.attributes('data-problem')).toBe('mismatch');
    expect(problem.attributes('role')).toBe('alert');
    expect(problem.text()).toContain('Tidak cocok');
    expect(problem.text()).toContain('Tidak ada yang dikonfirmasi');
    expect(wrapper.get('[data-testid="key-typed"]').attributes('aria-invalid')).toBe('true');
  });

  it('refuses the first few words alone, or nothing typed', async () => {
    const { wrapper } = mount();
    for (const typed of ['', SAMPLE_KEY_WORDS.split(' ').slice(0, 4).join(' ')]) {
      await wrapper.get('[data-testid="key-typed"]').setValue(typed);
      await wrapper.get('[data-testid="key-accept"]').trigger('click');
      expect(wrapper.get('[data-testid="key-mismatch"]').attributes('data-problem')).toBe('incomplete');
    }
    expect(wrapper.emitted('accept')).toBeUndefined();
  });

  it('accepts the eight words as read out (any case, commas, extra spaces) or the hex form, for that OPD', async () => {
    const { wrapper } = mount();
    const spoken = `  ${SAMPLE_KEY_WORDS.toUpperCase().split(' ').join(',  ')} `;
    await wrapper.get('[data-testid="key-typed"]').setValue(spoken);
    await wrapper.get('[data-testid="key-accept"]').trigger('click');
    expect(wrapper.find('[data-testid="key-mismatch"]').exists()).toBe(false);
    expect(wrapper.emitted('accept')).toEqual([[{ opdCode: 'DINSOS', fingerprint: SAMPLE_KEY_WORDS }]]);

    await wrapper.get('[data-testid="key-typed"]').setValue(SAMPLE_KEY_FINGERPRINT.toLowerCase().replace(/-/g, ' '));
    await wrapper.get('[data-testid="key-accept"]').trigger('click');
    expect(wrapper.emitted('accept')).toHaveLength(2);
    expect(wrapper.emitted('accept')![1]).toEqual([
      { opdCode: 'DINSOS', fingerprint: SAMPLE_KEY_FINGERPRINT.toLowerCase().replace(/-/g, ' ') },
    ]);
  });

  it('"Tolak" refuses', async () => {
    const { wrapper } = mount();
    await wrapper.get('[data-testid="key-refuse"]').trigger('click');
    expect(wrapper.emitted('refuse')).toEqual([[]]);
    expect(wrapper.emitted('accept')).toBeUndefined();
  });

  it('waits while an import runs', () => {
    const { wrapper } = mount(true);
    expect(wrapper.get('[data-testid="key-accept"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="key-refuse"]').attributes('disabled')).toBeDefined();
  });

  it('speaks English when asked to', async () => {
    const { wrapper } = mountWithApp(KeyConfirm, { props: { question: question(), busy: false }, language: 'en' });
    expect(wrapper.get('[data-testid="key-confirm-heading"]').text()).toBe('First key from Dinas Sosial (DINSOS)');
    expect(wrapper.text()).toContain('the number Bappeda already holds');
    expect(wrapper.get('[data-testid="key-accept"]').text()).toBe('Check and accept');
    expect(wrapper.get('[data-testid="key-refuse"]').text()).toBe('Reject');
    await wrapper.get('[data-testid="key-typed"]').setValue('a b c d e f g h');
    await wrapper.get('[data-testid="key-accept"]').trigger('click');
    expect(wrapper.get('[data-testid="key-mismatch"]').text()).toContain('No match');
  });
});
