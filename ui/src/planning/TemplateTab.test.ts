// The plan template tab at Bappeda, against the fake backend: the template is
// saved through the save dialog; a picked file is previewed before anything
// is written, its wrong rows are listed with sheet, row and column, and only a
// clean preview can be applied.
import { flushPromises } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { TemplatePreview } from '../api/types';
import { createFakeBackend, sampleTemplatePreview, type FakeBackendOptions } from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import TemplateTab from './TemplateTab.vue';

const BAPPEDA = { role: 'bappeda', opdCode: null, userName: 'Admin Bappeda' } as const;

async function mountTab(fake: FakeBackendOptions = {}, language: 'id' | 'en' = 'id') {
  const backend = createFakeBackend({ profile: BAPPEDA, ...fake });
  const mounted = mountWithApp(TemplateTab, { backend, language });
  await flushPromises();
  return mounted;
}

const WRONG: TemplatePreview = sampleTemplatePreview({
  problems: [
    {
      sheet: 'Rencana Aksi',
      row: 7,
      column: 'Kode OPD pelaksana',
      message: "OPD 'DISKOMINFO2' tidak ada di sheet OPD.",
      key: 'unknownOpd',
      args: { code: 'DISKOMINFO2' },
    },
    { sheet: 'Rencana', row: 0, column: '', message: 'Sebuah kalimat dari Rust.', key: 'somethingNew', args: {} },
  ],
  problemCount: 3,
  added: [],
  changed: [],
  archived: [],
});

describe('TemplateTab', () => {
  it('saves the template through the save dialog and says where', async () => {
    const { wrapper, backend } = await mountTab();
    await wrapper.get('[data-testid="template-export"]').trigger('click');
    await flushPromises();
    expect(backend.callsOf('exportPlanTemplate')).toHaveLength(1);
    expect(wrapper.get('[data-testid="template-saved"]').text()).toContain('template-rencana-aksi-wonosobo-2018-2019.xlsx');
  });

  it('shows what a picked template would change before applying it, then applies it', async () => {
    const { wrapper, backend } = await mountTab();
    await wrapper.get('[data-testid="template-pick"]').trigger('click');
    await flushPromises();
    expect(backend.callsOf('previewPlanTemplate')).toEqual([['template-1']]);
    expect(backend.callsOf('importPlanTemplate')).toEqual([]);
    expect(wrapper.get('[data-testid="template-summary"]').text()).toBe('1 ditambah, 1 diubah, 1 diarsipkan, 0 dihapus.');
    expect(wrapper.get('[data-testid="template-added"]').text()).toContain('RA-09 Open data kependudukan');
    expect(wrapper.get('[data-testid="template-changed"]').text()).toContain(
      'Judul: Penyiapan Jaminan Kesehatan → Jaminan Kesehatan Semesta',
    );
    expect(wrapper.get('[data-testid="template-archived"]').text()).toContain('RA-08 Perizinan daring');

    await wrapper.get('[data-testid="template-apply"]').trigger('click');
    await flushPromises();
    expect(backend.callsOf('importPlanTemplate')).toEqual([['template-1']]);
    expect(wrapper.find('[data-testid="template-preview"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="template-applied"]').text()).toContain('template-rencana-aksi.xlsx');
    expect(wrapper.emitted('changed')).toHaveLength(1);
  });

  it('lists every wrong row with its sheet, row and column and offers no apply', async () => {
    const { wrapper, backend } = await mountTab({ answers: { previewPlanTemplate: WRONG } });
    await wrapper.get('[data-testid="template-pick"]').trigger('click');
    await flushPromises();
    const problems = wrapper.findAll('[data-testid="template-problem"]').map((p) => p.text());
    expect(problems).toEqual([
      "Sheet Rencana Aksi, baris 7, kolom Kode OPD pelaksana: OPD 'DISKOMINFO2' tidak ada di sheet OPD.",
      // A key the window does not know: the backend's sentence.
      'Sheet Rencana: Sebuah kalimat dari Rust.',
    ]);
    expect(wrapper.get('[data-testid="template-problems"]').text()).toContain('3 kesalahan; tidak ada yang disimpan.');
    expect(wrapper.get('[data-testid="template-problems"]').text()).toContain('dan 1 kesalahan lainnya');
    expect(wrapper.find('[data-testid="template-apply"]').exists()).toBe(false);
    expect(backend.callsOf('importPlanTemplate')).toEqual([]);
  });

  it('names the place in English in the English window', async () => {
    const { wrapper } = await mountTab({ answers: { previewPlanTemplate: WRONG } }, 'en');
    await wrapper.get('[data-testid="template-pick"]').trigger('click');
    await flushPromises();
    expect(wrapper.findAll('[data-testid="template-problem"]')[0]!.text()).toBe(
      "Sheet Rencana Aksi, row 7, column Kode OPD pelaksana: OPD 'DISKOMINFO2' is not on the OPD sheet.",
    );
  });

  it('says so when the file matches the plan, and when the dialog is cancelled', async () => {
    const same = sampleTemplatePreview({ added: [], changed: [], archived: [] });
    const { wrapper } = await mountTab({ answers: { previewPlanTemplate: same } });
    await wrapper.get('[data-testid="template-pick"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="template-summary"]').text()).toContain('Tidak ada perubahan');
    expect(wrapper.get('[data-testid="template-apply"]').attributes('disabled')).toBeDefined();

    const cancelled = await mountTab({ fileDialog: 'cancel' });
    await cancelled.wrapper.get('[data-testid="template-pick"]').trigger('click');
    await flushPromises();
    expect(cancelled.wrapper.find('[data-testid="template-cancelled"]').exists()).toBe(true);
    expect(cancelled.backend.callsOf('previewPlanTemplate')).toEqual([]);
  });

  it('shows a refused apply in the alert', async () => {
    const refusal = { code: 'template_invalid', message: 'Template rencana aksi ditolak (1 kesalahan); tidak ada yang disimpan.' };
    const { wrapper } = await mountTab({ failures: { importPlanTemplate: refusal } });
    await wrapper.get('[data-testid="template-pick"]').trigger('click');
    await flushPromises();
    await wrapper.get('[data-testid="template-apply"]').trigger('click');
    await flushPromises();
    expect(wrapper.text()).toContain('Template rencana aksi ditolak (1 kesalahan)');
    expect(wrapper.emitted('changed')).toBeUndefined();
  });
});
