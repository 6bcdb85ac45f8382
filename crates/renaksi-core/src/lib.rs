//! Renaksi's product logic: the model of a regency's Open Government action plan,
//! the local SQLite store, and the rules users check by hand.
//!
//! Architecture invariant: this crate knows nothing of Tauri, the webview or file
//! dialogs. The desktop shell and the CLI are thin layers over it.

pub mod access;
pub mod achievement;
pub mod backups;
pub mod calendar;
pub mod cocreation;
pub mod consolidation;
pub mod dates;
pub mod demo;
pub mod detail;
pub mod editing;
pub mod error;
pub mod feedback;
pub mod files;
pub mod ids;
pub mod keys;
pub mod location;
pub mod model;
pub mod opendata;
pub mod overview;
pub mod package;
pub mod period;
pub mod period_stamp;
pub mod plan_template;
pub mod planning;
pub mod profile;
pub mod publish;
pub mod rekap;
pub mod report;
pub mod review;
pub mod self_assessment;
pub mod store;
pub mod submissions;
pub mod versions;
pub mod words;
pub mod workbook;

pub use error::{Error, Result};
pub use store::Store;

/// The version of the app, shown in the UI and written into exported files.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
