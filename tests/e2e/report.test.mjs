// The OPD clerk's quarterly report screen in the real window: the signature
// block is filled in once and kept.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { answerFileDialog, byTestId, cli, launchApp, press, screenshot, tempDir } from './harness.mjs';

test('an OPD clerk fills in the signature block once and finds it again', async () => {
  const dir = tempDir();
  const db = join(dir, 'dinkes.db');
  cli('demo', '--db', db, '--opd', 'DINKES');
  let app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    await press(await byTestId(browser, 'open-report'));
    const name = await byTestId(browser, 'report-head-name');
    await name.waitForDisplayed({ timeout: 20000 });
    assert.ok((await name.getValue()).length > 0, 'prefilled from the OPD record');

    await (await byTestId(browser, 'report-nip')).setValue('12345');
    await press(await byTestId(browser, 'report-settings-save'));
    await browser.waitUntil(async () => /NIP terdiri dari 18 angka/.test(await browser.$('body').getText()), {
      timeout: 10000,
      timeoutMsg: 'the NIP message did not show',
    });

    await (await byTestId(browser, 'report-place')).setValue('Wonosobo');
    await name.setValue('dr. Sri Lestari, M.Kes.');
    await (await byTestId(browser, 'report-nip')).setValue('197003152000032001');
    await press(await byTestId(browser, 'report-settings-save'));
    await browser.waitUntil(async () => /Tersimpan/.test(await browser.$('body').getText()), {
      timeout: 10000,
      timeoutMsg: 'the save was not confirmed',
    });
    await screenshot(browser, 'report-screen');
  } finally {
    await app.close();
  }

  app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    await press(await byTestId(browser, 'open-report'));
    const name = await byTestId(browser, 'report-head-name');
    await name.waitForDisplayed({ timeout: 20000 });
    await browser.waitUntil(async () => (await name.getValue()) === 'dr. Sri Lestari, M.Kes.', {
      timeout: 10000,
      timeoutMsg: 'the head of OPD was not kept',
    });
    assert.equal(await (await byTestId(browser, 'report-nip')).getValue(), '197003152000032001');
  } finally {
    await app.close();
  }
});

test('an OPD clerk exports the quarterly report through the save dialog, and it checks clean', async () => {
  const dir = tempDir();
  const db = join(dir, 'dinsos.db');
  cli('demo', '--db', db, '--opd', 'DINSOS');
  const out = join(dir, 'laporan-dinsos.xlsx');
  const app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    await press(await byTestId(browser, 'open-report'));
    await (await byTestId(browser, 'report-paper-f4')).waitForDisplayed({ timeout: 20000 });
    await press(await byTestId(browser, 'report-paper-f4'));
    await press(await byTestId(browser, 'report-export'));
    answerFileDialog('Simpan laporan OPD', out);
    const result = await byTestId(browser, 'report-result');
    await result.waitForDisplayed({ timeout: 20000 });
    const said = await result.getText();
    assert.ok(said.includes(out), said);
    assert.match(said, /Triwulan I 2019/);
    await screenshot(browser, 'report-exported');
  } finally {
    await app.close();
  }
  assert.ok(existsSync(out), 'the file was written where the clerk said');
  const checked = cli('check', out);
  assert.match(checked, /DINSOS/);
  assert.match(checked, /tanda tangan sah/);
});
