//! Table `reports`: reports exported here (at an OPD) or received (at Bappeda).

use rusqlite::{params, Transaction};

use crate::Result;

/// One report file as recorded.
pub struct ReportRecord<'a> {
    pub id: &'a str,
    pub plan_id: &'a str,
    pub opd_id: &'a str,
    pub year: i32,
    pub quarter: u8,
    pub sequence: i64,
    pub direction: &'a str,
    pub exported_at: &'a str,
    pub file_name: &'a str,
    pub file_sha256: &'a str,
    pub key_fingerprint: &'a str,
}

pub fn insert(tx: &Transaction<'_>, report: &ReportRecord<'_>) -> Result<()> {
    let received_at = (report.direction == "imported").then(super::now);
    tx.execute(
        "INSERT INTO reports (id, plan_id, opd_id, year, quarter, sequence, direction, exported_at,
                              file_name, file_sha256, key_fingerprint, received_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
        params![
            report.id,
            report.plan_id,
            report.opd_id,
            report.year,
            report.quarter,
            report.sequence,
            report.direction,
            report.exported_at,
            report.file_name,
            report.file_sha256,
            report.key_fingerprint,
            received_at
        ],
    )?;
    Ok(())
}

/// The order of "the latest report" among an OPD's imported reports: the one
/// received last. Sequences are an OPD installation's own count, comparable
/// only among reports signed with the same key, so they do not order reports
/// of different keys (a forged report's huge sequence would stay "latest").
pub const RECEIVED_LAST_FIRST: &str = "received_at DESC, rowid DESC";

/// The highest sequence imported for an OPD among the reports signed with the
/// key of `key_fingerprint` (the hex form the rows record), with that file's
/// SHA-256.
pub fn latest_imported(
    conn: &rusqlite::Connection,
    opd_id: &str,
    key_fingerprint: &str,
) -> Result<Option<(i64, String)>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT sequence, file_sha256 FROM reports
             WHERE opd_id = ?1 AND direction = 'imported' AND key_fingerprint = ?2
             ORDER BY sequence DESC LIMIT 1",
            [opd_id, key_fingerprint],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?)
}

/// A report Bappeda received.
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Received {
    pub id: String,
    pub opd_code: String,
    pub opd_name: String,
    pub year: i32,
    pub quarter: u8,
    pub sequence: i64,
    pub exported_at: String,
    pub received_at: Option<String>,
    pub file_name: String,
    pub key_fingerprint: String,
}

/// Reports imported here, newest first.
pub fn list_imported(conn: &rusqlite::Connection) -> Result<Vec<Received>> {
    let mut stmt = conn.prepare(
        "SELECT r.id, o.code, o.name, r.year, r.quarter, r.sequence, r.exported_at, r.received_at, r.file_name,
                r.key_fingerprint
         FROM reports r JOIN opds o ON o.id = r.opd_id
         WHERE r.direction = 'imported' ORDER BY r.received_at DESC, o.code",
    )?;
    let rows = stmt.query_map([], |row| {
        Ok(Received {
            id: row.get(0)?,
            opd_code: row.get(1)?,
            opd_name: row.get(2)?,
            year: row.get(3)?,
            quarter: row.get(4)?,
            sequence: row.get(5)?,
            exported_at: row.get(6)?,
            received_at: row.get(7)?,
            file_name: row.get(8)?,
            key_fingerprint: row.get(9)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A received report's sequence and key fingerprint, by its id.
pub fn sequence_and_key(conn: &rusqlite::Connection, id: &str) -> Result<Option<(i64, String)>> {
    use rusqlite::OptionalExtension;
    Ok(conn
        .query_row(
            "SELECT sequence, key_fingerprint FROM reports WHERE id = ?1",
            [id],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .optional()?)
}
