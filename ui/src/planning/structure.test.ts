// The OPD, Tema and Rencana Aksi tabs of the plan editor against the fake
// backend: what they send, the refusal on its field, archive with a reason,
// delete only what nothing refers to, and `changed` after each saved change.
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { PlanStructure } from '../api/types';
import ArchivedSection from '../plan/ArchivedSection.vue';
import {
  createFakeBackend,
  inTurn,
  Refusal,
  SAMPLE_OPD_ABILITIES,
  sampleDetail,
  sampleStructure,
  type Answers,
} from '../testing/fakeBackend';
import ActionDetail from '../workspace/ActionDetail.vue';
import { mountWithApp } from '../testing/mount';
import StructureActionsTab from './StructureActionsTab.vue';
import StructureOpdsTab from './StructureOpdsTab.vue';
import StructureThemesTab from './StructureThemesTab.vue';
import { PLAN_EDITOR_TABS } from './tabs';

async function mountTab(component: object, answers: Answers = {}, structure: PlanStructure = sampleStructure()) {
  const backend = createFakeBackend({ structure, answers });
  const mounted = mountWithApp(component, { backend });
  await flushPromises();
  return { ...mounted, fake: backend };
}

describe('the structure tabs', () => {
  it('are registered for the plan editor and load their components', async () => {
    const keys = PLAN_EDITOR_TABS.map((tab) => tab.key);
    expect(keys).toEqual(expect.arrayContaining(['opds', 'themes', 'actions']));
    for (const tab of PLAN_EDITOR_TABS.filter((x) => ['opds', 'themes', 'actions'].includes(x.key))) {
      expect(await tab.component()).toBeTruthy();
    }
  });

  it('adds an OPD, shows the refusal on its field, then saves and tells the screen', async () => {
    const refused = new Refusal({ code: 'invalid', field: 'headNip', message: 'NIP terdiri atas 18 angka; kosongkan bila belum diketahui.' });
    const { wrapper, fake } = await mountTab(StructureOpdsTab, { saveOpd: inTurn(refused, sampleStructure()) });
    expect(wrapper.findAll('[data-testid="opd-row"]')).toHaveLength(2);
    await wrapper.get('[data-testid="opd-add"]').trigger('click');
    await wrapper.get('[data-testid="opd-code"]').setValue('diskominfo');
    await wrapper.get('[data-testid="opd-name"]').setValue('Dinas Komunikasi dan Informatika');
    await wrapper.get('[data-testid="opd-head-nip"]').setValue('1970');
    await wrapper.get('[data-testid="opd-form"]').trigger('submit');
    await flushPromises();
    const nip = wrapper.get('[data-testid="opd-head-nip"]');
    expect(nip.attributes('aria-invalid')).toBe('true');
    expect(wrapper.get('[data-testid="field-error"]').text()).toContain('18 angka');
    expect(wrapper.emitted('changed')).toBeUndefined();

    await nip.setValue('19700101 199503 1 001');
    await wrapper.get('[data-testid="opd-form"]').trigger('submit');
    await flushPromises();
    expect(fake.callsOf('saveOpd')[1]?.[0]).toMatchObject({ id: null, code: 'diskominfo', headNip: '19700101 199503 1 001' });
    expect(wrapper.find('[data-testid="opd-form"]').exists()).toBe(false);
    expect(wrapper.emitted('changed')).toHaveLength(1);
    expect(wrapper.text()).toContain('Tersimpan');
  });

  it('offers delete for an unused OPD, archive with a reason for one in use, and restore for an archived one', async () => {
    const { wrapper, fake } = await mountTab(StructureOpdsTab, {
      archiveStructureRow: inTurn<PlanStructure>(new Refusal({ code: 'invalid', field: 'reason', message: 'Tulis alasan pengarsipan.' }), sampleStructure()),
    });
    const rows = wrapper.findAll('[data-testid="opd-row"]');
    const [dinkes, diskominfo] = rows;
    expect(dinkes?.find('[data-testid="row-delete"]').exists()).toBe(false);
    expect(diskominfo?.find('[data-testid="row-archive"]').exists()).toBe(false);

    await diskominfo!.get('[data-testid="row-delete"]').trigger('click');
    await diskominfo!.get('[data-testid="confirm-yes"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('deleteStructureRow')).toEqual([['opd', 'opd-diskominfo']]);

    await dinkes!.get('[data-testid="row-archive"]').trigger('click');
    await dinkes!.get('[data-testid="archive-form"]').trigger('submit');
    await flushPromises();
    expect(dinkes!.get('[data-testid="archive-reason"]').attributes('aria-invalid')).toBe('true');
    await dinkes!.get('[data-testid="archive-reason"]').setValue('Digabung dengan Dinsos');
    await dinkes!.get('[data-testid="archive-form"]').trigger('submit');
    await flushPromises();
    expect(fake.callsOf('archiveStructureRow')[1]).toEqual(['opd', 'opd-dinkes', 'Digabung dengan Dinsos']);

    // The archived RSUD shows only when asked, with its reason and restore.
    await wrapper.get('[data-testid="show-archived"]').setValue(true);
    const rsud = wrapper.findAll('[data-testid="opd-row"]')[2]!;
    expect(rsud.get('[data-testid="archived-reason"]').text()).toContain('Menjadi BLUD');
    await rsud.get('[data-testid="row-unarchive"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('unarchiveStructureRow')).toEqual([['opd', 'opd-rsud']]);
  });

  it('moves a theme down by sending the whole order, and undoes the last change', async () => {
    const { wrapper, fake } = await mountTab(StructureThemesTab, { undoStructureChange: sampleStructure() });
    const first = wrapper.findAll('[data-testid="theme-row"]')[0]!;
    expect(first.get('[data-testid="theme-up"]').attributes('disabled')).toBeDefined();
    await first.get('[data-testid="theme-down"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('reorderThemes')).toEqual([[['theme-2', 'theme-1']]]);
    await wrapper.get('[data-testid="structure-undo"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('undoStructureChange')).toHaveLength(1);
    expect(wrapper.emitted('changed')).toHaveLength(2);
  });

  it('saves an action with its theme, lead, supporting OPDs, dates and OGP fields', async () => {
    const refused = new Refusal({ code: 'invalid', field: 'endDate', message: 'Tanggal selesai harus sama dengan atau sesudah tanggal mulai.' });
    const { wrapper, fake } = await mountTab(StructureActionsTab, { savePlanAction: inTurn(refused, sampleStructure()) });
    // RA-02 is archived: listed only when asked.
    expect(wrapper.findAll('[data-testid="action-row"]')).toHaveLength(1);
    await wrapper.get('[data-testid="action-add"]').trigger('click');
    await wrapper.get('[data-testid="action-code"]').setValue('RA-03');
    await wrapper.get('[data-testid="action-title"]').setValue('Portal data terbuka');
    await wrapper.get('[data-testid="action-lead"]').setValue('opd-dinkes');
    const support = wrapper.findAll('[data-testid="action-supporting"]');
    // The lead is not offered as a supporting OPD; the archived RSUD is not either.
    expect(support).toHaveLength(1);
    await support[0]!.setValue(true);
    await wrapper.get('[data-testid="action-start"]').setValue('2019-06-01');
    await wrapper.get('[data-testid="action-end"]').setValue('2019-01-01');
    await wrapper.get('[data-testid="action-problem"]').setValue('Data tersebar');
    await wrapper.findAll('[data-testid="action-ogp"]')[0]!.setValue(true);
    await wrapper.get('[data-testid="action-form"]').trigger('submit');
    await flushPromises();
    expect(wrapper.get('[data-testid="action-end"]').attributes('aria-invalid')).toBe('true');

    await wrapper.get('[data-testid="action-end"]').setValue('2019-12-31');
    await wrapper.get('[data-testid="action-form"]').trigger('submit');
    await flushPromises();
    expect(fake.callsOf('savePlanAction')[1]?.[0]).toEqual({
      id: null,
      themeId: 'theme-1',
      code: 'RA-03',
      title: 'Portal data terbuka',
      leadOpdId: 'opd-dinkes',
      supportingOpdIds: ['opd-diskominfo'],
      startDate: '2019-06-01',
      endDate: '2019-12-31',
      problem: 'Data tersebar',
      description: '',
      contribution: '',
      ogpValues: ['transparansi'],
      csoPartners: '',
    });
    expect(wrapper.find('[data-testid="action-form"]').exists()).toBe(false);
  });

  it('leaves the narrative read-only where the backend says so, and shows an archived action with its reason', async () => {
    const final = sampleStructure();
    final.canEditNewNarrative = false;
    final.actions = final.actions.map((a) => ({ ...a, canEditNarrative: false }));
    const { wrapper } = await mountTab(StructureActionsTab, {}, final);
    await wrapper.get('[data-testid="row-edit"]').trigger('click');
    expect(wrapper.find('[data-testid="narrative-read-only"]').exists()).toBe(true);
    expect(wrapper.get('[data-testid="action-problem"]').attributes('readonly')).toBeDefined();
    await wrapper.get('[data-testid="action-cancel"]').trigger('click');
    await wrapper.get('[data-testid="show-archived"]').setValue(true);
    const archived = wrapper.findAll('[data-testid="action-row"]')[1]!;
    expect(archived.get('[data-testid="archived-reason"]').text()).toContain('Digabung ke RA-01');
    expect(archived.find('[data-testid="row-edit"]').exists()).toBe(false);
  });

  it('offers no change to a profile that may not edit', async () => {
    const readOnly = { ...sampleStructure(), canEdit: false, canEditNewNarrative: false };
    for (const tab of [StructureOpdsTab, StructureThemesTab, StructureActionsTab]) {
      const { wrapper } = await mountTab(tab, {}, readOnly);
      expect(wrapper.find('[data-testid="row-tools"]').exists()).toBe(false);
      expect(wrapper.find('button.button--primary').exists()).toBe(false);
    }
  });
});

describe('archived rows elsewhere', () => {
  it('the overview lists archived themes and actions only when opened, each with its reason', async () => {
    const archived = {
      themes: [{ id: 'theme-3', seq: 3, name: 'Desa Terbuka', archived: { at: '2019-03-01T02:00:00Z', reason: 'Tema ditutup' } }],
      actions: [
        {
          id: 'action-9',
          code: 'RA-09',
          title: 'Portal desa',
          themeName: 'Desa Terbuka',
          leadOpd: { code: 'DINKES', name: 'Dinas Kesehatan' },
          archived: { at: '2019-03-01T02:00:00Z', reason: 'Tema ditutup' },
        },
      ],
    };
    const { wrapper } = mountWithApp(ArchivedSection, { props: { archived } });
    expect(wrapper.get('[data-testid="archived-section"]').attributes('open')).toBeUndefined();
    expect(wrapper.get('summary').text()).toBe('Diarsipkan (2)');
    expect(wrapper.get('[data-testid="archived-action"]').text()).toContain('Tema ditutup');
    await wrapper.get('[data-testid="archived-open"]').trigger('click');
    expect(wrapper.emitted('open')).toEqual([['action-9']]);
    const none = mountWithApp(ArchivedSection, { props: { archived: { themes: [], actions: [] } } });
    expect(none.wrapper.find('[data-testid="archived-section"]').exists()).toBe(false);
  });

  it('the workspace says why an action is archived and marks its rows', async () => {
    const detail = sampleDetail();
    detail.action.archived = { at: '2019-03-01T02:00:00Z', reason: 'Digabung ke RA-02' };
    detail.milestones = detail.milestones.map((m) => ({ ...m, archived: true, canEdit: false }));
    const backend = createFakeBackend({ detail });
    const { wrapper } = mountWithApp(ActionDetail, {
      backend,
      attachTo: document.body,
      props: { actionId: 'action-1', initialPeriod: { year: 2019, quarter: 2 }, abilities: SAMPLE_OPD_ABILITIES },
    });
    await flushPromises();
    expect(wrapper.get('[data-testid="detail-archived"]').text()).toContain('Digabung ke RA-02');
    expect(wrapper.findAll('[data-testid="archived-mark"]')).toHaveLength(detail.milestones.length);
    wrapper.unmount();
  });
});
