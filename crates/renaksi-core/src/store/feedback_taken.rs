//! Table `feedback_taken`: at an OPD, the last feedback file (Umpan balik)
//! taken for a plan, and whose key signed it.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::Result;

/// The last feedback file taken for a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Taken {
    pub plan_id: String,
    pub sequence: i64,
    /// The hex fingerprint of the key that signed it.
    pub key_fingerprint: String,
    pub written_at: String,
    pub taken_at: String,
}

pub fn get(conn: &Connection, plan_id: &str) -> Result<Option<Taken>> {
    Ok(conn
        .query_row(
            "SELECT plan_id, sequence, key_fingerprint, written_at, taken_at
             FROM feedback_taken WHERE plan_id = ?1",
            [plan_id],
            |row| {
                Ok(Taken {
                    plan_id: row.get(0)?,
                    sequence: row.get(1)?,
                    key_fingerprint: row.get(2)?,
                    written_at: row.get(3)?,
                    taken_at: row.get(4)?,
                })
            },
        )
        .optional()?)
}

pub fn upsert(tx: &Transaction<'_>, taken: &Taken) -> Result<()> {
    tx.execute(
        "INSERT INTO feedback_taken (plan_id, sequence, key_fingerprint, written_at, taken_at)
         VALUES (?1, ?2, ?3, ?4, ?5)
         ON CONFLICT(plan_id) DO UPDATE SET sequence = excluded.sequence,
             key_fingerprint = excluded.key_fingerprint, written_at = excluded.written_at,
             taken_at = excluded.taken_at",
        params![
            taken.plan_id,
            taken.sequence,
            taken.key_fingerprint,
            taken.written_at,
            taken.taken_at
        ],
    )?;
    Ok(())
}
