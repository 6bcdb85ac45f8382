//! The first look at a workbook that came from elsewhere, before calamine
//! parses anything. A crafted .xlsx can ask its reader for far more memory and
//! time than its size suggests: a zip bomb, a part whose recorded size lies, a
//! shared-string table announcing billions of entries (calamine reserves room
//! for `uniqueCount` up front), a style table whose every cell format copies a
//! huge font name, cell addresses that overflow calamine's arithmetic, a shared
//! formula index that sizes a table. [`inspect`] refuses such files from the
//! zip's directory and from one bounded pass over every part.
//!
//! The pass reads each part through `take(declared size + 1)` and tokenises it
//! with quick-xml, the version and settings calamine uses, so it sees every
//! element calamine will see and no lying header makes it read more than the
//! caps. Parts are scanned whatever their names, because the workbook's own
//! relationships decide which part calamine reads as a sheet. The bounds
//! themselves are in [`limits`](super::limits).

use std::collections::{BTreeSet, HashSet};
use std::io::{self, BufReader, Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use xlsx_zip::{CompressionMethod, ZipArchive};

use super::limits::*;
use super::plain::{PartReader, Plain};
use crate::{Error, Result};

const MB: u64 = 1024 * 1024;

/// Excel's own grid (1-based): an address outside it is malformed.
const EXCEL_ROWS: u32 = 1_048_576;
const EXCEL_COLUMNS: u32 = 16_384;

/// The message for anything that is not a readable .xlsx.
pub const NOT_A_WORKBOOK: &str = "Berkas ini bukan buku kerja Excel (.xlsx) yang dapat dibaca.";
const DAMAGED: &str =
    "Berkas ini bukan buku kerja Excel (.xlsx) yang dapat dibaca: sebagian isinya rusak.";
const OLD_OR_LOCKED: &str = "Berkas ini bukan buku kerja Excel (.xlsx) yang dapat dibaca: \
     berkas berformat Excel lama (.xls) atau dilindungi kata sandi.";
const ZIP_BOMB: &str = "Berkas ditolak: isinya mengembang terlalu besar (bom zip).";
const LYING_SIZE: &str =
    "Berkas ditolak: isinya mengembang melebihi ukuran yang tercatat (bom zip).";
const ZIP64: &str =
    "Berkas ditolak: susunan zip-nya (zip64) tidak pernah dipakai oleh laporan Renaksi.";
const ENCRYPTED: &str = "Berkas ditolak: sebagian isinya terenkripsi atau dilindungi kata sandi.";
const COMPRESSION: &str = "Berkas ditolak: isinya dipadatkan dengan cara yang tidak dikenal.";
const SHARED_STRINGS: &str = "Berkas ditolak: terlalu banyak teks bersama (sharedStrings).";
const STYLES: &str = "Berkas ditolak: daftar gaya sel (styles) terlalu besar atau tidak wajar.";
const SHEET_TOO_BIG: &str =
    "Berkas ditolak: salah satu lembarnya terlalu besar untuk sebuah laporan.";
const SHARED_FORMULA: &str =
    "Berkas ditolak: salah satu lembarnya memuat rumus bersama yang tidak wajar.";

/// The ZIP signature every .xlsx starts with (a local file header).
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
/// The signature of an OLE compound file: old .xls, or an .xlsx encrypted with a password.
const CFB_MAGIC: &[u8] = &[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

fn refused(why: impl Into<String>) -> Error {
    Error::invalid("file", why)
}

/// What the pass over a workbook's parts saw, for the checks of a
/// particular workbook (the guard itself refuses none of it).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Inspected {
    /// Every number format the workbook may show a figure with: the code of
    /// each custom format (`numFmt`, in the style sheet, a conditional
    /// format or a chart), and each built-in one a cell format (`xf`) names,
    /// as its code ("General", "0", "0.00", "#,##0", "#,##0.00") or, past
    /// those, as "format bawaan N". Codes are as written in the XML.
    pub number_formats: BTreeSet<String>,
    /// Drawn objects that can lie over a sheet's cells: shapes and text boxes
    /// (also on a chart), pictures, and charts' literal (not cell) data.
    pub drawn_objects: u64,
    /// Frames holding a chart (or another graphic) on a sheet.
    pub graphic_frames: u64,
    /// Legacy (VML) text boxes, and the cell notes among them.
    pub vml_text_boxes: u64,
    pub vml_notes: u64,
    /// What a sheet may carry beside its cells and drawings: links, formats
    /// on a condition, data validations, a background picture, embedded
    /// objects and controls, pictures in page headers.
    pub sheet_extras: u64,
    /// Rows hidden or of no height, in any sheet.
    pub hidden_rows: u64,
    /// Column ranges hidden or of no width, in any sheet, as "6-7" (1-based).
    pub hidden_columns: BTreeSet<String>,
    /// The text of every page header and footer, in any sheet.
    pub headers_footers: Vec<String>,
    /// Every cell note (comment) as its cell ("Q8") and text, in any sheet.
    pub notes: Vec<(String, String)>,
    /// Every defined name as its name and sheet index ("_xlnm.Print_Area 0")
    /// and its formula ("Laporan!$A$1:$W$19").
    pub defined_names: Vec<(String, String)>,
    /// True when there were more notes, headers and footers or hidden
    /// column ranges than are kept above ([`MAX_NOTES`] and a few dozen).
    pub too_many: bool,
}

/// Refuses a workbook that could make reading it exceed the time and memory
/// budget, or that is no workbook at all. Reads nothing but `bytes`.
pub fn inspect(bytes: &[u8]) -> Result<Inspected> {
    inspect_reading(bytes).map(|(inspected, _)| inspected)
}

/// [`inspect`], also keeping the cells of a plain workbook's sheets from the
/// same pass ([`plain`](super::plain)), so they are tokenised once.
pub(crate) fn inspect_reading(bytes: &[u8]) -> Result<(Inspected, Plain)> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(refused(format!(
            "Berkas terlalu besar untuk sebuah laporan (lebih dari {} MB).",
            MAX_FILE_BYTES / MB
        )));
    }
    if bytes.starts_with(CFB_MAGIC) {
        return Err(refused(OLD_OR_LOCKED));
    }
    // Data before the first header (self-extracting archives, polyglot files)
    // is refused: an .xlsx starts with its first part.
    if !bytes.starts_with(ZIP_MAGIC) {
        return Err(refused(NOT_A_WORKBOOK));
    }
    if zip64(bytes) {
        return Err(refused(ZIP64));
    }
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| refused(NOT_A_WORKBOOK))?;
    let mut formats = Formats::default();
    let mut plain = Plain::default();
    for part in directory(&mut archive)? {
        let file = archive.by_index(part.index).map_err(|_| refused(DAMAGED))?;
        let reader = plain.reader(&part.key);
        scan_part_reading(file, part.declared, part.styles, &mut formats, reader)?;
    }
    Ok((formats.seen(), plain))
}

/// Local names of the DrawingML and chart elements counted as drawn objects.
const DRAWN: [&str; 9] = [
    "sp",
    "pic",
    "grpSp",
    "cxnSp",
    "contentPart",
    "relSizeAnchor",
    "absSizeAnchor",
    "numLit",
    "strLit",
];

/// The number formats met in the parts, counted by [`Rules`].
#[derive(Default)]
struct Formats {
    /// The code of every custom format.
    codes: BTreeSet<String>,
    /// The ids of the style sheets' custom formats.
    custom: HashSet<String>,
    /// The `numFmtId` of every cell format (`xf`) in a style sheet.
    used: HashSet<String>,
    drawn_objects: u64,
    graphic_frames: u64,
    vml_text_boxes: u64,
    vml_notes: u64,
    sheet_extras: u64,
    hidden_rows: u64,
    hidden_columns: BTreeSet<String>,
    headers_footers: Vec<String>,
    notes: Vec<(String, String)>,
    defined_names: Vec<(String, String)>,
    too_many: bool,
}

impl Formats {
    fn seen(self) -> Inspected {
        let mut number_formats = self.codes;
        for id in self.used {
            if self.custom.contains(&id) {
                continue;
            }
            number_formats.insert(match id.as_str() {
                "0" => "General".to_owned(),
                "1" => "0".to_owned(),
                "2" => "0.00".to_owned(),
                "3" => "#,##0".to_owned(),
                "4" => "#,##0.00".to_owned(),
                other => format!("format bawaan {}", shown(other)),
            });
        }
        Inspected {
            number_formats,
            drawn_objects: self.drawn_objects,
            graphic_frames: self.graphic_frames,
            vml_text_boxes: self.vml_text_boxes,
            vml_notes: self.vml_notes,
            sheet_extras: self.sheet_extras,
            hidden_rows: self.hidden_rows,
            hidden_columns: self.hidden_columns,
            headers_footers: self.headers_footers,
            notes: self.notes,
            defined_names: self.defined_names,
            too_many: self.too_many,
        }
    }
}

/// Whether any end-of-directory record in the file (the zip reader tries every
/// one it finds) points on to a zip64 directory: a report is far too small to
/// need one, and its 64-bit counts and offsets are a bomb's favourite lies.
fn zip64(bytes: &[u8]) -> bool {
    const END: &[u8] = b"PK\x05\x06";
    let u16_at = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]);
    let u32_at =
        |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    bytes
        .windows(22)
        .enumerate()
        .filter(|(_, record)| record.starts_with(END))
        .any(|(at, _)| {
            u16_at(at + 8) == u16::MAX
                || u16_at(at + 10) == u16::MAX
                || u32_at(at + 12) == u32::MAX
                || u32_at(at + 16) == u32::MAX
        })
}

/// A part to scan, as the zip's central directory describes it.
struct Part {
    index: usize,
    /// Its name as calamine looks it up (lower case, `/`).
    key: String,
    declared: u64,
    styles: bool,
}

/// Checks what the central directory says, before unpacking anything.
fn directory(archive: &mut ZipArchive<Cursor<&[u8]>>) -> Result<Vec<Part>> {
    if archive.len() > MAX_ENTRIES {
        return Err(refused(format!(
            "Berkas ditolak: isinya terdiri atas terlalu banyak bagian ({} bagian; paling banyak \
             {MAX_ENTRIES}).",
            archive.len()
        )));
    }
    let mut parts = Vec::with_capacity(archive.len());
    let mut seen = HashSet::new();
    let mut total = 0u64;
    for index in 0..archive.len() {
        let file = archive
            .by_index_raw(index)
            .map_err(|_| refused(NOT_A_WORKBOOK))?;
        let name = file
            .name()
            .map_err(|_| refused(NOT_A_WORKBOOK))?
            .into_owned();
        check_name(&name)?;
        if file.encrypted() {
            return Err(refused(ENCRYPTED));
        }
        if !matches!(
            file.compression(),
            CompressionMethod::Stored | CompressionMethod::Deflated
        ) {
            return Err(refused(COMPRESSION));
        }
        // calamine finds parts by this key (case and slash direction ignored).
        let key = name.replace('\\', "/").to_ascii_lowercase();
        if !seen.insert(key.clone()) {
            return Err(refused(format!(
                "Berkas ditolak: bagian \"{}\" muncul dua kali.",
                shown(&name)
            )));
        }
        total = check_sizes(file.size(), file.compressed_size(), total)?;
        parts.push(Part {
            index,
            declared: file.size(),
            styles: key.rsplit('/').next() == Some("styles.xml"),
            key,
        });
    }
    Ok(parts)
}

/// Refuses a part by its declared sizes; returns the running total.
fn check_sizes(size: u64, packed: u64, total: u64) -> Result<u64> {
    let total = total.saturating_add(size);
    if size > MAX_ENTRY_BYTES
        || total > MAX_TOTAL_BYTES
        || (size > RATIO_FLOOR && size > packed.saturating_mul(MAX_RATIO))
    {
        return Err(refused(ZIP_BOMB));
    }
    Ok(total)
}

/// Part names are relative paths inside the package: no `..`, no absolute or
/// drive paths, no control characters.
fn check_name(name: &str) -> Result<()> {
    let bad = name.is_empty()
        || name.starts_with('/')
        || name.starts_with('\\')
        || name.contains(':')
        || name.chars().any(char::is_control)
        || name.split(['/', '\\']).any(|part| part == "..");
    if bad {
        return Err(refused(format!(
            "Berkas ditolak: nama bagian \"{}\" tidak wajar.",
            shown(name)
        )));
    }
    Ok(())
}

/// A name as it can be shown in a message: printable and short.
fn shown(name: &str) -> String {
    name.chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .take(80)
        .collect()
}

/// Counts what passes through it.
struct Counted<R> {
    inner: R,
    read: u64,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read += n as u64;
        Ok(n)
    }
}

/// Reads one unpacked part (at most `declared + 1` bytes of it) and refuses it
/// when it unpacks to more than declared or holds what calamine must not read.
#[cfg(test)]
fn scan_part(part: impl Read, declared: u64, styles: bool, formats: &mut Formats) -> Result<()> {
    scan_part_reading(part, declared, styles, formats, None)
}

/// [`scan_part`], handing every event to `reader` too.
fn scan_part_reading(
    part: impl Read,
    declared: u64,
    styles: bool,
    formats: &mut Formats,
    mut reader: Option<PartReader>,
) -> Result<()> {
    let mut broken = false;
    let mut counted = Counted {
        inner: part.take(declared.saturating_add(1)),
        read: 0,
    };
    {
        let mut xml = quick_xml::Reader::from_reader(BufReader::new(&mut counted));
        // calamine's settings (xlsx::xml_reader): the same events, the same errors.
        let config = xml.config_mut();
        config.check_end_names = false;
        config.trim_text(false);
        config.check_comments = false;
        config.expand_empty_elements = true;
        let mut rules = Rules::new(styles, formats);
        let mut buf = Vec::new();
        loop {
            buf.clear();
            let event = xml.read_event_into(&mut buf);
            if let (Some(reader), Ok(event)) = (reader.as_mut(), &event) {
                reader.event(event);
            }
            match event {
                Ok(Event::Start(e) | Event::Empty(e)) => rules.element(&e)?,
                // Text is decoded only inside a page header or footer.
                Ok(Event::Text(t)) if rules.reading_text() => rules.text(&t.xml10_content()),
                Ok(Event::CData(t)) if rules.reading_text() => rules.text(&t),
                Ok(Event::GeneralRef(r)) if rules.reading_text() => {
                    rules.text(&match r.resolve_char_ref() {
                        Ok(Some(c)) => c.to_string(),
                        _ => match &*r.xml10_content() {
                            "amp" => "&".to_owned(),
                            "lt" => "<".to_owned(),
                            "gt" => ">".to_owned(),
                            "quot" => "\"".to_owned(),
                            "apos" => "'".to_owned(),
                            other => format!("&{other};"),
                        },
                    })
                }
                Ok(Event::End(e)) => rules.end(e.local_name().as_ref()),
                Ok(Event::Eof) => break,
                Ok(_) => {}
                Err(quick_xml::Error::Io(e)) => return Err(unreadable(&e)),
                // Not XML (an image), or broken XML: calamine stops reading
                // it at this very point too.
                Err(_) => {
                    broken = true;
                    break;
                }
            }
        }
    }
    io::copy(&mut counted, &mut io::sink()).map_err(|e| unreadable(&e))?;
    if counted.read > declared {
        return Err(refused(LYING_SIZE));
    }
    if let Some(reader) = reader {
        reader.finish(broken);
    }
    Ok(())
}

/// A part that could not be unpacked. The zip reader stops a part at its
/// declared size by itself (`take` above makes sure of it all the same) and
/// says so only in its error's text.
fn unreadable(e: &io::Error) -> Error {
    if e.to_string().contains("larger than its declared") {
        refused(LYING_SIZE)
    } else {
        refused(DAMAGED)
    }
}

/// Local names of a worksheet's elements counted as sheet extras.
const SHEET_EXTRAS: [&str; 8] = [
    "hyperlink",
    "threadedComment",
    "conditionalFormatting",
    "dataValidation",
    "picture",
    "oleObject",
    "control",
    "legacyDrawingHF",
];

/// Most page headers and footers kept, and most characters kept of each.
const MAX_HEADERS_FOOTERS: usize = 64;
const MAX_HEADER_FOOTER_CHARS: usize = 512;
/// Most cell notes kept (a report has at most one per table row), and most
/// characters kept of each.
pub const MAX_NOTES: usize = 5_000;
const MAX_NOTE_CHARS: usize = 2_048;

/// Text being read: a page header or footer, or the note of a cell.
enum Reading {
    HeaderFooter,
    Note(String),
    DefinedName(String),
}

/// Elements holding a page header or footer's text.
const HEADER_FOOTER: [&str; 6] = [
    "oddHeader",
    "oddFooter",
    "evenHeader",
    "evenFooter",
    "firstHeader",
    "firstFooter",
];

/// What one part may hold, counted element by element.
struct Rules<'f> {
    styles: bool,
    formats: &'f mut Formats,
    /// The text being read, and what it is.
    reading: Option<(Reading, String)>,
    /// Characters kept of that text: counted, not recounted per event, so a
    /// flood of tiny text events past the cap costs nothing each.
    kept_chars: usize,
    shared_strings: u64,
    style_records: u64,
    rows: u64,
    cells: u64,
}

impl<'f> Rules<'f> {
    fn new(styles: bool, formats: &'f mut Formats) -> Rules<'f> {
        Rules {
            styles,
            formats,
            reading: None,
            kept_chars: 0,
            shared_strings: 0,
            style_records: 0,
            rows: 0,
            cells: 0,
        }
    }

    fn reading_text(&self) -> bool {
        self.reading.is_some()
    }

    /// Text inside an element: kept while a header, footer or note is read.
    fn text(&mut self, text: &str) {
        if let Some((reading, kept)) = &mut self.reading {
            let max = match reading {
                Reading::HeaderFooter | Reading::DefinedName(_) => MAX_HEADER_FOOTER_CHARS,
                Reading::Note(_) => MAX_NOTE_CHARS,
            };
            let room = max.saturating_sub(self.kept_chars);
            if room == 0 {
                return;
            }
            let before = kept.len();
            kept.extend(text.chars().take(room));
            self.kept_chars += kept[before..].chars().count();
        }
    }

    fn end(&mut self, name: &str) {
        let done = match &self.reading {
            Some((Reading::HeaderFooter, _)) => HEADER_FOOTER.contains(&name),
            Some((Reading::Note(_), _)) => name == "comment",
            Some((Reading::DefinedName(_), _)) => name == "definedName",
            None => false,
        };
        if !done {
            return;
        }
        let formats = &mut *self.formats;
        match self.reading.take() {
            Some((Reading::HeaderFooter, text)) => {
                if formats.headers_footers.len() < MAX_HEADERS_FOOTERS {
                    formats.headers_footers.push(text);
                } else {
                    formats.too_many = true;
                }
            }
            Some((Reading::DefinedName(key), text)) => {
                if formats.defined_names.len() < MAX_HEADERS_FOOTERS {
                    formats.defined_names.push((key, text));
                } else {
                    formats.too_many = true;
                }
            }
            Some((Reading::Note(cell), text)) => {
                if formats.notes.len() < MAX_NOTES {
                    formats.notes.push((cell, text));
                } else {
                    formats.too_many = true;
                }
            }
            None => {}
        }
    }

    fn element(&mut self, e: &BytesStart) -> Result<()> {
        let name = e.local_name();
        let name = name.as_ref();
        // A style sheet is one whatever its part's name (the workbook's
        // relationships say which part is read as one).
        if name == "styleSheet" {
            self.styles = true;
        }
        // Bounded like the style records: a part holding more is refused below.
        let room = |set_len: usize| set_len < MAX_STYLE_RECORDS as usize;
        if name == "numFmt" && room(self.formats.codes.len()) {
            let code = attribute(e, "formatCode").next().unwrap_or("");
            let code = quick_xml::escape::unescape(code).unwrap_or(code.into());
            self.formats.codes.insert(shown(&code));
            if self.styles && room(self.formats.custom.len()) {
                let id = attribute(e, "numFmtId").next().unwrap_or("");
                self.formats.custom.insert(id.to_owned());
            }
        }
        let formats = &mut *self.formats;
        match name {
            _ if DRAWN.contains(&name) => formats.drawn_objects += 1,
            "graphicFrame" => formats.graphic_frames += 1,
            _ if SHEET_EXTRAS.contains(&name) => formats.sheet_extras += 1,
            _ if HEADER_FOOTER.contains(&name) => {
                self.reading = Some((Reading::HeaderFooter, String::new()));
                self.kept_chars = 0;
            }
            "comment" => {
                let cell = shown(attribute(e, "ref").next().unwrap_or(""));
                self.reading = Some((Reading::Note(cell), String::new()));
                self.kept_chars = 0;
            }
            "definedName" => {
                let key = format!(
                    "{} {}",
                    shown(attribute(e, "name").next().unwrap_or("")),
                    shown(attribute(e, "localSheetId").next().unwrap_or(""))
                );
                self.reading = Some((Reading::DefinedName(key), String::new()));
                self.kept_chars = 0;
            }
            "row" if attribute(e, "hidden").any(truthy) || attribute(e, "ht").any(zero) => {
                formats.hidden_rows += 1
            }
            "col" if attribute(e, "hidden").any(truthy) || attribute(e, "width").any(zero) => {
                if formats.hidden_columns.len() >= MAX_HEADERS_FOOTERS {
                    formats.too_many = true;
                } else {
                    let min = attribute(e, "min").next().unwrap_or("");
                    let max = attribute(e, "max").next().unwrap_or("");
                    formats
                        .hidden_columns
                        .insert(format!("{}-{}", shown(min), shown(max)));
                }
            }
            "textbox" => formats.vml_text_boxes += 1,
            "ClientData" if attribute(e, "ObjectType").any(|t| t == "Note") => {
                formats.vml_notes += 1
            }
            _ => {}
        }
        if self.styles && name == "xf" && room(self.formats.used.len()) {
            let id = attribute(e, "numFmtId").next().unwrap_or("0");
            self.formats.used.insert(id.to_owned());
        }
        if self.styles {
            if matches!(name, "xf" | "font" | "fill" | "border" | "numFmt" | "dxf") {
                self.style_records += 1;
            }
            if self.style_records > MAX_STYLE_RECORDS
                || attributes(e).any(|(_, value)| value.len() > MAX_STYLE_ATTRIBUTE_BYTES)
            {
                return Err(refused(STYLES));
            }
        }
        match name {
            "sst" => {
                for value in attribute(e, "count").chain(attribute(e, "uniqueCount")) {
                    if number(value).is_none_or(|n| n > MAX_SHARED_STRINGS) {
                        return Err(refused(SHARED_STRINGS));
                    }
                }
            }
            "si" => {
                self.shared_strings += 1;
                if self.shared_strings > MAX_SHARED_STRINGS {
                    return Err(refused(SHARED_STRINGS));
                }
            }
            "dimension" => {
                for value in attribute(e, "ref") {
                    let (_, end) = range(value).ok_or_else(|| bad_address(value))?;
                    if end.0 > MAX_ROW || end.1 > MAX_COL {
                        return Err(refused(format!(
                            "Berkas ditolak: salah satu lembarnya menyatakan ukuran {}, terlalu \
                             besar untuk sebuah laporan.",
                            shown(value)
                        )));
                    }
                }
            }
            "row" => {
                self.rows += 1;
                if self.rows > u64::from(MAX_ROW) + 1 {
                    return Err(refused(SHEET_TOO_BIG));
                }
                for value in attribute(e, "r") {
                    if !number(value).is_some_and(|r| (1..=u64::from(EXCEL_ROWS)).contains(&r)) {
                        return Err(bad_address(value));
                    }
                }
            }
            "c" => {
                self.cells += 1;
                if self.cells > MAX_CELLS as u64 {
                    return Err(refused(SHEET_TOO_BIG));
                }
                for value in attribute(e, "r") {
                    cell(value).ok_or_else(|| bad_address(value))?;
                }
            }
            "f" => {
                for value in attribute(e, "si") {
                    if number(value).is_none_or(|si| si > MAX_SHARED_FORMULA_INDEX) {
                        return Err(refused(SHARED_FORMULA));
                    }
                }
                for value in attribute(e, "ref") {
                    range(value).ok_or_else(|| bad_address(value))?;
                }
            }
            "mergeCell" => {
                for value in attribute(e, "ref") {
                    range(value).ok_or_else(|| bad_address(value))?;
                }
            }
            _ => {}
        }
        Ok(())
    }
}

/// An XML boolean that is true.
fn truthy(value: &str) -> bool {
    matches!(value.trim(), "1" | "true")
}

/// A number that is zero (a height or width).
fn zero(value: &str) -> bool {
    value.trim().parse::<f64>().is_ok_and(|v| v == 0.0)
}

fn bad_address(value: &str) -> Error {
    refused(format!(
        "Berkas ditolak: alamat sel \"{}\" tidak wajar.",
        shown(value)
    ))
}

/// The element's attributes as calamine reads them (`attrs::RawAttrIter`):
/// raw key and raw value, stopping at the first malformed one, where calamine
/// stops with an error too.
pub(super) fn attributes<'a>(e: &'a BytesStart) -> impl Iterator<Item = (&'a str, &'a str)> {
    let raw = e.attributes_raw();
    let bytes = raw.as_bytes();
    let mut pos = 0;
    std::iter::from_fn(move || {
        while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let key_start = pos;
        while pos < bytes.len() && bytes[pos] != b'=' {
            pos += 1;
        }
        if pos >= bytes.len() {
            return None;
        }
        let key = raw[key_start..pos].trim_ascii();
        pos += 1;
        while pos < bytes.len() && bytes[pos].is_ascii_whitespace() {
            pos += 1;
        }
        let Some(&quote) = bytes.get(pos).filter(|q| matches!(q, b'"' | b'\'')) else {
            pos = bytes.len();
            return None;
        };
        pos += 1;
        let value_start = pos;
        while pos < bytes.len() && bytes[pos] != quote {
            pos += 1;
        }
        let value = &raw[value_start..pos];
        pos = (pos + 1).min(bytes.len());
        Some((key, value))
    })
}

/// Every value of the attribute `name`, with or without a namespace prefix.
fn attribute<'a>(e: &'a BytesStart, name: &'a str) -> impl Iterator<Item = &'a str> {
    attributes(e)
        .filter(move |(key, _)| {
            *key == name
                || key
                    .strip_suffix(name)
                    .is_some_and(|prefix| prefix.ends_with(':'))
        })
        .map(|(_, value)| value)
}

/// A plain decimal number.
fn number(text: &str) -> Option<u64> {
    if text.is_empty() || text.len() > 19 || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    text.parse().ok()
}

/// "B12" as 0-based (row, column), when it lies on Excel's grid.
pub(super) fn cell(text: &str) -> Option<(u32, u32)> {
    let letters = text.bytes().take_while(u8::is_ascii_alphabetic).count();
    if !(1..=3).contains(&letters) {
        return None;
    }
    let column = text.as_bytes()[..letters].iter().fold(0u32, |n, b| {
        n * 26 + u32::from(b.to_ascii_uppercase() - b'A') + 1
    });
    let row = number(&text[letters..])?;
    if column > EXCEL_COLUMNS || !(1..=u64::from(EXCEL_ROWS)).contains(&row) {
        return None;
    }
    Some((row as u32 - 1, column - 1))
}

/// "A1:C7" (or a single cell) as its 0-based corners, first corner first.
fn range(text: &str) -> Option<((u32, u32), (u32, u32))> {
    let mut corners = text.split(':');
    let start = cell(corners.next()?)?;
    let end = match corners.next() {
        Some(corner) => cell(corner)?,
        None => start,
    };
    if corners.next().is_some() || start.0 > end.0 || start.1 > end.1 {
        return None;
    }
    Some((start, end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message(result: Result<impl std::fmt::Debug>) -> String {
        result.unwrap_err().to_string()
    }

    #[test]
    fn sizes_are_refused_by_entry_total_and_ratio() {
        // Small parts may pack as well as they like.
        assert_eq!(check_sizes(RATIO_FLOOR, 1, 0).unwrap(), RATIO_FLOOR);
        // Above the floor, at most MAX_RATIO times the packed size.
        let size = 10 * MB;
        let least = size.div_ceil(MAX_RATIO);
        assert!(check_sizes(size, least, 0).is_ok());
        assert!(message(check_sizes(size, least - 1, 0)).contains("bom zip"));
        assert!(message(check_sizes(size, 0, 0)).contains("bom zip"));
        // One part too large, however well it packs.
        assert!(check_sizes(MAX_ENTRY_BYTES, MAX_ENTRY_BYTES, 0).is_ok());
        assert!(check_sizes(MAX_ENTRY_BYTES + 1, MAX_ENTRY_BYTES, 0).is_err());
        // The total, also when a header claims u64::MAX.
        assert!(check_sizes(MB, MB, MAX_TOTAL_BYTES - MB).is_ok());
        assert!(check_sizes(MB, MB, MAX_TOTAL_BYTES - MB + 1).is_err());
        assert!(check_sizes(u64::MAX, u64::MAX, u64::MAX).is_err());
    }

    fn scan(xml: &str, styles: bool) -> Result<()> {
        scan_part(
            xml.as_bytes(),
            xml.len() as u64,
            styles,
            &mut Formats::default(),
        )
    }

    #[test]
    fn shared_strings_are_counted_and_declared_counts_capped() {
        let table = |n: u64, attrs: &str| {
            let mut xml = format!("<sst xmlns=\"x\"{attrs}>");
            for _ in 0..n {
                xml.push_str("<si><t>a</t></si>");
            }
            xml + "</sst>"
        };
        assert!(scan(&table(MAX_SHARED_STRINGS, ""), false).is_ok());
        let flood = message(scan(&table(MAX_SHARED_STRINGS + 1, ""), false));
        assert!(flood.contains("sharedStrings"), "{flood}");
        // Self-closing and prefixed elements count too.
        let mut prefixed = String::from("<x:sst xmlns:x=\"x\">");
        for _ in 0..=MAX_SHARED_STRINGS {
            prefixed.push_str("<x:si/>");
        }
        assert!(scan(&prefixed, false).is_err());
        // A declared count over the cap, or one that is no plain number.
        assert!(scan(&table(1, " count=\"1\" uniqueCount=\"200000\""), false).is_ok());
        for attrs in [
            " uniqueCount=\"200001\"",
            " count=\"18446744073709551615\"",
            " uniqueCount=\"99999999999999999999999\"",
            " uniqueCount=\"+5\"",
            " x:uniqueCount=\"900000000\"",
        ] {
            assert!(scan(&table(1, attrs), false).is_err(), "{attrs}");
        }
        // Elements hidden in comments or CDATA are what XML says: not elements.
        let hidden = format!(
            "<sst><!-- {} --><si><t><![CDATA[<si>]]></t></si></sst>",
            "<si/>".repeat(MAX_SHARED_STRINGS as usize + 1)
        );
        assert!(scan(&hidden, false).is_ok());
    }

    #[test]
    fn a_part_that_unpacks_to_more_than_declared_is_refused() {
        let xml = "<sst><si><t>a</t></si></sst>";
        let formats = &mut Formats::default();
        assert!(scan_part(xml.as_bytes(), xml.len() as u64, false, formats).is_ok());
        let lie = message(scan_part(xml.as_bytes(), 5, false, formats));
        assert!(lie.contains("bom zip"), "{lie}");
        // Only declared + 1 bytes are ever read from the part.
        let mut endless = io::repeat(b' ');
        assert!(scan_part(&mut endless, 1000, false, formats).is_err());
    }

    #[test]
    fn addresses_are_checked_against_excel_and_the_report_caps() {
        assert_eq!(cell("A1"), Some((0, 0)));
        assert_eq!(cell("xfd1048576"), Some((1_048_575, 16_383)));
        for bad in [
            "",
            "A",
            "1",
            "A0",
            "XFE1",
            "A1048577",
            "AAAA1",
            "A99999999999",
            "A1 ",
            "A-1",
        ] {
            assert_eq!(cell(bad), None, "{bad}");
        }
        assert_eq!(range("B2:C3"), Some(((1, 1), (2, 2))));
        assert_eq!(range("C3:B2"), None, "reversed ranges overflow calamine");
        assert_eq!(range("A1:B2:C3"), None);

        let sheet = |inner: &str| format!("<worksheet><sheetData>{inner}</sheetData></worksheet>");
        assert!(scan(&sheet("<row r=\"1\"><c r=\"A1\"><v>1</v></c></row>"), false).is_ok());
        assert!(scan(&sheet("<row r=\"4294967296\"/>"), false).is_err());
        assert!(scan(&sheet("<row><c r=\"A4294967297\"/></row>"), false).is_err());
        assert!(scan(
            &sheet("<c r=\"B5\"><f t=\"shared\" si=\"4000000000\" ref=\"B5:B9\"/></c>"),
            false
        )
        .is_err());
        assert!(scan(
            &sheet("<c r=\"B5\"><f t=\"shared\" si=\"0\" ref=\"B9:B5\"/></c>"),
            false
        )
        .is_err());
        let dimension = |r: &str| format!("<worksheet><dimension ref=\"{r}\"/></worksheet>");
        assert!(scan(&dimension("A1:Z500"), false).is_ok());
        let huge = message(scan(&dimension("A1:XFD1048576"), false));
        assert!(huge.contains("A1:XFD1048576"), "{huge}");
        assert!(scan(&dimension("B2:A1"), false).is_err());
        // Rows and cells are counted, with or without addresses.
        let rows = "<row/>".repeat(MAX_ROW as usize + 2);
        assert!(scan(&sheet(&rows), false).is_err());
        let cells = "<c/>".repeat(MAX_CELLS + 1);
        assert!(scan(&sheet(&cells), false).is_err());
    }

    #[test]
    fn styles_are_capped_in_number_and_attribute_length() {
        let styles = |xfs: usize, font: usize| {
            format!(
                "<styleSheet><fonts><font><name val=\"{}\"/></font></fonts><cellXfs>{}</cellXfs></styleSheet>",
                "A".repeat(font),
                "<xf fontId=\"0\"/>".repeat(xfs)
            )
        };
        assert!(scan(&styles(1000, 31), true).is_ok());
        assert!(scan(&styles(MAX_STYLE_RECORDS as usize, 31), true).is_err());
        assert!(scan(&styles(2, MAX_STYLE_ATTRIBUTE_BYTES + 1), true).is_err());
        // A style sheet is one whatever its part is called (the workbook's
        // relationships name it); the same text in another kind of part is
        // none of its business.
        assert!(scan(&styles(2, MAX_STYLE_ATTRIBUTE_BYTES + 1), false).is_err());
        let other = styles(2, MAX_STYLE_ATTRIBUTE_BYTES + 1).replace("styleSheet", "sst");
        assert!(scan(&other, false).is_ok());
    }

    #[test]
    fn number_formats_are_collected_wherever_they_are() {
        let formats = |parts: &[(&str, bool)]| {
            let mut formats = Formats::default();
            for (xml, styles) in parts {
                scan_part(xml.as_bytes(), xml.len() as u64, *styles, &mut formats).unwrap();
            }
            formats
                .seen()
                .number_formats
                .into_iter()
                .collect::<Vec<_>>()
        };
        let styles = "<styleSheet><numFmts><numFmt numFmtId=\"164\" formatCode=\"#,##0.##\"/>\
            <numFmt numFmtId=\"170\" formatCode=\"&quot;100&quot;\"/></numFmts>\
            <cellXfs><xf numFmtId=\"164\"/><xf/><xf numFmtId=\"2\"/><xf numFmtId=\"10\"/></cellXfs>\
            </styleSheet>";
        assert_eq!(
            formats(&[(styles, true)]),
            ["\"100\"", "#,##0.##", "0.00", "General", "format bawaan 10"]
        );
        // Whatever the style sheet's part is called, and in a chart.
        let chart = "<c:chartSpace><c:numFmt formatCode=\"0&quot;%&quot;\"/></c:chartSpace>";
        assert_eq!(
            formats(&[(styles, false), (chart, false)]),
            [
                "\"100\"",
                "#,##0.##",
                "0\"%\"",
                "0.00",
                "General",
                "format bawaan 10"
            ]
        );
    }

    #[test]
    fn page_texts_notes_and_hidden_parts_are_reported() {
        let seen = |xml: &str| {
            let mut formats = Formats::default();
            scan_part(xml.as_bytes(), xml.len() as u64, false, &mut formats).unwrap();
            formats.seen()
        };
        let sheet = seen(
            "<worksheet><cols><col min=\"6\" max=\"7\" width=\"0\" hidden=\"1\"/></cols>\
             <sheetData><row r=\"8\" ht=\"0\"/></sheetData><headerFooter><oddFooter>\
             &amp;LDINKES&amp;C<![CDATA[Halaman]]> &#38;P</oddFooter></headerFooter></worksheet>",
        );
        assert_eq!(sheet.headers_footers, ["&LDINKES&CHalaman &P"]);
        assert_eq!(sheet.hidden_rows, 1);
        assert_eq!(sheet.hidden_columns.iter().collect::<Vec<_>>(), ["6-7"]);
        assert!(!sheet.too_many);
        let notes = seen(
            "<comments><commentList><comment ref=\"Q8\"><text><r><rPr><sz val=\"8\"/></rPr>\
             <t>Belum ada target</t></r></text></comment></commentList></comments>",
        );
        assert_eq!(
            notes.notes,
            [("Q8".to_owned(), "Belum ada target".to_owned())]
        );
        // More than are kept is said, not dropped.
        let many = format!(
            "<worksheet>{}</worksheet>",
            "<headerFooter><oddHeader>x</oddHeader></headerFooter>".repeat(MAX_HEADERS_FOOTERS + 1)
        );
        assert!(seen(&many).too_many);
    }

    #[test]
    fn names_must_stay_inside_the_package() {
        for good in [
            "xl/workbook.xml",
            "[Content_Types].xml",
            "xl/_rels/workbook.xml.rels",
        ] {
            assert!(check_name(good).is_ok(), "{good}");
        }
        for bad in [
            "../evil.xml",
            "xl/../../evil",
            "/etc/passwd",
            "\\evil",
            "C:/evil",
            "xl\\..\\x",
            "a\0b",
            "",
        ] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn what_is_not_a_zip_is_refused_by_its_first_bytes() {
        assert_eq!(
            message(inspect(b"Laporan triwulan, bukan xlsx")),
            NOT_A_WORKBOOK
        );
        assert!(message(inspect(CFB_MAGIC)).contains(".xls"));
        assert_eq!(
            message(inspect(b"PK\x03\x04 and then nothing")),
            NOT_A_WORKBOOK
        );
        assert_eq!(message(inspect(b"")), NOT_A_WORKBOOK);
    }
}
