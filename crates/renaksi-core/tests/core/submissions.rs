//! The submission matrix Bappeda watches: OPD × quarter.

use chrono::NaiveDate;
use ed25519_dalek::SigningKey;
use renaksi_core::demo::{self, DemoView};
use renaksi_core::period::PeriodRef;
use renaksi_core::profile::{Profile, Role};
use renaksi_core::report::export::workbook_bytes;
use renaksi_core::report::import::{import_bytes, AcceptedKey, Decisions, Imported};
use renaksi_core::report::snapshot::{self, ExportInfo};
use renaksi_core::submissions::{matrix, verify, SubmissionState};
use renaksi_core::workbook::Paper;
use renaksi_core::Store;

fn report_of(code: &str, quarter: u8) -> Vec<u8> {
    let mut office = Store::open_in_memory().unwrap();
    let profile = Profile::new(Role::Opd { code: code.into() }, "Operator").unwrap();
    demo::load_as(&mut office, &DemoView::Opd(code.into()), &profile).unwrap();
    let info = ExportInfo {
        period: PeriodRef {
            year: 2019,
            quarter,
        },
        exported_at: "2019-04-10T00:00:00Z".into(),
        sequence: i64::from(quarter),
        sign_place: String::new(),
        sign_date: String::new(),
        head_position: String::new(),
        head_name: String::new(),
        head_nip: String::new(),
    };
    let snapshot = snapshot::build(office.conn(), code, &info).unwrap();
    workbook_bytes(
        &snapshot,
        &SigningKey::from_bytes(&[quarter; 32]),
        Paper::A4,
    )
    .unwrap()
}

fn state(
    store: &Store,
    code: &str,
    year: i32,
    quarter: u8,
    today: NaiveDate,
) -> (SubmissionState, bool) {
    let m = matrix(store.conn(), today).unwrap();
    let row = m.rows.iter().find(|r| r.opd.code == code).unwrap();
    let cell = row
        .cells
        .iter()
        .find(|c| c.year == year && c.quarter == quarter)
        .unwrap();
    (cell.state, cell.overdue)
}

#[test]
fn the_matrix_says_belum_diterima_terlambat_and_diverifikasi() {
    let mut bappeda = Store::open_in_memory().unwrap();
    demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();
    let today = NaiveDate::from_ymd_opt(2019, 8, 1).unwrap();
    // Nothing yet: belum, and overdue once the due date (15 July for TW II) passed.
    assert_eq!(
        state(&bappeda, "DINSOS", 2019, 2, today),
        (SubmissionState::NotSubmitted, true)
    );
    assert_eq!(
        state(&bappeda, "DINSOS", 2019, 3, today),
        (SubmissionState::NotSubmitted, false)
    );

    // Reports arrive "now" (long after 2019's due dates): terlambat.
    import_report(&mut bappeda, report_of("DINSOS", 1)).unwrap();
    assert_eq!(
        state(&bappeda, "DINSOS", 2019, 1, today).0,
        SubmissionState::Late
    );

    // With a due date still ahead, the same arrival is on time.
    bappeda
        .write(|tx| {
            tx.execute(
                "UPDATE periods SET due_date = '2999-01-01' WHERE year = 2019 AND quarter = 2",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    import_report(&mut bappeda, report_of("DINSOS", 2)).unwrap_err(); // another key
    let accept = Decisions::accepting(AcceptedKey {
        opd_code: "DINSOS".into(),
        fingerprint: renaksi_core::workbook::key_words::fingerprint_words(
            &renaksi_core::workbook::signature::public_key_text(&SigningKey::from_bytes(&[2; 32])),
        ),
    });
    import_bytes(&mut bappeda, "b.xlsx", report_of("DINSOS", 2), &accept).unwrap();
    assert_eq!(
        state(&bappeda, "DINSOS", 2019, 2, today),
        (SubmissionState::Received, false)
    );

    verify(
        &mut bappeda,
        "DINSOS",
        PeriodRef {
            year: 2019,
            quarter: 2,
        },
    )
    .unwrap();
    assert_eq!(
        state(&bappeda, "DINSOS", 2019, 2, today).0,
        SubmissionState::Verified
    );
    let error = verify(
        &mut bappeda,
        "DINKES",
        PeriodRef {
            year: 2019,
            quarter: 2,
        },
    )
    .unwrap_err();
    assert!(error.to_string().contains("Belum ada laporan"), "{error}");

    // Every OPD with a role in the plan has a row, with one cell per quarter.
    let m = matrix(bappeda.conn(), today).unwrap();
    assert_eq!(m.rows.len(), 9);
    assert!(m.rows.iter().all(|r| r.cells.len() == m.periods.len()));
}

#[test]
fn states_and_grades_keep_their_stored_indonesian_names() {
    use renaksi_core::achievement::GradeKey;
    let text = |v: serde_json::Value| v.as_str().unwrap().to_string();
    let states = [
        SubmissionState::NotSubmitted,
        SubmissionState::Received,
        SubmissionState::Late,
        SubmissionState::Verified,
    ]
    .map(|s| text(serde_json::to_value(s).unwrap()));
    assert_eq!(states, ["belum", "diterima", "terlambat", "diverifikasi"]);
    let grades = [
        GradeKey::VeryHigh,
        GradeKey::High,
        GradeKey::Medium,
        GradeKey::Low,
        GradeKey::VeryLow,
    ]
    .map(|g| text(serde_json::to_value(g).unwrap()));
    assert_eq!(
        grades,
        [
            "sangat_tinggi",
            "tinggi",
            "sedang",
            "rendah",
            "sangat_rendah"
        ]
    );
    let back: GradeKey = serde_json::from_str("\"sangat_tinggi\"").unwrap();
    assert_eq!(back, GradeKey::VeryHigh);
}

/// Bappeda imports a report; an OPD's first key is confirmed with the
/// fingerprint the import shows (`crate::confirming_first_key`).
fn import_report(store: &mut Store, bytes: Vec<u8>) -> renaksi_core::Result<Imported> {
    crate::confirming_first_key(|decisions| import_bytes(store, "a.xlsx", bytes.clone(), decisions))
}

/// Each quarter's due date heads its column; beside the day a report
/// arrived, the matrix and the rekap's Matriks Laporan show the day the OPD
/// exported it (the OPD's clock, for information).
#[test]
fn the_matrix_shows_due_dates_and_the_day_the_opd_exported() {
    use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
    use renaksi_core::dates::long_date_wib;
    use renaksi_core::rekap::{self, HEADER_ROW, MATRIX_SHEET};

    let (dir, path) = crate::temp_db();
    let mut bappeda = Store::open(&path).unwrap();
    demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();
    import_report(&mut bappeda, report_of("DINSOS", 1)).unwrap();
    let today = NaiveDate::from_ymd_opt(2019, 8, 1).unwrap();

    let m = matrix(bappeda.conn(), today).unwrap();
    let tw1 = m
        .periods
        .iter()
        .find(|p| p.year == 2019 && p.quarter == 1)
        .unwrap();
    assert_eq!(tw1.due_date.as_deref(), Some("2019-04-15"));
    let row = m.rows.iter().find(|r| r.opd.code == "DINSOS").unwrap();
    let cell = row
        .cells
        .iter()
        .find(|c| c.year == 2019 && c.quarter == 1)
        .unwrap();
    assert_eq!(cell.exported_at.as_deref(), Some("2019-04-10T00:00:00Z"));
    let received = cell.received_at.clone().unwrap();
    // Terlambat goes by the day it arrived here, not the day it was exported.
    assert_eq!(cell.state, SubmissionState::Late);
    let empty = row
        .cells
        .iter()
        .find(|c| c.year == 2019 && c.quarter == 2)
        .unwrap();
    assert_eq!(
        (empty.exported_at.as_deref(), empty.received_at.as_deref()),
        (None, None)
    );

    let out = dir.path().join("rekap.xlsx");
    rekap::export(
        &bappeda,
        Some(PeriodRef {
            year: 2019,
            quarter: 1,
        }),
        today,
        &out,
        Paper::A4,
    )
    .unwrap();
    let mut book: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(std::fs::read(&out).unwrap())).unwrap();
    let sheet = book.worksheet_range(MATRIX_SHEET).unwrap();
    let text = |row: u32, col: u32| match sheet.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        other => format!("{other:?}"),
    };
    let header: Vec<String> = (0..12).map(|c| text(HEADER_ROW, c)).collect();
    let column = header
        .iter()
        .position(|h| h == "TW I 2019\nbatas 15 April 2019")
        .unwrap_or_else(|| panic!("{header:?}"));
    let dinsos = (HEADER_ROW + 1..HEADER_ROW + 40)
        .find(|r| text(*r, 0) == "DINSOS")
        .unwrap();
    assert_eq!(
        text(dinsos, column as u32),
        format!(
            "Terlambat\nmasuk {}\ndiekspor 10 April 2019",
            long_date_wib(&received)
        )
    );
    assert_eq!(text(dinsos, column as u32 + 1), "Belum");
}
