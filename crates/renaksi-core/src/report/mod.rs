//! The Laporan OPD: the quarterly Excel report an OPD sends to Bappeda.
//!
//! - `snapshot`: the OPD's rows and the context to print them, canonical.
//! - `signing`: the OPD's Ed25519 key and the signature over the snapshot.
//! - `view`: what the printable sheets show, computed from a snapshot.
//! - `layout`: the printable sheets (Laporan, Ringkasan) with rust_xlsxwriter.
//! - `datasheet`: the very hidden machine sheet holding the signed snapshot.
//! - `guard`: the zip and XML checks an untrusted .xlsx passes before calamine reads it.
//! - `workbook`: reading cells from an untrusted .xlsx, bounded.
//! - `export` and `check`: the two user actions.

pub mod check;
pub mod datasheet;
pub mod export;
pub mod guard;
pub mod import;
pub mod layout;
pub mod signing;
pub mod snapshot;
pub mod view;
pub mod workbook;
