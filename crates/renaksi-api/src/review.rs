//! Catatan verifikator: Bappeda's notes on received reports, actions and
//! indicators.

use renaksi_core::period::PeriodRef;
use renaksi_core::review::{self, NoteInput, ReviewNote, SubjectKind};
use renaksi_core::{Result, Store};

/// Every note, oldest first.
pub fn list(store: &Store) -> Result<Vec<ReviewNote>> {
    review::list(store.conn())
}

/// Writes a note on a subject named by its id.
pub fn add(store: &mut Store, input: &NoteInput) -> Result<ReviewNote> {
    review::add(store, input)
}

/// What a note is about, as a person names it.
#[derive(Debug, Clone, PartialEq)]
pub enum NamedSubject {
    /// An OPD's received report of a quarter.
    Report { opd_code: String, period: PeriodRef },
    /// An action by its code, e.g. RA-01.
    Action { code: String },
    /// An indicator by its id.
    Indicator { id: String },
}

/// Writes a note on a subject named by codes.
pub fn add_on(store: &mut Store, subject: &NamedSubject, body: &str) -> Result<ReviewNote> {
    let conn = store.conn();
    let (subject_kind, subject_id) = match subject {
        NamedSubject::Report { opd_code, period } => (
            SubjectKind::Report,
            review::report_id(conn, &opd_code.to_uppercase(), *period)?,
        ),
        NamedSubject::Action { code } => (SubjectKind::Action, review::action_id(conn, code)?),
        NamedSubject::Indicator { id } => (SubjectKind::Indicator, id.clone()),
    };
    review::add(
        store,
        &NoteInput {
            subject_kind,
            subject_id,
            body: body.to_string(),
        },
    )
}

/// Marks a note as dealt with, or open again.
pub fn set_resolved(store: &mut Store, id: &str, resolved: bool) -> Result<ReviewNote> {
    review::set_resolved(store, id, resolved)
}

/// The notes this database's profile sees: Bappeda's own, each with the
/// replies its reports brought; at an OPD, the notes it received in
/// Bappeda's feedback file, each with its own replies.
#[derive(Debug, Clone, PartialEq)]
pub enum NoteList {
    Bappeda(Vec<ReviewNote>),
    Opd(Vec<renaksi_core::feedback::ReceivedNote>),
}

/// The notes of this profile ([`NoteList`]), oldest first.
pub fn list_for_profile(store: &Store) -> Result<NoteList> {
    if renaksi_core::access::is_bappeda(store.conn())? {
        Ok(NoteList::Bappeda(review::list(store.conn())?))
    } else {
        Ok(NoteList::Opd(renaksi_core::feedback::notes(store.conn())?))
    }
}
