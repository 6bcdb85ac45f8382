// Bappeda's incoming-reports screen, as the secretariat uses it, against the fake backend.
import { flushPromises, type VueWrapper } from '@vue/test-utils';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../api/backend';
import type { Imported, MatrixCell, SubmissionMatrix } from '../api/types';
import {
  createFakeBackend,
  inTurn,
  SAMPLE_KEY_FINGERPRINT,
  SAMPLE_PACKAGE_PATH,
  sampleImported,
  sampleMatrix,
  samplePickedFiles,
  sampleReceived,
  type FakeBackend,
  type FakeBackendOptions,
} from '../testing/fakeBackend';
import { mountWithApp } from '../testing/mount';
import ExchangeScreen from './ExchangeScreen.vue';

const BAPPEDA = { role: 'bappeda', opdCode: null, userName: 'Admin Bappeda' } as const;
const KEY_CHANGED = {
  code: 'key_changed',
  message: 'Kunci tanda tangan Dinas Sosial (DINSOS) berbeda dari yang tercatat.',
};

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
      ['file-1', false],
      ['file-2', false],
      ['file-3', false],
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

  it('offers to accept a changed key, and imports with it only after the clerk confirms', async () => {
    const { wrapper, fake } = await mountExchange({
      fake: {
        pickedFiles: [{ token: 'file-2', name: 'laporan-dinsos-2019-tw1.xlsx' }],
        // The backend refuses the new key until the clerk accepts it.
        answers: {
          importReport: (_token, acceptNewKey) => {
            if (!acceptNewKey) throw KEY_CHANGED;
            return sampleImported({ opdCode: 'DINSOS', opdName: 'Dinas Sosial', sequence: 2, keyPinned: true });
          },
        },
      },
    });
    await importPicked(wrapper);

    const row = () => wrapper.get('[data-testid="import-row"]');
    expect(row().attributes('data-status')).toBe('key_changed');
    expect(row().text()).toContain(`Ditolak: ${KEY_CHANGED.message}`);
    expect(wrapper.get('[data-testid="import-summary"]').text()).toBe('0 diterima, 1 ditolak');

    await wrapper.get('[data-testid="accept-key"]').trigger('click');
    expect(row().text()).toContain('Sudah memastikan kepada OPD bahwa kuncinya memang diganti?');
    // "Batal" first: nothing is imported, the offer stays.
    await wrapper.get('[data-testid="confirm-no"]').trigger('click');
    await flushPromises();
    expect(fake.callsOf('importReport')).toEqual([['file-2', false]]);
    expect(document.activeElement?.getAttribute('data-testid')).toBe('accept-key');

    await wrapper.get('[data-testid="accept-key"]').trigger('click');
    expect(wrapper.get('[data-testid="confirm-yes"]').text()).toBe('Ya');
    await wrapper.get('[data-testid="confirm-yes"]').trigger('click');
    await flushPromises();

    expect(fake.callsOf('importReport')).toEqual([
      ['file-2', false],
      ['file-2', true],
    ]);
    expect(row().attributes('data-status')).toBe('accepted');
    expect(row().get('[data-testid="import-status"]').text()).toBe('Diterima: Dinas Sosial (DINSOS) Triwulan I 2019, nomor 2');
    expect(row().get('[data-testid="import-key-pinned"]').text()).toBe(
      `kunci dicatat untuk pertama kali (${SAMPLE_KEY_FINGERPRINT})`,
    );
    expect(wrapper.find('[data-testid="accept-key"]').exists()).toBe(false);
    expect(wrapper.get('[data-testid="import-summary"]').text()).toBe('1 diterima, 0 ditolak');
    expect(wrapper.emitted('imported')).toHaveLength(1);
  });

  it('Escape in the key confirmation cancels it and does not leave the screen', async () => {
    const { wrapper } = await mountExchange({
      fake: { pickedFiles: [{ token: 'file-2', name: 'b.xlsx' }], imports: { 'file-2': { error: KEY_CHANGED } } },
    });
    await importPicked(wrapper);
    await wrapper.get('[data-testid="accept-key"]').trigger('click');
    await wrapper.get('[data-testid="confirm-no"]').trigger('keydown', { key: 'Escape' });
    await flushPromises();
    expect(wrapper.find('[data-testid="confirm"]').exists()).toBe(false);
    expect(wrapper.emitted('back')).toBeUndefined();
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
      expect(table.findAll('thead th').map((th) => th.text())).toEqual([
        'OPD',
        'TW I 2018',
        'TW II 2018',
        'TW III 2018',
        'TW IV 2018',
        'TW I 2019',
        'TW II 2019',
        'TW III 2019',
        'TW IV 2019',
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

      expect(text(cell(wrapper, 'DINKES', 2018, 1))).toBe('Diverifikasi no. 1');
      expect(text(cell(wrapper, 'DINKES', 2018, 2))).toBe('Terlambat no. 2 Verifikasi');
      expect(text(cell(wrapper, 'DINSOS', 2018, 4))).toBe('Diterima no. 1 Verifikasi');
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
      // A wide plan scrolls inside its own keyboard-reachable container.
      const scroll = table.element.parentElement!;
      expect(scroll.classList.contains('matrix__scroll')).toBe(true);
      expect(scroll.getAttribute('tabindex')).toBe('0');
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
      expect(text(target())).toBe('Diverifikasi no. 1');
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
              matrixWith('DINKES', 2019, 1, { state: 'diterima', sequence: 3, receivedAt: '2019-04-11T03:30:00Z', overdue: false }),
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
      expect(text(imported)).toBe('Diterima no. 3 Verifikasi');
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
      expect(section.findAll('[data-testid="matrix-period"]')[4]!.text()).toBe('Q1 2019');
      expect(text(cell(wrapper, 'DINKES', 2019, 1))).toBe('Not yet · past due');
      expect(cell(wrapper, 'DINKES', 2018, 2).get('[data-testid="verify-cell"]').attributes('aria-label')).toBe(
        'Verify the report of Dinas Kesehatan (DINKES) for Quarter II 2018',
      );
    });
  });
});
