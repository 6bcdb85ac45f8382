// The public transparency site as a visitor's browser gets it: the demo site is
// written with the real `renaksi` command, then every page is opened in Debian's
// Chromium, from file:// (a USB stick) and from a web server's subfolder, with
// scripts off. Any request outside the site's folder fails the test. axe-core
// checks every page (no serious or critical violation), no file of the site
// (workbooks unzipped) names a participant, and the index and an action page
// are saved as screenshots at 1366x768 and at a phone's 390 px.
//
// Environment: RENAKSI_CLI (the built `renaksi`), CHROMIUM (default
// /usr/bin/chromium), RENAKSI_SITE_SCREENSHOTS (set, e.g. to 1: the screenshots
// replace the repository's docs/site-*.png; unset: they go to a new temporary
// folder, whose path the test prints, and the working tree stays clean).

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { inflateRawSync } from 'node:zlib';
import { dirname, join, relative, resolve, sep, extname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const CLI = process.env.RENAKSI_CLI;
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.RENAKSI_SITE_SCREENSHOTS
  ? resolve(here, '../../docs')
  : mkdtempSync(join(tmpdir(), 'renaksi-site-screenshots-'));
// The people at the co-creation session below: the site names organisations only.
const PARTICIPANTS = ['Budi Santoso', 'Sri Lestari'];
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let work;
let site;
let browser;

function renaksi(...args) {
  return execFileSync(CLI, args, {
    encoding: 'utf8',
    env: { ...process.env, RENAKSI_DATA_DIR: work },
  });
}

/** Every file of the site, by its path from the site's folder. */
function files(dir = site) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return [relative(site, path).split(sep).join('/')];
  });
}

/** Every .html file of the site. */
function pages() {
  return files().filter((path) => path.endsWith('.html'));
}

/**
 * The parts of a zip file (an .xlsx) by name, read through its central
 * directory: stored or deflated, as workbooks are.
 */
function unzip(zip) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'a zip file');
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const parts = new Map();
  for (let i = 0; i < count; i += 1) {
    assert.equal(zip.readUInt32LE(at), 0x02014b50, 'a central directory entry');
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const local = zip.readUInt32LE(at + 42);
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(start, start + size);
    parts.set(name, (method === 8 ? inflateRawSync(raw) : raw).toString('utf8'));
    at += 46 + skip;
  }
  return parts;
}

before(async () => {
  assert.ok(CLI && existsSync(CLI), 'RENAKSI_CLI names the built renaksi command');
  assert.ok(existsSync(CHROMIUM), `Chromium at ${CHROMIUM} (apt-get install chromium)`);
  work = mkdtempSync(join(tmpdir(), 'renaksi-site-'));
  const db = join(work, 'bappeda.db');
  renaksi('demo', '--db', db);
  // What Bappeda records before publishing: a co-creation session and the
  // end-of-commitment self-assessment of some actions.
  const session = renaksi('session', 'add', '--db', db, '--title', 'Lokakarya OpenGovWeek 2018',
    '--date', '2018-05-08', '--place', 'Aula Bappeda Wonosobo').split(/\s+/)[2];
  renaksi('session', 'participant', '--db', db, '--session', session, '--name', 'Budi Santoso',
    '--org', 'Forum Warga Peduli Kesehatan', '--kind', 'cso');
  renaksi('session', 'participant', '--db', db, '--session', session, '--name', 'Sri Lestari',
    '--kind', 'opd', '--opd', 'DINKES');
  const input = renaksi('session', 'input', '--db', db, '--session', session, '--action', 'RA-01',
    '--from', 'Forum Warga Peduli Kesehatan', '--author', 'Budi Santoso',
    'Jangkau warga desa terpencil lewat posyandu.').split(/\s+/)[1];
  renaksi('session', 'respond', '--db', db, '--input', input, '--decision', 'diterima-dengan-perubahan',
    '--reason', 'Dilaksanakan bertahap mulai dari kecamatan Kalikajar.');
  renaksi('session', 'input', '--db', db, '--session', session, '--action', 'RA-04',
    '--from', 'Sekretariat CSO OGP Wonosobo', 'Unggah RKA dan DPA dalam format terbuka.');
  for (const [code, completion, opened, explanation, link] of [
    ['RA-01', 'substansial', 'besar', 'Cakupan kepesertaan JKN naik dari 68,5% menjadi 78,9%; data '
      + 'kepesertaan per desa diumumkan setiap triwulan dan dapat diperiksa warga.',
      'https://wonosobokab.go.id/jkn'],
    ['RA-02', 'terbatas', 'marginal', 'Forum konsultasi publik baru berjalan di dua layanan.', ''],
    ['RA-04', 'selesai', 'luar-biasa', 'RKA, DPA dan LRA diumumkan lengkap di laman PPID.',
      'https://ppid.wonosobokab.go.id/apbd'],
  ]) {
    const links = link ? ['--link', link] : [];
    renaksi('assessment', 'set', '--db', db, '--action', code, '--completion', completion,
      '--opened', opened, '--explanation', explanation, ...links);
  }
  site = join(work, 'situs transparansi');
  renaksi('publish', '--db', db, '--out', site);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true });
});

after(async () => {
  await browser?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/**
 * A browser context with scripts off whose every request is recorded; one
 * outside `allowed` (a URL prefix) is aborted and kept in `outside`.
 */
async function watched(allowed, options = {}) {
  const context = await browser.newContext({ javaScriptEnabled: false, ...options });
  const seen = [];
  const outside = [];
  context.on('request', (request) => seen.push(request.url()));
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(allowed)) return route.continue();
    outside.push(url);
    return route.abort();
  });
  return { context, seen, outside };
}

test('every page opens from file:// and asks for nothing outside the site folder', async () => {
  const root = pathToFileURL(site).href + '/';
  const { context, seen, outside } = await watched(root);
  const page = await context.newPage();
  const all = pages();
  assert.equal(all.length, 24, `${all.length} pages: ${all.join(', ')}`);
  for (const path of all) {
    await page.goto(root + path, { waitUntil: 'load' });
    const english = path.startsWith('en/');
    assert.equal(await page.getAttribute('html', 'lang'), english ? 'en' : 'id', path);
    assert.equal(await page.locator('h1').count(), 1, `${path}: one h1`);
    assert.ok((await page.title()).length > 0, `${path}: a title`);
    assert.equal(await page.locator('script').count(), 0, `${path}: no script`);
    // The stylesheet came from the folder and applies.
    const band = await page.$eval('header.site', (e) => getComputedStyle(e).backgroundColor);
    assert.equal(band, 'rgb(8, 58, 102)', `${path}: styled`);
  }
  assert.deepEqual(outside, [], 'requests outside the site folder');
  assert.ok(seen.every((url) => url.startsWith(root)), seen.filter((u) => !u.startsWith(root)).join('\n'));
  assert.ok(seen.some((url) => url.endsWith('/gaya.css')), 'the stylesheet is a request the test sees');

  // The links work as a visitor follows them, English and back.
  await page.goto(root + 'index.html');
  await page.getByRole('link', { name: 'English' }).click();
  assert.ok(page.url().endsWith('/en/index.html'), page.url());
  await page.getByRole('link', { name: /^Penyiapan Jaminan Kesehatan/ }).first().click();
  assert.ok(page.url().endsWith('/en/aksi/ra-01.html'), page.url());
  assert.match(await page.locator('h1').innerText(), /^RA-01 /);
  // On an English page the action's title, typed in Indonesian, says so.
  assert.equal(await page.locator('h1 span[lang="id"]').count(), 1);
  // An action's page is in no section of the menu.
  assert.equal(await page.locator('[aria-current]').count(), 0);
  await page.getByRole('link', { name: 'Bahasa Indonesia' }).click();
  assert.ok(page.url().endsWith('/situs%20transparansi/aksi/ra-01.html'), page.url());
  // The evidence link's name says that it leads to another site.
  assert.equal(await page.getByRole('link',
    { name: 'https://wonosobokab.go.id/jkn (tautan ke situs lain)', exact: true }).count(), 1);
  await page.getByRole('link', { name: 'Unduh data' }).click();
  assert.equal(await page.locator('[aria-current="page"]').innerText(), 'Unduh data');
  const rekap = page.getByRole('link', { name: /^rekap-kabupaten-.*\.xlsx$/ });
  assert.equal(await rekap.count(), 1);
  await context.close();
});

test('from a web server, in a subfolder, the pages ask only that server', async () => {
  const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.csv': 'text/csv',
    '.json': 'application/json' };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://x').pathname);
    const file = resolve(site, '.' + path.replace(/^\/situs/, ''));
    if (!path.startsWith('/situs/') || !file.startsWith(site) || !existsSync(file)
      || statSync(file).isDirectory()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': types[extname(file)] || 'application/octet-stream' });
    response.end(readFileSync(file));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const root = `http://127.0.0.1:${server.address().port}/situs/`;
  try {
    const { context, outside } = await watched(root);
    const page = await context.newPage();
    for (const path of ['index.html', 'aksi/ra-04.html', 'en/penilaian.html', 'unduh.html']) {
      const answer = await page.goto(root + path, { waitUntil: 'load' });
      assert.equal(answer.status(), 200, path);
      const band = await page.$eval('header.site', (e) => getComputedStyle(e).backgroundColor);
      assert.equal(band, 'rgb(8, 58, 102)', `${path}: styled`);
    }
    const data = await page.request.get(root + 'data/datapackage.json');
    assert.equal(data.status(), 200);
    assert.deepEqual(outside, []);
    await context.close();
  } finally {
    server.close();
  }
});

test('no file of the site names a participant, workbooks unzipped', () => {
  let workbooks = 0;
  const texts = files().flatMap((path) => {
    const bytes = readFileSync(join(site, path));
    if (!path.endsWith('.xlsx')) return [[path, bytes.toString('utf8')]];
    workbooks += 1;
    const parts = unzip(bytes);
    assert.ok(parts.has('xl/sharedStrings.xml') || parts.has('xl/worksheets/sheet1.xml'), path);
    return [...parts].map(([name, text]) => [`${path}!${name}`, text]);
  });
  assert.equal(workbooks, 2, 'the rekap and the self-assessment workbook');
  assert.ok(texts.some(([path]) => path.endsWith('!xl/sharedStrings.xml')), 'shared strings read');
  // The organisation is published, its people are not.
  assert.ok(texts.some(([, text]) => text.includes('Forum Warga Peduli Kesehatan')));
  for (const name of PARTICIPANTS) {
    const found = texts.filter(([, text]) => text.includes(name)).map(([path]) => path);
    assert.deepEqual(found, [], `${name} appears in the site`);
  }
});

test('axe-core finds no serious or critical violation on any page', async () => {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const root = pathToFileURL(site).href + '/';
  const found = [];
  for (const path of pages()) {
    for (const width of [1366, 390]) {
      await page.setViewportSize({ width, height: width === 390 ? 844 : 768 });
      await page.goto(root + path, { waitUntil: 'load' });
      await page.addScriptTag({ content: AXE });
      const result = await page.evaluate(() => window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
      }));
      for (const v of result.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') {
          found.push(`${path} @${width}px: ${v.id} (${v.impact}): ${v.help}\n  `
            + v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join('\n  '));
        }
      }
      assert.ok(result.passes.some((p) => p.id === 'color-contrast') || width === 390, `${path}: contrast checked`);
    }
  }
  assert.deepEqual(found, [], found.join('\n'));
  await context.close();
});

test('screenshots of the index and an action page, on a desktop and on a phone', async (t) => {
  t.diagnostic(`screenshots in ${SHOTS}`);
  const root = pathToFileURL(site).href + '/';
  for (const [width, height, suffix] of [[1366, 768, '1366x768'], [390, 844, '390']]) {
    const { context, outside } = await watched(root, { viewport: { width, height } });
    const page = await context.newPage();
    for (const [path, name] of [['index.html', 'index'], ['aksi/ra-01.html', 'action']]) {
      await page.goto(root + path, { waitUntil: 'load' });
      // Nothing is wider than the screen but the tables, which scroll in their own box.
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= width, `${path} at ${width}px is ${wide}px wide`);
      await page.screenshot({ path: join(SHOTS, `site-${name}-${suffix}.png`) });
    }
    assert.deepEqual(outside, []);
    await context.close();
  }
});
