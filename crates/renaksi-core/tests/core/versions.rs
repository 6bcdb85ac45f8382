//! Plan versions: named snapshots and what changed between two of them, or
//! between one and the plan as it is now.

use renaksi_core::demo::{self, DemoView};
use renaksi_core::editing::indicators::{self, IndicatorInput};
use renaksi_core::editing::milestones;
use renaksi_core::editing::narrative::{self, NarrativeInput};
use renaksi_core::editing::values::{self, TargetsInput};
use renaksi_core::model::{Aggregation, Polarity};
use renaksi_core::profile::{self, Profile, Role};
use renaksi_core::store::{actions, targets};
use renaksi_core::{versions, Store};

/// The demo's DINKES indicator on RA-01 and its first milestone without indicators.
const DINKES_INDICATOR: &str = "3c06eaa7-afb2-4520-858e-1557b666029c";
const DINKES_MILESTONE: &str = "9bd08fb0-0fd8-4fe8-85cb-88c4005aed99";

fn bappeda() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    store
}

fn work_as(store: &mut Store, role: Role) {
    let profile = Profile::new(role, "Sari").unwrap();
    store.write(|tx| profile::save(tx, &profile)).unwrap();
}

fn dinkes() -> Role {
    Role::Opd {
        code: "DINKES".into(),
    }
}

fn ra01(store: &Store) -> renaksi_core::model::Action {
    let id = renaksi_core::review::action_id(store.conn(), "RA-01").unwrap();
    actions::get(store.conn(), &id).unwrap().unwrap()
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn the_diff_from_draft_to_final_shows_exactly_what_changed() {
    let mut store = bappeda();
    let draft = versions::take(&mut store, "Draf").unwrap();
    assert!(versions::version_list(store.conn()).unwrap().can_edit);
    assert_eq!(
        (
            draft.actions,
            draft.themes,
            draft.milestones,
            draft.indicators
        ),
        (8, 5, 22, 20)
    );
    assert_eq!(draft.created_by, "Admin Bappeda");

    // Bappeda renames the action (the plan's structure, as a package carries
    // it: no editing screen changes titles yet).
    let before = ra01(&store);
    let renamed = renaksi_core::model::Action {
        title: "Jaminan Kesehatan Semesta bagi Seluruh Warga Wonosobo".into(),
        ..before.clone()
    };
    store
        .write(|tx| actions::upsert_structure(tx, &renamed, false))
        .unwrap();
    // DINKES, the lead OPD, sharpens the problem and one 2019 target.
    work_as(&mut store, dinkes());
    narrative::save(
        &mut store,
        &NarrativeInput {
            action_id: before.id.clone(),
            problem: "Cakupan kepesertaan JKN baru 68,5 persen.".into(),
            description: before.description.clone(),
            contribution: before.contribution.clone(),
            ogp_values: before.ogp_values.clone(),
            cso_partners: before.cso_partners.clone(),
        },
    )
    .unwrap();
    values::save_targets(
        &mut store,
        &TargetsInput {
            indicator_id: DINKES_INDICATOR.into(),
            year: 2019,
            values: vec![Some(80.0), Some(85.0), Some(92.5), Some(95.0)],
        },
    )
    .unwrap();
    work_as(&mut store, Role::Bappeda);
    let last = versions::take(&mut store, "Final").unwrap();

    let diff = versions::diff(store.conn(), &draft.id, Some(&last.id)).unwrap();
    assert_eq!(diff.from.name, "Draf");
    assert_eq!(diff.to.name, "Final");
    assert_eq!(diff.actions_changed.len(), 1, "{diff:#?}");
    let changed = &diff.actions_changed[0];
    assert_eq!(changed.action_code, "RA-01");
    assert_eq!(changed.opd_code, "DINKES");
    assert_eq!(changed.label, renamed.title);
    let fields: Vec<&str> = changed.changes.iter().map(|c| c.field.as_str()).collect();
    assert_eq!(fields, ["title", "problem"]);
    assert_eq!(changed.changes[0].label, "Judul");
    assert_eq!(
        changed.changes[0].old.as_deref(),
        Some(before.title.as_str())
    );
    assert_eq!(
        changed.changes[0].new.as_deref(),
        Some(renamed.title.as_str())
    );
    assert_eq!(changed.changes[1].label, "Permasalahan");
    assert_eq!(
        changed.changes[1].new.as_deref(),
        Some("Cakupan kepesertaan JKN baru 68,5 persen.")
    );

    assert_eq!(diff.targets_changed.len(), 1, "{diff:#?}");
    let target = &diff.targets_changed[0];
    assert_eq!(target.indicator_id, DINKES_INDICATOR);
    assert_eq!(target.action_code, "RA-01");
    assert_eq!((target.year, target.quarter), (2019, 3));
    assert_eq!((target.old, target.new), (Some(90.0), Some(92.5)));

    for (what, len) in [
        ("actions added", diff.actions_added.len()),
        ("actions removed", diff.actions_removed.len()),
        ("milestones added", diff.milestones_added.len()),
        ("milestones removed", diff.milestones_removed.len()),
        ("milestones changed", diff.milestones_changed.len()),
        ("indicators added", diff.indicators_added.len()),
        ("indicators removed", diff.indicators_removed.len()),
        ("indicators changed", diff.indicators_changed.len()),
    ] {
        assert_eq!(len, 0, "{what}");
    }
    assert_eq!(diff.change_count, 2);

    // Against the plan as it is now: the final version is the plan.
    let now = versions::diff(store.conn(), &last.id, None).unwrap();
    assert_eq!(now.change_count, 0);
    assert_eq!(now.to.id, None);
    let since_draft = versions::diff(store.conn(), &draft.id, None).unwrap();
    assert_eq!(since_draft.actions_changed, diff.actions_changed);
    assert_eq!(since_draft.targets_changed, diff.targets_changed);

    // Found by name, in any case, or by id.
    assert_eq!(versions::find(store.conn(), "final").unwrap().id, last.id);
    assert_eq!(
        versions::find(store.conn(), &draft.id).unwrap().name,
        "Draf"
    );
    assert_eq!(
        versions::find(store.conn(), "Revisi").unwrap_err().code(),
        "not_found"
    );
    let listed: Vec<String> = versions::list(store.conn())
        .unwrap()
        .into_iter()
        .map(|v| v.name)
        .collect();
    assert_eq!(listed, ["Draf", "Final"]);
}

#[test]
fn rows_added_and_removed_show_as_such() {
    let mut store = bappeda();
    let draft = versions::take(&mut store, "Draf").unwrap();
    work_as(&mut store, dinkes());
    let action = ra01(&store);
    let (added, _) = indicators::save(
        &mut store,
        &IndicatorInput {
            id: None,
            action_id: action.id.clone(),
            milestone_id: None,
            description: "Jumlah puskesmas yang menayangkan standar pelayanan".into(),
            unit: "puskesmas".into(),
            baseline: Some(3.0),
            polarity: Polarity::Positive,
            aggregation: Aggregation::Cumulative,
        },
    )
    .unwrap();
    values::save_targets(
        &mut store,
        &TargetsInput {
            indicator_id: added.clone(),
            year: 2019,
            values: vec![Some(4.0), Some(4.0), Some(6.0), Some(6.0)],
        },
    )
    .unwrap();
    milestones::delete(&mut store, DINKES_MILESTONE).unwrap();

    let diff = versions::diff(store.conn(), &draft.id, None).unwrap();
    assert_eq!(diff.indicators_added.len(), 1);
    assert_eq!(diff.indicators_added[0].id, added);
    assert_eq!(diff.indicators_added[0].action_code, "RA-01");
    assert_eq!(diff.indicators_added[0].opd_code, "DINKES");
    assert_eq!(diff.milestones_removed.len(), 1);
    assert_eq!(diff.milestones_removed[0].id, DINKES_MILESTONE);
    assert!(
        diff.targets_changed.is_empty(),
        "a new indicator's targets come with it"
    );
    assert_eq!(diff.change_count, 2);
}

#[test]
fn equal_plans_give_equal_snapshots() {
    let mut one = bappeda();
    let mut two = bappeda();
    versions::take(&mut one, "A").unwrap();
    versions::take(&mut one, "B").unwrap();
    versions::take(&mut two, "A").unwrap();
    let snapshots = |store: &Store| -> Vec<String> {
        let mut stmt = store
            .conn()
            .prepare("SELECT snapshot FROM plan_versions ORDER BY rowid")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(|s| s.unwrap())
            .collect()
    };
    let (a, b) = (snapshots(&one), snapshots(&two));
    assert_eq!(a[0], a[1]);
    assert_eq!(
        a[0], b[0],
        "the demo has fixed ids: the same plan in two databases"
    );
    let json: serde_json::Value = serde_json::from_str(&a[0]).unwrap();
    assert_eq!(json["actions"].as_array().unwrap().len(), 8);
    assert_eq!(
        json["targets"].as_array().unwrap().len() as i64,
        count(&one, "targets")
    );
    let ids: Vec<&str> = json["actions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["id"].as_str().unwrap())
        .collect();
    let mut sorted = ids.clone();
    sorted.sort();
    assert_eq!(ids, sorted, "rows sorted by id");
    assert!(json["actions"][0]["problem"].is_string(), "all fields");
}

#[test]
fn a_version_needs_a_name_of_its_own() {
    let mut store = bappeda();
    let error = versions::take(&mut store, "  ").unwrap_err();
    assert_eq!(error.field(), Some("name"));
    assert_eq!(error.to_string(), "Nama versi wajib diisi.");
    versions::take(&mut store, "Final").unwrap();
    let error = versions::take(&mut store, " final ").unwrap_err();
    assert_eq!(error.field(), Some("name"));
    assert!(error.to_string().contains("sudah ada"), "{error}");
    assert_eq!(count(&store, "plan_versions"), 1);
}

#[test]
fn only_bappeda_takes_a_version() {
    let mut store = bappeda();
    work_as(&mut store, dinkes());
    let error = versions::take(&mut store, "Draf").unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert!(error.to_string().contains("Hanya Bappeda"), "{error}");
    assert_eq!(count(&store, "plan_versions"), 0);
    assert!(versions::list(store.conn()).unwrap().is_empty());
    assert!(error.to_string().contains("menyimpan versi"), "{error}");
    let listed = versions::version_list(store.conn()).unwrap();
    assert!(!listed.can_edit && listed.versions.is_empty());
    // Any target unchanged: nothing else was touched.
    assert!(!targets::list_for_indicator(store.conn(), DINKES_INDICATOR)
        .unwrap()
        .is_empty());
}
