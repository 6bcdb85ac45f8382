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
    report_numbered(code, quarter, i64::from(quarter), quarter)
}

/// A report of `quarter` with its own number, signed with key number `key`.
fn report_numbered(code: &str, quarter: u8, sequence: i64, key: u8) -> Vec<u8> {
    let mut office = Store::open_in_memory().unwrap();
    let profile = Profile::new(Role::Opd { code: code.into() }, "Operator").unwrap();
    demo::load_as(&mut office, &DemoView::Opd(code.into()), &profile).unwrap();
    let info = ExportInfo {
        period: PeriodRef {
            year: 2019,
            quarter,
        },
        exported_at: "2019-04-10T00:00:00Z".into(),
        sequence,
        sign_place: String::new(),
        sign_date: String::new(),
        head_position: String::new(),
        head_name: String::new(),
        head_nip: String::new(),
    };
    let snapshot = snapshot::build(office.conn(), code, &info).unwrap();
    workbook_bytes(&snapshot, &SigningKey::from_bytes(&[key; 32]), Paper::A4).unwrap()
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

    // Fixed arrivals for the printed dates: DINSOS's one report 16 April WIB
    // (late); DINKES's first on 14 April, its second 16 April (on time).
    set_arrival(&mut bappeda, "DINSOS", 1, 1, "2019-04-15T18:00:00Z");
    import_report(&mut bappeda, report_numbered("DINKES", 1, 1, 7)).unwrap();
    set_arrival(&mut bappeda, "DINKES", 1, 1, "2019-04-14T03:00:00Z");
    import_report(&mut bappeda, report_numbered("DINKES", 1, 2, 7)).unwrap();
    set_arrival(&mut bappeda, "DINKES", 1, 2, "2019-04-15T18:00:00Z");

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
        .position(|h| h == "TW I 2019\nbatas 15 Apr 2019")
        .unwrap_or_else(|| panic!("{header:?}"));
    let row_of = |code: &str| {
        (HEADER_ROW + 1..HEADER_ROW + 40)
            .find(|r| text(*r, 0) == code)
            .unwrap()
    };
    // Short dates, each under its word where the two would not fit one line
    // of the narrow column.
    let dinsos = row_of("DINSOS");
    assert_eq!(
        text(dinsos, column as u32),
        "Terlambat\nmasuk\n16 Apr 2019\ndiekspor\n10 Apr 2019"
    );
    assert_eq!(text(dinsos, column as u32 + 1), "Belum");
    assert_eq!(
        text(row_of("DINKES"), column as u32),
        "Diterima\nmasuk pertama\n14 Apr 2019\nmasuk terakhir\n16 Apr 2019\ndiekspor\n10 Apr 2019"
    );

    // The quarter columns stay narrow: a plan of twelve quarters must still
    // print at a readable scale when fitted to the page width.
    let sheet_number = book
        .sheet_names()
        .iter()
        .position(|n| n == MATRIX_SHEET)
        .unwrap()
        + 1;
    let mut archive = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut archive
            .by_name(&format!("xl/worksheets/sheet{sheet_number}.xml"))
            .unwrap(),
        &mut xml,
    )
    .unwrap();
    let quarter_columns = xml
        .split("<col ")
        .skip(1)
        .find(|c| c.starts_with("min=\"3\""))
        .unwrap_or_else(|| panic!("{xml}"));
    let width: f64 = quarter_columns
        .split("width=\"")
        .nth(1)
        .and_then(|w| w.split('"').next())
        .and_then(|w| w.parse().ok())
        .unwrap();
    assert!(width < 15.0, "quarter columns {width} wide");
}

/// The import stamps the computer's time; these tests set when a report
/// arrived to the instant they are about.
fn set_arrival(store: &mut Store, code: &str, quarter: u8, sequence: i64, at: &str) {
    store
        .write(|tx| {
            tx.execute(
                "UPDATE reports SET received_at = ?4
                 WHERE direction = 'imported' AND year = 2019 AND quarter = ?2 AND sequence = ?3
                   AND opd_id = (SELECT id FROM opds WHERE code = ?1)",
                rusqlite::params![code, quarter, sequence, at],
            )?;
            Ok(())
        })
        .unwrap();
}

fn cell(store: &Store, code: &str, quarter: u8) -> renaksi_core::submissions::MatrixCell {
    let m = matrix(store.conn(), NaiveDate::from_ymd_opt(2019, 8, 1).unwrap()).unwrap();
    m.rows
        .into_iter()
        .find(|r| r.opd.code == code)
        .unwrap()
        .cells
        .into_iter()
        .find(|c| c.year == 2019 && c.quarter == quarter)
        .unwrap()
}

/// Terlambat goes by the day in WIB, the day every date of the matrix is shown
/// in: 15 April 18.00 UTC is already 16 April 01.00 WIB, after TW I's due date
/// (15 April); 15 April 23.59 WIB is still on time.
#[test]
fn a_report_is_late_by_the_wib_day_it_arrived() {
    let mut bappeda = Store::open_in_memory().unwrap();
    demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();
    import_report(&mut bappeda, report_of("DINSOS", 1)).unwrap();

    set_arrival(&mut bappeda, "DINSOS", 1, 1, "2019-04-15T18:00:00Z");
    assert_eq!(cell(&bappeda, "DINSOS", 1).state, SubmissionState::Late);

    set_arrival(&mut bappeda, "DINSOS", 1, 1, "2019-04-15T16:59:00Z");
    assert_eq!(cell(&bappeda, "DINSOS", 1).state, SubmissionState::Received);
}

/// An OPD that reported on time and sends the quarter again after the due
/// date (answering Bappeda's note) is not late: the first arrival decides.
/// The latest report still gives the number, the dates and the verification.
#[test]
fn a_later_report_of_an_on_time_quarter_does_not_make_it_late() {
    let mut bappeda = Store::open_in_memory().unwrap();
    demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();
    import_report(&mut bappeda, report_numbered("DINSOS", 1, 1, 1)).unwrap();
    set_arrival(&mut bappeda, "DINSOS", 1, 1, "2019-04-14T03:00:00Z");
    let first = cell(&bappeda, "DINSOS", 1);
    assert_eq!(
        (first.state, first.first_received_at.as_deref()),
        (SubmissionState::Received, None),
        "one report: its arrival is the only one"
    );

    // The second report of TW I arrives now, long after 15 April 2019.
    import_report(&mut bappeda, report_numbered("DINSOS", 1, 2, 1)).unwrap();
    let again = cell(&bappeda, "DINSOS", 1);
    assert_eq!(again.state, SubmissionState::Received);
    assert_eq!(again.sequence, Some(2));
    assert_ne!(again.received_at.as_deref(), Some("2019-04-14T03:00:00Z"));
    assert_eq!(
        again.first_received_at.as_deref(),
        Some("2019-04-14T03:00:00Z")
    );

    verify(
        &mut bappeda,
        "DINSOS",
        PeriodRef {
            year: 2019,
            quarter: 1,
        },
    )
    .unwrap();
    assert_eq!(cell(&bappeda, "DINSOS", 1).state, SubmissionState::Verified);

    // A quarter whose first report came late stays late when another follows.
    import_report(&mut bappeda, report_numbered("DINSOS", 2, 3, 1)).unwrap();
    set_arrival(&mut bappeda, "DINSOS", 2, 3, "2019-07-20T03:00:00Z");
    import_report(&mut bappeda, report_numbered("DINSOS", 2, 4, 1)).unwrap();
    assert_eq!(cell(&bappeda, "DINSOS", 2).state, SubmissionState::Late);
}
