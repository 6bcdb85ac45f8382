//! Table `evidence`: bukti dukung, a file copied into the data folder (with its
//! SHA-256) or a link, attached to one milestone or one realisation. At
//! Bappeda a file named by a report has no stored path until its evidence
//! bundle brings it ("belum diterima").

use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};
use serde::Serialize;

use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    pub id: String,
    pub opd_id: String,
    pub milestone_id: Option<String>,
    pub indicator_id: Option<String>,
    pub year: Option<i32>,
    pub quarter: Option<u8>,
    pub kind: String,
    pub title: String,
    pub file_name: Option<String>,
    pub stored_path: Option<String>,
    pub sha256: Option<String>,
    pub url: Option<String>,
    pub created_at: String,
}

const COLUMNS: &str = "id, opd_id, milestone_id, indicator_id, year, quarter, kind, title, \
                       file_name, stored_path, sha256, url, created_at";

pub fn insert(tx: &Transaction<'_>, evidence: &Evidence) -> Result<()> {
    // Cached: an import or a package writes thousands of these in one transaction.
    tx.prepare_cached(&format!(
        "INSERT INTO evidence ({COLUMNS})
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13)"
    ))?
    .execute(params![
        evidence.id,
        evidence.opd_id,
        evidence.milestone_id,
        evidence.indicator_id,
        evidence.year,
        evidence.quarter,
        evidence.kind,
        evidence.title,
        evidence.file_name,
        evidence.stored_path,
        evidence.sha256,
        evidence.url,
        evidence.created_at
    ])?;
    Ok(())
}

pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("DELETE FROM evidence WHERE id = ?1", [id])?;
    Ok(())
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Evidence>> {
    // Cached: an import looks up every row of a report.
    Ok(conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM evidence WHERE id = ?1"))?
        .query_row([id], from_row)
        .optional()?)
}

/// Evidence of an action's milestones and indicators.
pub fn list_for_action(conn: &Connection, action_id: &str) -> Result<Vec<Evidence>> {
    let mut stmt = conn.prepare(&format!(
        "SELECT {COLUMNS} FROM evidence
         WHERE milestone_id IN (SELECT id FROM milestones WHERE action_id = ?1)
            OR indicator_id IN (SELECT id FROM indicators WHERE action_id = ?1)
         ORDER BY created_at, id"
    ))?;
    let rows = stmt.query_map([action_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Where Bappeda already keeps the file of each of `hashes`, when it does:
/// a report imported again, or another row naming the same content, needs no
/// bundle for a file already received.
pub fn stored_paths(
    conn: &Connection,
    hashes: &[&str],
) -> Result<std::collections::HashMap<String, String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT stored_path FROM evidence
         WHERE kind = 'file' AND sha256 = ?1 AND stored_path IS NOT NULL LIMIT 1",
    )?;
    let mut found = std::collections::HashMap::new();
    for hash in hashes {
        if let Some(path) = stmt
            .query_row([hash], |r| r.get::<_, String>(0))
            .optional()?
        {
            found.insert(hash.to_string(), path);
        }
    }
    Ok(found)
}

/// Whether any file evidence row names the content `sha256`.
pub fn names_file(conn: &Connection, sha256: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM evidence WHERE kind = 'file' AND sha256 = ?1 LIMIT 1")?
        .exists([sha256])?)
}

/// The file evidence rows naming `sha256` whose file has not been received.
pub fn awaiting(conn: &Connection, sha256: &str) -> Result<Vec<Evidence>> {
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT {COLUMNS} FROM evidence
         WHERE kind = 'file' AND sha256 = ?1 AND stored_path IS NULL ORDER BY id"
    ))?;
    let rows = stmt.query_map([sha256], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Records where a received file is kept, on one row.
pub fn set_stored_path(tx: &Transaction<'_>, id: &str, stored_path: &str) -> Result<()> {
    tx.prepare_cached("UPDATE evidence SET stored_path = ?2 WHERE id = ?1")?
        .execute([id, stored_path])?;
    Ok(())
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Evidence> {
    Ok(Evidence {
        id: row.get(0)?,
        opd_id: row.get(1)?,
        milestone_id: row.get(2)?,
        indicator_id: row.get(3)?,
        year: row.get(4)?,
        quarter: row.get(5)?,
        kind: row.get(6)?,
        title: row.get(7)?,
        file_name: row.get(8)?,
        stored_path: row.get(9)?,
        sha256: row.get(10)?,
        url: row.get(11)?,
        created_at: row.get(12)?,
    })
}
