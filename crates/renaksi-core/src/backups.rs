//! The rotating backups of a database, in `backups/` beside it: taken daily,
//! before a migration, before an import, and when the user asks. Each is a
//! whole copy made through the online backup API (`store::backup`), kept
//! per kind up to a limit. A backup can be looked into before it replaces
//! anything, restored into the open store, or used to recover a database
//! that no longer passes its check at start (the damaged file is moved
//! aside, never overwritten).

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::backup::Backup;
use rusqlite::{Connection, OpenFlags};
use serde::Serialize;

use crate::location::backup_dir;
use crate::store::{backup, migrations};
use crate::{Error, Result, Store};

/// Why a backup was taken; the word is part of its file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "BackupKind")]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// The first start of a day.
    Daily,
    /// Before reports were imported.
    BeforeImport,
    /// Before a restore replaced the data.
    BeforeRestore,
    /// Before the schema was migrated.
    BeforeMigration,
    /// "Cadangkan sekarang".
    Manual,
}

impl Kind {
    fn word(self) -> &'static str {
        match self {
            Kind::Daily => "harian",
            Kind::BeforeImport => "sebelum-impor",
            Kind::BeforeRestore => "sebelum-pulihkan",
            Kind::BeforeMigration => "sebelum-migrasi",
            Kind::Manual => "manual",
        }
    }

    /// How many backups of this kind are kept; older ones are removed.
    fn keep(self) -> usize {
        match self {
            Kind::Daily => 14,
            Kind::BeforeImport | Kind::BeforeRestore | Kind::Manual => 10,
            Kind::BeforeMigration => 5,
        }
    }

    fn of_file_name(name: &str) -> Option<Kind> {
        let rest = name.strip_prefix("renaksi-")?.strip_suffix(".db")?;
        // renaksi-20190415T033000Z-<word>[-vN].db
        let (_, word) = rest.split_once('-')?;
        [
            Kind::Daily,
            Kind::BeforeImport,
            Kind::BeforeRestore,
            Kind::BeforeMigration,
            Kind::Manual,
        ]
        .into_iter()
        .find(|k| word == k.word() || word.starts_with(&format!("{}-", k.word())))
    }
}

/// What a backup file holds, shown before it replaces anything.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupInfo {
    pub file_name: String,
    pub path: String,
    pub kind: Kind,
    /// RFC 3339, from the file name (UTC).
    pub taken_at: String,
    pub size_bytes: u64,
    /// False when the file fails its check or comes from a newer app.
    pub usable: bool,
    /// Why it is not usable, in words for the user.
    pub problem: Option<String>,
    pub plan_title: Option<String>,
    /// "Bappeda" or "OPD DINKES", and who works there.
    pub profile: Option<String>,
    pub actions: i64,
    pub milestones: i64,
    pub indicators: i64,
    pub realisations: i64,
    pub reports: i64,
    /// The fingerprint in words of the signing key the backup holds; none in
    /// a backup made before keys travelled with the data.
    pub key_fingerprint: Option<String>,
}

fn stamp_of(name: &str) -> Option<DateTime<Utc>> {
    let rest = name.strip_prefix("renaksi-")?;
    let stamp = rest.get(..16)?;
    chrono::NaiveDateTime::parse_from_str(stamp, "%Y%m%dT%H%M%SZ")
        .ok()
        .map(|t| t.and_utc())
}

/// The backup file for `kind` taken at `at`; a second backup in the same
/// second gets a number.
fn new_file(dir: &Path, kind: Kind, suffix: &str, at: DateTime<Utc>) -> PathBuf {
    let stamp = at.format("%Y%m%dT%H%M%SZ");
    let base = format!("renaksi-{stamp}-{}{suffix}", kind.word());
    let mut path = dir.join(format!("{base}.db"));
    let mut n = 2;
    while path.exists() {
        path = dir.join(format!("{base}-{n}.db"));
        n += 1;
    }
    path
}

fn db_path(store: &Store) -> Result<&Path> {
    store
        .path()
        .ok_or_else(|| Error::invalid("backup", "Basis data di memori tidak dicadangkan."))
}

/// Takes a backup of the open store now and drops the oldest of its kind
/// beyond the limit. Returns what it holds.
pub fn take(store: &Store, kind: Kind) -> Result<BackupInfo> {
    let path = db_path(store)?;
    let dir = backup_dir(path);
    fs::create_dir_all(&dir).map_err(|e| Error::io("membuat folder", &dir, e))?;
    let dest = new_file(&dir, kind, "", Utc::now());
    // Every backup holds the installation's key (see `keys`).
    let data_dir = path.parent().unwrap_or_else(|| Path::new("."));
    let key = crate::keys::key_for_backup(store.conn(), data_dir);
    backup::write_copy_then(store.conn(), &dest, |copy| match &key {
        Some(key) => with_key(copy, key),
        None => Ok(()),
    })?;
    prune(&dir, kind)?;
    Ok(inspect(&dest))
}

/// Puts `key` in a backup copy whose database did not hold a key yet (one
/// made before keys travelled with the data, or that never signed).
fn with_key(copy: &Connection, key: &ed25519_dalek::SigningKey) -> Result<()> {
    use crate::workbook::signature::{public_key_text, secret_hex};
    copy.execute(
        "INSERT OR IGNORE INTO installation_key (id, secret_hex, public_key, since)
         VALUES (1, ?1, ?2, ?3)",
        rusqlite::params![secret_hex(key), public_key_text(key), crate::store::now()],
    )?;
    Ok(())
}

/// The backup taken before migrating a database from schema `from`.
pub(crate) fn before_migration(conn: &Connection, db_path: &Path, from: i64) -> Result<PathBuf> {
    let dir = backup_dir(db_path);
    fs::create_dir_all(&dir).map_err(|e| Error::io("membuat folder", &dir, e))?;
    let dest = new_file(
        &dir,
        Kind::BeforeMigration,
        &format!("-v{from}"),
        Utc::now(),
    );
    backup::write_copy(conn, &dest)?;
    prune(&dir, Kind::BeforeMigration)?;
    Ok(dest)
}

/// The daily backup: taken when none was taken yet on `today` (WIB).
pub fn daily_if_due(store: &Store, today: NaiveDate) -> Result<Option<BackupInfo>> {
    let offset = crate::dates::wib();
    let dir = backup_dir(db_path(store)?);
    let taken_today = files(&dir)?.iter().any(|(path, kind)| {
        *kind == Kind::Daily
            && path
                .file_name()
                .and_then(|n| stamp_of(&n.to_string_lossy()))
                .is_some_and(|at| at.with_timezone(&offset).date_naive() == today)
    });
    if taken_today {
        return Ok(None);
    }
    take(store, Kind::Daily).map(Some)
}

/// Backup files in `dir` with their kind, newest first.
fn files(dir: &Path) -> Result<Vec<(PathBuf, Kind)>> {
    let entries = match fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(Error::io("membaca folder", dir, e)),
    };
    let mut found: Vec<(PathBuf, Kind)> = entries
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            Kind::of_file_name(&name).map(|kind| (e.path(), kind))
        })
        .collect();
    // The stamp leads the name, so names sort by time.
    found.sort_by(|a, b| b.0.file_name().cmp(&a.0.file_name()));
    Ok(found)
}

fn prune(dir: &Path, kind: Kind) -> Result<()> {
    for (path, _) in files(dir)?
        .into_iter()
        .filter(|(_, k)| *k == kind)
        .skip(kind.keep())
    {
        fs::remove_file(&path).map_err(|e| Error::io("menghapus cadangan lama", &path, e))?;
    }
    Ok(())
}

/// Every backup of the database at `db_path`, newest first, with what each holds.
pub fn list(db_path: &Path) -> Result<Vec<BackupInfo>> {
    Ok(files(&backup_dir(db_path))?
        .iter()
        .map(|(path, _)| inspect(path))
        .collect())
}

/// Opens a backup read-only and says what it holds; a file that fails its
/// check is listed as not usable, with the reason.
pub fn inspect(path: &Path) -> BackupInfo {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut info = BackupInfo {
        kind: Kind::of_file_name(&name).unwrap_or(Kind::Manual),
        taken_at: stamp_of(&name)
            .map(|t| t.to_rfc3339_opts(chrono::SecondsFormat::Secs, true))
            .unwrap_or_default(),
        file_name: name,
        path: path.display().to_string(),
        size_bytes: fs::metadata(path).map(|m| m.len()).unwrap_or(0),
        usable: false,
        problem: None,
        plan_title: None,
        profile: None,
        actions: 0,
        milestones: 0,
        indicators: 0,
        realisations: 0,
        reports: 0,
        key_fingerprint: None,
    };
    if let Err(problem) = read_contents(path, &mut info) {
        info.problem = Some(problem.to_string());
    } else {
        info.usable = true;
    }
    info
}

fn read_contents(path: &Path, info: &mut BackupInfo) -> Result<()> {
    let conn = open_checked(path)?;
    let count = |table: &str| -> Result<i64> {
        Ok(conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))?)
    };
    info.actions = count("actions")?;
    info.milestones = count("milestones")?;
    info.indicators = count("indicators")?;
    info.realisations = count("realisations")?;
    info.reports = count("reports WHERE direction = 'imported'")?;
    info.plan_title = crate::store::plans::current(&conn)?.map(|p| p.title);
    info.key_fingerprint = held_key(&conn)?;
    info.profile = crate::profile::load(&conn)?.map(|p| match p.role {
        crate::profile::Role::Bappeda => format!("Bappeda · {}", p.user_name),
        crate::profile::Role::Opd { code } => format!("OPD {code} · {}", p.user_name),
    });
    Ok(())
}

/// The fingerprint in words of the key a backup holds (its schema may
/// predate the table).
fn held_key(conn: &Connection) -> Result<Option<String>> {
    let has_table: bool = conn.query_row(
        "SELECT count(*) > 0 FROM sqlite_master WHERE type = 'table' AND name = 'installation_key'",
        [],
        |r| r.get(0),
    )?;
    if !has_table {
        return Ok(None);
    }
    Ok(crate::store::installation_key::get(conn)?
        .map(|k| crate::workbook::key_words::fingerprint_words(&k.public_key)))
}

/// A backup opened read-only after the same checks as a database at start:
/// a Renaksi file, not from a newer app, passing `quick_check`, with exactly
/// the schema of its version (see [`refuse_foreign_schema`]).
fn open_checked(path: &Path) -> Result<Connection> {
    let unreadable = || Error::NotADatabase {
        path: path.to_path_buf(),
    };
    let conn = Connection::open_with_flags(
        path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|_| unreadable())?;
    distrust_schema(&conn).map_err(|_| unreadable())?;
    let version: i64 = conn
        .pragma_query_value(None, "user_version", |r| r.get(0))
        .map_err(|_| unreadable())?;
    let latest = migrations::STEPS.len() as i64;
    if version > latest {
        return Err(Error::NewerSchema {
            path: path.to_path_buf(),
            found: version,
            supported: latest,
        });
    }
    if version < 1 {
        return Err(unreadable());
    }
    let verdict: String = conn
        .query_row("PRAGMA quick_check(1)", [], |r| r.get(0))
        .map_err(|_| unreadable())?;
    if verdict != "ok" {
        return Err(Error::Corrupt {
            path: path.to_path_buf(),
            detail: verdict,
        });
    }
    refuse_foreign_schema(&conn, version)?;
    Ok(conn)
}

/// A file from elsewhere is read without letting its schema call functions
/// (`trusted_schema=OFF`: a view or trigger of the file runs no function that
/// SQLite does not know to be harmless).
fn distrust_schema(conn: &Connection) -> Result<()> {
    conn.pragma_update(None, "trusted_schema", false)?;
    Ok(())
}

/// Refuses a backup whose tables, indexes, triggers or views are not exactly
/// those a fresh database migrated to its `user_version` has: a restore copies
/// the schema along with the data, so an extra trigger or an altered table
/// would become part of the live database.
fn refuse_foreign_schema(conn: &Connection, version: i64) -> Result<()> {
    migrations::check_schema(conn, version).map_err(|difference| {
        Error::invalid(
            "backup",
            format!(
                "susunan basis data dalam berkas ini tidak sesuai dengan Renaksi: {difference}. \
                 Berkas ini bukan cadangan yang dibuat Renaksi."
            ),
        )
    })
}

/// Replaces the open store's data with the backup's, in one step, after
/// taking a backup of what is replaced. A backup from an older schema is
/// brought up to date by reopening; the caller reopens the store.
pub fn restore(store: &mut Store, backup_file: &Path) -> Result<BackupInfo> {
    let info = inspect(backup_file);
    if !info.usable {
        return Err(Error::invalid(
            "backup",
            format!(
                "Cadangan ini tidak dapat dipulihkan: {}",
                info.problem.as_deref().unwrap_or("berkas rusak")
            ),
        ));
    }
    let source = open_checked(backup_file)?;
    // The live database's counter goes into the mark of `kunci/` before the
    // data holding it is replaced: the next report is numbered above it even
    // when the mark was never written (a database from before marks).
    let data_dir = db_path(store)?
        .parent()
        .unwrap_or_else(|| Path::new("."))
        .to_path_buf();
    crate::keys::hold_sequence_mark(store.conn(), &data_dir)?;
    take(store, Kind::BeforeRestore)?;
    // The backup API copies into the live connection as one transaction: the
    // data is the backup's or, should anything fail, what it was.
    let target = store.conn_for_restore();
    let step = Backup::new(&source, target)?;
    step.run_to_completion(1024, Duration::ZERO, None)?;
    Ok(info)
}

/// At start, when the database fails its check: moves the damaged file (and
/// its journal) into a folder beside it, copies the backup in its place and
/// opens it. Nothing is overwritten.
pub fn recover(db_path: &Path, backup_file: &Path) -> Result<(Store, PathBuf)> {
    let info = inspect(backup_file);
    if !info.usable {
        return Err(Error::invalid(
            "backup",
            format!(
                "Cadangan ini tidak dapat dipakai: {}",
                info.problem.as_deref().unwrap_or("berkas rusak")
            ),
        ));
    }
    let parent = db_path.parent().unwrap_or_else(|| Path::new("."));
    let aside = parent.join(format!("rusak-{}", Utc::now().format("%Y%m%dT%H%M%SZ")));
    fs::create_dir_all(&aside).map_err(|e| Error::io("membuat folder", &aside, e))?;
    let name = db_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "renaksi.db".into());
    for suffix in ["", "-wal", "-shm"] {
        let from = parent.join(format!("{name}{suffix}"));
        if from.exists() {
            let to = aside.join(format!("{name}{suffix}"));
            fs::rename(&from, &to).map_err(|e| Error::io("memindahkan", &from, e))?;
        }
    }
    let source = open_checked(backup_file)?;
    backup::write_copy(&source, db_path)?;
    Ok((Store::open(db_path)?, aside))
}

/// After a restore or a recovery, once the store is reopened (an older
/// backup migrated): the key the restored data holds signs from now on and
/// `kunci/` is brought in line with it. When `kunci/` held another key (a
/// Bappeda backup restored on an OPD's PC, say), that key is kept aside in
/// `kunci/`, never deleted, and returned so the user is told. A backup from
/// before keys travelled with the data keeps the key of `kunci/`. A backup
/// whose key "Buat kunci baru" retired since brings it back only aside: the
/// folder's key stays, and the note (`retired`) says so.
pub fn restore_key(store: &mut Store, data_dir: &Path) -> Result<Option<crate::keys::ReplacedKey>> {
    Ok(match crate::keys::reconcile(store, data_dir)?.1 {
        crate::keys::KeySync::Replaced(replaced) => Some(replaced),
        crate::keys::KeySync::KeptOverRetired(kept) => Some(kept),
        _ => None,
    })
}

/// The newest backup that passes its check, for the recovery offer.
pub fn latest_usable(db_path: &Path) -> Result<Option<BackupInfo>> {
    Ok(list(db_path)?.into_iter().find(|b| b.usable))
}
