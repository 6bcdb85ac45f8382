//! Integration tests of renaksi-core, linked as one binary. They use real SQLite
//! files in temporary folders, never the user's data folder.

mod access;
mod backups;
mod calendar;
mod cocreation;
mod demo;
// Kills the save loop with SIGKILL and reads the signal from its exit status.
#[cfg(unix)]
mod durability;
mod editing;
mod evidence;
mod feedback;
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
mod publish;
mod rekap;
mod report;
mod scenario;
mod self_assessment;
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

use renaksi_core::report::import::{AcceptedKey, Decisions, KeyChange};
use renaksi_core::{Error, Result};

/// Bappeda's clerk confirming an OPD's first key: runs `import` with no
/// decision and, when the import asks about the OPD's first key, once more
/// with that key confirmed by the fingerprint it showed (as the clerk does
/// once the OPD has read its fingerprint out and it matched). A changed key
/// is not confirmed: that refusal comes back as it is.
pub fn confirming_first_key<T>(mut import: impl FnMut(&Decisions) -> Result<T>) -> Result<T> {
    match import(&Decisions::default()) {
        Err(Error::KeyUnconfirmed(key)) if key.change == KeyChange::First => {
            import(&Decisions::accepting(AcceptedKey {
                opd_code: key.opd_code.clone(),
                fingerprint: key.words.clone(),
            }))
        }
        other => other,
    }
}
