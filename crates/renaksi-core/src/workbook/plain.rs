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

/// Most shared-string text the pass keeps (calamine keeps its own copy for
/// the life of the book): a report holds far less; a workbook with more is
/// read by calamine alone.
const MAX_SHARED_BYTES: usize = 4 * 1024 * 1024;

/// What the pass read of the parts that decide a sheet's cells.
#[derive(Debug, Default)]
pub(crate) struct Plain {
    /// Something the narrow form does not cover: calamine reads everything.
    unplain: bool,
    /// Relationship id of the workbook part to (target, type).
    relationships: HashMap<String, (String, String)>,
    /// The workbook's sheets in order: (name, relationship id).
    sheets: Vec<(String, String)>,
    /// Every shared string, one after the other, and where each ends.
    shared: String,
    shared_ends: Vec<u32>,
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

impl Kind {
    /// The part's root element, the only one calamine reads in.
    fn root(self) -> &'static str {
        match self {
            Kind::PackageRelationships | Kind::WorkbookRelationships => "Relationships",
            Kind::Workbook => "workbook",
            Kind::SharedStrings => "sst",
            Kind::Sheet => "worksheet",
        }
    }
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
            names: Vec::new(),
            ends: Vec::new(),
            root_done: false,
            sheets_seen: false,
            in_sheet_data: SheetData::Before,
            cell: None,
            text: None,
            si_text: None,
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
            self.unplain();
        }
    }

    fn unplain(&mut self) {
        self.unplain = true;
        self.cells = HashMap::new();
        self.shared = String::new();
        self.shared_ends = Vec::new();
    }

    /// The key of the worksheet part of sheet `name`, when plain.
    fn part_of(&self, name: &str) -> Option<String> {
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
        Some(path.to_ascii_lowercase())
    }

    /// Shared string `i`.
    pub(crate) fn shared(&self, i: u32) -> Option<&str> {
        let i = i as usize;
        let end = *self.shared_ends.get(i)? as usize;
        let start = match i {
            0 => 0,
            _ => self.shared_ends[i - 1] as usize,
        };
        self.shared.get(start..end)
    }

    /// Whether the pass read sheet `name` itself (its every shared string
    /// found), so that [`Plain::take`] gives its cells.
    pub(crate) fn has(&self, name: &str) -> bool {
        self.part_of(name)
            .and_then(|part| self.cells.get(&part))
            .is_some_and(|raw| {
                raw.iter().all(|(_, _, raw)| match raw {
                    Raw::Shared(i) => self.shared(*i).is_some(),
                    _ => true,
                })
            })
    }

    /// The cells of sheet `name` as the pass read them (resolve shared
    /// strings with [`Plain::shared`]); None when calamine must read the
    /// sheet. Each sheet is given once; call [`Plain::release`] after.
    pub(crate) fn take(&mut self, name: &str) -> Option<Vec<(u32, u32, Raw)>> {
        if !self.has(name) {
            return None;
        }
        let part = self.part_of(name)?;
        self.cells.remove(&part)
    }

    /// Drops the shared strings once every plain sheet was taken (calamine
    /// keeps its own copy; a sheet asked for again is read by calamine, the
    /// same cells).
    pub(crate) fn release(&mut self) {
        if self.cells.is_empty() {
            self.shared = String::new();
            self.shared_ends = Vec::new();
        }
    }
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
    /// The open elements' names, one after the other, and where each ends.
    names: Vec<u8>,
    ends: Vec<usize>,
    /// The root element was closed.
    root_done: bool,
    /// A workbook's `<sheets>` was met.
    sheets_seen: bool,
    in_sheet_data: SheetData,
    /// The open cell: row, column, whether it is a shared string, its `<v>` text.
    cell: Option<(u32, u32, bool, Option<String>)>,
    /// The text being read (a shared string's `<t>`, a cell's `<v>`), and
    /// whether its spaces are kept.
    text: Option<(String, bool)>,
    /// The current `<si>`'s `<t>` once closed.
    si_text: Option<(String, bool)>,
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
            Event::Start(e) => self.start(e),
            Event::Empty(e) => {
                self.start(e);
                if self.ok {
                    self.end(e.local_name().as_ref());
                }
            }
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
                } else if (self.in_item() || self.ends.is_empty())
                    && !t.xml10_content().chars().all(|c| c.is_ascii_whitespace())
                {
                    self.ok = false;
                }
            }
            Event::GeneralRef(r) => {
                let counts = self.in_item() || self.ends.is_empty();
                match (self.text.as_mut(), self.kind) {
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
                    _ if counts => self.ok = false,
                    _ => {}
                }
            }
            // A comment or processing instruction splits a text where
            // calamine may not; CDATA in a `<v>` it reads as nothing.
            Event::CData(_) | Event::Comment(_) | Event::PI(_) if self.in_item() => self.ok = false,
            Event::CData(_) | Event::DocType(_) => self.ok = false,
            _ => {}
        }
    }

    /// Inside a `<si>` or a `<c>`, where every event makes the value.
    fn in_item(&self) -> bool {
        match self.kind {
            Kind::SharedStrings => self.ends.len() >= 2,
            Kind::Sheet => self.cell.is_some(),
            _ => false,
        }
    }

    /// The name of the element open at `depth` (the root is 0).
    fn open(&self, depth: usize) -> &[u8] {
        let start = match depth {
            0 => 0,
            _ => self.ends[depth - 1],
        };
        &self.names[start..self.ends[depth]]
    }

    fn start(&mut self, e: &BytesStart) {
        let local = e.local_name();
        let name = local.as_ref();
        // A prefixed element, or an attribute given twice (calamine keeps the
        // last, by local name for a sheet's `r:id`): left to calamine.
        let read = matches!(name, "Relationship" | "sheet" | "c" | "t" | "dimension");
        if e.name().as_ref() != name || (read && repeated_attribute(e)) {
            self.ok = false;
            return;
        }
        // One root, the one calamine reads in, with nothing before or after
        // it and its name used nowhere else (calamine stops at its end).
        let depth = self.ends.len();
        let root = self.kind.root();
        if (depth == 0) != (name == root) || (depth == 0 && self.root_done) {
            self.ok = false;
            return;
        }
        let parent = depth.checked_sub(1).map(|d| self.open(d).to_vec());
        let parent = parent.as_deref().unwrap_or_default();
        match self.kind {
            Kind::PackageRelationships | Kind::WorkbookRelationships
                if name == "Relationship" && depth != 1 =>
            {
                self.ok = false
            }
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
                    return self.push(name);
                };
                if [id, kind, target].iter().any(|v| v.contains('&'))
                    || self.plain.relationships.contains_key(id)
                {
                    self.ok = false;
                    return;
                }
                self.plain
                    .relationships
                    .insert(id.to_owned(), (target.to_owned(), kind.to_owned()));
            }
            Kind::Workbook if name == "sheets" => {
                if depth != 1 || self.sheets_seen {
                    self.ok = false;
                    return;
                }
                self.sheets_seen = true;
            }
            Kind::Workbook if name == "sheet" => {
                // calamine takes the attribute named `id` under any prefix;
                // the narrow form has `r:id` only (a second `id` is refused
                // above as repeated).
                let sheet_name = attribute(e, "name").unwrap_or_default();
                let id = attribute(e, "r:id");
                let Some(id) = id.filter(|_| depth == 2 && parent == b"sheets") else {
                    self.ok = false;
                    return;
                };
                if sheet_name.contains('&') || sheet_name.contains("_x") || id.contains('&') {
                    self.ok = false;
                    return;
                }
                self.plain
                    .sheets
                    .push((sheet_name.to_owned(), id.to_owned()));
            }
            Kind::SharedStrings => self.start_shared(name, depth, e),
            Kind::Sheet => self.start_sheet(name, depth, e),
            _ => {}
        }
        if self.ok {
            self.push(name);
        }
    }

    fn push(&mut self, name: &str) {
        self.names.extend_from_slice(name.as_bytes());
        self.ends.push(self.names.len());
    }

    fn start_shared(&mut self, name: &str, depth: usize, e: &BytesStart) {
        match (name, depth) {
            ("si", 1) => self.texts = 0,
            ("t", 2) if self.texts == 0 => {
                let preserve = match attribute_raw_count(e) {
                    0 => false,
                    1 if attribute(e, "xml:space") == Some("preserve") => true,
                    _ => {
                        self.ok = false;
                        return;
                    }
                };
                self.texts = 1;
                self.text = Some((String::new(), preserve));
            }
            (_, 0) => {}
            _ => self.ok = false,
        }
    }

    fn start_sheet(&mut self, name: &str, depth: usize, e: &BytesStart) {
        if name == "dimension" && !attribute(e, "ref").is_some_and(plain_dimension) {
            self.ok = false;
            return;
        }
        match self.in_sheet_data {
            SheetData::Before if name == "sheetData" && depth == 1 => {
                self.in_sheet_data = SheetData::Inside;
                return;
            }
            SheetData::Inside => {}
            _ if name == "sheetData" => self.ok = false,
            _ => return,
        }
        match (name, depth, &self.cell) {
            ("row", 2, None) => {}
            ("c", 3, None) => {
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
            ("v", 4, Some((_, _, _, None))) if self.text.is_none() => {
                self.text = Some((String::new(), true));
            }
            _ => self.ok = false,
        }
    }

    fn end(&mut self, name: &str) {
        // Only the open element's own end tag (calamine's reader checks no
        // end names: a stray one would mean something else to it).
        let Some(depth) = self.ends.len().checked_sub(1) else {
            self.ok = false;
            return;
        };
        if self.open(depth) != name.as_bytes() {
            self.ok = false;
            return;
        }
        self.ends.pop();
        self.names.truncate(self.ends.last().copied().unwrap_or(0));
        if depth == 0 {
            self.root_done = true;
        }
        match self.kind {
            Kind::SharedStrings => match (name, depth) {
                ("t", 2) => self.si_text = self.text.take(),
                ("si", 1) => {
                    let text = match self.si_text.take() {
                        None => String::new(),
                        Some((text, true)) => text,
                        Some((text, false)) => {
                            text.trim_matches([' ', '\t', '\r', '\n']).to_owned()
                        }
                    };
                    // calamine decodes Excel's `_xHHHH_` escapes: left to it.
                    let plain = &mut *self.plain;
                    if text.contains("_x") || plain.shared.len() + text.len() > MAX_SHARED_BYTES {
                        self.ok = false;
                        return;
                    }
                    plain.shared.push_str(&text);
                    plain.shared_ends.push(plain.shared.len() as u32);
                }
                _ => {}
            },
            Kind::Sheet if self.in_sheet_data == SheetData::Inside => match name {
                "sheetData" => self.in_sheet_data = SheetData::After,
                "v" => {
                    if let (Some((_, _, _, v)), Some((text, _))) =
                        (&mut self.cell, self.text.take())
                    {
                        *v = Some(text);
                    }
                }
                "c" => {
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
                _ => {}
            },
            _ => {}
        }
    }

    /// The part was read to its end (or to where its XML broke, `broken`).
    pub(crate) fn finish(self, broken: bool) {
        let plain = self.plain;
        let whole = self.ok
            && !broken
            && self.root_done
            && self.ends.is_empty()
            && self.cell.is_none()
            && self.text.is_none()
            && self.si_text.is_none();
        match self.kind {
            // A sheet that is not plain is read by calamine; the other parts
            // decide every sheet.
            Kind::Sheet if whole && self.in_sheet_data == SheetData::After => {
                plain.cells.insert(self.key, self.cells);
            }
            Kind::Sheet => plain.held -= self.cells.len().min(plain.held),
            _ if whole => {}
            _ => plain.unplain(),
        }
    }
}

/// A `<dimension ref>` calamine reads: `A1` or `A1:C9` in capitals, no
/// leading zero, on Excel's grid, its end not before its start.
fn plain_dimension(dimension: &str) -> bool {
    let corner = |c: &str| {
        let digits = c.trim_start_matches(|b: char| b.is_ascii_uppercase());
        (!digits.starts_with('0') && digits.bytes().all(|b| b.is_ascii_digit()))
            .then(|| super::guard::cell(c))
            .flatten()
    };
    let mut parts = dimension.split(':');
    match (
        parts.next().and_then(corner),
        parts.next().map(corner),
        parts.next(),
    ) {
        (Some(_), None, None) => true,
        (Some(start), Some(Some(end)), None) => end.0 >= start.0 && end.1 >= start.1,
        _ => false,
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
