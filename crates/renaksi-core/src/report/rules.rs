//! The editing rules a report keeps at Bappeda's import, as the OPD's own
//! editor keeps them: no text longer than its field takes
//! ([`crate::editing::lengths`]), no target, realisation or evidence outside
//! the plan's years, no negative or unreadable figure, dates that are dates;
//! and the printed context equal to Bappeda's own plan ([`super::context`]).
//! `check` is the one call of the import; a report that breaks a rule is
//! refused as a whole, never repaired.
//!
//! [`quote`] is how every message quotes a text that came from a file
//! (titles, descriptions, codes): short and printable, whatever the file holds.

use rusqlite::Connection;

use super::snapshot::Snapshot;
use crate::editing::lengths::*;
use crate::model::Plan;
use crate::{Error, Result};

/// Most characters of a quoted text in a message.
pub const QUOTE_CHARS: usize = 80;

/// Longest app version and export time a report may carry (they are printed
/// in its stamp): "0.1.0", "2019-04-15T03:30:00Z".
const STAMP_TEXT: usize = 40;
/// Longest id (a UUID) a report may name.
const ID: usize = 64;
/// Longest list of OGP value keys of a narrative ("transparency,participation,...").
const OGP_VALUES: usize = 200;

/// `text` between double quotes, as a message may show it: control
/// characters as spaces, at most [`QUOTE_CHARS`] characters, then "…".
pub fn quote(text: &str) -> String {
    format!("\"{}\"", cut(text, QUOTE_CHARS))
}

/// A text from a file (or a parser's message quoting one) cut to `max`
/// characters ([`crate::workbook::text::excerpt`]).
pub fn cut(text: &str, max: usize) -> String {
    crate::workbook::text::excerpt(text, max)
}

/// How much of a parser's message about a file's data a message quotes: the
/// parser may quote the file's text whole.
pub const PARSER_MESSAGE_CHARS: usize = 160;

fn refused(why: String) -> Error {
    Error::invalid("file", format!("Laporan ditolak: {why}"))
}

/// The rules of the editor and the plan, for a report about to be imported
/// into `plan` (its own plan, found by the caller).
pub(crate) fn check(conn: &Connection, plan: &Plan, snapshot: &Snapshot) -> Result<()> {
    lengths(snapshot)?;
    years(plan, snapshot)?;
    figures_and_dates(snapshot)?;
    reply_times(snapshot)?;
    super::context::check(conn, plan, snapshot)
}

/// Each reply was written at a real time, not after the report carrying it
/// was exported (Bappeda's thread orders the replies by it).
fn reply_times(snapshot: &Snapshot) -> Result<()> {
    use chrono::DateTime;
    let Some(first) = snapshot.data.replies.first() else {
        return Ok(());
    };
    let exported = DateTime::parse_from_rfc3339(&snapshot.meta.exported_at).map_err(|_| {
        refused(format!(
            "waktu ekspor {} bukan waktu yang valid, jadi tanggapan {} tidak dapat diperiksa.",
            quote(&snapshot.meta.exported_at),
            quote(&first.body)
        ))
    })?;
    for r in &snapshot.data.replies {
        let Ok(written) = DateTime::parse_from_rfc3339(&r.created_at) else {
            return Err(refused(format!(
                "waktu tanggapan {} ({}) bukan waktu yang valid.",
                quote(&r.body),
                quote(&r.created_at)
            )));
        };
        if written > exported {
            return Err(refused(format!(
                "tanggapan {} bertanggal {}, sesudah laporan diekspor ({}).",
                quote(&r.body),
                quote(&r.created_at),
                quote(&snapshot.meta.exported_at)
            )));
        }
    }
    Ok(())
}

/// One text and the longest it may be.
struct Text<'a> {
    what: String,
    value: &'a str,
    max: usize,
}

fn text<'a>(what: impl Into<String>, value: &'a str, max: usize) -> Text<'a> {
    Text {
        what: what.into(),
        value,
        max,
    }
}

/// Refuses the first text longer than its field takes.
fn lengths(snapshot: &Snapshot) -> Result<()> {
    let meta = &snapshot.meta;
    let data = &snapshot.data;
    let mut texts = vec![
        text("kode OPD", &meta.opd_code, OPD_CODE),
        text("tempat penandatanganan", &meta.sign_place, SIGN_PLACE),
        text("tanggal penandatanganan", &meta.sign_date, SIGN_DATE),
        text("jabatan penanda tangan", &meta.head_position, HEAD_POSITION),
        text("nama penanda tangan", &meta.head_name, HEAD_NAME),
        text("NIP penanda tangan", &meta.head_nip, NIP),
        text("versi aplikasi", &meta.app_version, STAMP_TEXT),
        text("waktu ekspor", &meta.exported_at, STAMP_TEXT),
    ];
    for m in &data.milestones {
        let named = format!("tonggak {}", quote(&m.title));
        texts.push(text("judul tonggak", &m.title, MILESTONE_TITLE));
        texts.push(text(
            format!("keluaran {named}"),
            &m.output,
            MILESTONE_OUTPUT,
        ));
    }
    for i in &data.indicators {
        let named = format!("indikator {}", quote(&i.description));
        texts.push(text(
            "uraian indikator",
            &i.description,
            INDICATOR_DESCRIPTION,
        ));
        texts.push(text(format!("satuan {named}"), &i.unit, INDICATOR_UNIT));
    }
    for r in &data.realisations {
        let when = format!("realisasi {} TW {}", r.year, r.quarter);
        texts.push(text(
            format!("keterangan {when}"),
            &r.notes,
            REALISATION_TEXT,
        ));
        texts.push(text(
            format!("kendala {when}"),
            &r.obstacles,
            REALISATION_TEXT,
        ));
        texts.push(text(
            format!("tindak lanjut {when}"),
            &r.follow_up,
            REALISATION_TEXT,
        ));
    }
    for e in &data.evidence {
        texts.push(text("judul bukti dukung", &e.title, EVIDENCE_TITLE));
        if let Some(name) = &e.file_name {
            texts.push(text("nama berkas bukti dukung", name, EVIDENCE_TITLE));
        }
    }
    for r in &data.replies {
        texts.push(text("id tanggapan", &r.id, ID));
        texts.push(text("id catatan tanggapan", &r.note_id, ID));
        texts.push(text("penulis tanggapan", &r.author, USER_NAME));
        texts.push(text("tanggapan", &r.body, crate::review::MAX_BODY));
        texts.push(text("waktu tanggapan", &r.created_at, STAMP_TEXT));
    }
    for n in &data.narratives {
        texts.push(text("permasalahan", &n.problem, NARRATIVE_TEXT));
        texts.push(text("deskripsi", &n.description, NARRATIVE_TEXT));
        texts.push(text("kontribusi", &n.contribution, NARRATIVE_TEXT));
        texts.push(text("mitra OMS", &n.cso_partners, CSO_PARTNERS));
        texts.push(text("nilai OGP", &n.ogp_values, OGP_VALUES));
    }
    match texts.into_iter().find(|t| t.value.chars().count() > t.max) {
        Some(t) => Err(refused(format!(
            "{} {} terlalu panjang ({} karakter; paling banyak {}).",
            t.what,
            quote(t.value),
            t.value.chars().count(),
            t.max
        ))),
        None => Ok(()),
    }
}

/// Targets, realisations and evidence lie inside the plan's years, and so
/// does the report's own period.
fn years(plan: &Plan, snapshot: &Snapshot) -> Result<()> {
    let inside = |year: i32| (plan.year_start..=plan.year_end).contains(&year);
    let outside = |what: &str, year: i32| {
        refused(format!(
            "{what} untuk tahun {year}, di luar masa rencana aksi ({}-{}).",
            plan.year_start, plan.year_end
        ))
    };
    let data = &snapshot.data;
    if !inside(snapshot.meta.year) {
        return Err(outside("laporan ini", snapshot.meta.year));
    }
    if let Some(t) = data.targets.iter().find(|t| !inside(t.year)) {
        return Err(outside("laporan memuat target", t.year));
    }
    if let Some(r) = data.realisations.iter().find(|r| !inside(r.year)) {
        return Err(outside("laporan memuat realisasi", r.year));
    }
    if let Some(e) = data
        .evidence
        .iter()
        .find(|e| e.year.is_some_and(|y| !inside(y)))
    {
        return Err(outside(
            &format!("laporan memuat bukti dukung {}", quote(&e.title)),
            e.year.unwrap_or_default(),
        ));
    }
    Ok(())
}

/// Baselines, targets and realisations are numbers of 0 or more, and
/// milestone dates are dates (YYYY-MM-DD), the end not before the start.
fn figures_and_dates(snapshot: &Snapshot) -> Result<()> {
    let data = &snapshot.data;
    let bad = |v: f64| !v.is_finite() || v < 0.0;
    let negative = |what: String| {
        refused(format!(
            "{what} bukan angka 0 atau lebih, padahal isian itu harus angka 0 atau lebih."
        ))
    };
    for i in &data.indicators {
        if i.baseline.is_some_and(bad) {
            return Err(negative(format!(
                "baseline indikator {}",
                quote(&i.description)
            )));
        }
    }
    if let Some(t) = data.targets.iter().find(|t| bad(t.value)) {
        return Err(negative(format!("target {} TW {}", t.year, t.quarter)));
    }
    if let Some(r) = data.realisations.iter().find(|r| r.value.is_some_and(bad)) {
        return Err(negative(format!("realisasi {} TW {}", r.year, r.quarter)));
    }
    for m in &data.milestones {
        let date = |value: &Option<String>| {
            crate::editing::date("date", value.as_deref(), "Tanggal").map_err(|_| {
                refused(format!(
                    "tanggal tonggak {} tidak valid (harus TTTT-BB-HH).",
                    quote(&m.title)
                ))
            })
        };
        let (start, end) = (date(&m.start_date)?, date(&m.end_date)?);
        if crate::editing::date_range(&start, &end).is_err() {
            return Err(refused(format!(
                "tanggal selesai tonggak {} sebelum tanggal mulainya.",
                quote(&m.title)
            )));
        }
    }
    Ok(())
}

/// The same rules for a plan package at an OPD: every text within what
/// Bappeda's editor takes, targets and periods inside the plan's years,
/// figures of 0 or more, dates that are dates. The plan's own title, region
/// and years, and the bands, are checked by `PlanPackage::check`.
pub(crate) fn check_package(package: &crate::package::PlanPackage) -> Result<()> {
    let refused = |why: String| {
        Error::invalid(
            "file",
            format!(
                "Paket rencana aksi ini tidak dapat dipakai: {why} Minta paket yang benar \
                 kepada Bappeda."
            ),
        )
    };
    let mut texts = Vec::new();
    for o in &package.opds {
        texts.push(text("kode OPD", &o.code, OPD_CODE));
        texts.push(text("nama OPD", &o.name, OPD_NAME));
        texts.push(text("nama singkat OPD", &o.short_name, OPD_SHORT_NAME));
        texts.push(text("nama kepala OPD", &o.head_name, HEAD_NAME));
        texts.push(text("jabatan kepala OPD", &o.head_title, HEAD_TITLE));
        texts.push(text("NIP kepala OPD", &o.head_nip, NIP));
        texts.push(text(
            "alasan pengarsipan OPD",
            &o.archive_reason,
            ARCHIVE_REASON,
        ));
    }
    for t in &package.themes {
        texts.push(text("judul tema", &t.name, THEME_NAME));
        texts.push(text("uraian tema", &t.description, THEME_DESCRIPTION));
        texts.push(text(
            "alasan pengarsipan tema",
            &t.archive_reason,
            ARCHIVE_REASON,
        ));
    }
    for a in &package.actions {
        texts.push(text("kode rencana aksi", &a.code, ACTION_CODE));
        texts.push(text("judul rencana aksi", &a.title, ACTION_TITLE));
        texts.push(text("permasalahan", &a.problem, NARRATIVE_TEXT));
        texts.push(text("deskripsi", &a.description, NARRATIVE_TEXT));
        texts.push(text("kontribusi", &a.contribution, NARRATIVE_TEXT));
        texts.push(text("nilai OGP", &a.ogp_values, OGP_VALUES));
        texts.push(text("mitra OMS", &a.cso_partners, CSO_PARTNERS));
        texts.push(text(
            "alasan pengarsipan rencana aksi",
            &a.archive_reason,
            ARCHIVE_REASON,
        ));
    }
    for i in &package.indicators {
        texts.push(text(
            "uraian indikator",
            &i.description,
            INDICATOR_DESCRIPTION,
        ));
        texts.push(text("satuan indikator", &i.unit, INDICATOR_UNIT));
    }
    if let Some(t) = texts.into_iter().find(|t| t.value.chars().count() > t.max) {
        return Err(refused(format!(
            "{} {} terlalu panjang ({} karakter; paling banyak {}).",
            t.what,
            quote(t.value),
            t.value.chars().count(),
            t.max
        )));
    }
    let plan = &package.plan;
    let inside = |year: i32| (plan.year_start..=plan.year_end).contains(&year);
    let outside = |what: &str, year: i32| {
        refused(format!(
            "{what} untuk tahun {year}, di luar masa rencana aksi ({}-{}).",
            plan.year_start, plan.year_end
        ))
    };
    if let Some(p) = package.periods.iter().find(|p| !inside(p.year)) {
        return Err(outside("paket memuat triwulan", p.year));
    }
    if let Some(p) = package
        .periods
        .iter()
        .find(|p| !(1..=4).contains(&p.quarter))
    {
        return Err(refused(format!(
            "triwulan {} tidak valid (harus 1 sampai 4).",
            p.quarter
        )));
    }
    if let Some(t) = package.targets.iter().find(|t| !inside(t.year)) {
        return Err(outside("paket memuat target", t.year));
    }
    if let Some(t) = package
        .targets
        .iter()
        .find(|t| !(1..=4).contains(&t.quarter))
    {
        return Err(refused(format!(
            "triwulan {} pada target tidak valid (harus 1 sampai 4).",
            t.quarter
        )));
    }
    let bad = |v: f64| !v.is_finite() || v < 0.0;
    if package.targets.iter().any(|t| bad(t.value))
        || package
            .indicators
            .iter()
            .any(|i| i.baseline.is_some_and(bad))
    {
        return Err(refused(
            "sebuah target atau baseline bukan angka 0 atau lebih.".into(),
        ));
    }
    let dates = package
        .actions
        .iter()
        .flat_map(|a| [&a.start_date, &a.end_date])
        .chain(package.periods.iter().map(|p| &p.due_date));
    for date in dates {
        if crate::editing::date("date", date.as_deref(), "Tanggal").is_err() {
            return Err(refused(format!(
                "tanggal {} tidak valid (harus TTTT-BB-HH).",
                quote(date.as_deref().unwrap_or_default())
            )));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoted_text_is_short_and_printable() {
        assert_eq!(quote("Dinas Kesehatan"), "\"Dinas Kesehatan\"");
        assert_eq!(quote("a\u{0}b\nc"), "\"a b c\"");
        let long = quote(&"ꦱ".repeat(10_000));
        assert_eq!(long.chars().count(), QUOTE_CHARS + 3);
        assert!(long.ends_with("…\""));
        assert_eq!(
            quote(&"x".repeat(QUOTE_CHARS)).chars().count(),
            QUOTE_CHARS + 2
        );
    }
}
