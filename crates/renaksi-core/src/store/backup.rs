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
    write_copy_then(conn, dest, |_| Ok(()))
}

/// Writes a consistent copy of `conn`'s main database to `dest`, running
/// `finish` on the copy before it is synced and put in place (a backup adds
/// the installation's key there when the database does not hold it yet).
/// The copy is readable by this user only: a backup holds the signing key.
pub fn write_copy_then(
    conn: &Connection,
    dest: &Path,
    finish: impl FnOnce(&Connection) -> Result<()>,
) -> Result<()> {
    let tmp = dest.with_extension("tmp");
    let _ = fs::remove_file(&tmp);
    // The file is made readable by this user only before SQLite writes the
    // data (and the key) into it; SQLite keeps the mode of a file it finds.
    private_file(&tmp).map_err(|e| Error::io("menyimpan cadangan", &tmp, e))?;
    let copied = (|| {
        let mut target = Connection::open(&tmp)?;
        {
            let backup = Backup::new(conn, &mut target)?;
            backup.run_to_completion(PAGES_PER_STEP, Duration::ZERO, None)?;
        }
        finish(&target)
    })();
    if let Err(error) = copied {
        let _ = fs::remove_file(&tmp);
        return Err(error);
    }
    File::open(&tmp)
        .and_then(|file| file.sync_all())
        .map_err(|e| Error::io("menyimpan cadangan", &tmp, e))?;
    fs::rename(&tmp, dest).map_err(|e| Error::io("menyimpan cadangan", dest, e))?;
    crate::files::sync_dir(dest.parent().unwrap_or_else(|| Path::new(".")));
    Ok(())
}

/// Makes an empty file at `path`, readable by this user only (on Windows the
/// file inherits the per-user folder's access: see `location`).
pub(crate) fn private_file(path: &Path) -> std::io::Result<()> {
    let mut options = fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path).map(drop)
}
