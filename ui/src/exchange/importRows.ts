// The per-file rows of an import batch and what the batch adds up to.
import type { BackendError, Imported, PickedFile } from '../api/types';

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
  | 'key_refused';

export interface ImportRowState {
  file: PickedFile;
  status: ImportStatus;
  imported: Imported | null;
  error: BackendError | null;
}

export function waitingRow(file: PickedFile): ImportRowState {
  return { file, status: 'waiting', imported: null, error: null };
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
