// Backups in the real window: the daily backup is there, "Cadangkan sekarang"
// adds one, a restore shows what the backup holds before replacing anything,
// and a damaged database is recovered from the latest good backup.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allByTestId, byTestId, cli, launchApp, press, screenshot, tempDir } from './harness.mjs';

/** Overwrites the middle of every page after the first: the file no longer passes its check. */
function damage(path) {
  const bytes = readFileSync(path);
  for (let start = 4096; start < bytes.length; start += 4096) {
    bytes.fill(0xa5, start + 100, Math.min(start + 2048, bytes.length));
  }
  writeFileSync(path, bytes);
}

test('a clerk backs up now and restores a backup after seeing what it holds', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'bappeda'));
  const bappedaDb = join(dir, 'bappeda', 'renaksi.db');
  cli('demo', '--db', bappedaDb);
  const made = cli('backup', '--db', bappedaDb).match(/^Cadangan dibuat: (.+)$/m)[1];
  // The backup holds Bappeda's signing key; a restore brings it with the data.
  const bappedaKey = cli('key', 'show', '--db', bappedaDb).match(/^Sidik jari kunci: (.+)$/m)[1];

  // An OPD's copy, with Bappeda's backup placed among its own (as if taken in April 2019).
  mkdirSync(join(dir, 'opd', 'backups'), { recursive: true });
  const db = join(dir, 'opd', 'renaksi.db');
  cli('demo', '--db', db, '--opd', 'DINKES');
  copyFileSync(made, join(dir, 'opd', 'backups', 'renaksi-20190415T033000Z-manual.db'));

  const app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    assert.match(await (await byTestId(browser, 'profile-badge')).getText(), /OPD DINKES/);
    await press(await byTestId(browser, 'open-backup'));
    await (await byTestId(browser, 'backup-title')).waitForDisplayed({ timeout: 20000 });
    const itemsText = async () => {
      const texts = [];
      for (const item of await allByTestId(browser, 'backup-item')) texts.push(await item.getText());
      return texts;
    };
    let items = await itemsText();
    assert.equal(items.length, 2, items.join('\n'));
    assert.match(items[0], /cadangan harian/, 'the daily backup was taken at start');

    await press(await byTestId(browser, 'backup-now'));
    await browser.waitUntil(async () => (await itemsText()).length === 3, { timeout: 10000, timeoutMsg: 'no new backup' });
    assert.match(await (await byTestId(browser, 'backup-message')).getText(), /^Cadangan dibuat:/);

    items = await itemsText();
    const april = items.findIndex((text) => text.includes('15 April 2019'));
    assert.ok(april >= 0, items.join('\n'));
    await press((await allByTestId(browser, 'backup-restore'))[april]);
    const confirm = await byTestId(browser, 'restore-confirm');
    await confirm.waitForDisplayed({ timeout: 10000 });
    assert.match(await confirm.getText(), /Bappeda/);
    assert.match(await confirm.getText(), /8 rencana aksi, 22 tonggak, 20 indikator, 50 realisasi/);
    assert.ok((await confirm.getText()).includes(`Kunci tanda tangan: ${bappedaKey}`), await confirm.getText());
    await screenshot(browser, 'backup-restore-confirm');
    await press(await byTestId(browser, 'restore-yes'));
    await browser.waitUntil(async () => (await (await byTestId(browser, 'backup-message')).getText()).startsWith('Data dipulihkan'), {
      timeout: 20000,
      timeoutMsg: 'the restore did not finish',
    });
    await browser.waitUntil(async () => /Bappeda/.test(await (await byTestId(browser, 'profile-badge')).getText()), {
      timeout: 10000,
      timeoutMsg: 'the header still shows the replaced profile',
    });
    assert.match((await itemsText()).join('\n'), /sebelum pemulihan/);
    // The OPD's own key was in kunci/: Bappeda's key from the backup signs
    // from now on, and the OPD's key is kept aside, which the window says.
    const note = await (await byTestId(browser, 'restore-key-replaced')).getText();
    assert.ok(note.includes(`dipakai mulai sekarang (${bappedaKey})`), note);
    assert.match(note, /tidak dihapus: disimpan di .*diganti-/);
    await browser.waitUntil(async () => (await (await byTestId(browser, 'key-fingerprint')).getText()) === bappedaKey, {
      timeout: 10000,
      timeoutMsg: "the key section does not show the restored key",
    });

    // Now Bappeda: it may replace its key, after a confirmation.
    await press(await byTestId(browser, 'key-rotate'));
    await (await byTestId(browser, 'key-rotate-confirm')).waitForDisplayed({ timeout: 10000 });
    await screenshot(browser, 'backup-key-rotate-confirm');
    await press(await byTestId(browser, 'key-rotate-yes'));
    const rotated = await byTestId(browser, 'key-rotated');
    await rotated.waitForDisplayed({ timeout: 20000 });
    assert.ok((await rotated.getText()).includes(`${bappedaKey} →`), await rotated.getText());
    await screenshot(browser, 'backup-key-rotated');
  } finally {
    await app.close();
  }
  assert.match(cli('info', '--db', db), /Bappeda/);
  const kept = readdirSync(join(dir, 'opd', 'kunci')).filter((name) => name.startsWith('diganti-'));
  assert.equal(kept.length, 2, `the OPD's key and Bappeda's replaced key, kept aside: ${kept}`);
  assert.match(cli('key', 'show', '--db', db), new RegExp(`Diganti mulai .*: ${bappedaKey} -> `));
});

test('a damaged database is recovered from the latest good backup, and kept aside', async () => {
  const dir = tempDir();
  const db = join(dir, 'renaksi.db');
  cli('demo', '--db', db, '--opd', 'DINSOS');
  cli('backup', '--db', db);
  damage(db);

  const app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    const offer = await byTestId(browser, 'recovery-offer');
    await offer.waitForDisplayed({ timeout: 20000 });
    assert.match(await offer.getText(), /Renaksi tidak mengubah berkas itu/);
    assert.match(await offer.getText(), /OPD DINSOS/);
    await screenshot(browser, 'recovery-offer');
    await press(await byTestId(browser, 'recover'));
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    assert.match(await (await byTestId(browser, 'profile-badge')).getText(), /OPD DINSOS/);
  } finally {
    await app.close();
  }
  const aside = readdirSync(dir).filter((name) => name.startsWith('rusak-'));
  assert.equal(aside.length, 1, readdirSync(dir).join(', '));
  assert.ok(readdirSync(join(dir, aside[0])).includes('renaksi.db'), 'the damaged file is kept');
  // What happened is in the log a clerk can send to support.
  const log = readFileSync(join(dir, 'log', 'renaksi.log'), 'utf8');
  assert.match(log, /basis data tidak dapat dibuka/);
  assert.match(log, /basis data rusak dipindahkan ke .*rusak-/);
});
