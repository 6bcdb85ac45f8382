use renaksi_core::demo::{self, DemoView};
use renaksi_core::detail::action_detail;
use renaksi_core::editing::evidence::{self, EvidenceTarget, LinkInput};
use renaksi_core::editing::indicators::{self, IndicatorInput};
use renaksi_core::editing::milestones::{self, MilestoneInput};
use renaksi_core::editing::narrative::{self, NarrativeInput};
use renaksi_core::editing::undo;
use renaksi_core::editing::values::{self, RealisationInput, TargetsInput};
use renaksi_core::model::{Aggregation, MilestoneStatus, Polarity};
use renaksi_core::period::PeriodRef;
use renaksi_core::profile::{Profile, Role};
use renaksi_core::store::{actions, audit, opds, plans, targets};
use renaksi_core::Store;

/// The whole demo plan, worked on as `role`.
fn demo_as(role: Role) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let profile = Profile::new(role, "Sari").unwrap();
    demo::load_as(&mut store, &DemoView::Bappeda, &profile).unwrap();
    store
}

fn opd(code: &str) -> Role {
    Role::Opd { code: code.into() }
}

fn action_id(store: &Store, code: &str) -> String {
    let plan = plans::current(store.conn()).unwrap().unwrap();
    actions::list(store.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .find(|a| a.code == code)
        .unwrap()
        .id
}

fn new_indicator(action_id: &str) -> IndicatorInput {
    IndicatorInput {
        id: None,
        action_id: action_id.into(),
        milestone_id: None,
        description: "Jumlah puskesmas yang menayangkan standar pelayanan".into(),
        unit: "puskesmas".into(),
        baseline: Some(3.0),
        polarity: Polarity::Positive,
        aggregation: Aggregation::Cumulative,
    }
}

const Q1_2019: PeriodRef = PeriodRef {
    year: 2019,
    quarter: 1,
};

#[test]
fn an_opd_creates_an_indicator_sets_targets_and_a_realisation_and_sees_capaian() {
    let mut store = demo_as(opd("DINKES"));
    let ra01 = action_id(&store, "RA-01");
    let (id, _) = indicators::save(&mut store, &new_indicator(&ra01)).unwrap();
    values::save_targets(
        &mut store,
        &TargetsInput {
            indicator_id: id.clone(),
            year: 2019,
            values: vec![Some(4.0), Some(4.0), Some(6.0), Some(6.0)],
        },
    )
    .unwrap();
    values::save_realisation(
        &mut store,
        &RealisationInput {
            indicator_id: id.clone(),
            year: 2019,
            quarter: 1,
            value: Some(3.0),
            notes: "Tiga puskesmas sudah memasang papan standar".into(),
            obstacles: "Anggaran cetak terlambat".into(),
            follow_up: "Cetak ulang di triwulan II".into(),
        },
    )
    .unwrap();

    let detail = action_detail(store.conn(), &ra01, Some(Q1_2019)).unwrap();
    let shown = detail.indicators.iter().find(|i| i.id == id).unwrap();
    assert!(shown.can_edit);
    assert_eq!(
        shown.targets["2019"],
        [Some(4.0), Some(4.0), Some(6.0), Some(6.0)]
    );
    assert_eq!(shown.achievement.percent, Some(75.0));
    assert_eq!(shown.achievement.annual_percent, Some(15.0));
    assert_eq!(
        serde_json::to_value(shown.achievement.grade).unwrap(),
        serde_json::json!("sedang")
    );
    // The audit history says who changed what, old -> new.
    let history = audit::history(store.conn(), "indicator", &id).unwrap();
    assert!(history.iter().all(|e| e.actor == "Sari"));
    assert!(history.iter().any(|e| e.operation == "create"));
    let target = history
        .iter()
        .find(|e| e.field.as_deref() == Some("target 2019 TW I"))
        .unwrap();
    assert_eq!(
        (target.old_value.as_deref(), target.new_value.as_deref()),
        (None, Some("4"))
    );
    assert!(history
        .iter()
        .any(|e| e.field.as_deref() == Some("kendala 2019 TW I")));
}

#[test]
fn an_opd_cannot_change_another_opds_rows_and_nothing_changes() {
    let mut store = demo_as(opd("DINKES"));
    let ra01 = action_id(&store, "RA-01");
    let detail = action_detail(store.conn(), &ra01, Some(Q1_2019)).unwrap();
    let foreign = detail
        .indicators
        .iter()
        .find(|i| i.opd.code != "DINKES")
        .expect("a DINSOS or DUKCAPIL indicator");
    assert!(!foreign.can_edit);
    let before = targets::list_for_indicator(store.conn(), &foreign.id).unwrap();

    let error = values::save_targets(
        &mut store,
        &TargetsInput {
            indicator_id: foreign.id.clone(),
            year: 2019,
            values: vec![Some(1.0); 4],
        },
    )
    .unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert!(error.to_string().contains(&foreign.opd.code), "{error}");
    assert_eq!(
        targets::list_for_indicator(store.conn(), &foreign.id).unwrap(),
        before
    );

    let mut edit = new_indicator(&ra01);
    edit.id = Some(foreign.id.clone());
    assert_eq!(
        indicators::save(&mut store, &edit).unwrap_err().code(),
        "forbidden"
    );
    assert_eq!(
        indicators::delete(&mut store, &foreign.id)
            .unwrap_err()
            .code(),
        "forbidden"
    );
}

#[test]
fn an_opd_adds_only_to_actions_it_is_assigned_to_and_bappeda_edits_no_opd_rows() {
    let mut store = demo_as(opd("DINKES"));
    let ra08 = action_id(&store, "RA-08"); // licensing: DPMPTSP with DUKCAPIL
    let error = indicators::save(&mut store, &new_indicator(&ra08)).unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert!(error.to_string().contains("tidak ditugaskan"), "{error}");

    let mut bappeda = demo_as(Role::Bappeda);
    let ra01 = action_id(&bappeda, "RA-01");
    let error = indicators::save(&mut bappeda, &new_indicator(&ra01)).unwrap_err();
    assert_eq!(error.code(), "forbidden");
    let detail = action_detail(bappeda.conn(), &ra01, None).unwrap();
    assert!(detail.indicators.iter().all(|i| !i.can_edit));
    assert!(detail.can_add_for.is_none());
}

#[test]
fn closed_quarters_are_read_only_for_the_opd() {
    let mut store = demo_as(opd("DINKES"));
    let ra01 = action_id(&store, "RA-01");
    let (id, _) = indicators::save(&mut store, &new_indicator(&ra01)).unwrap();
    let error = values::save_realisation(
        &mut store,
        &RealisationInput {
            indicator_id: id.clone(),
            year: 2018,
            quarter: 3,
            value: Some(2.0),
            notes: String::new(),
            obstacles: String::new(),
            follow_up: String::new(),
        },
    )
    .unwrap_err();
    assert_eq!(error.code(), "period_closed");
    assert!(error.to_string().contains("Triwulan III 2018"), "{error}");
    let error = values::save_targets(
        &mut store,
        &TargetsInput {
            indicator_id: id,
            year: 2018,
            values: vec![None, None, Some(1.0), None],
        },
    )
    .unwrap_err();
    assert_eq!(error.code(), "period_closed");
}

#[test]
fn the_action_detail_marks_closed_quarters_locked_for_an_opd_and_not_for_bappeda() {
    let closed = |p: &renaksi_core::detail::PeriodView| (p.year, p.quarter) == (2018, 3);
    let opd_store = demo_as(opd("DINKES"));
    let ra01 = action_id(&opd_store, "RA-01");
    let detail = action_detail(opd_store.conn(), &ra01, None).unwrap();
    let q3 = detail.periods.iter().find(|p| closed(p)).unwrap();
    assert!(q3.closed && q3.locked, "{q3:?}");
    assert!(detail.periods.iter().all(|p| p.locked == p.closed));
    assert!(detail.periods.iter().any(|p| !p.locked));

    let bappeda = demo_as(Role::Bappeda);
    let detail = action_detail(bappeda.conn(), &ra01, None).unwrap();
    let q3 = detail.periods.iter().find(|p| closed(p)).unwrap();
    assert!(q3.closed && !q3.locked, "{q3:?}");
    assert!(detail.periods.iter().all(|p| !p.locked));
    let json = serde_json::to_value(&detail.periods[0]).unwrap();
    assert!(json.get("locked").is_some(), "{json}");
}

#[test]
fn bad_input_names_its_field_and_saves_nothing() {
    let mut store = demo_as(opd("DINKES"));
    let ra01 = action_id(&store, "RA-01");
    let (id, _) = indicators::save(&mut store, &new_indicator(&ra01)).unwrap();

    let error = values::save_targets(
        &mut store,
        &TargetsInput {
            indicator_id: id.clone(),
            year: 2019,
            values: vec![Some(1.0), Some(-2.0), None, None],
        },
    )
    .unwrap_err();
    assert_eq!((error.code(), error.field()), ("invalid", Some("values.1")));
    assert!(error.to_string().contains("angka 0 atau lebih"), "{error}");
    assert!(
        targets::list_for_indicator(store.conn(), &id)
            .unwrap()
            .is_empty(),
        "no half-saved quarter"
    );

    let bad_dates = MilestoneInput {
        id: None,
        action_id: ra01.clone(),
        title: "Sosialisasi".into(),
        output: String::new(),
        start_date: Some("2019-05-01".into()),
        end_date: Some("2019-04-01".into()),
        status: MilestoneStatus::NotStarted,
    };
    let error = milestones::save(&mut store, &bad_dates).unwrap_err();
    assert_eq!(error.field(), Some("endDate"));
    let no_title = MilestoneInput {
        title: "   ".into(),
        ..bad_dates
    };
    assert_eq!(
        milestones::save(&mut store, &no_title).unwrap_err().field(),
        Some("title")
    );

    let link = LinkInput {
        target: EvidenceTarget {
            milestone_id: None,
            indicator_id: Some(id),
            year: Some(2019),
            quarter: Some(1),
        },
        title: "Foto".into(),
        url: "javascript:alert(1)".into(),
    };
    assert_eq!(
        evidence::add_link(&mut store, &link).unwrap_err().field(),
        Some("url")
    );
}

#[test]
fn undo_puts_back_a_deleted_milestone_with_its_evidence() {
    let mut store = demo_as(opd("DINKES"));
    let ra01 = action_id(&store, "RA-01");
    let before = action_detail(store.conn(), &ra01, None).unwrap();
    let milestone = before
        .milestones
        .iter()
        .find(|m| m.can_edit)
        .unwrap()
        .clone();
    evidence::add_link(
        &mut store,
        &LinkInput {
            target: EvidenceTarget {
                milestone_id: Some(milestone.id.clone()),
                indicator_id: None,
                year: None,
                quarter: None,
            },
            title: "Notulen rapat".into(),
            url: "https://wonosobokab.go.id/notulen".into(),
        },
    )
    .unwrap();
    let with_evidence = action_detail(store.conn(), &ra01, None).unwrap();

    let deleted = milestones::delete(&mut store, &milestone.id).unwrap();
    let after = action_detail(store.conn(), &ra01, None).unwrap();
    assert_eq!(after.milestones.len(), before.milestones.len() - 1);

    undo(&mut store, &deleted).unwrap();
    let restored = action_detail(store.conn(), &ra01, None).unwrap();
    assert_eq!(restored.milestones, with_evidence.milestones);
    assert_eq!(
        restored.indicators, with_evidence.indicators,
        "indicators tied to it are tied again"
    );
    let history = audit::history(store.conn(), "milestone", &milestone.id).unwrap();
    assert_eq!(history[0].operation, "undo");
}

#[test]
fn undo_of_a_target_change_restores_the_old_values() {
    let mut store = demo_as(opd("DINKES"));
    let ra01 = action_id(&store, "RA-01");
    let detail = action_detail(store.conn(), &ra01, None).unwrap();
    let own = detail.indicators.iter().find(|i| i.can_edit).unwrap();
    let old = own.targets["2019"];
    let change = values::save_targets(
        &mut store,
        &TargetsInput {
            indicator_id: own.id.clone(),
            year: 2019,
            values: vec![Some(99.0); 4],
        },
    )
    .unwrap();
    undo(&mut store, &change).unwrap();
    let again = action_detail(store.conn(), &ra01, None).unwrap();
    assert_eq!(
        again
            .indicators
            .iter()
            .find(|i| i.id == own.id)
            .unwrap()
            .targets["2019"],
        old
    );
}

#[test]
fn the_lead_opd_edits_the_narrative_and_no_one_else() {
    let mut store = demo_as(opd("DINKES"));
    let ra01 = action_id(&store, "RA-01");
    let input = NarrativeInput {
        action_id: ra01.clone(),
        problem: "Masih banyak warga belum terdaftar JKN.".into(),
        description: "Pendataan dan pendaftaran warga miskin.".into(),
        contribution: "Data kepesertaan dibuka untuk publik.".into(),
        ogp_values: vec![],
        cso_partners: "Forum Warga".into(),
    };
    narrative::save(&mut store, &input).unwrap();
    let detail = action_detail(store.conn(), &ra01, None).unwrap();
    assert_eq!(
        detail.action.problem,
        "Masih banyak warga belum terdaftar JKN."
    );
    assert!(detail.can_edit_narrative);

    let ra02 = action_id(&store, "RA-02"); // led by DINSOS
    let error = narrative::save(
        &mut store,
        &NarrativeInput {
            action_id: ra02,
            ..input
        },
    )
    .unwrap_err();
    assert_eq!(error.code(), "forbidden");
}

#[test]
fn a_file_is_copied_into_the_data_folder_under_its_sha256() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = demo_as(opd("DINKES"));
    let ra01 = action_id(&store, "RA-01");
    let milestone = action_detail(store.conn(), &ra01, None)
        .unwrap()
        .milestones
        .into_iter()
        .find(|m| m.can_edit)
        .unwrap();
    let source = dir.path().join("foto kegiatan.txt");
    std::fs::write(&source, b"abc").unwrap();
    let data = dir.path().join("data");
    let target = EvidenceTarget {
        milestone_id: Some(milestone.id),
        indicator_id: None,
        year: None,
        quarter: None,
    };
    evidence::add_file(&mut store, &data, &target, &source).unwrap();

    let detail = action_detail(store.conn(), &ra01, None).unwrap();
    let item = detail
        .milestones
        .iter()
        .flat_map(|m| &m.evidence)
        .next()
        .unwrap();
    let sha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    assert_eq!(item.sha256.as_deref(), Some(sha));
    assert_eq!(item.file_name.as_deref(), Some("foto kegiatan.txt"));
    let evidence::Opening::File(stored) = evidence::opening(&store, &data, &item.id).unwrap()
    else {
        panic!("a file opens as a file");
    };
    // Opened from its real place inside the evidence folder.
    assert_eq!(
        stored.canonicalize().unwrap(),
        data.join("bukti")
            .join(sha)
            .join("foto kegiatan.txt")
            .canonicalize()
            .unwrap()
    );
    assert_eq!(std::fs::read(stored).unwrap(), b"abc");
}

#[test]
fn every_opd_of_the_demo_exists_for_profiles() {
    let store = demo_as(Role::Bappeda);
    for (code, _) in demo::opds().unwrap() {
        assert!(opds::by_code(store.conn(), &code).unwrap().is_some());
    }
    assert!(Profile::new(Role::Bappeda, "  ").is_err());
}
