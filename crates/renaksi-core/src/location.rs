//! Where the database lives: the per-user local data folder, unless the user
//! names a file (`--db PATH`) or a folder (`RENAKSI_DATA_DIR`).
//! Never a network share: the local data folder is per machine.

use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Environment variable that moves the whole data folder (tests, portable use).
pub const DATA_DIR_ENV: &str = "RENAKSI_DATA_DIR";
/// File name of the database inside the data folder.
pub const DB_FILE_NAME: &str = "renaksi.db";
/// Folder name inside the platform's local data folder.
const APP_DIR_NAME: &str = "renaksi";

/// The data folder: `RENAKSI_DATA_DIR` when set, else the platform's local data
/// folder (`~/.local/share/renaksi`, `%LOCALAPPDATA%\renaksi`).
pub fn data_dir() -> Result<PathBuf> {
    match std::env::var_os(DATA_DIR_ENV) {
        Some(dir) if !dir.is_empty() => Ok(PathBuf::from(dir)),
        _ => dirs::data_local_dir()
            .map(|dir| dir.join(APP_DIR_NAME))
            .ok_or(Error::NoDataDir),
    }
}

/// The database file: the explicit path when given, else `renaksi.db` in [`data_dir`].
pub fn db_path(explicit: Option<&Path>) -> Result<PathBuf> {
    match explicit {
        Some(path) => Ok(path.to_path_buf()),
        None => Ok(data_dir()?.join(DB_FILE_NAME)),
    }
}

/// Folder of the automatic backups of a database: `backups/` next to it.
pub fn backup_dir(db_path: &Path) -> PathBuf {
    db_path
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .join("backups")
}
