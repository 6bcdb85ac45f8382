import { invoke } from '@tauri-apps/api/core';
import { describe, expect, it, vi } from 'vitest';
import * as cocreation from './cocreation';
import * as consolidation from './consolidation';
import * as exchange from './exchange';
import { call, toBackendError, UNEXPECTED_ERROR } from './invoke';
import { planOverview } from './plan';
import * as report from './report';
import { demoOpds, firstStart } from './setup';
import * as workspace from './workspace';

vi.mock('@tauri-apps/api/core', () => ({ invoke: vi.fn() }));

describe('toBackendError', () => {
  it('keeps a {code, message} rejection from our commands', () => {
    expect(toBackendError({ code: 'db_newer', message: 'Perbarui aplikasi.', extra: 1 })).toEqual({
      code: 'db_newer',
      message: 'Perbarui aplikasi.',
    });
  });

  it('keeps the field a validation error names, and only a text one', () => {
    expect(toBackendError({ code: 'invalid', message: 'Isi judul.', field: 'title' })).toEqual({
      code: 'invalid',
      message: 'Isi judul.',
      field: 'title',
    });
    expect(toBackendError({ code: 'invalid', message: 'x', field: null })).toEqual({ code: 'invalid', message: 'x' });
  });

  it('keeps the key a key_unconfirmed refusal asks about, and drops a malformed one', () => {
    const key = {
      opdCode: 'DINKES',
      opdName: 'Dinas Kesehatan',
      words: 'apel bambu cicak dadu ekor gajah hujan ikan',
      fingerprint: '4F2A-91C0-7B3E-D58A',
      change: 'first',
      heldSince: null,
    };
    expect(toBackendError({ code: 'key_unconfirmed', message: 'm', field: null, key })).toEqual({
      code: 'key_unconfirmed',
      message: 'm',
      key,
    });
    expect(toBackendError({ code: 'key_unconfirmed', message: 'm', key: { ...key, change: 'other' } })).toEqual({
      code: 'key_unconfirmed',
      message: 'm',
    });
    expect(toBackendError({ code: 'invalid', message: 'x', field: 3 })).toEqual({ code: 'invalid', message: 'x' });
  });

  it('wraps the string rejections that Tauri itself makes', () => {
    expect(toBackendError('command plan_overview not found')).toEqual({
      code: UNEXPECTED_ERROR,
      message: 'command plan_overview not found',
    });
  });

  it('wraps an Error, and anything else with an empty message', () => {
    expect(toBackendError(new TypeError('boom'))).toEqual({ code: UNEXPECTED_ERROR, message: 'boom' });
    expect(toBackendError(undefined)).toEqual({ code: UNEXPECTED_ERROR, message: '' });
    expect(toBackendError({ code: 7, message: null })).toEqual({ code: UNEXPECTED_ERROR, message: '' });
  });
});

describe('call', () => {
  it('passes the command and arguments to Tauri', async () => {
    vi.mocked(invoke).mockResolvedValueOnce({ needsSetup: false });
    const request = { choice: 'demo', role: 'opd', opdCode: 'DINKES', userName: 'Sari' } as const;
    await firstStart(request);
    expect(invoke).toHaveBeenCalledWith('first_start', { request });
  });

  it('uses the command and argument names of the Rust side', async () => {
    vi.mocked(invoke).mockResolvedValue(null);
    const period = { year: 2018, quarter: 3 } as const;
    const target = { milestoneId: 'm1', indicatorId: null, year: null, quarter: null };
    await demoOpds();
    await planOverview(null);
    await planOverview(period);
    await workspace.actionDetail('a1', period);
    await workspace.deleteMilestone('m1', period);
    await workspace.addEvidenceFile(target, 'a1', period);
    await workspace.deleteEvidence('e1', 'a1', null);
    await workspace.openEvidence('e1');
    await workspace.showEvidenceFolder('e1');
    await workspace.history('indicator', 'i1');
    await workspace.undoLast('a1', period);
    expect(vi.mocked(invoke).mock.calls).toEqual([
      ['demo_opds', undefined],
      ['plan_overview', { period: null }],
      ['plan_overview', { period }],
      ['action_detail', { actionId: 'a1', period }],
      ['delete_milestone', { id: 'm1', period }],
      ['add_evidence_file', { target, actionId: 'a1', period }],
      ['delete_evidence', { id: 'e1', actionId: 'a1', period: null }],
      ['open_evidence', { id: 'e1' }],
      ['show_evidence_folder', { id: 'e1' }],
      ['history', { entity: 'indicator', entityId: 'i1' }],
      ['undo_last', { actionId: 'a1', period }],
    ]);
  });

  it('uses the report command and argument names of report.rs', async () => {
    vi.mocked(invoke).mockResolvedValue(null);
    const period = { year: 2019, quarter: 1 } as const;
    const input = { place: 'Wonosobo', headPosition: 'Kepala Dinas Kesehatan', headName: 'Sri', headNip: '' };
    await report.reportSettings();
    await report.saveReportSettings(input);
    await report.exportReport(period, 'f4', true);
    await report.reportHasEvidenceFiles();
    await report.reportCalendar();
    await report.reportHistory();
    expect(vi.mocked(invoke).mock.calls).toEqual([
      ['report_settings', undefined],
      ['save_report_settings', { input }],
      ['export_report', { period, paper: 'f4', withEvidence: true }],
      ['report_has_evidence_files', undefined],
      ['report_calendar', undefined],
      ['report_history', undefined],
    ]);
  });

  it('uses the consolidation command and argument names of consolidation.rs', async () => {
    vi.mocked(invoke).mockResolvedValue(null);
    const period = { year: 2019, quarter: 2 } as const;
    await consolidation.consolidationSummary(period);
    await consolidation.exportRekap(period, 'f4');
    expect(vi.mocked(invoke).mock.calls).toEqual([
      ['consolidation_summary', { period }],
      ['export_rekap', { period, paper: 'f4' }],
    ]);
  });

  it('passes the berita acara its paper (cocreation.rs)', async () => {
    vi.mocked(invoke).mockResolvedValue(null);
    await cocreation.exportBeritaAcara('session-1', 'f4');
    expect(vi.mocked(invoke).mock.calls).toEqual([['export_berita_acara', { sessionId: 'session-1', paper: 'f4' }]]);
  });

  it('uses the exchange command and argument names of exchange.rs', async () => {
    vi.mocked(invoke).mockResolvedValue(null);
    await exchange.exportPackage();
    await exchange.pickReportFiles();
    await exchange.importReport('t1', null);
    await exchange.importReport('t1', { opdCode: 'DINKES', fingerprint: 'apel bambu cicak dadu ekor gajah hujan ikan' });
    await exchange.receivedReports();
    await exchange.pickPackage();
    await firstStart({ choice: 'package', packageToken: 'p1', role: 'opd', opdCode: 'DINKES', userName: 'Sari' });
    expect(vi.mocked(invoke).mock.calls).toEqual([
      ['export_package', undefined],
      ['pick_report_files', undefined],
      ['import_report', { token: 't1', acceptKey: null }],
      [
        'import_report',
        { token: 't1', acceptKey: { opdCode: 'DINKES', fingerprint: 'apel bambu cicak dadu ekor gajah hujan ikan' } },
      ],
      ['received_reports', undefined],
      ['pick_package', undefined],
      [
        'first_start',
        { request: { choice: 'package', packageToken: 'p1', role: 'opd', opdCode: 'DINKES', userName: 'Sari' } },
      ],
    ]);
  });

  it('imports an evidence bundle through import_evidence_bundle of exchange.rs', async () => {
    vi.mocked(invoke).mockResolvedValue(null);
    await exchange.importEvidenceBundle('t2');
    expect(vi.mocked(invoke).mock.calls).toEqual([['import_evidence_bundle', { token: 't2' }]]);
  });

  it('rejects with a BackendError whatever Tauri rejected with', async () => {
    vi.mocked(invoke).mockRejectedValueOnce('window.__TAURI_INTERNALS__ is undefined');
    await expect(call('app_status')).rejects.toEqual({
      code: UNEXPECTED_ERROR,
      message: 'window.__TAURI_INTERNALS__ is undefined',
    });
  });
});
