// Presentation mode in the real window at projector size (1024×768): F5 opens
// it, the arrow keys move through the slides, E edits the action on screen and
// back returns to its slide, Esc leaves. Every text on the slides meets WCAG AA
// contrast against what is actually painted behind it.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { byTestId, cli, launchApp, press, screenshot, tempDir } from './harness.mjs';

/** The lowest contrast ratio of any text in the presentation, with where it is. */
const lowestContrast = (browser) =>
  browser.execute(() => {
    const rgb = (text) => (text.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]) => {
      const channel = (c) => {
        const v = c / 255;
        return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
      };
      return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
    };
    const background = (element) => {
      for (let e = element; e; e = e.parentElement) {
        const [r, g, b, a = 1] = rgb(getComputedStyle(e).backgroundColor);
        if (a > 0) return [r, g, b];
      }
      return [255, 255, 255];
    };
    let lowest = { ratio: Infinity, text: '' };
    for (const element of document.querySelectorAll('[data-testid="presentation"] *')) {
      const own = [...element.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent.trim());
      if (!own) continue;
      const [l1, l2] = [luminance(rgb(getComputedStyle(element).color)), luminance(background(element))];
      const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
      if (ratio < lowest.ratio) lowest = { ratio, text: element.textContent.trim().slice(0, 60) };
    }
    return lowest;
  });

test('a facilitator presents the plan, edits an action from its slide and leaves', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'bappeda'));
  const db = join(dir, 'bappeda', 'renaksi.db');
  cli('demo', '--db', db);
  const app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    await browser.setWindowSize(1024, 768);
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });

    await browser.keys('F5');
    const presentation = await byTestId(browser, 'presentation');
    await presentation.waitForDisplayed({ timeout: 10000 });
    const title = async () => (await byTestId(browser, 'slide-title')).getText();
    assert.match(await title(), /Rencana Aksi Daerah/);
    await browser.keys('ArrowRight');
    assert.match(await title(), /Layanan Publik/);
    await browser.keys('ArrowRight');
    assert.match(await title(), /^RA-01/);
    assert.match(await (await byTestId(browser, 'slide-count')).getText(), /^3 \/ 14$/);
    const lowest = await lowestContrast(browser);
    assert.ok(lowest.ratio >= 4.5, `contrast ${lowest.ratio.toFixed(2)}:1 on "${lowest.text}"`);
    await screenshot(browser, 'presentation-action-1024x768');

    // Ctrl + makes it bigger.
    await browser.keys(['Control', '=']);
    await browser.keys('Control');
    assert.equal(await presentation.getAttribute('data-zoom'), '1.1');

    // E: the ordinary workspace; back returns to the same slide.
    await browser.keys('e');
    await (await byTestId(browser, 'action-detail-back')).waitForDisplayed({ timeout: 20000 });
    assert.match(await (await byTestId(browser, 'detail-code')).getText(), /RA-01/);
    await press(await byTestId(browser, 'action-detail-back'));
    await (await byTestId(browser, 'presentation')).waitForDisplayed({ timeout: 10000 });
    assert.match(await title(), /^RA-01/);

    await browser.keys('Escape');
    await (await byTestId(browser, 'presentation')).waitForDisplayed({ reverse: true, timeout: 10000 });
    await (await byTestId(browser, 'plan-overview')).waitForDisplayed({ timeout: 10000 });
  } finally {
    await app.close();
  }
});
