import { describe, expect, it } from 'vitest';
import { sampleOverview } from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import AppHeader from './AppHeader.vue';

describe('AppHeader', () => {
  it('shows the plan title, region, years, version and status', () => {
    const { wrapper } = mountWithApp(AppHeader, { props: { plan: sampleOverview().plan } });
    expect(wrapper.get('h1[data-testid="plan-title"]').text()).toContain('Kabupaten Wonosobo 2018-2019');
    const text = wrapper.text();
    expect(text).toContain('Renaksi');
    expect(text).toContain('Kabupaten Wonosobo');
    expect(text).toContain('2018–2019');
    expect(text).toContain('Versi 1');
    expect(wrapper.get('[data-testid="plan-status"]').text()).toBe('Final');
  });

  it('shows a draft plan as Draf, and Draft in English', () => {
    const plan = { ...sampleOverview().plan, status: 'draft' as const };
    expect(mountWithApp(AppHeader, { props: { plan } }).wrapper.get('[data-testid="plan-status"]').text()).toBe('Draf');
    expect(
      mountWithApp(AppHeader, { props: { plan }, language: 'en' }).wrapper.get('[data-testid="plan-status"]').text(),
    ).toBe('Draft');
  });

  it('has the language switch even without a plan', () => {
    const { wrapper } = mountWithApp(AppHeader, { props: { plan: null } });
    expect(wrapper.find('[data-testid="lang-switch"]').exists()).toBe(true);
    expect(wrapper.find('h1').exists()).toBe(false);
  });
});
