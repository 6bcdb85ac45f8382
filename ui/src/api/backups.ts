// Commands of src-tauri/src/commands/backups.rs: the backups beside the
// database, back up now, restore, and recovery when the database is damaged.
import { call } from './invoke';
import type { BackupInfo, KeyStatus, Renewed, RestoreDone, Rotated } from './types';

/** Every backup, newest first (also when the database could not be opened). */
export function backupsList(): Promise<BackupInfo[]> {
  return call<BackupInfo[]>('backups_list');
}

/** "Cadangkan sekarang". */
export function backupNow(): Promise<BackupInfo> {
  return call<BackupInfo>('backup_now');
}

/** Replaces the data with the backup's, after backing up what it replaces; the backup's key signs from now on. */
export function restoreBackup(fileName: string): Promise<RestoreDone> {
  return call<RestoreDone>('restore_backup', { fileName });
}

/** When the database failed its check: the damaged file is moved aside, the backup takes its place. */
export function recoverFromBackup(fileName: string): Promise<BackupInfo> {
  return call<BackupInfo>('recover_from_backup', { fileName });
}

/** The installation's signing key: its fingerprint in words, and whether this profile may replace it. */
export function keyStatus(): Promise<KeyStatus> {
  return call<KeyStatus>('key_status');
}

/** Bappeda replaces its key from `from` (YYYY-MM-DD), after the window asked to confirm. */
export function rotateKey(from: string): Promise<Rotated> {
  return call<Rotated>('rotate_key', { from });
}

/** OPD: makes a new signing key ("Buat kunci baru"), after the window asked to confirm. */
export function renewKey(): Promise<Renewed> {
  return call<Renewed>('renew_key');
}
