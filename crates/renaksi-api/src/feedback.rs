//! Umpan balik: Bappeda's feedback file to an OPD (one, or one per OPD into a
//! folder), the OPD taking it, the notes it received and its replies
//! (tanggapan), and the last file taken.

use std::path::{Path, PathBuf};

use renaksi_core::backups::{self, Kind};
use renaksi_core::feedback::{self, FeedbackStatus, FeedbackWritten, ReceivedNote, TakenFeedback};
use renaksi_core::{Result, Store};
use serde::{Deserialize, Serialize};

use crate::Paper;

/// Bappeda's feedback file for one OPD, written to `out`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WriteFeedback {
    pub opd_code: String,
    pub paper: Paper,
    pub out: PathBuf,
}

/// Writes the feedback file of one OPD (`data_dir` holds Bappeda's signing key).
pub fn write(
    store: &mut Store,
    data_dir: &Path,
    request: &WriteFeedback,
) -> Result<FeedbackWritten> {
    feedback::write(
        store,
        data_dir,
        &request.opd_code,
        request.paper,
        &request.out,
    )
}

/// Bappeda on the active plan, or why not: asked before the folder dialog.
pub fn require_writer(store: &Store) -> Result<()> {
    feedback::send::require_writer(store.conn()).map(|_| ())
}

/// Writes one feedback file per OPD with a role in the plan into `dir`
/// (`umpan-balik-<KODE>-<n>.xlsx`).
pub fn write_all(
    store: &mut Store,
    data_dir: &Path,
    dir: &Path,
    paper: Paper,
) -> Result<Vec<FeedbackWritten>> {
    feedback::write_all(store, data_dir, dir, paper)
}

/// The file name the save dialog suggests: `umpan-balik-DINKES-3.xlsx`.
pub fn suggested_file_name(store: &Store, opd_code: &str) -> Result<String> {
    feedback::suggested_file_name(store, opd_code)
}

/// The OPD takes the feedback file at `file`: the database is backed up
/// first, then the file is applied in one transaction. A file refused, or
/// the same file again, changes nothing (and takes no backup).
pub fn take(store: &mut Store, file: &Path) -> Result<TakenFeedback> {
    renaksi_core::access::require_opd(store.conn(), "mengambil berkas umpan balik")?;
    let signed = feedback::file::read_file(store.conn(), file)?;
    if feedback::take::would_change(store.conn(), &signed)? {
        backups::take(store, Kind::BeforeImport)?;
    }
    feedback::take::apply(store, &signed)
}

/// The verifier notes this OPD received, oldest first, each with its replies.
pub fn notes(store: &Store) -> Result<Vec<ReceivedNote>> {
    feedback::notes(store.conn())
}

/// The OPD answers a note; returns the note with its replies.
pub fn reply(store: &mut Store, note_id: &str, body: &str) -> Result<ReceivedNote> {
    feedback::reply(store, note_id, body)
}

/// The last feedback file taken, or none.
pub fn status(store: &Store) -> Result<Option<FeedbackStatus>> {
    feedback::status(store.conn())
}
