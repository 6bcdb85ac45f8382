// The plan editor as Bappeda uses it: "Mulai kosong" leads into the new plan
// form, the plan's status and version, the plan switcher, and the quarters.
// The fake backend decides nothing: each test states the backend's answers.
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import App from '../App.vue';
import type { PlanList } from '../api/types';
import {
  createFakeBackend,
  inTurn,
  Refusal,
  SAMPLE_BAPPEDA,
  SAMPLE_BAPPEDA_ABILITIES,
  sampleEmptyPlanList,
  sampleOverview,
  samplePlanList,
  sampleStatus,
  type Answers,
} from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import { loadScreens } from '../testing/screens';
import PlanEditorScreen from './PlanEditorScreen.vue';
import PlanTab from './PlanTab.vue';
import QuartersTab from './QuartersTab.vue';

beforeAll(loadScreens);

afterEach(() => {
  document.body.innerHTML = '';
});

const BAPPEDA_STATUS = sampleStatus({ ...SAMPLE_BAPPEDA });

/** The sample list with the viewed (2020-2022) plan final at version `version`. */
function finalList(version = 1): PlanList {
  const list = samplePlanList();
  const first = list.plans[0]!;
  first.plan = { ...first.plan, status: 'final', version, adoptedOn: '2020-02-03' };
  return list;
}

/** The list as it reads while the earlier plan (2018-2019) is viewed: nothing changes. */
function viewingEarlier(): PlanList {
  const list = samplePlanList();
  list.plans[0]!.viewed = false;
  list.plans[1]!.viewed = true;
  list.canEdit = false;
  return list;
}

async function mountTab(component: typeof PlanTab | typeof QuartersTab, answers: Answers = {}, plans?: PlanList) {
  const backend = createFakeBackend({ ...SAMPLE_BAPPEDA, answers, ...(plans ? { plans } : {}) });
  const { wrapper } = mountWithApp(component, { backend, attachTo: document.body });
  await flushPromises();
  return { wrapper, backend };
}

async function click(wrapper: VueWrapper, testId: string): Promise<void> {
  await wrapper.get(`[data-testid="${testId}"]`).trigger('click');
  await flushPromises();
}

describe('Mulai kosong at Bappeda', () => {
  it('opens the plan editor on the new plan form, keeps Backup reachable, and shows the plan once made', async () => {
    // The backend holds no plan until createPlan made one.
    let made = false;
    const backend = createFakeBackend({
      needsSetup: true,
      answers: {
        firstStart: BAPPEDA_STATUS,
        appStatus: () => (made ? BAPPEDA_STATUS : sampleStatus({ needsSetup: true, profile: null, abilities: null })),
        planOverview: () => (made ? sampleOverview() : null),
        planList: () => (made ? samplePlanList() : sampleEmptyPlanList()),
        createPlan: () => {
          made = true;
          return samplePlanList();
        },
      },
    });
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();
    await click(wrapper, 'choose-empty');
    await wrapper.get('[data-testid="profile-role"]').setValue('bappeda');
    await wrapper.get('[data-testid="profile-user-name"]').setValue('Admin Bappeda');
    await wrapper.get('[data-testid="profile-form"]').trigger('submit');
    await flushPromises();

    // No dead end: the editor is open on the new plan form, the Excel template (a plan can start
    // from it) is offered too, the tabs that need a plan are not, and Backup is in the header.
    expect(wrapper.find('[data-testid="planning-screen"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="empty-plan"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="plan-new"]').text()).toContain('Mulai rencana aksi');
    expect(wrapper.findAll('[role="tab"]').map((tab) => tab.attributes('data-testid'))).toEqual([
      'planning-tab-plan',
      'planning-tab-template',
    ]);
    expect(wrapper.find('[data-testid="open-backup"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="open-planning"]').exists()).toBe(true);
    expect(backend.callsOf('createPlan')).toEqual([]);

    await wrapper.get('[data-testid="plan-new-region"]').setValue('Kabupaten Temanggung');
    await wrapper.get('[data-testid="plan-new-title"]').setValue('Rencana Aksi Keterbukaan Pemerintah Kabupaten Temanggung');
    await wrapper.get('[data-testid="plan-new-first-year"]').setValue('2020');
    await wrapper.get('[data-testid="plan-new-last-year"]').setValue('2022');
    await wrapper.get('[data-testid="plan-new-last-quarter"]').setValue('4');
    await wrapper.get('[data-testid="plan-new-submit"]').trigger('submit');
    await flushPromises();

    expect(backend.callsOf('createPlan')).toEqual([
      [
        {
          region: 'Kabupaten Temanggung',
          title: 'Rencana Aksi Keterbukaan Pemerintah Kabupaten Temanggung',
          first: { year: 2020, quarter: 1 },
          last: { year: 2022, quarter: 4 },
        },
      ],
    ]);
    // The window reads the plan again; the editor stays open, now with every tab.
    await flushPromises();
    expect(wrapper.find('[data-testid="plan-title"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="planning-screen"]').exists()).toBe(true);
    expect(wrapper.find('[data-testid="planning-tab-quarters"]').exists()).toBe(true);
  });

  it('shows the empty plan with a way into the editor after going back', async () => {
    const backend = createFakeBackend({ ...SAMPLE_BAPPEDA, overview: null, plans: sampleEmptyPlanList() });
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();
    expect(wrapper.find('[data-testid="planning-screen"]').exists()).toBe(true);
    await click(wrapper, 'planning-back');
    expect(wrapper.get('[data-testid="empty-plan"]').text()).toContain('editor rencana aksi');
    await click(wrapper, 'empty-plan-start');
    expect(wrapper.find('[data-testid="planning-screen"]').exists()).toBe(true);
  });

  it('refuses a new plan on its field and writes nothing', async () => {
    const { wrapper, backend } = await mountTab(
      PlanTab,
      {
        createPlan: inTurn<PlanList>(
          new Refusal({ code: 'invalid', field: 'last', message: 'Triwulan terakhir harus sama dengan atau sesudah triwulan pertama.' }),
        ),
      },
      sampleEmptyPlanList(),
    );
    await wrapper.get('[data-testid="plan-new-submit"]').trigger('submit');
    await flushPromises();
    expect(backend.callsOf('createPlan')).toHaveLength(1);
    expect(wrapper.get('[data-testid="field-error"]').text()).toBe(
      'Triwulan terakhir harus sama dengan atau sesudah triwulan pertama.',
    );
    expect(wrapper.get('[data-testid="plan-new-last-year"]').attributes('aria-invalid')).toBe('true');
    expect(wrapper.emitted('changed')).toBeUndefined();
  });
});

describe('the Rencana tab', () => {
  it('shows the plan viewed and marks a draft final, which can be undone', async () => {
    const { wrapper, backend } = await mountTab(PlanTab, { setPlanStatus: finalList(1), undoPlanChange: samplePlanList() });
    expect(wrapper.get('[data-testid="plan-region"]').text()).toBe('Kabupaten Wonosobo');
    expect(wrapper.get('[data-testid="plan-span"]').text()).toBe('Triwulan I 2020 s.d. Triwulan IV 2022');
    expect(wrapper.get('[data-testid="plan-editor-status"]').text()).toBe('Draf');
    expect(wrapper.get('[data-testid="plan-version"]').text()).toBe('1');

    await click(wrapper, 'plan-make-final');
    expect(backend.callsOf('setPlanStatus')).toEqual([[{ status: 'final', reason: '' }]]);
    expect(wrapper.get('[data-testid="planning-message"]').text()).toBe('Rencana aksi ditetapkan final (versi 1).');
    expect(wrapper.get('[data-testid="plan-editor-status"]').text()).toBe('Final');
    expect(wrapper.emitted('changed')).toHaveLength(1);

    await click(wrapper, 'planning-undo');
    expect(backend.callsOf('undoPlanChange')).toHaveLength(1);
    expect(wrapper.get('[data-testid="plan-editor-status"]').text()).toBe('Draf');
    expect(wrapper.get('[data-testid="planning-message"]').text()).toBe('Perubahan terakhir diurungkan.');
  });

  it('takes a final plan back to draft only with a reason, at the next version', async () => {
    const draft2 = samplePlanList();
    draft2.plans[0]!.plan.version = 2;
    const { wrapper, backend } = await mountTab(
      PlanTab,
      {
        setPlanStatus: inTurn<PlanList>(
          new Refusal({ code: 'invalid', field: 'reason', message: 'Tuliskan alasan mengembalikan rencana aksi ke draf.' }),
          draft2,
        ),
      },
      finalList(1),
    );
    expect(wrapper.text()).toContain('nomor versi berikutnya (2)');
    await wrapper.get('[data-testid="plan-to-draft"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="field-error"]').text()).toBe('Tuliskan alasan mengembalikan rencana aksi ke draf.');

    await wrapper.get('[data-testid="plan-draft-reason"]').setValue('Tambahan dari sesi ko-kreasi');
    await wrapper.get('[data-testid="plan-to-draft"]').trigger('submit');
    await flushPromises();
    expect(backend.callsOf('setPlanStatus')[1]).toEqual([{ status: 'draft', reason: 'Tambahan dari sesi ko-kreasi' }]);
    expect(wrapper.get('[data-testid="planning-message"]').text()).toBe('Rencana aksi kembali menjadi draf (versi 2).');
  });

  it('switches to an earlier plan, which is read-only', async () => {
    const { wrapper, backend } = await mountTab(PlanTab, { viewPlan: viewingEarlier() });
    const entries = wrapper.findAll('[data-testid="plan-entry"]');
    expect(entries).toHaveLength(2);
    expect(entries[0]?.text()).toContain('Sedang ditampilkan');
    expect(entries[1]?.text()).toContain('Hanya baca');

    await entries[1]!.get('[data-testid="plan-view"]').trigger('click');
    await flushPromises();
    expect(backend.callsOf('viewPlan')).toEqual([['plan-wonosobo-2018']]);
    expect(wrapper.emitted('changed')).toHaveLength(1);
    expect(wrapper.get('[data-testid="plan-read-only-note"]').text()).toContain('2018–2019');
    expect(wrapper.find('[data-testid="plan-make-final"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="plan-to-draft"]').exists()).toBe(false);
  });

  it('offers the next plan starting the year after the newest, with the same region', async () => {
    const { wrapper } = await mountTab(PlanTab);
    expect(wrapper.find('[data-testid="plan-new"]').exists()).toBe(false);
    await click(wrapper, 'plan-new-open');
    expect(wrapper.get('[data-testid="plan-new"]').text()).toContain('daftar OPD yang sama');
    expect((wrapper.get('[data-testid="plan-new-region"]').element as HTMLInputElement).value).toBe('Kabupaten Wonosobo');
    expect((wrapper.get('[data-testid="plan-new-first-year"]').element as HTMLInputElement).value).toBe('2023');
  });
});

describe('the Triwulan tab', () => {
  it('lists each quarter with its due date and whether it is closed', async () => {
    const { wrapper } = await mountTab(QuartersTab);
    const rows = wrapper.findAll('[data-testid="quarter-row"]');
    expect(rows).toHaveLength(12);
    expect(rows[0]?.text()).toContain('Triwulan I 2020');
    expect(rows[0]?.get('[data-testid="quarter-state"]').text()).toBe('Ditutup');
    expect((rows[3]?.get('[data-testid="quarter-due"]').element as HTMLInputElement).value).toBe('2021-01-10');
    expect(rows[0]?.get('[data-testid="quarter-toggle"]').text()).toBe('Buka kembali');
    expect(rows[1]?.get('[data-testid="quarter-toggle"]').text()).toBe('Tutup');
  });

  it('closes a quarter with a reason and changes a due date', async () => {
    const closed = samplePlanList();
    closed.periods[1]!.closed = true;
    const { wrapper, backend } = await mountTab(QuartersTab, {
      closePeriod: inTurn<PlanList>(new Refusal({ code: 'invalid', field: 'reason', message: 'Alasan wajib diisi.' }), closed),
    });
    const row = () => wrapper.get('[data-period="2020-2"]');
    await row().get('[data-testid="quarter-toggle"]').trigger('submit');
    await flushPromises();
    expect(row().get('[data-testid="field-error"]').text()).toBe('Alasan wajib diisi.');

    await row().get('[data-testid="quarter-reason"]').setValue('Rekap triwulan II sudah disahkan');
    await row().get('[data-testid="quarter-toggle"]').trigger('submit');
    await flushPromises();
    expect(backend.callsOf('closePeriod')[1]).toEqual([
      { period: { year: 2020, quarter: 2 }, reason: 'Rekap triwulan II sudah disahkan' },
    ]);
    expect(row().get('[data-testid="quarter-state"]').text()).toBe('Ditutup');
    expect(wrapper.get('[data-testid="quarters-message"]').text()).toBe('Triwulan II 2020 ditutup.');
    expect(wrapper.emitted('changed')).toHaveLength(1);

    await row().get('[data-testid="quarter-due"]').setValue('2020-07-20');
    await row().get('[data-testid="quarter-due-save"]').trigger('submit');
    await flushPromises();
    expect(backend.callsOf('setPeriodDue')).toEqual([[{ period: { year: 2020, quarter: 2 }, dueDate: '2020-07-20' }]]);
  });

  it('only shows the quarters of an earlier plan', async () => {
    const { wrapper } = await mountTab(QuartersTab, {}, viewingEarlier());
    expect(wrapper.findAll('[data-testid="quarter-row"]')).toHaveLength(12);
    expect(wrapper.find('[data-testid="quarter-due"]').exists()).toBe(false);
    expect(wrapper.find('[data-testid="quarter-toggle"]').exists()).toBe(false);
  });
});

describe('the plan editor screen', () => {
  it('shows the tabs of the registry and moves between them with the arrow keys', async () => {
    const backend = createFakeBackend({ ...SAMPLE_BAPPEDA });
    const { wrapper } = mountWithApp(PlanEditorScreen, { backend, attachTo: document.body });
    await flushPromises();
    await flushPromises();
    const tab = (key: string) => wrapper.get(`[data-testid="planning-tab-${key}"]`);
    expect(tab('plan').attributes('aria-selected')).toBe('true');
    expect(wrapper.find('[data-testid="plan-tab"]').exists()).toBe(true);
    await tab('plan').trigger('keydown', { key: 'ArrowRight' });
    await flushPromises();
    expect(tab('quarters').attributes('aria-selected')).toBe('true');
    expect(wrapper.find('[data-testid="quarters-tab"]').exists()).toBe(true);
  });

  it('is opened from the header by Bappeda, and the header marks an earlier plan read-only', async () => {
    const earlier = { ...sampleOverview(), readOnly: true };
    const backend = createFakeBackend({
      ...SAMPLE_BAPPEDA,
      overview: earlier,
      answers: { appStatus: sampleStatus({ ...SAMPLE_BAPPEDA, abilities: { ...SAMPLE_BAPPEDA_ABILITIES, readOnly: true } }) },
    });
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();
    expect(wrapper.get('[data-testid="plan-read-only"]').text()).toBe('Hanya baca');
    await click(wrapper, 'open-planning');
    expect(wrapper.find('[data-testid="planning-screen"]').exists()).toBe(true);
  });

  it('is not offered to an OPD', async () => {
    const { wrapper } = mountWithApp(App, { backend: createFakeBackend() });
    await flushPromises();
    expect(wrapper.find('[data-testid="open-planning"]').exists()).toBe(false);
  });
});

describe('the plan switcher in the header', () => {
  it('lets an OPD show an earlier plan it received, which then reads as read-only', async () => {
    const two = {
      ...sampleOverview(),
      plans: [
        { id: 'plan-wonosobo-2020', yearStart: 2020, yearEnd: 2022, active: true },
        { id: 'plan-wonosobo-2018', yearStart: 2018, yearEnd: 2019, active: false },
      ],
    };
    const current = { ...two, plan: { ...two.plan, id: 'plan-wonosobo-2020', yearStart: 2020, yearEnd: 2022 } };
    let shown = 'plan-wonosobo-2020';
    const backend = createFakeBackend({
      answers: {
        planOverview: () => (shown === 'plan-wonosobo-2020' ? current : { ...two, readOnly: true }),
        viewPlan: (planId) => {
          shown = planId;
          return samplePlanList();
        },
      },
    });
    const { wrapper } = mountWithApp(App, { backend });
    await flushPromises();
    const switcher = wrapper.get('[data-testid="plan-switcher"]');
    expect(switcher.findAll('option').map((o) => o.text())).toEqual(['2020–2022', '2018–2019 (hanya baca)']);
    expect(wrapper.find('[data-testid="plan-read-only"]').exists()).toBe(false);

    await switcher.setValue('plan-wonosobo-2018');
    await flushPromises();
    expect(backend.callsOf('viewPlan')).toEqual([['plan-wonosobo-2018']]);
    expect(wrapper.get('[data-testid="plan-read-only"]').text()).toBe('Hanya baca');
  });

  it('is not shown while the database holds one plan', async () => {
    const { wrapper } = mountWithApp(App, { backend: createFakeBackend() });
    await flushPromises();
    expect(wrapper.find('[data-testid="plan-switcher"]').exists()).toBe(false);
  });
});
