//! The printed sheets of a report that say other than its signed data or
//! than Bappeda's plan: a hidden real Laporan behind a visible impostor, the
//! sheets reordered, a kop line, the signature block or a number format
//! changed, and a report signed by its OPD whose printed context (an
//! action's title, the predikat bands) is not Bappeda's. Then the editor's
//! rules at import: texts over the caps, a target outside the plan's years,
//! and messages that quote a 10,000-character title stay short. Every
//! forged file is made here from a genuine export, and each refusal leaves
//! Bappeda's database as it was.

use std::io::{Cursor, Read, Write};
use std::time::{Duration, Instant};

use ed25519_dalek::SigningKey;
use renaksi_core::demo::{self, DemoView};
use renaksi_core::model::Target;
use renaksi_core::period::PeriodRef;
use renaksi_core::report::check::{check_bytes, CheckReport};
use renaksi_core::report::export::workbook_bytes;
use renaksi_core::report::import::{import_bytes, Imported};
use renaksi_core::report::layout::{report_cells, TableCell};
use renaksi_core::report::snapshot::{self, ExportInfo, Snapshot};
use renaksi_core::report::view::ReportView;
use renaksi_core::workbook::reader::cell_name;
use renaksi_core::workbook::Paper;
use renaksi_core::{Result, Store};

use crate::fixtures::{demo_snapshot, edit_part, real_export, rezip};

/// The brief's budget for any file, however crafted.
const BUDGET: Duration = Duration::from_secs(10);
const LAPORAN_XML: &str = "xl/worksheets/sheet1.xml";
const WORKBOOK_XML: &str = "xl/workbook.xml";
const STYLES_XML: &str = "xl/styles.xml";

/// The one way this file imports a report at Bappeda.
fn import_report(store: &mut Store, bytes: Vec<u8>) -> Result<Imported> {
    crate::confirming_first_key(|decisions| {
        import_bytes(store, "laporan.xlsx", bytes.clone(), decisions)
    })
}

fn bappeda() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    store
}

/// What Bappeda holds that an import could change: DINKES's rows, the
/// reports received and the keys pinned.
fn held(store: &Store) -> String {
    let info = ExportInfo {
        period: PeriodRef {
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
    let data = snapshot::build(store.conn(), "DINKES", &info).unwrap().data;
    let count = |table: &str| -> i64 {
        store
            .conn()
            .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
            .unwrap()
    };
    format!(
        "{data:?} {} {} {}",
        count("reports"),
        count("opd_keys"),
        count("audit_log")
    )
}

/// Imports `bytes` at a fresh Bappeda, expecting a refusal within the
/// budget that changes nothing; returns its message.
fn refused_at_bappeda(bytes: Vec<u8>) -> String {
    let mut store = bappeda();
    let before = held(&store);
    let start = Instant::now();
    let error = import_report(&mut store, bytes).expect_err("refused");
    assert!(start.elapsed() < BUDGET, "took {:?}", start.elapsed());
    assert_eq!(error.code(), "invalid", "{error}");
    assert_eq!(
        held(&store),
        before,
        "a refused report changed Bappeda's data"
    );
    error.to_string()
}

fn checked(bytes: Vec<u8>) -> CheckReport {
    let start = Instant::now();
    let report = check_bytes(bytes).unwrap();
    assert!(start.elapsed() < BUDGET, "took {:?}", start.elapsed());
    report
}

/// The demo's DINKES snapshot, changed by `edit`, signed by DINKES's key:
/// a report its OPD could really send.
fn signed(edit: impl FnOnce(&mut Snapshot)) -> Vec<u8> {
    let mut snapshot = demo_snapshot();
    edit(&mut snapshot);
    snapshot::sort(&mut snapshot.data);
    workbook_bytes(&snapshot, &SigningKey::from_bytes(&[7u8; 32]), Paper::A4).unwrap()
}

/// Where the genuine Laporan prints `text`, as "S19".
fn address_of(text: &str) -> String {
    let view = ReportView::from_snapshot(&demo_snapshot());
    report_cells(&view)
        .into_iter()
        .find(|(_, _, cell)| *cell == TableCell::Text(text.to_owned()))
        .map(|(r, c, _)| cell_name(r, c))
        .unwrap_or_else(|| panic!("the Laporan prints no {text:?}"))
}

/// The Laporan sheet's cell at `address` replaced by an inline text.
fn with_printed_text(bytes: &[u8], address: &str, text: &str) -> Vec<u8> {
    edit_part(bytes, LAPORAN_XML, |xml| {
        let open = xml
            .find(&format!("<c r=\"{address}\""))
            .unwrap_or_else(|| panic!("no cell {address}"));
        let tag_end = open + xml[open..].find('>').unwrap();
        let end = if xml[..tag_end].ends_with('/') {
            tag_end + 1
        } else {
            open + xml[open..].find("</c>").unwrap() + "</c>".len()
        };
        format!(
            "{}<c r=\"{address}\" t=\"inlineStr\"><is><t>{text}</t></is></c>{}",
            &xml[..open],
            &xml[end..]
        )
    })
}

/// The workbook with more parts added.
fn with_parts(bytes: &[u8], parts: &[(&str, String)]) -> Vec<u8> {
    let mut archive = zip::ZipArchive::new(Cursor::new(rezip(bytes, |_, c| c))).unwrap();
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    for (name, content) in parts {
        out.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(content.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn part(bytes: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    archive
        .by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

fn has_problem(report: &CheckReport, needle: &str) -> bool {
    report.problems.iter().any(|p| p.contains(needle))
}

#[test]
fn a_genuine_export_passes_every_check_and_imports() {
    let real = real_export();
    assert_eq!(checked(real.clone()).problems, Vec::<String>::new());
    let mut store = bappeda();
    assert!(import_report(&mut store, real).unwrap().changed);
}

#[test]
fn a_genuine_export_with_notes_and_no_chart_checks_clean() {
    // No targets at all: every capaian is "-" with a note saying why, and
    // the Ringkasan has no figure to chart.
    let bytes = signed(|s| s.data.targets.clear());
    let archive = zip::ZipArchive::new(Cursor::new(bytes.clone())).unwrap();
    let names: Vec<&str> = archive.file_names().collect();
    assert!(names.iter().any(|n| n.contains("vmlDrawing")), "{names:?}");
    assert!(!names.iter().any(|n| n.contains("charts/")), "{names:?}");
    assert_eq!(checked(bytes.clone()).problems, Vec::<String>::new());

    // A note of its own on a "-" cell.
    let forged = edit_part(&bytes, "xl/comments1.xml", |xml| {
        assert!(xml.contains("<t>Belum ada target</t>"), "{xml}");
        xml.replacen(
            "<t>Belum ada target</t>",
            "<t>Sudah diverifikasi Bappeda</t>",
            1,
        )
    });
    let report = checked(forged);
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert!(
        report.problems[0].starts_with("Catatan pada sel \"Q8\" berbunyi \"Sudah diverifikasi"),
        "{:?}",
        report.problems
    );
}

#[test]
fn a_hidden_real_laporan_behind_a_visible_impostor_is_refused() {
    let real = real_export();
    // The impostor: the real sheet with another kop, shown as the first
    // tab; the real Laporan (the one a check by name would compare) hidden.
    let impostor = part(&real, LAPORAN_XML).replace(
        "<sheetData>",
        "<sheetData><row r=\"100\"><c r=\"A100\" t=\"inlineStr\"><is><t>DISETUJUI</t></is></c></row>",
    );
    let forged = edit_part(&real, WORKBOOK_XML, |xml| {
        xml.replace(
            "<sheet name=\"Laporan\" sheetId=\"1\" r:id=\"rId1\"/>",
            "<sheet name=\"Laporan Resmi\" sheetId=\"4\" r:id=\"rId99\"/>\
             <sheet name=\"Laporan\" sheetId=\"1\" state=\"hidden\" r:id=\"rId1\"/>",
        )
    });
    let forged = edit_part(&forged, "xl/_rels/workbook.xml.rels", |xml| {
        xml.replace(
            "</Relationships>",
            "<Relationship Id=\"rId99\" Type=\"http://schemas.openxmlformats.org/officeDocument/\
             2006/relationships/worksheet\" Target=\"worksheets/sheet4.xml\"/></Relationships>",
        )
    });
    let forged = edit_part(&forged, "[Content_Types].xml", |xml| {
        xml.replace(
            "</Types>",
            "<Override PartName=\"/xl/worksheets/sheet4.xml\" ContentType=\"application/\
             vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>",
        )
    });
    let forged = with_parts(&forged, &[("xl/worksheets/sheet4.xml", impostor)]);

    let report = checked(forged.clone());
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert!(
        report.problems[0].starts_with(
            "Susunan lembar tidak seperti laporan Renaksi: berkas ini berisi lembar \
             \"Laporan Resmi\", \"Laporan\" (tersembunyi), \"Ringkasan\", \"data\" (sangat \
             tersembunyi)"
        ),
        "{:?}",
        report.problems
    );
    let message = refused_at_bappeda(forged);
    assert!(
        message.starts_with("Laporan ditolak: Susunan lembar"),
        "{message}"
    );
}

#[test]
fn a_second_visible_sheet_or_a_swapped_order_is_refused() {
    let real = real_export();
    let swapped = edit_part(&real, WORKBOOK_XML, |xml| {
        xml.replace(
            "<sheet name=\"Laporan\" sheetId=\"1\" r:id=\"rId1\"/>\
             <sheet name=\"Ringkasan\" sheetId=\"2\" r:id=\"rId2\"/>",
            "<sheet name=\"Ringkasan\" sheetId=\"2\" r:id=\"rId2\"/>\
             <sheet name=\"Laporan\" sheetId=\"1\" r:id=\"rId1\"/>",
        )
    });
    assert_ne!(swapped, real);
    let report = checked(swapped.clone());
    assert!(
        has_problem(&report, "Susunan lembar"),
        "{:?}",
        report.problems
    );
    assert!(refused_at_bappeda(swapped).contains("Susunan lembar"));

    // The data sheet shown: a reader would see a sheet nobody checks as printed.
    let shown = edit_part(&real, WORKBOOK_XML, |xml| {
        xml.replace(" state=\"veryHidden\"", "")
    });
    assert!(has_problem(&checked(shown), "\"data\", padahal"));
}

#[test]
fn a_changed_kop_line_is_named() {
    let real = real_export();
    let address = address_of("Periode: Triwulan I 2019");
    assert_eq!(address, "A4");
    let forged = with_printed_text(&real, &address, "Periode: Triwulan IV 2019");
    let report = checked(forged.clone());
    assert_eq!(
        report.problems,
        vec![
            "Sel A4 pada lembar Laporan berbunyi \"Periode: Triwulan IV 2019\", padahal data \
             laporan berisi \"Periode: Triwulan I 2019\"."
                .to_owned()
        ]
    );
    assert!(refused_at_bappeda(forged).contains("Sel A4 pada lembar Laporan"));
}

#[test]
fn a_changed_signature_block_is_named() {
    let real = real_export();
    let address = address_of("dr. Contoh");
    let forged = with_printed_text(&real, &address, "dr. Orang Lain");
    let report = checked(forged.clone());
    assert_eq!(report.problems.len(), 1, "{:?}", report.problems);
    assert!(
        report.problems[0].starts_with(&format!(
            "Sel {address} pada lembar Laporan berbunyi \"dr. Orang Lain\""
        )),
        "{:?}",
        report.problems
    );
    refused_at_bappeda(forged);

    // A line added under the signature block, where the layout writes nothing.
    let row: u32 = address[1..].parse().unwrap();
    let added = edit_part(&real, LAPORAN_XML, |xml| {
        xml.replace(
            "</sheetData>",
            &format!(
                "<row r=\"{}\"><c r=\"S{}\" t=\"inlineStr\"><is><t>Disetujui Sekda</t></is></c>\
                 </row></sheetData>",
                row + 30,
                row + 30
            ),
        )
    });
    let report = checked(added);
    assert_eq!(
        report.problems,
        vec![format!(
            "Sel S{} pada lembar Laporan berisi \"Disetujui Sekda\", padahal laporan tidak \
             mencetak apa pun di sana.",
            row + 30
        )]
    );
}

#[test]
fn a_custom_number_format_printing_a_false_figure_is_refused() {
    let real = real_export();
    // Every percentage would print as 100,00 whatever the cell holds.
    let forged = edit_part(&real, STYLES_XML, |xml| {
        let genuine = "<numFmt numFmtId=\"167\" formatCode=\"0.00\"/>";
        assert!(xml.contains(genuine), "{xml}");
        xml.replace(
            genuine,
            "<numFmt numFmtId=\"167\" formatCode=\"&quot;100,00&quot;\"/>",
        )
    });
    let report = checked(forged.clone());
    assert_eq!(
        report.problems,
        vec![
            "Format angka \"\"100,00\"\" tidak dipakai oleh laporan Renaksi: format seperti itu \
             dapat menampilkan angka lain atau teks di atas angka yang tersimpan."
                .to_owned()
        ]
    );
    assert!(refused_at_bappeda(forged).contains("Format angka"));

    // A built-in format (0.00%) would show 91.67 as 9167.00%.
    let built_in = edit_part(&real, STYLES_XML, |xml| {
        xml.replacen("numFmtId=\"167\" fontId", "numFmtId=\"10\" fontId", 1)
    });
    assert_ne!(built_in, real);
    assert!(has_problem(&checked(built_in), "\"format bawaan 10\""));
}

#[test]
fn a_text_box_drawn_over_the_cells_is_refused() {
    let real = real_export();
    let forged = edit_part(&real, "xl/drawings/drawing1.xml", |xml| {
        xml.replace(
            "</xdr:wsDr>",
            "<xdr:twoCellAnchor><xdr:from><xdr:col>2</xdr:col><xdr:colOff>0</xdr:colOff>\
             <xdr:row>5</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>3\
             </xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>6</xdr:row><xdr:rowOff>0</xdr:rowOff>\
             </xdr:to><xdr:sp macro=\"\" textlink=\"\"><xdr:nvSpPr><xdr:cNvPr id=\"3\" \
             name=\"Kotak 1\"/><xdr:cNvSpPr txBox=\"1\"/></xdr:nvSpPr><xdr:spPr/><xdr:txBody>\
             <a:bodyPr/><a:p><a:r><a:t>100,00</a:t></a:r></a:p></xdr:txBody></xdr:sp>\
             <xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>",
        )
    });
    assert_ne!(forged, real);
    let report = checked(forged.clone());
    assert_eq!(
        report.problems,
        vec![
            "Berkas berisi gambar, kotak teks atau grafik yang tidak dibuat oleh Renaksi; benda \
             seperti itu dapat menutupi atau mengganti angka pada lembar laporan."
                .to_owned()
        ]
    );
    assert!(refused_at_bappeda(forged).contains("kotak teks"));

    // A link on a printed cell, and a format that turns a figure's font
    // white when it is low.
    let linked = edit_part(&real, LAPORAN_XML, |xml| {
        xml.replace(
            "<pageMargins",
            "<hyperlinks><hyperlink ref=\"C8\" location=\"data!A1\"/></hyperlinks><pageMargins",
        )
    });
    let extras = "Berkas berisi tautan, format bersyarat, validasi data, gambar latar atau objek \
                  sisipan yang tidak dibuat oleh Renaksi; isi seperti itu dapat mengubah \
                  tampilan laporan atau membuka alamat lain.";
    assert_eq!(checked(linked).problems, vec![extras.to_owned()]);
    let conditional = edit_part(&real, LAPORAN_XML, |xml| {
        xml.replace(
            "<pageMargins",
            "<conditionalFormatting sqref=\"M8:P20\"><cfRule type=\"cellIs\" dxfId=\"0\" \
             priority=\"1\" operator=\"lessThan\"><formula>50</formula></cfRule>\
             </conditionalFormatting><pageMargins",
        )
    });
    assert_eq!(checked(conditional).problems, vec![extras.to_owned()]);
}

#[test]
fn a_hidden_row_or_column_and_a_page_header_of_its_own_are_refused() {
    let real = real_export();
    // The first body row of the table, hidden from the print.
    let hidden_row = edit_part(&real, LAPORAN_XML, |xml| {
        xml.replacen("<row r=\"8\"", "<row r=\"8\" hidden=\"1\"", 1)
    });
    assert_ne!(hidden_row, real);
    let hidden = "Ada baris atau kolom yang disembunyikan pada lembar laporan; laporan Renaksi \
                  tidak menyembunyikan isi lembarnya.";
    assert_eq!(
        checked(hidden_row.clone()).problems,
        vec![hidden.to_owned()]
    );
    assert!(refused_at_bappeda(hidden_row).contains("disembunyikan"));
    // The Realisasi TW I column (M), of no width.
    let hidden_column = edit_part(&real, LAPORAN_XML, |xml| {
        xml.replacen(
            "<col min=\"9\" max=\"16\"",
            "<col min=\"13\" max=\"13\" width=\"0\"/><col min=\"9\" max=\"16\"",
            1,
        )
    });
    assert_ne!(hidden_column, real);
    assert_eq!(checked(hidden_column).problems, vec![hidden.to_owned()]);

    let header = edit_part(&real, LAPORAN_XML, |xml| {
        xml.replace(
            "<headerFooter>",
            "<headerFooter><oddHeader>&amp;CDISETUJUI BAPPEDA</oddHeader>",
        )
    });
    assert_ne!(header, real);
    assert_eq!(
        checked(header).problems,
        vec![
            "Kepala atau kaki halaman berbunyi \"&CDISETUJUI BAPPEDA\", padahal laporan hanya \
             mencetak \"&LDINKES&CHalaman &P dari &N\"."
                .to_owned()
        ]
    );
}

#[test]
fn a_print_area_leaving_table_rows_off_the_paper_is_refused() {
    let real = real_export();
    let forged = edit_part(&real, WORKBOOK_XML, |xml| {
        let open = xml.find(">Laporan!$A$1:$W$").unwrap() + 1;
        let close = open + xml[open..].find('<').unwrap();
        format!("{}Laporan!$A$1:$W$9{}", &xml[..open], &xml[close..])
    });
    assert_ne!(forged, real);
    let report = checked(forged.clone());
    assert_eq!(
        report.problems,
        vec![
            "Area cetak atau nama rentang berbeda dari yang dibuat Renaksi \
             (\"Laporan!$A$1:$W$9\"); sebagian tabel bisa tidak ikut tercetak."
                .to_owned()
        ]
    );
    assert!(refused_at_bappeda(forged).contains("Area cetak"));
}

#[test]
fn a_printed_action_title_that_is_not_bappedas_is_refused() {
    let snapshot = demo_snapshot();
    let action = snapshot.data.indicators[0].action_id.clone();
    let code = snapshot
        .context
        .actions
        .iter()
        .find(|a| a.id == action)
        .unwrap()
        .code
        .clone();
    let forged = signed(|s| {
        let a = s
            .context
            .actions
            .iter_mut()
            .find(|a| a.id == action)
            .unwrap();
        a.title = "Rencana aksi yang tidak pernah disepakati".into();
    });
    // Signed by the OPD and printed as its data says: only Bappeda's plan
    // tells it apart.
    assert_eq!(checked(forged.clone()).problems, Vec::<String>::new());
    let message = refused_at_bappeda(forged);
    assert!(
        message.starts_with(&format!(
            "Laporan ditolak: isi cetak laporan berbeda dari rencana aksi Bappeda: judul \
             rencana aksi {code} tercetak \"Rencana aksi yang tidak pernah disepakati\", di \
             Bappeda \""
        )),
        "{message}"
    );
    assert!(
        message.ends_with("Minta OPD membuka paket rencana aksi terbaru lalu mengekspor ulang.")
    );
}

#[test]
fn printed_bands_and_an_opd_name_that_are_not_bappedas_are_refused() {
    let bands = signed(|s| {
        s.context.grades.0[0].min = Some(50.0);
    });
    let message = refused_at_bappeda(bands);
    assert!(message.contains("predikat ke-1 tercetak"), "{message}");

    let name = signed(|s| s.context.opd_name = "Dinas Kesehatan dan Segalanya".into());
    let message = refused_at_bappeda(name);
    assert!(
        message.contains("nama OPD tercetak \"Dinas Kesehatan dan Segalanya\""),
        "{message}"
    );
}

#[test]
fn texts_over_the_editors_caps_are_refused() {
    let long_title = signed(|s| s.data.milestones[0].title = "T".repeat(301));
    let message = refused_at_bappeda(long_title);
    assert!(
        message.starts_with("Laporan ditolak: judul tonggak \"TTTT"),
        "{message}"
    );
    assert!(
        message.ends_with("terlalu panjang (301 karakter; paling banyak 300)."),
        "{message}"
    );
    let long_obstacle = signed(|s| s.data.realisations[0].obstacles = "k".repeat(4001));
    assert!(refused_at_bappeda(long_obstacle).contains("(4001 karakter; paling banyak 4000)"));
    let long_unit = signed(|s| s.data.indicators[0].unit = "u".repeat(61));
    assert!(refused_at_bappeda(long_unit).contains("satuan indikator"));
}

#[test]
fn a_target_in_a_year_outside_the_plan_is_refused() {
    let forged = signed(|s| {
        let indicator = s.data.indicators[0].id.clone();
        s.data.targets.push(Target {
            indicator_id: indicator,
            year: 2031,
            quarter: 1,
            value: 5.0,
        });
    });
    let message = refused_at_bappeda(forged);
    assert_eq!(
        message,
        "Laporan ditolak: laporan memuat target untuk tahun 2031, di luar masa rencana aksi \
         (2018-2019)."
    );
    let negative = signed(|s| s.data.targets[0].value = -5.0);
    assert!(refused_at_bappeda(negative).contains("bukan angka 0 atau lebih"));
}

#[test]
fn a_message_quoting_a_ten_thousand_character_title_is_short() {
    let title = "Judul yang sangat panjang sekali ".repeat(304);
    assert!(title.chars().count() >= 10_000);
    let forged = signed(|s| s.data.milestones[0].title = title.clone());
    let message = refused_at_bappeda(forged);
    assert!(message.chars().count() < 250, "{message}");
    assert!(message.contains("…\""), "{message}");

    // The check quotes a long printed text as briefly.
    let real = real_export();
    let printed = with_printed_text(&real, "A4", &title);
    let report = checked(printed);
    assert_eq!(report.problems.len(), 1);
    assert!(
        report.problems[0].chars().count() < 250,
        "{:?}",
        report.problems
    );
}

// The file is exactly what Renaksi writes from its signed data: every part
// of the received file is compared, decompressed, with the workbook written
// again from the signed snapshot. Each forgery below leaves every cell value
// calamine reads as it was, so only that comparison finds most of them.

const SHARED_STRINGS_XML: &str = "xl/sharedStrings.xml";
const CHART_XML: &str = "xl/charts/chart1.xml";
const KOP_OPD_LINE: &str = "Perangkat Daerah: Dinas Kesehatan (DINKES)";

/// Refused by the check and at Bappeda's import; the check's problems.
fn refused_everywhere(bytes: Vec<u8>) -> Vec<String> {
    let problems = checked(bytes.clone()).problems;
    assert!(!problems.is_empty(), "a forged file checked clean");
    let message = refused_at_bappeda(bytes);
    assert!(message.contains(&problems[0]), "{message}");
    problems
}

/// Refused with the one message of the part-by-part comparison, naming `part`.
fn refused_as_changed_part(bytes: Vec<u8>, part: &str) {
    let problems = refused_everywhere(bytes);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].contains(&format!("Bagian \"{part}\""))
            && problems[0].contains("telah diubah setelah diekspor")
            && problems[0].contains("Minta OPD mengirim berkas hasil ekspor apa adanya."),
        "{problems:?}"
    );
}

/// The workbook with `part` copied as `copy` (through `edit`), the
/// workbook's relationships pointing to the copy, and its content type
/// declared: what Excel reads, while a reader of fixed paths reads the
/// original.
fn redirected(bytes: &[u8], part_name: &str, copy: &str, edit: impl Fn(&str) -> String) -> Vec<u8> {
    let original = part(bytes, part_name);
    let changed = edit(&original);
    assert_ne!(changed, original, "the copy changes nothing");
    let with_copy = with_parts(bytes, &[(copy, changed)]);
    let target = |name: &str| format!("Target=\"{}\"", name.trim_start_matches("xl/"));
    let pointed = edit_part(&with_copy, "xl/_rels/workbook.xml.rels", |xml| {
        assert!(xml.contains(&target(part_name)), "{xml}");
        xml.replace(&target(part_name), &target(copy))
    });
    edit_part(&pointed, "[Content_Types].xml", |xml| {
        let open = xml
            .find(&format!("<Override PartName=\"/{part_name}\""))
            .unwrap_or_else(|| panic!("no content type for {part_name}"));
        let end = open + xml[open..].find("/>").unwrap() + 2;
        let declared = xml[open..end].replace(part_name, copy);
        format!("{}{declared}{}", &xml[..end], &xml[end..])
    })
}

#[test]
fn a_second_shared_strings_part_named_by_the_relationships_is_refused() {
    let forged = redirected(
        &real_export(),
        SHARED_STRINGS_XML,
        "xl/sharedStrings2.xml",
        |xml| xml.replace(KOP_OPD_LINE, "Perangkat Daerah: Dinas Sosial (DINSOS)"),
    );
    refused_as_changed_part(forged, "xl/sharedStrings2.xml");
}

#[test]
fn a_decoy_styles_part_named_by_the_relationships_is_refused() {
    // Excel prints with the copy: every "#,##0.##" figure rounded.
    let forged = redirected(&real_export(), STYLES_XML, "xl/styles2.xml", |xml| {
        xml.replace("formatCode=\"#,##0.##\"", "formatCode=\"#,##0\"")
    });
    refused_as_changed_part(forged, "xl/styles2.xml");
}

#[test]
fn a_figure_given_another_cells_rounding_style_is_refused() {
    // G8 holds 68.5 ("#,##0.##"); the row number's style "0" prints 69.
    let forged = edit_part(&real_export(), LAPORAN_XML, |xml| {
        let cell = "<c r=\"G8\" s=\"7\"><v>68.5</v></c>";
        assert!(
            xml.contains(cell) && xml.contains("<c r=\"A8\" s=\"4\">"),
            "{xml}"
        );
        xml.replace(cell, "<c r=\"G8\" s=\"4\"><v>68.5</v></c>")
    });
    refused_as_changed_part(forged, LAPORAN_XML);
}

#[test]
fn a_rich_text_run_in_a_shared_string_is_refused() {
    // The same text, its OPD struck through: a reader of values sees no change.
    let forged = edit_part(&real_export(), SHARED_STRINGS_XML, |xml| {
        let plain = format!("<si><t>{KOP_OPD_LINE}</t></si>");
        assert!(xml.contains(&plain), "{xml}");
        xml.replace(
            &plain,
            "<si><r><t xml:space=\"preserve\">Perangkat Daerah: </t></r><r><rPr><strike/>\
             </rPr><t>Dinas Kesehatan (DINKES)</t></r></si>",
        )
    });
    refused_as_changed_part(forged, SHARED_STRINGS_XML);
}

/// A genuine report of another Renaksi version (its signed data names the
/// version), whose writer laid a part out otherwise, is refused naming both
/// versions, not as a file changed after its export; with no version
/// recorded, it says so. This version's file laid out otherwise is still a
/// changed file.
#[test]
fn a_report_of_another_renaksi_version_is_named_by_its_version_not_as_changed() {
    let this = renaksi_core::APP_VERSION;
    let written_otherwise =
        |bytes: Vec<u8>| edit_part(&bytes, STYLES_XML, |xml| format!("{xml}\n"));
    let older = signed(|s| s.meta.app_version = "0.0.9".into());
    assert_eq!(checked(older.clone()).problems, Vec::<String>::new());
    let problems = refused_everywhere(written_otherwise(older));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with(&format!(
            "Laporan ini dibuat dengan Renaksi \"0.0.9\", sedangkan Bappeda memakai Renaksi \
             {this};"
        )) && problems[0].contains("Gunakan versi Renaksi yang sama")
            && !problems[0].contains("diubah setelah diekspor"),
        "{problems:?}"
    );

    let unnamed = signed(|s| s.meta.app_version = String::new());
    let problems = refused_everywhere(written_otherwise(unnamed));
    assert!(
        problems[0].starts_with(&format!(
            "Laporan ini tidak mencatat versi Renaksi yang membuatnya, sedangkan Bappeda \
             memakai Renaksi {this};"
        )),
        "{problems:?}"
    );

    refused_as_changed_part(written_otherwise(real_export()), STYLES_XML);
}

#[test]
fn a_changed_chart_title_or_data_label_is_refused() {
    let real = real_export();
    let title = edit_part(&real, CHART_XML, |xml| {
        let said = "Capaian s.d. Triwulan I 2019 per rencana aksi";
        assert!(xml.contains(said), "{xml}");
        xml.replace(said, "Capaian s.d. Triwulan IV 2019 per rencana aksi")
    });
    refused_as_changed_part(title, CHART_XML);
    // The labels rounded: 98.625 shown as 99.
    let label = edit_part(&real, CHART_XML, |xml| {
        let labels = "<c:dLbls><c:numFmt formatCode=\"0.00\"";
        assert!(xml.contains(labels), "{xml}");
        xml.replace(labels, "<c:dLbls><c:numFmt formatCode=\"0\"")
    });
    refused_as_changed_part(label, CHART_XML);
}

#[test]
fn a_merged_cell_hiding_a_figure_is_refused() {
    // G8:H8 merged: H8's target no longer prints.
    let forged = edit_part(&real_export(), LAPORAN_XML, |xml| {
        let merges = "<mergeCells count=\"27\">";
        assert!(xml.contains(merges), "{xml}");
        xml.replace(
            merges,
            "<mergeCells count=\"28\"><mergeCell ref=\"G8:H8\"/>",
        )
    });
    refused_as_changed_part(forged, LAPORAN_XML);
}

#[test]
fn a_row_of_almost_no_height_is_refused() {
    let forged = edit_part(&real_export(), LAPORAN_XML, |xml| {
        let row = "<row r=\"8\" spans=\"1:23\" ht=\"51\" customHeight=\"1\">";
        assert!(xml.contains(row), "{xml}");
        xml.replace(
            row,
            "<row r=\"8\" spans=\"1:23\" ht=\"0.1\" customHeight=\"1\">",
        )
    });
    refused_as_changed_part(forged, LAPORAN_XML);
}

#[test]
fn a_repeated_cell_address_with_another_value_is_refused() {
    let forged = edit_part(&real_export(), LAPORAN_XML, |xml| {
        let cell = "<c r=\"G8\" s=\"7\"><v>68.5</v></c>";
        assert!(xml.contains(cell), "{xml}");
        xml.replace(cell, &format!("{cell}<c r=\"G8\" s=\"7\"><v>98.5</v></c>"))
    });
    refused_as_changed_part(forged, LAPORAN_XML);
}

#[test]
fn two_exports_of_one_snapshot_differ_only_in_their_document_properties() {
    let snapshot = demo_snapshot();
    let key = SigningKey::from_bytes(&[7u8; 32]);
    let parts = |bytes: Vec<u8>| -> Vec<(String, Vec<u8>)> {
        let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        (0..archive.len())
            .map(|i| {
                let mut file = archive.by_index(i).unwrap();
                let mut content = Vec::new();
                file.read_to_end(&mut content).unwrap();
                let name = file.name().to_owned();
                if name.starts_with("docProps/") {
                    content.clear();
                }
                (name, content)
            })
            .collect()
    };
    for paper in [Paper::A4, Paper::F4] {
        let first = workbook_bytes(&snapshot, &key, paper).unwrap();
        std::thread::sleep(Duration::from_millis(1100));
        let second = workbook_bytes(&snapshot, &key, paper).unwrap();
        assert_eq!(parts(first.clone()), parts(second), "{paper}");
        assert_eq!(checked(first).problems, Vec::<String>::new(), "{paper}");
    }
}

#[test]
fn genuine_exports_on_a4_and_f4_with_evidence_an_empty_period_and_an_archived_action_pass() {
    use crate::evidence::{offices, TW2_2019};
    use renaksi_core::report::check::check_file;
    use renaksi_core::report::export::export_with_evidence;
    use renaksi_core::report::import::import_file;

    let mut offices = offices();
    // RA-02 and RA-03, which DINKES supports, archived by Bappeda (in both
    // databases, as a package would carry it): their rows stay in the OPD's
    // database but are no longer reported.
    for store in [&offices.opd, &offices.bappeda] {
        let archived = store
            .conn()
            .execute(
                "UPDATE actions SET archived_at = '2019-05-02T01:00:00Z', \
                 archive_reason = 'Digabung dengan RA-01' WHERE code IN ('RA-02', 'RA-03')",
                [],
            )
            .unwrap();
        assert_eq!(archived, 2);
    }
    let out = offices.dir.path().join("kirim");
    std::fs::create_dir_all(&out).unwrap();
    let empty = PeriodRef {
        year: 2019,
        quarter: 4,
    };
    for (period, paper, name) in [
        (TW2_2019, Paper::A4, "tw2-a4.xlsx"),
        (TW2_2019, Paper::F4, "tw2-f4.xlsx"),
        (empty, Paper::A4, "tw4-a4.xlsx"),
        (empty, Paper::F4, "tw4-f4.xlsx"),
    ] {
        let path = out.join(name);
        let exported = export_with_evidence(
            &mut offices.opd,
            &offices.opd_data,
            period,
            paper,
            &path,
            true,
        )
        .unwrap();
        assert!(exported.evidence.is_some(), "{name}: no evidence bundle");
        let report = check_file(&path).unwrap();
        assert_eq!(report.problems, Vec::<String>::new(), "{name}");
        assert!(report.evidence > 0, "{name}");
        crate::confirming_first_key(|decisions| {
            import_file(&mut offices.bappeda, &path, decisions)
        })
        .unwrap_or_else(|e| panic!("{name}: {e}"));
    }
}

#[test]
fn an_opd_and_region_of_two_hundred_characters_export_and_import() {
    use crate::evidence::{offices, TW2_2019};
    use renaksi_core::report::export::export;
    use renaksi_core::report::import::import_file;

    let mut offices = offices();
    let name: String = "Dinas Kesehatan Pengendalian Penduduk dan Keluarga Berencana "
        .repeat(4)
        .chars()
        .take(200)
        .collect();
    let region: String = "Wonosobo Raya Pegunungan Dieng "
        .repeat(7)
        .chars()
        .take(200)
        .collect();
    assert_eq!((name.chars().count(), region.chars().count()), (200, 200));
    for store in [&offices.opd, &offices.bappeda] {
        let conn = store.conn();
        conn.execute(
            "UPDATE opds SET name = ?1, head_title = '' WHERE code = 'DINKES'",
            [&name],
        )
        .unwrap();
        conn.execute("UPDATE plans SET region = ?1", [&region])
            .unwrap();
    }
    offices
        .opd
        .conn()
        .execute(
            "DELETE FROM settings WHERE key IN ('report.sign_place', 'report.head_position')",
            [],
        )
        .unwrap();
    let path = offices.dir.path().join("panjang.xlsx");
    export(
        &mut offices.opd,
        &offices.opd_data,
        TW2_2019,
        Paper::A4,
        &path,
    )
    .unwrap();
    let imported = crate::confirming_first_key(|decisions| {
        import_file(&mut offices.bappeda, &path, decisions)
    })
    .unwrap();
    assert!(imported.changed);
}
