//! The visible sheet of the feedback file, "Umpan Balik": a printable letter
//! a clerk hands to the head of office. The kop (regency, Bappeda, title),
//! to whom and when, the quarters (due date, the report received with its
//! number, state, who verified it, closed), the verifier notes with the OPD's
//! replies received so far, and a signature block.
//!
//! Made from the signed [`Feedback`] alone, deterministically, so an OPD can
//! check that the letter it took says what Bappeda signed. User text is
//! written as quote-prefixed strings; no formula is ever written.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate};
use rust_xlsxwriter::{DocProperties, Format, Workbook, Worksheet, XlsxError};

use super::content::{Feedback, QuarterRow, ReplyReceipt};
use crate::dates::{long_date, wib};
use crate::period::PeriodRef;
use crate::store::feedback_reports::ReportRow;
use crate::workbook::print::{fit_to_width, page_setup, Paper};
use crate::workbook::styles::{self, LetterStyles};
use crate::workbook::text::{clip, lines_needed};

/// The name of the letter's sheet.
pub const SHEET: &str = "Umpan Balik";

const BODY_PT: f64 = styles::LETTER_BODY_PT;
const KOP_PT: f64 = styles::LETTER_KOP_PT;
/// The letter's grid; each table merges columns of it:
/// quarters: Triwulan 0-1 | Batas waktu 2 | Diterima 3 | Status 4 |
/// Diverifikasi oleh 5-6 | Ditutup 7;
/// notes: No 0 | Tentang 1-2 | Catatan 3 | Tanggal 4 | Status 5 | Tanggapan OPD 6-7.
const WIDTHS: [f64; 8] = [5.0, 17.0, 17.0, 36.0, 14.0, 12.0, 17.0, 24.0];
const LAST_COL: u16 = WIDTHS.len() as u16 - 1;

const QUARTER_COLUMNS: [(&str, u16, u16); 6] = [
    ("Triwulan", 0, 1),
    ("Batas waktu", 2, 2),
    ("Diterima (tanggal, no. laporan)", 3, 3),
    ("Status", 4, 4),
    ("Diverifikasi oleh", 5, 6),
    ("Ditutup", 7, 7),
];
const NOTE_COLUMNS: [(&str, u16, u16); 6] = [
    ("No", 0, 0),
    ("Tentang", 1, 2),
    ("Catatan", 3, 3),
    ("Tanggal", 4, 4),
    ("Status", 5, 5),
    ("Tanggapan OPD", 6, 7),
];

fn height(lines: usize, pt: f64) -> f64 {
    (lines as f64 * pt * 1.25 + 5.0).clamp(16.0, 409.0)
}

fn span(first: u16, last: u16) -> f64 {
    WIDTHS[usize::from(first)..=usize::from(last)].iter().sum()
}

/// Writes `text` over columns `first..=last` of `row` (merged when wider
/// than one); returns the lines it needs.
fn cell(
    sheet: &mut Worksheet,
    row: u32,
    (first, last): (u16, u16),
    text: &str,
    format: &Format,
) -> Result<usize, XlsxError> {
    let text = clip(text);
    if first == last {
        if text.is_empty() {
            sheet.write_blank(row, first, format)?;
        } else {
            sheet.write_string_with_format(row, first, &text, format)?;
        }
    } else {
        sheet.merge_range(row, first, row, last, &text, format)?;
    }
    Ok(lines_needed(&text, span(first, last) - 1.0, BODY_PT))
}

/// One line of text across the whole letter, its row tall enough for it.
fn line(
    sheet: &mut Worksheet,
    row: u32,
    text: &str,
    format: &Format,
    pt: f64,
) -> Result<f64, XlsxError> {
    let text = clip(text);
    sheet.merge_range(row, 0, row, LAST_COL, &text, format)?;
    let lines = lines_needed(&text, span(0, LAST_COL) - 1.0, pt);
    let points = height(lines, pt);
    sheet.set_row_height(row, points)?;
    Ok(points)
}

/// Rows a landscape page holds at full width, in points, roughly.
const ONE_PAGE_PT: f64 = 540.0;
/// A letter up to this many pages' rows is shrunk onto one page; a longer
/// one runs over pages with the notes' header repeated on each.
const SHRINK_TO_ONE_PAGE: f64 = 1.5;
/// The height of a row given none.
const DEFAULT_ROW_PT: f64 = 15.0;

/// "15 Juli 2018" from a stored time (RFC 3339, shown in WIB) or date.
pub fn date_of(text: &str) -> String {
    if let Ok(time) = DateTime::parse_from_rfc3339(text) {
        return long_date(time.with_timezone(&wib()).date_naive());
    }
    match NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        Ok(date) => long_date(date),
        Err(_) => text.to_string(),
    }
}

/// "Umpan balik ke-3": how the letter and the messages name a file (its
/// sequence only orders the files).
pub fn number_label(number: i64) -> String {
    format!("Umpan balik ke-{number}")
}

/// "Wonosobo" from "Kabupaten Wonosobo".
fn town(region: &str) -> &str {
    let region = region.trim();
    ["Kabupaten ", "Kota "]
        .iter()
        .find_map(|prefix| region.strip_prefix(prefix))
        .unwrap_or(region)
        .trim()
}

/// The state of a quarter as the letter prints it.
pub fn state_label(word: &str) -> &'static str {
    match word {
        "diterima" => "Diterima",
        "terlambat" => "Terlambat",
        "diverifikasi" => "Diverifikasi",
        _ => "Belum",
    }
}

/// The report of a quarter received last, as Bappeda recorded it.
fn latest<'a>(reports: &'a [ReportRow], q: &QuarterRow) -> Option<&'a ReportRow> {
    reports
        .iter()
        .filter(|r| r.year == q.year && r.quarter == q.quarter)
        .max_by(|a, b| a.received_at.cmp(&b.received_at))
}

fn header_row(
    sheet: &mut Worksheet,
    row: u32,
    columns: &[(&str, u16, u16)],
    st: &LetterStyles,
) -> Result<f64, XlsxError> {
    let mut lines = 1;
    for (label, first, last) in columns {
        if first == last {
            sheet.write_string_with_format(row, *first, *label, &st.header)?;
        } else {
            sheet.merge_range(row, *first, row, *last, label, &st.header)?;
        }
        lines = lines.max(lines_needed(label, span(*first, *last) - 1.0, BODY_PT));
    }
    let points = height(lines, BODY_PT).max(22.0);
    sheet.set_row_height(row, points)?;
    Ok(points)
}

fn quarters_table(
    sheet: &mut Worksheet,
    mut row: u32,
    feedback: &Feedback,
    st: &LetterStyles,
    total: &mut f64,
) -> Result<u32, XlsxError> {
    *total += header_row(sheet, row, &QUARTER_COLUMNS, st)?;
    row += 1;
    for q in &feedback.quarters {
        let report = latest(&feedback.reports, q);
        let period = PeriodRef {
            year: q.year,
            quarter: q.quarter,
        }
        .label();
        let due = q.due_date.as_deref().map_or("-".into(), date_of);
        let received = report.map_or("-".into(), |r| {
            format!("{} (no. {})", date_of(&r.received_at), r.sequence)
        });
        let verified = report
            .and_then(|r| {
                r.verified_at
                    .as_ref()
                    .map(|at| match r.verified_by.as_deref() {
                        Some(by) if !by.trim().is_empty() => format!("{by}, {}", date_of(at)),
                        _ => date_of(at),
                    })
            })
            .unwrap_or_else(|| "-".into());
        let closed = if q.closed != 0 { "Ditutup" } else { "-" };
        let texts = [
            (period.as_str(), &st.text),
            (due.as_str(), &st.centre),
            (received.as_str(), &st.text),
            (state_label(&q.state), &st.centre),
            (verified.as_str(), &st.text),
            (closed, &st.centre),
        ];
        let mut lines = 1;
        for ((text, format), (_, first, last)) in texts.into_iter().zip(QUARTER_COLUMNS) {
            lines = lines.max(cell(sheet, row, (first, last), text, format)?);
        }
        sheet.set_row_height(row, height(lines, BODY_PT))?;
        *total += height(lines, BODY_PT);
        row += 1;
    }
    Ok(row)
}

/// The OPD's replies Bappeda received, by note id, grouped once: a letter
/// of thousands of notes looks each note's up, never scans them all.
fn replies_by_note(feedback: &Feedback) -> HashMap<&str, Vec<&ReplyReceipt>> {
    let mut by_note: HashMap<&str, Vec<&ReplyReceipt>> = HashMap::new();
    for r in &feedback.replies {
        by_note.entry(r.note_id.as_str()).or_default().push(r);
    }
    by_note
}

/// The OPD's replies to a note that Bappeda received, as one cell.
fn replies_text(replies: Option<&Vec<&ReplyReceipt>>) -> String {
    let replies: Vec<String> = replies
        .into_iter()
        .flatten()
        .map(|r| format!("{} ({}): {}", date_of(&r.created_at), r.author, r.body))
        .collect();
    if replies.is_empty() {
        "-".into()
    } else {
        replies.join("\n\n")
    }
}

fn notes_table(
    sheet: &mut Worksheet,
    mut row: u32,
    feedback: &Feedback,
    st: &LetterStyles,
    total: &mut f64,
) -> Result<u32, XlsxError> {
    *total += header_row(sheet, row, &NOTE_COLUMNS, st)?;
    row += 1;
    let replies = replies_by_note(feedback);
    for (i, note) in feedback.notes.iter().enumerate() {
        let number = (i + 1).to_string();
        let body = format!("{}\n({})", note.body, note.author);
        let status = match &note.resolved_at {
            Some(at) => format!("Selesai\n{}", date_of(at)),
            None => "Terbuka".into(),
        };
        let created = date_of(&note.created_at);
        let replies = replies_text(replies.get(note.id.as_str()));
        let texts = [
            (number.as_str(), &st.centre),
            (note.subject_label.as_str(), &st.text),
            (body.as_str(), &st.text),
            (created.as_str(), &st.centre),
            (status.as_str(), &st.centre),
            (replies.as_str(), &st.text),
        ];
        let mut lines = 1;
        for ((text, format), (_, first, last)) in texts.into_iter().zip(NOTE_COLUMNS) {
            lines = lines.max(cell(sheet, row, (first, last), text, format)?);
        }
        sheet.set_row_height(row, height(lines, BODY_PT))?;
        *total += height(lines, BODY_PT);
        row += 1;
    }
    if feedback.notes.is_empty() {
        *total += line(
            sheet,
            row,
            "Tidak ada catatan verifikator.",
            &st.text,
            BODY_PT,
        )?;
        row += 1;
    }
    Ok(row)
}

/// Adds the letter sheet to `workbook`.
pub fn write(workbook: &mut Workbook, feedback: &Feedback, paper: Paper) -> Result<(), XlsxError> {
    let st = LetterStyles::new(KOP_PT + 1.0);
    let meta = &feedback.meta;
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("Umpan balik untuk {}", meta.opd_name))
            .set_company(meta.region.trim())
            .set_comment(format!("Renaksi {}", meta.app_version)),
    );
    let sheet = workbook.add_worksheet().set_name(SHEET)?;
    for (col, width) in (0u16..).zip(WIDTHS) {
        sheet.set_column_width(col, width)?;
    }
    let region = meta.region.trim();
    let mut total = 0.0;
    total += line(
        sheet,
        0,
        &format!("PEMERINTAH {}", region.to_uppercase()),
        &st.kop,
        KOP_PT,
    )?;
    total += line(
        sheet,
        1,
        "BADAN PERENCANAAN PEMBANGUNAN DAERAH (BAPPEDA)",
        &st.kop,
        KOP_PT,
    )?;
    total += line(
        sheet,
        2,
        "UMPAN BALIK ATAS LAPORAN RENCANA AKSI",
        &st.title,
        KOP_PT + 1.0,
    )?;
    total += line(sheet, 3, meta.plan_title.trim(), &st.kop, BODY_PT + 1.0)?;
    sheet.set_row_height(4, 8.0)?;
    total += 8.0;
    let written = date_of(&meta.written_at);
    total += line(
        sheet,
        5,
        &format!("Kepada Yth. Kepala {}", meta.opd_name.trim()),
        &st.section,
        BODY_PT,
    )?;
    total += line(
        sheet,
        6,
        &format!("Tanggal: {written}    {}", number_label(meta.number)),
        &st.paragraph,
        BODY_PT,
    )?;
    total += line(
        sheet,
        7,
        &format!(
            "Bersama ini Bappeda menyampaikan umpan balik atas laporan rencana aksi {} ({}): \
             penerimaan dan verifikasi laporan setiap triwulan, batas waktu pelaporan, dan \
             catatan verifikator. Mohon setiap catatan yang masih terbuka ditanggapi melalui \
             aplikasi Renaksi; tanggapan terkirim bersama laporan berikutnya.",
            meta.opd_name.trim(),
            meta.opd_code
        ),
        &st.paragraph,
        BODY_PT,
    )?;
    total += line(sheet, 8, "A. Laporan per triwulan", &st.section, BODY_PT)?;
    let mut row = quarters_table(sheet, 9, feedback, &st, &mut total)?;
    row += 1;
    total += DEFAULT_ROW_PT;
    total += line(sheet, row, "B. Catatan verifikator", &st.section, BODY_PT)?;
    let notes_header = row + 1;
    row = notes_table(sheet, notes_header, feedback, &st, &mut total)?;
    row += 1;
    total += DEFAULT_ROW_PT;
    // The closing line beside the signature block, which is one cell, so a
    // page break never falls between the title and the name.
    sheet.merge_range(
        row,
        0,
        row,
        3,
        "Demikian umpan balik ini disampaikan untuk ditindaklanjuti.",
        &st.paragraph,
    )?;
    let block = format!(
        "{}, {written}\nKepala Bappeda {region}\n\n\n\n(..........................................)\nNIP. ..........................................",
        town(region)
    );
    sheet.merge_range(row, 4, row, LAST_COL, &clip(&block), &st.plain_centre)?;
    sheet.set_row_height(row, height(8, BODY_PT))?;
    total += height(8, BODY_PT) + DEFAULT_ROW_PT;
    let one_page = total <= ONE_PAGE_PT * SHRINK_TO_ONE_PAGE;
    if !one_page {
        // The notes run over pages: their header is the one repeated.
        sheet.set_repeat_rows(notes_header, notes_header)?;
    }
    row += 2;
    sheet.write_string_with_format(
        row,
        0,
        format!(
            "Dibuat dengan Renaksi {} · {} untuk {}",
            meta.app_version,
            number_label(meta.number).to_lowercase(),
            meta.opd_code
        ),
        &st.stamp,
    )?;
    page_setup(sheet, paper, &format!("Umpan balik {}", meta.opd_code));
    fit_to_width(sheet, row, LAST_COL)?;
    if one_page {
        // A letter a little longer than a page is printed a little smaller
        // on one, rather than its signature alone on a second.
        sheet.set_print_fit_to_pages(1, 1);
    }
    Ok(())
}
