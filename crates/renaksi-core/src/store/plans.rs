//! Table `plans`: the Rencana Aksi Daerah itself.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use super::now;
use crate::model::Plan;
use crate::{Error, Result};

const COLUMNS: &str = "id, region, title, year_start, year_end, version, status, adopted_on";

pub fn insert(tx: &Transaction<'_>, plan: &Plan) -> Result<()> {
    let at = now();
    tx.execute(
        "INSERT INTO plans (id, region, title, year_start, year_end, version, status, adopted_on,
                            created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9)",
        params![
            plan.id,
            plan.region,
            plan.title,
            plan.year_start,
            plan.year_end,
            plan.version,
            plan.status,
            plan.adopted_on,
            at
        ],
    )?;
    Ok(())
}

/// Takes a newer version of the plan's header from Bappeda's package.
pub fn update(tx: &Transaction<'_>, plan: &Plan) -> Result<()> {
    tx.execute(
        "UPDATE plans SET region = ?2, title = ?3, year_start = ?4, year_end = ?5, version = ?6,
                status = ?7, adopted_on = ?8, updated_at = ?9
         WHERE id = ?1",
        params![
            plan.id,
            plan.region,
            plan.title,
            plan.year_start,
            plan.year_end,
            plan.version,
            plan.status,
            plan.adopted_on,
            now()
        ],
    )?;
    Ok(())
}

/// Setting naming the plan the user is viewing (the plan switcher).
pub const VIEWED: &str = "plan.viewed";

/// Newest first: by first year, then by creation.
const NEWEST_FIRST: &str = "ORDER BY year_start DESC, created_at DESC, id DESC";

/// The plan this database works on: the plan being viewed (setting
/// [`VIEWED`], when it names a plan of this database), else the newest plan.
/// Every read model and export reads through it, so an earlier plan is read
/// whole by viewing it.
pub fn current(conn: &Connection) -> Result<Option<Plan>> {
    if let Some(id) = super::settings::get(conn, VIEWED)? {
        if let Some(plan) = get(conn, &id)? {
            return Ok(Some(plan));
        }
    }
    active(conn)
}

/// The active plan: the newest. Earlier plans are read-only.
pub fn active(conn: &Connection) -> Result<Option<Plan>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM plans {NEWEST_FIRST} LIMIT 1"),
            [],
            from_row,
        )
        .optional()?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Plan>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM plans WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// Every plan of this database, newest first.
pub fn list(conn: &Connection) -> Result<Vec<Plan>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM plans {NEWEST_FIRST}"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Sets the plan's status, version and adoption date.
pub fn set_status(tx: &Transaction<'_>, plan: &Plan) -> Result<()> {
    tx.execute(
        "UPDATE plans SET version = ?2, status = ?3, adopted_on = ?4, updated_at = ?5 WHERE id = ?1",
        params![plan.id, plan.version, plan.status, plan.adopted_on, now()],
    )?;
    Ok(())
}

/// The plan this database works on, or `NotFound` when it has none yet: the one
/// lookup for every operation that needs a plan.
pub fn require_current(conn: &Connection) -> Result<Plan> {
    current(conn)?.ok_or_else(|| Error::NotFound("Rencana aksi".into()))
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Plan> {
    Ok(Plan {
        id: row.get(0)?,
        region: row.get(1)?,
        title: row.get(2)?,
        year_start: row.get(3)?,
        year_end: row.get(4)?,
        version: row.get(5)?,
        status: row.get(6)?,
        adopted_on: row.get(7)?,
    })
}

/// The plan's own predikat bands as JSON, or `None` for the convention.
pub fn grade_bands(conn: &Connection, plan_id: &str) -> Result<Option<String>> {
    Ok(conn
        .query_row(
            "SELECT grade_bands FROM plans WHERE id = ?1",
            [plan_id],
            |row| row.get::<_, Option<String>>(0),
        )
        .optional()?
        .flatten())
}

/// Sets the plan's predikat bands (JSON), or back to the convention with `None`.
pub fn set_grade_bands(tx: &Transaction<'_>, plan_id: &str, bands: Option<&str>) -> Result<()> {
    tx.execute(
        "UPDATE plans SET grade_bands = ?2, updated_at = ?3 WHERE id = ?1",
        params![plan_id, bands, now()],
    )?;
    Ok(())
}
