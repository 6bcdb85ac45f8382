//! Schema migrations, numbered by `PRAGMA user_version`. All pending steps run
//! in one transaction; the caller takes a backup of an existing file first.

use rusqlite::{Connection, TransactionBehavior};

use crate::Result;

/// Step `n` (1-based) brings the schema from version `n - 1` to `n`.
pub const STEPS: &[&str] = &[
    include_str!("migrations/0001_init.sql"),
    include_str!("migrations/0002_quarter_tables_without_rowid.sql"),
    include_str!("migrations/0003_plan_editing.sql"),
    include_str!("migrations/0004_received_indicators.sql"),
    include_str!("migrations/0005_keys.sql"),
];

/// The schema version this build of the app writes.
pub const LATEST: i64 = STEPS.len() as i64;

/// Applies `steps[from..]` and stamps the new version, all in one transaction.
pub(crate) fn migrate(conn: &mut Connection, from: i64, steps: &[&str]) -> Result<()> {
    let latest = steps.len() as i64;
    if from >= latest {
        return Ok(());
    }
    let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
    for step in &steps[from as usize..] {
        tx.execute_batch(step)?;
    }
    tx.pragma_update(None, "user_version", latest)?;
    tx.commit()?;
    Ok(())
}
