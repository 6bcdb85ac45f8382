//! Keys survive (issue #17): the installation's key is written whole, held by
//! every backup and brought back by a restore (on this PC or a new one); a
//! restore never lowers the report sequence; Bappeda rotates its key with a
//! statement signed by the old key, which the OPDs follow with the next
//! package, and nothing else moves their pin.

use std::path::{Path, PathBuf};

use renaksi_core::backups::{self, Kind};
use renaksi_core::demo::{self, DemoView};
use renaksi_core::keys::{self, RotationStatement};
use renaksi_core::package::{self, SignedPackage};
use renaksi_core::period::PeriodRef;
use renaksi_core::profile::{Profile, Role};
use renaksi_core::report::export::{export, Exported};
use renaksi_core::report::import::{import_file, AcceptedKey, Decisions, Imported, KeyChange};
use renaksi_core::workbook::key_words::fingerprint_words;
use renaksi_core::workbook::signature::{self, public_key_text};
use renaksi_core::workbook::Paper;
use renaksi_core::{Error, Store};

const TW1_2019: PeriodRef = PeriodRef {
    year: 2019,
    quarter: 1,
};

/// Bappeda's import of a report; the one place this file imports (the first
/// key's confirmation changes it at merge time).
fn import_report(store: &mut Store, path: &Path) -> renaksi_core::Result<Imported> {
    crate::confirming_first_key(|decisions| import_file(store, path, decisions))
}

/// A PC's data folder with a database in it.
fn pc(root: &Path, name: &str) -> PathBuf {
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    dir.join("renaksi.db")
}

fn data_dir(db: &Path) -> &Path {
    db.parent().unwrap()
}

fn opd_store(db: &Path, code: &str) -> Store {
    let mut store = Store::open(db).unwrap();
    demo::load_as(
        &mut store,
        &DemoView::Opd(code.into()),
        &Profile::new(Role::Opd { code: code.into() }, "Sari").unwrap(),
    )
    .unwrap();
    store
}

fn bappeda_store(db: &Path) -> Store {
    let mut store = Store::open(db).unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    store
}

fn export_report(store: &mut Store, db: &Path, name: &str) -> (Exported, PathBuf) {
    let out = data_dir(db).join(name);
    let done = export(store, data_dir(db), TW1_2019, Paper::A4, &out).unwrap();
    (done, out)
}

/// The installation's key as `kunci/` holds it.
fn folder_key(db: &Path) -> String {
    public_key_text(&signature::load(data_dir(db)).unwrap().unwrap())
}

/// Restores `file` into the database at `db` the way the app and the CLI do:
/// the data, the reopened store, then the key.
fn restore(db: &Path, file: &Path) -> (Store, Option<keys::ReplacedKey>) {
    let mut store = Store::open(db).unwrap();
    backups::restore(&mut store, file).unwrap();
    drop(store);
    let mut store = Store::open(db).unwrap();
    let replaced = backups::restore_key(&mut store, data_dir(db)).unwrap();
    (store, replaced)
}

#[test]
fn the_key_file_is_written_whole_and_a_damaged_one_is_refused_never_replaced() {
    let root = tempfile::tempdir().unwrap();
    let key = signature::load_or_create(root.path()).unwrap();
    let path = signature::key_path(root.path());
    let text = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        text,
        signature::secret_hex(&key),
        "the whole key, nothing else"
    );
    let names: Vec<String> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["opd-ed25519.key"], "no temporary file is left");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "readable by this user only");
    }
    assert_eq!(
        signature::load_or_create(root.path()).unwrap().to_bytes(),
        key.to_bytes(),
        "read back, not made again"
    );

    for damaged in ["", "abc", &text[..40], &format!("{}zz", &text[..62])] {
        std::fs::write(&path, damaged).unwrap();
        let error = signature::load_or_create(root.path()).unwrap_err();
        assert!(
            error.to_string().contains("rusak")
                && error.to_string().contains("tidak membuat kunci baru"),
            "{error}"
        );
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            damaged,
            "the damaged file is left as it was"
        );
    }
}

#[test]
fn a_damaged_key_file_is_repaired_from_the_database_and_kept_aside() {
    let root = tempfile::tempdir().unwrap();
    let db = pc(root.path(), "opd");
    let mut store = opd_store(&db, "DINKES");
    let (key, _) = keys::reconcile(&mut store, data_dir(&db)).unwrap();
    let path = signature::key_path(data_dir(&db));
    std::fs::write(&path, "rusak").unwrap();
    let (again, sync) = keys::reconcile(&mut store, data_dir(&db)).unwrap();
    assert_eq!(
        again.to_bytes(),
        key.to_bytes(),
        "the same key, not a new one"
    );
    let keys::KeySync::Repaired { aside } = sync else {
        panic!("expected a repair, got {sync:?}");
    };
    assert_eq!(std::fs::read_to_string(aside).unwrap(), "rusak");
    assert_eq!(folder_key(&db), public_key_text(&key));
}

#[test]
fn every_backup_holds_the_key_and_a_restore_on_a_new_pc_brings_it_back() {
    let root = tempfile::tempdir().unwrap();
    let old_pc = pc(root.path(), "lama");
    let mut store = opd_store(&old_pc, "DINKES");
    let (first, _) = export_report(&mut store, &old_pc, "tw1.xlsx");
    let backup = backups::take(&store, Kind::Manual).unwrap();
    let words = fingerprint_words(&folder_key(&old_pc));
    assert_eq!(backup.key_fingerprint.as_deref(), Some(words.as_str()));

    // The old PC is gone; the clerk installs Renaksi on a new one (which
    // makes a key of its own at start) and restores the backup.
    let new_pc = pc(root.path(), "baru");
    let mut fresh = Store::open(&new_pc).unwrap();
    keys::reconcile(&mut fresh, data_dir(&new_pc)).unwrap();
    let own_key = folder_key(&new_pc);
    drop(fresh);
    let (mut store, replaced) = restore(&new_pc, Path::new(&backup.path));
    let replaced = replaced.expect("the new PC's own key was replaced");
    assert_eq!(replaced.current_fingerprint, words);
    assert_eq!(folder_key(&new_pc), folder_key(&old_pc));
    assert_eq!(
        public_key_text(&signature::load_file(&replaced.aside).unwrap().unwrap()),
        own_key,
        "the replaced key is kept aside"
    );

    let (next, _) = export_report(&mut store, &new_pc, "tw1-lagi.xlsx");
    assert_eq!(
        next.key_fingerprint, first.key_fingerprint,
        "the same key signs"
    );
}

#[test]
fn a_backup_of_a_database_that_never_signed_holds_the_installation_key() {
    let root = tempfile::tempdir().unwrap();
    let db = pc(root.path(), "bappeda");
    let store = bappeda_store(&db);
    let backup = backups::take(&store, Kind::Manual).unwrap();
    assert_eq!(
        backup.key_fingerprint,
        Some(fingerprint_words(&folder_key(&db)))
    );
}

#[test]
fn a_bappeda_backup_restored_on_an_opd_pc_brings_its_key_and_keeps_the_opd_key_aside() {
    let root = tempfile::tempdir().unwrap();
    let bappeda = pc(root.path(), "bappeda");
    let store = bappeda_store(&bappeda);
    let backup = backups::take(&store, Kind::Manual).unwrap();
    let bappeda_key = folder_key(&bappeda);

    let opd = pc(root.path(), "opd");
    let mut opd_db = opd_store(&opd, "DINKES");
    keys::reconcile(&mut opd_db, data_dir(&opd)).unwrap();
    let opd_key = folder_key(&opd);
    drop(opd_db);

    let (store, replaced) = restore(&opd, Path::new(&backup.path));
    let replaced = replaced.expect("the keys differ");
    assert_eq!(replaced.replaced_fingerprint, fingerprint_words(&opd_key));
    assert_eq!(
        replaced.current_fingerprint,
        fingerprint_words(&bappeda_key)
    );
    assert_eq!(
        folder_key(&opd),
        bappeda_key,
        "the restored profile's key wins"
    );
    let kept = signature::load_file(&replaced.aside).unwrap().unwrap();
    assert_eq!(public_key_text(&kept), opd_key, "never deleted");
    assert!(replaced.aside.starts_with(data_dir(&opd).join("kunci")));
    assert_eq!(
        keys::current_fingerprint(store.conn(), data_dir(&opd)).unwrap(),
        Some(fingerprint_words(&bappeda_key))
    );
}

#[test]
fn after_a_restore_on_the_same_pc_the_next_sequence_is_above_the_highest_used() {
    let root = tempfile::tempdir().unwrap();
    let db = pc(root.path(), "opd");
    let mut store = opd_store(&db, "DINKES");
    export_report(&mut store, &db, "1.xlsx");
    let backup = backups::take(&store, Kind::Manual).unwrap();
    export_report(&mut store, &db, "2.xlsx");
    let (highest, _) = export_report(&mut store, &db, "3.xlsx");
    assert_eq!(highest.sequence, 3);
    drop(store);

    let (mut store, replaced) = restore(&db, Path::new(&backup.path));
    assert_eq!(replaced, None, "the same key");
    let (next, _) = export_report(&mut store, &db, "4.xlsx");
    assert_eq!(next.sequence, 4, "above the 3 the restored data forgot");
}

#[test]
fn a_reinstalled_pc_restored_from_an_old_backup_signs_above_everything_it_signed_before() {
    let root = tempfile::tempdir().unwrap();
    let bappeda = pc(root.path(), "bappeda");
    let mut bappeda_db = bappeda_store(&bappeda);
    let old_pc = pc(root.path(), "lama");
    let mut store = opd_store(&old_pc, "DINKES");
    export_report(&mut store, &old_pc, "1.xlsx");
    let backup = backups::take(&store, Kind::Manual).unwrap();
    let (_, second) = export_report(&mut store, &old_pc, "2.xlsx");
    import_report(&mut bappeda_db, &second).unwrap();
    drop(store);

    // A new PC: no `kunci/`, only the old backup (on a stick).
    let new_pc = pc(root.path(), "baru");
    let stick = root.path().join("cadangan.db");
    std::fs::copy(&backup.path, &stick).unwrap();
    Store::open(&new_pc).unwrap();
    let (mut store, _) = restore(&new_pc, &stick);
    let before = keys::clock_floor(chrono::Utc::now());
    let (next, file) = export_report(&mut store, &new_pc, "3.xlsx");
    assert!(
        next.sequence > before,
        "{} is not above the clock",
        next.sequence
    );
    let imported = import_report(&mut bappeda_db, &file).unwrap();
    assert_eq!(
        imported.sequence, next.sequence,
        "Bappeda takes it as newer"
    );
}

#[test]
fn a_restored_database_of_another_installation_does_not_reuse_this_folders_mark() {
    let root = tempfile::tempdir().unwrap();
    let db = pc(root.path(), "opd");
    let mut store = opd_store(&db, "DINKES");
    let (key, _) = keys::reconcile(&mut store, data_dir(&db)).unwrap();
    keys::raise_sequence_mark(data_dir(&db), &key, 7).unwrap();
    assert_eq!(keys::sequence_mark(data_dir(&db), &key), 7);
    let other = signature::generate().unwrap();
    assert_eq!(
        keys::sequence_mark(data_dir(&db), &other),
        0,
        "another key's mark"
    );
    let (next, _) = export_report(&mut store, &db, "8.xlsx");
    assert_eq!(next.sequence, 8);
}

// ---------------------------------------------------------------------------
// Bappeda's key rotation.

struct Exchange {
    _root: tempfile::TempDir,
    bappeda: PathBuf,
    bappeda_db: Store,
    opd_db: Store,
}

fn exchange() -> Exchange {
    let root = tempfile::tempdir().unwrap();
    let bappeda = pc(root.path(), "bappeda");
    let bappeda_db = bappeda_store(&bappeda);
    let first = publish(&bappeda_db, &bappeda, "paket-1.xlsx");
    let opd = pc(root.path(), "opd");
    let mut opd_db = Store::open(&opd).unwrap();
    package::apply(&mut opd_db, &first, Some(("DINKES", "Sari"))).unwrap();
    Exchange {
        _root: root,
        bappeda,
        bappeda_db,
        opd_db,
    }
}

fn publish(store: &Store, db: &Path, name: &str) -> SignedPackage {
    let file = data_dir(db).join(name);
    package::export(store, data_dir(db), &file).unwrap();
    package::read_file(&file).unwrap()
}

fn pinned(store: &Store) -> String {
    renaksi_core::store::settings::get(store.conn(), "package.bappeda_public_key")
        .unwrap()
        .unwrap()
}

/// The refusal of a package by an unconfirmed Bappeda key: its own code.
fn forbidden(error: Error) -> String {
    assert_eq!(error.code(), "bappeda_key_unconfirmed");
    match error {
        Error::BappedaKeyUnconfirmed(message) => message,
        other => panic!("expected a refusal, got {other}"),
    }
}

#[test]
fn an_opd_takes_bappedas_new_key_with_the_package_that_carries_the_statement() {
    let mut ex = exchange();
    let old_key = folder_key(&ex.bappeda);
    assert_eq!(pinned(&ex.opd_db), old_key);

    let rotated = keys::rotate(
        &mut ex.bappeda_db,
        data_dir(&ex.bappeda),
        Some("2019-07-01"),
    )
    .unwrap();
    let new_key = folder_key(&ex.bappeda);
    assert_ne!(new_key, old_key);
    assert_eq!(rotated.old_fingerprint, fingerprint_words(&old_key));
    assert_eq!(rotated.new_fingerprint, fingerprint_words(&new_key));
    let kept = signature::load_file(Path::new(&rotated.old_key_file))
        .unwrap()
        .unwrap();
    assert_eq!(
        public_key_text(&kept),
        old_key,
        "the old key is kept aside in kunci/"
    );

    let second = publish(&ex.bappeda_db, &ex.bappeda, "paket-2.xlsx");
    assert_eq!(second.public_key, new_key);
    assert_eq!(second.package.rotations.len(), 1);

    let preview = package::preview(ex.opd_db.conn(), &second).unwrap();
    assert_eq!(preview.key_fingerprint, fingerprint_words(&new_key));
    let change = preview.key_change.expect("the preview shows the change");
    assert_eq!(change.from_fingerprint, fingerprint_words(&old_key));
    assert_eq!(change.to_fingerprint, fingerprint_words(&new_key));
    assert_eq!(change.effective_from, "2019-07-01");

    package::apply(&mut ex.opd_db, &second, None).unwrap();
    assert_eq!(pinned(&ex.opd_db), new_key);
    let audited: i64 = ex
        .opd_db
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'bappeda_key'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 1);

    // A package signed by the replaced key is refused from now on.
    let by_old_key = root_package_signed_by(&ex, &kept, "lama.xlsx");
    let message = forbidden(package::apply(&mut ex.opd_db, &by_old_key, None).unwrap_err());
    assert!(message.contains(&fingerprint_words(&new_key)), "{message}");
    assert!(!message.contains(&fingerprint_words(&old_key)), "{message}");
    assert_eq!(pinned(&ex.opd_db), new_key);

    // Twice rotated: an OPD that still pins the first key follows the chain.
    keys::rotate(&mut ex.bappeda_db, data_dir(&ex.bappeda), None).unwrap();
    let third = publish(&ex.bappeda_db, &ex.bappeda, "paket-3.xlsx");
    assert_eq!(third.package.rotations.len(), 2);
    let root = tempfile::tempdir().unwrap();
    let late = pc(root.path(), "opd-lain");
    let mut late_db = Store::open(&late).unwrap();
    package::apply(
        &mut late_db,
        &root_package_signed_by(&ex, &kept, "awal.xlsx"),
        Some(("DINSOS", "Budi")),
    )
    .unwrap();
    package::apply(&mut late_db, &third, None).unwrap();
    assert_eq!(pinned(&late_db), third.public_key);
}

/// Bappeda's current package, signed by `key` instead of its own (a package
/// from before a rotation, or by someone else's key).
fn root_package_signed_by(
    ex: &Exchange,
    key: &ed25519_dalek::SigningKey,
    name: &str,
) -> SignedPackage {
    signed_by(
        &package::build(&ex.bappeda_db).unwrap(),
        key,
        &ex.bappeda,
        name,
    )
}

fn signed_by(
    built: &package::PlanPackage,
    key: &ed25519_dalek::SigningKey,
    bappeda: &Path,
    name: &str,
) -> SignedPackage {
    let dir = data_dir(bappeda).join(format!("lain-{name}"));
    signature::save(&dir, key).unwrap();
    let file = dir.join(name);
    package::export_as_is(built, &dir, &file).unwrap();
    package::read_file(&file).unwrap()
}

#[test]
fn a_package_by_a_new_key_without_a_statement_is_refused_and_changes_nothing() {
    let mut ex = exchange();
    let pinned_before = pinned(&ex.opd_db);
    let stranger = signature::generate().unwrap();
    let forged = root_package_signed_by(&ex, &stranger, "asing.xlsx");
    let message = forbidden(package::preview(ex.opd_db.conn(), &forged).unwrap_err());
    // Only the pinned key's words: a forger could phone and read the package's.
    assert!(
        !message.contains(&fingerprint_words(&public_key_text(&stranger))),
        "{message}"
    );
    assert!(
        message.contains(&fingerprint_words(&pinned_before)),
        "{message}"
    );
    assert!(
        message.contains("nomor yang sudah dipegang OPD"),
        "{message}"
    );
    forbidden(package::apply(&mut ex.opd_db, &forged, None).unwrap_err());
    assert_eq!(pinned(&ex.opd_db), pinned_before);
}

#[test]
fn a_rotation_statement_forged_by_another_key_is_refused() {
    let mut ex = exchange();
    let pinned_before = pinned(&ex.opd_db);
    let forger = signature::generate().unwrap();
    let forger_next = signature::generate().unwrap();
    let mut built = package::build(&ex.bappeda_db).unwrap();

    // Claims Bappeda's key is replaced by the forger's, but signed by the forger.
    let mut claimed = RotationStatement::make(&forger, &forger_next, "2019-07-01".parse().unwrap());
    claimed.old_key = pinned_before.clone();
    assert!(!claimed.verifies());
    built.rotations = vec![claimed];
    let forged = signed_by(&built, &forger_next, &ex.bappeda, "palsu.xlsx");
    forbidden(package::preview(ex.opd_db.conn(), &forged).unwrap_err());

    // A true statement, but of the forger's own key: it leads nowhere from
    // Bappeda's.
    built.rotations = vec![RotationStatement::make(
        &forger,
        &forger_next,
        "2019-07-01".parse().unwrap(),
    )];
    let forged = signed_by(&built, &forger_next, &ex.bappeda, "palsu-2.xlsx");
    forbidden(package::apply(&mut ex.opd_db, &forged, None).unwrap_err());

    // The old key's signature over another new key does not vouch for this one.
    let bappeda_key = signature::load(data_dir(&ex.bappeda)).unwrap().unwrap();
    let mut swapped = RotationStatement::make(&bappeda_key, &forger, "2019-07-01".parse().unwrap());
    swapped.new_key = public_key_text(&forger_next);
    built.rotations = vec![swapped];
    let forged = signed_by(&built, &forger_next, &ex.bappeda, "palsu-3.xlsx");
    forbidden(package::apply(&mut ex.opd_db, &forged, None).unwrap_err());
    assert_eq!(pinned(&ex.opd_db), pinned_before);
}

#[test]
fn only_bappeda_rotates_a_key_and_a_package_without_rotations_reads_as_before() {
    let ex = exchange();
    let root = tempfile::tempdir().unwrap();
    let opd = pc(root.path(), "opd");
    let mut opd_db = opd_store(&opd, "DINKES");
    let error = keys::rotate(&mut opd_db, data_dir(&opd), None).unwrap_err();
    assert!(error.to_string().contains("Hanya Bappeda"), "{error}");
    let mut bappeda_db = ex.bappeda_db;
    let error = keys::rotate(&mut bappeda_db, data_dir(&ex.bappeda), Some("1 Juli")).unwrap_err();
    assert_eq!(error.field(), Some("from"), "{error}");
    assert!(bappeda_db
        .conn()
        .query_row("SELECT count(*) = 0 FROM key_rotations", [], |r| r
            .get::<_, bool>(0))
        .unwrap());

    // No rotation: the package carries no rotation table, as before.
    let file = data_dir(&ex.bappeda).join("tanpa.xlsx");
    package::export(&bappeda_db, data_dir(&ex.bappeda), &file).unwrap();
    let signed = package::read_file(&file).unwrap();
    assert!(signed.package.rotations.is_empty());
    let mut book =
        renaksi_core::workbook::reader::Book::open(std::fs::read(&file).unwrap()).unwrap();
    let cells = book.cells("data").unwrap();
    assert!(!cells.iter().any(
        |(_, _, c)| matches!(c, renaksi_core::workbook::reader::Cell::Text(t) if t == "#rotation")
    ));
}

#[test]
fn a_package_with_more_rotations_than_bappeda_ever_makes_is_refused() {
    let ex = exchange();
    let mut built = package::build(&ex.bappeda_db).unwrap();
    let keys: Vec<_> = (0..=package::MAX_ROTATIONS + 1)
        .map(|_| signature::generate().unwrap())
        .collect();
    built.rotations = keys
        .windows(2)
        .map(|pair| RotationStatement::make(&pair[0], &pair[1], "2019-07-01".parse().unwrap()))
        .collect();
    let dir = data_dir(&ex.bappeda).join("banyak");
    signature::save(&dir, keys.last().unwrap()).unwrap();
    let file = dir.join("banyak.xlsx");
    package::export_as_is(&built, &dir, &file).unwrap();
    let error = package::read_file(&file).unwrap_err();
    assert!(error.to_string().contains("penggantian kunci"), "{error}");
}

// ---------------------------------------------------------------------------
// Review of #17: rotations and marks that a restore cannot undo, an OPD's
// new key, a re-pinned Bappeda key, and keys kept from other users.

#[test]
fn a_bappeda_backup_from_before_a_rotation_keeps_the_newer_key_and_the_opds_take_the_next_package()
{
    let mut ex = exchange();
    let before = backups::take(&ex.bappeda_db, Kind::Manual).unwrap();
    keys::rotate(
        &mut ex.bappeda_db,
        data_dir(&ex.bappeda),
        Some("2019-07-01"),
    )
    .unwrap();
    let new_key = folder_key(&ex.bappeda);
    let second = publish(&ex.bappeda_db, &ex.bappeda, "paket-2.xlsx");
    package::apply(&mut ex.opd_db, &second, None).unwrap();
    assert_eq!(pinned(&ex.opd_db), new_key);
    let kept = std::fs::read_to_string(data_dir(&ex.bappeda).join("kunci/penggantian-kunci.json"))
        .unwrap();
    assert!(kept.contains(&new_key), "kunci/ keeps the statement");

    // Bappeda restores the backup from before the rotation.
    let bappeda = ex.bappeda.clone();
    drop(std::mem::replace(
        &mut ex.bappeda_db,
        Store::open_in_memory().unwrap(),
    ));
    let (store, replaced) = restore(&bappeda, Path::new(&before.path));
    assert_eq!(replaced, None, "the newer key is not set aside");
    assert_eq!(
        folder_key(&bappeda),
        new_key,
        "the folder's newer key stays"
    );
    assert_eq!(keys::statements(store.conn()).unwrap().len(), 1);
    assert_eq!(
        keys::current_fingerprint(store.conn(), data_dir(&bappeda)).unwrap(),
        Some(fingerprint_words(&new_key)),
        "the database took the newer key"
    );

    let third = publish(&store, &bappeda, "paket-3.xlsx");
    assert_eq!(third.public_key, new_key);
    package::apply(&mut ex.opd_db, &third, None).unwrap();
    assert_eq!(pinned(&ex.opd_db), new_key);
}

/// The database at `db` as an app from before the marks left it: the mark
/// file of `kunci/` is not there.
fn forget_mark(db: &Path) {
    std::fs::remove_file(data_dir(db).join("kunci/urutan-laporan.txt")).unwrap();
}

#[test]
fn an_upgrade_from_before_the_marks_seeds_the_mark_from_the_database_counter() {
    let root = tempfile::tempdir().unwrap();
    let db = pc(root.path(), "opd");
    let mut store = opd_store(&db, "DINKES");
    export_report(&mut store, &db, "1.xlsx");
    let backup = backups::take(&store, Kind::Manual).unwrap();
    export_report(&mut store, &db, "2.xlsx");
    export_report(&mut store, &db, "3.xlsx");
    forget_mark(&db);

    // The upgraded app starts.
    let (key, _) = keys::reconcile(&mut store, data_dir(&db)).unwrap();
    assert_eq!(keys::sequence_mark(data_dir(&db), &key), 3);
    drop(store);

    let (mut store, _) = restore(&db, Path::new(&backup.path));
    let (next, _) = export_report(&mut store, &db, "4.xlsx");
    assert_eq!(next.sequence, 4, "above the 3 used before the upgrade");
}

#[test]
fn a_restore_raises_the_mark_to_the_live_counter_before_replacing_the_data() {
    let root = tempfile::tempdir().unwrap();
    let db = pc(root.path(), "opd");
    let mut store = opd_store(&db, "DINKES");
    export_report(&mut store, &db, "1.xlsx");
    let backup = backups::take(&store, Kind::Manual).unwrap();
    export_report(&mut store, &db, "2.xlsx");
    export_report(&mut store, &db, "3.xlsx");
    drop(store);
    // No start in between: the mark is missing when the restore runs.
    forget_mark(&db);

    let (mut store, _) = restore(&db, Path::new(&backup.path));
    let (next, _) = export_report(&mut store, &db, "4.xlsx");
    assert_eq!(next.sequence, 4, "above the 3 the replaced data counted");
}

#[test]
fn an_opd_makes_a_new_key_that_bappeda_confirms_as_a_changed_key() {
    let root = tempfile::tempdir().unwrap();
    let bappeda = pc(root.path(), "bappeda");
    let mut bappeda_db = bappeda_store(&bappeda);
    let db = pc(root.path(), "opd");
    let mut store = opd_store(&db, "DINKES");
    let (first, first_file) = export_report(&mut store, &db, "1.xlsx");
    import_report(&mut bappeda_db, &first_file).unwrap();
    let old_key = signature::load(data_dir(&db)).unwrap().unwrap();
    // Whoever stole the key holds a copy of the OPD's folder from before the
    // renewal: its database and `kunci/`.
    let stolen_backup = backups::take(&store, Kind::Manual).unwrap();
    let stolen = pc(root.path(), "curian");
    let (mut stolen_db, _) = restore(&stolen, Path::new(&stolen_backup.path));
    assert_eq!(
        folder_key(&stolen),
        public_key_text(&old_key),
        "the copy signs with the old key"
    );

    let error = keys::renew(&mut bappeda_db, data_dir(&bappeda)).unwrap_err();
    assert!(error.to_string().contains("Hanya OPD"), "{error}");

    let renewed = keys::renew(&mut store, data_dir(&db)).unwrap();
    assert_eq!(
        renewed.old_fingerprint,
        fingerprint_words(&public_key_text(&old_key))
    );
    assert_ne!(renewed.new_fingerprint, renewed.old_fingerprint);
    let aside = signature::load_file(Path::new(&renewed.old_key_file))
        .unwrap()
        .unwrap();
    assert_eq!(
        aside.to_bytes(),
        old_key.to_bytes(),
        "the old key is kept aside"
    );
    assert_eq!(fingerprint_words(&folder_key(&db)), renewed.new_fingerprint);
    let audited: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'installation_key'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 1);

    let (next, file) = export_report(&mut store, &db, "2.xlsx");
    assert_eq!(
        next.key_fingerprint,
        signature::fingerprint(&folder_key(&db)),
        "the new key signs"
    );
    assert!(next.sequence > first.sequence, "sequences continue");
    // Bappeda asks to confirm the changed key, then takes the report.
    let refused = import_file(&mut bappeda_db, &file, &Default::default()).unwrap_err();
    assert!(
        matches!(refused, Error::KeyUnconfirmed(_)),
        "a changed key is asked about: {refused}"
    );
    let Error::KeyUnconfirmed(asked) = refused else {
        unreachable!()
    };
    assert_eq!(asked.change, KeyChange::Changed);
    assert_eq!(
        asked.words, renewed.new_fingerprint,
        "the words the OPD reads out"
    );
    let confirmed = Decisions::accepting(AcceptedKey {
        opd_code: "DINKES".into(),
        fingerprint: renewed.new_fingerprint.clone(),
    });
    let imported = import_file(&mut bappeda_db, &file, &confirmed).unwrap();
    assert_eq!(imported.sequence, next.sequence);
    // The old key's report sent again is refused (its key is no longer the
    // one trusted) and changes nothing, the trusted key included: the
    // renewed key stays the one Bappeda holds (a new report the stolen key
    // signs is a changed key, refused until confirmed).
    let again = import_file(&mut bappeda_db, &first_file, &Default::default()).unwrap_err();
    assert!(
        again
            .to_string()
            .contains("bukan kunci OPD yang dipercaya sekarang"),
        "{again}"
    );
    let conn = bappeda_db.conn();
    let dinkes = renaksi_core::store::opds::by_code(conn, "DINKES")
        .unwrap()
        .unwrap();
    let pinned = renaksi_core::store::opd_keys::get(conn, &dinkes.id)
        .unwrap()
        .unwrap();
    assert_eq!(
        renaksi_core::workbook::key_words::fingerprint_words(&pinned.public_key),
        renewed.new_fingerprint
    );

    // A NEW report the old (stolen) key signs after the renewal is a changed
    // key: refused until confirmed, and nothing of it is taken.
    let (forged, forged_file) = export_report(&mut stolen_db, &stolen, "curian.xlsx");
    assert_eq!(
        forged.key_fingerprint,
        signature::fingerprint(&public_key_text(&old_key))
    );
    let reports_before: i64 = bappeda_db
        .conn()
        .query_row("SELECT count(*) FROM reports", [], |r| r.get(0))
        .unwrap();
    let refused = import_file(&mut bappeda_db, &forged_file, &Default::default()).unwrap_err();
    let Error::KeyUnconfirmed(asked) = refused else {
        panic!("the old key's new report is asked about: {refused}")
    };
    assert_eq!(asked.change, KeyChange::Changed);
    assert_eq!(
        asked.words,
        fingerprint_words(&public_key_text(&old_key)),
        "the stolen key is the one asked about"
    );
    let reports_after: i64 = bappeda_db
        .conn()
        .query_row("SELECT count(*) FROM reports", [], |r| r.get(0))
        .unwrap();
    assert_eq!(reports_after, reports_before, "nothing imported");
    let pinned = renaksi_core::store::opd_keys::get(bappeda_db.conn(), &dinkes.id)
        .unwrap()
        .unwrap();
    assert_eq!(
        renaksi_core::workbook::key_words::fingerprint_words(&pinned.public_key),
        renewed.new_fingerprint,
        "the renewed key stays"
    );
}

/// A backup from before "Buat kunci baru" does not bring the retired
/// (possibly stolen) key back: the folder's new key stays and signs, and the
/// restore's note says so. Without any other key, the export is refused until
/// the clerk makes a new key.
#[test]
fn a_backup_from_before_a_new_key_does_not_bring_the_retired_key_back() {
    let root = tempfile::tempdir().unwrap();
    let db = pc(root.path(), "opd");
    let mut store = opd_store(&db, "DINKES");
    let (first, _) = export_report(&mut store, &db, "1.xlsx");
    let old_key = folder_key(&db);
    let before = backups::take(&store, Kind::Manual).unwrap();
    let renewed = keys::renew(&mut store, data_dir(&db)).unwrap();
    let new_key = folder_key(&db);
    assert_ne!(new_key, old_key);
    let listed = std::fs::read_to_string(data_dir(&db).join("kunci/kunci-pensiun.txt")).unwrap();
    assert!(listed.contains(&old_key), "kunci/ lists the retired key");
    assert_eq!(
        keys::stored_retired(store.conn()).unwrap(),
        vec![old_key.clone()]
    );

    drop(store);
    let (mut store, note) = restore(&db, Path::new(&before.path));
    let note = note.expect("the restore says the backup's key stays retired");
    assert!(note.retired, "{note:?}");
    assert_eq!(note.replaced_fingerprint, renewed.old_fingerprint);
    assert_eq!(note.current_fingerprint, renewed.new_fingerprint);
    assert_eq!(folder_key(&db), new_key, "the folder's new key stays");
    assert_eq!(
        keys::stored_retired(store.conn()).unwrap(),
        vec![old_key.clone()],
        "the restored database learns the retired key"
    );
    let (next, _) = export_report(&mut store, &db, "2.xlsx");
    assert_eq!(
        next.key_fingerprint,
        signature::fingerprint(&new_key),
        "the new key signs"
    );
    assert!(next.sequence > first.sequence);

    // The same backup on another PC whose `kunci/` kept the list but lost
    // the new key: the retired key is all there is, and nothing is signed.
    let other = pc(root.path(), "lain");
    std::fs::create_dir_all(data_dir(&other).join("kunci")).unwrap();
    std::fs::write(data_dir(&other).join("kunci/kunci-pensiun.txt"), &listed).unwrap();
    let (mut store, _) = restore(&other, Path::new(&before.path));
    let out = data_dir(&other).join("3.xlsx");
    let refused = export(&mut store, data_dir(&other), TW1_2019, Paper::A4, &out).unwrap_err();
    assert!(refused.to_string().contains("Buat kunci baru"), "{refused}");
    assert!(!out.exists(), "nothing written");
    let again = keys::renew(&mut store, data_dir(&other)).unwrap();
    assert_eq!(again.old_fingerprint, renewed.old_fingerprint);
    let (signed, _) = export_report(&mut store, &other, "4.xlsx");
    assert_eq!(
        signed.key_fingerprint,
        signature::fingerprint(&folder_key(&other))
    );
    assert_ne!(folder_key(&other), old_key);
}

#[test]
fn an_opd_pinned_by_a_forged_first_package_takes_bappedas_key_by_its_fingerprint() {
    let root = tempfile::tempdir().unwrap();
    let bappeda = pc(root.path(), "bappeda");
    let bappeda_db = bappeda_store(&bappeda);
    let ex_root = Exchange {
        _root: tempfile::tempdir().unwrap(),
        bappeda: bappeda.clone(),
        bappeda_db,
        opd_db: Store::open_in_memory().unwrap(),
    };
    let forger = signature::generate().unwrap();
    let forged = root_package_signed_by(&ex_root, &forger, "palsu.xlsx");
    let opd = pc(root.path(), "opd");
    let mut opd_db = Store::open(&opd).unwrap();
    package::apply(&mut opd_db, &forged, Some(("DINKES", "Sari"))).unwrap();

    let genuine = publish(&ex_root.bappeda_db, &bappeda, "asli.xlsx");
    let message = forbidden(package::apply(&mut opd_db, &genuine, None).unwrap_err());
    assert!(message.contains("Terima kunci Bappeda"), "{message}");

    let wrong = fingerprint_words(&public_key_text(&forger));
    let error = package::trust_bappeda_key(&mut opd_db, &genuine, &wrong).unwrap_err();
    assert_eq!(error.field(), Some("fingerprint"), "{error}");
    assert_eq!(pinned(&opd_db), public_key_text(&forger), "nothing changed");

    // The clerk types the words Bappeda reads out.
    let read_out = fingerprint_words(&genuine.public_key);
    let trusted = package::trust_bappeda_key(&mut opd_db, &genuine, &read_out).unwrap();
    assert_eq!(trusted.fingerprint, read_out);
    assert_eq!(trusted.previous_fingerprint, Some(wrong));
    assert_eq!(pinned(&opd_db), genuine.public_key);
    let audited: i64 = opd_db
        .conn()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'bappeda_key'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 1);
    package::apply(&mut opd_db, &genuine, None).unwrap();

    // Hex works too; Bappeda itself has no use for it.
    let hex = signature::fingerprint(&genuine.public_key);
    package::trust_bappeda_key(&mut opd_db, &genuine, &hex).unwrap();
    let mut bappeda_db = ex_root.bappeda_db;
    let error = package::trust_bappeda_key(&mut bappeda_db, &genuine, &hex).unwrap_err();
    assert!(error.to_string().contains("Hanya OPD"), "{error}");
}

#[test]
fn a_package_with_ten_thousand_statements_is_refused_before_any_is_verified() {
    let ex = exchange();
    let mut built = package::build(&ex.bappeda_db).unwrap();
    let a = signature::generate().unwrap();
    let b = signature::generate().unwrap();
    let one = RotationStatement::make(&a, &b, "2019-07-01".parse().unwrap());
    built.rotations = vec![one; 10_000];
    let dir = data_dir(&ex.bappeda).join("sepuluh-ribu");
    signature::save(&dir, &b).unwrap();
    let file = dir.join("banyak.xlsx");
    package::export_as_is(&built, &dir, &file).unwrap();
    let started = std::time::Instant::now();
    let error = package::read_file(&file).unwrap_err();
    assert!(error.to_string().contains("penggantian kunci"), "{error}");
    assert!(
        started.elapsed() < std::time::Duration::from_secs(20),
        "refused quickly: {:?}",
        started.elapsed()
    );
}

#[test]
fn ten_thousand_statements_from_the_pinned_key_lead_nowhere_without_being_verified() {
    let pinned = signature::generate().unwrap();
    let forger = signature::generate().unwrap();
    let mut claimed = RotationStatement::make(&forger, &forger, "2019-07-01".parse().unwrap());
    claimed.old_key = public_key_text(&pinned);
    claimed.new_key = public_key_text(&signature::generate().unwrap());
    let mut statements = vec![claimed; 10_000];
    let started = std::time::Instant::now();
    assert!(keys::chain(&public_key_text(&pinned), "x", &statements).is_none());
    assert!(
        started.elapsed() < std::time::Duration::from_secs(2),
        "not verified one by one: {:?}",
        started.elapsed()
    );
    // Refused by their count, not by their verification: even a true
    // statement among too many leads nowhere.
    let next = signature::generate().unwrap();
    let true_one = RotationStatement::make(&pinned, &next, "2019-07-01".parse().unwrap());
    statements.truncate(package::MAX_ROTATIONS);
    statements.insert(0, true_one);
    assert!(keys::chain(
        &public_key_text(&pinned),
        &public_key_text(&next),
        &statements
    )
    .is_none());
    statements.pop();
    assert!(keys::chain(
        &public_key_text(&pinned),
        &public_key_text(&next),
        &statements
    )
    .is_some());
}

#[test]
fn a_rotation_statement_not_signed_by_the_old_key_fails_on_its_first_check() {
    let a = signature::generate().unwrap();
    let b = signature::generate().unwrap();
    let mut statement = RotationStatement::make(&a, &b, "2019-07-01".parse().unwrap());
    assert!(statement.verifies());
    statement.old_key_signature = statement.new_key_signature.clone();
    assert!(!statement.verifies());
}

#[cfg(unix)]
#[test]
fn the_data_folder_the_database_its_journal_backups_and_keys_are_this_users_only() {
    use std::os::unix::fs::PermissionsExt;
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    let root = tempfile::tempdir().unwrap();
    let folder = root.path().join("data");
    let db = folder.join("renaksi.db");
    let mut store = opd_store(&db, "DINKES");
    assert_eq!(mode(&folder), 0o700, "the data folder");
    assert_eq!(mode(&db), 0o600, "the database");
    let wal = folder.join("renaksi.db-wal");
    assert!(wal.exists());
    assert_eq!(mode(&wal), 0o600, "its journal");

    let backup = backups::take(&store, Kind::Manual).unwrap();
    assert_eq!(mode(Path::new(&backup.path)), 0o600, "a backup");

    // A temporary key file left by a crash, readable by all, is not reused.
    let (key, _) = keys::reconcile(&mut store, &folder).unwrap();
    let key_file = signature::key_path(&folder);
    let stale = key_file.with_file_name(format!(".opd-ed25519.key.{}.tmp", std::process::id()));
    std::fs::write(&stale, "").unwrap();
    std::fs::set_permissions(&stale, std::fs::Permissions::from_mode(0o644)).unwrap();
    signature::save(&folder, &key).unwrap();
    assert_eq!(mode(&key_file), 0o600, "the key file");
    assert!(!stale.exists());

    // An existing database opened again is made private again.
    drop(store);
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    Store::open(&db).unwrap();
    assert_eq!(mode(&db), 0o600);
}
