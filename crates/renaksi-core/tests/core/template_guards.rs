//! What a plan template may not do: move its plan before another plan of the
//! database (or outside the years a new plan may have), archive an OPD another
//! plan uses because the file omits it, or change the indicators and targets
//! of an OPD whose report Bappeda imported for the plan.

use renaksi_core::demo::{self, DemoView};
use renaksi_core::model::Period;
use renaksi_core::period::PeriodRef;
use renaksi_core::plan_template::apply::{self, RowKind, TemplatePreview};
use renaksi_core::plan_template::write::{workbook_bytes, Contents};
use renaksi_core::plan_template::TemplateProblem;
use renaksi_core::planning::{self, NewPlan};
use renaksi_core::profile::{self, Profile, Role};
use renaksi_core::store::{indicators, opds, plans};
use renaksi_core::{Error, Store};

fn demo_bappeda() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    store
}

fn empty_bappeda() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let profile = Profile::new(Role::Bappeda, "Admin Bappeda").unwrap();
    store.write(|tx| profile::save(tx, &profile)).unwrap();
    store
}

fn q(year: i32, quarter: u8) -> PeriodRef {
    PeriodRef { year, quarter }
}

/// The demo (2018-2019, final) and the next plan, a draft for 2020.
fn demo_with_a_2020_draft() -> Store {
    let mut store = demo_bappeda();
    planning::create(
        &mut store,
        &NewPlan {
            region: "Kabupaten Wonosobo".into(),
            title: "Rencana Aksi Keterbukaan Pemerintah 2020".into(),
            first: q(2020, 1),
            last: q(2020, 4),
        },
    )
    .unwrap();
    store
}

/// The plan's span in the contents: its years and its quarters.
fn span(contents: &mut Contents, first: PeriodRef, last: PeriodRef) {
    let plan = contents.plan.as_mut().unwrap();
    plan.year_start = first.year;
    plan.year_end = last.year;
    contents.periods = (first.year..=last.year)
        .flat_map(|year| (1..=4).map(move |quarter| q(year, quarter)))
        .filter(|p| *p >= first && *p <= last)
        .map(|p| Period {
            year: p.year,
            quarter: p.quarter,
            due_date: None,
            closed: false,
        })
        .collect();
}

fn preview(store: &Store, contents: &Contents) -> TemplatePreview {
    apply::preview(store, workbook_bytes(contents).unwrap(), "rencana.xlsx").unwrap()
}

fn only_problem(preview: &TemplatePreview) -> &TemplateProblem {
    assert_eq!(preview.problem_count, 1, "{:#?}", preview.problems);
    assert_eq!(preview.change_count(), 0);
    &preview.problems[0]
}

fn at(problem: &TemplateProblem) -> (&str, u32, &str, &str) {
    (
        problem.sheet.as_str(),
        problem.row,
        problem.column.as_str(),
        problem.key.as_str(),
    )
}

#[test]
fn a_template_cannot_move_its_plan_before_another_plan_of_the_database() {
    let mut store = demo_with_a_2020_draft();
    let draft = plans::current(store.conn()).unwrap().unwrap();
    assert_eq!(draft.year_start, 2020);

    // 2016-2017 would make the 2018-2019 plan the active one again.
    let mut contents = Contents::load(&store).unwrap();
    span(&mut contents, q(2016, 1), q(2017, 4));
    let problem = only_problem(&preview(&store, &contents)).clone();
    assert_eq!(
        at(&problem),
        ("Rencana", 4, "Nilai", "planOverlap"),
        "{problem:?}"
    );
    assert_eq!(problem.args["last"], "2019-TW4");
    assert!(
        problem.text().contains(
            "Rencana aksi ini harus dimulai sesudah rencana aksi 2018-2019 yang berakhir pada \
             Triwulan IV 2019."
        ),
        "{}",
        problem.text()
    );
    let error =
        apply::import(&mut store, workbook_bytes(&contents).unwrap(), "lama.xlsx").unwrap_err();
    assert!(matches!(error, Error::TemplateInvalid { .. }), "{error}");
    let active = plans::active(store.conn()).unwrap().unwrap();
    assert_eq!(
        (active.id.as_str(), active.year_start),
        (draft.id.as_str(), 2020)
    );

    // Overlapping by one quarter is refused too; starting right after is fine.
    span(&mut contents, q(2019, 4), q(2020, 4));
    assert_eq!(
        at(only_problem(&preview(&store, &contents))),
        ("Rencana", 4, "Nilai", "planOverlap")
    );
    span(&mut contents, q(2020, 1), q(2021, 4));
    let fine = preview(&store, &contents);
    assert!(fine.problems.is_empty(), "{:?}", fine.problems);
    apply::import(
        &mut store,
        workbook_bytes(&contents).unwrap(),
        "lanjut.xlsx",
    )
    .unwrap();
    let plan = plans::active(store.conn()).unwrap().unwrap();
    assert_eq!((plan.year_start, plan.year_end), (2020, 2021));
}

#[test]
fn a_template_s_years_pass_the_checks_of_a_new_plan() {
    let demo = demo_bappeda();
    let store = empty_bappeda();
    let mut contents = Contents::load(&demo).unwrap();
    span(&mut contents, q(1999, 1), q(2000, 4));
    let problem = only_problem(&preview(&store, &contents)).clone();
    assert_eq!(
        at(&problem),
        ("Rencana", 4, "Nilai", "yearRange"),
        "{problem:?}"
    );
    assert!(
        problem.message.contains("tahun harus antara 2000 dan 2100"),
        "{}",
        problem.message
    );

    span(&mut contents, q(2100, 1), q(2101, 2));
    assert_eq!(
        at(only_problem(&preview(&store, &contents))),
        ("Rencana", 5, "Nilai", "yearRange")
    );
    // At most ten years, as a new plan.
    span(&mut contents, q(2020, 1), q(2030, 1));
    assert_eq!(
        at(only_problem(&preview(&store, &contents))),
        ("Rencana", 5, "Nilai", "tooManyYears")
    );
}

#[test]
fn an_opd_another_plan_uses_is_kept_when_the_template_omits_it() {
    let mut store = demo_with_a_2020_draft();
    let before = opds::list(store.conn()).unwrap();
    assert!(before.iter().all(|o| o.archived.is_none()));

    // The 2020 draft lists one new office only (without data anywhere).
    let mut contents = Contents::load(&store).unwrap();
    let mut kominfo = contents.opds[0].clone();
    kominfo.id = "0190a0a0-0000-7000-8000-000000000002".into();
    kominfo.code = "DISKOMINFO".into();
    kominfo.name = "Dinas Komunikasi dan Informatika".into();
    contents.opds = vec![kominfo];
    let preview = preview(&store, &contents);
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert!(preview.archived.is_empty(), "{preview:#?}");
    assert!(preview.deleted.is_empty(), "{preview:#?}");
    let kept: Vec<_> = preview
        .kept
        .iter()
        .filter(|r| r.kind == RowKind::Opd)
        .collect();
    assert_eq!(kept.len(), before.len(), "{preview:#?}");
    apply::import(&mut store, workbook_bytes(&contents).unwrap(), "baru.xlsx").unwrap();
    assert_eq!(opds::list(store.conn()).unwrap().len(), before.len() + 1);
    for old in &before {
        let now = opds::get(store.conn(), &old.id).unwrap().unwrap();
        assert_eq!(&now, old, "the 2018-2019 plan's OPDs stay as they are");
    }

    // An OPD no plan uses is still deleted when the file omits it.
    let mut contents = Contents::load(&store).unwrap();
    contents.opds.retain(|o| o.code != "DISKOMINFO");
    let preview = apply::preview(&store, workbook_bytes(&contents).unwrap(), "x.xlsx").unwrap();
    assert!(
        preview
            .deleted
            .iter()
            .any(|r| r.kind == RowKind::Opd && r.label.starts_with("DISKOMINFO")),
        "{preview:#?}"
    );
}

/// The demo imported from its template into an empty database (a draft plan),
/// and Bappeda's record of a report it imported from the OPD of the first
/// indicator (as report import writes it).
fn draft_with_a_reported_opd() -> (Store, String) {
    let demo = demo_bappeda();
    let bytes = workbook_bytes(&Contents::load(&demo).unwrap()).unwrap();
    let mut store = empty_bappeda();
    apply::import(&mut store, bytes, "rencana.xlsx").unwrap();
    let contents = Contents::load(&store).unwrap();
    let plan = contents.plan.as_ref().unwrap();
    let opd = contents.indicators[0].opd_id.clone();
    store
        .conn()
        .execute(
            "INSERT INTO reports (id, plan_id, opd_id, year, quarter, sequence, direction,
                                  exported_at, received_at)
             VALUES ('0190a0a0-0000-7000-8000-00000000000a', ?1, ?2, 2018, 3, 1, 'imported',
                     '2018-10-05T00:00:00Z', '2018-10-06T00:00:00Z')",
            [&plan.id, &opd],
        )
        .unwrap();
    (store, opd)
}

fn code_of(store: &Store, opd_id: &str) -> String {
    opds::get(store.conn(), opd_id).unwrap().unwrap().code
}

fn reported_problem(store: &Store, contents: &Contents) -> TemplateProblem {
    let preview = preview(store, contents);
    let problem = preview
        .problems
        .iter()
        .find(|p| p.key == "indicatorReported")
        .unwrap_or_else(|| panic!("{:#?}", preview.problems))
        .clone();
    assert_eq!(preview.change_count(), 0);
    problem
}

#[test]
fn a_reported_opd_s_indicators_and_targets_are_not_the_template_s_to_change() {
    let (mut store, reported) = draft_with_a_reported_opd();
    let code = code_of(&store, &reported);
    let contents = Contents::load(&store).unwrap();
    let message = format!(
        "Indikator milik OPD {code} sudah dilaporkan OPD; perubahan dilakukan OPD lewat laporannya."
    );

    // Listed as it is held: nothing changes.
    let same = preview(&store, &contents);
    assert!(same.problems.is_empty(), "{:?}", same.problems);
    assert_eq!(same.change_count(), 0, "{same:#?}");

    // Its description: refused, on its row and column.
    let mut changed = Contents::load(&store).unwrap();
    changed.indicators[0].description.push_str(" (direvisi)");
    let problem = reported_problem(&store, &changed);
    assert_eq!(
        at(&problem),
        ("Indikator", 2, "Uraian indikator", "indicatorReported")
    );
    assert_eq!(problem.message, message);
    assert_eq!(problem.args["code"], code);
    let error =
        apply::import(&mut store, workbook_bytes(&changed).unwrap(), "ubah.xlsx").unwrap_err();
    assert!(error.to_string().contains(&message), "{error}");

    // One of its targets.
    let mut changed = Contents::load(&store).unwrap();
    let id = changed.indicators[0].id.clone();
    let grid = changed.targets.entry(id).or_default();
    let year = grid.entry(2018).or_default();
    year[1] = Some(year[1].unwrap_or(0.0) + 7.0);
    assert_eq!(
        at(&reported_problem(&store, &changed)),
        ("Indikator", 2, "TW II 2018", "indicatorReported")
    );

    // Moved to another OPD of its action.
    let mut changed = Contents::load(&store).unwrap();
    let action = changed
        .actions
        .iter()
        .find(|a| a.id == changed.indicators[0].action_id)
        .unwrap();
    let other = std::iter::once(&action.lead_opd_id)
        .chain(&action.supporting_opd_ids)
        .find(|id| **id != reported)
        .expect("another OPD on the action")
        .clone();
    changed.indicators[0].opd_id = other;
    let problem = reported_problem(&store, &changed);
    assert_eq!(
        (
            problem.row,
            problem.column.as_str(),
            problem.message.as_str()
        ),
        (2, "Kode OPD", message.as_str())
    );

    // Another OPD's indicator moved to it, or a new one for it.
    let (index, _) = contents
        .indicators
        .iter()
        .enumerate()
        .find(|(_, i)| i.opd_id != reported)
        .expect("an indicator of an OPD that did not report");
    let mut changed = Contents::load(&store).unwrap();
    changed.indicators[index].opd_id = reported.clone();
    let problem = reported_problem(&store, &changed);
    assert_eq!(
        (
            problem.row,
            problem.column.as_str(),
            problem.message.as_str()
        ),
        (index as u32 + 2, "Kode OPD", message.as_str())
    );
    let mut changed = Contents::load(&store).unwrap();
    let mut added = changed.indicators[0].clone();
    added.id = "0190a0a0-0000-7000-8000-00000000000b".into();
    added.description = "Indikator tambahan".into();
    changed.indicators.push(added);
    let problem = reported_problem(&store, &changed);
    assert_eq!(
        (problem.row, problem.column.as_str()),
        (changed.indicators.len() as u32 + 1, "Kode OPD")
    );

    // Omitted: kept as it is, not deleted.
    let mut omitted = Contents::load(&store).unwrap();
    let kept_id = omitted.indicators.remove(0).id;
    let preview = preview(&store, &omitted);
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    assert!(
        preview.kept.iter().any(|r| r.kind == RowKind::Indicator),
        "{preview:#?}"
    );
    assert!(!preview.deleted.iter().any(|r| r.kind == RowKind::Indicator));
    apply::import(&mut store, workbook_bytes(&omitted).unwrap(), "tanpa.xlsx").unwrap();
    assert!(indicators::get(store.conn(), &kept_id).unwrap().is_some());
}

#[test]
fn indicators_of_opds_that_never_reported_stay_the_template_s() {
    let (mut store, reported) = draft_with_a_reported_opd();
    let mut contents = Contents::load(&store).unwrap();
    let (index, indicator) = contents
        .indicators
        .iter()
        .enumerate()
        .find(|(_, i)| i.opd_id != reported)
        .map(|(n, i)| (n, i.clone()))
        .unwrap();
    contents.indicators[index].description = "Uraian baru".into();
    // A new row of that OPD placed before the reported OPD's rows of its action.
    let mut added = indicator.clone();
    added.id = "0190a0a0-0000-7000-8000-00000000000c".into();
    added.description = "Indikator baru".into();
    contents.indicators.insert(0, added);
    let preview = preview(&store, &contents);
    assert!(preview.problems.is_empty(), "{:?}", preview.problems);
    apply::import(&mut store, workbook_bytes(&contents).unwrap(), "ubah.xlsx").unwrap();
    let now = indicators::get(store.conn(), &indicator.id)
        .unwrap()
        .unwrap();
    assert_eq!(now.description, "Uraian baru");

    // The template of the result imports as no change.
    let again = apply::preview(
        &store,
        workbook_bytes(&Contents::load(&store).unwrap()).unwrap(),
        "lagi.xlsx",
    )
    .unwrap();
    assert!(again.problems.is_empty(), "{:?}", again.problems);
    assert_eq!(again.change_count(), 0, "{again:#?}");
}

/// A template file is checked like a report before it is read: an oversize
/// file is refused from its size, and something that is no regular file
/// (a FIFO would block a plain read for ever) is refused without reading.
#[test]
fn an_oversize_template_or_one_that_is_no_file_is_refused_without_reading() {
    let dir = tempfile::tempdir().unwrap();
    let huge = dir.path().join("template-besar.xlsx");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(renaksi_core::workbook::limits::MAX_FILE_BYTES + 1)
        .unwrap();
    let error = renaksi_core::plan_template::read::read_file(&huge).unwrap_err();
    assert!(error.to_string().contains("terlalu besar"), "{error}");

    let folder = dir.path().join("bukan-berkas.xlsx");
    std::fs::create_dir(&folder).unwrap();
    let error = renaksi_core::plan_template::read::read_file(&folder).unwrap_err();
    assert!(error.to_string().contains("bukan berkas biasa"), "{error}");
}

/// A second shared-string table placed before the real one (outside its
/// root) is not read: the template's cells are the genuine ones.
#[test]
fn shared_strings_outside_the_table_are_not_read() {
    use crate::fixtures::edit_part;
    use renaksi_core::plan_template::read::read_bytes;
    let store = demo_bappeda();
    let template = workbook_bytes(&Contents::load(&store).unwrap()).unwrap();
    let genuine = read_bytes(template.clone()).unwrap();
    let forged = edit_part(&template, "xl/sharedStrings.xml", |c| {
        let open = c.find("<sst ").unwrap();
        let body = open + c[open..].find('>').unwrap() + 1;
        let end = c.find("</sst>").unwrap();
        let alternate = c[body..end].replace(&genuine.plan.region, "Kabupaten PALSU");
        format!("{}<x>{alternate}</x>{}", &c[..open], &c[open..])
    });
    let read = read_bytes(forged).unwrap();
    assert_eq!(read.plan.region, genuine.plan.region);
    assert_ne!(read.plan.region, "Kabupaten PALSU");
}
