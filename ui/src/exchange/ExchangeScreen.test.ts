// Bappeda's incoming-reports screen, as the secretariat uses it, against the fake backend.
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../api/backend';
import type { Imported, MatrixCell, SubmissionMatrix } from '../api/types';
import {
  createFakeBackend,
  inTurn,
  Refusal,
  SAMPLE_KEY_FINGERPRINT,
  SAMPLE_KEY_WORDS,
  SAMPLE_PACKAGE_PATH,
  sampleImported,
  sampleKeyRefusal,
  sampleMatrix,
  samplePickedFiles,
  sampleReceived,
  type FakeBackend,
  type FakeBackendOptions,
} from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import ExchangeScreen from './ExchangeScreen.vue';

const BAPPEDA = { role: 'bappeda', opdCode: null, userName: 'Admin Bappeda' } as const;

async function mountExchange(options: { backend?: Backend; fake?: FakeBackendOptions } = {}) {
  const backend = options.backend ?? createFakeBackend({ profile: BAPPEDA, ...options.fake });
  const mounted = mountWithApp<Backend>(ExchangeScreen, { backend, attachTo: document.body });
  await flushPromises();
  return { ...mounted, fake: backend as FakeBackend };
}

async function importPicked(wrapper: VueWrapper): Promise<void> {
  await wrapper.get('[data-testid="pick-reports"]').trigger('click');
  await flushPromises();
}

function rows(wrapper: VueWrapper) {
  return wrapper.findAll('[data-testid="import-row"]').map((row) => ({
    status: row.attributes('data-status'),
    file: row.get('[data-testid="import-file"]').text(),
    text: row.get('[data-testid="import-status"]').text(),
  }));
}

describe('ExchangeScreen', () => {
  it('imports the picked files one by one, in order, and goes on after a refusal', async () => {
    const refusal = { code: 'invalid', message: 'Berkas ini bukan laporan OPD Renaksi.' };
    const { wrapper, fake } = await mountExchange({
      fake: {
        imports: {
          'file-2': { error: refusal },
          'file-3': sampleImported({ opdCode: 'DISKOMINFO', opdName: 'Dinas Komunikasi dan Informatika', sequence: 1 }),
        },
      },
    });
    expect(wrapper.get('[data-testid="pick-reports"]').text()).toBe('Pilih berkas laporan…');
    await importPicked(wrapper);

    expect(fake.callsOf('importReport')).toEqual([
      ['file-1', null],
      ['file-2', null],
      ['file-3', null],
    ]);
    expect(rows(wrapper)).toEqual([
      {
        status: 'accepted',
        file: 'laporan-dinkes-2019-tw1.xlsx',
        text: 'Diterima: Dinas Kesehatan (DINKES) Triwulan I 2019, nomor 3',
      },
      { status: 'rejected', file: 'laporan-dinsos-2019-tw1.xlsx', text: `Ditolak: ${refusal.message}` },
      {
        status: 'accepted',
        file: 'laporan-diskominfo-2019-tw1.xlsx',
        text: 'Diterima: Dinas Komunikasi dan Informatika (DISKOMINFO) Triwulan I 2019, nomor 1',
      },
    ]);
    const summary = wrapper.get('[data-testid="import-summary"]');
    expect(summary.attributes('role')).toBe('status');
    expect(summary.text()).toBe('2 diterima, 1 ditolak');
    expect(wrapper.emitted('imported')).toHaveLength(2);
  });

  it('says when a report brought replies to verifier notes', async () => {
    const { wrapper } = await mountExchange({
      fake: {
        imports: {
          'file-1': sampleImported({
            replies: 2,
            skippedReplies: [
              { id: 'reply-9', noteId: 'note-9', excerpt: 'Sudah kami perbaiki', reason: 'rencana aksi RA-02 kini dipimpin OPD lain' },
            ],
          }),
        },
        pickedFiles: samplePickedFiles().slice(0, 2),
      },
    });
    await importPicked(wrapper);
    const [withReplies, without] = wrapper.findAll('[data-testid="import-row"]');
    expect(withReplies?.get('[data-testid="import-replies"]').text()).toBe(
      '2 tanggapan baru atas catatan verifikator: lihat di bawah catatannya.',
    );
    expect(withReplies?.get('[data-testid="import-skipped-replies"]').text()).toBe(
      'Tanggapan tidak disimpan: “Sudah kami perbaiki” (rencana aksi RA-02 kini dipimpin OPD lain)',
    );
    expect(without?.find('[data-testid="import-replies"]').exists()).toBe(false);
    expect(without?.find('[data-testid="import-skipped-replies"]').exists()).toBe(false);
  });

  it('shows each file as waiting, then importing, while the batch runs', async () => {
    const fake = createFakeBackend({ profile: BAPPEDA });
    const pending: Array<(imported: Imported) => void> = [];
    const backend: Backend = {
      ...fake,
      importReport: () => new Promise<Imported>((resolve) => pending.push(resolve)),
    };
    const { wrapper } = await mountExchange({ backend });
    await importPicked(wrapper);

    expect(rows(wrapper).map((r) => [r.status, r.text])).toEqual([
      ['importing', 'Sedang diimpor…'],
      ['waiting', 'Menunggu'],
      ['waiting', 'Menunggu'],
    ]);
    expect(wrapper.get('[data-testid="import-summary"]').text()).toBe('Mengimpor berkas 1 dari 3…');
    expect(wrapper.get('[data-testid="pick-reports"]').attributes('disabled')).toBeDefined();
    expect(wrapper.get('[data-testid="exchange-back"]').attributes('disabled')).toBeDefined();

    pending[0]!(sampleImported());
    await flushPromises();
    expect(rows(wrapper).map((r) => r.status)).toEqual(['accepted', 'importing', 'waiting']);
    expect(pending).toHaveLength(2);
  });

  it('asks about a first key with its words, and imports with that fingerprint only after "Terima"', async () => {
    const refusal = sampleKeyRefusal();
    const { wrapper, fake } = await mountExchange({
      fake: {
        pickedFiles: [{ token: 'file-2', name: 'laporan-dinsos-2019-tw1.xlsx' }],
        // The backend refuses the key until the clerk confirms its fingerprint.
        answers: {
          importReport: (_token, acceptKey) => {
            if (acceptKey?.fingerprint !== SAMPLE_KEY_WORDS) throw refusal;
            return sampleImported({ opdCode: 'DINSOS', opdName: 'Dinas Sosial', sequence: 2, keyAccepted: 'first' });
          },
        },
      },
    });
    await importPicked(wrapper);

    const row = () => wrapper.get('[data-testid="import-row"]');
    expect(row().attributes('data-status')).toBe('key_unconfirmed');
    expect(row().get('[data-testid="import-status"]').text()).toBe('Belum diimpor: kunci OPD menunggu konfirmasi');
    const confirm = row().get('[data-testid="key-confirm"]');
    expect(confirm.get('[data-testid="key-confirm-heading"]').text()).toBe('Kunci pertama dari Dinas Sosial (DINSOS)');
    // The file's words are not shown: the clerk types what the OPD reads out.
    expect(confirm.text()).not.toContain(SAMPLE_KEY_WORDS);
    expect(confirm.text()).not.toContain(SAMPLE_KEY_FINGERPRINT);
    expect(confirm.text()).toContain('Ketik yang dibacakan OPD, lalu periksa.');
    // Once the batch is through, the question has the focus (and the view).
    expect(document.activeElement).toBe(confirm.element);
    expect(confirm.get('[data-testid="key-accept"]').text()).toBe('Periksa dan terima');
    expect(confirm.get('[data-testid="key-refuse"]').text()).toBe('Tolak');
    expect(wrapper.get('[data-testid="import-summary"]').text()).toBe(
      '0 diterima, 0 ditolak, 1 menunggu konfirmasi kunci',
    );
    expect(fake.callsOf('importReport')).toEqual([['file-2', null]]);

    // Words that differ are refused in the window: nothing is sent.
    await confirm.get('[data-testid="key-typed"]').setValue('abang abu acar adik agung air ajak akar');
    await confirm.get('[data-testid="key-accept"]').trigger('click');
    await flushPromises();
    expect(confirm.get('[data-testid="key-mismatch"]').text()).toContain('Tidak cocok');
    expect(fake.callsOf('importReport')).toEqual([['file-2', null]]);

    await confirm.get('[data-testid="key-typed"]').setValue(SAMPLE_KEY_WORDS.toUpperCase());
    await confirm.get('[data-testid="key-accept"]').trigger('click');
    await flushPromises();
    // Imported again, confirming the fingerprint typed (and checked), for that OPD.
    expect(fake.callsOf('importReport')).toEqual([
      ['file-2', null],
      ['file-2', { opdCode: 'DINSOS', fingerprint: SAMPLE_KEY_WORDS }],
    ]);
    expect(row().attributes('data-status')).toBe('accepted');
    expect(row().get('[data-testid="import-status"]').text()).toBe('Diterima: Dinas Sosial (DINSOS) Triwulan I 2019, nomor 2');
    expect(row().get('[data-testid="import-key-accepted"]').text()).toBe(`Kunci OPD dikonfirmasi: ${SAMPLE_KEY_WORDS}`);
    expect(wrapper.find('[data-testid="key-confirm"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="import-summary"]').text()).toBe('1 diterima, 0 ditolak');
    expect(wrapper.emitted('imported')).toHaveLength(1);
    expect(document.activeElement).toBe(row().element);
  });

  it('"Tolak" leaves the file refused and imports nothing', async () => {
    const { wrapper, fake } = await mountExchange({
      fake: {
        pickedFiles: [{ token: 'file-2', name: 'b.xlsx' }],
        imports: { 'file-2': { error: sampleKeyRefusal({ change: 'changed', heldSince: '2019-04-15T03:30:00Z' }) } },
      },
    });
    await importPicked(wrapper);
    const row = () => wrapper.get('[data-testid="import-row"]');
    expect(row().get('[data-testid="key-confirm-heading"]').text()).toBe(
      'Kunci baru dari Dinas Sosial (DINSOS), berbeda dari kunci yang tercatat',
    );
    expect(row().get('[data-testid="key-confirm"]').text()).toContain('memang diganti');

    await row().get('[data-testid="key-refuse"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('importReport')).toEqual([['file-2', null]]);
    expect(row().attributes('data-status')).toBe('key_refused');
    expect(row().get('[data-testid="import-status"]').text()).toBe(
      'Ditolak: sidik jari kunci tidak cocok dengan yang dibacakan OPD; laporan tidak diimpor.',
    );
    expect(wrapper.find('[data-testid="key-confirm"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="import-summary"]').text()).toBe('0 diterima, 1 ditolak');
    expect(wrapper.emitted('imported')).toBeUndefined();
  });

  it('asks again when the accepted fingerprint is not the file\'s key, and goes on with the batch meanwhile', async () => {
    const first = sampleKeyRefusal();
    const other = sampleKeyRefusal({ words: 'abang abu acar adik agung air ajak akar', fingerprint: '0000-0001-0002-0003' });
    const { wrapper, fake } = await mountExchange({
      fake: {
        pickedFiles: [
          { token: 'file-2', name: 'b.xlsx' },
          { token: 'file-3', name: 'c.xlsx' },
        ],
        answers: {
          importReport: inTurn<Imported>(new Refusal(first), sampleImported(), new Refusal(other)),
        },
      },
    });
    await importPicked(wrapper);
    // The batch went on past the question.
    expect(rows(wrapper).map((r) => r.status)).toEqual(['key_unconfirmed', 'accepted']);
    await wrapper.get('[data-testid="key-typed"]').setValue(SAMPLE_KEY_WORDS);
    await wrapper.get('[data-testid="key-accept"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('importReport')[2]).toEqual(['file-2', { opdCode: 'DINSOS', fingerprint: SAMPLE_KEY_WORDS }]);
    // The backend names another key: the question is about that key now,
    // from an empty field, and the words typed before no longer match it.
    expect(rows(wrapper).map((r) => r.status)).toEqual(['key_unconfirmed', 'accepted']);
    expect((wrapper.get('[data-testid="key-typed"]').element as HTMLTextAreaElement).value).toBe('');
    await wrapper.get('[data-testid="key-typed"]').setValue(SAMPLE_KEY_WORDS);
    await wrapper.get('[data-testid="key-accept"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="key-mismatch"]').text()).toContain('Tidak cocok');
    expect(fake.callsOf('importReport')).toHaveLength(3);
  });

  it('says when a file had been received already and nothing changed', async () => {
    const { wrapper } = await mountExchange({
      fake: {
        pickedFiles: [{ token: 'file-1', name: 'laporan-dinkes-2019-tw1.xlsx' }],
        imports: { 'file-1': sampleImported({ changed: false }) },
      },
    });
    await importPicked(wrapper);
    const row = wrapper.get('[data-testid="import-row"]');
    expect(row.attributes('data-status')).toBe('unchanged');
    expect(row.get('[data-testid="import-status"]').text()).toBe('Sudah pernah diterima, tidak ada yang berubah');
    expect(wrapper.get('[data-testid="import-summary"]').text()).toBe('1 diterima, 0 ditolak');
    expect(wrapper.emitted('imported')).toBeUndefined();
  });

  it('imports nothing when the clerk cancels the file dialog', async () => {
    const { wrapper, fake } = await mountExchange({ fake: { fileDialog: 'cancel' } });
    await importPicked(wrapper);
    expect(fake.callsOf('importReport')).toEqual([]);
    expect(wrapper.findAll('[data-testid="import-row"]')).toHaveLength(0);
    expect(wrapper.get('[data-testid="import-summary"]').text()).toBe('');
  });

  it('saves the plan package and shows where', async () => {
    const { wrapper, fake } = await mountExchange();
    expect(wrapper.text()).toContain('OPD memulai Renaksi dari berkas ini');
    await wrapper.get('[data-testid="export-package"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('exportPackage')).toEqual([[]]);
    const status = wrapper.get('[data-testid="package-status"]');
    expect(status.attributes('role')).toBe('status');
    expect(status.text()).toBe(`Paket disimpan ke ${SAMPLE_PACKAGE_PATH}`);
  });

  it('says only "Dibatalkan" when the package save dialog is cancelled, and shows a refusal in the alert', async () => {
    const cancelled = await mountExchange({ fake: { fileDialog: 'cancel' } });
    await cancelled.wrapper.get('[data-testid="export-package"]').trigger('click');
    await flushPromises();
    expect(cancelled.wrapper.get('[data-testid="package-status"]').text()).toBe('Dibatalkan');
    expect(cancelled.wrapper.find('[data-testid="package-result"]').exists()).toBe(false);
    cancelled.wrapper.unmount();

    const message = 'Rencana aksi belum final; paket belum dapat diterbitkan.';
    const refused = await mountExchange({ fake: { failures: { exportPackage: { code: 'invalid', message } } } });
    await refused.wrapper.get('[data-testid="export-package"]').trigger('click');
    await flushPromises();
    expect(refused.wrapper.get('[data-testid="error-alert"]').text()).toContain(message);
    expect(refused.wrapper.get('[data-testid="package-status"]').text()).toBe('');
  });

  it('lists the reports received, and refreshes the list after an import', async () => {
    // After the import the backend lists the three new reports first.
    const imported = samplePickedFiles().map((file, n) => ({
      ...sampleReceived()[0]!,
      id: `report-${file.token}`,
      sequence: n + 4,
      fileName: file.name,
    }));
    const { wrapper, fake } = await mountExchange({
      fake: { answers: { receivedReports: inTurn(sampleReceived(), [...imported, ...sampleReceived()]) } },
    });
    const headers = wrapper.findAll('[data-testid="received-table"] thead th').map((th) => th.text());
    expect(headers).toEqual(['OPD', 'Periode', 'Nomor', 'Diekspor', 'Diterima', 'Berkas', 'Sidik jari kunci']);
    const cells = () =>
      wrapper.findAll('[data-testid="received-row"]').map((row) => row.findAll('th, td').map((cell) => cell.text()));
    expect(cells()).toEqual([
      [
        'Dinas Kesehatan (DINKES)',
        'Triwulan I 2019',
        '3',
        '10 April 2019 09.15',
        '11 April 2019 10.30',
        'laporan-dinkes-2019-tw1.xlsx',
        SAMPLE_KEY_FINGERPRINT,
      ],
      [
        'Dinas Sosial (DINSOS)',
        'Triwulan IV 2018',
        '1',
        '14 Januari 2019 14.00',
        'tidak tercatat',
        'laporan-dinsos-2018-tw4.xlsx',
        '9C1D-22E8-0A4B-77F3',
      ],
    ]);

    await importPicked(wrapper);
    expect(fake.callsOf('receivedReports')).toHaveLength(2);
    expect(wrapper.findAll('[data-testid="received-row"]')).toHaveLength(5);
  });

  it('says so when no report has been received yet', async () => {
    const { wrapper } = await mountExchange();
    expect(wrapper.get('[data-testid="received-empty"]').text()).toBe('Belum ada laporan OPD yang diterima.');
    expect(wrapper.find('[data-testid="received-row"]').exists()).toBe(false);
  });

  it('goes back with Escape, or with its back button', async () => {
    const { wrapper } = await mountExchange();
    expect(document.activeElement?.getAttribute('data-testid')).toBe('exchange-title');
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    await wrapper.get('[data-testid="exchange-back"]').trigger('click');
    expect(wrapper.emitted('back')).toHaveLength(2);
  });

  it('speaks English when asked to', async () => {
    const backend = createFakeBackend({ profile: BAPPEDA });
    const { wrapper } = mountWithApp<Backend>(ExchangeScreen, { backend, language: 'en' });
    await flushPromises();
    await wrapper.get('[data-testid="pick-reports"]').trigger('click');
    await flushPromises();
    expect(wrapper.get('[data-testid="exchange-title"]').text()).toBe('Incoming OPD reports');
    expect(wrapper.get('[data-testid="import-summary"]').text()).toBe('3 accepted, 0 refused');
  });

  describe('submission matrix', () => {
    /** The text as a browser lays it out: runs of white space are one space. */
    function text(node: { text(): string }): string {
      return node.text().replace(/\s+/g, ' ');
    }

    /** The sample matrix with one cell as the backend would answer it after a change. */
    function matrixWith(opd: string, year: number, quarter: number, change: Partial<MatrixCell>): SubmissionMatrix {
      const matrix = sampleMatrix();
      const target = matrix.rows.find((row) => row.opd.code === opd)?.cells.find((c) => c.year === year && c.quarter === quarter);
      Object.assign(target!, change);
      return matrix;
    }

    function cell(wrapper: VueWrapper, opd: string, year: number, quarter: number) {
      return wrapper.get(`[data-testid="matrix-cell"][data-opd="${opd}"][data-year="${year}"][data-quarter="${quarter}"]`);
    }

    it('shows every OPD × quarter of the plan, each state in words', async () => {
      const { wrapper, fake } = await mountExchange();
      expect(fake.callsOf('submissionMatrix')).toHaveLength(1);
      const section = wrapper.get('[data-testid="submission-matrix"]');
      expect(section.get('h3').text()).toBe('Matriks penyampaian laporan');
      const table = section.get('table');
      expect(table.get('caption').text()).toBe('Status laporan triwulan setiap OPD');
      // Each quarter with its due date.
      expect(table.findAll('thead th').map(text)).toEqual([
        'OPD',
        'TW I 2018 batas 15 April 2018',
        'TW II 2018 batas 15 Juli 2018',
        'TW III 2018 batas 15 Oktober 2018',
        'TW IV 2018 batas 15 Januari 2019',
        'TW I 2019 batas 15 April 2019',
        'TW II 2019 batas 15 Juli 2019',
        'TW III 2019 batas 15 Oktober 2019',
        'TW IV 2019 batas 15 Januari 2020',
      ]);
      expect(table.findAll('tbody th[scope="row"]').map(text)).toEqual([
        'Dinas Kesehatan DINKES',
        'Dinas Sosial DINSOS',
        'Dinas Komunikasi dan Informatika DISKOMINFO',
      ]);

      const cells = wrapper.findAll('[data-testid="matrix-cell"]');
      expect(cells).toHaveLength(3 * 8);
      const expected = sampleMatrix();
      for (const row of expected.rows) {
        for (const c of row.cells) {
          const shown = cell(wrapper, row.opd.code, c.year, c.quarter);
          expect(shown.attributes('data-state')).toBe(c.state);
          expect(shown.get('[data-testid="matrix-state"]').text()).not.toBe('');
        }
      }

      // Beside the day it arrived, the day the OPD exported it.
      expect(text(cell(wrapper, 'DINKES', 2018, 1))).toBe('Diverifikasi no. 1 masuk 12 April 2018 diekspor 11 April 2018');
      expect(text(cell(wrapper, 'DINKES', 2018, 2))).toBe('Terlambat no. 2 masuk 20 Juli 2018 diekspor 19 Juli 2018 Verifikasi');
      expect(text(cell(wrapper, 'DINSOS', 2018, 4))).toBe(
        'Diterima no. 1 masuk 14 Januari 2019 diekspor 13 Januari 2019 Verifikasi',
      );
      // Not sent, and the due date is past: said in words, and set apart.
      const overdue = cell(wrapper, 'DINKES', 2019, 1);
      expect(overdue.attributes('data-state')).toBe('belum');
      expect(text(overdue)).toBe('Belum · lewat tenggat');
      expect(overdue.get('[data-testid="matrix-state"]').classes()).toContain('matrix__chip--overdue');
      // Not due yet: only "Belum".
      const notDue = cell(wrapper, 'DINKES', 2019, 2);
      expect(text(notDue)).toBe('Belum');
      expect(notDue.get('[data-testid="matrix-state"]').classes()).not.toContain('matrix__chip--overdue');

      // Only reports received (on time or late) can be verified.
      const verifiable = wrapper
        .findAll('[data-testid="verify-cell"]')
        .map((button) => button.element.closest('td')?.getAttribute('data-state'));
      expect(verifiable.sort()).toEqual(['diterima', 'diterima', 'diterima', 'terlambat']);

      const legend = wrapper.get('[data-testid="matrix-legend"]').text();
      for (const word of ['Belum', 'Diterima', 'Terlambat', 'Diverifikasi', 'masuk setelah tenggat']) {
        expect(legend).toContain(word);
      }
      expect(wrapper.get('[data-testid="matrix-exported-note"]').text()).toBe(
        'Tanggal masuk menurut WIB. Terlambat dihitung dari tanggal laporan pertama triwulan itu diterima Bappeda; ' +
          'laporan yang dikirim ulang sesudahnya tidak mengubahnya. Tanggal diekspor menurut jam komputer OPD dan hanya keterangan.',
      );
      // A wide plan scrolls inside its own keyboard-reachable container.
      const scroll = table.element.parentElement!;
      expect(scroll.classList.contains('matrix__scroll')).toBe(true);
      expect(scroll.getAttribute('tabindex')).toBe('0');
    });

    it('shows the first arrival beside the last when a quarter\'s report came again', async () => {
      // On time by its first report (14 April); sent again after Bappeda's note.
      const matrix = matrixWith('DINSOS', 2019, 1, {
        state: 'diterima',
        sequence: 2,
        firstReceivedAt: '2019-04-14T03:00:00Z',
        receivedAt: '2019-04-15T18:00:00Z',
        exportedAt: '2019-04-15T09:00:00Z',
        overdue: false,
      });
      const { wrapper } = await mountExchange({ fake: { answers: { submissionMatrix: matrix } } });
      const shown = cell(wrapper, 'DINSOS', 2019, 1);
      // 15 April 18.00 UTC is 16 April in WIB, the day Bappeda's dates are in.
      expect(text(shown)).toBe(
        'Diterima no. 2 masuk pertama 14 April 2019 masuk terakhir 16 April 2019 diekspor 15 April 2019 Verifikasi',
      );
      expect(shown.get('[data-testid="matrix-received-first"]').text()).toBe('masuk pertama 14 April 2019');
    });

    it('verifies a received report from its cell', async () => {
      const { wrapper, fake } = await mountExchange({
        fake: { answers: { verifyReport: matrixWith('DINSOS', 2018, 4, { state: 'diverifikasi' }) } },
      });
      const target = () => cell(wrapper, 'DINSOS', 2018, 4);
      const button = target().get('[data-testid="verify-cell"]');
      expect(button.text()).toBe('Verifikasi');
      expect(button.attributes('aria-label')).toBe('Verifikasi laporan Dinas Sosial (DINSOS) Triwulan IV 2018');
      await button.trigger('click');
      await flushPromises();

      expect(fake.callsOf('verifyReport')).toEqual([['DINSOS', { year: 2018, quarter: 4 }]]);
      expect(target().attributes('data-state')).toBe('diverifikasi');
      expect(text(target())).toBe('Diverifikasi no. 1 masuk 14 Januari 2019 diekspor 13 Januari 2019');
      expect(target().find('[data-testid="verify-cell"]').exists()).toBe(false);
      // The focus stays where the button was, and the change is announced.
      expect(document.activeElement).toBe(target().element);
      expect(wrapper.get('[data-testid="matrix-status"]').text()).toBe(
        'Laporan Dinas Sosial (DINSOS) Triwulan IV 2018 diverifikasi.',
      );
    });

    it('shows a refused verification in the alert and keeps the cell as it was', async () => {
      const message = 'Laporan ini sudah diverifikasi.';
      const { wrapper } = await mountExchange({ fake: { failures: { verifyReport: { code: 'invalid', message } } } });
      await cell(wrapper, 'DISKOMINFO', 2018, 1).get('[data-testid="verify-cell"]').trigger('click');
      await flushPromises();
      expect(wrapper.get('[data-testid="submission-matrix"] [data-testid="error-alert"]').text()).toContain(message);
      expect(cell(wrapper, 'DISKOMINFO', 2018, 1).attributes('data-state')).toBe('diterima');
    });

    it('reloads after an accepted import', async () => {
      const { wrapper, fake } = await mountExchange({
        fake: {
          pickedFiles: [
            { token: 'file-1', name: 'laporan-dinkes-2019-tw1.xlsx' },
            { token: 'file-2', name: 'salah.xlsx' },
          ],
          imports: { 'file-2': { error: { code: 'invalid', message: 'Bukan laporan.' } } },
          // DINKES's TW I 2019, received on 11 April 2019 (before its due date).
          answers: {
            submissionMatrix: inTurn(
              sampleMatrix(),
              matrixWith('DINKES', 2019, 1, {
                state: 'diterima',
                sequence: 3,
                receivedAt: '2019-04-11T03:30:00Z',
                exportedAt: '2019-04-10T09:00:00Z',
                overdue: false,
              }),
            ),
          },
        },
      });
      expect(text(cell(wrapper, 'DINKES', 2019, 1))).toBe('Belum · lewat tenggat');
      await importPicked(wrapper);

      // Once for opening, once for the one file accepted; not for the refused one.
      expect(fake.callsOf('submissionMatrix')).toHaveLength(2);
      const imported = cell(wrapper, 'DINKES', 2019, 1);
      expect(imported.attributes('data-state')).toBe('diterima');
      expect(text(imported)).toBe('Diterima no. 3 masuk 11 April 2019 diekspor 10 April 2019 Verifikasi');
    });

    it('does not reload when a file had been received already', async () => {
      const { fake, wrapper } = await mountExchange({
        fake: {
          pickedFiles: [{ token: 'file-1', name: 'laporan-dinkes-2019-tw1.xlsx' }],
          imports: { 'file-1': sampleImported({ changed: false }) },
        },
      });
      await importPicked(wrapper);
      expect(fake.callsOf('submissionMatrix')).toHaveLength(1);
    });

    it('speaks English when asked to', async () => {
      const backend = createFakeBackend({ profile: BAPPEDA });
      const { wrapper } = mountWithApp<Backend>(ExchangeScreen, { backend, language: 'en' });
      await flushPromises();
      const section = wrapper.get('[data-testid="submission-matrix"]');
      expect(section.get('h3').text()).toBe('Report submission matrix');
      expect(text(section.findAll('[data-testid="matrix-period"]')[4]!)).toBe('Q1 2019 due 15 April 2019');
      expect(text(cell(wrapper, 'DINKES', 2018, 2))).toBe('Late no. 2 received 20 July 2018 exported 19 July 2018 Verify');
      expect(text(cell(wrapper, 'DINKES', 2019, 1))).toBe('Not yet · past due');
      const again = mountWithApp<Backend>(ExchangeScreen, {
        backend: createFakeBackend({
          profile: BAPPEDA,
          answers: {
            submissionMatrix: matrixWith('DINSOS', 2018, 4, { firstReceivedAt: '2019-01-10T03:00:00Z' }),
          },
        }),
        language: 'en',
      });
      await flushPromises();
      expect(text(cell(again.wrapper, 'DINSOS', 2018, 4))).toBe(
        'Received no. 1 first received 10 January 2019 last received 14 January 2019 exported 13 January 2019 Verify',
      );
      expect(cell(wrapper, 'DINKES', 2018, 2).get('[data-testid="verify-cell"]').attributes('aria-label')).toBe(
        'Verify the report of Dinas Kesehatan (DINKES) for Quarter II 2018',
      );
    });
  });
});
