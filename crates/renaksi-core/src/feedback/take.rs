//! An OPD takes a feedback file. Checked like a package: read through the
//! workbook guard and caps ([`super::file`], [`super::rules`]), Bappeda's
//! pinned key or a key its rotation statements lead to (the package's own
//! check, `package::bappeda_key_change`, answered before the letter is
//! rebuilt and compared), the plan held here, this OPD, and a sequence newer
//! than the last taken (the same again changes nothing). Then one IMMEDIATE
//! transaction, which repeats those checks, replaces what the OPD knows of
//! Bappeda's side: the reports received, the notes (a row on a note's
//! history when it arrives or is resolved), each quarter's due date and
//! closing (Bappeda owns them; only from a file not older than the quarters
//! held, [`crate::period_stamp`]), which of its replies arrived.

use std::collections::HashMap;
use std::path::Path;

use serde::Serialize;

use super::content::Feedback;
use super::file::{self, SignedFeedback};
use super::letter::{date_of, number_label};
use crate::package::{self, BappedaKeyChange};
use crate::period::PeriodRef;
use crate::period_stamp;
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
    /// Orders the files; not for people.
    pub sequence: i64,
    /// "Umpan balik ke-3".
    pub number: i64,
    pub written_at: String,
    pub reports: usize,
    pub notes: usize,
    pub open_notes: usize,
    /// Quarters whose due date or closing the file changed here.
    pub quarters_changed: usize,
    /// Each change, named: "Triwulan I 2019 ditutup".
    pub quarter_changes: Vec<String>,
    /// The file was written before the quarters held here (a newer plan
    /// package or feedback file brought them): its due dates and closings
    /// were not taken.
    pub quarters_older: bool,
    /// The OPD's replies the file says Bappeda now has.
    pub replies_received: usize,
    /// Bappeda's key changed along its rotation statements.
    pub key_change: Option<BappedaKeyChange>,
}

/// Reads and takes the feedback file at `path`.
pub fn take_file(store: &mut Store, path: &Path) -> Result<TakenFeedback> {
    // Who may take it is settled before the file is read.
    crate::access::require_opd(store.conn(), DOING)?;
    let signed = file::read_file(store.conn(), path)?;
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

/// How the key that signed a feedback file stands to Bappeda's key pinned
/// here: the same, or a change its rotation statements vouch for; refused
/// otherwise, and when no key is pinned yet. The package's own check.
pub(crate) fn bappeda_key(
    conn: &rusqlite::Connection,
    public_key: &str,
    rotations: &[crate::keys::RotationStatement],
) -> Result<Option<BappedaKeyChange>> {
    if package::pinned_bappeda_key(conn)?.is_none() {
        return Err(Error::FeedbackKey(
            "Belum ada kunci Bappeda di sini untuk memeriksa berkas umpan balik; ambil dulu paket \
             rencana aksi dari Bappeda. Berkas tidak dipakai."
                .into(),
        ));
    }
    package::bappeda_key_change(conn, public_key, rotations, |words| {
        Error::FeedbackKey(format!(
            "Berkas umpan balik ini ditandatangani dengan kunci yang berbeda dari kunci \
             Bappeda yang dipakai di sini (sidik jari kunci di sini: {words}), tanpa \
             pernyataan penggantian kunci yang ditandatangani kunci lama. Berkas tidak \
             dipakai; tidak ada yang diubah. Telepon Bappeda di nomor yang sudah dipegang \
             OPD dan tanyakan apakah berkas ini memang dari Bappeda."
        ))
    })
}

fn check(conn: &rusqlite::Connection, signed: &SignedFeedback) -> Result<Checked> {
    let code = crate::access::require_opd(conn, DOING)?;
    let feedback = &signed.feedback;
    let meta = &feedback.meta;
    let key_change = bappeda_key(conn, &signed.public_key, &feedback.rotations)?;

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
    super::rules::check_held(conn, &plan.id, feedback)?;

    let mut taken_already = false;
    if let Some(taken) = feedback_taken::get(conn, &plan.id)? {
        if meta.sequence < taken.sequence {
            return Err(Error::FeedbackOlder(format!(
                "Berkas ini, {} yang ditulis {}, lebih lama dari {} yang sudah diambil \
                 (ditulis {}). Berkas tidak dipakai; tidak ada yang diubah.",
                number_label(meta.number).to_lowercase(),
                date_of(&meta.written_at),
                number_label(taken.number).to_lowercase(),
                date_of(&taken.written_at)
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
    let feedback = &signed.feedback;
    let meta = &feedback.meta;
    let notes = note_rows(feedback);
    let taken_at = now();
    let receipts: Vec<(&str, &str)> = feedback
        .replies
        .iter()
        .map(|r| (r.id.as_str(), r.received_at.as_str()))
        .collect();
    store.write(|tx| {
        // Checked inside the IMMEDIATE transaction, as a report's import:
        // another process on this database (the CLI beside the app) may have
        // taken a newer file since the caller looked.
        let Checked {
            plan,
            own,
            key_change,
            held_periods,
            taken_already,
        } = check(tx, signed)?;
        if taken_already {
            return Ok(summary(feedback, None));
        }
        feedback_reports::replace(tx, &plan.id, &feedback.reports)?;
        record_notes(tx, &actor, &plan.id, &notes)?;
        feedback_notes::replace(tx, &plan.id, &notes)?;
        feedback_taken::upsert(
            tx,
            &Taken {
                plan_id: plan.id.clone(),
                sequence: meta.sequence,
                number: meta.number,
                key_fingerprint: fingerprint(&signed.public_key),
                written_at: meta.written_at.clone(),
                taken_at: taken_at.clone(),
            },
        )?;
        // Quarters only from a file not older than those held (a plan
        // package may have brought newer ones): `period_stamp`.
        let quarters = if period_stamp::is_current(tx, &plan.id, &meta.written_at)? {
            let changes = take_quarters(tx, &actor, &plan.id, &held_periods, &feedback.quarters)?;
            period_stamp::record(tx, &plan.id, &meta.written_at)?;
            Some(changes)
        } else {
            None
        };
        let replies_received = note_replies::mark_received(tx, &own.id, &receipts)?;
        if let Some(change) = &key_change {
            package::pin_rotated_key(tx, &actor, &plan.id, &signed.public_key, change)?;
        }
        audit::record(
            tx,
            &actor,
            &Change::new("feedback", &plan.id, "import").to(Some(&format!(
                "{} ({} catatan, kunci {})",
                number_label(meta.number).to_lowercase(),
                feedback.notes.len(),
                fingerprint_words(&signed.public_key)
            ))),
        )?;
        Ok(summary(
            feedback,
            Some(Took {
                quarters,
                replies_received,
                key_change,
            }),
        ))
    })
}

/// The quarters' changes a file brought, counted and named.
struct QuarterChanges {
    quarters: usize,
    named: Vec<String>,
}

/// Sets each quarter's due date and closing from the file (Bappeda owns
/// them), with an audit row per change.
fn take_quarters(
    tx: &rusqlite::Transaction<'_>,
    actor: &str,
    plan_id: &str,
    held: &[crate::model::Period],
    quarters: &[super::content::QuarterRow],
) -> Result<QuarterChanges> {
    let mut changes = QuarterChanges {
        quarters: 0,
        named: Vec::new(),
    };
    for q in quarters {
        let Some(old) = held
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
        changes.quarters += 1;
        periods::update(tx, plan_id, &new)?;
        let label = PeriodRef {
            year: q.year,
            quarter: q.quarter,
        }
        .label();
        let entity_id = format!("{plan_id}/{}-TW{}", q.year, q.quarter);
        if new.due_date != old.due_date {
            changes.named.push(match &new.due_date {
                Some(due) => format!("Batas waktu {label}: {}", date_of(due)),
                None => format!("Batas waktu {label} dihapus"),
            });
            audit::record(
                tx,
                actor,
                &Change::new("period", &entity_id, "update")
                    .on("dueDate")
                    .from(old.due_date.as_deref())
                    .to(new.due_date.as_deref()),
            )?;
        }
        if new.closed != old.closed {
            changes.named.push(if new.closed {
                format!("{label} ditutup")
            } else {
                format!("{label} dibuka kembali")
            });
            audit::record(
                tx,
                actor,
                &Change::new("period", &entity_id, "update")
                    .on("closed")
                    .from(Some(&old.closed.to_string()))
                    .to(Some(&new.closed.to_string())),
            )?;
        }
    }
    Ok(changes)
}

/// A row on each note's own history for what the file changes about it:
/// received here for the first time, or resolved (or reopened) by Bappeda,
/// so the OPD's history of a thread shows Bappeda's side too.
fn record_notes(
    tx: &rusqlite::Transaction<'_>,
    actor: &str,
    plan_id: &str,
    notes: &[FeedbackNoteRow],
) -> Result<()> {
    let held: HashMap<String, Option<String>> = feedback_notes::list(tx, plan_id)?
        .into_iter()
        .map(|n| (n.id, n.resolved_at))
        .collect();
    for note in notes {
        match held.get(&note.id) {
            None => audit::record(
                tx,
                actor,
                &Change::new("review_note", &note.id, "import").to(Some(&format!(
                    "{} ({}): {}",
                    note.subject_label, note.author, note.body
                ))),
            )?,
            Some(resolved_at) if *resolved_at != note.resolved_at => audit::record(
                tx,
                actor,
                &Change::new("review_note", &note.id, "update")
                    .on("resolvedAt")
                    .from(resolved_at.as_deref())
                    .to(note.resolved_at.as_deref()),
            )?,
            Some(_) => {}
        }
    }
    Ok(())
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

/// What taking a file changed here.
struct Took {
    /// None when the file's quarters were older than those held.
    quarters: Option<QuarterChanges>,
    replies_received: usize,
    key_change: Option<BappedaKeyChange>,
}

/// The answer for `feedback`: `took` is none when it was taken already.
fn summary(feedback: &Feedback, took: Option<Took>) -> TakenFeedback {
    let changed = took.is_some();
    let (quarters, replies_received, key_change) = match took {
        Some(t) => (Some(t.quarters), t.replies_received, t.key_change),
        None => (None, 0, None),
    };
    let (quarters_changed, quarter_changes, quarters_older) = match quarters {
        Some(Some(changes)) => (changes.quarters, changes.named, false),
        Some(None) => (0, Vec::new(), true),
        None => (0, Vec::new(), false),
    };
    TakenFeedback {
        changed,
        sequence: feedback.meta.sequence,
        number: feedback.meta.number,
        written_at: feedback.meta.written_at.clone(),
        reports: feedback.reports.len(),
        notes: feedback.notes.len(),
        open_notes: feedback
            .notes
            .iter()
            .filter(|n| n.resolved_at.is_none())
            .count(),
        quarters_changed,
        quarter_changes,
        quarters_older,
        replies_received,
        key_change,
    }
}
