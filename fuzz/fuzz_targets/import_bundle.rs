//! Bappeda's import of an evidence bundle, fed arbitrary bytes as the .zip:
//! `report::evidence_bundle` (size and zip64 checks, the central directory
//! against the caps, the hashing pass, the unpacking of the files a signed
//! row names, and the rows' transaction). Bappeda is the demo database, in
//! memory, holding one imported report of DINKES whose signed data names one
//! file (a small PDF) by SHA-256, so a bundle can bring something. How to run
//! it: `fuzz/README.md`.
//!
//! Besides "never panics, never aborts, never runs away", it holds the brief's
//! promise about a bundle that is refused: a refused bundle (or one that
//! brought nothing) changes neither the database nor the evidence folder.

#![no_main]

use std::cell::RefCell;
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use libfuzzer_sys::fuzz_target;
use renaksi_core::demo::{self, DemoView};
use renaksi_core::period::PeriodRef;
use renaksi_core::profile::{Profile, Role};
use renaksi_core::report::evidence_bundle;
use renaksi_core::report::export::workbook_bytes;
use renaksi_core::report::import::{import_bytes, AcceptedKey, Decisions};
use renaksi_core::report::snapshot::{self, EvidenceRow, ExportInfo};
use renaksi_core::workbook::Paper;
use renaksi_core::{Error, Store};
use sha2::{Digest, Sha256};

/// The file the signed report names; a seed bundle holding it is accepted.
pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% daftar hadir rapat\n%%EOF\n";

fuzz_target!(|bytes: &[u8]| import_bundle(bytes));

/// Bappeda with the report imported, its data folder, and a digest of both.
struct Bappeda {
    store: Store,
    dir: PathBuf,
    pristine: u64,
}

thread_local! {
    /// Made once and reused while bundles bring nothing; made again after one
    /// brings the file, so every input meets the same state.
    static BAPPEDA: RefCell<Option<Bappeda>> = const { RefCell::new(None) };
}

pub fn import_bundle(bytes: &[u8]) {
    BAPPEDA.with(|cell| {
        let mut cell = cell.borrow_mut();
        let bappeda = cell.get_or_insert_with(bappeda);
        let bundle = bappeda.dir.join("masuk.bukti.zip");
        std::fs::write(&bundle, bytes).expect("the bundle's file");
        let imported = evidence_bundle::import_file(&mut bappeda.store, &bappeda.dir, &bundle);
        let _ = std::fs::remove_file(&bundle);
        match imported {
            Ok(done) if done.changed => *cell = None,
            outcome => assert_eq!(
                state(&bappeda.store, &bappeda.dir),
                bappeda.pristine,
                "a bundle that was refused or brought nothing changed something: {outcome:?}"
            ),
        }
    });
}

fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn bappeda() -> Bappeda {
    // A fresh data folder per state, inside the system's temporary folder.
    let dir = std::env::temp_dir().join(format!(
        "renaksi-fuzz-bundle-{}-{}",
        std::process::id(),
        renaksi_core::ids::new_id()
    ));
    std::fs::create_dir_all(&dir).expect("the data folder");

    let mut opd = Store::open_in_memory().expect("in-memory store");
    let profile = Profile::new(
        Role::Opd {
            code: "DINKES".into(),
        },
        "Operator",
    )
    .unwrap();
    demo::load_as(&mut opd, &DemoView::Opd("DINKES".into()), &profile).expect("DINKES's demo");
    let info = ExportInfo {
        period: PeriodRef {
            year: 2019,
            quarter: 2,
        },
        exported_at: "2019-07-10T02:00:00Z".into(),
        sequence: 1,
        sign_place: "Wonosobo".into(),
        sign_date: "10 Juli 2019".into(),
        head_position: "Kepala".into(),
        head_name: "Kepala OPD".into(),
        head_nip: String::new(),
    };
    let mut report = snapshot::build(opd.conn(), "DINKES", &info).expect("the snapshot");
    let milestone_id = report.data.milestones[0].id.clone();
    report.data.evidence.push(EvidenceRow {
        id: "019000000000-0000-7000-8000-0000000000f1".into(),
        milestone_id: Some(milestone_id),
        indicator_id: None,
        year: None,
        quarter: None,
        kind: "file".into(),
        title: "Daftar hadir".into(),
        file_name: Some("daftar hadir.pdf".into()),
        sha256: Some(sha256_hex(PDF)),
        url: None,
    });
    snapshot::sort(&mut report.data);
    let key = ed25519_dalek::SigningKey::from_bytes(&[7; 32]);
    let bytes = workbook_bytes(&report, &key, Paper::A4).expect("the report");

    let mut store = Store::open_in_memory().expect("in-memory store");
    demo::load(&mut store, &DemoView::Bappeda).expect("Bappeda's demo");
    let once = |store: &mut Store, decisions: &Decisions| {
        import_bytes(store, "laporan.xlsx", bytes.clone(), decisions)
    };
    match once(&mut store, &Decisions::default()) {
        Err(Error::KeyUnconfirmed(key)) => once(
            &mut store,
            &Decisions::accepting(AcceptedKey {
                opd_code: key.opd_code.clone(),
                fingerprint: key.fingerprint.clone(),
            }),
        ),
        other => other,
    }
    .expect("the report imports");
    let pristine = state(&store, &dir);
    Bappeda {
        store,
        dir,
        pristine,
    }
}

/// A digest of the evidence and audit rows and of every file under the data
/// folder (names and contents).
fn state(store: &Store, dir: &Path) -> u64 {
    let mut digest = DefaultHasher::new();
    for table in ["evidence", "audit_log"] {
        let mut select = store
            .conn()
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1"))
            .unwrap();
        let columns = select.column_count();
        let rows: Vec<String> = select
            .query_map([], |row| {
                Ok((0..columns)
                    .map(|i| format!("{:?}", row.get_ref(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("\u{1f}"))
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        (table, rows).hash(&mut digest);
    }
    let mut files = Vec::new();
    walk(dir, &mut files);
    files.sort();
    files.hash(&mut digest);
    digest.finish()
}

fn walk(dir: &Path, out: &mut Vec<(PathBuf, Vec<u8>)>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out);
        } else {
            let bytes = std::fs::read(&path).unwrap_or_default();
            out.push((path, bytes));
        }
    }
}
