// The OPD's "Umpan balik" screen, as a clerk uses it: the notes received,
// the filter, a reply, and taking Bappeda's next feedback file.
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { ReceivedNote } from '../api/types';
import {
  createFakeBackend,
  inTurn,
  sampleFeedbackStatus,
  sampleIndicatorNote,
  sampleReceivedNote,
  sampleReply,
  sampleTakenFeedback,
  type FakeBackendOptions,
} from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import FeedbackScreen from './FeedbackScreen.vue';

async function render(options: FakeBackendOptions = {}, language: 'id' | 'en' = 'id') {
  const backend = createFakeBackend(options);
  const { wrapper } = mountWithApp(FeedbackScreen, { backend, language, props: { opdCode: 'DINKES' } });
  await flushPromises();
  return { wrapper, backend };
}

const bodies = (wrapper: Awaited<ReturnType<typeof render>>['wrapper']) =>
  wrapper.findAll('[data-testid="received-note-body"]').map((b) => b.text());

describe('FeedbackScreen', () => {
  it('lists the open notes first, each with what it is about, its date and status; "Semua" adds the resolved', async () => {
    const resolved = sampleReceivedNote({
      id: 'note-0',
      body: 'Lampirkan SK tim.',
      createdAt: '2019-04-20T03:00:00Z',
      resolvedAt: '2019-05-02T03:00:00Z',
      canReply: false,
      replies: [sampleReply({ id: 'reply-0', body: 'SK tim terlampir.', receivedAt: '2019-04-30T03:00:00Z' })],
    });
    const { wrapper } = await render({ receivedNotes: [resolved, sampleReceivedNote(), sampleIndicatorNote()] });

    expect(wrapper.get('[data-testid="feedback-filter-open"]').element).toHaveProperty('checked', true);
    expect(wrapper.get('[data-testid="feedback-filter"]').text()).toContain('Terbuka (2)');
    expect(wrapper.get('[data-testid="feedback-filter"]').text()).toContain('Semua (3)');
    expect(bodies(wrapper)).toEqual(['Lengkapi bukti tonggak kedua.', 'Realisasi TW III belum disertai data BPJS.']);
    const [onAction, onIndicator] = wrapper.findAll('[data-testid="received-note"]');
    expect(onAction?.get('[data-testid="received-note-subject"]').text()).toBe(
      'Rencana aksi RA-01 Sistem pengaduan layanan kesehatan terpadu',
    );
    expect(onIndicator?.get('[data-testid="received-note-subject"]').text()).toBe(
      'Indikator RA-01 · Persentase penduduk terdaftar UHC',
    );
    expect(onAction?.get('[data-testid="received-note-state"]').text()).toBe('Terbuka');
    expect(onAction?.get('[data-testid="received-note-meta"]').text()).toMatch(/^Catatan Bappeda oleh Admin Bappeda, 15 Juli 2019/);

    await wrapper.get('[data-testid="feedback-filter-all"]').setValue(true);
    expect(bodies(wrapper)).toEqual([
      'Lengkapi bukti tonggak kedua.',
      'Realisasi TW III belum disertai data BPJS.',
      'Lampirkan SK tim.',
    ]);
    const done = wrapper.get('[data-note-id="note-0"]');
    expect(done.get('[data-testid="received-note-state"]').text()).toBe('Selesai');
    expect(done.get('[data-testid="received-note-meta"]').text()).toContain('diselesaikan 2 Mei 2019');
    // A resolved note takes no reply: no box, no button.
    expect(done.find('[data-testid="reply-body"]').exists()).toBe(false);
    expect(done.find('[data-testid="reply-open"]').exists()).toBe(false);
    expect(done.get('[data-testid="note-reply-body"]').text()).toBe('SK tim terlampir.');
    expect(done.get('[data-testid="note-reply-state"]').text()).toMatch(/^Diterima Bappeda 30 April 2019/);
  });

  it('saves a reply to an open note and shows it in the thread as not yet received by Bappeda', async () => {
    const { wrapper, backend } = await render({ receivedNotes: [sampleReceivedNote()] });
    const note = wrapper.get('[data-note-id="note-1"]');
    await note.get('[data-testid="reply-body"]').setValue('<b>Bukti</b> sudah diunggah.');
    await note.get('form').trigger('submit');
    await flushPromises();

    expect(backend.callsOf('replyToNote')).toEqual([['note-1', '<b>Bukti</b> sudah diunggah.']]);
    const reply = wrapper.get('[data-note-id="note-1"] [data-testid="note-reply"]');
    expect(reply.get('[data-testid="note-reply-body"]').text()).toBe('<b>Bukti</b> sudah diunggah.');
    expect(reply.find('b').exists()).toBe(false);
    expect(reply.get('[data-testid="note-reply-meta"]').text()).toContain('Tanggapan Sari');
    expect(reply.get('[data-testid="note-reply-state"]').text()).toBe(
      'Belum diterima Bappeda: terkirim bersama laporan berikutnya',
    );
    expect(reply.attributes('data-received')).toBe('false');
    expect(wrapper.get('[data-testid="reply-status"]').text()).toContain('Tanggapan tersimpan');
    expect(wrapper.get<HTMLTextAreaElement>('[data-testid="reply-body"]').element.value).toBe('');
  });

  it('shows the core\'s refusal of an empty reply next to the box, and the note stays as it was', async () => {
    const { wrapper } = await render({
      receivedNotes: [sampleReceivedNote()],
      failures: { replyToNote: { code: 'invalid', field: 'body', message: 'Tanggapan wajib diisi.' } },
    });
    await wrapper.get('[data-testid="reply-body"]').setValue('  ');
    await wrapper.get('form').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="field-error"]').text()).toBe('Tanggapan wajib diisi.');
    expect(wrapper.get('[data-testid="reply-body"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('[data-testid="note-reply"]').exists()).toBe(false);
  });

  it('offers no reply where the core says the note cannot be answered (an earlier plan)', async () => {
    const { wrapper } = await render({ receivedNotes: [sampleReceivedNote({ canReply: false })] });
    expect(wrapper.find('[data-testid="reply-body"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="reply-open"]').exists()).toBe(false);
  });

  it('says so when no note came yet, and lists the notes of a feedback file once taken', async () => {
    const notes: ReceivedNote[] = [sampleReceivedNote()];
    const { wrapper, backend } = await render({
      answers: {
        feedbackNotes: inTurn<ReceivedNote[]>([], notes),
        feedbackStatus: inTurn(null, sampleFeedbackStatus()),
      },
    });
    expect(wrapper.get('[data-testid="feedback-empty"]').text()).toContain('Belum ada catatan dari Bappeda');
    expect(wrapper.get('[data-testid="feedback-last"]').text()).toBe('Belum ada berkas umpan balik yang diambil.');

    await wrapper.get('button[data-testid="feedback-take"]').trigger('click');
    await flushPromises();
    expect(backend.callsOf('takeFeedback')).toHaveLength(1);
    expect(wrapper.get('[data-testid="feedback-taken-summary"]').text()).toMatch(
      /^Umpan balik ke-2 dari Bappeda \(ditulis 15 Juli 2019 \d\d\.\d\d\) diambil\.$/,
    );
    expect(wrapper.get('[data-testid="feedback-taken-notes"]').text()).toBe('3 catatan verifikator, 2 masih terbuka');
    expect(wrapper.get('[data-testid="feedback-last"]').text()).toMatch(
      /^Berkas terakhir yang diambil: umpan balik ke-2, ditulis Bappeda 15 Juli 2019/,
    );
    expect(bodies(wrapper)).toEqual(['Lengkapi bukti tonggak kedua.']);
    expect(wrapper.emitted('taken')).toHaveLength(1);
  });

  it('shows why a feedback file was refused, and the list stays as it was', async () => {
    const refusal = {
      code: 'feedback_other_opd',
      message: 'Berkas umpan balik ini untuk OPD \'DINSOS\' (\'Dinas Sosial\'), bukan untuk DINKES yang memakai basis data ini.',
    };
    const { wrapper, backend } = await render({ receivedNotes: [sampleReceivedNote()], failures: { takeFeedback: refusal } });
    await wrapper.get('button[data-testid="feedback-take"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[role="alert"]').text()).toContain('bukan untuk DINKES');
    expect(wrapper.find('[data-testid="feedback-taken"]').exists()).toBe(false);
    expect(backend.callsOf('feedbackNotes')).toHaveLength(1);
    expect(bodies(wrapper)).toEqual(['Lengkapi bukti tonggak kedua.']);
    expect(wrapper.emitted('taken')).toBeUndefined();
  });

  it('says when a file is older than the quarters held, so its due dates and closings were not taken', async () => {
    const { wrapper } = await render({
      answers: { takeFeedback: sampleTakenFeedback({ quartersChanged: 0, quarterChanges: [], quartersOlder: true }) },
    });
    await wrapper.get('button[data-testid="feedback-take"]').trigger('click');
    await flushPromises();
    expect(wrapper.find('[data-testid="feedback-taken-quarters"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="feedback-taken-quarters-older"]').text()).toContain('tidak diambil');
  });

  it('says a file taken before changed nothing, and a cancelled dialog only "Dibatalkan"', async () => {
    const { wrapper, backend } = await render({
      answers: { takeFeedback: inTurn(sampleTakenFeedback({ changed: false }), null) },
    });
    await wrapper.get('button[data-testid="feedback-take"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="feedback-taken-same"]').text()).toContain('sudah diambil sebelumnya; tidak ada yang berubah');
    // Nothing changed: the notes are not asked again.
    expect(backend.callsOf('feedbackNotes')).toHaveLength(1);
    expect(wrapper.emitted('taken')).toBeUndefined();
    await wrapper.get('button[data-testid="feedback-take"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="feedback-take-cancelled"]').text()).toBe('Dibatalkan');
    expect(wrapper.find('[data-testid="feedback-taken"]').exists()).toBe(false);
  });

  it('speaks English in the English UI', async () => {
    const { wrapper } = await render(
      { receivedNotes: [sampleReceivedNote({ replies: [sampleReply({ receivedAt: '2019-07-20T03:00:00Z' })] })] },
      'en',
    );
    expect(wrapper.get('[data-testid="feedback-title"]').text()).toBe('Feedback from Bappeda');
    expect(wrapper.get('[data-testid="received-note-state"]').text()).toBe('Open');
    expect(wrapper.get('[data-testid="note-reply-state"]').text()).toMatch(/^Received by Bappeda 20 July 2019/);
  });
});
