//! Renaksi's operations, as a user asks for them: each defined once, with typed
//! parameters, validated once. The `renaksi` command and the desktop shell both
//! call them; they only parse what they were given, call an operation and show
//! or map its result.
//!
//! One module per area, matching the desktop's command areas. Lower crates never
//! depend on this one, and it knows nothing of Tauri, the webview or dialogs: a
//! shell asks the user where to save and passes the path in.

pub mod assessment;
pub mod backups;
pub mod bands;
pub mod cocreation;
pub mod consolidation;
pub mod exchange;
pub mod feedback;
pub mod opendata;
pub mod plan;
pub mod planning;
pub mod publish;
pub mod report;
pub mod review;
pub mod setup;
pub mod structure;
pub mod template;
pub mod versions;
pub mod workspace;

use std::path::Path;

pub use renaksi_core::workbook::Paper;
pub use renaksi_core::{Error, Result, Store};

/// Opens a database that must already exist, so a mistyped path is reported
/// instead of silently creating an empty file.
pub fn open_existing(db_path: &Path) -> Result<Store> {
    if !db_path.exists() {
        return Err(Error::Io {
            action: "membuka",
            path: db_path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "berkas tidak ditemukan"),
        });
    }
    Store::open(db_path)
}

/// Where the database lives: `explicit` (`--db`), else `RENAKSI_DATA_DIR`, else
/// the per-user local data folder.
pub fn db_path(explicit: Option<&Path>) -> Result<std::path::PathBuf> {
    renaksi_core::location::db_path(explicit)
}

/// The folder beside the database: the installation's key, evidence files,
/// backups and logs live there.
pub fn data_dir(db_path: &Path) -> &Path {
    db_path.parent().unwrap_or_else(|| Path::new("."))
}
