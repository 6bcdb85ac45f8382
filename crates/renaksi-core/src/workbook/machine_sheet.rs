//! The signed machine sheet: a very hidden sheet named `data` that carries
//! rows of JSON as tables a program reads back, then the public key and the
//! signature (see [`signature`](super::signature)). A [`Schema`] names the
//! sheet's first cell and its tables; each table has a header row (`#name`,
//! field names...) and data rows (`name`, values...), its rows keyed by the
//! stable UUIDs of what they hold. Every text is a quoted string cell, never a
//! formula. The Laporan OPD and the plan package each have a schema.
//!
//! Reading takes the cells of a sheet from [`reader`](super::reader), so the
//! file has already passed the guard and the reader's bounds.

use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};
use serde_json::{Map, Number, Value};

use super::reader::Cell;
use super::text::{excerpt, EXCERPT_CHARS};
use crate::{Error, Result};

/// The name of the machine sheet in every workbook that has one.
pub const DATA_SHEET: &str = "data";

/// What a column holds, and how its cell is read back into JSON.
#[derive(Clone, Copy, PartialEq, Debug)]
pub enum Kind {
    Text,
    OptText,
    Int,
    OptInt,
    Num,
    OptNum,
}
use Kind::*;

/// One table of the sheet: where it lives in the JSON, and its columns.
pub struct Table {
    pub name: &'static str,
    /// Path in the JSON: one object (`meta`) or an array (`data.milestones`).
    pub path: &'static [&'static str],
    pub single: bool,
    pub columns: &'static [(&'static str, Kind)],
}

/// What a machine sheet holds: its first cell, and its tables in order.
pub struct Schema {
    pub magic: &'static str,
    pub tables: &'static [Table],
}

/// Adds a very hidden data sheet holding `json` as `schema`'s tables, then the
/// public key and the signature.
pub fn write_signed(
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
pub fn unsigned_sheet(schema: &Schema, json: &Value) -> Result<(Worksheet, u32), XlsxError> {
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

/// Reads a machine sheet of `schema` back into JSON, with the public key and
/// the signature. Takes the cells, so their text moves into the JSON.
pub fn read_signed(
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
                .ok_or_else(|| {
                    bad(format!(
                        "tabel tidak dikenal \"{}\"",
                        excerpt(name, EXCERPT_CHARS)
                    ))
                })?;
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
                let table = current.filter(|t| t.name == tag).ok_or_else(|| {
                    bad(format!(
                        "baris \"{}\" di luar tabelnya",
                        excerpt(tag, EXCERPT_CHARS)
                    ))
                })?;
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
