// A co-creation session recorded as it happens, and plan versions compared,
// against the fake backend.
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import type { Participant, Profile, Session, SessionInput, VersionSummary } from '../api/types';
import {
  createFakeBackend,
  inTurn,
  Refusal,
  SAMPLE_BERITA_ACARA_PATH,
  sampleOverview,
  sampleSession,
  sampleVersion,
  type Answers,
} from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import CocreationScreen from './CocreationScreen.vue';

const BAPPEDA: Profile = { role: 'bappeda', opdCode: null, userName: 'Admin Bappeda' };

async function mountCocreation(profile: Profile = BAPPEDA, answers: Answers = {}) {
  const backend = createFakeBackend({ profile, answers });
  const mounted = mountWithApp(CocreationScreen, {
    backend,
    props: { overview: sampleOverview() },
    attachTo: document.body,
  });
  await flushPromises();
  return { ...mounted, fake: backend };
}

/** The session as the backend answers it after each step of the test below. */
function sessionSteps() {
  const recorded = sampleSession({ title: 'OpenGovWeek Wonosobo', heldOn: '2018-05-08', place: 'Pendopo Kabupaten' });
  const siti: Participant = { id: 'participant-1', name: 'Siti', organisation: 'Forum Warga', kind: 'cso', opdId: null, opdCode: null };
  const withSiti = { ...recorded, participants: [siti] };
  const input = (id: string, body: string, response: SessionInput['response'] = null): SessionInput => ({
    id,
    sessionId: recorded.id,
    actionId: 'action-2',
    author: '',
    organisation: 'Forum Warga',
    body,
    createdAt: '2018-05-08T03:00:00Z',
    response,
  });
  const inputs = (...items: SessionInput[]): Session['actions'] => [
    { actionId: 'action-2', actionCode: 'RA-02', actionTitle: 'Forum warga untuk layanan kependudukan', inputs: items },
  ];
  const first = input('input-1', 'Forum warga dibuka juga di kecamatan.');
  const second = input('input-2', 'Hasil forum diumumkan di laman desa.');
  const rejected = input('input-1', first.body, {
    decision: 'ditolak',
    reason: 'Anggaran kecamatan belum tersedia tahun ini.',
    respondedBy: 'Admin Bappeda',
    respondedAt: '2018-05-08T04:00:00Z',
  });
  return {
    saveSession: inTurn<Session>(new Refusal({ code: 'invalid', field: 'title', message: 'Judul sesi wajib diisi.' }), recorded),
    sessionDetail: recorded,
    addParticipant: withSiti,
    saveInput: inTurn<Session>(
      { ...withSiti, actions: inputs(first), inputCount: 1 },
      { ...withSiti, actions: inputs(first, second), inputCount: 2 },
    ),
    setResponse: inTurn<Session>(new Refusal({ code: 'invalid', field: 'reason', message: 'Tuliskan alasannya.' }), {
      ...withSiti,
      actions: inputs(rejected, second),
      inputCount: 2,
      respondedCount: 1,
    }),
  } satisfies Answers;
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
    const { wrapper, fake } = await mountCocreation(BAPPEDA, sessionSteps());
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

    expect((wrapper.get('[data-testid="berita-acara-paper"]').element as HTMLSelectElement).value).toBe('a4');
    await wrapper.get('[data-testid="export-berita-acara"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="berita-acara-result"]').text()).toBe(`Berita acara disimpan di ${SAMPLE_BERITA_ACARA_PATH}.`);
    const sessionId = (fake.callsOf('exportBeritaAcara')[0] as [string, string])[0];
    expect(fake.callsOf('exportBeritaAcara')).toEqual([[sessionId, 'a4']]);

    // F4 (folio), as the rekap offers it.
    await wrapper.get('[data-testid="berita-acara-paper"]').setValue('f4');
    await wrapper.get('[data-testid="export-berita-acara"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('exportBeritaAcara').at(-1)).toEqual([sessionId, 'f4']);
  });

  it('is read-only when the backend answers canEdit false (an OPD profile)', async () => {
    const { wrapper } = await mountCocreation(
      { role: 'opd', opdCode: 'DINKES', userName: 'Sari' },
      { sessionsList: { canEdit: false, sessions: [] }, versionsList: { canEdit: false, versions: [] } },
    );
    expect(wrapper.find('[data-testid="session-form"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="version-take"]').exists()).toBe(false);
  });
});

describe('plan versions', () => {
  it('takes a named version, refuses the same name twice, and shows what changed', async () => {
    const draft = sampleVersion({ name: 'Draf' });
    const { wrapper } = await mountCocreation(BAPPEDA, {
      takeVersion: inTurn<VersionSummary>(draft, new Refusal({ code: 'invalid', field: 'name', message: 'Versi "Draf" sudah ada; pakai nama lain.' })),
      versionsList: inTurn({ canEdit: true, versions: [] }, { canEdit: true, versions: [draft] }),
    });
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
