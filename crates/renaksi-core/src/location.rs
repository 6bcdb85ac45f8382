//! Where the database lives: the per-user local data folder, unless the user
//! names a file (`--db PATH`) or a folder (`RENAKSI_DATA_DIR`).
//! Never a network share: the local data folder is per machine.
//!
//! The database, its backups and `kunci/` hold the installation's secret
//! signing key. On Linux and macOS the data folder is made readable by this
//! user only (0700) when Renaksi creates it, and the platform's own data
//! folder (`~/.local/share/renaksi`) again each time the database in it is
//! opened; the database file is 0600, so SQLite gives its journal the same
//! mode. An existing folder the user named with `RENAKSI_DATA_DIR` or `--db`
//! keeps the access its owner gave it. On Windows Renaksi relies on the
//! per-user `%LOCALAPPDATA%`, which other users of the PC cannot read.

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
        _ => platform_data_dir().ok_or(Error::NoDataDir),
    }
}

/// The platform's local data folder for Renaksi, whatever `RENAKSI_DATA_DIR`
/// says: the only existing folder Renaksi makes private on every open.
fn platform_data_dir() -> Option<PathBuf> {
    dirs::data_local_dir().map(|dir| dir.join(APP_DIR_NAME))
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

/// Makes `dir` (and any missing parent) with access for this user only on
/// unix (0700 for each folder made); an existing folder is left as it is.
pub fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder
        .create(dir)
        .map_err(|e| Error::io("membuat folder", dir, e))
}

/// Before the database at `path` is opened: the file is made (or kept)
/// readable by this user only, so its `-wal` and `-shm` are too, and when it
/// lies in the platform's data folder for Renaksi (not a `RENAKSI_DATA_DIR`)
/// that folder is made 0700. A folder the user named keeps its access (it may
/// be shared, like `/tmp`); one Renaksi creates is made 0700 when created. Nothing to do on Windows (see the module's text).
pub fn protect_database(path: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        // Best effort on what exists (a file of another owner keeps its mode
        // and still opens); a new database file is made private or not at all.
        let private = |p: &Path, mode: u32| {
            let _ = std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode));
        };
        if path.exists() {
            private(path, 0o600);
        } else {
            crate::store::backup::private_file(path).map_err(|e| Error::io("membuat", path, e))?;
        }
        for suffix in ["-wal", "-shm"] {
            let mut name = path.as_os_str().to_owned();
            name.push(suffix);
            let journal = PathBuf::from(name);
            if journal.exists() {
                private(&journal, 0o600);
            }
        }
        let parent = path.parent().filter(|d| !d.as_os_str().is_empty());
        if let (Some(dir), Some(own)) = (parent, platform_data_dir()) {
            if dir == own {
                private(dir, 0o700);
            }
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}
