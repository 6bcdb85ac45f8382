//! Writing a file so that it is whole or absent: the bytes go to a temporary
//! file beside it, are synced to disk, and the temporary file is renamed over
//! the target. Every file the app exports goes this way.

use std::fs::{self, File};
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// Writes `bytes` to `out` through a synced temporary file and a rename.
pub fn write_atomically(out: &Path, bytes: &[u8]) -> Result<()> {
    let tmp = temp_path(out);
    write_synced(&tmp, bytes)?;
    fs::rename(&tmp, out).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::io("menyimpan", out, e)
    })
}

/// Like [`write_atomically`], for a file written piece by piece by `write`
/// (a workbook too big to hold in memory), synced before the rename.
pub(crate) fn write_atomically_with(
    out: &Path,
    write: impl FnOnce(&mut File) -> Result<()>,
) -> Result<()> {
    let tmp = temp_path(out);
    let mut file = File::create(&tmp).map_err(|e| Error::io("menulis", &tmp, e))?;
    let written =
        write(&mut file).and_then(|_| file.sync_all().map_err(|e| Error::io("menulis", &tmp, e)));
    drop(file);
    if let Err(e) = written {
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    fs::rename(&tmp, out).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::io("menyimpan", out, e)
    })
}

pub(crate) fn temp_path(out: &Path) -> PathBuf {
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    out.with_file_name(format!(".{name}.{}.tmp", std::process::id()))
}

pub(crate) fn write_synced(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut file = File::create(path).map_err(|e| Error::io("menulis", path, e))?;
    file.write_all(bytes)
        .and_then(|_| file.sync_all())
        .map_err(|e| {
            let _ = fs::remove_file(path);
            Error::io("menulis", path, e)
        })
}

/// Makes a rename in `dir` durable where the platform allows syncing a folder.
pub(crate) fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(handle) = File::open(dir) {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}
