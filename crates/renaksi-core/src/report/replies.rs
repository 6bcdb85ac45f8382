//! The OPD's replies (tanggapan) a report brings to Bappeda: each must name
//! a verifier note Bappeda holds whose subject belongs to the report's OPD
//! (as `review` decides), and a reply Bappeda already holds must come back
//! the same (a reply is never edited: another text under its id is a
//! forgery, and the report is refused). New ones are kept in the import's
//! transaction, with an audit row on the note's thread; none is ever
//! deleted by a later report.

use std::collections::HashSet;

use rusqlite::{Connection, Transaction};

use super::rules::quote;
use super::snapshot::{NoteReplyRow, Snapshot};
use crate::model::Opd;
use crate::store::audit::{self, Change};
use crate::store::note_replies::{self, ReplyRow};
use crate::store::{now, review_notes};
use crate::{Error, Result};

fn rejected(why: String) -> Error {
    Error::invalid("file", format!("Laporan ditolak: {why}"))
}

/// The replies of `snapshot` Bappeda does not hold yet, or why the report is
/// refused.
pub(crate) fn new_replies<'s>(
    conn: &Connection,
    opd: &Opd,
    snapshot: &'s Snapshot,
) -> Result<Vec<&'s NoteReplyRow>> {
    let mut seen = HashSet::new();
    let mut new = Vec::new();
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
        if crate::review::subject_opd_code(conn, &note)?.as_deref() != Some(opd.code.as_str()) {
            return Err(rejected(format!(
                "tanggapan {shown} menjawab catatan verifikator milik OPD lain; OPD {} hanya \
                 dapat menanggapi catatan atas laporan, rencana aksi dan indikatornya sendiri.",
                opd.code
            )));
        }
        new.push(reply);
    }
    Ok(new)
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
