//! The Template rencana aksi: the plan as a fill-in workbook, both ways. Most
//! Bappedas already hold their plan as a spreadsheet matrix; this is that
//! matrix in a shape the app can read back.
//!
//! - `write`: the plan as it is now (or, with no plan, the empty template):
//!   Petunjuk, Rencana, OPD, Tema, Rencana Aksi, Triwulan, Indikator, and the
//!   very hidden Daftar sheet the drop-down lists read from.
//! - `read`: a filled-in file, read only through `workbook::reader` (the guard
//!   and the caps of reports), every row checked; each problem names its sheet,
//!   Excel row and column.
//! - `rules`: the checks of one cell or row (the same rules as the editor's).
//! - `apply`: what the file would add, change, archive or delete in this
//!   database, and applying it in one IMMEDIATE transaction with its audit rows
//!   and the `Undo` that reverses it.
//!
//! Rows keep their identity through a hidden id column (the row's UUID); a row
//! without an id is matched by its code (OPD code, theme number, action code;
//! an indicator by its action, OPD and description), else it is new.

pub mod apply;
pub mod read;
pub mod rules;
pub mod write;

use std::collections::BTreeMap;

use serde::Serialize;

pub const SHEET_GUIDE: &str = "Petunjuk";
pub const SHEET_PLAN: &str = "Rencana";
pub const SHEET_OPDS: &str = "OPD";
pub const SHEET_THEMES: &str = "Tema";
pub const SHEET_ACTIONS: &str = "Rencana Aksi";
pub const SHEET_PERIODS: &str = "Triwulan";
pub const SHEET_INDICATORS: &str = "Indikator";
/// The very hidden sheet holding the fixed lists of the drop-downs.
pub const SHEET_LISTS: &str = "Daftar";

/// Most problems listed for one file; past this only their number is told.
pub const MAX_PROBLEMS: usize = 50;

/// How a column's cells are read and written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// The hidden UUID of the row.
    Id,
    Text,
    Number,
    /// YYYY-MM-DD, written as text.
    Date,
}

#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub header: &'static str,
    pub width: f64,
    pub kind: Kind,
}

const fn col(header: &'static str, width: f64, kind: Kind) -> Column {
    Column {
        header,
        width,
        kind,
    }
}

/// The rows of the Rencana sheet (label in column A, value in column B): the
/// header, then these in order. Status and version are shown, not imported.
pub const PLAN_LABELS: [&str; 7] = [
    "Wilayah (kabupaten/kota)",
    "Judul rencana aksi",
    "Triwulan pertama",
    "Triwulan terakhir",
    "Status",
    "Versi",
    "ID rencana",
];
pub const PLAN_HEADERS: [&str; 3] = ["Isian", "Nilai", "Keterangan"];

pub mod opd_col {
    pub const ID: usize = 0;
    pub const CODE: usize = 1;
    pub const NAME: usize = 2;
    pub const SHORT_NAME: usize = 3;
    pub const HEAD_NAME: usize = 4;
    pub const HEAD_TITLE: usize = 5;
    pub const HEAD_NIP: usize = 6;
}
pub const OPD_COLUMNS: &[Column] = &[
    col("ID", 10.0, Kind::Id),
    col("Kode OPD", 14.0, Kind::Text),
    col("Nama lengkap", 40.0, Kind::Text),
    col("Nama singkat", 16.0, Kind::Text),
    col("Nama kepala", 30.0, Kind::Text),
    col("Jabatan kepala", 30.0, Kind::Text),
    col("NIP kepala", 22.0, Kind::Text),
];

pub mod theme_col {
    pub const ID: usize = 0;
    pub const NO: usize = 1;
    pub const TITLE: usize = 2;
    pub const DESCRIPTION: usize = 3;
}
pub const THEME_COLUMNS: &[Column] = &[
    col("ID", 10.0, Kind::Id),
    col("No", 6.0, Kind::Number),
    col("Judul tema", 36.0, Kind::Text),
    col("Uraian", 90.0, Kind::Text),
];

pub mod action_col {
    pub const ID: usize = 0;
    pub const CODE: usize = 1;
    pub const TITLE: usize = 2;
    pub const THEME: usize = 3;
    pub const LEAD: usize = 4;
    pub const SUPPORTING: usize = 5;
    pub const START: usize = 6;
    pub const END: usize = 7;
    pub const PROBLEM: usize = 8;
    pub const DESCRIPTION: usize = 9;
    pub const CONTRIBUTION: usize = 10;
    pub const OGP: usize = 11;
    pub const CSO: usize = 12;
}
pub const ACTION_COLUMNS: &[Column] = &[
    col("ID", 10.0, Kind::Id),
    col("Kode", 9.0, Kind::Text),
    col("Judul rencana aksi", 40.0, Kind::Text),
    col("No tema", 8.0, Kind::Number),
    col("Kode OPD pelaksana", 14.0, Kind::Text),
    col("Kode OPD pendukung", 22.0, Kind::Text),
    col("Mulai", 12.0, Kind::Date),
    col("Selesai", 12.0, Kind::Date),
    col("Permasalahan", 40.0, Kind::Text),
    col("Uraian", 40.0, Kind::Text),
    col("Kontribusi", 36.0, Kind::Text),
    col("Nilai OGP", 26.0, Kind::Text),
    col("Mitra OMS", 30.0, Kind::Text),
];

pub mod period_col {
    pub const PERIOD: usize = 0;
    pub const DUE: usize = 1;
    pub const CLOSED: usize = 2;
}
pub const PERIOD_COLUMNS: &[Column] = &[
    col("Triwulan", 12.0, Kind::Text),
    col("Batas laporan", 14.0, Kind::Date),
    col("Ditutup", 10.0, Kind::Text),
];

pub mod indicator_col {
    pub const ID: usize = 0;
    pub const ACTION: usize = 1;
    pub const OPD: usize = 2;
    pub const DESCRIPTION: usize = 3;
    pub const UNIT: usize = 4;
    pub const BASELINE: usize = 5;
    pub const POLARITY: usize = 6;
    pub const AGGREGATION: usize = 7;
    /// The first of the five columns of each plan year: TW I-IV, annual.
    pub const FIRST_YEAR: usize = 8;
}
pub const INDICATOR_COLUMNS: &[Column] = &[
    col("ID", 10.0, Kind::Id),
    col("Kode rencana aksi", 10.0, Kind::Text),
    col("Kode OPD", 13.0, Kind::Text),
    col("Uraian indikator", 44.0, Kind::Text),
    col("Satuan", 12.0, Kind::Text),
    col("Baseline", 10.0, Kind::Number),
    col("Polaritas", 10.0, Kind::Text),
    col("Agregasi", 13.0, Kind::Text),
];

/// "TW I 2018": the header of a quarter's target column.
pub fn quarter_header(year: i32, quarter: u8) -> String {
    format!("TW {} {year}", crate::period::roman(quarter))
}

/// "Target tahunan 2018": the annual target, computed from the quarters the
/// way the app computes it (shown to check, not read back).
pub fn annual_header(year: i32) -> String {
    format!("Target tahunan {year}")
}

/// The words the drop-downs offer (the hidden Daftar sheet, one list a column).
pub const YES: &str = "ya";
pub const NO: &str = "tidak";

/// What is wrong with a cell: the sentence in Bahasa Indonesia, and the same
/// as a message key with its values, so the window can say it in its language
/// (`planTemplate.problem.<key>` in the UI's messages).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Msg {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub text: String,
}

impl Msg {
    pub fn new<const N: usize>(
        key: &'static str,
        args: [(&'static str, String); N],
        text: impl Into<String>,
    ) -> Msg {
        Msg {
            key,
            args: args.into(),
            text: text.into(),
        }
    }
}

/// One wrong cell or row of a template: where it is and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateProblem {
    pub sheet: String,
    /// The Excel row number (1 is the header); 0 for the sheet as a whole.
    pub row: u32,
    /// The column's header; empty for the row as a whole.
    pub column: String,
    /// The sentence in Bahasa Indonesia.
    pub message: String,
    /// The message key (`planTemplate.problem.<key>` in the window).
    pub key: String,
    /// The values the message names, by name.
    pub args: BTreeMap<String, String>,
}

impl TemplateProblem {
    /// "Sheet Rencana Aksi, baris 7, kolom Kode OPD pelaksana: ..."
    pub fn text(&self) -> String {
        let mut at = format!("Sheet {}", self.sheet);
        if self.row > 0 {
            at.push_str(&format!(", baris {}", self.row));
        }
        if !self.column.is_empty() {
            at.push_str(&format!(", kolom {}", self.column));
        }
        format!("{at}: {}", self.message)
    }
}

/// Problems gathered while checking a file, up to [`MAX_PROBLEMS`].
#[derive(Debug, Default)]
pub struct Problems {
    pub list: Vec<TemplateProblem>,
    pub total: usize,
}

impl Problems {
    pub fn add(&mut self, sheet: &str, row: u32, column: &str, message: Msg) {
        self.total += 1;
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(TemplateProblem {
                sheet: sheet.to_string(),
                row,
                column: column.to_string(),
                message: message.text,
                key: message.key.to_string(),
                args: message
                    .args
                    .into_iter()
                    .map(|(name, value)| (name.to_string(), value))
                    .collect(),
            });
        }
    }

    pub fn is_empty(&self) -> bool {
        self.total == 0
    }

    /// The error that refuses the file, when there is any problem.
    pub fn into_result(self) -> crate::Result<()> {
        if self.is_empty() {
            return Ok(());
        }
        Err(crate::Error::TemplateInvalid {
            problems: self.list,
            total: self.total,
        })
    }
}
