//! The plan template both ways: the Wonosobo demo written as a template and
//! imported into an empty Bappeda database gives the same plan; a second
//! import changes nothing; a wrong row refuses the whole file and names where
//! it is; rows missing from the file are archived when they hold data; the
//! import is undone as one change; hostile files are refused like reports.

use std::time::{Duration, Instant};

use renaksi_core::demo::{self, DemoView};
use renaksi_core::editing;
use renaksi_core::model::PlanStatus;
use renaksi_core::plan_template::apply::{self, RowKind};
use renaksi_core::plan_template::write::{workbook_bytes, Contents};
use renaksi_core::profile::{self, Profile, Role};
use renaksi_core::store::{actions, indicators, opds, periods, plans, targets, themes};
use renaksi_core::{Error, Store};

use super::fixtures;

fn demo_bappeda() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    store
}

/// An empty database at Bappeda ("Mulai kosong").
fn empty_bappeda() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let profile = Profile::new(Role::Bappeda, "Admin Bappeda").unwrap();
    store.write(|tx| profile::save(tx, &profile)).unwrap();
    store
}

fn template_of(store: &Store) -> Vec<u8> {
    workbook_bytes(&Contents::load(store).unwrap()).unwrap()
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// The plan's structure as comparable text: OPDs, themes, actions with their
/// supporting OPDs, quarters with due dates, indicators and targets.
fn structure(store: &Store) -> String {
    let conn = store.conn();
    let plan = plans::require_current(conn).unwrap();
    let mut out = format!(
        "{} | {} | {}-{}\n",
        plan.id, plan.region, plan.title, plan.year_start
    );
    for o in opds::list(conn).unwrap() {
        out += &format!("{o:?}\n");
    }
    for t in themes::list(conn, &plan.id).unwrap() {
        out += &format!("{t:?}\n");
    }
    for a in actions::list(conn, &plan.id).unwrap() {
        out += &format!("{a:?}\n");
    }
    for p in periods::list(conn, &plan.id).unwrap() {
        out += &format!("{} {} {:?}\n", p.year, p.quarter, p.due_date);
    }
    for mut i in indicators::list_for_plan(conn, &plan.id).unwrap() {
        // Milestones are the OPD's and not in the template.
        i.milestone_id = None;
        out += &format!("{i:?}\n");
        for t in targets::list_for_indicator(conn, &i.id).unwrap() {
            out += &format!("  {t:?}\n");
        }
    }
    out
}

#[test]
fn the_demo_written_as_a_template_and_imported_into_an_empty_database_is_the_same_plan() {
    let demo = demo_bappeda();
    let bytes = template_of(&demo);
    let mut fresh = empty_bappeda();

    let preview = apply::preview(&fresh, bytes.clone(), "rencana.xlsx").unwrap();
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert!(preview.creates_plan);
    let added = |kind| preview.added.iter().filter(|r| r.kind == kind).count();
    assert_eq!(added(RowKind::Theme), 5);
    assert_eq!(added(RowKind::Action), 8);
    assert_eq!(added(RowKind::Period), 8);
    assert_eq!(count(&fresh, "plans"), 0, "a preview writes nothing");

    let imported = apply::import(&mut fresh, bytes.clone(), "rencana.xlsx").unwrap();
    assert!(imported.undo.is_some());
    assert_eq!(structure(&fresh), structure(&demo));
    let plan = plans::require_current(fresh.conn()).unwrap();
    assert_eq!(plan.status, PlanStatus::Draft);
    assert_eq!(plan.version, 1);

    // The same file again changes nothing and writes no audit row.
    let audit = count(&fresh, "audit_log");
    let again = apply::preview(&fresh, bytes.clone(), "rencana.xlsx").unwrap();
    assert_eq!(again.change_count(), 0, "{again:#?}");
    let again = apply::import(&mut fresh, bytes, "rencana.xlsx").unwrap();
    assert!(again.undo.is_none());
    assert_eq!(count(&fresh, "audit_log"), audit);

    // And the template of the imported plan imports as no change either.
    let rewritten = template_of(&fresh);
    assert_eq!(
        apply::preview(&fresh, rewritten, "lagi.xlsx")
            .unwrap()
            .change_count(),
        0
    );
}

#[test]
fn the_empty_template_reads_back_as_a_template_with_no_rows() {
    let store = empty_bappeda();
    let bytes = template_of(&store);
    let preview = apply::preview(&store, bytes, "kosong.xlsx").unwrap();
    // Nothing is filled in: the plan's region, title and quarters are asked for.
    assert!(preview
        .problems
        .iter()
        .any(|p| p.sheet == "Rencana" && p.row == 2 && p.message.contains("Wilayah")));
}

#[test]
fn a_wrong_opd_code_in_one_action_row_refuses_the_file_and_names_that_row() {
    let demo = demo_bappeda();
    let mut contents = Contents::load(&demo).unwrap();
    // RA-03 (the third row of Rencana Aksi, Excel row 4) led by an OPD the sheet lacks.
    contents.actions[2].lead_opd_id = "DISKOMINFO2".into();
    let bytes = workbook_bytes(&contents).unwrap();
    let mut fresh = empty_bappeda();
    let before = count(&fresh, "audit_log");
    let error = apply::import(&mut fresh, bytes.clone(), "salah.xlsx").unwrap_err();
    let Error::TemplateInvalid { problems, total } = &error else {
        panic!("{error}")
    };
    assert_eq!(error.code(), "template_invalid");
    assert_eq!(*total, problems.len());
    let first = &problems[0];
    assert_eq!(
        (first.sheet.as_str(), first.row, first.column.as_str()),
        ("Rencana Aksi", 4, "Kode OPD pelaksana"),
        "{problems:?}"
    );
    assert!(
        error.to_string().contains(
            "Sheet Rencana Aksi, baris 4, kolom Kode OPD pelaksana: OPD 'DISKOMINFO2' tidak ada di sheet OPD."
        ),
        "{error}"
    );
    assert_eq!(count(&fresh, "plans"), 0);
    assert_eq!(count(&fresh, "opds"), 0);
    assert_eq!(count(&fresh, "audit_log"), before);

    let preview = apply::preview(&fresh, bytes, "salah.xlsx").unwrap();
    assert_eq!(preview.problem_count, 1);
    assert_eq!(preview.change_count(), 0);
}

#[test]
fn rows_missing_from_the_file_are_archived_when_they_hold_data_and_the_import_undoes_whole() {
    let demo = demo_bappeda();
    let bytes = template_of(&demo);
    let mut store = empty_bappeda();
    apply::import(&mut store, bytes, "rencana.xlsx").unwrap();

    let mut contents = Contents::load(&store).unwrap();
    let gone = contents.actions.remove(7);
    contents.indicators.retain(|i| i.action_id != gone.id);
    contents.actions[0].title = "Judul baru".into();
    let before = structure(&store);
    let audit = count(&store, "audit_log");
    let bytes = workbook_bytes(&contents).unwrap();

    let preview = apply::preview(&store, bytes.clone(), "ubah.xlsx").unwrap();
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert_eq!(preview.archived.len(), 1, "{preview:#?}");
    assert_eq!(preview.archived[0].kind, RowKind::Action);
    assert_eq!(preview.changed.len(), 1, "{preview:#?}");
    assert_eq!(preview.changed[0].fields[0].field, "Judul");

    let imported = apply::import(&mut store, bytes, "ubah.xlsx").unwrap();
    let archived = actions::get(store.conn(), &gone.id).unwrap().unwrap();
    assert_eq!(
        archived.archived.map(|a| a.reason).as_deref(),
        Some("tidak ada di template ubah.xlsx")
    );
    let indicators_kept = store
        .conn()
        .query_row(
            "SELECT count(*) FROM indicators WHERE action_id = ?1",
            [&gone.id],
            |r| r.get::<_, i64>(0),
        )
        .unwrap();
    assert!(
        indicators_kept > 0,
        "an archived action keeps its OPDs' rows"
    );
    assert!(count(&store, "audit_log") > audit);

    editing::undo(&mut store, &imported.undo.unwrap()).unwrap();
    assert_eq!(structure(&store), before);
}

#[test]
fn importing_into_a_final_plan_is_refused() {
    let mut demo = demo_bappeda();
    let bytes = template_of(&demo);
    let error = apply::import(&mut demo, bytes, "rencana.xlsx").unwrap_err();
    assert_eq!(error.code(), "template_invalid");
    assert!(error.to_string().contains("sudah final"), "{error}");
}

#[test]
fn an_opd_cannot_import_a_template() {
    let demo = demo_bappeda();
    let bytes = template_of(&demo);
    let mut store = empty_bappeda();
    let profile = Profile::new(
        Role::Opd {
            code: "DINKES".into(),
        },
        "Sari",
    )
    .unwrap();
    store.write(|tx| profile::save(tx, &profile)).unwrap();
    let error = apply::import(&mut store, bytes, "rencana.xlsx").unwrap_err();
    assert_eq!(error.code(), "forbidden", "{error}");
}

#[test]
fn hostile_files_and_workbooks_that_are_no_template_are_refused() {
    let store = empty_bappeda();
    for name in fixtures::ALL {
        let bytes = std::fs::read(fixtures::dir().join(name)).unwrap();
        let start = Instant::now();
        let error = apply::preview(&store, bytes, name).unwrap_err();
        assert!(start.elapsed() < Duration::from_secs(10), "{name}");
        assert_eq!(error.code(), "invalid", "{name}: {error}");
        assert_eq!(error.field(), Some("file"), "{name}");
    }
    // A report or any other workbook: not a template.
    let mut workbook = rust_xlsxwriter::Workbook::new();
    workbook
        .add_worksheet()
        .set_name("Rencana")
        .unwrap()
        .write_string(0, 0, "Tahun")
        .unwrap();
    let bytes = workbook.save_to_buffer().unwrap();
    let error = apply::preview(&store, bytes, "lain.xlsx").unwrap_err();
    assert!(
        error
            .to_string()
            .starts_with("Berkas ini bukan template rencana aksi Renaksi"),
        "{error}"
    );
}

/// Every problem the template's checks can report has its message in both
/// languages of the window (`planTemplate.problem.<key>`).
#[test]
fn every_problem_key_has_a_message_in_both_languages() {
    let sources = [
        include_str!("../../src/plan_template/rules.rs"),
        include_str!("../../src/plan_template/read.rs"),
        include_str!("../../src/plan_template/apply.rs"),
    ];
    let mut keys = Vec::new();
    for source in sources {
        for part in source.split("Msg::new(").skip(1) {
            let key = part.trim_start().trim_start_matches('"');
            let key: String = key.chars().take_while(|c| *c != '"').collect();
            keys.push(key);
        }
    }
    assert!(keys.len() > 30, "{keys:?}");
    for (language, text) in [
        ("id", include_str!("../../../../ui/src/locales/id.json")),
        ("en", include_str!("../../../../ui/src/locales/en.json")),
    ] {
        let messages: serde_json::Value = serde_json::from_str(text).unwrap();
        for key in &keys {
            assert!(
                messages["planTemplate"]["problem"][key].is_string(),
                "planTemplate.problem.{key} in {language}.json"
            );
        }
    }
}

#[test]
fn an_opd_dropped_from_the_file_is_archived_when_it_has_data_and_deleted_when_not() {
    let demo = demo_bappeda();
    let mut store = empty_bappeda();
    apply::import(&mut store, template_of(&demo), "rencana.xlsx").unwrap();

    // A new office, without data yet.
    let mut contents = Contents::load(&store).unwrap();
    let mut kominfo = contents.opds[0].clone();
    kominfo.id = "0190a0a0-0000-7000-8000-000000000001".into();
    kominfo.code = "DISKOMINFO".into();
    kominfo.name = "Dinas Komunikasi dan Informatika".into();
    contents.opds.push(kominfo);
    apply::import(
        &mut store,
        workbook_bytes(&contents).unwrap(),
        "tambah.xlsx",
    )
    .unwrap();
    assert!(opds::by_code(store.conn(), "DISKOMINFO").unwrap().is_some());

    // Both dropped: DISKOMINFO, and BAPPEDA with its support of RA-04 and its indicator there.
    let mut contents = Contents::load(&store).unwrap();
    let bappeda = opds::by_code(store.conn(), "BAPPEDA").unwrap().unwrap();
    contents
        .opds
        .retain(|o| o.code != "DISKOMINFO" && o.code != "BAPPEDA");
    for action in &mut contents.actions {
        action.supporting_opd_ids.retain(|id| *id != bappeda.id);
    }
    contents.indicators.retain(|i| i.opd_id != bappeda.id);
    // BAPPEDA reported on its indicator (as an imported report would have it).
    store
        .conn()
        .execute(
            "INSERT INTO realisations (indicator_id, year, quarter, value, updated_at)
             SELECT id, 2019, 1, 1, '2019-04-10T00:00:00Z' FROM indicators WHERE opd_id = ?1",
            [&bappeda.id],
        )
        .unwrap();
    let bytes = workbook_bytes(&contents).unwrap();
    let preview = apply::preview(&store, bytes.clone(), "kurang.xlsx").unwrap();
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    let labels = |rows: &[renaksi_core::plan_template::apply::RowChange]| {
        rows.iter().map(|r| r.label.clone()).collect::<Vec<_>>()
    };
    assert!(
        labels(&preview.deleted)
            .iter()
            .any(|l| l.starts_with("DISKOMINFO")),
        "{preview:#?}"
    );
    assert!(
        labels(&preview.archived)
            .iter()
            .any(|l| l.starts_with("BAPPEDA")),
        "{preview:#?}"
    );
    assert!(
        preview.kept.iter().any(|r| r.kind == RowKind::Indicator),
        "BAPPEDA's indicator with realisations stays: {preview:#?}"
    );
    apply::import(&mut store, bytes, "kurang.xlsx").unwrap();
    assert!(opds::by_code(store.conn(), "DISKOMINFO").unwrap().is_none());
    let archived = opds::by_code(store.conn(), "BAPPEDA").unwrap().unwrap();
    assert_eq!(
        archived.archived.map(|a| a.reason).as_deref(),
        Some("tidak ada di template kurang.xlsx")
    );

    // The template of that plan imports as no change.
    let again = apply::preview(&store, template_of(&store), "lagi.xlsx").unwrap();
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    assert_eq!(again.change_count(), 0, "{again:#?}");
}

#[test]
fn an_opd_code_its_rows_are_known_by_cannot_change_through_the_template() {
    let demo = demo_bappeda();
    let mut store = empty_bappeda();
    apply::import(&mut store, template_of(&demo), "rencana.xlsx").unwrap();
    let mut contents = Contents::load(&store).unwrap();
    let dinkes = contents
        .opds
        .iter_mut()
        .find(|o| o.code == "DINKES")
        .unwrap();
    dinkes.code = "DINKES2".into();
    let preview = apply::preview(&store, workbook_bytes(&contents).unwrap(), "kode.xlsx").unwrap();
    assert_eq!(preview.problem_count, 1, "{:?}", preview.problems);
    let problem = &preview.problems[0];
    assert_eq!(
        (problem.sheet.as_str(), problem.key.as_str()),
        ("OPD", "opdCodeFixed")
    );
    assert_eq!(problem.args["code"], "DINKES");
}
