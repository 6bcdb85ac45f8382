//! The brief's cycle with real files: Bappeda publishes the plan package, three
//! OPDs start from it, enter their data and export their reports, Bappeda
//! imports them all and holds exactly what the OPDs hold.

use std::path::Path;

use renaksi_core::demo::{self, DemoView};
use renaksi_core::editing::indicators::{self, IndicatorInput};
use renaksi_core::editing::values::{self, RealisationInput, TargetsInput};
use renaksi_core::model::{Aggregation, Polarity};
use renaksi_core::package;
use renaksi_core::period::PeriodRef;
use renaksi_core::report::export::export;
use renaksi_core::report::import::{import_file, Imported};
use renaksi_core::report::snapshot::{self, ExportInfo, OpdData};
use renaksi_core::store::{actions, plans};
use renaksi_core::workbook::Paper;
use renaksi_core::Store;

const TW1_2019: PeriodRef = PeriodRef {
    year: 2019,
    quarter: 1,
};

fn data_of(store: &Store, code: &str) -> OpdData {
    let info = ExportInfo {
        period: TW1_2019,
        exported_at: "2019-04-10T00:00:00Z".into(),
        sequence: 1,
        sign_place: String::new(),
        sign_date: String::new(),
        head_position: String::new(),
        head_name: String::new(),
        head_nip: String::new(),
    };
    snapshot::build(store.conn(), code, &info).unwrap().data
}

/// An OPD adds an indicator to the action it leads, with targets and a realisation.
fn enter_data(store: &mut Store, code: &str, lead_action: &str, realised: f64) {
    let plan = plans::current(store.conn()).unwrap().unwrap();
    let action = actions::list(store.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .find(|a| a.code == lead_action)
        .unwrap();
    let (id, _) = indicators::save(
        store,
        &IndicatorInput {
            id: None,
            action_id: action.id,
            milestone_id: None,
            description: format!("Indikator uji {code}"),
            unit: "dokumen".into(),
            baseline: Some(0.0),
            polarity: Polarity::Positive,
            aggregation: Aggregation::Cumulative,
        },
    )
    .unwrap();
    values::save_targets(
        store,
        &TargetsInput {
            indicator_id: id.clone(),
            year: 2019,
            values: vec![Some(10.0), Some(10.0), None, None],
        },
    )
    .unwrap();
    values::save_realisation(
        store,
        &RealisationInput {
            indicator_id: id,
            year: 2019,
            quarter: 1,
            value: Some(realised),
            notes: "Sesuai rencana".into(),
            obstacles: String::new(),
            follow_up: String::new(),
        },
    )
    .unwrap();
}

/// Bappeda imports a report; an OPD's first key is confirmed with the
/// fingerprint the import shows (`crate::confirming_first_key`).
fn import_report(store: &mut Store, file: &Path) -> renaksi_core::Result<Imported> {
    crate::confirming_first_key(|decisions| import_file(store, file, decisions))
}

fn office(root: &Path, code: &str) -> std::path::PathBuf {
    let dir = root.join(code);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn package_three_opds_reports_and_the_consolidated_picture() {
    let root = tempfile::tempdir().unwrap();
    let bappeda_dir = office(root.path(), "bappeda");
    let mut bappeda = Store::open(&bappeda_dir.join("renaksi.db")).unwrap();
    demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();
    let package_file = root.path().join("paket.xlsx");
    package::export(&bappeda, &bappeda_dir, &package_file).unwrap();

    let mut reports = Vec::new();
    let mut offices = Vec::new();
    for (code, action, realised) in [
        ("DINKES", "RA-01", 9.0),
        ("DINSOS", "RA-02", 4.0),
        ("DPMPTSP", "RA-08", 12.5),
    ] {
        let dir = office(root.path(), code);
        let mut store = Store::open(&dir.join("renaksi.db")).unwrap();
        let signed = package::read_file(&package_file).unwrap();
        let applied = package::apply(&mut store, &signed, Some((code, "Operator"))).unwrap();
        assert!(applied.started);
        // The plan document's indicators of this OPD arrive with the package.
        let before = data_of(&bappeda, code).indicators.len();
        assert_eq!(applied.indicators_received, before, "{code}");
        assert_eq!(data_of(&store, code).indicators.len(), before, "{code}");
        enter_data(&mut store, code, action, realised);
        let file = root.path().join(format!("laporan-{code}.xlsx"));
        export(&mut store, &dir, TW1_2019, Paper::A4, &file).unwrap();
        reports.push(file);
        offices.push((code, store, before));
    }

    // The demo's Bappeda holds these offices' realisations of 2018, whose
    // quarters it closed; offices that started over from the package no longer
    // carry them, so their reports are refused rather than erase a closed
    // quarter. Bappeda reopens 2018 for this round.
    let refused = import_report(&mut bappeda, &reports[0]).unwrap_err();
    assert!(
        refused.to_string().contains("2018 sudah ditutup"),
        "{refused}"
    );
    for quarter in 1..=4 {
        renaksi_core::planning::reopen(
            &mut bappeda,
            &renaksi_core::planning::PeriodChange {
                period: PeriodRef::new(2018, quarter).unwrap(),
                reason: "Kantor memulai ulang dari paket".into(),
            },
        )
        .unwrap();
    }
    for file in &reports {
        assert!(import_report(&mut bappeda, file).unwrap().changed);
    }
    for (code, store, received) in &offices {
        assert_eq!(data_of(&bappeda, code), data_of(store, code), "{code}");
        assert_eq!(
            data_of(&bappeda, code).indicators.len(),
            received + 1,
            "{code}'s report replaced Bappeda's copy: the rows it received and one it added"
        );
    }
    // An OPD untouched by the round keeps what Bappeda held.
    assert!(!data_of(&bappeda, "DUKCAPIL").indicators.is_empty());
}

#[test]
fn a_newer_package_keeps_the_opds_entries_and_closes_quarters() {
    let root = tempfile::tempdir().unwrap();
    let bappeda_dir = office(root.path(), "bappeda");
    let mut bappeda = Store::open(&bappeda_dir.join("renaksi.db")).unwrap();
    demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();
    let first = root.path().join("paket-1.xlsx");
    package::export(&bappeda, &bappeda_dir, &first).unwrap();

    let dir = office(root.path(), "DINKES");
    let mut opd = Store::open(&dir.join("renaksi.db")).unwrap();
    package::apply(
        &mut opd,
        &package::read_file(&first).unwrap(),
        Some(("DINKES", "Sari")),
    )
    .unwrap();
    enter_data(&mut opd, "DINKES", "RA-01", 5.0);
    let entered = data_of(&opd, "DINKES");

    // Bappeda closes 2019 TW I, retitles an action and publishes version 2.
    bappeda
        .write(|tx| {
            tx.execute(
                "UPDATE periods SET closed = 1 WHERE year = 2019 AND quarter = 1",
                [],
            )?;
            tx.execute(
                "UPDATE actions SET title = title || ' (revisi)' WHERE code = 'RA-03'",
                [],
            )?;
            tx.execute("UPDATE plans SET version = 2", [])?;
            Ok(())
        })
        .unwrap();
    let second = root.path().join("paket-2.xlsx");
    package::export(&bappeda, &bappeda_dir, &second).unwrap();
    let applied = package::apply(&mut opd, &package::read_file(&second).unwrap(), None).unwrap();
    assert!(!applied.started);
    assert_eq!(applied.version, 2);

    assert_eq!(
        data_of(&opd, "DINKES"),
        entered,
        "the OPD's own entries stay"
    );
    let plan = plans::current(opd.conn()).unwrap().unwrap();
    assert_eq!(plan.version, 2);
    let ra03 = actions::list(opd.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .find(|a| a.code == "RA-03")
        .unwrap();
    assert!(ra03.title.ends_with("(revisi)"));
    let indicator = entered.indicators[0].id.clone();
    let error = values::save_realisation(
        &mut opd,
        &RealisationInput {
            indicator_id: indicator,
            year: 2019,
            quarter: 1,
            value: Some(6.0),
            notes: String::new(),
            obstacles: String::new(),
            follow_up: String::new(),
        },
    )
    .unwrap_err();
    assert_eq!(error.code(), "period_closed");

    // Going back to version 1 is refused.
    let error = package::apply(&mut opd, &package::read_file(&first).unwrap(), None).unwrap_err();
    assert!(error.to_string().contains("lebih lama"), "{error}");
}

#[test]
fn a_package_edited_after_publishing_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let mut bappeda = Store::open(&root.path().join("b.db")).unwrap();
    demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();
    let file = root.path().join("paket.xlsx");
    package::export(&bappeda, root.path(), &file).unwrap();
    let bytes = std::fs::read(&file).unwrap();
    // Flip one letter of a shared text (an OPD or action name) in the workbook.
    let tampered = {
        use std::io::{Read, Write};
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).unwrap();
            let name = entry.name().to_string();
            let mut content = Vec::new();
            entry.read_to_end(&mut content).unwrap();
            if name == "xl/sharedStrings.xml" {
                let xml = String::from_utf8(content).unwrap();
                assert!(xml.contains("<t>Dinas Kesehatan</t>"));
                content = xml
                    .replacen("<t>Dinas Kesehatan</t>", "<t>Dinas Kesehatam</t>", 1)
                    .into_bytes();
            }
            out.start_file(name, zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(&content).unwrap();
        }
        out.finish().unwrap().into_inner()
    };
    let error = package::read_bytes(tampered).unwrap_err();
    assert!(
        error.to_string().contains("Tanda tangan paket tidak sah"),
        "{error}"
    );
}
