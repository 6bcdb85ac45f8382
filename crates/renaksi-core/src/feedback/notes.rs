//! The OPD's read models of what Bappeda said: the notes received (each with
//! the OPD's replies and whether it may reply), those on one action and its
//! indicators for the workspace, and the last feedback file taken.

use rusqlite::Connection;
use serde::Serialize;

use crate::model::Opd;
use crate::profile::Role;
use crate::report::rules::quote;
use crate::review::{self, NoteReply, SubjectKind};
use crate::store::feedback_notes::{self, FeedbackNoteRow};
use crate::store::feedback_taken;
use crate::store::{actions, indicators, opds, plans};
use crate::{Error, Result};

/// A verifier note an OPD received in a feedback file.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ReceivedNote {
    pub id: String,
    pub subject_kind: SubjectKind,
    /// The action's or indicator's id; empty for a report note.
    pub subject_id: String,
    pub subject_label: String,
    /// For a note on a report: that report's number.
    pub report_sequence: Option<i64>,
    pub author: String,
    pub body: String,
    pub created_at: String,
    pub resolved_at: Option<String>,
    /// The OPD's own replies, oldest first.
    pub replies: Vec<NoteReply>,
    /// Whether this OPD may reply now: the note is open, its plan the active
    /// one, and its subject still this OPD's (the action's lead, the
    /// indicator's owner, as the last package says).
    pub can_reply: bool,
}

/// The last feedback file taken, as the OPD's screens show it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackStatus {
    /// Orders the files; not for people.
    pub sequence: i64,
    /// "Umpan balik ke-3".
    pub number: i64,
    pub written_at: String,
    pub taken_at: String,
    /// The fingerprint (hex) of Bappeda's key that signed it.
    pub key_fingerprint: String,
}

/// Why this OPD may no longer answer a note it received: its subject, as
/// the plan held here says (the last package), is no longer this OPD's (an
/// action whose lead Bappeda moved, an indicator it gave to another OPD).
/// None while it is. A report note is always the OPD's own.
pub(crate) fn not_ours(
    conn: &Connection,
    own: &Opd,
    row: &FeedbackNoteRow,
) -> Result<Option<String>> {
    let label = quote(&row.subject_label);
    let holder = match SubjectKind::parse(&row.subject_kind) {
        Some(SubjectKind::Action) => actions::get(conn, &row.subject_id)?.map(|a| a.lead_opd_id),
        Some(SubjectKind::Indicator) => indicators::get(conn, &row.subject_id)?.map(|i| i.opd_id),
        _ => return Ok(None),
    };
    Ok(match holder {
        Some(holder) if holder == own.id => None,
        Some(holder) => {
            let other = opds::get(conn, &holder)?.map_or_else(|| "OPD lain".into(), |o| o.code);
            Some(format!(
                "Catatan ini tentang {label}, yang menurut paket rencana aksi terbaru kini milik \
                 {other}, bukan {}. Tanggapan tidak dapat ditulis dari sini lagi; Bappeda \
                 menyampaikan catatan itu kepada {other}.",
                own.code
            ))
        }
        None => Some(format!(
            "Catatan ini tentang {label}, yang tidak ada dalam rencana aksi di sini. Ambil paket \
             rencana aksi terbaru dari Bappeda."
        )),
    })
}

fn received(conn: &Connection, row: FeedbackNoteRow, own: Option<&Opd>) -> Result<ReceivedNote> {
    let subject_kind =
        SubjectKind::parse(&row.subject_kind).ok_or_else(|| Error::UnknownValue {
            field: "subject_kind",
            value: row.subject_kind.clone(),
        })?;
    let replies = review::replies(conn, &row.id)?;
    let ours = match own {
        Some(own) => not_ours(conn, own, &row)?.is_none(),
        None => false,
    };
    Ok(ReceivedNote {
        can_reply: ours && row.resolved_at.is_none(),
        id: row.id,
        subject_kind,
        subject_id: row.subject_id,
        subject_label: row.subject_label,
        report_sequence: row.report_sequence,
        author: row.author,
        body: row.body,
        created_at: row.created_at,
        resolved_at: row.resolved_at,
        replies,
    })
}

/// The OPD whose database this is, when it may reply in `plan_id` (its
/// active plan); none at Bappeda or in an earlier plan.
fn replying_opd(conn: &Connection, plan_id: &str) -> Result<Option<Opd>> {
    let profile = crate::editing::current_profile(conn)?;
    let Role::Opd { code } = profile.role else {
        return Ok(None);
    };
    if plans::active(conn)?.is_none_or(|p| p.id != plan_id) {
        return Ok(None);
    }
    opds::by_code(conn, &code)
}

/// Every note received for the plan being viewed, oldest first; none at
/// Bappeda or before a feedback file was taken.
pub fn notes(conn: &Connection) -> Result<Vec<ReceivedNote>> {
    let Some(plan) = plans::current(conn)? else {
        return Ok(Vec::new());
    };
    let own = replying_opd(conn, &plan.id)?;
    feedback_notes::list(conn, &plan.id)?
        .into_iter()
        .map(|row| received(conn, row, own.as_ref()))
        .collect()
}

/// The notes received on an action and on its indicators (`indicator_ids`).
pub fn notes_on_action(
    conn: &Connection,
    plan_id: &str,
    action_id: &str,
    indicator_ids: &[&str],
) -> Result<Vec<ReceivedNote>> {
    let own = replying_opd(conn, plan_id)?;
    feedback_notes::list(conn, plan_id)?
        .into_iter()
        .filter(|n| match SubjectKind::parse(&n.subject_kind) {
            Some(SubjectKind::Action) => n.subject_id == action_id,
            Some(SubjectKind::Indicator) => indicator_ids.contains(&n.subject_id.as_str()),
            _ => false,
        })
        .map(|row| received(conn, row, own.as_ref()))
        .collect()
}

/// One received note by id, in the plan being viewed.
pub fn note(conn: &Connection, id: &str) -> Result<ReceivedNote> {
    let plan = plans::require_current(conn)?;
    let row = feedback_notes::get(conn, &plan.id, id)?
        .ok_or_else(|| Error::NotFound("Catatan verifikator".into()))?;
    let own = replying_opd(conn, &plan.id)?;
    received(conn, row, own.as_ref())
}

/// The last feedback file taken for the plan being viewed, or none.
pub fn status(conn: &Connection) -> Result<Option<FeedbackStatus>> {
    let Some(plan) = plans::current(conn)? else {
        return Ok(None);
    };
    Ok(
        feedback_taken::get(conn, &plan.id)?.map(|t| FeedbackStatus {
            sequence: t.sequence,
            number: t.number,
            written_at: t.written_at,
            taken_at: t.taken_at,
            key_fingerprint: t.key_fingerprint,
        }),
    )
}
