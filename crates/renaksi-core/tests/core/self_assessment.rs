//! The OGP end-of-commitment self-assessment: recorded by Bappeda only, on the
//! active plan, audited and undoable, refused with a message on its field and
//! changing nothing; and the workbook read back cell by cell.

use calamine::{open_workbook, Data, Reader, Xlsx};

use renaksi_core::demo::{self, DemoView};
use renaksi_core::editing;
use renaksi_core::period::PeriodRef;
use renaksi_core::planning::plan::{self, NewPlan};
use renaksi_core::review::action_id;
use renaksi_core::self_assessment::workbook::{self, COLUMNS, HEADER_ROW, NOT_ASSESSED, SHEET};
use renaksi_core::self_assessment::{self, AssessmentForm, Completion, OpenedGovernment};
use renaksi_core::workbook::Paper;
use renaksi_core::{Error, Store};

fn bappeda() -> (tempfile::TempDir, Store) {
    let (dir, path) = crate::temp_db();
    let mut store = Store::open(&path).unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    (dir, store)
}

fn form(store: &Store, code: &str) -> AssessmentForm {
    AssessmentForm {
        action_id: action_id(store.conn(), code).unwrap(),
        completion: Completion::Substantial,
        opened_government: OpenedGovernment::Major,
        explanation: "Data kepesertaan kini diumumkan setiap triwulan.".into(),
        evidence_links: vec![
            "https://wonosobokab.go.id/jkn".into(),
            " ".into(),
            "https://wonosobokab.go.id/jkn".into(),
            "http://dinkes.wonosobokab.go.id/data".into(),
        ],
    }
}

/// The rows the assessment and its history live in, to compare before and after a refusal.
fn state(store: &Store) -> (i64, i64) {
    let count = |sql: &str| {
        store
            .conn()
            .query_row(sql, [], |r| r.get::<_, i64>(0))
            .unwrap()
    };
    (
        count("SELECT count(*) FROM self_assessments"),
        count("SELECT count(*) FROM audit_log"),
    )
}

fn field_of(error: Error) -> String {
    match error {
        Error::Invalid { field, .. } => field,
        other => panic!("expected a field's message, got {other:?}"),
    }
}

#[test]
fn bappeda_records_an_assessment_with_its_history_and_undoes_it() {
    let (_dir, mut store) = bappeda();
    let ra01 = action_id(store.conn(), "RA-01").unwrap();
    let before = self_assessment::list(store.conn()).unwrap().unwrap();
    assert_eq!(before.actions.len(), 8);
    assert_eq!(before.assessed_count, 0);
    assert!(before.can_edit);
    let listed = before.actions.iter().find(|a| a.action_id == ra01).unwrap();
    assert_eq!(listed.lead_opd.code, "DINKES");
    assert_eq!(
        listed.milestones.iter().map(|c| c.count).sum::<usize>(),
        3,
        "RA-01's milestones by status"
    );

    let first = {
        let f = form(&store, "RA-01");
        self_assessment::set(&mut store, &f)
    }
    .unwrap();
    let list = self_assessment::list(store.conn()).unwrap().unwrap();
    assert_eq!(list.assessed_count, 1);
    let recorded = list
        .actions
        .iter()
        .find(|a| a.action_id == ra01)
        .and_then(|a| a.assessment.clone())
        .unwrap();
    assert_eq!(recorded.completion, Completion::Substantial);
    assert_eq!(recorded.opened_government, OpenedGovernment::Major);
    assert_eq!(
        recorded.evidence_links,
        [
            "https://wonosobokab.go.id/jkn",
            "http://dinkes.wonosobokab.go.id/data"
        ],
        "blank entries dropped, a repeated link kept once"
    );
    assert_eq!(recorded.recorded_by, "Admin Bappeda");

    // A change of the same action: only what changed goes into the history.
    let changed = AssessmentForm {
        completion: Completion::Complete,
        ..form(&store, "RA-01")
    };
    let second = self_assessment::set(&mut store, &changed).unwrap();
    let history: Vec<(String, Option<String>, Option<String>)> = store
        .conn()
        .prepare(
            "SELECT operation, field, new_value FROM audit_log
             WHERE entity = 'self_assessment' AND entity_id = ?1 ORDER BY id",
        )
        .unwrap()
        .query_map([&ra01], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(history[0].0, "create");
    assert!(history.contains(&(
        "update".into(),
        Some("completion".into()),
        Some("selesai".into())
    )));
    assert_eq!(
        history
            .iter()
            .filter(|(_, field, _)| field.as_deref() == Some("completion"))
            .count(),
        2,
        "first set, then changed: {history:?}"
    );

    // Undo the change, then the first recording: nothing is left.
    editing::undo(&mut store, &second).unwrap();
    let back = self_assessment::list(store.conn()).unwrap().unwrap();
    let back = back.actions.iter().find(|a| a.action_id == ra01).unwrap();
    assert_eq!(
        back.assessment.as_ref().unwrap().completion,
        Completion::Substantial
    );
    editing::undo(&mut store, &first).unwrap();
    assert_eq!(
        self_assessment::list(store.conn())
            .unwrap()
            .unwrap()
            .assessed_count,
        0
    );

    // Taken back, and the taking back undone.
    {
        let f = form(&store, "RA-02");
        self_assessment::set(&mut store, &f)
    }
    .unwrap();
    let ra02 = action_id(store.conn(), "RA-02").unwrap();
    let cleared = self_assessment::clear(&mut store, &ra02).unwrap();
    assert_eq!(state(&store).0, 0);
    editing::undo(&mut store, &cleared).unwrap();
    assert_eq!(state(&store).0, 1);
}

#[test]
fn bad_input_is_refused_on_its_field_and_changes_nothing() {
    let (_dir, mut store) = bappeda();
    {
        let f = form(&store, "RA-01");
        self_assessment::set(&mut store, &f)
    }
    .unwrap();
    let before = state(&store);

    let cases: Vec<(AssessmentForm, &str)> = vec![
        (
            AssessmentForm {
                explanation: "   ".into(),
                ..form(&store, "RA-01")
            },
            "explanation",
        ),
        (
            AssessmentForm {
                explanation: "x".repeat(6001),
                ..form(&store, "RA-01")
            },
            "explanation",
        ),
        (
            AssessmentForm {
                evidence_links: vec!["javascript:alert(1)".into()],
                ..form(&store, "RA-01")
            },
            "evidenceLinks",
        ),
        (
            AssessmentForm {
                evidence_links: vec!["file:///C:/rahasia.pdf".into()],
                ..form(&store, "RA-01")
            },
            "evidenceLinks",
        ),
        (
            AssessmentForm {
                evidence_links: vec!["https://contoh.id/a b".into()],
                ..form(&store, "RA-01")
            },
            "evidenceLinks",
        ),
        (
            AssessmentForm {
                evidence_links: (0..21).map(|i| format!("https://contoh.id/{i}")).collect(),
                ..form(&store, "RA-01")
            },
            "evidenceLinks",
        ),
    ];
    for (bad, field) in cases {
        let error = self_assessment::set(&mut store, &bad).unwrap_err();
        assert_eq!(field_of(error), field);
        assert_eq!(state(&store), before);
    }
    let unknown = AssessmentForm {
        action_id: "tidak-ada".into(),
        ..form(&store, "RA-01")
    };
    let error = self_assessment::set(&mut store, &unknown).unwrap_err();
    assert_eq!(error.code(), "not_found");

    // An archived action keeps what it had but takes no new assessment.
    store
        .write(|tx| {
            tx.execute(
                "UPDATE actions SET archived_at = '2019-01-01T00:00:00Z', archive_reason = 'Digabung'
                 WHERE code = 'RA-01'",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    let error = {
        let f = form(&store, "RA-01");
        self_assessment::set(&mut store, &f)
    }
    .unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert!(error.to_string().contains("diarsipkan"), "{error}");
    assert_eq!(state(&store).0, before.0);
}

#[test]
fn only_bappeda_records_and_only_on_the_active_plan() {
    let (dir, path) = crate::temp_db();
    let mut opd = Store::open(&path).unwrap();
    demo::load(&mut opd, &DemoView::Opd("DINKES".into())).unwrap();
    let list = self_assessment::list(opd.conn()).unwrap().unwrap();
    assert!(!list.can_edit);
    let error = {
        let f = form(&opd, "RA-01");
        self_assessment::set(&mut opd, &f)
    }
    .unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert!(
        error
            .to_string()
            .starts_with("Hanya Bappeda yang mencatat penilaian mandiri"),
        "{error}"
    );
    assert_eq!(state(&opd).0, 0);
    let error = workbook::export(&opd, &dir.path().join("p.xlsx"), Paper::A4).unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert!(!dir.path().join("p.xlsx").exists());

    // At Bappeda, once a next plan starts, the earlier one is read-only.
    let (_dir, mut store) = bappeda();
    let earlier = form(&store, "RA-01");
    plan::create(
        &mut store,
        &NewPlan {
            region: "Kabupaten Wonosobo".into(),
            title: "Rencana Aksi Keterbukaan Pemerintah 2020-2021".into(),
            first: PeriodRef::new(2020, 1).unwrap(),
            last: PeriodRef::new(2021, 4).unwrap(),
        },
    )
    .unwrap();
    let error = self_assessment::set(&mut store, &earlier).unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert_eq!(state(&store).0, 0);
}

#[test]
fn the_scales_are_read_from_stored_english_and_indonesian_words() {
    for (text, expected) in [
        ("belum_dimulai", Completion::NotStarted),
        ("belum-dimulai", Completion::NotStarted),
        ("Belum dimulai", Completion::NotStarted),
        ("not_started", Completion::NotStarted),
        ("LIMITED", Completion::Limited),
        ("substansial", Completion::Substantial),
        ("complete", Completion::Complete),
        ("selesai", Completion::Complete),
    ] {
        assert_eq!(text.parse::<Completion>().unwrap(), expected, "{text}");
    }
    for (text, expected) in [
        ("memburuk", OpenedGovernment::Worsened),
        ("did-not-change", OpenedGovernment::DidNotChange),
        ("Tidak berubah", OpenedGovernment::DidNotChange),
        ("marginal", OpenedGovernment::Marginal),
        ("major", OpenedGovernment::Major),
        ("besar", OpenedGovernment::Major),
        ("Luar biasa", OpenedGovernment::Outstanding),
        ("outstanding", OpenedGovernment::Outstanding),
    ] {
        assert_eq!(
            text.parse::<OpenedGovernment>().unwrap(),
            expected,
            "{text}"
        );
    }
    let error = "hampir".parse::<Completion>().unwrap_err();
    assert_eq!(field_of(error), "completion");
    let error = "lumayan".parse::<OpenedGovernment>().unwrap_err();
    assert!(error.to_string().contains("luar-biasa"), "{error}");
    // Over IPC, through the same parser.
    let bad: Result<AssessmentForm, _> = serde_json::from_str(
        r#"{"actionId":"x","completion":"hampir","openedGovernment":"besar","explanation":"x","evidenceLinks":[]}"#,
    );
    assert!(bad.unwrap_err().to_string().contains("hampir"));
    let good: AssessmentForm = serde_json::from_str(
        r#"{"actionId":"x","completion":"selesai","openedGovernment":"luar_biasa","explanation":"x","evidenceLinks":[]}"#,
    )
    .unwrap();
    assert_eq!(good.opened_government, OpenedGovernment::Outstanding);
    assert_eq!(
        serde_json::to_value(good.completion).unwrap(),
        serde_json::json!("selesai")
    );
}

fn text(cell: Option<&Data>) -> String {
    match cell {
        None | Some(Data::Empty) => String::new(),
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        Some(other) => other.to_string(),
    }
}

/// Enter, export, read back: every action is a row, and each cell says what was entered.
#[test]
fn the_workbook_reads_back_what_was_entered() {
    let (dir, mut store) = bappeda();
    let entered = [
        (
            "RA-01",
            Completion::Complete,
            OpenedGovernment::Outstanding,
            "Cakupan JKN 98%.\nData terbuka per desa.",
            vec!["https://wonosobokab.go.id/jkn"],
        ),
        (
            "RA-04",
            Completion::Limited,
            OpenedGovernment::DidNotChange,
            "=SUM(A1:A3) bukan rumus",
            vec![],
        ),
        (
            "RA-07",
            Completion::NotStarted,
            OpenedGovernment::Worsened,
            "Belum berjalan.",
            vec!["https://a.id/1", "https://b.id/2"],
        ),
    ];
    for (code, completion, opened, explanation, links) in &entered {
        let f = AssessmentForm {
            action_id: action_id(store.conn(), code).unwrap(),
            completion: *completion,
            opened_government: *opened,
            explanation: explanation.to_string(),
            evidence_links: links.iter().map(|l| l.to_string()).collect(),
        };
        self_assessment::set(&mut store, &f).unwrap();
    }
    let out = dir.path().join("penilaian.xlsx");
    let written = workbook::export(&store, &out, Paper::F4).unwrap();
    assert_eq!((written.actions, written.assessed), (8, 3));

    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names(), vec![SHEET.to_string()]);
    let range = book.worksheet_range(SHEET).unwrap();
    let cell = |row: u32, col: u32| text(range.get_value((row, col)));
    let header: Vec<String> = (0..COLUMNS.len() as u32)
        .map(|c| cell(HEADER_ROW, c))
        .collect();
    assert_eq!(
        header,
        COLUMNS
            .iter()
            .map(|(l, _)| l.to_string())
            .collect::<Vec<_>>()
    );
    let list = self_assessment::list(store.conn()).unwrap().unwrap();
    for (i, action) in list.actions.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        assert_eq!(cell(row, 0), (i + 1).to_string());
        assert_eq!(
            cell(row, 1),
            workbook::commitment_text(&action.code, &action.title)
        );
        assert_eq!(cell(row, 2), action.theme_name);
        assert_eq!(cell(row, 3), action.lead_opd.name);
        match entered.iter().find(|e| e.0 == action.code) {
            Some((_, completion, opened, explanation, links)) => {
                assert_eq!(cell(row, 4), completion.label());
                assert_eq!(cell(row, 5), opened.label());
                assert_eq!(cell(row, 6), *explanation);
                assert_eq!(cell(row, 7), links.join("\n"));
            }
            None => {
                assert_eq!(cell(row, 4), NOT_ASSESSED);
                assert_eq!(cell(row, 5), NOT_ASSESSED);
                assert_eq!(cell(row, 6), "");
            }
        }
    }
    // The scales are explained under the table.
    let below = HEADER_ROW + 1 + list.actions.len() as u32 + 1;
    assert!(cell(below, 0).starts_with("Tingkat penyelesaian"));
    // No one's name is printed.
    let everything: String = range
        .rows()
        .flatten()
        .map(|c| text(Some(c)))
        .collect::<Vec<_>>()
        .join("|");
    assert!(!everything.contains("Admin Bappeda"));
}

/// A new action of the plan's first theme with nothing in it: no milestone, no
/// indicator, no input, no note. Without its assessment it could be deleted.
fn empty_action(store: &mut Store, code: &str) -> String {
    use renaksi_core::planning::structure::actions::{save, ActionInput};
    use renaksi_core::store::{opds, plans, themes};
    let conn = store.conn();
    let plan = plans::require_current(conn).unwrap();
    let input = ActionInput {
        id: None,
        theme_id: themes::list(conn, &plan.id).unwrap()[0].id.clone(),
        code: code.into(),
        title: "Portal data terbuka kabupaten".into(),
        lead_opd_id: opds::by_code(conn, "DINKES").unwrap().unwrap().id,
        supporting_opd_ids: vec![],
        start_date: Some("2019-01-01".into()),
        end_date: Some("2019-12-31".into()),
        problem: String::new(),
        description: String::new(),
        contribution: String::new(),
        ogp_values: vec![],
        cso_partners: String::new(),
    };
    save(store, &input).unwrap().0
}

fn assessment_kept(store: &Store, action_id: &str) -> bool {
    self_assessments_row(store, action_id).is_some()
}

fn self_assessments_row(store: &Store, action_id: &str) -> Option<String> {
    use rusqlite::OptionalExtension;
    store
        .conn()
        .query_row(
            "SELECT explanation FROM self_assessments WHERE action_id = ?1",
            [action_id],
            |r| r.get(0),
        )
        .optional()
        .unwrap()
}

fn archived(store: &Store, action_id: &str) -> bool {
    renaksi_core::store::actions::get(store.conn(), action_id)
        .unwrap()
        .unwrap()
        .archived
        .is_some()
}

#[test]
fn an_assessed_action_is_archived_not_deleted_in_the_editor_or_by_a_template() {
    use renaksi_core::plan_template::apply;
    use renaksi_core::plan_template::write::{workbook_bytes, Contents};
    use renaksi_core::planning::structure::{actions as action_edit, plan_structure};

    let (_dir, mut store) = bappeda();
    let recorded = |store: &mut Store, id: &str| {
        let form = AssessmentForm {
            action_id: id.to_string(),
            completion: Completion::NotStarted,
            opened_government: OpenedGovernment::DidNotChange,
            explanation: "Belum dimulai: anggaran tidak tersedia.".into(),
            evidence_links: vec![],
        };
        self_assessment::set(store, &form).unwrap();
    };

    // In the editor: the assessment is what the action holds, so it is in use
    // and deleting it is refused; archiving keeps the assessment.
    let ra09 = empty_action(&mut store, "RA-09");
    assert!(!action_edit::in_use(store.conn(), &ra09).unwrap());
    recorded(&mut store, &ra09);
    let entry = plan_structure(store.conn())
        .unwrap()
        .actions
        .into_iter()
        .find(|a| a.code == "RA-09")
        .unwrap();
    assert!(
        entry.in_use,
        "the structure screen offers archive, not delete"
    );
    let error = action_edit::delete(&mut store, &ra09).unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert!(error.to_string().contains("penilaian mandiri"), "{error}");
    assert!(assessment_kept(&store, &ra09));
    action_edit::archive(&mut store, &ra09, "Tidak dilanjutkan").unwrap();
    assert!(archived(&store, &ra09));
    assert_eq!(
        self_assessments_row(&store, &ra09).as_deref(),
        Some("Belum dimulai: anggaran tidak tersedia.")
    );

    // A template without the action (imported into the plan taken back to
    // draft): an assessed one is archived with its assessment, an empty one
    // beside it is deleted.
    renaksi_core::planning::set_status(
        &mut store,
        &renaksi_core::planning::StatusChange {
            status: renaksi_core::model::PlanStatus::Draft,
            reason: "Revisi sesudah konsultasi publik".into(),
        },
    )
    .unwrap();
    let ra10 = empty_action(&mut store, "RA-10");
    let ra11 = empty_action(&mut store, "RA-11");
    recorded(&mut store, &ra10);
    let mut contents = Contents::load(&store).unwrap();
    contents
        .actions
        .retain(|a| a.code != "RA-10" && a.code != "RA-11");
    let bytes = workbook_bytes(&contents).unwrap();
    let preview = apply::preview(&store, bytes.clone(), "tanpa-ra10.xlsx").unwrap();
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    let label = |rows: &[apply::RowChange]| {
        rows.iter()
            .map(|r| r.label.clone())
            .collect::<Vec<_>>()
            .join("|")
    };
    assert!(label(&preview.archived).contains("RA-10"), "{preview:#?}");
    assert!(label(&preview.deleted).contains("RA-11"), "{preview:#?}");
    apply::import(&mut store, bytes, "tanpa-ra10.xlsx").unwrap();
    assert!(archived(&store, &ra10));
    assert!(assessment_kept(&store, &ra10));
    assert!(renaksi_core::store::actions::get(store.conn(), &ra11)
        .unwrap()
        .is_none());
}
