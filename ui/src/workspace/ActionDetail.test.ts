// The OPD clerk's workspace, as a clerk uses it, against the fake backend.
import { flushPromises, type DOMWrapper, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../api/backend';
import type { Abilities, ActionDetail as ActionDetailData, PeriodRef } from '../api/types';
import {
  createFakeBackend,
  fileEvidence,
  SAMPLE_BAPPEDA_ABILITIES,
  SAMPLE_OPD_ABILITIES,
  sampleDetail,
  sampleIndicatorNote,
  sampleReceivedNote,
  sampleReply,
  type FakeBackend,
  type FakeBackendOptions,
} from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import ActionDetail from './ActionDetail.vue';

const PERIOD = { year: 2018, quarter: 3 } as const;

/** What wrapper.get() returns. */
type Found<E extends Element = Element> = Omit<DOMWrapper<E>, 'exists'>;

interface RenderOptions extends FakeBackendOptions {
  /** What the app status says this profile may do (default: an OPD's). */
  abilitiesShown?: Abilities;
  language?: 'id' | 'en';
  backendOverride?: (fake: FakeBackend) => Backend;
}

async function render(options: RenderOptions = {}) {
  const fake = createFakeBackend(options);
  const backend = options.backendOverride ? options.backendOverride(fake) : fake;
  const { wrapper } = mountWithApp(ActionDetail, {
    backend,
    language: options.language ?? 'id',
    attachTo: document.body,
    props: { actionId: 'action-1', initialPeriod: PERIOD, abilities: options.abilitiesShown ?? SAMPLE_OPD_ABILITIES },
  });
  await flushPromises();
  return { wrapper, backend: fake };
}

function indicator(wrapper: VueWrapper, id: string): Found {
  return wrapper.get(`[data-testid="indicator"][data-indicator-id="${id}"]`);
}

function milestone(wrapper: VueWrapper, id: string): Found {
  return wrapper.get(`[data-testid="milestone"][data-milestone-id="${id}"]`);
}

function targetInput(card: Found, year: number, quarter: number): Found<HTMLInputElement> {
  return card.get<HTMLInputElement>(`[data-testid="target-input"][data-year="${year}"][data-quarter="${quarter}"]`);
}

/** The element an input's aria-describedby points at (the first id). */
function describedBy(wrapper: VueWrapper, input: Found): string {
  const id = input.attributes('aria-describedby')?.split(' ')[0];
  expect(id).toBeTruthy();
  return wrapper.get(`[id="${id}"]`).text();
}

/** RA-01 as the backend answers it after a change (the test says which). */
function detailAfter(change: (detail: ActionDetailData) => void): ActionDetailData {
  const detail = sampleDetail();
  change(detail);
  return detail;
}

function pressEscape(): void {
  document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true, cancelable: true }));
}

describe('ActionDetail', () => {
  it('loads the action for the period of the overview and shows its template', async () => {
    const { wrapper, backend } = await render();
    expect(backend.callsOf('actionDetail')).toEqual([['action-1', PERIOD]]);
    expect(wrapper.get('[data-testid="detail-code"]').text()).toBe('RA-01');
    expect(wrapper.get('[data-testid="action-detail-title"]').text()).toContain('Sistem pengaduan layanan kesehatan terpadu');
    expect(wrapper.get('[data-testid="detail-theme"]').text()).toBe('Tema 1 · Layanan Publik');
    const narrative = wrapper.get('[data-testid="narrative"]').text();
    for (const text of [
      'Permasalahan',
      'Pengaduan warga tentang layanan kesehatan tersebar',
      'Kontribusi terhadap keterbukaan',
      'Transparansi',
      'Dinas Kesehatan (DINKES)',
      'Dinas Komunikasi dan Informatika (DISKOMINFO)',
      'Mitra OMS',
      'Forum Warga Peduli Kesehatan',
      '15 Juli 2018 – 31 Desember 2019',
    ]) {
      expect(narrative).toContain(text);
    }
    expect(wrapper.get('[data-testid="detail-achievement"]').text()).toContain('91,67%');
  });

  it('shows milestones with output, dates, status label, owner and evidence', async () => {
    const { wrapper } = await render();
    const rows = wrapper.findAll('[data-testid="milestone"]');
    expect(rows).toHaveLength(2);
    const first = rows[0]!.text();
    expect(first).toContain('Penyusunan SOP pengaduan');
    expect(first).toContain('SOP pengaduan ditetapkan Kepala Dinas');
    expect(first).toContain('15 Juli 2018 – 30 September 2018');
    expect(rows[0]!.get('[data-testid="milestone-status-label"]').text()).toBe('Selesai');
    expect(rows[0]!.get('[data-testid="evidence-sha"]').text()).toBe('SHA-256 3f79bb7b435b');
    expect(rows[1]!.get('[data-testid="milestone-status-label"]').text()).toBe('Substansial');
    // A link is text, not a link the page would follow.
    expect(rows[1]!.get('[data-testid="evidence-url"]').text()).toBe('https://pengaduan.wonosobokab.go.id/');
    expect(rows[1]!.find('a').exists()).toBe(false);
  });

  it("shows another OPD's items read-only, with no edit controls", async () => {
    const { wrapper } = await render();
    const card = indicator(wrapper, 'ind-2');
    expect(card.get('[data-testid="read-only-note"]').text()).toBe('Hanya baca · milik DISKOMINFO');
    for (const testid of [
      'indicator-edit',
      'indicator-delete',
      'target-input',
      'targets-save',
      'realisation-edit',
      'evidence-add-file',
      'evidence-add-link',
      'evidence-delete',
    ]) {
      expect(card.find(`[data-testid="${testid}"]`).exists(), testid).toBe(false);
    }
    expect(card.findAll('[data-testid="target-value"]').length).toBeGreaterThan(0);
    expect(card.find('[data-testid="history-button"]').exists()).toBe(true);

    const other = milestone(wrapper, 'ms-2');
    expect(other.get('[data-testid="read-only-note"]').text()).toBe('Hanya baca · milik DISKOMINFO');
    expect(other.find('[data-testid="milestone-edit"]').exists()).toBe(false);
    expect(other.find('[data-testid="evidence-delete"]').exists()).toBe(false);
    expect(other.find('[data-testid="evidence-open"]').exists()).toBe(true);

    const own = indicator(wrapper, 'ind-1');
    expect(own.find('[data-testid="read-only-note"]').exists()).toBe(false);
    expect(own.find('[data-testid="indicator-edit"]').exists()).toBe(true);
  });

  it('shows a realisation with a space between the figure and its unit', async () => {
    const detail = sampleDetail();
    detail.indicators[0]!.unit = 'puskesmas';
    detail.indicators[0]!.realisations[0]!.value = 3;
    const { realisations } = detail.indicators[0]!;
    const { year, quarter } = realisations[0]!;
    const { wrapper } = await render({ detail });
    const row = indicator(wrapper, 'ind-1').get(`[data-testid="realisation"][data-year="${year}"][data-quarter="${quarter}"]`);
    expect(row.get('[data-testid="realisation-shown-value"]').text()).toBe('3 puskesmas');
  });

  it('shows the verifier notes where the app status says this profile writes them, whatever the role', async () => {
    const asOpd = await render();
    expect(asOpd.wrapper.find('[data-testid="review-notes"]').exists()).toBe(false);
    const allowed = await render({ abilitiesShown: { ...SAMPLE_OPD_ABILITIES, writeReviewNotes: true } });
    expect(allowed.wrapper.find('[data-testid="review-notes"]').exists()).toBe(true);
    const atBappeda = await render({ abilitiesShown: SAMPLE_BAPPEDA_ABILITIES });
    expect(atBappeda.wrapper.find('[data-testid="review-notes"]').exists()).toBe(true);
  });

  it('shows each note Bappeda sent where it belongs: the action\'s at the top, an indicator\'s on its card', async () => {
    const detail: ActionDetailData = {
      ...sampleDetail(),
      notes: [sampleReceivedNote(), sampleIndicatorNote({ resolvedAt: '2019-07-20T03:00:00Z', canReply: false })],
    };
    const { wrapper } = await render({ detail });
    const top = wrapper.get('[data-testid="action-notes"]');
    expect(top.findAll('[data-testid="received-note"]').map((n) => n.attributes('data-note-id'))).toEqual(['note-1']);
    expect(top.get('[data-testid="received-note-body"]').text()).toBe('Lengkapi bukti tonggak kedua.');
    expect(top.get('[data-testid="received-note-state"]').text()).toBe('Terbuka');
    // It comes before the narrative, the first thing under the heading.
    const narrative = wrapper.get('[data-testid="narrative"]').element;
    expect(top.element.compareDocumentPosition(narrative) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(wrapper.get('[data-testid="indicator-notes-hint"]').text()).toContain('1 catatan Bappeda pada indikator');

    const onCard = indicator(wrapper, 'ind-1').get('[data-testid="indicator-notes"]');
    expect(onCard.get('[data-testid="received-note-body"]').text()).toBe('Realisasi TW III belum disertai data BPJS.');
    expect(onCard.get('[data-testid="received-note-state"]').text()).toBe('Selesai');
    expect(onCard.find('[data-testid="reply-open"]').exists()).toBe(false);
    expect(indicator(wrapper, 'ind-2').find('[data-testid="indicator-notes"]').exists()).toBe(false);
  });

  it('answers a note from the workspace: "Tanggapi" opens the box, the reply joins the thread', async () => {
    const note = sampleIndicatorNote();
    const detail: ActionDetailData = { ...sampleDetail(), notes: [note] };
    const { wrapper, backend } = await render({
      detail,
      answers: { replyToNote: { ...note, replies: [sampleReply({ body: 'Data BPJS dilampirkan.' })] } },
    });
    const card = () => indicator(wrapper, 'ind-1').get('[data-testid="indicator-notes"]');
    expect(card().find('[data-testid="reply-body"]').exists()).toBe(false);
    await card().get('[data-testid="reply-open"]').trigger('click');
    await flushPromises();
    expect(document.activeElement).toBe(card().get('[data-testid="reply-body"]').element);
    await card().get('[data-testid="reply-body"]').setValue('Data BPJS dilampirkan.');
    await card().get('form').trigger('submit');
    await flushPromises();

    expect(backend.callsOf('replyToNote')).toEqual([['note-2', 'Data BPJS dilampirkan.']]);
    expect(card().get('[data-testid="note-reply-body"]').text()).toBe('Data BPJS dilampirkan.');
    expect(card().get('[data-testid="note-reply-state"]').text()).toContain('Belum diterima Bappeda');
    expect(card().find('[data-testid="reply-body"]').exists()).toBe(false);
    // A reply is not a change of the action: nothing to undo, the detail was not asked again.
    expect(wrapper.find('[data-testid="undo"]').exists()).toBe(false);
    expect(backend.callsOf('actionDetail')).toHaveLength(1);
  });

  it('closes the reply box with Escape and stays on the action', async () => {
    const { wrapper } = await render({ detail: { ...sampleDetail(), notes: [sampleReceivedNote()] } });
    const top = () => wrapper.get('[data-testid="action-notes"]');
    await top().get('[data-testid="reply-open"]').trigger('click');
    await flushPromises();
    await top().get('[data-testid="reply-body"]').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(top().find('[data-testid="reply-body"]').exists()).toBe(false);
    expect(wrapper.emitted('back')).toBeUndefined();
  });

  it('shows the figures of the selected period, with units and two-decimal percentages', async () => {
    const { wrapper } = await render();
    const card = indicator(wrapper, 'ind-1');
    expect(card.text()).toContain('Positif: makin tinggi makin baik');
    expect(card.text()).toContain('Persentase');
    expect(card.text()).toContain('Target s.d. TW III');
    expect(card.get('[data-testid="indicator-target-to-date"]').text()).toBe('84%');
    expect(card.get('[data-testid="indicator-realisation-to-date"]').text()).toBe('77%');
    expect(card.get('[data-testid="indicator-achievement"]').text()).toBe('91,67%');
    expect(card.get('[data-testid="indicator-grade"]').text()).toBe('Sangat Tinggi');
    expect(card.get('[data-testid="indicator-annual-achievement"]').text()).toBe('85,56%');
  });

  it('shows "-" and says why when a capaian cannot be computed', async () => {
    const { wrapper } = await render();
    const achievement = indicator(wrapper, 'ind-2').get('[data-testid="indicator-achievement"]');
    expect(achievement.text()).toContain('-');
    expect(achievement.text()).toContain('Belum ada target sampai triwulan ini');
    expect(achievement.get('[data-testid="no-value"]').attributes('title')).toBe('Belum ada target sampai triwulan ini');
    expect(achievement.get('.visually-hidden').text()).toBe('Belum ada target sampai triwulan ini');

    const detail = sampleDetail();
    detail.indicators[1]!.achievement = { ...detail.indicators[1]!.achievement, targetToDate: 5, realisationToDate: 0, reason: 'zero_realisation' };
    const again = (await render({ detail })).wrapper;
    expect(indicator(again, 'ind-2').get('[data-testid="indicator-achievement"]').text()).toContain(
      'Realisasi nol pada indikator negatif: capaian tidak dapat dihitung',
    );
  });

  it('translates the predikat by its key in English', async () => {
    const { wrapper } = await render({ language: 'en' });
    expect(indicator(wrapper, 'ind-1').get('[data-testid="indicator-grade"]').text()).toBe('Very high');
  });

  describe('targets', () => {
    it('sends "1.234,5" as 1234.5, with the rest of the row as it was', async () => {
      const { wrapper, backend } = await render();
      const card = indicator(wrapper, 'ind-1');
      expect(targetInput(card, 2019, 1).element.value).toBe('91');
      await targetInput(card, 2019, 2).setValue('1.234,5');
      await card.get('[data-testid="targets-save"][data-year="2019"]').trigger('click');
      await flushPromises();

      expect(backend.callsOf('saveTargets')).toEqual([
        [{ indicatorId: 'ind-1', year: 2019, values: [91, 1234.5, null, 95] }, PERIOD],
      ]);
      expect(targetInput(indicator(wrapper, 'ind-1'), 2019, 2).element.value).toBe('1.234,5');
      expect(wrapper.get('[data-testid="save-status"]').text()).toBe('Tersimpan');
    });

    it('refuses "abc" and negative numbers next to the cell and sends nothing', async () => {
      const { wrapper, backend } = await render();
      const card = indicator(wrapper, 'ind-1');
      await targetInput(card, 2019, 2).setValue('abc');
      await targetInput(card, 2019, 3).setValue('-5');
      await card.get('[data-testid="targets-save"][data-year="2019"]').trigger('click');
      await flushPromises();

      for (const quarter of [2, 3]) {
        const input = targetInput(card, 2019, quarter);
        expect(input.attributes('aria-invalid')).toBe('true');
        expect(describedBy(wrapper, input)).toBe('Target harus berupa angka 0 atau lebih');
      }
      expect(targetInput(card, 2019, 1).attributes('aria-invalid')).toBeUndefined();
      expect(backend.callsOf('saveTargets')).toEqual([]);
      expect(wrapper.get('[data-testid="save-status"]').text()).toBe('');
    });

    it('shows a refused value next to the cell the backend names', async () => {
      const { wrapper } = await render({
        failures: { saveTargets: { code: 'invalid', message: 'Target terlalu besar.', field: 'values.2' } },
      });
      const card = indicator(wrapper, 'ind-1');
      await targetInput(card, 2019, 3).setValue('99999999');
      await card.get('[data-testid="targets-save"][data-year="2019"]').trigger('click');
      await flushPromises();

      expect(describedBy(wrapper, targetInput(card, 2019, 3))).toBe('Target terlalu besar.');
      expect(wrapper.find('[data-testid="error-alert"]').exists()).toBe(false);
      // Nothing changed on screen: the typed value is still there to correct.
      expect(targetInput(card, 2019, 3).element.value).toBe('99999999');
    });

    it('keeps quarters closed by Bappeda read-only in an OPD copy, and sends them unchanged', async () => {
      const { wrapper, backend } = await render();
      const card = indicator(wrapper, 'ind-1');
      expect(targetInput(card, 2018, 1).attributes('readonly')).toBeDefined();
      expect(targetInput(card, 2018, 2).attributes('readonly')).toBeDefined();
      expect(targetInput(card, 2018, 3).attributes('readonly')).toBeUndefined();
      expect(card.get('[data-testid="lock-note"]').text()).toContain('Triwulan ini sudah ditutup Bappeda');
      expect(describedBy(wrapper, targetInput(card, 2018, 1))).toContain('Triwulan ini sudah ditutup Bappeda');

      await targetInput(card, 2018, 4).setValue('92,5');
      await card.get('[data-testid="targets-save"][data-year="2018"]').trigger('click');
      await flushPromises();
      expect(backend.callsOf('saveTargets')[0]![0]).toEqual({ indicatorId: 'ind-1', year: 2018, values: [80, 82, 84, 92.5] });
    });

    it('follows the locked flag of the backend, not the role: a closed quarter Bappeda may change is editable', async () => {
      const detail = sampleDetail();
      detail.indicators[0]!.canEdit = true;
      detail.periods = detail.periods.map((p) => ({ ...p, locked: false }));
      const { wrapper } = await render({
        detail,
        abilitiesShown: SAMPLE_BAPPEDA_ABILITIES,
      });
      expect(targetInput(indicator(wrapper, 'ind-1'), 2018, 1).attributes('readonly')).toBeUndefined();
    });
  });

  describe('saving', () => {
    it('shows a refused end date next to the end date input, and keeps the form', async () => {
      const message = 'Tanggal selesai harus sesudah tanggal mulai.';
      const { wrapper } = await render({ failures: { saveMilestone: { code: 'invalid', message, field: 'endDate' } } });
      await milestone(wrapper, 'ms-1').get('[data-testid="milestone-edit"]').trigger('click');
      await wrapper.get('[data-testid="milestone-end"]').setValue('2018-01-01');
      await wrapper.get('[data-testid="milestone-save"]').trigger('submit');
      await flushPromises();

      const end = wrapper.get('[data-testid="milestone-end"]');
      expect(end.attributes('aria-invalid')).toBe('true');
      expect(describedBy(wrapper, end)).toBe(message);
      expect(wrapper.get('[data-testid="milestone-start"]').attributes('aria-invalid')).toBeUndefined();
      expect(wrapper.find('[data-testid="error-alert"]').exists()).toBe(false);
      expect(wrapper.get('[data-testid="save-status"]').text()).toBe('');
      expect((end.element as HTMLInputElement).value).toBe('2018-01-01');
    });

    it('puts refusals that are not about a field in the alert', async () => {
      for (const failure of [
        { code: 'forbidden', message: 'Tonggak ini milik OPD lain.' },
        { code: 'period_closed', message: 'Triwulan ini sudah ditutup Bappeda.' },
        { code: 'invalid', message: 'Data tidak valid.', field: 'somethingElse' },
      ]) {
        const { wrapper } = await render({ failures: { saveMilestone: failure } });
        await milestone(wrapper, 'ms-1').get('[data-testid="milestone-edit"]').trigger('click');
        await wrapper.get('[data-testid="milestone-save"]').trigger('submit');
        await flushPromises();
        const alert = wrapper.get('[data-testid="error-alert"]');
        expect(alert.attributes('role')).toBe('alert');
        expect(alert.text()).toContain(failure.message);
        expect(wrapper.find('[data-testid="milestone-form"]').exists()).toBe(true);
        expect(milestone(wrapper, 'ms-1').get('[data-testid="milestone-name"]').text()).toContain('Penyusunan SOP pengaduan');
        wrapper.unmount();
      }
    });

    it('after a save shows the new detail, closes the form and says "Tersimpan"; undo takes it back', async () => {
      const { wrapper, backend } = await render({
        answers: {
          saveMilestone: detailAfter((d) => Object.assign(d.milestones[0]!, { title: 'SOP pengaduan terpadu', status: 'substansial' })),
          undoLast: sampleDetail(),
        },
      });
      await milestone(wrapper, 'ms-1').get('[data-testid="milestone-edit"]').trigger('click');
      expect((wrapper.get('[data-testid="milestone-title"]').element as HTMLInputElement).value).toBe('Penyusunan SOP pengaduan');
      await wrapper.get('[data-testid="milestone-title"]').setValue('SOP pengaduan terpadu');
      await wrapper.get('[data-testid="milestone-status"]').setValue('substansial');
      await wrapper.get('[data-testid="milestone-save"]').trigger('submit');
      await flushPromises();

      expect(backend.callsOf('saveMilestone')).toEqual([
        [
          {
            id: 'ms-1',
            actionId: 'action-1',
            title: 'SOP pengaduan terpadu',
            output: 'SOP pengaduan ditetapkan Kepala Dinas',
            startDate: '2018-07-15',
            endDate: '2018-09-30',
            status: 'substansial',
          },
          PERIOD,
        ],
      ]);
      expect(wrapper.find('[data-testid="milestone-form"]').exists()).toBe(false);
      expect(milestone(wrapper, 'ms-1').get('[data-testid="milestone-name"]').text()).toContain('SOP pengaduan terpadu');
      const status = wrapper.get('[data-testid="save-status"]');
      expect(status.attributes('role')).toBe('status');
      expect(status.text()).toBe('Tersimpan');

      await wrapper.get('[data-testid="undo"]').trigger('click');
      await flushPromises();
      expect(backend.callsOf('undoLast')).toEqual([['action-1', PERIOD]]);
      expect(milestone(wrapper, 'ms-1').get('[data-testid="milestone-name"]').text()).toContain('Penyusunan SOP pengaduan');
      expect(wrapper.get('[data-testid="save-status"]').text()).toBe('Perubahan dibatalkan');
      expect(wrapper.find('[data-testid="undo"]').exists()).toBe(false);
    });

    it('says so when there was nothing to undo', async () => {
      const { wrapper } = await render({ backendOverride: (fake) => ({ ...fake, undoLast: async () => null }) });
      await milestone(wrapper, 'ms-1').get('[data-testid="milestone-edit"]').trigger('click');
      await wrapper.get('[data-testid="milestone-save"]').trigger('submit');
      await flushPromises();
      await wrapper.get('[data-testid="undo"]').trigger('click');
      await flushPromises();
      expect(wrapper.get('[data-testid="save-status"]').text()).toBe('Tidak ada perubahan untuk dibatalkan');
    });

    it('disables the save button while saving, so a double click saves once', async () => {
      let finish: (detail: ActionDetailData) => void = () => {};
      const { wrapper, backend } = await render({
        backendOverride: (fake) => ({
          ...fake,
          saveMilestone: (input, period) => {
            void fake.saveMilestone(input, period);
            return new Promise<ActionDetailData>((resolve) => (finish = resolve));
          },
        }),
      });
      await wrapper.get('[data-testid="add-milestone"]').trigger('click');
      await wrapper.get('[data-testid="milestone-title"]').setValue('Evaluasi layanan');
      await wrapper.get('[data-testid="milestone-save"]').trigger('submit');
      await wrapper.get('[data-testid="milestone-save"]').trigger('submit');
      expect(wrapper.get('[data-testid="milestone-save"]').attributes('disabled')).toBeDefined();
      expect(backend.callsOf('saveMilestone')).toHaveLength(1);

      finish(sampleDetail());
      await flushPromises();
      expect(wrapper.find('[data-testid="milestone-form"]').exists()).toBe(false);
    });

    it('adds a milestone for the OPD of this copy, and asks for a title first', async () => {
      const added = detailAfter((d) =>
        d.milestones.push({
          ...d.milestones[0]!,
          id: 'ms-new',
          seq: 3,
          title: 'Evaluasi layanan',
          output: 'Laporan evaluasi',
          startDate: '2019-01-01',
          endDate: null,
          status: 'belum_dimulai',
          evidence: [],
        }),
      );
      const { wrapper, backend } = await render({ answers: { saveMilestone: added } });
      await wrapper.get('[data-testid="add-milestone"]').trigger('click');
      expect(wrapper.get('[data-testid="milestone-form"]').text()).toContain('Tonggak baru · milik DINKES');
      await wrapper.get('[data-testid="milestone-save"]').trigger('submit');
      await flushPromises();
      expect(describedBy(wrapper, wrapper.get('[data-testid="milestone-title"]'))).toBe('Isi judul tonggak.');
      expect(backend.callsOf('saveMilestone')).toEqual([]);

      await wrapper.get('[data-testid="milestone-title"]').setValue('  Evaluasi layanan ');
      await wrapper.get('[data-testid="milestone-output"]').setValue('Laporan evaluasi');
      await wrapper.get('[data-testid="milestone-start"]').setValue('2019-01-01');
      await wrapper.get('[data-testid="milestone-save"]').trigger('submit');
      await flushPromises();
      expect(backend.callsOf('saveMilestone')[0]![0]).toEqual({
        id: null,
        actionId: 'action-1',
        title: 'Evaluasi layanan',
        output: 'Laporan evaluasi',
        startDate: '2019-01-01',
        endDate: null,
        status: 'belum_dimulai',
      });
      expect(wrapper.findAll('[data-testid="milestone"]')).toHaveLength(3);
    });

    it('deletes a milestone only after confirmation', async () => {
      const { wrapper, backend } = await render({ answers: { deleteMilestone: detailAfter((d) => d.milestones.shift()) } });
      await milestone(wrapper, 'ms-1').get('[data-testid="milestone-delete"]').trigger('click');
      await wrapper.get('[data-testid="confirm-no"]').trigger('click');
      await flushPromises();
      expect(backend.callsOf('deleteMilestone')).toEqual([]);

      const remove = milestone(wrapper, 'ms-1').get('[data-testid="milestone-delete"]');
      (remove.element as HTMLButtonElement).focus();
      await remove.trigger('click');
      expect(wrapper.get('[data-testid="confirm"]').text()).toContain('Penyusunan SOP pengaduan');
      const yes = wrapper.get('[data-testid="confirm-yes"]');
      (yes.element as HTMLButtonElement).focus();
      await yes.trigger('click');
      await flushPromises();
      expect(backend.callsOf('deleteMilestone')).toEqual([['ms-1', PERIOD]]);
      expect(wrapper.findAll('[data-testid="milestone"]')).toHaveLength(1);
      // The focused button went with the milestone: the focus goes to "Urungkan".
      await new Promise((resolve) => setTimeout(resolve, 0));
      expect(document.activeElement).toBe(wrapper.get('[data-testid="undo"]').element);
    });
  });

  describe('indicators', () => {
    it("adds one with an Indonesian baseline, offering only its own OPD's milestones", async () => {
      const added = detailAfter((d) =>
        d.indicators.push({
          ...d.indicators[0]!,
          id: 'ind-new',
          seq: 3,
          milestoneId: 'ms-1',
          description: 'Jumlah puskesmas dengan kanal pengaduan',
          unit: 'puskesmas',
          baseline: 1234.5,
          polarity: 'negatif',
          aggregation: 'nilai_akhir',
          targets: {},
          realisations: [],
        }),
      );
      const { wrapper, backend } = await render({ answers: { saveIndicator: added } });
      await wrapper.get('[data-testid="add-indicator"]').trigger('click');
      const milestones = wrapper.get('[data-testid="indicator-milestone"]').findAll('option');
      expect(milestones.map((o) => o.attributes('value'))).toEqual(['', 'ms-1']);

      await wrapper.get('[data-testid="indicator-description"]').setValue('Jumlah puskesmas dengan kanal pengaduan');
      await wrapper.get('[data-testid="indicator-unit"]').setValue('puskesmas');
      await wrapper.get('[data-testid="indicator-baseline"]').setValue('1.234,5');
      await wrapper.get('[data-testid="indicator-polarity"]').setValue('negatif');
      await wrapper.get('[data-testid="indicator-aggregation"]').setValue('nilai_akhir');
      await wrapper.get('[data-testid="indicator-milestone"]').setValue('ms-1');
      await wrapper.get('[data-testid="indicator-save"]').trigger('submit');
      await flushPromises();

      expect(backend.callsOf('saveIndicator')).toEqual([
        [
          {
            id: null,
            actionId: 'action-1',
            milestoneId: 'ms-1',
            description: 'Jumlah puskesmas dengan kanal pengaduan',
            unit: 'puskesmas',
            baseline: 1234.5,
            polarity: 'negatif',
            aggregation: 'nilai_akhir',
          },
          PERIOD,
        ],
      ]);
      expect(wrapper.findAll('[data-testid="indicator"]')).toHaveLength(3);
    });

    it('refuses a baseline that is not a number', async () => {
      const { wrapper, backend } = await render();
      await indicator(wrapper, 'ind-1').get('[data-testid="indicator-edit"]').trigger('click');
      await wrapper.get('[data-testid="indicator-baseline"]').setValue('delapan');
      await wrapper.get('[data-testid="indicator-save"]').trigger('submit');
      await flushPromises();
      expect(describedBy(wrapper, wrapper.get('[data-testid="indicator-baseline"]'))).toContain('Baseline harus berupa angka');
      expect(backend.callsOf('saveIndicator')).toEqual([]);
    });

    it('fills a realisation with its notes, kendala and tindak lanjut', async () => {
      const saved = detailAfter((d) =>
        Object.assign(d.indicators[0]!.realisations[0]!, {
          value: 80.5,
          notes: 'Data BPJS Oktober',
          obstacles: 'Server lambat',
          followUp: 'Koordinasi dengan BPJS',
        }),
      );
      const { wrapper, backend } = await render({ answers: { saveRealisation: saved } });
      const card = indicator(wrapper, 'ind-1');
      expect(card.find('[data-testid="realisation-edit"][data-year="2018"][data-quarter="1"]').exists()).toBe(false);
      await card.get('[data-testid="realisation-edit"][data-year="2018"][data-quarter="3"]').trigger('click');
      expect((wrapper.get('[data-testid="realisation-value"]').element as HTMLInputElement).value).toBe('77');
      await wrapper.get('[data-testid="realisation-value"]').setValue('80,5');
      await wrapper.get('[data-testid="realisation-notes"]').setValue('Data BPJS Oktober');
      await wrapper.get('[data-testid="realisation-obstacles"]').setValue('Server lambat');
      await wrapper.get('[data-testid="realisation-follow-up"]').setValue('Koordinasi dengan BPJS');
      await wrapper.get('[data-testid="realisation-save"]').trigger('submit');
      await flushPromises();

      expect(backend.callsOf('saveRealisation')).toEqual([
        [
          {
            indicatorId: 'ind-1',
            year: 2018,
            quarter: 3,
            value: 80.5,
            notes: 'Data BPJS Oktober',
            obstacles: 'Server lambat',
            followUp: 'Koordinasi dengan BPJS',
          },
          PERIOD,
        ],
      ]);
      expect(wrapper.find('[data-testid="realisation-form"]').exists()).toBe(false);
      expect(indicator(wrapper, 'ind-1').text()).toContain('Server lambat');
    });

    it('refuses a negative realisation', async () => {
      const { wrapper, backend } = await render();
      await indicator(wrapper, 'ind-1').get('[data-testid="realisation-edit"][data-quarter="4"]').trigger('click');
      await wrapper.get('[data-testid="realisation-value"]').setValue('-3');
      await wrapper.get('[data-testid="realisation-save"]').trigger('submit');
      await flushPromises();
      expect(describedBy(wrapper, wrapper.get('[data-testid="realisation-value"]'))).toBe(
        'Realisasi harus berupa angka 0 atau lebih',
      );
      expect(backend.callsOf('saveRealisation')).toEqual([]);
    });
  });

  describe('evidence', () => {
    it('adds a file through the native dialog, and does nothing when it is cancelled', async () => {
      const cancelled = await render({ fileDialog: 'cancel' });
      await milestone(cancelled.wrapper, 'ms-1').get('[data-testid="evidence-add-file"]').trigger('click');
      await flushPromises();
      expect(cancelled.backend.callsOf('addEvidenceFile')).toEqual([
        [{ milestoneId: 'ms-1', indicatorId: null, year: null, quarter: null }, 'action-1', PERIOD],
      ]);
      expect(cancelled.wrapper.get('[data-testid="save-status"]').text()).toBe('');
      expect(milestone(cancelled.wrapper, 'ms-1').findAll('[data-testid="evidence"]')).toHaveLength(1);
      cancelled.wrapper.unmount();

      const added = detailAfter((d) => d.milestones[0]!.evidence.push(fileEvidence('ev-new', 'Notulen rapat')));
      const { wrapper } = await render({ answers: { addEvidenceFile: added } });
      await milestone(wrapper, 'ms-1').get('[data-testid="evidence-add-file"]').trigger('click');
      await flushPromises();
      expect(milestone(wrapper, 'ms-1').findAll('[data-testid="evidence"]')).toHaveLength(2);
      expect(wrapper.get('[data-testid="save-status"]').text()).toBe('Tersimpan');
    });

    it('adds a link only with a web address', async () => {
      const { wrapper, backend } = await render();
      const realisation = indicator(wrapper, 'ind-1').get('[data-testid="realisation"][data-quarter="3"]');
      await realisation.get('[data-testid="evidence-add-link"]').trigger('click');
      await wrapper.get('[data-testid="link-title"]').setValue('Berita acara');
      await wrapper.get('[data-testid="link-url"]').setValue('javascript:alert(1)');
      await wrapper.get('[data-testid="link-save"]').trigger('submit');
      await flushPromises();
      expect(describedBy(wrapper, wrapper.get('[data-testid="link-url"]'))).toBe(
        'Alamat harus diawali http:// atau https://',
      );
      expect(backend.callsOf('addEvidenceLink')).toEqual([]);

      const url = ['https:', '', 'dinkes.wonosobokab.go.id', 'ba.pdf'].join('/');
      await wrapper.get('[data-testid="link-url"]').setValue(url);
      await wrapper.get('[data-testid="link-save"]').trigger('submit');
      await flushPromises();
      expect(backend.callsOf('addEvidenceLink')).toEqual([
        [
          { milestoneId: null, indicatorId: 'ind-1', year: 2018, quarter: 3, title: 'Berita acara', url },
          'action-1',
          PERIOD,
        ],
      ]);
      expect(wrapper.find('[data-testid="link-form"]').exists()).toBe(false);
    });

    it('opens evidence, and deletes it after confirmation', async () => {
      const { wrapper, backend } = await render({
        answers: { deleteEvidence: detailAfter((d) => (d.milestones[0]!.evidence = [])) },
      });
      const item = milestone(wrapper, 'ms-1');
      await item.get('[data-testid="evidence-open"]').trigger('click');
      await flushPromises();
      expect(backend.callsOf('openEvidence')).toEqual([['ev-1']]);

      await item.get('[data-testid="evidence-delete"]').trigger('click');
      expect(backend.callsOf('deleteEvidence')).toEqual([]);
      await wrapper.get('[data-testid="confirm-yes"]').trigger('click');
      await flushPromises();
      expect(backend.callsOf('deleteEvidence')).toEqual([['ev-1', 'action-1', PERIOD]]);
      expect(milestone(wrapper, 'ms-1').find('[data-testid="evidence"]').exists()).toBe(false);
    });
  });

  it('shows a file whose evidence bundle has not arrived as "Belum diterima", with nothing to open', async () => {
    const awaiting = detailAfter((d) => {
      d.milestones[0]!.evidence = [
        { ...fileEvidence('ev-wait', 'Daftar hadir'), awaitingFile: true },
        fileEvidence('ev-here', 'SK tim'),
      ];
    });
    const { wrapper } = await render({ detail: awaiting });
    const items = milestone(wrapper, 'ms-1').findAll('[data-testid="evidence"]');
    expect(items[0]!.get('[data-testid="evidence-awaiting"]').text()).toBe('Belum diterima');
    expect(items[0]!.text()).toContain('impor berkas bukti dukung (.zip)');
    expect(items[0]!.find('[data-testid="evidence-open"]').exists()).toBe(false);
    expect(items[1]!.find('[data-testid="evidence-awaiting"]').exists()).toBe(false);
    expect(items[1]!.find('[data-testid="evidence-open"]').exists()).toBe(true);
  });

  it('offers a stored file that is not a document only as "Tampilkan di folder", with why', async () => {
    const risky = detailAfter((d) => {
      d.milestones[0]!.evidence = [
        { ...fileEvidence('ev-hta', 'Bukti'), fileName: 'bukti.pdf.hta', opensDirectly: false },
        fileEvidence('ev-pdf', 'SK tim'),
      ];
    });
    const { wrapper, backend } = await render({ detail: risky });
    const items = milestone(wrapper, 'ms-1').findAll('[data-testid="evidence"]');
    expect(items[0]!.find('[data-testid="evidence-open"]').exists()).toBe(false);
    expect(items[0]!.get('[data-testid="evidence-folder-hint"]').text()).toContain('tidak dibuka langsung');
    const show = items[0]!.get('[data-testid="evidence-show-folder"]');
    expect(show.text()).toContain('Tampilkan di folder');
    await show.trigger('click');
    await flushPromises();
    expect(backend.callsOf('showEvidenceFolder')).toEqual([['ev-hta']]);
    expect(backend.callsOf('openEvidence')).toEqual([]);
    // A PDF still opens.
    expect(items[1]!.find('[data-testid="evidence-show-folder"]').exists()).toBe(false);
    await items[1]!.get('[data-testid="evidence-open"]').trigger('click');
    await flushPromises();
    expect(backend.callsOf('openEvidence')).toEqual([['ev-pdf']]);
  });

  it('edits the narrative: OGP values go in the plan order', async () => {
    const saved = detailAfter((d) =>
      Object.assign(d.action, { problem: 'Pengaduan tidak tercatat.', ogpValues: ['partisipasi', 'teknologi_inovasi'] }),
    );
    const { wrapper, backend } = await render({ answers: { saveActionNarrative: saved } });
    await wrapper.get('[data-testid="edit-narrative"]').trigger('click');
    await wrapper.get('[data-testid="narrative-problem"]').setValue('Pengaduan tidak tercatat.');
    await wrapper.get('[data-testid="narrative-ogp-partisipasi"]').setValue(true);
    await wrapper.get('[data-testid="narrative-ogp-transparansi"]').setValue(false);
    await wrapper.get('[data-testid="narrative-save"]').trigger('submit');
    await flushPromises();
    const input = backend.callsOf('saveActionNarrative')[0]![0];
    expect(input).toMatchObject({
      actionId: 'action-1',
      problem: 'Pengaduan tidak tercatat.',
      ogpValues: ['partisipasi', 'teknologi_inovasi'],
      csoPartners: 'Forum Warga Peduli Kesehatan',
    });
    expect(wrapper.get('[data-testid="narrative-problem-value"]').text()).toContain('Pengaduan tidak tercatat.');
  });

  it("shows a supporting OPD the lead's narrative read-only", async () => {
    const detail = sampleDetail();
    detail.canEditNarrative = false;
    detail.canAddFor = null;
    const { wrapper } = await render({ detail });
    const narrative = wrapper.get('[data-testid="narrative"]');
    expect(narrative.find('[data-testid="edit-narrative"]').exists()).toBe(false);
    expect(narrative.get('[data-testid="read-only-note"]').text()).toBe('Hanya baca · milik DINKES');
    expect(wrapper.find('[data-testid="add-milestone"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="add-indicator"]').exists()).toBe(false);
  });

  it('lists the history of a milestone, newest first, and closes with Escape', async () => {
    const { wrapper, backend } = await render();
    const button = milestone(wrapper, 'ms-1').get('[data-testid="history-button"]');
    (button.element as HTMLButtonElement).focus();
    await button.trigger('click');
    await flushPromises();

    expect(backend.callsOf('history')).toEqual([['milestone', 'ms-1']]);
    const panel = wrapper.get('[data-testid="history-panel"]');
    expect(panel.attributes('role')).toBe('dialog');
    const entries = panel.findAll('[data-testid="history-entry"]');
    expect(entries).toHaveLength(2);
    expect(entries[0]!.text()).toContain('Sari');
    expect(entries[0]!.text()).toContain('15 Juli 2018 10.30');
    expect(entries[0]!.text()).toContain('Diubah · Judul');
    expect(entries[0]!.text()).toContain('SOP pengaduan');
    expect(entries[0]!.text()).toContain('Penyusunan SOP pengaduan');
    expect(entries[1]!.text()).toContain('Admin Bappeda');
    expect(entries[1]!.text()).toContain('Dibuat');

    pressEscape();
    await flushPromises();
    expect(wrapper.find('[data-testid="history-panel"]').exists()).toBe(false);
    expect(document.activeElement).toBe(button.element);
    expect(wrapper.emitted('back')).toBeUndefined();
  });

  it('asks for the history of the action and of an indicator', async () => {
    const { wrapper, backend } = await render();
    await wrapper.get('[data-testid="narrative"] [data-testid="history-button"]').trigger('click');
    await flushPromises();
    await indicator(wrapper, 'ind-2').get('[data-testid="history-button"]').trigger('click');
    await flushPromises();
    expect(backend.callsOf('history')).toEqual([
      ['action', 'action-1'],
      ['indicator', 'ind-2'],
    ]);
  });

  it('Escape closes an open form first, then goes back to the plan', async () => {
    const { wrapper } = await render();
    await wrapper.get('[data-testid="add-milestone"]').trigger('click');
    expect(wrapper.find('[data-testid="milestone-form"]').exists()).toBe(true);

    pressEscape();
    await flushPromises();
    expect(wrapper.find('[data-testid="milestone-form"]').exists()).toBe(false);
    expect(wrapper.emitted('back')).toBeUndefined();

    pressEscape();
    expect(wrapper.emitted('back')).toHaveLength(1);
  });

  it('goes back with the back button', async () => {
    const { wrapper } = await render();
    await wrapper.get('[data-testid="action-detail-back"]').trigger('click');
    expect(wrapper.emitted('back')).toHaveLength(1);
  });

  it('reloads the action for another period, and saves with that period', async () => {
    // The backend answers with the period asked for.
    const forPeriod = (_id: string, period: PeriodRef | null) => detailAfter((d) => (d.period = period ?? PERIOD));
    const { wrapper, backend } = await render({ answers: { actionDetail: forPeriod } });
    await wrapper.get('[data-testid="detail-period-select"]').setValue('2019-2');
    await flushPromises();
    expect(backend.callsOf('actionDetail').at(-1)).toEqual(['action-1', { year: 2019, quarter: 2 }]);
    expect(indicator(wrapper, 'ind-1').text()).toContain('Target s.d. TW II');
    expect(indicator(wrapper, 'ind-1').text()).toContain('Realisasi tahun 2019');

    await indicator(wrapper, 'ind-1').get('[data-testid="targets-save"][data-year="2019"]').trigger('click');
    await flushPromises();
    expect(backend.callsOf('saveTargets')[0]![1]).toEqual({ year: 2019, quarter: 2 });
  });

  it('shows a failed load in the alert, with a way to try again', async () => {
    const { wrapper } = await render({ failures: { actionDetail: { code: 'not_found', message: 'Rencana aksi tidak ditemukan.' } } });
    expect(wrapper.get('[data-testid="error-alert"]').text()).toContain('Rencana aksi tidak ditemukan.');
    expect(wrapper.find('[data-testid="detail-retry"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="action-detail-back"]').exists()).toBe(true);
  });

  it('shows user text as text, never as markup', async () => {
    const detail = sampleDetail();
    detail.milestones[0]!.title = '<img src=x onerror="alert(1)">';
    detail.milestones[0]!.evidence[0]!.title = '<b>tebal</b>';
    const { wrapper } = await render({ detail });
    const item = milestone(wrapper, 'ms-1');
    expect(item.find('img').exists()).toBe(false);
    expect(item.find('b').exists()).toBe(false);
    expect(item.text()).toContain('<img src=x onerror="alert(1)">');
  });
});
