//! Table `feedback_sent`: at Bappeda, each feedback file (Umpan balik)
//! written, one row per OPD and file.

use rusqlite::{params, Connection, Transaction};

use crate::Result;

/// One feedback file as recorded.
pub struct SentRecord<'a> {
    pub id: &'a str,
    pub plan_id: &'a str,
    pub opd_id: &'a str,
    pub sequence: i64,
    pub number: i64,
    pub written_at: &'a str,
    pub file_name: &'a str,
}

pub fn insert(tx: &Transaction<'_>, sent: &SentRecord<'_>) -> Result<()> {
    tx.execute(
        "INSERT INTO feedback_sent (id, plan_id, opd_id, sequence, number, written_at, file_name)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            sent.id,
            sent.plan_id,
            sent.opd_id,
            sent.sequence,
            sent.number,
            sent.written_at,
            sent.file_name
        ],
    )?;
    Ok(())
}

/// The highest sequence written for an OPD's feedback in a plan, if any.
pub fn last_sequence(conn: &Connection, plan_id: &str, opd_id: &str) -> Result<Option<i64>> {
    Ok(conn.query_row(
        "SELECT MAX(sequence) FROM feedback_sent WHERE plan_id = ?1 AND opd_id = ?2",
        [plan_id, opd_id],
        |row| row.get(0),
    )?)
}

/// How many feedback files were written for an OPD in a plan.
pub fn count(conn: &Connection, plan_id: &str, opd_id: &str) -> Result<i64> {
    Ok(conn.query_row(
        "SELECT COUNT(*) FROM feedback_sent WHERE plan_id = ?1 AND opd_id = ?2",
        [plan_id, opd_id],
        |row| row.get(0),
    )?)
}
