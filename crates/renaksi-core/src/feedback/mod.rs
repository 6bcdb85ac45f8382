//! Umpan balik: Bappeda's feedback file to one OPD, and the OPD's replies
//! (tanggapan) to the verifier notes it carries.
//!
//! - `content`: what Bappeda says to one OPD, built from its store, canonical.
//! - `letter`: the visible, printable sheet "Umpan Balik".
//! - `file`: the workbook: letter and signed machine sheet, written and read
//!   back (through `workbook::reader`, signature, part-for-part comparison).
//! - `rules`: the caps a file is held to at the OPD.
//! - `send`: Bappeda writes one file, or one per OPD, and records it.
//! - `take`: the OPD takes a file.
//! - `notes`: the OPD's read models (notes received, status).
//! - `reply`: the OPD answers a note.
//!
//! The replies travel back in the OPD's report (`report::snapshot`), and
//! Bappeda's import keeps them (`report::replies`).

pub mod content;
pub mod file;
pub mod letter;
pub mod notes;
pub mod reply;
pub mod rules;
pub mod send;
pub mod take;

pub use notes::{note, notes, notes_on_action, status, FeedbackStatus, ReceivedNote};
pub use reply::reply;
pub use send::{suggested_file_name, write, write_all, FeedbackWritten};
pub use take::{take_file, TakenFeedback};
