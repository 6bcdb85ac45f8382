//! The berita acara of a co-creation session, fitted to the page width: the
//! "Berita Acara" sheet (landscape) with the kop, an opening paragraph (day,
//! date, place, who attended), the inputs with the government's responses, the
//! session's notes, a closing line and places to sign; and its attachment, the
//! "Daftar Hadir" sheet (portrait) listing the participants with room to sign.
//!
//! The attendance list has a sheet of its own because a sheet repeats one
//! header row on every printed page: below the inputs table, the attendance
//! list's pages would carry the inputs' header.
//!
//! Like every workbook of the app, user text is written as quote-prefixed
//! string cells and no formula is ever written; the file is written to a
//! temporary file and renamed.

use std::path::Path;

use chrono::NaiveDate;
use rust_xlsxwriter::{DocProperties, Format, Workbook, Worksheet, XlsxError};
use serde::Serialize;

use super::{day_and_date, session, ActionInputs, Participant, ParticipantKind, Session};
use crate::dates::long_date;
use crate::files::write_atomically;
use crate::model::Plan;
use crate::store::plans;
use crate::workbook::print::{fit_to_width, page_setup, Paper};
use crate::workbook::styles::{self, LetterStyles};
use crate::workbook::text::{clip, lines_needed};
use crate::{Error, Result, Store, APP_VERSION};

pub const SHEET: &str = "Berita Acara";
pub const ATTENDANCE_SHEET: &str = "Daftar Hadir";

const BODY_PT: f64 = styles::LETTER_BODY_PT;
const KOP_PT: f64 = styles::LETTER_KOP_PT;
/// No | Rencana Aksi | Masukan | Dari | Tanggapan pemerintah | Alasan.
const WIDTHS: [f64; 6] = [5.0, 26.0, 44.0, 22.0, 15.0, 32.0];
/// No | Nama | Instansi/Organisasi | Unsur | Tanda tangan, on portrait paper.
const ATTENDANCE_WIDTHS: [f64; 5] = [5.0, 27.0, 34.0, 9.0, 22.0];

/// What was written, for the caller to report.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct BeritaAcaraWritten {
    pub path: String,
    pub session_title: String,
    pub participants: usize,
    pub inputs: usize,
    /// Inputs that have a response.
    pub responded: usize,
}

/// Writes the berita acara of a session to `out`.
pub fn export(
    store: &Store,
    session_id: &str,
    out: &Path,
    paper: Paper,
) -> Result<BeritaAcaraWritten> {
    let conn = store.conn();
    let plan = plans::require_current(conn)?;
    let session = session(conn, session_id)?;
    let bytes = workbook_bytes(&plan, &session, paper).map_err(|e| {
        Error::invalid(
            "file",
            format!("Buku kerja berita acara tidak dapat dibuat: {e}"),
        )
    })?;
    write_atomically(out, &bytes)?;
    Ok(BeritaAcaraWritten {
        path: out.display().to_string(),
        session_title: session.title.clone(),
        participants: session.participants.len(),
        inputs: session.input_count,
        responded: session.responded_count,
    })
}

/// "Wonosobo" from "Kabupaten Wonosobo": the place above the signatures.
fn town(region: &str) -> &str {
    let region = region.trim();
    ["Kabupaten ", "Kota "]
        .iter()
        .find_map(|prefix| region.strip_prefix(prefix))
        .unwrap_or(region)
        .trim()
}

/// "Sesi dihadiri 12 peserta (4 dari OPD, 8 dari organisasi masyarakat sipil),
/// sebagaimana tercantum dalam daftar hadir terlampir. ", or nothing when no
/// one was listed.
fn attendance(participants: &[Participant]) -> String {
    let count = |kind| participants.iter().filter(|p| p.kind == kind).count();
    let parts: Vec<String> = [
        (ParticipantKind::Opd, "dari OPD"),
        (ParticipantKind::Cso, "dari organisasi masyarakat sipil"),
        (ParticipantKind::Other, "lainnya"),
    ]
    .into_iter()
    .filter(|(kind, _)| count(*kind) > 0)
    .map(|(kind, words)| format!("{} {words}", count(kind)))
    .collect();
    match participants.len() {
        0 => String::new(),
        n => format!(
            "Sesi dihadiri {n} peserta ({}), sebagaimana tercantum dalam daftar hadir terlampir. ",
            parts.join(", ")
        ),
    }
}

/// Who an input came from: the organisation, with the speaker's name.
fn from_whom(organisation: &str, author: &str) -> String {
    match (organisation.is_empty(), author.is_empty()) {
        (false, false) => format!("{organisation} ({author})"),
        (false, true) => organisation.to_string(),
        _ => author.to_string(),
    }
}

fn height(lines: usize, pt: f64) -> f64 {
    (lines as f64 * pt * 1.25 + 5.0).clamp(16.0, 409.0)
}

/// Total width of columns `first..=last`.
fn span(widths: &[f64], first: u16, last: u16) -> f64 {
    widths[usize::from(first)..=usize::from(last)].iter().sum()
}

/// Writes `text` across columns `first..=last` of one row (merged when wider
/// than one column) and makes the row tall enough for it.
fn line(
    sheet: &mut Worksheet,
    widths: &[f64],
    row: u32,
    (first, last): (u16, u16),
    text: &str,
    format: &Format,
    pt: f64,
) -> Result<(), XlsxError> {
    let text = clip(text);
    if first == last {
        sheet.write_string_with_format(row, first, &text, format)?;
    } else {
        sheet.merge_range(row, first, row, last, &text, format)?;
    }
    let lines = lines_needed(&text, span(widths, first, last) - 1.0, pt);
    sheet.set_row_height(row, height(lines, pt))?;
    Ok(())
}

/// Column widths, the kop's three lines (heading, plan, session) and the
/// row after them.
fn start_sheet(
    sheet: &mut Worksheet,
    widths: &[f64],
    heading: &str,
    plan: &Plan,
    session: &Session,
    st: &LetterStyles,
) -> Result<u32, XlsxError> {
    for (col, width) in widths.iter().enumerate() {
        sheet.set_column_width(col as u16, *width)?;
    }
    let all = (0, widths.len() as u16 - 1);
    line(sheet, widths, 0, all, heading, &st.title, KOP_PT + 2.0)?;
    line(sheet, widths, 1, all, plan.title.trim(), &st.kop, KOP_PT)?;
    line(sheet, widths, 2, all, session.title.trim(), &st.kop, KOP_PT)?;
    sheet.set_row_height(3, 8.0)?;
    Ok(4)
}

/// A table's header row, repeated on every printed page and kept in view on screen.
fn header_row(
    sheet: &mut Worksheet,
    widths: &[f64],
    row: u32,
    labels: &[&str],
    st: &LetterStyles,
) -> Result<(), XlsxError> {
    let mut lines = 1;
    for (col, label) in labels.iter().enumerate() {
        sheet.write_string_with_format(row, col as u16, *label, &st.header)?;
        lines = lines.max(lines_needed(label, widths[col] - 1.0, BODY_PT));
    }
    sheet.set_row_height(row, height(lines, BODY_PT).max(22.0))?;
    sheet.set_repeat_rows(row, row)?;
    sheet.set_freeze_panes(row + 1, 0)?;
    Ok(())
}

/// Page setup and print area: fitted to the page width.
fn finish(
    sheet: &mut Worksheet,
    paper: Paper,
    portrait: bool,
    last_row: u32,
    last_col: u16,
) -> Result<(), XlsxError> {
    page_setup(sheet, paper, "Berita acara sesi ko-kreasi");
    if portrait {
        sheet.set_portrait();
    }
    fit_to_width(sheet, last_row, last_col)
}

/// The inputs, one row each, the action's cell merged over its inputs;
/// returns the row after the table.
fn inputs_table(
    sheet: &mut Worksheet,
    mut row: u32,
    groups: &[ActionInputs],
    st: &LetterStyles,
) -> Result<u32, XlsxError> {
    let mut no = 0;
    for group in groups {
        let first_row = row;
        let mut heights = Vec::new();
        for input in &group.inputs {
            no += 1;
            let (decision, reason) = match &input.response {
                Some(r) => (r.decision.label().to_string(), r.reason.clone()),
                None => ("Belum ditanggapi".to_string(), String::new()),
            };
            let from = from_whom(&input.organisation, &input.author);
            sheet.write_number_with_format(row, 0, f64::from(no), &st.centre)?;
            let cells = [
                (2, &input.body, &st.text),
                (3, &from, &st.text),
                (4, &decision, &st.centre),
                (5, &reason, &st.text),
            ];
            let mut lines = 1;
            for (col, text, format) in cells {
                let text = clip(text);
                if text.is_empty() {
                    sheet.write_blank(row, col, format)?;
                } else {
                    sheet.write_string_with_format(row, col, &text, format)?;
                }
                lines = lines.max(lines_needed(&text, WIDTHS[usize::from(col)] - 1.0, BODY_PT));
            }
            heights.push(height(lines, BODY_PT));
            row += 1;
        }
        let action = clip(&format!("{} {}", group.action_code, group.action_title));
        let last_row = row - 1;
        if last_row == first_row {
            sheet.write_string_with_format(first_row, 1, &action, &st.text)?;
        } else {
            sheet.merge_range(first_row, 1, last_row, 1, &action, &st.text)?;
        }
        // Excel does not grow merged cells: the action's text sets a floor on
        // the group's total height, given to its last row.
        let needed = height(lines_needed(&action, WIDTHS[1] - 1.0, BODY_PT), BODY_PT);
        let total: f64 = heights.iter().sum();
        if let Some(last) = heights.last_mut() {
            *last = (*last + (needed - total).max(0.0)).min(409.0);
        }
        for (i, h) in heights.iter().enumerate() {
            sheet.set_row_height(first_row + i as u32, *h)?;
        }
    }
    Ok(row)
}

fn berita_acara_sheet(
    sheet: &mut Worksheet,
    plan: &Plan,
    session: &Session,
    paper: Paper,
    st: &LetterStyles,
) -> Result<(), XlsxError> {
    let w = &WIDTHS[..];
    let last_col = WIDTHS.len() as u16 - 1;
    let all = (0, last_col);
    let mut row = start_sheet(sheet, w, "BERITA ACARA SESI KO-KREASI", plan, session, st)?;

    let opening = format!(
        "Pada hari {}, bertempat di {}, telah dilaksanakan sesi ko-kreasi \"{}\" dalam rangka \
         penyusunan {}. {}Masukan yang disampaikan dan tanggapan pemerintah daerah atas setiap \
         masukan adalah sebagai berikut.",
        day_and_date(&session.held_on),
        session.place.trim(),
        session.title.trim(),
        plan.title.trim(),
        attendance(&session.participants),
    );
    line(sheet, w, row, all, &opening, &st.paragraph, BODY_PT)?;
    line(
        sheet,
        w,
        row + 1,
        all,
        "A. Masukan dan tanggapan pemerintah",
        &st.section,
        BODY_PT,
    )?;
    row += 2;
    header_row(
        sheet,
        w,
        row,
        &[
            "No",
            "Rencana Aksi",
            "Masukan",
            "Dari",
            "Tanggapan pemerintah",
            "Alasan",
        ],
        st,
    )?;
    row = inputs_table(sheet, row + 1, &session.actions, st)?;
    if session.actions.is_empty() {
        line(
            sheet,
            w,
            row,
            all,
            "Belum ada masukan yang dicatat.",
            &st.text,
            BODY_PT,
        )?;
        row += 1;
    }
    row += 1;

    let notes = session.notes.trim();
    if !notes.is_empty() {
        line(sheet, w, row, all, "B. Catatan sesi", &st.section, BODY_PT)?;
        line(sheet, w, row + 1, all, notes, &st.paragraph, BODY_PT)?;
        row += 3;
    }

    line(
        sheet,
        w,
        row,
        all,
        "Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.",
        &st.paragraph,
        BODY_PT,
    )?;
    row += 2;
    let signed_at = match NaiveDate::parse_from_str(&session.held_on, "%Y-%m-%d") {
        Ok(date) => format!("{}, {}", town(&plan.region), long_date(date)),
        Err(_) => town(&plan.region).to_string(),
    };
    // Each side's block is one cell of one row, so a page break never falls
    // between a title and its signature.
    let blank = "(..........................................)";
    let left = format!(
        "\n\nWakil Pemerintah Daerah\n\n\n\n\n{blank}\nNIP. .........................................."
    );
    let right = format!(
        "\n{signed_at}\nWakil Organisasi Masyarakat Sipil\n\n\n\n\n{blank}\nOrganisasi: .................................."
    );
    sheet.merge_range(row, 0, row, 2, &clip(&left), &st.plain_centre)?;
    sheet.merge_range(row, 3, row, last_col, &clip(&right), &st.plain_centre)?;
    sheet.set_row_height(row, height(9, BODY_PT))?;
    row += 2;
    sheet.write_string_with_format(
        row,
        0,
        format!("Dibuat dengan Renaksi {APP_VERSION}"),
        &st.stamp,
    )?;
    finish(sheet, paper, false, row, last_col)
}

fn attendance_sheet(
    sheet: &mut Worksheet,
    plan: &Plan,
    session: &Session,
    paper: Paper,
    st: &LetterStyles,
) -> Result<(), XlsxError> {
    let w = &ATTENDANCE_WIDTHS[..];
    let last_col = ATTENDANCE_WIDTHS.len() as u16 - 1;
    let all = (0, last_col);
    let mut row = start_sheet(sheet, w, "DAFTAR HADIR SESI KO-KREASI", plan, session, st)?;
    let when = format!(
        "Hari, tanggal: {}. Tempat: {}.",
        day_and_date(&session.held_on),
        session.place.trim()
    );
    line(sheet, w, row, all, &when, &st.paragraph, BODY_PT)?;
    row += 2;
    header_row(
        sheet,
        w,
        row,
        &["No", "Nama", "Instansi/Organisasi", "Unsur", "Tanda tangan"],
        st,
    )?;
    row += 1;
    for (i, p) in session.participants.iter().enumerate() {
        sheet.write_number_with_format(row, 0, (i + 1) as f64, &st.centre)?;
        let name = clip(&p.name);
        let organisation = clip(&p.organisation);
        sheet.write_string_with_format(row, 1, &name, &st.text)?;
        if organisation.is_empty() {
            sheet.write_blank(row, 2, &st.text)?;
        } else {
            sheet.write_string_with_format(row, 2, &organisation, &st.text)?;
        }
        sheet.write_string_with_format(row, 3, p.kind.label(), &st.centre)?;
        sheet.write_blank(row, 4, &st.text)?;
        let lines = lines_needed(&name, w[1] - 1.0, BODY_PT).max(lines_needed(
            &organisation,
            w[2] - 1.0,
            BODY_PT,
        ));
        // Tall enough to sign in.
        sheet.set_row_height(row, height(lines, BODY_PT).max(24.0))?;
        row += 1;
    }
    if session.participants.is_empty() {
        line(
            sheet,
            w,
            row,
            all,
            "Daftar hadir belum dicatat.",
            &st.text,
            BODY_PT,
        )?;
        row += 1;
    }
    row += 1;
    line(
        sheet,
        w,
        row,
        all,
        "Unsur: OPD = perangkat daerah; OMS = organisasi masyarakat sipil; Lainnya = akademisi, media, warga dan lainnya.",
        &st.stamp,
        8.0,
    )?;
    finish(sheet, paper, true, row, last_col)
}

fn workbook_bytes(plan: &Plan, session: &Session, paper: Paper) -> Result<Vec<u8>, XlsxError> {
    let st = LetterStyles::new(KOP_PT + 2.0);
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("Berita acara sesi ko-kreasi: {}", session.title))
            .set_company(plan.region.trim())
            .set_comment(format!("Renaksi {APP_VERSION}")),
    );
    let sheet = workbook.add_worksheet().set_name(SHEET)?;
    berita_acara_sheet(sheet, plan, session, paper, &st)?;
    let sheet = workbook.add_worksheet().set_name(ATTENDANCE_SHEET)?;
    attendance_sheet(sheet, plan, session, paper, &st)?;
    workbook.save_to_buffer()
}
