//! Taking newer packages over a plan's cycle: the lead OPD receives Bappeda's
//! narrative while the plan it holds is a draft; actions and themes a newer
//! package no longer carries are archived at the OPD, so its reports are
//! accepted again; a package whose plan or bands break the editor's rules is
//! refused when read and before it is taken.

use std::path::{Path, PathBuf};

use renaksi_core::achievement::GradeScale;
use renaksi_core::demo::{self, DemoView};
use renaksi_core::editing::milestones::{self, MilestoneInput};
use renaksi_core::editing::narrative::{self, NarrativeInput};
use renaksi_core::model::{Action, MilestoneStatus, PlanStatus};
use renaksi_core::package::{self, PackageFit, PlanPackage, SignedPackage};
use renaksi_core::period::PeriodRef;
use renaksi_core::planning::structure::actions::{self as action_edit, ActionInput};
use renaksi_core::planning::structure::themes::{self as theme_edit, ThemeInput};
use renaksi_core::planning::{self, StatusChange};
use renaksi_core::report::export::export;
use renaksi_core::report::import::{import_file, Imported};
use renaksi_core::store::{actions, audit, milestones as milestone_rows, opds, plans, themes};
use renaksi_core::workbook::Paper;
use renaksi_core::Store;

fn bappeda(root: &Path) -> (Store, PathBuf) {
    let dir = root.join("bappeda");
    std::fs::create_dir_all(&dir).unwrap();
    let mut store = Store::open(&dir.join("renaksi.db")).unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    (store, dir)
}

fn publish(store: &Store, dir: &Path, name: &str) -> SignedPackage {
    let file = dir.join(name);
    package::export(store, dir, &file).unwrap();
    package::read_file(&file).unwrap()
}

fn opd_from(root: &Path, signed: &SignedPackage, code: &str) -> Store {
    let dir = root.join(code);
    std::fs::create_dir_all(&dir).unwrap();
    let mut store = Store::open(&dir.join("renaksi.db")).unwrap();
    package::apply(&mut store, signed, Some((code, "Operator"))).unwrap();
    store
}

fn set_status(store: &mut Store, status: PlanStatus) {
    planning::set_status(
        store,
        &StatusChange {
            status,
            reason: "Revisi sesudah konsultasi publik".into(),
        },
    )
    .unwrap();
}

fn action_by_code(store: &Store, code: &str) -> Action {
    let plan = plans::require_current(store.conn()).unwrap();
    actions::list(store.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .find(|a| a.code == code)
        .unwrap()
}

fn opd_code(store: &Store, id: &str) -> String {
    opds::get(store.conn(), id).unwrap().unwrap().code
}

/// What Bappeda's action editor is given to save `action` as it is.
fn input_of(action: &Action) -> ActionInput {
    ActionInput {
        id: Some(action.id.clone()),
        theme_id: action.theme_id.clone(),
        code: action.code.clone(),
        title: action.title.clone(),
        lead_opd_id: action.lead_opd_id.clone(),
        supporting_opd_ids: action.supporting_opd_ids.clone(),
        start_date: action.start_date.clone(),
        end_date: action.end_date.clone(),
        problem: action.problem.clone(),
        description: action.description.clone(),
        contribution: action.contribution.clone(),
        ogp_values: action.ogp_values.clone(),
        cso_partners: action.cso_partners.clone(),
    }
}

fn message(error: renaksi_core::Error) -> String {
    error.to_string()
}

#[test]
fn the_lead_opd_receives_bappedas_narrative_while_the_plan_it_holds_is_a_draft() {
    let root = tempfile::tempdir().unwrap();
    let (mut bappeda, dir) = bappeda(root.path());
    set_status(&mut bappeda, PlanStatus::Draft);
    let draft = publish(&bappeda, &dir, "paket-draf.xlsx");
    let ra01 = action_by_code(&bappeda, "RA-01");
    let lead = opd_code(&bappeda, &ra01.lead_opd_id);
    let mut opd = opd_from(root.path(), &draft, &lead);
    assert_eq!(
        plans::require_current(opd.conn()).unwrap().status,
        PlanStatus::Draft
    );

    // Bappeda sharpens the problem while the plan is a draft, then adopts it.
    let text = "Permasalahan yang dirumuskan ulang oleh Bappeda bersama OMS.";
    let mut edited = input_of(&ra01);
    edited.problem = text.into();
    action_edit::save(&mut bappeda, &edited).unwrap();
    set_status(&mut bappeda, PlanStatus::Final);
    let adopted = publish(&bappeda, &dir, "paket-final.xlsx");

    let preview = package::preview(opd.conn(), &adopted).unwrap();
    let change = preview
        .actions_changed
        .iter()
        .find(|a| a.code == "RA-01")
        .expect("the preview names RA-01");
    assert!(
        change.fields.contains(&"uraian komitmen".to_string()),
        "{:?}",
        change.fields
    );
    package::apply(&mut opd, &adopted, None).unwrap();
    assert_eq!(action_by_code(&opd, "RA-01").problem, text);

    // From now on the narrative is the lead OPD's: a later package keeps it.
    let own = "Permasalahan menurut OPD pelaksana.";
    let held = action_by_code(&opd, "RA-01");
    narrative::save(
        &mut opd,
        &NarrativeInput {
            action_id: held.id.clone(),
            problem: own.into(),
            description: held.description.clone(),
            contribution: held.contribution.clone(),
            ogp_values: held.ogp_values.clone(),
            cso_partners: held.cso_partners.clone(),
        },
    )
    .unwrap();
    bappeda
        .write(|tx| {
            tx.execute(
                "UPDATE actions SET problem = 'Teks lama di Bappeda' WHERE id = ?1",
                [&ra01.id],
            )?;
            Ok(())
        })
        .unwrap();
    let again = publish(&bappeda, &dir, "paket-final-2.xlsx");
    let preview = package::preview(opd.conn(), &again).unwrap();
    assert!(preview.actions_changed.iter().all(|a| a.code != "RA-01"));
    package::apply(&mut opd, &again, None).unwrap();
    assert_eq!(action_by_code(&opd, "RA-01").problem, own);
}

#[test]
fn an_action_and_theme_bappeda_deleted_are_archived_at_the_opd_and_its_report_is_accepted() {
    let root = tempfile::tempdir().unwrap();
    let (mut bappeda, dir) = bappeda(root.path());
    set_status(&mut bappeda, PlanStatus::Draft);
    let dinkes = opds::by_code(bappeda.conn(), "DINKES").unwrap().unwrap();
    let (theme_id, _) = theme_edit::save(
        &mut bappeda,
        &ThemeInput {
            id: None,
            name: "Tema percobaan".into(),
            description: String::new(),
        },
    )
    .unwrap();
    let (action_id, _) = action_edit::save(
        &mut bappeda,
        &ActionInput {
            id: None,
            theme_id: theme_id.clone(),
            code: "RA-90".into(),
            title: "Aksi percobaan".into(),
            lead_opd_id: dinkes.id.clone(),
            supporting_opd_ids: vec![],
            start_date: Some("2019-01-01".into()),
            end_date: Some("2019-12-31".into()),
            problem: String::new(),
            description: String::new(),
            contribution: String::new(),
            ogp_values: vec![],
            cso_partners: String::new(),
        },
    )
    .unwrap();
    let first = publish(&bappeda, &dir, "paket-1.xlsx");
    let mut opd = opd_from(root.path(), &first, "DINKES");
    let (milestone_id, _) = milestones::save(
        &mut opd,
        &MilestoneInput {
            id: None,
            action_id: action_id.clone(),
            title: "Tonggak pada aksi percobaan".into(),
            output: "Dokumen".into(),
            start_date: None,
            end_date: None,
            status: MilestoneStatus::NotStarted,
        },
    )
    .unwrap();

    // Bappeda deletes the action (nothing refers to it there) and its theme.
    action_edit::delete(&mut bappeda, &action_id).unwrap();
    theme_edit::delete(&mut bappeda, &theme_id).unwrap();
    set_status(&mut bappeda, PlanStatus::Final);
    let second = publish(&bappeda, &dir, "paket-2.xlsx");
    let version = second.package.plan.version;
    let reason = format!("Tidak ada lagi dalam paket rencana aksi versi {version}");

    let preview = package::preview(opd.conn(), &second).unwrap();
    assert_eq!(preview.fit, PackageFit::Update);
    let archived: Vec<_> = preview
        .actions_archived
        .iter()
        .map(|a| (a.code.as_str(), a.reason.as_str()))
        .collect();
    assert_eq!(archived, vec![("RA-90", reason.as_str())]);
    assert_eq!(preview.themes_changed, 1);
    package::apply(&mut opd, &second, None).unwrap();

    // Archived, never deleted: the OPD's milestone stays, read-only.
    let action = actions::get(opd.conn(), &action_id).unwrap().unwrap();
    assert_eq!(action.archived.as_ref().unwrap().reason, reason);
    let plan = plans::require_current(opd.conn()).unwrap();
    let theme = themes::list(opd.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .find(|t| t.id == theme_id)
        .unwrap();
    assert_eq!(theme.archived.unwrap().reason, reason);
    assert!(milestone_rows::get(opd.conn(), &milestone_id)
        .unwrap()
        .is_some());
    let history = audit::history(opd.conn(), "action", &action_id).unwrap();
    assert!(history
        .iter()
        .any(|e| e.field.as_deref() == Some("archived")));
    let edit = milestones::save(
        &mut opd,
        &MilestoneInput {
            id: Some(milestone_id.clone()),
            action_id: action_id.clone(),
            title: "Diubah".into(),
            output: "Dokumen".into(),
            start_date: None,
            end_date: None,
            status: MilestoneStatus::NotStarted,
        },
    );
    assert!(edit.is_err(), "a row on an archived action is read-only");

    // The OPD's report leaves the archived action out and is accepted.
    let report = root.path().join("laporan.xlsx");
    export(
        &mut opd,
        &root.path().join("DINKES"),
        PeriodRef {
            year: 2019,
            quarter: 1,
        },
        Paper::A4,
        &report,
    )
    .unwrap();
    // The demo's Bappeda holds DINKES's realisations of 2018 in closed
    // quarters, which an office started from the package does not carry
    // (see the scenario test): Bappeda reopens them for this round.
    for quarter in 1..=4 {
        planning::reopen(
            &mut bappeda,
            &planning::PeriodChange {
                period: PeriodRef::new(2018, quarter).unwrap(),
                reason: "Kantor memulai ulang dari paket".into(),
            },
        )
        .unwrap();
    }
    import_report(&mut bappeda, &report).unwrap();
    assert!(milestone_rows::get(bappeda.conn(), &milestone_id)
        .unwrap()
        .is_none());
}

/// The same plan's package with its plan's years changed (apply trusts a
/// verified package, so this stands for a package signed that way).
fn with_years(signed: &SignedPackage, id: &str, from: i32, to: i32) -> SignedPackage {
    let mut other = signed.clone();
    let p = &mut other.package;
    p.plan.id = id.to_string();
    p.plan.year_start = from;
    p.plan.year_end = to;
    for period in &mut p.periods {
        period.year += from - 2018;
        period.closed = 0;
    }
    for theme in &mut p.themes {
        theme.plan_id = id.to_string();
        theme.id = format!("{}-{id}", theme.id);
    }
    for action in &mut p.actions {
        action.theme_id = format!("{}-{id}", action.theme_id);
        action.id = format!("{}-{id}", action.id);
    }
    for s in &mut p.supporting {
        s.action_id = format!("{}-{id}", s.action_id);
    }
    for i in &mut p.indicators {
        i.action_id = format!("{}-{id}", i.action_id);
        i.id = format!("{}-{id}", i.id);
    }
    for t in &mut p.targets {
        t.indicator_id = format!("{}-{id}", t.indicator_id);
        t.year += from - 2018;
    }
    other
}

#[test]
fn a_next_plan_package_outside_a_new_plans_limits_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let (bappeda, dir) = bappeda(root.path());
    let first = publish(&bappeda, &dir, "paket.xlsx");
    let mut opd = opd_from(root.path(), &first, "DINKES");
    let cases = [
        (2020, 2035, "paling lama 10 tahun"),
        (2101, 2102, "antara 2000 dan 2100"),
    ];
    for (from, to, words) in cases {
        let next = with_years(&first, "berikutnya", from, to);
        let error = message(package::preview(opd.conn(), &next).unwrap_err());
        assert!(error.contains(words), "{error}");
        let error = message(package::apply(&mut opd, &next, None).unwrap_err());
        assert!(error.contains(words), "{error}");
        assert!(error.contains("Bappeda"), "{error}");
    }
    // An end before the start, for the plan held.
    let mut reversed = first.clone();
    reversed.package.plan.year_end = 2017;
    let error = message(package::apply(&mut opd, &reversed, None).unwrap_err());
    assert!(error.contains("sesudah triwulan pertama"), "{error}");
    assert_eq!(plans::list(opd.conn()).unwrap().len(), 1);

    // Within the limits, the next plan is taken.
    let next = with_years(&first, "berikutnya", 2020, 2029);
    package::apply(&mut opd, &next, None).unwrap();
    assert_eq!(plans::list(opd.conn()).unwrap().len(), 2);
}

#[test]
fn malformed_bands_in_a_package_are_refused_not_replaced() {
    let root = tempfile::tempdir().unwrap();
    let (bappeda, dir) = bappeda(root.path());
    let first = publish(&bappeda, &dir, "paket.xlsx");
    let mut opd = opd_from(root.path(), &first, "DINKES");
    let before = GradeScale::load(opd.conn()).unwrap();

    let mut overlapping = first.clone();
    overlapping.package.bands[1].min = overlapping.package.bands[0].min;
    let mut four = first.clone();
    four.package.bands.pop();
    let mut none = first.clone();
    none.package.bands.clear();
    let mut swapped = first.clone();
    swapped.package.bands.swap(0, 1);
    let mut unnamed = first.clone();
    unnamed.package.bands[2].label = " ".into();
    for (bad, words) in [
        (overlapping, "lebih kecil"),
        (four, "lima tingkat"),
        (none, "lima tingkat"),
        (swapped, "lima tingkat"),
        (unnamed, "wajib diisi"),
    ] {
        let error = message(package::preview(opd.conn(), &bad).unwrap_err());
        assert!(error.contains("predikat capaian"), "{error}");
        assert!(error.contains(words), "{error}");
        assert!(package::apply(&mut opd, &bad, None).is_err());
    }
    assert_eq!(GradeScale::load(opd.conn()).unwrap(), before);
}

/// A package Bappeda's key signed as given, written to a file and read back.
fn signed_file(
    dir: &Path,
    package: &PlanPackage,
    name: &str,
) -> renaksi_core::Result<SignedPackage> {
    let file = dir.join(name);
    package::export_as_is(package, dir, &file).unwrap();
    package::read_file(&file)
}

#[test]
fn a_signed_package_file_with_a_bad_plan_or_bands_is_refused_when_read() {
    let root = tempfile::tempdir().unwrap();
    let (bappeda, dir) = bappeda(root.path());
    let good = package::build(&bappeda).unwrap();
    signed_file(&dir, &good, "baik.xlsx").unwrap();

    let mut long = good.clone();
    long.plan.year_end = long.plan.year_start + 12;
    let error = message(signed_file(&dir, &long, "panjang.xlsx").unwrap_err());
    assert!(error.contains("paling lama 10 tahun"), "{error}");

    let mut early = good.clone();
    early.plan.year_start = 1990;
    let error = message(signed_file(&dir, &early, "awal.xlsx").unwrap_err());
    assert!(error.contains("antara 2000 dan 2100"), "{error}");

    let mut bands = good.clone();
    bands.bands[3].min = Some(2000.0);
    let error = message(signed_file(&dir, &bands, "predikat.xlsx").unwrap_err());
    assert!(error.contains("predikat capaian"), "{error}");
}

/// Bappeda corrects the code of an OPD that has not sent anything yet, after
/// the OPD started from a package: the OPD's profile follows its id, so the
/// office keeps working and keeps taking packages under the new code.
#[test]
fn an_opd_whose_code_bappeda_corrected_keeps_working_under_the_new_code() {
    use renaksi_core::planning::structure::opds::{self as opd_edit, OpdInput};
    use renaksi_core::profile::{self, Role};

    let root = tempfile::tempdir().unwrap();
    let (mut bappeda, dir) = bappeda(root.path());
    let entry = |id: Option<String>, code: &str| OpdInput {
        id,
        code: code.into(),
        name: "Badan Riset dan Inovasi Daerah".into(),
        short_name: "Brida".into(),
        head_name: String::new(),
        head_title: String::new(),
        head_nip: String::new(),
    };
    let (brida, _) = opd_edit::save(&mut bappeda, &entry(None, "BRIDA")).unwrap();
    let plan = plans::require_current(bappeda.conn()).unwrap();
    let ra01 = actions::list(bappeda.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .find(|a| a.code == "RA-01")
        .unwrap();
    let mut supported = input_of(&ra01);
    supported.supporting_opd_ids.push(brida.clone());
    action_edit::save(&mut bappeda, &supported).unwrap();
    let first = publish(&bappeda, &dir, "paket-1.xlsx");
    let mut office = opd_from(root.path(), &first, "BRIDA");

    opd_edit::save(&mut bappeda, &entry(Some(brida.clone()), "BRIDA-WSB")).unwrap();
    let second = publish(&bappeda, &dir, "paket-2.xlsx");
    package::apply(&mut office, &second, None).unwrap();
    let held = profile::load(office.conn()).unwrap().unwrap();
    assert_eq!(
        held.role,
        Role::Opd {
            code: "BRIDA-WSB".into()
        }
    );
    // Still this OPD: the next package is taken too.
    let third = publish(&bappeda, &dir, "paket-3.xlsx");
    package::apply(&mut office, &third, None).unwrap();
}

/// Bappeda imports a report; an OPD's first key is confirmed with the
/// fingerprint the import shows (`crate::confirming_first_key`).
fn import_report(store: &mut Store, file: &Path) -> renaksi_core::Result<Imported> {
    crate::confirming_first_key(|decisions| import_file(store, file, decisions))
}
