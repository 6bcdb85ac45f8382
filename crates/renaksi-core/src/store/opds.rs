//! Table `opds`: the regency's implementing offices.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::model::Opd;
use crate::Result;

const COLUMNS: &str =
    "id, code, name, head_name, head_nip, short_name, head_title, archived_at, archive_reason";

pub fn insert(tx: &Transaction<'_>, opd: &Opd) -> Result<()> {
    tx.execute(
        "INSERT INTO opds (id, code, name, head_name, head_nip, short_name, head_title,
                           archived_at, archive_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
        params![
            opd.id,
            opd.code,
            opd.name,
            opd.head_name,
            opd.head_nip,
            opd.short_name,
            opd.head_title,
            opd.archived.as_ref().map(|a| &a.at),
            opd.archived.as_ref().map_or("", |a| &a.reason),
        ],
    )?;
    Ok(())
}

/// Adds an OPD or takes the newer directory entry (names, head of office, archive).
pub fn upsert(tx: &Transaction<'_>, opd: &Opd) -> Result<()> {
    tx.execute(
        "INSERT INTO opds (id, code, name, head_name, head_nip, short_name, head_title,
                           archived_at, archive_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
         ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name,
             head_name = excluded.head_name, head_nip = excluded.head_nip,
             short_name = excluded.short_name, head_title = excluded.head_title,
             archived_at = excluded.archived_at, archive_reason = excluded.archive_reason",
        params![
            opd.id,
            opd.code,
            opd.name,
            opd.head_name,
            opd.head_nip,
            opd.short_name,
            opd.head_title,
            opd.archived.as_ref().map(|a| &a.at),
            opd.archived.as_ref().map_or("", |a| &a.reason),
        ],
    )?;
    Ok(())
}

/// All OPDs, ordered by code.
pub fn list(conn: &Connection) -> Result<Vec<Opd>> {
    let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM opds ORDER BY code"))?;
    let rows = stmt.query_map([], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn by_code(conn: &Connection, code: &str) -> Result<Option<Opd>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM opds WHERE code = ?1"),
            [code],
            from_row,
        )
        .optional()?)
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Opd>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM opds WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Opd> {
    Ok(Opd {
        id: row.get(0)?,
        code: row.get(1)?,
        name: row.get(2)?,
        head_name: row.get(3)?,
        head_nip: row.get(4)?,
        short_name: row.get(5)?,
        head_title: row.get(6)?,
        archived: super::archived_from(row.get(7)?, row.get(8)?),
    })
}

/// Archives the OPD with a reason, or (with `None`) takes it back into use.
pub fn set_archived(
    tx: &Transaction<'_>,
    id: &str,
    archived: Option<&crate::model::Archived>,
) -> Result<()> {
    tx.execute(
        "UPDATE opds SET archived_at = ?2, archive_reason = ?3 WHERE id = ?1",
        params![
            id,
            archived.map(|a| &a.at),
            archived.map_or("", |a| &a.reason)
        ],
    )?;
    Ok(())
}

/// Removes an OPD that nothing refers to.
pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("DELETE FROM opds WHERE id = ?1", [id])?;
    Ok(())
}
