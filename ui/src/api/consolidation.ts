// Commands of src-tauri/src/commands/consolidation.rs: the regency picture
// (the dashboard's figures) and the Rekap kabupaten workbook. Rust opens the
// save dialog.
import { call } from './invoke';
import type { Paper, PeriodRef, RegencySummary, RekapWritten } from './types';

/** The dashboard's figures for a period (null = the default period); null when there is no plan. */
export function consolidationSummary(period: PeriodRef | null): Promise<RegencySummary | null> {
  return call<RegencySummary | null>('consolidation_summary', { period });
}

/** Bappeda: asks where to save, then writes the rekap; null = the dialog was cancelled. */
export function exportRekap(period: PeriodRef, paper: Paper): Promise<RekapWritten | null> {
  return call<RekapWritten | null>('export_rekap', { period, paper });
}
