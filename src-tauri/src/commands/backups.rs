//! Backups of the database: list them with what each holds, back up now,
//! restore one (after backing up what it replaces), and recover from one when
//! the database failed its check at start. The webview names a backup by its
//! file name in the backups folder, never by a path.

use std::path::PathBuf;

use renaksi_core::backups::{self, BackupInfo, Kind};
use renaksi_core::{Error, Store};
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
    let store = state.store()?;
    Ok(backups::take(&store, Kind::Manual)?)
}

/// "Pulihkan dari cadangan": replaces the data with the backup's.
#[tauri::command]
pub fn restore_backup(state: State<'_, AppState>, file_name: String) -> CommandResult<BackupInfo> {
    let path = backup_file(&state, &file_name)?;
    let restored = {
        let mut store = state.store()?;
        backups::restore(&mut store, &path)?
    };
    // Reopened, so a backup from an older version is brought up to date.
    state.replace_store(Store::open(&state.db_path)?);
    log::info!("data dipulihkan dari cadangan {}", restored.file_name);
    Ok(restored)
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
    let path = backup_file(&state, &file_name)?;
    let (store, aside) = backups::recover(&state.db_path, &path)?;
    state.replace_store(store);
    log::warn!(
        "basis data rusak dipindahkan ke {}; dipulihkan dari {file_name}",
        aside.display()
    );
    Ok(backups::inspect(&path))
}

/// A backup of this database, by its file name.
fn backup_file(state: &AppState, file_name: &str) -> Result<PathBuf, Error> {
    backups::list(&state.db_path)?
        .into_iter()
        .find(|b| b.file_name == file_name)
        .map(|b| PathBuf::from(b.path))
        .ok_or_else(|| Error::NotFound("Cadangan".into()))
}
