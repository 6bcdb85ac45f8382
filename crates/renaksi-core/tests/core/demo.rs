use renaksi_core::demo::{self, DemoView};
use renaksi_core::profile::{self, Role};
use renaksi_core::store::{audit, indicators, milestones, opds, plans, realisations, targets};
use renaksi_core::Store;

use crate::temp_db;

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

#[test]
fn the_bappeda_demo_holds_the_whole_wonosobo_plan() {
    let (_dir, path) = temp_db();
    let mut store = Store::open(&path).unwrap();
    let counts = demo::load(&mut store, &DemoView::Bappeda).unwrap();
    assert_eq!((counts.themes, counts.actions), (5, 8));
    assert_eq!(count(&store, "themes"), 5);
    assert_eq!(count(&store, "actions"), 8);
    let plan = plans::current(store.conn()).unwrap().unwrap();
    assert_eq!(plan.region, "Kabupaten Wonosobo");
    assert_eq!((plan.year_start, plan.year_end), (2018, 2019));

    let codes: Vec<String> = opds::list(store.conn())
        .unwrap()
        .into_iter()
        .map(|o| o.code)
        .collect();
    for code in ["DINKES", "DISDIK", "DINSOS", "DUKCAPIL", "DPKAD", "BAPPEDA"] {
        assert!(
            codes.contains(&code.to_string()),
            "{code} missing from {codes:?}"
        );
    }
    assert!(
        codes.len() >= 8,
        "plus the women-and-children and licensing offices"
    );

    // Every OPD has something of its own to show.
    for opd in opds::list(store.conn()).unwrap() {
        let owned: i64 = store
            .conn()
            .query_row(
                "SELECT (SELECT count(*) FROM milestones WHERE opd_id = ?1)
                      + (SELECT count(*) FROM indicators WHERE opd_id = ?1)",
                [&opd.id],
                |r| r.get(0),
            )
            .unwrap();
        assert!(owned > 0, "{} owns nothing in the demo", opd.code);
    }
    assert!(count(&store, "targets") > 0);
    assert!(count(&store, "realisations") > 0);
    assert_eq!(count(&store, "periods"), 8);

    let profile = profile::load(store.conn()).unwrap().unwrap();
    assert_eq!(profile.role, Role::Bappeda);
    let history = audit::history(store.conn(), "plan", &plan.id).unwrap();
    assert_eq!(history.len(), 1);
    assert_eq!(history[0].operation, "load");
}

#[test]
fn an_opd_demo_holds_the_plan_and_only_that_opds_own_rows() {
    let mut store = Store::open_in_memory().unwrap();
    let view = DemoView::for_opd("dinkes").unwrap();
    assert_eq!(view, DemoView::Opd("DINKES".into()));
    let counts = demo::load(&mut store, &view).unwrap();
    assert_eq!((counts.themes, counts.actions), (5, 8));
    assert!(counts.milestones > 0 && counts.indicators > 0);

    let dinkes = opds::by_code(store.conn(), "DINKES").unwrap().unwrap();
    let foreign: i64 = store
        .conn()
        .query_row(
            "SELECT (SELECT count(*) FROM milestones WHERE opd_id <> ?1)
                  + (SELECT count(*) FROM indicators WHERE opd_id <> ?1)",
            [&dinkes.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(foreign, 0);
    let profile = profile::load(store.conn()).unwrap().unwrap();
    assert_eq!(
        profile.role,
        Role::Opd {
            code: "DINKES".into()
        }
    );
}

#[test]
fn separately_made_demo_databases_share_the_same_identifiers() {
    let mut bappeda = Store::open_in_memory().unwrap();
    demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();
    let mut dinsos = Store::open_in_memory().unwrap();
    demo::load(&mut dinsos, &DemoView::for_opd("DINSOS").unwrap()).unwrap();

    let plan_a = plans::current(bappeda.conn()).unwrap().unwrap();
    let plan_b = plans::current(dinsos.conn()).unwrap().unwrap();
    assert_eq!(plan_a.id, plan_b.id);

    let opd = opds::by_code(dinsos.conn(), "DINSOS").unwrap().unwrap();
    let ids = |store: &Store| -> Vec<String> {
        let mut stmt = store
            .conn()
            .prepare("SELECT id FROM indicators WHERE opd_id = ?1 ORDER BY id")
            .unwrap();
        stmt.query_map([&opd.id], |r| r.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap()
    };
    let in_opd = ids(&dinsos);
    assert!(!in_opd.is_empty());
    assert_eq!(in_opd, ids(&bappeda));
    for id in &in_opd {
        assert_eq!(
            targets::list_for_indicator(dinsos.conn(), id).unwrap(),
            targets::list_for_indicator(bappeda.conn(), id).unwrap()
        );
        assert_eq!(
            realisations::list_for_indicator(dinsos.conn(), id).unwrap(),
            realisations::list_for_indicator(bappeda.conn(), id).unwrap()
        );
    }
}

#[test]
fn the_demo_tells_a_plausible_story() {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    let plan = plans::current(store.conn()).unwrap().unwrap();
    let actions = renaksi_core::store::actions::list(store.conn(), &plan.id).unwrap();
    for action in &actions {
        assert!(
            !action.problem.is_empty() && !action.description.is_empty(),
            "{}",
            action.code
        );
        assert!(!action.ogp_values.is_empty(), "{}", action.code);
        assert!(
            !action.supporting_opd_ids.contains(&action.lead_opd_id),
            "{}",
            action.code
        );
        let ms = milestones::list_for_action(store.conn(), &action.id).unwrap();
        let inds = indicators::list_for_action(store.conn(), &action.id).unwrap();
        assert!(
            !ms.is_empty() && inds.len() >= 2,
            "{} needs milestones and indicators",
            action.code
        );
        for indicator in inds {
            let owner_ok = indicator.opd_id == action.lead_opd_id
                || action.supporting_opd_ids.contains(&indicator.opd_id);
            assert!(
                owner_ok,
                "{} indicator owned by an OPD outside the action",
                action.code
            );
        }
    }
    let negative: i64 = store
        .conn()
        .query_row(
            "SELECT count(*) FROM indicators WHERE polarity = 'negatif'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert!(negative >= 1);
    for aggregation in ["kumulatif", "persentase", "nilai_akhir"] {
        let n: i64 = store
            .conn()
            .query_row(
                "SELECT count(*) FROM indicators WHERE aggregation = ?1",
                [aggregation],
                |r| r.get(0),
            )
            .unwrap();
        assert!(n >= 1, "no {aggregation} indicator");
    }
}

#[test]
fn loading_the_demo_into_a_database_with_a_plan_is_refused_and_changes_nothing() {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    let before = count(&store, "milestones");
    let error = demo::load(&mut store, &DemoView::Bappeda).err().unwrap();
    assert_eq!(error.code(), "plan_exists");
    assert_eq!(count(&store, "milestones"), before);
}

#[test]
fn an_unknown_opd_code_names_the_codes_that_exist() {
    let error = DemoView::for_opd("DINAS-X").err().unwrap();
    assert_eq!(error.code(), "unknown_opd");
    let message = error.to_string();
    assert!(
        message.contains("DINAS-X") && message.contains("DINKES"),
        "{message}"
    );
}
