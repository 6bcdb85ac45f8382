import { type VueWrapper } from '@vue/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextTick } from 'vue';
import type { PlanOverview as PlanOverviewData } from '../api/types';
import { sampleOverview } from '../testing/samples';
import { mountWithApp } from '../testing/mount';
import PlanOverview from './PlanOverview.vue';
import { shown } from '../testing/visibility';

function render(overview: PlanOverviewData = sampleOverview(), language: 'id' | 'en' = 'id') {
  return mountWithApp(PlanOverview, { props: { overview }, language }).wrapper;
}

function shownCodes(wrapper: VueWrapper): string[] {
  // Cards that do not match are hidden (v-show), not removed.
  return wrapper
    .findAll('[data-testid="action-code"]')
    .filter((code) => shown(code.element))
    .map((code) => code.text());
}

describe('PlanOverview', () => {
  it('lists the themes in the plan order (seq), not the order received', () => {
    const names = render()
      .findAll('[data-testid="theme-name"]')
      .map((heading) => heading.text());
    expect(names).toEqual(['Tema 1 · Layanan Publik', 'Tema 2 · Keterbukaan Anggaran']);
  });

  it('shows each action with its code, title and lead OPD', () => {
    const cards = render().findAll('[data-testid="action"]');
    expect(cards).toHaveLength(2);
    const first = cards[0]!;
    expect(first.get('[data-testid="action-code"]').text()).toBe('RA-01');
    expect(first.get('[data-testid="action-title"]').text()).toBe('Sistem pengaduan layanan kesehatan terpadu');
    const lead = first.get('[data-testid="action-lead-opd"]').text();
    expect(lead).toContain('OPD pelaksana');
    expect(lead).toContain('Dinas Kesehatan (DINKES)');
    expect(first.get('[data-testid="action-supporting-opds"]').text()).toContain(
      'Dinas Komunikasi dan Informatika (DISKOMINFO)',
    );
    expect(cards[1]!.get('[data-testid="action-lead-opd"]').text()).toContain('Dinas Kependudukan dan Pencatatan Sipil');
  });

  it('puts each action under its own theme', () => {
    const themes = render().findAll('[data-testid="theme"]');
    expect(themes[0]!.findAll('[data-testid="action"]')).toHaveLength(2);
    expect(themes[1]!.findAll('[data-testid="action"]')).toHaveLength(0);
  });

  it('says so when a theme has no actions', () => {
    const secondTheme = render().findAll('[data-testid="theme"]')[1]!;
    expect(secondTheme.text()).toContain('Tema ini belum memiliki rencana aksi.');
  });

  it('labels OGP values in the UI language', () => {
    const labels = (language: 'id' | 'en') =>
      render(sampleOverview(), language)
        .findAll('[data-testid="action-ogp-value"]')
        .map((tag) => tag.text());
    expect(labels('id')).toEqual(['Transparansi', 'Teknologi & Inovasi', 'Partisipasi', 'Akuntabilitas']);
    expect(labels('en')).toEqual(['Transparency', 'Technology & Innovation', 'Participation', 'Accountability']);
  });

  it('shows the period with Indonesian dates, and says when there is none', () => {
    const periods = render()
      .findAll('[data-testid="action-period"]')
      .map((period) => period.text());
    expect(periods[0]).toContain('15 Juli 2018 – 31 Desember 2019');
    expect(periods[1]).toContain('Belum dijadwalkan');
  });

  it('shows English dates in the English UI', () => {
    const period = render(sampleOverview(), 'en').get('[data-testid="action-period"]').text();
    expect(period).toContain('15 July 2018 – 31 December 2019');
  });

  it('counts milestones and indicators', () => {
    const counts = render().get('[data-testid="action-counts"]').text();
    expect(counts).toContain('4 tonggak');
    expect(counts).toContain('2 indikator');
    const english = render(sampleOverview(), 'en').findAll('[data-testid="action-counts"]')[1]!.text();
    expect(english).toContain('1 milestone');
    expect(english).toContain('1 indicator');
    expect(english).not.toContain('milestones');
  });

  it('shows titles as plain text even when they look like markup', () => {
    const overview = sampleOverview();
    // themes[0] is Tema 2 (no actions), themes[1] is Tema 1.
    overview.themes[0]!.actions.push({
      ...overview.themes[1]!.actions[0]!,
      id: 'hostile',
      code: 'RA-09',
      title: '<b>tebal</b> {nama} @:link',
    });
    const card = render(overview).findAll('[data-testid="action"]')[2]!;
    expect(card.find('b').exists()).toBe(false);
    expect(card.get('[data-testid="action-title"]').text()).toBe('<b>tebal</b> {nama} @:link');
  });

  it('searches codes, titles, milestones and indicators, ignoring case and accents', async () => {
    const wrapper = render();
    await wrapper.get('[data-testid="search"]').setValue('uhc');
    expect(shownCodes(wrapper)).toEqual(['RA-01']);
    expect(wrapper.get('[data-testid="result-count"]').text()).toBe('1 dari 2 rencana aksi');

    await wrapper.get('[data-testid="search"]').setValue('SEMINAR');
    expect(shownCodes(wrapper)).toEqual(['RA-02']);
  });

  it('hides themes without a match and says when nothing matches', async () => {
    const wrapper = render();
    await wrapper.get('[data-testid="search"]').setValue('uhc');
    expect(wrapper.findAll('[data-testid="theme"]').filter((theme) => shown(theme.element))).toHaveLength(1);

    await wrapper.get('[data-testid="search"]').setValue('jembatan');
    expect(shownCodes(wrapper)).toEqual([]);
    expect(wrapper.get('[data-testid="result-count"]').text()).toBe('0 dari 2 rencana aksi');
    expect(wrapper.get('[data-testid="no-results"]').text()).toContain('Tidak ada rencana aksi yang cocok');

    await wrapper.get('[data-testid="clear-filters"]').trigger('click');
    expect(shownCodes(wrapper)).toEqual(['RA-01', 'RA-02']);
    expect(wrapper.find('[data-testid="no-results"]').exists()).toBe(false);
  });

  it('filters by OPD: lead, supporting, or owner of a milestone or indicator', async () => {
    const wrapper = render();
    const opds = wrapper.get('[data-testid="filter-opd"]');
    await opds.setValue('DISKOMINFO');
    expect(shownCodes(wrapper)).toEqual(['RA-01']);
    await opds.setValue('DINSOS');
    expect(shownCodes(wrapper)).toEqual(['RA-02']);
    await opds.setValue('');
    expect(shownCodes(wrapper)).toEqual(['RA-01', 'RA-02']);
  });

  it('filters by milestone status and by theme', async () => {
    const wrapper = render();
    await wrapper.get('[data-testid="filter-status"]').setValue('belum_dimulai');
    expect(shownCodes(wrapper)).toEqual(['RA-02']);
    await wrapper.get('[data-testid="filter-status"]').setValue('selesai');
    expect(shownCodes(wrapper)).toEqual(['RA-01']);
    await wrapper.get('[data-testid="filter-status"]').setValue('');

    await wrapper.get('[data-testid="filter-theme"]').setValue('theme-2');
    expect(
      wrapper
        .findAll('[data-testid="theme-name"]')
        .filter((h) => shown(h.element))
        .map((h) => h.text()),
    ).toEqual(['Tema 2 · Keterbukaan Anggaran']);
    expect(wrapper.text()).toContain('Tema ini belum memiliki rencana aksi.');
  });

  it('focuses the search box when "/" is pressed outside a field', async () => {
    const { wrapper } = mountWithApp(PlanOverview, { props: { overview: sampleOverview() }, attachTo: document.body });
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true }));
    expect(document.activeElement).toBe(wrapper.get('[data-testid="search"]').element);
  });

  it('lists the plan periods, shows the chosen one, and asks for another when picked', async () => {
    const wrapper = render();
    const select = wrapper.get('[data-testid="period-select"]');
    const options = select.findAll('option');
    expect(options.map((o) => o.attributes('value'))).toEqual([
      '2018-1', '2018-2', '2018-3', '2018-4', '2019-1', '2019-2', '2019-3', '2019-4',
    ]);
    expect(options[0]!.text()).toBe('Triwulan I 2018 (ditutup)');
    expect(options[2]!.text()).toBe('Triwulan III 2018');
    expect((select.element as HTMLSelectElement).value).toBe('2018-3');

    await select.setValue('2019-1');
    expect(wrapper.emitted('change-period')).toEqual([[{ year: 2019, quarter: 1 }]]);
  });

  it("shows each action's and theme's capaian with two decimals and its predikat", () => {
    const wrapper = render();
    const achievement = wrapper.get('[data-testid="action-achievement"]').text();
    expect(achievement).toContain('Capaian s.d. TW III 2018');
    expect(achievement).toContain('91,67%');
    expect(achievement).toContain('Sangat Tinggi');
    expect(achievement).toContain('1 dari 2 indikator terukur');

    const themes = wrapper.findAll('[data-testid="theme-achievement"]');
    expect(themes[0]!.text()).toContain('72,50%');
    expect(themes[0]!.text()).toContain('Sedang');
    // Tema 2 has no indicators: "-" with the reason.
    expect(themes[1]!.text()).toContain('-');
    expect(themes[1]!.text()).toContain('Belum ada indikator');
    expect(themes[1]!.get('[data-testid="no-value"]').attributes('title')).toBe('Belum ada indikator');
  });

  it('uses the predikat labels of the settings, and translates them in English', () => {
    const overview = sampleOverview();
    overview.grades[0]!.label = 'Istimewa';
    expect(render(overview).get('[data-testid="action-achievement"]').text()).toContain('Istimewa');
    expect(render(overview, 'en').get('[data-testid="action-achievement"]').text()).toContain('Very high');
  });

  it('opens an action with its title button', async () => {
    const wrapper = render();
    const buttons = wrapper.findAll('[data-testid="open-action"]');
    expect(buttons[1]!.element.tagName).toBe('BUTTON');
    await buttons[1]!.trigger('click');
    expect(wrapper.emitted('open-action')).toEqual([['action-2']]);
  });

  describe('with many actions', () => {
    /** The sample plan with its first theme holding `count` actions, RA-001.., the 30th about "embung desa". */
    function bigOverview(count: number): PlanOverviewData {
      const overview = sampleOverview();
      const theme = overview.themes.find((t) => t.actions.length > 0)!;
      const model = theme.actions[0]!;
      theme.actions = Array.from({ length: count }, (_, i) => ({
        ...model,
        id: `big-${i + 1}`,
        code: `RA-${String(i + 1).padStart(3, '0')}`,
        title: i === 29 ? 'Pendataan embung desa' : `Rencana aksi nomor ${i + 1}`,
      }));
      return overview;
    }

    afterEach(() => vi.restoreAllMocks());

    it('renders only the cards near the window, each with its place in the whole list', () => {
      const wrapper = render(bigOverview(200));
      const items = wrapper.get('[data-testid="theme-actions"]').findAll('li[data-id]');
      expect(items.length).toBeGreaterThan(0);
      expect(items.length).toBeLessThan(20);
      expect(items.map((li) => li.attributes('aria-setsize'))).toEqual(items.map(() => '200'));
      expect(items.map((li) => li.attributes('aria-posinset'))).toEqual(items.map((_, i) => String(i + 1)));
      // The count still speaks of every action.
      expect(wrapper.get('[data-testid="result-count"]').text()).toContain('200 dari 200');
    });

    it('finds with Ctrl+F a card that was not rendered, renders it and marks the text found', async () => {
      vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined);
      const { wrapper } = mountWithApp(PlanOverview, { props: { overview: bigOverview(200) }, attachTo: document.body });
      expect(wrapper.find('[data-id="big-30"]').exists()).toBe(false);
      document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'f', ctrlKey: true, bubbles: true, cancelable: true }));
      await nextTick();
      await nextTick();
      const input = wrapper.get('[data-testid="find-input"]');
      expect(document.activeElement).toBe(input.element);
      await input.setValue('EMBUNG');
      await nextTick();
      expect(wrapper.get('[data-testid="find-count"]').text()).toBe('1 dari 1');
      const card = wrapper.get('[data-id="big-30"]');
      expect(card.get('[data-testid="action"]').attributes('data-found')).toBe('true');
      expect(card.get('mark').text()).toBe('embung');
      // The filter narrows, the find goes through what is shown: nothing when the filter hides it.
      await wrapper.get('[data-testid="search"]').setValue('nomor');
      expect(wrapper.get('[data-testid="find-count"]').text()).toBe('Tidak ditemukan');
      // Escape closes the bar.
      await input.trigger('keydown', { key: 'Escape' });
      expect(wrapper.find('[data-testid="find-bar"]').exists()).toBe(false);
      wrapper.unmount();
    });
  });
});
