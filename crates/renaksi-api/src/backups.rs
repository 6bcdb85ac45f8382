//! Backups of the database: list them with what each holds, back up now,
//! restore one (after backing up what it replaces), and recover from one when
//! the database fails its check. A window names a backup by its file name in
//! the backups folder, never by a path.

use std::path::{Path, PathBuf};

use renaksi_core::backups::{self, BackupInfo, Kind};
use renaksi_core::{Error, Result, Store};

/// Every backup beside the database at `db_path`, newest first. Needs no open
/// store: that is when a recovery needs the list.
pub fn list(db_path: &Path) -> Result<Vec<BackupInfo>> {
    backups::list(db_path)
}

/// The day's backup, when none was taken yet today (WIB); `None` when one was.
pub fn daily_if_due(store: &Store) -> Result<Option<BackupInfo>> {
    backups::daily_if_due(store, renaksi_core::dates::today_wib())
}

/// "Cadangkan sekarang".
pub fn back_up_now(store: &Store) -> Result<BackupInfo> {
    backups::take(store, Kind::Manual)
}

/// What a backup file holds, or why it cannot be used.
pub fn inspect(file: &Path) -> BackupInfo {
    backups::inspect(file)
}

/// A backup of the database at `db_path`, by its file name.
pub fn by_file_name(db_path: &Path, file_name: &str) -> Result<PathBuf> {
    backups::list(db_path)?
        .into_iter()
        .find(|b| b.file_name == file_name)
        .map(|b| PathBuf::from(b.path))
        .ok_or_else(|| Error::NotFound("Cadangan".into()))
}

/// Replaces the open store's data with the backup's, after backing up what it
/// replaces. Reopen the store afterwards ([`reopen_after_restore`]), so an
/// older backup is migrated.
pub fn restore(store: &mut Store, file: &Path) -> Result<BackupInfo> {
    backups::restore(store, file)
}

/// Opens the database at `db_path` again after a restore replaced its data
/// (close the store the restore wrote through first). Should that fail (an
/// older backup whose migration is refused), the error says that the data was
/// replaced and where the earlier data is.
pub fn reopen_after_restore(db_path: &Path) -> Result<Store> {
    Store::open(db_path).map_err(|error| {
        Error::invalid(
            "backup",
            format!(
                "Data dari cadangan sudah disalin, tetapi basis data tidak dapat dibuka lagi: \
                 {error} Pulihkan dari cadangan \"sebelum-pulihkan\" untuk kembali ke data \
                 sebelumnya."
            ),
        )
    })
}

/// The database at `db_path` failed its check: the damaged file is moved aside
/// (never overwritten) and the backup takes its place. Returns the reopened
/// store and where the damaged file went.
pub fn recover(db_path: &Path, file: &Path) -> Result<(Store, PathBuf)> {
    backups::recover(db_path, file)
}

/// How [`restore_file`] went.
#[derive(Debug)]
pub enum Restored {
    /// The data was replaced; what it replaced is in a before-restore backup.
    Replaced(BackupInfo),
    /// The database was damaged: moved to `aside`, and recovered from the backup.
    Recovered { aside: PathBuf },
}

/// Restores the database at `db_path` from `file`: replaces its data when it
/// opens, recovers it when it fails its check or its migration.
pub fn restore_file(db_path: &Path, file: &Path) -> Result<Restored> {
    match Store::open(db_path) {
        Ok(mut store) => {
            let restored = restore(&mut store, file)?;
            drop(store);
            // Brought up to date now, so a refusal is told with the restore.
            reopen_after_restore(db_path)?;
            Ok(Restored::Replaced(restored))
        }
        // Damaged, or a schema that cannot be brought up to date (after a
        // restore of such a backup): the file is moved aside, never overwritten.
        Err(e)
            if matches!(e.code(), "db_corrupt" | "db_unreadable")
                || e.field() == Some("migration") =>
        {
            let (_, aside) = recover(db_path, file)?;
            Ok(Restored::Recovered { aside })
        }
        Err(e) => Err(e),
    }
}
