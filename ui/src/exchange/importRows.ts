// The per-file rows of an import batch and what the batch adds up to. A .zip
// is an evidence bundle: it is imported after the reports picked with it, and
// held while its report waits for the clerk to confirm the OPD's key.
import type { BackendError, BundleImported, Imported, PickedFile } from '../api/types';

/**
 * 'key_unconfirmed': refused until the clerk confirms the OPD's key (its
 * first, or a changed one); 'key_refused': the clerk said the fingerprint
 * does not match what the OPD read out, so the file stays refused.
 */
export type ImportStatus =
  | 'waiting'
  | 'importing'
  | 'accepted'
  | 'unchanged'
  | 'rejected'
  | 'key_unconfirmed'
  | 'key_refused'
  /** A bundle held until its report's key is confirmed or refused. */
  | 'held';

export interface ImportRowState {
  file: PickedFile;
  status: ImportStatus;
  imported: Imported | null;
  /** What an evidence bundle brought (its refused entries, with why). */
  bundle: BundleImported | null;
  error: BackendError | null;
}

export function waitingRow(file: PickedFile): ImportRowState {
  return { file, status: 'waiting', imported: null, bundle: null, error: null };
}

/** Whether a picked file is an evidence bundle rather than a report. */
export function isBundle(file: PickedFile): boolean {
  return file.name.toLowerCase().endsWith('.zip');
}

/** The rows of a batch: the reports in the order picked, then the bundles, which need their reports first. */
export function batchRows(files: readonly PickedFile[]): ImportRowState[] {
  return [...files.filter((f) => !isBundle(f)), ...files.filter(isBundle)].map(waitingRow);
}

/**
 * What to do with a bundle row now: import it; hold it while its report
 * (`x.bukti.zip` beside `x.xlsx`, picked with it) waits for its key to be
 * confirmed, or while any report of the batch does when it was picked without
 * its report; or refuse it with its report's reason once that key was refused.
 * Imported before the key is accepted, every entry would be refused (no
 * received report names it) and it would not be tried again.
 */
export function bundleTurn(rows: readonly ImportRowState[], bundle: ImportRowState): 'import' | 'hold' | 'refuse' {
  const stem = bundle.file.name.toLowerCase().replace(/(\.bukti)?\.zip$/, '');
  const report = rows.find((row) => !isBundle(row.file) && row.file.name.toLowerCase().replace(/\.xlsx$/, '') === stem);
  if (report) {
    if (report.status === 'key_unconfirmed') return 'hold';
    return report.status === 'key_refused' ? 'refuse' : 'import';
  }
  return rows.some((row) => row.status === 'key_unconfirmed') ? 'hold' : 'import';
}

/** A bundle with a refused entry counts as refused; one that changed nothing, as received before. */
export function bundleStatus(bundle: BundleImported): ImportStatus {
  if (bundle.refused.length > 0) return 'rejected';
  return bundle.changed ? 'accepted' : 'unchanged';
}

/**
 * Accepted counts the files already received before (nothing changed) too;
 * a key still to be confirmed counts apart, a refused key as a refusal.
 */
export function summarise(rows: readonly ImportRowState[]): { accepted: number; rejected: number; keys: number } {
  let accepted = 0;
  let rejected = 0;
  let keys = 0;
  for (const row of rows) {
    if (row.status === 'accepted' || row.status === 'unchanged') accepted += 1;
    else if (row.status === 'rejected' || row.status === 'key_refused') rejected += 1;
    else if (row.status === 'key_unconfirmed') keys += 1;
  }
  return { accepted, rejected, keys };
}
