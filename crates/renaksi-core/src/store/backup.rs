//! Copies of the database through SQLite's online backup API, written to a
//! temporary file, synced, then renamed, so a backup is whole or absent.

use std::fs::{self, File};
use std::path::Path;
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::Connection;

use crate::{Error, Result};

/// Pages copied per step of the online backup.
const PAGES_PER_STEP: std::ffi::c_int = 1024;

/// Writes a consistent copy of `conn`'s main database to `dest`.
pub fn write_copy(conn: &Connection, dest: &Path) -> Result<()> {
    let tmp = dest.with_extension("tmp");
    let _ = fs::remove_file(&tmp);
    {
        let mut target = Connection::open(&tmp)?;
        let backup = Backup::new(conn, &mut target)?;
        backup.run_to_completion(PAGES_PER_STEP, Duration::ZERO, None)?;
    }
    File::open(&tmp)
        .and_then(|file| file.sync_all())
        .map_err(|e| Error::io("menyimpan cadangan", &tmp, e))?;
    fs::rename(&tmp, dest).map_err(|e| Error::io("menyimpan cadangan", dest, e))?;
    sync_dir(dest.parent());
    Ok(())
}

/// Makes the rename durable where the platform allows syncing a folder.
fn sync_dir(dir: Option<&Path>) {
    #[cfg(unix)]
    if let Some(dir) = dir {
        if let Ok(handle) = File::open(dir) {
            let _ = handle.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = dir;
}
