// Bappeda in the real window: publishes the plan package through the save
// dialog, and imports an OPD's report picked in the open dialog.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { allByTestId, answerFileDialog, byTestId, cli, launchApp, press, screenshot, tempDir } from './harness.mjs';

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

    await press(await byTestId(browser, 'pick-reports'));
    answerFileDialog('Pilih laporan OPD', report);
    const row = await byTestId(browser, 'import-row');
    await row.waitForExist({ timeout: 30000 });
    await browser.waitUntil(async () => ['accepted', 'rejected'].includes(await row.getAttribute('data-status')), {
      timeout: 30000,
      timeoutMsg: 'the import did not finish',
    });
    assert.equal(await row.getAttribute('data-status'), 'accepted', await row.getText());
    assert.match(await row.getText(), /DINSOS/);
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
  cli('import', '--db', bappedaDb, report);

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
