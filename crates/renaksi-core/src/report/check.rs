//! `renaksi check`: is this a sound Laporan OPD? Its format, its signature, and
//! whether the printed table says what the signed data says.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use super::datasheet::{self, SignedSnapshot};
use super::layout::{table_rows, TableCell, REPORT_SHEET, TABLE_HEADER_ROW, TABLE_HEADER_ROWS};
use super::snapshot::FORMAT_VERSION;
use super::view::ReportView;
use crate::workbook::limits::MAX_FILE_BYTES;
use crate::workbook::machine_sheet::DATA_SHEET;
use crate::workbook::reader::{cell_name, Book, Cell};
use crate::workbook::signature;
use crate::{Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct CheckReport {
    pub opd_code: String,
    pub opd_name: String,
    pub period_label: String,
    pub sequence: i64,
    pub exported_at: String,
    pub key_fingerprint: String,
    pub milestones: usize,
    pub indicators: usize,
    pub targets: usize,
    pub realisations: usize,
    pub evidence: usize,
    /// Everything wrong, in words a clerk understands; empty when sound.
    pub problems: Vec<String>,
}

/// Reads and checks a report file. An unreadable file is an error; a readable
/// one with faults comes back with its problems listed.
pub fn check_file(path: &Path) -> Result<CheckReport> {
    let size = std::fs::metadata(path)
        .map_err(|e| Error::io("membuka", path, e))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(Error::invalid(
            "file",
            "Berkas terlalu besar untuk sebuah laporan.",
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| Error::io("membaca", path, e))?;
    check_bytes(bytes)
}

pub fn check_bytes(bytes: Vec<u8>) -> Result<CheckReport> {
    Ok(read_checked(bytes)?.1)
}

/// The signed snapshot of a report file with the check of it.
pub(crate) fn read_checked(bytes: Vec<u8>) -> Result<(SignedSnapshot, CheckReport)> {
    let mut book = Book::open(bytes)?;
    let signed = datasheet::read(book.cells(DATA_SHEET)?)?;
    let visible = book.cells(REPORT_SHEET)?;
    let report = assess(&signed, &visible);
    Ok((signed, report))
}

fn assess(signed: &SignedSnapshot, visible: &[(u32, u32, Cell)]) -> CheckReport {
    let snapshot = &signed.snapshot;
    let mut problems = Vec::new();
    if snapshot.meta.format_version != FORMAT_VERSION {
        problems.push(format!(
            "Versi format {} tidak dikenal (aplikasi ini membaca versi {FORMAT_VERSION}).",
            snapshot.meta.format_version
        ));
    }
    if !signature::verify_bytes(
        &signed.public_key,
        &signed.signature,
        &snapshot.canonical_bytes(),
    ) {
        problems.push(
            "Tanda tangan tidak cocok: isi lembar data berubah setelah laporan diekspor, \
             atau laporan tidak ditandatangani oleh OPD ini."
                .into(),
        );
    }
    let opd_id = &snapshot.meta.opd_id;
    let foreign = snapshot
        .data
        .milestones
        .iter()
        .filter(|m| &m.opd_id != opd_id)
        .count()
        + snapshot
            .data
            .indicators
            .iter()
            .filter(|i| &i.opd_id != opd_id)
            .count();
    if foreign > 0 {
        problems.push(format!(
            "{foreign} baris data milik OPD lain, bukan milik OPD {}.",
            snapshot.meta.opd_code
        ));
    }
    problems.extend(compare_table(&ReportView::from_snapshot(snapshot), visible));

    CheckReport {
        opd_code: snapshot.meta.opd_code.clone(),
        opd_name: snapshot.context.opd_name.clone(),
        period_label: snapshot.period().label(),
        sequence: snapshot.meta.sequence,
        exported_at: snapshot.meta.exported_at.clone(),
        key_fingerprint: signature::fingerprint(&signed.public_key),
        milestones: snapshot.data.milestones.len(),
        indicators: snapshot.data.indicators.len(),
        targets: snapshot.data.targets.len(),
        realisations: snapshot.data.realisations.len(),
        evidence: snapshot.data.evidence.len(),
        problems,
    }
}

/// Differences between the printed evaluation table and the one the signed
/// data gives, cell by cell.
fn compare_table(view: &ReportView, visible: &[(u32, u32, Cell)]) -> Vec<String> {
    let first = TABLE_HEADER_ROW + TABLE_HEADER_ROWS;
    let expected = table_rows(view);
    // By position, the first cell of each (a file may repeat one): a lookup
    // per expected cell, not a search through every visible cell.
    let mut at: HashMap<(u32, u32), &Cell> = HashMap::with_capacity(visible.len());
    for (r, c, cell) in visible {
        at.entry((*r, *c)).or_insert(cell);
    }
    let mut problems = Vec::new();
    for (offset, row) in expected.iter().enumerate() {
        let r = first + offset as u32;
        for (c, want) in row.iter().enumerate() {
            let c = c as u32;
            let got = at.get(&(r, c)).copied().unwrap_or(&Cell::Empty);
            if !same(got, want) {
                problems.push(format!(
                    "Sel {} pada lembar {REPORT_SHEET} berbunyi {}, padahal data laporan berisi {}.",
                    cell_name(r, c),
                    show(got),
                    show_expected(want)
                ));
            }
        }
    }
    problems
}

/// Whether a cell read from the file shows what the table holds there.
fn same(got: &Cell, want: &TableCell) -> bool {
    match (got, want) {
        (Cell::Number(a), TableCell::Number(b)) => {
            (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
        }
        (Cell::Text(a), TableCell::Text(b)) => a == b,
        (Cell::Empty, TableCell::Empty) => true,
        (Cell::Empty, TableCell::Text(t)) | (Cell::Text(t), TableCell::Empty) => t.is_empty(),
        _ => false,
    }
}

fn show(cell: &Cell) -> String {
    match cell {
        Cell::Text(t) => format!("\"{}\"", t.chars().take(60).collect::<String>()),
        Cell::Number(n) => n.to_string(),
        Cell::Empty => "kosong".into(),
    }
}

fn show_expected(cell: &TableCell) -> String {
    show(&match cell {
        TableCell::Text(t) => Cell::Text(t.clone()),
        TableCell::Number(n) => Cell::Number(*n),
        TableCell::Empty => Cell::Empty,
    })
}
