//! Tanggapan: an OPD answers a verifier note it received. Only an OPD, only
//! on an open note of a feedback file of its active plan whose subject is
//! still its own (the lead of an action or owner of an indicator, as the
//! last package says); the body required and no longer than a note. One IMMEDIATE transaction with its audit row
//! on the note's thread. A reply is never edited: the OPD writes another.
//! Its replies travel, signed, in every later report.

use super::notes::{self, ReceivedNote};
use crate::editing::{actor, new_id, required};
use crate::review::MAX_BODY;
use crate::store::audit::{self, Change};
use crate::store::note_replies::{self, ReplyRow};
use crate::store::{feedback_notes, now, plans};
use crate::{Error, Result, Store};

/// The OPD replies `body` to the received note `note_id`; returns the note
/// with its replies.
pub fn reply(store: &mut Store, note_id: &str, body: &str) -> Result<ReceivedNote> {
    let conn = store.conn();
    crate::access::require_opd(conn, "menanggapi catatan verifikator")?;
    let plan = plans::require_current(conn)?;
    crate::access::require_active_plan(conn, &plan.id)?;
    let note = feedback_notes::get(conn, &plan.id, note_id.trim())?
        .ok_or_else(|| Error::NotFound("Catatan verifikator".into()))?;
    if note.resolved_at.is_some() {
        return Err(Error::invalid(
            "body",
            "Catatan ini sudah diselesaikan Bappeda; tanggapan tidak dapat ditambahkan lagi.",
        ));
    }
    let actor = actor(conn)?;
    let opd = actor
        .opd
        .clone()
        .ok_or_else(|| Error::Forbidden("Hanya OPD yang menanggapi catatan verifikator.".into()))?;
    // Bappeda refuses nothing for it, but keeps no reply about another
    // OPD's action or indicator: it is not written here either.
    if let Some(why) = notes::not_ours(conn, &opd, &note)? {
        return Err(Error::Forbidden(why));
    }
    let body = required("body", body, "Tanggapan", MAX_BODY)?;
    let row = ReplyRow {
        id: new_id(),
        note_id: note.id.clone(),
        opd_id: opd.id,
        author: actor.name().to_string(),
        body,
        created_at: now(),
        received_at: None,
    };
    store.write(|tx| {
        note_replies::insert(tx, &row)?;
        audit::record(
            tx,
            actor.name(),
            &Change::new("review_note", &row.note_id, "create")
                .on("reply")
                .to(Some(&row.body)),
        )
    })?;
    notes::note(store.conn(), &note.id)
}
