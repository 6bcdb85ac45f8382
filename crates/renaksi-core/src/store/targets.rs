//! Table `targets`: one value per indicator per quarter.

use rusqlite::{params, Connection, Transaction};

use crate::model::Target;
use crate::Result;

/// Sets the target of one quarter, replacing any earlier value.
pub fn upsert(tx: &Transaction<'_>, target: &Target) -> Result<()> {
    tx.execute(
        "INSERT INTO targets (indicator_id, year, quarter, value) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (indicator_id, year, quarter) DO UPDATE SET value = excluded.value",
        params![
            target.indicator_id,
            target.year,
            target.quarter,
            target.value
        ],
    )?;
    Ok(())
}

pub fn list_for_indicator(conn: &Connection, indicator_id: &str) -> Result<Vec<Target>> {
    let mut stmt = conn.prepare(
        "SELECT indicator_id, year, quarter, value FROM targets WHERE indicator_id = ?1
         ORDER BY year, quarter",
    )?;
    let rows = stmt.query_map([indicator_id], |row| {
        Ok(Target {
            indicator_id: row.get(0)?,
            year: row.get(1)?,
            quarter: row.get(2)?,
            value: row.get(3)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
