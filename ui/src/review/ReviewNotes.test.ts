// Verifier notes as Bappeda writes them on an action and its indicators.
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Profile, ReviewNote } from '../api/types';
import { createFakeBackend, type FakeBackendOptions } from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import ReviewNotes, { type NoteSubject } from './ReviewNotes.vue';

const BAPPEDA: Profile = { role: 'bappeda', opdCode: null, userName: 'Admin Bappeda' };
const SUBJECTS: NoteSubject[] = [
  { kind: 'action', id: 'action-1', label: 'Rencana aksi RA-01' },
  { kind: 'indicator', id: 'ind-1', label: 'Indikator: Persentase penduduk terdaftar UHC' },
];

function note(partial: Partial<ReviewNote>): ReviewNote {
  return {
    id: 'note-a',
    subjectKind: 'action',
    subjectId: 'action-2',
    subjectLabel: 'RA-02 Forum warga',
    opdCode: 'DISDUKCAPIL',
    author: 'Admin Bappeda',
    body: 'Catatan lain',
    createdAt: '2019-07-10T03:00:00Z',
    resolvedAt: null,
    replies: [],
    ...partial,
  };
}

async function mountNotes(subjects?: NoteSubject[], notes: ReviewNote[] = [], options: FakeBackendOptions = {}) {
  const backend = createFakeBackend({ profile: BAPPEDA, notes, ...options });
  const mounted = mountWithApp(ReviewNotes, { backend, props: subjects ? { subjects } : {} });
  await flushPromises();
  return { ...mounted, fake: backend };
}

describe('ReviewNotes', () => {
  it('writes a note on an indicator of the action, shown as plain text', async () => {
    // The backend keeps the text as written and labels the subject.
    const written = note({
      id: 'note-1',
      subjectKind: 'indicator',
      subjectId: 'ind-1',
      subjectLabel: 'RA-01 · Persentase penduduk terdaftar UHC',
      body: '<b>Bukti</b> belum ada',
    });
    const { wrapper, fake } = await mountNotes(SUBJECTS, [note({})], { answers: { addReviewNote: written } });
    expect(wrapper.get('[data-testid="review-empty"]').text()).toBe('Belum ada catatan verifikator di sini.');
    await wrapper.get('[data-testid="review-subject"]').setValue(1);
    await wrapper.get('[data-testid="review-body"]').setValue('<b>Bukti</b> belum ada');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(fake.callsOf('addReviewNote')).toEqual([
      [{ subjectKind: 'indicator', subjectId: 'ind-1', body: '<b>Bukti</b> belum ada' }],
    ]);
    const notes = wrapper.findAll('[data-testid="review-note"]');
    expect(notes).toHaveLength(1);
    expect(notes[0]?.find('b').exists()).toBe(false);
    expect(notes[0]?.text()).toContain('<b>Bukti</b> belum ada');
    expect(wrapper.get('[data-testid="review-body"]').element).toHaveProperty('value', '');
  });

  it('shows the message next to an empty note and saves nothing', async () => {
    const { wrapper, fake } = await mountNotes(SUBJECTS, [], {
      failures: { addReviewNote: { code: 'invalid', field: 'body', message: 'Catatan wajib diisi.' } },
    });
    await wrapper.get('[data-testid="review-body"]').setValue('   ');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="field-error"]').text()).toBe('Catatan wajib diisi.');
    expect(wrapper.get('[data-testid="review-body"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.findAll('[data-testid="review-note"]')).toHaveLength(0);
    expect(fake.callsOf('reviewNotes')).toHaveLength(1);
  });

  it('lists every note, open ones first, and marks one done', async () => {
    const done = note({ id: 'note-b', body: 'Sudah dibahas', resolvedAt: '2019-07-11T03:00:00Z' });
    const open = note({ id: 'note-c', body: 'Perlu bukti' });
    const { wrapper } = await mountNotes(undefined, [done, open], {
      answers: { setReviewNoteResolved: { ...open, resolvedAt: '2019-07-16T03:00:00Z' } },
    });
    expect(wrapper.find('form').exists()).toBe(false);
    const bodies = () => wrapper.findAll('[data-testid="review-note"]').map((n) => n.get('.review-note__body').text());
    expect(bodies()).toEqual(['Perlu bukti', 'Sudah dibahas']);
    await wrapper.findAll('[data-testid="review-note-toggle"]')[0]?.trigger('click');
    await flushPromises();
    expect(wrapper.findAll('[data-testid="review-note-state"]').map((s) => s.text())).toEqual(['Selesai', 'Selesai']);
  });

  it('shows the OPD\'s replies under their note, with author, date and when the report brought them, and keeps resolve', async () => {
    const answered = note({
      id: 'note-d',
      body: 'Lengkapi bukti tonggak kedua.',
      replies: [
        {
          id: 'reply-1',
          author: 'Sari',
          body: '<i>Bukti</i> sudah diunggah.',
          createdAt: '2019-07-16T02:00:00Z',
          receivedAt: '2019-07-20T03:00:00Z',
        },
      ],
    });
    const { wrapper, fake } = await mountNotes(undefined, [answered], {
      answers: { setReviewNoteResolved: { ...answered, resolvedAt: '2019-07-21T03:00:00Z' } },
    });
    const shown = wrapper.get('[data-note-id="note-d"]');
    const reply = shown.get('[data-testid="note-reply"]');
    expect(reply.get('[data-testid="note-reply-meta"]').text()).toMatch(/^Tanggapan Sari · 16 Juli 2019/);
    expect(reply.get('[data-testid="note-reply-body"]').text()).toBe('<i>Bukti</i> sudah diunggah.');
    expect(reply.find('i').exists()).toBe(false);
    expect(reply.get('[data-testid="note-reply-state"]').text()).toMatch(/^Diterima 20 Juli 2019/);
    await shown.get('[data-testid="review-note-toggle"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('setReviewNoteResolved')).toEqual([['note-d', true]]);
    expect(wrapper.get('[data-testid="review-note-state"]').text()).toBe('Selesai');
    expect(wrapper.get('[data-testid="note-reply-body"]').text()).toBe('<i>Bukti</i> sudah diunggah.');
  });
});
