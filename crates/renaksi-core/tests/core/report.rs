//! The Laporan OPD as files: export, read back, check, tamper.

use std::io::{Read, Write};

use proptest::prelude::*;
use renaksi_core::demo::{self, DemoView};
use renaksi_core::model::{
    Aggregation, Indicator, Milestone, MilestoneStatus, Polarity, Realisation, Target,
};
use renaksi_core::period::PeriodRef;
use renaksi_core::profile::{Profile, Role};
use renaksi_core::report::check::{check_bytes, check_file};
use renaksi_core::report::datasheet;
use renaksi_core::report::export::{export, workbook_bytes};
use renaksi_core::report::snapshot::{self, ExportInfo, NarrativeRow, Snapshot};
use renaksi_core::workbook::machine_sheet::DATA_SHEET;
use renaksi_core::workbook::signature::verify_bytes;
use renaksi_core::workbook::{Book, Paper};
use renaksi_core::Store;

const TW1_2019: PeriodRef = PeriodRef {
    year: 2019,
    quarter: 1,
};

fn opd_demo(code: &str) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    demo::load_as(
        &mut store,
        &DemoView::Opd(code.into()),
        &Profile::new(Role::Opd { code: code.into() }, "Sari").unwrap(),
    )
    .unwrap();
    store
}

fn info(sequence: i64) -> ExportInfo {
    ExportInfo {
        period: TW1_2019,
        exported_at: "2019-04-15T03:30:00Z".into(),
        sequence,
        sign_place: "Wonosobo".into(),
        sign_date: "15 April 2019".into(),
        head_position: "Kepala Dinas Kesehatan".into(),
        head_name: "dr. Contoh".into(),
        head_nip: "196805121995031002".into(),
    }
}

fn key() -> ed25519_dalek::SigningKey {
    ed25519_dalek::SigningKey::from_bytes(&[7u8; 32])
}

fn read_back(bytes: Vec<u8>) -> datasheet::SignedSnapshot {
    let mut book = Book::open(bytes).unwrap();
    datasheet::read(book.cells(DATA_SHEET).unwrap()).unwrap()
}

#[test]
fn an_exported_report_reads_back_to_the_same_snapshot_and_checks_clean() {
    let store = opd_demo("DINKES");
    let snapshot = snapshot::build(store.conn(), "DINKES", &info(1)).unwrap();
    assert!(!snapshot.data.indicators.is_empty());
    let bytes = workbook_bytes(&snapshot, &key(), Paper::A4).unwrap();
    let signed = read_back(bytes.clone());
    assert_eq!(signed.snapshot, snapshot);
    assert!(verify_bytes(
        &signed.public_key,
        &signed.signature,
        &snapshot.canonical_bytes()
    ));

    let report = check_bytes(bytes).unwrap();
    assert_eq!(report.problems, Vec::<String>::new());
    assert_eq!(report.opd_code, "DINKES");
    assert_eq!(report.period_label, "Triwulan I 2019");
    assert_eq!(report.indicators, snapshot.data.indicators.len());
}

/// Rewrites one file inside the workbook's zip.
fn edit_zip(bytes: &[u8], member: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        if name == member {
            content = edit(String::from_utf8(content).unwrap()).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// Replaces the value of the first numeric cell (not a shared-string index)
/// whose value is `from`.
fn replace_number(xml: &str, from: f64, to: f64) -> String {
    let needle = format!("<v>{from}</v>");
    let mut start = 0;
    while let Some(found) = xml[start..].find(&needle) {
        let at = start + found;
        let open = xml[..at]
            .rfind("<c ")
            .expect("a cell opens before its value");
        if !xml[open..at].contains(" t=") {
            return format!("{}<v>{to}</v>{}", &xml[..at], &xml[at + needle.len()..]);
        }
        start = at + needle.len();
    }
    panic!("no numeric cell holds {from}");
}

/// The sheet XML that holds a sheet name, by order in the workbook.
fn sheet_member(index: usize) -> String {
    format!("xl/worksheets/sheet{}.xml", index + 1)
}

#[test]
fn changing_one_value_in_the_data_sheet_breaks_the_signature() {
    let store = opd_demo("DINKES");
    let snapshot = snapshot::build(store.conn(), "DINKES", &info(1)).unwrap();
    let target = snapshot.data.targets.first().unwrap().value;
    let bytes = workbook_bytes(&snapshot, &key(), Paper::A4).unwrap();
    // The data sheet is the third sheet; change the first target's value.
    let tampered = edit_zip(&bytes, &sheet_member(2), |xml| {
        replace_number(&xml, target, target + 1.0)
    });
    let report = check_bytes(tampered).unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("Tanda tangan tidak cocok")),
        "{:?}",
        report.problems
    );
}

#[test]
fn a_printed_table_that_disagrees_with_the_data_is_reported() {
    let store = opd_demo("DINKES");
    let snapshot = snapshot::build(store.conn(), "DINKES", &info(1)).unwrap();
    let bytes = workbook_bytes(&snapshot, &key(), Paper::A4).unwrap();
    // The first number on the printed sheet is row 1's "No"; make it say 2.
    let tampered = edit_zip(&bytes, &sheet_member(0), |xml| {
        replace_number(&xml, 1.0, 2.0)
    });
    let report = check_bytes(tampered).unwrap();
    assert!(
        report.problems.iter().all(|p| !p.contains("Tanda tangan")),
        "{:?}",
        report.problems
    );
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert!(
        report.problems[0].contains("berbunyi 2"),
        "{:?}",
        report.problems
    );
}

#[test]
fn no_cell_of_an_export_is_a_formula() {
    let mut store = opd_demo("DINKES");
    let ra = snapshot::build(store.conn(), "DINKES", &info(1))
        .unwrap()
        .data
        .milestones[0]
        .action_id
        .clone();
    renaksi_core::editing::milestones::save(
        &mut store,
        &renaksi_core::editing::milestones::MilestoneInput {
            id: None,
            action_id: ra,
            title: "=HYPERLINK(\"http://contoh\",\"klik\")".into(),
            output: "+62 812 000".into(),
            start_date: None,
            end_date: None,
            status: MilestoneStatus::NotStarted,
        },
    )
    .unwrap();
    let snapshot = snapshot::build(store.conn(), "DINKES", &info(1)).unwrap();
    let bytes = workbook_bytes(&snapshot, &key(), Paper::A4).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        if file.name().starts_with("xl/worksheets/sheet") {
            let mut xml = String::new();
            file.read_to_string(&mut xml).unwrap();
            assert!(
                !xml.contains("<f>") && !xml.contains("<f "),
                "{} has a formula",
                file.name()
            );
        }
    }
    assert_eq!(read_back(bytes).snapshot, snapshot);
}

#[test]
fn export_writes_the_file_records_the_sequence_and_makes_a_key_once() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = opd_demo("DINSOS");
    let out = dir.path().join("laporan.xlsx");
    let first = export(&mut store, dir.path(), TW1_2019, Paper::A4, &out).unwrap();
    let second = export(&mut store, dir.path(), TW1_2019, Paper::F4, &out).unwrap();
    assert_eq!((first.sequence, second.sequence), (1, 2));
    assert_eq!(
        first.key_fingerprint, second.key_fingerprint,
        "one key per installation"
    );
    let report = check_file(&out).unwrap();
    assert_eq!(report.problems, Vec::<String>::new());
    assert_eq!(report.sequence, 2);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
    let recorded: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM reports WHERE direction = 'exported'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(recorded, 2);
}

#[test]
fn bappeda_cannot_export_an_opd_report() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    let error = export(
        &mut store,
        dir.path(),
        TW1_2019,
        Paper::A4,
        &dir.path().join("x.xlsx"),
    )
    .unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert_eq!(
        error.to_string(),
        "Hanya OPD yang mengekspor Laporan OPD; basis data ini dipakai oleh Bappeda."
    );
    assert!(!dir.path().join("x.xlsx").exists());
}

/// Texts that must survive as text: formula-like prefixes, Unicode, long, empty.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[=+@-][A-Za-z0-9(),.:\"! ]{0,40}",
        "[ -~]{1,60}",
        "[\u{00C0}-\u{024F}\u{A980}-\u{A9CD} a-z]{1,40}",
        "[a-zA-Z ]{3000,5000}",
    ]
}

fn number() -> impl Strategy<Value = f64> {
    (0u64..10_000_000_000).prop_map(|n| snapshot::round(n as f64 / 1000.0))
}

prop_compose! {
    fn arbitrary_snapshot()(
        titles in proptest::collection::vec(text(), 1..4),
        notes in proptest::collection::vec(text(), 1..4),
        values in proptest::collection::vec(proptest::option::of(number()), 4),
        targets in proptest::collection::vec(number(), 4),
        narrative in text(),
    ) -> Snapshot {
        let store = opd_demo("DINKES");
        let mut snap = snapshot::build(store.conn(), "DINKES", &info(3)).unwrap();
        let opd_id = snap.meta.opd_id.clone();
        let action_id = snap.context.actions[0].id.clone();
        snap.data.narratives.push(NarrativeRow {
            action_id: action_id.clone(),
            problem: narrative.clone(),
            description: String::new(),
            contribution: narrative,
            ogp_values: "transparansi".into(),
            cso_partners: String::new(),
        });
        for (i, title) in titles.iter().enumerate() {
            let id = format!("00000000-0000-4000-8000-{i:012}");
            snap.data.milestones.push(Milestone {
                id: id.clone(), action_id: action_id.clone(), opd_id: opd_id.clone(), seq: 90 + i as i64,
                title: title.clone(), output: notes[i % notes.len()].clone(),
                start_date: None, end_date: Some("2019-12-31".into()), status: MilestoneStatus::Limited,
            });
            snap.data.indicators.push(Indicator {
                id: format!("10000000-0000-4000-8000-{i:012}"), action_id: action_id.clone(),
                milestone_id: Some(id), opd_id: opd_id.clone(), seq: 90 + i as i64,
                description: title.clone(), unit: notes[i % notes.len()].clone(),
                baseline: values[i % 4], polarity: Polarity::Negative, aggregation: Aggregation::Percentage,
            });
        }
        let indicator_id = snap.data.indicators.last().unwrap().id.clone();
        for q in 1..=4u8 {
            snap.data.targets.push(Target { indicator_id: indicator_id.clone(), year: 2019, quarter: q, value: targets[usize::from(q) - 1] });
            snap.data.realisations.push(Realisation {
                indicator_id: indicator_id.clone(), year: 2019, quarter: q, value: values[usize::from(q) - 1],
                notes: notes[0].clone(), obstacles: notes[notes.len() - 1].clone(), follow_up: String::new(),
            });
        }
        snapshot::sort(&mut snap.data);
        snap
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

    #[test]
    fn export_then_read_back_gives_the_identical_snapshot(snap in arbitrary_snapshot()) {
        let bytes = workbook_bytes(&snap, &key(), Paper::A4).unwrap();
        let signed = read_back(bytes.clone());
        prop_assert_eq!(&signed.snapshot, &snap);
        prop_assert!(verify_bytes(&signed.public_key, &signed.signature, &snap.canonical_bytes()));
        let report = check_bytes(bytes).unwrap();
        prop_assert!(report.problems.is_empty(), "{:?}", report.problems);
    }
}

/// A report "s.d. TW II" prints what was known up to TW II: the Realisasi TW
/// III and IV columns stay empty though the database holds them, targets
/// show the whole year, the capaian is that of the database without them,
/// and the signed data still carries every quarter.
#[test]
fn a_report_prints_realisations_only_up_to_its_quarter() {
    use renaksi_core::report::layout::{REPORT_SHEET, TABLE_HEADER_ROW, TABLE_HEADER_ROWS};
    use renaksi_core::workbook::Cell;
    const TW2_2019: PeriodRef = PeriodRef {
        year: 2019,
        quarter: 2,
    };
    // "Jumlah desa/kelurahan ..." of DINSOS: kumulatif, targets 60, 50, 30, 14
    // in 2019, realised 41 in TW I.
    const INDICATOR: &str = "24d67b7e-4a19-4a85-b279-01917a749e26";
    let (dir, path) = crate::temp_db();
    let mut store = Store::open(&path).unwrap();
    demo::load_as(
        &mut store,
        &DemoView::Opd("DINSOS".into()),
        &Profile::new(
            Role::Opd {
                code: "DINSOS".into(),
            },
            "Sari",
        )
        .unwrap(),
    )
    .unwrap();
    let set = |store: &mut Store, quarter: u8, value: Option<f64>| {
        store
            .write(|tx| {
                tx.execute(
                    "DELETE FROM realisations WHERE indicator_id = ?1 AND year = 2019 AND quarter = ?2",
                    rusqlite::params![INDICATOR, quarter],
                )?;
                if let Some(value) = value {
                    tx.execute(
                        "INSERT INTO realisations (indicator_id, year, quarter, value, updated_at)
                         VALUES (?1, 2019, ?2, ?3, '2019-07-01T00:00:00Z')",
                        rusqlite::params![INDICATOR, quarter, value],
                    )?;
                }
                Ok(())
            })
            .unwrap();
    };
    set(&mut store, 2, Some(44.0));
    let printed = |store: &mut Store, name: &str| {
        let out = dir.path().join(name);
        export(store, dir.path(), TW2_2019, Paper::A4, &out).unwrap();
        let bytes = std::fs::read(&out).unwrap();
        assert_eq!(check_file(&out).unwrap().problems, Vec::<String>::new());
        let mut book = Book::open(bytes.clone()).unwrap();
        let cells = book.cells(REPORT_SHEET).unwrap();
        let description: String = store
            .conn()
            .query_row(
                "SELECT description FROM indicators WHERE id = ?1",
                [INDICATOR],
                |r| r.get(0),
            )
            .unwrap();
        // The indicator's row of the evaluation table (column E holds the indicator).
        let row = cells
            .iter()
            .find(|(r, c, cell)| {
                *r >= TABLE_HEADER_ROW + TABLE_HEADER_ROWS
                    && *c == 4
                    && *cell == Cell::Text(description.clone())
            })
            .map(|(r, _, _)| *r)
            .unwrap();
        let at = |col: u32| {
            cells
                .iter()
                .find(|(r, c, _)| *r == row && *c == col)
                .map_or(Cell::Empty, |(_, _, cell)| cell.clone())
        };
        // Targets TW I-IV are columns I-L, realisations M-P, then the capaian
        // s.d. TW n (Q) and against the annual target (S).
        let figures: Vec<Cell> = (8..=18).map(at).collect();
        (figures, read_back(bytes))
    };
    let (without_later, _) = printed(&mut store, "tanpa-tw3.xlsx");

    set(&mut store, 3, Some(25.0));
    set(&mut store, 4, Some(10.0));
    let (with_later, signed) = printed(&mut store, "dengan-tw3.xlsx");
    let n = Cell::Number;
    assert_eq!(
        with_later[..8],
        [
            n(60.0),
            n(50.0),
            n(30.0),
            n(14.0),
            n(41.0),
            n(44.0),
            Cell::Empty,
            Cell::Empty
        ],
        "{with_later:?}"
    );
    // Capaian s.d. TW II: (41 + 44) / (60 + 50); against the year: 85 / 154.
    let Cell::Number(percent) = with_later[8] else {
        panic!("{with_later:?}")
    };
    assert!((percent - 85.0 / 110.0 * 100.0).abs() < 1e-9, "{percent}");
    let Cell::Number(annual) = with_later[10] else {
        panic!("{with_later:?}")
    };
    assert!((annual - 85.0 / 154.0 * 100.0).abs() < 1e-9, "{annual}");
    assert_eq!(with_later, without_later, "the same printed figures");

    // The signed data keeps the full snapshot.
    let kept: Vec<(u8, Option<f64>)> = signed
        .snapshot
        .data
        .realisations
        .iter()
        .filter(|r| r.indicator_id == INDICATOR && r.year == 2019)
        .map(|r| (r.quarter, r.value))
        .collect();
    assert_eq!(
        kept,
        [
            (1, Some(41.0)),
            (2, Some(44.0)),
            (3, Some(25.0)),
            (4, Some(10.0))
        ]
    );
}
