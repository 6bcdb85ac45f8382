//! The OPD's replies (tanggapan) a report brings to Bappeda. Each must name
//! a verifier note Bappeda holds, on the report's own plan; a reply Bappeda
//! already holds must come back the same (a reply is never edited: another
//! text under its id is a forgery). Either refuses the report. A reply to a
//! note whose subject is no longer this OPD's (Bappeda moved the action's
//! lead or the indicator since the OPD answered) or is gone is not kept but
//! listed as skipped, and the report is taken: the OPD cannot take a reply
//! back, and its realisations should not wait for that. New ones are kept
//! in the import's transaction, with an audit row on the note's thread; none
//! is ever deleted by a later report.

use std::collections::HashSet;

use rusqlite::{Connection, Transaction};
use serde::Serialize;

use super::rules::{cut, quote, QUOTE_CHARS};
use super::snapshot::{NoteReplyRow, Snapshot};
use crate::model::Opd;
use crate::store::audit::{self, Change};
use crate::store::note_replies::{self, ReplyRow};
use crate::store::{now, review_notes};
use crate::{Error, Result};

/// A reply a report brought that Bappeda did not keep, and why.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SkippedReply {
    pub id: String,
    pub note_id: String,
    /// The start of the reply's text.
    pub excerpt: String,
    pub reason: String,
}

/// What a report's replies come to: the ones to keep, the ones skipped.
pub(crate) struct Replies<'s> {
    pub new: Vec<&'s NoteReplyRow>,
    pub skipped: Vec<SkippedReply>,
}

fn rejected(why: String) -> Error {
    Error::invalid("file", format!("Laporan ditolak: {why}"))
}

/// The replies of `snapshot` (a report of `opd` for the plan `plan_id`)
/// Bappeda does not hold yet and keeps, those it skips, or why the report
/// is refused.
pub(crate) fn sort_replies<'s>(
    conn: &Connection,
    plan_id: &str,
    opd: &Opd,
    snapshot: &'s Snapshot,
) -> Result<Replies<'s>> {
    let mut seen = HashSet::new();
    let mut replies = Replies {
        new: Vec::new(),
        skipped: Vec::new(),
    };
    for reply in &snapshot.data.replies {
        let shown = quote(&reply.body);
        if !seen.insert(reply.id.as_str()) {
            return Err(rejected(format!(
                "tanggapan {shown} tercantum dua kali dalam laporan."
            )));
        }
        if reply.body.trim().is_empty() {
            return Err(rejected("laporan memuat tanggapan yang kosong.".into()));
        }
        if let Some(held) = note_replies::get(conn, &reply.id)? {
            let same = held.note_id == reply.note_id
                && held.opd_id == opd.id
                && held.author == reply.author
                && held.body == reply.body
                && held.created_at == reply.created_at;
            if !same {
                return Err(rejected(format!(
                    "tanggapan {shown} berbeda dari tanggapan dengan tanda pengenal yang sama \
                     yang sudah diterima ({}). Tanggapan tidak pernah diubah; laporan ini tidak \
                     dipakai.",
                    quote(&held.body)
                )));
            }
            continue;
        }
        let Some(note) = review_notes::get(conn, &reply.note_id)? else {
            return Err(rejected(format!(
                "tanggapan {shown} menjawab catatan verifikator yang tidak ada di Bappeda."
            )));
        };
        let skip = |reason: String| SkippedReply {
            id: reply.id.clone(),
            note_id: reply.note_id.clone(),
            excerpt: cut(&reply.body, QUOTE_CHARS),
            reason,
        };
        let Some(subject) = crate::review::note_subject(conn, &note)? else {
            replies.skipped.push(skip(
                "pokok catatannya sudah dihapus di Bappeda; tanggapan tidak disimpan.".into(),
            ));
            continue;
        };
        if subject.plan_id != plan_id {
            return Err(rejected(format!(
                "tanggapan {shown} menjawab catatan verifikator pada rencana aksi lain, bukan \
                 rencana aksi laporan ini; catatan rencana aksi sebelumnya hanya dapat dibaca."
            )));
        }
        if subject.opd_code != opd.code {
            replies.skipped.push(skip(format!(
                "catatan pada {} kini milik {}, bukan {}; tanggapan tidak disimpan.",
                quote(&subject.label),
                if subject.opd_code.is_empty() {
                    "OPD lain"
                } else {
                    &subject.opd_code
                },
                opd.code
            )));
            continue;
        }
        replies.new.push(reply);
    }
    Ok(replies)
}

/// Keeps the new replies, received now, each with its audit row.
pub(crate) fn keep(
    tx: &Transaction<'_>,
    actor: &str,
    opd: &Opd,
    replies: &[&NoteReplyRow],
) -> Result<()> {
    let received_at = now();
    for reply in replies {
        note_replies::insert(
            tx,
            &ReplyRow {
                id: reply.id.clone(),
                note_id: reply.note_id.clone(),
                opd_id: opd.id.clone(),
                author: reply.author.clone(),
                body: reply.body.clone(),
                created_at: reply.created_at.clone(),
                received_at: Some(received_at.clone()),
            },
        )?;
        audit::record(
            tx,
            actor,
            &Change::new("review_note", &reply.note_id, "import")
                .on("reply")
                .to(Some(&format!(
                    "{} ({}): {}",
                    opd.code, reply.author, reply.body
                ))),
        )?;
    }
    Ok(())
}
