//! Rotating backups, restore and recovery, on real files: what a clerk relies
//! on after a mistake or a damaged disk.

use renaksi_core::backups::{self, Kind};
use renaksi_core::demo::{self, DemoView};
use renaksi_core::Store;

use super::temp_db;

fn demo_store(path: &std::path::Path) -> Store {
    let mut store = Store::open(path).unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    store
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn a_backup_says_what_it_holds_and_the_oldest_of_a_kind_are_dropped() {
    let (_dir, path) = temp_db();
    let store = demo_store(&path);
    let info = backups::take(&store, Kind::Manual).unwrap();
    assert!(info.usable, "{info:?}");
    assert_eq!(info.kind, Kind::Manual);
    assert_eq!(
        (info.actions, info.milestones, info.indicators),
        (8, 22, 20)
    );
    assert!(info.plan_title.unwrap().contains("Wonosobo"));
    assert!(info.file_name.ends_with("-manual.db"), "{}", info.file_name);

    for _ in 0..11 {
        backups::take(&store, Kind::Manual).unwrap();
    }
    backups::take(&store, Kind::BeforeImport).unwrap();
    let listed = backups::list(&path).unwrap();
    let manual = listed.iter().filter(|b| b.kind == Kind::Manual).count();
    assert_eq!(manual, 10, "only the newest ten manual backups stay");
    assert_eq!(listed.len(), 11);
    assert_eq!(listed[0].kind, Kind::BeforeImport, "newest first");
}

#[test]
fn the_daily_backup_is_taken_once_a_day() {
    let (_dir, path) = temp_db();
    let store = demo_store(&path);
    let today = renaksi_core::dates::today_wib();
    assert!(backups::daily_if_due(&store, today).unwrap().is_some());
    assert!(backups::daily_if_due(&store, today).unwrap().is_none());
    let tomorrow = today.succ_opt().unwrap();
    assert!(backups::daily_if_due(&store, tomorrow).unwrap().is_some());
}

#[test]
fn a_restore_brings_the_data_back_and_keeps_what_it_replaced() {
    let (_dir, path) = temp_db();
    let mut store = demo_store(&path);
    let backup = backups::take(&store, Kind::Manual).unwrap();
    store
        .conn()
        .execute("DELETE FROM realisations", [])
        .unwrap();
    assert_eq!(count(&store, "realisations"), 0);

    let restored = backups::restore(&mut store, std::path::Path::new(&backup.path)).unwrap();
    assert_eq!(restored.realisations, 50);
    assert_eq!(count(&store, "realisations"), 50);
    let verdict: String = store
        .conn()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    assert_eq!(verdict, "ok");
    // What was replaced is itself a backup now.
    let before = backups::list(&path)
        .unwrap()
        .into_iter()
        .find(|b| b.kind == Kind::BeforeRestore)
        .expect("a backup of the replaced data");
    assert_eq!(before.realisations, 0);
    drop(store);
    assert_eq!(count(&Store::open(&path).unwrap(), "realisations"), 50);
}

#[test]
fn a_damaged_backup_is_refused_and_changes_nothing() {
    let (dir, path) = temp_db();
    let mut store = demo_store(&path);
    let bad = dir
        .path()
        .join("backups")
        .join("renaksi-20190415T033000Z-manual.db");
    std::fs::create_dir_all(bad.parent().unwrap()).unwrap();
    std::fs::write(&bad, b"bukan basis data").unwrap();
    let info = backups::inspect(&bad);
    assert!(!info.usable);
    assert!(info.problem.is_some());
    let error = backups::restore(&mut store, &bad).unwrap_err();
    assert_eq!(error.code(), "invalid", "{error}");
    assert_eq!(count(&store, "realisations"), 50);
    assert!(backups::list(&path)
        .unwrap()
        .iter()
        .all(|b| b.kind != Kind::BeforeRestore));
}

/// Overwrites the middle of every table page except the first: the header
/// still says SQLite, `quick_check` no longer passes.
fn damage(path: &std::path::Path) {
    let mut bytes = std::fs::read(path).unwrap();
    let page = 4096;
    for start in (page..bytes.len()).step_by(page) {
        let end = (start + page / 2).min(bytes.len());
        for b in &mut bytes[start + 100..end] {
            *b = 0xA5;
        }
    }
    std::fs::write(path, bytes).unwrap();
}

#[test]
fn a_damaged_database_is_recovered_from_the_latest_good_backup_and_kept_aside() {
    let (dir, path) = temp_db();
    let store = demo_store(&path);
    backups::take(&store, Kind::Daily).unwrap();
    drop(store);
    damage(&path);
    let damaged = std::fs::read(&path).unwrap();
    let error = Store::open(&path)
        .err()
        .expect("the damaged file is refused");
    assert!(
        matches!(error.code(), "db_corrupt" | "db_unreadable"),
        "{error}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), damaged, "left as it was");

    let latest = backups::latest_usable(&path)
        .unwrap()
        .expect("a good backup");
    let (store, aside) = backups::recover(&path, std::path::Path::new(&latest.path)).unwrap();
    assert_eq!(count(&store, "indicators"), 20);
    assert_eq!(
        std::fs::read(aside.join("renaksi.db")).unwrap(),
        damaged,
        "the damaged file is kept, byte for byte"
    );
    assert!(aside.starts_with(dir.path()));
}

/// A copy of a real backup changed by `change` (with the file's schema made
/// writable where it needs to be), in the backups folder.
fn tampered_backup(store: &Store, change: &str) -> std::path::PathBuf {
    let good = backups::take(store, Kind::Manual).unwrap();
    let bad = std::path::Path::new(&good.path).with_file_name("renaksi-20190415T033000Z-manual.db");
    std::fs::copy(&good.path, &bad).unwrap();
    std::fs::remove_file(&good.path).unwrap();
    let conn = rusqlite::Connection::open(&bad).unwrap();
    conn.execute_batch(change).unwrap();
    drop(conn);
    bad
}

/// A file with the right `user_version` but a schema Renaksi did not make
/// (an extra trigger or view, an altered table) is not offered as usable, and
/// a restore of it is refused with the reason and changes nothing.
#[test]
fn a_backup_whose_schema_is_not_renaksis_is_refused_and_changes_nothing() {
    let (_dir, path) = temp_db();
    let mut store = demo_store(&path);
    let cases = [
        (
            "CREATE TRIGGER diam_diam AFTER INSERT ON realisations BEGIN \
             DELETE FROM targets; END;",
            "pemicu (trigger) tambahan \"diam_diam\"",
        ),
        (
            "CREATE VIEW ringkas AS SELECT * FROM actions;",
            "view tambahan \"ringkas\"",
        ),
        (
            "ALTER TABLE opds ADD COLUMN catatan TEXT;",
            "tabel \"opds\" berbeda",
        ),
        (
            "DROP INDEX indicators_opd;",
            "indeks \"indicators_opd\" tidak ada",
        ),
    ];
    for (change, reason) in cases {
        let bad = tampered_backup(&store, change);
        let info = backups::inspect(&bad);
        assert!(!info.usable, "{change}");
        let problem = info.problem.unwrap_or_default();
        assert!(problem.contains(reason), "{change}: {problem}");

        let error = backups::restore(&mut store, &bad).unwrap_err();
        assert_eq!(error.code(), "invalid", "{error}");
        assert!(error.to_string().contains(reason), "{error}");
        assert_eq!(count(&store, "realisations"), 50);
        let extra: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM sqlite_schema WHERE name IN ('diam_diam', 'ringkas')",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(extra, 0, "{change}");
        assert!(backups::list(&path)
            .unwrap()
            .iter()
            .all(|b| b.kind != Kind::BeforeRestore));
        std::fs::remove_file(&bad).unwrap();
    }
    // An untouched backup of an older version still restores.
    let good = backups::take(&store, Kind::Manual).unwrap();
    assert!(good.usable, "{:?}", good.problem);
}

/// A backup of an older schema is checked against that schema, and restores.
#[test]
fn a_backup_of_an_older_schema_passes_the_check_of_its_version() {
    let (dir, path) = temp_db();
    let mut store = demo_store(&path);
    let older = dir
        .path()
        .join("backups")
        .join("renaksi-20190415T033000Z-manual.db");
    std::fs::create_dir_all(older.parent().unwrap()).unwrap();
    let steps = &renaksi_core::store::migrations::STEPS;
    drop(Store::open_with_migrations(&older, &steps[..steps.len() - 1]).unwrap());
    let info = backups::inspect(&older);
    assert!(info.usable, "{:?}", info.problem);
    backups::restore(&mut store, &older).unwrap();
    drop(store);
    let store = Store::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        renaksi_core::store::migrations::LATEST
    );
    assert_eq!(count(&store, "actions"), 0);
}
