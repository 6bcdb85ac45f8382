//! The self-assessment as a workbook shaped like the IRM's end-of-commitment
//! assessment: one sheet, "Penilaian Akhir", with the kop, one row per
//! commitment (title, lead OPD, completion, did it open government,
//! explanation, evidence), the two scales explained below it, and the page
//! setup every printed sheet of the app shares.
//!
//! Like every workbook of the app, user text is written as quote-prefixed
//! string cells and no formula is ever written; the file is written whole
//! (temporary file, rename). Who recorded an assessment is not printed.

use std::path::Path;

use rust_xlsxwriter::{DocProperties, Format, FormatAlign, Workbook, Worksheet, XlsxError};
use serde::Serialize;

use super::{list, AssessmentList, Completion, OpenedGovernment};
use crate::dates::long_time_wib;
use crate::files::write_atomically;
use crate::store::now;
use crate::workbook::print::{fit_to_width, page_setup, Paper};
use crate::workbook::styles;
use crate::workbook::text::{clip, height_for, lines_needed, table_row_height};
use crate::{access, Error, Result, Store, APP_VERSION};

pub const SHEET: &str = "Penilaian Akhir";

/// The row of the table's header, below the kop.
pub const HEADER_ROW: u32 = 5;

/// The table's columns with their widths.
pub const COLUMNS: [(&str, f64); 8] = [
    ("No", 5.0),
    ("Komitmen (rencana aksi)", 34.0),
    ("Tema", 18.0),
    ("OPD pelaksana", 20.0),
    ("Tingkat penyelesaian", 14.0),
    ("Apakah membuka pemerintahan?", 15.0),
    ("Penjelasan", 46.0),
    ("Bukti", 32.0),
];

const BODY_PT: f64 = 9.0;
const KOP_PT: f64 = 12.0;

/// What was written, for the caller to report.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentWritten {
    pub path: String,
    pub actions: usize,
    /// Actions that have an assessment.
    pub assessed: usize,
}

/// Refuses whoever may not write the workbook (an OPD), so a caller can ask
/// before a save dialog opens.
pub fn require_exporter(conn: &rusqlite::Connection) -> Result<()> {
    access::require_bappeda(conn, "menulis penilaian mandiri akhir komitmen").map(|_| ())
}

/// Writes the current plan's self-assessment to `out` (Bappeda).
pub fn export(store: &Store, out: &Path, paper: Paper) -> Result<AssessmentWritten> {
    let conn = store.conn();
    require_exporter(conn)?;
    let assessments = list(conn)?.ok_or_else(|| Error::NotFound("Rencana aksi".into()))?;
    let bytes = workbook_bytes(&assessments, paper).map_err(|e| {
        Error::invalid(
            "file",
            format!("Buku kerja penilaian mandiri tidak dapat dibuat: {e}"),
        )
    })?;
    write_atomically(out, &bytes)?;
    Ok(AssessmentWritten {
        path: out.display().to_string(),
        actions: assessments.actions.len(),
        assessed: assessments.assessed_count,
    })
}

/// The commitment's cell: "RA-01 Title".
pub fn commitment_text(code: &str, title: &str) -> String {
    format!("{code} {title}")
}

/// The evidence cell: one link per line.
pub fn evidence_text(links: &[String]) -> String {
    links.join("\n")
}

/// What a row says of an action that has no assessment yet.
pub const NOT_ASSESSED: &str = "Belum dinilai";

/// "Tingkat penyelesaian: Belum dimulai = ...": the scales, as printed under the table.
pub fn scale_notes() -> [String; 2] {
    [
        format!(
            "Tingkat penyelesaian (skala IRM): {} = kegiatan belum dimulai; {} = sebagian kecil \
             tonggak terlaksana; {} = sebagian besar tonggak terlaksana; {} = seluruh atau hampir \
             seluruh tonggak terlaksana.",
            Completion::NotStarted.label(),
            Completion::Limited.label(),
            Completion::Substantial.label(),
            Completion::Complete.label(),
        ),
        format!(
            "Apakah membuka pemerintahan? {} = praktik pemerintahan menjadi kurang terbuka; {} = \
             tidak ada perubahan praktik; {} = perubahan kecil pada praktik; {} = langkah maju \
             pada praktik di bidangnya, tetapi terbatas cakupannya; {} = perubahan mendasar pada \
             praktik yang sebelumnya tertutup.",
            OpenedGovernment::Worsened.label(),
            OpenedGovernment::DidNotChange.label(),
            OpenedGovernment::Marginal.label(),
            OpenedGovernment::Major.label(),
            OpenedGovernment::Outstanding.label(),
        ),
    ]
}

struct Styles {
    title: Format,
    kop: Format,
    header: Format,
    text: Format,
    centre: Format,
    legend: Format,
    stamp: Format,
}

impl Styles {
    fn new() -> Styles {
        let text = styles::text(BODY_PT);
        Styles {
            title: styles::kop(KOP_PT + 1.0),
            kop: styles::kop(KOP_PT),
            header: styles::header(BODY_PT),
            centre: text.clone().set_align(FormatAlign::Center),
            text,
            legend: styles::legend(BODY_PT),
            stamp: styles::stamp(),
        }
    }
}

fn table_width() -> f64 {
    COLUMNS.iter().map(|c| c.1).sum()
}

/// A line across the whole table, as tall as its text needs.
fn across(
    sheet: &mut Worksheet,
    row: u32,
    text: &str,
    format: &Format,
    pt: f64,
) -> Result<(), XlsxError> {
    let text = clip(text);
    sheet.merge_range(row, 0, row, COLUMNS.len() as u16 - 1, &text, format)?;
    let lines = lines_needed(&text, table_width() - 1.0, pt);
    sheet.set_row_height(row, height_for(lines, pt).max(16.0))?;
    Ok(())
}

fn sheet(sheet: &mut Worksheet, list: &AssessmentList, paper: Paper) -> Result<(), XlsxError> {
    let st = Styles::new();
    let plan = &list.plan;
    across(
        sheet,
        0,
        "PENILAIAN MANDIRI AKHIR KOMITMEN",
        &st.title,
        KOP_PT + 1.0,
    )?;
    across(
        sheet,
        1,
        "(End-of-commitment self-assessment, Open Government Partnership)",
        &st.kop,
        KOP_PT - 2.0,
    )?;
    across(sheet, 2, plan.title.trim(), &st.kop, KOP_PT)?;
    across(
        sheet,
        3,
        &format!(
            "{} · {}-{} · Versi {}",
            plan.region.trim(),
            plan.year_start,
            plan.year_end,
            plan.version
        ),
        &st.kop,
        KOP_PT,
    )?;
    sheet.write_string_with_format(
        4,
        0,
        format!(
            "Dibuat {} dengan Renaksi {APP_VERSION}; dinilai {} dari {} rencana aksi.",
            long_time_wib(&now()),
            list.assessed_count,
            list.actions.len()
        ),
        &st.stamp,
    )?;

    for (c, (label, width)) in COLUMNS.iter().enumerate() {
        sheet.set_column_width(c as u16, *width)?;
        sheet.write_string_with_format(HEADER_ROW, c as u16, *label, &st.header)?;
    }
    let header_lines = COLUMNS
        .iter()
        .map(|(label, width)| lines_needed(label, width - 0.5, BODY_PT))
        .max()
        .unwrap_or(1);
    sheet.set_row_height(HEADER_ROW, (header_lines as f64 * 12.0 + 4.0).max(18.0))?;
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;

    let mut row = HEADER_ROW + 1;
    for (i, action) in list.actions.iter().enumerate() {
        let (completion, opened, explanation, evidence) = match &action.assessment {
            Some(a) => (
                a.completion.label(),
                a.opened_government.label(),
                a.explanation.clone(),
                evidence_text(&a.evidence_links),
            ),
            None => (NOT_ASSESSED, NOT_ASSESSED, String::new(), String::new()),
        };
        let texts = [
            (1, commitment_text(&action.code, &action.title), &st.text),
            (2, action.theme_name.clone(), &st.text),
            (3, action.lead_opd.name.clone(), &st.text),
            (4, completion.to_string(), &st.centre),
            (5, opened.to_string(), &st.centre),
            (6, explanation, &st.text),
            (7, evidence, &st.text),
        ];
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &st.centre)?;
        let mut lines = 1;
        for (col, text, format) in texts {
            let text = clip(&text);
            if text.is_empty() {
                sheet.write_blank(row, col, format)?;
            } else {
                sheet.write_string_with_format(row, col, &text, format)?;
            }
            lines = lines.max(lines_needed(
                &text,
                COLUMNS[usize::from(col)].1 - 0.5,
                BODY_PT,
            ));
        }
        sheet.set_row_height(row, table_row_height(lines))?;
        row += 1;
    }
    row += 1;
    for note in scale_notes() {
        across(sheet, row, &note, &st.legend, BODY_PT)?;
        row += 1;
    }
    page_setup(sheet, paper, "Penilaian mandiri");
    fit_to_width(sheet, row - 1, COLUMNS.len() as u16 - 1)
}

fn workbook_bytes(list: &AssessmentList, paper: Paper) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "Penilaian mandiri akhir komitmen: {}",
                list.plan.title
            ))
            .set_company(list.plan.region.trim())
            .set_comment(format!("Renaksi {APP_VERSION}")),
    );
    let worksheet = workbook.add_worksheet().set_name(SHEET)?;
    sheet(worksheet, list, paper)?;
    workbook.save_to_buffer()
}
