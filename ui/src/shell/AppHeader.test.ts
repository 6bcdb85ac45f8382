import { describe, expect, it } from 'vitest';
import { SAMPLE_BAPPEDA, SAMPLE_OPD, sampleOverview } from '../testing/samples';
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

  it('shows who works here: Bappeda or the OPD, with the user name', () => {
    const bappeda = mountWithApp(AppHeader, {
      props: { plan: null, ...SAMPLE_BAPPEDA },
    }).wrapper;
    expect(bappeda.get('[data-testid="profile-badge"]').text()).toBe('Bappeda · Admin Bappeda');
    const opd = mountWithApp(AppHeader, {
      props: { plan: null, ...SAMPLE_OPD },
    }).wrapper;
    expect(opd.get('[data-testid="profile-badge"]').text()).toBe('OPD DINKES · Sari');
    expect(mountWithApp(AppHeader, { props: { plan: null } }).wrapper.find('[data-testid="profile-badge"]').exists()).toBe(false);
  });

  it('offers the screens the app status says this profile may use, not what its role suggests', () => {
    const plan = sampleOverview().plan;
    const shown = (abilities: typeof SAMPLE_OPD.abilities | null) =>
      mountWithApp(AppHeader, { props: { plan, profile: SAMPLE_OPD.profile, abilities } })
        .wrapper.findAll('button.app-header__report')
        .map((button) => button.attributes('data-testid'));
    expect(shown(SAMPLE_OPD.abilities)).toContain('open-report');
    expect(shown(SAMPLE_OPD.abilities)).not.toContain('open-exchange');
    expect(shown(SAMPLE_OPD.abilities)).toContain('open-feedback');
    expect(shown(SAMPLE_BAPPEDA.abilities)).not.toContain('open-feedback');
    // An OPD profile whose answer says otherwise gets what the answer says.
    const reversed = { ...SAMPLE_OPD.abilities, exportReport: false, importReports: true };
    expect(shown(reversed)).not.toContain('open-report');
    expect(shown(reversed)).toContain('open-exchange');
    // No answer yet: nothing that needs one.
    expect(shown(null)).toEqual(['open-presentation', 'open-cocreation', 'open-dashboard', 'open-backup']);
  });

  it('offers the quarterly report to an OPD with a plan, and not to Bappeda', async () => {
    const plan = sampleOverview().plan;
    const opd = mountWithApp(AppHeader, {
      props: { plan, ...SAMPLE_OPD },
    }).wrapper;
    const button = opd.get('[data-testid="open-report"]');
    expect(button.text()).toBe('Laporan triwulan');
    expect(button.attributes('aria-current')).toBeUndefined();
    await button.trigger('click');
    expect(opd.emitted('open-report')).toHaveLength(1);

    const bappeda = mountWithApp(AppHeader, {
      props: { plan, ...SAMPLE_BAPPEDA },
    }).wrapper;
    expect(bappeda.find('[data-testid="open-report"]').exists()).toBe(false);
    const noPlan = mountWithApp(AppHeader, {
      props: { plan: null, ...SAMPLE_OPD },
    }).wrapper;
    expect(noPlan.find('[data-testid="open-report"]').exists()).toBe(false);
  });

  it('marks the report button as the current page while the report is open', () => {
    const { wrapper } = mountWithApp(AppHeader, {
      props: {
        plan: sampleOverview().plan,
        ...SAMPLE_OPD,
        current: 'report',
      },
      language: 'en',
    });
    const button = wrapper.get('[data-testid="open-report"]');
    expect(button.attributes('aria-current')).toBe('page');
    expect(button.text()).toBe('Quarterly report');
  });

  it('offers the incoming reports to Bappeda with a plan, and not to an OPD', async () => {
    const plan = sampleOverview().plan;
    const bappeda = mountWithApp(AppHeader, {
      props: { plan, ...SAMPLE_BAPPEDA },
    }).wrapper;
    const button = bappeda.get('[data-testid="open-exchange"]');
    expect(button.text()).toBe('Laporan masuk');
    await button.trigger('click');
    expect(bappeda.emitted('open-exchange')).toHaveLength(1);

    const opd = mountWithApp(AppHeader, {
      props: { plan, ...SAMPLE_OPD },
    }).wrapper;
    expect(opd.find('[data-testid="open-exchange"]').exists()).toBe(false);
    const noPlan = mountWithApp(AppHeader, {
      props: { plan: null, ...SAMPLE_BAPPEDA },
    }).wrapper;
    expect(noPlan.find('[data-testid="open-exchange"]').exists()).toBe(false);
  });
});
