//! Table `themes`: the plan's themes, in their agreed order.

use rusqlite::{params, Connection, Transaction};

use crate::model::Theme;
use crate::Result;

pub fn insert(tx: &Transaction<'_>, theme: &Theme) -> Result<()> {
    tx.execute(
        "INSERT INTO themes (id, plan_id, seq, name, description, archived_at, archive_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            theme.id,
            theme.plan_id,
            theme.seq,
            theme.name,
            theme.description,
            theme.archived.as_ref().map(|a| &a.at),
            theme.archived.as_ref().map_or("", |a| &a.reason),
        ],
    )?;
    Ok(())
}

/// Adds a theme or takes its newer number, name, description and archive.
pub fn upsert(tx: &Transaction<'_>, theme: &Theme) -> Result<()> {
    tx.execute(
        "INSERT INTO themes (id, plan_id, seq, name, description, archived_at, archive_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
         ON CONFLICT (id) DO UPDATE SET seq = excluded.seq, name = excluded.name,
             description = excluded.description, archived_at = excluded.archived_at,
             archive_reason = excluded.archive_reason",
        params![
            theme.id,
            theme.plan_id,
            theme.seq,
            theme.name,
            theme.description,
            theme.archived.as_ref().map(|a| &a.at),
            theme.archived.as_ref().map_or("", |a| &a.reason),
        ],
    )?;
    Ok(())
}

pub fn list(conn: &Connection, plan_id: &str) -> Result<Vec<Theme>> {
    let mut stmt = conn.prepare(
        "SELECT id, plan_id, seq, name, description, archived_at, archive_reason
         FROM themes WHERE plan_id = ?1 ORDER BY seq",
    )?;
    let rows = stmt.query_map([plan_id], |row| {
        Ok(Theme {
            id: row.get(0)?,
            plan_id: row.get(1)?,
            seq: row.get(2)?,
            name: row.get(3)?,
            description: row.get(4)?,
            archived: super::archived_from(row.get(5)?, row.get(6)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The number after the plan's highest theme number.
pub fn next_seq(conn: &Connection, plan_id: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COALESCE(MAX(seq), 0) + 1 FROM themes WHERE plan_id = ?1",
        [plan_id],
        |row| row.get(0),
    )?)
}

pub fn set_seq(tx: &Transaction<'_>, id: &str, seq: i64) -> Result<()> {
    tx.execute("UPDATE themes SET seq = ?2 WHERE id = ?1", params![id, seq])?;
    Ok(())
}

/// Archives the theme with a reason, or (with `None`) takes it back into use.
pub fn set_archived(
    tx: &Transaction<'_>,
    id: &str,
    archived: Option<&crate::model::Archived>,
) -> Result<()> {
    tx.execute(
        "UPDATE themes SET archived_at = ?2, archive_reason = ?3 WHERE id = ?1",
        params![
            id,
            archived.map(|a| &a.at),
            archived.map_or("", |a| &a.reason)
        ],
    )?;
    Ok(())
}

/// Removes a theme that has no action.
pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("DELETE FROM themes WHERE id = ?1", [id])?;
    Ok(())
}
