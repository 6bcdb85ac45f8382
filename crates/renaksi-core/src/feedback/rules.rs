//! The caps a feedback file is held to before anything in it is verified or
//! used at an OPD: rows per table, every text within what Bappeda's editor
//! takes ([`crate::editing::lengths`], a note's body within
//! [`crate::review::MAX_BODY`]), words, numbers, dates and times that are
//! what they say ([`check`]); and, against what the OPD holds, no note of
//! another plan ([`check_held`]). A file from another office is untrusted
//! even when signed.

use super::content::{Feedback, STATE_WORDS};
use crate::editing::lengths::*;
use crate::report::rules::quote;
use crate::review::{SubjectKind, MAX_BODY};
use crate::{Error, Result};

/// Most notes a feedback file may carry (a real OPD: dozens). With
/// [`MAX_REPLIES`], a file at both caps stays within the workbook guard's
/// shared strings, so the caps are what refuses a larger one.
pub const MAX_NOTES: usize = 5_000;
/// Most replies received it may list.
pub const MAX_REPLIES: usize = 10_000;
/// Most reports received it may list (four a year, re-sent a few times).
pub const MAX_REPORTS: usize = 2_000;
/// Most quarters: a plan runs at most ten years.
pub const MAX_QUARTERS: usize = 40;
/// An id (a UUID), a key fingerprint, a time as stored.
const ID: usize = 64;
const STAMP: usize = 40;
/// What a note is about: an action's code and title, an indicator's code and
/// description, or a report's name.
pub const SUBJECT_LABEL: usize = ACTION_CODE + 3 + INDICATOR_DESCRIPTION;

fn refused(why: String) -> Error {
    Error::invalid(
        "file",
        format!(
            "Berkas umpan balik ini tidak dapat dipakai: {why} Tidak ada yang diubah; minta \
             Bappeda menulisnya lagi."
        ),
    )
}

/// Refuses a feedback file that breaks a cap, naming the first.
pub fn check(feedback: &Feedback) -> Result<()> {
    let counts = [
        ("catatan", feedback.notes.len(), MAX_NOTES),
        ("tanggapan", feedback.replies.len(), MAX_REPLIES),
        ("laporan", feedback.reports.len(), MAX_REPORTS),
        ("triwulan", feedback.quarters.len(), MAX_QUARTERS),
        (
            "penggantian kunci",
            feedback.rotations.len(),
            crate::package::MAX_ROTATIONS,
        ),
    ];
    for (what, count, max) in counts {
        if count > max {
            return Err(refused(format!("berisi lebih dari {max} {what}.")));
        }
    }
    lengths(feedback)?;
    words_and_dates(feedback)?;
    numbers(feedback)?;
    times(feedback)?;
    unique(feedback)
}

/// Refuses a file naming a note this OPD holds under another plan: a note
/// id is one row here, whichever plan it belongs to.
pub fn check_held(conn: &rusqlite::Connection, plan_id: &str, feedback: &Feedback) -> Result<()> {
    for n in &feedback.notes {
        if let Some(other) = crate::store::feedback_notes::plan_of(conn, &n.id)? {
            if other != plan_id {
                return Err(refused(format!(
                    "catatan {} sudah diterima di sini untuk rencana aksi lain.",
                    quote(&n.subject_label)
                )));
            }
        }
    }
    Ok(())
}

/// Sequences and numbers count from 1.
fn numbers(feedback: &Feedback) -> Result<()> {
    let meta = &feedback.meta;
    if meta.sequence < 1 || meta.number < 1 {
        return Err(refused(format!(
            "nomor urut berkas {} / ke-{} tidak valid (harus 1 atau lebih).",
            meta.sequence, meta.number
        )));
    }
    let report = feedback.reports.iter().map(|r| r.sequence);
    let notes = feedback.notes.iter().filter_map(|n| n.report_sequence);
    if let Some(sequence) = report.chain(notes).find(|s| *s < 1) {
        return Err(refused(format!(
            "nomor urut laporan {sequence} tidak valid (harus 1 atau lebih)."
        )));
    }
    Ok(())
}

/// Whether `text` is a time as Renaksi stores it (RFC 3339).
pub(crate) fn is_time(text: &str) -> bool {
    chrono::DateTime::parse_from_rfc3339(text).is_ok()
}

/// Every time is a time.
fn times(feedback: &Feedback) -> Result<()> {
    let mut times: Vec<(&str, &str)> = vec![("waktu penulisan", &feedback.meta.written_at)];
    for r in &feedback.reports {
        times.push(("waktu ekspor laporan", &r.exported_at));
        times.push(("waktu terima laporan", &r.received_at));
        if let Some(at) = &r.verified_at {
            times.push(("waktu verifikasi", at));
        }
    }
    for n in &feedback.notes {
        times.push(("waktu catatan", &n.created_at));
        if let Some(at) = &n.resolved_at {
            times.push(("waktu selesai catatan", at));
        }
    }
    for r in &feedback.replies {
        times.push(("waktu tanggapan", &r.created_at));
        times.push(("waktu terima tanggapan", &r.received_at));
    }
    match times.into_iter().find(|(_, at)| !is_time(at)) {
        Some((what, at)) => Err(refused(format!(
            "{what} {} bukan waktu yang valid.",
            quote(at)
        ))),
        None => Ok(()),
    }
}

/// No note, reply or report twice: each is one row where the OPD keeps it.
fn unique(feedback: &Feedback) -> Result<()> {
    let mut notes = std::collections::HashSet::new();
    if let Some(n) = feedback.notes.iter().find(|n| !notes.insert(n.id.as_str())) {
        return Err(refused(format!(
            "catatan {} tercantum dua kali.",
            quote(&n.subject_label)
        )));
    }
    let mut replies = std::collections::HashSet::new();
    if let Some(r) = feedback
        .replies
        .iter()
        .find(|r| !replies.insert(r.id.as_str()))
    {
        return Err(refused(format!(
            "tanggapan {} tercantum dua kali.",
            quote(&r.body)
        )));
    }
    let mut reports = std::collections::HashSet::new();
    if let Some(r) = feedback
        .reports
        .iter()
        .find(|r| !reports.insert((r.key_fingerprint.as_str(), r.sequence)))
    {
        return Err(refused(format!(
            "laporan nomor {} tercantum dua kali.",
            r.sequence
        )));
    }
    let mut quarters = std::collections::HashSet::new();
    if let Some(q) = feedback
        .quarters
        .iter()
        .find(|q| !quarters.insert((q.year, q.quarter)))
    {
        return Err(refused(format!(
            "triwulan {} {} tercantum dua kali.",
            q.quarter, q.year
        )));
    }
    Ok(())
}

fn lengths(feedback: &Feedback) -> Result<()> {
    let meta = &feedback.meta;
    let mut texts: Vec<(&str, &str, usize)> = vec![
        ("id rencana aksi", &meta.plan_id, ID),
        ("judul rencana aksi", &meta.plan_title, PLAN_TITLE),
        ("wilayah", &meta.region, PLAN_REGION),
        ("id OPD", &meta.opd_id, ID),
        ("kode OPD", &meta.opd_code, OPD_CODE),
        ("nama OPD", &meta.opd_name, OPD_NAME),
        ("waktu penulisan", &meta.written_at, STAMP),
        ("versi aplikasi", &meta.app_version, STAMP),
    ];
    for r in &feedback.reports {
        texts.push(("sidik jari laporan", &r.key_fingerprint, ID));
        texts.push(("waktu ekspor laporan", &r.exported_at, STAMP));
        texts.push(("waktu terima laporan", &r.received_at, STAMP));
        texts.push((
            "waktu verifikasi",
            r.verified_at.as_deref().unwrap_or_default(),
            STAMP,
        ));
        texts.push((
            "nama verifikator",
            r.verified_by.as_deref().unwrap_or_default(),
            USER_NAME,
        ));
    }
    for n in &feedback.notes {
        texts.push(("id catatan", &n.id, ID));
        texts.push(("id pokok catatan", &n.subject_id, ID));
        texts.push(("pokok catatan", &n.subject_label, SUBJECT_LABEL));
        texts.push((
            "kunci laporan catatan",
            n.report_key.as_deref().unwrap_or_default(),
            ID,
        ));
        texts.push(("penulis catatan", &n.author, USER_NAME));
        texts.push(("isi catatan", &n.body, MAX_BODY));
        texts.push(("waktu catatan", &n.created_at, STAMP));
        texts.push((
            "waktu selesai catatan",
            n.resolved_at.as_deref().unwrap_or_default(),
            STAMP,
        ));
    }
    for r in &feedback.replies {
        texts.push(("id tanggapan", &r.id, ID));
        texts.push(("id catatan tanggapan", &r.note_id, ID));
        texts.push(("penulis tanggapan", &r.author, USER_NAME));
        texts.push(("isi tanggapan", &r.body, MAX_BODY));
        texts.push(("waktu tanggapan", &r.created_at, STAMP));
        texts.push(("waktu terima tanggapan", &r.received_at, STAMP));
    }
    match texts
        .into_iter()
        .find(|(_, value, max)| value.chars().count() > *max)
    {
        Some((what, value, max)) => Err(refused(format!(
            "{what} {} terlalu panjang ({} karakter; paling banyak {max}).",
            quote(value),
            value.chars().count()
        ))),
        None => Ok(()),
    }
}

fn words_and_dates(feedback: &Feedback) -> Result<()> {
    for q in &feedback.quarters {
        if !(1..=4).contains(&q.quarter) {
            return Err(refused(format!(
                "triwulan {} tidak valid (harus 1 sampai 4).",
                q.quarter
            )));
        }
        if !STATE_WORDS.contains(&q.state.as_str()) {
            return Err(refused(format!(
                "status triwulan {} tidak dikenal.",
                quote(&q.state)
            )));
        }
        if crate::editing::date("date", q.due_date.as_deref(), "Tanggal").is_err() {
            return Err(refused(format!(
                "batas waktu {} tidak valid (harus TTTT-BB-HH).",
                quote(q.due_date.as_deref().unwrap_or_default())
            )));
        }
    }
    if let Some(r) = feedback
        .reports
        .iter()
        .find(|r| !(1..=4).contains(&r.quarter))
    {
        return Err(refused(format!(
            "triwulan {} pada laporan tidak valid (harus 1 sampai 4).",
            r.quarter
        )));
    }
    for n in &feedback.notes {
        let kind = SubjectKind::parse(&n.subject_kind).ok_or_else(|| {
            refused(format!(
                "jenis pokok catatan {} tidak dikenal.",
                quote(&n.subject_kind)
            ))
        })?;
        if kind != SubjectKind::Report && n.subject_id.trim().is_empty() {
            return Err(refused(format!(
                "catatan pada {} tidak menyebut pokoknya.",
                quote(&n.subject_label)
            )));
        }
    }
    Ok(())
}
