//! Bappeda writes its own plan: a new plan and its quarters, the plan's status
//! and version, closed quarters and due dates, and several plans in one
//! database (the newest active, earlier ones read-only).

use renaksi_core::access;
use renaksi_core::demo::{self, DemoView};
use renaksi_core::detail::action_detail;
use renaksi_core::editing::indicators::{self, IndicatorInput};
use renaksi_core::editing::narrative::{self, NarrativeInput};
use renaksi_core::editing::undo;
use renaksi_core::editing::values::{self, RealisationInput};
use renaksi_core::model::{Aggregation, PlanStatus, Polarity};
use renaksi_core::overview::plan_overview;
use renaksi_core::package;
use renaksi_core::period::PeriodRef;
use renaksi_core::planning::{self, NewPlan, PeriodChange, PeriodDue, StatusChange};
use renaksi_core::profile::{self, Profile, Role};
use renaksi_core::store::{actions, audit, opds, periods, plans, realisations};
use renaksi_core::{cocreation, submissions, versions, Store};

use crate::temp_db;

fn q(year: i32, quarter: u8) -> PeriodRef {
    PeriodRef { year, quarter }
}

/// An empty database whose profile is Bappeda's ("Mulai kosong").
fn empty_bappeda() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let profile = Profile::new(Role::Bappeda, "Rina").unwrap();
    store
        .write(|tx| {
            profile::save(tx, &profile)?;
            profile::record_setup_choice(tx, "empty")
        })
        .unwrap();
    store
}

fn demo_bappeda() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    store
}

fn temanggung(first: PeriodRef, last: PeriodRef) -> NewPlan {
    NewPlan {
        region: "Kabupaten Temanggung".into(),
        title: "Rencana Aksi Keterbukaan Pemerintah Kabupaten Temanggung".into(),
        first,
        last,
    }
}

fn field_of(error: renaksi_core::Error) -> String {
    assert_eq!(error.code(), "invalid", "{error}");
    error.field().unwrap().to_string()
}

fn set_profile(store: &mut Store, role: Role) {
    let profile = Profile::new(role, "Sari").unwrap();
    store.write(|tx| profile::save(tx, &profile)).unwrap();
}

#[test]
fn a_new_plan_is_a_draft_with_its_quarters_due_on_the_tenth_day_after_each() {
    let mut store = empty_bappeda();
    let (plan, _) = planning::create(&mut store, &temanggung(q(2020, 1), q(2022, 4))).unwrap();
    assert_eq!(plan.status, PlanStatus::Draft);
    assert_eq!(plan.version, 1);
    assert_eq!((plan.year_start, plan.year_end), (2020, 2022));
    assert_eq!(
        plans::current(store.conn()).unwrap().unwrap().id,
        plan.id,
        "the new plan is the one every screen shows"
    );
    let quarters = periods::list(store.conn(), &plan.id).unwrap();
    assert_eq!(quarters.len(), 12);
    assert!(quarters.iter().all(|p| !p.closed));
    let due: Vec<_> = quarters
        .iter()
        .map(|p| p.due_date.clone().unwrap())
        .collect();
    assert_eq!(
        &due[..4],
        ["2020-04-10", "2020-07-10", "2020-10-10", "2021-01-10"]
    );
    assert_eq!(due[11], "2023-01-10");

    let history = audit::history(store.conn(), "plan", &plan.id).unwrap();
    assert_eq!(history[0].operation, "create");
    assert_eq!(history[0].actor, "Rina");

    // A plan may start and end mid-year.
    let mut other = empty_bappeda();
    let (short, _) = planning::create(&mut other, &temanggung(q(2021, 3), q(2022, 2))).unwrap();
    let quarters = periods::list(other.conn(), &short.id).unwrap();
    let labels: Vec<String> = quarters
        .iter()
        .map(|p| format!("{}-TW{}", p.year, p.quarter))
        .collect();
    assert_eq!(labels, ["2021-TW3", "2021-TW4", "2022-TW1", "2022-TW2"]);
}

#[test]
fn a_new_plan_is_refused_with_a_message_on_its_field() {
    let mut store = empty_bappeda();
    let mut blank = temanggung(q(2020, 1), q(2022, 4));
    blank.region = "  ".into();
    assert_eq!(
        field_of(planning::create(&mut store, &blank).unwrap_err()),
        "region"
    );
    let mut untitled = temanggung(q(2020, 1), q(2022, 4));
    untitled.title = String::new();
    assert_eq!(
        field_of(planning::create(&mut store, &untitled).unwrap_err()),
        "title"
    );
    let backwards = temanggung(q(2022, 1), q(2020, 4));
    let error = planning::create(&mut store, &backwards).unwrap_err();
    assert!(
        error.to_string().contains("sesudah triwulan pertama"),
        "{error}"
    );
    assert_eq!(field_of(error), "last");
    let too_long = temanggung(q(2020, 1), q(2030, 1));
    assert_eq!(
        field_of(planning::create(&mut store, &too_long).unwrap_err()),
        "last"
    );
    let bad_quarter = temanggung(q(2020, 5), q(2021, 1));
    assert_eq!(
        field_of(planning::create(&mut store, &bad_quarter).unwrap_err()),
        "first"
    );
    assert!(
        plans::current(store.conn()).unwrap().is_none(),
        "nothing was written"
    );

    // Only Bappeda starts a plan.
    let mut at_opd = Store::open_in_memory().unwrap();
    let profile = Profile::new(
        Role::Opd {
            code: "DINKES".into(),
        },
        "Sari",
    )
    .unwrap();
    demo::load_as(&mut at_opd, &DemoView::Opd("DINKES".into()), &profile).unwrap();
    let error = planning::create(&mut at_opd, &temanggung(q(2020, 1), q(2022, 4))).unwrap_err();
    assert_eq!(error.code(), "forbidden");
}

#[test]
fn undoing_a_new_plan_removes_it_with_its_quarters() {
    let mut store = empty_bappeda();
    let (plan, made) = planning::create(&mut store, &temanggung(q(2020, 1), q(2022, 4))).unwrap();
    undo(&mut store, &made).unwrap();
    assert!(plans::current(store.conn()).unwrap().is_none());
    assert!(periods::list(store.conn(), &plan.id).unwrap().is_empty());
}

#[test]
fn final_takes_a_version_and_back_to_draft_needs_a_reason_and_raises_the_number() {
    let mut store = empty_bappeda();
    let (plan, _) = planning::create(&mut store, &temanggung(q(2020, 1), q(2022, 4))).unwrap();
    let to_final = StatusChange {
        status: PlanStatus::Final,
        reason: String::new(),
    };
    let (adopted, made_final) = planning::set_status(&mut store, &to_final).unwrap();
    assert_eq!(adopted.status, PlanStatus::Final);
    assert_eq!(adopted.version, 1);
    assert!(adopted.adopted_on.is_some());
    let names: Vec<String> = versions::list(store.conn())
        .unwrap()
        .into_iter()
        .map(|v| v.name)
        .collect();
    assert_eq!(names, ["Versi 1 (final)"]);
    let again = planning::set_status(&mut store, &to_final).unwrap_err();
    assert_eq!(field_of(again), "status");

    // Undo puts the draft back and drops the version it took.
    undo(&mut store, &made_final).unwrap();
    let back = plans::current(store.conn()).unwrap().unwrap();
    assert_eq!(back.status, PlanStatus::Draft);
    assert!(versions::list(store.conn()).unwrap().is_empty());
    planning::set_status(&mut store, &to_final).unwrap();

    let no_reason = StatusChange {
        status: PlanStatus::Draft,
        reason: "  ".into(),
    };
    assert_eq!(
        field_of(planning::set_status(&mut store, &no_reason).unwrap_err()),
        "reason"
    );
    let to_draft = StatusChange {
        status: PlanStatus::Draft,
        reason: "Tambahan rencana aksi dari sesi ko-kreasi kedua".into(),
    };
    let (draft, _) = planning::set_status(&mut store, &to_draft).unwrap();
    assert_eq!((draft.status, draft.version), (PlanStatus::Draft, 2));
    let history = audit::history(store.conn(), "plan", &plan.id).unwrap();
    assert!(history.iter().any(|h| h.field.as_deref() == Some("reason")
        && h.new_value.as_deref() == Some(to_draft.reason.as_str())));

    let (final2, _) = planning::set_status(&mut store, &to_final).unwrap();
    assert_eq!(final2.version, 2);
    let names: Vec<String> = versions::list(store.conn())
        .unwrap()
        .into_iter()
        .map(|v| v.name)
        .collect();
    assert_eq!(names, ["Versi 1 (final)", "Versi 2 (final)"]);
}

#[test]
fn due_dates_change_with_a_valid_date_and_undo_puts_them_back() {
    let mut store = demo_bappeda();
    let plan = plans::current(store.conn()).unwrap().unwrap();
    let before = periods::get(store.conn(), &plan.id, 2019, 2)
        .unwrap()
        .unwrap();
    let (after, changed) = planning::set_due_date(
        &mut store,
        &PeriodDue {
            period: q(2019, 2),
            due_date: "2019-07-15".into(),
        },
    )
    .unwrap();
    assert_eq!(after.due_date.as_deref(), Some("2019-07-15"));
    let bad = PeriodDue {
        period: q(2019, 2),
        due_date: "2019-02-30".into(),
    };
    assert_eq!(
        field_of(planning::set_due_date(&mut store, &bad).unwrap_err()),
        "dueDate"
    );
    let outside = PeriodDue {
        period: q(2025, 1),
        due_date: "2025-04-10".into(),
    };
    let error = planning::set_due_date(&mut store, &outside).unwrap_err();
    assert!(error.to_string().contains("bukan bagian"), "{error}");
    assert_eq!(field_of(error), "period");
    undo(&mut store, &changed).unwrap();
    assert_eq!(
        periods::get(store.conn(), &plan.id, 2019, 2)
            .unwrap()
            .unwrap(),
        before
    );
}

#[test]
fn closing_and_reopening_a_quarter_needs_a_reason_and_is_in_the_history() {
    let mut store = demo_bappeda();
    let plan = plans::current(store.conn()).unwrap().unwrap();
    let no_reason = PeriodChange {
        period: q(2019, 1),
        reason: String::new(),
    };
    assert_eq!(
        field_of(planning::close(&mut store, &no_reason).unwrap_err()),
        "reason"
    );
    assert_eq!(
        field_of(planning::reopen(&mut store, &no_reason).unwrap_err()),
        "reason"
    );
    let change = PeriodChange {
        period: q(2019, 1),
        reason: "Rekap triwulan I sudah disahkan".into(),
    };
    let (closed, closing) = planning::close(&mut store, &change).unwrap();
    assert!(closed.closed);
    assert!(access::is_closed(store.conn(), &plan.id, q(2019, 1)).unwrap());
    assert_eq!(
        field_of(planning::close(&mut store, &change).unwrap_err()),
        "period"
    );
    let history = audit::history(store.conn(), "period", &format!("{}/2019-TW1", plan.id)).unwrap();
    assert!(history.iter().any(|h| h.field.as_deref() == Some("reason")
        && h.new_value.as_deref() == Some(change.reason.as_str())));

    undo(&mut store, &closing).unwrap();
    assert!(!access::is_closed(store.conn(), &plan.id, q(2019, 1)).unwrap());
    planning::close(&mut store, &change).unwrap();
    let reopen = PeriodChange {
        period: q(2019, 1),
        reason: "Koreksi realisasi Dinkes".into(),
    };
    let (open, _) = planning::reopen(&mut store, &reopen).unwrap();
    assert!(!open.closed);
}

/// The closed-quarter rule end to end: Bappeda closes a quarter with its own
/// operation, publishes the package, and the OPD that starts from it cannot
/// change a value in that quarter; nothing is written.
#[test]
fn an_opd_cannot_change_values_in_a_quarter_bappeda_closed() {
    let (dir, path) = temp_db();
    let mut bappeda = Store::open(&path).unwrap();
    demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();
    planning::close(
        &mut bappeda,
        &PeriodChange {
            period: q(2019, 2),
            reason: "Triwulan II sudah direkap".into(),
        },
    )
    .unwrap();
    let out = dir.path().join("paket.xlsx");
    package::export(&bappeda, dir.path(), &out).unwrap();

    let opd_path = dir.path().join("opd").join("renaksi.db");
    let mut opd = Store::open(&opd_path).unwrap();
    let signed = package::read_file(&out).unwrap();
    package::apply(&mut opd, &signed, Some(("DINKES", "Sari"))).unwrap();
    let plan = plans::current(opd.conn()).unwrap().unwrap();
    let dinkes = opds::by_code(opd.conn(), "DINKES").unwrap().unwrap();
    let action = actions::list(opd.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .find(|a| a.lead_opd_id == dinkes.id)
        .unwrap();
    let (indicator_id, _) = indicators::save(
        &mut opd,
        &IndicatorInput {
            id: None,
            action_id: action.id.clone(),
            milestone_id: None,
            description: "Puskesmas yang menayangkan standar pelayanan".into(),
            unit: "puskesmas".into(),
            baseline: None,
            polarity: Polarity::Positive,
            aggregation: Aggregation::Cumulative,
        },
    )
    .unwrap();
    let realisation = |quarter| RealisationInput {
        indicator_id: indicator_id.clone(),
        year: 2019,
        quarter,
        value: Some(4.0),
        notes: String::new(),
        obstacles: String::new(),
        follow_up: String::new(),
    };
    let error = values::save_realisation(&mut opd, &realisation(2)).unwrap_err();
    assert_eq!(error.code(), "period_closed", "{error}");
    assert!(realisations::get(opd.conn(), &indicator_id, 2019, 2)
        .unwrap()
        .is_none());
    let detail = action_detail(opd.conn(), &action.id, Some(q(2019, 2))).unwrap();
    assert!(detail
        .periods
        .iter()
        .any(|p| p.year == 2019 && p.quarter == 2 && p.locked));
    values::save_realisation(&mut opd, &realisation(3)).unwrap();
}

#[test]
fn a_next_plan_takes_the_opd_directory_and_leaves_the_earlier_plan_read_only() {
    let mut store = demo_bappeda();
    let earlier = plans::current(store.conn()).unwrap().unwrap();
    let opds_before = opds::list(store.conn()).unwrap();
    let ra01 = actions::list(store.conn(), &earlier.id)
        .unwrap()
        .into_iter()
        .find(|a| a.code == "RA-01")
        .unwrap();

    let overlapping = temanggung(q(2019, 3), q(2021, 4));
    assert_eq!(
        field_of(planning::create(&mut store, &overlapping).unwrap_err()),
        "first"
    );
    let mut next = temanggung(q(2020, 1), q(2022, 4));
    next.region = earlier.region.clone();
    let (plan, _) = planning::create(&mut store, &next).unwrap();
    assert_eq!(plans::current(store.conn()).unwrap().unwrap().id, plan.id);
    assert_eq!(opds::list(store.conn()).unwrap(), opds_before);

    let list = planning::plan_list(store.conn()).unwrap();
    assert_eq!(list.plans.len(), 2);
    assert!(list.plans[0].active && list.plans[0].viewed && list.plans[0].plan.id == plan.id);
    assert!(!list.plans[1].active && !list.plans[1].viewed);
    assert_eq!(list.plans[1].first, Some(q(2018, 1)));
    assert!(list.can_edit && list.can_create);

    // Viewing the earlier plan: everything reads, nothing changes.
    planning::view(&mut store, &earlier.id).unwrap();
    let overview = plan_overview(store.conn(), None).unwrap().unwrap();
    assert_eq!(overview.plan.id, earlier.id);
    assert!(overview.read_only);
    let switcher: Vec<(&str, bool)> = overview
        .plans
        .iter()
        .map(|p| (p.id.as_str(), p.active))
        .collect();
    assert_eq!(
        switcher,
        [(plan.id.as_str(), true), (earlier.id.as_str(), false)]
    );
    assert!(access::viewing_read_only(store.conn()).unwrap());
    assert!(!planning::plan_list(store.conn()).unwrap().can_edit);
    let error = planning::close(
        &mut store,
        &PeriodChange {
            period: q(2019, 4),
            reason: "Tutup".into(),
        },
    )
    .unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert_eq!(
        error.to_string(),
        "Rencana aksi 2018-2019 sudah ditutup oleh rencana aksi berikutnya; hanya dapat dibaca."
    );
    assert_eq!(
        versions::take(&mut store, "Arsip").unwrap_err().code(),
        "forbidden"
    );
    // The plan editor's structure and bands of the earlier plan are read-only too.
    let themes_before = renaksi_core::store::themes::list(store.conn(), &earlier.id).unwrap();
    let theme_ids: Vec<String> = themes_before.iter().rev().map(|t| t.id.clone()).collect();
    let error = planning::structure::themes::reorder(&mut store, &theme_ids).unwrap_err();
    assert!(error.to_string().contains("hanya dapat dibaca"), "{error}");
    let error =
        planning::structure::actions::archive(&mut store, &ra01.id, "Digabung").unwrap_err();
    assert!(error.to_string().contains("hanya dapat dibaca"), "{error}");
    let bands = planning::bands::view(&store).unwrap();
    let input = planning::bands::BandsInput {
        bands: bands
            .bands
            .iter()
            .map(|b| planning::bands::BandInput {
                label: b.label.clone(),
                min: b.min.map(|m| m - 1.0),
            })
            .collect(),
    };
    assert!(!bands.can_edit);
    let error = planning::bands::set(&mut store, &input).unwrap_err();
    assert!(error.to_string().contains("hanya dapat dibaca"), "{error}");
    assert_eq!(
        renaksi_core::store::themes::list(store.conn(), &earlier.id).unwrap(),
        themes_before
    );
    assert!(actions::get(store.conn(), &ra01.id)
        .unwrap()
        .unwrap()
        .archived
        .is_none());
    assert!(
        !planning::structure::plan_structure(store.conn())
            .unwrap()
            .can_edit
    );
    let session = cocreation::SessionForm {
        id: None,
        title: "Lokakarya".into(),
        held_on: "2019-05-08".into(),
        place: "Aula Bappeda".into(),
        notes: String::new(),
    };
    let read_only = |error: renaksi_core::Error| error.to_string().contains("hanya dapat dibaca");
    assert!(read_only(
        cocreation::save_session(&mut store, &session).unwrap_err()
    ));
    assert!(read_only(package::build(&store).unwrap_err()));
    assert!(read_only(
        submissions::verify(&mut store, "DINKES", q(2019, 1)).unwrap_err()
    ));
    let abilities = access::Abilities::viewing(
        &Role::Bappeda,
        access::viewing_read_only(store.conn()).unwrap(),
    );
    assert!(abilities.read_only && !abilities.publish_package && !abilities.record_sessions);
    assert!(abilities.export_rekap && abilities.edit_plan);
    // Reading the earlier plan still works: the regency's figures of its quarters.
    let day = chrono::NaiveDate::from_ymd_opt(2019, 5, 1).unwrap();
    let summary = renaksi_core::consolidation::summary(store.conn(), Some(q(2019, 1)), day);
    assert_eq!(summary.unwrap().unwrap().plan.id, earlier.id);
    let detail = action_detail(store.conn(), &ra01.id, None).unwrap();
    assert!(!detail.can_edit_narrative);
    assert!(detail.periods.iter().all(|p| p.locked));

    // An OPD's edit of an earlier plan is refused the same way.
    set_profile(
        &mut store,
        Role::Opd {
            code: "DINKES".into(),
        },
    );
    let edit = NarrativeInput {
        action_id: ra01.id.clone(),
        problem: "Baru".into(),
        description: ra01.description.clone(),
        contribution: ra01.contribution.clone(),
        ogp_values: ra01.ogp_values.clone(),
        cso_partners: ra01.cso_partners.clone(),
    };
    let error = narrative::save(&mut store, &edit).unwrap_err();
    assert!(error.to_string().contains("hanya dapat dibaca"), "{error}");
    assert_eq!(
        actions::get(store.conn(), &ra01.id)
            .unwrap()
            .unwrap()
            .problem,
        ra01.problem
    );

    // Back to the active plan.
    planning::view(&mut store, &plan.id).unwrap();
    assert!(
        !plan_overview(store.conn(), None)
            .unwrap()
            .unwrap()
            .read_only
    );
}

#[test]
fn while_the_plan_is_a_draft_bappeda_owns_the_narrative_and_once_final_the_lead_opd() {
    let mut store = demo_bappeda();
    let plan = plans::current(store.conn()).unwrap().unwrap();
    let ra01 = actions::list(store.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .find(|a| a.code == "RA-01")
        .unwrap();
    let edit = |problem: &str| NarrativeInput {
        action_id: ra01.id.clone(),
        problem: problem.into(),
        description: ra01.description.clone(),
        contribution: ra01.contribution.clone(),
        ogp_values: ra01.ogp_values.clone(),
        cso_partners: ra01.cso_partners.clone(),
    };
    // Final (the demo): Bappeda may not, the lead OPD may.
    assert_eq!(
        narrative::save(&mut store, &edit("A")).unwrap_err().code(),
        "forbidden"
    );
    planning::set_status(
        &mut store,
        &StatusChange {
            status: PlanStatus::Draft,
            reason: "Penyusunan ulang".into(),
        },
    )
    .unwrap();
    narrative::save(&mut store, &edit("Disusun Bappeda")).unwrap();
    assert!(
        action_detail(store.conn(), &ra01.id, None)
            .unwrap()
            .can_edit_narrative
    );

    let lead = opds::list(store.conn())
        .unwrap()
        .into_iter()
        .find(|o| o.id == ra01.lead_opd_id)
        .unwrap();
    set_profile(
        &mut store,
        Role::Opd {
            code: lead.code.clone(),
        },
    );
    let error = narrative::save(&mut store, &edit("B")).unwrap_err();
    assert!(error.to_string().contains("masih draf"), "{error}");
    assert!(
        !action_detail(store.conn(), &ra01.id, None)
            .unwrap()
            .can_edit_narrative
    );
}

/// The next plan cycle at an OPD: the package of Bappeda's next plan adds it
/// beside the plan received before, which stays, read-only; the earlier
/// plan's package no longer changes anything.
#[test]
fn an_opd_receives_the_next_plan_and_keeps_the_earlier_one_read_only() {
    let (dir, path) = temp_db();
    let mut bappeda = Store::open(&path).unwrap();
    demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();
    let first_package = dir.path().join("paket-2018.xlsx");
    package::export(&bappeda, dir.path(), &first_package).unwrap();
    let opd_path = dir.path().join("opd").join("renaksi.db");
    let mut opd = Store::open(&opd_path).unwrap();
    package::apply(
        &mut opd,
        &package::read_file(&first_package).unwrap(),
        Some(("DINKES", "Sari")),
    )
    .unwrap();
    let earlier = plans::current(opd.conn()).unwrap().unwrap();

    let mut next = temanggung(q(2020, 1), q(2022, 4));
    next.region = earlier.region.clone();
    let (plan, _) = planning::create(&mut bappeda, &next).unwrap();
    let next_package = dir.path().join("paket-2020.xlsx");
    package::export(&bappeda, dir.path(), &next_package).unwrap();

    let applied =
        package::apply(&mut opd, &package::read_file(&next_package).unwrap(), None).unwrap();
    assert!(!applied.started);
    let list = planning::plan_list(opd.conn()).unwrap();
    assert_eq!(list.plans.len(), 2);
    assert!(list.plans[0].active && list.plans[0].viewed && list.plans[0].plan.id == plan.id);
    assert_eq!(list.plans[1].plan.id, earlier.id);
    assert!(access::is_read_only_plan(opd.conn(), &earlier.id).unwrap());
    assert_eq!(periods::list(opd.conn(), &plan.id).unwrap().len(), 12);

    let again =
        package::apply(&mut opd, &package::read_file(&first_package).unwrap(), None).unwrap_err();
    assert!(again.to_string().contains("hanya dapat dibaca"), "{again}");
}

/// The id of one indicator `code` owns.
fn indicator_of(store: &Store, code: &str) -> String {
    store
        .conn()
        .query_row(
            "SELECT i.id FROM indicators i JOIN opds o ON o.id = i.opd_id
             WHERE o.code = ?1 ORDER BY i.id LIMIT 1",
            [code],
            |row| row.get(0),
        )
        .unwrap()
}

/// What Bappeda holds of an OPD's realisations, to see that a refusal changed nothing.
fn realisations_held(store: &Store) -> Vec<(String, i32, u8, Option<f64>)> {
    let mut stmt = store
        .conn()
        .prepare("SELECT indicator_id, year, quarter, value FROM realisations ORDER BY 1, 2, 3")
        .unwrap();
    stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// A rule the editor keeps, the import keeps: a report from an OPD that had not
/// yet heard of the closure, changing a quarter Bappeda closed, is refused and
/// changes nothing; once Bappeda reopens the quarter, the same file is taken.
#[test]
fn a_report_that_changes_a_closed_quarter_is_refused_until_bappeda_reopens_it() {
    use renaksi_core::report::export::export;
    use renaksi_core::workbook::Paper;

    let (dir, path) = temp_db();
    let mut bappeda = Store::open(&path).unwrap();
    demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();
    let office = dir.path().join("dinkes");
    std::fs::create_dir_all(&office).unwrap();
    let mut dinkes = Store::open(&office.join("renaksi.db")).unwrap();
    demo::load(&mut dinkes, &DemoView::Opd("DINKES".into())).unwrap();

    let closing = PeriodChange {
        period: q(2019, 1),
        reason: "Rekap Triwulan I 2019 sudah disahkan".into(),
    };
    planning::close(&mut bappeda, &closing).unwrap();
    let indicator_id = indicator_of(&dinkes, "DINKES");
    values::save_realisation(
        &mut dinkes,
        &RealisationInput {
            indicator_id: indicator_id.clone(),
            year: 2019,
            quarter: 1,
            value: Some(987.0),
            notes: "diubah sesudah rekap".into(),
            obstacles: String::new(),
            follow_up: String::new(),
        },
    )
    .unwrap();
    let report = dir.path().join("laporan-dinkes.xlsx");
    export(&mut dinkes, &office, q(2019, 2), Paper::A4, &report).unwrap();

    let before = realisations_held(&bappeda);
    let error = import_report(&mut bappeda, &report).unwrap_err();
    let said = error.to_string();
    assert!(
        said.contains("Triwulan I 2019 sudah ditutup") && said.contains("DINKES"),
        "{said}"
    );
    assert_eq!(realisations_held(&bappeda), before, "nothing changed");

    planning::reopen(&mut bappeda, &closing).unwrap();
    assert!(import_report(&mut bappeda, &report).unwrap().changed);
    assert!(realisations_held(&bappeda).contains(&(indicator_id, 2019, 1, Some(987.0))));
}

/// While the plan is a draft its narrative is Bappeda's: a report from the lead
/// OPD, carrying the narrative of the package it took, does not undo what
/// Bappeda wrote since.
#[test]
fn a_report_does_not_overwrite_the_narrative_bappeda_writes_while_the_plan_is_a_draft() {
    use renaksi_core::report::export::export;
    use renaksi_core::workbook::Paper;

    let (dir, path) = temp_db();
    let mut bappeda = Store::open(&path).unwrap();
    demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();
    planning::set_status(
        &mut bappeda,
        &StatusChange {
            status: PlanStatus::Draft,
            reason: "Penyusunan ulang".into(),
        },
    )
    .unwrap();
    let package_file = dir.path().join("paket.xlsx");
    package::export(&bappeda, dir.path(), &package_file).unwrap();
    let plan = plans::current(bappeda.conn()).unwrap().unwrap();
    let ra01 = actions::list(bappeda.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .find(|a| a.code == "RA-01")
        .unwrap();
    let lead = opds::list(bappeda.conn())
        .unwrap()
        .into_iter()
        .find(|o| o.id == ra01.lead_opd_id)
        .unwrap();

    let office = dir.path().join("lead");
    std::fs::create_dir_all(&office).unwrap();
    // The lead OPD, with its own data, takes the draft package (version 2).
    let mut opd = Store::open(&office.join("renaksi.db")).unwrap();
    demo::load(&mut opd, &DemoView::Opd(lead.code.clone())).unwrap();
    let signed = package::read_file(&package_file).unwrap();
    package::apply(&mut opd, &signed, None).unwrap();

    narrative::save(
        &mut bappeda,
        &NarrativeInput {
            action_id: ra01.id.clone(),
            problem: "Dirumuskan ulang oleh Bappeda".into(),
            description: ra01.description.clone(),
            contribution: ra01.contribution.clone(),
            ogp_values: ra01.ogp_values.clone(),
            cso_partners: ra01.cso_partners.clone(),
        },
    )
    .unwrap();
    let report = dir.path().join("laporan.xlsx");
    export(&mut opd, &office, q(2019, 1), Paper::A4, &report).unwrap();
    assert!(import_report(&mut bappeda, &report).unwrap().changed);
    let held = actions::get(bappeda.conn(), &ra01.id).unwrap().unwrap();
    assert_eq!(held.problem, "Dirumuskan ulang oleh Bappeda");
}

/// An OPD's indicator with values in a quarter Bappeda closed cannot be
/// deleted: those values would go with it. Naming another action than the
/// indicator's own does not get around an archived action either.
#[test]
fn an_indicator_with_values_in_a_closed_quarter_is_not_deleted() {
    let mut dinkes = Store::open_in_memory().unwrap();
    demo::load(&mut dinkes, &DemoView::Opd("DINKES".into())).unwrap();
    let id = indicator_of(&dinkes, "DINKES");
    let closed: i64 = dinkes
        .conn()
        .query_row(
            "SELECT COUNT(*) FROM targets t JOIN periods p ON p.year = t.year AND p.quarter = t.quarter
             WHERE t.indicator_id = ?1 AND p.closed = 1",
            [&id],
            |r| r.get(0),
        )
        .unwrap();
    assert!(closed > 0, "the demo's 2018 quarters are closed");
    let error = indicators::delete(&mut dinkes, &id).unwrap_err();
    assert_eq!(error.code(), "period_closed", "{error}");
    assert!(renaksi_core::store::indicators::get(dinkes.conn(), &id)
        .unwrap()
        .is_some());
}

/// Undo never takes along what was made since: a co-creation session recorded
/// on a new plan keeps the plan's creation from being undone, and the refusal
/// writes nothing.
#[test]
fn undoing_a_new_plan_is_refused_once_a_session_was_recorded_on_it() {
    let mut store = empty_bappeda();
    let (plan, undo_create) =
        planning::create(&mut store, &temanggung(q(2020, 1), q(2021, 4))).unwrap();
    let session = cocreation::SessionForm {
        id: None,
        title: "Lokakarya rencana aksi".into(),
        held_on: "2020-02-10".into(),
        place: "Aula Bappeda".into(),
        notes: String::new(),
    };
    cocreation::save_session(&mut store, &session).unwrap();
    let error = undo(&mut store, &undo_create).unwrap_err();
    assert_eq!(error.field(), Some("undo"), "{error}");
    assert!(plans::get(store.conn(), &plan.id).unwrap().is_some());
    assert_eq!(periods::list(store.conn(), &plan.id).unwrap().len(), 8);
    let sessions: i64 = store
        .conn()
        .query_row("SELECT COUNT(*) FROM cocreation_sessions", [], |r| r.get(0))
        .unwrap();
    assert_eq!(sessions, 1);
}

/// Bappeda imports a report; an OPD's first key is confirmed with the
/// fingerprint the import shows (`crate::confirming_first_key`).
fn import_report(
    store: &mut Store,
    file: &std::path::Path,
) -> renaksi_core::Result<renaksi_core::report::import::Imported> {
    crate::confirming_first_key(|decisions| {
        renaksi_core::report::import::import_file(store, file, decisions)
    })
}
