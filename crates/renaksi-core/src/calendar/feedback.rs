//! What the last feedback file (Umpan balik) taken here says Bappeda holds of
//! this OPD's reports: plain reads of `feedback_taken` and
//! `feedback_reports`, which taking a feedback file fills (replaced whole
//! each time). Read only here; the calendar and the report history share it.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::Result;

/// The last feedback file taken for a plan: Bappeda's sequence for it, when
/// Bappeda wrote it and when it was taken here (RFC 3339).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackAsOf {
    pub sequence: i64,
    pub written_at: String,
    pub taken_at: String,
}

/// One report Bappeda says it received from this OPD.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Receipt {
    pub key_fingerprint: String,
    pub sequence: i64,
    pub year: i32,
    pub quarter: u8,
    pub received_at: String,
    pub verified_at: Option<String>,
    pub verified_by: Option<String>,
}

pub(crate) fn last_taken(conn: &Connection, plan_id: &str) -> Result<Option<FeedbackAsOf>> {
    Ok(conn
        .query_row(
            "SELECT sequence, written_at, taken_at FROM feedback_taken WHERE plan_id = ?1",
            [plan_id],
            |row| {
                Ok(FeedbackAsOf {
                    sequence: row.get(0)?,
                    written_at: row.get(1)?,
                    taken_at: row.get(2)?,
                })
            },
        )
        .optional()?)
}

/// The reports the last feedback file lists, in the order Bappeda received
/// them (the last of a quarter is the one its matrix shows).
pub(crate) fn receipts(conn: &Connection, plan_id: &str) -> Result<Vec<Receipt>> {
    let mut stmt = conn.prepare(
        "SELECT key_fingerprint, sequence, year, quarter, received_at, verified_at, verified_by
         FROM feedback_reports WHERE plan_id = ?1 ORDER BY received_at, sequence",
    )?;
    let rows = stmt.query_map([plan_id], |row| {
        Ok(Receipt {
            key_fingerprint: row.get(0)?,
            sequence: row.get(1)?,
            year: row.get(2)?,
            quarter: row.get(3)?,
            received_at: row.get(4)?,
            verified_at: row.get(5)?,
            verified_by: row.get(6)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// A fingerprint as its hex digits in capitals: the rows may write it in
/// groups ("1A2B-3C4D-...") or not, in either case.
pub(crate) fn same_key(a: &str, b: &str) -> bool {
    let digits = |text: &str| -> String {
        text.chars()
            .filter(char::is_ascii_hexdigit)
            .map(|c| c.to_ascii_uppercase())
            .collect()
    };
    let a = digits(a);
    !a.is_empty() && a == digits(b)
}
