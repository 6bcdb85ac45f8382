import { describe, expect, it } from 'vitest';
import type { PlanOverview as PlanOverviewData } from '../api/types';
import { sampleOverview } from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import PlanOverview from './PlanOverview.vue';

function render(overview: PlanOverviewData = sampleOverview(), language: 'id' | 'en' = 'id') {
  return mountWithApp(PlanOverview, { props: { overview }, language }).wrapper;
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
});
