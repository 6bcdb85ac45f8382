//! The Laporan OPD: the quarterly Excel report an OPD sends to Bappeda. The
//! workbook machinery it stands on (guard, bounded reader, print setup, signed
//! machine sheet) is in [`crate::workbook`].
//!
//! - `snapshot`: the OPD's rows and the context to print them, canonical.
//! - `view`: what the printable sheets show, computed from a snapshot.
//! - `layout`: the printable sheets (Laporan, Ringkasan) with rust_xlsxwriter.
//! - `datasheet`: the report's schema of the signed machine sheet, and the
//!   checks a snapshot read back from a file passes.
//! - `export` and `check`: the two user actions at the OPD; `import`: Bappeda's,
//!   with `trust` deciding whether the key that signed a report is trusted.
//! - `replies`: the OPD's replies to verifier notes a report brings, kept
//!   at Bappeda's import.
//! - `evidence_bundle`: the files of the report's file evidence, in a .zip
//!   beside it, and their import at Bappeda.

pub mod check;
pub mod context;
pub mod datasheet;
pub mod evidence_bundle;
pub mod export;
pub mod import;
pub mod layout;
pub mod replies;
pub mod rules;
pub mod snapshot;
pub mod trust;
pub mod view;
