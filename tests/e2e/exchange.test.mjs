// Bappeda in the real window: publishes the plan package through the save
// dialog, and imports an OPD's report picked in the open dialog. The OPD's
// first key is never taken silently: the window shows its fingerprint's eight
// words, the clerk compares them with what the OPD reads out, and only
// "Terima" imports the report.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { allByTestId, answerFileDialog, byTestId, cli, launchApp, press, screenshot, tempDir } from './harness.mjs';

/** The eight words the OPD whose database is `db` reads out (its `renaksi info`). */
function fingerprintWords(db) {
  const line = cli('info', '--db', db)
    .split('\n')
    .find((l) => l.startsWith('Sidik jari'));
  assert.ok(line, 'renaksi info shows the fingerprint');
  return line.replace(/^Sidik jari\s*:\s*/, '').replace(/ \(.*\)$/, '');
}

/**
 * Bappeda's import of a report by the command line, confirming the OPD's
 * first key with the fingerprint the OPD (database `opdDb`) reads out.
 */
function cliImport(bappedaDb, report, code, opdDb) {
  return cli('import', '--db', bappedaDb, report, '--accept-new-key', `${code}=${fingerprintWords(opdDb)}`);
}

async function sizeWindow(browser, width, height) {
  await browser.setWindowSize(width, height);
  await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) === width, {
    timeout: 10000,
    timeoutMsg: `the window did not become ${width} px wide`,
  });
}

/**
 * Bappeda's import of one report in the window: picked in the dialog; when it
 * asks about the OPD's key, the clerk types `words` (what the OPD reads out)
 * and presses "Periksa dan terima". Before that, words that differ only in
 * the last one are refused in the window, and nothing is confirmed. Answers
 * the file's row.
 */
async function importInWindow(browser, report, words, shot = null) {
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
    const confirm = await row.$('[data-testid="key-confirm"]');
    await confirm.waitForDisplayed({ timeout: 10000 });
    assert.ok(!(await confirm.getText()).includes(words), 'the window does not show the words to copy');
    assert.match(await confirm.getText(), /nomor yang sudah dipegang Bappeda/);
    // Seven of the eight words right: the window refuses, nothing is sent.
    const spoken = words.split(' ');
    const nearly = [...spoken.slice(0, 7), spoken[7] === 'apel' ? 'bambu' : 'apel'].join(' ');
    await (await confirm.$('[data-testid="key-typed"]')).setValue(nearly);
    await press(await confirm.$('[data-testid="key-accept"]'));
    const mismatch = await confirm.$('[data-testid="key-mismatch"]');
    await mismatch.waitForDisplayed({ timeout: 10000 });
    assert.match(await mismatch.getText(), /Tidak cocok/);
    assert.equal(await row.getAttribute('data-status'), 'key_unconfirmed', 'nothing was confirmed');
    await (await confirm.$('[data-testid="key-typed"]')).setValue(words.toUpperCase());
    if (shot) {
      await sizeWindow(browser, 1366, 768);
      await browser.execute(() => {
        document.querySelector('[data-testid="import-row"]')?.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -16);
      });
      await screenshot(browser, shot);
      const overflow = await browser.execute(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the key confirmation is ${overflow} px wider than the 1366 px window`);
    }
    await press(await confirm.$('[data-testid="key-accept"]'));
    await browser.waitUntil(async () => (await row.getAttribute('data-status')) !== 'key_unconfirmed', {
      timeout: 30000,
      timeoutMsg: 'the confirmed import did not finish',
    });
  }
  return row;
}

test('Bappeda publishes the package and imports an OPD report picked in the dialog', async () => {
  const dir = tempDir();
  const bappedaDb = join(dir, 'bappeda', 'renaksi.db');
  mkdirSync(join(dir, 'bappeda'));
  cli('demo', '--db', bappedaDb);

  // DINSOS works in its own folder, with its own key, and sends its report.
  mkdirSync(join(dir, 'dinsos'));
  const dinsosDb = join(dir, 'dinsos', 'renaksi.db');
  cli('demo', '--db', dinsosDb, '--opd', 'DINSOS');
  const report = join(dir, 'laporan-dinsos-2019-tw1.xlsx');
  cli('export', '--db', dinsosDb, '--period', '2019-TW1', '--out', report);

  const app = await launchApp({ args: ['--db', bappedaDb] });
  const packageFile = join(dir, 'paket-rencana-aksi.xlsx');
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    await press(await byTestId(browser, 'open-exchange'));

    await press(await byTestId(browser, 'export-package'));
    answerFileDialog('Simpan paket rencana aksi', packageFile);
    await browser.waitUntil(async () => (await browser.$('body').getText()).includes(packageFile), {
      timeout: 20000,
      timeoutMsg: 'the package path was not shown',
    });

    // DINSOS reads out the words of its key; the window asks about them.
    const row = await importInWindow(browser, report, fingerprintWords(dinsosDb), 'bappeda-key-confirm-1366x768');
    assert.equal(await row.getAttribute('data-status'), 'accepted', await row.getText());
    assert.match(await row.getText(), /DINSOS/);
    assert.match(await (await row.$('[data-testid="import-key-accepted"]')).getText(), /Kunci OPD dikonfirmasi/);
    assert.match(await (await byTestId(browser, 'import-summary')).getText(), /1 diterima/);
    await browser.waitUntil(async () => (await allByTestId(browser, 'received-row')).length === 1, {
      timeout: 10000,
      timeoutMsg: 'the received list did not show the report',
    });
    await screenshot(browser, 'bappeda-import');
  } finally {
    await app.close();
  }

  // An OPD starts from the published package.
  assert.ok(existsSync(packageFile));
  const opdDb = join(dir, 'dukcapil.db');
  assert.match(cli('init', '--db', opdDb, '--package', packageFile, '--opd', 'DUKCAPIL', '--user', 'Budi'), /DUKCAPIL/);
  assert.match(cli('info', '--db', opdDb), /OPD DUKCAPIL \(Budi\)/);
});

test('the submission matrix shows who reported, and Bappeda verifies a report', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'bappeda'));
  const bappedaDb = join(dir, 'bappeda', 'renaksi.db');
  cli('demo', '--db', bappedaDb);
  mkdirSync(join(dir, 'dinkes'));
  const dinkesDb = join(dir, 'dinkes', 'renaksi.db');
  cli('demo', '--db', dinkesDb, '--opd', 'DINKES');
  const report = join(dir, 'laporan-dinkes.xlsx');
  cli('export', '--db', dinkesDb, '--period', '2019-TW1', '--out', report);
  cliImport(bappedaDb, report, 'DINKES', dinkesDb);

  const app = await launchApp({ args: ['--db', bappedaDb] });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    await press(await byTestId(browser, 'open-exchange'));
    const cell = await browser.$('[data-testid="matrix-cell"][data-opd="DINKES"][data-year="2019"][data-quarter="1"]');
    await cell.waitForDisplayed({ timeout: 20000 });
    assert.equal(await cell.getAttribute('data-state'), 'terlambat', 'arrived after 15 April 2019');
    await press(await cell.$('[data-testid="verify-cell"]'));
    await browser.waitUntil(async () => (await cell.getAttribute('data-state')) === 'diverifikasi', {
      timeout: 10000,
      timeoutMsg: 'the cell did not become diverifikasi',
    });
    await cell.scrollIntoView();
    await screenshot(browser, 'submission-matrix');
  } finally {
    await app.close();
  }
  assert.match(cli('matrix', '--db', bappedaDb).split('\n').find((l) => l.startsWith('DINKES')), /diverifikasi/);
});
