//! Reading cells from a workbook that came from elsewhere, within bounds: the
//! file's size, the sheet's cells and coordinates are capped, and a formula in
//! any cell is refused. Cells stream through calamine's cell reader; no whole
//! sheet range is ever built.

use std::io::Cursor;

use calamine::{open_workbook_from_rs, DataRef, Xlsx};

use crate::{Error, Result};

pub use super::layout::TableCell as Cell;

/// Largest report file accepted.
pub const MAX_FILE_BYTES: u64 = 25 * 1024 * 1024;
/// Most cells read from one sheet.
pub const MAX_CELLS: usize = 400_000;
/// Largest row and column index accepted (far-apart cells are refused).
pub const MAX_ROW: u32 = 100_000;
pub const MAX_COL: u32 = 64;

/// An opened workbook.
pub struct Book(Xlsx<Cursor<Vec<u8>>>);

fn refused(why: impl Into<String>) -> Error {
    Error::invalid("file", why)
}

impl Book {
    pub fn open(bytes: Vec<u8>) -> Result<Book> {
        if bytes.len() as u64 > MAX_FILE_BYTES {
            return Err(refused(format!(
                "Berkas terlalu besar untuk sebuah laporan (lebih dari {} MB).",
                MAX_FILE_BYTES / 1024 / 1024
            )));
        }
        open_workbook_from_rs(Cursor::new(bytes))
            .map(Book)
            .map_err(|_| refused("Berkas ini bukan buku kerja Excel (.xlsx) yang dapat dibaca."))
    }

    /// The cells of one sheet as (row, column, value).
    pub fn cells(&mut self, sheet: &str) -> Result<Vec<(u32, u32, Cell)>> {
        let mut reader = self
            .0
            .worksheet_cells_reader(sheet)
            .map_err(|_| refused(format!("Lembar \"{sheet}\" tidak ada di berkas ini.")))?;
        let mut cells = Vec::new();
        while let Some(cell) = reader
            .next_cell_with_formula()
            .map_err(|_| refused(format!("Lembar \"{sheet}\" rusak atau tidak terbaca.")))?
        {
            let (row, col) = cell.pos;
            if cell.formula.is_some() {
                return Err(refused(format!(
                    "Lembar \"{sheet}\" berisi rumus (sel {}); laporan tidak boleh berisi rumus.",
                    cell_name(row, col)
                )));
            }
            if row > MAX_ROW || col > MAX_COL || cells.len() >= MAX_CELLS {
                return Err(refused(format!(
                    "Lembar \"{sheet}\" terlalu besar untuk sebuah laporan."
                )));
            }
            let value = match cell.value {
                DataRef::String(s) => Cell::Text(s),
                DataRef::SharedString(s) => Cell::Text(s.to_string()),
                DataRef::Float(f) => Cell::Number(f),
                DataRef::Int(i) => Cell::Number(i as f64),
                DataRef::Empty => Cell::Empty,
                DataRef::Bool(b) => Cell::Text(b.to_string()),
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
