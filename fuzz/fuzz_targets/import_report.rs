//! The whole import pipeline of a Laporan OPD, fed arbitrary files: what
//! `renaksi check` and Bappeda's import do with a workbook from outside
//! (`workbook::guard`, bounded reading in `workbook::reader`, the report's
//! machine sheet, signature, printed table against signed data, then the
//! import's own checks and its transaction). The workbook module alone has a
//! target of its own, `read_workbook`. How to run them: `fuzz/README.md`.
//!
//! Besides "never panics, never aborts, never runs away", it holds the brief's
//! promises about a file that is refused: the import refuses whatever the check
//! refuses or finds fault with, and a refused import changes nothing.

#![no_main]

use std::cell::RefCell;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};

use libfuzzer_sys::{fuzz_mutator, fuzz_target};
use renaksi_core::demo::{self, DemoView};
use renaksi_core::report::check::check_bytes;
use renaksi_core::report::import::{import_bytes, AcceptedKey, Decisions, Imported};
use renaksi_core::{Error, Result, Store};

mod repack;

fuzz_target!(|bytes: &[u8]| import_report(bytes));
fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    repack::mutate(data, size, max_size, seed)
});

/// Bappeda's demo database, and a digest of its contents as loaded.
struct Bappeda {
    store: Store,
    pristine: u64,
}

thread_local! {
    /// Made once and reused while imports are refused (they change nothing);
    /// made again after an import succeeds, so every input meets the same state.
    static BAPPEDA: RefCell<Option<Bappeda>> = const { RefCell::new(None) };
}

/// The import, accepting whatever key signed the file: this target fuzzes the
/// parser and the import's checks, not key trust (`report::trust` and the
/// forged-file suite test that). A key the import asks about is confirmed
/// with the fingerprint it showed, as a clerk would, and the file imported
/// again; the first attempt, refused, must have changed nothing either, which
/// is checked here before the retry (whatever the retry then does).
fn import_any_key(bappeda: &mut Bappeda, bytes: &[u8]) -> Result<Imported> {
    let once = |store: &mut Store, decisions: &Decisions| {
        import_bytes(store, "laporan.xlsx", bytes.to_vec(), decisions)
    };
    let writes = bappeda.store.conn().total_changes();
    match once(&mut bappeda.store, &Decisions::default()) {
        Err(Error::KeyUnconfirmed(key)) => {
            unchanged(bappeda, writes, &"a refused key");
            once(
                &mut bappeda.store,
                &Decisions::accepting(AcceptedKey {
                    opd_code: key.opd_code.clone(),
                    fingerprint: key.fingerprint.clone(),
                }),
            )
        }
        other => other,
    }
}

/// Fails unless the database holds what it held as loaded: `writes` is the
/// connection's change count before the refused attempt (the digest is taken
/// only when something was written, and should have been rolled back).
fn unchanged(bappeda: &Bappeda, writes: u64, what: &dyn std::fmt::Debug) {
    if bappeda.store.conn().total_changes() != writes {
        assert_eq!(
            contents(&bappeda.store),
            bappeda.pristine,
            "a refused import changed the database: {what:?}"
        );
    }
}

/// One file through `check` and then the import, as Bappeda would.
pub fn import_report(bytes: &[u8]) {
    let check = check_bytes(bytes.to_vec());
    BAPPEDA.with(|cell| {
        let mut cell = cell.borrow_mut();
        let bappeda = cell.get_or_insert_with(bappeda);
        let writes = bappeda.store.conn().total_changes();
        let imported = import_any_key(bappeda, bytes);
        match (&check, &imported) {
            (Err(refused), Ok(_)) => panic!("imported a file that check refuses: {refused}"),
            (Ok(report), Ok(_)) => assert!(
                report.problems.is_empty(),
                "imported a file with problems: {:?}",
                report.problems
            ),
            _ => {}
        }
        if imported.is_ok() {
            *cell = None;
        } else {
            unchanged(bappeda, writes, &imported.err());
        }
    });
}

fn bappeda() -> Bappeda {
    let mut store = Store::open_in_memory().expect("in-memory store");
    demo::load(&mut store, &DemoView::Bappeda).expect("Bappeda's demo");
    let pristine = contents(&store);
    Bappeda { store, pristine }
}

/// A digest of every row of every table, independent of row order.
fn contents(store: &Store) -> u64 {
    let conn = store.conn();
    let mut tables = conn
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
        .unwrap();
    let tables: Vec<String> = tables
        .query_map([], |row| row.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut digest = DefaultHasher::new();
    for table in tables {
        let mut select = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = select.column_count();
        let mut rows: Vec<String> = select
            .query_map([], |row| {
                let values: Vec<String> = (0..columns)
                    .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                    .collect();
                Ok(values.join("\u{1f}"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        (table, rows).hash(&mut digest);
    }
    digest.finish()
}
