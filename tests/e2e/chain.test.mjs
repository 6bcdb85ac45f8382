// The whole chain in the real windows, for a regency that is not Wonosobo:
// a new Bappeda starts from "Mulai kosong" and writes its plan in the editor
// (4 OPDs, 2 themes, 3 actions), sets due dates, closes a quarter, marks the
// plan final and publishes the package; an OPD starts from that package in
// its own window, enters an indicator, targets and a realisation, finds the
// closed quarter locked and exports its report; Bappeda imports the report.
// The plan also travels as the Excel template the editor writes: a second
// new Bappeda starts from it in the window and has the same plan.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import {
  allByTestId,
  answerFileDialog,
  byTestId,
  cli,
  launchApp,
  press,
  screenshot,
  tempDir,
} from './harness.mjs';

const REGION = 'Kabupaten Temanggung';
const TITLE = 'Rencana Aksi Keterbukaan Pemerintah Kabupaten Temanggung 2020-2021';

const OPDS = [
  {
    code: 'DISKOMINFO',
    name: 'Dinas Komunikasi dan Informatika',
    shortName: 'Diskominfo',
    headName: 'Drs. Agus Setiawan, M.Si.',
    headTitle: 'Kepala Dinas',
    headNip: '197005122000031004',
  },
  {
    code: 'DINKES',
    name: 'Dinas Kesehatan',
    shortName: 'Dinkes',
    headName: 'dr. Ratna Dewi',
    headTitle: 'Kepala Dinas',
    headNip: '197203082001122002',
  },
  {
    code: 'DPMPTSP',
    name: 'Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu',
    shortName: 'DPMPTSP',
    headName: 'Budi Santoso, S.H.',
    headTitle: 'Kepala Dinas',
    headNip: '196911201995031001',
  },
  {
    code: 'BAPPEDA',
    name: 'Badan Perencanaan Pembangunan Daerah',
    shortName: 'Bappeda',
    headName: 'Ir. Sri Wahyuni, M.T.',
    headTitle: 'Kepala Badan',
    headNip: '196804151994032005',
  },
];

const THEMES = [
  { name: 'Keterbukaan Informasi Publik', description: 'Data dan dokumen publik terbuka dan mudah ditemukan.' },
  { name: 'Pelayanan Publik yang Partisipatif', description: 'Warga ikut menilai dan memperbaiki layanan.' },
];

const ACTIONS = [
  {
    code: 'RA-01',
    theme: 0,
    title: 'Portal satu data Kabupaten Temanggung',
    lead: 'DISKOMINFO',
    supporting: ['BAPPEDA'],
    problem: 'Data sektoral tersebar di banyak OPD dan sulit ditemukan warga.',
  },
  {
    code: 'RA-02',
    theme: 1,
    title: 'Survei kepuasan layanan puskesmas yang terbuka',
    lead: 'DINKES',
    supporting: ['DISKOMINFO'],
  },
  {
    code: 'RA-03',
    theme: 1,
    title: 'Pengaduan perizinan yang ditanggapi dalam lima hari kerja',
    lead: 'DPMPTSP',
    supporting: ['DISKOMINFO', 'BAPPEDA'],
  },
];

const INDICATOR = 'Jumlah dataset OPD yang terbit di portal satu data (uji rantai)';

async function sizeWindow(browser, width, height) {
  await browser.setWindowSize(width, height);
  await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) === width, {
    timeout: 10000,
    timeoutMsg: `the window did not become ${width} px wide`,
  });
}

/**
 * Bappeda's import of one report in the window: picked in the dialog; when it
 * asks about the OPD's key, the clerk types `words` (what the OPD read out
 * from its report screen) and presses "Periksa dan terima". Answers the row.
 */
async function importInWindow(browser, report, words) {
  await press(await byTestId(browser, 'pick-reports'));
  answerFileDialog('Pilih laporan OPD', report);
  const row = await byTestId(browser, 'import-row');
  await row.waitForExist({ timeout: 30000 });
  const settled = ['accepted', 'unchanged', 'rejected', 'key_unconfirmed'];
  await browser.waitUntil(async () => settled.includes(await row.getAttribute('data-status')), {
    timeout: 30000,
    timeoutMsg: 'the import did not finish',
  });
  if ((await row.getAttribute('data-status')) === 'key_unconfirmed') {
    await (await row.$('[data-testid="key-typed"]')).setValue(words);
    await press(await row.$('[data-testid="key-accept"]'));
    await browser.waitUntil(async () => (await row.getAttribute('data-status')) !== 'key_unconfirmed', {
      timeout: 30000,
      timeoutMsg: 'the confirmed import did not finish',
    });
  }
  return row;
}

/** A screenshot at 1366×768, from the top; nothing may run off the side. */
async function shoot(browser, name) {
  await sizeWindow(browser, 1366, 768);
  await browser.execute(() => window.scrollTo(0, 0));
  await screenshot(browser, `${name}-1366x768`);
  const overflow = await browser.execute(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name} is ${overflow} px wider than the 1366 px window`);
}

/**
 * A screenshot of an editor tab at 1366×768: the editor's intro and tab bar at the top of the
 * window, the tab below it; or, given `anchor` (a testid), that part of the tab `above` px
 * below the top.
 */
async function shootTab(browser, name, anchor = null, above = 16) {
  await sizeWindow(browser, 1366, 768);
  await browser.execute((id, margin) => {
    const top = id
      ? document.querySelector(`[data-testid="${id}"]`)
      : document.querySelector('[role="tablist"]')?.previousElementSibling;
    top?.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -margin);
  }, anchor, above);
  await screenshot(browser, `${name}-1366x768`);
  const overflow = await browser.execute(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name} is ${overflow} px wider than the 1366 px window`);
}

async function waitForText(browser, testId, pattern) {
  const element = await byTestId(browser, testId);
  await element.waitForDisplayed({ timeout: 20000 });
  await browser.waitUntil(async () => pattern.test(await element.getText()), {
    timeout: 20000,
    timeoutMsg: `${testId} did not come to say ${pattern}`,
  });
}

async function waitForCount(browser, testId, count) {
  await browser.waitUntil(async () => (await allByTestId(browser, testId)).length === count, {
    timeout: 20000,
    timeoutMsg: `there were not ${count} ${testId}`,
  });
}

/** Sets an input the way a person's typing would end, for inputs WebDriver cannot type into (date). */
async function setInput(browser, element, value) {
  await browser.execute(
    (el, v) => {
      el.value = v;
      el.dispatchEvent(new Event('input', { bubbles: true }));
      el.dispatchEvent(new Event('change', { bubbles: true }));
    },
    element,
    value,
  );
}

async function openTab(browser, key) {
  await press(await byTestId(browser, `planning-tab-${key}`));
  await (await byTestId(browser, `planning-panel-${key}`)).waitForDisplayed({ timeout: 20000 });
}

/** Ticks the checkboxes (by the code written next to them) among `testId` inside `scope`. */
async function tick(scope, testId, codes) {
  for (const box of await scope.$$(`[data-testid="${testId}"]`)) {
    const label = (await (await box.parentElement()).getText()).trim();
    if (codes.includes(label)) await press(box);
  }
}

async function optionValueByText(select, prefix) {
  for (const option of await select.$$('option')) {
    if ((await option.getText()).startsWith(prefix)) return option.getAttribute('value');
  }
  throw new Error(`no option starting with "${prefix}"`);
}

async function bappedaWritesThePlan(browser, templateFile) {
  await (await byTestId(browser, 'choose-empty')).waitForClickable({ timeout: 20000 });
  await press(await byTestId(browser, 'choose-empty'));
  const role = await byTestId(browser, 'profile-role');
  await role.waitForDisplayed({ timeout: 20000 });
  await role.selectByAttribute('value', 'bappeda');
  await (await byTestId(browser, 'profile-user-name')).setValue('Rina Kusumawati');
  await press(await byTestId(browser, 'profile-submit'));

  // The new plan.
  await (await byTestId(browser, 'plan-new')).waitForDisplayed({ timeout: 20000 });
  await sizeWindow(browser, 1366, 768);
  await (await byTestId(browser, 'plan-new-region')).setValue(REGION);
  await (await byTestId(browser, 'plan-new-title')).setValue(TITLE);
  const firstYear = await byTestId(browser, 'plan-new-first-year');
  await firstYear.clearValue();
  await firstYear.setValue('2020');
  const lastYear = await byTestId(browser, 'plan-new-last-year');
  await lastYear.clearValue();
  await lastYear.setValue('2021');
  await press(await byTestId(browser, 'plan-new-submit'));
  await waitForText(browser, 'plan-title', /Temanggung/);
  await waitForText(browser, 'plan-status', /Draf/);

  // OPD: the directory, with each head of office.
  await openTab(browser, 'opds');
  for (const [i, opd] of OPDS.entries()) {
    await press(await byTestId(browser, 'opd-add'));
    await (await byTestId(browser, 'opd-form')).waitForDisplayed({ timeout: 20000 });
    await (await byTestId(browser, 'opd-code')).setValue(opd.code);
    await (await byTestId(browser, 'opd-name')).setValue(opd.name);
    await (await byTestId(browser, 'opd-short-name')).setValue(opd.shortName);
    await (await byTestId(browser, 'opd-head-name')).setValue(opd.headName);
    await (await byTestId(browser, 'opd-head-title')).setValue(opd.headTitle);
    await (await byTestId(browser, 'opd-head-nip')).setValue(opd.headNip);
    if (i === OPDS.length - 1) await shootTab(browser, 'chain-editor-opds-form');
    await press(await byTestId(browser, 'opd-save'));
    await waitForCount(browser, 'opd-row', i + 1);
    await (await byTestId(browser, 'opd-form')).waitForExist({ reverse: true, timeout: 20000 });
  }
  await shootTab(browser, 'chain-editor-opds');

  // Tema: two themes, in order.
  await openTab(browser, 'themes');
  for (const [i, theme] of THEMES.entries()) {
    await press(await byTestId(browser, 'theme-add'));
    await (await byTestId(browser, 'theme-form')).waitForDisplayed({ timeout: 20000 });
    await (await byTestId(browser, 'theme-name')).setValue(theme.name);
    await (await byTestId(browser, 'theme-description')).setValue(theme.description);
    await press(await byTestId(browser, 'theme-save'));
    await waitForCount(browser, 'theme-row', i + 1);
    await (await byTestId(browser, 'theme-form')).waitForExist({ reverse: true, timeout: 20000 });
  }
  await shootTab(browser, 'chain-editor-themes');

  // Rencana Aksi: three actions, each with a lead and supporting OPDs.
  await openTab(browser, 'actions');
  for (const [i, action] of ACTIONS.entries()) {
    await press(await byTestId(browser, 'action-add'));
    const form = await byTestId(browser, 'action-form');
    await form.waitForDisplayed({ timeout: 20000 });
    await (await byTestId(browser, 'action-code')).setValue(action.code);
    const theme = await byTestId(browser, 'action-theme');
    await theme.selectByAttribute('value', await optionValueByText(theme, `${action.theme + 1}.`));
    await (await byTestId(browser, 'action-title')).setValue(action.title);
    const lead = await byTestId(browser, 'action-lead');
    await lead.selectByAttribute('value', await optionValueByText(lead, `${action.lead} ·`));
    await tick(form, 'action-supporting', action.supporting);
    await setInput(browser, await byTestId(browser, 'action-start'), '2020-01-01');
    await setInput(browser, await byTestId(browser, 'action-end'), '2021-12-31');
    if (action.problem) {
      // While the plan is a draft, Bappeda writes the narrative too.
      await (await byTestId(browser, 'action-problem')).setValue(action.problem);
      await (await byTestId(browser, 'action-description')).setValue(
        'Setiap OPD menerbitkan datasetnya di satu portal dengan lisensi terbuka.',
      );
      await (await byTestId(browser, 'action-contribution')).setValue('Warga dapat memeriksa data pembangunan.');
      await tick(form, 'action-ogp', ['Transparansi']);
      await (await byTestId(browser, 'action-cso')).setValue('Forum Warga Temanggung');
      await shootTab(browser, 'chain-editor-actions-form');
    }
    await press(await byTestId(browser, 'action-save'));
    await waitForCount(browser, 'action-row', i + 1);
    await (await byTestId(browser, 'action-form')).waitForExist({ reverse: true, timeout: 20000 });
  }
  await shootTab(browser, 'chain-editor-actions');

  // Predikat and Template: looked at, as they come for a new plan.
  await openTab(browser, 'bands');
  await (await byTestId(browser, 'plan-bands')).waitForDisplayed({ timeout: 20000 });
  await shootTab(browser, 'chain-editor-bands');

  // Triwulan: a due date changed, and the first quarter closed with its reason.
  await openTab(browser, 'quarters');
  await waitForCount(browser, 'quarter-row', 8);
  const rows = await allByTestId(browser, 'quarter-row');
  const due = await rows[1].$('[data-testid="quarter-due"]');
  assert.equal(await due.getValue(), '2020-07-10', 'due on the 10th day after the quarter');
  await setInput(browser, due, '2020-07-15');
  await press(await rows[1].$('[data-testid="quarter-due-save"]'));
  await waitForText(browser, 'quarters-message', /Batas waktu Triwulan II 2020 disimpan/);
  await (await rows[0].$('[data-testid="quarter-reason"]')).setValue('Triwulan I dilewati: rencana disahkan April 2020');
  await press(await rows[0].$('[data-testid="quarter-toggle"]'));
  await waitForText(browser, 'quarters-message', /Triwulan I 2020 ditutup/);
  assert.equal(await (await rows[0].$('[data-testid="quarter-state"]')).getText(), 'Ditutup');

  // Rencana: final, version 1.
  await openTab(browser, 'plan');
  await press(await byTestId(browser, 'plan-make-final'));
  await waitForText(browser, 'planning-message', /ditetapkan final \(versi 1\)/);
  await waitForText(browser, 'plan-status', /Final/);

  // Template Excel: the plan as a fill-in workbook, through the save dialog.
  await openTab(browser, 'template');
  await press(await byTestId(browser, 'template-export'));
  answerFileDialog('Simpan template rencana aksi', templateFile);
  await waitForText(browser, 'template-saved', /\.xlsx/);
  await shootTab(browser, 'chain-editor-template-saved');
}

test('a new regency runs the whole chain: plan editor, package, OPD report, import', async () => {
  const dir = tempDir('renaksi-chain-');
  const bappedaDir = join(dir, 'bappeda');
  const opdDir = join(dir, 'diskominfo');
  mkdirSync(bappedaDir);
  mkdirSync(opdDir);
  const packageFile = join(dir, 'paket-rencana-aksi-temanggung.xlsx');
  const reportFile = join(dir, 'laporan-diskominfo-2020-tw2.xlsx');
  /** The eight words of its key the OPD reads out to Bappeda (from its report screen). */
  let opdWords = null;
  const templateFile = join(dir, 'template-rencana-aksi-temanggung.xlsx');

  // 1 and 2: Bappeda, first start, writes and publishes the plan.
  let app = await launchApp({ dataDir: bappedaDir });
  try {
    const { browser } = app;
    await bappedaWritesThePlan(browser, templateFile);
    await press(await byTestId(browser, 'open-exchange'));
    await press(await byTestId(browser, 'export-package'));
    answerFileDialog('Simpan paket rencana aksi', packageFile);
    await browser.waitUntil(async () => (await browser.$('body').getText()).includes(packageFile), {
      timeout: 30000,
      timeoutMsg: 'the package path was not shown',
    });
    await shoot(browser, 'chain-bappeda-published');
  } finally {
    await app.close();
  }
  assert.ok(existsSync(packageFile), 'the package was written');
  const bappedaDb = join(bappedaDir, 'renaksi.db');
  assert.match(cli('plan', 'list', '--db', bappedaDb), /Temanggung.*\(final, versi 1\).*2020-TW1 s\.d\. 2021-TW4/);

  // 3: the OPD starts from the package in its own window.
  app = await launchApp({ dataDir: opdDir });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'choose-package')).waitForClickable({ timeout: 20000 });
    await press(await byTestId(browser, 'choose-package'));
    answerFileDialog('Pilih paket rencana aksi dari Bappeda', packageFile);
    await (await byTestId(browser, 'package-preview')).waitForDisplayed({ timeout: 30000 });
    assert.match(await (await byTestId(browser, 'package-region')).getText(), /Temanggung/);
    assert.match(await (await byTestId(browser, 'package-title')).getText(), /2020-2021/);
    assert.match(await (await byTestId(browser, 'package-version')).getText(), /1/);
    const role = await byTestId(browser, 'profile-role');
    const offered = [];
    for (const option of await role.$$('option')) offered.push(await option.getAttribute('value'));
    for (const opd of OPDS) assert.ok(offered.includes(opd.code), `${opd.code} is offered`);
    await role.selectByAttribute('value', 'DISKOMINFO');
    await (await byTestId(browser, 'profile-user-name')).setValue('Dimas Pratama');
    await shoot(browser, 'chain-opd-package-preview');
    await press(await byTestId(browser, 'profile-submit'));
    await waitForText(browser, 'plan-title', /Temanggung/);
    assert.match(await (await byTestId(browser, 'profile-badge')).getText(), /DISKOMINFO/);
    await shoot(browser, 'chain-opd-overview');

    // The action it leads: an indicator, its 2020 targets, a realisation in TW II.
    let opened = false;
    for (const card of await allByTestId(browser, 'action')) {
      if ((await (await card.$('[data-testid="action-code"]')).getText()) === 'RA-01') {
        await press(await card.$('[data-testid="open-action"]'));
        opened = true;
        break;
      }
    }
    assert.ok(opened, 'RA-01 is on the overview');
    await (await byTestId(browser, 'action-detail-back')).waitForDisplayed({ timeout: 20000 });
    await press(await byTestId(browser, 'add-indicator'));
    await (await byTestId(browser, 'indicator-description')).setValue(INDICATOR);
    await (await byTestId(browser, 'indicator-unit')).setValue('dataset');
    await (await byTestId(browser, 'indicator-polarity')).selectByAttribute('value', 'positif');
    await (await byTestId(browser, 'indicator-aggregation')).selectByAttribute('value', 'kumulatif');
    await press(await byTestId(browser, 'indicator-save'));
    await waitSaved(browser);

    let card = await indicatorCard(browser, INDICATOR);
    // The closed quarter (TW I 2020) is read-only: no input, a lock note.
    const closedTarget = await card.$('[data-testid="target-input"][data-year="2020"][data-quarter="1"]');
    assert.equal(await closedTarget.getAttribute('readonly'), 'true', 'the closed quarter\'s target is read-only');
    assert.ok(await (await card.$('[data-testid="lock-note"]')).isExisting(), 'the closed quarter is marked locked');
    for (const [quarter, value] of Object.entries({ 2: '10', 3: '20', 4: '30' })) {
      await (await card.$(`[data-testid="target-input"][data-year="2020"][data-quarter="${quarter}"]`)).setValue(value);
    }
    await press(await card.$('[data-testid="targets-save"][data-year="2020"]'));
    await waitSaved(browser);

    card = await indicatorCard(browser, INDICATOR);
    assert.equal(
      (await card.$$('[data-testid="realisation-edit"][data-year="2020"][data-quarter="1"]')).length,
      0,
      'no realisation edit in the closed quarter',
    );
    await press(await card.$('[data-testid="realisation-edit"][data-year="2020"][data-quarter="2"]'));
    await (await byTestId(browser, 'realisation-value')).setValue('8');
    await (await byTestId(browser, 'realisation-notes')).setValue('Delapan dataset terbit di portal satu data.');
    await (await byTestId(browser, 'realisation-obstacles')).setValue('Dua OPD belum menunjuk walidata.');
    await (await byTestId(browser, 'realisation-follow-up')).setValue('Surat edaran Sekda tentang walidata.');
    await press(await byTestId(browser, 'realisation-save'));
    await waitSaved(browser);
    // Capaian as of TW II 2020: cumulative target 10, realisation 8, 80,00 %.
    await (await byTestId(browser, 'detail-period-select')).selectByAttribute('value', '2020-2');
    await waitForText(browser, 'detail-achievement', /TW II 2020/);
    card = await indicatorCard(browser, INDICATOR);
    assert.match(await (await card.$('[data-testid="indicator-achievement"]')).getText(), /80,00/);
    await card.scrollIntoView();
    await screenshot(browser, 'chain-opd-action-1366x768');

    // The backend refuses a change in the closed quarter too.
    const id = await card.getAttribute('data-indicator-id');
    const refusal = await browser.execute(async (indicatorId) => {
      try {
        await window.__TAURI_INTERNALS__.invoke('save_targets', {
          input: { indicatorId, year: 2020, values: [5, 10, 20, 30] },
          period: null,
        });
        return { code: 'accepted' };
      } catch (error) {
        return error;
      }
    }, id);
    assert.equal(refusal.code, 'period_closed', JSON.stringify(refusal));
    assert.match(refusal.message, /Triwulan I 2020 sudah ditutup oleh Bappeda/);

    // The quarterly report, through the save dialog.
    await press(await byTestId(browser, 'action-detail-back'));
    await press(await byTestId(browser, 'open-report'));
    const period = await byTestId(browser, 'report-period');
    await period.waitForDisplayed({ timeout: 20000 });
    await period.selectByAttribute('value', '2020-2');
    await press(await byTestId(browser, 'report-export'));
    answerFileDialog('Simpan laporan OPD', reportFile);
    const result = await byTestId(browser, 'report-result');
    await result.waitForDisplayed({ timeout: 30000 });
    const said = await result.getText();
    assert.ok(said.includes(reportFile), said);
    assert.match(said, /Triwulan II 2020/);
    await shoot(browser, 'chain-opd-report');
    // The fingerprint the OPD reads out when Bappeda calls.
    const words = [];
    for (const word of await browser.$$('[data-testid="own-key-words"] .own-key__text')) words.push(await word.getText());
    assert.equal(words.length, 8, 'the report screen shows the eight words of the key');
    opdWords = words.join(' ');
    await (await byTestId(browser, 'own-key')).scrollIntoView({ block: 'center' });
    await screenshot(browser, 'chain-opd-own-key-1366x768');
  } finally {
    await app.close();
  }
  assert.ok(existsSync(reportFile), 'the report was written');

  // 4: Bappeda, relaunched on its data, imports the report.
  app = await launchApp({ dataDir: bappedaDir });
  try {
    const { browser } = app;
    await waitForText(browser, 'plan-title', /Temanggung/);
    await press(await byTestId(browser, 'open-exchange'));
    const row = await importInWindow(browser, reportFile, opdWords);
    assert.equal(await row.getAttribute('data-status'), 'accepted', await row.getText());
    assert.match(await row.getText(), /DISKOMINFO/);
    const cell = await browser.$('[data-testid="matrix-cell"][data-opd="DISKOMINFO"][data-year="2020"][data-quarter="2"]');
    await cell.waitForExist({ timeout: 20000 });
    // Received: on time or, the quarter being long past, late.
    assert.ok(['diterima', 'terlambat'].includes(await cell.getAttribute('data-state')), await cell.getAttribute('data-state'));
    await shoot(browser, 'chain-bappeda-imported');
    await cell.scrollIntoView({ block: 'center' });
    await screenshot(browser, 'chain-bappeda-matrix-1366x768');
  } finally {
    await app.close();
  }
  assert.ok(existsSync(templateFile), 'the template was written');
  // RA-03 (row 4 of Rencana Aksi) is the action supported by BAPPEDA and DISKOMINFO.
  const wrongTemplate = join(dir, 'template-salah.xlsx');
  replaceSharedString(templateFile, wrongTemplate, 'BAPPEDA, DISKOMINFO', 'BAPPEDA, DISKOMINFO2');

  // 5: another Bappeda starts from "Mulai kosong" with the template the first one wrote,
  // sees what it will add, applies it, and has the same plan.
  app = await launchApp();
  try {
    const { browser } = app;
    await (await byTestId(browser, 'choose-empty')).waitForClickable({ timeout: 20000 });
    await press(await byTestId(browser, 'choose-empty'));
    const role = await byTestId(browser, 'profile-role');
    await role.waitForDisplayed({ timeout: 20000 });
    await role.selectByAttribute('value', 'bappeda');
    await (await byTestId(browser, 'profile-user-name')).setValue('Rina Kusumawati');
    await press(await byTestId(browser, 'profile-submit'));
    await (await byTestId(browser, 'plan-new')).waitForDisplayed({ timeout: 20000 });
    assert.equal(await (await byTestId(browser, 'planning-tab-quarters')).isExisting(), false, 'no quarters without a plan');
    await openTab(browser, 'template');

    // A wrong supporting OPD in one action row: every wrong row is named, nothing is written.
    await press(await byTestId(browser, 'template-pick'));
    answerFileDialog('Pilih template rencana aksi', wrongTemplate);
    const problem = await byTestId(browser, 'template-problem');
    await problem.waitForDisplayed({ timeout: 30000 });
    assert.equal((await allByTestId(browser, 'template-problem')).length, 1);
    assert.match(
      await problem.getText(),
      /Sheet Rencana Aksi, baris 4, kolom Kode OPD pendukung: .*'DISKOMINFO2' tidak ada di sheet OPD/,
    );
    const apply = await byTestId(browser, 'template-apply');
    assert.ok(!(await apply.isExisting()) || !(await apply.isEnabled()), 'a wrong template cannot be applied');
    await shootTab(browser, 'chain-editor-template-problems', 'template-problems', 0);
    assert.equal(await (await byTestId(browser, 'planning-tab-quarters')).isExisting(), false, 'still no plan');

    await press(await byTestId(browser, 'template-pick'));
    answerFileDialog('Pilih template rencana aksi', templateFile);
    // The plan, 4 OPDs, 2 themes, 3 actions and 8 quarters.
    await waitForText(browser, 'template-summary', /18 ditambah, 0 diubah, 0 diarsipkan, 0 dihapus/);
    assert.equal(await (await byTestId(browser, 'template-problems')).isExisting(), false, 'no wrong rows');
    await shootTab(browser, 'chain-editor-template-preview', 'template-pick', 150);
    await press(await byTestId(browser, 'template-apply'));
    // The database holds a plan now: the window shows it, and the editor opens on it with every tab.
    await waitForText(browser, 'plan-title', /Temanggung/);
    await waitForText(browser, 'plan-region', /Kabupaten Temanggung/);
    await waitForText(browser, 'plan-span', /2020/);
    await shootTab(browser, 'chain-editor-template-applied');
    await openTab(browser, 'opds');
    await waitForCount(browser, 'opd-row', 4);
    await openTab(browser, 'themes');
    await waitForCount(browser, 'theme-row', 2);
    await openTab(browser, 'actions');
    await waitForCount(browser, 'action-row', 3);
    await openTab(browser, 'quarters');
    await waitForCount(browser, 'quarter-row', 8);
  } finally {
    await app.close();
  }
});

/**
 * Copies an .xlsx (a zip) with one text of its shared strings replaced, as a clerk typing a
 * wrong code into one cell would. Every entry is written again without data descriptors.
 */
function replaceSharedString(from, to, before, after) {
  const zip = readFileSync(from);
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let central = zip.readUInt32LE(end + 16);
  const locals = [];
  const entries = [];
  let offset = 0;
  for (let i = 0; i < count; i += 1) {
    const method = zip.readUInt16LE(central + 10);
    const time = zip.readUInt32LE(central + 12);
    let crc = zip.readUInt32LE(central + 16);
    const packedSize = zip.readUInt32LE(central + 20);
    let size = zip.readUInt32LE(central + 24);
    const nameLength = zip.readUInt16LE(central + 28);
    const skip = nameLength + zip.readUInt16LE(central + 30) + zip.readUInt16LE(central + 32);
    const local = zip.readUInt32LE(central + 42);
    const name = zip.subarray(central + 46, central + 46 + nameLength);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    let data = zip.subarray(start, start + packedSize);
    if (name.toString() === 'xl/sharedStrings.xml') {
      const xml = inflateRawSync(data).toString('utf8');
      assert.ok(xml.includes(`<t>${before}</t>`), `the template holds "${before}"`);
      const changed = Buffer.from(xml.replace(`<t>${before}</t>`, `<t>${after}</t>`), 'utf8');
      crc = crc32(changed);
      size = changed.length;
      data = deflateRawSync(changed);
    }
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(method, 8);
    header.writeUInt32LE(time, 10);
    header.writeUInt32LE(crc, 14);
    header.writeUInt32LE(data.length, 18);
    header.writeUInt32LE(size, 22);
    header.writeUInt16LE(nameLength, 26);
    locals.push(header, name, data);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(method, 10);
    entry.writeUInt32LE(time, 12);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(nameLength, 28);
    entry.writeUInt32LE(offset, 42);
    entries.push(entry, name);
    offset += 30 + nameLength + data.length;
    central += 46 + skip;
  }
  const directory = Buffer.concat(entries);
  const tail = Buffer.alloc(22);
  tail.writeUInt32LE(0x06054b50, 0);
  tail.writeUInt16LE(count, 8);
  tail.writeUInt16LE(count, 10);
  tail.writeUInt32LE(directory.length, 12);
  tail.writeUInt32LE(offset, 16);
  writeFileSync(to, Buffer.concat([...locals, directory, tail]));
}

async function indicatorCard(browser, text) {
  let found;
  await browser.waitUntil(
    async () => {
      for (const card of await allByTestId(browser, 'indicator')) {
        if ((await card.getText()).includes(text)) {
          found = card;
          return true;
        }
      }
      return false;
    },
    { timeout: 20000, timeoutMsg: `no indicator showing "${text}"` },
  );
  return found;
}

async function waitSaved(browser) {
  const status = await byTestId(browser, 'save-status');
  await status.waitForDisplayed({ timeout: 20000 });
  await browser.waitUntil(async () => /Tersimpan/.test(await status.getText()), {
    timeout: 20000,
    timeoutMsg: 'the save was not confirmed',
  });
}
