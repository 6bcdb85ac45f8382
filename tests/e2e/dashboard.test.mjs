// The dashboard in the real window at projector size (1024×768): charts drawn,
// the headline figures, Bappeda's rekap saved through the dialog and printed
// by LibreOffice, and a verifier note written on an action.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { allByTestId, answerFileDialog, byTestId, cli, launchApp, press, screenshot, tempDir } from './harness.mjs';

const run = (program, args, options = {}) => execFileSync(program, args, { encoding: 'utf8', ...options });

/** How many pixels of a chart's canvas are painted. */
const paintedPixels = (browser, testId) =>
  browser.execute((id) => {
    const canvas = document.querySelector(`[data-testid="${id}"] canvas`);
    if (!canvas || canvas.width === 0) return 0;
    const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    let painted = 0;
    for (let i = 3; i < data.length; i += 4) if (data[i] > 0) painted += 1;
    return painted;
  }, testId);

async function openAction(browser, code) {
  for (const card of await allByTestId(browser, 'action')) {
    if ((await (await card.$('[data-testid="action-code"]')).getText()) === code) {
      await press(await card.$('[data-testid="open-action"]'));
      await (await byTestId(browser, 'action-detail-back')).waitForDisplayed({ timeout: 20000 });
      return;
    }
  }
  throw new Error(`action ${code} not found`);
}

test('Bappeda reads the dashboard on a projector, saves the rekap and writes a verifier note', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'bappeda'));
  const db = join(dir, 'bappeda', 'renaksi.db');
  cli('demo', '--db', db);
  const rekap = join(dir, 'rekap-kabupaten.xlsx');

  const app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    await browser.setWindowSize(1024, 768);
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });

    // A note on RA-01 first, so the dashboard lists it.
    await openAction(browser, 'RA-01');
    const body = await byTestId(browser, 'review-body');
    await press(body);
    await body.setValue('Bukti kepesertaan JKN belum dilampirkan.');
    await press(await byTestId(browser, 'review-add'));
    await browser.waitUntil(async () => (await allByTestId(browser, 'review-note')).length === 1, {
      timeout: 10000,
      timeoutMsg: 'the note was not listed',
    });
    await press(await byTestId(browser, 'action-detail-back'));

    await press(await byTestId(browser, 'open-dashboard'));
    await (await byTestId(browser, 'dashboard-tiles')).waitForDisplayed({ timeout: 20000 });
    assert.match(await (await byTestId(browser, 'tile-capaian')).getText(), /\d+,\d{2}%/);
    for (const chart of ['chart-themes', 'chart-opds', 'chart-statuses']) {
      await browser.waitUntil(async () => (await paintedPixels(browser, chart)) > 2000, {
        timeout: 10000,
        timeoutMsg: `${chart} was not drawn`,
      });
    }
    assert.match(await (await byTestId(browser, 'review-notes')).getText(), /Bukti kepesertaan JKN belum dilampirkan\./);
    await screenshot(browser, 'dashboard-1024x768');
    await browser.execute(() => document.querySelector('[data-testid="chart-themes"]').scrollIntoView({ block: 'start' }));
    await screenshot(browser, 'dashboard-charts-1024x768');

    await press(await byTestId(browser, 'export-rekap'));
    answerFileDialog('Simpan rekap kabupaten', rekap);
    const result = await byTestId(browser, 'rekap-result');
    await result.waitForDisplayed({ timeout: 30000 });
    assert.match(await result.getText(), /9 OPD, 20 indikator/);

    await browser.keys('Escape');
    await (await byTestId(browser, 'plan-overview')).waitForDisplayed({ timeout: 10000 });
  } finally {
    await app.close();
  }

  assert.ok(existsSync(rekap), 'the rekap was written where the dialog said');
  const profile = join(dir, 'lo-profile');
  run('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, rekap], {
    timeout: 120000,
  });
  const text = run('pdftotext', ['-layout', rekap.replace(/\.xlsx$/, '.pdf'), '-']);
  for (const heading of ['REKAPITULASI CAPAIAN PER TEMA', 'PER PERANGKAT DAERAH', 'MATRIKS PENYAMPAIAN', 'CATATAN VERIFIKATOR']) {
    assert.ok(text.includes(heading), `the rekap prints "${heading}"`);
  }
  assert.ok(text.includes('Bukti kepesertaan JKN belum dilampirkan.'), 'the note is in the rekap');
});
