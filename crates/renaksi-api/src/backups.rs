//! Backups of the database: list them with what each holds, back up now,
//! restore one (after backing up what it replaces), and recover from one when
//! the database fails its check. A window names a backup by its file name in
//! the backups folder, never by a path.

use std::path::{Path, PathBuf};

use renaksi_core::backups::{self, BackupInfo, Kind};
use renaksi_core::keys::{self, ReplacedKey, Rotated};
use renaksi_core::{Error, Result, Store};
use serde::Serialize;

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

/// After a restore or a recovery, once the store is reopened: the restored
/// key signs from now on; the key it replaced in `kunci/` (when another) is
/// kept aside there and returned.
pub fn after_restore(store: &mut Store, db_path: &Path) -> Result<Option<ReplacedKey>> {
    backups::restore_key(store, crate::data_dir(db_path))
}

/// What a restore from the window did: the backup now in use, and the key it
/// replaced in `kunci/` when the backup held another one.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreDone {
    pub backup: BackupInfo,
    pub replaced_key: Option<ReplacedKey>,
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
    Replaced(BackupInfo, Option<ReplacedKey>),
    /// The database was damaged: moved to `aside`, and recovered from the backup.
    Recovered {
        aside: PathBuf,
        replaced_key: Option<ReplacedKey>,
    },
}

/// Restores the database at `db_path` from `file`: replaces its data when it
/// opens, recovers it when it fails its check or its migration. Then the
/// restored key signs (see [`after_restore`]).
pub fn restore_file(db_path: &Path, file: &Path) -> Result<Restored> {
    match Store::open(db_path) {
        Ok(mut store) => {
            let info = restore(&mut store, file)?;
            drop(store);
            // Brought up to date now, so a refusal is told with the restore.
            let mut store = reopen_after_restore(db_path)?;
            let replaced_key = after_restore(&mut store, db_path)?;
            Ok(Restored::Replaced(info, replaced_key))
        }
        // Damaged, or a schema that cannot be brought up to date (after a
        // restore of such a backup): the file is moved aside, never overwritten.
        Err(e)
            if matches!(e.code(), "db_corrupt" | "db_unreadable")
                || e.field() == Some("migration") =>
        {
            let (mut store, aside) = recover(db_path, file)?;
            let replaced_key = after_restore(&mut store, db_path)?;
            Ok(Restored::Recovered {
                aside,
                replaced_key,
            })
        }
        Err(e) => Err(e),
    }
}

/// The installation's signing key as the backup screen and `renaksi key`
/// show it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct KeyStatus {
    /// The fingerprint in words; none before the first key is made.
    pub fingerprint: Option<String>,
    /// Bappeda may replace its key; an OPD's key is never replaced this way.
    pub can_rotate: bool,
    /// The replacements Bappeda made, oldest first; every package carries them.
    pub rotations: Vec<RotationView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RotationView {
    pub old_fingerprint: String,
    pub new_fingerprint: String,
    /// YYYY-MM-DD.
    pub from: String,
}

pub fn key_status(store: &Store, db_path: &Path) -> Result<KeyStatus> {
    let conn = store.conn();
    let can_rotate = matches!(
        renaksi_core::profile::load(conn)?.map(|p| p.role.kind()),
        Some(renaksi_core::profile::RoleKind::Bappeda)
    );
    let words = renaksi_core::workbook::key_words::fingerprint_words;
    Ok(KeyStatus {
        fingerprint: keys::current_fingerprint(conn, crate::data_dir(db_path))?,
        can_rotate,
        rotations: keys::statements(conn)?
            .into_iter()
            .map(|s| RotationView {
                old_fingerprint: words(&s.old_key),
                new_fingerprint: words(&s.new_key),
                from: s.from,
            })
            .collect(),
    })
}

/// Bappeda replaces its signing key from `from` (today, WIB, when none): the
/// statement signed by the old key travels in every package from now on, so
/// the OPDs take the new key with the next package; the old key is kept aside
/// in `kunci/`. Back up afterwards: the new key is in the database.
pub fn rotate_key(store: &mut Store, db_path: &Path, from: Option<&str>) -> Result<Rotated> {
    let rotated = keys::rotate(store, crate::data_dir(db_path), from)?;
    backups::take(store, Kind::Manual)?;
    Ok(rotated)
}
