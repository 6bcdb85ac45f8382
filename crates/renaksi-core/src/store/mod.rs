//! The local SQLite store: one writer connection, opened with the brief's
//! pragmas, migrated on open, and written only through IMMEDIATE transactions.
//!
//! One module per table; each reads through `&Connection` and writes through
//! `&Transaction`, which only [`Store::write`] hands out.

pub mod actions;
pub mod audit;
pub mod backup;
pub mod evidence;
pub mod feedback_notes;
pub mod feedback_reports;
pub mod feedback_sent;
pub mod feedback_taken;
pub mod indicators;
pub mod input_responses;
pub mod installation_key;
pub mod key_rotations;
pub mod migrations;
pub mod milestones;
pub mod note_replies;
pub mod opd_keys;
pub mod opds;
pub mod periods;
pub mod plan_versions;
pub mod plans;
pub mod realisations;
pub mod received_indicators;
pub mod reports;
pub mod review_notes;
pub mod self_assessments;
pub mod session_inputs;
pub mod session_participants;
pub mod sessions;
pub mod settings;
pub mod targets;
pub mod themes;
pub mod undo;

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

use crate::achievement::Quarters;
use crate::{Error, Result};

/// How long a write waits for another process holding the lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);
/// Most memory the page cache may take, in KiB (SQLite's default is 2 MiB). A
/// regency's database after sixty reports is about 40 MB: with the default, a
/// batch import rereads its index pages from the file again and again.
const CACHE_KIB: i64 = 32 * 1024;

pub struct Store {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up
    /// to date. A database from a newer app, a foreign file or a damaged one is
    /// refused before anything is written to it.
    pub fn open(path: &Path) -> Result<Store> {
        Self::open_with_migrations(path, migrations::STEPS)
    }

    /// [`Store::open`] with a given list of migration steps. Public so tests can
    /// exercise a migration to a version this build does not have yet.
    #[doc(hidden)]
    pub fn open_with_migrations(path: &Path, steps: &[&str]) -> Result<Store> {
        let latest = steps.len() as i64;
        let existing = std::fs::metadata(path)
            .map(|m| m.len() > 0)
            .unwrap_or(false);
        let found_version = if existing {
            inspect_without_writing(path, latest)?
        } else {
            if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
                crate::location::create_private_dir(dir)?;
            }
            0
        };
        // The database holds the signing key: it and its journal are this
        // user's only, and so is the app's data folder (see `location`).
        crate::location::protect_database(path)?;

        let mut conn = Connection::open(path).map_err(|_| Error::NotADatabase {
            path: path.to_path_buf(),
        })?;
        configure(&conn)?;
        let copy = if found_version < latest && found_version > 0 {
            Some(crate::backups::before_migration(
                &conn,
                path,
                found_version,
            )?)
        } else {
            None
        };
        if let Err(refused) = migrations::migrate(&mut conn, found_version, steps) {
            // Rolled back: the file is what the copy holds, and a copy of data
            // that cannot be brought up to date is not one to recover from (it
            // would be the newest backup offered).
            if let Some(copy) = copy {
                let _ = std::fs::remove_file(copy);
            }
            return Err(refused);
        }
        Ok(Store {
            conn,
            path: Some(path.to_path_buf()),
        })
    }

    /// A private in-memory database with the full schema, for tests.
    pub fn open_in_memory() -> Result<Store> {
        let mut conn = Connection::open_in_memory()?;
        configure(&conn)?;
        migrations::migrate(&mut conn, 0, migrations::STEPS)?;
        Ok(Store { conn, path: None })
    }

    /// The database file, or `None` for an in-memory store.
    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// The connection, for reads.
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The connection, for a restore through the backup API (one step that
    /// replaces every page); nothing else writes outside `write`.
    pub(crate) fn conn_for_restore(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn schema_version(&self) -> Result<i64> {
        Ok(self
            .conn
            .pragma_query_value(None, "user_version", |row| row.get(0))?)
    }

    /// Runs one user action as one IMMEDIATE transaction: all of it is saved, or
    /// none of it.
    pub fn write<T>(&mut self, action: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.in_transaction(TransactionBehavior::Immediate, action)
    }

    /// Runs reads that belong together in one read transaction: they all see
    /// the same state of the database and take its lock once, not once per
    /// statement (a report's snapshot asks about a thousand questions).
    pub fn read<T>(&mut self, reads: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        self.in_transaction(TransactionBehavior::Deferred, |tx| reads(tx))
    }

    /// Commits when `work` succeeds; its error rolls everything back.
    fn in_transaction<T>(
        &mut self,
        behavior: TransactionBehavior,
        work: impl FnOnce(&Transaction<'_>) -> Result<T>,
    ) -> Result<T> {
        let tx = self.conn.transaction_with_behavior(behavior)?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Runs a batch of user actions (each still its own transaction through
    /// [`Store::write`]) with the WAL copied back into the database once at the
    /// end instead of after every few commits: a batch import rewrites the same
    /// index pages report after report. Each commit is as durable as ever (the
    /// WAL is synced); only the checkpoint waits. A failed final checkpoint is
    /// left to SQLite's next one.
    pub fn batch<T>(&mut self, actions: impl FnOnce(&mut Store) -> T) -> T {
        let auto: i64 = self
            .conn
            .pragma_query_value(None, "wal_autocheckpoint", |row| row.get(0))
            .unwrap_or(1000);
        let _ = self.conn.pragma_update(None, "wal_autocheckpoint", 0);
        let value = actions(self);
        let _ = self.conn.pragma_update(None, "wal_autocheckpoint", auto);
        let _ = self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
        value
    }
}

/// Reads the schema version of an existing file through a read-only connection,
/// so a file this app must refuse stays byte-identical. Also runs `quick_check`.
fn inspect_without_writing(path: &Path, latest: i64) -> Result<i64> {
    let unreadable = || Error::NotADatabase {
        path: path.to_path_buf(),
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| unreadable())?;
    conn.pragma_update(None, "trusted_schema", false)
        .map_err(|_| unreadable())?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |row| row.get(0))
        .map_err(|_| unreadable())?;
    if version > latest {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: latest,
        });
    }
    if version == 0 {
        // A SQLite file that has tables but was never stamped by Renaksi belongs to
        // some other program: leave it alone.
        let tables: i64 = conn
            .query_row("SELECT count(*) FROM sqlite_schema", [], |row| row.get(0))
            .map_err(|_| unreadable())?;
        if tables > 0 {
            return Err(unreadable());
        }
    }
    let verdict: String = conn
        .query_row("PRAGMA quick_check(1)", [], |row| row.get(0))
        .map_err(|e| Error::Corrupt {
            path: path.to_path_buf(),
            detail: e.to_string(),
        })?;
    if verdict != "ok" {
        return Err(Error::Corrupt {
            path: path.to_path_buf(),
            detail: verdict,
        });
    }
    Ok(version)
}

/// The brief's connection settings: WAL, synchronous=FULL, foreign keys, busy
/// timeout; and a page cache sized for a regency's database. The schema is not
/// trusted to call functions (`trusted_schema=OFF`): the app's own uses none,
/// and a restored file's schema is checked but never relied on.
fn configure(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "trusted_schema", false)?;
    let _mode: String =
        conn.pragma_update_and_check(None, "journal_mode", "WAL", |row| row.get(0))?;
    conn.pragma_update(None, "synchronous", "FULL")?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.pragma_update(None, "cache_size", -CACHE_KIB)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(())
}

/// Quarter grids per indicator id from a query of (indicator id, quarter,
/// value) bound to a plan id and a year.
fn quarter_grids(
    conn: &Connection,
    sql: &str,
    plan_id: &str,
    year: i32,
) -> Result<HashMap<String, Quarters>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let mut rows = stmt.query(rusqlite::params![plan_id, year])?;
    let mut grids: HashMap<String, Quarters> = HashMap::new();
    while let Some(row) = rows.next()? {
        let quarter: u8 = row.get(1)?;
        let at = usize::from(quarter.clamp(1, 4)) - 1;
        let value = row.get(2)?;
        // The id is copied once per indicator, not once per quarter.
        let id = row.get_ref(0)?.as_str().map_err(rusqlite::Error::from)?;
        if let Some(quarters) = grids.get_mut(id) {
            quarters[at] = value;
        } else {
            let mut quarters = Quarters::default();
            quarters[at] = value;
            grids.insert(id.to_string(), quarters);
        }
    }
    Ok(grids)
}

/// Current time as stored: RFC 3339 in UTC, to the second. Formatted once per
/// second per thread: an import stamps thousands of rows within one second.
pub fn now() -> String {
    thread_local! {
        static LAST: std::cell::RefCell<(i64, String)> =
            const { std::cell::RefCell::new((i64::MIN, String::new())) };
    }
    let at = chrono::Utc::now();
    LAST.with_borrow_mut(|(second, text)| {
        if *second != at.timestamp() {
            *second = at.timestamp();
            *text = at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        }
        text.clone()
    })
}

/// The archive columns (`archived_at`, `archive_reason`) of a theme, action or
/// OPD as the model's [`Archived`](crate::model::Archived): `None` while in use.
pub(crate) fn archived_from(at: Option<String>, reason: String) -> Option<crate::model::Archived> {
    at.map(|at| crate::model::Archived { at, reason })
}
