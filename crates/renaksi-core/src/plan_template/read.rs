//! Reading a filled-in template: only through `workbook::reader::Book` (the
//! guard and the caps of reports apply, formulas are refused), then every row
//! checked. A file that is no template at all is refused as a whole; wrong
//! rows are gathered as [`TemplateProblem`](super::TemplateProblem)s, each
//! naming its sheet, Excel row and column, so the clerk can fix them all at
//! once.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

use super::rules::{self, text_of, Checked};
use super::Msg;
use super::*;
use crate::editing::lengths;
use crate::model::{Aggregation, OgpValue, Polarity};
use crate::period::PeriodRef;
use crate::workbook::{Book, Cell};
use crate::{Error, Result};

/// The plan's header as the file gives it.
#[derive(Debug, Clone, PartialEq)]
pub struct PlanRow {
    pub id: Option<String>,
    pub region: String,
    pub title: String,
    pub first: PeriodRef,
    pub last: PeriodRef,
}

#[derive(Debug, Clone, PartialEq)]
pub struct OpdRow {
    pub row: u32,
    pub id: Option<String>,
    pub code: String,
    pub name: String,
    pub short_name: String,
    pub head_name: String,
    pub head_title: String,
    pub head_nip: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeRow {
    pub row: u32,
    pub id: Option<String>,
    pub seq: i64,
    pub name: String,
    pub description: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActionRow {
    pub row: u32,
    pub id: Option<String>,
    pub code: String,
    pub title: String,
    pub theme_seq: i64,
    pub lead_code: String,
    pub supporting_codes: Vec<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub problem: String,
    pub description: String,
    pub contribution: String,
    pub ogp_values: Vec<OgpValue>,
    pub cso_partners: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PeriodRow {
    pub row: u32,
    pub period: PeriodRef,
    pub due_date: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct IndicatorRow {
    pub row: u32,
    pub id: Option<String>,
    pub action_code: String,
    pub opd_code: String,
    pub description: String,
    pub unit: String,
    pub baseline: Option<f64>,
    pub polarity: Polarity,
    pub aggregation: Aggregation,
    /// The target of each quarter the file has a column for (None: empty).
    pub targets: BTreeMap<PeriodRef, Option<f64>>,
}

/// A template read and checked row by row.
#[derive(Debug, Clone, PartialEq)]
pub struct Template {
    pub plan: PlanRow,
    pub opds: Vec<OpdRow>,
    pub themes: Vec<ThemeRow>,
    pub actions: Vec<ActionRow>,
    pub periods: Vec<PeriodRow>,
    pub indicators: Vec<IndicatorRow>,
}

fn not_a_template(why: impl std::fmt::Display) -> Error {
    Error::invalid(
        "file",
        format!("Berkas ini bukan template rencana aksi Renaksi: {why}"),
    )
}

pub fn read_file(path: &Path) -> Result<Template> {
    read_bytes(crate::workbook::reader::read_file(
        path,
        "template rencana aksi",
    )?)
}

/// Reads and checks a template; any wrong row refuses the whole file with
/// [`Error::TemplateInvalid`].
pub fn read_bytes(bytes: Vec<u8>) -> Result<Template> {
    let mut problems = Problems::default();
    let template = read_with(bytes, &mut problems)?;
    problems.into_result()?;
    Ok(template)
}

/// Reads a template, adding every wrong row to `problems`; the template
/// returned holds the rows that were right.
pub fn read_with(bytes: Vec<u8>, problems: &mut Problems) -> Result<Template> {
    let mut book = Book::open(bytes)?;
    let names = book.sheet_names();
    for sheet in [
        SHEET_PLAN,
        SHEET_OPDS,
        SHEET_THEMES,
        SHEET_ACTIONS,
        SHEET_PERIODS,
        SHEET_INDICATORS,
    ] {
        if !names.iter().any(|n| n == sheet) {
            return Err(not_a_template(format!("lembar \"{sheet}\" tidak ada.")));
        }
    }
    let plan_sheet = grid(&mut book, SHEET_PLAN, PLAN_HEADERS.len())?;
    check_headers(SHEET_PLAN, &plan_sheet, &PLAN_HEADERS.map(String::from))?;
    let opds = sheet(&mut book, SHEET_OPDS, OPD_COLUMNS)?;
    let themes = sheet(&mut book, SHEET_THEMES, THEME_COLUMNS)?;
    let actions = sheet(&mut book, SHEET_ACTIONS, ACTION_COLUMNS)?;
    let periods = sheet(&mut book, SHEET_PERIODS, PERIOD_COLUMNS)?;
    let indicator_cells = book.cells(SHEET_INDICATORS)?;
    let width = indicator_cells
        .iter()
        .filter(|(row, _, _)| *row == 0)
        .map(|(_, col, _)| *col as usize + 1)
        .max()
        .unwrap_or(0);
    let indicators = rows_of(indicator_cells, width.max(INDICATOR_COLUMNS.len()));
    let fixed: Vec<String> = INDICATOR_COLUMNS
        .iter()
        .map(|c| c.header.to_string())
        .collect();
    check_headers(SHEET_INDICATORS, &indicators, &fixed)?;

    let plan = read_plan(&plan_sheet, problems);
    let opds = read_opds(&opds, problems);
    let themes = read_themes(&themes, problems);
    let (actions, action_codes) = read_actions(&actions, plan.as_ref(), &opds, &themes, problems);
    let periods = read_periods(&periods, plan.as_ref(), problems);
    let indicators = read_indicators(
        &indicators,
        plan.as_ref(),
        &opds,
        (&actions, &action_codes),
        problems,
    );
    let plan = plan.unwrap_or_else(|| PlanRow {
        id: None,
        region: String::new(),
        title: String::new(),
        first: PeriodRef {
            year: 2000,
            quarter: 1,
        },
        last: PeriodRef {
            year: 2000,
            quarter: 1,
        },
    });
    Ok(Template {
        plan,
        opds,
        themes,
        actions,
        periods,
        indicators,
    })
}

/// A sheet's rows by row index (0 = header), each as wide as `width`.
type Rows = BTreeMap<u32, Vec<Cell>>;

fn rows_of(cells: Vec<(u32, u32, Cell)>, width: usize) -> Rows {
    let mut rows = Rows::new();
    for (row, col, cell) in cells {
        let col = col as usize;
        if col >= width {
            continue;
        }
        rows.entry(row).or_insert_with(|| vec![Cell::Empty; width])[col] = cell;
    }
    rows
}

fn grid(book: &mut Book, name: &str, width: usize) -> Result<Rows> {
    Ok(rows_of(book.cells(name)?, width))
}

fn sheet(book: &mut Book, name: &str, columns: &[Column]) -> Result<Rows> {
    let rows = grid(book, name, columns.len())?;
    let headers: Vec<String> = columns.iter().map(|c| c.header.to_string()).collect();
    check_headers(name, &rows, &headers)?;
    Ok(rows)
}

/// The header row must start with the template's headers: a sheet of the
/// same name from another workbook is refused as a whole.
fn check_headers(sheet: &str, rows: &Rows, expected: &[String]) -> Result<()> {
    let header = rows.get(&0);
    for (col, want) in expected.iter().enumerate() {
        let found = header.map(|r| text_of(&r[col])).unwrap_or_default();
        if !found.eq_ignore_ascii_case(want) {
            return Err(not_a_template(format!(
                "lembar \"{sheet}\" kolom {} berjudul \"{found}\", seharusnya \"{want}\".",
                crate::workbook::reader::cell_name(0, col as u32).trim_end_matches('1')
            )));
        }
    }
    Ok(())
}

/// The data rows (after the header) that hold anything but an id.
fn data_rows(rows: &Rows, has_id: bool) -> impl Iterator<Item = (u32, &Vec<Cell>)> {
    rows.range(1..).filter_map(move |(row, cells)| {
        let skip = usize::from(has_id);
        cells
            .iter()
            .skip(skip)
            .any(|c| !text_of(c).is_empty())
            .then_some((row + 1, cells))
    })
}

/// Collects the problem of one cell and gives its value, if right.
fn take<T>(
    problems: &mut Problems,
    sheet: &str,
    row: u32,
    column: &str,
    checked: Checked<T>,
) -> Option<T> {
    match checked {
        Ok(value) => Some(value),
        Err(message) => {
            problems.add(sheet, row, column, message);
            None
        }
    }
}

/// The hidden id of a row: a UUID, each once per sheet.
fn row_id(
    problems: &mut Problems,
    sheet: &str,
    row: u32,
    cell: &Cell,
    seen: &mut HashSet<String>,
) -> Option<Option<String>> {
    let id = text_of(cell);
    if id.is_empty() {
        return Some(None);
    }
    if !rules::is_uuid(&id) {
        problems.add(
            sheet,
            row,
            "ID",
            Msg::new(
                "badId",
                [],
                "ID baris ini rusak; kosongkan kolom ID (tersembunyi) pada baris baru.",
            ),
        );
        return None;
    }
    if !seen.insert(id.clone()) {
        problems.add(
            sheet,
            row,
            "ID",
            Msg::new(
                "duplicateId",
                [],
                "ID baris ini sama dengan baris lain (baris yang disalin?); kosongkan kolom ID \
             (tersembunyi) pada baris baru.",
            ),
        );
        return None;
    }
    Some(Some(id))
}

fn read_plan(rows: &Rows, problems: &mut Problems) -> Option<PlanRow> {
    let s = SHEET_PLAN;
    let mut value = |index: usize| -> (u32, Cell) {
        let row = index as u32 + 1;
        let cells = rows.get(&row);
        let label = cells.map(|c| text_of(&c[0])).unwrap_or_default();
        if label != PLAN_LABELS[index] {
            problems.add(
                s,
                row + 1,
                PLAN_HEADERS[0],
                Msg::new(
                    "planLabel",
                    [("label", v(PLAN_LABELS[index]))],
                    format!(
                        "seharusnya \"{}\"; jangan mengubah kolom Isian.",
                        PLAN_LABELS[index]
                    ),
                ),
            );
        }
        (row + 1, cells.map(|c| c[1].clone()).unwrap_or(Cell::Empty))
    };
    let (region_row, region) = value(0);
    let (title_row, title) = value(1);
    let (first_row, first) = value(2);
    let (last_row, last) = value(3);
    let (id_row, id) = value(6);
    let column = PLAN_HEADERS[1];
    let region = take(
        problems,
        s,
        region_row,
        column,
        rules::required(&region, "Wilayah", lengths::PLAN_REGION),
    );
    let title = take(
        problems,
        s,
        title_row,
        column,
        rules::required(&title, "Judul rencana aksi", lengths::PLAN_TITLE),
    );
    let first = take(
        problems,
        s,
        first_row,
        column,
        rules::period(&first, "Triwulan pertama"),
    );
    let last = take(
        problems,
        s,
        last_row,
        column,
        rules::period(&last, "Triwulan terakhir"),
    );
    let id = match text_of(&id) {
        id if id.is_empty() => None,
        id if rules::is_uuid(&id) => Some(id),
        _ => {
            problems.add(
                s,
                id_row,
                column,
                Msg::new("planId", [], "ID rencana rusak; kosongkan isinya."),
            );
            None
        }
    };
    let (first, last) = (first?, last?);
    // The checks of a new plan (`planning::plan::check_new`).
    let mut years_ok = true;
    for (row, label, quarter) in [
        (first_row, PLAN_LABELS[2], first),
        (last_row, PLAN_LABELS[3], last),
    ] {
        if !crate::planning::plan::year_allowed(quarter.year) {
            let (from, to) = (
                *crate::planning::plan::PLAN_YEARS.start(),
                *crate::planning::plan::PLAN_YEARS.end(),
            );
            problems.add(
                s,
                row,
                column,
                Msg::new(
                    "yearRange",
                    [
                        ("label", v(label)),
                        ("period", v(quarter)),
                        ("from", v(from)),
                        ("to", v(to)),
                    ],
                    format!("{label} {quarter}: tahun harus antara {from} dan {to}."),
                ),
            );
            years_ok = false;
        }
    }
    if !years_ok {
        return None;
    }
    if last < first {
        problems.add(
            s,
            last_row,
            column,
            Msg::new(
                "lastBeforeFirst",
                [],
                "Triwulan terakhir harus sama dengan atau sesudah triwulan pertama.",
            ),
        );
        return None;
    }
    if last.year - first.year >= crate::planning::plan::MAX_PLAN_YEARS {
        problems.add(
            s,
            last_row,
            column,
            Msg::new("tooManyYears", [], "Rencana aksi paling lama 10 tahun."),
        );
        return None;
    }
    Some(PlanRow {
        id,
        region: region?,
        title: title?,
        first,
        last,
    })
}

fn read_opds(rows: &Rows, problems: &mut Problems) -> Vec<OpdRow> {
    use opd_col::*;
    let s = SHEET_OPDS;
    let h = |c: usize| OPD_COLUMNS[c].header;
    let mut ids = HashSet::new();
    let mut codes: HashMap<String, u32> = HashMap::new();
    let mut out = Vec::new();
    for (row, cells) in data_rows(rows, true) {
        let id = row_id(problems, s, row, &cells[ID], &mut ids);
        let code = take(
            problems,
            s,
            row,
            h(CODE),
            rules::opd_code(&cells[CODE], "Kode OPD"),
        );
        if let Some(code) = &code {
            if let Some(first) = codes.insert(code.clone(), row) {
                problems.add(
                    s,
                    row,
                    h(CODE),
                    Msg::new(
                        "duplicateOpd",
                        [("code", v(code)), ("row", v(first))],
                        format!("Kode OPD '{code}' sudah dipakai di baris {first}."),
                    ),
                );
            }
        }
        let name = take(
            problems,
            s,
            row,
            h(NAME),
            rules::required(&cells[NAME], "Nama lengkap OPD", lengths::OPD_NAME),
        );
        let short_name = take(
            problems,
            s,
            row,
            h(SHORT_NAME),
            rules::optional(&cells[SHORT_NAME], "Nama singkat", lengths::OPD_SHORT_NAME),
        );
        let head_name = take(
            problems,
            s,
            row,
            h(HEAD_NAME),
            rules::optional(&cells[HEAD_NAME], "Nama kepala", lengths::HEAD_NAME),
        );
        let head_title = take(
            problems,
            s,
            row,
            h(HEAD_TITLE),
            rules::optional(&cells[HEAD_TITLE], "Jabatan kepala", lengths::HEAD_TITLE),
        );
        let head_nip = take(problems, s, row, h(HEAD_NIP), rules::nip(&cells[HEAD_NIP]));
        if let (
            Some(id),
            Some(code),
            Some(name),
            Some(short_name),
            Some(head_name),
            Some(head_title),
            Some(head_nip),
        ) = (id, code, name, short_name, head_name, head_title, head_nip)
        {
            out.push(OpdRow {
                row,
                id,
                code,
                name,
                short_name,
                head_name,
                head_title,
                head_nip,
            });
        }
    }
    out
}

fn read_themes(rows: &Rows, problems: &mut Problems) -> Vec<ThemeRow> {
    use theme_col::*;
    let s = SHEET_THEMES;
    let h = |c: usize| THEME_COLUMNS[c].header;
    let mut ids = HashSet::new();
    let mut numbers: HashMap<i64, u32> = HashMap::new();
    let mut out = Vec::new();
    for (row, cells) in data_rows(rows, true) {
        let id = row_id(problems, s, row, &cells[ID], &mut ids);
        let seq = take(
            problems,
            s,
            row,
            h(NO),
            rules::number(&cells[NO], "No tema"),
        );
        if let Some(seq) = seq {
            if let Some(first) = numbers.insert(seq, row) {
                problems.add(
                    s,
                    row,
                    h(NO),
                    Msg::new(
                        "duplicateTheme",
                        [("seq", v(seq)), ("row", v(first))],
                        format!("Tema nomor {seq} sudah ada di baris {first}."),
                    ),
                );
            }
        }
        let name = take(
            problems,
            s,
            row,
            h(TITLE),
            rules::required(&cells[TITLE], "Judul tema", lengths::THEME_NAME),
        );
        let description = take(
            problems,
            s,
            row,
            h(DESCRIPTION),
            rules::optional(
                &cells[DESCRIPTION],
                "Uraian tema",
                lengths::THEME_DESCRIPTION,
            ),
        );
        if let (Some(id), Some(seq), Some(name), Some(description)) = (id, seq, name, description) {
            out.push(ThemeRow {
                row,
                id,
                seq,
                name,
                description,
            });
        }
    }
    out
}

fn read_actions(
    rows: &Rows,
    plan: Option<&PlanRow>,
    opds: &[OpdRow],
    themes: &[ThemeRow],
    problems: &mut Problems,
) -> (Vec<ActionRow>, HashSet<String>) {
    use action_col::*;
    let s = SHEET_ACTIONS;
    let h = |c: usize| ACTION_COLUMNS[c].header;
    let known_opd = |code: &str| opds.iter().any(|o| o.code == code);
    let mut ids = HashSet::new();
    let mut codes: HashMap<String, u32> = HashMap::new();
    let mut out = Vec::new();
    for (row, cells) in data_rows(rows, true) {
        let before = problems.total;
        let id = row_id(problems, s, row, &cells[ID], &mut ids);
        let code = take(
            problems,
            s,
            row,
            h(CODE),
            rules::required(&cells[CODE], "Kode rencana aksi", lengths::ACTION_CODE),
        );
        if let Some(code) = &code {
            if let Some(first) = codes.insert(code.to_uppercase(), row) {
                problems.add(
                    s,
                    row,
                    h(CODE),
                    Msg::new(
                        "duplicateAction",
                        [("code", v(code)), ("row", v(first))],
                        format!("Kode rencana aksi '{code}' sudah dipakai di baris {first}."),
                    ),
                );
            }
        }
        let title = take(
            problems,
            s,
            row,
            h(TITLE),
            rules::required(&cells[TITLE], "Judul rencana aksi", lengths::ACTION_TITLE),
        );
        let theme_seq = take(
            problems,
            s,
            row,
            h(THEME),
            rules::number(&cells[THEME], "No tema"),
        );
        if let Some(seq) = theme_seq {
            if !themes.iter().any(|t| t.seq == seq) {
                problems.add(
                    s,
                    row,
                    h(THEME),
                    Msg::new(
                        "unknownTheme",
                        [("seq", v(seq))],
                        format!("Tema nomor {seq} tidak ada di sheet {SHEET_THEMES}."),
                    ),
                );
            }
        }
        let lead = take(
            problems,
            s,
            row,
            h(LEAD),
            rules::opd_code(&cells[LEAD], "Kode OPD pelaksana"),
        );
        if let Some(lead) = &lead {
            if !known_opd(lead) {
                problems.add(
                    s,
                    row,
                    h(LEAD),
                    Msg::new(
                        "unknownOpd",
                        [("code", v(lead))],
                        format!("OPD '{lead}' tidak ada di sheet {SHEET_OPDS}."),
                    ),
                );
            }
        }
        let supporting = rules::code_list(&cells[SUPPORTING]);
        for code in &supporting {
            if !known_opd(code) {
                problems.add(
                    s,
                    row,
                    h(SUPPORTING),
                    Msg::new(
                        "unknownOpd",
                        [("code", v(code))],
                        format!("OPD '{code}' tidak ada di sheet {SHEET_OPDS}."),
                    ),
                );
            } else if lead.as_deref() == Some(code) {
                problems.add(
                    s,
                    row,
                    h(SUPPORTING),
                    Msg::new(
                        "leadAlsoSupporting",
                        [("code", v(code))],
                        format!(
                            "OPD '{code}' sudah menjadi OPD pelaksana; hapus dari OPD pendukung."
                        ),
                    ),
                );
            }
        }
        let start = take(
            problems,
            s,
            row,
            h(START),
            rules::date(&cells[START], "Tanggal mulai"),
        );
        let end = take(
            problems,
            s,
            row,
            h(END),
            rules::date(&cells[END], "Tanggal selesai"),
        );
        if let (Some(plan), Some(start), Some(end)) = (plan, &start, &end) {
            for (date, col) in [(start, START), (end, END)] {
                if let Some(date) = date {
                    if !rules::in_years(date, plan.first.year, plan.last.year) {
                        problems.add(
                            s,
                            row,
                            h(col),
                            Msg::new(
                                "outsideYears",
                                [
                                    ("date", v(date)),
                                    ("from", v(plan.first.year)),
                                    ("to", v(plan.last.year)),
                                ],
                                format!(
                                    "Tanggal {date} di luar tahun rencana aksi ({}-{}).",
                                    plan.first.year, plan.last.year
                                ),
                            ),
                        );
                    }
                }
            }
        }
        if let (Some(Some(start)), Some(Some(end))) = (&start, &end) {
            if end < start {
                problems.add(
                    s,
                    row,
                    h(END),
                    Msg::new(
                        "endBeforeStart",
                        [],
                        "Tanggal selesai harus sama dengan atau sesudah tanggal mulai.",
                    ),
                );
            }
        }
        let problem = take(
            problems,
            s,
            row,
            h(PROBLEM),
            rules::optional(&cells[PROBLEM], "Permasalahan", lengths::NARRATIVE_TEXT),
        );
        let description = take(
            problems,
            s,
            row,
            h(DESCRIPTION),
            rules::optional(&cells[DESCRIPTION], "Uraian", lengths::NARRATIVE_TEXT),
        );
        let contribution = take(
            problems,
            s,
            row,
            h(CONTRIBUTION),
            rules::optional(&cells[CONTRIBUTION], "Kontribusi", lengths::NARRATIVE_TEXT),
        );
        let ogp = take(problems, s, row, h(OGP), rules::ogp_values(&cells[OGP]));
        let cso = take(
            problems,
            s,
            row,
            h(CSO),
            rules::optional(&cells[CSO], "Mitra OMS", lengths::CSO_PARTNERS),
        );
        if problems.total > before {
            continue;
        }
        if let (
            Some(id),
            Some(code),
            Some(title),
            Some(theme_seq),
            Some(lead_code),
            Some(start_date),
            Some(end_date),
            Some(problem),
            Some(description),
            Some(contribution),
            Some(ogp_values),
            Some(cso_partners),
        ) = (
            id,
            code,
            title,
            theme_seq,
            lead,
            start,
            end,
            problem,
            description,
            contribution,
            ogp,
            cso,
        ) {
            out.push(ActionRow {
                row,
                id,
                code,
                title,
                theme_seq,
                lead_code,
                supporting_codes: supporting,
                start_date,
                end_date,
                problem,
                description,
                contribution,
                ogp_values,
                cso_partners,
            });
        }
    }
    (out, codes.into_keys().collect())
}

fn read_periods(rows: &Rows, plan: Option<&PlanRow>, problems: &mut Problems) -> Vec<PeriodRow> {
    use period_col::*;
    let s = SHEET_PERIODS;
    let h = |c: usize| PERIOD_COLUMNS[c].header;
    let mut seen: HashMap<PeriodRef, u32> = HashMap::new();
    let mut out = Vec::new();
    for (row, cells) in data_rows(rows, false) {
        let period = take(
            problems,
            s,
            row,
            h(PERIOD),
            rules::period(&cells[PERIOD], "Triwulan"),
        );
        let due = take(
            problems,
            s,
            row,
            h(DUE),
            rules::date(&cells[DUE], "Batas laporan"),
        );
        let Some(period) = period else { continue };
        if let Some(first) = seen.insert(period, row) {
            problems.add(
                s,
                row,
                h(PERIOD),
                Msg::new(
                    "duplicatePeriod",
                    [("period", v(period)), ("row", v(first))],
                    format!("Triwulan {period} sudah ada di baris {first}."),
                ),
            );
            continue;
        }
        if let Some(plan) = plan {
            if period < plan.first || period > plan.last {
                problems.add(
                    s,
                    row,
                    h(PERIOD),
                    Msg::new("periodOutside", [("period", v(period)), ("first", v(plan.first)), ("last", v(plan.last))], format!(
                        "Triwulan {period} di luar rencana aksi ({} sampai {}, lihat sheet {SHEET_PLAN}).",
                        plan.first, plan.last
                    )),
                );
                continue;
            }
        }
        if let Some(due_date) = due {
            out.push(PeriodRow {
                row,
                period,
                due_date,
            });
        }
    }
    out
}

/// The target columns of the Indikator sheet: (column, quarter) from headers
/// "TW I 2018"; "Target tahunan 2018" and anything else is not read.
fn target_columns(header: &[Cell]) -> Vec<(usize, PeriodRef)> {
    header
        .iter()
        .enumerate()
        .skip(indicator_col::FIRST_YEAR)
        .filter_map(|(col, cell)| {
            let text = text_of(cell);
            let rest = text.strip_prefix("TW ")?;
            let (roman, year) = rest.split_once(' ')?;
            let quarter = match roman {
                "I" => 1,
                "II" => 2,
                "III" => 3,
                "IV" => 4,
                _ => return None,
            };
            Some((
                col,
                PeriodRef {
                    year: year.trim().parse().ok()?,
                    quarter,
                },
            ))
        })
        .collect()
}

fn read_indicators(
    rows: &Rows,
    plan: Option<&PlanRow>,
    opds: &[OpdRow],
    (actions, action_codes): (&[ActionRow], &HashSet<String>),
    problems: &mut Problems,
) -> Vec<IndicatorRow> {
    use indicator_col::*;
    let s = SHEET_INDICATORS;
    let h = |c: usize| INDICATOR_COLUMNS[c].header;
    let header = rows.get(&0).cloned().unwrap_or_default();
    let columns = target_columns(&header);
    let mut ids = HashSet::new();
    let mut out = Vec::new();
    for (row, cells) in data_rows(rows, true) {
        let before = problems.total;
        let id = row_id(problems, s, row, &cells[ID], &mut ids);
        let action_code = take(
            problems,
            s,
            row,
            h(ACTION),
            rules::required(&cells[ACTION], "Kode rencana aksi", lengths::ACTION_CODE),
        );
        let action = action_code
            .as_ref()
            .and_then(|code| actions.iter().find(|a| a.code.eq_ignore_ascii_case(code)));
        // A row of Rencana Aksi that is itself wrong is told there, once.
        let wrong_action = action_code
            .as_ref()
            .is_some_and(|code| action.is_none() && action_codes.contains(&code.to_uppercase()));
        if let (Some(code), None, false) = (&action_code, action, wrong_action) {
            problems.add(
                s,
                row,
                h(ACTION),
                Msg::new(
                    "unknownAction",
                    [("code", v(code))],
                    format!("Rencana aksi '{code}' tidak ada di sheet {SHEET_ACTIONS}."),
                ),
            );
        }
        let opd_code = take(
            problems,
            s,
            row,
            h(OPD),
            rules::opd_code(&cells[OPD], "Kode OPD"),
        );
        if let Some(code) = &opd_code {
            if !opds.iter().any(|o| &o.code == code) {
                problems.add(
                    s,
                    row,
                    h(OPD),
                    Msg::new(
                        "unknownOpd",
                        [("code", v(code))],
                        format!("OPD '{code}' tidak ada di sheet {SHEET_OPDS}."),
                    ),
                );
            } else if let Some(action) = action {
                if action.lead_code != *code && !action.supporting_codes.contains(code) {
                    problems.add(
                        s,
                        row,
                        h(OPD),
                        Msg::new(
                            "notAssigned",
                            [("code", v(code)), ("action", v(&action.code))],
                            format!(
                                "OPD '{code}' bukan OPD pelaksana atau pendukung rencana aksi {}.",
                                action.code
                            ),
                        ),
                    );
                }
            }
        }
        let description = take(
            problems,
            s,
            row,
            h(DESCRIPTION),
            rules::required(
                &cells[DESCRIPTION],
                "Uraian indikator",
                lengths::INDICATOR_DESCRIPTION,
            ),
        );
        let unit = take(
            problems,
            s,
            row,
            h(UNIT),
            rules::required(&cells[UNIT], "Satuan", lengths::INDICATOR_UNIT),
        );
        let baseline = take(
            problems,
            s,
            row,
            h(BASELINE),
            rules::figure(&cells[BASELINE], "Baseline"),
        );
        let polarity = take(
            problems,
            s,
            row,
            h(POLARITY),
            rules::polarity(&cells[POLARITY]),
        );
        let aggregation = take(
            problems,
            s,
            row,
            h(AGGREGATION),
            rules::aggregation(&cells[AGGREGATION]),
        );
        let mut targets = BTreeMap::new();
        for (col, period) in &columns {
            let header = text_of(&header[*col]);
            let cell = cells.get(*col).cloned().unwrap_or(Cell::Empty);
            let Some(value) = take(problems, s, row, &header, rules::figure(&cell, "Target"))
            else {
                continue;
            };
            if let (Some(plan), Some(_)) = (plan, value) {
                if *period < plan.first || *period > plan.last {
                    problems.add(
                        s,
                        row,
                        &header,
                        Msg::new(
                            "periodOutside",
                            [
                                ("period", v(period)),
                                ("first", v(plan.first)),
                                ("last", v(plan.last)),
                            ],
                            format!(
                                "Triwulan {period} di luar rencana aksi ({} sampai {}).",
                                plan.first, plan.last
                            ),
                        ),
                    );
                    continue;
                }
            }
            targets.insert(*period, value);
        }
        if problems.total > before {
            continue;
        }
        if let (
            Some(id),
            Some(action_code),
            Some(opd_code),
            Some(description),
            Some(unit),
            Some(baseline),
            Some(polarity),
            Some(aggregation),
        ) = (
            id,
            action.map(|a| a.code.clone()),
            opd_code,
            description,
            unit,
            baseline,
            polarity,
            aggregation,
        ) {
            out.push(IndicatorRow {
                row,
                id,
                action_code,
                opd_code,
                description,
                unit,
                baseline,
                polarity,
                aggregation,
                targets,
            });
        }
    }
    out
}

fn v(value: impl ToString) -> String {
    value.to_string()
}
