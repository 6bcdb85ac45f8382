//! Table `themes`: the plan's themes, in their agreed order.

use rusqlite::{params, Connection, Transaction};

use crate::model::Theme;
use crate::Result;

pub fn insert(tx: &Transaction<'_>, theme: &Theme) -> Result<()> {
    tx.execute(
        "INSERT INTO themes (id, plan_id, seq, name, description) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![
            theme.id,
            theme.plan_id,
            theme.seq,
            theme.name,
            theme.description
        ],
    )?;
    Ok(())
}

/// Adds a theme or takes its newer number, name and description.
pub fn upsert(tx: &Transaction<'_>, theme: &Theme) -> Result<()> {
    tx.execute(
        "INSERT INTO themes (id, plan_id, seq, name, description) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, name = excluded.name,
             description = excluded.description",
        params![
            theme.id,
            theme.plan_id,
            theme.seq,
            theme.name,
            theme.description
        ],
    )?;
    Ok(())
}

pub fn list(conn: &Connection, plan_id: &str) -> Result<Vec<Theme>> {
    let mut stmt = conn.prepare(
        "SELECT id, plan_id, seq, name, description FROM themes WHERE plan_id = ?1 ORDER BY seq",
    )?;
    let rows = stmt.query_map([plan_id], |row| {
        Ok(Theme {
            id: row.get(0)?,
            plan_id: row.get(1)?,
            seq: row.get(2)?,
            name: row.get(3)?,
            description: row.get(4)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
