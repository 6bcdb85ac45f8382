//! The very hidden machine sheet: the snapshot as tables of rows keyed by the
//! rows' stable UUIDs, then the public key and the signature. Each table has a
//! header row (`#milestone`, field names...) and data rows (`milestone`,
//! values...). Every text is a quoted string cell, never a formula.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use serde_json::{Map, Number, Value};

use super::snapshot::Snapshot;
use super::workbook::Cell;
use crate::{Error, Result};

pub const DATA_SHEET: &str = "data";
/// First cell of the sheet, so a reader knows what it holds.
pub const MAGIC: &str = "renaksi-laporan-opd";

/// Most rows a report may have in each context table and in its printed
/// table (indicators, plus milestones without one): a real OPD has dozens,
/// and the view's work grows with rows times evidence.
pub const MAX_TABLE_ROWS: usize = 5_000;
/// Most evidence rows a report may have (a real OPD: hundreds).
pub const MAX_EVIDENCE: usize = 10_000;
/// Most text the printed table of a report may hold (`view::text_bound`):
/// every row repeats its theme, action, milestone and evidence, so a small
/// data sheet could otherwise ask for gigabytes.
pub const MAX_PRINTED_BYTES: usize = 64 * 1024 * 1024;

#[derive(Clone, Copy, PartialEq, Debug)]
pub(crate) enum Kind {
    Text,
    OptText,
    Int,
    OptInt,
    Num,
    OptNum,
}
use Kind::*;

/// One table of the sheet: where it lives in the JSON, and its columns.
pub(crate) struct Table {
    pub(crate) name: &'static str,
    /// Path in the JSON: one object (`meta`) or an array (`data.milestones`).
    pub(crate) path: &'static [&'static str],
    pub(crate) single: bool,
    pub(crate) columns: &'static [(&'static str, Kind)],
}

/// What a machine sheet holds: its first cell, and its tables in order.
pub(crate) struct Schema {
    pub(crate) magic: &'static str,
    pub(crate) tables: &'static [Table],
}

const REPORT_SCHEMA: Schema = Schema {
    magic: MAGIC,
    tables: TABLES,
};

const TABLES: &[Table] = &[
    Table {
        name: "meta",
        path: &["meta"],
        single: true,
        columns: &[
            ("formatVersion", Int),
            ("planId", Text),
            ("planVersion", Int),
            ("opdId", Text),
            ("opdCode", Text),
            ("year", Int),
            ("quarter", Int),
            ("exportedAt", Text),
            ("sequence", Int),
            ("appVersion", Text),
            ("signPlace", Text),
            ("signDate", Text),
            ("headPosition", Text),
            ("headName", Text),
            ("headNip", Text),
        ],
    },
    Table {
        name: "context",
        path: &["context"],
        single: true,
        columns: &[("planTitle", Text), ("region", Text), ("opdName", Text)],
    },
    Table {
        name: "grade",
        path: &["context", "grades"],
        single: false,
        columns: &[("key", Text), ("label", Text), ("min", OptNum)],
    },
    Table {
        name: "theme",
        path: &["context", "themes"],
        single: false,
        columns: &[("id", Text), ("seq", Int), ("name", Text)],
    },
    Table {
        name: "action",
        path: &["context", "actions"],
        single: false,
        columns: &[
            ("id", Text),
            ("themeId", Text),
            ("code", Text),
            ("title", Text),
            ("leadOpdId", Text),
        ],
    },
    Table {
        name: "narrative",
        path: &["data", "narratives"],
        single: false,
        columns: &[
            ("actionId", Text),
            ("problem", Text),
            ("description", Text),
            ("contribution", Text),
            ("ogpValues", Text),
            ("csoPartners", Text),
        ],
    },
    Table {
        name: "milestone",
        path: &["data", "milestones"],
        single: false,
        columns: &[
            ("id", Text),
            ("actionId", Text),
            ("opdId", Text),
            ("seq", Int),
            ("title", Text),
            ("output", Text),
            ("startDate", OptText),
            ("endDate", OptText),
            ("status", Text),
        ],
    },
    Table {
        name: "indicator",
        path: &["data", "indicators"],
        single: false,
        columns: &[
            ("id", Text),
            ("actionId", Text),
            ("milestoneId", OptText),
            ("opdId", Text),
            ("seq", Int),
            ("description", Text),
            ("unit", Text),
            ("baseline", OptNum),
            ("polarity", Text),
            ("aggregation", Text),
        ],
    },
    Table {
        name: "target",
        path: &["data", "targets"],
        single: false,
        columns: &[
            ("indicatorId", Text),
            ("year", Int),
            ("quarter", Int),
            ("value", Num),
        ],
    },
    Table {
        name: "realisation",
        path: &["data", "realisations"],
        single: false,
        columns: &[
            ("indicatorId", Text),
            ("year", Int),
            ("quarter", Int),
            ("value", OptNum),
            ("notes", Text),
            ("obstacles", Text),
            ("followUp", Text),
        ],
    },
    Table {
        name: "evidence",
        path: &["data", "evidence"],
        single: false,
        columns: &[
            ("id", Text),
            ("milestoneId", OptText),
            ("indicatorId", OptText),
            ("year", OptInt),
            ("quarter", OptInt),
            ("kind", Text),
            ("title", Text),
            ("fileName", OptText),
            ("sha256", OptText),
            ("url", OptText),
        ],
    },
];

/// Adds the very hidden data sheet of a report.
pub fn write(
    workbook: &mut Workbook,
    snapshot: &Snapshot,
    public_key: &str,
    signature: &str,
) -> Result<(), XlsxError> {
    let (mut sheet, row) = unsigned_report_sheet(snapshot)?;
    sign_sheet(&mut sheet, row, public_key, signature)?;
    workbook.push_worksheet(sheet);
    Ok(())
}

/// A report's data sheet without its last rows (public key and signature), in
/// a worksheet of its own: an export builds it while it signs and lays out the
/// printable sheets. Returns the sheet and the row [`sign_sheet`] writes at.
pub fn unsigned_report_sheet(snapshot: &Snapshot) -> Result<(Worksheet, u32), XlsxError> {
    let json = serde_json::to_value(snapshot).expect("a snapshot always serialises");
    unsigned_sheet(&REPORT_SCHEMA, &json)
}

/// Adds a very hidden data sheet holding `json` as `schema`'s tables, then the
/// public key and the signature.
pub(crate) fn write_signed(
    workbook: &mut Workbook,
    schema: &Schema,
    json: &Value,
    public_key: &str,
    signature: &str,
) -> Result<(), XlsxError> {
    let (mut sheet, row) = unsigned_sheet(schema, json)?;
    sign_sheet(&mut sheet, row, public_key, signature)?;
    workbook.push_worksheet(sheet);
    Ok(())
}

/// The very hidden sheet with `json` as `schema`'s tables, and the next row.
fn unsigned_sheet(schema: &Schema, json: &Value) -> Result<(Worksheet, u32), XlsxError> {
    let text = Format::new().set_quote_prefix();
    let mut sheet = Worksheet::new();
    sheet.set_name(DATA_SHEET)?;
    sheet.set_very_hidden(true);
    let mut row = 0u32;
    sheet.write_string_with_format(row, 0, schema.magic, &text)?;
    row += 1;
    for table in schema.tables {
        sheet.write_string_with_format(row, 0, format!("#{}", table.name), &text)?;
        for (col, (name, _)) in (1u16..).zip(table.columns) {
            sheet.write_string_with_format(row, col, *name, &text)?;
        }
        row += 1;
        let found = table.path.iter().fold(json, |v, key| &v[*key]);
        let records: Vec<&Value> = if table.single {
            vec![found]
        } else {
            found
                .as_array()
                .map(|a| a.iter().collect())
                .unwrap_or_default()
        };
        for record in records {
            sheet.write_string_with_format(row, 0, table.name, &text)?;
            for (col, (name, _)) in (1u16..).zip(table.columns) {
                match &record[*name] {
                    Value::String(s) => {
                        sheet.write_string_with_format(row, col, s, &text)?;
                    }
                    Value::Number(n) => {
                        sheet.write_number(row, col, n.as_f64().unwrap_or_default())?;
                    }
                    _ => {}
                }
            }
            row += 1;
        }
    }
    Ok((sheet, row))
}

/// Ends a data sheet at `row` with the public key and the signature.
pub fn sign_sheet(
    sheet: &mut Worksheet,
    mut row: u32,
    public_key: &str,
    signature: &str,
) -> Result<(), XlsxError> {
    let text = Format::new().set_quote_prefix();
    for (key, value) in [("publicKey", public_key), ("signature", signature)] {
        sheet.write_string_with_format(row, 0, key, &text)?;
        sheet.write_string_with_format(row, 1, value, &text)?;
        row += 1;
    }
    Ok(())
}

/// What the data sheet holds.
#[derive(Debug, Clone, PartialEq)]
pub struct SignedSnapshot {
    pub snapshot: Snapshot,
    pub public_key: String,
    pub signature: String,
}

/// Rebuilds the snapshot from the data sheet's cells (row, column, value).
pub fn read(cells: Vec<(u32, u32, Cell)>) -> Result<SignedSnapshot> {
    let (json, public_key, signature) = read_signed(cells, &REPORT_SCHEMA)?;
    let snapshot: Snapshot = serde_json::from_value(json).map_err(|e| {
        Error::invalid(
            "file",
            format!("Lembar data laporan tidak sesuai format: isi tidak lengkap ({e})."),
        )
    })?;
    check_quarters(&snapshot).map_err(|why| {
        Error::invalid(
            "file",
            format!("Lembar data laporan tidak sesuai format: {why}."),
        )
    })?;
    check_size(&snapshot)?;
    Ok(SignedSnapshot {
        snapshot,
        public_key,
        signature,
    })
}

/// Every quarter is 1 to 4: the view indexes its quarters by them.
fn check_quarters(snapshot: &Snapshot) -> Result<(), String> {
    let data = &snapshot.data;
    let quarters = std::iter::once(("meta", Some(snapshot.meta.quarter)))
        .chain(data.targets.iter().map(|t| ("target", Some(t.quarter))))
        .chain(
            data.realisations
                .iter()
                .map(|r| ("realisation", Some(r.quarter))),
        )
        .chain(data.evidence.iter().map(|e| ("evidence", e.quarter)));
    for (table, quarter) in quarters {
        if let Some(q) = quarter.filter(|q| !(1..=4).contains(q)) {
            return Err(format!(
                "triwulan {q} pada tabel {table} tidak valid (harus 1 sampai 4)"
            ));
        }
    }
    Ok(())
}

/// Refuses a snapshot too large to view and check within the time and memory
/// budget of an imported file.
fn check_size(snapshot: &Snapshot) -> Result<()> {
    let (context, data) = (&snapshot.context, &snapshot.data);
    let too_big = |what: String| {
        Err(Error::invalid(
            "file",
            format!("Laporan ini terlalu besar untuk diperiksa: {what}."),
        ))
    };
    let tables = [
        ("tema", context.themes.len()),
        ("rencana aksi", context.actions.len()),
        ("predikat", context.grades.0.len()),
        (
            "tabel evaluasi",
            data.indicators.len() + data.milestones.len(),
        ),
    ];
    for (name, rows) in tables {
        if rows > MAX_TABLE_ROWS {
            return too_big(format!("{name} lebih dari {MAX_TABLE_ROWS} baris"));
        }
    }
    if data.evidence.len() > MAX_EVIDENCE {
        return too_big(format!("bukti lebih dari {MAX_EVIDENCE} baris"));
    }
    if super::view::text_bound(snapshot) > MAX_PRINTED_BYTES {
        return too_big(format!(
            "teks tabel evaluasinya lebih dari {} MB",
            MAX_PRINTED_BYTES / 1024 / 1024
        ));
    }
    Ok(())
}

/// Reads a machine sheet of `schema` back into JSON, with the public key and
/// the signature. Takes the cells, so their text moves into the JSON.
pub(crate) fn read_signed(
    mut cells: Vec<(u32, u32, Cell)>,
    schema: &Schema,
) -> Result<(Value, String, String)> {
    let bad = |why: String| {
        Error::invalid(
            "file",
            format!("Lembar data berkas ini tidak sesuai format: {why}."),
        )
    };
    // A sheet lists its cells in order; one that does not is put in order,
    // keeping repeated cells in file order (the last one counts, below).
    if !cells.is_sorted_by_key(|(row, col, _)| (*row, *col)) {
        cells.sort_by_key(|(row, col, _)| (*row, *col));
    }
    let mut lines = cells.chunk_by_mut(|a, b| a.0 == b.0).map(Line);
    let first = lines.next();
    match first.as_ref().and_then(|first| first.text(0)) {
        Some(magic) if magic == schema.magic => {}
        _ => return Err(bad("bukan laporan Renaksi".into())),
    }

    let mut root = Value::Object(Map::new());
    let mut public_key = None;
    let mut signature = None;
    let mut current: Option<&Table> = None;
    for mut line in lines {
        let tag = line
            .text(0)
            .ok_or_else(|| bad("baris tanpa jenis".into()))?;
        if let Some(name) = tag.strip_prefix('#') {
            let table = schema
                .tables
                .iter()
                .find(|t| t.name == name)
                .ok_or_else(|| bad(format!("tabel tidak dikenal \"{name}\"")))?;
            for (col, (column, _)) in (1u32..).zip(table.columns) {
                if line.text(col) != Some(*column) {
                    return Err(bad(format!(
                        "kolom {column} pada tabel {name} tidak ditemukan"
                    )));
                }
            }
            let slot = slot(&mut root, table.path);
            if !table.single {
                *slot = Value::Array(Vec::new());
            }
            current = Some(table);
            continue;
        }
        match tag {
            "publicKey" => public_key = line.text(1).map(str::to_string),
            "signature" => signature = line.text(1).map(str::to_string),
            _ => {
                let table = current
                    .filter(|t| t.name == tag)
                    .ok_or_else(|| bad(format!("baris \"{tag}\" di luar tabelnya")))?;
                let mut record = Map::new();
                for (col, (column, kind)) in (1u32..).zip(table.columns) {
                    let value = value_of(line.take(col), *kind).ok_or_else(|| {
                        bad(format!(
                            "nilai {column} pada tabel {} tidak valid",
                            table.name
                        ))
                    })?;
                    record.insert((*column).to_string(), value);
                }
                let slot = slot(&mut root, table.path);
                match slot {
                    Value::Array(items) => items.push(Value::Object(record)),
                    _ if table.single && slot.is_null() => *slot = Value::Object(record),
                    _ => return Err(bad(format!("tabel {} muncul dua kali", table.name))),
                }
            }
        }
    }
    Ok((
        root,
        public_key.ok_or_else(|| bad("kunci publik tidak ada".into()))?,
        signature.ok_or_else(|| bad("tanda tangan tidak ada".into()))?,
    ))
}

/// The cells of one row of a machine sheet, in column order.
struct Line<'a>(&'a mut [(u32, u32, Cell)]);

impl Line<'_> {
    /// The cell in `col`: the last one, when a file repeats it.
    fn at(&self, col: u32) -> Option<&Cell> {
        self.0.iter().rev().find(|c| c.1 == col).map(|c| &c.2)
    }

    fn text(&self, col: u32) -> Option<&str> {
        match self.at(col) {
            Some(Cell::Text(s)) => Some(s),
            _ => None,
        }
    }

    /// The cell in `col`, moved out (each is read once).
    fn take(&mut self, col: u32) -> Option<Cell> {
        self.0
            .iter_mut()
            .rev()
            .find(|c| c.1 == col)
            .map(|c| std::mem::replace(&mut c.2, Cell::Empty))
    }
}

/// The place in `root` at `path`, created as null where missing.
fn slot<'a>(root: &'a mut Value, path: &[&str]) -> &'a mut Value {
    path.iter().fold(root, |v, key| {
        if !v.is_object() {
            *v = Value::Object(Map::new());
        }
        v.as_object_mut()
            .expect("just made an object")
            .entry(key.to_string())
            .or_insert(Value::Null)
    })
}

/// A cell as the JSON value of a column of `kind`; `None` when it does not fit.
fn value_of(cell: Option<Cell>, kind: Kind) -> Option<Value> {
    match (kind, cell) {
        (Text, None | Some(Cell::Empty)) => Some(Value::String(String::new())),
        (OptText | OptNum | OptInt, None | Some(Cell::Empty)) => Some(Value::Null),
        (Text | OptText, Some(Cell::Text(s))) => Some(Value::String(s)),
        (Int | OptInt, Some(Cell::Number(n))) if n.fract() == 0.0 && n.abs() < 1e15 => {
            Some(Value::Number(Number::from(n as i64)))
        }
        (Num | OptNum, Some(Cell::Number(n))) => Number::from_f64(n).map(Value::Number),
        _ => None,
    }
}
