// The self-assessment ("Penilaian akhir komitmen") as Bappeda records it,
// against the fake backend.
import { flushPromises } from '@vue/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { INVALID, type AssessmentForm } from '../api/types';
import {
  createFakeBackend,
  SAMPLE_BAPPEDA,
  sampleAssessment,
  sampleAssessmentList,
  type FakeBackendOptions,
} from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import AssessmentScreen from './AssessmentScreen.vue';

async function mountAssessment(fake: FakeBackendOptions = {}, props: Record<string, unknown> = {}, language: 'id' | 'en' = 'id') {
  const backend = createFakeBackend({ ...SAMPLE_BAPPEDA, ...fake });
  const mounted = mountWithApp(AssessmentScreen, { backend, language, props, attachTo: document.body });
  await flushPromises();
  return { ...mounted, fake: backend };
}

function card(wrapper: Awaited<ReturnType<typeof mountAssessment>>['wrapper'], code: string) {
  return wrapper.get(`[data-testid="assessment-card"][data-action-code="${code}"]`);
}

/** The list after RA-02 is assessed as the form said. */
function afterSaving(form: AssessmentForm) {
  const list = sampleAssessmentList();
  const item = list.actions.find((a) => a.actionId === form.actionId)!;
  item.assessment = sampleAssessment({ ...form, evidenceLinks: form.evidenceLinks.filter((l) => l.trim() !== '') });
  return { ...list, assessedCount: 2 };
}

afterEach(() => {
  document.body.innerHTML = '';
});

describe('AssessmentScreen', () => {
  it('shows every action with its lead OPD, milestones and assessment, with the Indonesian labels', async () => {
    const { wrapper } = await mountAssessment();
    expect(wrapper.get('[data-testid="assessment-progress"]').text()).toBe('1 dari 2 rencana aksi sudah dinilai');
    expect(wrapper.get('[data-testid="assessment-back"]').text()).toBe('←\u00a0Kembali ke Terbitkan');
    const ra01 = card(wrapper, 'RA-01');
    expect(ra01.text()).toContain('Penanggung jawab: Dinas Kesehatan (DINKES)');
    expect(ra01.get('[data-testid="assessment-milestones"]').text()).toBe('Tonggak: 1 terbatas · 2 substansial · 1 selesai');
    expect(ra01.get('[data-testid="assessment-completion-shown"]').text()).toBe('Substansial');
    expect(ra01.get('[data-testid="assessment-opened-shown"]').text()).toBe('Besar');
    expect(ra01.findAll('[data-testid="assessment-link"]').map((l) => l.text())).toEqual(['https://wonosobokab.go.id/pengaduan/rekap-2019']);
    // Who recorded it is not shown.
    expect(ra01.text()).not.toContain('Admin Bappeda');
    expect(card(wrapper, 'RA-02').get('[data-testid="assessment-none"]').text()).toBe('Belum dinilai');
  });

  it('records one action with the selects, the explanation and the links, then can undo it', async () => {
    let saved: AssessmentForm | null = null;
    const { wrapper, fake } = await mountAssessment({
      answers: {
        setSelfAssessment: (form) => afterSaving((saved = form)),
        undoSelfAssessment: sampleAssessmentList(),
      },
    });
    const ra02 = card(wrapper, 'RA-02');
    await ra02.get('[data-testid="assessment-edit"]').trigger('click');
    const options = ra02.get('[data-testid="assessment-opened"]').findAll('option').map((o) => o.text());
    expect(options).toEqual(['Pilih …', 'Memburuk', 'Tidak berubah', 'Marginal', 'Besar', 'Luar biasa']);
    // Nothing is chosen for an action not yet assessed.
    expect((ra02.get('[data-testid="assessment-completion"]').element as HTMLSelectElement).value).toBe('');
    expect((ra02.get('[data-testid="assessment-opened"]').element as HTMLSelectElement).value).toBe('');
    await ra02.get('[data-testid="assessment-completion"]').setValue('terbatas');
    await ra02.get('[data-testid="assessment-opened"]').setValue('marginal');
    await ra02.get('[data-testid="assessment-explanation"]').setValue('Data penerima bantuan baru dipadankan di dua kecamatan.');
    await ra02.get('[data-testid="assessment-links"]').setValue('https://dinsos.wonosobokab.go.id/dtks\n\n');
    await ra02.get('form').trigger('submit');
    await flushPromises();

    expect(fake.callsOf('setSelfAssessment')).toEqual([
      [
        {
          actionId: 'action-2',
          completion: 'terbatas',
          openedGovernment: 'marginal',
          explanation: 'Data penerima bantuan baru dipadankan di dua kecamatan.',
          evidenceLinks: ['https://dinsos.wonosobokab.go.id/dtks', '', ''],
        },
      ],
    ]);
    expect(saved).not.toBeNull();
    expect(card(wrapper, 'RA-02').get('[data-testid="assessment-completion-shown"]').text()).toBe('Terbatas');
    expect(wrapper.get('[data-testid="assessment-progress"]').text()).toBe('2 dari 2 rencana aksi sudah dinilai');
    expect(wrapper.get('[data-testid="assessment-status"]').text()).toBe('Penilaian RA-02 tersimpan');
    // The form is gone: the focus is on the card's button, named with its code.
    const edit = card(wrapper, 'RA-02').get('[data-testid="assessment-edit"]');
    expect(document.activeElement).toBe(edit.element);
    expect(edit.attributes('aria-label')).toBe('Ubah RA-02');

    await wrapper.get('[data-testid="assessment-undo"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('undoSelfAssessment')).toEqual([[]]);
    expect(card(wrapper, 'RA-02').find('[data-testid="assessment-none"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="assessment-status"]').text()).toBe('Perubahan terakhir diurungkan');
    expect(wrapper.find('[data-testid="assessment-undo"]').exists()).toBe(false);
  });

  it('shows a refused link at its field and keeps the form as typed', async () => {
    const message = 'Tautan bukti ke-1 harus diawali http:// atau https://, tanpa spasi, paling panjang 2000 karakter.';
    const { wrapper } = await mountAssessment({
      failures: { setSelfAssessment: { code: INVALID, message, field: 'evidenceLinks' } },
    });
    const ra02 = card(wrapper, 'RA-02');
    await ra02.get('[data-testid="assessment-edit"]').trigger('click');
    await ra02.get('[data-testid="assessment-completion"]').setValue('terbatas');
    await ra02.get('[data-testid="assessment-opened"]').setValue('marginal');
    await ra02.get('[data-testid="assessment-explanation"]').setValue('Sudah berjalan.');
    await ra02.get('[data-testid="assessment-links"]').setValue('dinsos.wonosobokab.go.id');
    await ra02.get('[data-testid="assessment-save"]').trigger('click');
    await flushPromises();

    const links = ra02.get('[data-testid="assessment-links"]');
    expect(links.attributes('aria-invalid')).toBe('true');
    const error = ra02.get('[data-testid="field-error"]');
    expect(error.text()).toBe(message);
    expect(links.attributes('aria-describedby')).toContain(error.attributes('id'));
    expect((links.element as HTMLTextAreaElement).value).toBe('dinsos.wonosobokab.go.id');
    expect(wrapper.find('[data-testid="assessment-undo"]').exists()).toBe(false);
  });

  it('removes an assessment, which can be undone', async () => {
    const cleared = sampleAssessmentList();
    cleared.actions[0]!.assessment = null;
    const { wrapper, fake } = await mountAssessment({ answers: { clearSelfAssessment: { ...cleared, assessedCount: 0 } } });
    await card(wrapper, 'RA-01').get('[data-testid="assessment-clear"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('clearSelfAssessment')).toEqual([['action-1']]);
    expect(wrapper.get('[data-testid="assessment-status"]').text()).toBe('Penilaian RA-01 dihapus');
    // "Hapus penilaian" is gone: the focus is on the card's "Nilai".
    expect(document.activeElement).toBe(card(wrapper, 'RA-01').get('[data-testid="assessment-edit"]').element);
    expect(wrapper.find('[data-testid="assessment-undo"]').exists()).toBe(true);
  });

  it('saves nothing no one chose: an unchosen select is named at its field', async () => {
    const { wrapper, fake } = await mountAssessment();
    const ra02 = card(wrapper, 'RA-02');
    await ra02.get('[data-testid="assessment-edit"]').trigger('click');
    await ra02.get('[data-testid="assessment-explanation"]').setValue('Sudah berjalan.');
    await ra02.get('[data-testid="assessment-save"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('setSelfAssessment')).toEqual([]);
    const completion = ra02.get('[data-testid="assessment-completion"]');
    expect(completion.attributes('aria-invalid')).toBe('true');
    expect(ra02.findAll('[data-testid="field-error"]').map((e) => e.text())).toEqual([
      'Pilih tingkat penyelesaian.',
      'Pilih apakah rencana aksi ini membuka pemerintahan.',
    ]);
    expect(document.activeElement).toBe(completion.element);

    await completion.setValue('terbatas');
    await ra02.get('[data-testid="assessment-save"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('setSelfAssessment')).toEqual([]);
    expect(ra02.findAll('[data-testid="field-error"]').map((e) => e.text())).toEqual(['Pilih apakah rencana aksi ini membuka pemerintahan.']);
    expect(document.activeElement).toBe(ra02.get('[data-testid="assessment-opened"]').element);
  });

  it('keeps its status line in the page while empty, out of sight, so what is said next is heard', async () => {
    const { wrapper } = await mountAssessment();
    const status = wrapper.get('[data-testid="assessment-status"]');
    expect(status.attributes('role')).toBe('status');
    expect(status.text()).toBe('');
    expect(status.classes()).toContain('visually-hidden');
    expect(wrapper.get('.assessment__status').classes()).toContain('assessment__status--idle');
    expect(getComputedStyle(wrapper.get('.assessment__status').element).display).not.toBe('none');
  });

  it('puts the focus back on the card when its form is cancelled, and Escape closes the form before leaving', async () => {
    const { wrapper } = await mountAssessment();
    const ra01 = card(wrapper, 'RA-01');
    await ra01.get('[data-testid="assessment-edit"]').trigger('click');
    expect((ra01.get('[data-testid="assessment-completion"]').element as HTMLSelectElement).value).toBe('substansial');
    await ra01.get('[data-testid="assessment-cancel"]').trigger('click');
    await flushPromises();
    expect(ra01.find('form').exists()).toBe(false);
    expect(document.activeElement).toBe(ra01.get('[data-testid="assessment-edit"]').element);

    // Two forms open, the focus in RA-01's explanation: Escape closes RA-01's,
    // then RA-02's, and only then leaves the screen.
    await card(wrapper, 'RA-02').get('[data-testid="assessment-edit"]').trigger('click');
    await ra01.get('[data-testid="assessment-edit"]').trigger('click');
    await flushPromises();
    (ra01.get('[data-testid="assessment-explanation"]').element as HTMLTextAreaElement).focus();
    const escape = async () => {
      document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
      await flushPromises();
    };
    await escape();
    expect(ra01.find('form').exists()).toBe(false);
    expect(card(wrapper, 'RA-02').find('form').exists()).toBe(true);
    expect(wrapper.emitted('back')).toBeUndefined();
    await escape();
    expect(card(wrapper, 'RA-02').find('form').exists()).toBe(false);
    expect(wrapper.emitted('back')).toBeUndefined();
    await escape();
    expect(wrapper.emitted('back')).toHaveLength(1);
  });

  it('offers no change where the core says this profile does not record assessments', async () => {
    const { wrapper } = await mountAssessment({ answers: { selfAssessment: sampleAssessmentList({ canEdit: false }) } });
    expect(wrapper.find('[data-testid="assessment-edit"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="assessment-clear"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="assessment-read-only"]').text()).toContain('Hanya Bappeda');
  });

  it('opens the form of the action it was opened from', async () => {
    const { wrapper } = await mountAssessment({}, { focusActionId: 'action-2' });
    expect(card(wrapper, 'RA-02').find('form').exists()).toBe(true);
    expect(card(wrapper, 'RA-01').find('form').exists()).toBe(false);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('assessment-completion');
    // Back goes to that action's page, and says so.
    expect(wrapper.get('[data-testid="assessment-back"]').text()).toBe('←\u00a0Kembali ke RA-02');
  });

  it('exports the workbook on the chosen paper and says where', async () => {
    const { wrapper, fake } = await mountAssessment({}, {}, 'en');
    await wrapper.get('[data-testid="assessment-paper"]').setValue('f4');
    await wrapper.get('[data-testid="export-assessment"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('exportSelfAssessment')).toEqual([['f4']]);
    expect(wrapper.get('[data-testid="assessment-export-result"]').text()).toBe(
      'Saved in /home/staf/Dokumen/penilaian-mandiri-2018-2019.xlsx (1 of 2 actions assessed).',
    );
  });
});
