//! Backups of the database: list them with what each holds, back up now,
//! restore one (after backing up what it replaces), and recover from one when
//! the database failed its check at start. The webview names a backup by its
//! file name in the backups folder, never by a path.

use renaksi_api::backups::{self, KeyStatus, RestoreDone};
use renaksi_core::backups::BackupInfo;
use renaksi_core::keys::{Renewed, Rotated};
use renaksi_core::Error;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

/// Every backup beside the database, newest first. Works when the database
/// could not be opened too: that is when the recovery offer needs it.
#[tauri::command]
pub fn backups_list(state: State<'_, AppState>) -> CommandResult<Vec<BackupInfo>> {
    Ok(backups::list(&state.db_path)?)
}

/// "Cadangkan sekarang".
#[tauri::command]
pub fn backup_now(state: State<'_, AppState>) -> CommandResult<BackupInfo> {
    Ok(backups::back_up_now(&*state.store()?)?)
}

/// "Pulihkan dari cadangan": replaces the data with the backup's; the key
/// the backup holds signs from now on.
#[tauri::command]
pub fn restore_backup(state: State<'_, AppState>, file_name: String) -> CommandResult<RestoreDone> {
    let path = backups::by_file_name(&state.db_path, &file_name)?;
    // Reopened, so a backup from an older version is brought up to date; a
    // failed reopening leaves the window in the could-not-open state.
    let restored = state.restore(&path).inspect_err(|e| {
        if state.open_failure().is_some() {
            log::error!(
                "basis data tidak dapat dibuka setelah dipulihkan: {}",
                e.message
            );
        }
    })?;
    log::info!("data dipulihkan dari cadangan {}", restored.file_name);
    let keys = keys_after_restore(&state);
    Ok(RestoreDone {
        backup: restored,
        replaced_key: keys.replaced_key,
        key_warning: keys.key_warning,
    })
}

/// The restored key signs from now on; the one `kunci/` held, if another,
/// is kept aside there. The data is replaced already: a failure here is a
/// warning with the restore's success, never the restore's failure.
fn keys_after_restore(state: &AppState) -> backups::KeysAfterRestore {
    let keys = match state.store() {
        Ok(mut store) => backups::keys_after_restore(&mut store, &state.db_path),
        Err(error) => backups::KeysAfterRestore {
            replaced_key: None,
            key_warning: Some(backups::key_warning(&error.message)),
        },
    };
    if let Some(key) = &keys.replaced_key {
        log::warn!(
            "kunci dari cadangan dipakai; kunci sebelumnya disimpan di {}",
            key.aside.display()
        );
    }
    if let Some(warning) = &keys.key_warning {
        log::warn!("{warning}");
    }
    keys
}

/// The installation's key: its fingerprint in words, and whether this
/// profile may replace it (Bappeda).
#[tauri::command]
pub fn key_status(state: State<'_, AppState>) -> CommandResult<KeyStatus> {
    Ok(backups::key_status(&*state.store()?, &state.db_path)?)
}

/// Bappeda replaces its key from `from` (YYYY-MM-DD), after the window asked
/// to confirm.
#[tauri::command]
pub fn rotate_key(state: State<'_, AppState>, from: String) -> CommandResult<Rotated> {
    let rotated = backups::rotate_key(&mut *state.store()?, &state.db_path, Some(&from))?;
    log::warn!(
        "kunci Bappeda diganti mulai {}; kunci lama disimpan di {}",
        rotated.from,
        rotated.old_key_file
    );
    Ok(rotated)
}

/// An OPD makes a new signing key ("Buat kunci baru"), after the window
/// asked to confirm; the old key is kept aside in `kunci/`.
#[tauri::command]
pub fn renew_key(state: State<'_, AppState>) -> CommandResult<Renewed> {
    let renewed = backups::renew_key(&mut *state.store()?, &state.db_path)?;
    log::warn!(
        "kunci OPD diganti; kunci lama disimpan di {}",
        renewed.old_key_file
    );
    Ok(renewed)
}

/// At start, when the database failed its check: the damaged file is moved
/// aside and the backup takes its place.
#[tauri::command]
pub fn recover_from_backup(
    state: State<'_, AppState>,
    file_name: String,
) -> CommandResult<BackupInfo> {
    if state.open_failure().is_none() {
        return Err(Error::invalid(
            "backup",
            "Basis data dapat dibuka; untuk kembali ke cadangan pakai \"Pulihkan dari cadangan\".",
        )
        .into());
    }
    let path = backups::by_file_name(&state.db_path, &file_name)?;
    let (store, aside) = backups::recover(&state.db_path, &path)?;
    state.replace_store(store);
    // A failed key step is logged and tried again at the next start: the
    // data is recovered either way.
    keys_after_restore(&state);
    log::warn!(
        "basis data rusak dipindahkan ke {}; dipulihkan dari {file_name}",
        aside.display()
    );
    Ok(backups::inspect(&path))
}
