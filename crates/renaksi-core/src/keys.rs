//! The installation's signing key over its life: where it is kept, how it
//! survives a backup, a restore and a new PC, the report sequence's
//! high-water mark that a restore cannot lower, and Bappeda's key rotation.
//!
//! The key lives in two places. The database's `installation_key` row is the
//! one that counts: a backup is a copy of the database, so every backup holds
//! the key, and a restore (on this PC or a new one) brings it back with the
//! data it signed. `kunci/` beside the database holds a copy, kept in line
//! with the row at start, before signing, and after a restore; it is where a
//! new database in the same folder (an OPD starting again from the package)
//! takes the installation's key from. When the two differ, the database's key
//! wins (the restored profile is the one that signs from now on) and the key
//! `kunci/` held is kept aside there, never deleted, with one exception: when
//! the folder's key follows from the database's by Bappeda's rotation
//! statements (a backup from before a rotation was restored), the folder's
//! newer key stays, since the OPDs pinned it. For that, `kunci/` keeps every
//! rotation statement too (`penggantian-kunci.json`, synced), and both places
//! are brought to hold all of them.
//!
//! An OPD's "Buat kunci baru" ([`renew`]) retires the old key: its public key
//! goes on a list kept in `kunci/` (`kunci-pensiun.txt`, synced) and in the
//! database (setting `installation_key.retired`), and [`reconcile`] brings
//! both to hold every retired key. A retired key never becomes the signing
//! key again: when a backup from before the renewal is restored, the folder's
//! newer key stays (the restore's note says so); when there is no other key,
//! an export is refused until the clerk makes a new key.
//!
//! Security: the secret never leaves through an export (reports and packages
//! carry the public key, open data no key at all); the key file and every
//! backup file are readable by this user only. A backup copied elsewhere is as
//! sensitive as `kunci/` itself: that is the price of a backup that restores
//! the office's identity, without which a restored OPD's reports are refused.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{NaiveDate, TimeZone, Utc};
use ed25519_dalek::SigningKey;
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::store::audit::{self, Change};
use crate::store::installation_key::{self, StoredKey};
use crate::store::key_rotations::{self, Rotation};
use crate::store::now;
use crate::workbook::key_words::fingerprint_words;
use crate::workbook::signature::{
    self, fingerprint, from_secret_hex, public_key_text, sign_bytes, verify_bytes,
};
use crate::{Error, Result, Store};

/// What bringing `kunci/` and the database in line did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum KeySync {
    /// Both held the same key.
    Unchanged,
    /// Neither held a key: a new one was made.
    Created,
    /// The database held none (made before keys travelled with it): it took
    /// the key of `kunci/`.
    StoredFromFolder,
    /// `kunci/` held no key (a new PC, or the folder was lost): the
    /// database's key was written there.
    WrittenToFolder,
    /// `kunci/` held another key (a backup of another installation was
    /// restored, or another database was used here): the database's key
    /// replaced it, and the replaced key was kept aside.
    Replaced(ReplacedKey),
    /// The key file of `kunci/` was damaged: it was moved aside and the
    /// database's key written in its place.
    Repaired { aside: PathBuf },
    /// The database held a key that Bappeda's rotation statements (kept in
    /// `kunci/`) replaced since: a backup from before a rotation was
    /// restored. The folder's newer key stays and the database takes it.
    FollowedRotation,
    /// The database held a key retired by "Buat kunci baru" (a backup from
    /// before the renewal was restored): the folder's key stays and the
    /// database takes it.
    KeptOverRetired(ReplacedKey),
}

/// The key `kunci/` held before a restored database's key took its place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ReplacedKey {
    /// Where the replaced key is kept (in `kunci/`).
    #[ts(type = "string")]
    pub aside: PathBuf,
    /// The replaced key's fingerprint in words.
    pub replaced_fingerprint: String,
    /// The fingerprint in words of the key that signs from now on.
    pub current_fingerprint: String,
    /// The restored backup's key was retired by "Buat kunci baru": it is the
    /// replaced one (kept at `aside`), and this PC's key stays.
    pub retired: bool,
}

/// Brings the database's key and `kunci/` in line (see the module's text)
/// and returns the key that signs, with what was done. A damaged key file
/// with no key in the database is an error; nothing makes a new key then.
pub fn reconcile(store: &mut Store, data_dir: &Path) -> Result<(SigningKey, KeySync)> {
    let statements = share_statements(store, data_dir)?;
    let retired = share_retired(store, data_dir)?;
    let stored = stored_key(store.conn())?;
    let (key, sync) = align_folder(data_dir, stored.as_ref(), &statements, &retired)?;
    let sync = if stored.is_none()
        || matches!(
            sync,
            KeySync::FollowedRotation | KeySync::KeptOverRetired(_)
        ) {
        let row = StoredKey {
            secret_hex: signature::secret_hex(&key),
            public_key: public_key_text(&key),
            since: now(),
        };
        store.write(|tx| installation_key::set(tx, &row))?;
        match sync {
            KeySync::Unchanged => KeySync::StoredFromFolder,
            other => other,
        }
    } else {
        sync
    };
    // A database from before the mark was kept (or whose mark was lost)
    // seeds it with its counter: a later restore of an older backup cannot
    // go below what this database signed.
    raise_sequence_mark(data_dir, &key, counted_sequence(store.conn())?)?;
    Ok((key, sync))
}

/// The key that signs, for work that only reads the database (a package, a
/// backup): the database's key with `kunci/` brought in line, else the key of
/// `kunci/` (made when there is none), which the next [`reconcile`] stores.
pub fn signing_key(conn: &Connection, data_dir: &Path) -> Result<SigningKey> {
    let stored = stored_key(conn)?;
    let mut known = statements(conn)?;
    for s in folder_statements(data_dir) {
        if !known.contains(&s) {
            known.push(s);
        }
    }
    let retired = all_retired(conn, data_dir)?;
    align_folder(data_dir, stored.as_ref(), &known, &retired).map(|(key, _)| key)
}

/// The database's report counter (`report.sequence`): the highest sequence
/// it recorded as signed.
pub fn counted_sequence(conn: &Connection) -> Result<i64> {
    Ok(
        crate::store::settings::get(conn, crate::report::export::SEQUENCE)?
            .and_then(|s| s.parse::<i64>().ok())
            .unwrap_or(0),
    )
}

/// Raises the mark of `kunci/` to the database's counter for the key the
/// database signs with, before a restore replaces the data that counter is
/// in. A database with no key, or that never signed, leaves it as it is; a
/// damaged key (in the database, then in `kunci/`) does not stop the restore
/// that may be meant to mend it.
pub fn hold_sequence_mark(conn: &Connection, data_dir: &Path) -> Result<()> {
    let counted = counted_sequence(conn)?;
    if counted <= 0 {
        return Ok(());
    }
    let key = match stored_key(conn).ok().flatten() {
        Some(key) => Some(key),
        None => signature::load(data_dir).ok().flatten(),
    };
    match key {
        Some(key) => raise_sequence_mark(data_dir, &key, counted),
        None => Ok(()),
    }
}

/// The key a backup of this database holds: the installation's key, made
/// now when the database is set up (it has a profile, so it will sign) and
/// has none; none for a database not set up and no key anywhere (the empty
/// database a restore on a new PC starts from). A key that cannot be read
/// must not stop the backup of the data: the copy then holds what the
/// database holds.
pub fn key_for_backup(conn: &Connection, data_dir: &Path) -> Option<SigningKey> {
    let set_up = crate::profile::load(conn).ok().flatten().is_some();
    match stored_key(conn) {
        Ok(Some(_)) => signing_key(conn, data_dir).ok(),
        Ok(None) if set_up => signing_key(conn, data_dir).ok(),
        Ok(None) => signature::load(data_dir).ok().flatten(),
        Err(_) => None,
    }
}

/// The key the database holds, if any. A row that does not hold a key is
/// refused like a damaged key file.
pub fn stored_key(conn: &Connection) -> Result<Option<SigningKey>> {
    match installation_key::get(conn)? {
        None => Ok(None),
        Some(row) => from_secret_hex(&row.secret_hex).map(Some).ok_or_else(|| {
            Error::invalid(
                "key",
                "Kunci tanda tangan di basis data rusak. Pulihkan cadangan Renaksi terakhir.",
            )
        }),
    }
}

/// The file side of [`reconcile`]: `kunci/` made to hold `stored` when the
/// database has a key, else the folder's key (made when there is none).
fn align_folder(
    data_dir: &Path,
    stored: Option<&SigningKey>,
    statements: &[RotationStatement],
    retired: &[String],
) -> Result<(SigningKey, KeySync)> {
    let in_folder = signature::load(data_dir);
    let Some(stored) = stored else {
        return match in_folder? {
            Some(key) => Ok((key, KeySync::Unchanged)),
            None => {
                let key = signature::generate()?;
                signature::save(data_dir, &key)?;
                Ok((key, KeySync::Created))
            }
        };
    };
    let sync = match in_folder {
        Ok(Some(key)) if key.to_bytes() == stored.to_bytes() => {
            return Ok((key, KeySync::Unchanged))
        }
        // The database's key was retired by "Buat kunci baru" (a backup from
        // before the renewal was restored): the folder's key, not retired,
        // stays. The retired key is already kept aside by the renewal.
        Ok(Some(newer)) if is_retired(retired, stored) && !is_retired(retired, &newer) => {
            let aside = keep_aside(data_dir, stored)?;
            let note = ReplacedKey {
                aside,
                replaced_fingerprint: fingerprint_words(&public_key_text(stored)),
                current_fingerprint: fingerprint_words(&public_key_text(&newer)),
                retired: true,
            };
            return Ok((newer, KeySync::KeptOverRetired(note)));
        }
        // Bappeda rotated its key after the restored backup was taken: the
        // statements lead from the database's key to the folder's.
        Ok(Some(newer))
            if chain(
                &public_key_text(stored),
                &public_key_text(&newer),
                statements,
            )
            .is_some() =>
        {
            return Ok((newer, KeySync::FollowedRotation))
        }
        Ok(Some(other)) => {
            let aside = keep_aside(data_dir, &other)?;
            KeySync::Replaced(ReplacedKey {
                aside,
                replaced_fingerprint: fingerprint_words(&public_key_text(&other)),
                current_fingerprint: fingerprint_words(&public_key_text(stored)),
                retired: false,
            })
        }
        Ok(None) => KeySync::WrittenToFolder,
        Err(_) => {
            let path = signature::key_path(data_dir);
            let aside = aside_name(
                data_dir,
                "rusak",
                &Utc::now().format("%Y%m%dT%H%M%SZ").to_string(),
            );
            fs::rename(&path, &aside).map_err(|e| Error::io("memindahkan", &path, e))?;
            KeySync::Repaired { aside }
        }
    };
    signature::save(data_dir, stored)?;
    // This folder did not know the key: which sequences it signed before is
    // unknown here, so the next report starts above the clock's floor.
    raise_sequence_mark(data_dir, stored, clock_floor(Utc::now()))?;
    Ok((stored.clone(), sync))
}

/// Keeps `key` in `kunci/` under its fingerprint, beside the current key
/// file; a key already kept there is not written twice.
pub fn keep_aside(data_dir: &Path, key: &SigningKey) -> Result<PathBuf> {
    let print = fingerprint(&public_key_text(key)).replace('-', "");
    let path = aside_name(data_dir, "diganti", &print);
    if let Ok(Some(kept)) = signature::load_file(&path) {
        if kept.to_bytes() == key.to_bytes() {
            return Ok(path);
        }
    }
    let path = (1..)
        .map(|n| match n {
            1 => path.clone(),
            n => aside_name(data_dir, "diganti", &format!("{print}-{n}")),
        })
        .find(|p| !p.exists())
        .expect("some name is free");
    signature::write_key_file(&path, key)?;
    Ok(path)
}

// ---------------------------------------------------------------------------
// Keys retired by "Buat kunci baru".

/// The setting that lists the retired public keys, one a line.
const RETIRED_SETTING: &str = "installation_key.retired";

/// The file of `kunci/` that lists the retired public keys, one a line.
fn retired_path(data_dir: &Path) -> PathBuf {
    signature::key_path(data_dir).with_file_name("kunci-pensiun.txt")
}

fn parse_retired(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// The retired keys `kunci/` lists; none when there is no file.
pub fn folder_retired(data_dir: &Path) -> Vec<String> {
    fs::read_to_string(retired_path(data_dir))
        .map(|t| parse_retired(&t))
        .unwrap_or_default()
}

/// Writes the list to `kunci/`, synced (file and folder).
fn save_folder_retired(data_dir: &Path, retired: &[String]) -> Result<()> {
    let path = retired_path(data_dir);
    let dir = path.parent().unwrap_or(data_dir);
    crate::location::create_private_dir(dir)?;
    let mut text = retired.join("\n");
    text.push('\n');
    crate::files::write_atomically(&path, text.as_bytes())?;
    crate::files::sync_dir(dir);
    Ok(())
}

/// The retired keys the database lists.
pub fn stored_retired(conn: &Connection) -> Result<Vec<String>> {
    Ok(crate::store::settings::get(conn, RETIRED_SETTING)?
        .map(|t| parse_retired(&t))
        .unwrap_or_default())
}

/// Every retired key, of the database and of `kunci/`.
fn all_retired(conn: &Connection, data_dir: &Path) -> Result<Vec<String>> {
    let mut all = folder_retired(data_dir);
    for key in stored_retired(conn)? {
        if !all.contains(&key) {
            all.push(key);
        }
    }
    Ok(all)
}

/// Brings the retired keys of the database and of `kunci/` together: each
/// place gets those it lacks. Returns them all.
fn share_retired(store: &mut Store, data_dir: &Path) -> Result<Vec<String>> {
    let in_folder = folder_retired(data_dir);
    let in_db = stored_retired(store.conn())?;
    let all = all_retired(store.conn(), data_dir)?;
    if all.len() > in_folder.len() {
        save_folder_retired(data_dir, &all)?;
    }
    if all.len() > in_db.len() {
        let text = all.join("\n");
        store.write(|tx| crate::store::settings::set(tx, RETIRED_SETTING, &text))?;
    }
    Ok(all)
}

fn is_retired(retired: &[String], key: &SigningKey) -> bool {
    let public = public_key_text(key);
    retired.contains(&public)
}

/// Refuses to sign with `key` when "Buat kunci baru" retired it: the clerk
/// makes a new key first.
pub fn refuse_retired(conn: &Connection, data_dir: &Path, key: &SigningKey) -> Result<()> {
    if !is_retired(&all_retired(conn, data_dir)?, key) {
        return Ok(());
    }
    Err(Error::invalid(
        "key",
        format!(
            "Kunci tanda tangan di basis data ini ({}) sudah diganti dengan \"Buat kunci baru\" \
             dan tidak dipakai lagi untuk menandatangani, dan komputer ini tidak menyimpan kunci \
             lain. Buat kunci baru dulu (Cadangan > Kunci tanda tangan > Buat kunci baru, atau \
             renaksi key new), lalu ekspor lagi; Bappeda akan meminta Anda membacakan sidik jari \
             kunci yang baru.",
            fingerprint_words(&public_key_text(key))
        ),
    ))
}

fn aside_name(data_dir: &Path, word: &str, tag: &str) -> PathBuf {
    signature::key_path(data_dir).with_file_name(format!("{word}-{tag}-ed25519.key"))
}

// ---------------------------------------------------------------------------
// The report sequence's high-water mark.

/// The mark's file in `kunci/`: the public key it belongs to, then the
/// highest sequence this folder signed with that key.
fn mark_path(data_dir: &Path) -> PathBuf {
    signature::key_path(data_dir).with_file_name("urutan-laporan.txt")
}

/// Seconds from 1 January 2018 (UTC) to `at`: the least sequence a report
/// gets when this folder does not know which sequences its key signed before
/// (a new PC, a restore of another installation's backup, a lost `kunci/`).
/// Whatever an earlier PC signed, it signed at most one report a second
/// above its own floor, so a later floor is above it.
pub fn clock_floor(at: chrono::DateTime<Utc>) -> i64 {
    let epoch = Utc
        .with_ymd_and_hms(2018, 1, 1, 0, 0, 0)
        .single()
        .expect("a valid date");
    (at - epoch).num_seconds().max(0)
}

/// The highest sequence `kunci/` recorded for `key`; 0 when it recorded none.
/// A damaged mark counts as the clock's floor: what it held is unknown.
pub fn sequence_mark(data_dir: &Path, key: &SigningKey) -> i64 {
    let text = match fs::read_to_string(mark_path(data_dir)) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return 0,
        Err(_) => return clock_floor(Utc::now()),
    };
    let mut lines = text.lines();
    match (lines.next(), lines.next().map(|n| n.trim().parse::<i64>())) {
        (Some(owner), Some(Ok(n))) if owner.trim() == public_key_text(key) => n,
        (Some(_), Some(Ok(_))) => 0,
        _ => clock_floor(Utc::now()),
    }
}

/// Records that `key` signed `sequence` here (synced to disk before the
/// report is recorded, so a restore of the database cannot lower it).
pub fn raise_sequence_mark(data_dir: &Path, key: &SigningKey, sequence: i64) -> Result<()> {
    if sequence <= sequence_mark(data_dir, key) {
        return Ok(());
    }
    let text = format!("{}\n{sequence}\n", public_key_text(key));
    crate::files::write_atomically(&mark_path(data_dir), text.as_bytes())?;
    crate::files::sync_dir(mark_path(data_dir).parent().unwrap_or(data_dir));
    Ok(())
}

// ---------------------------------------------------------------------------
// Bappeda's key rotation.

/// "The key `old_key` is replaced by `new_key` from `from`": signed by the
/// new key (it holds it) and by the old key over that (the old key's holder
/// says so). Plan packages carry every statement Bappeda made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RotationStatement {
    pub old_key: String,
    pub new_key: String,
    /// YYYY-MM-DD.
    pub from: String,
    pub new_key_signature: String,
    pub old_key_signature: String,
}

impl RotationStatement {
    /// What the new key signs.
    fn new_key_bytes(old_key: &str, new_key: &str, from: &str) -> Vec<u8> {
        serde_json::to_vec(&("renaksi-kunci-baru", old_key, new_key, from))
            .expect("strings serialise")
    }

    /// What the old key signs: the statement with the new key's signature.
    fn old_key_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(&(
            "renaksi-ganti-kunci",
            &self.old_key,
            &self.new_key,
            &self.from,
            &self.new_key_signature,
        ))
        .expect("strings serialise")
    }

    /// Makes the statement that `new` replaces `old` from `from`.
    pub fn make(old: &SigningKey, new: &SigningKey, from: NaiveDate) -> RotationStatement {
        let (old_key, new_key) = (public_key_text(old), public_key_text(new));
        let from = from.format("%Y-%m-%d").to_string();
        let new_key_signature = sign_bytes(new, &Self::new_key_bytes(&old_key, &new_key, &from));
        let mut statement = RotationStatement {
            old_key,
            new_key,
            from,
            new_key_signature,
            old_key_signature: String::new(),
        };
        statement.old_key_signature = sign_bytes(old, &statement.old_key_bytes());
        statement
    }

    /// Whether both signatures hold and the date is a date.
    pub fn verifies(&self) -> bool {
        // The old key's signature first: a statement its holder did not make
        // costs one verification, whatever it claims.
        NaiveDate::parse_from_str(&self.from, "%Y-%m-%d").is_ok()
            && self.old_key != self.new_key
            && verify_bytes(
                &self.old_key,
                &self.old_key_signature,
                &self.old_key_bytes(),
            )
            && verify_bytes(
                &self.new_key,
                &self.new_key_signature,
                &Self::new_key_bytes(&self.old_key, &self.new_key, &self.from),
            )
    }
}

impl From<Rotation> for RotationStatement {
    fn from(r: Rotation) -> RotationStatement {
        RotationStatement {
            old_key: r.old_public_key,
            new_key: r.new_public_key,
            from: r.effective_from,
            new_key_signature: r.new_key_signature,
            old_key_signature: r.old_key_signature,
        }
    }
}

/// The statements that lead from the key `pinned` to the key `signer`, each
/// verified, in order; `None` when they do not, or when there are more than
/// [`crate::package::MAX_ROTATIONS`] (refused before any is verified).
pub fn chain<'s>(
    pinned: &str,
    signer: &str,
    statements: &'s [RotationStatement],
) -> Option<Vec<&'s RotationStatement>> {
    // More statements than Bappeda ever makes lead nowhere, unverified.
    if statements.len() > crate::package::MAX_ROTATIONS {
        return None;
    }
    let mut current = pinned;
    let mut path = Vec::new();
    while current != signer {
        if path.len() >= statements.len() {
            return None;
        }
        let next = statements
            .iter()
            .find(|s| s.old_key == current && s.verifies())?;
        path.push(next);
        current = &next.new_key;
    }
    Some(path)
}

/// What a rotation did.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Rotated {
    pub old_fingerprint: String,
    pub new_fingerprint: String,
    /// YYYY-MM-DD.
    pub from: String,
    /// Where the old key is kept, in `kunci/`.
    pub old_key_file: String,
}

/// Bappeda replaces its key from `from` (YYYY-MM-DD; today, WIB, when none):
/// a new key is made, the statement signed by the old key is kept (every
/// package carries it from now on), the old key is kept aside in `kunci/`,
/// and the new one signs from now on.
pub fn rotate(store: &mut Store, data_dir: &Path, from: Option<&str>) -> Result<Rotated> {
    let profile = crate::access::require_bappeda(store.conn(), "mengganti kunci Bappeda")?;
    let from = match from.map(str::trim) {
        None | Some("") => crate::dates::today_wib(),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d").map_err(|_| {
            Error::invalid(
                "from",
                "Tanggal berlaku ditulis TTTT-BB-HH, misalnya 2019-07-01.",
            )
        })?,
    };
    let (old, _) = reconcile(store, data_dir)?;
    let new = signature::generate()?;
    let statement = RotationStatement::make(&old, &new, from);
    let aside = keep_aside(data_dir, &old)?;
    // `kunci/` keeps the statement before the new key signs anything, so a
    // restore of an older backup follows it (see the module's text).
    let mut kept = folder_statements(data_dir);
    kept.push(statement.clone());
    save_folder_statements(data_dir, &kept)?;
    let row = StoredKey {
        secret_hex: signature::secret_hex(&new),
        public_key: public_key_text(&new),
        since: now(),
    };
    let (old_words, new_words) = (
        fingerprint_words(&statement.old_key),
        fingerprint_words(&statement.new_key),
    );
    store.write(|tx| {
        installation_key::set(tx, &row)?;
        key_rotations::insert(tx, &to_row(&statement))?;
        audit::record(
            tx,
            &profile.user_name,
            &Change::new("installation_key", "1", "update")
                .on("fingerprint")
                .from(Some(&old_words))
                .to(Some(&new_words)),
        )
    })?;
    // The database holds the new key now; should this write fail, the next
    // start writes it (the database's key wins) and keeps the old one aside.
    signature::save(data_dir, &new)?;
    Ok(Rotated {
        old_fingerprint: old_words,
        new_fingerprint: new_words,
        from: statement.from,
        old_key_file: aside.display().to_string(),
    })
}

/// The file of `kunci/` that keeps every rotation statement, so a restore
/// of a backup from before a rotation can follow it (see the module's text).
fn statements_path(data_dir: &Path) -> PathBuf {
    signature::key_path(data_dir).with_file_name("penggantian-kunci.json")
}

/// The rotation statements `kunci/` keeps; none when there is no file. A
/// damaged file counts as none: the database still holds what it made.
pub fn folder_statements(data_dir: &Path) -> Vec<RotationStatement> {
    fs::read(statements_path(data_dir))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Writes the statements to `kunci/`, synced (file and folder).
fn save_folder_statements(data_dir: &Path, statements: &[RotationStatement]) -> Result<()> {
    let path = statements_path(data_dir);
    let dir = path.parent().unwrap_or(data_dir);
    crate::location::create_private_dir(dir)?;
    let bytes = serde_json::to_vec_pretty(statements).expect("statements serialise");
    crate::files::write_atomically(&path, &bytes)?;
    crate::files::sync_dir(dir);
    Ok(())
}

/// Brings the statements of the database and of `kunci/` together: each
/// place gets those it lacks (only verified ones enter the database).
/// Returns them all.
fn share_statements(store: &mut Store, data_dir: &Path) -> Result<Vec<RotationStatement>> {
    let in_db = statements(store.conn())?;
    let in_folder = folder_statements(data_dir);
    let missing_in_db: Vec<RotationStatement> = in_folder
        .iter()
        .filter(|s| !in_db.contains(s) && s.verifies())
        .cloned()
        .collect();
    let mut all = in_folder.clone();
    for s in &in_db {
        if !all.contains(s) {
            all.push(s.clone());
        }
    }
    if all.len() > in_folder.len() {
        save_folder_statements(data_dir, &all)?;
    }
    if !missing_in_db.is_empty() {
        store.write(|tx| {
            for s in &missing_in_db {
                key_rotations::insert(tx, &to_row(s))?;
            }
            Ok(())
        })?;
    }
    Ok(all)
}

fn to_row(statement: &RotationStatement) -> Rotation {
    Rotation {
        old_public_key: statement.old_key.clone(),
        new_public_key: statement.new_key.clone(),
        effective_from: statement.from.clone(),
        new_key_signature: statement.new_key_signature.clone(),
        old_key_signature: statement.old_key_signature.clone(),
        made_at: now(),
    }
}

/// Every rotation statement this (Bappeda) database made, oldest first.
pub fn statements(conn: &Connection) -> Result<Vec<RotationStatement>> {
    Ok(key_rotations::list(conn)?
        .into_iter()
        .map(RotationStatement::from)
        .collect())
}

/// The fingerprint in words of the key this installation signs with, when it
/// has one (nothing is made to answer).
pub fn current_fingerprint(conn: &Connection, data_dir: &Path) -> Result<Option<String>> {
    Ok(current_public_key(conn, data_dir)?.map(|k| fingerprint_words(&k)))
}

/// The public key this installation signs with, when it has one: the
/// database's key (what an export signs with), else that of `kunci/`, which
/// the next [`reconcile`] stores. Nothing is made to answer.
pub fn current_public_key(conn: &Connection, data_dir: &Path) -> Result<Option<String>> {
    let key = match stored_key(conn)? {
        Some(key) => Some(key),
        None => signature::load(data_dir)?,
    };
    Ok(key.map(|k| public_key_text(&k)))
}

// ---------------------------------------------------------------------------
// An OPD's new key.

/// What making an OPD's new key did.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Renewed {
    pub old_fingerprint: String,
    /// The fingerprint in words the clerk reads out when Bappeda asks.
    pub new_fingerprint: String,
    /// Where the old key is kept, in `kunci/`.
    pub old_key_file: String,
}

/// An OPD whose key may be in other hands (a stolen laptop, a copied
/// backup) makes a new one: the old key is kept aside in `kunci/`, the new
/// one signs from now on, and the change is audited. Bappeda's import then
/// asks to confirm the changed key by the words the OPD reads out; reports
/// signed by the old key stay refused as a changed key. The new key's
/// sequences continue above every sequence the old one signed here.
pub fn renew(store: &mut Store, data_dir: &Path) -> Result<Renewed> {
    crate::access::require_opd(store.conn(), "membuat kunci baru untuk laporan OPD")?;
    let user = crate::editing::current_profile(store.conn())?.user_name;
    let (old, _) = reconcile(store, data_dir)?;
    let new = signature::generate()?;
    let aside = keep_aside(data_dir, &old)?;
    // The new key starts above what the old one signed: Bappeda compares
    // sequences per key, but a number never comes back in this office.
    let above = sequence_mark(data_dir, &old).max(counted_sequence(store.conn())?);
    raise_sequence_mark(data_dir, &new, above)?;
    // The old key is retired in `kunci/` (synced) before the new key is
    // stored, and in the database with it: a restore of a backup from before
    // this renewal never brings the old key back as the signing key.
    let mut retired = all_retired(store.conn(), data_dir)?;
    let old_public = public_key_text(&old);
    if !retired.contains(&old_public) {
        retired.push(old_public);
    }
    save_folder_retired(data_dir, &retired)?;
    let retired_text = retired.join("\n");
    let row = StoredKey {
        secret_hex: signature::secret_hex(&new),
        public_key: public_key_text(&new),
        since: now(),
    };
    let (old_words, new_words) = (
        fingerprint_words(&public_key_text(&old)),
        fingerprint_words(&public_key_text(&new)),
    );
    store.write(|tx| {
        installation_key::set(tx, &row)?;
        crate::store::settings::set(tx, RETIRED_SETTING, &retired_text)?;
        audit::record(
            tx,
            &user,
            &Change::new("installation_key", "1", "update")
                .on("fingerprint")
                .from(Some(&old_words))
                .to(Some(&new_words)),
        )
    })?;
    // Should this write fail, the next start writes it (the database's key
    // wins) and keeps the old one aside.
    signature::save(data_dir, &new)?;
    Ok(Renewed {
        old_fingerprint: old_words,
        new_fingerprint: new_words,
        old_key_file: aside.display().to_string(),
    })
}
