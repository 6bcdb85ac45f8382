//! Replies (tanggapan) a report brings to Bappeda that are not what an OPD
//! may send: an answer to a note Bappeda never wrote or to a note of an
//! earlier plan, a reply dated after its report (or not dated), or a reply
//! held already coming back with another text. Each report is refused with
//! the reason and changes nothing; the OPD signed it with its own key, as a
//! forger holding its database would. An answer to a note on another OPD's
//! action (the lead moved, or a forger) is not kept, and the report is.

use renaksi_core::feedback;
use renaksi_core::period::PeriodRef;
use renaksi_core::report::import::import_file;
use renaksi_core::review::{self, SubjectKind};
use renaksi_core::store::{opds, plans};
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
/// its database by hand.
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

/// A reply to `note_id` put into the OPD's database by hand (the app
/// refuses to answer a note that is not this OPD's), as of `created_at`.
fn plant_reply(opd: &Store, note_id: &str, body: &str, created_at: &str) {
    let dinkes = opds::by_code(opd.conn(), "DINKES").unwrap().unwrap();
    opd.conn()
        .execute(
            "INSERT INTO note_replies (id, note_id, opd_id, author, body, created_at)
             VALUES (?1, ?2, ?3, 'Operator OPD', ?4, ?5)",
            rusqlite::params![
                format!("balasan-{}", body.len()),
                note_id,
                dinkes.id,
                body,
                created_at
            ],
        )
        .unwrap();
}

const EARLIER: &str = "2019-04-02T00:00:00Z";

fn refused(w: &mut World) -> String {
    let before = bappeda_held(&w.bappeda);
    let file = w.export(TW1);
    let error = crate::confirming_first_key(|d| import_file(&mut w.bappeda, &file, d)).unwrap_err();
    assert_eq!(bappeda_held(&w.bappeda), before, "{error}");
    assert_eq!(error.code(), "invalid");
    error.to_string()
}

#[test]
fn a_reply_to_a_note_on_another_opds_action_is_not_kept_and_the_report_is() {
    let mut w = World::new();
    // Bappeda's note on RA-02, which DINSOS leads.
    let ra02 = action(&w.bappeda, "RA-02");
    let theirs = w.note(SubjectKind::Action, &ra02, "Catatan untuk DINSOS.");
    plant_note_and_reply(&w.opd, &theirs);
    plant_reply(&w.opd, &theirs, "Kami jawab atas nama DINSOS.", EARLIER);
    let before = review::replies(w.bappeda.conn(), &theirs).unwrap();
    let imported = w.report(PeriodRef {
        year: 2019,
        quarter: 2,
    });
    assert!(imported.changed);
    assert_eq!(imported.replies, 0);
    assert_eq!(imported.skipped_replies.len(), 1);
    assert!(
        imported.skipped_replies[0].reason.contains("milik DINSOS"),
        "{:?}",
        imported.skipped_replies
    );
    assert_eq!(review::replies(w.bappeda.conn(), &theirs).unwrap(), before);
}

#[test]
fn a_reply_to_a_note_of_an_earlier_plan_is_refused() {
    let mut w = World::new();
    // Bappeda holds an earlier plan, with an action DINKES led and a note on it.
    let dinkes = opds::by_code(w.bappeda.conn(), "DINKES").unwrap().unwrap();
    let theme: String = w
        .bappeda
        .conn()
        .query_row("SELECT id FROM themes LIMIT 1", [], |r| r.get(0))
        .unwrap();
    w.bappeda
        .conn()
        .execute_batch(&format!(
            "INSERT INTO plans (id, region, title, year_start, year_end, status, created_at, updated_at)
             VALUES ('rencana-lama', 'Kabupaten Wonosobo', 'Rencana lama', 2016, 2017, 'final',
                     '2016-01-01T00:00:00Z', '2016-01-01T00:00:00Z');
             INSERT INTO actions (id, plan_id, theme_id, code, title, lead_opd_id, updated_at)
             VALUES ('aksi-lama', 'rencana-lama', '{theme}', 'RA-01', 'Aksi lama', '{}',
                     '2016-01-01T00:00:00Z');
             INSERT INTO review_notes (id, subject_kind, subject_id, author, body, created_at)
             VALUES ('catatan-lama', 'action', 'aksi-lama', 'Admin Bappeda', 'Catatan lama',
                     '2017-04-01T00:00:00Z');",
            dinkes.id
        ))
        .unwrap();
    plant_note_and_reply(&w.opd, "catatan-lama");
    plant_reply(
        &w.opd,
        "catatan-lama",
        "Jawaban atas rencana lama.",
        EARLIER,
    );
    let said = refused(&mut w);
    assert!(said.contains("rencana aksi lain"), "{said}");
}

#[test]
fn a_reply_dated_after_its_report_or_not_dated_at_all_is_refused() {
    let mut w = World::new();
    let ra01 = action(&w.bappeda, "RA-01");
    let note = w.note(SubjectKind::Action, &ra01, "Lengkapi bukti.");
    let file = w.feedback("umpan-balik-1.xlsx");
    w.take(&file).unwrap();
    plant_reply(&w.opd, &note, "Dari masa depan.", "2099-01-01T00:00:00Z");
    let said = refused(&mut w);
    assert!(said.contains("sesudah laporan diekspor"), "{said}");
    w.opd
        .conn()
        .execute("UPDATE note_replies SET created_at = 'kemarin'", [])
        .unwrap();
    let said = refused(&mut w);
    assert!(said.contains("bukan waktu"), "{said}");
}

#[test]
fn a_reply_to_a_note_bappeda_never_wrote_is_refused() {
    let mut w = World::new();
    plant_note_and_reply(&w.opd, "0190b1c2-0000-7000-8000-000000000000");
    plant_reply(
        &w.opd,
        "0190b1c2-0000-7000-8000-000000000000",
        "Jawaban atas catatan karangan.",
        EARLIER,
    );
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
