//! Table `feedback_notes`: at an OPD, Bappeda's verifier notes on this OPD's
//! reports, actions and indicators, as of the last feedback file (replaced
//! whole each time one is taken).

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::Result;

/// One note as the feedback file carries it.
#[derive(Debug, Clone, PartialEq)]
pub struct FeedbackNoteRow {
    pub id: String,
    pub subject_kind: String,
    /// The action's or indicator's id; empty for a report note.
    pub subject_id: String,
    pub subject_label: String,
    pub report_sequence: Option<i64>,
    pub report_key: Option<String>,
    pub author: String,
    pub body: String,
    pub created_at: String,
    pub resolved_at: Option<String>,
}

const COLUMNS: &str = "id, subject_kind, subject_id, subject_label, report_sequence, report_key,
                       author, body, created_at, resolved_at";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<FeedbackNoteRow> {
    Ok(FeedbackNoteRow {
        id: row.get(0)?,
        subject_kind: row.get(1)?,
        subject_id: row.get(2)?,
        subject_label: row.get(3)?,
        report_sequence: row.get(4)?,
        report_key: row.get(5)?,
        author: row.get(6)?,
        body: row.get(7)?,
        created_at: row.get(8)?,
        resolved_at: row.get(9)?,
    })
}

/// Replaces a plan's notes with `notes`.
pub fn replace(tx: &Transaction<'_>, plan_id: &str, notes: &[FeedbackNoteRow]) -> Result<()> {
    tx.execute("DELETE FROM feedback_notes WHERE plan_id = ?1", [plan_id])?;
    let mut insert = tx.prepare(&format!(
        "INSERT INTO feedback_notes (plan_id, {COLUMNS})
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
    ))?;
    for n in notes {
        insert.execute(params![
            plan_id,
            n.id,
            n.subject_kind,
            n.subject_id,
            n.subject_label,
            n.report_sequence,
            n.report_key,
            n.author,
            n.body,
            n.created_at,
            n.resolved_at
        ])?;
    }
    Ok(())
}

/// A plan's notes, oldest first.
pub fn list(conn: &Connection, plan_id: &str) -> Result<Vec<FeedbackNoteRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM feedback_notes WHERE plan_id = ?1 ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([plan_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A note of a plan by its id.
pub fn get(conn: &Connection, plan_id: &str, id: &str) -> Result<Option<FeedbackNoteRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM feedback_notes WHERE plan_id = ?1 AND id = ?2"),
            [plan_id, id],
            from_row,
        )
        .optional()?)
}

/// The plan a note id is held under, if any.
pub fn plan_of(conn: &Connection, id: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT plan_id FROM feedback_notes WHERE id = ?1",
            [id],
            |row| row.get(0),
        )
        .optional()?)
}
