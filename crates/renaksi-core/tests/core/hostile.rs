//! Hostile workbooks. Each fixture of `tests/fixtures/` (made by `fixtures.rs`)
//! is refused by `check_file` with a message a clerk understands, within the
//! time budget, and is left as it was; the edited one reads but fails its
//! signature. Further crafted files are made here in memory.

use std::time::{Duration, Instant};

use renaksi_core::report::check::{check_bytes, check_file, CheckReport};
use renaksi_core::workbook::guard::NOT_A_WORKBOOK;
use renaksi_core::Result;

use super::fixtures::{self, *};

/// The brief's budget for any file, however crafted.
const BUDGET: Duration = Duration::from_secs(10);

/// Checks a fixture as `renaksi check` does, within the budget, and makes
/// sure the file is unchanged afterwards.
fn check_fixture(name: &str) -> Result<CheckReport> {
    let path = fixtures::dir().join(name);
    let before = std::fs::read(&path).unwrap_or_else(|e| panic!("{name}: {e}"));
    assert!(
        before.len() < 2 * 1024 * 1024,
        "{name} is too big to commit"
    );
    let start = Instant::now();
    let result = check_file(&path);
    let took = start.elapsed();
    assert!(took < BUDGET, "{name} took {took:?}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "{name} was changed");
    result
}

fn refusal(name: &str) -> String {
    let error = check_fixture(name).expect_err(name);
    assert_eq!(error.code(), "invalid", "{name}: {error}");
    error.to_string()
}

/// The same for bytes made here.
fn refusal_of(bytes: Vec<u8>) -> String {
    let start = Instant::now();
    let error = check_bytes(bytes).expect_err("refused");
    let took = start.elapsed();
    assert!(took < BUDGET, "took {took:?}");
    assert_eq!(error.code(), "invalid", "{error}");
    error.to_string()
}

#[test]
fn a_zip_bomb_is_refused_before_it_unpacks() {
    assert_eq!(
        refusal(ZIP_BOMB),
        "Berkas ditolak: isinya mengembang terlalu besar (bom zip)."
    );
}

#[test]
fn a_part_that_unpacks_past_its_declared_size_is_refused() {
    assert_eq!(
        refusal(ZIP_BOMB_LYING),
        "Berkas ditolak: isinya mengembang melebihi ukuran yang tercatat (bom zip)."
    );
}

#[test]
fn a_flood_of_shared_strings_is_refused() {
    assert_eq!(
        refusal(SHARED_STRINGS_FLOOD),
        "Berkas ditolak: terlalu banyak teks bersama (sharedStrings)."
    );
}

#[test]
fn a_shared_string_table_announcing_billions_is_refused() {
    assert_eq!(
        refusal(SHARED_STRINGS_COUNT),
        "Berkas ditolak: terlalu banyak teks bersama (sharedStrings)."
    );
}

#[test]
fn far_apart_cells_are_refused() {
    assert_eq!(
        refusal(FAR_APART_CELLS),
        "Lembar \"data\" terlalu besar untuk sebuah laporan."
    );
}

#[test]
fn a_text_file_named_xlsx_is_refused() {
    assert_eq!(refusal(NOT_A_ZIP), NOT_A_WORKBOOK);
}

#[test]
fn a_truncated_export_is_refused() {
    assert_eq!(refusal(TRUNCATED), NOT_A_WORKBOOK);
}

#[test]
fn a_formula_in_the_data_sheet_is_refused() {
    assert_eq!(
        refusal(FORMULAS),
        "Lembar \"data\" berisi rumus (sel B5); laporan tidak boleh berisi rumus."
    );
}

#[test]
fn an_edited_data_sheet_reads_but_fails_its_signature() {
    let report = check_fixture(EDITED_DATA_SHEET).unwrap();
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.starts_with("Tanda tangan tidak cocok")),
        "{:?}",
        report.problems
    );
}

#[test]
fn another_opds_rows_are_named_by_check_and_refused_by_the_import() {
    use renaksi_core::demo::{self, DemoView};
    use renaksi_core::report::import::{import_file, Decisions};
    use renaksi_core::report::snapshot::{self, ExportInfo};

    // Well formed and properly signed, but `check` already names the row.
    let problems = check_fixture(ANOTHER_OPDS_ROWS).unwrap().problems;
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].contains("milik OPD lain"), "{problems:?}");
    let mut bappeda = renaksi_core::Store::open_in_memory().unwrap();
    demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();
    let info = ExportInfo {
        period: renaksi_core::period::PeriodRef {
            year: 2019,
            quarter: 1,
        },
        exported_at: String::new(),
        sequence: 1,
        sign_place: String::new(),
        sign_date: String::new(),
        head_position: String::new(),
        head_name: String::new(),
        head_nip: String::new(),
    };
    let held = |store: &renaksi_core::Store| {
        ["DINKES", "DINSOS"].map(|code| snapshot::build(store.conn(), code, &info).unwrap().data)
    };
    let before = held(&bappeda);
    let error = import_file(
        &mut bappeda,
        &fixtures::dir().join(ANOTHER_OPDS_ROWS),
        &Decisions::default(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("milik OPD lain"), "{error}");
    assert_eq!(held(&bappeda), before, "neither OPD's data changed");
}

/// The committed fixtures are what the generator makes (those that are quick
/// to make: the bombs and the flood deflate tens of megabytes or more), and
/// the export they start from checks clean.
#[test]
fn the_fixtures_are_reproducible() {
    let real = real_export();
    assert_eq!(
        check_bytes(real.clone()).unwrap().problems,
        Vec::<String>::new()
    );
    let slow = [ZIP_BOMB, ZIP_BOMB_LYING, SHARED_STRINGS_FLOOD];
    for name in ALL.into_iter().filter(|n| !slow.contains(n)) {
        let committed = std::fs::read(fixtures::dir().join(name)).unwrap();
        assert!(
            make(name, &real) == committed,
            "{name} differs from what fixtures.rs makes; regenerate (see tests/fixtures/README.md)"
        );
    }
}

#[test]
fn a_shared_string_copied_into_many_cells_is_refused() {
    // One string of 1 MiB, used by 80 cells of the data sheet: 80 MiB of text
    // from a file of less than 1 MB.
    let real = real_export();
    let strings = String::from_utf8(read_part(&real, SHARED_STRINGS_XML)).unwrap();
    let index = strings.matches("<si>").count();
    let big = edit_part(&real, SHARED_STRINGS_XML, |xml| {
        xml.replace(
            "</sst>",
            &format!("<si><t>{}</t></si></sst>", noise(1 << 20)),
        )
    });
    let big = edit_part(&big, DATA_SHEET_XML, |xml| {
        let mut rows = String::new();
        for row in [99_990, 99_991] {
            rows.push_str(&format!("<row r=\"{row}\">"));
            for col in 0..40u8 {
                let column = format!("{}{}", (b'A' + col / 26) as char, (b'A' + col % 26) as char);
                rows.push_str(&format!(
                    "<c r=\"{column}{row}\" t=\"s\"><v>{index}</v></c>"
                ));
            }
            rows.push_str("</row>");
        }
        xml.replace("</sheetData>", &format!("{rows}</sheetData>"))
    });
    assert!(big.len() < 2 * 1024 * 1024);
    assert_eq!(
        refusal_of(big),
        "Lembar \"data\" terlalu besar untuk sebuah laporan."
    );
}

#[test]
fn a_shared_formula_without_its_anchor_is_still_a_formula() {
    let real = real_export();
    let sneaky = edit_part(&real, DATA_SHEET_XML, |xml| {
        let open = xml.find("<c r=\"B5\"").unwrap();
        let end = open + xml[open..].find("</c>").unwrap() + 4;
        format!(
            "{}<c r=\"B5\"><f t=\"shared\" si=\"0\"/><v>2</v></c>{}",
            &xml[..open],
            &xml[end..]
        )
    });
    assert!(refusal_of(sneaky).contains("berisi rumus (sel B5)"));
}

#[test]
fn a_sheet_declaring_a_huge_dimension_is_refused_before_reading() {
    let real = real_export();
    let huge = edit_part(&real, DATA_SHEET_XML, |xml| {
        let open = xml.find("<dimension ref=\"").unwrap() + "<dimension ref=\"".len();
        let close = open + xml[open..].find('"').unwrap();
        format!("{}A1:XFD1048576{}", &xml[..open], &xml[close..])
    });
    assert_eq!(
        refusal_of(huge),
        "Berkas ditolak: salah satu lembarnya menyatakan ukuran A1:XFD1048576, terlalu besar \
         untuk sebuah laporan."
    );
}

#[test]
fn encrypted_parts_and_names_leaving_the_package_are_refused() {
    let real = real_export();
    let mut locked = real.clone();
    set_flag(&mut locked, DATA_SHEET_XML, 1);
    assert_eq!(
        refusal_of(locked),
        "Berkas ditolak: sebagian isinya terenkripsi atau dilindungi kata sandi."
    );
    let escaping = rename_part(&real, "docProps/app.xml", "../../app.xml");
    assert_eq!(
        refusal_of(escaping),
        "Berkas ditolak: nama bagian \"../../app.xml\" tidak wajar."
    );
}

#[test]
fn a_zip64_directory_is_refused() {
    // A local header, then a zip64 end record claiming 2^40 parts.
    let mut bytes = Vec::new();
    bytes.extend(b"PK\x03\x04");
    bytes.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    bytes.extend([0; 12]);
    bytes.extend(1u16.to_le_bytes());
    bytes.extend(0u16.to_le_bytes());
    bytes.extend(b"a");
    let record = bytes.len() as u64;
    bytes.extend(b"PK\x06\x06");
    bytes.extend(44u64.to_le_bytes());
    bytes.extend([45, 0, 45, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    bytes.extend((1u64 << 40).to_le_bytes());
    bytes.extend((1u64 << 40).to_le_bytes());
    bytes.extend((1u64 << 50).to_le_bytes());
    bytes.extend(0u64.to_le_bytes());
    bytes.extend(b"PK\x06\x07");
    bytes.extend(0u32.to_le_bytes());
    bytes.extend(record.to_le_bytes());
    bytes.extend(1u32.to_le_bytes());
    bytes.extend(b"PK\x05\x06");
    bytes.extend([0, 0, 0, 0, 0xff, 0xff, 0xff, 0xff]);
    bytes.extend([0xff; 8]);
    bytes.extend([0, 0]);
    assert!(refusal_of(bytes).contains("zip64"));
}

#[test]
fn a_file_full_of_directory_end_records_is_refused_in_time() {
    // 20 MB of end records, each pointing at a directory that is not there:
    // the zip reader tries every one of them.
    let mut bytes = b"PK\x03\x04".to_vec();
    while bytes.len() < 20 * 1024 * 1024 {
        bytes.extend(b"PK\x05\x06");
        bytes.extend([0, 0, 0, 0, 1, 0, 1, 0, 46, 0, 0, 0, 4, 0, 0, 0, 0, 0]);
    }
    assert_eq!(refusal_of(bytes), NOT_A_WORKBOOK);
}

/// The unpacked content of one part.
fn read_part(bytes: &[u8], part: &str) -> Vec<u8> {
    use std::io::Read;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut content = Vec::new();
    archive
        .by_name(part)
        .unwrap()
        .read_to_end(&mut content)
        .unwrap();
    content
}

/// Letters, 7 bits of noise each.
fn noise(len: usize) -> String {
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    (0..len)
        .map(|_| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            char::from(b'0' + (seed % 75) as u8)
        })
        .map(|c| if matches!(c, '<' | '>' | '&') { 'x' } else { c })
        .collect()
}

/// Sets bits of the general purpose flag of `part` in both of its headers.
fn set_flag(bytes: &mut [u8], part: &str, bits: u16) {
    for (at, flag_at) in headers_of(bytes, part) {
        let flag = u16::from_le_bytes([bytes[at + flag_at], bytes[at + flag_at + 1]]) | bits;
        bytes[at + flag_at..at + flag_at + 2].copy_from_slice(&flag.to_le_bytes());
    }
}

/// Offsets of the local and central headers of `part`, with the offset of
/// the flag field in each.
fn headers_of(bytes: &[u8], part: &str) -> Vec<(usize, usize)> {
    let name = part.as_bytes();
    let mut found = Vec::new();
    for at in 0..bytes.len().saturating_sub(46) {
        let (flag_at, name_len_at, name_at) = match &bytes[at..at + 4] {
            b"PK\x03\x04" => (6, 26, 30),
            b"PK\x01\x02" => (8, 28, 46),
            _ => continue,
        };
        let len = u16::from_le_bytes([bytes[at + name_len_at], bytes[at + name_len_at + 1]]);
        if bytes.get(at + name_at..at + name_at + usize::from(len)) == Some(name) {
            found.push((at, flag_at));
        }
    }
    assert_eq!(found.len(), 2, "{part}");
    found
}

/// The workbook with one part under another name.
fn rename_part(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        let name = if name == from { to.to_string() } else { name };
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn a_quarter_outside_one_to_four_is_refused_not_a_crash() {
    // The data sheet's 2019 TW I target (row 37: target, id, 2019, 1, 80),
    // moved to quarter 9.
    let real = real_export();
    let odd = edit_part(&real, DATA_SHEET_XML, |xml| {
        xml.replace("<c r=\"D37\"><v>1</v></c>", "<c r=\"D37\"><v>9</v></c>")
    });
    assert_ne!(odd, real);
    let message = refusal_of(odd);
    assert!(message.contains("triwulan"), "{message}");
}

/// A workbook whose data sheet holds `snapshot` (signed with nonsense) and
/// whose Laporan sheet holds `cells` numbers, made without the printed view
/// that an export would build from the snapshot.
fn crafted(snapshot: &renaksi_core::report::snapshot::Snapshot, cells: u32) -> Vec<u8> {
    let mut workbook = rust_xlsxwriter::Workbook::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Laporan").unwrap();
    for i in 0..cells {
        sheet
            .write_number(10 + i / 50, (i % 50) as u16, 1.0)
            .unwrap();
    }
    renaksi_core::report::datasheet::write(&mut workbook, snapshot, "kunci", "tanda tangan")
        .unwrap();
    workbook.save_to_buffer().unwrap()
}

/// `n` more indicators on the snapshot's first action.
fn with_indicators(
    mut snapshot: renaksi_core::report::snapshot::Snapshot,
    n: usize,
) -> renaksi_core::report::snapshot::Snapshot {
    let model = snapshot.data.indicators[0].clone();
    for i in 0..n {
        let mut indicator = model.clone();
        indicator.id = format!("20000000-0000-4000-8000-{i:012}");
        indicator.action_id = snapshot.context.actions[0].id.clone();
        indicator.milestone_id = None;
        indicator.seq = 100 + i as i64;
        snapshot.data.indicators.push(indicator);
    }
    snapshot
}

#[test]
fn a_data_sheet_whose_table_would_repeat_a_long_title_is_refused() {
    // 4,000 rows, each printing the same 30,000-character action title:
    // 120 MB of view (twice over in the table) from a sheet of a few MB.
    let mut snapshot = with_indicators(demo_snapshot(), 4_000);
    snapshot.context.actions[0].title = "Rencana aksi ".repeat(2_500);
    let message = refusal_of(crafted(&snapshot, 0));
    assert_eq!(
        message,
        "Laporan ini terlalu besar untuk diperiksa: teks tabel evaluasinya lebih dari 64 MB."
    );
}

#[test]
fn a_data_sheet_with_more_rows_than_a_report_has_is_refused() {
    let snapshot = with_indicators(demo_snapshot(), 5_000);
    assert_eq!(
        refusal_of(crafted(&snapshot, 0)),
        "Laporan ini terlalu besar untuk diperiksa: tabel evaluasi lebih dari 5000 baris."
    );
}

#[test]
fn comparing_a_large_table_with_a_large_sheet_stays_within_the_budget() {
    // 4,000 rows of 27 columns against 30,000 printed cells: a search
    // through the cells for each expected cell took minutes.
    let snapshot = with_indicators(demo_snapshot(), 4_000);
    let start = Instant::now();
    let report = check_bytes(crafted(&snapshot, 30_000)).unwrap();
    assert!(start.elapsed() < BUDGET, "took {:?}", start.elapsed());
    assert!(report.problems.len() > 4_000);
}
