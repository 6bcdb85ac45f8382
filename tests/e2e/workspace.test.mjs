// An OPD clerk's data entry in the real window: an indicator with targets and
// a realisation, capaian and predikat, persistence across a restart, and
// ownership enforced by the backend.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allByTestId, byTestId, launchApp, press, screenshot, tempDir } from './harness.mjs';

const DESCRIPTION = 'Jumlah puskesmas yang menayangkan standar pelayanan (uji e2e)';

/** First start on the demo plan as an OPD clerk. */
async function firstStartAsOpd(browser, opdCode, userName) {
  await (await byTestId(browser, 'choose-demo')).waitForClickable({ timeout: 20000 });
  await press(await byTestId(browser, 'choose-demo'));
  const role = await byTestId(browser, 'profile-role');
  await role.waitForDisplayed({ timeout: 20000 });
  await role.selectByAttribute('value', opdCode);
  await (await byTestId(browser, 'profile-user-name')).setValue(userName);
  await press(await byTestId(browser, 'profile-submit'));
  await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
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

async function indicatorCard(browser, text) {
  let found;
  await browser.waitUntil(
    async () => {
      for (const card of await allByTestId(browser, 'indicator')) {
        if ((await card.getText()).includes(text)) {
          found = card;
          return true;
        }
      }
      return false;
    },
    { timeout: 20000, timeoutMsg: `no indicator showing "${text}"` },
  );
  return found;
}

async function waitSaved(browser) {
  const status = await byTestId(browser, 'save-status');
  await status.waitForDisplayed({ timeout: 20000 });
  await browser.waitUntil(async () => /Tersimpan/.test(await status.getText()), {
    timeout: 20000,
    timeoutMsg: 'the save was not confirmed',
  });
}

test('an OPD clerk enters an indicator, targets and a realisation, sees capaian and predikat, and finds them after a restart', async () => {
  const dataDir = tempDir();
  let app = await launchApp({ dataDir });
  try {
    const { browser } = app;
    await firstStartAsOpd(browser, 'DINKES', 'Sari Puspita');
    assert.match(await (await byTestId(browser, 'profile-badge')).getText(), /DINKES/);
    await openAction(browser, 'RA-01');

    await press(await byTestId(browser, 'add-indicator'));
    await (await byTestId(browser, 'indicator-description')).setValue(DESCRIPTION);
    await (await byTestId(browser, 'indicator-unit')).setValue('puskesmas');
    await (await byTestId(browser, 'indicator-polarity')).selectByAttribute('value', 'positif');
    await (await byTestId(browser, 'indicator-aggregation')).selectByAttribute('value', 'kumulatif');
    await press(await byTestId(browser, 'indicator-save'));
    await waitSaved(browser);

    let card = await indicatorCard(browser, DESCRIPTION);
    const targets = { 1: '4', 2: '4', 3: '6', 4: '6' };
    for (const [quarter, value] of Object.entries(targets)) {
      await (await card.$(`[data-testid="target-input"][data-year="2019"][data-quarter="${quarter}"]`)).setValue(value);
    }
    await press(await card.$('[data-testid="targets-save"][data-year="2019"]'));
    await waitSaved(browser);

    card = await indicatorCard(browser, DESCRIPTION);
    await press(await card.$('[data-testid="realisation-edit"][data-year="2019"][data-quarter="1"]'));
    await (await byTestId(browser, 'realisation-value')).setValue('3');
    await (await byTestId(browser, 'realisation-notes')).setValue('Tiga puskesmas sudah memasang papan standar pelayanan.');
    await (await byTestId(browser, 'realisation-obstacles')).setValue('Anggaran cetak terlambat.');
    await (await byTestId(browser, 'realisation-follow-up')).setValue('Cetak di triwulan II.');
    await press(await byTestId(browser, 'realisation-save'));
    await waitSaved(browser);

    card = await indicatorCard(browser, DESCRIPTION);
    // Cumulative target s.d. TW I 2019 is 4, realisation 3: 75,00 %, Sedang.
    assert.match(await (await card.$('[data-testid="indicator-achievement"]')).getText(), /75,00/);
    assert.match(await (await card.$('[data-testid="indicator-grade"]')).getText(), /Sedang/);
    await card.scrollIntoView();
    await screenshot(browser, 'action-detail');
  } finally {
    await app.close();
  }

  app = await launchApp({ dataDir });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    await openAction(browser, 'RA-01');
    const card = await indicatorCard(browser, DESCRIPTION);
    assert.match(await (await card.$('[data-testid="indicator-achievement"]')).getText(), /75,00/);
    assert.match(await (await card.$('[data-testid="indicator-grade"]')).getText(), /Sedang/);
    const q4 = await card.$('[data-testid="target-input"][data-year="2019"][data-quarter="4"]');
    assert.equal(await q4.getValue(), '6');
  } finally {
    await app.close();
  }
});

test("another OPD's indicator is read-only, and the backend refuses a change to it", async () => {
  const app = await launchApp();
  try {
    const { browser } = app;
    await firstStartAsOpd(browser, 'DINKES', 'Sari Puspita');
    await openAction(browser, 'RA-01');

    const card = await indicatorCard(browser, 'DINSOS');
    assert.ok(await (await card.$('[data-testid="read-only-note"]')).isDisplayed(), 'says it is read-only');
    assert.equal((await card.$$('[data-testid="realisation-edit"]')).length, 0, 'no edit buttons');
    assert.equal((await card.$$('[data-testid="targets-save"]')).length, 0, 'no save buttons');
    const id = await card.getAttribute('data-indicator-id');
    const before = await card.getText();

    const refusal = await browser.execute(async (indicatorId) => {
      try {
        await window.__TAURI_INTERNALS__.invoke('save_targets', {
          input: { indicatorId, year: 2019, values: [1, 1, 1, 1] },
          period: null,
        });
        return { code: 'accepted' };
      } catch (error) {
        return error;
      }
    }, id);
    assert.equal(refusal.code, 'forbidden', JSON.stringify(refusal));
    assert.match(refusal.message, /DINSOS/);

    await press(await byTestId(browser, 'action-detail-back'));
    await openAction(browser, 'RA-01');
    assert.equal(await (await indicatorCard(browser, 'DINSOS')).getText(), before, 'nothing changed');
  } finally {
    await app.close();
  }
});
