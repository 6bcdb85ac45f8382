//! The printable sheets of a Laporan OPD: "Laporan" (kop, evaluation table,
//! signature block, page setup for A4/F4 landscape) and "Ringkasan" (capaian
//! per action with a column chart).
//!
//! Everything shown comes from a [`ReportView`]; nothing is computed here except
//! layout. [`table_rows`] is the single source of what the evaluation table's
//! body holds, and [`report_kop`], the signature block's lines, the legend and
//! the stamp of the rest; [`report_cells`] and [`summary_cells`] list every
//! cell the two sheets print from them (and [`report_notes`] the notes), so
//! the writer and the checker (which compares the visible sheets with the
//! signed data sheet) cannot disagree.
//!
//! Security: every text that a person typed (row texts, names, titles,
//! signature) is written as a string cell whose format carries the quote
//! prefix (the shared formats of [`crate::workbook::styles`]). No formula is
//! ever written.

use rust_xlsxwriter::{
    Chart, ChartDataLabel, ChartFont, Format, FormatAlign, FormatUnderline, Note, Workbook,
    Worksheet, XlsxError,
};

use super::view::ReportView;
use crate::workbook::labels::capaian_header;
use crate::workbook::print::{page_setup, Paper};
use crate::workbook::styles::{self, DECIMAL, PERCENT, WHOLE};
use crate::workbook::text::{clip, height_for, lines_needed, table_row_height};

/// Name of the printable sheet and of the summary sheet.
pub const REPORT_SHEET: &str = "Laporan";
pub const SUMMARY_SHEET: &str = "Ringkasan";

/// 0-based row of the evaluation table's first header row (after the four kop
/// lines and one blank row), and the number of header rows: the first holds the
/// group headers "Target" and "Realisasi" (and every other header, merged down
/// over both rows), the second their "TW I" .. "TW IV" sub-columns.
pub const TABLE_HEADER_ROW: u32 = 5;
pub const TABLE_HEADER_ROWS: u32 = 2;

/// A cell as the evaluation table holds it.
#[derive(Debug, Clone, PartialEq)]
pub enum TableCell {
    Text(String),
    Number(f64),
    Empty,
}

/// The body rows of the evaluation table, cell by cell, exactly as written
/// under the header: one `Vec` per [`ReportRow`](super::view::ReportRow), one
/// [`TableCell`] per column, in column order. The 23 columns are No, Tema,
/// Rencana Aksi, Tonggak, Indikator, Satuan, Baseline, Target tahunan, Target
/// TW I-IV, Realisasi TW I-IV, Capaian s.d. TW n (%), Predikat, Capaian thd
/// target tahunan (%), Status, Bukti, Kendala, Tindak lanjut.
///
/// Rules, so that the checker can rely on them:
/// - an empty text is [`TableCell::Empty`] (a spreadsheet stores no empty
///   strings, so that is what reading the sheet back gives);
/// - a missing number (baseline, targets, realisations) is `Empty`;
/// - a missing percentage is `Text("-")`; percentages are the values before
///   rounding (the sheet shows them with the "0.00" number format);
/// - a non-finite number (NaN, infinity; never expected) counts as missing;
/// - a text longer than a cell can hold (32,767 UTF-16 units) is cut to that
///   limit, ending with "…" (the full text stays in the data sheet).
pub fn table_rows(view: &ReportView) -> Vec<Vec<TableCell>> {
    view.rows
        .iter()
        .map(|row| {
            let mut cells = Vec::with_capacity(COLUMNS.len());
            cells.push(TableCell::Number(f64::from(row.no)));
            cells.push(text_cell(&row.theme));
            cells.push(text_cell(&row.action));
            cells.push(text_cell(&row.milestone));
            cells.push(text_cell(&row.indicator));
            cells.push(text_cell(&row.unit));
            cells.push(number_cell(row.baseline));
            cells.push(number_cell(row.annual_target));
            cells.extend(row.targets.iter().map(|v| number_cell(*v)));
            cells.extend(row.realisations.iter().map(|v| number_cell(*v)));
            cells.push(percent_cell(row.percent));
            cells.push(text_cell(&row.grade));
            cells.push(percent_cell(row.annual_percent));
            cells.push(text_cell(&row.status));
            cells.push(text_cell(&row.evidence));
            cells.push(text_cell(&row.obstacles));
            cells.push(text_cell(&row.follow_up));
            debug_assert_eq!(cells.len(), COLUMNS.len());
            cells
        })
        .collect()
}

/// The kop of the Laporan sheet, one text per row from row 0, in column A
/// (merged across the table).
pub fn report_kop(view: &ReportView) -> [String; 4] {
    [
        "LAPORAN CAPAIAN RENCANA AKSI DAERAH KETERBUKAAN PEMERINTAH".to_owned(),
        format!("{} (Versi {})", view.plan_title, view.plan_version),
        format!("Perangkat Daerah: {} ({})", view.opd_name, view.opd_code),
        format!("Periode: {}", view.period_label),
    ]
}

/// The kop of the Ringkasan sheet, as [`report_kop`].
pub fn summary_kop(view: &ReportView) -> [String; 3] {
    [
        "RINGKASAN CAPAIAN PER RENCANA AKSI".to_owned(),
        format!("Perangkat Daerah: {} ({})", view.opd_name, view.opd_code),
        format!("Periode: {}", view.period_label),
    ]
}

/// The first row of the signature block (and the predikat legend beside
/// it), after a table of `rows` body rows and one blank row.
fn block_top(rows: usize) -> u32 {
    TABLE_HEADER_ROW + TABLE_HEADER_ROWS + rows as u32 + 1
}

/// The signature block's lines, clipped, with their rows below the block's
/// first row: place and date, position, name, NIP.
fn signature_lines(view: &ReportView) -> [(u32, String); 4] {
    let s = &view.signature;
    let place_date = match (s.place.trim().is_empty(), s.date.trim().is_empty()) {
        (false, false) => format!("{}, {}", s.place, s.date),
        (true, _) => s.date.clone(),
        (false, true) => s.place.clone(),
    };
    let nip = format!("NIP. {}", s.nip).trim_end().to_owned();
    let texts = [place_date, s.position.clone(), s.name.clone(), nip];
    let mut lines = SIGN_OFFSETS.map(|offset| (offset, String::new()));
    for (line, text) in lines.iter_mut().zip(texts) {
        line.1 = clip(&text);
    }
    lines
}

/// The generator stamp under the signature block, clipped.
fn stamp_text(view: &ReportView) -> String {
    clip(&format!(
        "Dibuat dengan {} pada {}",
        view.generator, view.exported_at_text
    ))
}

/// Every cell the Laporan sheet shows, as (0-based row, column, value): the
/// kop, the table's header and body ([`table_rows`]), the predikat legend,
/// the signature block and the stamp. Nothing else on the sheet holds a
/// value; the checker compares the whole printed sheet with this.
pub fn report_cells(view: &ReportView) -> Vec<(u32, u32, TableCell)> {
    let rows = table_rows(view);
    let mut cells = Vec::with_capacity(rows.len() * COLUMNS.len() + 64);
    for (r, line) in report_kop(view).iter().enumerate() {
        cells.push((r as u32, 0, text_cell(line)));
    }
    let (first, second) = (TABLE_HEADER_ROW, TABLE_HEADER_ROW + 1);
    let capaian = capaian_header(view.quarter);
    for (c, spec) in COLUMNS.iter().enumerate() {
        let c = c as u32;
        match spec.group {
            None if spec.header == CAPAIAN_HEADER => cells.push((first, c, text_cell(&capaian))),
            None => cells.push((first, c, text_cell(spec.header))),
            Some(group) => {
                if c == 0 || COLUMNS[c as usize - 1].group != Some(group) {
                    cells.push((first, c, text_cell(group)));
                }
                cells.push((second, c, text_cell(spec.header)));
            }
        }
    }
    let body = TABLE_HEADER_ROW + TABLE_HEADER_ROWS;
    for (i, row) in rows.into_iter().enumerate() {
        for (c, cell) in row.into_iter().enumerate() {
            cells.push((body + i as u32, c as u32, cell));
        }
    }
    let top = block_top(view.rows.len());
    cells.push((top, 0, text_cell(&view.grade_legend)));
    for (offset, text) in signature_lines(view) {
        cells.push((top + offset, u32::from(SIG_FIRST), text_cell(&text)));
    }
    cells.push((top + STAMP_OFFSET, 0, text_cell(&stamp_text(view))));
    cells
}

/// Every cell the Ringkasan sheet holds, as [`report_cells`]: the kop, the
/// header, one row per action (code, title, capaian or "-", predikat), the
/// hidden columns the chart draws from, and the remark under the table.
pub fn summary_cells(view: &ReportView) -> Vec<(u32, u32, TableCell)> {
    let mut cells = Vec::with_capacity(view.actions.len() * 6 + 16);
    for (r, line) in summary_kop(view).iter().enumerate() {
        cells.push((r as u32, 0, text_cell(line)));
    }
    let capaian = capaian_header(view.quarter);
    for (c, (label, _)) in SUM_COLS.iter().enumerate() {
        let label = if *label == CAPAIAN_HEADER {
            capaian.as_str()
        } else {
            label
        };
        cells.push((SUM_HEADER_ROW, c as u32, text_cell(label)));
    }
    cells.push((
        SUM_HEADER_ROW,
        u32::from(CHART_CODE_COL),
        text_cell(CHART_CODE_HEADER),
    ));
    cells.push((
        SUM_HEADER_ROW,
        u32::from(CHART_VALUE_COL),
        text_cell(CHART_VALUE_HEADER),
    ));
    let mut charted = 0u32;
    for (i, action) in view.actions.iter().enumerate() {
        let r = SUM_HEADER_ROW + 1 + i as u32;
        cells.push((r, 0, text_cell(&action.code)));
        cells.push((r, 1, text_cell(&action.title)));
        cells.push((r, 2, percent_cell(action.percent)));
        cells.push((r, 3, text_cell(&action.grade)));
        if let Some(v) = action.percent.filter(|v| v.is_finite()) {
            let cr = SUM_HEADER_ROW + 1 + charted;
            cells.push((cr, u32::from(CHART_CODE_COL), text_cell(&action.code)));
            cells.push((cr, u32::from(CHART_VALUE_COL), TableCell::Number(v)));
            charted += 1;
        }
    }
    if let Some(remark) = summary_remark(charted as usize, view.actions.len()) {
        let r = SUM_HEADER_ROW + 1 + view.actions.len() as u32 + 1;
        cells.push((r, 0, text_cell(remark)));
    }
    cells
}

/// The notes of the Laporan sheet, as (cell, text): why a capaian has no
/// figure, on its "-" cell.
pub fn report_notes(view: &ReportView) -> Vec<(String, String)> {
    let body = TABLE_HEADER_ROW + TABLE_HEADER_ROWS;
    table_rows(view)
        .iter()
        .zip(&view.rows)
        .enumerate()
        .filter(|(_, (cells, row))| {
            matches!(cells[PERCENT_COL], TableCell::Text(_)) && !row.percent_note.trim().is_empty()
        })
        .map(|(i, (_, row))| {
            (
                crate::workbook::reader::cell_name(body + i as u32, PERCENT_COL as u32),
                clip_note(&row.percent_note),
            )
        })
        .collect()
}

/// The column ranges the sheets hide (1-based, "6-7"): the Ringkasan's
/// columns the chart draws from.
pub fn hidden_columns() -> [String; 1] {
    [format!("{}-{}", CHART_CODE_COL + 1, CHART_VALUE_COL + 1)]
}

/// How many charts the sheets hold: the Ringkasan's, when an action has a
/// figure to draw.
pub fn chart_count(view: &ReportView) -> u64 {
    u64::from(
        view.actions
            .iter()
            .any(|a| a.percent.is_some_and(f64::is_finite)),
    )
}

/// The remark under the Ringkasan table about actions the chart leaves out.
fn summary_remark(charted: usize, actions: usize) -> Option<&'static str> {
    if charted == 0 {
        Some("Belum ada angka capaian untuk digambarkan pada grafik.")
    } else if charted < actions {
        Some("Rencana aksi tanpa angka capaian (\"-\") tidak digambarkan pada grafik.")
    } else {
        None
    }
}

/// Adds the Laporan and Ringkasan sheets to the workbook. Call it on a new,
/// empty workbook so that they are the first and second sheets (other sheets,
/// such as the data sheet, come after); an error is returned otherwise.
pub fn write_report_sheets(
    workbook: &mut Workbook,
    view: &ReportView,
    paper: Paper,
) -> Result<(), XlsxError> {
    if !workbook.worksheets().is_empty() {
        return Err(XlsxError::ParameterError(format!(
            "the {REPORT_SHEET} and {SUMMARY_SHEET} sheets must be the first sheets of the workbook"
        )));
    }
    let styles = Styles::new();
    let report = workbook.add_worksheet();
    write_report_sheet(report, view, paper, &styles)?;
    let summary = workbook.add_worksheet();
    write_summary_sheet(summary, view, paper, &styles)?;
    Ok(())
}

// ---------------------------------------------------------------------------
// Columns of the evaluation table

/// What a column holds, which decides its cell format.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    /// Row number, centred.
    No,
    /// Wrapped text, left-aligned.
    Text,
    /// Short text, centred (Satuan, Predikat, Status).
    Label,
    /// A quantity: baseline, targets, realisations.
    Number,
    /// A percentage shown with two decimals, or "-".
    Percent,
}

/// The width of a column, in Excel character units (of the default 11 pt
/// font; the table's 9 pt text fits about a fifth more characters). Text
/// columns shrink towards `min` when their longest line is shorter than `max`
/// (an OPD with no Kendala gets a narrow Kendala column and a larger print),
/// number columns grow beyond `min` when a figure needs it.
#[derive(Debug, Clone, Copy)]
struct Col {
    /// Header text, or the label of the sub-column under a group header.
    header: &'static str,
    /// Group header ("Target", "Realisasi") spanning this column, if any.
    group: Option<&'static str>,
    kind: Kind,
    min: f64,
    max: f64,
}

const fn col(header: &'static str, kind: Kind, min: f64, max: f64) -> Col {
    Col {
        header,
        group: None,
        kind,
        min,
        max,
    }
}

const fn sub(group: &'static str, header: &'static str) -> Col {
    Col {
        header,
        group: Some(group),
        kind: Kind::Number,
        min: 6.5,
        max: 14.0,
    }
}

/// Header placeholder for the column whose label depends on the quarter.
const CAPAIAN_HEADER: &str = "Capaian s.d. TW";

/// The evaluation table's columns, in order.
const COLUMNS: [Col; 23] = [
    col("No", Kind::No, 4.0, 4.0),
    col("Tema", Kind::Text, 9.0, 13.0),
    col("Rencana Aksi", Kind::Text, 12.0, 22.0),
    col("Tonggak", Kind::Text, 10.0, 20.0),
    col("Indikator", Kind::Text, 12.0, 22.0),
    col("Satuan", Kind::Label, 7.0, 9.0),
    col("Baseline", Kind::Number, 8.0, 14.0),
    col("Target tahunan", Kind::Number, 8.0, 14.0),
    sub("Target", "TW I"),
    sub("Target", "TW II"),
    sub("Target", "TW III"),
    sub("Target", "TW IV"),
    sub("Realisasi", "TW I"),
    sub("Realisasi", "TW II"),
    sub("Realisasi", "TW III"),
    sub("Realisasi", "TW IV"),
    col(CAPAIAN_HEADER, Kind::Percent, 8.5, 8.5),
    col("Predikat", Kind::Label, 8.0, 11.0),
    col("Capaian thd target tahunan (%)", Kind::Percent, 8.5, 8.5),
    col("Status", Kind::Label, 8.0, 11.0),
    col("Bukti", Kind::Text, 8.0, 17.0),
    col("Kendala", Kind::Text, 8.0, 17.0),
    col("Tindak lanjut", Kind::Text, 8.0, 17.0),
];

/// Index of the "Capaian s.d. TW n (%)" column.
const PERCENT_COL: usize = 16;
/// Index of the "Rencana Aksi" column: panes are frozen right of it.
const ACTION_COL: u16 = 2;
/// The signature block spans the last this many columns.
const SIGNATURE_COLS: u16 = 5;

const LAST_COL: u16 = COLUMNS.len() as u16 - 1;
/// The signature block's first column; the predikat legend is left of it.
const SIG_FIRST: u16 = LAST_COL + 1 - SIGNATURE_COLS;
/// Rows of the signature block's lines below its first row: place and date,
/// position, (room to sign and stamp), name, NIP.
const SIGN_OFFSETS: [u32; 4] = [0, 1, 5, 6];
const SIGN_NAME_OFFSET: u32 = 5;
/// Row of the generator stamp below the signature block's first row.
const STAMP_OFFSET: u32 = 8;

/// Font sizes, in points.
const BODY_PT: f64 = 9.0;
const KOP_PT: f64 = 12.0;
const SIGN_PT: f64 = 10.0;

// ---------------------------------------------------------------------------
// Cells

fn text_cell(text: &str) -> TableCell {
    if text.is_empty() {
        TableCell::Empty
    } else {
        TableCell::Text(clip(text))
    }
}

fn number_cell(value: Option<f64>) -> TableCell {
    match value {
        Some(v) if v.is_finite() => TableCell::Number(v),
        _ => TableCell::Empty,
    }
}

fn percent_cell(value: Option<f64>) -> TableCell {
    match value {
        Some(v) if v.is_finite() => TableCell::Number(v),
        _ => TableCell::Text("-".to_owned()),
    }
}

// ---------------------------------------------------------------------------
// Formats

struct Styles {
    kop_title: Format,
    kop_line: Format,
    header: Format,
    text: Format,
    label: Format,
    dash: Format,
    no: Format,
    integer: Format,
    decimal: Format,
    percent: Format,
    empty: Format,
    sign: Format,
    sign_name: Format,
    stamp: Format,
    legend: Format,
}

impl Styles {
    fn new() -> Styles {
        let body = styles::body(BODY_PT);
        let text = styles::text(BODY_PT);
        let number = styles::figure(BODY_PT);
        let sign = Format::new()
            .set_font_size(SIGN_PT)
            .set_align(FormatAlign::Center)
            .set_align(FormatAlign::VerticalCenter)
            .set_text_wrap()
            .set_quote_prefix();
        Styles {
            kop_title: styles::kop(KOP_PT + 1.0),
            kop_line: styles::kop(KOP_PT),
            header: styles::header(BODY_PT),
            label: text.clone().set_align(FormatAlign::Center),
            dash: text.clone().set_align(FormatAlign::Center),
            text,
            no: body
                .clone()
                .set_align(FormatAlign::Center)
                .set_num_format("0"),
            integer: number.clone().set_num_format(WHOLE),
            decimal: number.clone().set_num_format(DECIMAL),
            percent: number.set_num_format(PERCENT),
            empty: body,
            sign_name: sign
                .clone()
                .set_bold()
                .set_underline(FormatUnderline::Single),
            sign,
            stamp: styles::stamp().set_align(FormatAlign::Left),
            legend: styles::legend(BODY_PT),
        }
    }

    /// "#,##0.##" would show 12 as "12." so figures that are whole at two
    /// decimals get "#,##0".
    fn quantity(&self, value: f64) -> &Format {
        if ((value * 100.0).round() / 100.0).fract() == 0.0 {
            &self.integer
        } else {
            &self.decimal
        }
    }
}

// ---------------------------------------------------------------------------
// Measuring (rough, deterministic: only to choose widths and heights)

/// The shown form of a quantity, to size its column ("1,234.5").
fn shown_len(value: f64) -> usize {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{}", rounded.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.len(), f.len() + 1),
        None => (text.len(), 0),
    };
    let sign = usize::from(rounded < 0.0);
    sign + int + (int.saturating_sub(1)) / 3 + frac
}

/// Height (points) of a body row: enough lines for its longest wrapped text.
fn body_row_height(cells: &[TableCell], widths: &[f64]) -> f64 {
    let lines = cells
        .iter()
        .zip(widths)
        .map(|(cell, width)| match cell {
            // Text wraps inside the cell, less the cell's padding.
            TableCell::Text(t) => lines_needed(t, (width - 0.5).max(1.0), BODY_PT),
            _ => 1,
        })
        .max()
        .unwrap_or(1);
    table_row_height(lines)
}

fn column_widths(rows: &[Vec<TableCell>]) -> Vec<f64> {
    let font_ratio = BODY_PT / 11.0;
    COLUMNS
        .iter()
        .enumerate()
        .map(|(c, spec)| {
            let needed = rows
                .iter()
                .map(|row| match (&row[c], spec.kind) {
                    (TableCell::Number(v), Kind::Number) => shown_len(*v) as f64 * font_ratio + 1.5,
                    (TableCell::Text(t), Kind::Text | Kind::Label) => {
                        let longest = t.split('\n').map(|l| l.chars().count()).max().unwrap_or(0);
                        longest as f64 * font_ratio + 1.5
                    }
                    _ => 0.0,
                })
                .fold(0.0, f64::max);
            needed.clamp(spec.min, spec.max)
        })
        .collect()
}

// ---------------------------------------------------------------------------
// The Laporan sheet

fn write_report_sheet(
    sheet: &mut Worksheet,
    view: &ReportView,
    paper: Paper,
    st: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(REPORT_SHEET)?;
    let rows = table_rows(view);
    let widths = column_widths(&rows);
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, *w)?;
    }
    let table_width: f64 = widths.iter().sum();

    // Kop.
    write_kop(sheet, &report_kop(view), st, LAST_COL, table_width)?;

    // Table header.
    let first = TABLE_HEADER_ROW;
    let second = TABLE_HEADER_ROW + 1;
    let capaian = capaian_header(view.quarter);
    let mut c = 0;
    while c < COLUMNS.len() {
        let spec = COLUMNS[c];
        match spec.group {
            None => {
                let label = if spec.header == CAPAIAN_HEADER {
                    capaian.as_str()
                } else {
                    spec.header
                };
                sheet.merge_range(first, c as u16, second, c as u16, label, &st.header)?;
                c += 1;
            }
            Some(group) => {
                let span = COLUMNS[c..]
                    .iter()
                    .take_while(|s| s.group == Some(group))
                    .count();
                let (a, b) = (c as u16, (c + span - 1) as u16);
                if a == b {
                    sheet.write_string_with_format(first, a, group, &st.header)?;
                } else {
                    sheet.merge_range(first, a, first, b, group, &st.header)?;
                }
                for (i, s) in COLUMNS[c..c + span].iter().enumerate() {
                    sheet.write_string_with_format(second, a + i as u16, s.header, &st.header)?;
                }
                c += span;
            }
        }
    }
    sheet.set_row_height(first, 36)?;
    sheet.set_row_height(second, 30)?;

    // Table body. Row heights are set from the wrapped texts: LibreOffice
    // keeps the default height of rows without one, which hides all but the
    // first line of each cell.
    let body = TABLE_HEADER_ROW + TABLE_HEADER_ROWS;
    for (i, (cells, row)) in rows.iter().zip(&view.rows).enumerate() {
        let r = body + i as u32;
        sheet.set_row_height(r, body_row_height(cells, &widths))?;
        for (c, cell) in cells.iter().enumerate() {
            let kind = COLUMNS[c].kind;
            let c = c as u16;
            match cell {
                TableCell::Number(v) => {
                    let format = match kind {
                        Kind::No => &st.no,
                        Kind::Percent => &st.percent,
                        _ => st.quantity(*v),
                    };
                    sheet.write_number_with_format(r, c, *v, format)?;
                }
                TableCell::Text(t) => {
                    let format = match kind {
                        Kind::Label => &st.label,
                        Kind::Percent => &st.dash,
                        _ => &st.text,
                    };
                    sheet.write_string_with_format(r, c, t, format)?;
                }
                TableCell::Empty => {
                    sheet.write_blank(r, c, &st.empty)?;
                }
            }
        }
        // Why "Capaian" has no figure, as a note on its "-" cell.
        if matches!(cells[PERCENT_COL], TableCell::Text(_)) && !row.percent_note.trim().is_empty() {
            let note = Note::new(clip_note(&row.percent_note))
                .add_author_prefix(false)
                .set_author("Renaksi");
            sheet.insert_note(r, PERCENT_COL as u16, &note)?;
        }
    }
    // Signature block on the right, after one blank row.
    let sig_width: f64 = widths[usize::from(SIG_FIRST)..].iter().sum();
    let top = block_top(rows.len());
    let signature = signature_lines(view);
    for (offset, text) in &signature {
        let r = top + offset;
        let format = if *offset == SIGN_NAME_OFFSET {
            &st.sign_name
        } else {
            &st.sign
        };
        sheet.merge_range(r, SIG_FIRST, r, LAST_COL, text, format)?;
        let n = lines_needed(text, sig_width, SIGN_PT);
        sheet.set_row_height(r, height_for(n, SIGN_PT))?;
    }
    // The predikat bands the report used, left of the signature block.
    let legend = clip(&view.grade_legend);
    let legend_width: f64 = widths[..usize::from(SIG_FIRST)].iter().sum();
    sheet.merge_range(top, 0, top, SIG_FIRST - 1, &legend, &st.legend)?;
    let n = lines_needed(&legend, legend_width, BODY_PT).max(lines_needed(
        &signature[0].1,
        sig_width,
        SIGN_PT,
    ));
    sheet.set_row_height(top, height_for(n, SIGN_PT))?;
    // Room for the signature and stamp.
    for r in top + 2..top + 5 {
        sheet.set_row_height(r, 18)?;
    }

    // Generator stamp, bottom left.
    let stamp_row = top + STAMP_OFFSET;
    debug_assert_eq!(stamp_row, block_top(view.rows.len()) + STAMP_OFFSET);
    sheet.merge_range(
        stamp_row,
        0,
        stamp_row,
        ACTION_COL + 3,
        &stamp_text(view),
        &st.stamp,
    )?;

    // Page and window.
    page_setup(sheet, paper, &view.opd_code);
    sheet
        .set_print_fit_to_pages(1, 0)
        .set_repeat_rows(TABLE_HEADER_ROW, TABLE_HEADER_ROW + TABLE_HEADER_ROWS - 1)?
        .set_print_area(0, 0, stamp_row, LAST_COL)?
        .set_freeze_panes(TABLE_HEADER_ROW + TABLE_HEADER_ROWS, ACTION_COL + 1)?
        .set_active(true);
    Ok(())
}

/// The kop: one merged line per text across columns `0..=last_col`, the
/// first as the title, each row tall enough for its text (measured at the
/// title's size).
fn write_kop(
    sheet: &mut Worksheet,
    kop: &[String],
    st: &Styles,
    last_col: u16,
    table_width: f64,
) -> Result<(), XlsxError> {
    for (r, text) in kop.iter().enumerate() {
        let format = if r == 0 { &st.kop_title } else { &st.kop_line };
        let r = r as u32;
        let text = clip(text);
        sheet.merge_range(r, 0, r, last_col, &text, format)?;
        let lines = lines_needed(&text, table_width, KOP_PT + 1.0);
        sheet.set_row_height(r, height_for(lines, KOP_PT + 1.0).max(18.0))?;
    }
    Ok(())
}

/// Notes have a slightly smaller limit than cells.
fn clip_note(text: &str) -> String {
    const MAX_NOTE: usize = 1_000;
    if text.chars().count() <= MAX_NOTE {
        text.to_owned()
    } else {
        let mut out: String = text.chars().take(MAX_NOTE - 1).collect();
        out.push('…');
        out
    }
}

// ---------------------------------------------------------------------------
// The Ringkasan sheet

/// Rows and columns of the Ringkasan sheet.
const SUM_HEADER_ROW: u32 = 4;
const SUM_COLS: [(&str, f64); 4] = [
    ("Kode", 12.0),
    ("Rencana Aksi", 48.0),
    (CAPAIAN_HEADER, 12.0),
    ("Predikat", 14.0),
];
/// Hidden helper columns holding only the actions that have a figure, so that
/// the chart refers to numeric cells only (the visible column shows "-").
const CHART_CODE_COL: u16 = 5;
const CHART_VALUE_COL: u16 = 6;
/// The chart sits right of the helper columns, after a narrow spacer.
const CHART_COL: u16 = 7;
const CHART_CODE_HEADER: &str = "Kode (grafik)";
const CHART_VALUE_HEADER: &str = "Capaian (grafik)";

fn write_summary_sheet(
    sheet: &mut Worksheet,
    view: &ReportView,
    paper: Paper,
    st: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(SUMMARY_SHEET)?;
    for (c, (_, w)) in SUM_COLS.iter().enumerate() {
        sheet.set_column_width(c as u16, *w)?;
    }
    sheet.set_column_width(4, 2)?;
    let last = SUM_COLS.len() as u16 - 1;
    let table_width: f64 = SUM_COLS.iter().map(|(_, w)| w).sum();

    write_kop(sheet, &summary_kop(view), st, last, table_width)?;

    let capaian = capaian_header(view.quarter);
    for (c, (label, _)) in SUM_COLS.iter().enumerate() {
        let label = if *label == CAPAIAN_HEADER {
            capaian.as_str()
        } else {
            label
        };
        sheet.write_string_with_format(SUM_HEADER_ROW, c as u16, label, &st.header)?;
    }
    sheet.set_row_height(SUM_HEADER_ROW, 30)?;

    let mut charted = 0u32;
    for (i, action) in view.actions.iter().enumerate() {
        let r = SUM_HEADER_ROW + 1 + i as u32;
        let lines = lines_needed(&action.title, SUM_COLS[1].1 - 0.5, BODY_PT).max(lines_needed(
            &action.code,
            SUM_COLS[0].1 - 0.5,
            BODY_PT,
        ));
        sheet.set_row_height(r, table_row_height(lines))?;
        write_text_or_blank(sheet, r, 0, &action.code, &st.text, &st.empty)?;
        write_text_or_blank(sheet, r, 1, &action.title, &st.text, &st.empty)?;
        match action.percent.filter(|v| v.is_finite()) {
            Some(v) => {
                sheet.write_number_with_format(r, 2, v, &st.percent)?;
                let cr = SUM_HEADER_ROW + 1 + charted;
                sheet.write_string_with_format(cr, CHART_CODE_COL, clip(&action.code), &st.text)?;
                sheet.write_number(cr, CHART_VALUE_COL, v)?;
                charted += 1;
            }
            None => {
                sheet.write_string_with_format(r, 2, "-", &st.dash)?;
            }
        }
        write_text_or_blank(sheet, r, 3, &action.grade, &st.label, &st.empty)?;
    }
    let table_end = SUM_HEADER_ROW + 1 + view.actions.len() as u32;

    // Helper columns: labelled, hidden.
    sheet.write_string(SUM_HEADER_ROW, CHART_CODE_COL, CHART_CODE_HEADER)?;
    sheet.write_string(SUM_HEADER_ROW, CHART_VALUE_COL, CHART_VALUE_HEADER)?;
    sheet.set_column_range_hidden(CHART_CODE_COL, CHART_VALUE_COL)?;

    if let Some(remark) = summary_remark(charted as usize, view.actions.len()) {
        sheet.write_string_with_format(table_end + 1, 0, remark, &st.stamp)?;
    }
    debug_assert_eq!(u64::from(charted > 0), chart_count(view));
    if charted > 0 {
        let (w, h) = chart_size(charted);
        let first = SUM_HEADER_ROW + 1;
        let end = first + charted - 1;
        let max = view
            .actions
            .iter()
            .filter_map(|a| a.percent.filter(|v| v.is_finite()))
            .fold(0.0, f64::max);
        let mut chart = Chart::new_column();
        chart
            .add_series()
            .set_name("Capaian (%)")
            .set_categories((SUMMARY_SHEET, first, CHART_CODE_COL, end, CHART_CODE_COL))
            .set_values((SUMMARY_SHEET, first, CHART_VALUE_COL, end, CHART_VALUE_COL))
            .set_data_label(ChartDataLabel::new().show_value().set_num_format("0.00"));
        chart
            .title()
            .set_font(ChartFont::new().set_size(12).set_bold())
            // A title is parsed as a cell reference when it looks like one
            // ("Sheet!A1"); this one always ends with "aksi", so it never does.
            .set_name(&format!(
                "Capaian s.d. {} per rencana aksi",
                view.period_label
            ));
        chart.x_axis().set_name("Rencana aksi");
        chart.y_axis().set_name("Capaian (%)").set_min(0);
        if max <= 100.0 {
            chart.y_axis().set_max(100);
        }
        chart.legend().set_hidden();
        chart.show_hidden_data().set_width(w).set_height(h);
        sheet.insert_chart_with_offset(SUM_HEADER_ROW, CHART_COL, &chart, 8, 0)?;
    }

    let (last_row, last_col) = summary_print_extent(view);
    page_setup(sheet, paper, &view.opd_code);
    sheet
        .set_print_fit_to_pages(1, 1)
        .set_print_area(0, 0, last_row, last_col)?;
    Ok(())
}

/// The Ringkasan chart's width and height in pixels, for `charted` actions.
fn chart_size(charted: u32) -> (u32, u32) {
    (((charted * 48) + 240).clamp(480, 960), 380)
}

/// The last row and column of the Ringkasan's print area: the table and its
/// remark, and the chart at default cell sizes (64 x 20 px; the table's
/// taller rows only make this generous).
fn summary_print_extent(view: &ReportView) -> (u32, u16) {
    let table_end = SUM_HEADER_ROW + 1 + view.actions.len() as u32;
    let charted = view
        .actions
        .iter()
        .filter(|a| a.percent.is_some_and(f64::is_finite))
        .count() as u32;
    let mut last_row = table_end + 1;
    let mut last_col = SUM_COLS.len() as u16 - 1;
    if charted > 0 {
        let (w, h) = chart_size(charted);
        last_row = last_row.max(SUM_HEADER_ROW + h.div_ceil(20) + 1);
        last_col = CHART_COL + (w + 8).div_ceil(64) as u16;
    }
    (last_row, last_col)
}

/// The workbook's defined names the two sheets have, as (name and sheet
/// index, formula): each sheet's print area and the Laporan's rows repeated
/// on every printed page. A print area of its own could leave table rows
/// off the paper.
pub fn defined_names(view: &ReportView) -> Vec<(String, String)> {
    let column = |c: u16| {
        let name = crate::workbook::reader::cell_name(0, u32::from(c));
        name.trim_end_matches('1').to_owned()
    };
    let area = |sheet: &str, last_row: u32, last_col: u16| {
        format!("{sheet}!$A$1:${}${}", column(last_col), last_row + 1)
    };
    let stamp_row = block_top(view.rows.len()) + STAMP_OFFSET;
    let (last_row, last_col) = summary_print_extent(view);
    vec![
        (
            "_xlnm.Print_Area 0".to_owned(),
            area(REPORT_SHEET, stamp_row, LAST_COL),
        ),
        (
            "_xlnm.Print_Area 1".to_owned(),
            area(SUMMARY_SHEET, last_row, last_col),
        ),
        (
            "_xlnm.Print_Titles 0".to_owned(),
            format!(
                "{REPORT_SHEET}!${}:${}",
                TABLE_HEADER_ROW + 1,
                TABLE_HEADER_ROW + TABLE_HEADER_ROWS
            ),
        ),
    ]
}

fn write_text_or_blank(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
    empty: &Format,
) -> Result<(), XlsxError> {
    if text.is_empty() {
        sheet.write_blank(row, col, empty)?;
    } else {
        sheet.write_string_with_format(row, col, clip(text), format)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;
    use crate::report::view::{ActionFigure, ReportRow, SignatureBlock};

    fn row(no: u32) -> ReportRow {
        ReportRow {
            no,
            theme: "1. Layanan Publik".to_owned(),
            action: "RA-01 Penyiapan Jaminan Kesehatan Semesta (Universal Health Coverage)"
                .to_owned(),
            milestone: "Pendataan warga miskin yang belum memiliki jaminan kesehatan".to_owned(),
            indicator: "Persentase penduduk yang terdaftar sebagai peserta JKN-KIS".to_owned(),
            unit: "%".to_owned(),
            baseline: Some(78.5),
            annual_target: Some(95.0),
            targets: [Some(80.0), Some(85.0), Some(90.0), Some(95.0)],
            realisations: [Some(82.0), Some(1234.5), None, None],
            percent: Some(91.666_666_666_666_67),
            grade: "Baik".to_owned(),
            annual_percent: Some(86.315_789_473_684_2),
            percent_note: String::new(),
            status: "Substansial".to_owned(),
            evidence: "SK Bupati Wonosobo No. 440/123/2019\nhttps://wonosobokab.go.id/jkn"
                .to_owned(),
            obstacles: "Data kependudukan belum mutakhir di 3 kecamatan.".to_owned(),
            follow_up: "Verifikasi lapangan bersama Dinas Dukcapil pada TW III.".to_owned(),
        }
    }

    fn view(rows: Vec<ReportRow>) -> ReportView {
        ReportView {
            plan_version: 1,
            plan_title: "Rencana Aksi Daerah Keterbukaan Pemerintah Kabupaten Wonosobo 2018-2019"
                .to_owned(),
            region: "Kabupaten Wonosobo".to_owned(),
            opd_code: "1.02.01".to_owned(),
            opd_name: "Dinas Kesehatan".to_owned(),
            year: 2019,
            quarter: 2,
            period_label: "Triwulan II 2019".to_owned(),
            rows,
            actions: vec![
                ActionFigure {
                    code: "RA-01".to_owned(),
                    title: "Penyiapan Jaminan Kesehatan Semesta".to_owned(),
                    percent: Some(91.666_666_666_666_67),
                    grade: "Baik".to_owned(),
                },
                ActionFigure {
                    code: "RA-02".to_owned(),
                    title: "Keterbukaan informasi layanan puskesmas".to_owned(),
                    percent: None,
                    grade: String::new(),
                },
                ActionFigure {
                    code: "RA-03".to_owned(),
                    title: "Pengaduan layanan kesehatan daring".to_owned(),
                    percent: Some(104.2),
                    grade: "Sangat Baik".to_owned(),
                },
            ],
            signature: SignatureBlock {
                place: "Wonosobo".to_owned(),
                date: "15 Juli 2019".to_owned(),
                position: "Kepala Dinas Kesehatan Kabupaten Wonosobo".to_owned(),
                name: "dr. Junaedi, M.Kes".to_owned(),
                nip: "19650101 199203 1 007".to_owned(),
            },
            grade_legend: crate::achievement::GradeScale::default().legend(),
            generator: "Renaksi 0.1.0".to_owned(),
            exported_at_text: "15 Juli 2019 10.30 WIB".to_owned(),
        }
    }

    fn hostile_rows() -> Vec<ReportRow> {
        let mut a = row(1);
        a.theme = "=SUM(A1)".to_owned();
        a.action = "+62 812 3456 7890".to_owned();
        a.milestone = "-5 hari".to_owned();
        a.indicator = "@x".to_owned();
        a.unit = "=1+1".to_owned();
        a.evidence = "=HYPERLINK(\"http://evil.example\",\"klik\")".to_owned();
        let mut b = row(2);
        b.theme = "ĀéŋŽ ꦱꦸꦫ _x0041_ <b>&amp;</b>".to_owned();
        b.obstacles = "ꦱ".repeat(5_000);
        b.follow_up = "\u{1}\t\r\ncontrol\u{FFFE}".to_owned();
        b.percent = None;
        b.annual_percent = None;
        b.percent_note = "Belum ada target".to_owned();
        b.grade = String::new();
        let mut c = row(3);
        c.theme = String::new();
        c.action = String::new();
        c.milestone = String::new();
        c.indicator = String::new();
        c.unit = String::new();
        c.grade = String::new();
        c.status = String::new();
        c.evidence = String::new();
        c.obstacles = String::new();
        c.follow_up = String::new();
        c.baseline = None;
        c.annual_target = None;
        c.targets = [None; 4];
        c.realisations = [None; 4];
        vec![a, b, c]
    }

    /// Writes the sheets and returns the parts of the saved file.
    fn parts(view: &ReportView, paper: Paper) -> std::collections::BTreeMap<String, String> {
        let mut workbook = Workbook::new();
        write_report_sheets(&mut workbook, view, paper).expect("write");
        let bytes = workbook.save_to_buffer().expect("save");
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).expect("zip");
        let mut out = std::collections::BTreeMap::new();
        for i in 0..zip.len() {
            let mut file = zip.by_index(i).expect("entry");
            let name = file.name().to_owned();
            let mut text = String::new();
            file.read_to_string(&mut text).expect("utf-8 xml");
            out.insert(name, text);
        }
        out
    }

    #[test]
    fn columns_are_the_evaluation_table() {
        assert_eq!(COLUMNS.len(), 23);
        assert_eq!(COLUMNS[PERCENT_COL].header, CAPAIAN_HEADER);
        assert_eq!(COLUMNS[usize::from(ACTION_COL)].header, "Rencana Aksi");
        assert_eq!(COLUMNS[22].header, "Tindak lanjut");
        assert_eq!(
            capaian_header(view(vec![]).quarter),
            "Capaian s.d. TW II (%)"
        );
    }

    #[test]
    fn table_rows_puts_values_in_their_columns() {
        let v = view(vec![row(7)]);
        let rows = table_rows(&v);
        assert_eq!(rows.len(), 1);
        let r = &rows[0];
        assert_eq!(r.len(), COLUMNS.len());
        let t = |s: &str| TableCell::Text(s.to_owned());
        assert_eq!(r[0], TableCell::Number(7.0));
        assert_eq!(r[1], t("1. Layanan Publik"));
        assert!(matches!(&r[2], TableCell::Text(s) if s.starts_with("RA-01")));
        assert!(matches!(&r[3], TableCell::Text(s) if s.starts_with("Pendataan")));
        assert!(matches!(&r[4], TableCell::Text(s) if s.starts_with("Persentase")));
        assert_eq!(r[5], t("%"));
        assert_eq!(r[6], TableCell::Number(78.5));
        assert_eq!(r[7], TableCell::Number(95.0));
        assert_eq!(r[8..12], [80.0, 85.0, 90.0, 95.0].map(TableCell::Number));
        assert_eq!(
            r[12..16],
            [
                TableCell::Number(82.0),
                TableCell::Number(1234.5),
                TableCell::Empty,
                TableCell::Empty
            ]
        );
        // Not rounded: the sheet's number format shows two decimals.
        assert_eq!(r[16], TableCell::Number(91.666_666_666_666_67));
        assert_eq!(r[17], t("Baik"));
        assert_eq!(r[18], TableCell::Number(86.315_789_473_684_2));
        assert_eq!(r[19], t("Substansial"));
        assert!(matches!(&r[20], TableCell::Text(s) if s.contains('\n')));
        assert!(matches!(&r[21], TableCell::Text(s) if s.starts_with("Data kependudukan")));
        assert!(matches!(&r[22], TableCell::Text(s) if s.starts_with("Verifikasi")));
    }

    #[test]
    fn missing_figures_and_empty_texts() {
        let rows = table_rows(&view(hostile_rows()));
        assert_eq!(rows[1][16], TableCell::Text("-".to_owned()));
        assert_eq!(rows[1][18], TableCell::Text("-".to_owned()));
        assert_eq!(rows[1][17], TableCell::Empty);
        assert_eq!(rows[0][1], TableCell::Text("=SUM(A1)".to_owned()));
        assert!(rows[2][1..6].iter().all(|c| *c == TableCell::Empty));
        assert!(rows[2][6..16].iter().all(|c| *c == TableCell::Empty));
        let mut r = row(1);
        r.baseline = Some(f64::NAN);
        r.percent = Some(f64::INFINITY);
        let rows = table_rows(&view(vec![r]));
        assert_eq!(rows[0][6], TableCell::Empty);
        assert_eq!(rows[0][16], TableCell::Text("-".to_owned()));
        // Deterministic.
        assert_eq!(
            table_rows(&view(hostile_rows())),
            table_rows(&view(hostile_rows()))
        );
    }

    #[test]
    fn overlong_text_is_cut_to_what_a_cell_holds() {
        let mut r = row(1);
        r.evidence = "ꦱ".repeat(40_000); // 1 UTF-16 unit each
        r.obstacles = "😀".repeat(20_000); // 2 UTF-16 units each
        let v = view(vec![r]);
        let rows = table_rows(&v);
        for c in [20, 21] {
            let TableCell::Text(s) = &rows[0][c] else {
                panic!("text expected")
            };
            assert!(s.encode_utf16().count() <= crate::workbook::text::MAX_CELL_TEXT);
            assert!(s.ends_with('…'));
        }
        let mut workbook = Workbook::new();
        let mut v = v;
        v.plan_title = "P".repeat(40_000);
        v.signature.name = "N".repeat(40_000);
        write_report_sheets(&mut workbook, &v, Paper::A4).unwrap();
        workbook.save_to_buffer().unwrap();
    }

    #[test]
    fn writes_an_empty_report() {
        let mut v = view(vec![]);
        v.actions.clear();
        let parts = parts(&v, Paper::A4);
        let sheet = &parts["xl/worksheets/sheet1.xml"];
        assert!(!sheet.contains("<f>"));
        assert!(sheet.contains(r#"orientation="landscape""#));
        assert!(!parts.keys().any(|k| k.starts_with("xl/charts/")));
    }

    #[test]
    fn hostile_texts_stay_text() {
        let parts = parts(&view(hostile_rows()), Paper::A4);
        for name in ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml"] {
            let sheet = &parts[name];
            assert!(
                !sheet.contains("<f>") && !sheet.contains("<f "),
                "formula in {name}"
            );
        }
        assert!(parts["xl/styles.xml"].contains(r#"quotePrefix="1""#));
        let strings = &parts["xl/sharedStrings.xml"];
        for text in ["=SUM(A1)", "+62 812 3456 7890", "-5 hari", "@x", "ĀéŋŽ ꦱꦸꦫ"] {
            assert!(strings.contains(text), "{text} missing");
        }
        assert!(strings.contains(&"ꦱ".repeat(5_000)));
        // Every string cell of the table uses a quote-prefixed format.
        let styles = &parts["xl/styles.xml"];
        let xfs = styles
            .split("<cellXfs")
            .nth(1)
            .unwrap()
            .split("</cellXfs>")
            .next()
            .unwrap();
        let quoted: Vec<bool> = xfs
            .split("<xf ")
            .skip(1)
            .map(|xf| xf.contains(r#"quotePrefix="1""#))
            .collect();
        let sheet = &parts["xl/worksheets/sheet1.xml"];
        for cell in sheet
            .split("<c ")
            .skip(1)
            .filter(|c| c.contains(r#"t="s""#))
        {
            let style: usize = cell
                .split(r#"s=""#)
                .nth(1)
                .and_then(|s| s.split('"').next())
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            assert!(
                quoted[style],
                "string cell without quote prefix: <c {}",
                &cell[..40.min(cell.len())]
            );
        }
        // Why there is no figure travels as a note.
        assert!(parts.values().any(|p| p.contains("Belum ada target")));
    }

    #[test]
    fn sheets_and_page_setup() {
        let parts = parts(&view(hostile_rows()), Paper::A4);
        let wb = &parts["xl/workbook.xml"];
        let laporan = wb.find(r#"name="Laporan""#).unwrap();
        let ringkasan = wb.find(r#"name="Ringkasan""#).unwrap();
        assert!(laporan < ringkasan);
        assert!(wb.contains("Laporan!$6:$7"), "{wb}");
        assert!(wb.contains("_xlnm.Print_Area"));
        let sheet = &parts["xl/worksheets/sheet1.xml"];
        assert!(sheet.contains(r#"paperSize="9""#));
        assert!(sheet.contains(r#"fitToHeight="0""#));
        assert!(sheet.contains(r#"<pane xSplit="3" ySplit="7""#), "{sheet}");
        assert!(sheet.contains("Halaman &amp;P dari &amp;N"));
        assert!(sheet.contains(r#"<mergeCell ref="I6:L6"/>"#));
        assert!(sheet.contains(r#"<mergeCell ref="M6:P6"/>"#));
        let f4 = parts_f4();
        assert!(f4["xl/worksheets/sheet1.xml"].contains(r#"paperSize="14""#));
    }

    fn parts_f4() -> std::collections::BTreeMap<String, String> {
        parts(&view(vec![row(1)]), Paper::F4)
    }

    #[test]
    fn chart_refers_to_numeric_cells_only() {
        let parts = parts(&view(vec![row(1)]), Paper::A4);
        let chart = &parts["xl/charts/chart1.xml"];
        // Two of the three actions have a figure: G6:G7 hold them as numbers.
        assert!(chart.contains("<c:f>Ringkasan!$G$6:$G$7</c:f>"), "{chart}");
        assert!(chart.contains("<c:f>Ringkasan!$F$6:$F$7</c:f>"));
        let sheet = &parts["xl/worksheets/sheet2.xml"];
        for cell in ["G6", "G7"] {
            let at = sheet.find(&format!(r#"<c r="{cell}""#)).unwrap();
            let c = &sheet[at..at + sheet[at..].find("</c>").unwrap()];
            assert!(!c.contains("t=\""), "{c}");
        }
    }

    #[test]
    fn refuses_a_workbook_that_already_has_sheets() {
        let mut workbook = Workbook::new();
        workbook.add_worksheet();
        assert!(write_report_sheets(&mut workbook, &view(vec![]), Paper::A4).is_err());
    }
}
