// Bappeda publishes for the public in the real window: records the
// end-of-commitment self-assessment of one action, opened from the action's
// page (a wrong link refused at its field first), then from the Terbitkan
// screen saves its workbook through the save dialog, publishes the
// transparency site and writes the open data through the folder dialog; then
// the folders are read: the site's index, the action's page with the recorded
// completion, and the open data's CSV row. Publishing again keeps the web
// team's .htaccess; the open data is refused in the site's folder.
// Screenshots at 1366×768.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allByTestId, answerFileDialog, answerFolderDialog, byTestId, cli, launchApp, press, screenshot, tempDir } from './harness.mjs';

const EXPLANATION = 'Aduan layanan kesehatan dijawab dalam tiga hari; rekapnya diumumkan tiap bulan.';
const LINK = 'https://wonosobokab.go.id/pengaduan/rekap-2019';

/** The card of one action on the self-assessment screen. */
const cardOf = (browser, code) => browser.$(`[data-testid="assessment-card"][data-action-code="${code}"]`);

async function waitForText(browser, element, pattern, what) {
  await browser.waitUntil(async () => pattern.test(await element.getText()), { timeout: 20000, timeoutMsg: what });
}

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

async function atWidth(browser, width) {
  await browser.setWindowSize(width, 768);
  await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) === width, {
    timeout: 10000,
    timeoutMsg: `the window did not become ${width} px wide`,
  });
}

/** The element's top and bottom in the window, and the window's height. */
async function placeOf(browser, element) {
  return browser.execute((el) => {
    const box = el.getBoundingClientRect();
    return { top: box.top, bottom: box.bottom, viewport: window.innerHeight };
  }, element);
}

test('Bappeda records the self-assessment, saves its workbook, publishes the site and the open data', async () => {
  const dir = tempDir();
  const db = join(dir, 'bappeda.db');
  cli('demo', '--db', db);
  const workbook = join(dir, 'penilaian-mandiri.xlsx');
  const siteDir = join(dir, 'situs');
  const dataDir = join(dir, 'data-terbuka');
  mkdirSync(siteDir);
  mkdirSync(dataDir);
  const app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    await atWidth(browser, 1366);

    // The self-assessment of RA-01, from its page: its form is open.
    await openAction(browser, 'RA-01');
    await screenshot(browser, 'publish-action-detail-bappeda');
    await press(await byTestId(browser, 'detail-open-assessment'));
    const ra01 = await cardOf(browser, 'RA-01');
    await (await ra01.$('[data-testid="assessment-completion"]')).waitForDisplayed({ timeout: 20000 });
    await (await ra01.$('[data-testid="assessment-completion"]')).selectByAttribute('value', 'substansial');
    await (await ra01.$('[data-testid="assessment-opened"]')).selectByAttribute('value', 'besar');
    await (await ra01.$('[data-testid="assessment-explanation"]')).setValue(EXPLANATION);
    const links = await ra01.$('[data-testid="assessment-links"]');
    await links.setValue('wonosobokab.go.id/pengaduan');
    await press(await ra01.$('[data-testid="assessment-save"]'));
    const fieldError = await ra01.$('[data-testid="field-error"]');
    await fieldError.waitForDisplayed({ timeout: 20000 });
    assert.match(await fieldError.getText(), /Tautan bukti ke-1 harus diawali http/);
    assert.equal(await links.getAttribute('aria-invalid'), 'true');
    await links.setValue(LINK);
    await press(await ra01.$('[data-testid="assessment-save"]'));
    await waitForText(browser, await byTestId(browser, 'assessment-status'), /Penilaian RA-01 tersimpan/, 'the save was not announced');
    assert.equal(await (await ra01.$('[data-testid="assessment-completion-shown"]')).getText(), 'Substansial');
    assert.equal(await (await ra01.$('[data-testid="assessment-opened-shown"]')).getText(), 'Besar');
    assert.match(await (await byTestId(browser, 'assessment-progress')).getText(), /1 dari 8 rencana aksi sudah dinilai/);
    await browser.execute(() => window.scrollTo(0, 0));
    await screenshot(browser, 'self-assessment-1366x768');
    // Back to the action's page, then to the plan.
    await press(await byTestId(browser, 'assessment-back'));
    await press(await byTestId(browser, 'action-detail-back'));
    await (await byTestId(browser, 'plan-overview')).waitForDisplayed({ timeout: 20000 });

    // Terbitkan: what is published and what never is, on the first screen.
    await press(await byTestId(browser, 'open-publish'));
    const never = await byTestId(browser, 'publish-never-summary');
    await never.waitForDisplayed({ timeout: 20000 });
    assert.match(await never.getText(), /Tidak pernah diterbitkan: kunci dan tanda tangan, catatan verifikator, nama orang/);
    assert.match(await (await byTestId(browser, 'publish-never')).getText(), /Catatan verifikator Bappeda/);
    assert.match(await (await byTestId(browser, 'publish-intro')).getText(), /data per \d+ \w+ \d{4}/);
    await browser.execute(() => window.scrollTo(0, 0));
    await screenshot(browser, 'publish-1366x768');
    // On an office screen and on a projector, the buttons are on the first screen.
    for (const width of [1366, 1024]) {
      await atWidth(browser, width);
      await browser.execute(() => window.scrollTo(0, 0));
      for (const id of ['publish-never-summary', 'publish-site-button', 'write-open-data']) {
        const shown = await placeOf(browser, await byTestId(browser, id));
        assert.ok(shown.bottom <= shown.viewport, `${id} is on the first screen at ${width}×768 (${Math.round(shown.bottom)} of ${shown.viewport} px)`);
      }
    }
    await screenshot(browser, 'publish-1024x768');
    await atWidth(browser, 1366);
    assert.match(await (await byTestId(browser, 'publish-assessed')).getText(), /1 dari 8 rencana aksi/);

    // The self-assessment again, from here: its workbook, through the save dialog.
    await press(await byTestId(browser, 'open-assessment'));
    await (await cardOf(browser, 'RA-01')).waitForDisplayed({ timeout: 20000 });
    await press(await byTestId(browser, 'export-assessment'));
    answerFileDialog('Simpan penilaian akhir komitmen', workbook);
    const exported = await byTestId(browser, 'assessment-export-result');
    await exported.waitForDisplayed({ timeout: 30000 });
    assert.ok((await exported.getText()).includes(workbook), await exported.getText());
    assert.ok(existsSync(workbook) && statSync(workbook).size > 0, 'the workbook was written');
    assert.equal(readFileSync(workbook).subarray(0, 2).toString(), 'PK', 'an .xlsx is a zip');

    // Back to Terbitkan: the site into the folder picked.
    await press(await byTestId(browser, 'assessment-back'));
    await press(await byTestId(browser, 'publish-site-button'));
    answerFileDialog('Pilih folder untuk situs transparansi', siteDir);
    const site = await byTestId(browser, 'site-result');
    await site.waitForDisplayed({ timeout: 60000 });
    const said = await site.getText();
    assert.ok(said.includes(join(siteDir, 'index.html')), said);
    assert.match(said, /Situs diterbitkan: \d+ halaman/);

    // Published again into the same folder, where the web team put its
    // .htaccess: the site's files are replaced, that file stays.
    writeFileSync(join(siteDir, '.htaccess'), 'Options -Indexes\n');
    await press(await byTestId(browser, 'publish-site-button'));
    answerFolderDialog('Pilih folder untuk situs transparansi', siteDir);
    await (await byTestId(browser, 'site-result')).waitForDisplayed({ timeout: 60000 });
    assert.equal(readFileSync(join(siteDir, '.htaccess'), 'utf8'), 'Options -Indexes\n');

    // The open data into the site's folder: refused, the site's own data/ kept as published.
    await press(await byTestId(browser, 'write-open-data'));
    answerFolderDialog('Pilih folder untuk data terbuka', siteDir);
    const refusal = await (await byTestId(browser, 'publish-open-data')).$('[data-testid="error-alert"]');
    await refusal.waitForDisplayed({ timeout: 30000 });
    assert.match(await refusal.getText(), /Terbitkan ulang situsnya/);

    // The open data into a folder of its own.
    await press(await byTestId(browser, 'write-open-data'));
    answerFileDialog('Pilih folder untuk data terbuka', dataDir);
    const data = await byTestId(browser, 'open-data-result');
    await data.waitForDisplayed({ timeout: 30000 });
    assert.match(await data.getText(), /penilaian_mandiri\.csv/);
    await screenshot(browser, 'publish-written-1366x768');
  } finally {
    await app.close();
  }

  // The folders, as the public gets them.
  assert.ok(existsSync(join(siteDir, 'index.html')), 'the site has its index');
  const page = readFileSync(join(siteDir, 'aksi', 'ra-01.html'), 'utf8');
  const assessed = page.slice(page.indexOf('id="penilaian"'));
  assert.match(assessed, /<dt>Tingkat penyelesaian<\/dt><dd><strong>Substansial<\/strong>/);
  assert.ok(assessed.includes(LINK), "the action's page links the evidence");
  assert.ok(!page.includes('Admin Bappeda') && !page.includes(dir), 'no name and no local path on the page');
  for (const csv of [join(siteDir, 'data', 'penilaian_mandiri.csv'), join(dataDir, 'penilaian_mandiri.csv')]) {
    const rows = readFileSync(csv, 'utf8').trim().split('\n');
    assert.equal(rows.length, 2, `${csv} holds one assessment`);
    assert.match(rows[1], /,RA-01,substansial,besar,/);
    assert.ok(rows[1].includes(LINK), rows[1]);
  }
  assert.ok(existsSync(join(dataDir, 'datapackage.json')), 'the open data has its descriptor');
});
