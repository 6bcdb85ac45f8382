//! Table `targets`: one value per indicator per quarter.

use std::collections::HashMap;

use rusqlite::{params, Connection, Transaction};

use crate::achievement::Quarters;
use crate::model::Target;
use crate::Result;

/// Sets the target of one quarter, replacing any earlier value.
pub fn upsert(tx: &Transaction<'_>, target: &Target) -> Result<()> {
    // Cached: an import or a package writes thousands of these in one transaction.
    tx.prepare_cached(
        "INSERT INTO targets (indicator_id, year, quarter, value) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (indicator_id, year, quarter) DO UPDATE SET value = excluded.value",
    )?
    .execute(params![
        target.indicator_id,
        target.year,
        target.quarter,
        target.value
    ])?;
    Ok(())
}

/// Removes the target of one quarter.
pub fn delete(tx: &Transaction<'_>, indicator_id: &str, year: i32, quarter: u8) -> Result<()> {
    tx.execute(
        "DELETE FROM targets WHERE indicator_id = ?1 AND year = ?2 AND quarter = ?3",
        params![indicator_id, year, quarter],
    )?;
    Ok(())
}

pub fn list_for_indicator(conn: &Connection, indicator_id: &str) -> Result<Vec<Target>> {
    // Cached: a report snapshot asks once per indicator.
    let mut stmt = conn.prepare_cached(
        "SELECT indicator_id, year, quarter, value FROM targets WHERE indicator_id = ?1
         ORDER BY year, quarter",
    )?;
    let rows = stmt.query_map([indicator_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every target of a plan, per indicator id and year, as quarter grids.
pub fn grids_for_plan(
    conn: &Connection,
    plan_id: &str,
) -> Result<HashMap<String, HashMap<i32, Quarters>>> {
    let mut stmt = conn.prepare(
        "SELECT t.indicator_id, t.year, t.quarter, t.value FROM targets t
         JOIN indicators i ON i.id = t.indicator_id
         JOIN actions a ON a.id = i.action_id WHERE a.plan_id = ?1",
    )?;
    let rows = stmt.query_map([plan_id], from_row)?;
    let mut grids: HashMap<String, HashMap<i32, Quarters>> = HashMap::new();
    for target in rows {
        let target = target?;
        let quarter = usize::from(target.quarter.clamp(1, 4)) - 1;
        grids
            .entry(target.indicator_id)
            .or_default()
            .entry(target.year)
            .or_default()[quarter] = Some(target.value);
    }
    Ok(grids)
}

/// The targets of one year of a plan, per indicator id, as quarter grids.
pub fn grids_for_plan_year(
    conn: &Connection,
    plan_id: &str,
    year: i32,
) -> Result<HashMap<String, Quarters>> {
    super::quarter_grids(
        conn,
        "SELECT t.indicator_id, t.quarter, t.value FROM targets t
         JOIN indicators i ON i.id = t.indicator_id
         JOIN actions a ON a.id = i.action_id WHERE a.plan_id = ?1 AND t.year = ?2",
        plan_id,
        year,
    )
}

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<Target> {
    Ok(Target {
        indicator_id: row.get(0)?,
        year: row.get(1)?,
        quarter: row.get(2)?,
        value: row.get(3)?,
    })
}
