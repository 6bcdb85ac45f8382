//! Writing the template: the plan as it is now, as a fill-in workbook (or,
//! from a database with no plan, the empty template: headers, instructions
//! and drop-downs, no rows).
//!
//! Every text cell is quote-prefixed and its column formatted as text, so a
//! code like "01" or a date typed later stays as typed; nothing is written as
//! a formula. The drop-downs read their lists from the Tema and OPD sheets
//! (the numbers and codes the clerk types there) and from the very hidden
//! Daftar sheet (OGP values, polarity, aggregation, ya/tidak).

use std::collections::HashMap;
use std::path::Path;

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DocProperties, Format, FormatAlign, Formula,
    Workbook, Worksheet, XlsxError,
};
use serde::Serialize;

use super::*;
use crate::achievement::{to_date, Quarters};
use crate::files::write_atomically;
use crate::model::{Action, Aggregation, Indicator, OgpValue, Opd, Period, Plan, Polarity, Theme};
use crate::period::PeriodRef;
use crate::store::{actions, indicators, opds, periods, plans, targets, themes};
use crate::workbook::print::{page_setup, Paper};
use crate::workbook::styles;
use crate::workbook::text::{clip, lines_needed};
use crate::{Error, Result, Store, APP_VERSION};

/// What was written, for the caller to report.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplateWritten {
    pub path: String,
    /// True when the database had no plan: the empty template.
    pub empty: bool,
    pub opds: usize,
    pub themes: usize,
    pub actions: usize,
    pub indicators: usize,
}

/// The plan's rows the template shows: those in use (archived rows stay in
/// the database and out of the file).
pub struct Contents {
    pub plan: Option<Plan>,
    pub periods: Vec<Period>,
    pub opds: Vec<Opd>,
    pub themes: Vec<Theme>,
    pub actions: Vec<Action>,
    pub indicators: Vec<Indicator>,
    pub targets: HashMap<String, HashMap<i32, Quarters>>,
}

impl Contents {
    pub fn load(store: &Store) -> Result<Contents> {
        let conn = store.conn();
        let all_opds = opds::list(conn)?;
        let Some(plan) = plans::current(conn)? else {
            return Ok(Contents {
                plan: None,
                periods: Vec::new(),
                opds: all_opds
                    .into_iter()
                    .filter(|o| o.archived.is_none())
                    .collect(),
                themes: Vec::new(),
                actions: Vec::new(),
                indicators: Vec::new(),
                targets: HashMap::new(),
            });
        };
        let themes: Vec<Theme> = themes::list(conn, &plan.id)?
            .into_iter()
            .filter(|t| t.archived.is_none())
            .collect();
        let actions: Vec<Action> = actions::list(conn, &plan.id)?
            .into_iter()
            .filter(|a| a.archived.is_none())
            .collect();
        let code_of: HashMap<&str, &str> = actions
            .iter()
            .map(|a| (a.id.as_str(), a.code.as_str()))
            .collect();
        // An indicator of an OPD no longer assigned to its action is that
        // OPD's archived data: kept in the database, not in the template.
        let assigned = |i: &Indicator| {
            actions.iter().any(|a| {
                a.id == i.action_id
                    && (a.lead_opd_id == i.opd_id || a.supporting_opd_ids.contains(&i.opd_id))
            })
        };
        let mut indicators: Vec<Indicator> = indicators::list_for_plan(conn, &plan.id)?
            .into_iter()
            .filter(|i| code_of.contains_key(i.action_id.as_str()) && assigned(i))
            .collect();
        // The OPDs in use, and an archived one the plan's rows still name.
        let named: std::collections::HashSet<&str> = actions
            .iter()
            .flat_map(|a| std::iter::once(&a.lead_opd_id).chain(&a.supporting_opd_ids))
            .chain(indicators.iter().map(|i| &i.opd_id))
            .map(String::as_str)
            .collect();
        let opds: Vec<Opd> = all_opds
            .into_iter()
            .filter(|o| o.archived.is_none() || named.contains(o.id.as_str()))
            .collect();
        indicators.sort_by(|a, b| {
            (code_of[a.action_id.as_str()], a.seq).cmp(&(code_of[b.action_id.as_str()], b.seq))
        });
        Ok(Contents {
            periods: periods::list(conn, &plan.id)?,
            targets: targets::grids_for_plan(conn, &plan.id)?,
            plan: Some(plan),
            opds,
            themes,
            actions,
            indicators,
        })
    }
}

/// Writes the template of this database's plan (the empty template when it
/// has none) to `out`, whole or not at all.
pub fn export(store: &Store, out: &Path) -> Result<TemplateWritten> {
    require_may_export(store)?;
    let contents = Contents::load(store)?;
    let bytes = workbook_bytes(&contents).map_err(|e| {
        Error::invalid(
            "file",
            format!("Template rencana aksi tidak dapat dibuat: {e}"),
        )
    })?;
    write_atomically(out, &bytes)?;
    Ok(TemplateWritten {
        path: out.display().to_string(),
        empty: contents.plan.is_none(),
        opds: contents.opds.len(),
        themes: contents.themes.len(),
        actions: contents.actions.len(),
        indicators: contents.indicators.len(),
    })
}

/// The template of a plan is Bappeda's to write; the empty template (no plan
/// yet) anyone's. Checked before a save dialog opens, and again on writing.
pub fn require_may_export(store: &Store) -> Result<()> {
    if plans::current(store.conn())?.is_some() {
        crate::access::require_bappeda(store.conn(), "menulis template rencana aksi")?;
    }
    Ok(())
}

/// Rows the drop-downs and the column formats cover below the data.
const SPARE_ROWS: u32 = 300;
const PT: f64 = 10.0;

struct Styles {
    header: Format,
    text: Format,
    number: Format,
    info: Format,
    title: Format,
    paragraph: Format,
    bold: Format,
}

impl Styles {
    fn new() -> Styles {
        Styles {
            header: styles::header(PT),
            text: styles::text(PT).set_num_format("@"),
            number: styles::figure(PT).set_num_format(styles::DECIMAL),
            info: styles::figure(PT)
                .set_num_format(styles::DECIMAL)
                .set_font_color(rust_xlsxwriter::Color::Gray)
                .set_italic(),
            title: styles::kop(14.0).set_align(FormatAlign::Left),
            paragraph: Format::new()
                .set_font_size(PT)
                .set_text_wrap()
                .set_quote_prefix()
                .set_align(FormatAlign::Top),
            bold: Format::new()
                .set_font_size(PT)
                .set_bold()
                .set_quote_prefix()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
        }
    }
}

pub fn workbook_bytes(c: &Contents) -> Result<Vec<u8>, XlsxError> {
    let st = Styles::new();
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title("Template rencana aksi")
            .set_comment(format!("Dibuat dengan Renaksi {APP_VERSION}")),
    );
    guide_sheet(workbook.add_worksheet(), c, &st)?;
    plan_sheet(workbook.add_worksheet(), c, &st)?;
    opd_sheet(workbook.add_worksheet(), c, &st)?;
    theme_sheet(workbook.add_worksheet(), c, &st)?;
    action_sheet(workbook.add_worksheet(), c, &st)?;
    period_sheet(workbook.add_worksheet(), c, &st)?;
    indicator_sheet(workbook.add_worksheet(), c, &st)?;
    lists_sheet(workbook.add_worksheet())?;
    workbook.save_to_buffer()
}

/// Name, widths, the header row (frozen), A4 landscape, and the hidden id
/// column when the sheet has one. Text columns are formatted as text down to
/// `last_row`.
fn table(
    sheet: &mut Worksheet,
    name: &str,
    columns: &[Column],
    st: &Styles,
) -> Result<(), XlsxError> {
    sheet.set_name(name)?;
    for (col, column) in (0u16..).zip(columns) {
        sheet.set_column_width(col, column.width)?;
        match column.kind {
            Kind::Number => sheet.set_column_format(col, &st.number)?,
            _ => sheet.set_column_format(col, &st.text)?,
        };
        sheet.write_string_with_format(0, col, column.header, &st.header)?;
        if column.kind == Kind::Id {
            sheet.set_column_hidden(col)?;
        }
    }
    sheet.set_row_height(0, 30)?;
    sheet.set_freeze_panes(1, 0)?;
    page_setup(sheet, Paper::A4, name);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_repeat_rows(0, 0)?;
    Ok(())
}

/// Makes a table row tall enough for its longest wrapped text.
fn fit_row(
    sheet: &mut Worksheet,
    row: u32,
    columns: &[Column],
    texts: &[(usize, &str)],
) -> Result<(), XlsxError> {
    let lines = texts
        .iter()
        .filter(|(col, _)| columns[*col].kind != Kind::Id)
        .map(|(col, text)| lines_needed(text, columns[*col].width - 1.0, PT))
        .max()
        .unwrap_or(1);
    sheet.set_row_height(row, (lines as f64 * 13.0 + 3.0).clamp(15.0, 409.0))?;
    Ok(())
}

fn text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    st: &Styles,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, col, clip(value), &st.text)?;
    Ok(())
}

fn figure(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: Option<f64>,
    format: &Format,
) -> Result<(), XlsxError> {
    match value {
        Some(v) => sheet.write_number_with_format(row, col, v, format)?,
        None => sheet.write_blank(row, col, format)?,
    };
    Ok(())
}

/// A drop-down from `list` (a range) on rows 1..=`last` of column `col`.
/// With `strict`, anything else is refused as typed; otherwise Excel only
/// warns (OGP values and supporting OPDs take several words).
fn dropdown(
    sheet: &mut Worksheet,
    col: u16,
    last: u32,
    list: &str,
    message: &str,
    strict: bool,
) -> Result<(), XlsxError> {
    let mut validation = DataValidation::new()
        .allow_list_formula(Formula::new(list))
        .set_error_message(message)?;
    if !strict {
        validation = validation.set_error_style(DataValidationErrorStyle::Information);
    }
    sheet.add_data_validation(1, col, last, col, &validation)?;
    Ok(())
}

fn guide_sheet(sheet: &mut Worksheet, c: &Contents, st: &Styles) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_GUIDE)?;
    sheet.set_column_width(0, 24)?;
    sheet.set_column_width(1, 100)?;
    page_setup(sheet, Paper::A4, SHEET_GUIDE);
    sheet.set_print_fit_to_pages(1, 0);
    sheet.merge_range(0, 0, 0, 1, "TEMPLATE RENCANA AKSI DAERAH", &st.title)?;
    sheet.set_row_height(0, 24)?;
    let about = match &c.plan {
        Some(plan) => format!(
            "{} ({}), versi {}, status {}.",
            plan.title,
            plan.region,
            plan.version,
            plan.status.as_str()
        ),
        None => "Template kosong: isi setiap sheet, lalu impor ke Renaksi.".to_string(),
    };
    sheet.merge_range(1, 0, 1, 1, &clip(&about), &st.paragraph)?;
    let lines: &[(&str, &str)] = &[
        ("Cara memakai", "Isi sheet Rencana, OPD, Tema, Rencana Aksi, Triwulan dan Indikator; satu baris untuk satu data. Simpan sebagai .xlsx lalu impor di Renaksi (menu Rencana > Template, atau renaksi plan import). Renaksi memeriksa setiap baris; bila ada yang salah, tidak ada yang disimpan dan setiap kesalahan disebut sheet, baris dan kolomnya. Sebelum disimpan, Renaksi menunjukkan apa yang ditambah, diubah atau diarsipkan. Mengimpor berkas yang sama dua kali tidak mengubah apa pun."),
        ("Jangan", "Jangan mengubah judul kolom, nama sheet, atau kolom ID yang tersembunyi. Jangan menulis rumus: berkas yang berisi rumus ditolak. Baris baru cukup ditulis di bawah baris terakhir; kolom ID-nya dibiarkan kosong. Baris yang disalin harus dikosongkan kolom ID-nya."),
        ("Rencana", "Wilayah (mis. Kabupaten Wonosobo), judul, triwulan pertama dan terakhir (ditulis seperti 2020-TW1 dan 2022-TW4). Triwulan-triwulan rencana aksi dibuat dari keduanya. Status dan versi hanya informasi: keduanya diubah di aplikasi."),
        ("OPD", "Wajib: Kode OPD (huruf, angka dan tanda hubung, paling banyak 20 karakter, mis. DINKES) dan nama lengkap. Nama singkat, nama, jabatan dan NIP kepala (18 angka) menjadi isian awal blok tanda tangan laporan OPD."),
        ("Tema", "Wajib: No (1, 2, 3, ...) dan judul. Nomor menentukan urutan tema."),
        ("Rencana Aksi", "Wajib: kode (mis. RA-01), judul, no tema (dari sheet Tema), kode OPD pelaksana (dari sheet OPD). OPD pendukung: kode-kode OPD dipisah koma, mis. DINSOS, DUKCAPIL; OPD pelaksana tidak boleh menjadi pendukung. Mulai dan selesai ditulis 2020-07-01 dan berada dalam tahun rencana aksi. Nilai OGP: transparansi, partisipasi, akuntabilitas, teknologi_inovasi, dipisah koma."),
        ("Triwulan", "Batas laporan setiap triwulan (mis. 2020-04-15). Triwulan yang tidak ditulis memakai tanggal 10 bulan sesudah triwulan itu. Kolom Ditutup hanya informasi: triwulan ditutup dan dibuka di aplikasi, dengan alasan."),
        ("Indikator", "Wajib: kode rencana aksi, kode OPD (pelaksana atau pendukung rencana aksi itu), uraian, satuan, polaritas (positif/negatif) dan agregasi (kumulatif/persentase/nilai_akhir). Target per triwulan seperti yang disepakati dalam dokumen rencana aksi: angka 0 atau lebih, kosong bila tidak ada. Kolom Target tahunan dihitung dari target triwulan (seperti di aplikasi) dan tidak dibaca kembali. Indikator menjadi milik OPD-nya; OPD menerimanya lewat paket rencana aksi."),
        ("Yang hilang", "Tema, rencana aksi atau OPD yang tidak ada lagi di template: bila sudah berisi data, diarsipkan dengan alasan (tidak dihapus); bila belum, dihapus. Indikator yang sudah berisi realisasi tidak dihapus."),
        ("Contoh", "OPD: DINKES | Dinas Kesehatan | Dinkes | dr. Hartono | Kepala Dinas Kesehatan | 196805121995031002\nTema: 1 | Layanan Publik | Peningkatan keterbukaan layanan dasar\nRencana Aksi: RA-01 | Jaminan Kesehatan Semesta | 1 | DINKES | DINSOS, DUKCAPIL | 2020-07-01 | 2022-12-31 | ... | transparansi, partisipasi\nIndikator: RA-01 | DINKES | Persentase penduduk terdaftar JKN | persen | 68,5 | positif | persentase | 72 | 75 | ..."),
    ];
    for (row, (label, body)) in (3u32..).zip(lines) {
        sheet.write_string_with_format(row, 0, *label, &st.bold)?;
        sheet.write_string_with_format(row, 1, *body, &st.paragraph)?;
        let lines = lines_needed(body, 99.0, PT);
        sheet.set_row_height(row, (lines as f64 * 12.5 + 4.0).min(409.0))?;
    }
    sheet.set_active(true);
    Ok(())
}

fn plan_sheet(sheet: &mut Worksheet, c: &Contents, st: &Styles) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_PLAN)?;
    for (col, width) in (0u16..).zip([26.0, 60.0, 50.0]) {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_column_format(1, &st.text)?;
    for (col, header) in (0u16..).zip(PLAN_HEADERS) {
        sheet.write_string_with_format(0, col, header, &st.header)?;
    }
    let plan = c.plan.as_ref();
    let first = c
        .periods
        .first()
        .map(|p| format!("{}-TW{}", p.year, p.quarter));
    let last = c
        .periods
        .last()
        .map(|p| format!("{}-TW{}", p.year, p.quarter));
    let values: [(String, &str); 7] = [
        (
            plan.map(|p| p.region.clone()).unwrap_or_default(),
            "Wajib, mis. Kabupaten Wonosobo.",
        ),
        (plan.map(|p| p.title.clone()).unwrap_or_default(), "Wajib."),
        (first.unwrap_or_default(), "Wajib, mis. 2020-TW1."),
        (last.unwrap_or_default(), "Wajib, mis. 2022-TW4."),
        (
            plan.map(|p| p.status.as_str().to_string())
                .unwrap_or_default(),
            "Hanya informasi; status diubah di aplikasi.",
        ),
        (
            plan.map(|p| p.version.to_string()).unwrap_or_default(),
            "Hanya informasi.",
        ),
        (
            plan.map(|p| p.id.clone()).unwrap_or_default(),
            "Jangan diubah.",
        ),
    ];
    for (row, (label, (value, note))) in (1u32..).zip(PLAN_LABELS.iter().zip(values)) {
        sheet.write_string_with_format(row, 0, *label, &st.bold)?;
        text(sheet, row, 1, &value, st)?;
        sheet.write_string_with_format(row, 2, note, &st.paragraph)?;
    }
    sheet.set_row_hidden(7)?;
    sheet.set_freeze_panes(1, 0)?;
    page_setup(sheet, Paper::A4, SHEET_PLAN);
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

fn opd_sheet(sheet: &mut Worksheet, c: &Contents, st: &Styles) -> Result<(), XlsxError> {
    table(sheet, SHEET_OPDS, OPD_COLUMNS, st)?;
    for (row, o) in (1u32..).zip(&c.opds) {
        for (col, value) in (0u16..).zip([
            &o.id,
            &o.code,
            &o.name,
            &o.short_name,
            &o.head_name,
            &o.head_title,
            &o.head_nip,
        ]) {
            text(sheet, row, col, value, st)?;
        }
        fit_row(
            sheet,
            row,
            OPD_COLUMNS,
            &[(2, &o.name), (4, &o.head_name), (5, &o.head_title)],
        )?;
    }
    Ok(())
}

fn theme_sheet(sheet: &mut Worksheet, c: &Contents, st: &Styles) -> Result<(), XlsxError> {
    table(sheet, SHEET_THEMES, THEME_COLUMNS, st)?;
    for (row, t) in (1u32..).zip(&c.themes) {
        text(sheet, row, 0, &t.id, st)?;
        figure(sheet, row, 1, Some(t.seq as f64), &st.number)?;
        text(sheet, row, 2, &t.name, st)?;
        text(sheet, row, 3, &t.description, st)?;
        fit_row(
            sheet,
            row,
            THEME_COLUMNS,
            &[(2, &t.name), (3, &t.description)],
        )?;
    }
    Ok(())
}

fn ogp_words(values: &[OgpValue]) -> String {
    values
        .iter()
        .map(|v| v.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn action_sheet(sheet: &mut Worksheet, c: &Contents, st: &Styles) -> Result<(), XlsxError> {
    use action_col::*;
    table(sheet, SHEET_ACTIONS, ACTION_COLUMNS, st)?;
    let opd_code: HashMap<&str, &str> = c
        .opds
        .iter()
        .map(|o| (o.id.as_str(), o.code.as_str()))
        .collect();
    let theme_seq: HashMap<&str, i64> = c.themes.iter().map(|t| (t.id.as_str(), t.seq)).collect();
    for (row, a) in (1u32..).zip(&c.actions) {
        // An id the sheet does not know is written as it is (never in a real
        // plan: the database refers to its OPDs), so the import names it.
        let code_of = |id: &str| opd_code.get(id).copied().unwrap_or(id).to_string();
        let supporting: Vec<String> = a.supporting_opd_ids.iter().map(|id| code_of(id)).collect();
        text(sheet, row, ID as u16, &a.id, st)?;
        text(sheet, row, CODE as u16, &a.code, st)?;
        text(sheet, row, TITLE as u16, &a.title, st)?;
        figure(
            sheet,
            row,
            THEME as u16,
            theme_seq.get(a.theme_id.as_str()).map(|s| *s as f64),
            &st.number,
        )?;
        text(sheet, row, LEAD as u16, &code_of(&a.lead_opd_id), st)?;
        text(sheet, row, SUPPORTING as u16, &supporting.join(", "), st)?;
        text(
            sheet,
            row,
            START as u16,
            a.start_date.as_deref().unwrap_or(""),
            st,
        )?;
        text(
            sheet,
            row,
            END as u16,
            a.end_date.as_deref().unwrap_or(""),
            st,
        )?;
        text(sheet, row, PROBLEM as u16, &a.problem, st)?;
        text(sheet, row, DESCRIPTION as u16, &a.description, st)?;
        text(sheet, row, CONTRIBUTION as u16, &a.contribution, st)?;
        text(sheet, row, OGP as u16, &ogp_words(&a.ogp_values), st)?;
        text(sheet, row, CSO as u16, &a.cso_partners, st)?;
        fit_row(
            sheet,
            row,
            ACTION_COLUMNS,
            &[
                (TITLE, &a.title),
                (PROBLEM, &a.problem),
                (DESCRIPTION, &a.description),
                (CONTRIBUTION, &a.contribution),
                (CSO, &a.cso_partners),
            ],
        )?;
    }
    // Too wide for one page at a readable size: two pages across, the code
    // repeated on each.
    sheet.set_print_fit_to_pages(2, 0);
    sheet.set_repeat_columns(CODE as u16, CODE as u16)?;
    let last = c.actions.len() as u32 + SPARE_ROWS;
    dropdown(
        sheet,
        THEME as u16,
        last,
        &format!(
            "={SHEET_THEMES}!$B$2:$B${}",
            c.themes.len() as u32 + SPARE_ROWS + 1
        ),
        "Pilih nomor tema dari sheet Tema.",
        true,
    )?;
    let opd_range = format!(
        "={SHEET_OPDS}!$B$2:$B${}",
        c.opds.len() as u32 + SPARE_ROWS + 1
    );
    dropdown(
        sheet,
        LEAD as u16,
        last,
        &opd_range,
        "Pilih kode OPD dari sheet OPD.",
        true,
    )?;
    dropdown(
        sheet,
        SUPPORTING as u16,
        last,
        &opd_range,
        "Kode OPD dari sheet OPD, dipisah koma.",
        false,
    )?;
    dropdown(
        sheet,
        OGP as u16,
        last,
        &format!("={SHEET_LISTS}!$A$1:$A$4"),
        "Nilai OGP dari daftar, dipisah koma.",
        false,
    )?;
    Ok(())
}

fn period_sheet(sheet: &mut Worksheet, c: &Contents, st: &Styles) -> Result<(), XlsxError> {
    table(sheet, SHEET_PERIODS, PERIOD_COLUMNS, st)?;
    for (row, p) in (1u32..).zip(&c.periods) {
        text(sheet, row, 0, &format!("{}-TW{}", p.year, p.quarter), st)?;
        text(sheet, row, 1, p.due_date.as_deref().unwrap_or(""), st)?;
        text(sheet, row, 2, if p.closed { YES } else { NO }, st)?;
    }
    dropdown(
        sheet,
        period_col::CLOSED as u16,
        c.periods.len() as u32 + 40,
        &format!("={SHEET_LISTS}!$D$1:$D$2"),
        "Pilih ya atau tidak.",
        true,
    )?;
    Ok(())
}

/// The plan years the target columns are for: the plan's, or in the empty
/// template this year and the two after it (the headers can be changed).
fn years(c: &Contents) -> Vec<i32> {
    match &c.plan {
        Some(plan) => (plan.year_start..=plan.year_end).collect(),
        None => {
            let now = crate::dates::today_wib();
            let year = chrono::Datelike::year(&now);
            (year..year + 3).collect()
        }
    }
}

fn indicator_sheet(sheet: &mut Worksheet, c: &Contents, st: &Styles) -> Result<(), XlsxError> {
    use indicator_col::*;
    table(sheet, SHEET_INDICATORS, INDICATOR_COLUMNS, st)?;
    let years = years(c);
    let mut col = FIRST_YEAR as u16;
    let mut columns: Vec<(u16, i32, Option<u8>)> = Vec::new();
    for year in &years {
        for quarter in 1..=4u8 {
            sheet.set_column_width(col, 8.5)?;
            sheet.set_column_format(col, &st.number)?;
            sheet.write_string_with_format(0, col, quarter_header(*year, quarter), &st.header)?;
            columns.push((col, *year, Some(quarter)));
            col += 1;
        }
        sheet.set_column_width(col, 10)?;
        sheet.set_column_format(col, &st.info)?;
        sheet.write_string_with_format(0, col, annual_header(*year), &st.header)?;
        columns.push((col, *year, None));
        col += 1;
    }
    let action_code: HashMap<&str, &str> = c
        .actions
        .iter()
        .map(|a| (a.id.as_str(), a.code.as_str()))
        .collect();
    let opd_code: HashMap<&str, &str> = c
        .opds
        .iter()
        .map(|o| (o.id.as_str(), o.code.as_str()))
        .collect();
    for (row, i) in (1u32..).zip(&c.indicators) {
        text(sheet, row, ID as u16, &i.id, st)?;
        text(
            sheet,
            row,
            ACTION as u16,
            action_code.get(i.action_id.as_str()).copied().unwrap_or(""),
            st,
        )?;
        text(
            sheet,
            row,
            OPD as u16,
            opd_code.get(i.opd_id.as_str()).copied().unwrap_or(""),
            st,
        )?;
        text(sheet, row, DESCRIPTION as u16, &i.description, st)?;
        text(sheet, row, UNIT as u16, &i.unit, st)?;
        figure(sheet, row, BASELINE as u16, i.baseline, &st.number)?;
        text(sheet, row, POLARITY as u16, i.polarity.as_str(), st)?;
        text(sheet, row, AGGREGATION as u16, i.aggregation.as_str(), st)?;
        fit_row(
            sheet,
            row,
            INDICATOR_COLUMNS,
            &[(DESCRIPTION, &i.description), (UNIT, &i.unit)],
        )?;
        let grids = c.targets.get(&i.id);
        for (col, year, quarter) in &columns {
            let grid = grids.and_then(|g| g.get(year)).copied().unwrap_or_default();
            match quarter {
                Some(q) => figure(sheet, row, *col, grid[usize::from(*q) - 1], &st.number)?,
                None => figure(sheet, row, *col, to_date(&grid, 4, i.aggregation), &st.info)?,
            }
        }
    }
    let last = c.indicators.len() as u32 + SPARE_ROWS;
    dropdown(
        sheet,
        ACTION as u16,
        last,
        &format!(
            "='{SHEET_ACTIONS}'!$B$2:$B${}",
            c.actions.len() as u32 + SPARE_ROWS + 1
        ),
        "Pilih kode rencana aksi dari sheet Rencana Aksi.",
        true,
    )?;
    dropdown(
        sheet,
        OPD as u16,
        last,
        &format!(
            "={SHEET_OPDS}!$B$2:$B${}",
            c.opds.len() as u32 + SPARE_ROWS + 1
        ),
        "Pilih kode OPD dari sheet OPD.",
        true,
    )?;
    dropdown(
        sheet,
        POLARITY as u16,
        last,
        &format!("={SHEET_LISTS}!$B$1:$B$2"),
        "Pilih positif atau negatif.",
        true,
    )?;
    dropdown(
        sheet,
        AGGREGATION as u16,
        last,
        &format!("={SHEET_LISTS}!$C$1:$C$3"),
        "Pilih kumulatif, persentase atau nilai_akhir.",
        true,
    )?;
    sheet.set_freeze_panes(1, (DESCRIPTION + 1) as u16)?;
    Ok(())
}

fn lists_sheet(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    sheet.set_name(SHEET_LISTS)?;
    let quoted = Format::new().set_quote_prefix();
    let lists: [Vec<&str>; 4] = [
        OgpValue::ALL.iter().map(|v| v.as_str()).collect(),
        Polarity::ALL.iter().map(|v| v.as_str()).collect(),
        Aggregation::ALL.iter().map(|v| v.as_str()).collect(),
        vec![YES, NO],
    ];
    for (col, list) in (0u16..).zip(lists) {
        for (row, word) in (0u32..).zip(list) {
            sheet.write_string_with_format(row, col, word, &quoted)?;
        }
    }
    sheet.set_very_hidden(true);
    Ok(())
}

/// The first and last quarter of a list of periods, for callers that show them.
pub fn span(periods: &[Period]) -> Option<(PeriodRef, PeriodRef)> {
    let first = periods.first()?;
    let last = periods.last()?;
    Some((
        PeriodRef {
            year: first.year,
            quarter: first.quarter,
        },
        PeriodRef {
            year: last.year,
            quarter: last.quarter,
        },
    ))
}
