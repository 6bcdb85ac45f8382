//! Table `cocreation_sessions`: the co-creation workshops (sesi ko-kreasi) of a plan.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;

use crate::Result;

/// One stored session.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SessionRow {
    pub id: String,
    pub plan_id: String,
    pub title: String,
    /// YYYY-MM-DD.
    pub held_on: String,
    pub place: String,
    pub notes: String,
    pub created_at: String,
}

const COLUMNS: &str = "id, plan_id, title, held_on, place, notes, created_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<SessionRow> {
    Ok(SessionRow {
        id: row.get(0)?,
        plan_id: row.get(1)?,
        title: row.get(2)?,
        held_on: row.get(3)?,
        place: row.get(4)?,
        notes: row.get(5)?,
        created_at: row.get(6)?,
    })
}

pub fn insert(tx: &Transaction<'_>, session: &SessionRow) -> Result<()> {
    tx.execute(
        &format!("INSERT INTO cocreation_sessions ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
        params![
            session.id,
            session.plan_id,
            session.title,
            session.held_on,
            session.place,
            session.notes,
            session.created_at
        ],
    )?;
    Ok(())
}

/// Takes the session's title, date, place and notes.
pub fn update(tx: &Transaction<'_>, session: &SessionRow) -> Result<()> {
    tx.execute(
        "UPDATE cocreation_sessions SET title = ?2, held_on = ?3, place = ?4, notes = ?5
         WHERE id = ?1",
        params![
            session.id,
            session.title,
            session.held_on,
            session.place,
            session.notes
        ],
    )?;
    Ok(())
}

/// Removes a session with its participants, inputs and responses.
pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("DELETE FROM cocreation_sessions WHERE id = ?1", [id])?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<SessionRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM cocreation_sessions WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// The plan's sessions, in the order they were held.
pub fn list(conn: &Connection, plan_id: &str) -> Result<Vec<SessionRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM cocreation_sessions WHERE plan_id = ?1
         ORDER BY held_on, created_at, rowid"
    ))?;
    let rows = stmt.query_map([plan_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
