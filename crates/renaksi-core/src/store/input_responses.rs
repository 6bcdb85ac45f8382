//! Table `input_responses`: the government's response (tanggapan) to an input.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;

use crate::Result;

/// One stored response; `decision` is `diterima`, `diterima_dengan_perubahan` or
/// `ditolak`, and the schema requires a reason for the latter two.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ResponseRow {
    pub input_id: String,
    pub decision: String,
    pub reason: String,
    pub responded_by: String,
    pub responded_at: String,
}

const COLUMNS: &str = "input_id, decision, reason, responded_by, responded_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<ResponseRow> {
    Ok(ResponseRow {
        input_id: row.get(0)?,
        decision: row.get(1)?,
        reason: row.get(2)?,
        responded_by: row.get(3)?,
        responded_at: row.get(4)?,
    })
}

/// Sets the response of an input, replacing any earlier one.
pub fn upsert(tx: &Transaction<'_>, response: &ResponseRow) -> Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO input_responses ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5)
             ON CONFLICT (input_id) DO UPDATE SET decision = excluded.decision,
                 reason = excluded.reason, responded_by = excluded.responded_by,
                 responded_at = excluded.responded_at"
        ),
        params![
            response.input_id,
            response.decision,
            response.reason,
            response.responded_by,
            response.responded_at
        ],
    )?;
    Ok(())
}

pub fn delete(tx: &Transaction<'_>, input_id: &str) -> Result<()> {
    tx.execute(
        "DELETE FROM input_responses WHERE input_id = ?1",
        [input_id],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, input_id: &str) -> Result<Option<ResponseRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM input_responses WHERE input_id = ?1"),
            [input_id],
            from_row,
        )
        .optional()?)
}

/// The responses to a session's inputs.
pub fn list_for_session(conn: &Connection, session_id: &str) -> Result<Vec<ResponseRow>> {
    let mut stmt = conn.prepare(
        "SELECT r.input_id, r.decision, r.reason, r.responded_by, r.responded_at
         FROM input_responses r JOIN session_inputs i ON i.id = r.input_id
         WHERE i.session_id = ?1",
    )?;
    let rows = stmt.query_map([session_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The responses to every input of a plan's sessions.
pub fn list_for_plan(conn: &Connection, plan_id: &str) -> Result<Vec<ResponseRow>> {
    let mut stmt = conn.prepare(
        "SELECT r.input_id, r.decision, r.reason, r.responded_by, r.responded_at
         FROM input_responses r JOIN session_inputs i ON i.id = r.input_id
         JOIN cocreation_sessions s ON s.id = i.session_id WHERE s.plan_id = ?1",
    )?;
    let rows = stmt.query_map([plan_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
