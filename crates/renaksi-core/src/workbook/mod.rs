//! The workbook library every .xlsx of the app goes through, knowing no
//! particular workbook (the Laporan OPD lives in `report`, the plan
//! package in `package`, the Rekap kabupaten in `rekap`, the berita acara in
//! `cocreation::berita_acara`).
//!
//! Reading a workbook that came from elsewhere:
//! - `limits`: every bound on such a file, in one place.
//! - `guard`: the zip and XML checks it passes before calamine parses anything.
//! - `plain`: the cells of a plain workbook (what the app writes), kept from the
//!   guard's pass so its sheets are tokenised once.
//! - `reader`: its cells, read within the limits, with a cell type of its own;
//!   formulas refused.
//!
//! Writing the app's own workbooks:
//! - `print`: the paper (A4/F4) and the page setup every printed sheet shares.
//! - `styles`: the cell formats they share (quote-prefixed text, the header, the kop).
//! - `text`: cutting a text to what a cell holds, and measuring it for row heights.
//! - `labels`: the words the Laporan and the Rekap both print (capaian header,
//!   milestone status, why a capaian has no figure).
//!
//! Both ways:
//! - `machine_sheet`: the very hidden, signed `data` sheet a program reads back,
//!   laid out by a `Schema`.
//! - `signature`: the installation's Ed25519 key and the signature over the
//!   canonical bytes a machine sheet holds.
//! - `key_words`: a key's fingerprint as eight words a clerk reads aloud.
//!
//! Architecture Invariant: a workbook from elsewhere is read only through
//! `workbook::reader`, which passes it through `workbook::guard` first, bounds
//! what it reads and refuses formulas. No other code of the app opens an
//! .xlsx with calamine or a zip reader.

pub mod guard;
pub mod key_words;
pub mod labels;
pub mod limits;
pub mod machine_sheet;
pub(crate) mod plain;
pub mod print;
pub mod reader;
pub mod signature;
pub mod styles;
pub mod text;

pub use print::Paper;
pub use reader::{Book, Cell};
