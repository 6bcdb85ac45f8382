//! Replies (tanggapan) a report brings to Bappeda that are not what an OPD
//! may send: an answer to a note on another OPD's action, to a note Bappeda
//! never wrote, or a reply held already coming back with another text. Each
//! report is refused with the reason and changes nothing; the OPD signed it
//! with its own key, as a forger holding its database would.

use renaksi_core::feedback;
use renaksi_core::report::import::import_file;
use renaksi_core::review::SubjectKind;
use renaksi_core::store::plans;
use renaksi_core::Store;

use crate::feedback::{action, World, TW1};

/// What Bappeda holds that a report's replies could change.
fn bappeda_held(store: &Store) -> String {
    let conn = store.conn();
    let mut stmt = conn
        .prepare("SELECT id, note_id, opd_id, body FROM note_replies ORDER BY id")
        .unwrap();
    let replies: Vec<String> = stmt
        .query_map([], |r| {
            Ok(format!(
                "{}|{}|{}|{}",
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    let reports: i64 = conn
        .query_row("SELECT count(*) FROM reports", [], |r| r.get(0))
        .unwrap();
    let audit: i64 = conn
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    format!("{replies:?} reports {reports} audit {audit}")
}

/// A note this OPD "received" that Bappeda's file never carried, put into
/// its database by hand, with a reply to it.
fn plant_note_and_reply(opd: &Store, note_id: &str) {
    let plan = plans::require_current(opd.conn()).unwrap();
    opd.conn()
        .execute(
            "INSERT INTO feedback_notes (id, plan_id, subject_kind, subject_id, subject_label,
                 author, body, created_at)
             VALUES (?1, ?2, 'action', 'x', 'RA-02', 'Admin Bappeda', 'Catatan', '2019-04-01T00:00:00Z')",
            [note_id, plan.id.as_str()],
        )
        .unwrap();
}

fn refused(w: &mut World) -> String {
    let before = bappeda_held(&w.bappeda);
    let file = w.export(TW1);
    let error = crate::confirming_first_key(|d| import_file(&mut w.bappeda, &file, d)).unwrap_err();
    assert_eq!(bappeda_held(&w.bappeda), before, "{error}");
    assert_eq!(error.code(), "invalid");
    error.to_string()
}

#[test]
fn a_reply_to_a_note_on_another_opds_action_is_refused() {
    let mut w = World::new();
    // Bappeda's note on RA-02, which DINSOS leads.
    let ra02 = action(&w.bappeda, "RA-02");
    let theirs = w.note(SubjectKind::Action, &ra02, "Catatan untuk DINSOS.");
    plant_note_and_reply(&w.opd, &theirs);
    feedback::reply(&mut w.opd, &theirs, "Kami jawab atas nama DINSOS.").unwrap();
    let said = refused(&mut w);
    assert!(said.contains("milik OPD lain"), "{said}");
}

#[test]
fn a_reply_to_a_note_bappeda_never_wrote_is_refused() {
    let mut w = World::new();
    plant_note_and_reply(&w.opd, "0190b1c2-0000-7000-8000-000000000000");
    feedback::reply(
        &mut w.opd,
        "0190b1c2-0000-7000-8000-000000000000",
        "Jawaban atas catatan karangan.",
    )
    .unwrap();
    let said = refused(&mut w);
    assert!(said.contains("tidak ada di Bappeda"), "{said}");
}

#[test]
fn a_reply_received_once_and_sent_again_with_another_text_is_refused() {
    let mut w = World::new();
    let ra01 = action(&w.bappeda, "RA-01");
    let note = w.note(SubjectKind::Action, &ra01, "Lengkapi bukti.");
    let file = w.feedback("umpan-balik-1.xlsx");
    w.take(&file).unwrap();
    let reply = feedback::reply(&mut w.opd, &note, "Sudah kami lengkapi.")
        .unwrap()
        .replies[0]
        .id
        .clone();
    assert_eq!(w.report(TW1).replies, 1);
    // The OPD's database edited by hand: a reply is never edited in the app.
    w.opd
        .conn()
        .execute(
            "UPDATE note_replies SET body = 'Belum kami lengkapi.' WHERE id = ?1",
            [&reply],
        )
        .unwrap();
    let said = refused(&mut w);
    assert!(said.contains("berbeda dari tanggapan"), "{said}");
    assert!(said.contains("Sudah kami lengkapi."), "{said}");
}
