// The desktop figures of `cargo xtask bench`, through the end-to-end harness:
// (d) cold start until the plan is visible and the memory of the whole process
// tree, side by side with an empty Tauri window; (e) search and filter latency
// over 5,000 indicators and, when $BENCH_SEARCH_DB_20K is set, the same changes
// over that database (20,000 indicators). Writes `key value` lines to $BENCH_RESULTS.
//
// Each launch goes through a small shell wrapper that notes the wall-clock time
// and its pid just before exec'ing the binary, so the figure runs from process
// start to the first frame that shows the content, both read from the same
// clock; the driver's own start-up is not counted.

import { chmodSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchApp, tempDir } from '../harness.mjs';

const required = (name) => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run this through "cargo xtask bench"`);
  return value;
};

const APP = required('RENAKSI_APP');
const EMPTY = required('RENAKSI_EMPTY_WINDOW');
const DEMO_DB = required('BENCH_DEMO_DB');
const SEARCH_DB = required('BENCH_SEARCH_DB');
const SEARCH_DB_20K = process.env.BENCH_SEARCH_DB_20K || '';
// BENCH_ONLY=e measures only (e), for A/B runs of the filter.
const ONLY_SEARCH = process.env.BENCH_ONLY === 'e';
const RESULTS = required('BENCH_RESULTS');
const RUNS = Number(process.env.BENCH_RUNS || 5);
// Memory is read once the window has settled after showing its content.
const SETTLE_MS = 3000;

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const n = s.length;
  return n % 2 ? s[(n - 1) / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
};
const percentile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

/** A launcher script for `binary` that records its start time (ns) and pid. */
function wrapper(binary) {
  const dir = tempDir('renaksi-bench-');
  const script = join(dir, 'launch.sh');
  writeFileSync(script, `#!/bin/sh\ndate +%s%N > '${dir}/start'\necho $$ > '${dir}/pid'\nexec '${binary}' "$@"\n`);
  chmodSync(script, 0o755);
  const read = (name) => readFileSync(join(dir, name), 'utf8').trim();
  return {
    script,
    startMs: () => Number(BigInt(read('start')) / 1000n) / 1000,
    pid: () => Number(read('pid')),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** The pid and every descendant of it, from /proc. */
function processTree(root) {
  const children = new Map();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // The command name may hold spaces and parentheses: fields follow the last ")".
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(ppid)) children.set(ppid, []);
      children.get(ppid).push(Number(entry));
    } catch {
      // the process ended meanwhile
    }
  }
  const tree = [];
  const queue = [root];
  while (queue.length) {
    const pid = queue.shift();
    tree.push(pid);
    queue.push(...(children.get(pid) || []));
  }
  return tree;
}

/** Sum of Pss over the process tree, in KiB, with each process's share. */
function pssOfTree(root) {
  let total = 0;
  const parts = [];
  for (const pid of processTree(root)) {
    try {
      const rollup = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8');
      const pss = Number(/^Pss:\s+(\d+) kB/m.exec(rollup)[1]);
      const name = readFileSync(`/proc/${pid}/comm`, 'utf8').trim();
      total += pss;
      parts.push(`${name}=${Math.round(pss / 1024)}MiB`);
    } catch {
      // the process ended meanwhile
    }
  }
  return { total, parts };
}

/**
 * Epoch ms of the first frame showing `selector`, read in the page from the
 * moment the driver's session exists. When it is there at the first look, the
 * page's own entries date it: the empty window's static content by its first
 * contentful paint; the app's plan by the later of that paint and the
 * `renaksi:plan-shown` mark, which the UI sets in the animation frame after it
 * puts the plan in the page (a plan there before the first paint is shown by
 * it). When it comes later, by the animation frame after it is laid out.
 * `late` is set when it was there at the first look and could not be dated
 * (an upper bound).
 */
async function visibleAt(browser, selector, shownMark) {
  const look = () =>
    browser.execute(
      (sel, mark) =>
        new Promise((resolve) => {
          const shown = () => {
            const el = document.querySelector(sel);
            return Boolean(el && el.getClientRects().length > 0);
          };
          if (location.href === 'about:blank' || !document.body) return resolve(null);
          if (shown()) {
            const entry = (type, name) => performance.getEntriesByType(type).find((e) => e.name === name);
            const dated = () => {
              const paint = entry('paint', 'first-contentful-paint');
              const placed = mark ? entry('mark', mark) : { startTime: 0 };
              return paint && placed ? Math.max(paint.startTime, placed.startTime) : null;
            };
            // The entries may be queued a moment after the paint itself.
            const started = performance.now();
            const wait = () => {
              const at = dated();
              if (at !== null) return resolve({ at: performance.timeOrigin + at, late: false });
              if (performance.now() - started > 500) {
                return resolve({ at: performance.timeOrigin + started, late: true });
              }
              setTimeout(wait, 5);
            };
            return wait();
          }
          const observer = new MutationObserver(() => {
            if (!shown()) return;
            observer.disconnect();
            const at = performance.timeOrigin + performance.now();
            // The frame that paints it; under Xvfb a page at rest may not paint, so not forever.
            const timer = setTimeout(() => resolve({ at, late: false }), 100);
            requestAnimationFrame(() => {
              clearTimeout(timer);
              resolve({ at: performance.timeOrigin + performance.now(), late: false });
            });
          });
          observer.observe(document, { childList: true, subtree: true, attributes: true });
        }),
      selector,
      shownMark,
    );
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    try {
      const seen = await look();
      if (seen) return seen;
    } catch {
      // the document was replaced while looking (the first navigation)
    }
    await sleep(5);
  }
  throw new Error(`${selector} was not shown within 30 s`);
}

async function launch(binary, args, selector, shownMark) {
  const w = wrapper(binary);
  process.env.RENAKSI_APP = w.script;
  const app = await launchApp({ args, waitForLoad: false });
  try {
    const { at, late } = await visibleAt(app.browser, selector, shownMark);
    const run = { app, startMs: at - w.startMs(), late, pid: w.pid() };
    w.remove();
    return run;
  } catch (error) {
    await app.close();
    throw error;
  } finally {
    process.env.RENAKSI_APP = APP;
  }
}

/** One cold start and the memory after it settled. */
async function coldStart(kind) {
  const [binary, args, selector, shownMark] =
    kind === 'app'
      ? [APP, ['--db', DEMO_DB], '[data-testid="plan-title"]', 'renaksi:plan-shown']
      : [EMPTY, [], '[data-testid="ready"]', null];
  const run = await launch(binary, args, selector, shownMark);
  try {
    await sleep(SETTLE_MS);
    const pss = pssOfTree(run.pid);
    return { startMs: run.startMs, late: run.late, pssKib: pss.total, parts: pss.parts };
  } finally {
    await run.app.close();
  }
}

/**
 * Latency of one change to the plan overview's toolbar, in the page: from the
 * input event until the filtered plan is rendered and laid out (Vue renders in
 * a microtask; the timeout runs after it, and reading a size forces style and
 * layout). The paint that follows is not counted: under Xvfb frames are not
 * paced as on a real screen. Returns { ms, count } (the result line).
 */
async function change(browser, testId, value) {
  const result = await browser.execute(
    (id, v) =>
      new Promise((resolve) => {
        const el = document.querySelector(`[data-testid="${id}"]`);
        const t0 = performance.now();
        el.value = v;
        el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
        setTimeout(() => {
          void document.body.offsetHeight;
          resolve({
            ms: performance.now() - t0,
            count: document.querySelector('[data-testid="result-count"]').textContent.trim(),
          });
        });
      }),
    testId,
    value,
  );
  // Let the page paint before the next keystroke, as between a person's keystrokes.
  await sleep(30);
  return result;
}

const optionValues = (browser, testId) =>
  browser.execute(
    (id) => [...document.querySelectorAll(`[data-testid="${id}"] option`)].map((o) => o.value).filter(Boolean),
    testId,
  );

/**
 * The overview's own measure of its filter's JavaScript (the `renaksi:filter`
 * performance measures), in ms: what of the latency is the filtering itself.
 */
const filterMeasures = (browser) =>
  browser.execute(() => performance.getEntriesByName('renaksi:filter').map((e) => e.duration));

/** (e): typing, clearing and every filter over the plan in `db`. */
async function searchAndFilter(db) {
  const run = await launch(APP, ['--db', db], '[data-testid="plan-title"]', null);
  const { browser } = run.app;
  const samples = { typing: [], clearing: [], theme: [], opd: [], status: [] };
  const counts = new Set();
  try {
    await sleep(1000);
    const total = await browser.execute(() => document.querySelector('[data-testid="result-count"]').textContent.trim());
    const themes = await optionValues(browser, 'filter-theme');
    const opds = await optionValues(browser, 'filter-opd');
    const statuses = await optionValues(browser, 'filter-status');
    for (let round = 0; round < 3; round += 1) {
      // A clerk types a phrase that matches some indicators' text, then one that matches one indicator.
      for (const phrase of ['layanan perizinan daring', 'dinkes 117']) {
        for (let n = 1; n <= phrase.length; n += 1) {
          const { ms, count } = await change(browser, 'search', phrase.slice(0, n));
          samples.typing.push(ms);
          if (n === phrase.length) counts.add(`"${phrase}": ${count}`);
        }
        samples.clearing.push((await change(browser, 'search', '')).ms);
      }
      for (const [testId, values, bucket] of [
        ['filter-theme', themes, samples.theme],
        ['filter-opd', opds.slice(0, 10), samples.opd],
        ['filter-status', statuses, samples.status],
      ]) {
        for (const value of values) bucket.push((await change(browser, testId, value)).ms);
        bucket.push((await change(browser, testId, '')).ms);
      }
    }
    const all = Object.values(samples).flat();
    const cards = await browser.execute(() => document.querySelectorAll('[data-testid="action"]').length);
    return { samples, all, total, counts: [...counts], filterJs: await filterMeasures(browser), cards };
  } finally {
    await run.app.close();
  }
}

const lines = [];
const record = (key, value) => {
  lines.push(`${key} ${value}`);
  console.log(`${key} ${value}`);
};

const starts = { app: [], empty: [] };
const pss = { app: [], empty: [] };
for (let i = 0; i < (ONLY_SEARCH ? 0 : RUNS); i += 1) {
  for (const kind of ['empty', 'app']) {
    const run = await coldStart(kind);
    starts[kind].push(run.startMs);
    pss[kind].push(run.pssKib);
    const upper = run.late ? ' (upper bound: shown before the first look)' : '';
    record(
      'detail',
      `(d) ${kind} run ${i + 1}: visible after ${run.startMs.toFixed(0)} ms${upper}; PSS ${Math.round(run.pssKib / 1024)} MiB: ${run.parts.join(' ')}`,
    );
  }
}
if (!ONLY_SEARCH) {
  record('start_app_ms', median(starts.app).toFixed(1));
  record('start_empty_ms', median(starts.empty).toFixed(1));
  record('pss_app_kib', median(pss.app));
  record('pss_empty_kib', median(pss.empty));
}

/** Runs (e) on `db` and records it under `key` (search, search20k), details labelled `label`. */
async function recordSearch(db, key, label) {
  const search = await searchAndFilter(db);
  record(`${key}_p95_ms`, percentile(search.all, 95).toFixed(1));
  record(`${key}_median_ms`, median(search.all).toFixed(1));
  record(`${key}_max_ms`, Math.max(...search.all).toFixed(1));
  for (const [name, xs] of Object.entries(search.samples)) {
    record('detail', `${label} ${name}: ${xs.length} changes, median ${median(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms`);
  }
  if (search.filterJs.length > 0) {
    record(
      'detail',
      `${label} filter JavaScript alone (renaksi:filter): ${search.filterJs.length} runs, median ${median(search.filterJs).toFixed(2)} ms, p95 ${percentile(search.filterJs, 95).toFixed(2)} ms`,
    );
  }
  record('detail', `${label} plan shown: ${search.total}; after typing ${search.counts.join('; ')}; cards in the page at the end: ${search.cards}`);
}

await recordSearch(SEARCH_DB, 'search', '(e)');
if (SEARCH_DB_20K) await recordSearch(SEARCH_DB_20K, 'search20k', '(e) 20k');
writeFileSync(RESULTS, `${lines.join('\n')}\n`);
