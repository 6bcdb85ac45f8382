// Bappeda writes its own plan in the real window: "Mulai kosong" leads into
// the plan editor, a plan for a regency that is not Wonosobo is made, its
// quarters get a due date and one is closed, and the plan is marked final.
// Screenshots of each editor tab at 1366×768 and 1024×768.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { allByTestId, byTestId, cli, launchApp, screenshot, tempDir } from './harness.mjs';

async function sizeWindow(browser, width, height) {
  await browser.setWindowSize(width, height);
  await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) === width, {
    timeout: 10000,
    timeoutMsg: `the window did not become ${width} px wide`,
  });
  await browser.execute(() => window.scrollTo(0, 0));
}

/** Both sizes, for a person to look at; nothing may run off the side. */
async function shoot(browser, name) {
  for (const [width, height] of [
    [1366, 768],
    [1024, 768],
  ]) {
    await sizeWindow(browser, width, height);
    await screenshot(browser, `${name}-${width}x${height}`);
    const overflow = await browser.execute(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${name} is ${overflow} px wider than the ${width} px window`);
  }
  await sizeWindow(browser, 1366, 768);
}

async function waitForText(browser, testId, pattern) {
  const element = await byTestId(browser, testId);
  await element.waitForDisplayed({ timeout: 20000 });
  await browser.waitUntil(async () => pattern.test(await element.getText()), {
    timeout: 20000,
    timeoutMsg: `${testId} did not come to say ${pattern}`,
  });
}

test('Mulai kosong at Bappeda leads into the plan editor, and a new regency writes its plan', async () => {
  const app = await launchApp();
  try {
    const { browser } = app;
    await (await byTestId(browser, 'choose-empty')).waitForDisplayed({ timeout: 20000 });
    await (await byTestId(browser, 'choose-empty')).click();
    const role = await byTestId(browser, 'profile-role');
    await role.waitForDisplayed({ timeout: 20000 });
    await role.selectByAttribute('value', 'bappeda');
    await (await byTestId(browser, 'profile-user-name')).setValue('Rina');
    await (await byTestId(browser, 'profile-submit')).click();

    // No dead end: the new plan form, with Backup still in the header.
    await (await byTestId(browser, 'plan-new')).waitForDisplayed({ timeout: 20000 });
    assert.ok(await (await byTestId(browser, 'open-backup')).isDisplayed(), 'Backup is reachable');
    await sizeWindow(browser, 1366, 768);
    await (await byTestId(browser, 'plan-new-region')).setValue('Kabupaten Temanggung');
    await (await byTestId(browser, 'plan-new-title')).setValue(
      'Rencana Aksi Keterbukaan Pemerintah Kabupaten Temanggung 2020-2022',
    );
    const firstYear = await byTestId(browser, 'plan-new-first-year');
    await firstYear.clearValue();
    await firstYear.setValue('2020');
    const lastYear = await byTestId(browser, 'plan-new-last-year');
    await lastYear.clearValue();
    await lastYear.setValue('2022');
    await shoot(browser, 'plan-editor-new');
    await (await byTestId(browser, 'plan-new-submit')).click();

    // The header shows the plan as a draft, version 1; the editor offers every tab now.
    await waitForText(browser, 'plan-title', /Temanggung/);
    await waitForText(browser, 'plan-status', /Draf/);
    await (await byTestId(browser, 'planning-tab-quarters')).waitForDisplayed({ timeout: 20000 });

    // Triwulan: a due date changed and the first quarter closed, with its reason.
    await (await byTestId(browser, 'planning-tab-quarters')).click();
    await (await byTestId(browser, 'quarters-tab')).waitForDisplayed({ timeout: 20000 });
    const rows = await allByTestId(browser, 'quarter-row');
    assert.equal(rows.length, 12, 'twelve quarters from 2020-TW1 to 2022-TW4');
    const due = await rows[1].$('[data-testid="quarter-due"]');
    assert.equal(await due.getValue(), '2020-07-10', 'due on the 10th day after the quarter');
    await browser.execute((element) => {
      element.value = '2020-07-20';
      element.dispatchEvent(new Event('input', { bubbles: true }));
    }, due);
    await (await rows[1].$('[data-testid="quarter-due-save"]')).click();
    await waitForText(browser, 'quarters-message', /Batas waktu Triwulan II 2020 disimpan/);
    await (await rows[0].$('[data-testid="quarter-reason"]')).setValue('Rekap triwulan I sudah disahkan');
    await (await rows[0].$('[data-testid="quarter-toggle"]')).click();
    await waitForText(browser, 'quarters-message', /Triwulan I 2020 ditutup/);
    assert.equal(await (await rows[0].$('[data-testid="quarter-state"]')).getText(), 'Ditutup');
    await shoot(browser, 'plan-editor-quarters');

    // Rencana: final takes version 1; the header says so.
    await (await byTestId(browser, 'planning-tab-plan')).click();
    await (await byTestId(browser, 'plan-make-final')).waitForDisplayed({ timeout: 20000 });
    await (await byTestId(browser, 'plan-make-final')).click();
    await waitForText(browser, 'planning-message', /ditetapkan final \(versi 1\)/);
    await waitForText(browser, 'plan-status', /Final/);
    await shoot(browser, 'plan-editor-plan');
  } finally {
    await app.close();
  }
  const listing = cli('plan', 'list', '--db', join(app.dataDir, 'renaksi.db'));
  assert.match(listing, /2020-2022 .*Temanggung.*\(final, versi 1\).*2020-TW1 s\.d\. 2022-TW4/);
});

test('the next plan leaves the earlier one read-only, reachable through the plan switcher', async () => {
  const dir = tempDir();
  const db = join(dir, 'bappeda.db');
  cli('demo', '--db', db);
  cli(
    'plan', 'new', '--db', db, '--region', 'Kabupaten Wonosobo', '--title',
    'Rencana Aksi Keterbukaan Pemerintah Kabupaten Wonosobo 2020-2022', '--from', '2020-TW1', '--to', '2022-TW4',
  );
  const app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    await waitForText(browser, 'plan-title', /2020-2022/);
    await (await byTestId(browser, 'open-planning')).click();
    await browser.waitUntil(async () => (await allByTestId(browser, 'plan-entry')).length === 2, { timeout: 20000 });
    await (await (await allByTestId(browser, 'plan-entry'))[1].$('[data-testid="plan-view"]')).click();
    await waitForText(browser, 'plan-title', /2018-2019/);
    await (await byTestId(browser, 'plan-read-only')).waitForDisplayed({ timeout: 20000 });
    await (await byTestId(browser, 'plan-read-only-note')).waitForDisplayed({ timeout: 20000 });
    assert.equal(await (await byTestId(browser, 'plan-make-final')).isExisting(), false);
    await shoot(browser, 'plan-editor-switcher');

    // The header's switcher goes back to the active plan, for any profile.
    const switcher = await byTestId(browser, 'plan-switcher');
    await switcher.waitForDisplayed({ timeout: 20000 });
    await switcher.selectByIndex(0);
    await waitForText(browser, 'plan-title', /2020-2022/);
    await (await byTestId(browser, 'plan-read-only')).waitForDisplayed({ reverse: true, timeout: 20000 });
  } finally {
    await app.close();
  }
});
