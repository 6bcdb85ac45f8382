// A Laporan OPD exported by the CLI opens in LibreOffice and prints as an A4
// landscape page on which the evaluation table can be read.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, tempDir } from './harness.mjs';

const run = (program, args, options = {}) => execFileSync(program, args, { encoding: 'utf8', ...options });

test('an exported report prints from LibreOffice as A4 landscape with the table readable', async () => {
  const dir = tempDir();
  const db = join(dir, 'dinkes.db');
  const xlsx = join(dir, 'laporan-dinkes-2019-tw1.xlsx');
  cli('demo', '--db', db, '--opd', 'DINKES');
  cli('export', '--db', db, '--period', '2019-TW1', '--out', xlsx);

  const profile = join(dir, 'lo-profile');
  run('libreoffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, xlsx], {
    timeout: 120000,
  });
  const pdf = xlsx.replace(/\.xlsx$/, '.pdf');
  assert.ok(existsSync(pdf), 'LibreOffice wrote a PDF');

  const info = run('pdfinfo', [pdf]);
  const size = info.match(/Page size:\s+([\d.]+) x ([\d.]+) pts/);
  assert.ok(size, info);
  const [width, height] = [Number(size[1]), Number(size[2])];
  assert.ok(Math.abs(width - 841.89) < 1 && Math.abs(height - 595.28) < 1, `A4 landscape, got ${width} x ${height}`);

  const page1 = run('pdftotext', ['-f', '1', '-l', '1', '-layout', pdf, '-']);
  for (const text of ['LAPORAN CAPAIAN RENCANA AKSI', 'Dinas Kesehatan (DINKES)', 'Triwulan I 2019', 'Predikat', 'Capaian', 'NIP']) {
    assert.ok(page1.includes(text), `page 1 shows "${text}"`);
  }
  const all = run('pdftotext', ['-layout', pdf, '-']);
  assert.ok(all.includes('RINGKASAN CAPAIAN'), 'the summary sheet prints too');

  if (process.env.RENAKSI_SCREENSHOTS) {
    mkdirSync(process.env.RENAKSI_SCREENSHOTS, { recursive: true });
    copyFileSync(pdf, join(process.env.RENAKSI_SCREENSHOTS, 'laporan-dinkes-2019-tw1.pdf'));
  }
});
