// A co-creation session recorded in the real window: a participant, an input
// on an action, a declined response that must say why, the berita acara saved
// through the dialog and printed by LibreOffice, the input in the open data;
// and a plan version compared with the plan as it is now.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { allByTestId, answerFileDialog, byTestId, cli, launchApp, press, screenshot, tempDir } from './harness.mjs';

const run = (program, args, options = {}) => execFileSync(program, args, { encoding: 'utf8', ...options });

async function fill(browser, testId, value) {
  const field = await byTestId(browser, testId);
  await press(field);
  await field.setValue(value);
}

test('the secretariat records a co-creation session, its responses and the berita acara', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'bappeda'));
  const db = join(dir, 'bappeda', 'renaksi.db');
  cli('demo', '--db', db);
  const minutes = join(dir, 'berita-acara.xlsx');

  const app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    await press(await byTestId(browser, 'open-cocreation'));
    await (await byTestId(browser, 'cocreation-title')).waitForDisplayed({ timeout: 20000 });

    await fill(browser, 'session-title', 'OpenGovWeek Wonosobo');
    await browser.execute(() => {
      const date = document.querySelector('[data-testid="session-date"]');
      date.value = '2018-05-08';
      date.dispatchEvent(new Event('input', { bubbles: true }));
    });
    await fill(browser, 'session-place', 'Pendopo Kabupaten Wonosobo');
    await press(await byTestId(browser, 'session-create'));
    await (await byTestId(browser, 'session-record')).waitForDisplayed({ timeout: 10000 });

    await fill(browser, 'participant-name', 'Siti Aminah');
    await (await byTestId(browser, 'participant-kind')).selectByAttribute('value', 'cso');
    await fill(browser, 'participant-org', 'Forum Warga Peduli Kesehatan');
    await press(await byTestId(browser, 'participant-add'));
    await browser.waitUntil(async () => (await allByTestId(browser, 'participant')).length === 1, { timeout: 10000 });

    await fill(browser, 'input-org', 'Forum Warga Peduli Kesehatan');
    await fill(browser, 'input-body', 'Pendataan warga miskin melibatkan kader posyandu.');
    await press(await byTestId(browser, 'input-add'));
    await browser.waitUntil(async () => (await allByTestId(browser, 'input-item')).length === 1, { timeout: 10000 });

    await press(await byTestId(browser, 'response-start'));
    await press(await byTestId(browser, 'decision-ditolak'));
    await press(await byTestId(browser, 'response-save'));
    const refusal = await byTestId(browser, 'field-error');
    await refusal.waitForDisplayed({ timeout: 10000 });
    assert.match(await refusal.getText(), /alasan/i);
    await fill(browser, 'response-reason', 'Kader posyandu sudah dilibatkan melalui Dinas Kesehatan.');
    await press(await byTestId(browser, 'response-save'));
    const decision = await byTestId(browser, 'response-decision');
    await decision.waitForDisplayed({ timeout: 10000 });
    assert.equal(await decision.getText(), 'Ditolak');
    await screenshot(browser, 'cocreation-session');

    await press(await byTestId(browser, 'export-berita-acara'));
    answerFileDialog('Simpan berita acara', minutes);
    await (await byTestId(browser, 'berita-acara-result')).waitForDisplayed({ timeout: 30000 });

    // A version, compared with the plan as it is now.
    await press(await byTestId(browser, 'session-close'));
    await fill(browser, 'version-name', 'Draf');
    await press(await byTestId(browser, 'version-take'));
    await browser.waitUntil(async () => (await allByTestId(browser, 'version-item')).length === 1, { timeout: 10000 });
    await press(await byTestId(browser, 'version-compare'));
    const summary = await byTestId(browser, 'diff-summary');
    await summary.waitForDisplayed({ timeout: 10000 });
    assert.match(await summary.getText(), /^Tidak ada perubahan dari Draf/);
  } finally {
    await app.close();
  }

  assert.ok(existsSync(minutes), 'the berita acara was written where the dialog said');
  const profile = join(dir, 'lo-profile');
  run('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, minutes], {
    timeout: 120000,
  });
  const text = run('pdftotext', ['-layout', minutes.replace(/\.xlsx$/, '.pdf'), '-']);
  for (const expected of ['BERITA ACARA', 'Pendopo Kabupaten Wonosobo', 'Siti Aminah', 'kader posyandu', 'Ditolak']) {
    assert.ok(text.includes(expected), `the berita acara prints "${expected}"`);
  }

  // The input and its response are public; the speaker's name is not.
  const open = join(dir, 'data-terbuka');
  cli('opendata', '--db', db, '--out', open);
  const published = readdirSync(open)
    .filter((name) => name.endsWith('.csv'))
    .map((name) => readFileSync(join(open, name), 'utf8'))
    .join('\n');
  assert.match(published, /Pendataan warga miskin melibatkan kader posyandu\./);
  assert.match(published, /ditolak/);
  assert.doesNotMatch(published, /Siti Aminah/);
});
