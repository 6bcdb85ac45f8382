//! Bappeda imports the OPDs' reports: the scenario of the brief, and every way a
//! report must be refused without changing anything.

use ed25519_dalek::SigningKey;
use renaksi_core::demo::{self, DemoView};
use renaksi_core::editing::values::{self, RealisationInput};
use renaksi_core::period::PeriodRef;
use renaksi_core::profile::{Profile, Role};
use renaksi_core::report::export::workbook_bytes;
use renaksi_core::report::import::{import_bytes, AcceptedKey, Decisions, KeyChange};
use renaksi_core::report::snapshot::{self, ExportInfo, OpdData, Snapshot};
use renaksi_core::workbook::Paper;
use renaksi_core::Store;

const TW2_2019: PeriodRef = PeriodRef {
    year: 2019,
    quarter: 2,
};

fn bappeda() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    store
}

fn opd(code: &str) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let profile = Profile::new(Role::Opd { code: code.into() }, "Operator").unwrap();
    demo::load_as(&mut store, &DemoView::Opd(code.into()), &profile).unwrap();
    store
}

fn key(seed: u8) -> SigningKey {
    SigningKey::from_bytes(&[seed; 32])
}

fn snapshot_of(store: &Store, code: &str, sequence: i64) -> Snapshot {
    let info = ExportInfo {
        period: TW2_2019,
        exported_at: format!("2019-07-1{sequence}T02:00:00Z"),
        sequence,
        sign_place: "Wonosobo".into(),
        sign_date: "10 Juli 2019".into(),
        head_position: "Kepala".into(),
        head_name: "Kepala OPD".into(),
        head_nip: String::new(),
    };
    snapshot::build(store.conn(), code, &info).unwrap()
}

fn data_of(store: &Store, code: &str) -> OpdData {
    snapshot_of(store, code, 1).data
}

/// The OPD enters this quarter's realisation for its first indicator.
fn enter_realisation(store: &mut Store, code: &str, value: f64) {
    let indicator = data_of(store, code).indicators[0].id.clone();
    values::save_realisation(
        store,
        &RealisationInput {
            indicator_id: indicator,
            year: 2019,
            quarter: 2,
            value: Some(value),
            notes: format!("Realisasi {code} triwulan II"),
            obstacles: String::new(),
            follow_up: String::new(),
        },
    )
    .unwrap();
}

/// Bappeda imports a report; an OPD's first key is confirmed with the
/// fingerprint the import shows (`crate::confirming_first_key`).
fn import(
    store: &mut Store,
    bytes: Vec<u8>,
) -> renaksi_core::Result<renaksi_core::report::import::Imported> {
    crate::confirming_first_key(|decisions| {
        import_bytes(store, "laporan.xlsx", bytes.clone(), decisions)
    })
}

#[test]
fn three_opds_report_and_bappeda_holds_exactly_what_they_hold() {
    let mut bappeda = bappeda();
    for (seed, code, value) in [
        (1, "DINKES", 81.5),
        (2, "DINSOS", 12.0),
        (3, "DUKCAPIL", 97.25),
    ] {
        let mut office = opd(code);
        enter_realisation(&mut office, code, value);
        let bytes = workbook_bytes(&snapshot_of(&office, code, 1), &key(seed), Paper::A4).unwrap();
        let done = import(&mut bappeda, bytes).unwrap();
        assert!(
            done.changed && done.key_accepted == Some(KeyChange::First),
            "{code}"
        );
        assert_eq!(data_of(&bappeda, code), data_of(&office, code), "{code}");
    }
}

#[test]
fn importing_the_same_file_twice_does_no_harm() {
    let mut bappeda = bappeda();
    let mut office = opd("DINKES");
    enter_realisation(&mut office, "DINKES", 80.0);
    let bytes = workbook_bytes(&snapshot_of(&office, "DINKES", 1), &key(1), Paper::A4).unwrap();
    assert!(import(&mut bappeda, bytes.clone()).unwrap().changed);
    let again = import(&mut bappeda, bytes).unwrap();
    assert!(!again.changed);
    let imports: i64 = bappeda
        .conn()
        .query_row(
            "SELECT count(*) FROM reports WHERE direction = 'imported'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(imports, 1);
}

#[test]
fn an_older_sequence_is_refused() {
    let mut bappeda = bappeda();
    let mut office = opd("DINKES");
    let first = workbook_bytes(&snapshot_of(&office, "DINKES", 1), &key(1), Paper::A4).unwrap();
    enter_realisation(&mut office, "DINKES", 80.0);
    let second = workbook_bytes(&snapshot_of(&office, "DINKES", 2), &key(1), Paper::A4).unwrap();
    import(&mut bappeda, second).unwrap();
    let held = data_of(&bappeda, "DINKES");
    let error = import(&mut bappeda, first).unwrap_err();
    assert!(error.to_string().contains("lebih lama"), "{error}");
    assert_eq!(data_of(&bappeda, "DINKES"), held);
}

#[test]
fn a_report_carrying_another_opds_row_is_refused_and_that_opd_is_untouched() {
    let mut bappeda = bappeda();
    let office = opd("DINKES");
    let dinsos_before = data_of(&bappeda, "DINSOS");
    let dinkes_before = data_of(&bappeda, "DINKES");

    // A DINSOS milestone smuggled into DINKES's snapshot, signed by DINKES.
    let mut crafted = snapshot_of(&office, "DINKES", 1);
    crafted
        .data
        .milestones
        .push(dinsos_before.milestones[0].clone());
    snapshot::sort(&mut crafted.data);
    let error = import(
        &mut bappeda,
        workbook_bytes(&crafted, &key(1), Paper::A4).unwrap(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("milik OPD lain"), "{error}");

    // The same row claimed as DINKES's own: a takeover of a DINSOS row.
    let mut takeover = snapshot_of(&office, "DINKES", 1);
    let mut stolen = dinsos_before.milestones[0].clone();
    stolen.opd_id = takeover.meta.opd_id.clone();
    stolen.action_id = takeover.data.milestones[0].action_id.clone();
    stolen.title = "Tonggak diambil alih".into();
    takeover.data.milestones.push(stolen);
    snapshot::sort(&mut takeover.data);
    let error = import(
        &mut bappeda,
        workbook_bytes(&takeover, &key(1), Paper::A4).unwrap(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("milik OPD lain"), "{error}");

    assert_eq!(data_of(&bappeda, "DINSOS"), dinsos_before);
    assert_eq!(data_of(&bappeda, "DINKES"), dinkes_before);
}

#[test]
fn a_report_keeps_to_the_actions_its_opd_works_on() {
    let mut bappeda = bappeda();
    let office = opd("DINKES");
    let before = data_of(&bappeda, "DINKES");
    let plan = renaksi_core::store::plans::current(bappeda.conn())
        .unwrap()
        .unwrap();
    let plan_actions = renaksi_core::store::actions::list(bappeda.conn(), &plan.id).unwrap();
    let dinkes_id = snapshot_of(&office, "DINKES", 1).meta.opd_id;
    let elsewhere = plan_actions
        .iter()
        .find(|a| a.lead_opd_id != dinkes_id && !a.supporting_opd_ids.contains(&dinkes_id))
        .expect("an action DINKES does not work on");
    let supported = plan_actions
        .iter()
        .find(|a| a.lead_opd_id != dinkes_id && a.supporting_opd_ids.contains(&dinkes_id))
        .expect("an action DINKES supports");

    // Its own milestone moved onto an action it neither leads nor supports.
    let mut moved = snapshot_of(&office, "DINKES", 1);
    moved.data.milestones[0].action_id = elsewhere.id.clone();
    snapshot::sort(&mut moved.data);
    let error = import(
        &mut bappeda,
        workbook_bytes(&moved, &key(1), Paper::A4).unwrap(),
    )
    .unwrap_err();
    assert!(
        error.to_string().contains("tidak ditugaskan kepada DINKES"),
        "{error}"
    );

    // A narrative of an action it only supports: the lead OPD's to write.
    let mut narrated = snapshot_of(&office, "DINKES", 1);
    let mut narrative = narrated.data.narratives[0].clone();
    narrative.action_id = supported.id.clone();
    narrative.problem = "Ditulis oleh OPD pendukung".into();
    narrated.data.narratives.push(narrative);
    snapshot::sort(&mut narrated.data);
    let error = import(
        &mut bappeda,
        workbook_bytes(&narrated, &key(1), Paper::A4).unwrap(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("narasi rencana aksi"), "{error}");
    assert_eq!(data_of(&bappeda, "DINKES"), before);

    // A milestone on the action it supports is its own to report.
    let mut supporting = snapshot_of(&office, "DINKES", 1);
    supporting.data.milestones[0].action_id = supported.id.clone();
    snapshot::sort(&mut supporting.data);
    import(
        &mut bappeda,
        workbook_bytes(&supporting, &key(1), Paper::A4).unwrap(),
    )
    .unwrap();
    let held = data_of(&bappeda, "DINKES");
    let milestone = &supporting
        .data
        .milestones
        .iter()
        .find(|m| m.action_id == supported.id)
        .unwrap()
        .id;
    assert!(held
        .milestones
        .iter()
        .any(|m| &m.id == milestone && m.action_id == supported.id));
}

#[test]
fn a_changed_key_is_refused_until_a_human_accepts_it() {
    let mut bappeda = bappeda();
    let mut office = opd("DINKES");
    import(
        &mut bappeda,
        workbook_bytes(&snapshot_of(&office, "DINKES", 1), &key(1), Paper::A4).unwrap(),
    )
    .unwrap();
    enter_realisation(&mut office, "DINKES", 70.0);
    let other_key = workbook_bytes(&snapshot_of(&office, "DINKES", 2), &key(9), Paper::A4).unwrap();
    let held = data_of(&bappeda, "DINKES");

    let error = import(&mut bappeda, other_key.clone()).unwrap_err();
    assert_eq!(error.code(), "key_unconfirmed");
    assert!(error.to_string().contains("kunci lain"), "{error}");
    assert_eq!(data_of(&bappeda, "DINKES"), held, "nothing changed");

    let decisions = Decisions::accepting(AcceptedKey {
        opd_code: "DINKES".into(),
        fingerprint: renaksi_core::workbook::signature::fingerprint(
            &renaksi_core::workbook::signature::public_key_text(&key(9)),
        ),
    });
    let done = import_bytes(&mut bappeda, "laporan.xlsx", other_key, &decisions).unwrap();
    assert!(done.changed);
    assert_eq!(done.key_accepted, Some(KeyChange::Changed));
    assert_eq!(data_of(&bappeda, "DINKES"), data_of(&office, "DINKES"));
}

#[test]
fn a_report_for_another_plan_version_is_refused() {
    let mut bappeda = bappeda();
    bappeda
        .write(|tx| {
            tx.execute("UPDATE plans SET version = 2", [])?;
            Ok(())
        })
        .unwrap();
    let office = opd("DINSOS");
    let error = import(
        &mut bappeda,
        workbook_bytes(&snapshot_of(&office, "DINSOS", 1), &key(2), Paper::A4).unwrap(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("versi 1"), "{error}");
}

#[test]
fn an_opd_database_cannot_import_reports() {
    let mut office = opd("DINSOS");
    let other = opd("DINKES");
    let bytes = workbook_bytes(&snapshot_of(&other, "DINKES", 1), &key(1), Paper::A4).unwrap();
    let error = import(&mut office, bytes).unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert_eq!(
        error.to_string(),
        "Hanya Bappeda yang mengimpor laporan OPD; basis data ini dipakai oleh OPD DINSOS."
    );
}

/// A signed report whose evidence link is not a web address (a local program,
/// a network share, a Windows scheme) is refused before anything is written,
/// so Bappeda's "Buka" and the open data never get it.
#[test]
fn a_report_with_a_link_that_is_not_a_web_address_is_refused() {
    let mut bappeda = bappeda();
    let office = opd("DINKES");
    let before = data_of(&bappeda, "DINKES");
    let milestone_id = before.milestones[0].id.clone();
    for url in [
        "file:///usr/bin/xterm",
        "\\\\server\\share\\run.exe",
        "ms-settings:privacy",
        "http:///etc/passwd",
        "javascript:alert(1)",
    ] {
        let mut crafted = snapshot_of(&office, "DINKES", 1);
        crafted
            .data
            .evidence
            .push(renaksi_core::report::snapshot::EvidenceRow {
                id: "0190a000-0000-7000-8000-00000000bad1".into(),
                milestone_id: Some(milestone_id.clone()),
                indicator_id: None,
                year: None,
                quarter: None,
                kind: "link".into(),
                title: "Bukti".into(),
                file_name: None,
                sha256: None,
                url: Some(url.into()),
            });
        snapshot::sort(&mut crafted.data);
        let error = import(
            &mut bappeda,
            workbook_bytes(&crafted, &key(1), Paper::A4).unwrap(),
        )
        .unwrap_err();
        assert!(
            error.to_string().contains("bukan tautan web"),
            "{url}: {error}"
        );
    }
    assert_eq!(data_of(&bappeda, "DINKES"), before);

    // A link stored before this rule existed is not handed to the opener either.
    let mut office = office;
    let opd_id = snapshot_of(&office, "DINKES", 1).meta.opd_id;
    office
        .write(|tx| {
            tx.execute(
                "INSERT INTO evidence (id, opd_id, milestone_id, kind, title, url, created_at)
                 VALUES ('lama', ?1, ?2, 'link', 'Lama', 'file:///usr/bin/xterm', '2019-01-01T00:00:00Z')",
                [&opd_id, &milestone_id],
            )?;
            Ok(())
        })
        .unwrap();
    let refused =
        renaksi_core::editing::evidence::opening(&office, std::path::Path::new("."), "lama")
            .unwrap_err();
    assert_eq!(refused.field(), Some("url"), "{refused}");
}

/// The link rule of the editor is the one rule: only web addresses are kept
/// or opened.
#[test]
fn only_web_addresses_are_links() {
    use renaksi_core::editing::evidence::web_link;
    for good in [
        "https://wonosobokab.go.id/ppid",
        "http://ppid.wonosobokab.go.id/a?b=c",
    ] {
        assert_eq!(web_link(good), Some(good));
    }
    for bad in [
        "file:///C:/Windows/system32/calc.exe",
        "\\\\server\\share",
        "ms-settings:",
        "https:///etc/passwd",
        "https://host/with space",
        "https://host/\u{0007}bell",
        "ftp://host/file",
    ] {
        assert_eq!(web_link(bad), None, "{bad}");
    }
}
