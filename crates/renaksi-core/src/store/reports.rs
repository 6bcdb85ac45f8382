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
    tx.execute(
        "INSERT INTO reports (id, plan_id, opd_id, year, quarter, sequence, direction, exported_at,
                              file_name, file_sha256, key_fingerprint)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
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
            report.key_fingerprint
        ],
    )?;
    Ok(())
}
