//! Table `realisations`: what was achieved per indicator per quarter, with notes,
//! obstacles (kendala) and follow-up (tindak lanjut).

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::now;
use crate::achievement::Quarters;
use crate::model::Realisation;
use crate::Result;

const COLUMNS: &str = "indicator_id, year, quarter, value, notes, obstacles, follow_up";

/// Sets the realisation of one quarter, replacing any earlier entry.
pub fn upsert(tx: &Transaction<'_>, realisation: &Realisation) -> Result<()> {
    // Cached: an import or a package writes thousands of these in one transaction.
    tx.prepare_cached(
        "INSERT INTO realisations (indicator_id, year, quarter, value, notes, obstacles, follow_up,
                                   updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (indicator_id, year, quarter) DO UPDATE SET
             value = excluded.value, notes = excluded.notes, obstacles = excluded.obstacles,
             follow_up = excluded.follow_up, updated_at = excluded.updated_at",
    )?
    .execute(params![
        realisation.indicator_id,
        realisation.year,
        realisation.quarter,
        realisation.value,
        realisation.notes,
        realisation.obstacles,
        realisation.follow_up,
        now()
    ])?;
    Ok(())
}

pub fn get(
    conn: &Connection,
    indicator_id: &str,
    year: i32,
    quarter: u8,
) -> Result<Option<Realisation>> {
    Ok(conn
        .query_row(
            &format!(
                "SELECT {COLUMNS} FROM realisations
                 WHERE indicator_id = ?1 AND year = ?2 AND quarter = ?3"
            ),
            params![indicator_id, year, quarter],
            from_row,
        )
        .optional()?)
}

pub fn list_for_indicator(conn: &Connection, indicator_id: &str) -> Result<Vec<Realisation>> {
    // Cached: a report snapshot asks once per indicator.
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM realisations WHERE indicator_id = ?1 ORDER BY year, quarter"
    ))?;
    let rows = stmt.query_map([indicator_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every realisation of a plan.
pub fn list_for_plan(conn: &Connection, plan_id: &str) -> Result<Vec<Realisation>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM realisations WHERE indicator_id IN (
             SELECT i.id FROM indicators i JOIN actions a ON a.id = i.action_id
             WHERE a.plan_id = ?1)
         ORDER BY indicator_id, year, quarter"
    ))?;
    let rows = stmt.query_map([plan_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The realised values of one year of a plan, per indicator id, as quarter
/// grids: what the overview and the rekap need, without the notes.
pub fn values_for_plan_year(
    conn: &Connection,
    plan_id: &str,
    year: i32,
) -> Result<HashMap<String, Quarters>> {
    super::quarter_grids(
        conn,
        "SELECT r.indicator_id, r.quarter, r.value FROM realisations r
         JOIN indicators i ON i.id = r.indicator_id
         JOIN actions a ON a.id = i.action_id WHERE a.plan_id = ?1 AND r.year = ?2",
        plan_id,
        year,
    )
}

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Realisation> {
    Ok(Realisation {
        indicator_id: row.get(0)?,
        year: row.get(1)?,
        quarter: row.get(2)?,
        value: row.get(3)?,
        notes: row.get(4)?,
        obstacles: row.get(5)?,
        follow_up: row.get(6)?,
    })
}
