//! Backups of the database: list them with what each holds, back up now,
//! restore one (after backing up what it replaces), and recover from one when
//! the database fails its check. A window names a backup by its file name in
//! the backups folder, never by a path.

use std::path::{Path, PathBuf};

use renaksi_core::backups::{self, BackupInfo, Kind};
use renaksi_core::keys::{self, Renewed, ReplacedKey, Rotated};
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

/// [`after_restore`] once the data is already replaced: a failure of the key
/// step does not make the restore a failure (the data is the backup's now),
/// it is told as a warning; the next start brings the key in line again.
pub fn keys_after_restore(store: &mut Store, db_path: &Path) -> KeysAfterRestore {
    match after_restore(store, db_path) {
        Ok(replaced_key) => KeysAfterRestore {
            replaced_key,
            key_warning: None,
        },
        Err(error) => KeysAfterRestore {
            replaced_key: None,
            key_warning: Some(key_warning(&error.to_string())),
        },
    }
}

/// The warning of a key step that failed after the data was replaced.
pub fn key_warning(detail: &str) -> String {
    format!(
        "Data sudah dipulihkan dari cadangan, tetapi kunci tanda tangan belum dapat \
         diselaraskan: {detail} Renaksi mencobanya lagi saat dibuka berikutnya; sebelum itu \
         jangan mengekspor laporan atau paket."
    )
}

/// What the key step after a restore did (see [`keys_after_restore`]).
#[derive(Debug, Clone, PartialEq)]
pub struct KeysAfterRestore {
    pub replaced_key: Option<ReplacedKey>,
    pub key_warning: Option<String>,
}

/// What a restore from the window did: the backup now in use, the key it
/// replaced in `kunci/` when the backup held another one, and a warning when
/// the key step failed after the data was replaced (the restore stands).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RestoreDone {
    pub backup: BackupInfo,
    pub replaced_key: Option<ReplacedKey>,
    pub key_warning: Option<String>,
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
    Replaced(BackupInfo, KeysAfterRestore),
    /// The database was damaged: moved to `aside`, and recovered from the backup.
    Recovered {
        aside: PathBuf,
        keys: KeysAfterRestore,
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
            let keys = keys_after_restore(&mut store, db_path);
            Ok(Restored::Replaced(info, keys))
        }
        // Damaged, or a schema that cannot be brought up to date (after a
        // restore of such a backup): the file is moved aside, never overwritten.
        Err(e)
            if matches!(e.code(), "db_corrupt" | "db_unreadable")
                || e.field() == Some("migration") =>
        {
            let (mut store, aside) = recover(db_path, file)?;
            let keys = keys_after_restore(&mut store, db_path);
            Ok(Restored::Recovered { aside, keys })
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
    /// An OPD may make a new key ("Buat kunci baru") when its key may be in
    /// other hands; Bappeda then confirms the changed key by its words.
    pub can_renew: bool,
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
    let kind = renaksi_core::profile::load(conn)?.map(|p| p.role.kind());
    let can_rotate = kind == Some(renaksi_core::profile::RoleKind::Bappeda);
    let can_renew = kind == Some(renaksi_core::profile::RoleKind::Opd);
    let words = renaksi_core::workbook::key_words::fingerprint_words;
    Ok(KeyStatus {
        fingerprint: keys::current_fingerprint(conn, crate::data_dir(db_path))?,
        can_rotate,
        can_renew,
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

/// An OPD makes a new signing key ("Buat kunci baru"), when its key may be in
/// other hands: the old key is kept aside in `kunci/`, the change audited,
/// and a backup taken (the new key is in the database). Bappeda's next
/// import asks to confirm the changed key by the words the OPD reads out.
pub fn renew_key(store: &mut Store, db_path: &Path) -> Result<Renewed> {
    let renewed = keys::renew(store, crate::data_dir(db_path))?;
    backups::take(store, Kind::Manual)?;
    Ok(renewed)
}
