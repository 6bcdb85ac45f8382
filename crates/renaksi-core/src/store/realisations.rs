//! Table `realisations`: what was achieved per indicator per quarter, with notes,
//! obstacles (kendala) and follow-up (tindak lanjut).

use rusqlite::{params, Connection, Transaction};

use super::now;
use crate::model::Realisation;
use crate::Result;

/// Sets the realisation of one quarter, replacing any earlier entry.
pub fn upsert(tx: &Transaction<'_>, realisation: &Realisation) -> Result<()> {
    tx.execute(
        "INSERT INTO realisations (indicator_id, year, quarter, value, notes, obstacles, follow_up,
                                   updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
         ON CONFLICT (indicator_id, year, quarter) DO UPDATE SET
             value = excluded.value, notes = excluded.notes, obstacles = excluded.obstacles,
             follow_up = excluded.follow_up, updated_at = excluded.updated_at",
        params![
            realisation.indicator_id,
            realisation.year,
            realisation.quarter,
            realisation.value,
            realisation.notes,
            realisation.obstacles,
            realisation.follow_up,
            now()
        ],
    )?;
    Ok(())
}

pub fn list_for_indicator(conn: &Connection, indicator_id: &str) -> Result<Vec<Realisation>> {
    let mut stmt = conn.prepare(
        "SELECT indicator_id, year, quarter, value, notes, obstacles, follow_up
         FROM realisations WHERE indicator_id = ?1 ORDER BY year, quarter",
    )?;
    let rows = stmt.query_map([indicator_id], |row| {
        Ok(Realisation {
            indicator_id: row.get(0)?,
            year: row.get(1)?,
            quarter: row.get(2)?,
            value: row.get(3)?,
            notes: row.get(4)?,
            obstacles: row.get(5)?,
            follow_up: row.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
