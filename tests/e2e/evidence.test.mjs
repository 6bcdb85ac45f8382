// Evidence files travel with the report, in the real window: an OPD clerk
// attaches a PDF to a milestone and exports the report with its evidence
// bundle; Bappeda picks the report and the bundle together in one dialog,
// confirms the OPD's first key (the bundle waits for it), and opens the PDF, which
// the system opener (replaced by a recorder first in PATH) receives from
// Bappeda's own evidence folder. A later report names a photo whose bundle
// was not sent: it shows "Belum diterima" beside the received PDF.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  allByTestId,
  answerFileDialog,
  answerFileDialogWithAll,
  byTestId,
  cli,
  launchApp,
  press,
  screenshot,
  tempDir,
} from './harness.mjs';

const PDF = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% daftar hadir rapat koordinasi (uji e2e)\n%%EOF\n';

async function openAction(browser, code) {
  await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
  await browser.waitUntil(async () => (await allByTestId(browser, 'action')).length > 0, { timeout: 20000 });
  for (const card of await allByTestId(browser, 'action')) {
    if ((await (await card.$('[data-testid="action-code"]')).getText()) === code) {
      await press(await card.$('[data-testid="open-action"]'));
      await (await byTestId(browser, 'action-detail-back')).waitForDisplayed({ timeout: 20000 });
      return;
    }
  }
  throw new Error(`action ${code} not found`);
}

/** The first milestone the clerk may add evidence to. */
async function editableMilestone(browser) {
  let found;
  await browser.waitUntil(
    async () => {
      for (const milestone of await allByTestId(browser, 'milestone')) {
        if (await (await milestone.$('[data-testid="evidence-add-file"]')).isExisting()) {
          found = milestone;
          return true;
        }
      }
      return false;
    },
    { timeout: 20000, timeoutMsg: 'no milestone takes evidence' },
  );
  return found;
}

async function attach(browser, file) {
  const milestone = await editableMilestone(browser);
  const id = await milestone.getAttribute('data-milestone-id');
  await press(await milestone.$('[data-testid="evidence-add-file"]'));
  answerFileDialog('Pilih berkas bukti dukung', file);
  const name = file.split('/').pop();
  await browser.waitUntil(
    async () => (await (await browser.$(`[data-milestone-id="${id}"]`)).getText()).includes(name),
    { timeout: 20000, timeoutMsg: `${name} was not attached` },
  );
}

async function exportReport(browser, out, withEvidence) {
  await press(await byTestId(browser, 'open-report'));
  const box = await byTestId(browser, 'report-with-evidence');
  await box.waitForDisplayed({ timeout: 20000 });
  // Checked by default: the OPD holds evidence files.
  await browser.waitUntil(async () => box.isSelected(), { timeout: 10000, timeoutMsg: 'the bundle was not offered checked' });
  if (!withEvidence) await press(box);
  if (withEvidence) {
    await box.execute((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(browser, 'evidence-report-export');
  }
  await press(await byTestId(browser, 'report-export'));
  answerFileDialog('Simpan laporan OPD', out);
  await (await byTestId(browser, 'report-result')).waitForDisplayed({ timeout: 30000 });
  const said = await (await byTestId(browser, 'report-result')).getText();
  await press(await byTestId(browser, 'report-back'));
  return said;
}

/** What the OPD whose database is `db` reads out: its key's words, as `renaksi info` shows them. */
function fingerprintWords(db) {
  const line = cli('info', '--db', db)
    .split('\n')
    .find((l) => l.startsWith('Sidik jari'));
  assert.ok(line, 'renaksi info shows the fingerprint');
  return line.replace(/^Sidik jari\s*:\s*/, '').replace(/ \(.*\)$/, '');
}

/** Bappeda imports one picked file (confirming the OPD's first key with `words`); its row's status and text. */
async function importPicked(browser, file, words) {
  await press(await byTestId(browser, 'pick-reports'));
  answerFileDialog('Pilih laporan OPD', file);
  let row;
  await browser.waitUntil(
    async () => {
      const rows = await allByTestId(browser, 'import-row');
      for (const candidate of rows) {
        if ((await (await candidate.$('[data-testid="import-file"]')).getText()) === file.split('/').pop()) {
          row = candidate;
          return ['accepted', 'unchanged', 'rejected', 'key_unconfirmed'].includes(await candidate.getAttribute('data-status'));
        }
      }
      return false;
    },
    { timeout: 30000, timeoutMsg: `${file} was not imported` },
  );
  if ((await row.getAttribute('data-status')) === 'key_unconfirmed') {
    // The OPD's first key: the clerk types the words it read out (`renaksi
    // info` on the OPD's database; the exchange test checks a mismatch).
    const confirm = await row.$('[data-testid="key-confirm"]');
    await confirm.waitForDisplayed({ timeout: 10000 });
    await (await confirm.$('[data-testid="key-typed"]')).setValue(words);
    await press(await confirm.$('[data-testid="key-accept"]'));
    await browser.waitUntil(async () => (await row.getAttribute('data-status')) !== 'key_unconfirmed', {
      timeout: 30000,
      timeoutMsg: 'the confirmed import did not finish',
    });
  }
  return { status: await row.getAttribute('data-status'), text: await row.getText() };
}

/**
 * Bappeda picks every file of `folder` in one dialog (a report and its
 * bundle), as a clerk does. The report's first key waits for confirmation
 * and its bundle is held meanwhile; the clerk confirms, and both import.
 * Returns each row's status and text, by file name.
 */
async function importTogether(browser, folder, names, words) {
  await press(await byTestId(browser, 'pick-reports'));
  answerFileDialogWithAll('Pilih laporan OPD', folder);
  const rowsByName = async () => {
    const found = {};
    for (const row of await allByTestId(browser, 'import-row')) {
      found[await (await row.$('[data-testid="import-file"]')).getText()] = row;
    }
    return found;
  };
  let rows = {};
  await browser.waitUntil(
    async () => {
      rows = await rowsByName();
      if (!names.every((name) => rows[name])) return false;
      const statuses = await Promise.all(names.map((name) => rows[name].getAttribute('data-status')));
      return statuses.every((status) => !['waiting', 'importing'].includes(status));
    },
    { timeout: 30000, timeoutMsg: `${names.join(', ')} were not all picked and gone through` },
  );
  const report = names.find((name) => name.endsWith('.xlsx'));
  const bundle = names.find((name) => name.endsWith('.zip'));
  assert.equal(await rows[report].getAttribute('data-status'), 'key_unconfirmed', await rows[report].getText());
  assert.equal(await rows[bundle].getAttribute('data-status'), 'held', await rows[bundle].getText());
  assert.match(await rows[bundle].getText(), /menunggu konfirmasi kunci/);
  await screenshot(browser, 'evidence-bundle-held');
  const confirm = await rows[report].$('[data-testid="key-confirm"]');
  await confirm.waitForDisplayed({ timeout: 10000 });
  await (await confirm.$('[data-testid="key-typed"]')).setValue(words);
  await press(await confirm.$('[data-testid="key-accept"]'));
  await browser.waitUntil(
    async () => {
      const statuses = await Promise.all(names.map((name) => rows[name].getAttribute('data-status')));
      return statuses.every((status) => !['waiting', 'importing', 'held', 'key_unconfirmed'].includes(status));
    },
    { timeout: 30000, timeoutMsg: 'the confirmed report and its bundle did not finish' },
  );
  const outcome = {};
  for (const name of names) {
    outcome[name] = { status: await rows[name].getAttribute('data-status'), text: await rows[name].getText() };
  }
  return outcome;
}

/** The evidence entry of the open action that names `name`. */
async function evidenceItem(browser, name) {
  let found;
  await browser.waitUntil(
    async () => {
      for (const item of await allByTestId(browser, 'evidence')) {
        if ((await item.getText()).includes(name)) {
          found = item;
          return true;
        }
      }
      return false;
    },
    { timeout: 20000, timeoutMsg: `no evidence named ${name}` },
  );
  return found;
}

async function sizeWindow(browser, width, height) {
  await browser.setWindowSize(width, height);
  await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) === width, {
    timeout: 10000,
    timeoutMsg: `the window did not become ${width} px wide`,
  });
}

test('an OPD sends a PDF with its report; Bappeda imports both files and opens the PDF from its evidence folder', async () => {
  const dir = tempDir();
  for (const office of ['bappeda', 'dinkes', 'kirim', 'kirim-2', 'bin']) mkdirSync(join(dir, office));
  const bappedaDb = join(dir, 'bappeda', 'renaksi.db');
  const dinkesDb = join(dir, 'dinkes', 'renaksi.db');
  cli('demo', '--db', bappedaDb);
  cli('demo', '--db', dinkesDb, '--opd', 'DINKES');
  const pdf = join(dir, 'daftar-hadir-rapat.pdf');
  writeFileSync(pdf, PDF);
  const photo = join(dir, 'foto-kegiatan.jpg');
  writeFileSync(photo, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0xff, 0xd9]));
  const report1 = join(dir, 'kirim', 'laporan-dinkes-1.xlsx');
  const bundle1 = join(dir, 'kirim', 'laporan-dinkes-1.bukti.zip');
  // The later report goes to its own folder: the first is picked whole.
  const report2 = join(dir, 'kirim-2', 'laporan-dinkes-2.xlsx');

  // The OPD: a PDF on a milestone, the report with its bundle; later a photo,
  // and a report sent without its bundle.
  let app = await launchApp({ args: ['--db', dinkesDb] });
  try {
    const { browser } = app;
    await openAction(browser, 'RA-01');
    await attach(browser, pdf);
    await press(await byTestId(browser, 'action-detail-back'));
    const said = await exportReport(browser, report1, true);
    assert.ok(said.includes(bundle1), said);
    assert.match(said, /1 berkas bukti dukung disimpan ke/);
    await openAction(browser, 'RA-01');
    await attach(browser, photo);
    await press(await byTestId(browser, 'action-detail-back'));
    await exportReport(browser, report2, false);
  } finally {
    await app.close();
  }
  assert.ok(existsSync(bundle1), 'the bundle is beside the report');
  assert.ok(!existsSync(join(dir, 'kirim-2', 'laporan-dinkes-2.bukti.zip')), 'no bundle was asked for');
  const dinkesWords = fingerprintWords(dinkesDb);

  // Bappeda, with the system opener replaced by a recorder.
  const recorded = join(dir, 'dibuka.txt');
  const opener = join(dir, 'bin', 'xdg-open');
  writeFileSync(opener, `#!/bin/sh\nprintf '%s\\n' "$@" > '${recorded}'\n`);
  chmodSync(opener, 0o755);
  app = await launchApp({ args: ['--db', bappedaDb], env: { PATH: `${join(dir, 'bin')}:${process.env.PATH}` } });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    await press(await byTestId(browser, 'open-exchange'));
    const together = await importTogether(browser, join(dir, 'kirim'), ['laporan-dinkes-1.xlsx', 'laporan-dinkes-1.bukti.zip'], dinkesWords);
    const report = together['laporan-dinkes-1.xlsx'];
    assert.equal(report.status, 'accepted', report.text);
    const bundle = together['laporan-dinkes-1.bukti.zip'];
    assert.equal(bundle.status, 'accepted', bundle.text);
    assert.match(bundle.text, /1 berkas bukti dukung diterima, 0 ditolak/);
    await screenshot(browser, 'evidence-bundle-imported');
    await press(await byTestId(browser, 'exchange-back'));

    await openAction(browser, 'RA-01');
    const item = await evidenceItem(browser, 'daftar-hadir-rapat.pdf');
    await press(await item.$('[data-testid="evidence-open"]'));
    await browser.waitUntil(async () => existsSync(recorded), { timeout: 20000, timeoutMsg: 'the opener was not called' });
    const opened = readFileSync(recorded, 'utf8').trim();
    const folder = realpathSync(join(dir, 'bappeda', 'bukti'));
    assert.ok(opened.startsWith(`${folder}/`), `${opened} is not in ${folder}`);
    assert.equal(readFileSync(opened, 'utf8'), PDF);
    await press(await byTestId(browser, 'action-detail-back'));

    // The later report, without its bundle: the photo is "Belum diterima".
    await press(await byTestId(browser, 'open-exchange'));
    const later = await importPicked(browser, report2, dinkesWords);
    assert.equal(later.status, 'accepted', later.text);
    await press(await byTestId(browser, 'exchange-back'));
    await openAction(browser, 'RA-01');
    const waiting = await evidenceItem(browser, 'foto-kegiatan.jpg');
    assert.equal(await (await waiting.$('[data-testid="evidence-awaiting"]')).getText(), 'Belum diterima');
    assert.ok(!(await (await waiting.$('[data-testid="evidence-open"]')).isExisting()));
    const received = await evidenceItem(browser, 'daftar-hadir-rapat.pdf');
    assert.ok(await (await received.$('[data-testid="evidence-open"]')).isExisting());

    await sizeWindow(browser, 1366, 768);
    await waiting.execute((el) => el.closest('[data-testid="evidence-list"]').scrollIntoView({ block: 'center' }));
    await screenshot(browser, 'evidence-bappeda-1366x768');
  } finally {
    await app.close();
  }
});
