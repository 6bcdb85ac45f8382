//! Table `session_inputs`: the inputs (masukan) given in a session, each on one action.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;

use crate::Result;

/// One stored input.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct InputRow {
    pub id: String,
    pub session_id: String,
    pub action_id: String,
    pub author: String,
    pub organisation: String,
    pub body: String,
    pub created_at: String,
}

const COLUMNS: &str = "id, session_id, action_id, author, organisation, body, created_at";

fn from_row(row: &Row<'_>) -> rusqlite::Result<InputRow> {
    Ok(InputRow {
        id: row.get(0)?,
        session_id: row.get(1)?,
        action_id: row.get(2)?,
        author: row.get(3)?,
        organisation: row.get(4)?,
        body: row.get(5)?,
        created_at: row.get(6)?,
    })
}

pub fn insert(tx: &Transaction<'_>, input: &InputRow) -> Result<()> {
    tx.execute(
        &format!("INSERT INTO session_inputs ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
        params![
            input.id,
            input.session_id,
            input.action_id,
            input.author,
            input.organisation,
            input.body,
            input.created_at
        ],
    )?;
    Ok(())
}

/// Takes the input's action, author, organisation and text.
pub fn update(tx: &Transaction<'_>, input: &InputRow) -> Result<()> {
    tx.execute(
        "UPDATE session_inputs SET action_id = ?2, author = ?3, organisation = ?4, body = ?5
         WHERE id = ?1",
        params![
            input.id,
            input.action_id,
            input.author,
            input.organisation,
            input.body
        ],
    )?;
    Ok(())
}

/// Removes an input with its response.
pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("DELETE FROM session_inputs WHERE id = ?1", [id])?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<InputRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM session_inputs WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// A session's inputs, in the order they were given.
pub fn list_for_session(conn: &Connection, session_id: &str) -> Result<Vec<InputRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM session_inputs WHERE session_id = ?1 ORDER BY created_at, rowid"
    ))?;
    let rows = stmt.query_map([session_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every input of a plan's sessions, by session date and then as given.
pub fn list_for_plan(conn: &Connection, plan_id: &str) -> Result<Vec<InputRow>> {
    let mut stmt = conn.prepare(
        "SELECT i.id, i.session_id, i.action_id, i.author, i.organisation, i.body, i.created_at
         FROM session_inputs i JOIN cocreation_sessions s ON s.id = i.session_id
         WHERE s.plan_id = ?1 ORDER BY s.held_on, s.created_at, s.rowid, i.created_at, i.rowid",
    )?;
    let rows = stmt.query_map([plan_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
