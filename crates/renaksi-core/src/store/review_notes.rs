//! Table `review_notes`: Bappeda's notes on a report, an action or an indicator.

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;

use crate::Result;

/// One stored note.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ReviewNoteRow {
    pub id: String,
    pub subject_kind: String,
    pub subject_id: String,
    pub author: String,
    pub body: String,
    pub created_at: String,
    pub resolved_at: Option<String>,
}

const COLUMNS: &str = "id, subject_kind, subject_id, author, body, created_at, resolved_at";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ReviewNoteRow> {
    Ok(ReviewNoteRow {
        id: row.get(0)?,
        subject_kind: row.get(1)?,
        subject_id: row.get(2)?,
        author: row.get(3)?,
        body: row.get(4)?,
        created_at: row.get(5)?,
        resolved_at: row.get(6)?,
    })
}

pub fn insert(tx: &Transaction<'_>, note: &ReviewNoteRow) -> Result<()> {
    tx.execute(
        &format!("INSERT INTO review_notes ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
        params![
            note.id,
            note.subject_kind,
            note.subject_id,
            note.author,
            note.body,
            note.created_at,
            note.resolved_at
        ],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<ReviewNoteRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM review_notes WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// Every note, oldest first.
pub fn list(conn: &Connection) -> Result<Vec<ReviewNoteRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM review_notes ORDER BY created_at, rowid"
    ))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn set_resolved(tx: &Transaction<'_>, id: &str, resolved_at: Option<&str>) -> Result<usize> {
    Ok(tx.execute(
        "UPDATE review_notes SET resolved_at = ?2 WHERE id = ?1",
        params![id, resolved_at],
    )?)
}
