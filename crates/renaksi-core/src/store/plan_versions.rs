//! Table `plan_versions`: named snapshots of the plan (draft, final, ...).

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;

use crate::Result;

/// One stored version; `snapshot` is the plan as JSON (see `crate::versions`).
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VersionRow {
    pub id: String,
    pub plan_id: String,
    pub name: String,
    pub created_at: String,
    pub created_by: String,
    pub snapshot: String,
}

const COLUMNS: &str = "id, plan_id, name, created_at, created_by, snapshot";

fn from_row(row: &Row<'_>) -> rusqlite::Result<VersionRow> {
    Ok(VersionRow {
        id: row.get(0)?,
        plan_id: row.get(1)?,
        name: row.get(2)?,
        created_at: row.get(3)?,
        created_by: row.get(4)?,
        snapshot: row.get(5)?,
    })
}

pub fn insert(tx: &Transaction<'_>, version: &VersionRow) -> Result<()> {
    tx.execute(
        &format!("INSERT INTO plan_versions ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6)"),
        params![
            version.id,
            version.plan_id,
            version.name,
            version.created_at,
            version.created_by,
            version.snapshot
        ],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<VersionRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM plan_versions WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// The version of a plan with this name, ignoring case and surrounding spaces.
pub fn by_name(conn: &Connection, plan_id: &str, name: &str) -> Result<Option<VersionRow>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {COLUMNS} FROM plan_versions
                 WHERE plan_id = ?1 AND lower(trim(name)) = lower(trim(?2))
                 ORDER BY created_at, rowid LIMIT 1"
            ),
            params![plan_id, name],
            from_row,
        )
        .optional()?)
}

/// A plan's versions, oldest first.
pub fn list(conn: &Connection, plan_id: &str) -> Result<Vec<VersionRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM plan_versions WHERE plan_id = ?1 ORDER BY created_at, rowid"
    ))?;
    let rows = stmt.query_map([plan_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
