//! Rekap kabupaten: Bappeda's consolidated workbook for one quarter, for
//! leadership. Sheets: capaian per theme and per OPD (each with a chart), the
//! submission matrix, every indicator's figures, overdue milestones and the
//! verifier notes. Everything comes from [`consolidation`], [`submissions`] and
//! [`review`]; this module only lays it out.
//!
//! Like the Laporan OPD, every text is a quote-prefixed string cell and no
//! formula is written; the file is written to a temporary file and renamed.

use std::io::Write;
use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartFont, Color, DocProperties, Format, FormatAlign, Workbook,
    Worksheet, XlsxError,
};
use serde::Serialize;

use crate::achievement::{GradeBand, GradeKey, GradeScale, Reason};
use crate::consolidation::{self, RegencySummary, StatusCount};
use crate::dates::{long_date, long_time_wib, short_date, short_date_wib};
use crate::files::write_atomically_with;
use crate::period::{roman, PeriodRef};
use crate::review::{self, ReviewNote, SubjectKind};
use crate::store::now;
use crate::submissions::{self, SubmissionMatrix, SubmissionState};
use crate::workbook::labels::{capaian_header, reason_label, status_label};
use crate::workbook::print::{fit_to_width, page_setup, Paper};
use crate::workbook::styles::{self, DECIMAL, PERCENT, WHOLE};
use crate::workbook::text::{clip, height_for, lines_needed, table_row_height};
use crate::{Error, Result, Store, APP_VERSION};

pub const THEME_SHEET: &str = "Per Tema";
pub const OPD_SHEET: &str = "Per OPD";
pub const MATRIX_SHEET: &str = "Matriks Laporan";
pub const INDICATOR_SHEET: &str = "Indikator";
pub const OVERDUE_SHEET: &str = "Tonggak Terlambat";
pub const NOTES_SHEET: &str = "Catatan Verifikator";

/// The row of each sheet's table header, below the kop.
pub const HEADER_ROW: u32 = 4;
const BODY_PT: f64 = 9.0;
const KOP_PT: f64 = 12.0;
/// Hidden helper columns for the charts: only rows that have a figure.
const CHART_LABEL_COL: u16 = 30;
const CHART_VALUE_COL: u16 = 31;

/// What was written, for the caller to report.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RekapWritten {
    pub path: String,
    pub period: PeriodRef,
    pub themes: usize,
    pub opds: usize,
    pub indicators: usize,
    pub notes: usize,
}

/// Writes the rekap of `period` to `out`, as of `today`.
pub fn export(
    store: &Store,
    period: Option<PeriodRef>,
    today: NaiveDate,
    out: &Path,
    paper: Paper,
) -> Result<RekapWritten> {
    write(store, period, today, out, paper, Audience::Bappeda)
}

/// The rekap for the public site: the same sheets but the verifier notes,
/// which are Bappeda's own (they name who wrote them).
pub fn export_public(
    store: &Store,
    period: Option<PeriodRef>,
    today: NaiveDate,
    out: &Path,
    paper: Paper,
) -> Result<RekapWritten> {
    write(store, period, today, out, paper, Audience::Public)
}

/// Who a rekap is written for.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Audience {
    Bappeda,
    Public,
}

fn write(
    store: &Store,
    period: Option<PeriodRef>,
    today: NaiveDate,
    out: &Path,
    paper: Paper,
    audience: Audience,
) -> Result<RekapWritten> {
    let conn = store.conn();
    crate::access::require_bappeda(conn, "menulis Rekap kabupaten")?;
    // The summary reads the plan's rows once: a page cache gains it nothing,
    // and at a province's scale its 32 MB would sit on top of the summary.
    let cache: i64 = conn.pragma_query_value(None, "cache_size", |row| row.get(0))?;
    conn.pragma_update(None, "cache_size", -2048)?;
    let summary = consolidation::summary(conn, period, today);
    conn.pragma_update(None, "cache_size", cache)?;
    let summary = summary?.ok_or_else(|| Error::NotFound("Rencana aksi".into()))?;
    let Some(period) = summary.period else {
        return Err(Error::invalid(
            "period",
            "Pilih triwulan untuk rekap; rencana aksi ini belum punya triwulan.",
        ));
    };
    let matrix = submissions::matrix(conn, today)?;
    let notes = match audience {
        Audience::Bappeda => Some(review::list(conn)?),
        Audience::Public => None,
    };
    let not_made =
        |e: XlsxError| Error::invalid("file", format!("Buku kerja rekap tidak dapat dibuat: {e}"));
    let mut workbook =
        build_workbook(&summary, period, &matrix, notes.as_deref(), paper).map_err(not_made)?;
    // Zipped straight into the file: a province's rekap is tens of megabytes.
    write_atomically_with(out, |file| {
        let mut file = std::io::BufWriter::new(file);
        workbook.save_to_writer(&mut file).map_err(not_made)?;
        file.flush().map_err(|e| Error::io("menulis", out, e))
    })?;
    Ok(RekapWritten {
        path: out.display().to_string(),
        period,
        themes: summary.themes.len(),
        opds: summary.opds.len(),
        indicators: summary.indicators.len(),
        notes: notes.map_or(0, |n| n.len()),
    })
}

// ---------------------------------------------------------------------------
// Cells and styles

enum Cell {
    Text(String),
    /// Short text, centred.
    Label(String),
    Count(usize),
    Number(Option<f64>),
    Percent(Option<f64>),
    /// A submission state, coloured, with lines below it (the dates).
    State(SubmissionState, String),
}

struct Styles {
    title: Format,
    kop: Format,
    stamp: Format,
    legend: Format,
    header: Format,
    text: Format,
    label: Format,
    count: Format,
    number: Format,
    percent: Format,
    states: [(SubmissionState, Format); 4],
}

impl Styles {
    fn new() -> Styles {
        let text = styles::text(BODY_PT);
        let label = text.clone().set_align(FormatAlign::Center);
        let number = styles::figure(BODY_PT);
        let state = |rgb: u32| label.clone().set_background_color(Color::RGB(rgb));
        Styles {
            title: styles::kop(KOP_PT + 1.0),
            kop: styles::kop(KOP_PT),
            stamp: styles::stamp(),
            legend: styles::legend(BODY_PT),
            header: styles::header(BODY_PT),
            count: number.clone().set_num_format(WHOLE),
            number: number.clone().set_num_format(DECIMAL),
            percent: number.set_num_format(PERCENT),
            states: [
                (SubmissionState::NotSubmitted, state(0xF4_F4_F4)),
                (SubmissionState::Received, state(0xD9_EF_DA)),
                (SubmissionState::Late, state(0xFC_E4_C4)),
                (SubmissionState::Verified, state(0xB6_DC_B8)),
            ],
            label,
            text,
        }
    }
}

fn state_label(state: SubmissionState) -> &'static str {
    match state {
        SubmissionState::NotSubmitted => "Belum",
        SubmissionState::Received => "Diterima",
        SubmissionState::Late => "Terlambat",
        SubmissionState::Verified => "Diverifikasi",
    }
}

fn grade_label(grades: &[GradeBand], key: Option<GradeKey>) -> String {
    key.and_then(|k| grades.iter().find(|b| b.key == k))
        .map(|b| b.label.clone())
        .unwrap_or_else(|| "-".into())
}

fn count_of(counts: &[StatusCount], status: crate::model::MilestoneStatus) -> usize {
    counts
        .iter()
        .find(|c| c.status == status)
        .map_or(0, |c| c.count)
}

// ---------------------------------------------------------------------------
// Sheets

/// The kop (three centred lines) and a stamp saying when and with what the
/// file was made.
fn kop(
    sheet: &mut Worksheet,
    lines: [String; 3],
    width: u16,
    table_width: f64,
    st: &Styles,
) -> Result<(), XlsxError> {
    for (r, text) in lines.iter().enumerate() {
        let (format, pt) = if r == 0 {
            (&st.title, KOP_PT + 1.0)
        } else {
            (&st.kop, KOP_PT)
        };
        let text = clip(text);
        sheet.merge_range(r as u32, 0, r as u32, width - 1, &text, format)?;
        let lines = lines_needed(&text, table_width, pt);
        sheet.set_row_height(r as u32, height_for(lines, pt).max(18.0))?;
    }
    sheet.write_string_with_format(
        3,
        0,
        format!(
            "Dibuat {} dengan Renaksi {APP_VERSION}",
            long_time_wib(&now())
        ),
        &st.stamp,
    )?;
    Ok(())
}

/// A table with its header at [`HEADER_ROW`]; returns the row after it. The
/// rows are taken one at a time, so a sheet written in order never holds its
/// table whole (a province's 280,000 indicators).
fn table(
    sheet: &mut Worksheet,
    columns: &[(&str, f64)],
    rows: impl IntoIterator<Item = Vec<Cell>>,
    st: &Styles,
) -> Result<u32, XlsxError> {
    for (c, (label, width)) in columns.iter().enumerate() {
        sheet.set_column_width(c as u16, *width)?;
        sheet.write_string_with_format(HEADER_ROW, c as u16, *label, &st.header)?;
    }
    let header_lines = columns
        .iter()
        .map(|(label, width)| lines_needed(label, width - 0.5, BODY_PT))
        .max()
        .unwrap_or(1);
    sheet.set_row_height(HEADER_ROW, (header_lines as f64 * 12.0 + 4.0).max(18.0))?;
    sheet.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    sheet.set_freeze_panes(HEADER_ROW + 1, 0)?;
    let mut r = HEADER_ROW + 1;
    for cells in rows {
        let mut lines = 1;
        for (c, cell) in cells.iter().enumerate() {
            let col = c as u16;
            match cell {
                Cell::Text(text) if text.is_empty() => {
                    sheet.write_blank(r, col, &st.text)?;
                }
                Cell::Text(text) => {
                    lines = lines.max(lines_needed(text, columns[c].1 - 0.5, BODY_PT));
                    sheet.write_string_with_format(r, col, clip(text), &st.text)?;
                }
                Cell::Label(text) => {
                    sheet.write_string_with_format(r, col, clip(text), &st.label)?;
                }
                Cell::Count(n) => {
                    sheet.write_number_with_format(r, col, *n as f64, &st.count)?;
                }
                Cell::Number(Some(v)) if v.is_finite() => {
                    sheet.write_number_with_format(r, col, *v, &st.number)?;
                }
                Cell::Percent(Some(v)) if v.is_finite() => {
                    sheet.write_number_with_format(r, col, *v, &st.percent)?;
                }
                Cell::Number(_) | Cell::Percent(_) => {
                    sheet.write_string_with_format(r, col, "-", &st.label)?;
                }
                Cell::State(state, detail) => {
                    let format = st
                        .states
                        .iter()
                        .find(|(s, _)| s == state)
                        .map_or(&st.label, |(_, f)| f);
                    let text = match detail.as_str() {
                        "" => state_label(*state).to_owned(),
                        detail => format!("{}\n{detail}", state_label(*state)),
                    };
                    lines = lines.max(lines_needed(&text, columns[c].1 - 0.5, BODY_PT));
                    sheet.write_string_with_format(r, col, clip(&text), format)?;
                }
            }
        }
        sheet.set_row_height(r, table_row_height(lines))?;
        r += 1;
    }
    Ok(r)
}

/// How a sheet keeps its cells until the workbook is saved.
#[derive(Clone, Copy)]
enum Rows {
    /// All in memory: rows can be written in any order (a chart's helper
    /// columns go back up beside the table).
    Any,
    /// Written top to bottom, each row flushed to a temporary file as the next
    /// one starts (a write to an earlier row would be dropped), its texts
    /// written in the cells rather than in the workbook's shared table: a
    /// province's 280,000 indicators never sit in rust_xlsxwriter's memory,
    /// as cells or as strings.
    InOrder,
}

/// A new sheet with the kop and one table; returns it and the row after the table.
fn table_sheet<'w>(
    workbook: &'w mut Workbook,
    rows_written: Rows,
    name: &str,
    kop_lines: [String; 3],
    columns: &[(&str, f64)],
    rows: impl IntoIterator<Item = Vec<Cell>>,
    st: &Styles,
) -> Result<(&'w mut Worksheet, u32), XlsxError> {
    let sheet = match rows_written {
        Rows::Any => workbook.add_worksheet(),
        Rows::InOrder => workbook.add_worksheet_with_constant_memory()?,
    }
    .set_name(name)?;
    let width: f64 = columns.iter().map(|c| c.1).sum();
    kop(sheet, kop_lines, columns.len() as u16, width, st)?;
    let end = table(sheet, columns, rows, st)?;
    Ok((sheet, end))
}

/// A column chart of capaian below the table at `row`, over the rows that have
/// a figure (kept in hidden helper columns, so "-" never plots as zero).
/// Returns the last row the chart covers.
fn capaian_chart(
    sheet: &mut Worksheet,
    sheet_name: &str,
    title: &str,
    bars: &[(String, Option<f64>)],
    row: u32,
) -> Result<u32, XlsxError> {
    let measured: Vec<(&String, f64)> = bars
        .iter()
        .filter_map(|(label, v)| v.filter(|v| v.is_finite()).map(|v| (label, v)))
        .collect();
    sheet.set_column_range_hidden(CHART_LABEL_COL, CHART_VALUE_COL)?;
    if measured.is_empty() {
        return Ok(row);
    }
    for (i, (label, value)) in measured.iter().enumerate() {
        let r = HEADER_ROW + 1 + i as u32;
        sheet.write_string(r, CHART_LABEL_COL, clip(label))?;
        sheet.write_number(r, CHART_VALUE_COL, *value)?;
    }
    let (first, last) = (HEADER_ROW + 1, HEADER_ROW + measured.len() as u32);
    let max = measured.iter().map(|(_, v)| *v).fold(0.0, f64::max);
    let mut chart = Chart::new_column();
    chart
        .add_series()
        .set_name("Capaian (%)")
        .set_categories((sheet_name, first, CHART_LABEL_COL, last, CHART_LABEL_COL))
        .set_values((sheet_name, first, CHART_VALUE_COL, last, CHART_VALUE_COL))
        .set_data_label(ChartDataLabel::new().show_value().set_num_format("0.00"));
    chart
        .title()
        .set_font(ChartFont::new().set_size(12).set_bold())
        .set_name(title);
    chart.y_axis().set_name("Capaian (%)").set_min(0);
    if max <= 100.0 {
        chart.y_axis().set_max(100);
    }
    chart.legend().set_hidden();
    let width = (measured.len() as u32 * 56 + 240).clamp(480, 960);
    chart.show_hidden_data().set_width(width).set_height(340);
    sheet.insert_chart_with_offset(row + 1, 0, &chart, 0, 8)?;
    Ok(row + 1 + 340 / 20 + 1)
}

/// The predikat bands the rekap used, on `row` under a table, across its columns.
fn grade_legend(
    sheet: &mut Worksheet,
    row: u32,
    columns: &[(&str, f64)],
    legend: &str,
    st: &Styles,
) -> Result<(), XlsxError> {
    let width: f64 = columns.iter().map(|c| c.1).sum();
    let last = columns.len() as u16 - 1;
    let text = clip(legend);
    sheet.merge_range(row, 0, row, last, &text, &st.legend)?;
    sheet.set_row_height(
        row,
        height_for(lines_needed(&text, width, BODY_PT), BODY_PT),
    )?;
    Ok(())
}

fn finish(
    sheet: &mut Worksheet,
    paper: Paper,
    last_row: u32,
    last_col: u16,
) -> Result<(), XlsxError> {
    page_setup(sheet, paper, "Rekap kabupaten");
    fit_to_width(sheet, last_row, last_col)
}

/// Width of a quarter's column in the Matriks Laporan.
const QUARTER_WIDTH: f64 = 13.0;

/// "masuk 6 Des 2026" in a quarter's cell; "masuk\n16 Apr 2019" when the
/// line would wrap, so a date never breaks in two.
fn dated_line(word: &str, rfc3339: &str) -> String {
    let line = format!("{word} {}", short_date_wib(rfc3339));
    if lines_needed(&line, QUARTER_WIDTH - 0.5, BODY_PT) > 1 {
        format!("{word}\n{}", short_date_wib(rfc3339))
    } else {
        line
    }
}

fn build_workbook(
    summary: &RegencySummary,
    period: PeriodRef,
    matrix: &SubmissionMatrix,
    notes: Option<&[ReviewNote]>,
    paper: Paper,
) -> Result<Workbook, XlsxError> {
    use crate::model::MilestoneStatus::*;
    let st = Styles::new();
    let mut workbook = Workbook::new();
    // The indicator sheet of sixty OPDs is megabytes of XML, and compressing it
    // was a sixth of the rekap's time: the fastest level makes a larger file
    // (1.5 MB instead of 0.9 MB for 12,000 indicators) in much less time.
    workbook.set_zip_compression_level(1);
    let title = summary.plan.title.trim().to_string();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("Rekap kabupaten {}", period.label()))
            .set_company(summary.plan.region.trim())
            .set_comment(format!("Renaksi {APP_VERSION}")),
    );
    let kop_lines = |heading: &str| {
        [
            heading.to_string(),
            format!("{title} (Versi {})", summary.plan.version),
            format!("Periode: {}", period.label()),
        ]
    };
    let capaian = capaian_header(period.quarter);
    let grades = &summary.grades;
    let bands_legend = GradeScale(grades.clone()).legend();

    // Per Tema
    let columns = [
        ("No", 5.0),
        ("Tema", 40.0),
        ("Rencana aksi", 10.0),
        ("Tonggak", 10.0),
        ("Tonggak selesai", 10.0),
        ("Indikator", 10.0),
        ("Indikator terukur", 10.0),
        (capaian.as_str(), 13.0),
        ("Predikat", 14.0),
    ];
    let rows: Vec<Vec<Cell>> = summary
        .themes
        .iter()
        .enumerate()
        .map(|(i, t)| {
            vec![
                Cell::Count(i + 1),
                Cell::Text(t.name.clone()),
                Cell::Count(t.action_count),
                Cell::Count(t.milestone_count),
                Cell::Count(count_of(&t.milestones, Complete)),
                Cell::Count(t.indicator_count),
                Cell::Count(t.rollup.measured_count),
                Cell::Percent(t.rollup.percent),
                Cell::Label(grade_label(grades, t.rollup.grade)),
            ]
        })
        .collect();
    let (sheet, end) = table_sheet(
        &mut workbook,
        Rows::Any,
        THEME_SHEET,
        kop_lines("REKAPITULASI CAPAIAN PER TEMA"),
        &columns,
        rows,
        &st,
    )?;
    // One blank row, the legend, then the chart.
    grade_legend(sheet, end + 1, &columns, &bands_legend, &st)?;
    let bars: Vec<(String, Option<f64>)> = summary
        .themes
        .iter()
        .enumerate()
        .map(|(i, t)| (format!("Tema {}", i + 1), t.rollup.percent))
        .collect();
    let last = capaian_chart(
        sheet,
        THEME_SHEET,
        &format!("Capaian s.d. {} per tema", period.label()),
        &bars,
        end + 1,
    )?;
    finish(sheet, paper, last, columns.len() as u16 - 1)?;

    // Per OPD
    let columns = [
        ("Kode", 14.0),
        ("Perangkat Daerah", 36.0),
        ("Rencana aksi dipimpin", 10.0),
        ("Tonggak", 9.0),
        ("Belum Dimulai", 9.0),
        ("Terbatas", 9.0),
        ("Substansial", 10.0),
        ("Selesai", 9.0),
        ("Indikator", 9.0),
        ("Indikator terukur", 10.0),
        (capaian.as_str(), 13.0),
        ("Predikat", 14.0),
    ];
    let rows: Vec<Vec<Cell>> = summary
        .opds
        .iter()
        .map(|o| {
            vec![
                Cell::Text(o.opd.code.clone()),
                Cell::Text(o.opd.name.clone()),
                Cell::Count(o.led_action_count),
                Cell::Count(o.milestone_count),
                Cell::Count(count_of(&o.milestones, NotStarted)),
                Cell::Count(count_of(&o.milestones, Limited)),
                Cell::Count(count_of(&o.milestones, Substantial)),
                Cell::Count(count_of(&o.milestones, Complete)),
                Cell::Count(o.indicator_count),
                Cell::Count(o.rollup.measured_count),
                Cell::Percent(o.rollup.percent),
                Cell::Label(grade_label(grades, o.rollup.grade)),
            ]
        })
        .collect();
    let (sheet, end) = table_sheet(
        &mut workbook,
        Rows::Any,
        OPD_SHEET,
        kop_lines("REKAPITULASI CAPAIAN PER PERANGKAT DAERAH"),
        &columns,
        rows,
        &st,
    )?;
    // One blank row, the legend, then the chart.
    grade_legend(sheet, end + 1, &columns, &bands_legend, &st)?;
    let bars: Vec<(String, Option<f64>)> = summary
        .opds
        .iter()
        .map(|o| (o.opd.code.clone(), o.rollup.percent))
        .collect();
    let last = capaian_chart(
        sheet,
        OPD_SHEET,
        &format!("Capaian s.d. {} per perangkat daerah", period.label()),
        &bars,
        end + 1,
    )?;
    finish(sheet, paper, last, columns.len() as u16 - 1)?;

    // Matriks Laporan
    // Each quarter's due date under its name; in a cell, the day the report
    // arrived here and the day the OPD exported it (its own clock).
    let period_labels: Vec<String> = matrix
        .periods
        .iter()
        .map(|p| {
            let due = p
                .due_date
                .as_deref()
                .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok());
            match due {
                Some(due) => format!(
                    "TW {} {}\nbatas {}",
                    roman(p.quarter),
                    p.year,
                    short_date(due)
                ),
                None => format!("TW {} {}", roman(p.quarter), p.year),
            }
        })
        .collect();
    let mut columns: Vec<(&str, f64)> = vec![("Kode", 14.0), ("Perangkat Daerah", 36.0)];
    // Narrow, so a plan of many quarters still prints at a readable scale:
    // short dates, each under its word when the two do not fit one line (the
    // rows grow to fit).
    columns.extend(period_labels.iter().map(|l| (l.as_str(), QUARTER_WIDTH)));
    let rows: Vec<Vec<Cell>> = matrix
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![
                Cell::Text(row.opd.code.clone()),
                Cell::Text(row.opd.name.clone()),
            ];
            cells.extend(row.cells.iter().map(|c| {
                // When the quarter's report came more than once, the first
                // arrival (which decides terlambat) and the last.
                let received = if c.first_received_at.is_some() {
                    "masuk terakhir"
                } else {
                    "masuk"
                };
                let lines: Vec<String> = [
                    c.first_received_at
                        .as_deref()
                        .map(|at| dated_line("masuk pertama", at)),
                    c.received_at.as_deref().map(|at| dated_line(received, at)),
                    c.exported_at
                        .as_deref()
                        .map(|at| dated_line("diekspor", at)),
                ]
                .into_iter()
                .flatten()
                .collect();
                Cell::State(c.state, lines.join("\n"))
            }));
            cells
        })
        .collect();
    let last_col = columns.len() as u16 - 1;
    let (sheet, end) = table_sheet(
        &mut workbook,
        Rows::InOrder,
        MATRIX_SHEET,
        kop_lines("MATRIKS PENYAMPAIAN LAPORAN OPD"),
        &columns,
        rows,
        &st,
    )?;
    let legend = format!(
        "Keadaan per {}. Terlambat: laporan pertama triwulan itu diterima Bappeda sesudah batas \
         waktunya (tanggal WIB; tanggal diekspor hanya keterangan, menurut jam komputer OPD). \
         Diverifikasi: sudah diperiksa Bappeda.",
        long_date(NaiveDate::parse_from_str(&summary.today, "%Y-%m-%d").unwrap_or_default())
    );
    sheet.write_string_with_format(end + 1, 0, legend, &st.stamp)?;
    finish(sheet, paper, end + 1, last_col)?;

    // Indikator
    let target_header = format!("Target s.d. TW {}", roman(period.quarter));
    let real_header = format!("Realisasi s.d. TW {}", roman(period.quarter));
    let columns = [
        ("No", 5.0),
        ("Tema", 20.0),
        ("Rencana Aksi", 26.0),
        ("Perangkat Daerah", 14.0),
        ("Indikator", 34.0),
        ("Satuan", 10.0),
        (target_header.as_str(), 11.0),
        (real_header.as_str(), 11.0),
        (capaian.as_str(), 11.0),
        ("Predikat", 12.0),
        ("Target tahunan", 11.0),
        ("Capaian thd target tahunan (%)", 12.0),
        ("Keterangan", 16.0),
    ];
    let rows = summary.indicators.iter().enumerate().map(|(i, line)| {
        let a = &line.achievement;
        vec![
            Cell::Count(i + 1),
            Cell::Text(line.theme.clone()),
            Cell::Text(format!("{} {}", line.action_code, line.action_title)),
            Cell::Text(line.opd.code.clone()),
            Cell::Text(line.description.clone()),
            Cell::Label(line.unit.clone()),
            Cell::Number(a.target_to_date),
            Cell::Number(a.realisation_to_date),
            Cell::Percent(a.percent),
            Cell::Label(grade_label(grades, a.grade)),
            Cell::Number(a.annual_target),
            Cell::Percent(a.annual_percent),
            Cell::Text(match a.reason {
                Reason::Ok => String::new(),
                reason => reason_label(reason).to_string(),
            }),
        ]
    });
    let (sheet, end) = table_sheet(
        &mut workbook,
        Rows::InOrder,
        INDICATOR_SHEET,
        kop_lines("CAPAIAN SELURUH INDIKATOR"),
        &columns,
        rows,
        &st,
    )?;
    grade_legend(sheet, end + 1, &columns, &bands_legend, &st)?;
    finish(sheet, paper, end + 1, columns.len() as u16 - 1)?;

    // Tonggak Terlambat
    let columns = [
        ("No", 5.0),
        ("Rencana Aksi", 12.0),
        ("Tonggak", 48.0),
        ("Perangkat Daerah", 14.0),
        ("Tanggal selesai", 16.0),
        ("Status", 14.0),
        ("Terlambat (hari)", 11.0),
    ];
    let rows: Vec<Vec<Cell>> = summary
        .overdue
        .iter()
        .enumerate()
        .map(|(i, m)| {
            vec![
                Cell::Count(i + 1),
                Cell::Text(m.action_code.clone()),
                Cell::Text(m.title.clone()),
                Cell::Text(m.opd_code.clone()),
                Cell::Label(
                    NaiveDate::parse_from_str(&m.end_date, "%Y-%m-%d")
                        .map(long_date)
                        .unwrap_or_else(|_| m.end_date.clone()),
                ),
                Cell::Label(status_label(m.status).to_string()),
                Cell::Count(m.days_late.max(0) as usize),
            ]
        })
        .collect();
    let (sheet, end) = table_sheet(
        &mut workbook,
        Rows::InOrder,
        OVERDUE_SHEET,
        kop_lines("TONGGAK YANG MELEWATI TANGGAL SELESAI"),
        &columns,
        rows,
        &st,
    )?;
    if end == HEADER_ROW + 1 {
        sheet.write_string_with_format(end, 0, "Tidak ada tonggak yang terlambat.", &st.stamp)?;
    }
    finish(sheet, paper, end, columns.len() as u16 - 1)?;

    // Catatan Verifikator, unless the rekap is for the public.
    let Some(notes) = notes else {
        return Ok(workbook);
    };
    let columns = [
        ("No", 5.0),
        ("Tanggal", 16.0),
        ("Tentang", 34.0),
        ("Perangkat Daerah", 14.0),
        ("Catatan", 50.0),
        ("Oleh", 16.0),
        ("Keadaan", 11.0),
    ];
    let rows: Vec<Vec<Cell>> = notes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let about = match n.subject_kind {
                SubjectKind::Report => n.subject_label.clone(),
                SubjectKind::Action => format!("Rencana aksi {}", n.subject_label),
                SubjectKind::Indicator => format!("Indikator {}", n.subject_label),
            };
            vec![
                Cell::Count(i + 1),
                Cell::Label(long_time_wib(&n.created_at)),
                Cell::Text(about),
                Cell::Text(n.opd_code.clone()),
                Cell::Text(n.body.clone()),
                Cell::Text(n.author.clone()),
                Cell::Label(if n.resolved_at.is_some() {
                    "Selesai".into()
                } else {
                    "Terbuka".into()
                }),
            ]
        })
        .collect();
    let (sheet, end) = table_sheet(
        &mut workbook,
        Rows::InOrder,
        NOTES_SHEET,
        kop_lines("CATATAN VERIFIKATOR"),
        &columns,
        rows,
        &st,
    )?;
    if end == HEADER_ROW + 1 {
        sheet.write_string_with_format(end, 0, "Belum ada catatan verifikator.", &st.stamp)?;
    }
    finish(sheet, paper, end, columns.len() as u16 - 1)?;

    Ok(workbook)
}
