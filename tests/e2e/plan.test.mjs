// The real desktop window shows the plan from the local database.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { allByTestId, byTestId, cli, launchApp, screenshot, tempDir, waitForPageLoad } from './harness.mjs';

const UHC_LEAD = 'Dinas Kesehatan';

async function expectWonosoboPlan(browser) {
  const title = await byTestId(browser, 'plan-title');
  await title.waitForDisplayed({ timeout: 20000 });
  assert.match(await title.getText(), /Wonosobo/);
  const themes = await allByTestId(browser, 'theme');
  assert.equal(themes.length, 5, 'five themes');
  const actions = await allByTestId(browser, 'action');
  assert.equal(actions.length, 8, 'eight actions');
  const firstTheme = await (await allByTestId(browser, 'theme-name'))[0].getText();
  assert.match(firstTheme, /Layanan Publik/);
  const codes = [];
  for (const action of actions) codes.push(await (await action.$('[data-testid="action-code"]')).getText());
  assert.deepEqual(codes, ['RA-01', 'RA-02', 'RA-03', 'RA-04', 'RA-05', 'RA-06', 'RA-07', 'RA-08']);
  const lead = await (await actions[0].$('[data-testid="action-lead-opd"]')).getText();
  assert.ok(lead.includes(UHC_LEAD), `RA-01 lead OPD shown: ${lead}`);
}

async function chooseProfile(browser, role, userName) {
  const select = await byTestId(browser, 'profile-role');
  await select.waitForDisplayed({ timeout: 20000 });
  await select.selectByAttribute('value', role);
  await (await byTestId(browser, 'profile-user-name')).setValue(userName);
  await screenshot(browser, 'first-start-profile');
  await (await byTestId(browser, 'profile-submit')).click();
}

test('first start creates the database, offers the demo, and shows the plan', async () => {
  const dataDir = tempDir();
  const app = await launchApp({ dataDir });
  try {
    const { browser } = app;
    const welcome = await byTestId(browser, 'first-start');
    await welcome.waitForDisplayed({ timeout: 20000 });
    assert.ok(existsSync(join(dataDir, 'renaksi.db')), 'the database file was created on first start');
    assert.ok((await welcome.getText()).includes(join(dataDir, 'renaksi.db')), 'says where the data lives');
    assert.ok(await (await byTestId(browser, 'choose-empty')).isDisplayed());
    await screenshot(browser, 'first-start');

    await (await byTestId(browser, 'choose-demo')).click();
    await chooseProfile(browser, 'bappeda', 'Admin Bappeda');
    await expectWonosoboPlan(browser);
    assert.match(await (await byTestId(browser, 'profile-badge')).getText(), /Bappeda/);
    await screenshot(browser, 'plan-overview');

    // The window opened with "first start" answers in the page; a reload must
    // ask again rather than offer the first start a second time.
    await browser.refresh();
    await waitForPageLoad(browser);
    await expectWonosoboPlan(browser);
    assert.equal(await (await byTestId(browser, 'first-start')).isExisting(), false, 'no second first start');
  } finally {
    await app.close();
  }
});

test('a demo database made with the CLI opens straight on the plan, in both languages', async () => {
  const dir = tempDir();
  const db = join(dir, 'bappeda.db');
  cli('demo', '--db', db);
  const app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    await expectWonosoboPlan(browser);
    assert.equal(await browser.execute(() => document.documentElement.lang), 'id');

    await (await byTestId(browser, 'lang-switch')).click();
    await browser.waitUntil(async () => (await browser.execute(() => document.documentElement.lang)) === 'en', {
      timeout: 5000,
      timeoutMsg: 'the UI did not switch to English',
    });
    await screenshot(browser, 'plan-overview-en');
  } finally {
    await app.close();
  }
});

for (const who of ['bappeda', 'opd']) {
test(`the first action card is in view on an office screen (1366×768) and a projector (1024×768): ${who}`, async () => {
  const dir = tempDir();
  const db = join(dir, `${who}.db`);
  // An OPD's overview has the calendar banner above the toolbar.
  if (who === 'opd') cli('demo', '--db', db, '--opd', 'DINKES');
  else cli('demo', '--db', db);
  const suffix = who === 'opd' ? '-opd' : '';
  const app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    await expectWonosoboPlan(browser);
    if (who === 'opd') {
      await browser.waitUntil(
        // Its text content: a line too long for the window is cut with an ellipsis on screen.
        async () =>
          /terlambat/.test(
            await browser.execute(() => document.querySelector('[data-testid="calendar-banner-text"]')?.textContent ?? ''),
          ),
        { timeout: 20000, timeoutMsg: 'the calendar banner did not load' },
      );
    }
    for (const [width, height] of [
      [1366, 768],
      [1024, 768],
    ]) {
      await browser.setWindowSize(width, height);
      await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) === width, {
        timeout: 10000,
        timeoutMsg: `the window did not become ${width} px wide`,
      });
      await browser.execute(() => window.scrollTo(0, 0));
      await screenshot(browser, `plan-overview${suffix}-${width}x${height}`);
      // In view: the first card's heading (code and title) and its capaian.
      const layout = await browser.execute(() => {
        const card = document.querySelector('[data-testid="action"]');
        const heading = card.querySelector('h3').getBoundingClientRect();
        const achievement = card.querySelector('[data-testid="action-achievement"]').getBoundingClientRect();
        // Rows of the toolbar: fields whose tops are more than a label's height apart.
        const tops = [...document.querySelectorAll('.toolbar > *')].map((field) => field.getBoundingClientRect().top).sort((a, b) => a - b);
        const rows = tops.filter((top, i) => i === 0 || top - tops[i - 1] > 20).length;
        const banner = document.querySelector('[data-testid="calendar-banner"]')?.getBoundingClientRect();
        return { top: heading.top, bottom: achievement.bottom, viewport: window.innerHeight, rows, banner: banner?.height ?? 0 };
      });
      assert.ok(layout.rows <= 2, `the toolbar takes ${layout.rows} rows at ${width}×${height}`);
      if (who === 'opd') assert.ok(layout.banner > 0 && layout.banner < 60, `the banner is one line (${layout.banner} px)`);
      assert.ok(
        layout.top >= 0 && layout.bottom <= layout.viewport,
        `the first action card (${Math.round(layout.top)}–${Math.round(layout.bottom)} px) is in view of ${layout.viewport} px at ${width}×${height}`,
      );
    }
  } finally {
    await app.close();
  }
});
}

test('starting empty leads Bappeda into the plan editor, and back shows the way in again', async () => {
  const app = await launchApp();
  try {
    const { browser } = app;
    await (await byTestId(browser, 'choose-empty')).waitForDisplayed({ timeout: 20000 });
    await (await byTestId(browser, 'choose-empty')).click();
    await chooseProfile(browser, 'bappeda', 'Admin Bappeda');
    await (await byTestId(browser, 'plan-new')).waitForDisplayed({ timeout: 20000 });
    await (await byTestId(browser, 'planning-back')).click();
    const empty = await byTestId(browser, 'empty-plan');
    await empty.waitForDisplayed({ timeout: 20000 });
    assert.match(await empty.getText(), /editor rencana aksi/i);
    assert.ok(await (await byTestId(browser, 'empty-plan-start')).isDisplayed());
  } finally {
    await app.close();
  }
});

test('a database from a newer Renaksi is refused with a clear message and left untouched', async () => {
  const dir = tempDir();
  const db = join(dir, 'future.db');
  cli('demo', '--db', db);
  // Stamp a schema version from the future: user_version is bytes 60..63 of the header.
  const bytes = readFileSync(db);
  bytes.writeUInt32BE(999, 60);
  writeFileSync(db, bytes);
  const app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    const alert = await byTestId(browser, 'error-alert');
    await alert.waitForDisplayed({ timeout: 20000 });
    assert.match(await alert.getText(), /lebih baru/);
    await screenshot(browser, 'newer-database');
  } finally {
    await app.close();
  }
  assert.ok(readFileSync(db).equals(bytes), 'the file is byte-identical');
});

test("the installation's signing key is made on first start", async () => {
  const dataDir = tempDir();
  const app = await launchApp({ dataDir });
  try {
    await (await byTestId(app.browser, 'first-start')).waitForDisplayed({ timeout: 20000 });
  } finally {
    await app.close();
  }
  assert.ok(existsSync(join(dataDir, 'kunci', 'opd-ed25519.key')), 'key file in the data folder');
});
