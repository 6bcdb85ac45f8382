//! Integration tests of renaksi-core, linked as one binary. They use real SQLite
//! files in temporary folders, never the user's data folder.

mod access;
mod backups;
mod cocreation;
mod demo;
// Kills the save loop with SIGKILL and reads the signal from its exit status.
#[cfg(unix)]
mod durability;
mod editing;
mod fixtures;
mod forged;
mod hostile;
mod import;
mod keys_survive;
mod opendata;
mod overview;
mod package;
mod package_cycle;
mod plan_template;
mod planning;
mod rekap;
mod report;
mod scenario;
mod store;
mod structure;
mod submissions;
mod template_guards;
mod versions;

use std::path::PathBuf;

/// A fresh temporary folder and a database path inside it.
pub fn temp_db() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("temporary folder");
    let path = dir.path().join("renaksi.db");
    (dir, path)
}
