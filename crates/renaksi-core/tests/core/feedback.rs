//! Umpan balik: Bappeda's feedback file to one OPD and the OPD's replies,
//! with real databases and real .xlsx files in temporary folders: the loop
//! (note, verify, feedback, take, reply, report, import, resolve), the
//! refusals that change nothing, the printed letter, and due dates and closed
//! quarters taking effect at the OPD.

use std::path::{Path, PathBuf};

use renaksi_core::demo::{self, DemoView};
use renaksi_core::detail::action_detail;
use renaksi_core::editing::values::{self, RealisationInput};
use renaksi_core::feedback::{self, TakenFeedback};
use renaksi_core::package::{self, SignedPackage};
use renaksi_core::period::PeriodRef;
use renaksi_core::planning::periods::{self, PeriodChange, PeriodDue};
use renaksi_core::report::export::export;
use renaksi_core::report::import::{import_file, Imported};
use renaksi_core::review::{self, NoteInput, SubjectKind};
use renaksi_core::store::audit;
use renaksi_core::store::{indicators, plans};
use renaksi_core::submissions;
use renaksi_core::workbook::Paper;
use renaksi_core::{Error, Store};

use crate::fixtures::edit_part;

/// Bappeda (the demo plan, its 2018 quarters reopened so offices that start
/// from the package report), the package, and DINKES started from it with
/// its first report of 2019-TW1 imported.
pub struct World {
    pub root: tempfile::TempDir,
    pub bappeda: Store,
    pub bappeda_dir: PathBuf,
    pub opd: Store,
    pub opd_dir: PathBuf,
    reports: u32,
}

pub const TW1: PeriodRef = PeriodRef {
    year: 2019,
    quarter: 1,
};

impl World {
    pub fn new() -> World {
        let root = tempfile::tempdir().unwrap();
        let bappeda_dir = root.path().join("bappeda");
        std::fs::create_dir_all(&bappeda_dir).unwrap();
        let mut bappeda = Store::open(&bappeda_dir.join("renaksi.db")).unwrap();
        demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();
        for quarter in 1..=4 {
            periods::reopen(
                &mut bappeda,
                &PeriodChange {
                    period: PeriodRef {
                        year: 2018,
                        quarter,
                    },
                    reason: "Kantor memulai ulang dari paket".into(),
                },
            )
            .unwrap();
        }
        let file = bappeda_dir.join("paket.xlsx");
        package::export(&bappeda, &bappeda_dir, &file).unwrap();
        let package = package::read_file(&file).unwrap();
        let (opd, opd_dir) = office(root.path(), &package, "DINKES");
        let mut world = World {
            root,
            bappeda,
            bappeda_dir,
            opd,
            opd_dir,
            reports: 0,
        };
        let imported = world.report(TW1);
        assert!(imported.changed);
        world
    }

    /// The OPD exports its report of `period`; Bappeda imports it.
    pub fn report(&mut self, period: PeriodRef) -> Imported {
        let file = self.export(period);
        crate::confirming_first_key(|d| import_file(&mut self.bappeda, &file, d)).unwrap()
    }

    /// The OPD exports its report of `period`; the file.
    pub fn export(&mut self, period: PeriodRef) -> PathBuf {
        self.reports += 1;
        let file = self
            .root
            .path()
            .join(format!("laporan-{}.xlsx", self.reports));
        export(&mut self.opd, &self.opd_dir, period, Paper::A4, &file).unwrap();
        file
    }

    /// Bappeda writes DINKES's (or another OPD's) feedback file.
    pub fn feedback_for(&mut self, code: &str, name: &str) -> PathBuf {
        let file = self.root.path().join(name);
        feedback::write(&mut self.bappeda, &self.bappeda_dir, code, Paper::A4, &file).unwrap();
        file
    }

    pub fn feedback(&mut self, name: &str) -> PathBuf {
        self.feedback_for("DINKES", name)
    }

    pub fn take(&mut self, file: &Path) -> Result<TakenFeedback, Error> {
        feedback::take_file(&mut self.opd, file)
    }

    /// Bappeda's note on a subject.
    pub fn note(&mut self, kind: SubjectKind, id: &str, body: &str) -> String {
        review::add(
            &mut self.bappeda,
            &NoteInput {
                subject_kind: kind,
                subject_id: id.into(),
                body: body.into(),
            },
        )
        .unwrap()
        .id
    }
}

/// An OPD's database started from the package, in a folder of its own.
pub fn office(root: &Path, package: &SignedPackage, code: &str) -> (Store, PathBuf) {
    let dir = root.join(code);
    std::fs::create_dir_all(&dir).unwrap();
    let mut store = Store::open(&dir.join("renaksi.db")).unwrap();
    package::apply(&mut store, package, Some((code, "Operator OPD"))).unwrap();
    (store, dir)
}

/// The id of an action of the current plan by its code.
pub fn action(store: &Store, code: &str) -> String {
    review::action_id(store.conn(), code).unwrap()
}

/// The first indicator DINKES owns on RA-01, as the OPD holds it.
pub fn dinkes_indicator(store: &Store) -> String {
    let plan = plans::require_current(store.conn()).unwrap();
    let ra01 = action(store, "RA-01");
    indicators::list_for_plan(store.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .find(|i| i.action_id == ra01)
        .expect("DINKES holds an indicator on RA-01")
        .id
}

/// Everything taking a feedback file could change at the OPD, as text.
pub fn held(store: &Store) -> String {
    let conn = store.conn();
    let mut text = String::new();
    for table in [
        "feedback_taken",
        "feedback_reports",
        "feedback_notes",
        "note_replies",
        "periods",
        "settings",
    ] {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let columns = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |row| {
                let mut line = String::new();
                for i in 0..columns {
                    let value: rusqlite::types::Value = row.get(i)?;
                    line.push_str(&format!("{value:?}|"));
                }
                Ok(line)
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.sort();
        text.push_str(&format!("{table}: {}\n", rows.join("\n")));
    }
    let audit: i64 = conn
        .query_row("SELECT count(*) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    text.push_str(&format!("audit rows: {audit}\n"));
    text
}

#[test]
fn the_loop_note_verify_feedback_take_reply_report_import_resolve() {
    let mut w = World::new();
    let ra01 = action(&w.bappeda, "RA-01");
    let indicator = dinkes_indicator(&w.opd);
    let on_action = w.note(
        SubjectKind::Action,
        &ra01,
        "Lengkapi bukti rapat koordinasi.",
    );
    let on_indicator = w.note(
        SubjectKind::Indicator,
        &indicator,
        "Target TW2 tampak terlalu rendah.",
    );
    submissions::verify(&mut w.bappeda, "DINKES", TW1).unwrap();
    let file = w.feedback("umpan-balik-1.xlsx");

    let taken = w.take(&file).unwrap();
    assert!(taken.changed);
    assert_eq!((taken.notes, taken.open_notes, taken.reports), (2, 2, 1));
    let status = feedback::status(w.opd.conn()).unwrap().unwrap();
    assert_eq!(status.sequence, taken.sequence);

    // Each note on its subject: the list, and the workspace of RA-01.
    let notes = feedback::notes(w.opd.conn()).unwrap();
    assert_eq!(notes.len(), 2);
    let action_note = notes.iter().find(|n| n.id == on_action).unwrap();
    assert_eq!(action_note.subject_kind, SubjectKind::Action);
    assert_eq!(action_note.subject_id, ra01);
    assert!(action_note.subject_label.starts_with("RA-01"));
    assert!(action_note.can_reply);
    let indicator_note = notes.iter().find(|n| n.id == on_indicator).unwrap();
    assert_eq!(indicator_note.subject_kind, SubjectKind::Indicator);
    assert_eq!(indicator_note.subject_id, indicator);
    let detail = action_detail(w.opd.conn(), &ra01, None).unwrap();
    let mut on_detail: Vec<&str> = detail.notes.iter().map(|n| n.id.as_str()).collect();
    on_detail.sort();
    let mut expected = vec![on_action.as_str(), on_indicator.as_str()];
    expected.sort();
    assert_eq!(on_detail, expected);
    let ra02 = action(&w.opd, "RA-02");
    assert!(action_detail(w.opd.conn(), &ra02, None)
        .unwrap()
        .notes
        .is_empty());

    // The OPD answers one note; an empty answer is refused.
    let empty = feedback::reply(&mut w.opd, &on_action, "   ").unwrap_err();
    assert_eq!(empty.field(), Some("body"));
    let answered = feedback::reply(
        &mut w.opd,
        &on_action,
        "Bukti rapat sudah diunggah sebagai tautan.",
    )
    .unwrap();
    assert_eq!(answered.replies.len(), 1);
    assert_eq!(answered.replies[0].received_at, None);
    // Bappeda's side stays Bappeda's: it does not reply.
    let refused = feedback::reply(&mut w.bappeda, &on_action, "x").unwrap_err();
    assert_eq!(refused.code(), "forbidden");

    let imported = w.report(PeriodRef {
        year: 2019,
        quarter: 2,
    });
    assert!(imported.changed);
    assert_eq!(imported.replies, 1);
    let at_bappeda = review::list(w.bappeda.conn()).unwrap();
    let thread = at_bappeda.iter().find(|n| n.id == on_action).unwrap();
    assert_eq!(thread.replies.len(), 1);
    assert_eq!(
        thread.replies[0].body,
        "Bukti rapat sudah diunggah sebagai tautan."
    );
    assert_eq!(thread.replies[0].author, "Operator OPD");
    assert!(thread.replies[0].received_at.is_some());
    assert!(at_bappeda
        .iter()
        .find(|n| n.id == on_indicator)
        .unwrap()
        .replies
        .is_empty());
    review::set_resolved(&mut w.bappeda, &on_action, true).unwrap();

    // The same reply again in a later report is no new reply.
    let again = w.report(PeriodRef {
        year: 2019,
        quarter: 2,
    });
    assert_eq!(again.replies, 0);
    assert_eq!(
        review::replies(w.bappeda.conn(), &on_action).unwrap().len(),
        1
    );

    // The thread is in the history of both sides.
    let history = |store: &Store| -> Vec<String> {
        audit::history(store.conn(), "review_note", &on_action)
            .unwrap()
            .into_iter()
            .map(|e| format!("{} {}", e.operation, e.field.unwrap_or_default()))
            .collect()
    };
    let bappeda_history = history(&w.bappeda);
    for step in ["create ", "import reply", "update resolvedAt"] {
        assert!(
            bappeda_history.iter().any(|h| h == step),
            "{step} in {bappeda_history:?}"
        );
    }
    assert!(history(&w.opd).iter().any(|h| h == "create reply"));

    // The next file tells the OPD: the note is resolved, its reply arrived.
    let second = w.feedback("umpan-balik-2.xlsx");
    let taken = w.take(&second).unwrap();
    assert!(taken.changed);
    assert_eq!(taken.replies_received, 1);
    assert_eq!(taken.open_notes, 1);
    let note = feedback::note(w.opd.conn(), &on_action).unwrap();
    assert!(note.resolved_at.is_some());
    assert!(!note.can_reply);
    assert!(note.replies[0].received_at.is_some());
    let closed = feedback::reply(&mut w.opd, &on_action, "Satu lagi.").unwrap_err();
    assert_eq!(closed.code(), "invalid");
    let verified: Option<String> = w
        .opd
        .conn()
        .query_row(
            "SELECT verified_by FROM feedback_reports WHERE year = 2019 AND quarter = 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(verified.as_deref(), Some("Admin Bappeda"));
}

#[test]
fn refused_feedback_files_change_nothing_and_the_same_file_again_changes_nothing() {
    let mut w = World::new();
    let ra01 = action(&w.bappeda, "RA-01");
    w.note(SubjectKind::Action, &ra01, "Catatan pertama.");
    let first = w.feedback("umpan-balik-1.xlsx");
    w.note(SubjectKind::Action, &ra01, "Catatan kedua.");
    let second = w.feedback("umpan-balik-2.xlsx");
    let for_dinsos = w.feedback_for("DINSOS", "umpan-balik-dinsos.xlsx");
    w.take(&second).unwrap();
    // A report is not a feedback file (exported before the state is taken:
    // the export moves the OPD's own sequence).
    let report = w.export(TW1);
    let before = held(&w.opd);

    let refusals: Vec<(&str, Error)> = vec![
        ("another OPD", w.take(&for_dinsos).unwrap_err()),
        ("an older file", w.take(&first).unwrap_err()),
    ];
    for (what, _) in &refusals {
        assert_eq!(held(&w.opd), before, "{what} changed something");
    }
    assert_eq!(refusals[0].1.code(), "feedback_other_opd");
    assert!(refusals[0].1.to_string().contains("DINSOS"));
    assert_eq!(refusals[1].1.code(), "feedback_older");

    // The same file again: "sudah diambil", nothing changes.
    let again = w.take(&second).unwrap();
    assert!(!again.changed);
    assert_eq!(held(&w.opd), before);

    // Another Bappeda (its own key) writes a file for the same plan and OPD.
    let other_dir = w.root.path().join("bappeda-lain");
    std::fs::create_dir_all(&other_dir).unwrap();
    let mut other = Store::open(&other_dir.join("renaksi.db")).unwrap();
    demo::load(&mut other, &DemoView::Bappeda).unwrap();
    let forged = w.root.path().join("umpan-balik-palsu.xlsx");
    feedback::write(&mut other, &other_dir, "DINKES", Paper::A4, &forged).unwrap();
    let error = w.take(&forged).unwrap_err();
    assert_eq!(error.code(), "feedback_key");
    assert_eq!(held(&w.opd), before);

    let error = w.take(&report).unwrap_err();
    assert!(error.to_string().contains("Laporan OPD"), "{error}");
    assert_eq!(held(&w.opd), before);

    // A file altered after signing: a cell of the letter, or of the data.
    let bytes = std::fs::read(&second).unwrap();
    let letter_changed = edit_part(&bytes, "xl/sharedStrings.xml", |xml| {
        assert!(xml.contains("Kepada Yth."));
        xml.replace("Kepada Yth.", "Kepada Bapak")
    });
    let data_changed = edit_part(&bytes, "xl/sharedStrings.xml", |xml| {
        let exact = "<t>Catatan kedua.</t>";
        assert!(xml.contains(exact));
        xml.replace(exact, "<t>Catatan kedua telah dicabut.</t>")
    });
    for (what, bytes, said) in [
        (
            "letter",
            letter_changed,
            "telah diubah sesudah ditulis Bappeda",
        ),
        (
            "data",
            data_changed,
            "Tanda tangan berkas umpan balik tidak cocok",
        ),
    ] {
        let file = w.root.path().join(format!("ubah-{what}.xlsx"));
        std::fs::write(&file, bytes).unwrap();
        let error = w.take(&file).unwrap_err();
        assert!(error.to_string().contains(said), "{what}: {error}");
        assert_eq!(held(&w.opd), before, "{what}");
    }

    // Only an OPD takes a feedback file.
    let error = feedback::take_file(&mut w.bappeda, &second).unwrap_err();
    assert_eq!(error.code(), "forbidden");
}

#[test]
fn a_file_signed_by_bappedas_rotated_key_is_taken_along_its_statements() {
    let mut w = World::new();
    renaksi_core::keys::rotate(&mut w.bappeda, &w.bappeda_dir, Some("2019-07-01")).unwrap();
    let file = w.feedback("umpan-balik-1.xlsx");
    let taken = w.take(&file).unwrap();
    let change = taken
        .key_change
        .expect("the key changed along its statement");
    assert_eq!(change.effective_from, "2019-07-01");
    // The next package, signed by the new key, needs no statement any more.
    let next = w.bappeda_dir.join("paket-2.xlsx");
    package::export(&w.bappeda, &w.bappeda_dir, &next).unwrap();
    let mut signed = package::read_file(&next).unwrap();
    signed.package.rotations.clear();
    assert!(package::preview(w.opd.conn(), &signed)
        .unwrap()
        .key_change
        .is_none());
}

#[test]
fn the_letter_lists_the_quarters_and_the_notes_with_the_replies_received() {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut w = World::new();
    let ra01 = action(&w.bappeda, "RA-01");
    let indicator = dinkes_indicator(&w.opd);
    let note = w.note(
        SubjectKind::Action,
        &ra01,
        "Lengkapi bukti rapat koordinasi.",
    );
    w.note(
        SubjectKind::Indicator,
        &indicator,
        "=Target TW2 tampak terlalu rendah.",
    );
    submissions::verify(&mut w.bappeda, "DINKES", TW1).unwrap();
    let first = w.feedback("umpan-balik-1.xlsx");
    w.take(&first).unwrap();
    feedback::reply(&mut w.opd, &note, "Bukti sudah diunggah.").unwrap();
    w.report(PeriodRef {
        year: 2019,
        quarter: 2,
    });
    periods::close(
        &mut w.bappeda,
        &PeriodChange {
            period: TW1,
            reason: "Sudah diverifikasi".into(),
        },
    )
    .unwrap();
    let file = w.feedback("umpan-balik-2.xlsx");

    let mut book: Xlsx<_> = open_workbook(&file).unwrap();
    assert_eq!(book.sheet_names(), vec!["Umpan Balik", "data"]);
    let range = book.worksheet_range("Umpan Balik").unwrap();
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect();
    let text: Vec<String> = rows.iter().map(|r| r.join(" | ")).collect();
    let find = |needle: &str| {
        text.iter()
            .find(|l| l.contains(needle))
            .unwrap_or_else(|| panic!("{needle:?} in:\n{}", text.join("\n")))
            .clone()
    };
    assert!(find("PEMERINTAH KABUPATEN WONOSOBO").contains("WONOSOBO"));
    assert!(find("Kepada Yth.").contains("Dinas Kesehatan"));
    let tw1 = find("Triwulan I 2019");
    for word in ["Diverifikasi", "Admin Bappeda", "Ditutup", "(no. 1)"] {
        assert!(tw1.contains(word), "{word} in {tw1}");
    }
    let tw2 = find("Triwulan II 2019");
    assert!(tw2.contains("(no. 2)"), "{tw2}");
    assert!(find("Triwulan IV 2019").contains("Belum"));
    let action_row = find("Lengkapi bukti rapat koordinasi.");
    assert!(action_row.starts_with("1 | RA-01"), "{action_row}");
    assert!(action_row.contains("Terbuka"));
    assert!(action_row.contains("Bukti sudah diunggah."), "{action_row}");
    // A note that starts like a formula stays text.
    let indicator_row = find("=Target TW2 tampak terlalu rendah.");
    assert!(indicator_row.starts_with("2 | RA-01 ·"), "{indicator_row}");
    assert!(find("Kepala Bappeda Kabupaten Wonosobo").contains("Wonosobo, "));
    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut sheet = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("xl/worksheets/sheet1.xml").unwrap(),
        &mut sheet,
    )
    .unwrap();
    assert!(!sheet.contains("<f>"), "no formula in the letter");
}

#[test]
fn due_dates_and_closed_quarters_from_the_file_take_effect_at_the_opd() {
    let mut w = World::new();
    periods::set_due_date(
        &mut w.bappeda,
        &PeriodDue {
            period: PeriodRef {
                year: 2019,
                quarter: 2,
            },
            due_date: "2019-07-20".into(),
        },
    )
    .unwrap();
    periods::close(
        &mut w.bappeda,
        &PeriodChange {
            period: TW1,
            reason: "Sudah diverifikasi".into(),
        },
    )
    .unwrap();
    let indicator = dinkes_indicator(&w.opd);
    let write_tw1 = |store: &mut Store| {
        values::save_realisation(
            store,
            &RealisationInput {
                indicator_id: indicator.clone(),
                year: 2019,
                quarter: 1,
                value: Some(5.0),
                notes: String::new(),
                obstacles: String::new(),
                follow_up: String::new(),
            },
        )
    };
    // Before the file, the OPD may still write TW1.
    let plan_id = plans::require_current(w.opd.conn()).unwrap().id;
    let tw1_closed =
        |store: &Store| renaksi_core::access::is_closed(store.conn(), &plan_id, TW1).unwrap();
    assert!(!tw1_closed(&w.opd));

    let file = w.feedback("umpan-balik-1.xlsx");
    let taken = w.take(&file).unwrap();
    assert_eq!(taken.quarters_changed, 2);
    let mut named = taken.quarter_changes.clone();
    named.sort();
    assert_eq!(
        named,
        vec![
            "Batas waktu Triwulan II 2019: 20 Juli 2019",
            "Triwulan I 2019 ditutup"
        ]
    );
    assert!(tw1_closed(&w.opd));
    let tw2 = renaksi_core::store::periods::get(w.opd.conn(), &plan_id, 2019, 2)
        .unwrap()
        .unwrap();
    assert_eq!(tw2.due_date.as_deref(), Some("2019-07-20"));
    let error = write_tw1(&mut w.opd).unwrap_err();
    assert_eq!(error.code(), "period_closed");
    let ra01 = action(&w.opd, "RA-01");
    let detail = action_detail(w.opd.conn(), &ra01, Some(TW1)).unwrap();
    let locked = detail
        .periods
        .iter()
        .find(|p| p.year == 2019 && p.quarter == 1)
        .unwrap();
    assert!(locked.closed && locked.locked);
    // The change is in the OPD's history.
    let changes = audit::history(w.opd.conn(), "period", &format!("{plan_id}/2019-TW1")).unwrap();
    assert!(changes
        .iter()
        .any(|c| c.field.as_deref() == Some("closed") && c.new_value.as_deref() == Some("true")));
}

#[test]
fn a_signed_file_over_the_caps_is_refused_before_it_is_used() {
    use renaksi_core::feedback::{content, file};
    let mut w = World::new();
    let ra01 = action(&w.bappeda, "RA-01");
    w.note(SubjectKind::Action, &ra01, "Catatan.");
    let genuine = w.feedback("umpan-balik-1.xlsx");
    w.take(&genuine).unwrap();
    let before = held(&w.opd);
    let plan = plans::require_current(w.bappeda.conn()).unwrap();
    let opd = renaksi_core::store::opds::by_code(w.bappeda.conn(), "DINKES")
        .unwrap()
        .unwrap();
    let key = renaksi_core::keys::signing_key(w.bappeda.conn(), &w.bappeda_dir).unwrap();
    let signed_file = |name: &str, edit: &dyn Fn(&mut content::Feedback)| {
        let mut feedback = content::build(
            w.bappeda.conn(),
            &plan,
            &opd,
            content::Numbering {
                sequence: 9_000_000_000,
                number: 2,
            },
            "2019-07-20T03:00:00Z",
            chrono::NaiveDate::from_ymd_opt(2019, 7, 20).unwrap(),
        )
        .unwrap();
        edit(&mut feedback);
        let path = w.root.path().join(name);
        std::fs::write(
            &path,
            file::workbook_bytes(&feedback, &key, Paper::A4).unwrap(),
        )
        .unwrap();
        path
    };
    let long = signed_file("panjang.xlsx", &|f| {
        f.notes[0].body = "x".repeat(review::MAX_BODY + 1);
    });
    let twice = signed_file("ganda.xlsx", &|f| {
        let again = f.notes[0].clone();
        f.notes.push(again);
    });
    let bad_state = signed_file("status.xlsx", &|f| f.quarters[0].state = "lunas".into());
    for (file, said) in [
        (long, "terlalu panjang"),
        (twice, "tercantum dua kali"),
        (bad_state, "tidak dikenal"),
    ] {
        let error = w.take(&file).unwrap_err();
        assert!(error.to_string().contains(said), "{error}");
        assert_eq!(error.code(), "invalid");
        assert_eq!(held(&w.opd), before);
    }
}

// ---------------------------------------------------------------------------
// Review of h1: quarters by two channels, reassigned subjects, the order of
// the checks, the human number, the rules, the race, the letter's replies and
// the OPD's note history.

/// DINKES's feedback file as Bappeda's store says it now, but written at
/// `written_at` on Bappeda's clock (its sequence follows that time, as
/// `send` makes it), edited by `edit`, signed by `key`.
fn written_at(
    w: &World,
    written_at: &str,
    name: &str,
    key: &ed25519_dalek::SigningKey,
    edit: impl Fn(&mut renaksi_core::feedback::content::Feedback),
) -> PathBuf {
    use renaksi_core::feedback::{content, file};
    let plan = plans::require_current(w.bappeda.conn()).unwrap();
    let opd = renaksi_core::store::opds::by_code(w.bappeda.conn(), "DINKES")
        .unwrap()
        .unwrap();
    let at = chrono::DateTime::parse_from_rfc3339(written_at).unwrap();
    let mut feedback = content::build(
        w.bappeda.conn(),
        &plan,
        &opd,
        content::Numbering {
            sequence: at.timestamp(),
            number: 1,
        },
        written_at,
        at.date_naive(),
    )
    .unwrap();
    edit(&mut feedback);
    let path = w.root.path().join(name);
    std::fs::write(
        &path,
        file::workbook_bytes(&feedback, key, Paper::A4).unwrap(),
    )
    .unwrap();
    path
}

fn bappeda_key(w: &World) -> ed25519_dalek::SigningKey {
    renaksi_core::keys::signing_key(w.bappeda.conn(), &w.bappeda_dir).unwrap()
}

fn rfc3339(at: chrono::DateTime<chrono::Utc>) -> String {
    at.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

fn close_tw1(store: &mut Store) {
    periods::close(
        store,
        &PeriodChange {
            period: TW1,
            reason: "Sudah diverifikasi".into(),
        },
    )
    .unwrap();
}

fn tw1_closed(store: &Store) -> bool {
    let plan = plans::require_current(store.conn()).unwrap();
    renaksi_core::access::is_closed(store.conn(), &plan.id, TW1).unwrap()
}

#[test]
fn a_feedback_file_written_before_a_newer_package_does_not_reopen_its_quarter() {
    let mut w = World::new();
    let ra01 = action(&w.bappeda, "RA-01");
    w.note(SubjectKind::Action, &ra01, "Lengkapi bukti.");
    // Monday: the file is written while TW1 is open (it reaches the OPD late).
    let monday = rfc3339(chrono::Utc::now() - chrono::Duration::days(1));
    let key = bappeda_key(&w);
    let late = written_at(&w, &monday, "umpan-balik-senin.xlsx", &key, |_| {});
    // Tuesday: Bappeda closes TW1 and sends a package; the OPD takes it.
    close_tw1(&mut w.bappeda);
    let file = w.bappeda_dir.join("paket-2.xlsx");
    package::export(&w.bappeda, &w.bappeda_dir, &file).unwrap();
    let tuesday = package::read_file(&file).unwrap();
    package::apply(&mut w.opd, &tuesday, None).unwrap();
    assert!(tw1_closed(&w.opd));

    // Monday's file still brings its notes, but not its older quarters.
    let taken = w.take(&late).unwrap();
    assert!(taken.changed);
    assert_eq!(taken.notes, 1);
    assert!(
        tw1_closed(&w.opd),
        "a quarter Bappeda closed since stays closed"
    );
    assert_eq!(taken.quarters_changed, 0);
    assert!(taken.quarter_changes.is_empty());
    assert!(taken.quarters_older);
}

#[test]
fn a_package_taken_again_does_not_undo_a_closing_a_newer_feedback_file_brought() {
    let mut w = World::new();
    let first = package::read_file(&w.bappeda_dir.join("paket.xlsx")).unwrap();
    let exported = chrono::DateTime::parse_from_rfc3339(&first.package.meta.exported_at).unwrap();
    close_tw1(&mut w.bappeda);
    let key = bappeda_key(&w);
    let later = rfc3339(exported.to_utc() + chrono::Duration::minutes(5));
    let file = written_at(&w, &later, "umpan-balik-1.xlsx", &key, |_| {});
    let taken = w.take(&file).unwrap();
    assert!(tw1_closed(&w.opd));
    assert_eq!(taken.quarter_changes, vec!["Triwulan I 2019 ditutup"]);
    assert!(!taken.quarters_older);

    // The same package again (the clerk opens it once more): TW1 stays closed.
    let preview = package::preview(w.opd.conn(), &first).unwrap();
    assert!(preview.periods.is_empty(), "{:?}", preview.periods);
    package::apply(&mut w.opd, &first, None).unwrap();
    assert!(tw1_closed(&w.opd));
}

/// Bappeda gives the lead of an action to another OPD (the plan's next
/// version); returns the package that says so.
fn move_lead(w: &mut World, code: &str, to: &str) -> SignedPackage {
    use renaksi_core::planning::structure::actions::{save, ActionInput};
    let id = action(&w.bappeda, code);
    let held = renaksi_core::store::actions::get(w.bappeda.conn(), &id)
        .unwrap()
        .unwrap();
    let to = renaksi_core::store::opds::by_code(w.bappeda.conn(), to)
        .unwrap()
        .unwrap();
    save(
        &mut w.bappeda,
        &ActionInput {
            id: Some(held.id.clone()),
            theme_id: held.theme_id.clone(),
            code: held.code.clone(),
            title: held.title.clone(),
            lead_opd_id: to.id.clone(),
            supporting_opd_ids: held
                .supporting_opd_ids
                .iter()
                .filter(|s| **s != to.id)
                .cloned()
                .collect(),
            start_date: held.start_date.clone(),
            end_date: held.end_date.clone(),
            problem: held.problem.clone(),
            description: held.description.clone(),
            contribution: held.contribution.clone(),
            ogp_values: held.ogp_values.clone(),
            cso_partners: held.cso_partners.clone(),
        },
    )
    .unwrap();
    let file = w.bappeda_dir.join(format!("paket-{code}-{}.xlsx", to.code));
    package::export(&w.bappeda, &w.bappeda_dir, &file).unwrap();
    package::read_file(&file).unwrap()
}

fn letter_text(file: &Path) -> Vec<String> {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut book: Xlsx<_> = open_workbook(file).unwrap();
    let range = book.worksheet_range("Umpan Balik").unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::String(s) => s.clone(),
                    Data::Empty => String::new(),
                    other => other.to_string(),
                })
                .collect::<Vec<_>>()
                .join(" | ")
        })
        .collect()
}

#[test]
fn after_bappeda_moves_an_action_the_old_lead_cannot_reply_and_its_report_is_taken() {
    let mut w = World::new();
    let ra01 = action(&w.bappeda, "RA-01");
    let note = w.note(SubjectKind::Action, &ra01, "Lengkapi bukti rapat.");
    let file = w.feedback("umpan-balik-1.xlsx");
    w.take(&file).unwrap();
    feedback::reply(&mut w.opd, &note, "Bukti pertama diunggah.").unwrap();
    assert_eq!(w.report(TW1).replies, 1);
    feedback::reply(&mut w.opd, &note, "Bukti kedua menyusul.").unwrap();

    // Bappeda gives RA-01 to DINSOS; DINKES takes the new package.
    let moved = move_lead(&mut w, "RA-01", "DINSOS");
    package::apply(&mut w.opd, &moved, None).unwrap();
    let error = feedback::reply(&mut w.opd, &note, "Bukti ketiga.").unwrap_err();
    assert_eq!(error.code(), "forbidden", "{error}");
    assert!(error.to_string().contains("DINSOS"), "{error}");
    let listed = feedback::notes(w.opd.conn()).unwrap();
    assert!(!listed.iter().find(|n| n.id == note).unwrap().can_reply);

    // Its next report is taken; the reply about RA-01 written before the
    // move is not kept (the note is DINSOS's now).
    let imported = w.report(PeriodRef {
        year: 2019,
        quarter: 2,
    });
    assert!(imported.changed);
    assert_eq!(imported.replies, 0);
    assert_eq!(imported.skipped_replies.len(), 1);
    let skipped = &imported.skipped_replies[0];
    assert_eq!(skipped.note_id, note);
    assert_eq!(skipped.excerpt, "Bukti kedua menyusul.");
    assert!(
        skipped.reason.contains("kini milik DINSOS"),
        "{}",
        skipped.reason
    );
    let thread = review::replies(w.bappeda.conn(), &note).unwrap();
    assert_eq!(thread.len(), 1, "{thread:?}");

    // The letter to DINSOS carries the note, not DINKES's replies.
    let for_dinsos = w.feedback_for("DINSOS", "umpan-balik-dinsos.xlsx");
    let text = letter_text(&for_dinsos);
    let row = text
        .iter()
        .find(|l| l.contains("Lengkapi bukti rapat."))
        .unwrap_or_else(|| panic!("{text:?}"));
    assert!(!row.contains("Bukti pertama diunggah."), "{row}");
}

/// A workbook part with an XML comment added: the letter no longer what
/// Renaksi writes.
fn touched(bytes: &[u8]) -> Vec<u8> {
    edit_part(bytes, "xl/styles.xml", |xml| {
        xml.replacen("?>", "?><!-- diubah -->", 1)
    })
}

#[test]
fn a_file_at_the_caps_signed_by_another_key_is_refused_for_its_key() {
    use renaksi_core::feedback::content::{NoteRow, ReplyReceipt};
    use renaksi_core::feedback::rules::{MAX_NOTES, MAX_REPLIES};
    let mut w = World::new();
    let other_dir = w.root.path().join("bappeda-lain");
    std::fs::create_dir_all(&other_dir).unwrap();
    let mut other = Store::open(&other_dir.join("renaksi.db")).unwrap();
    demo::load(&mut other, &DemoView::Bappeda).unwrap();
    let foreign = renaksi_core::keys::signing_key(other.conn(), &other_dir).unwrap();
    let at = rfc3339(chrono::Utc::now());
    let file = written_at(&w, &at, "umpan-balik-penuh.xlsx", &foreign, |f| {
        f.notes = (0..MAX_NOTES)
            .map(|i| NoteRow {
                id: format!("n{i:05}"),
                subject_kind: "report".into(),
                subject_id: String::new(),
                subject_label: "Laporan".into(),
                report_sequence: Some(1),
                report_key: None,
                author: "A".into(),
                body: "Catatan.".into(),
                created_at: "2019-04-01T00:00:00Z".into(),
                resolved_at: None,
            })
            .collect();
        f.replies = (0..MAX_REPLIES)
            .map(|i| ReplyReceipt {
                id: format!("r{i:05}"),
                note_id: format!("n{:05}", i % MAX_NOTES),
                author: "B".into(),
                body: "Ya.".into(),
                created_at: "2019-04-02T00:00:00Z".into(),
                received_at: "2019-04-03T00:00:00Z".into(),
            })
            .collect();
    });
    // Its letter altered too: the key is answered before the letter is
    // rebuilt and compared.
    let altered = w.root.path().join("umpan-balik-penuh-diubah.xlsx");
    std::fs::write(&altered, touched(&std::fs::read(&file).unwrap())).unwrap();
    let before = held(&w.opd);
    let error = w.take(&altered).unwrap_err();
    assert_eq!(error.code(), "feedback_key", "{error}");
    assert_eq!(held(&w.opd), before);
}

#[test]
fn the_letter_and_the_messages_count_files_and_a_folder_file_is_never_overwritten() {
    let mut w = World::new();
    w.feedback("umpan-balik-1.xlsx");
    let file = w.root.path().join("umpan-balik-2.xlsx");
    let written =
        feedback::write(&mut w.bappeda, &w.bappeda_dir, "DINKES", Paper::A4, &file).unwrap();
    let text = letter_text(&file).join("\n");
    assert!(text.contains("Umpan balik ke-2"), "{text}");
    assert!(
        !text.contains(&written.sequence.to_string()),
        "the ordering key is not printed: {text}"
    );
    w.take(&file).unwrap();

    // A folder already holding DINKES's third file (another copy of an
    // earlier Bappeda): it stays, the new one gets a free name.
    let folder = w.root.path().join("semua");
    std::fs::create_dir_all(&folder).unwrap();
    let old = folder.join("umpan-balik-DINKES-3.xlsx");
    std::fs::write(&old, b"berkas lama").unwrap();
    let all = feedback::write_all(&mut w.bappeda, &w.bappeda_dir, &folder, Paper::A4).unwrap();
    assert_eq!(std::fs::read(&old).unwrap(), b"berkas lama");
    let dinkes = all.iter().find(|f| f.opd_code == "DINKES").unwrap();
    assert_ne!(Path::new(&dinkes.path), old.as_path());
    assert!(Path::new(&dinkes.path).is_file());
    // The older file again: the message names the files by their count.
    let error = w
        .take(&w.root.path().join("umpan-balik-1.xlsx"))
        .unwrap_err();
    assert_eq!(error.code(), "feedback_older");
    assert!(error.to_string().contains("ke-1"), "{error}");
    assert!(error.to_string().contains("ke-2"), "{error}");
}

#[test]
fn a_signed_file_with_numbers_times_or_note_ids_that_cannot_be_is_refused_in_indonesian() {
    let mut w = World::new();
    let ra01 = action(&w.bappeda, "RA-01");
    let note = w.note(SubjectKind::Action, &ra01, "Catatan.");
    let key = bappeda_key(&w);
    let at = rfc3339(chrono::Utc::now());
    let zero = written_at(&w, &at, "nol.xlsx", &key, |f| f.meta.sequence = 0);
    let report_zero = written_at(&w, &at, "laporan-nol.xlsx", &key, |f| {
        f.reports[0].sequence = 0
    });
    let bad_time = written_at(&w, &at, "waktu.xlsx", &key, |f| {
        f.meta.written_at = "kemarin sore".into()
    });
    let bad_note_time = written_at(&w, &at, "waktu-catatan.xlsx", &key, |f| {
        f.notes[0].created_at = "2019-13-45".into()
    });
    let before = held(&w.opd);
    for (file, said) in [
        (zero, "nomor urut"),
        (report_zero, "nomor urut"),
        (bad_time, "waktu"),
        (bad_note_time, "waktu"),
    ] {
        let error = w.take(&file).unwrap_err();
        assert_eq!(error.code(), "invalid", "{error}");
        let message = error.to_string();
        assert!(
            message.contains("Berkas umpan balik ini tidak dapat dipakai"),
            "{message}"
        );
        assert!(message.contains(said), "{message}");
        assert_eq!(held(&w.opd), before);
    }

    // The note's id is held here under an earlier plan.
    w.opd
        .conn()
        .execute_batch(&format!(
            "INSERT INTO plans (id, region, title, year_start, year_end, created_at, updated_at)
             VALUES ('rencana-lama', 'Kabupaten Wonosobo', 'Rencana lama', 2016, 2017,
                     '2016-01-01T00:00:00Z', '2016-01-01T00:00:00Z');
             INSERT INTO feedback_notes (id, plan_id, subject_kind, subject_id, subject_label,
                     author, body, created_at)
             VALUES ('{note}', 'rencana-lama', 'action', 'x', 'RA-01', 'Admin Bappeda', 'Lama',
                     '2016-04-01T00:00:00Z');"
        ))
        .unwrap();
    let before = held(&w.opd);
    let file = w.feedback("umpan-balik-1.xlsx");
    let error = w.take(&file).unwrap_err();
    assert_eq!(error.code(), "invalid", "{error}");
    assert!(error.to_string().contains("rencana aksi lain"), "{error}");
    assert_eq!(held(&w.opd), before);
}

#[test]
fn a_newer_file_taken_by_another_process_meanwhile_is_not_lowered() {
    let mut w = World::new();
    let older = w.feedback("umpan-balik-1.xlsx");
    let newer = w.root.path().join("umpan-balik-2.xlsx");
    let newer_sequence =
        feedback::write(&mut w.bappeda, &w.bappeda_dir, "DINKES", Paper::A4, &newer)
            .unwrap()
            .sequence;
    // Another process (the CLI beside the app) takes the newer file: it
    // holds the write lock, writing what that take records, while this one
    // checks the older file, and commits once this one waits for the lock.
    let db = w.opd_dir.join("renaksi.db");
    let plan_id = plans::require_current(w.opd.conn()).unwrap().id;
    let (locked, go) = std::sync::mpsc::channel();
    let other = std::thread::spawn(move || {
        let mut conn = rusqlite::Connection::open(&db).unwrap();
        let tx = conn
            .transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)
            .unwrap();
        tx.execute(
            "INSERT INTO feedback_taken
                 (plan_id, sequence, number, key_fingerprint, written_at, taken_at)
             VALUES (?1, ?2, 2, 'kunci', '2019-07-20T03:00:00Z', '2019-07-20T03:00:00Z')",
            rusqlite::params![plan_id, newer_sequence],
        )
        .unwrap();
        locked.send(()).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(800));
        tx.commit().unwrap();
    });
    go.recv().unwrap();
    let error = w.take(&older).unwrap_err();
    other.join().unwrap();
    assert_eq!(error.code(), "feedback_older", "{error}");
    assert_eq!(
        feedback::status(w.opd.conn()).unwrap().unwrap().sequence,
        newer_sequence
    );
}

#[test]
fn at_the_opd_a_note_received_and_resolved_leaves_a_row_in_its_history() {
    let mut w = World::new();
    let ra01 = action(&w.bappeda, "RA-01");
    let note = w.note(SubjectKind::Action, &ra01, "Lengkapi bukti.");
    let first = w.feedback("umpan-balik-1.xlsx");
    w.take(&first).unwrap();
    let history = |store: &Store| -> Vec<String> {
        audit::history(store.conn(), "review_note", &note)
            .unwrap()
            .into_iter()
            .map(|e| format!("{} {}", e.operation, e.field.unwrap_or_default()))
            .collect()
    };
    assert_eq!(history(&w.opd), vec!["import ".to_string()]);
    review::set_resolved(&mut w.bappeda, &note, true).unwrap();
    let second = w.feedback("umpan-balik-2.xlsx");
    w.take(&second).unwrap();
    assert_eq!(
        history(&w.opd),
        vec!["update resolvedAt".to_string(), "import ".to_string()]
    );
}
