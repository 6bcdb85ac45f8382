//! The report history at an OPD: every report exported here for the active
//! plan (as the calendar, even while an earlier plan is viewed), newest
//! first, with Bappeda's status for it as of the last feedback file. A report
//! is matched in the feedback by its key's fingerprint and its sequence (one
//! installation's count per key).
//!
//! The status (docs/panduan.md, "Riwayat laporan"): *diverifikasi* or
//! *diterima* when the feedback lists it; *belum ada kabar* when there is no
//! feedback yet or it was written before the export; *tidak tercatat* when a
//! feedback written after the export does not list it.

use chrono::{DateTime, FixedOffset};
use rusqlite::Connection;
use serde::Serialize;

use super::feedback::{self, FeedbackAsOf, Receipt};
use crate::access;
use crate::workbook::key_words;
use crate::Result;

/// Bappeda's status for one export, as of the last feedback file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub enum BappedaStatus {
    #[serde(rename = "diverifikasi")]
    Verified,
    #[serde(rename = "diterima")]
    Received,
    /// No feedback yet, or the last one was written before this export.
    #[serde(rename = "belum_ada_kabar")]
    NoNews,
    /// The last feedback was written after this export and does not list it.
    #[serde(rename = "tidak_tercatat")]
    NotRecorded,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportEntry {
    pub id: String,
    pub year: i32,
    pub quarter: u8,
    pub sequence: i64,
    /// RFC 3339.
    pub exported_at: String,
    pub file_name: String,
    /// The signing key's fingerprint in hex groups, as recorded.
    pub key_fingerprint: String,
    /// The same fingerprint as the eight words a clerk reads aloud ("" when
    /// the recorded fingerprint is not one).
    pub key_words: String,
    pub status: BappedaStatus,
    pub received_at: Option<String>,
    pub verified_at: Option<String>,
    pub verified_by: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportHistory {
    /// The last feedback file taken for this plan, if any.
    pub feedback: Option<FeedbackAsOf>,
    pub exports: Vec<ExportEntry>,
}

/// Every export of the active plan, newest first. Only at an OPD.
pub fn history(conn: &Connection) -> Result<ReportHistory> {
    access::require_opd(conn, "melihat riwayat laporan")?;
    let plan = super::require_active(conn)?;
    let last = feedback::last_taken(conn, &plan.id)?;
    let receipts = feedback::receipts(conn, &plan.id)?;
    let mut stmt = conn.prepare(
        "SELECT id, year, quarter, sequence, exported_at, file_name, key_fingerprint
         FROM reports WHERE plan_id = ?1 AND direction = 'exported'
         ORDER BY exported_at DESC, rowid DESC",
    )?;
    let rows = stmt.query_map([&plan.id], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, i32>(1)?,
            row.get::<_, u8>(2)?,
            row.get::<_, i64>(3)?,
            row.get::<_, String>(4)?,
            row.get::<_, String>(5)?,
            row.get::<_, String>(6)?,
        ))
    })?;
    let mut exports = Vec::new();
    for row in rows {
        let (id, year, quarter, sequence, exported_at, file_name, key_fingerprint) = row?;
        let receipt = receipts.iter().find(|r| {
            r.sequence == sequence && feedback::same_key(&r.key_fingerprint, &key_fingerprint)
        });
        let status = status(receipt, last.as_ref(), &exported_at);
        exports.push(ExportEntry {
            id,
            year,
            quarter,
            sequence,
            key_words: key_words::words_of_fingerprint(&key_fingerprint).unwrap_or_default(),
            key_fingerprint,
            status,
            received_at: receipt.map(|r| r.received_at.clone()),
            verified_at: receipt.and_then(|r| r.verified_at.clone()),
            verified_by: receipt.and_then(|r| r.verified_by.clone()),
            exported_at,
            file_name,
        });
    }
    Ok(ReportHistory {
        feedback: last,
        exports,
    })
}

fn status(
    receipt: Option<&Receipt>,
    last: Option<&FeedbackAsOf>,
    exported_at: &str,
) -> BappedaStatus {
    match receipt {
        Some(r) if r.verified_at.is_some() => BappedaStatus::Verified,
        Some(_) => BappedaStatus::Received,
        None => match last {
            Some(f) if written_after(&f.written_at, exported_at) => BappedaStatus::NotRecorded,
            _ => BappedaStatus::NoNews,
        },
    }
}

/// Whether the feedback was written after the export. Times that do not read
/// as RFC 3339 say nothing: "belum ada kabar", never a false alarm.
fn written_after(written_at: &str, exported_at: &str) -> bool {
    let time = |text: &str| DateTime::<FixedOffset>::parse_from_rfc3339(text).ok();
    matches!((time(written_at), time(exported_at)), (Some(w), Some(e)) if w > e)
}
