//! The whole import pipeline of a Laporan OPD, fed arbitrary files: what
//! `renaksi check` and Bappeda's import do with a workbook from outside
//! (`report::guard`, bounded reading in `report::workbook`, the data sheet,
//! signature, printed table against signed data, then the import's own checks
//! and its transaction). How to run it: `fuzz/README.md`.
//!
//! Besides "never panics, never aborts, never runs away", it holds the brief's
//! promises about a file that is refused: the import refuses whatever the check
//! refuses or finds fault with, and a refused import changes nothing.

#![no_main]

use std::cell::RefCell;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::io::{Cursor, Read, Write};

use libfuzzer_sys::{fuzz_mutator, fuzz_target, fuzzer_mutate};
use renaksi_core::demo::{self, DemoView};
use renaksi_core::report::check::check_bytes;
use renaksi_core::report::import::{import_bytes, Decisions};
use renaksi_core::Store;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

fuzz_target!(|bytes: &[u8]| import_report(bytes));

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

/// One file through `check` and then the import, as Bappeda would.
pub fn import_report(bytes: &[u8]) {
    let check = check_bytes(bytes.to_vec());
    BAPPEDA.with(|cell| {
        let mut cell = cell.borrow_mut();
        let bappeda = cell.get_or_insert_with(bappeda);
        let writes = bappeda.store.conn().total_changes();
        let imported = import_bytes(
            &mut bappeda.store,
            "laporan.xlsx",
            bytes.to_vec(),
            &Decisions::default(),
        );
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
        } else if bappeda.store.conn().total_changes() != writes {
            // Something was written and should have been rolled back.
            assert_eq!(
                contents(&bappeda.store),
                bappeda.pristine,
                "a refused import changed the database: {:?}",
                imported.err()
            );
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

// Byte mutations of a whole .xlsx mostly break its deflate streams or CRCs, so
// the parsers behind the zip reader would rarely see anything but noise. Three
// times in four, mutate one part of the workbook and pack it again; otherwise
// (and for inputs that are no zip) mutate the bytes as they are, which keeps
// the zip reader and the guard under fire.
fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    if !seed.is_multiple_of(4) {
        if let Some(repacked) = mutate_one_part(&data[..size], max_size, seed / 4) {
            data[..repacked.len()].copy_from_slice(&repacked);
            return repacked.len();
        }
    }
    fuzzer_mutate(data, size, max_size)
});

/// Parts bigger than this unpacked (the corpus holds zip bombs) are left to the
/// byte mutations.
const MAX_PART: u64 = 1 << 20;
const MAX_PARTS: usize = 64;

fn mutate_one_part(zip: &[u8], max_size: usize, seed: u32) -> Option<Vec<u8>> {
    let mut archive = ZipArchive::new(Cursor::new(zip)).ok()?;
    if archive.is_empty() || archive.len() > MAX_PARTS {
        return None;
    }
    let mut parts = Vec::with_capacity(archive.len());
    for i in 0..archive.len() {
        let part = archive.by_index(i).ok()?;
        let name = part.name().ok()?.into_owned();
        let stored = part.compression() == CompressionMethod::Stored;
        let mut content = Vec::new();
        part.take(MAX_PART + 1).read_to_end(&mut content).ok()?;
        if content.len() as u64 > MAX_PART {
            return None;
        }
        parts.push((name, stored, content));
    }
    let content = &mut parts[seed as usize % archive.len()].2;
    let len = content.len();
    content.resize(len * 2 + 64, 0);
    let room = content.len();
    let len = fuzzer_mutate(content, len, room);
    content.truncate(len);

    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, stored, content) in &parts {
        let options = if *stored {
            SimpleFileOptions::default().compression_method(CompressionMethod::Stored)
        } else {
            SimpleFileOptions::default()
                .compression_method(CompressionMethod::Deflated)
                .compression_level(Some(1))
        };
        writer.start_file(name.as_str(), options).ok()?;
        writer.write_all(content).ok()?;
    }
    let packed = writer.finish().ok()?.into_inner();
    (packed.len() <= max_size).then_some(packed)
}
