//! Table `key_rotations`: Bappeda's statements "key X is replaced by key Y from
//! date D", each signed by the old key. Every plan package carries all of them.

use rusqlite::{params, Connection, Transaction};

use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rotation {
    pub old_public_key: String,
    pub new_public_key: String,
    /// The date the new key signs from (YYYY-MM-DD).
    pub effective_from: String,
    /// The new key's signature over the statement (it holds the key).
    pub new_key_signature: String,
    /// The old key's signature over the statement and the new key's signature.
    pub old_key_signature: String,
    pub made_at: String,
}

/// Every rotation, oldest first.
pub fn list(conn: &Connection) -> Result<Vec<Rotation>> {
    let mut statement = conn.prepare(
        "SELECT old_public_key, new_public_key, effective_from, new_key_signature,
                old_key_signature, made_at
         FROM key_rotations ORDER BY made_at, new_public_key",
    )?;
    let rows = statement.query_map([], |row| {
        Ok(Rotation {
            old_public_key: row.get(0)?,
            new_public_key: row.get(1)?,
            effective_from: row.get(2)?,
            new_key_signature: row.get(3)?,
            old_key_signature: row.get(4)?,
            made_at: row.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn insert(tx: &Transaction<'_>, rotation: &Rotation) -> Result<()> {
    tx.execute(
        "INSERT INTO key_rotations (old_public_key, new_public_key, effective_from,
             new_key_signature, old_key_signature, made_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
        params![
            rotation.old_public_key,
            rotation.new_public_key,
            rotation.effective_from,
            rotation.new_key_signature,
            rotation.old_key_signature,
            rotation.made_at
        ],
    )?;
    Ok(())
}
