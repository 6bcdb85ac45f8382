// Commands of src-tauri/src/commands/report.rs: the signature block of the
// quarterly Laporan OPD, and its export. Rust opens the save dialog itself;
// the webview never supplies a path.
import { call } from './invoke';
import type { Exported, OwnKey, Paper, PeriodRef, ReportCalendar, ReportHistory, SignatureSettings } from './types';

/** The stored signature block, or defaults from the plan and the OPD. */
export function reportSettings(): Promise<SignatureSettings> {
  return call<SignatureSettings>('report_settings');
}

/** Saves the signature block; returns it as stored (trimmed, NIP without spaces). */
export function saveReportSettings(input: SignatureSettings): Promise<SignatureSettings> {
  return call<SignatureSettings>('save_report_settings', { input });
}

/** The fingerprint of this installation's signing key, which the OPD reads out to Bappeda; null = no key yet. */
export function ownKey(): Promise<OwnKey | null> {
  return call<OwnKey | null>('own_key');
}

/** Whether the OPD holds evidence files (the export then offers their bundle, checked). */
export function reportHasEvidenceFiles(): Promise<boolean> {
  return call<boolean>('report_has_evidence_files');
}

/**
 * Asks where to save, then writes the report, and with `withEvidence` the
 * evidence bundle beside it (`<name>.bukti.zip`); null = the clerk cancelled the dialog.
 */
export function exportReport(period: PeriodRef, paper: Paper, withEvidence: boolean): Promise<Exported | null> {
  return call<Exported | null>('export_report', { period, paper, withEvidence });
}

/** OPD: the next report due (or the oldest overdue) and each quarter's state, as of the computer's date. */
export function reportCalendar(): Promise<ReportCalendar> {
  return call<ReportCalendar>('report_calendar');
}

/** OPD: every report exported here, newest first, with Bappeda's status from the last feedback file. */
export function reportHistory(): Promise<ReportHistory> {
  return call<ReportHistory>('report_history');
}
