//! Open data for the public portal: what it holds (for the screen that says
//! what is published and what is not) and the files themselves.

use std::path::{Path, PathBuf};

use renaksi_core::opendata::{self, OpenDataSummary};
use renaksi_core::{Result, Store};

/// The tables the open data of the current plan holds now, with their
/// columns and row counts; nothing is written.
pub fn summary(store: &Store) -> Result<OpenDataSummary> {
    opendata::summary(store.conn())
}

/// Writes the open data files into `dir` (created if needed); returns their paths.
pub fn write(store: &Store, dir: &Path) -> Result<Vec<PathBuf>> {
    opendata::write(store, dir)
}
