//! Table `installation_key`: the one signing key of this installation (an
//! OPD's reports, or Bappeda's plan packages), kept in the database so that a
//! backup holds it and a restore brings it back. `keys.rs` keeps `kunci/` in
//! line with it.

use rusqlite::{params, Connection, OptionalExtension, Transaction};

use crate::Result;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredKey {
    /// The Ed25519 secret, 64 hex digits.
    pub secret_hex: String,
    /// The public key in base64, as files carry it.
    pub public_key: String,
    /// When this key became the installation's (RFC 3339).
    pub since: String,
}

pub fn get(conn: &Connection) -> Result<Option<StoredKey>> {
    Ok(conn
        .query_row(
            "SELECT secret_hex, public_key, since FROM installation_key WHERE id = 1",
            [],
            |row| {
                Ok(StoredKey {
                    secret_hex: row.get(0)?,
                    public_key: row.get(1)?,
                    since: row.get(2)?,
                })
            },
        )
        .optional()?)
}

/// Makes `key` the installation's key, replacing the one held.
pub fn set(tx: &Transaction<'_>, key: &StoredKey) -> Result<()> {
    tx.execute(
        "INSERT INTO installation_key (id, secret_hex, public_key, since) VALUES (1, ?1, ?2, ?3)
         ON CONFLICT (id) DO UPDATE SET secret_hex = excluded.secret_hex,
             public_key = excluded.public_key, since = excluded.since",
        params![key.secret_hex, key.public_key, key.since],
    )?;
    Ok(())
}
