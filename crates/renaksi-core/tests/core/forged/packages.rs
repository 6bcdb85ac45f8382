//! Hostile plan packages at an OPD: a zip bomb, a part lying about its
//! size, a shared-string table announcing billions, a formula, an edited
//! data sheet, a package of another plan signed by another key, a file too
//! large (and one that is no file at all), and texts over the editor's caps
//! signed by Bappeda's own key. Each is refused within seconds with an
//! Indonesian message, and the OPD's database is as it was. Every file is
//! made here from a genuine package.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use renaksi_core::demo::{self, DemoView};
use renaksi_core::package::{self, PlanPackage, TargetRow};
use renaksi_core::store::{actions, indicators, opds, periods, plans, settings, themes};
use renaksi_core::{Result, Store};

use crate::fixtures::{declare_size, edit_part, replace_number, with_streamed_part};

/// The brief's budget for any file, however crafted.
const BUDGET: Duration = Duration::from_secs(10);
const DATA_SHEET_XML: &str = "xl/worksheets/sheet2.xml";
const SHARED_STRINGS_XML: &str = "xl/sharedStrings.xml";

struct Exchange {
    root: tempfile::TempDir,
    bappeda: Store,
    bappeda_dir: PathBuf,
    /// The genuine package's bytes.
    genuine: Vec<u8>,
    /// DINKES, started from the genuine package.
    opd: Store,
}

fn exchange() -> Exchange {
    let root = tempfile::tempdir().unwrap();
    let bappeda_dir = root.path().join("bappeda");
    std::fs::create_dir_all(&bappeda_dir).unwrap();
    let mut bappeda = Store::open(&bappeda_dir.join("renaksi.db")).unwrap();
    demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();
    let file = bappeda_dir.join("paket.xlsx");
    package::export(&bappeda, &bappeda_dir, &file).unwrap();
    let genuine = std::fs::read(&file).unwrap();
    let opd_dir = root.path().join("DINKES");
    std::fs::create_dir_all(&opd_dir).unwrap();
    let mut opd = Store::open(&opd_dir.join("renaksi.db")).unwrap();
    let signed = package::read_file(&file).unwrap();
    package::apply(&mut opd, &signed, Some(("DINKES", "Operator"))).unwrap();
    Exchange {
        root,
        bappeda,
        bappeda_dir,
        genuine,
        opd,
    }
}

/// What the OPD's database holds that a package could change.
fn state(store: &Store) -> String {
    let conn = store.conn();
    let plan = plans::require_current(conn).unwrap();
    let audit: i64 = conn
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    format!(
        "{:?} {:?} {:?} {:?} {:?} {:?} {:?} {audit}",
        plans::list(conn).unwrap(),
        opds::list(conn).unwrap(),
        themes::list(conn, &plan.id).unwrap(),
        actions::list(conn, &plan.id).unwrap(),
        periods::list(conn, &plan.id).unwrap(),
        indicators::list_for_plan(conn, &plan.id).unwrap(),
        settings::get(conn, "package.bappeda_public_key").unwrap(),
    )
}

/// Takes the package file at `path` as the OPD's window does (read, preview,
/// apply), expecting a refusal within the budget that changes nothing.
fn refused_at_opd(exchange: &mut Exchange, path: &Path) -> String {
    let before = state(&exchange.opd);
    let start = Instant::now();
    let taken: Result<_> = package::read_file(path).and_then(|signed| {
        package::preview(exchange.opd.conn(), &signed)?;
        package::apply(&mut exchange.opd, &signed, None)
    });
    let error = taken.expect_err("refused");
    assert!(start.elapsed() < BUDGET, "took {:?}", start.elapsed());
    assert!(
        matches!(
            error.code(),
            "invalid" | "forbidden" | "bappeda_key_unconfirmed"
        ),
        "{}: {error}",
        error.code()
    );
    assert_eq!(
        state(&exchange.opd),
        before,
        "a refused package changed the OPD's data"
    );
    error.to_string()
}

/// Writes `bytes` as a package file and takes it at the OPD.
fn refused_bytes(exchange: &mut Exchange, name: &str, bytes: &[u8]) -> String {
    assert!(
        bytes.len() < 2 * 1024 * 1024,
        "{name} is {} bytes",
        bytes.len()
    );
    let path = exchange.root.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    refused_at_opd(exchange, &path)
}

/// The data sheet as XML that unpacks to `megabytes` MiB of blanks.
fn blanks(megabytes: usize) -> impl Fn(&mut dyn std::io::Write) {
    move |out: &mut dyn std::io::Write| {
        out.write_all(
            b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet \
              xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>",
        )
        .unwrap();
        let chunk = vec![b' '; 1 << 20];
        for _ in 0..megabytes {
            out.write_all(&chunk).unwrap();
        }
        out.write_all(b"</sheetData></worksheet>").unwrap();
    }
}

/// The genuine package changed by `edit`, signed with the key in `data_dir`.
fn signed_package(
    exchange: &Exchange,
    data_dir: &Path,
    name: &str,
    edit: impl FnOnce(&mut PlanPackage),
) -> PathBuf {
    let mut package = package::build(&exchange.bappeda).unwrap();
    edit(&mut package);
    let path = exchange.root.path().join(name);
    package::export_as_is(&package, data_dir, &path).unwrap();
    path
}

#[test]
fn the_genuine_package_is_taken_again_unchanged() {
    let mut exchange = exchange();
    let path = exchange.root.path().join("sama.xlsx");
    std::fs::write(&path, &exchange.genuine).unwrap();
    let signed = package::read_file(&path).unwrap();
    package::apply(&mut exchange.opd, &signed, None).unwrap();
}

#[test]
fn a_package_zip_bomb_is_refused_before_it_unpacks() {
    let mut exchange = exchange();
    // 16 MiB of blanks packed about a thousand times.
    let bomb = with_streamed_part(&exchange.genuine, DATA_SHEET_XML, blanks(16));
    assert_eq!(
        refused_bytes(&mut exchange, "bom.xlsx", &bomb),
        "Berkas ditolak: isinya mengembang terlalu besar (bom zip)."
    );
}

#[test]
fn a_package_part_lying_about_its_size_is_refused() {
    let mut exchange = exchange();
    let mut lying = with_streamed_part(&exchange.genuine, DATA_SHEET_XML, blanks(16));
    declare_size(&mut lying, DATA_SHEET_XML, 60_000);
    assert_eq!(
        refused_bytes(&mut exchange, "bohong.xlsx", &lying),
        "Berkas ditolak: isinya mengembang melebihi ukuran yang tercatat (bom zip)."
    );
}

#[test]
fn a_package_announcing_billions_of_shared_strings_is_refused() {
    let mut exchange = exchange();
    let huge = edit_part(&exchange.genuine, SHARED_STRINGS_XML, |xml| {
        let open = xml.find("<sst").unwrap();
        let close = open + xml[open..].find('>').unwrap();
        format!(
            "{}<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
             count=\"4294967295\" uniqueCount=\"4294967295\"{}",
            &xml[..open],
            &xml[close..]
        )
    });
    assert_eq!(
        refused_bytes(&mut exchange, "teks.xlsx", &huge),
        "Berkas ditolak: terlalu banyak teks bersama (sharedStrings)."
    );
}

#[test]
fn a_formula_in_a_package_is_refused() {
    let mut exchange = exchange();
    let formula = edit_part(&exchange.genuine, DATA_SHEET_XML, |xml| {
        xml.replace(
            "</sheetData>",
            "<row r=\"9000\"><c r=\"A9000\"><f>1+1</f><v>2</v></c></row></sheetData>",
        )
    });
    assert_eq!(
        refused_bytes(&mut exchange, "rumus.xlsx", &formula),
        "Lembar \"data\" berisi rumus (sel A9000); laporan tidak boleh berisi rumus."
    );
}

#[test]
fn an_edited_package_data_sheet_fails_its_signature() {
    let mut exchange = exchange();
    let edited = edit_part(&exchange.genuine, DATA_SHEET_XML, |xml| {
        replace_number(xml, "2018", "2017")
    });
    assert_eq!(
        refused_bytes(&mut exchange, "ubah.xlsx", &edited),
        "Tanda tangan paket tidak sah: isinya berubah setelah diterbitkan Bappeda. Minta paket \
         yang asli."
    );
}

#[test]
fn a_package_of_another_plan_signed_by_another_key_is_refused() {
    let mut exchange = exchange();
    let other_dir = exchange.root.path().join("lain");
    std::fs::create_dir_all(&other_dir).unwrap();
    let path = signed_package(&exchange, &other_dir, "lain.xlsx", |p| {
        p.plan.id = "rencana-lain".into();
        p.plan.title = "Rencana Aksi Tandingan".into();
        for theme in &mut p.themes {
            theme.plan_id = "rencana-lain".into();
        }
    });
    let message = refused_at_opd(&mut exchange, &path);
    assert!(message.contains("kunci yang berbeda"), "{message}");
}

#[test]
fn an_oversize_package_is_refused_before_it_is_read() {
    let mut exchange = exchange();
    let path = exchange.root.path().join("besar.xlsx");
    std::fs::write(&path, &exchange.genuine).unwrap();
    // 26 MiB, mostly a hole: only its size is ever looked at.
    std::fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_len(26 * 1024 * 1024)
        .unwrap();
    assert_eq!(
        refused_at_opd(&mut exchange, &path),
        "Berkas terlalu besar untuk sebuah paket rencana aksi (lebih dari 25 MB)."
    );
}

/// A named pipe never ends: reading it whole would wait for ever.
#[cfg(unix)]
#[test]
fn a_package_path_that_is_no_regular_file_is_refused_without_reading() {
    let mut exchange = exchange();
    let path = exchange.root.path().join("pipa.xlsx");
    let made = std::process::Command::new("mkfifo")
        .arg(&path)
        .status()
        .unwrap();
    assert!(made.success());
    assert_eq!(
        refused_at_opd(&mut exchange, &path),
        "Yang dipilih bukan berkas biasa; pilih sebuah paket rencana aksi."
    );
}

#[test]
fn package_texts_over_the_editors_caps_are_refused_even_signed_by_bappeda() {
    let mut exchange = exchange();
    let dir = exchange.bappeda_dir.clone();
    let path = signed_package(&exchange, &dir, "panjang.xlsx", |p| {
        p.actions[0].title = "Rencana aksi ".repeat(1000);
    });
    let message = refused_at_opd(&mut exchange, &path);
    assert!(
        message.starts_with(
            "Paket rencana aksi ini tidak dapat dipakai: judul rencana aksi \"Rencana aksi "
        ),
        "{message}"
    );
    assert!(
        message.contains("…\" terlalu panjang (13000 karakter; paling banyak 500)."),
        "{message}"
    );
    assert!(message.chars().count() < 300, "{message}");

    let path = signed_package(&exchange, &dir, "opd.xlsx", |p| {
        p.opds[0].name = "N".repeat(201);
    });
    assert!(refused_at_opd(&mut exchange, &path).contains("nama OPD"));

    // A region of 10,000 characters is named in a short message.
    let path = signed_package(&exchange, &dir, "wilayah.xlsx", |p| {
        p.plan.region = "Kabupaten ".repeat(1000);
    });
    let message = refused_at_opd(&mut exchange, &path);
    assert!(message.contains("Kabupaten Kabupaten"), "{message}");
    assert!(message.chars().count() < 300, "{message}");
}

#[test]
fn a_package_target_outside_the_plans_years_is_refused() {
    let mut exchange = exchange();
    let dir = exchange.bappeda_dir.clone();
    let path = signed_package(&exchange, &dir, "tahun.xlsx", |p| {
        let indicator = p.indicators[0].id.clone();
        p.targets.push(TargetRow {
            indicator_id: indicator,
            year: 2040,
            quarter: 2,
            value: 1.0,
        });
    });
    assert_eq!(
        refused_at_opd(&mut exchange, &path),
        "Paket rencana aksi ini tidak dapat dipakai: paket memuat target untuk tahun 2040, di \
         luar masa rencana aksi (2018-2019). Minta paket yang benar kepada Bappeda."
    );
}

/// A word the package's reader does not know, 10,000 characters long, in the
/// data sheet: the message names the problem in one short line, whatever the
/// parser quotes (the signature is not even reached).
#[test]
fn a_huge_unknown_word_in_a_package_is_quoted_short() {
    let mut exchange = exchange();
    let huge = "x".repeat(10_000);
    for (what, from) in [("a status", "<t>final</t>"), ("a table", "<t>#plan</t>")] {
        let to = match what {
            "a table" => format!("<t>#{huge}</t>"),
            _ => format!("<t>{huge}</t>"),
        };
        let edited = edit_part(&exchange.genuine, SHARED_STRINGS_XML, |xml| {
            assert!(xml.contains(from), "{what}: {from} in the package");
            xml.replacen(from, &to, 1)
        });
        let message = refused_bytes(&mut exchange, "kata.xlsx", &edited);
        assert!(
            message.chars().count() < 400,
            "{what}: {} characters: {message:.300}",
            message.chars().count()
        );
        assert!(message.contains("xxxx…"), "{what}: {message}");
    }
}
