//! Table `feedback_taken`: at an OPD, the last feedback file (Umpan balik)
//! taken for a plan, and whose key signed it.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::Result;

/// The last feedback file taken for a plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Taken {
    pub plan_id: String,
    pub sequence: i64,
    /// The count a person reads: "Umpan balik ke-3".
    pub number: i64,
    /// The hex fingerprint of the key that signed it.
    pub key_fingerprint: String,
    pub written_at: String,
    pub taken_at: String,
}

pub fn get(conn: &Connection, plan_id: &str) -> Result<Option<Taken>> {
    Ok(conn
        .query_row(
            "SELECT plan_id, sequence, number, key_fingerprint, written_at, taken_at
             FROM feedback_taken WHERE plan_id = ?1",
            [plan_id],
            |row| {
                Ok(Taken {
                    plan_id: row.get(0)?,
                    sequence: row.get(1)?,
                    number: row.get(2)?,
                    key_fingerprint: row.get(3)?,
                    written_at: row.get(4)?,
                    taken_at: row.get(5)?,
                })
            },
        )
        .optional()?)
}

pub fn upsert(tx: &Transaction<'_>, taken: &Taken) -> Result<()> {
    tx.execute(
        "INSERT INTO feedback_taken
             (plan_id, sequence, number, key_fingerprint, written_at, taken_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)
         ON CONFLICT(plan_id) DO UPDATE SET sequence = excluded.sequence,
             number = excluded.number, key_fingerprint = excluded.key_fingerprint,
             written_at = excluded.written_at, taken_at = excluded.taken_at",
        params![
            taken.plan_id,
            taken.sequence,
            taken.number,
            taken.key_fingerprint,
            taken.written_at,
            taken.taken_at
        ],
    )?;
    Ok(())
}
