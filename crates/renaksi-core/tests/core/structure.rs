//! Bappeda writes the plan's structure: the OPD directory, themes and actions,
//! each change checked, audited and undoable; removal is never silent, and
//! nothing an OPD entered is lost because the plan changed.

use ed25519_dalek::SigningKey;
use renaksi_core::demo::{self, DemoView};
use renaksi_core::detail::action_detail;
use renaksi_core::editing::milestones::{self, MilestoneInput};
use renaksi_core::editing::undo;
use renaksi_core::model::{Action, MilestoneStatus, OgpValue};
use renaksi_core::overview::plan_overview;
use renaksi_core::period::PeriodRef;
use renaksi_core::planning::structure::actions::{self as action_edit, ActionInput};
use renaksi_core::planning::structure::opds::{self as opd_edit, OpdInput};
use renaksi_core::planning::structure::plan_structure;
use renaksi_core::planning::structure::themes::{self as theme_edit, ThemeInput};
use renaksi_core::profile::{Profile, Role};
use renaksi_core::report::export::workbook_bytes;
use renaksi_core::report::import::{import_bytes, Imported};
use renaksi_core::report::snapshot::{self, ExportInfo, OpdData};
use renaksi_core::store::{actions, audit, milestones as milestone_rows, opds, plans, themes};
use renaksi_core::workbook::Paper;
use renaksi_core::{Error, Store};

const TW2_2019: PeriodRef = PeriodRef {
    year: 2019,
    quarter: 2,
};

fn bappeda() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    store
}

fn office(code: &str) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let profile = Profile::new(Role::Opd { code: code.into() }, "Operator").unwrap();
    demo::load_as(&mut store, &DemoView::Opd(code.into()), &profile).unwrap();
    store
}

fn action(store: &Store, code: &str) -> Action {
    let plan = plans::current(store.conn()).unwrap().unwrap();
    actions::list(store.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .find(|a| a.code == code)
        .unwrap()
}

fn opd_id(store: &Store, code: &str) -> String {
    opds::by_code(store.conn(), code).unwrap().unwrap().id
}

fn theme_ids(store: &Store) -> Vec<String> {
    let plan = plans::current(store.conn()).unwrap().unwrap();
    themes::list(store.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .map(|t| t.id)
        .collect()
}

/// Makes one field of an input wrong.
type Spoil<T> = fn(&mut T);
type BoxedSpoil<T> = Box<dyn Fn(&mut T)>;

fn field_of(error: Error) -> String {
    match error {
        Error::Invalid { field, .. } => field,
        other => panic!("expected a field error, got {other:?}"),
    }
}

fn new_opd(code: &str) -> OpdInput {
    OpdInput {
        id: None,
        code: code.into(),
        name: "Dinas Komunikasi dan Informatika".into(),
        short_name: "Diskominfo".into(),
        head_name: "Drs. Budi Santoso".into(),
        head_title: "Kepala Dinas Komunikasi dan Informatika".into(),
        head_nip: "19700101 199503 1 001".into(),
    }
}

fn new_action(store: &Store, code: &str, lead: &str) -> ActionInput {
    ActionInput {
        id: None,
        theme_id: theme_ids(store)[0].clone(),
        code: code.into(),
        title: "Portal data terbuka kabupaten".into(),
        lead_opd_id: opd_id(store, lead),
        supporting_opd_ids: vec![],
        start_date: Some("2019-01-01".into()),
        end_date: Some("2019-12-31".into()),
        problem: String::new(),
        description: String::new(),
        contribution: String::new(),
        ogp_values: vec![],
        cso_partners: String::new(),
    }
}

/// Simulates what taking a newer package does to an OPD's copy of an action.
fn take_structure(store: &mut Store, action: &Action) {
    store
        .write(|tx| actions::upsert_structure(tx, action, false))
        .unwrap();
}

fn data_of(store: &Store, code: &str) -> OpdData {
    snapshot::build(store.conn(), code, &info(1)).unwrap().data
}

fn info(sequence: i64) -> ExportInfo {
    ExportInfo {
        period: TW2_2019,
        exported_at: format!("2019-07-1{sequence}T02:00:00Z"),
        sequence,
        sign_place: "Wonosobo".into(),
        sign_date: "10 Juli 2019".into(),
        head_position: "Kepala".into(),
        head_name: "Kepala OPD".into(),
        head_nip: String::new(),
    }
}

#[test]
fn bappeda_adds_an_opd_with_its_head_of_office_and_undoes_it() {
    let mut store = bappeda();
    let (id, added) = opd_edit::save(&mut store, &new_opd("diskominfo")).unwrap();
    let saved = opds::get(store.conn(), &id).unwrap().unwrap();
    assert_eq!(saved.code, "DISKOMINFO");
    assert_eq!(saved.short_name, "Diskominfo");
    assert_eq!(saved.head_nip, "197001011995031001");
    assert_eq!(saved.head_title, "Kepala Dinas Komunikasi dan Informatika");
    let history = audit::history(store.conn(), "opd", &id).unwrap();
    assert_eq!(history.len(), 1);

    let mut changed = new_opd("DISKOMINFO");
    changed.id = Some(id.clone());
    changed.head_name = "Ir. Sri Rahayu".into();
    let (_, renamed) = opd_edit::save(&mut store, &changed).unwrap();
    assert_eq!(
        opds::get(store.conn(), &id).unwrap().unwrap().head_name,
        "Ir. Sri Rahayu"
    );
    undo(&mut store, &renamed).unwrap();
    assert_eq!(
        opds::get(store.conn(), &id).unwrap().unwrap().head_name,
        "Drs. Budi Santoso"
    );
    undo(&mut store, &added).unwrap();
    assert!(opds::get(store.conn(), &id).unwrap().is_none());
}

#[test]
fn each_wrong_opd_field_is_refused_with_its_field() {
    let mut store = bappeda();
    let cases: [(Spoil<OpdInput>, &str); 5] = [
        (|i| i.code = "DIS KOM".into(), "code"),
        (|i| i.code = "DINKES".into(), "code"),
        (|i| i.name = "  ".into(), "name"),
        (|i| i.head_nip = "1970010119950310".into(), "headNip"),
        (|i| i.head_nip = "19700101199503100A".into(), "headNip"),
    ];
    for (spoil, field) in cases {
        let mut input = new_opd("DISKOMINFO");
        spoil(&mut input);
        let error = opd_edit::save(&mut store, &input).unwrap_err();
        assert_eq!(field_of(error), field);
    }
    // An OPD that already sent data keeps its code: its database knows it by it.
    let dinkes = opds::by_code(store.conn(), "DINKES").unwrap().unwrap();
    let mut renamed = new_opd("DINKES-2");
    renamed.id = Some(dinkes.id);
    assert_eq!(
        field_of(opd_edit::save(&mut store, &renamed).unwrap_err()),
        "code"
    );
}

#[test]
fn an_opd_database_cannot_change_the_structure() {
    let mut store = office("DINKES");
    let error = opd_edit::save(&mut store, &new_opd("DISKOMINFO")).unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert!(error.to_string().starts_with("Hanya Bappeda"), "{error}");
    let ra01 = action(&store, "RA-01");
    assert_eq!(
        action_edit::archive(&mut store, &ra01.id, "Tidak dilanjutkan")
            .unwrap_err()
            .code(),
        "forbidden"
    );
    assert!(!plan_structure(store.conn()).unwrap().can_edit);
}

#[test]
fn themes_are_added_changed_and_reordered_in_one_step_each_undoable() {
    let mut store = bappeda();
    let before = theme_ids(&store);
    let (id, _) = theme_edit::save(
        &mut store,
        &ThemeInput {
            id: None,
            name: "Data Terbuka".into(),
            description: "Data pemerintah yang dapat dipakai warga".into(),
        },
    )
    .unwrap();
    let after = theme_ids(&store);
    assert_eq!(after.last(), Some(&id));
    assert_eq!(after.len(), before.len() + 1);

    // The new theme first: the numbers stay unique and run 1, 2, ...
    let mut order = vec![id.clone()];
    order.extend(before.iter().cloned());
    let reordered = theme_edit::reorder(&mut store, &order).unwrap();
    assert_eq!(theme_ids(&store), order);
    let plan = plans::current(store.conn()).unwrap().unwrap();
    let seqs: Vec<i64> = themes::list(store.conn(), &plan.id)
        .unwrap()
        .iter()
        .map(|t| t.seq)
        .collect();
    assert_eq!(seqs, (1..=order.len() as i64).collect::<Vec<_>>());
    undo(&mut store, &reordered).unwrap();
    assert_eq!(theme_ids(&store), after);

    // An order that leaves a theme out is refused.
    assert_eq!(
        field_of(theme_edit::reorder(&mut store, &before).unwrap_err()),
        "order"
    );
    // A theme without actions is deleted; the rest keep their numbers 1..n.
    theme_edit::delete(&mut store, &id).unwrap();
    assert_eq!(theme_ids(&store), before);
}

#[test]
fn an_action_is_checked_field_by_field() {
    let mut store = bappeda();
    let dinsos = opd_id(&store, "DINSOS");
    let cases: [(BoxedSpoil<ActionInput>, &str); 7] = [
        (Box::new(|i| i.code = "RA-01".into()), "code"),
        (Box::new(|i| i.title = String::new()), "title"),
        (Box::new(|i| i.theme_id = "nope".into()), "themeId"),
        (Box::new(|i| i.lead_opd_id = "nope".into()), "leadOpdId"),
        (
            Box::new(|i| i.supporting_opd_ids = vec![i.lead_opd_id.clone()]),
            "supportingOpdIds",
        ),
        (
            Box::new(move |i| i.supporting_opd_ids = vec![dinsos.clone(), dinsos.clone()]),
            "supportingOpdIds",
        ),
        (
            Box::new(|i| i.end_date = Some("2020-03-31".into())),
            "endDate",
        ),
    ];
    for (spoil, field) in cases {
        let mut input = new_action(&store, "RA-09", "DINKES");
        spoil(&mut input);
        let error = action_edit::save(&mut store, &input).unwrap_err();
        assert_eq!(field_of(error), field);
    }
    let mut backwards = new_action(&store, "RA-09", "DINKES");
    backwards.start_date = Some("2019-06-01".into());
    backwards.end_date = Some("2019-01-01".into());
    assert_eq!(
        field_of(action_edit::save(&mut store, &backwards).unwrap_err()),
        "endDate"
    );
}

#[test]
fn bappeda_adds_an_action_with_supporting_opds_and_undo_removes_it() {
    let mut store = bappeda();
    let mut input = new_action(&store, "RA-09", "DINKES");
    input.supporting_opd_ids = vec![opd_id(&store, "DINSOS"), opd_id(&store, "DUKCAPIL")];
    let (id, added) = action_edit::save(&mut store, &input).unwrap();
    let saved = actions::get(store.conn(), &id).unwrap().unwrap();
    assert_eq!(saved.supporting_opd_ids.len(), 2);
    assert_eq!(saved.start_date.as_deref(), Some("2019-01-01"));

    // Changing the lead and the supporting OPDs, then undoing it.
    let mut changed = input.clone();
    changed.id = Some(id.clone());
    changed.lead_opd_id = opd_id(&store, "DINSOS");
    changed.supporting_opd_ids = vec![opd_id(&store, "DISDIK")];
    let reassigned = action_edit::save(&mut store, &changed).unwrap().1;
    let saved = actions::get(store.conn(), &id).unwrap().unwrap();
    assert_eq!(saved.lead_opd_id, opd_id(&store, "DINSOS"));
    assert_eq!(saved.supporting_opd_ids, vec![opd_id(&store, "DISDIK")]);
    assert!(audit::history(store.conn(), "action", &id)
        .unwrap()
        .iter()
        .any(|e| e.field.as_deref() == Some("leadOpd")
            && e.old_value.as_deref() == Some("DINKES")
            && e.new_value.as_deref() == Some("DINSOS")));
    undo(&mut store, &reassigned).unwrap();
    let saved = actions::get(store.conn(), &id).unwrap().unwrap();
    assert_eq!(saved.lead_opd_id, opd_id(&store, "DINKES"));
    assert_eq!(saved.supporting_opd_ids.len(), 2);

    undo(&mut store, &added).unwrap();
    assert!(actions::get(store.conn(), &id).unwrap().is_none());
}

#[test]
fn the_narrative_is_bappedas_while_draft_and_the_lead_opds_once_final() {
    let mut store = bappeda();
    // The demo plan is final: Bappeda keeps to the structure.
    let mut narrated = new_action(&store, "RA-09", "DINKES");
    narrated.problem = "Data tersebar di banyak dinas".into();
    narrated.ogp_values = vec![OgpValue::Transparency];
    let error = action_edit::save(&mut store, &narrated).unwrap_err();
    assert_eq!(error.code(), "forbidden");
    let plain = new_action(&store, "RA-09", "DINKES");
    assert!(action_edit::save(&mut store, &plain).is_ok());

    store
        .write(|tx| {
            tx.execute("UPDATE plans SET status = 'draft'", [])?;
            Ok(())
        })
        .unwrap();
    let mut second = narrated.clone();
    second.code = "RA-10".into();
    let (id, _) = action_edit::save(&mut store, &second).unwrap();
    let saved = actions::get(store.conn(), &id).unwrap().unwrap();
    assert_eq!(saved.problem, "Data tersebar di banyak dinas");
    assert_eq!(saved.ogp_values, vec![OgpValue::Transparency]);
}

#[test]
fn removal_is_never_silent() {
    let mut store = bappeda();
    let ra01 = action(&store, "RA-01");

    // An action with data is not deleted, and archiving needs a reason.
    assert_eq!(
        action_edit::delete(&mut store, &ra01.id)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    assert_eq!(
        field_of(action_edit::archive(&mut store, &ra01.id, "  ").unwrap_err()),
        "reason"
    );
    // Its theme and lead OPD are still in use: neither can be archived.
    let error = theme_edit::archive(&mut store, &ra01.theme_id, "Digabung").unwrap_err();
    assert!(error.to_string().contains("RA-01"), "{error}");
    let error = opd_edit::archive(&mut store, &ra01.lead_opd_id, "Digabung").unwrap_err();
    assert!(error.to_string().contains("RA-01 (pelaksana)"), "{error}");
    assert_eq!(
        theme_edit::delete(&mut store, &ra01.theme_id)
            .unwrap_err()
            .code(),
        "forbidden"
    );

    let milestones_before = milestone_rows::list_for_action(store.conn(), &ra01.id)
        .unwrap()
        .len();
    let archived = action_edit::archive(&mut store, &ra01.id, "Digabung ke RA-02").unwrap();
    let held = action(&store, "RA-01");
    assert_eq!(
        held.archived.as_ref().map(|a| a.reason.as_str()),
        Some("Digabung ke RA-02")
    );
    assert_eq!(
        milestone_rows::list_for_action(store.conn(), &ra01.id)
            .unwrap()
            .len(),
        milestones_before
    );
    // Archived: not in the plan's figures, listed apart with its reason.
    let overview = plan_overview(store.conn(), None).unwrap().unwrap();
    assert!(overview
        .themes
        .iter()
        .all(|t| t.actions.iter().all(|a| a.code != "RA-01")));
    assert_eq!(overview.archived.actions[0].code, "RA-01");
    assert_eq!(
        overview.archived.actions[0].archived.reason,
        "Digabung ke RA-02"
    );
    let detail = action_detail(store.conn(), &ra01.id, None).unwrap();
    assert!(detail.action.archived.is_some());
    assert!(detail.milestones.iter().all(|m| m.archived && !m.can_edit));

    let structure = plan_structure(store.conn()).unwrap();
    let entry = structure
        .actions
        .iter()
        .find(|a| a.code == "RA-01")
        .unwrap();
    assert!(entry.in_use && entry.archived.is_some());

    undo(&mut store, &archived).unwrap();
    assert!(action(&store, "RA-01").archived.is_none());
    action_edit::archive(&mut store, &ra01.id, "Digabung ke RA-02").unwrap();
    // An archived action is taken back into use only while its theme is.
    let unarchived = action_edit::unarchive(&mut store, &ra01.id).unwrap();
    assert!(action(&store, "RA-01").archived.is_none());
    undo(&mut store, &unarchived).unwrap();
    assert!(action(&store, "RA-01").archived.is_some());
}

#[test]
fn an_opd_keeps_its_rows_on_an_archived_action_read_only_and_unreported() {
    let mut bappeda = bappeda();
    let mut office = office("DINKES");
    let ra01 = action(&office, "RA-01");
    let own = milestone_rows::list_for_action(office.conn(), &ra01.id).unwrap();
    let dinkes = opd_id(&office, "DINKES");
    let mine = own.iter().find(|m| m.opd_id == dinkes).unwrap().clone();

    // The OPD reports once; then Bappeda archives RA-01 and the OPD takes it.
    let bytes = workbook_bytes(
        &snapshot::build(office.conn(), "DINKES", &info(1)).unwrap(),
        &SigningKey::from_bytes(&[1; 32]),
        Paper::A4,
    )
    .unwrap();
    import_report(&mut bappeda, bytes).unwrap();
    action_edit::archive(&mut bappeda, &ra01.id, "Tidak dilanjutkan").unwrap();
    take_structure(&mut office, &action(&bappeda, "RA-01"));

    // Read-only for the OPD, marked archived, nothing deleted.
    let input = MilestoneInput {
        id: Some(mine.id.clone()),
        action_id: ra01.id.clone(),
        title: "Diubah".into(),
        output: mine.output.clone(),
        start_date: mine.start_date.clone(),
        end_date: mine.end_date.clone(),
        status: MilestoneStatus::Complete,
    };
    let error = milestones::save(&mut office, &input).unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert!(error.to_string().contains("diarsipkan"), "{error}");
    assert!(milestones::delete(&mut office, &mine.id).is_err());
    let mut new = input.clone();
    new.id = None;
    assert!(milestones::save(&mut office, &new).is_err());
    let detail = action_detail(office.conn(), &ra01.id, None).unwrap();
    assert!(detail.can_add_for.is_none());
    assert!(!detail.can_edit_narrative);
    let narrative = renaksi_core::editing::narrative::NarrativeInput {
        action_id: ra01.id.clone(),
        problem: "Diubah".into(),
        description: String::new(),
        contribution: String::new(),
        ogp_values: vec![],
        cso_partners: String::new(),
    };
    assert_eq!(
        renaksi_core::editing::narrative::save(&mut office, &narrative)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    let shown = detail.milestones.iter().find(|m| m.id == mine.id).unwrap();
    assert!(shown.archived && !shown.can_edit);
    assert_eq!(
        milestone_rows::list_for_action(office.conn(), &ra01.id).unwrap(),
        own
    );

    // Not in its next report; Bappeda keeps its copy of the archived rows.
    let data = data_of(&office, "DINKES");
    assert!(data.milestones.iter().all(|m| m.action_id != ra01.id));
    assert!(data.indicators.iter().all(|i| i.action_id != ra01.id));
    assert!(data.narratives.iter().all(|n| n.action_id != ra01.id));
    let held_before = milestone_rows::list_for_action(bappeda.conn(), &ra01.id).unwrap();
    let bytes = workbook_bytes(
        &snapshot::build(office.conn(), "DINKES", &info(2)).unwrap(),
        &SigningKey::from_bytes(&[1; 32]),
        Paper::A4,
    )
    .unwrap();
    import_report(&mut bappeda, bytes).unwrap();
    assert_eq!(
        milestone_rows::list_for_action(bappeda.conn(), &ra01.id).unwrap(),
        held_before
    );
}

#[test]
fn an_opd_no_longer_assigned_keeps_its_rows_read_only_and_unreported() {
    let mut bappeda = bappeda();
    let mut office = office("DUKCAPIL");
    let ra01 = action(&office, "RA-01");
    let dukcapil = opd_id(&office, "DUKCAPIL");
    let mine = milestone_rows::list_for_action(office.conn(), &ra01.id)
        .unwrap()
        .into_iter()
        .find(|m| m.opd_id == dukcapil)
        .expect("DUKCAPIL has a milestone on RA-01");

    // Bappeda takes DUKCAPIL off RA-01.
    let mut input = new_action(&bappeda, "RA-01", "DINKES");
    input.id = Some(ra01.id.clone());
    input.theme_id = ra01.theme_id.clone();
    input.title = ra01.title.clone();
    input.start_date = ra01.start_date.clone();
    input.end_date = ra01.end_date.clone();
    input.problem = ra01.problem.clone();
    input.description = ra01.description.clone();
    input.contribution = ra01.contribution.clone();
    input.ogp_values = ra01.ogp_values.clone();
    input.cso_partners = ra01.cso_partners.clone();
    input.supporting_opd_ids = vec![opd_id(&bappeda, "DINSOS")];
    action_edit::save(&mut bappeda, &input).unwrap();
    // The DUKCAPIL milestone Bappeda holds on RA-01 is kept, no longer counted.
    assert!(milestone_rows::get(bappeda.conn(), &mine.id)
        .unwrap()
        .is_some());
    let overview = plan_overview(bappeda.conn(), None).unwrap().unwrap();
    let summary = overview
        .themes
        .iter()
        .flat_map(|t| &t.actions)
        .find(|a| a.code == "RA-01")
        .unwrap();
    assert!(summary.milestones.iter().all(|m| m.id != mine.id));

    take_structure(&mut office, &action(&bappeda, "RA-01"));
    let detail = action_detail(office.conn(), &ra01.id, None).unwrap();
    let shown = detail.milestones.iter().find(|m| m.id == mine.id).unwrap();
    assert!(shown.archived && !shown.can_edit);
    let error = milestones::delete(&mut office, &mine.id).unwrap_err();
    assert!(
        error.to_string().contains("tidak lagi ditugaskan"),
        "{error}"
    );
    let data = data_of(&office, "DUKCAPIL");
    assert!(data.milestones.iter().all(|m| m.id != mine.id));
    assert!(data.milestones.iter().any(|m| m.action_id != ra01.id));

    // Its report is taken, and Bappeda still holds the milestone.
    let bytes = workbook_bytes(
        &snapshot::build(office.conn(), "DUKCAPIL", &info(1)).unwrap(),
        &SigningKey::from_bytes(&[3; 32]),
        Paper::A4,
    )
    .unwrap();
    import_report(&mut bappeda, bytes).unwrap();
    assert_eq!(
        milestone_rows::get(bappeda.conn(), &mine.id).unwrap(),
        Some(mine)
    );
}

#[test]
fn a_theme_is_archived_once_its_actions_are_and_an_unused_opd_is_deleted() {
    let mut store = bappeda();
    let (opd, _) = opd_edit::save(&mut store, &new_opd("DISKOMINFO")).unwrap();
    let input = new_action(&store, "RA-09", "DISKOMINFO");
    let (action_id, _) = action_edit::save(&mut store, &input).unwrap();
    // An action nothing refers to is deleted outright, and so is the OPD then.
    assert!(opd_edit::delete(&mut store, &opd).is_err());
    let removed = action_edit::delete(&mut store, &action_id).unwrap();
    opd_edit::delete(&mut store, &opd).unwrap();
    assert!(opds::get(store.conn(), &opd).unwrap().is_none());
    undo(&mut store, &removed).unwrap_err(); // its OPD is gone: nothing half-done
    assert!(actions::get(store.conn(), &action_id).unwrap().is_none());

    // Theme 5 with its action archived first.
    let plan = plans::current(store.conn()).unwrap().unwrap();
    let theme = themes::list(store.conn(), &plan.id).unwrap()[4].clone();
    let theirs: Vec<Action> = actions::list(store.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .filter(|a| a.theme_id == theme.id)
        .collect();
    for a in &theirs {
        action_edit::archive(&mut store, &a.id, "Tema ditutup").unwrap();
    }
    theme_edit::archive(&mut store, &theme.id, "Tema ditutup").unwrap();
    let overview = plan_overview(store.conn(), None).unwrap().unwrap();
    assert!(overview.themes.iter().all(|t| t.id != theme.id));
    assert_eq!(overview.archived.themes[0].archived.reason, "Tema ditutup");
    // An archived theme takes no action, and its actions stay archived until it is back.
    let mut moved = new_action(&store, "RA-10", "DINKES");
    moved.theme_id = theme.id.clone();
    assert_eq!(
        field_of(action_edit::save(&mut store, &moved).unwrap_err()),
        "themeId"
    );
    assert_eq!(
        field_of(action_edit::unarchive(&mut store, &theirs[0].id).unwrap_err()),
        "themeId"
    );
    theme_edit::unarchive(&mut store, &theme.id).unwrap();
    action_edit::unarchive(&mut store, &theirs[0].id).unwrap();
}

#[test]
fn the_directorys_head_of_office_is_the_default_of_the_signature_block() {
    let mut bappeda = bappeda();
    let dinkes = opds::by_code(bappeda.conn(), "DINKES").unwrap().unwrap();
    let mut input = new_opd("DINKES");
    input.id = Some(dinkes.id.clone());
    input.name = dinkes.name.clone();
    input.head_name = "dr. Junaedi, M.Kes".into();
    input.head_title = "Kepala Dinas Kesehatan Kabupaten Wonosobo".into();
    input.head_nip = "196501011992031007".into();
    opd_edit::save(&mut bappeda, &input).unwrap();

    // The OPD takes the directory entry with the package.
    let mut office = office("DINKES");
    let entry = opds::get(bappeda.conn(), &dinkes.id).unwrap().unwrap();
    office.write(|tx| opds::upsert(tx, &entry)).unwrap();
    let block = renaksi_core::report::export::signature_settings(&office).unwrap();
    assert_eq!(
        block.head_position,
        "Kepala Dinas Kesehatan Kabupaten Wonosobo"
    );
    assert_eq!(block.head_name, "dr. Junaedi, M.Kes");
    assert_eq!(block.head_nip, "196501011992031007");
}

#[test]
fn what_bappeda_archived_is_not_published_as_open_data() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = bappeda();
    let ra01 = action(&store, "RA-01");
    action_edit::archive(&mut store, &ra01.id, "Tidak dilanjutkan").unwrap();
    let out = dir.path().join("opendata");
    renaksi_core::opendata::write(&store, &out).unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("rencana-aksi.json")).unwrap()).unwrap();
    let actions = json["rencana_aksi"].as_array().unwrap();
    assert_eq!(actions.len(), 7);
    assert!(actions.iter().all(|a| a["kode"] != "RA-01"));
    assert!(json["tonggak"]
        .as_array()
        .unwrap()
        .iter()
        .all(|m| m["rencana_aksi_id"] != ra01.id.as_str()));
}

/// Bappeda imports a report; an OPD's first key is confirmed with the
/// fingerprint the import shows (`crate::confirming_first_key`).
fn import_report(store: &mut Store, bytes: Vec<u8>) -> renaksi_core::Result<Imported> {
    crate::confirming_first_key(|decisions| {
        import_bytes(store, "laporan.xlsx", bytes.clone(), decisions)
    })
}
