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
