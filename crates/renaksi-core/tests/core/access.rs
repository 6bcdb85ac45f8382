//! What a profile may do in the app as a whole (`access::Abilities`), and that
//! each ability agrees with the check the core makes when the work is done.

use chrono::NaiveDate;
use renaksi_core::access::{self, Abilities};
use renaksi_core::cocreation::{self, SessionForm};
use renaksi_core::demo::{self, DemoView};
use renaksi_core::feedback;
use renaksi_core::package;
use renaksi_core::period::PeriodRef;
use renaksi_core::profile::{Profile, Role};
use renaksi_core::publish;
use renaksi_core::rekap;
use renaksi_core::report::{export, import};
use renaksi_core::review::{self, NoteInput, SubjectKind};
use renaksi_core::self_assessment::{self, AssessmentForm, Completion, OpenedGovernment};
use renaksi_core::submissions;
use renaksi_core::versions;
use renaksi_core::workbook::Paper;
use renaksi_core::{Result, Store};

const TW2_2019: PeriodRef = PeriodRef {
    year: 2019,
    quarter: 2,
};

fn bappeda() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    store
}

fn dinkes() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let profile = Profile::new(
        Role::Opd {
            code: "DINKES".into(),
        },
        "Sari",
    )
    .unwrap();
    demo::load_as(&mut store, &DemoView::Opd("DINKES".into()), &profile).unwrap();
    store
}

/// The abilities of the database's profile, as the app status reports them.
fn abilities(store: &Store) -> Abilities {
    Abilities::of(
        &renaksi_core::profile::load(store.conn())
            .unwrap()
            .unwrap()
            .role,
    )
}

/// Whether the core let the work through its access check: any answer but
/// "forbidden" (the inputs below are wrong on purpose, so nothing is written).
fn allowed<T>(result: Result<T>) -> bool {
    match result {
        Ok(_) => true,
        Err(error) => error.code() != "forbidden",
    }
}

#[test]
fn bappeda_and_an_opd_have_the_abilities_of_their_role() {
    let at_bappeda = abilities(&bappeda());
    assert_eq!(
        at_bappeda,
        Abilities {
            publish_package: true,
            import_reports: true,
            verify_reports: true,
            write_review_notes: true,
            export_rekap: true,
            record_sessions: true,
            save_versions: true,
            export_report: false,
            take_package: false,
            write_feedback: true,
            take_feedback: false,
            edit_plan: true,
            record_assessment: true,
            publish_site: true,
            read_only: false,
        }
    );
    let at_opd = abilities(&dinkes());
    assert_eq!(
        at_opd,
        Abilities {
            publish_package: false,
            import_reports: false,
            verify_reports: false,
            write_review_notes: false,
            export_rekap: false,
            record_sessions: false,
            save_versions: false,
            export_report: true,
            take_package: true,
            write_feedback: false,
            take_feedback: true,
            edit_plan: false,
            record_assessment: false,
            publish_site: false,
            read_only: false,
        }
    );
    let json = serde_json::to_value(at_opd).unwrap();
    assert_eq!(json["exportRekap"], false);
    assert_eq!(json["writeReviewNotes"], false);
    assert_eq!(json["exportReport"], true);
}

#[test]
fn each_ability_agrees_with_the_check_the_core_makes() {
    for mut store in [bappeda(), dinkes()] {
        let can = abilities(&store);
        let dir = tempfile::tempdir().unwrap();
        let nowhere = dir.path().join("tidak-ada").join("x.xlsx");

        assert_eq!(can.publish_package, allowed(package::build(&store)));
        assert_eq!(
            can.import_reports,
            allowed(import::apply(
                &mut store,
                import::read_bytes("kosong.xlsx", Vec::new()),
                &import::Decisions::default(),
            ))
        );
        assert_eq!(
            can.verify_reports,
            allowed(submissions::verify(&mut store, "TIDAK-ADA", TW2_2019))
        );
        assert_eq!(
            can.write_review_notes,
            allowed(review::add(
                &mut store,
                &NoteInput {
                    subject_kind: SubjectKind::Action,
                    subject_id: "tidak-ada".into(),
                    body: "Catatan".into(),
                },
            ))
        );
        let day = NaiveDate::from_ymd_opt(2019, 7, 15).unwrap();
        assert_eq!(
            can.export_rekap,
            allowed(rekap::export(
                &store,
                Some(TW2_2019),
                day,
                &nowhere,
                Paper::A4
            ))
        );
        assert_eq!(
            can.record_sessions,
            allowed(cocreation::save_session(
                &mut store,
                &SessionForm::default()
            ))
        );
        assert_eq!(
            can.record_sessions,
            cocreation::can_edit(store.conn()).unwrap()
        );
        assert_eq!(can.save_versions, allowed(versions::take(&mut store, " ")));
        assert_eq!(can.save_versions, versions::can_take(store.conn()).unwrap());
        assert_eq!(
            can.export_report,
            allowed(export::export(
                &mut store,
                dir.path(),
                TW2_2019,
                Paper::A4,
                &nowhere
            ))
        );
        assert_eq!(
            can.take_package,
            allowed(access::require_opd(
                store.conn(),
                "memakai paket rencana aksi"
            ))
        );
        assert_eq!(
            can.write_feedback,
            allowed(feedback::write(
                &mut store,
                dir.path(),
                "TIDAK-ADA",
                Paper::A4,
                &nowhere
            ))
        );
        assert_eq!(
            can.take_feedback,
            allowed(feedback::take_file(&mut store, &nowhere))
        );
        let form = AssessmentForm {
            action_id: "tidak-ada".into(),
            completion: Completion::Complete,
            opened_government: OpenedGovernment::Major,
            explanation: "Penjelasan".into(),
            evidence_links: Vec::new(),
        };
        assert_eq!(
            can.record_assessment,
            allowed(self_assessment::set(&mut store, &form))
        );
        assert_eq!(
            can.record_assessment,
            self_assessment::can_edit(store.conn()).unwrap()
        );
        // A folder that cannot be made: the check comes first, nothing is written.
        std::fs::write(dir.path().join("berkas"), "").unwrap();
        let unwritable = dir.path().join("berkas").join("situs");
        assert_eq!(
            can.publish_site,
            allowed(publish::site(&store, &unwritable, day))
        );
        assert!(!nowhere.exists());
    }
}

#[test]
fn a_refusal_by_role_names_who_may_and_who_works_here() {
    let office = dinkes();
    let error = rekap::export(
        &office,
        Some(TW2_2019),
        NaiveDate::from_ymd_opt(2019, 7, 15).unwrap(),
        &std::env::temp_dir().join("tidak-ditulis.xlsx"),
        Paper::A4,
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        "Hanya Bappeda yang menulis Rekap kabupaten; basis data ini dipakai oleh OPD DINKES."
    );
    let error = access::require_opd(bappeda().conn(), "mengekspor Laporan OPD").unwrap_err();
    assert_eq!(
        error.to_string(),
        "Hanya OPD yang mengekspor Laporan OPD; basis data ini dipakai oleh Bappeda."
    );
}
