//! Table `received_indicators`: which indicators of Bappeda's package an OPD
//! already received, so a newer package never overwrites them or adds back one
//! the OPD deleted.

use std::collections::HashSet;

use rusqlite::{params, Connection, Transaction};

use super::now;
use crate::Result;

pub fn record(tx: &Transaction<'_>, plan_id: &str, indicator_id: &str) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO received_indicators (indicator_id, plan_id, received_at) VALUES (?1, ?2, ?3)
         ON CONFLICT (indicator_id) DO NOTHING",
    )?
    .execute(params![indicator_id, plan_id, now()])?;
    Ok(())
}

/// The ids of every indicator received so far.
pub fn all(conn: &Connection) -> Result<HashSet<String>> {
    let mut stmt = conn.prepare("SELECT indicator_id FROM received_indicators")?;
    let rows = stmt.query_map([], |row| row.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
