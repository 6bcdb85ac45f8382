// The OPD's calendar and report history in the real window: the plan
// overview's banner names the oldest overdue report (the demo plan's 2019
// quarters are long past; 2018's are closed), leads to the report screen,
// whose calendar and history follow each export.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { allByTestId, answerFileDialog, byTestId, cli, launchApp, press, screenshot, tempDir } from './harness.mjs';

/** Whole days from `due` ("YYYY-MM-DD") to today on this computer's clock. */
function daysSince(due) {
  const now = new Date();
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  const [y, m, d] = due.split('-').map(Number);
  return Math.round((today - Date.UTC(y, m - 1, d)) / 86_400_000);
}

/** 2.791 the Indonesian way. */
const number = (n) => n.toLocaleString('id-ID');

/** The banner's line once loaded (its text content: a long line is cut with an ellipsis on screen). */
async function bannerText(browser) {
  await (await byTestId(browser, 'calendar-banner-text')).waitForDisplayed({ timeout: 20000 });
  const read = () => browser.execute(() => document.querySelector('[data-testid="calendar-banner-text"]').textContent.trim());
  await browser.waitUntil(async () => /^(Laporan|Tidak ada)/.test(await read()), {
    timeout: 20000,
    timeoutMsg: 'the banner did not load',
  });
  return read();
}

/** Each calendar row as { period: "2019-1", state }. */
async function calendarStates(browser) {
  const rows = await allByTestId(browser, 'report-calendar-row');
  const states = {};
  for (const row of rows) {
    states[`${await row.getAttribute('data-year')}-${await row.getAttribute('data-quarter')}`] = await row.getAttribute('data-state');
  }
  return states;
}

async function exportQuarter(browser, value, out) {
  const period = await byTestId(browser, 'report-period');
  await period.waitForDisplayed({ timeout: 20000 });
  await period.selectByAttribute('value', value);
  await press(await byTestId(browser, 'report-export'));
  answerFileDialog('Simpan laporan OPD', out);
  await browser.waitUntil(async () => (await (await byTestId(browser, 'report-result')).getText()).includes(out), {
    timeout: 30000,
    timeoutMsg: `the report for ${value} was not saved to ${out}`,
  });
}

test("an OPD sees its overdue report, exports, and its calendar and history follow", async () => {
  const dir = tempDir();
  const db = join(dir, 'dinsos.db');
  cli('demo', '--db', db, '--opd', 'DINSOS');
  const app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    await browser.setWindowSize(1366, 768);
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });

    // TW I 2019 (due 15 April 2019) is the oldest report not sent: red, with the days late.
    const late = daysSince('2019-04-15');
    assert.equal(
      await bannerText(browser),
      `Laporan Triwulan I 2019 terlambat ${number(late)} hari (batas 15 April 2019). 3 laporan lain juga terlambat.`,
    );
    assert.equal(await (await byTestId(browser, 'calendar-banner')).getAttribute('data-tone'), 'overdue');
    const colours = await browser.execute(() => {
      const banner = document.querySelector('[data-testid="calendar-banner"]');
      const style = getComputedStyle(banner);
      const root = getComputedStyle(document.documentElement);
      return { background: style.backgroundColor, danger: root.getPropertyValue('--color-danger-bg').trim() };
    });
    assert.equal(colours.background, 'rgb(253, 236, 236)', `the banner is red (${JSON.stringify(colours)})`);
    await screenshot(browser, 'opd-overview-banner-1366x768');

    // The banner leads to the report screen, whose calendar comes first.
    await press(await byTestId(browser, 'calendar-banner-open'));
    await (await byTestId(browser, 'report-calendar-table')).waitForDisplayed({ timeout: 20000 });
    const before = await calendarStates(browser);
    assert.deepEqual(before, {
      '2018-1': 'ditutup',
      '2018-2': 'ditutup',
      '2018-3': 'ditutup',
      '2018-4': 'ditutup',
      '2019-1': 'terlambat',
      '2019-2': 'terlambat',
      '2019-3': 'terlambat',
      '2019-4': 'terlambat',
    });
    assert.equal(
      await (await byTestId(browser, 'report-calendar-as-of')).getText(),
      'Belum ada umpan balik dari Bappeda: kolom Di Bappeda terisi setelah berkas umpan balik diambil.',
    );
    assert.equal(
      await (await byTestId(browser, 'report-history-empty')).getText(),
      'Belum ada laporan yang diekspor untuk rencana aksi ini.',
    );

    await exportQuarter(browser, '2019-1', join(dir, 'laporan-dinsos-2019-tw1.xlsx'));
    await exportQuarter(browser, '2019-2', join(dir, 'laporan-dinsos-2019-tw2.xlsx'));

    // The calendar: both exported here, numbered; TW III is now the oldest late one.
    await browser.waitUntil(async () => (await calendarStates(browser))['2019-2'] === 'diekspor', {
      timeout: 20000,
      timeoutMsg: 'the calendar did not follow the export',
    });
    const after = await calendarStates(browser);
    assert.equal(after['2019-1'], 'diekspor');
    assert.equal(after['2019-3'], 'terlambat');
    const exported = await (await browser.$('[data-testid="report-calendar-row"][data-year="2019"][data-quarter="2"] [data-testid="report-calendar-exported"]')).getText();
    assert.match(exported, /, no\. 2$/);
    assert.match(await (await byTestId(browser, 'report-calendar-next')).getText(), /^Laporan Triwulan III 2019 terlambat/);
    // The row the line names is marked in words, not by its colour alone.
    const marked = await browser.$('[data-testid="report-calendar-row"][aria-current="true"]');
    assert.equal(`${await marked.getAttribute('data-year')}-${await marked.getAttribute('data-quarter')}`, '2019-3');
    assert.match(await marked.getText(), /paling lama terlambat/);
    await (await byTestId(browser, 'report-calendar')).scrollIntoView({ block: 'start' });
    await screenshot(browser, 'opd-calendar-1366x768');

    // The history: newest first, with the key's words as the report screen reads them out.
    const words = (await (await byTestId(browser, 'own-key-words')).getText()).replace(/\d+\s*/g, ' ').replace(/\s+/g, ' ').trim();
    const rows = await allByTestId(browser, 'report-history-row');
    assert.equal(rows.length, 2);
    const seen = [];
    for (const row of rows) {
      seen.push({
        sequence: await row.getAttribute('data-sequence'),
        status: await row.getAttribute('data-status'),
        text: await row.getText(),
      });
    }
    assert.deepEqual(
      seen.map((r) => [r.sequence, r.status]),
      [
        ['2', 'belum_ada_kabar'],
        ['1', 'belum_ada_kabar'],
      ],
    );
    assert.match(seen[0].text, /Triwulan II 2019/);
    assert.match(seen[1].text, /Triwulan I 2019/);
    assert.ok(seen[0].text.includes(words), `the key's words in the history: ${seen[0].text} / ${words}`);
    assert.match(seen[0].text, /Belum ada kabar/);
    await (await byTestId(browser, 'report-history')).scrollIntoView({ block: 'start' });
    await screenshot(browser, 'opd-report-history-1366x768');

    // Back on the overview, the banner names TW III now.
    await press(await byTestId(browser, 'report-back'));
    await browser.waitUntil(async () => /Triwulan III 2019/.test(await bannerText(browser)), {
      timeout: 20000,
      timeoutMsg: 'the banner did not follow the export',
    });
    assert.match(await bannerText(browser), /1 laporan lain juga terlambat\.$/);
  } finally {
    await app.close();
  }
});
