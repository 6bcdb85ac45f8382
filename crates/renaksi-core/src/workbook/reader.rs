//! Reading cells from a workbook that came from elsewhere, within bounds: the
//! file passes [`guard::inspect`](super::guard::inspect) (size, zip and XML
//! checks) before calamine opens it, the sheet's cells, coordinates and text
//! are capped (see [`limits`](super::limits)), and a formula in any cell is
//! refused. A plain sheet's cells come from the guard's own pass
//! ([`plain`](super::plain)); any other sheet's stream through calamine's
//! cell reader; no whole sheet range
//! is ever built (room is made for the cells a sheet's `<dimension>` declares,
//! at most `RESERVED_CELLS`).

use std::io::Cursor;
use std::path::Path;

use std::collections::BTreeSet;

use calamine::{open_workbook_from_rs, DataRef, Reader, SheetType, SheetVisible, Xlsx};

use super::guard;
use super::limits::{MAX_CELLS, MAX_COL, MAX_FILE_BYTES, MAX_ROW, MAX_TEXT_BYTES};
use super::plain::{Plain, Raw};
use crate::{Error, Result};

/// A cell as read: text, a number, or nothing (a boolean is read as its text).
/// [`Book::cells`] leaves out the cells that hold nothing.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Text(String),
    Number(f64),
    Empty,
}

/// Most cells room is made for before reading a sheet.
const RESERVED_CELLS: usize = 65_536;

/// An opened workbook.
pub struct Book {
    xlsx: Xlsx<Cursor<Vec<u8>>>,
    inspected: guard::Inspected,
    /// The cells of plain sheets, read in the guard's pass.
    plain: Plain,
}

/// How a sheet is shown: as a tab, hidden (the user can show it again), or
/// very hidden (only a program can).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Visibility {
    Visible,
    Hidden,
    VeryHidden,
}

/// A sheet of the workbook as its workbook part lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetInfo {
    pub name: String,
    pub visibility: Visibility,
    /// False for a chart sheet or a dialog sheet.
    pub worksheet: bool,
}

fn refused(why: impl Into<String>) -> Error {
    Error::invalid("file", why)
}

impl Book {
    pub fn open(bytes: Vec<u8>) -> Result<Book> {
        let (inspected, mut plain) = guard::inspect_reading(&bytes)?;
        let xlsx: Xlsx<_> = open_workbook_from_rs(Cursor::new(bytes))
            .map_err(|_| refused(guard::NOT_A_WORKBOOK))?;
        plain.confirm_sheets(&xlsx.sheet_names());
        Ok(Book {
            xlsx,
            inspected,
            plain,
        })
    }

    /// The names of the workbook's sheets, in order.
    pub fn sheet_names(&self) -> Vec<String> {
        self.xlsx.sheet_names()
    }

    /// The workbook's sheets in order, with how each is shown.
    pub fn sheets(&self) -> Vec<SheetInfo> {
        self.xlsx
            .sheets_metadata()
            .iter()
            .map(|sheet| SheetInfo {
                name: sheet.name.clone(),
                visibility: match sheet.visible {
                    SheetVisible::Visible => Visibility::Visible,
                    SheetVisible::Hidden => Visibility::Hidden,
                    SheetVisible::VeryHidden => Visibility::VeryHidden,
                },
                worksheet: sheet.typ == SheetType::WorkSheet,
            })
            .collect()
    }

    /// Every number format the workbook may show a figure with (see
    /// [`guard::Inspected::number_formats`]).
    pub fn number_formats(&self) -> &BTreeSet<String> {
        &self.inspected.number_formats
    }

    /// Everything the guard's pass saw (number formats, drawn objects).
    pub fn inspected(&self) -> &guard::Inspected {
        &self.inspected
    }

    /// The cells of one sheet as (row, column, value).
    pub fn cells(&mut self, sheet: &str) -> Result<Vec<(u32, u32, Cell)>> {
        match self.plain.take(sheet) {
            Some(raw) => {
                let cells = plain_cells(sheet, raw, &self.plain);
                self.plain.release();
                cells
            }
            None => self.calamine_cells(sheet),
        }
    }

    /// The cells of one sheet as calamine reads them.
    fn calamine_cells(&mut self, sheet: &str) -> Result<Vec<(u32, u32, Cell)>> {
        let mut reader = self
            .xlsx
            .worksheet_cells_reader(sheet)
            .map_err(|_| refused(format!("Lembar \"{sheet}\" tidak ada di berkas ini.")))?;
        let too_big = || {
            refused(format!(
                "Lembar \"{sheet}\" terlalu besar untuk sebuah laporan."
            ))
        };
        // Room for the cells the sheet declares, within a bound a crafted
        // `<dimension>` cannot push: growing a vector of 25,000 cells by
        // doubling was a tenth of reading a report.
        let declared = reader.dimensions();
        let declared = (u64::from(declared.end.0.saturating_sub(declared.start.0)) + 1)
            * (u64::from(declared.end.1.saturating_sub(declared.start.1)) + 1);
        let mut cells = Vec::with_capacity(declared.min(RESERVED_CELLS as u64) as usize);
        let mut read = 0usize;
        let mut text = 0usize;
        // The metadata form reports every formula, also a shared one whose
        // anchor cell is missing, and expands none.
        while let Some(cell) = reader
            .next_cell_with_formula_metadata()
            .map_err(|_| refused(format!("Lembar \"{sheet}\" rusak atau tidak terbaca.")))?
        {
            let (row, col) = cell.pos;
            if cell.formula.is_some() {
                return Err(refused(format!(
                    "Lembar \"{sheet}\" berisi rumus (sel {}); laporan tidak boleh berisi rumus.",
                    cell_name(row, col)
                )));
            }
            read += 1;
            if row > MAX_ROW || col > MAX_COL || read > MAX_CELLS {
                return Err(too_big());
            }
            text += match &cell.value {
                DataRef::String(s) => s.len(),
                DataRef::SharedString(s) => s.len(),
                _ => 0,
            };
            if text > MAX_TEXT_BYTES {
                return Err(too_big());
            }
            let value = match cell.value {
                DataRef::String(s) => Cell::Text(s),
                DataRef::SharedString(s) => Cell::Text(s.to_string()),
                DataRef::Float(f) => Cell::Number(f),
                DataRef::Int(i) => Cell::Number(i as f64),
                DataRef::Empty => Cell::Empty,
                DataRef::Bool(b) => Cell::Text(b.to_string()),
                // A date typed into a cell Excel formats as a date: its day
                // number (the plan template reads dates so).
                DataRef::DateTime(d) => Cell::Number(d.as_f64()),
                _ => {
                    return Err(refused(format!(
                        "Sel {} berisi nilai yang tidak dikenal.",
                        cell_name(row, col)
                    )))
                }
            };
            if value != Cell::Empty {
                cells.push((row, col, value));
            }
        }
        Ok(cells)
    }
}

/// The cells of a plain sheet ([`Plain::take`]) under the same bounds as
/// [`Book::cells`] puts on calamine's (a plain sheet holds no formula).
fn plain_cells(
    sheet: &str,
    plain: Vec<(u32, u32, Raw)>,
    read: &Plain,
) -> Result<Vec<(u32, u32, Cell)>> {
    let too_big = || {
        refused(format!(
            "Lembar \"{sheet}\" terlalu besar untuk sebuah laporan."
        ))
    };
    if plain.len() > MAX_CELLS {
        return Err(too_big());
    }
    let mut cells = Vec::with_capacity(plain.len());
    let mut text = 0usize;
    for (row, col, value) in plain {
        if row > MAX_ROW || col > MAX_COL {
            return Err(too_big());
        }
        let value = match value {
            Raw::Shared(i) => {
                // Plain::take gives a sheet only when its every index is found.
                let s = read.shared(i).unwrap_or_default();
                text += s.len();
                if text > MAX_TEXT_BYTES {
                    return Err(too_big());
                }
                Cell::Text(s.to_owned())
            }
            Raw::Number(n) => Cell::Number(n),
            Raw::Empty => continue,
        };
        cells.push((row, col, value));
    }
    Ok(cells)
}

/// The bytes of a workbook file from elsewhere, read only when it is a
/// regular file no larger than [`MAX_FILE_BYTES`], and never more than that
/// however the file grows while it is read. `what` names the workbook in the
/// message ("sebuah laporan").
pub fn read_file(path: &Path, what: &str) -> Result<Vec<u8>> {
    use std::io::Read;
    let too_big = || {
        refused(format!(
            "Berkas terlalu besar untuk {what} (lebih dari {} MB).",
            MAX_FILE_BYTES / 1024 / 1024
        ))
    };
    let metadata = std::fs::metadata(path).map_err(|e| Error::io("membuka", path, e))?;
    if !metadata.is_file() {
        return Err(refused(format!(
            "Yang dipilih bukan berkas biasa; pilih {what}."
        )));
    }
    if metadata.len() > MAX_FILE_BYTES {
        return Err(too_big());
    }
    let file = std::fs::File::open(path).map_err(|e| Error::io("membuka", path, e))?;
    let mut bytes = Vec::with_capacity(metadata.len() as usize);
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("membaca", path, e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_big());
    }
    Ok(bytes)
}

/// "C7" for row 6, column 2.
pub fn cell_name(row: u32, col: u32) -> String {
    let mut name = String::new();
    let mut n = col + 1;
    while n > 0 {
        let rem = (n - 1) % 26;
        name.insert(0, (b'A' + rem as u8) as char);
        n = (n - 1) / 26;
    }
    format!("{name}{}", row + 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_xlsxwriter::{Format, Workbook};

    /// A workbook as the app writes one: quote-prefixed texts (shared
    /// strings, with spaces, line breaks, markup characters, `_x` look-alikes
    /// and characters outside the BMP), numbers, formatted blanks.
    fn written(texts: &[&str]) -> Vec<u8> {
        let mut workbook = Workbook::new();
        let text = Format::new().set_quote_prefix();
        let sheet = workbook.add_worksheet();
        sheet.set_name("Laporan").unwrap();
        for (row, &t) in (0u32..).zip(texts) {
            sheet.write_string_with_format(row, 0, t, &text).unwrap();
            sheet
                .write_number(row, 1, f64::from(row) * 1.25 - 3.0)
                .unwrap();
            sheet.write_blank(row, 2, &text).unwrap();
        }
        sheet.write_number(20, 3, 1e-7).unwrap();
        sheet.write_number(21, 3, 12345678901234.5).unwrap();
        let other = workbook.add_worksheet();
        other.set_name("data lain").unwrap();
        other.write_string(0, 0, "biasa").unwrap();
        workbook.save_to_buffer().unwrap()
    }

    const PLAIN: [&str; 8] = [
        "biasa",
        "  spasi di depan dan belakang  ",
        "baris\nbaru\n\ndan lagi ",
        "<b>&amp; \"kutip\" 'satu'</b>",
        "emoji 😀 dan é",
        "=SUM(A1)",
        "123",
        "\t tab",
    ];

    #[test]
    fn plain_sheets_are_read_in_the_guards_pass_as_calamine_reads_them() {
        let mut book = Book::open(written(&PLAIN)).unwrap();
        for sheet in ["Laporan", "data lain"] {
            assert!(book.plain.has(sheet), "{sheet} is plain");
            let plain = book.cells(sheet).unwrap();
            let calamine = book.calamine_cells(sheet).unwrap();
            assert_eq!(plain, calamine, "{sheet}");
        }
        assert!(book.cells("Laporan").unwrap().len() > 16);
    }

    #[test]
    fn texts_with_excel_escapes_are_left_to_calamine() {
        for odd in ["_x000D_ dan _x0041_", "baris\r\nbaru", "bel \u{7}"] {
            let mut book = Book::open(written(&[odd, "biasa"])).unwrap();
            assert!(!book.plain.has("Laporan"), "{odd:?}");
            let cells = book.cells("Laporan").unwrap();
            assert_eq!(cells, book.calamine_cells("Laporan").unwrap());
        }
    }

    /// The first sheet of a plain workbook with its `<sheetData>` replaced.
    fn with_sheet_data(data: &str) -> Vec<u8> {
        use std::io::{Read, Write};
        let bytes = written(&["biasa"]);
        let mut archive = xlsx_zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
        let mut out = xlsx_zip::ZipWriter::new(Cursor::new(Vec::new()));
        for i in 0..archive.len() {
            let mut file = archive.by_index(i).unwrap();
            let name = file.name().unwrap().into_owned();
            let mut content = String::new();
            file.read_to_string(&mut content).unwrap();
            if name == "xl/worksheets/sheet1.xml" {
                let start = content.find("<sheetData>").unwrap();
                let end = content.find("</sheetData>").unwrap() + "</sheetData>".len();
                content.replace_range(start..end, data);
            }
            out.start_file(name, xlsx_zip::write::SimpleFileOptions::default())
                .unwrap();
            out.write_all(content.as_bytes()).unwrap();
        }
        out.finish().unwrap().into_inner()
    }

    #[test]
    fn a_value_calamine_reads_otherwise_is_left_to_it() {
        for data in [
            "<sheetData><row r=\"1\"><c r=\"A1\"><v>1<!-- x -->2</v></c></row></sheetData>",
            "<sheetData><row r=\"1\"><c r=\"A1\"><v><![CDATA[7]]></v></c></row></sheetData>",
            "<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\" t=\"n\"><v>0</v></c></row></sheetData>",
            "<sheetData><row r=\"1\"><c r=\"A1\"><v>1</v><v>2</v></c></row></sheetData>",
            "<sheetData><row r=\"1\"><c r=\"A1\"><v>+1</v></c></row></sheetData>",
        ] {
            let book = Book::open(with_sheet_data(data)).unwrap();
            assert!(!book.plain.has("Laporan"), "{data}");
            assert!(book.plain.has("data lain"), "{data}");
        }
        let plain = "<sheetData><row r=\"1\"><c r=\"A1\"><v>12</v></c></row></sheetData>";
        let mut book = Book::open(with_sheet_data(plain)).unwrap();
        assert!(book.plain.has("Laporan"));
        assert_eq!(book.cells("Laporan").unwrap(), [(0, 0, Cell::Number(12.0))]);
    }

    #[test]
    fn what_is_not_plain_is_left_to_calamine() {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        sheet.write_formula(0, 0, "=1+1").unwrap();
        sheet.write_string(1, 0, "teks").unwrap();
        let mut book = Book::open(workbook.save_to_buffer().unwrap()).unwrap();
        assert!(!book.plain.has("Sheet1"));
        let refused = book.cells("Sheet1").unwrap_err().to_string();
        assert!(refused.contains("rumus"), "{refused}");
    }
}

#[cfg(test)]
mod differential;
