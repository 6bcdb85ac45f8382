//! The plain path ([`plain`](super::super::plain)) against calamine: on every
//! input either both refuse the sheet or both give the same cells. The
//! crafted inputs are the ones an adversarial review found; the fuzz mutates
//! a written workbook's parts at random (seeded, so every run is the same).

use std::io::{Cursor, Read, Write};

use rust_xlsxwriter::{Format, Workbook};

use super::Book;

const WORKSHEET: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet";
const SHEETS: [&str; 2] = ["Laporan", "data lain"];

/// Two sheets whose cells tell them apart: "Laporan" A1 "ASLI", B1 7;
/// "data lain" A1 "PALSU", B1 999; a few more texts and numbers.
fn base() -> Vec<u8> {
    let mut workbook = Workbook::new();
    let text = Format::new().set_quote_prefix();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Laporan").unwrap();
    sheet.write_string_with_format(0, 0, "ASLI", &text).unwrap();
    sheet.write_number(0, 1, 7.0).unwrap();
    sheet.write_string(1, 0, "  dua  ").unwrap();
    sheet.write_number(1, 2, -2.5).unwrap();
    sheet.write_blank(2, 1, &text).unwrap();
    let other = workbook.add_worksheet();
    other.set_name("data lain").unwrap();
    other.write_string(0, 0, "PALSU").unwrap();
    other.write_number(0, 1, 999.0).unwrap();
    workbook.save_to_buffer().unwrap()
}

/// The workbook with `edit` applied to each part (by name).
fn rezip(bytes: &[u8], mut edit: impl FnMut(&str, String) -> String) -> Vec<u8> {
    let mut archive = xlsx_zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = xlsx_zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().unwrap().into_owned();
        let mut content = String::new();
        file.read_to_string(&mut content).unwrap();
        let content = edit(&name, content);
        out.start_file(
            name,
            xlsx_zip::write::SimpleFileOptions::default()
                .compression_method(xlsx_zip::CompressionMethod::Stored),
        )
        .unwrap();
        out.write_all(content.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn patch(part: &str, edit: impl Fn(String) -> String) -> Vec<u8> {
    rezip(
        &base(),
        |name, content| {
            if name == part {
                edit(content)
            } else {
                content
            }
        },
    )
}

fn sheet_data(data: &str) -> Vec<u8> {
    patch("xl/worksheets/sheet1.xml", |mut c| {
        let start = c.find("<sheetData>").unwrap();
        let end = c.find("</sheetData>").unwrap() + "</sheetData>".len();
        c.replace_range(start..end, data);
        c
    })
}

/// Every sheet's cells by both readers; whether the plain path read any.
/// Panics when the two differ.
fn same_cells(bytes: Vec<u8>, label: &str) -> bool {
    let Ok(mut book) = Book::open(bytes) else {
        return false;
    };
    let mut used = false;
    let mut names = book.sheet_names();
    names.extend(SHEETS.map(str::to_owned));
    for sheet in names {
        used |= book.plain.has(&sheet);
        let plain = book.cells(&sheet);
        let calamine = book.calamine_cells(&sheet);
        match (plain, calamine) {
            (Ok(plain), Ok(calamine)) => assert_eq!(plain, calamine, "{label}: {sheet}"),
            (Err(_), Err(_)) => {}
            (plain, calamine) => {
                panic!("{label}: {sheet}: plain {plain:?}, calamine {calamine:?}")
            }
        }
    }
    used
}

#[test]
fn the_written_workbook_is_read_plain() {
    assert!(same_cells(base(), "base"));
}

#[test]
fn crafted_parts_read_the_same_cells_by_both_readers() {
    let cases: Vec<(&str, Vec<u8>)> = vec![
        (
            "<si> before the <sst> root",
            patch("xl/sharedStrings.xml", |c| {
                c.replacen("<sst ", "<x><si><t>EVIL</t></si></x><sst ", 1)
            }),
        ),
        (
            "<si> after </sst>, a cell pointing at it",
            rezip(&sheet_data("<sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>4</v></c></row></sheetData>"), |name, c| {
                if name == "xl/sharedStrings.xml" {
                    c + "<si><t>EXTRA</t></si>"
                } else {
                    c
                }
            }),
        ),
        (
            "<Relationship> after </Relationships>",
            patch("xl/_rels/workbook.xml.rels", |c| {
                c + &format!(
                    "<Relationship Id=\"rId1\" Type=\"{WORKSHEET}\" Target=\"worksheets/sheet2.xml\"/>"
                )
            }),
        ),
        (
            "a nested <Relationship>",
            patch("xl/_rels/workbook.xml.rels", |c| {
                c.replacen("</Relationships>", &format!(
                    "<x><Relationship Id=\"rId9\" Type=\"{WORKSHEET}\" Target=\"worksheets/sheet2.xml\"/></x></Relationships>"
                ), 1)
            }),
        ),
        (
            "the sheet id under another prefix",
            rezip(&base(), |name, c| match name {
                "xl/workbook.xml" => c.replacen(
                    "r:id=\"rId1\"",
                    "xmlns:x=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" x:id=\"rId1\"",
                    1,
                ),
                "xl/_rels/workbook.xml.rels" => c.replacen(
                    "</Relationships>",
                    &format!("<Relationship Id=\"\" Type=\"{WORKSHEET}\" Target=\"worksheets/sheet2.xml\"/></Relationships>"),
                    1,
                ),
                _ => c,
            }),
        ),
        (
            "a <sheet> outside <sheets>",
            patch("xl/workbook.xml", |c| {
                c.replacen("</workbook>", "<sheet name=\"Laporan\" sheetId=\"9\" r:id=\"rId2\"/></workbook>", 1)
            }),
        ),
        (
            "</c> while <v> is open",
            sheet_data("<sheetData><row r=\"1\"><c r=\"A1\"><v>5</c><c r=\"B1\"></v></c></row></sheetData>"),
        ),
        (
            "</c> while <v> is open, at the end",
            sheet_data("<sheetData><row r=\"1\"><c r=\"A1\"><v>5</c></row></sheetData>"),
        ),
        (
            "<sheetData> never closed",
            patch("xl/worksheets/sheet1.xml", |c| {
                c[..c.find("</sheetData>").unwrap()].to_owned()
            }),
        ),
        (
            "<dimension> without ref",
            patch("xl/worksheets/sheet1.xml", |mut c| {
                let start = c.find("<dimension").unwrap();
                let end = start + c[start..].find("/>").unwrap() + 2;
                c.replace_range(start..end, "<dimension/>");
                c
            }),
        ),
        (
            "<dimension> calamine cannot read",
            patch("xl/worksheets/sheet1.xml", |mut c| {
                let start = c.find("<dimension").unwrap();
                let end = start + c[start..].find("/>").unwrap() + 2;
                c.replace_range(start..end, "<dimension ref=\"A1:B2:C3\"/>");
                c
            }),
        ),
        (
            "text before the root",
            patch("xl/sharedStrings.xml", |c| c.replacen("<sst ", "sampah<sst ", 1)),
        ),
    ];
    for (label, bytes) in cases {
        // Plain or not, the two readers agree; none of these is plain.
        let book = Book::open(bytes.clone());
        if let Ok(book) = &book {
            assert!(!book.plain.has("Laporan"), "{label}: read plain");
        }
        same_cells(bytes, label);
    }
}

/// Spaces after a `<t>` are no part of the string, for either reader.
#[test]
fn spaces_after_a_shared_strings_text_are_not_read() {
    let bytes = patch("xl/sharedStrings.xml", |c| {
        c.replace("</t></si>", "</t> \n </si>")
            .replace("<t>", "<t xml:space=\"preserve\">")
    });
    assert!(same_cells(bytes, "spaces after <t>"));
}

/// The shared strings of the template forgery: a whole table before the root.
#[test]
fn a_shared_string_table_before_the_root_is_not_read() {
    let bytes = patch("xl/sharedStrings.xml", |c| {
        c.replacen("<sst ", "<x><si><t>EVIL</t></si></x><sst ", 1)
    });
    let mut book = Book::open(bytes).unwrap();
    let cells = book.cells("Laporan").unwrap();
    assert_eq!(cells[0].2, super::Cell::Text("ASLI".into()));
}

/// More shared-string text than the pass keeps: calamine alone reads it.
#[test]
fn a_large_shared_string_table_is_left_to_calamine() {
    let mut rng = Lcg(7);
    let big: String = (0..5_000_000)
        .map(|i| match i % 1000 {
            0 => "</t></si><si><t>".to_owned(),
            _ => char::from(b'a' + rng.below(26) as u8).to_string(),
        })
        .collect();
    let bytes = patch("xl/sharedStrings.xml", |c| {
        let extra = format!("<si><t>{big}</t></si>");
        c.replacen("</sst>", &format!("{extra}</sst>"), 1)
    });
    let book = Book::open(bytes.clone()).unwrap();
    assert!(!book.plain.has("Laporan"));
    assert!(!same_cells(bytes, "big table"));
}

/// A sheet is taken once; asked for again, calamine reads the same cells.
#[test]
fn a_sheet_read_twice_gives_the_same_cells() {
    let mut book = Book::open(base()).unwrap();
    let first = book.cells("Laporan").unwrap();
    assert!(!book.plain.has("Laporan"));
    assert_eq!(book.cells("Laporan").unwrap(), first);
    assert_eq!(
        book.cells("data lain").unwrap(),
        book.calamine_cells("data lain").unwrap()
    );
}

/// A tiny linear congruential generator: the same cases on every run.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }
}

/// Where the tags of `xml` start and end.
fn tags(xml: &str) -> Vec<(usize, usize)> {
    let mut tags = Vec::new();
    let mut from = 0;
    while let Some(start) = xml[from..].find('<').map(|i| i + from) {
        let Some(end) = xml[start..].find('>').map(|i| i + start + 1) else {
            break;
        };
        tags.push((start, end));
        from = end;
    }
    tags
}

const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Pieces of XML that mean something in `part`, to insert.
fn snippets(part: &str) -> Vec<String> {
    let mut snippets: Vec<String> = match part {
        "xl/sharedStrings.xml" => vec![
            "<si><t>EVIL</t></si>".into(),
            "<x><si><t>EVIL</t></si></x>".into(),
            "<sst>".into(),
            "</sst>".into(),
            "<t>".into(),
            "</t>".into(),
            "<si>".into(),
            "</si>".into(),
            "<r><t>b</t></r>".into(),
        ],
        "xl/_rels/workbook.xml.rels" => vec![
            format!("<Relationship Id=\"rId1\" Type=\"{WORKSHEET}\" Target=\"worksheets/sheet2.xml\"/>"),
            format!("<x><Relationship Id=\"rId1\" Type=\"{WORKSHEET}\" Target=\"worksheets/sheet2.xml\"/></x>"),
            format!("<Relationship Id=\"\" Type=\"{WORKSHEET}\" Target=\"worksheets/sheet2.xml\"/>"),
            "<Relationships>".into(),
            "</Relationships>".into(),
        ],
        "xl/workbook.xml" => vec![
            "<sheet name=\"Laporan\" sheetId=\"9\" r:id=\"rId2\"/>".into(),
            "<x><sheet name=\"Laporan\" sheetId=\"9\" r:id=\"rId2\"/></x>".into(),
            format!("<sheet name=\"data lain\" sheetId=\"8\" xmlns:x=\"{REL}\" x:id=\"rId1\"/>"),
            "<sheet name=\"Laporan\" sheetId=\"7\" id=\"rId1\"/>".into(),
            "<sheets>".into(),
            "</sheets>".into(),
            "<workbook>".into(),
            "</workbook>".into(),
        ],
        "_rels/.rels" => vec![
            format!("<Relationship Id=\"rId9\" Type=\"{REL}/officeDocument\" Target=\"xl/workbook2.xml\"/>"),
            "</Relationships>".into(),
        ],
        _ => vec![
            "<c r=\"A1\"><v>5</v></c>".into(),
            "<c r=\"B1\" t=\"s\"><v>1</v></c>".into(),
            "<c r=\"A1\"><v>5</c>".into(),
            "<row r=\"1\">".into(),
            "</row>".into(),
            "<v>".into(),
            "</v>".into(),
            "</c>".into(),
            "<sheetData>".into(),
            "</sheetData>".into(),
            "<dimension/>".into(),
            "<dimension ref=\"A1:C3\"/>".into(),
            "<dimension ref=\"1:2\"/>".into(),
            "</worksheet>".into(),
        ],
    };
    snippets.extend(["<x>", "</x>", "sampah", "<!-- c -->", "<?pi x?>"].map(String::from));
    snippets
}

const PARTS: [&str; 6] = [
    "xl/worksheets/sheet1.xml",
    "xl/worksheets/sheet2.xml",
    "xl/sharedStrings.xml",
    "xl/_rels/workbook.xml.rels",
    "xl/workbook.xml",
    "_rels/.rels",
];

fn mutate(xml: &mut String, part: &str, rng: &mut Lcg) {
    let tags = tags(xml);
    let snippets = snippets(part);
    let snippet = &snippets[rng.below(snippets.len())];
    if tags.len() < 2 {
        return;
    }
    // Never the XML declaration: the first tag.
    let (start, end) = tags[1 + rng.below(tags.len() - 1)];
    let (at, _) = tags[1 + rng.below(tags.len() - 1)];
    let tag = xml[start..end].to_owned();
    match rng.below(12) {
        0 => xml.replace_range(start..end, ""),
        1 => xml.insert_str(at, &tag),
        2 => {
            xml.replace_range(start..end, "");
            let at = if at > start { at - tag.len() } else { at };
            xml.insert_str(at, &tag);
        }
        3..=5 => xml.insert_str(at, snippet),
        6 => {
            // A prefix on an element (its end tag keeps none, or also gets one).
            let prefixed = tag.replacen('<', "<x:", 1).replacen("<x:/", "</x:", 1);
            xml.replace_range(start..end, &prefixed);
        }
        7 => {
            let attribute = ["r:id", "Id", "Target", "ref", "t", "r"][rng.below(6)];
            let renamed = ["x:id", "id", "Id", "r:Id", "s"][rng.below(5)];
            *xml = xml.replacen(&format!(" {attribute}="), &format!(" {renamed}="), 1);
        }
        8 => {
            let (from, to) = [
                ("rId1", "rId2"),
                ("rId2", "rId1"),
                ("sheet1.xml", "sheet2.xml"),
                ("<v>", "<v>1"),
                ("t=\"s\"", "t=\"n\""),
            ][rng.below(5)];
            *xml = xml.replacen(from, to, 1);
        }
        9 => xml.truncate(start),
        _ => {
            // Something before the root or after its end.
            match rng.below(2) {
                0 => xml.insert_str(tags[1].0, snippet),
                _ => xml.push_str(snippet),
            }
        }
    }
}

#[test]
fn mutated_workbooks_read_the_same_cells_by_both_readers() {
    let base = base();
    // A longer run: RENAKSI_FUZZ_CASES=20000 RENAKSI_FUZZ_SEED=3.
    let setting = |name: &str, default: u64| {
        std::env::var(name)
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let cases = setting("RENAKSI_FUZZ_CASES", 400) as usize;
    let mut rng = Lcg(setting("RENAKSI_FUZZ_SEED", 20));
    let mut plain = 0;
    for case in 0..cases {
        let part = PARTS[rng.below(PARTS.len())];
        let mutations = 1 + rng.below(3);
        let mut applied = Vec::new();
        let bytes = rezip(&base, |name, mut content| {
            if name == part {
                for _ in 0..mutations {
                    mutate(&mut content, part, &mut rng);
                }
                applied.push(content.clone());
            }
            content
        });
        plain += usize::from(same_cells(
            bytes,
            &format!("case {case} ({part}): {applied:?}"),
        ));
    }
    // The mutations leave many workbooks plain: the plain path was compared.
    assert!(plain > cases / 4, "only {plain} of {cases} read plain");
}
