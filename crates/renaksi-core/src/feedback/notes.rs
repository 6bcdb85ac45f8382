//! The OPD's read models of what Bappeda said: the notes received (each with
//! the OPD's replies and whether it may reply), those on one action and its
//! indicators for the workspace, and the last feedback file taken.

use rusqlite::Connection;
use serde::Serialize;

use crate::review::{self, NoteReply, SubjectKind};
use crate::store::feedback_notes::{self, FeedbackNoteRow};
use crate::store::feedback_taken;
use crate::store::plans;
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
    /// Whether this OPD may reply now: the note is open and its plan the
    /// active one.
    pub can_reply: bool,
}

/// The last feedback file taken, as the OPD's screens show it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackStatus {
    pub sequence: i64,
    pub written_at: String,
    pub taken_at: String,
    /// The fingerprint (hex) of Bappeda's key that signed it.
    pub key_fingerprint: String,
}

fn received(conn: &Connection, row: FeedbackNoteRow, active: bool) -> Result<ReceivedNote> {
    let subject_kind =
        SubjectKind::parse(&row.subject_kind).ok_or_else(|| Error::UnknownValue {
            field: "subject_kind",
            value: row.subject_kind.clone(),
        })?;
    let replies = review::replies(conn, &row.id)?;
    Ok(ReceivedNote {
        can_reply: active && row.resolved_at.is_none(),
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

/// Whether this database is an OPD's and `plan_id` its active plan.
fn replying_allowed(conn: &Connection, plan_id: &str) -> Result<bool> {
    let opd = !crate::access::is_bappeda(conn)?;
    Ok(opd && plans::active(conn)?.is_some_and(|p| p.id == plan_id))
}

/// Every note received for the plan being viewed, oldest first; none at
/// Bappeda or before a feedback file was taken.
pub fn notes(conn: &Connection) -> Result<Vec<ReceivedNote>> {
    let Some(plan) = plans::current(conn)? else {
        return Ok(Vec::new());
    };
    let active = replying_allowed(conn, &plan.id)?;
    feedback_notes::list(conn, &plan.id)?
        .into_iter()
        .map(|row| received(conn, row, active))
        .collect()
}

/// The notes received on an action and on its indicators (`indicator_ids`).
pub fn notes_on_action(
    conn: &Connection,
    plan_id: &str,
    action_id: &str,
    indicator_ids: &[&str],
) -> Result<Vec<ReceivedNote>> {
    let active = replying_allowed(conn, plan_id)?;
    feedback_notes::list(conn, plan_id)?
        .into_iter()
        .filter(|n| match SubjectKind::parse(&n.subject_kind) {
            Some(SubjectKind::Action) => n.subject_id == action_id,
            Some(SubjectKind::Indicator) => indicator_ids.contains(&n.subject_id.as_str()),
            _ => false,
        })
        .map(|row| received(conn, row, active))
        .collect()
}

/// One received note by id, in the plan being viewed.
pub fn note(conn: &Connection, id: &str) -> Result<ReceivedNote> {
    let plan = plans::require_current(conn)?;
    let row = feedback_notes::get(conn, &plan.id, id)?
        .ok_or_else(|| Error::NotFound("Catatan verifikator".into()))?;
    let active = replying_allowed(conn, &plan.id)?;
    received(conn, row, active)
}

/// The last feedback file taken for the plan being viewed, or none.
pub fn status(conn: &Connection) -> Result<Option<FeedbackStatus>> {
    let Some(plan) = plans::current(conn)? else {
        return Ok(None);
    };
    Ok(
        feedback_taken::get(conn, &plan.id)?.map(|t| FeedbackStatus {
            sequence: t.sequence,
            written_at: t.written_at,
            taken_at: t.taken_at,
            key_fingerprint: t.key_fingerprint,
        }),
    )
}
