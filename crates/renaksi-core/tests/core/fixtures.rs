//! The hostile workbooks of `tests/fixtures/`, made reproducibly from a real
//! export of the demo (DINKES, Triwulan I 2019, a fixed signing key, fixed
//! document dates). Regenerate them with
//!
//! ```text
//! cargo test -p renaksi-core --test core fixtures::generate -- --ignored
//! ```
//!
//! (about a minute: the zip bomb deflates 1.1 GB). `hostile.rs` checks them.

use std::io::{Cursor, Read, Write};
use std::path::PathBuf;

use renaksi_core::demo::{self, DemoView};
use renaksi_core::period::PeriodRef;
use renaksi_core::profile::{Profile, Role};
use renaksi_core::report::export::workbook_bytes;
use renaksi_core::report::snapshot::{self, ExportInfo, Snapshot};
use renaksi_core::workbook::Paper;
use renaksi_core::Store;

/// `tests/fixtures/` at the root of the repository.
pub fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// The parts of an export, by the order of its sheets.
pub const DATA_SHEET_XML: &str = "xl/worksheets/sheet3.xml";
pub const SHARED_STRINGS_XML: &str = "xl/sharedStrings.xml";

const FIXED_DATE: &str = "2019-04-15T03:30:00Z";

/// The demo's DINKES report for Triwulan I 2019 as an export makes it, with
/// its document dates fixed so that every run gives the same bytes.
pub fn real_export() -> Vec<u8> {
    signed_with_fixed_dates(&demo_snapshot())
}

/// A workbook of `snapshot`, signed with the fixtures' key, its document dates fixed.
fn signed_with_fixed_dates(snapshot: &Snapshot) -> Vec<u8> {
    let key = ed25519_dalek::SigningKey::from_bytes(&[7u8; 32]);
    let bytes = workbook_bytes(snapshot, &key, Paper::A4).unwrap();
    rezip(&bytes, |name, content| {
        if name == "docProps/core.xml" {
            let xml = String::from_utf8(content).unwrap();
            fix_element(&fix_element(&xml, "dcterms:created"), "dcterms:modified").into_bytes()
        } else {
            content
        }
    })
}

/// The snapshot of the demo's DINKES report for Triwulan I 2019.
pub fn demo_snapshot() -> Snapshot {
    demo_snapshot_of("DINKES")
}

/// A demo OPD's snapshot for Triwulan I 2019, as that OPD would export it.
fn demo_snapshot_of(code: &str) -> Snapshot {
    let mut store = Store::open_in_memory().unwrap();
    demo::load_as(
        &mut store,
        &DemoView::Opd(code.into()),
        &Profile::new(Role::Opd { code: code.into() }, "Sari").unwrap(),
    )
    .unwrap();
    let info = ExportInfo {
        period: PeriodRef {
            year: 2019,
            quarter: 1,
        },
        exported_at: FIXED_DATE.into(),
        sequence: 1,
        sign_place: "Wonosobo".into(),
        sign_date: "15 April 2019".into(),
        head_position: "Kepala Dinas Kesehatan".into(),
        head_name: "dr. Contoh".into(),
        head_nip: "196805121995031002".into(),
    };
    snapshot::build(store.conn(), code, &info).unwrap()
}

/// DINKES's real report carrying one of DINSOS's milestones, signed by DINKES.
fn another_opds_rows() -> Vec<u8> {
    let mut crafted = demo_snapshot();
    let dinsos = demo_snapshot_of("DINSOS");
    crafted
        .data
        .milestones
        .push(dinsos.data.milestones[0].clone());
    snapshot::sort(&mut crafted.data);
    signed_with_fixed_dates(&crafted)
}

/// `<tag ...>anything</tag>` with FIXED_DATE inside.
fn fix_element(xml: &str, tag: &str) -> String {
    let Some(open) = xml.find(&format!("<{tag}")) else {
        return xml.to_string();
    };
    let inner = open + xml[open..].find('>').unwrap() + 1;
    let close = inner + xml[inner..].find(&format!("</{tag}>")).unwrap();
    format!("{}{FIXED_DATE}{}", &xml[..inner], &xml[close..])
}

/// The workbook again, each part passed through `edit`, deflated, dated 1980.
pub fn rezip(bytes: &[u8], edit: impl Fn(&str, Vec<u8>) -> Vec<u8>) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        let content = edit(&name, content);
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

/// One part rewritten as text.
pub fn edit_part(bytes: &[u8], part: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    rezip(bytes, |name, content| {
        if name == part {
            edit(&String::from_utf8(content).unwrap()).into_bytes()
        } else {
            content
        }
    })
}

/// The workbook with one part replaced by what `write` streams into it.
pub fn with_streamed_part(bytes: &[u8], part: &str, write: impl Fn(&mut dyn Write)) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().to_string();
        out.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        if name == part {
            write(&mut out);
        } else {
            std::io::copy(&mut file, &mut out).unwrap();
        }
    }
    out.finish().unwrap().into_inner()
}

/// Sets the unpacked size recorded for `part` in its local header and in the
/// central directory, leaving its data as it is.
pub fn declare_size(bytes: &mut [u8], part: &str, size: u32) {
    let name = part.as_bytes();
    let mut patched = 0;
    for at in 0..bytes.len().saturating_sub(46) {
        let (signature, size_at, name_at) = match &bytes[at..at + 4] {
            b"PK\x03\x04" => ("local", at + 22, at + 30),
            b"PK\x01\x02" => ("central", at + 24, at + 46),
            _ => continue,
        };
        let name_len_at = if signature == "local" {
            at + 26
        } else {
            at + 28
        };
        let name_len = u16::from_le_bytes([bytes[name_len_at], bytes[name_len_at + 1]]) as usize;
        if bytes.get(name_at..name_at + name_len) == Some(name) {
            bytes[size_at..size_at + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "one local and one central header for {part}");
}

/// Replaces the value of the first numeric cell (no `t=` attribute) whose
/// value is `from`.
pub fn replace_number(xml: &str, from: &str, to: &str) -> String {
    let needle = format!("<v>{from}</v>");
    let mut start = 0;
    while let Some(found) = xml[start..].find(&needle) {
        let at = start + found;
        let open = xml[..at].rfind("<c ").unwrap();
        if !xml[open..at].contains(" t=") {
            return format!("{}<v>{to}</v>{}", &xml[..at], &xml[at + needle.len()..]);
        }
        start = at + needle.len();
    }
    panic!("no numeric cell holds {from}");
}

/// Replaces the whole `<c r="{address}" ...>...</c>` (or `<c .../>`) element.
fn replace_cell(xml: &str, address: &str, with: &str) -> String {
    let open = xml
        .find(&format!("<c r=\"{address}\""))
        .unwrap_or_else(|| panic!("no cell {address}"));
    let tag_end = open + xml[open..].find('>').unwrap();
    let end = if xml[..tag_end].ends_with('/') {
        tag_end + 1
    } else {
        open + xml[open..].find("</c>").unwrap() + "</c>".len()
    };
    format!("{}{with}{}", &xml[..open], &xml[end..])
}

const SHEET_START: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
    <worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>";
const SHEET_END: &str = "</sheetData></worksheet>";

/// The data sheet as an XML document that unpacks to `megabytes` MiB of blanks.
fn blank_sheet(megabytes: usize) -> impl Fn(&mut dyn Write) {
    move |out: &mut dyn Write| {
        out.write_all(SHEET_START.as_bytes()).unwrap();
        let blanks = vec![b' '; 1 << 20];
        for _ in 0..megabytes {
            out.write_all(&blanks).unwrap();
        }
        out.write_all(SHEET_END.as_bytes()).unwrap();
    }
}

pub const ZIP_BOMB: &str = "zip-bomb.xlsx";
pub const ZIP_BOMB_LYING: &str = "zip-bomb-lying-size.xlsx";
pub const SHARED_STRINGS_FLOOD: &str = "shared-strings-flood.xlsx";
pub const SHARED_STRINGS_COUNT: &str = "shared-strings-count.xlsx";
pub const FAR_APART_CELLS: &str = "far-apart-cells.xlsx";
pub const NOT_A_ZIP: &str = "not-a-zip.xlsx";
pub const TRUNCATED: &str = "truncated.xlsx";
pub const FORMULAS: &str = "formulas.xlsx";
pub const EDITED_DATA_SHEET: &str = "edited-data-sheet.xlsx";
pub const ANOTHER_OPDS_ROWS: &str = "another-opds-rows.xlsx";

/// Every fixture, in the order of the README.
pub const ALL: [&str; 10] = [
    ZIP_BOMB,
    ZIP_BOMB_LYING,
    SHARED_STRINGS_FLOOD,
    SHARED_STRINGS_COUNT,
    FAR_APART_CELLS,
    NOT_A_ZIP,
    TRUNCATED,
    FORMULAS,
    EDITED_DATA_SHEET,
    ANOTHER_OPDS_ROWS,
];

/// One fixture, made from the real export `real`.
pub fn make(name: &str, real: &[u8]) -> Vec<u8> {
    match name {
        // 1.1 GiB of blanks: refused by its declared size before anything unpacks.
        ZIP_BOMB => with_streamed_part(real, DATA_SHEET_XML, blank_sheet(1100)),
        // 64 MiB of blanks whose headers claim 60,000 bytes: small enough to
        // pass the ratio check, caught when it unpacks past what it declared.
        ZIP_BOMB_LYING => {
            let mut lying = with_streamed_part(real, DATA_SHEET_XML, blank_sheet(64));
            declare_size(&mut lying, DATA_SHEET_XML, 60_000);
            lying
        }
        // Two million strings (44 MB, packed 131 times: under the ratio cap)
        // and no count attribute: caught by counting `<si>`.
        SHARED_STRINGS_FLOOD => with_streamed_part(real, SHARED_STRINGS_XML, |out| {
            out.write_all(
                b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n\
                  <sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
            )
            .unwrap();
            for _ in 0..2_000_000 {
                out.write_all(b"<si><t>banjir</t></si>").unwrap();
            }
            out.write_all(b"</sst>").unwrap();
        }),
        // The real table, announcing four billion strings (calamine would
        // reserve room for them before reading one).
        SHARED_STRINGS_COUNT => edit_part(real, SHARED_STRINGS_XML, |xml| {
            let open = xml.find("<sst").unwrap();
            let close = open + xml[open..].find('>').unwrap();
            format!(
                "{}<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" \
                 count=\"4294967295\" uniqueCount=\"4294967295\"{}",
                &xml[..open],
                &xml[close..]
            )
        }),
        // One more cell, at XFD1000000; the sheet's <dimension> still says
        // it is small.
        FAR_APART_CELLS => edit_part(real, DATA_SHEET_XML, |xml| {
            xml.replace(
                "</sheetData>",
                "<row r=\"1000000\"><c r=\"XFD1000000\" t=\"inlineStr\"><is><t>jauh</t></is></c>\
                 </row></sheetData>",
            )
        }),
        NOT_A_ZIP => "Laporan Triwulan I 2019 - Dinas Kesehatan\n\
                      Ini berkas teks biasa yang diberi nama .xlsx, bukan buku kerja Excel.\n"
            .as_bytes()
            .to_vec(),
        TRUNCATED => real[..real.len() / 2].to_vec(),
        FORMULAS => edit_part(real, DATA_SHEET_XML, |xml| {
            replace_cell(xml, "B5", "<c r=\"B5\"><f>1+1</f><v>2</v></c>")
        }),
        // The first target of the demo's DINKES report (2018, TW III) is 72;
        // make it 73. The printed table (2019) stays as it is.
        EDITED_DATA_SHEET => edit_part(real, DATA_SHEET_XML, |xml| replace_number(xml, "72", "73")),
        // Signed and well formed: refused by the import, which checks that
        // every row belongs to the report's OPD.
        ANOTHER_OPDS_ROWS => another_opds_rows(),
        other => panic!("no fixture {other}"),
    }
}

#[test]
#[ignore = "writes tests/fixtures/; run it to regenerate them"]
fn generate() {
    let dir = dir();
    std::fs::create_dir_all(&dir).unwrap();
    let real = real_export();
    for name in ALL {
        let bytes = make(name, &real);
        assert!(
            bytes.len() < 2 * 1024 * 1024,
            "{name} is {} bytes",
            bytes.len()
        );
        std::fs::write(dir.join(name), &bytes).unwrap();
        println!("{name}: {} bytes", bytes.len());
    }
}
