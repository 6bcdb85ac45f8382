//! `renaksi check`: is this a sound Laporan OPD? Its format, its signature, and
//! whether the printed sheets say what the signed data says: the sheets are
//! the app's (Laporan and Ringkasan shown, in that order, the data sheet very
//! hidden, nothing else), every cell of both printed sheets is the one the
//! layout writes from the data (kop, table, legend, signature block, stamp;
//! no other cell holds anything), no number format can print other text over
//! a figure, nothing is drawn over the cells (shapes, pictures, charts of
//! their own), nothing is hidden (rows, columns), and the notes, page footers
//! and print areas are the layout's. What the file says that the layout does
//! not write is a problem: the check compares with the layout's own lists
//! (`layout::report_cells`, `summary_cells`, `report_notes`, `defined_names`),
//! so the writer and the checker cannot disagree.
//!
//! Those checks say in words what is wrong; they cannot list everything a
//! forger may change (a second shared-strings part the relationships name, a
//! cell's style, a rich-text run, a chart's title). So a file they pass must
//! also be, part for part, the workbook the export writes from the signed
//! data (`written_by_renaksi`): the file is what Renaksi wrote, or refused.

use std::collections::{BTreeMap, HashMap};
use std::io::{Cursor, Read};
use std::path::Path;

use serde::Serialize;
use xlsx_zip::ZipArchive;

use super::datasheet::{self, SignedSnapshot};
use super::layout::{
    chart_count, defined_names, hidden_columns, report_cells, report_notes, summary_cells,
    TableCell, REPORT_SHEET, SUMMARY_SHEET,
};
use super::rules::quote;
use super::snapshot::FORMAT_VERSION;
use super::view::ReportView;
use crate::workbook::guard::Inspected;
use crate::workbook::machine_sheet::DATA_SHEET;
use crate::workbook::print::Paper;
use crate::workbook::reader::{cell_name, Book, Cell, SheetInfo, Visibility};
use crate::workbook::signature;
use crate::workbook::styles::{DECIMAL, PERCENT, WHOLE};
use crate::Result;

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
    check_bytes(crate::workbook::reader::read_file(path, "sebuah laporan")?)
}

pub fn check_bytes(bytes: Vec<u8>) -> Result<CheckReport> {
    Ok(read_checked(bytes)?.1)
}

/// The signed snapshot of a report file with the check of it.
pub(crate) fn read_checked(bytes: Vec<u8>) -> Result<(SignedSnapshot, CheckReport)> {
    // The file itself is kept for the last check, the part-by-part
    // comparison with the workbook Renaksi writes from the signed data.
    let mut book = Book::open(bytes.clone())?;
    let signed = datasheet::read(book.cells(DATA_SHEET)?)?;
    let mut printed = Printed {
        sheets: book.sheets(),
        inspected: book.inspected().clone(),
        report: Vec::new(),
        summary: Vec::new(),
    };
    // A sheet that is missing is named by the order check; one that is
    // there is read under the reader's bounds (no formula, not too big).
    let has = |name: &str| printed.sheets.iter().any(|s| s.name == name && s.worksheet);
    if has(REPORT_SHEET) {
        printed.report = book.cells(REPORT_SHEET)?;
    }
    if has(SUMMARY_SHEET) {
        printed.summary = book.cells(SUMMARY_SHEET)?;
    }
    let mut report = assess(&signed, &printed);
    // What the checks above name, they name in words; a file they pass must
    // still be, part for part, what Renaksi writes from its signed data.
    if report.problems.is_empty() {
        report.problems.extend(written_by_renaksi(&bytes, &signed));
    }
    Ok((signed, report))
}

/// Parts whose content is not compared: the document properties (title,
/// author, the time of writing) are not printed, and their time makes no
/// two exports alike. They must still be the parts an export has.
const UNCOMPARED: &str = "docProps/";

/// Whether `bytes` is exactly the workbook Renaksi writes from the signed
/// snapshot: the same part names, and for each (but the document
/// properties) the same bytes once decompressed. The workbook is written
/// again with the public key and signature read from the file, on each
/// paper, the one the file's Laporan names first. A problem names the first
/// part that differs.
///
/// Enumerating what a forger may change cannot end (a second shared-strings
/// part named by the relationships, a cell's style, a rich-text run, a
/// chart's title, a merged cell, a row of no height, a repeated cell); this
/// comparison leaves nothing but what the export writes.
fn written_by_renaksi(bytes: &[u8], signed: &SignedSnapshot) -> Option<String> {
    let received = match unpacked(bytes) {
        Ok(parts) => parts,
        Err(problem) => return Some(problem),
    };
    let named_f4 = received
        .get(REPORT_PART)
        .is_some_and(|xml| contains(xml, PAPER_F4_ATTRIBUTE));
    let papers = if named_f4 {
        [Paper::F4, Paper::A4]
    } else {
        [Paper::A4, Paper::F4]
    };
    let mut first = None;
    for paper in papers {
        let difference = match super::export::signed_workbook_bytes(
            &signed.snapshot,
            &signed.public_key,
            &signed.signature,
            paper,
        )
        .ok()
        .and_then(|written| unpacked(&written).ok())
        {
            Some(written) => first_difference(&received, &written),
            None => Some(
                "Buku kerja laporan ini tidak dapat ditulis ulang dari data yang \
                 ditandatangani, sehingga lembar cetaknya tidak dapat diperiksa."
                    .to_owned(),
            ),
        };
        match difference {
            None => return None,
            Some(problem) => {
                first.get_or_insert(problem);
            }
        }
    }
    // Another version of Renaksi may write the same data otherwise: a
    // genuine report of it is not called changed after its export.
    first.map(|problem| other_version(&signed.snapshot.meta.app_version).unwrap_or(problem))
}

/// Why a report the part-for-part comparison does not match was perhaps
/// written by another version of Renaksi than this one (`recorded`, the
/// version its signed data names): the same version must write and check
/// it. None when it names this version.
fn other_version(recorded: &str) -> Option<String> {
    let this = crate::APP_VERSION;
    let recorded = recorded.trim();
    if recorded == this {
        return None;
    }
    let made_with = if recorded.is_empty() {
        "Laporan ini tidak mencatat versi Renaksi yang membuatnya".to_owned()
    } else {
        format!("Laporan ini dibuat dengan Renaksi {}", quote(recorded))
    };
    Some(format!(
        "{made_with}, sedangkan Bappeda memakai Renaksi {this}; lembar cetaknya tidak sama \
         dengan yang ditulis Renaksi {this} dari data yang ditandatangani, sehingga tidak \
         dapat diperiksa. Gunakan versi Renaksi yang sama: minta OPD memperbarui ke Renaksi \
         {this} (atau Bappeda ke versi OPD) lalu mengekspor ulang laporannya."
    ))
}

/// The Laporan sheet's part, and how it names the F4 paper (Excel's
/// "Folio 8.5 x 13 in", see `print`): only which paper is tried first.
const REPORT_PART: &str = "xl/worksheets/sheet1.xml";
const PAPER_F4_ATTRIBUTE: &[u8] = b"paperSize=\"14\"";

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle)
}

/// Every part of a workbook by name, decompressed. The guard has already
/// bounded what they expand to. A name given twice is a problem: which of
/// the two a reader takes is its own choice.
fn unpacked(bytes: &[u8]) -> std::result::Result<BTreeMap<String, Vec<u8>>, String> {
    let damaged = || crate::workbook::guard::NOT_A_WORKBOOK.to_owned();
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged())?;
    let mut parts = BTreeMap::new();
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).map_err(|_| damaged())?;
        let name = file.name().map_err(|_| damaged())?.into_owned();
        let mut content = Vec::with_capacity(file.size().min(1 << 24) as usize);
        file.read_to_end(&mut content).map_err(|_| damaged())?;
        if let Some(name) = parts.insert(name.clone(), content).map(|_| name) {
            return Err(format!(
                "Bagian {} ada dua kali di dalam berkas, padahal Renaksi menulis setiap bagian \
                 sekali: berkas telah diubah setelah diekspor. {ASK_AGAIN}",
                quote(&name)
            ));
        }
    }
    Ok(parts)
}

/// What Bappeda can do about a file changed after its export.
const ASK_AGAIN: &str = "Minta OPD mengirim berkas hasil ekspor apa adanya.";

/// The first part that is not the one written: one the export does not
/// write, one it writes that is missing, then one whose bytes differ.
fn first_difference(
    received: &BTreeMap<String, Vec<u8>>,
    written: &BTreeMap<String, Vec<u8>>,
) -> Option<String> {
    if let Some(name) = received.keys().find(|name| !written.contains_key(*name)) {
        return Some(format!(
            "Bagian {} tidak ditulis oleh Renaksi untuk data laporan ini: berkas telah diubah \
             setelah diekspor. {ASK_AGAIN}",
            quote(name)
        ));
    }
    if let Some(name) = written.keys().find(|name| !received.contains_key(*name)) {
        return Some(format!(
            "Bagian {} yang ditulis oleh Renaksi tidak ada di berkas ini: berkas telah diubah \
             setelah diekspor. {ASK_AGAIN}",
            quote(name)
        ));
    }
    written
        .iter()
        .find(|(name, bytes)| !name.starts_with(UNCOMPARED) && received[*name] != **bytes)
        .map(|(name, _)| {
            format!(
                "Bagian {} berbeda dari yang ditulis Renaksi untuk data laporan ini: berkas \
                 telah diubah setelah diekspor. {ASK_AGAIN}",
                quote(name)
            )
        })
}

/// What a report file shows a reader, beside its data sheet.
struct Printed {
    sheets: Vec<SheetInfo>,
    inspected: Inspected,
    report: Vec<(u32, u32, Cell)>,
    summary: Vec<(u32, u32, Cell)>,
}

/// The number formats an export writes: whole figures, figures with up to
/// two decimals, percentages, the row number, and the default.
const NUMBER_FORMATS: [&str; 5] = ["General", "0", WHOLE, DECIMAL, PERCENT];

fn assess(signed: &SignedSnapshot, printed: &Printed) -> CheckReport {
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
            quote(&snapshot.meta.opd_code)
        ));
    }
    problems.extend(sheet_order(&printed.sheets));
    problems.extend(number_formats(&printed.inspected));
    let view = ReportView::from_snapshot(snapshot);
    problems.extend(drawings(&printed.inspected, chart_count(&view)));
    problems.extend(hidden_and_page_texts(&printed.inspected, &view));
    problems.extend(notes(&printed.inspected, &view));
    problems.extend(compare_sheet(
        REPORT_SHEET,
        report_cells(&view),
        &printed.report,
    ));
    problems.extend(compare_sheet(
        SUMMARY_SHEET,
        summary_cells(&view),
        &printed.summary,
    ));

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

/// The sheets an export has, in its order: the two printed sheets shown,
/// the data sheet very hidden. Another sheet, another order, a printed sheet
/// hidden (a genuine one behind an impostor) or the data sheet shown is a
/// problem: a reader must see the sheets the checks compared.
fn sheet_order(sheets: &[SheetInfo]) -> Vec<String> {
    let expected = [
        (REPORT_SHEET, Visibility::Visible),
        (SUMMARY_SHEET, Visibility::Visible),
        (DATA_SHEET, Visibility::VeryHidden),
    ];
    let fits = sheets.len() == expected.len()
        && sheets.iter().zip(expected).all(|(s, (name, visibility))| {
            s.worksheet && s.name == name && s.visibility == visibility
        });
    if fits {
        return Vec::new();
    }
    let listed: Vec<String> = sheets
        .iter()
        .take(10)
        .map(|s| {
            let how = match (s.visibility, s.worksheet) {
                (_, false) => " (bukan lembar kerja)",
                (Visibility::Visible, true) => "",
                (Visibility::Hidden, true) => " (tersembunyi)",
                (Visibility::VeryHidden, true) => " (sangat tersembunyi)",
            };
            format!("{}{how}", quote(&s.name))
        })
        .collect();
    vec![format!(
        "Susunan lembar tidak seperti laporan Renaksi: berkas ini berisi lembar {}{}, padahal \
         laporan hanya menampilkan lembar {REPORT_SHEET} lalu {SUMMARY_SHEET} (lembar data \
         tersembunyi). Lembar yang tampil bisa jadi bukan yang diperiksa.",
        listed.join(", "),
        if sheets.len() > 10 { ", …" } else { "" }
    )]
}

/// A number format other than the export's can print any text over a
/// figure (`"100"`, `0"%"`, a date): the cell would show what the data does
/// not say.
fn number_formats(inspected: &Inspected) -> Vec<String> {
    inspected
        .number_formats
        .iter()
        .filter(|f| !NUMBER_FORMATS.contains(&f.as_str()))
        .take(5)
        .map(|f| {
            format!(
                "Format angka {} tidak dipakai oleh laporan Renaksi: format seperti itu dapat \
                 menampilkan angka lain atau teks di atas angka yang tersimpan.",
                quote(f)
            )
        })
        .collect()
}

/// What is drawn over the sheets: the Ringkasan's chart (when the layout
/// draws one) and the notes of the Laporan, nothing else. A shape, text box
/// or picture can cover a cell with another figure; a chart with figures of
/// its own draws what no cell says.
fn drawings(inspected: &Inspected, charts: u64) -> Vec<String> {
    let mut problems = Vec::new();
    if inspected.drawn_objects > 0
        || inspected.graphic_frames > charts
        || inspected.vml_text_boxes > inspected.vml_notes
    {
        problems.push(
            "Berkas berisi gambar, kotak teks atau grafik yang tidak dibuat oleh Renaksi; benda \
             seperti itu dapat menutupi atau mengganti angka pada lembar laporan."
                .to_owned(),
        );
    }
    if inspected.sheet_extras > 0 {
        problems.push(
            "Berkas berisi tautan, format bersyarat, validasi data, gambar latar atau objek \
             sisipan yang tidak dibuat oleh Renaksi; isi seperti itu dapat mengubah tampilan \
             laporan atau membuka alamat lain."
                .to_owned(),
        );
    }
    problems
}

/// Nothing of the printed sheets is hidden (no row, no column but the
/// Ringkasan's chart data), and every page header and footer is the one the
/// layout writes: a row hidden drops a line of the table from the print, a
/// header can print a word on every page.
fn hidden_and_page_texts(inspected: &Inspected, view: &ReportView) -> Vec<String> {
    let mut problems = Vec::new();
    if inspected.too_many {
        problems.push(
            "Berkas berisi terlalu banyak catatan sel, kepala atau kaki halaman, atau kolom \
             tersembunyi untuk sebuah laporan."
                .to_owned(),
        );
    }
    let allowed = hidden_columns();
    if inspected.hidden_rows > 0
        || inspected
            .hidden_columns
            .iter()
            .any(|range| !allowed.contains(range))
    {
        problems.push(
            "Ada baris atau kolom yang disembunyikan pada lembar laporan; laporan Renaksi \
             tidak menyembunyikan isi lembarnya."
                .to_owned(),
        );
    }
    let mut expected = defined_names(view);
    let mut found = inspected.defined_names.clone();
    expected.sort();
    found.sort();
    if found != expected {
        let shown: Vec<String> = found
            .iter()
            .filter(|name| !expected.contains(name))
            .take(3)
            .map(|(_, formula)| quote(formula))
            .collect();
        problems.push(format!(
            "Area cetak atau nama rentang berbeda dari yang dibuat Renaksi{}; sebagian tabel \
             bisa tidak ikut tercetak.",
            if shown.is_empty() {
                String::new()
            } else {
                format!(" ({})", shown.join(", "))
            }
        ));
    }
    let footer = crate::workbook::print::footer(&view.opd_code);
    if let Some(other) = inspected.headers_footers.iter().find(|t| **t != footer) {
        problems.push(format!(
            "Kepala atau kaki halaman berbunyi {}, padahal laporan hanya mencetak {}.",
            quote(other),
            quote(&footer)
        ));
    }
    problems
}

/// The cell notes are the layout's: the reason a capaian has no figure, on
/// its cell; no other note, no other text.
fn notes(inspected: &Inspected, view: &ReportView) -> Vec<String> {
    let mut expected = report_notes(view);
    let mut found = inspected.notes.clone();
    expected.sort();
    found.sort();
    if expected == found {
        return Vec::new();
    }
    let differs = found
        .iter()
        .find(|note| !expected.contains(note))
        .map(|(cell, text)| {
            let want = expected.iter().find(|(c, _)| c == cell);
            match want {
                Some((_, want)) => format!(
                    "Catatan pada sel {} berbunyi {}, padahal data laporan berisi {}.",
                    quote(cell),
                    quote(text),
                    quote(want)
                ),
                None => format!(
                    "Catatan pada sel {} berbunyi {}, padahal laporan tidak memberi catatan di \
                     sana.",
                    quote(cell),
                    quote(text)
                ),
            }
        });
    vec![differs.unwrap_or_else(|| {
        "Catatan sel pada lembar laporan tidak sama dengan yang dibuat Renaksi dari datanya."
            .to_owned()
    })]
}

/// Most cells that hold something where the layout writes nothing, listed
/// one by one (the rest are counted).
const EXTRA_CELLS_LISTED: usize = 10;

/// Differences between a printed sheet and the cells the layout writes from
/// the signed data: each expected cell, then every other cell that holds
/// something.
fn compare_sheet(
    sheet: &str,
    expected: Vec<(u32, u32, TableCell)>,
    visible: &[(u32, u32, Cell)],
) -> Vec<String> {
    // By position, the first cell of each (a file may repeat one): a lookup
    // per expected cell, not a search through every visible cell.
    let mut at: HashMap<(u32, u32), &Cell> = HashMap::with_capacity(visible.len());
    for (r, c, cell) in visible {
        at.entry((*r, *c)).or_insert(cell);
    }
    let mut problems = Vec::new();
    let mut written = std::collections::HashSet::with_capacity(expected.len());
    for (r, c, want) in &expected {
        written.insert((*r, *c));
        let got = at.get(&(*r, *c)).copied().unwrap_or(&Cell::Empty);
        if !same(got, want) {
            problems.push(format!(
                "Sel {} pada lembar {sheet} berbunyi {}, padahal data laporan berisi {}.",
                cell_name(*r, *c),
                show(got),
                show_expected(want)
            ));
        }
    }
    let mut extra: Vec<(u32, u32, &Cell)> = visible
        .iter()
        .filter(|(r, c, cell)| !written.contains(&(*r, *c)) && !same(cell, &TableCell::Empty))
        .map(|(r, c, cell)| (*r, *c, cell))
        .collect();
    extra.sort_by_key(|(r, c, _)| (*r, *c));
    for (r, c, cell) in extra.iter().take(EXTRA_CELLS_LISTED) {
        problems.push(format!(
            "Sel {} pada lembar {sheet} berisi {}, padahal laporan tidak mencetak apa pun di sana.",
            cell_name(*r, *c),
            show(cell)
        ));
    }
    if extra.len() > EXTRA_CELLS_LISTED {
        problems.push(format!(
            "Masih ada {} sel lain pada lembar {sheet} yang berisi sesuatu, padahal laporan \
             tidak mencetak apa pun di sana.",
            extra.len() - EXTRA_CELLS_LISTED
        ));
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
        Cell::Text(t) => quote(t),
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
