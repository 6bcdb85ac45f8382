//! Table `session_participants`: who took part in a co-creation session.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;

use crate::Result;

/// One stored participant; `kind` is `opd`, `cso` or `other`.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantRow {
    pub id: String,
    pub session_id: String,
    pub name: String,
    pub organisation: String,
    pub kind: String,
    pub opd_id: Option<String>,
}

const COLUMNS: &str = "id, session_id, name, organisation, kind, opd_id";

fn from_row(row: &Row<'_>) -> rusqlite::Result<ParticipantRow> {
    Ok(ParticipantRow {
        id: row.get(0)?,
        session_id: row.get(1)?,
        name: row.get(2)?,
        organisation: row.get(3)?,
        kind: row.get(4)?,
        opd_id: row.get(5)?,
    })
}

pub fn insert(tx: &Transaction<'_>, participant: &ParticipantRow) -> Result<()> {
    tx.execute(
        &format!("INSERT INTO session_participants ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
        params![
            participant.id,
            participant.session_id,
            participant.name,
            participant.organisation,
            participant.kind,
            participant.opd_id
        ],
    )?;
    Ok(())
}

pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("DELETE FROM session_participants WHERE id = ?1", [id])?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<ParticipantRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM session_participants WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// A session's participants, in the order they were recorded (the attendance list).
pub fn list_for_session(conn: &Connection, session_id: &str) -> Result<Vec<ParticipantRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM session_participants WHERE session_id = ?1 ORDER BY rowid"
    ))?;
    let rows = stmt.query_map([session_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
