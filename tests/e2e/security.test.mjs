// What the window may do, tried in the real app: every registered command and
// a set of plugin commands invoked through Tauri's IPC, checked against the
// allow/deny table below; the CSP blocking inline script and remote loads;
// and a second launch that hands over to the running window.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appBinary, byTestId, cancelFileDialog, cli, launchApp, tempDir } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The app's own commands, as src-tauri declares them (names.rs: one `module::name,`
 * per line). src-tauri/tests/bindings.rs checks that this expression reads every one.
 */
function declaredCommands() {
  const names = readFileSync(join(here, '../../src-tauri/src/commands/names.rs'), 'utf8');
  return [...names.matchAll(/^\s+[a-z_]+::([a-z_]+),$/gm)].map((m) => m[1]);
}

/** Commands that open a native dialog when called without arguments, and its title. */
const DIALOGS = {
  export_package: 'Simpan paket rencana aksi',
  pick_report_files: 'Pilih laporan OPD',
  pick_package: 'Pilih paket rencana aksi dari Bappeda',
  pick_package_update: 'Pilih paket rencana aksi baru dari Bappeda',
  export_plan_template: 'Simpan template rencana aksi',
  pick_plan_template: 'Pilih template rencana aksi',
  take_feedback: 'Pilih berkas umpan balik dari Bappeda',
  publish_site: 'Pilih folder untuk situs transparansi',
  write_open_data: 'Pilih folder untuk data terbuka',
};

/** Plugin and core commands the window must not reach. */
const DENIED = [
  'plugin:fs|read_file',
  'plugin:fs|write_file',
  'plugin:fs|read_dir',
  'plugin:shell|execute',
  'plugin:shell|open',
  'plugin:opener|open_url',
  'plugin:opener|open_path',
  'plugin:http|fetch',
  'plugin:dialog|open',
  'plugin:dialog|save',
  'plugin:dialog|message',
  'plugin:window|close',
  'plugin:window|set_title',
  'plugin:webview|create_webview_window',
  'plugin:path|resolve_directory',
  'plugin:event|listen',
  'plugin:app|version',
  'plugin:single-instance|anything',
];

/**
 * Starts an invoke in the page; `outcome` waits for { ok } or the rejection
 * as text.
 */
async function startInvoke(browser, command, args = {}) {
  await browser.execute((name, given) => {
    window.__aclOutcome = null;
    window.__TAURI_INTERNALS__.invoke(name, given).then(
      () => {
        window.__aclOutcome = { ok: true };
      },
      (error) => {
        // Not `error`: WebdriverIO takes any result with an `error` key for a failed command.
        window.__aclOutcome = { ok: false, reason: typeof error === 'string' ? error : JSON.stringify(error) };
      },
    );
  }, command, args);
  return {
    outcome: async () => {
      let result = null;
      await browser.waitUntil(async () => (result = await browser.execute(() => window.__aclOutcome)) !== null, {
        timeout: 20000,
        timeoutMsg: `${command} did not answer`,
      });
      return result;
    },
  };
}

async function invoke(browser, command, args = {}) {
  return (await startInvoke(browser, command, args)).outcome();
}

/** Whether a window with this title is on screen (a native dialog). */
function dialogOpen(title) {
  try {
    execFileSync('xdotool', ['search', '--onlyvisible', '--name', title], { encoding: 'utf8', timeout: 5000 });
    return true;
  } catch {
    return false; // xdotool answers 1 when nothing matches
  }
}

/** A refusal by the ACL (or of a command that does not exist), not by the command itself. */
const deniedByAcl = (outcome) => !outcome.ok && /not allowed|not found|denied/i.test(outcome.reason);

test('every command is allowed or denied as the table says, and the CSP holds', async (t) => {
  const dir = tempDir();
  mkdirSync(join(dir, 'bappeda'));
  const db = join(dir, 'bappeda', 'renaksi.db');
  cli('demo', '--db', db);
  const app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });

    const commands = declaredCommands();
    assert.ok(commands.length >= 30, `read ${commands.length} commands`);
    const table = [];
    for (const command of commands) {
      let outcome;
      if (command in DIALOGS) {
        const pending = await startInvoke(browser, command);
        cancelFileDialog(DIALOGS[command]);
        outcome = await pending.outcome();
      } else {
        outcome = await invoke(browser, command);
      }
      table.push([command, 'allow', deniedByAcl(outcome) ? 'DENIED' : 'reached', outcome.reason ?? 'ok']);
    }
    for (const command of DENIED) {
      const outcome = await invoke(browser, command);
      table.push([command, 'deny', deniedByAcl(outcome) ? 'DENIED' : 'reached', outcome.reason ?? 'ok']);
    }
    for (const [command, expected, got, answer] of table) {
      t.diagnostic(`${command}: ${expected} -> ${got} (${answer.slice(0, 90)})`);
    }
    const wrong = table.filter(([, expected, got]) => (expected === 'allow') !== (got === 'reached'));
    assert.deepEqual(wrong, [], `commands against the table:\n${wrong.map((r) => r.join(' | ')).join('\n')}`);

    // Inline script does not run; remote content does not load.
    const csp = await browser.execute(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.appendChild(script);
      let remote = 'loaded';
      try {
        await fetch('https://example.org/');
      } catch {
        remote = 'blocked';
      }
      let evaluated = 'ran';
      try {
        // eslint-disable-next-line no-new-func
        new Function('return 1')();
      } catch {
        evaluated = 'blocked';
      }
      return { inline: window.__inlineRan === true, remote, evaluated };
    });
    assert.deepEqual(csp, { inline: false, remote: 'blocked', evaluated: 'blocked' });
  } finally {
    await app.close();
  }
});

test("an OPD asking for Bappeda's dialogs is refused before any dialog opens", async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'dinkes'));
  const db = join(dir, 'dinkes', 'renaksi.db');
  cli('demo', '--db', db, '--opd', 'DINKES');
  const app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });
    for (const [command, args, title] of [
      ['publish_site', {}, DIALOGS.publish_site],
      ['write_open_data', {}, DIALOGS.write_open_data],
      ['export_self_assessment', { paper: 'a4' }, 'Simpan penilaian akhir komitmen'],
      ['write_feedback_all', { paper: 'a4' }, 'Pilih folder untuk berkas umpan balik semua OPD'],
    ]) {
      const outcome = await invoke(browser, command, args);
      assert.equal(outcome.ok, false, command);
      assert.match(outcome.reason, /forbidden/, command);
      assert.match(outcome.reason, /Hanya Bappeda/, command);
      assert.equal(dialogOpen(title), false, `${command} opened its dialog`);
    }
  } finally {
    await app.close();
  }
});

test('a second launch hands over to the running window and exits without opening the database', async () => {
  const dir = tempDir();
  mkdirSync(join(dir, 'bappeda'));
  const db = join(dir, 'bappeda', 'renaksi.db');
  cli('demo', '--db', db);
  const app = await launchApp({ args: ['--db', db] });
  try {
    const { browser } = app;
    await (await byTestId(browser, 'plan-title')).waitForDisplayed({ timeout: 20000 });

    // The second copy is pointed at a database that does not exist yet: had
    // it opened one, the file would be there now.
    const untouched = join(tempDir(), 'renaksi.db');
    const second = spawn(appBinary(), ['--db', untouched], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    second.stdout.on('data', (d) => (output += d));
    second.stderr.on('data', (d) => (output += d));
    const code = await new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        second.kill('SIGKILL');
        reject(new Error(`the second launch did not exit: ${output}`));
      }, 20000);
      second.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    assert.equal(code, 0, output);
    assert.equal(existsSync(untouched), false, 'the second launch opened no database');

    // The first window still works.
    await (await byTestId(browser, 'open-dashboard')).click();
    await (await byTestId(browser, 'dashboard-tiles')).waitForDisplayed({ timeout: 20000 });
  } finally {
    await app.close();
  }
});
