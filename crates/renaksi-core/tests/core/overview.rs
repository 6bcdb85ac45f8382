use renaksi_core::demo::{self, DemoView};
use renaksi_core::model::OgpValue;
use renaksi_core::overview::plan_overview;
use renaksi_core::Store;

#[test]
fn an_empty_database_has_no_plan_to_show() {
    let store = Store::open_in_memory().unwrap();
    assert_eq!(plan_overview(store.conn(), None).unwrap(), None);
}

#[test]
fn the_overview_lists_themes_in_order_with_their_actions_and_lead_opds() {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    let overview = plan_overview(store.conn(), None).unwrap().unwrap();

    let seqs: Vec<i64> = overview.themes.iter().map(|t| t.seq).collect();
    assert_eq!(seqs, vec![1, 2, 3, 4, 5]);
    assert_eq!(overview.themes[0].name, "Layanan Publik");
    let actions: Vec<_> = overview.themes.iter().flat_map(|t| &t.actions).collect();
    assert_eq!(actions.len(), 8);
    let codes: Vec<&str> = actions.iter().map(|a| a.code.as_str()).collect();
    assert_eq!(
        codes,
        ["RA-01", "RA-02", "RA-03", "RA-04", "RA-05", "RA-06", "RA-07", "RA-08"]
    );

    let uhc = actions[0];
    assert_eq!(uhc.lead_opd.code, "DINKES");
    assert_eq!(uhc.lead_opd.name, "Dinas Kesehatan");
    let supporting: Vec<&str> = uhc
        .supporting_opds
        .iter()
        .map(|o| o.code.as_str())
        .collect();
    assert_eq!(supporting, ["DINSOS", "DUKCAPIL"]);
    assert!(uhc.milestone_count > 0 && uhc.indicator_count > 0);

    let licensing = actions[7];
    assert_eq!(licensing.lead_opd.code, "DPMPTSP");
    assert!(actions
        .iter()
        .any(|a| a.ogp_values.contains(&OgpValue::TechnologyInnovation)));

    let json = serde_json::to_value(&overview).unwrap();
    assert_eq!(json["themes"][0]["actions"][0]["leadOpd"]["code"], "DINKES");
    assert_eq!(json["plan"]["yearStart"], 2018);
}
