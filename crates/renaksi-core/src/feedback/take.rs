//! An OPD takes a feedback file. Checked like a package: read through the
//! workbook guard and caps ([`super::file`], [`super::rules`]), Bappeda's
//! pinned key or a key its rotation statements lead to (the package's own
//! check, `package::bappeda_key_change`), the plan held here, this OPD, and
//! a sequence newer than the last taken (the same again changes nothing).
//! Then one IMMEDIATE transaction replaces what the OPD knows of Bappeda's
//! side: the reports received, the notes, each quarter's due date and
//! closing (Bappeda owns them), which of its replies arrived.

use std::path::Path;

use serde::Serialize;

use super::content::Feedback;
use super::file::{self, SignedFeedback};
use crate::package::{self, BappedaKeyChange};
use crate::report::rules::quote;
use crate::store::audit::{self, Change};
use crate::store::feedback_notes::{self, FeedbackNoteRow};
use crate::store::feedback_taken::{self, Taken};
use crate::store::{feedback_reports, note_replies, now, opds, periods, plans};
use crate::workbook::key_words::fingerprint_words;
use crate::workbook::signature::fingerprint;
use crate::{Error, Result, Store};

/// What taking a feedback file did.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TakenFeedback {
    /// False when this file (its sequence) was taken already: nothing changed.
    pub changed: bool,
    pub sequence: i64,
    pub written_at: String,
    pub reports: usize,
    pub notes: usize,
    pub open_notes: usize,
    /// Quarters whose due date or closing the file changed here.
    pub quarters_changed: usize,
    /// The OPD's replies the file says Bappeda now has.
    pub replies_received: usize,
    /// Bappeda's key changed along its rotation statements.
    pub key_change: Option<BappedaKeyChange>,
}

/// Reads and takes the feedback file at `path`.
pub fn take_file(store: &mut Store, path: &Path) -> Result<TakenFeedback> {
    // Who may take it is settled before the file is read.
    crate::access::require_opd(store.conn(), DOING)?;
    let signed = file::read_file(path)?;
    apply(store, &signed)
}

const DOING: &str = "mengambil berkas umpan balik";

/// What the checks of a file settled.
struct Checked {
    plan: crate::model::Plan,
    own: crate::model::Opd,
    key_change: Option<BappedaKeyChange>,
    held_periods: Vec<crate::model::Period>,
    /// This file's sequence was taken already.
    taken_already: bool,
}

/// Whether taking `signed` would change anything here, or why it is refused
/// (the checks of [`apply`], writing nothing): a shell backs the database up
/// only before a file that changes it.
pub fn would_change(conn: &rusqlite::Connection, signed: &SignedFeedback) -> Result<bool> {
    Ok(!check(conn, signed)?.taken_already)
}

fn check(conn: &rusqlite::Connection, signed: &SignedFeedback) -> Result<Checked> {
    let code = crate::access::require_opd(conn, DOING)?;
    let feedback = &signed.feedback;
    let meta = &feedback.meta;

    if package::pinned_bappeda_key(conn)?.is_none() {
        return Err(Error::FeedbackKey(
            "Belum ada kunci Bappeda di sini untuk memeriksa berkas umpan balik; ambil dulu paket \
             rencana aksi dari Bappeda. Berkas tidak dipakai."
                .into(),
        ));
    }
    let key_change =
        package::bappeda_key_change(conn, &signed.public_key, &feedback.rotations, |words| {
            Error::FeedbackKey(format!(
                "Berkas umpan balik ini ditandatangani dengan kunci yang berbeda dari kunci \
                 Bappeda yang dipakai di sini (sidik jari kunci di sini: {words}), tanpa \
                 pernyataan penggantian kunci yang ditandatangani kunci lama. Berkas tidak \
                 dipakai; tidak ada yang diubah. Telepon Bappeda di nomor yang sudah dipegang \
                 OPD dan tanyakan apakah berkas ini memang dari Bappeda."
            ))
        })?;

    let plan = plans::get(conn, &meta.plan_id)?.ok_or_else(|| {
        Error::FeedbackOtherPlan(format!(
            "Berkas umpan balik ini untuk rencana aksi lain ({}), bukan rencana aksi yang dipakai \
             di sini. Berkas tidak dipakai; tidak ada yang diubah.",
            quote(&meta.plan_title)
        ))
    })?;
    if plans::active(conn)?.is_none_or(|active| active.id != plan.id) {
        return Err(Error::FeedbackOtherPlan(format!(
            "Berkas umpan balik ini untuk rencana aksi {} yang sudah digantikan rencana aksi \
             berikutnya; rencana aksi sebelumnya hanya dapat dibaca. Berkas tidak dipakai.",
            quote(&plan.title)
        )));
    }
    let own = opds::by_code(conn, &code)?
        .filter(|o| o.id == meta.opd_id && meta.opd_code.eq_ignore_ascii_case(&code))
        .ok_or_else(|| {
            Error::FeedbackOtherOpd(format!(
                "Berkas umpan balik ini untuk OPD {} ({}), bukan untuk {code} yang memakai basis \
                 data ini. Berkas tidak dipakai; tidak ada yang diubah. Minta Bappeda mengirim \
                 berkas umpan balik untuk {code}.",
                quote(&meta.opd_code),
                quote(&meta.opd_name)
            ))
        })?;
    let held_periods = periods::list(conn, &plan.id)?;
    if let Some(q) = feedback.quarters.iter().find(|q| {
        !held_periods
            .iter()
            .any(|p| p.year == q.year && p.quarter == q.quarter)
    }) {
        return Err(Error::invalid(
            "file",
            format!(
                "Berkas umpan balik ini menyebut triwulan {} {}, yang tidak ada dalam rencana \
                 aksi di sini. Ambil dulu paket rencana aksi terbaru dari Bappeda. Berkas tidak \
                 dipakai.",
                q.quarter, q.year
            ),
        ));
    }

    let mut taken_already = false;
    if let Some(taken) = feedback_taken::get(conn, &plan.id)? {
        if meta.sequence < taken.sequence {
            return Err(Error::FeedbackOlder(format!(
                "Berkas umpan balik ini (nomor {}, ditulis {}) lebih lama dari yang sudah diambil \
                 (nomor {}, ditulis {}). Berkas tidak dipakai; tidak ada yang diubah.",
                meta.sequence,
                super::letter::date_of(&meta.written_at),
                taken.sequence,
                super::letter::date_of(&taken.written_at)
            )));
        }
        taken_already = meta.sequence == taken.sequence;
    }
    Ok(Checked {
        plan,
        own,
        key_change,
        held_periods,
        taken_already,
    })
}

/// Takes a feedback file read by [`file::read_file`]. The same file again
/// ("sudah diambil") changes nothing.
pub fn apply(store: &mut Store, signed: &SignedFeedback) -> Result<TakenFeedback> {
    let actor = crate::editing::current_profile(store.conn())?.user_name;
    let Checked {
        plan,
        own,
        key_change,
        held_periods,
        taken_already,
    } = check(store.conn(), signed)?;
    let feedback = &signed.feedback;
    let meta = &feedback.meta;
    if taken_already {
        return Ok(summary(feedback, false, 0, 0, None));
    }

    let notes = note_rows(feedback);
    let taken_at = now();
    let receipts: Vec<(&str, &str)> = feedback
        .replies
        .iter()
        .map(|r| (r.id.as_str(), r.received_at.as_str()))
        .collect();
    let (quarters_changed, replies_received) = store.write(|tx| {
        feedback_reports::replace(tx, &plan.id, &feedback.reports)?;
        feedback_notes::replace(tx, &plan.id, &notes)?;
        feedback_taken::upsert(
            tx,
            &Taken {
                plan_id: plan.id.clone(),
                sequence: meta.sequence,
                key_fingerprint: fingerprint(&signed.public_key),
                written_at: meta.written_at.clone(),
                taken_at: taken_at.clone(),
            },
        )?;
        let mut quarters_changed = 0;
        for q in &feedback.quarters {
            let Some(old) = held_periods
                .iter()
                .find(|p| p.year == q.year && p.quarter == q.quarter)
            else {
                continue;
            };
            let new = crate::model::Period {
                due_date: q.due_date.clone(),
                closed: q.closed != 0,
                ..old.clone()
            };
            if new == *old {
                continue;
            }
            quarters_changed += 1;
            periods::update(tx, &plan.id, &new)?;
            let entity_id = format!("{}/{}-TW{}", plan.id, q.year, q.quarter);
            if new.due_date != old.due_date {
                audit::record(
                    tx,
                    &actor,
                    &Change::new("period", &entity_id, "update")
                        .on("dueDate")
                        .from(old.due_date.as_deref())
                        .to(new.due_date.as_deref()),
                )?;
            }
            if new.closed != old.closed {
                audit::record(
                    tx,
                    &actor,
                    &Change::new("period", &entity_id, "update")
                        .on("closed")
                        .from(Some(&old.closed.to_string()))
                        .to(Some(&new.closed.to_string())),
                )?;
            }
        }
        let replies_received = note_replies::mark_received(tx, &own.id, &receipts)?;
        if let Some(change) = &key_change {
            package::pin_rotated_key(tx, &actor, &plan.id, &signed.public_key, change)?;
        }
        audit::record(
            tx,
            &actor,
            &Change::new("feedback", &plan.id, "import").to(Some(&format!(
                "umpan balik nomor {} ({} catatan, kunci {})",
                meta.sequence,
                feedback.notes.len(),
                fingerprint_words(&signed.public_key)
            ))),
        )?;
        Ok((quarters_changed, replies_received))
    })?;
    Ok(summary(
        feedback,
        true,
        quarters_changed,
        replies_received,
        key_change,
    ))
}

fn note_rows(feedback: &Feedback) -> Vec<FeedbackNoteRow> {
    feedback
        .notes
        .iter()
        .map(|n| FeedbackNoteRow {
            id: n.id.clone(),
            subject_kind: n.subject_kind.clone(),
            subject_id: n.subject_id.clone(),
            subject_label: n.subject_label.clone(),
            report_sequence: n.report_sequence,
            report_key: n.report_key.clone(),
            author: n.author.clone(),
            body: n.body.clone(),
            created_at: n.created_at.clone(),
            resolved_at: n.resolved_at.clone(),
        })
        .collect()
}

fn summary(
    feedback: &Feedback,
    changed: bool,
    quarters_changed: usize,
    replies_received: usize,
    key_change: Option<BappedaKeyChange>,
) -> TakenFeedback {
    TakenFeedback {
        changed,
        sequence: feedback.meta.sequence,
        written_at: feedback.meta.written_at.clone(),
        reports: feedback.reports.len(),
        notes: feedback.notes.len(),
        open_notes: feedback
            .notes
            .iter()
            .filter(|n| n.resolved_at.is_none())
            .count(),
        quarters_changed,
        replies_received,
        key_change,
    }
}
