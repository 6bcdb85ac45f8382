//! Table `note_replies`: tanggapan, an OPD's replies to Bappeda's verifier
//! notes. Written at the OPD, carried in its reports, kept at Bappeda. A
//! reply is never edited or deleted.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::Result;

/// One stored reply.
#[derive(Debug, Clone, PartialEq)]
pub struct ReplyRow {
    pub id: String,
    pub note_id: String,
    pub opd_id: String,
    pub author: String,
    pub body: String,
    pub created_at: String,
    pub received_at: Option<String>,
}

const COLUMNS: &str = "id, note_id, opd_id, author, body, created_at, received_at";

fn from_row(row: &rusqlite::Row<'_>) -> rusqlite::Result<ReplyRow> {
    Ok(ReplyRow {
        id: row.get(0)?,
        note_id: row.get(1)?,
        opd_id: row.get(2)?,
        author: row.get(3)?,
        body: row.get(4)?,
        created_at: row.get(5)?,
        received_at: row.get(6)?,
    })
}

pub fn insert(tx: &Transaction<'_>, reply: &ReplyRow) -> Result<()> {
    tx.execute(
        &format!("INSERT INTO note_replies ({COLUMNS}) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"),
        params![
            reply.id,
            reply.note_id,
            reply.opd_id,
            reply.author,
            reply.body,
            reply.created_at,
            reply.received_at
        ],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<ReplyRow>> {
    Ok(conn
        .query_row(
            &format!("SELECT {COLUMNS} FROM note_replies WHERE id = ?1"),
            [id],
            from_row,
        )
        .optional()?)
}

/// The replies to a note, oldest first.
pub fn for_note(conn: &Connection, note_id: &str) -> Result<Vec<ReplyRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM note_replies WHERE note_id = ?1 ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([note_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Every reply an OPD wrote, by id.
pub fn of_opd(conn: &Connection, opd_id: &str) -> Result<Vec<ReplyRow>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM note_replies WHERE opd_id = ?1 ORDER BY id"
    ))?;
    let rows = stmt.query_map([opd_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks the OPD's own replies among `ids` as received by Bappeda at
/// `received_at`, those not marked yet; returns how many changed.
pub fn mark_received(tx: &Transaction<'_>, opd_id: &str, ids: &[(&str, &str)]) -> Result<usize> {
    let mut stmt = tx.prepare(
        "UPDATE note_replies SET received_at = ?3
         WHERE id = ?1 AND opd_id = ?2 AND received_at IS NULL",
    )?;
    let mut changed = 0;
    for (id, received_at) in ids {
        changed += stmt.execute(params![id, opd_id, received_at])?;
    }
    Ok(changed)
}
