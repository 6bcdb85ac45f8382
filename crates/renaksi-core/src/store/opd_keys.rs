//! Table `opd_keys`: the public key Bappeda holds for each OPD, recorded when
//! a human confirmed its fingerprint (`report::trust`). Any other key is
//! refused until a human confirms it in turn.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use super::now;
use crate::Result;

#[derive(Debug, Clone, PartialEq)]
pub struct PinnedKey {
    pub public_key: String,
    pub first_seen_at: String,
}

pub fn get(conn: &Connection, opd_id: &str) -> Result<Option<PinnedKey>> {
    Ok(conn
        .query_row(
            "SELECT public_key, first_seen_at FROM opd_keys WHERE opd_id = ?1",
            [opd_id],
            |row| {
                Ok(PinnedKey {
                    public_key: String::from_utf8_lossy(&row.get::<_, Vec<u8>>(0)?).into_owned(),
                    first_seen_at: row.get(1)?,
                })
            },
        )
        .optional()?)
}

/// Pins the first key seen for an OPD.
pub fn pin(tx: &Transaction<'_>, opd_id: &str, public_key: &str) -> Result<()> {
    tx.execute(
        "INSERT INTO opd_keys (opd_id, public_key, first_seen_at) VALUES (?1, ?2, ?3)",
        params![opd_id, public_key.as_bytes(), now()],
    )?;
    Ok(())
}

/// Replaces an OPD's pinned key, after a human confirmed the change.
pub fn replace(tx: &Transaction<'_>, opd_id: &str, public_key: &str) -> Result<()> {
    tx.execute(
        "UPDATE opd_keys SET public_key = ?2, first_seen_at = ?3, pending_key = NULL, pending_since = NULL
         WHERE opd_id = ?1",
        params![opd_id, public_key.as_bytes(), now()],
    )?;
    Ok(())
}
