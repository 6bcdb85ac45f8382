//! Open data for the public portal: what it holds (for the screen that says
//! what is published and what is not) and the files themselves.

use std::path::{Path, PathBuf};

use renaksi_core::opendata::{self, OpenDataSummary};
use renaksi_core::publish;
use renaksi_core::{Error, Result, Store};
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

/// The folder the open data gets inside a folder that holds other things:
/// `data-terbuka-2018-2019`.
pub fn suggested_folder_name(store: &Store) -> Result<String> {
    let plan = renaksi_core::store::plans::require_current(store.conn())?;
    Ok(format!(
        "data-terbuka-{}-{}",
        plan.year_start, plan.year_end
    ))
}

/// Where the open data goes when the clerk picked `picked` in a folder
/// dialog: the folder itself when it is empty or holds Renaksi's open data
/// written before (a `datapackage.json` named `renaksi-…`), else a new folder
/// `data-terbuka-2018-2019` inside it, itself new, empty or Renaksi's. Another
/// package's folder (a Satu Data portal's) is never written into. A
/// published site, or a folder inside one, is refused: its pages, data date
/// and download sizes go with the files of its own `data/`, so those change
/// only when the site is published again.
pub fn folder_in(store: &Store, picked: &Path) -> Result<PathBuf> {
    let site = if picked.join(publish::MARKER).is_file() {
        Some(picked.to_path_buf())
    } else {
        crate::publish::enclosing_site(picked)
    };
    if let Some(site) = site {
        return Err(Error::invalid(
            "folder",
            format!(
                "Folder {} adalah folder situs transparansi (atau ada di dalamnya); data \
                 terbukanya ada di folder {} situs itu dan diperbarui bersama halamannya. \
                 Terbitkan ulang situsnya, atau pilih folder lain untuk data terbuka saja.",
                site.display(),
                publish::DATA_DIR
            ),
        ));
    }
    if is_empty_dir(picked)? || opendata::written_here(picked)? {
        return Ok(picked.to_path_buf());
    }
    let inside = picked.join(suggested_folder_name(store)?);
    if is_empty_dir(&inside)? || opendata::written_here(&inside)? {
        return Ok(inside);
    }
    Err(Error::invalid(
        "folder",
        format!(
            "Folder {} sudah berisi berkas lain yang bukan data terbuka Renaksi; pilih folder \
             kosong, folder baru, atau folder data terbuka yang pernah ditulis Renaksi.",
            inside.display()
        ),
    ))
}

/// [`write`] into the folder [`folder_in`] names for `picked`: Bappeda, from
/// the active plan, as the site ([`crate::publish::require_publisher`]).
pub fn write_in(store: &Store, picked: &Path) -> Result<OpenDataWritten> {
    crate::publish::require_publisher(store)?;
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
