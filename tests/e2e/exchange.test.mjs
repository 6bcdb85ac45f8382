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
