// Starts the real Renaksi desktop app through tauri-driver (which runs
// WebKitWebDriver) and hands back a WebdriverIO session. Every session gets its
// own temporary data, config and cache folders, so no test touches the user's.

import { spawn, spawnSync, execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, mkdirSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { remote } from 'webdriverio';

const required = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run these tests through "cargo xtask test"`);
  return value;
};

export const appBinary = () => required('RENAKSI_APP');
export const cliBinary = () => required('RENAKSI_CLI');
const driverBinary = () => process.env.TAURI_DRIVER || 'tauri-driver';
const screenshotDir = () => process.env.RENAKSI_SCREENSHOTS || join(tmpdir(), 'renaksi-screenshots');

/** A fresh temporary folder. */
export const tempDir = (prefix = 'renaksi-e2e-') => mkdtempSync(join(tmpdir(), prefix));

/** Runs the `renaksi` CLI and returns its stdout. */
export const cli = (...args) => execFileSync(cliBinary(), args, { encoding: 'utf8' });

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function waitForPort(port, child, timeoutMs = 20000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`tauri-driver exited with ${child.exitCode}`);
    try {
      // A connection accepted but not answered would otherwise wait for
      // fetch's own timeout (five minutes): ask again after a second.
      const res = await fetch(`http://127.0.0.1:${port}/status`, { signal: AbortSignal.timeout(1000) });
      if (res.ok) return;
    } catch {
      // not listening yet, or not answering yet
    }
    await sleep(100);
  }
  throw new Error(`tauri-driver did not listen on port ${port}`);
}

/**
 * Launches the app. `args` are the app's command-line arguments, `dataDir`
 * becomes RENAKSI_DATA_DIR, `env` is added to the app's environment (a test
 * may put a recorder first in PATH). `waitForLoad: false` returns as soon as
 * the session exists (the benchmarks time the page from there). Returns
 * { browser, close, home }.
 */
export async function launchApp({ args = [], dataDir = tempDir(), waitForLoad = true, env = {} } = {}) {
  const home = tempDir('renaksi-home-');
  for (const sub of ['data', 'config', 'cache']) mkdirSync(join(home, sub));
  const port = await freePort();
  const nativePort = await freePort();
  // The driver gets its own process group, so closing kills it together with
  // WebKitWebDriver and the app; and its output goes to a log file, so no
  // process it starts can hold the test runner's pipes open.
  const log = openSync(join(home, 'tauri-driver.log'), 'a');
  const driver = spawn(driverBinary(), ['--port', String(port), '--native-port', String(nativePort)], {
    detached: true,
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      RENAKSI_DATA_DIR: dataDir,
      XDG_DATA_HOME: join(home, 'data'),
      XDG_CONFIG_HOME: join(home, 'config'),
      XDG_CACHE_HOME: join(home, 'cache'),
      ...env,
    },
  });
  closeSync(log);
  const killGroup = (signal) => {
    try {
      process.kill(-driver.pid, signal);
    } catch {
      // already gone
    }
  };
  // Should the test process die, take the driver (and with it the app) along.
  const orphanGuard = () => killGroup('SIGKILL');
  process.once('exit', orphanGuard);
  try {
    await waitForPort(port, driver);
    const browser = await remote({
      hostname: '127.0.0.1',
      port,
      logLevel: 'error',
      capabilities: {
        browserName: 'wry',
        'wdio:enforceWebDriverClassic': true,
        'tauri:options': { application: appBinary(), args },
      },
    });
    if (waitForLoad) await waitForPageLoad(browser);
    const close = async () => {
      try {
        await Promise.race([browser.deleteSession(), sleep(15000)]);
      } finally {
        killGroup('SIGTERM');
        await sleep(500);
        killGroup('SIGKILL');
        process.removeListener('exit', orphanGuard);
      }
    };
    return { browser, close, home, dataDir };
  } catch (error) {
    killGroup('SIGKILL');
    process.removeListener('exit', orphanGuard);
    throw error;
  }
}

/** Waits until the document has loaded and the Vue app has mounted. */
export async function waitForPageLoad(browser) {
  await browser.waitUntil(
    async () => (await browser.execute(() => document.readyState)) === 'complete',
    { timeout: 20000, timeoutMsg: 'the page did not finish loading' },
  );
  await browser.waitUntil(
    async () => browser.execute(() => document.querySelector('#app')?.children.length > 0),
    { timeout: 20000, timeoutMsg: 'the app did not mount' },
  );
}

/** Finds by data-testid. */
export const byTestId = (browser, id) => browser.$(`[data-testid="${id}"]`);
export const allByTestId = (browser, id) => browser.$$(`[data-testid="${id}"]`);

/**
 * Saves a PNG of the window for a person to look at.
 *
 * WebKitWebDriver answers a screenshot after the next paint, and a page at rest
 * under Xvfb never paints again, so a transparent 1px dot flickers meanwhile.
 */
export async function screenshot(browser, name) {
  mkdirSync(screenshotDir(), { recursive: true });
  const path = join(screenshotDir(), `${name}.png`);
  await browser.execute(() => {
    const dot = document.createElement('div');
    dot.id = 'e2e-repaint';
    Object.assign(dot.style, { position: 'fixed', left: '0', top: '0', width: '1px', height: '1px', opacity: '0' });
    document.body.appendChild(dot);
    let on = false;
    window.e2eRepaint = setInterval(() => {
      on = !on;
      dot.style.opacity = on ? '0.01' : '0';
    }, 50);
  });
  try {
    await browser.saveScreenshot(path);
  } finally {
    await browser.execute(() => {
      clearInterval(window.e2eRepaint);
      document.getElementById('e2e-repaint')?.remove();
    });
  }
  return path;
}

/**
 * Answers the system's (GTK) file dialog titled `title` with `path`, and
 * confirms. The dialog is a native window outside the webview, so WebDriver
 * cannot reach it; under Xvfb, xdotool can. Typing a path starting with "/"
 * opens the dialog's location field in both the save and the open dialog.
 */
export function answerFileDialog(title, path) {
  const xdotool = (...args) => execFileSync('xdotool', args, { encoding: 'utf8', timeout: 20000 });
  const visible = () =>
    spawnSync('xdotool', ['search', '--onlyvisible', '--name', title], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  xdotool('search', '--sync', '--onlyvisible', '--name', title);
  // Keys typed before GTK has mapped the dialog's widgets can be lost, so the
  // answer is retried while the dialog is still there.
  for (let attempt = 0, window = visible(); attempt < 3 && window; attempt += 1, window = visible()) {
    xdotool('windowfocus', '--sync', window);
    xdotool('sleep', '0.5');
    // Ctrl+L opens the location field (open dialog) or focuses the name (save
    // dialog); Ctrl+A then selects whatever it holds, so the path replaces it.
    xdotool('key', 'ctrl+l');
    xdotool('key', 'ctrl+a');
    xdotool('type', '--delay', '15', path);
    xdotool('sleep', '0.3');
    xdotool('key', 'Return');
    xdotool('sleep', '2');
  }
}

/**
 * Answers the system's (GTK) folder dialog titled `title` with the folder
 * `path`, which may already hold folders: the location field then completes
 * the name inline (a selected "/"), and Return would go into the folder
 * instead of picking it, so Delete drops the completion first.
 */
export function answerFolderDialog(title, path) {
  const xdotool = (...args) => execFileSync('xdotool', args, { encoding: 'utf8', timeout: 20000 });
  const visible = () =>
    spawnSync('xdotool', ['search', '--onlyvisible', '--name', title], { encoding: 'utf8' }).stdout.trim().split('\n')[0];
  xdotool('search', '--sync', '--onlyvisible', '--name', title);
  for (let attempt = 0, window = visible(); attempt < 3 && window; attempt += 1, window = visible()) {
    xdotool('windowfocus', '--sync', window);
    xdotool('sleep', '0.5');
    xdotool('key', 'ctrl+l');
    xdotool('key', 'ctrl+a');
    xdotool('type', '--delay', '15', path);
    xdotool('sleep', '1');
    xdotool('key', 'Delete');
    xdotool('sleep', '0.3');
    xdotool('key', 'Return');
    xdotool('sleep', '2');
  }
}

/**
 * Answers the system's (GTK) open dialog titled `title` with every file its
 * filter shows in `folder`, picked together as a clerk picks a report and its
 * evidence bundle: the folder is typed in the location field (which goes
 * there), then the file list is clicked, everything in it selected (Ctrl+A)
 * and opened (Return). `folder` should hold only the files to pick.
 */
export function answerFileDialogWithAll(title, folder) {
  const xdotool = (...args) => execFileSync('xdotool', args, { encoding: 'utf8', timeout: 20000 });
  const window = xdotool('search', '--sync', '--onlyvisible', '--name', title).trim().split('\n')[0];
  xdotool('windowfocus', '--sync', window);
  xdotool('sleep', '0.5');
  xdotool('key', 'ctrl+l');
  xdotool('key', 'ctrl+a');
  xdotool('type', '--delay', '15', `${folder}/`);
  xdotool('sleep', '1');
  // The entry completes the files' common prefix inline (selected): Delete
  // drops it, so Return goes into the folder instead of picking a name.
  xdotool('key', 'Delete');
  xdotool('sleep', '0.3');
  xdotool('key', 'Return');
  xdotool('sleep', '1.5');
  const geometry = Object.fromEntries(
    xdotool('getwindowgeometry', '--shell', window)
      .trim()
      .split('\n')
      .map((line) => line.split('=')),
  );
  const [x, y, width, height] = ['X', 'Y', 'WIDTH', 'HEIGHT'].map((key) => Number(geometry[key]));
  // The file list fills the dialog right of the places sidebar.
  xdotool('mousemove', String(Math.round(x + width * 0.6)), String(Math.round(y + height * 0.25)));
  xdotool('click', '1');
  xdotool('sleep', '0.5');
  xdotool('key', 'ctrl+a');
  xdotool('sleep', '0.3');
  xdotool('key', 'Return');
  xdotool('sleep', '2');
}

/** Closes the system's file dialog titled `title` without choosing anything (Escape). */
export function cancelFileDialog(title) {
  const xdotool = (...args) => execFileSync('xdotool', args, { encoding: 'utf8', timeout: 20000 });
  const window = xdotool('search', '--sync', '--onlyvisible', '--name', title).trim().split('\n')[0];
  xdotool('windowfocus', '--sync', window);
  xdotool('sleep', '0.5');
  xdotool('key', 'Escape');
}

/** Clicks after bringing the element to the middle of the window, clear of sticky headers. */
export async function press(element) {
  // Scrolled to first, as a person would: cards far down the plan are laid out
  // only when they come near the window (content-visibility), and until then
  // WebDriver does not count them as clickable.
  await element.waitForExist({ timeout: 20000 });
  await element.execute((el) => el.scrollIntoView({ block: 'center' }));
  await element.waitForClickable({ timeout: 20000 });
  await element.execute((el) => el.scrollIntoView({ block: 'center' }));
  await element.click();
}
