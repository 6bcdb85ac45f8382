// The per-file rows of an import batch and what the batch adds up to.
import type { BackendError, Imported, PickedFile } from '../api/types';

export type ImportStatus = 'waiting' | 'importing' | 'accepted' | 'unchanged' | 'rejected' | 'key_changed';

export interface ImportRowState {
  file: PickedFile;
  status: ImportStatus;
  imported: Imported | null;
  error: BackendError | null;
}

export function waitingRow(file: PickedFile): ImportRowState {
  return { file, status: 'waiting', imported: null, error: null };
}

/** Accepted counts the files already received before (nothing changed) too; a changed key is a refusal. */
export function summarise(rows: readonly ImportRowState[]): { accepted: number; rejected: number } {
  let accepted = 0;
  let rejected = 0;
  for (const row of rows) {
    if (row.status === 'accepted' || row.status === 'unchanged') accepted += 1;
    else if (row.status === 'rejected' || row.status === 'key_changed') rejected += 1;
  }
  return { accepted, rejected };
}
