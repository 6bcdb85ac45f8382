//! The predikat bands of a plan and the plan package format 2: bands, archive
//! flags and the plan document's indicators travel to the OPDs; an OPD takes
//! the next plan as a plan of its own; format 1 packages are still read.

use std::path::{Path, PathBuf};

use renaksi_core::achievement::{GradeKey, GradeScale};
use renaksi_core::demo::{self, DemoView};
use renaksi_core::editing;
use renaksi_core::model::{Plan, PlanStatus};
use renaksi_core::package::{self, PackageFit, SignedPackage};
use renaksi_core::planning::bands::{self, BandInput, BandsInput};
use renaksi_core::profile::{self, Profile, Role};
use renaksi_core::report::export::export;
use renaksi_core::report::import::{import_file, Decisions};
use renaksi_core::store::{actions, audit, indicators, opds, plans, targets};
use renaksi_core::workbook::Paper;
use renaksi_core::Store;

use renaksi_core::period::PeriodRef;

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

fn input(bounds: [Option<f64>; 5]) -> BandsInput {
    let labels = ["Istimewa", "Baik", "Cukup", "Kurang", "Buruk"];
    BandsInput {
        bands: labels
            .iter()
            .zip(bounds)
            .map(|(label, min)| BandInput {
                label: label.to_string(),
                min,
            })
            .collect(),
    }
}

fn field_of(error: renaksi_core::Error) -> (String, String) {
    match error {
        renaksi_core::Error::Invalid { field, message } => (field, message),
        other => panic!("expected a field error, got {other}"),
    }
}

#[test]
fn bands_are_checked_for_order_gaps_labels_and_range() {
    let root = tempfile::tempdir().unwrap();
    let (mut store, _) = bappeda(root.path());
    let cases = [
        (
            input([Some(90.0), Some(90.0), Some(60.0), Some(50.0), None]),
            "bands.1.min",
            "tumpang tindih",
        ),
        (
            input([Some(80.0), Some(85.0), Some(60.0), Some(50.0), None]),
            "bands.1.min",
            "lebih kecil",
        ),
        (
            input([Some(90.0), Some(80.0), Some(60.0), Some(50.0), Some(10.0)]),
            "bands.4.min",
            "tidak punya batas bawah",
        ),
        (
            input([Some(1001.0), Some(80.0), Some(60.0), Some(50.0), None]),
            "bands.0.min",
            "0 sampai 1000",
        ),
        (
            input([Some(90.0), None, Some(60.0), Some(50.0), None]),
            "bands.1.min",
            "wajib",
        ),
    ];
    for (bad, field, words) in cases {
        let (got_field, message) = field_of(bands::set(&mut store, &bad).unwrap_err());
        assert_eq!(got_field, field, "{message}");
        assert!(message.contains(words), "{message}");
    }
    let mut unnamed = input([Some(90.0), Some(80.0), Some(60.0), Some(50.0), None]);
    unnamed.bands[2].label = "  ".into();
    assert_eq!(
        field_of(bands::set(&mut store, &unnamed).unwrap_err()).0,
        "bands.2.label"
    );
    let short = BandsInput {
        bands: input([Some(90.0), Some(80.0), Some(60.0), Some(50.0), None]).bands[..4].to_vec(),
    };
    assert_eq!(
        field_of(bands::set(&mut store, &short).unwrap_err()).0,
        "bands"
    );
    // Nothing was written.
    let plan = plans::require_current(store.conn()).unwrap();
    assert_eq!(plans::grade_bands(store.conn(), &plan.id).unwrap(), None);
}

#[test]
fn bappeda_sets_the_bands_of_the_plan_audited_and_undoable() {
    let root = tempfile::tempdir().unwrap();
    let (mut store, _) = bappeda(root.path());
    let plan = plans::require_current(store.conn()).unwrap();
    let undo = bands::set(
        &mut store,
        &input([Some(95.0), Some(80.0), Some(60.0), Some(50.0), None]),
    )
    .unwrap();
    let scale = GradeScale::load(store.conn()).unwrap();
    assert_eq!(scale.grade(94.9), Some(GradeKey::High));
    assert_eq!(scale.grade(95.0), Some(GradeKey::VeryHigh));
    assert_eq!(scale.0[0].label, "Istimewa");
    let view = bands::view(&store).unwrap();
    assert!(!view.is_convention && view.can_edit);
    assert!(view.legend.contains("Istimewa ≥ 95"), "{}", view.legend);

    let history = audit::history(store.conn(), "plan", &plan.id).unwrap();
    assert!(history
        .iter()
        .any(|e| e.field.as_deref() == Some("gradeBands")));

    editing::undo(&mut store, &undo).unwrap();
    assert_eq!(
        GradeScale::load(store.conn()).unwrap(),
        GradeScale::default()
    );
    assert!(bands::view(&store).unwrap().is_convention);
}

#[test]
fn an_opd_cannot_set_the_bands() {
    let root = tempfile::tempdir().unwrap();
    let (store, dir) = bappeda(root.path());
    let signed = publish(&store, &dir, "paket.xlsx");
    let mut opd = opd_from(root.path(), &signed, "DINKES");
    let error = bands::set(
        &mut opd,
        &input([Some(95.0), Some(80.0), Some(60.0), Some(50.0), None]),
    )
    .unwrap_err();
    assert!(error.to_string().contains("Hanya Bappeda"), "{error}");
    assert!(!bands::view(&opd).unwrap().can_edit);
}

#[test]
fn the_package_carries_bands_archive_flags_and_the_plan_documents_indicators() {
    let root = tempfile::tempdir().unwrap();
    let (mut bappeda, dir) = bappeda(root.path());
    bands::set(
        &mut bappeda,
        &input([Some(95.0), Some(80.0), Some(60.0), Some(50.0), None]),
    )
    .unwrap();
    bappeda
        .write(|tx| {
            tx.execute(
                "UPDATE opds SET short_name = 'Dinkes', head_title = 'Kepala Dinas' WHERE code = 'DINKES'",
                [],
            )?;
            tx.execute(
                "UPDATE actions SET archived_at = '2019-05-01T00:00:00Z', archive_reason = 'digabung'
                 WHERE code = 'RA-03'",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    let signed = publish(&bappeda, &dir, "paket.xlsx");
    assert_eq!(signed.package.meta.format_version, package::FORMAT_VERSION);
    let opd = opd_from(root.path(), &signed, "DINKES");

    assert_eq!(
        GradeScale::load(opd.conn()).unwrap(),
        GradeScale::load(bappeda.conn()).unwrap()
    );
    let dinkes = opds::by_code(opd.conn(), "DINKES").unwrap().unwrap();
    assert_eq!(
        (dinkes.short_name.as_str(), dinkes.head_title.as_str()),
        ("Dinkes", "Kepala Dinas")
    );
    let plan = plans::require_current(opd.conn()).unwrap();
    let ra03 = actions::list(opd.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .find(|a| a.code == "RA-03")
        .unwrap();
    assert_eq!(ra03.archived.unwrap().reason, "digabung");

    // The OPD holds exactly its own indicators of the plan document, with targets.
    let mine: Vec<_> = indicators::list_for_plan(bappeda.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .filter(|i| i.opd_id == dinkes.id)
        .collect();
    assert!(!mine.is_empty());
    let held = indicators::list_for_plan(opd.conn(), &plan.id).unwrap();
    assert_eq!(held.len(), mine.len());
    assert!(held.iter().all(|i| i.opd_id == dinkes.id));
    for indicator in &mine {
        assert_eq!(
            targets::list_for_indicator(opd.conn(), &indicator.id).unwrap(),
            targets::list_for_indicator(bappeda.conn(), &indicator.id).unwrap()
        );
    }
}

#[test]
fn a_newer_package_never_overwrites_or_adds_back_the_opds_indicators() {
    let root = tempfile::tempdir().unwrap();
    let (bappeda, dir) = bappeda(root.path());
    let first = publish(&bappeda, &dir, "paket-1.xlsx");
    // The OPD with the most indicators in the plan document.
    let code: String = bappeda
        .conn()
        .query_row(
            "SELECT o.code FROM indicators i JOIN opds o ON o.id = i.opd_id
             GROUP BY o.code ORDER BY COUNT(*) DESC, o.code LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let mut opd = opd_from(root.path(), &first, &code);
    let plan = plans::require_current(opd.conn()).unwrap();
    let held = indicators::list_for_plan(opd.conn(), &plan.id).unwrap();
    assert!(held.len() >= 2, "the demo gives DINKES indicators");
    // The OPD deletes one and rewords another. (The demo's indicators carry
    // values of 2018's closed quarters, which the editor does not let go; the
    // rows are removed here directly, as only the package's behaviour is tested.)
    opd.write(|tx| {
        tx.execute("DELETE FROM indicators WHERE id = ?1", [&held[0].id])?;
        Ok(())
    })
    .unwrap();
    opd.write(|tx| {
        tx.execute(
            "UPDATE indicators SET description = 'Diubah OPD' WHERE id = ?1",
            [&held[1].id],
        )?;
        Ok(())
    })
    .unwrap();

    let mut bappeda = bappeda;
    bappeda
        .write(|tx| {
            tx.execute("UPDATE plans SET version = 2", [])?;
            Ok(())
        })
        .unwrap();
    let second = publish(&bappeda, &dir, "paket-2.xlsx");
    let preview = package::preview(opd.conn(), &second).unwrap();
    assert_eq!(preview.fit, PackageFit::Update);
    assert_eq!((preview.version_from, preview.version_to), (Some(1), 2));
    assert_eq!(preview.indicators_received, 0);
    let applied = package::apply(&mut opd, &second, None).unwrap();
    assert_eq!(applied.indicators_received, 0);

    let now = indicators::list_for_plan(opd.conn(), &plan.id).unwrap();
    assert_eq!(now.len(), held.len() - 1, "the deleted one stays deleted");
    assert!(now.iter().all(|i| i.id != held[0].id));
    let reworded = now.iter().find(|i| i.id == held[1].id).unwrap();
    assert_eq!(reworded.description, "Diubah OPD");
}

#[test]
fn the_preview_says_what_changes_and_writes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let (mut bappeda, dir) = bappeda(root.path());
    let first = publish(&bappeda, &dir, "paket-1.xlsx");
    let opd = opd_from(root.path(), &first, "DINKES");
    bands::set(
        &mut bappeda,
        &input([Some(95.0), Some(80.0), Some(60.0), Some(50.0), None]),
    )
    .unwrap();
    bappeda
        .write(|tx| {
            tx.execute(
                "UPDATE periods SET closed = 1 WHERE year = 2019 AND quarter = 1",
                [],
            )?;
            tx.execute(
                "UPDATE actions SET title = title || ' (revisi)' WHERE code = 'RA-02'",
                [],
            )?;
            tx.execute(
                "UPDATE actions SET archived_at = '2019-05-01T00:00:00Z', archive_reason = 'digabung'
                 WHERE code = 'RA-03'",
                [],
            )?;
            tx.execute("UPDATE plans SET version = 3", [])?;
            Ok(())
        })
        .unwrap();
    let second = publish(&bappeda, &dir, "paket-2.xlsx");
    let audit_rows = |store: &Store| -> i64 {
        store
            .conn()
            .query_row("SELECT COUNT(*) FROM audit_log", [], |r| r.get(0))
            .unwrap()
    };
    let before = audit_rows(&opd);
    let preview = package::preview(opd.conn(), &second).unwrap();
    assert_eq!(preview.version_to, 3);
    assert_eq!(
        preview
            .actions_changed
            .iter()
            .map(|a| (a.code.as_str(), a.fields.clone()))
            .collect::<Vec<_>>(),
        vec![("RA-02", vec!["judul".to_string()])]
    );
    assert_eq!(preview.actions_archived.len(), 1);
    assert_eq!(preview.actions_archived[0].reason, "digabung");
    assert!(preview.actions_added.is_empty());
    assert_eq!(preview.periods.len(), 1);
    assert_eq!(preview.periods[0].period, "2019-TW1");
    assert!(preview.periods[0].closed_to);
    assert!(preview.bands_to.as_deref().unwrap().contains("Istimewa"));
    assert_eq!(audit_rows(&opd), before);
    assert_eq!(plans::require_current(opd.conn()).unwrap().version, 1);
}

#[test]
fn a_format_1_package_is_still_taken() {
    let root = tempfile::tempdir().unwrap();
    let (bappeda, dir) = bappeda(root.path());
    let file = dir.join("paket-v1.xlsx");
    package::export_format_1(&bappeda, &dir, &file).unwrap();
    let signed = package::read_file(&file).unwrap();
    assert_eq!(
        signed.package.meta.format_version,
        package::FORMAT_VERSION_1
    );
    assert!(signed.package.indicators.is_empty() && signed.package.bands.is_empty());
    let opd = opd_from(root.path(), &signed, "DINKES");
    let plan = plans::require_current(opd.conn()).unwrap();
    assert_eq!(
        actions::list(opd.conn(), &plan.id).unwrap(),
        actions::list(bappeda.conn(), &plan.id).unwrap()
    );
    assert_eq!(GradeScale::load(opd.conn()).unwrap(), GradeScale::default());
    assert!(indicators::list_for_plan(opd.conn(), &plan.id)
        .unwrap()
        .is_empty());
}

/// The package of a plan Bappeda did not publish this way: the same signed
/// package with another plan id and years (apply trusts a verified package).
fn other_plan(signed: &SignedPackage, id: &str, from: i32, to: i32) -> SignedPackage {
    let mut other = signed.clone();
    let p = &mut other.package;
    p.plan.id = id.to_string();
    p.plan.year_start = from;
    p.plan.year_end = to;
    p.plan.title = format!("Rencana Aksi {from}-{to}");
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
fn the_next_plan_arrives_as_a_plan_of_its_own_and_plans_never_mix() {
    let root = tempfile::tempdir().unwrap();
    let (bappeda, dir) = bappeda(root.path());
    let first = publish(&bappeda, &dir, "paket.xlsx");
    let mut opd = opd_from(root.path(), &first, "DINKES");
    let held = plans::require_current(opd.conn()).unwrap();
    let own_before = indicators::list_for_plan(opd.conn(), &held.id).unwrap();

    // A plan whose years overlap the one held is refused, and so is an older one.
    for (from, to) in [(2019, 2020), (2016, 2017)] {
        let error =
            package::apply(&mut opd, &other_plan(&first, "lain", from, to), None).unwrap_err();
        assert!(error.to_string().contains("rencana aksi lain"), "{error}");
    }
    assert_eq!(plans::list(opd.conn()).unwrap().len(), 1);

    // The next plan is taken beside the one held.
    let next = other_plan(&first, "berikutnya", 2020, 2021);
    let preview = package::preview(opd.conn(), &next).unwrap();
    assert_eq!(preview.fit, PackageFit::NewPlan);
    assert_eq!(preview.version_from, None);
    let applied = package::apply(&mut opd, &next, None).unwrap();
    assert!(applied.new_plan && !applied.started);
    let mut all = plans::list(opd.conn()).unwrap();
    all.reverse();
    assert_eq!(
        all.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        vec![held.id.as_str(), "berikutnya"]
    );
    assert_eq!(
        indicators::list_for_plan(opd.conn(), &held.id).unwrap(),
        own_before,
        "the earlier plan's rows stay as they were"
    );
    assert_eq!(
        indicators::list_for_plan(opd.conn(), "berikutnya")
            .unwrap()
            .len(),
        own_before.len(),
        "the next plan's indicators arrive with it"
    );

    // Signed by another key: refused, even for the plan held.
    let mut forged = first.clone();
    forged.public_key = "kunci-lain".into();
    let error = package::apply(&mut opd, &forged, None).unwrap_err();
    assert!(error.to_string().contains("kunci yang berbeda"), "{error}");
}

#[test]
fn a_report_of_a_plan_bappeda_does_not_hold_is_refused() {
    let root = tempfile::tempdir().unwrap();
    let (bappeda, dir) = bappeda(root.path());
    let signed = publish(&bappeda, &dir, "paket.xlsx");
    let mut opd = opd_from(root.path(), &signed, "DINKES");
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

    // Another Bappeda database, holding a different plan.
    let mut other = Store::open(&root.path().join("lain.db")).unwrap();
    other
        .write(|tx| {
            profile::save(tx, &Profile::new(Role::Bappeda, "Bappeda lain")?)?;
            plans::insert(
                tx,
                &Plan {
                    id: "rencana-lain".into(),
                    region: "Kabupaten Lain".into(),
                    title: "Rencana Aksi Lain".into(),
                    year_start: 2018,
                    year_end: 2019,
                    version: 1,
                    status: PlanStatus::Final,
                    adopted_on: None,
                },
            )
        })
        .unwrap();
    let error = import_file(&mut other, &report, &Decisions::default()).unwrap_err();
    assert!(error.to_string().contains("rencana aksi lain"), "{error}");
    let count: i64 = other
        .conn()
        .query_row("SELECT COUNT(*) FROM indicators", [], |r| r.get(0))
        .unwrap();
    assert_eq!(count, 0, "nothing was written");
}

#[test]
fn a_package_mixing_plans_is_refused_and_changes_nothing() {
    let root = tempfile::tempdir().unwrap();
    let (bappeda, dir) = bappeda(root.path());
    let first = publish(&bappeda, &dir, "paket.xlsx");
    let mut opd = opd_from(root.path(), &first, "DINKES");
    let held = plans::require_current(opd.conn()).unwrap();

    // The next plan's package carrying one of the held plan's actions.
    let mut next = other_plan(&first, "berikutnya", 2020, 2021);
    next.package.actions[0].id = first.package.actions[0].id.clone();
    for s in &mut next.package.supporting {
        if s.action_id == format!("{}-berikutnya", first.package.actions[0].id) {
            s.action_id = first.package.actions[0].id.clone();
        }
    }
    for i in &mut next.package.indicators {
        if i.action_id == format!("{}-berikutnya", first.package.actions[0].id) {
            i.action_id = first.package.actions[0].id.clone();
        }
    }
    let error = package::apply(&mut opd, &next, None).unwrap_err();
    assert!(
        error.to_string().contains("mencampur rencana aksi"),
        "{error}"
    );
    assert!(package::preview(opd.conn(), &next).is_err());

    // A theme of another plan inside the package.
    let mut odd = first.clone();
    odd.package.themes[0].plan_id = "lain".into();
    let error = package::apply(&mut opd, &odd, None).unwrap_err();
    assert!(
        error.to_string().contains("mencampur rencana aksi"),
        "{error}"
    );

    assert_eq!(plans::list(opd.conn()).unwrap(), vec![held.clone()]);
    let action = actions::get(opd.conn(), &first.package.actions[0].id)
        .unwrap()
        .unwrap();
    assert_eq!(action.plan_id, held.id);
}
