// A plan too big to put every card in the page: 120 actions in five themes,
// made by the bench's generator. Only the cards near the window are rendered;
// the find (Ctrl+F), keyboard navigation, screen reader sizes and the filters
// still reach every card.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { byTestId, cliBinary, launchApp, screenshot, tempDir } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const ACTIONS = 120;

/**
 * Bappeda's database of the generator's plan (60 OPDs, 120 actions, RA-001 to
 * RA-120, theme n % 5): the generator is built beside the CLI (a no-op when it
 * is fresh) and asked for the smallest reports, since only the plan is used.
 */
function generatedPlan() {
  const binDir = dirname(cliBinary());
  const args = ['build', '-p', 'renaksi-bench-generate'];
  if (basename(binDir) === 'release') args.push('--release');
  execFileSync('cargo', args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, CARGO_TARGET_DIR: dirname(binDir) } });
  const out = tempDir('renaksi-scale-');
  execFileSync(
    join(binDir, 'renaksi-bench-generate'),
    ['--out', out, '--opds', '60', '--indicators', '1', '--large-indicators', '1', '--large-milestones', '1'],
    { stdio: 'inherit' },
  );
  const db = join(tempDir(), 'bappeda.db');
  copyFileSync(join(out, 'bappeda', 'renaksi.db'), db);
  return db;
}

/** What the page holds of the overview: cards, their list positions, and the focused card. */
const pageState = (browser) =>
  browser.execute(() => {
    const items = [...document.querySelectorAll('[data-testid="theme-actions"] > li')].map((li) => ({
      code: li.querySelector('[data-testid="action-code"]').textContent.trim(),
      setsize: li.getAttribute('aria-setsize'),
      posinset: li.getAttribute('aria-posinset'),
      theme: li.closest('[data-testid="theme"]').querySelector('[data-testid="theme-name"]').textContent.trim(),
    }));
    return { items, count: document.querySelector('[data-testid="result-count"]').textContent.trim() };
  });

async function setSize(browser, width, height) {
  await browser.setWindowSize(width, height);
  await browser.waitUntil(async () => (await browser.execute(() => window.innerWidth)) === width, {
    timeout: 10000,
    timeoutMsg: `the window did not become ${width} px wide`,
  });
}

const countIs = (browser, pattern) =>
  browser.waitUntil(async () => pattern.test((await pageState(browser)).count), {
    timeout: 10000,
    timeoutMsg: `the count did not become ${pattern}`,
  });

test('a plan of 120 actions renders only the cards near the window, and find, Tab and filters reach every one', async () => {
  const db = generatedPlan();
  const app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    await setSize(browser, 1366, 768);
    await countIs(browser, /^120 dari 120 rencana aksi/);

    // A bounded number of cards, each list saying its true size and each card its place.
    const first = await pageState(browser);
    assert.ok(first.items.length > 0 && first.items.length <= 40, `${first.items.length} of ${ACTIONS} cards in the page`);
    const byTheme = new Map();
    for (const item of first.items) byTheme.set(item.theme, [...(byTheme.get(item.theme) ?? []), item]);
    for (const [theme, items] of byTheme) {
      assert.ok(items.every((item) => item.setsize === '24'), `every card of ${theme} says 24 in its list`);
      const positions = items.map((item) => Number(item.posinset));
      assert.deepEqual(positions, positions.map((_, i) => positions[0] + i), `${theme}: consecutive positions`);
    }
    assert.ok(!first.items.some((item) => item.code === 'RA-120'), 'the last card is not rendered at the start');
    await screenshot(browser, 'plan-scale-overview-1366x768');

    // Ctrl+F finds the last action's code, far below: rendered, scrolled into view, marked.
    await browser.keys(['Control', 'f']);
    await browser.keys('Control');
    const input = await byTestId(browser, 'find-input');
    await input.waitForDisplayed({ timeout: 5000 });
    assert.equal(await browser.execute(() => document.activeElement?.dataset.testid), 'find-input');
    await input.setValue('ra-120');
    await browser.waitUntil(async () => (await (await byTestId(browser, 'find-count')).getText()) === '1 dari 1', {
      timeout: 5000,
      timeoutMsg: 'the find did not count the one card',
    });
    const found = await browser.execute(() => {
      const card = document.querySelector('[data-testid="action"][data-found="true"]');
      if (!card) return null;
      const rect = card.getBoundingClientRect();
      return {
        code: card.querySelector('[data-testid="action-code"]').textContent.trim(),
        mark: card.querySelector('mark')?.textContent,
        top: rect.top,
        bottom: rect.bottom,
        viewport: window.innerHeight,
      };
    });
    assert.ok(found, 'a card is marked as found');
    assert.equal(found.code, 'RA-120');
    assert.equal(found.mark, 'RA-120', 'the found text is marked');
    assert.ok(found.top >= 0 && found.top < found.viewport, `the found card is in view (${Math.round(found.top)} px)`);
    await screenshot(browser, 'plan-find-1366x768');

    // A phrase on several cards, on a projector: Enter steps through them, "n dari m".
    await setSize(browser, 1024, 768);
    await input.setValue('kesehatan');
    await browser.waitUntil(async () => /^1 dari \d+$/.test(await (await byTestId(browser, 'find-count')).getText()), {
      timeout: 5000,
      timeoutMsg: 'the find did not count the cards about kesehatan',
    });
    const many = Number((await (await byTestId(browser, 'find-count')).getText()).split(' ').pop());
    assert.ok(many > 1, `${many} cards about kesehatan`);
    await browser.keys('Enter');
    assert.equal(await (await byTestId(browser, 'find-count')).getText(), `2 dari ${many}`);
    await browser.keys(['Shift', 'F3']);
    await browser.keys('Shift');
    assert.equal(await (await byTestId(browser, 'find-count')).getText(), `1 dari ${many}`);

    await screenshot(browser, 'plan-find-1024x768');
    // Escape closes the find and puts the focus on the card it was on.
    await browser.keys('Escape');
    await browser.waitUntil(async () => !(await (await byTestId(browser, 'find-bar')).isExisting()), {
      timeout: 5000,
      timeoutMsg: 'Escape did not close the find',
    });
    assert.equal(await browser.execute(() => document.activeElement?.dataset.testid), 'open-action');

    // Tab from the first card walks into cards not rendered at the start, the focus always on a card in view.
    await browser.execute(() => {
      window.scrollTo(0, 0);
      document.querySelector('[data-testid="open-action"]').focus();
    });
    const rendered = new Set((await pageState(browser)).items.map((item) => item.code));
    const reached = [];
    for (let i = 0; i < 40; i += 1) {
      await browser.keys('Tab');
      const focus = await browser.execute(() => {
        const el = document.activeElement;
        const rect = el.getBoundingClientRect();
        return {
          testid: el.dataset.testid ?? el.tagName,
          code: el.closest('[data-testid="action"]')?.querySelector('[data-testid="action-code"]').textContent.trim(),
          inView: rect.bottom > 0 && rect.top < window.innerHeight,
          ring: getComputedStyle(el).outlineStyle !== 'none' || getComputedStyle(el).boxShadow !== 'none',
        };
      });
      assert.notEqual(focus.testid, 'BODY', `Tab ${i + 1} lost the focus`);
      assert.ok(focus.inView, `Tab ${i + 1}: the focused ${focus.testid} is in view`);
      if (focus.testid === 'open-action') {
        assert.ok(focus.ring, `Tab ${i + 1}: the focus on ${focus.code} is visible`);
        reached.push(focus.code);
      }
    }
    const unrendered = reached.filter((code) => !rendered.has(code));
    assert.ok(unrendered.length > 0, `Tab reached cards not rendered at the start (${reached.join(', ')})`);
    assert.ok((await pageState(browser)).items.length <= 40, 'still a bounded number of cards after walking');

    // The filters still count every action, rendered or not.
    await browser.execute(() => window.scrollTo(0, 0));
    const theme = await byTestId(browser, 'filter-theme');
    const themes = await browser.execute(() => [...document.querySelectorAll('[data-testid="filter-theme"] option')].map((o) => o.value).filter(Boolean));
    await theme.selectByAttribute('value', themes[4]);
    await countIs(browser, /^24 dari 120 rencana aksi/);
    await theme.selectByAttribute('value', '');
    const search = await byTestId(browser, 'search');
    await search.setValue('RA-120');
    await countIs(browser, /^1 dari 120 rencana aksi/);
    await search.setValue('tidak ada yang seperti ini');
    await countIs(browser, /^0 dari 120 rencana aksi/);
    assert.ok(await (await byTestId(browser, 'no-results')).isDisplayed());
    await (await byTestId(browser, 'clear-filters')).click();
    await countIs(browser, /^120 dari 120 rencana aksi/);
    await setSize(browser, 1024, 768);
    await browser.execute(() => window.scrollTo(0, 0));
    await screenshot(browser, 'plan-scale-overview-1024x768');
  } finally {
    await app.close();
  }
});
