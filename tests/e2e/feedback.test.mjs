// Umpan balik, the conversation between Bappeda and an OPD, in the real
// windows (issue #18's loop): Bappeda imports DINKES's report, writes a note
// on an action and one on an indicator, verifies the report, closes the 2018
// quarters and moves a due date, and writes the feedback file through the
// save dialog; DINKES takes it, finds each note on its action and its
// indicator card and in the Umpan balik list, sees its next due date as the
// file set it, answers the action's note and exports its next report; Bappeda imports that report,
// sees the answer under its note and resolves it. Bappeda's next file tells
// the OPD its reply arrived and the note is done; the older file is then
// refused in the window, and changes nothing.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { allByTestId, answerFileDialog, byTestId, cli, launchApp, press, screenshot, tempDir } from './harness.mjs';

const ACTION_NOTE = 'Lengkapi daftar hadir rapat koordinasi pemadanan data sebagai bukti tonggak.';
const INDICATOR_NOTE = 'Realisasi kepesertaan TW I belum disertai rekap BPJS per kecamatan.';
const REPLY = 'Daftar hadir rapat 12 Maret 2019 sudah kami unggah sebagai bukti tonggak pertama.';
/** DINKES's indicator on RA-01 in the demo plan. */
const INDICATOR = 'Persentase penduduk Kabupaten Wonosobo yang terdaftar sebagai peserta Jaminan Kesehatan Nasional';

/** What the OPD whose database is `db` reads out: its key's words, as `renaksi info` shows them. */
function fingerprintWords(db) {
  const line = cli('info', '--db', db)
    .split('\n')
    .find((l) => l.startsWith('Sidik jari'));
  assert.ok(line, 'renaksi info shows the fingerprint');
  return line.replace(/^Sidik jari\s*:\s*/, '').replace(/ \(.*\)$/, '');
}

async function sizeWindow(browser, width, height) {
  await browser.setWindowSize(width, height);
  await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) === width, {
    timeout: 10000,
    timeoutMsg: `the window did not become ${width} px wide`,
  });
}

/**
 * A screenshot at `width`×768 with `testId` at the top of the window (null:
 * the page from its top, header and all); nothing may run off the side.
 */
async function shoot(browser, name, testId, width = 1366) {
  await sizeWindow(browser, width, 768);
  await browser.execute((id) => {
    if (id === null) window.scrollTo(0, 0);
    else {
      document.querySelector(`[data-testid="${id}"]`)?.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -12);
    }
  }, testId);
  const path = await screenshot(browser, `${name}-${width}x768`);
  const overflow = await browser.execute(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${name} is ${overflow} px wider than the ${width} px window`);
  return path;
}

/** Whether the first note of the Umpan balik list starts inside the window (the first screen shows content). */
async function firstNoteInView(browser) {
  return browser.execute(() => {
    const note = document.querySelector('[data-testid="received-note"]');
    return note !== null && note.getBoundingClientRect().top < window.innerHeight - 120;
  });
}

async function waitForText(element, pattern, what) {
  await element.waitForDisplayed({ timeout: 20000 });
  let text = '';
  await element.waitUntil(async () => pattern.test((text = await element.getText())), {
    timeout: 20000,
    timeoutMsg: `${what} did not come to say ${pattern}; it says: ${text}`,
  });
  return text;
}

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

/** The element among `testId` whose text holds `text`. */
async function withText(browser, testId, text, scope = browser) {
  let found;
  await browser.waitUntil(
    async () => {
      for (const element of await scope.$$(`[data-testid="${testId}"]`)) {
        if ((await element.getText()).includes(text)) {
          found = element;
          return true;
        }
      }
      return false;
    },
    { timeout: 20000, timeoutMsg: `no ${testId} showing "${text}"` },
  );
  return found;
}

/** Bappeda imports one report picked in the dialog, typing the OPD's words if its key is asked about. */
async function importInWindow(browser, report, words) {
  await press(await byTestId(browser, 'pick-reports'));
  answerFileDialog('Pilih laporan OPD', report);
  const name = report.split('/').pop();
  const row = await withText(browser, 'import-row', name);
  const settled = ['accepted', 'unchanged', 'rejected', 'key_unconfirmed'];
  await browser.waitUntil(async () => settled.includes(await row.getAttribute('data-status')), {
    timeout: 30000,
    timeoutMsg: 'the import did not finish',
  });
  if ((await row.getAttribute('data-status')) === 'key_unconfirmed') {
    const confirm = await row.$('[data-testid="key-confirm"]');
    await confirm.waitForDisplayed({ timeout: 10000 });
    await (await confirm.$('[data-testid="key-typed"]')).setValue(words);
    await press(await confirm.$('[data-testid="key-accept"]'));
    await browser.waitUntil(async () => (await row.getAttribute('data-status')) !== 'key_unconfirmed', {
      timeout: 30000,
      timeoutMsg: 'the confirmed import did not finish',
    });
  }
  assert.equal(await row.getAttribute('data-status'), 'accepted', await row.getText());
  return row;
}

/** Bappeda writes a note in the open action's "Catatan verifikator", on the subject whose label holds `subject`. */
async function writeNote(browser, subject, body) {
  const notes = await byTestId(browser, 'review-notes');
  await notes.waitForDisplayed({ timeout: 20000 });
  const before = (await allByTestId(browser, 'review-note')).length;
  const select = await byTestId(browser, 'review-subject');
  let value = null;
  for (const option of await select.$$('option')) {
    if ((await option.getText()).includes(subject)) value = await option.getAttribute('value');
  }
  assert.ok(value !== null, `a subject "${subject}" is offered`);
  await select.selectByAttribute('value', value);
  await (await byTestId(browser, 'review-body')).setValue(body);
  await press(await byTestId(browser, 'review-add'));
  await browser.waitUntil(async () => (await allByTestId(browser, 'review-note')).length === before + 1, {
    timeout: 20000,
    timeoutMsg: `the note "${body}" was not saved`,
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

/**
 * Bappeda, in the plan editor's Triwulan tab, closes the 2018 quarters
 * (reopened before the package, so that DINKES could start from it) and
 * moves the due date of TW II 2019: the feedback file carries both.
 */
async function closeAndMoveDue(browser) {
  await press(await byTestId(browser, 'open-planning'));
  await press(await byTestId(browser, 'planning-tab-quarters'));
  await (await byTestId(browser, 'planning-panel-quarters')).waitForDisplayed({ timeout: 20000 });
  await browser.waitUntil(async () => (await allByTestId(browser, 'quarter-row')).length === 8, {
    timeout: 20000,
    timeoutMsg: 'the eight quarters are not listed',
  });
  const message = await byTestId(browser, 'quarters-message');
  for (const [index, roman] of ['I', 'II', 'III', 'IV'].entries()) {
    const row = (await allByTestId(browser, 'quarter-row'))[index];
    await (await row.$('[data-testid="quarter-reason"]')).setValue('Triwulan 2018 sudah dievaluasi');
    await press(await row.$('[data-testid="quarter-toggle"]'));
    await waitForText(message, new RegExp(`Triwulan ${roman} 2018 ditutup`), 'the quarters message');
  }
  const due = await (await allByTestId(browser, 'quarter-row'))[5].$('[data-testid="quarter-due"]');
  await setInput(browser, due, '2019-07-31');
  await press(await (await allByTestId(browser, 'quarter-row'))[5].$('[data-testid="quarter-due-save"]'));
  await waitForText(message, /Batas waktu Triwulan II 2019 disimpan/, 'the quarters message');
}

/** The OPD's banner on the plan overview, once loaded (its text content: a long line is cut with an ellipsis). */
async function bannerText(browser) {
  await (await byTestId(browser, 'calendar-banner-text')).waitForDisplayed({ timeout: 20000 });
  const read = () => browser.execute(() => document.querySelector('[data-testid="calendar-banner-text"]').textContent.trim());
  await browser.waitUntil(async () => /^(Laporan|Tidak ada)/.test(await read()), {
    timeout: 20000,
    timeoutMsg: 'the banner did not load',
  });
  return read();
}

/** Bappeda writes DINKES's feedback file from the incoming-reports screen, through the save dialog. */
async function writeFeedback(browser, out) {
  await press(await byTestId(browser, 'open-exchange'));
  const section = await byTestId(browser, 'feedback-write');
  await section.waitForDisplayed({ timeout: 20000 });
  await (await byTestId(browser, 'feedback-write-opd')).selectByAttribute('value', 'DINKES');
  await press(await byTestId(browser, 'feedback-write-one'));
  answerFileDialog('Simpan umpan balik untuk OPD', out);
  const said = await waitForText(await byTestId(browser, 'feedback-write-result'), /disimpan ke/, 'the feedback panel');
  assert.ok(said.includes(out), said);
  return said;
}

/** The OPD takes a feedback file on its report screen; the panel's result (or refusal) element. */
async function takeFeedback(browser, file) {
  await press(await byTestId(browser, 'open-report'));
  const button = await browser.$('button[data-testid="feedback-take"]');
  await press(button);
  answerFileDialog('Pilih berkas umpan balik dari Bappeda', file);
  const panel = await byTestId(browser, 'feedback-take-panel');
  let outcome;
  await browser.waitUntil(
    async () => {
      for (const id of ['feedback-taken', 'error-alert']) {
        const element = await panel.$(`[data-testid="${id}"]`);
        if (await element.isExisting()) {
          outcome = element;
          return true;
        }
      }
      return false;
    },
    { timeout: 30000, timeoutMsg: `taking ${file} did not finish` },
  );
  return outcome;
}

test('Bappeda notes, the OPD takes the feedback and answers, Bappeda sees the answer and resolves the note', async () => {
  const dir = tempDir('renaksi-feedback-');
  for (const office of ['bappeda', 'dinkes', 'kirim']) mkdirSync(join(dir, office));
  const bappedaDb = join(dir, 'bappeda', 'renaksi.db');
  const dinkesDb = join(dir, 'dinkes', 'renaksi.db');
  const packageFile = join(dir, 'kirim', 'paket-rencana-aksi.xlsx');
  const report1 = join(dir, 'kirim', 'laporan-dinkes-2019-tw1.xlsx');
  const report2 = join(dir, 'kirim', 'laporan-dinkes-2019-tw2.xlsx');
  const feedback1 = join(dir, 'kirim', 'umpan-balik-DINKES-1.xlsx');
  const feedback2 = join(dir, 'kirim', 'umpan-balik-DINKES-2.xlsx');

  // Bappeda's demo plan, published; DINKES starts from the package (so it
  // holds Bappeda's key) and sends its TW I report.
  cli('demo', '--db', bappedaDb);
  for (const quarter of [1, 2, 3, 4]) {
    cli('period', 'reopen', '--db', bappedaDb, '--period', `2018-TW${quarter}`, '--reason', 'Mulai dari paket');
  }
  cli('package', '--db', bappedaDb, '--out', packageFile);
  cli('init', '--db', dinkesDb, '--package', packageFile, '--opd', 'DINKES', '--user', 'Sari');
  cli('export', '--db', dinkesDb, '--period', '2019-TW1', '--out', report1);
  const dinkesWords = fingerprintWords(dinkesDb);

  // 1. Bappeda imports the report, writes two notes, verifies it and writes the feedback file.
  let app = await launchApp({ args: ['--db', bappedaDb] });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    await press(await byTestId(browser, 'open-exchange'));
    await importInWindow(browser, report1, dinkesWords);
    const cell = await browser.$('[data-testid="matrix-cell"][data-opd="DINKES"][data-year="2019"][data-quarter="1"]');
    await cell.waitForExist({ timeout: 20000 });
    await press(await cell.$('[data-testid="verify-cell"]'));
    await browser.waitUntil(async () => (await cell.getAttribute('data-state')) === 'diverifikasi', {
      timeout: 20000,
      timeoutMsg: 'the report was not verified',
    });
    await press(await byTestId(browser, 'exchange-back'));

    await openAction(browser, 'RA-01');
    await writeNote(browser, 'Rencana aksi RA-01', ACTION_NOTE);
    await writeNote(browser, INDICATOR, INDICATOR_NOTE);
    await press(await byTestId(browser, 'action-detail-back'));
    await closeAndMoveDue(browser);

    const said = await writeFeedback(browser, feedback1);
    assert.match(said, /^Umpan balik ke-1 untuk DINKES /);
    assert.match(said, /Isinya: 1 laporan diterima, 2 catatan \(2 terbuka\), 0 tanggapan\./);
    await shoot(browser, 'feedback-bappeda-written', 'feedback-write');
  } finally {
    await app.close();
  }
  assert.ok(existsSync(feedback1), 'the feedback file was written');

  // 2-3. DINKES takes it, sees each note where it belongs, answers one and exports.
  app = await launchApp({ args: ['--db', dinkesDb] });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    // Before the feedback: the package's quarters (2018 open, TW II 2019 due 15 July).
    assert.doesNotMatch(await bannerText(browser), /31 Juli 2019/);
    const taken = await takeFeedback(browser, feedback1);
    assert.equal(await taken.getAttribute('data-testid'), 'feedback-taken', await taken.getText());
    assert.equal(await taken.getAttribute('data-changed'), 'true');
    assert.equal(await (await taken.$('[data-testid="feedback-taken-notes"]')).getText(), '2 catatan verifikator, 2 masih terbuka');
    const quarters = await (await taken.$('[data-testid="feedback-taken-quarters"]')).getText();
    assert.match(quarters, /^5 perubahan triwulan:/, quarters);
    assert.match(quarters, /Triwulan I 2018 ditutup/, quarters);
    assert.match(quarters, /Batas waktu Triwulan II 2019: 31 Juli 2019/, quarters);
    await shoot(browser, 'feedback-opd-taken', 'feedback-take-panel');
    await press(await byTestId(browser, 'report-back'));

    // 3. The next due date, as the feedback file set it: 2018 is closed, TW I
    // 2019 sent, so TW II 2019 (due 31 July 2019 now) is the report awaited.
    const banner = await bannerText(browser);
    assert.match(banner, /^Laporan Triwulan II 2019 terlambat [\d.]+ hari \(batas 31 Juli 2019\)\./, banner);

    // In the workspace: the action's note at the top, the indicator's on its card.
    await openAction(browser, 'RA-01');
    const onAction = await byTestId(browser, 'action-notes');
    await onAction.waitForDisplayed({ timeout: 20000 });
    const actionNotes = await onAction.$$('[data-testid="received-note-body"]');
    assert.equal(actionNotes.length, 1, 'one note on the action');
    assert.equal(await actionNotes[0].getText(), ACTION_NOTE);
    const card = await withText(browser, 'indicator', INDICATOR);
    const onCard = await card.$('[data-testid="indicator-notes"]');
    assert.ok(await onCard.isExisting(), 'the indicator card shows its note');
    assert.equal(await (await onCard.$('[data-testid="received-note-body"]')).getText(), INDICATOR_NOTE);
    assert.equal(await (await onCard.$('[data-testid="received-note-state"]')).getText(), 'Terbuka');
    assert.ok(await (await onCard.$('[data-testid="reply-open"]')).isExisting(), 'the indicator note can be answered from its card');
    for (const other of await allByTestId(browser, 'indicator')) {
      if ((await other.getText()).includes(INDICATOR)) continue;
      assert.ok(!(await (await other.$('[data-testid="indicator-notes"]')).isExisting()), 'no note on another indicator');
    }
    await shoot(browser, 'feedback-opd-action', 'action-notes');
    await card.scrollIntoView({ block: 'start' });
    await screenshot(browser, 'feedback-opd-indicator-1366x768');
    await press(await byTestId(browser, 'action-detail-back'));

    // The Umpan balik list: both notes, open; the action's note answered.
    await press(await byTestId(browser, 'open-feedback'));
    await (await byTestId(browser, 'feedback-notes')).waitForDisplayed({ timeout: 20000 });
    await browser.waitUntil(async () => (await allByTestId(browser, 'received-note')).length === 2, {
      timeout: 20000,
      timeoutMsg: 'the list does not show both notes',
    });
    const note = await withText(browser, 'received-note', ACTION_NOTE);
    assert.match(await (await note.$('[data-testid="received-note-subject"]')).getText(), /^Rencana aksi RA-01 Penyiapan/);
    assert.equal(await (await note.$('[data-testid="received-note-state"]')).getText(), 'Terbuka');
    await (await note.$('[data-testid="reply-body"]')).setValue(REPLY);
    await press(await note.$('[data-testid="reply-send"]'));
    const reply = await note.$('[data-testid="note-reply"]');
    await reply.waitForDisplayed({ timeout: 20000 });
    assert.equal(await (await reply.$('[data-testid="note-reply-body"]')).getText(), REPLY);
    assert.match(await (await reply.$('[data-testid="note-reply-state"]')).getText(), /Belum diterima Bappeda/);
    await shoot(browser, 'opd-feedback-notes', null);
    assert.ok(await firstNoteInView(browser), 'the first note is on the first screen at 1366×768');
    await shoot(browser, 'opd-feedback-notes', null, 1024);
    assert.ok(await firstNoteInView(browser), 'the first note is on the first screen at 1024×768');
    await sizeWindow(browser, 1366, 768);
    await press(await byTestId(browser, 'feedback-back'));

    // The next report carries the reply.
    await press(await byTestId(browser, 'open-report'));
    const period = await byTestId(browser, 'report-period');
    await period.waitForDisplayed({ timeout: 20000 });
    await period.selectByAttribute('value', '2019-2');
    await press(await byTestId(browser, 'report-export'));
    answerFileDialog('Simpan laporan OPD', report2);
    const result = await byTestId(browser, 'report-result');
    await result.waitForDisplayed({ timeout: 30000 });
    assert.ok((await result.getText()).includes(report2), await result.getText());
  } finally {
    await app.close();
  }
  assert.ok(existsSync(report2), 'the second report was written');

  // 4. Bappeda imports it, sees the answer under its note, resolves the note, and writes the next file.
  app = await launchApp({ args: ['--db', bappedaDb] });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    await press(await byTestId(browser, 'open-exchange'));
    const row = await importInWindow(browser, report2, dinkesWords);
    assert.match(await (await row.$('[data-testid="import-replies"]')).getText(), /^1 tanggapan baru/);
    await press(await byTestId(browser, 'exchange-back'));

    await openAction(browser, 'RA-01');
    const note = await withText(browser, 'review-note', ACTION_NOTE);
    const reply = await note.$('[data-testid="note-reply"]');
    await reply.waitForDisplayed({ timeout: 20000 });
    assert.equal(await (await reply.$('[data-testid="note-reply-body"]')).getText(), REPLY);
    assert.match(await (await reply.$('[data-testid="note-reply-meta"]')).getText(), /^Tanggapan Sari · /);
    assert.match(await (await reply.$('[data-testid="note-reply-state"]')).getText(), /^Diterima \d{1,2} \S+ 20\d\d/);
    const other = await withText(browser, 'review-note', INDICATOR_NOTE);
    assert.ok(!(await (await other.$('[data-testid="note-reply"]')).isExisting()), 'the other note has no reply');
    await shoot(browser, 'bappeda-note-reply', 'review-notes');
    await press(await note.$('[data-testid="review-note-toggle"]'));
    await browser.waitUntil(async () => (await (await note.$('[data-testid="review-note-state"]')).getText()) === 'Selesai', {
      timeout: 20000,
      timeoutMsg: 'the note was not resolved',
    });
    await press(await byTestId(browser, 'action-detail-back'));

    const said = await writeFeedback(browser, feedback2);
    assert.match(said, /^Umpan balik ke-2 untuk DINKES /);
    assert.match(said, /2 catatan \(1 terbuka\), 1 tanggapan\./);
  } finally {
    await app.close();
  }

  // The OPD takes the next file: its reply arrived, the note is done. The
  // older file is refused afterwards, and changes nothing.
  app = await launchApp({ args: ['--db', dinkesDb] });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    const taken = await takeFeedback(browser, feedback2);
    assert.equal(await taken.getAttribute('data-testid'), 'feedback-taken', await taken.getText());
    assert.match(await taken.getText(), /1 tanggapan sudah diterima Bappeda/);
    await press(await byTestId(browser, 'feedback-open-notes'));
    await (await byTestId(browser, 'feedback-notes')).waitForDisplayed({ timeout: 20000 });
    // Open notes by default: only the indicator's is left; "Semua" shows the resolved one with its thread.
    await browser.waitUntil(async () => (await allByTestId(browser, 'received-note')).length === 1, {
      timeout: 20000,
      timeoutMsg: 'the open filter does not show the one open note',
    });
    await press(await byTestId(browser, 'feedback-filter-all'));
    const note = await withText(browser, 'received-note', ACTION_NOTE);
    assert.equal(await (await note.$('[data-testid="received-note-state"]')).getText(), 'Selesai');
    assert.match(await (await note.$('[data-testid="note-reply-state"]')).getText(), /^Diterima Bappeda /);
    assert.ok(!(await (await note.$('[data-testid="reply-body"]')).isExisting()), 'a resolved note takes no reply');
    await shoot(browser, 'opd-feedback-resolved', 'feedback-notes');
    const notesBefore = cli('note', 'list', '--db', dinkesDb);
    await press(await byTestId(browser, 'feedback-back'));

    const refused = await takeFeedback(browser, feedback1);
    assert.equal(await refused.getAttribute('data-testid'), 'error-alert');
    assert.match(await refused.getText(), /umpan balik ke-1 .*lebih lama dari umpan balik ke-2 yang sudah diambil/i);
    assert.equal(cli('note', 'list', '--db', dinkesDb), notesBefore, 'the refused file changed nothing');
  } finally {
    await app.close();
  }
});
