//! Open data for the public portal: what it holds (for the screen that says
//! what is published and what is not) and the files themselves.

use std::path::{Path, PathBuf};

use renaksi_core::opendata::{self, OpenDataSummary};
use renaksi_core::{Result, Store};
use serde::Serialize;

/// The tables the open data of the current plan holds now, with their
/// columns and row counts; nothing is written.
pub fn summary(store: &Store) -> Result<OpenDataSummary> {
    opendata::summary(store.conn())
}

/// Writes the open data files into `dir` (created if needed); returns their paths.
pub fn write(store: &Store, dir: &Path) -> Result<Vec<PathBuf>> {
    opendata::write(store, dir)
}

/// The open data as written: its folder and the names of its files.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenDataWritten {
    pub folder: String,
    pub files: Vec<String>,
}

/// Where the open data goes when the clerk picked `picked` in a folder
/// dialog: the folder itself when it is empty or holds open data written
/// before (its descriptor); in a published site, the site's own `data/`
/// (anything else there would go with the site's next publishing); else a
/// new folder `data-terbuka-2018-2019` inside it.
pub fn folder_in(store: &Store, picked: &Path) -> Result<PathBuf> {
    if picked.join(renaksi_core::publish::MARKER).is_file() {
        return Ok(picked.join(renaksi_core::publish::DATA_DIR));
    }
    if is_empty_dir(picked)? || picked.join(opendata::DESCRIPTOR_FILE).is_file() {
        return Ok(picked.to_path_buf());
    }
    let plan = renaksi_core::store::plans::require_current(store.conn())?;
    Ok(picked.join(format!(
        "data-terbuka-{}-{}",
        plan.year_start, plan.year_end
    )))
}

/// [`write`] into the folder [`folder_in`] names for `picked`.
pub fn write_in(store: &Store, picked: &Path) -> Result<OpenDataWritten> {
    let folder = folder_in(store, picked)?;
    let written = write(store, &folder)?;
    Ok(OpenDataWritten {
        folder: folder.display().to_string(),
        files: written
            .iter()
            .filter_map(|p| p.file_name())
            .map(|n| n.to_string_lossy().into_owned())
            .collect(),
    })
}

/// Whether `dir` is a folder with nothing in it (a missing one counts as empty).
pub(crate) fn is_empty_dir(dir: &Path) -> Result<bool> {
    if !dir.exists() {
        return Ok(true);
    }
    if !dir.is_dir() {
        return Ok(false);
    }
    Ok(std::fs::read_dir(dir)
        .map_err(|source| renaksi_core::Error::Io {
            action: "membaca",
            path: dir.to_path_buf(),
            source,
        })?
        .next()
        .is_none())
}
