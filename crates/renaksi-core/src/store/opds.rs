//! Table `opds`: the regency's implementing offices.

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::model::Opd;
use crate::Result;

const COLUMNS: &str = "id, code, name, head_name, head_nip";

pub fn insert(tx: &Transaction<'_>, opd: &Opd) -> Result<()> {
    tx.execute(
        "INSERT INTO opds (id, code, name, head_name, head_nip) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![opd.id, opd.code, opd.name, opd.head_name, opd.head_nip],
    )?;
    Ok(())
}

/// Adds an OPD or takes the newer name and head of office.
pub fn upsert(tx: &Transaction<'_>, opd: &Opd) -> Result<()> {
    tx.execute(
        "INSERT INTO opds (id, code, name, head_name, head_nip) VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT (id) DO UPDATE SET code = excluded.code, name = excluded.name,
             head_name = excluded.head_name, head_nip = excluded.head_nip",
        params![opd.id, opd.code, opd.name, opd.head_name, opd.head_nip],
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
    })
}
