//! The regency picture (consolidation), the verifier notes and the Rekap
//! kabupaten workbook, read back as a reader's spreadsheet app would.

use std::io::{Cursor, Read};

use calamine::{open_workbook_from_rs, Data, Reader, Xlsx};
use chrono::NaiveDate;
use renaksi_core::consolidation::summary;
use renaksi_core::demo::{self, DemoView};
use renaksi_core::model::MilestoneStatus;
use renaksi_core::period::PeriodRef;
use renaksi_core::profile::{Profile, Role};
use renaksi_core::rekap::{
    self, HEADER_ROW, INDICATOR_SHEET, MATRIX_SHEET, NOTES_SHEET, OPD_SHEET, OVERDUE_SHEET,
};
use renaksi_core::review::{self, NoteInput, SubjectKind};
use renaksi_core::store::{actions, plans};
use renaksi_core::workbook::Paper;
use renaksi_core::Store;

const TW2_2019: PeriodRef = PeriodRef {
    year: 2019,
    quarter: 2,
};

fn day(text: &str) -> NaiveDate {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap()
}

fn bappeda() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    store
}

fn count(store: &Store, sql: &str, code: &str) -> usize {
    store
        .conn()
        .query_row(sql, [code], |row| row.get::<_, i64>(0))
        .unwrap() as usize
}

fn action_id(store: &Store, code: &str) -> String {
    let plan = plans::current(store.conn()).unwrap().unwrap();
    actions::list(store.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .find(|a| a.code == code)
        .unwrap()
        .id
}

#[test]
fn the_summary_counts_what_each_opd_holds_and_finds_overdue_milestones() {
    let store = bappeda();
    let s = summary(store.conn(), Some(TW2_2019), day("2019-07-15"))
        .unwrap()
        .unwrap();
    assert_eq!(s.themes.len(), 5);
    let total: usize = s.milestones.iter().map(|c| c.count).sum();
    assert_eq!(total, 22);
    for opd in &s.opds {
        let code = opd.opd.code.as_str();
        assert_eq!(
            opd.indicator_count,
            count(
                &store,
                "SELECT count(*) FROM indicators i JOIN opds o ON o.id = i.opd_id WHERE o.code = ?1",
                code
            ),
            "{code}"
        );
        assert_eq!(
            opd.milestone_count,
            count(
                &store,
                "SELECT count(*) FROM milestones m JOIN opds o ON o.id = m.opd_id WHERE o.code = ?1",
                code
            ),
            "{code}"
        );
    }
    // Ended before 15 July 2019 and not complete.
    assert!(!s.overdue.is_empty());
    for m in &s.overdue {
        assert_ne!(m.status, MilestoneStatus::Complete);
        assert!(m.end_date.as_str() < "2019-07-15", "{m:?}");
        assert_eq!(
            m.days_late,
            (day("2019-07-15") - day(&m.end_date)).num_days()
        );
    }
    let later = summary(store.conn(), Some(TW2_2019), day("2020-01-01"))
        .unwrap()
        .unwrap();
    assert!(later.overdue.len() > s.overdue.len());
}

#[test]
fn only_bappeda_writes_verifier_notes_and_a_bad_note_changes_nothing() {
    let mut store = bappeda();
    let ra01 = action_id(&store, "RA-01");
    let note = review::add(
        &mut store,
        &NoteInput {
            subject_kind: SubjectKind::Action,
            subject_id: ra01.clone(),
            body: "  Bukti kepesertaan belum dilampirkan.  ".into(),
        },
    )
    .unwrap();
    assert_eq!(note.body, "Bukti kepesertaan belum dilampirkan.");
    assert!(note.subject_label.starts_with("RA-01 "));
    assert_eq!(note.opd_code, "DINKES");

    for (kind, id, body, code) in [
        (SubjectKind::Action, ra01.as_str(), "   ", "invalid"),
        (SubjectKind::Indicator, "tidak-ada", "Catatan", "not_found"),
        (SubjectKind::Report, "tidak-ada", "Catatan", "not_found"),
    ] {
        let error = review::add(
            &mut store,
            &NoteInput {
                subject_kind: kind,
                subject_id: id.into(),
                body: body.into(),
            },
        )
        .unwrap_err();
        assert_eq!(error.code(), code, "{error}");
    }
    assert_eq!(review::list(store.conn()).unwrap().len(), 1);

    let resolved = review::set_resolved(&mut store, &note.id, true).unwrap();
    assert!(resolved.resolved_at.is_some());
    let reopened = review::set_resolved(&mut store, &note.id, false).unwrap();
    assert!(reopened.resolved_at.is_none());

    let mut office = Store::open_in_memory().unwrap();
    let profile = Profile::new(
        Role::Opd {
            code: "DINKES".into(),
        },
        "Sari",
    )
    .unwrap();
    demo::load_as(&mut office, &DemoView::Opd("DINKES".into()), &profile).unwrap();
    let error = review::add(
        &mut office,
        &NoteInput {
            subject_kind: SubjectKind::Action,
            subject_id: ra01,
            body: "Catatan".into(),
        },
    )
    .unwrap_err();
    assert_eq!(error.code(), "forbidden");
}

fn sheet(bytes: &[u8], name: &str) -> calamine::Range<Data> {
    let mut book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.to_vec())).unwrap();
    book.worksheet_range(name).unwrap()
}

/// The body rows of a rekap sheet's table, as text.
fn body(bytes: &[u8], name: &str) -> Vec<Vec<String>> {
    let range = sheet(bytes, name);
    range
        .rows()
        .skip(HEADER_ROW as usize + 1)
        .take_while(|row| !row.iter().all(|c| matches!(c, Data::Empty)))
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .collect()
}

#[test]
fn the_rekap_holds_every_opd_every_indicator_charts_and_the_notes_as_text() {
    let mut store = bappeda();
    let ra01 = action_id(&store, "RA-01");
    review::add(
        &mut store,
        &NoteInput {
            subject_kind: SubjectKind::Action,
            subject_id: ra01,
            body: "=HYPERLINK(\"http://x\") periksa lagi".into(),
        },
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rekap.xlsx");
    let today = day("2019-07-15");
    let written = rekap::export(&store, Some(TW2_2019), today, &out, Paper::A4).unwrap();
    assert_eq!(
        (written.themes, written.indicators, written.notes),
        (5, 20, 1)
    );
    let bytes = std::fs::read(&out).unwrap();
    let expected = summary(store.conn(), Some(TW2_2019), today)
        .unwrap()
        .unwrap();

    let book: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "Per Tema",
            "Per OPD",
            "Matriks Laporan",
            "Indikator",
            "Tonggak Terlambat",
            "Catatan Verifikator"
        ]
    );

    let opds = body(&bytes, OPD_SHEET);
    assert_eq!(opds.len(), expected.opds.len());
    for (row, opd) in opds.iter().zip(&expected.opds) {
        assert_eq!(row[0], opd.opd.code);
        assert_eq!(row[3], opd.milestone_count.to_string(), "{row:?}");
        assert_eq!(row[8], opd.indicator_count.to_string(), "{row:?}");
        match opd.rollup.percent {
            Some(p) => assert!((row[10].parse::<f64>().unwrap() - p).abs() < 1e-9),
            None => assert_eq!(row[10], "-"),
        }
    }

    let indicators = body(&bytes, INDICATOR_SHEET);
    assert_eq!(indicators.len(), 20);
    for (row, line) in indicators.iter().zip(&expected.indicators) {
        assert_eq!(row[4], line.description);
        let shown = |v: Option<f64>| v.map_or("-".to_string(), |v| v.to_string());
        assert_eq!(row[7], shown(line.achievement.realisation_to_date));
        assert_eq!(row[8], shown(line.achievement.percent));
    }

    let notes = body(&bytes, NOTES_SHEET);
    assert_eq!(notes.len(), 1);
    assert_eq!(notes[0][4], "=HYPERLINK(\"http://x\") periksa lagi");

    // Two charts, no formula anywhere.
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    assert!(names.iter().any(|n| n == "xl/charts/chart1.xml"));
    assert!(names.iter().any(|n| n == "xl/charts/chart2.xml"));
    for name in names.iter().filter(|n| n.starts_with("xl/worksheets/")) {
        let mut xml = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
        assert!(!xml.contains("<f>") && !xml.contains("<f "), "{name}");
    }
}

/// The text of a sheet's first column, row by row.
fn first_column(bytes: &[u8], name: &str) -> Vec<String> {
    sheet(bytes, name)
        .rows()
        .map(|row| row.first().map(|c| c.to_string()).unwrap_or_default())
        .collect()
}

#[test]
fn the_sheets_written_row_by_row_keep_their_kop_their_table_and_what_follows() {
    let store = bappeda();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rekap.xlsx");
    // Before any milestone is due, and with no verifier note: both sheets say so
    // below their (empty) tables.
    rekap::export(&store, Some(TW2_2019), day("2018-01-15"), &out, Paper::A4).unwrap();
    let bytes = std::fs::read(&out).unwrap();
    let plan = plans::current(store.conn()).unwrap().unwrap();

    for (name, heading) in [
        (MATRIX_SHEET, "MATRIKS PENYAMPAIAN LAPORAN OPD"),
        (INDICATOR_SHEET, "CAPAIAN SELURUH INDIKATOR"),
        (OVERDUE_SHEET, "TONGGAK YANG MELEWATI TANGGAL SELESAI"),
        (NOTES_SHEET, "CATATAN VERIFIKATOR"),
    ] {
        let column = first_column(&bytes, name);
        assert_eq!(column[0], heading, "{name}");
        assert_eq!(
            column[1],
            format!("{} (Versi {})", plan.title.trim(), plan.version),
            "{name}"
        );
        assert_eq!(column[2], "Periode: Triwulan II 2019", "{name}");
        assert!(column[3].starts_with("Dibuat "), "{name}: {}", column[3]);
        assert!(
            !column[HEADER_ROW as usize].is_empty(),
            "{name} has its header"
        );
    }
    assert_eq!(body(&bytes, INDICATOR_SHEET).len(), 20);

    let matrix = first_column(&bytes, MATRIX_SHEET);
    let opds = body(&bytes, MATRIX_SHEET).len();
    assert!(opds > 0);
    // The legend one row below the table's last OPD.
    assert!(
        matrix[HEADER_ROW as usize + 1 + opds + 1].starts_with("Keadaan per 15 Januari 2018."),
        "{matrix:?}"
    );
    assert_eq!(
        first_column(&bytes, OVERDUE_SHEET)[HEADER_ROW as usize + 1],
        "Tidak ada tonggak yang terlambat."
    );
    assert_eq!(
        first_column(&bytes, NOTES_SHEET)[HEADER_ROW as usize + 1],
        "Belum ada catatan verifikator."
    );
}

#[test]
fn a_rekap_that_cannot_be_written_leaves_no_file_behind() {
    let store = bappeda();
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("tidak-ada").join("rekap.xlsx");
    let error =
        rekap::export(&store, Some(TW2_2019), day("2019-07-15"), &out, Paper::A4).unwrap_err();
    assert_eq!(error.code(), "io", "{error}");
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}
