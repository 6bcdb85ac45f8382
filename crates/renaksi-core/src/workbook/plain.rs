//! The cells of a plain workbook, read in the guard's one pass over its parts
//! (see [`guard::inspect_reading`](super::guard::inspect_reading)), so that
//! calamine need not tokenise the sheets a second time.
//!
//! "Plain" is the narrow form the app's own writer uses: the package points at
//! `xl/workbook.xml`, every cell inside `<sheetData>` has an address and is a
//! number, a shared string or nothing, every shared string is one `<t>`.
//! Whatever is not plain (a formula, an inline or rich string, an Excel
//! `_xHHHH_` escape, a prefixed element, a number in another spelling, more
//! cells than [`MAX_CELLS`] over all sheets) leaves the part, or the whole
//! workbook, to calamine as before: this only ever reads what calamine would
//! read the same way, and refuses nothing itself.

use std::collections::HashMap;

use quick_xml::events::{BytesStart, Event};

use super::limits::MAX_CELLS;

/// A cell as the pass read it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Raw {
    Shared(u32),
    Number(f64),
    Empty,
}

/// What the pass read of the parts that decide a sheet's cells.
#[derive(Debug, Default)]
pub(crate) struct Plain {
    /// Something the narrow form does not cover: calamine reads everything.
    unplain: bool,
    /// Relationship id of the workbook part to (target, type).
    relationships: HashMap<String, (String, String)>,
    /// The workbook's sheets in order: (name, relationship id).
    sheets: Vec<(String, String)>,
    shared: Vec<String>,
    /// The cells of each plain worksheet part, by its key (lower case, `/`).
    cells: HashMap<String, Vec<(u32, u32, Raw)>>,
    held: usize,
}

/// Which of the parts the pass reads for cells.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Kind {
    PackageRelationships,
    WorkbookRelationships,
    Workbook,
    SharedStrings,
    Sheet,
}

impl Plain {
    /// The reader of the part `key` (lower case, `/`), when it is one the
    /// narrow form reads.
    pub(crate) fn reader(&mut self, key: &str) -> Option<PartReader<'_>> {
        let kind = match key {
            "_rels/.rels" => Kind::PackageRelationships,
            "xl/_rels/workbook.xml.rels" => Kind::WorkbookRelationships,
            "xl/workbook.xml" => Kind::Workbook,
            "xl/sharedstrings.xml" => Kind::SharedStrings,
            _ if key.starts_with("xl/worksheets/")
                && key.ends_with(".xml")
                && !key["xl/worksheets/".len()..].contains('/') =>
            {
                Kind::Sheet
            }
            _ => return None,
        };
        if self.unplain {
            return None;
        }
        Some(PartReader {
            plain: self,
            kind,
            key: key.to_owned(),
            ok: true,
            depth: 0,
            in_sheet_data: SheetData::Before,
            cell: None,
            text: None,
            cells: Vec::new(),
            texts: 0,
        })
    }

    /// Whether the sheets the pass read are the ones calamine lists.
    pub(crate) fn confirm_sheets(&mut self, names: &[String]) {
        if self.sheets.len() != names.len()
            || self
                .sheets
                .iter()
                .zip(names)
                .any(|((name, _), n)| name != n)
        {
            self.unplain = true;
        }
    }

    /// The cells of sheet `name` with shared strings resolved, as calamine
    /// would give them; None when calamine must read the sheet.
    pub(crate) fn cells_of(&self, name: &str) -> Option<Vec<(u32, u32, Value<'_>)>> {
        if self.unplain {
            return None;
        }
        let (_, id) = self.sheets.iter().find(|(n, _)| n == name)?;
        let (target, kind) = self.relationships.get(id)?;
        if !kind.ends_with("/worksheet") || target.contains("./") || target.contains('\\') {
            return None;
        }
        let path = match target.strip_prefix('/') {
            Some(absolute) => absolute.to_owned(),
            None => format!("xl/{target}"),
        };
        let raw = self.cells.get(&path.to_ascii_lowercase())?;
        raw.iter()
            .map(|&(row, col, raw)| {
                Some((
                    row,
                    col,
                    match raw {
                        Raw::Shared(i) => Value::Text(self.shared.get(i as usize)?),
                        Raw::Number(n) => Value::Number(n),
                        Raw::Empty => Value::Empty,
                    },
                ))
            })
            .collect()
    }
}

/// A cell's value, its text borrowed from the shared strings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Value<'a> {
    Text(&'a str),
    Number(f64),
    Empty,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum SheetData {
    Before,
    Inside,
    After,
}

/// Reads one part's events as the guard's pass meets them.
pub(crate) struct PartReader<'p> {
    plain: &'p mut Plain,
    kind: Kind,
    key: String,
    ok: bool,
    /// Elements open inside the current `<si>` or `<c>`.
    depth: u32,
    in_sheet_data: SheetData,
    /// The open cell: row, column, whether it is a shared string, its `<v>` text.
    cell: Option<(u32, u32, bool, Option<String>)>,
    /// The text being read (a shared string's `<t>`, a cell's `<v>`), and
    /// whether its spaces are kept.
    text: Option<(String, bool)>,
    cells: Vec<(u32, u32, Raw)>,
    /// `<t>` elements read in the current `<si>`.
    texts: u32,
}

impl PartReader<'_> {
    /// One event of the part, in order.
    pub(crate) fn event(&mut self, event: &Event) {
        if !self.ok {
            return;
        }
        match event {
            Event::Start(e) | Event::Empty(e) => self.start(e),
            Event::End(e) => {
                let name = e.name();
                let local = e.local_name();
                if name.as_ref() != local.as_ref() {
                    self.ok = false;
                    return;
                }
                self.end(local.as_ref());
            }
            Event::Text(t) => {
                if let Some((text, _)) = &mut self.text {
                    // calamine reads a `<v>` by its first text event only.
                    if self.kind == Kind::Sheet && !text.is_empty() {
                        self.ok = false;
                    }
                    text.push_str(&t.xml10_content());
                } else if self.depth > 0
                    && !t.xml10_content().chars().all(|c| c.is_ascii_whitespace())
                {
                    self.ok = false;
                }
            }
            Event::GeneralRef(r) => match (self.text.as_mut(), self.kind) {
                (Some((text, _)), Kind::SharedStrings) => match r.resolve_char_ref() {
                    Ok(Some(c)) => text.push(c),
                    Ok(None) => match r.as_ref() {
                        "amp" => text.push('&'),
                        "lt" => text.push('<'),
                        "gt" => text.push('>'),
                        "quot" => text.push('"'),
                        "apos" => text.push('\''),
                        _ => self.ok = false,
                    },
                    Err(_) => self.ok = false,
                },
                (Some(_), _) => self.ok = false,
                _ if self.depth > 0 => self.ok = false,
                _ => {}
            },
            // A comment or processing instruction splits a text where
            // calamine may not; CDATA in a `<v>` it reads as nothing.
            Event::CData(_) | Event::Comment(_) | Event::PI(_) | Event::DocType(_)
                if self.depth > 0 =>
            {
                self.ok = false
            }
            _ => {}
        }
    }

    fn start(&mut self, e: &BytesStart) {
        let local = e.local_name();
        let name = local.as_ref();
        // A prefixed element, or an attribute given twice (calamine keeps the
        // last, by local name for a sheet's `r:id`): left to calamine.
        let read = matches!(name, "Relationship" | "sheet" | "c" | "t");
        if e.name().as_ref() != name || (read && repeated_attribute(e)) {
            self.ok = false;
            return;
        }
        match self.kind {
            Kind::PackageRelationships if name == "Relationship" => {
                let kind = attribute(e, "Type").unwrap_or_default();
                let target = attribute(e, "Target").unwrap_or_default();
                if kind.ends_with("/relationships/officeDocument")
                    && !matches!(target, "xl/workbook.xml" | "/xl/workbook.xml")
                {
                    self.ok = false;
                }
            }
            Kind::WorkbookRelationships if name == "Relationship" => {
                let (Some(id), kind, target) = (
                    attribute(e, "Id"),
                    attribute(e, "Type").unwrap_or_default(),
                    attribute(e, "Target").unwrap_or_default(),
                ) else {
                    return;
                };
                if [id, kind, target].iter().any(|v| v.contains('&')) {
                    self.ok = false;
                    return;
                }
                self.plain
                    .relationships
                    .insert(id.to_owned(), (target.to_owned(), kind.to_owned()));
            }
            Kind::Workbook if name == "sheet" => {
                let sheet_name = attribute(e, "name").unwrap_or_default();
                let id = attribute(e, "r:id").unwrap_or_default();
                if sheet_name.contains('&') || sheet_name.contains("_x") || id.contains('&') {
                    self.ok = false;
                    return;
                }
                self.plain
                    .sheets
                    .push((sheet_name.to_owned(), id.to_owned()));
            }
            Kind::SharedStrings => self.start_shared(name, e),
            Kind::Sheet => self.start_sheet(name, e),
            _ => {}
        }
    }

    fn start_shared(&mut self, name: &str, e: &BytesStart) {
        match (name, self.depth) {
            ("si", 0) => {
                self.depth = 1;
                self.texts = 0;
            }
            ("t", 1) if self.texts == 0 => {
                let preserve = match attribute_raw_count(e) {
                    0 => false,
                    1 if attribute(e, "xml:space") == Some("preserve") => true,
                    _ => {
                        self.ok = false;
                        return;
                    }
                };
                self.depth = 2;
                self.texts = 1;
                self.text = Some((String::new(), preserve));
            }
            (_, 0) => {}
            _ => self.ok = false,
        }
    }

    fn start_sheet(&mut self, name: &str, e: &BytesStart) {
        match self.in_sheet_data {
            SheetData::Before if name == "sheetData" => {
                self.in_sheet_data = SheetData::Inside;
                return;
            }
            SheetData::Inside => {}
            _ if name == "sheetData" => self.ok = false,
            _ => return,
        }
        match (name, &self.cell) {
            ("row", None) => {}
            ("c", None) => {
                let mut address = None;
                let mut shared = false;
                for (key, value) in raw_attributes(e) {
                    match (key, value) {
                        ("r", _) => address = super::guard::cell(value),
                        ("s", _) => {}
                        ("t", "s" | "n") => shared = value == "s",
                        _ => {
                            self.ok = false;
                            return;
                        }
                    }
                }
                match address {
                    Some((row, col)) => self.cell = Some((row, col, shared, None)),
                    None => self.ok = false,
                }
            }
            ("v", Some((_, _, _, None))) if self.text.is_none() => {
                self.text = Some((String::new(), true));
            }
            _ => self.ok = false,
        }
        self.depth += u32::from(name != "row");
    }

    fn end(&mut self, name: &str) {
        match self.kind {
            Kind::SharedStrings => match (name, self.depth) {
                ("t", 2) => {
                    self.depth = 1;
                }
                ("si", 1) => {
                    self.depth = 0;
                    let text = match self.text.take() {
                        None => String::new(),
                        Some((text, true)) => text,
                        Some((text, false)) => {
                            text.trim_matches([' ', '\t', '\r', '\n']).to_owned()
                        }
                    };
                    // calamine decodes Excel's `_xHHHH_` escapes: left to it.
                    if text.contains("_x") {
                        self.ok = false;
                    }
                    self.plain.shared.push(text);
                }
                (_, 0) => {}
                _ => self.ok = false,
            },
            Kind::Sheet if self.in_sheet_data == SheetData::Inside => match name {
                "sheetData" => self.in_sheet_data = SheetData::After,
                "row" => {}
                "v" => {
                    self.depth = self.depth.saturating_sub(1);
                    if let (Some((_, _, _, v)), Some((text, _))) =
                        (&mut self.cell, self.text.take())
                    {
                        *v = Some(text);
                    }
                }
                "c" => {
                    self.depth = 0;
                    if let Some((row, col, shared, v)) = self.cell.take() {
                        match raw_value(shared, v.as_deref()) {
                            Some(raw) => self.cells.push((row, col, raw)),
                            None => self.ok = false,
                        }
                        self.plain.held += 1;
                        if self.plain.held > MAX_CELLS {
                            self.ok = false;
                        }
                    }
                }
                _ => self.ok = false,
            },
            _ => {}
        }
    }

    /// The part was read to its end (or to where its XML broke, `broken`).
    pub(crate) fn finish(self, broken: bool) {
        let plain = self.plain;
        if !self.ok || broken || self.depth != 0 || self.cell.is_some() {
            match self.kind {
                // A sheet that is not plain is read by calamine; the others
                // decide every sheet.
                Kind::Sheet => {
                    plain.held -= self.cells.len().min(plain.held);
                }
                _ => plain.unplain = true,
            }
            return;
        }
        if self.kind == Kind::Sheet && self.in_sheet_data != SheetData::Before {
            plain.cells.insert(self.key, self.cells);
        }
        if plain.unplain {
            plain.cells.clear();
            plain.shared.clear();
        }
    }
}

/// A cell's value from its type and `<v>` text, when calamine reads it the
/// same way: a shared string's index in digits, a number in plain decimal
/// notation (both parsers round it alike).
fn raw_value(shared: bool, v: Option<&str>) -> Option<Raw> {
    let Some(v) = v.filter(|v| !v.is_empty()) else {
        return (!shared).then_some(Raw::Empty);
    };
    if shared {
        if v.len() > 9 || !v.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        return v.parse().ok().map(Raw::Shared);
    }
    plain_decimal(v).then(|| v.parse().ok().map(Raw::Number))?
}

/// `-12`, `3.25`, `1.5E-3`: digits with an optional sign, fraction and exponent.
fn plain_decimal(v: &str) -> bool {
    let b = v.as_bytes();
    let mut i = usize::from(b.first() == Some(&b'-'));
    let digits = |i: &mut usize| {
        let start = *i;
        while *i < b.len() && b[*i].is_ascii_digit() {
            *i += 1;
        }
        *i > start
    };
    if !digits(&mut i) {
        return false;
    }
    if b.get(i) == Some(&b'.') {
        i += 1;
        if !digits(&mut i) {
            return false;
        }
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        if !digits(&mut i) {
            return false;
        }
    }
    i == b.len() && b.len() <= 40
}

/// The element's attributes as raw (key, value), as the guard reads them.
fn raw_attributes<'a>(e: &'a BytesStart) -> impl Iterator<Item = (&'a str, &'a str)> {
    super::guard::attributes(e)
}

fn attribute_raw_count(e: &BytesStart) -> usize {
    raw_attributes(e).count()
}

/// Whether two attributes share a local name (`r:id` and `x:id` too).
/// More than a few attributes count as repeated: the elements read here have
/// three at most.
fn repeated_attribute(e: &BytesStart) -> bool {
    let mut seen = [""; 6];
    for (n, (key, _)) in raw_attributes(e).enumerate() {
        let local = key.rsplit(':').next().unwrap_or("");
        if n == seen.len() || seen[..n].contains(&local) {
            return true;
        }
        seen[n] = local;
    }
    false
}

/// The raw value of the attribute named exactly `name`.
fn attribute<'a>(e: &'a BytesStart, name: &str) -> Option<&'a str> {
    raw_attributes(e)
        .find(|(key, _)| *key == name)
        .map(|(_, v)| v)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_decimals_are_read_here() {
        for good in ["0", "-12", "3.25", "1.5E-3", "2e10", "100"] {
            assert!(plain_decimal(good), "{good}");
        }
        for bad in [
            "", "-", "1.", ".5", "+1", "inf", "NaN", "1e", "1 ", "0x10", "1,5",
        ] {
            assert!(!plain_decimal(bad), "{bad}");
        }
        assert_eq!(raw_value(true, Some("12")), Some(Raw::Shared(12)));
        assert_eq!(raw_value(true, None), None);
        assert_eq!(raw_value(false, None), Some(Raw::Empty));
        assert_eq!(raw_value(false, Some("2.5")), Some(Raw::Number(2.5)));
        assert_eq!(raw_value(false, Some("abc")), None);
    }
}
