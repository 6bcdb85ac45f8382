//! Table `feedback_reports`: at an OPD, the reports Bappeda says it received
//! from this OPD, as of the last feedback file (replaced whole each time).

use rusqlite::{params, Connection, Transaction};
use serde::{Deserialize, Serialize};

use crate::Result;

/// One report Bappeda received, as the feedback file says.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(rename = "FeedbackReport")]
#[serde(rename_all = "camelCase")]
pub struct ReportRow {
    pub year: i32,
    pub quarter: u8,
    pub sequence: i64,
    /// Hex fingerprint of the key that signed the report.
    pub key_fingerprint: String,
    pub exported_at: String,
    pub received_at: String,
    pub verified_at: Option<String>,
    pub verified_by: Option<String>,
}

/// Replaces a plan's rows with `rows`.
pub fn replace(tx: &Transaction<'_>, plan_id: &str, rows: &[ReportRow]) -> Result<()> {
    tx.execute("DELETE FROM feedback_reports WHERE plan_id = ?1", [plan_id])?;
    let mut insert = tx.prepare(
        "INSERT INTO feedback_reports (plan_id, key_fingerprint, sequence, year, quarter,
             exported_at, received_at, verified_at, verified_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for r in rows {
        insert.execute(params![
            plan_id,
            r.key_fingerprint,
            r.sequence,
            r.year,
            r.quarter,
            r.exported_at,
            r.received_at,
            r.verified_at,
            r.verified_by
        ])?;
    }
    Ok(())
}

/// A plan's rows, oldest received first.
pub fn list(conn: &Connection, plan_id: &str) -> Result<Vec<ReportRow>> {
    let mut stmt = conn.prepare(
        "SELECT year, quarter, sequence, key_fingerprint, exported_at, received_at, verified_at,
                verified_by
         FROM feedback_reports WHERE plan_id = ?1 ORDER BY received_at, year, quarter, sequence",
    )?;
    let rows = stmt.query_map([plan_id], |row| {
        Ok(ReportRow {
            year: row.get(0)?,
            quarter: row.get(1)?,
            sequence: row.get(2)?,
            key_fingerprint: row.get(3)?,
            exported_at: row.get(4)?,
            received_at: row.get(5)?,
            verified_at: row.get(6)?,
            verified_by: row.get(7)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
