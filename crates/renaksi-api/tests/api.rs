//! The operations as a user meets them, without a window: real databases in
//! temporary folders, the requests as a shell receives them (JSON from the
//! window, words from the command line), and what the user would notice.

use std::path::{Path, PathBuf};

use renaksi_api::cocreation::ExportBeritaAcara;
use renaksi_api::consolidation::ExportRekap;
use renaksi_api::exchange::{self, ImportBatch, ImportEvent};
use renaksi_api::report::{self, ExportReport};
use renaksi_api::setup::{self, FirstStart, InitFromPackage, RoleKind, StartChoice};
use renaksi_api::{backups, Paper, Store};
use renaksi_api::{structure, workspace};
use renaksi_core::backups::{BackupInfo, Kind};
use renaksi_core::editing::evidence::{EvidenceTarget, LinkInput};
use renaksi_core::period::PeriodRef;
use renaksi_core::planning::structure::actions::ActionInput;
use renaksi_core::planning::structure::themes::ThemeInput;
use renaksi_core::planning::structure::StructureEntity;
use renaksi_core::report::import::Decisions;
use serde_json::json;

const BAD_PAPER: &str = "Ukuran kertas \"b5\" tidak dikenal; pilih a4 atau f4.";

/// A demo database in its own folder (its own signing key): Bappeda's, or
/// with `opd` that OPD's.
fn demo(root: &Path, name: &str, opd: Option<&str>) -> PathBuf {
    let folder = root.join(name);
    std::fs::create_dir_all(&folder).unwrap();
    let db = folder.join("renaksi.db");
    setup::create_demo(&db, opd).unwrap();
    db
}

fn files_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn before_import(db: &Path) -> Vec<BackupInfo> {
    backups::list(db)
        .unwrap()
        .into_iter()
        .filter(|b| b.kind == Kind::BeforeImport)
        .collect()
}

#[test]
fn a_bad_paper_is_refused_with_its_message_wherever_it_comes_from() {
    let from_window = serde_json::from_value::<ExportReport>(json!({
        "period": {"year": 2019, "quarter": 1},
        "paper": "b5",
        "out": "laporan.xlsx",
    }))
    .unwrap_err();
    assert!(from_window.to_string().contains(BAD_PAPER), "{from_window}");
    for request in [
        json!({"period": {"year": 2019, "quarter": 1}, "paper": "b5", "out": "rekap.xlsx"}),
        json!({"period": {"year": 2019, "quarter": 1}, "paper": "", "out": "rekap.xlsx"}),
    ] {
        let refused = serde_json::from_value::<ExportRekap>(request).unwrap_err();
        assert!(
            refused
                .to_string()
                .contains("tidak dikenal; pilih a4 atau f4"),
            "{refused}"
        );
    }
    let refused = serde_json::from_value::<ExportBeritaAcara>(
        json!({"sessionId": "x", "paper": "letter", "out": "ba.xlsx"}),
    )
    .unwrap_err();
    assert!(
        refused.to_string().contains("pilih a4 atau f4"),
        "{refused}"
    );

    let from_command_line = "b5".parse::<Paper>().unwrap_err();
    assert_eq!(from_command_line.to_string(), BAD_PAPER);
    assert_eq!(from_command_line.code(), "invalid");
    assert_eq!(from_command_line.field(), Some("paper"));

    assert_eq!("F4".parse::<Paper>().unwrap(), Paper::F4);
    let f4: Paper = serde_json::from_value(json!("f4")).unwrap();
    assert_eq!(f4, Paper::F4);
    assert_eq!(serde_json::to_value(Paper::A4).unwrap(), json!("a4"));
}

#[test]
fn a_bad_paper_writes_nothing_and_a_good_one_writes_the_report() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "dinkes", Some("DINKES"));
    let folder = db.parent().unwrap().to_path_buf();
    let out = folder.join("laporan.xlsx");
    let before = files_in(&folder);

    // The shell parses the request first; a bad paper stops it there.
    let request = serde_json::from_value::<ExportReport>(json!({
        "period": {"year": 2019, "quarter": 1},
        "paper": "b5",
        "out": out,
    }));
    assert!(request.is_err());
    assert_eq!(files_in(&folder), before, "nothing was written");

    let mut store = Store::open(&db).unwrap();
    let suggested = report::suggested_file_name(&store, PeriodRef::new(2019, 1).unwrap()).unwrap();
    assert_eq!(suggested, "laporan-dinkes-2019-tw1.xlsx");
    let request: ExportReport = serde_json::from_value(json!({
        "period": {"year": 2019, "quarter": 1},
        "paper": "f4",
        "out": out,
    }))
    .unwrap();
    let done = report::export(&mut store, &folder, &request).unwrap();
    assert_eq!(done.opd_code, "DINKES");
    assert_eq!(done.sequence, 1);
    assert!(out.is_file());
    let check = report::check(&out).unwrap();
    assert!(check.problems.is_empty(), "{:?}", check.problems);
}

/// Three OPD reports of 2019-TW1 and a file that is not a report, and the
/// keys Bappeda's clerk confirms for them: each OPD's fingerprint as its
/// report screen shows it (`report::own_key`) and its clerk reads it out.
fn reports(root: &Path) -> (Vec<PathBuf>, Decisions) {
    let mut files = Vec::new();
    let mut accepted = Vec::new();
    for code in ["DINKES", "DINSOS", "DUKCAPIL"] {
        let db = demo(root, code, Some(code));
        let folder = db.parent().unwrap().to_path_buf();
        let out = root.join(format!("laporan-{code}.xlsx"));
        let request = ExportReport {
            period: PeriodRef::new(2019, 1).unwrap(),
            paper: Paper::A4,
            out: out.clone(),
            with_evidence: false,
        };
        report::export(&mut Store::open(&db).unwrap(), &folder, &request).unwrap();
        files.push(out);
        let read_out = report::own_key(&Store::open(&db).unwrap(), &folder)
            .unwrap()
            .unwrap();
        accepted.push(format!("{code}={}", read_out.words));
    }
    let junk = root.join("bukan-laporan.xlsx");
    std::fs::write(&junk, "ini surat, bukan buku kerja").unwrap();
    files.insert(1, junk);
    (files, Decisions::parse_all(&accepted).unwrap())
}

#[test]
fn an_import_batch_of_many_files_takes_exactly_one_backup_before_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let (files, confirmed) = reports(dir.path());
    let db = demo(dir.path(), "bappeda", None);
    let mut store = Store::open(&db).unwrap();
    let received_before = exchange::received(&store).unwrap().len();

    let mut events = Vec::new();
    let done = exchange::import_files(&mut store, &files, &confirmed, |event| {
        events.push(match event {
            ImportEvent::BackedUp(_) => "backup".to_string(),
            ImportEvent::Imported { imported, .. } => format!("imported {}", imported.opd_code),
            ImportEvent::Bundle { bundle, .. } => format!("bundle {}", bundle.received),
            ImportEvent::Rejected { file, .. } => {
                format!("rejected {}", file.file_name().unwrap().to_string_lossy())
            }
        })
    })
    .unwrap();
    assert_eq!(done.files, 4);
    assert_eq!(done.rejected, 1);
    assert_eq!(
        events,
        [
            "backup",
            "imported DINKES",
            "rejected bukan-laporan.xlsx",
            "imported DINSOS",
            "imported DUKCAPIL",
        ]
    );
    let taken = before_import(&db);
    assert_eq!(taken.len(), 1, "one backup for the batch");
    assert_eq!(
        taken[0].reports as usize, received_before,
        "taken before any file was applied"
    );

    // The window imports a batch one file at a time: still one backup.
    let mut batch = ImportBatch::new();
    for file in &files {
        let _ = batch.import_file(&mut store, file, &Decisions::default());
    }
    assert_eq!(before_import(&db).len(), 2, "one more for the second batch");
}

/// The OPD's report screen shows its key's fingerprint; showing it makes no
/// key, and it is the key its reports are signed with.
#[test]
fn the_own_key_is_none_until_made_then_the_words_its_reports_carry() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "dinkes", Some("DINKES"));
    let folder = db.parent().unwrap().to_path_buf();
    let key_file = renaksi_core::workbook::signature::key_path(&folder);
    assert_eq!(
        report::own_key(&Store::open(&db).unwrap(), &folder).unwrap(),
        None
    );
    assert!(!key_file.exists(), "showing the key made none");

    let out = dir.path().join("laporan.xlsx");
    let request = ExportReport {
        period: PeriodRef::new(2019, 1).unwrap(),
        paper: Paper::A4,
        out: out.clone(),
        with_evidence: false,
    };
    report::export(&mut Store::open(&db).unwrap(), &folder, &request).unwrap();
    let own = report::own_key(&Store::open(&db).unwrap(), &folder)
        .unwrap()
        .unwrap();
    assert_eq!(own.words.split(' ').count(), 8);

    // Bappeda's import asks about the very key the OPD's screen shows.
    let bappeda = demo(dir.path(), "bappeda", None);
    let mut store = Store::open(&bappeda).unwrap();
    let refused = ImportBatch::new()
        .import_file(&mut store, &out, &Decisions::default())
        .unwrap_err();
    match refused {
        renaksi_core::Error::KeyUnconfirmed(key) => {
            assert_eq!(
                (key.words.as_str(), key.fingerprint.as_str()),
                (own.words.as_str(), own.fingerprint.as_str())
            );
        }
        other => panic!("{other}"),
    }
}

/// `--accept-new-key` texts: a malformed one or one naming no OPD refuses
/// them all, with a message, before any file is read.
#[test]
fn key_decisions_refuse_a_malformed_or_unknown_confirmation() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&demo(dir.path(), "bappeda", None)).unwrap();
    let words = "apel bambu cicak dadu ekor gajah hujan ikan";
    let ok = exchange::key_decisions(&store, &[format!("dinkes={words}")]).unwrap();
    assert_eq!(ok.accepted_keys[0].opd_code, "DINKES");
    let malformed = exchange::key_decisions(&store, &["DINKES".into()]).unwrap_err();
    assert_eq!(malformed.code(), "invalid");
    assert!(
        malformed.to_string().contains("KODE=SIDIK_JARI"),
        "{malformed}"
    );
    let unknown = exchange::key_decisions(&store, &[format!("DINKEZ={words}")]).unwrap_err();
    assert_eq!(unknown.code(), "unknown_opd");
    assert!(unknown.to_string().contains("DINKES"), "{unknown}");
}

#[test]
fn init_refuses_an_unknown_opd_with_its_message_before_a_database_appears() {
    let dir = tempfile::tempdir().unwrap();
    let bappeda = demo(dir.path(), "bappeda", None);
    let package = dir.path().join("paket.xlsx");
    let store = Store::open(&bappeda).unwrap();
    exchange::export_package(&store, bappeda.parent().unwrap(), &package).unwrap();

    let office = dir.path().join("office");
    std::fs::create_dir_all(&office).unwrap();
    let db = office.join("renaksi.db");
    let refused = setup::init(
        &db,
        &InitFromPackage {
            package: package.clone(),
            opd: "DINKEZ".into(),
            user: "Operator OPD".into(),
        },
    )
    .unwrap_err();
    assert_eq!(refused.code(), "unknown_opd");
    let message = refused.to_string();
    assert!(
        message.starts_with("OPD dengan kode DINKEZ tidak ada. Kode yang tersedia: ")
            && message.contains("DINKES"),
        "{message}"
    );
    assert!(files_in(&office).is_empty(), "no database file appeared");

    let applied = setup::init(
        &db,
        &InitFromPackage {
            package,
            opd: "dinkes".into(),
            user: "Operator OPD".into(),
        },
    )
    .unwrap();
    assert!(applied.started);
    let status = setup::status(&Store::open(&db).unwrap(), &db).unwrap();
    assert_eq!(status.profile.unwrap().opd_code.as_deref(), Some("DINKES"));
    // What the window offers comes with the status, from the core.
    let abilities = status.abilities.unwrap();
    assert!(abilities.export_report && abilities.take_package);
    assert!(!abilities.export_rekap && !abilities.write_review_notes && !abilities.import_reports);
}

#[test]
fn a_first_start_is_parsed_once_and_refused_with_the_field_it_belongs_to() {
    let refused = serde_json::from_value::<FirstStart>(json!({
        "choice": "kosong", "role": "bappeda", "opdCode": null, "userName": "Sri"
    }))
    .unwrap_err();
    assert!(refused.to_string().contains("Pilihan awal tidak dikenal."));
    let refused = serde_json::from_value::<FirstStart>(json!({
        "choice": "empty", "role": "camat", "opdCode": null, "userName": "Sri"
    }))
    .unwrap_err();
    assert!(refused
        .to_string()
        .contains("Pilih Bappeda atau salah satu OPD."));

    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("renaksi.db");
    let mut store = Store::open(&db).unwrap();
    let start = |json| serde_json::from_value::<FirstStart>(json).unwrap();
    let refused = setup::first_start(
        &mut store,
        &start(json!({"choice": "empty", "role": "opd", "opdCode": "DINKES", "userName": "Sri"})),
        None,
    )
    .unwrap_err();
    assert_eq!(refused.field(), Some("role"));
    let refused = setup::first_start(
        &mut store,
        &start(json!({"choice": "package", "role": "opd", "opdCode": "DINKES", "userName": "Sri"})),
        None,
    )
    .unwrap_err();
    assert_eq!(refused.field(), Some("package"));
    let before = setup::status(&store, &db).unwrap();
    assert!(before.needs_setup);
    assert_eq!(before.abilities, None, "no profile, no abilities");
    assert_eq!(
        serde_json::to_value(&before).unwrap()["abilities"],
        serde_json::Value::Null
    );

    setup::first_start(
        &mut store,
        &start(json!({"choice": "empty", "role": "bappeda", "opdCode": null, "userName": "Sri"})),
        None,
    )
    .unwrap();
    let status = setup::status(&store, &db).unwrap();
    assert!(!status.needs_setup);
    let profile = status.profile.clone().unwrap();
    assert_eq!(profile.role, RoleKind::Bappeda);
    assert_eq!(
        serde_json::to_value(&profile).unwrap()["role"],
        json!("bappeda")
    );
    assert_eq!(
        status.abilities,
        Some(renaksi_core::access::Abilities::of(
            &renaksi_core::profile::Role::Bappeda
        ))
    );
    assert!(status.abilities.unwrap().export_rekap);
}

#[test]
fn a_bad_choice_or_role_word_is_invalid_next_to_its_field() {
    let choice = "kosong".parse::<StartChoice>().unwrap_err();
    assert_eq!((choice.code(), choice.field()), ("invalid", Some("choice")));
    let role = "camat".parse::<RoleKind>().unwrap_err();
    assert_eq!((role.code(), role.field()), ("invalid", Some("role")));
    assert_eq!(role.to_string(), "Pilih Bappeda atau salah satu OPD.");
    let paper = "b5".parse::<Paper>().unwrap_err();
    assert_eq!((paper.code(), paper.field()), ("invalid", Some("paper")));
}

#[test]
fn bappeda_edits_the_structure_as_the_window_sends_it_and_undoes_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "bappeda", None);
    let mut store = Store::open(&db).unwrap();
    let before = structure::structure(&store).unwrap();
    assert!(before.can_edit);
    let dinkes = &before.opds.iter().find(|o| o.code == "DINKES").unwrap().id;

    let theme: ThemeInput = serde_json::from_value(json!({
        "id": null, "name": "Data Terbuka", "description": ""
    }))
    .unwrap();
    let added = structure::save_theme(&mut store, &theme).unwrap();
    let theme_id = added.structure.unwrap().themes.last().unwrap().id.clone();
    let action: ActionInput = serde_json::from_value(json!({
        "id": null, "themeId": theme_id, "code": "RA-09", "title": "Portal data",
        "leadOpdId": dinkes, "supportingOpdIds": [], "startDate": "2019-01-01",
        "endDate": null, "problem": "", "description": "", "contribution": "",
        "ogpValues": ["transparansi"], "csoPartners": ""
    }))
    .unwrap();
    // The demo plan is final: the OGP values are the lead OPD's to write.
    assert_eq!(
        structure::save_action(&mut store, &action)
            .unwrap_err()
            .code(),
        "forbidden"
    );
    let action = ActionInput {
        ogp_values: vec![],
        ..action
    };
    let saved = structure::save_action(&mut store, &action).unwrap();
    let now = saved.structure.unwrap();
    let ra09 = now.actions.iter().find(|a| a.code == "RA-09").unwrap();
    assert!(!ra09.in_use && ra09.archived.is_none());

    // Archived by the window's word, with a reason; undone at once.
    let entity: StructureEntity = serde_json::from_value(json!("action")).unwrap();
    let archived = structure::archive(&mut store, entity, &ra09.id, "Digabung").unwrap();
    let reason = archived
        .structure
        .as_ref()
        .unwrap()
        .actions
        .iter()
        .find(|a| a.code == "RA-09")
        .unwrap()
        .archived
        .clone()
        .unwrap()
        .reason;
    assert_eq!(reason, "Digabung");
    let back = structure::undo(&mut store, &archived.undo).unwrap();
    assert!(back
        .actions
        .iter()
        .any(|a| a.code == "RA-09" && a.archived.is_none()));

    // A word the window should never send is refused next to its field.
    let error = "plan".parse::<StructureEntity>().unwrap_err();
    assert_eq!((error.code(), error.field()), ("invalid", Some("entity")));
    structure::delete(&mut store, StructureEntity::Action, &ra09.id).unwrap();
    structure::delete(&mut store, StructureEntity::Theme, &theme_id).unwrap();
    assert_eq!(structure::structure(&store).unwrap(), before);
}

#[test]
fn a_committed_change_can_be_undone_even_when_reading_the_action_back_fails() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "dinkes", Some("DINKES"));
    let mut store = Store::open(&db).unwrap();
    let (milestone_id, action_id): (String, String) = store
        .conn()
        .query_row(
            "SELECT m.id, m.action_id FROM milestones m JOIN opds o ON o.id = m.opd_id
             WHERE o.code = 'DINKES' ORDER BY m.id LIMIT 1",
            [],
            |row| Ok((row.get(0)?, row.get(1)?)),
        )
        .unwrap();
    let evidence = |store: &Store| -> i64 {
        store
            .conn()
            .query_row(
                "SELECT COUNT(*) FROM evidence WHERE milestone_id = ?1",
                [&milestone_id],
                |row| row.get(0),
            )
            .unwrap()
    };
    let before = evidence(&store);
    let input = LinkInput {
        target: EvidenceTarget {
            milestone_id: Some(milestone_id.clone()),
            indicator_id: None,
            year: None,
            quarter: None,
        },
        title: "Notulen rapat".into(),
        url: "https://example.org/notulen".into(),
    };

    // The link is saved; the action it is read back for does not exist.
    let changed = workspace::add_evidence_link(&mut store, &input, "tidak-ada", None).unwrap();
    assert_eq!(changed.detail.unwrap_err().code(), "not_found");
    assert_eq!(evidence(&store), before + 1, "the change is committed");

    // What undoes it came back all the same.
    workspace::undo(&mut store, &changed.undo, &action_id, None).unwrap();
    assert_eq!(evidence(&store), before);
}

#[test]
fn an_opd_previews_a_newer_package_without_writing_then_takes_it_after_a_backup() {
    let dir = tempfile::tempdir().unwrap();
    let bappeda = demo(dir.path(), "bappeda", None);
    let first = dir.path().join("paket-1.xlsx");
    let second = dir.path().join("paket-2.xlsx");
    {
        let mut store = Store::open(&bappeda).unwrap();
        exchange::export_package(&store, bappeda.parent().unwrap(), &first).unwrap();
        store
            .write(|tx| {
                tx.execute("UPDATE plans SET version = 2", [])?;
                Ok(())
            })
            .unwrap();
        exchange::export_package(&store, bappeda.parent().unwrap(), &second).unwrap();
    }
    let office = dir.path().join("office");
    std::fs::create_dir_all(&office).unwrap();
    let db = office.join("renaksi.db");
    setup::init(
        &db,
        &InitFromPackage {
            package: first,
            opd: "DINKES".into(),
            user: "Operator OPD".into(),
        },
    )
    .unwrap();

    let mut store = Store::open(&db).unwrap();
    let changes = exchange::preview_package(&store, &second).unwrap();
    assert_eq!((changes.version_from, changes.version_to), (Some(1), 2));
    assert!(before_import(&db).is_empty(), "a preview writes nothing");
    let applied = exchange::take_package(&mut store, &second).unwrap();
    assert_eq!(applied.version, 2);
    assert_eq!(before_import(&db).len(), 1, "backed up first");

    // Bappeda cannot take a package.
    let mut bappeda_store = Store::open(&bappeda).unwrap();
    let refused = exchange::take_package(&mut bappeda_store, &second).unwrap_err();
    assert!(refused.to_string().contains("Hanya OPD"), "{refused}");
}

#[test]
fn the_plan_template_names_its_file_refuses_an_opd_before_the_dialog_and_backs_up_before_changing()
{
    let root = tempfile::tempdir().unwrap();
    let bappeda = demo(root.path(), "bappeda", None);
    let store = Store::open(&bappeda).unwrap();
    assert_eq!(
        renaksi_api::template::suggested_file_name(&store).unwrap(),
        "template-rencana-aksi-wonosobo-2018-2019.xlsx"
    );
    let template = root.path().join("template.xlsx");
    renaksi_api::template::export(&store, &template).unwrap();

    let dinkes = demo(root.path(), "dinkes", Some("DINKES"));
    let opd = Store::open(&dinkes).unwrap();
    let refused = renaksi_api::template::suggested_file_name(&opd).unwrap_err();
    assert_eq!(refused.code(), "forbidden");

    // Into a new database: started at Bappeda, the plan created, one backup
    // taken only once there is something to back up.
    let fresh = root.path().join("baru").join("renaksi.db");
    std::fs::create_dir_all(fresh.parent().unwrap()).unwrap();
    let mut store = renaksi_api::template::open_or_start_bappeda(&fresh, "Admin Bappeda").unwrap();
    let imported = renaksi_api::template::import(&mut store, &template).unwrap();
    assert!(imported.preview.creates_plan);
    assert!(imported.undo.is_some());
    assert_eq!(before_import(&fresh).len(), 1);
    let again = renaksi_api::template::import(&mut store, &template).unwrap();
    assert!(again.undo.is_none());
    assert_eq!(before_import(&fresh).len(), 1, "no change, no backup");
}

/// The batch's backup before an import cannot be written (the backups folder
/// cannot be made: a file has its name): the import is refused and changes
/// nothing, and the batch still needs its backup, which the next import takes
/// before it applies anything.
#[test]
fn an_import_whose_backup_fails_is_refused_and_the_batch_still_needs_its_backup() {
    let dir = tempfile::tempdir().unwrap();
    let (files, decisions) = reports(dir.path());
    let db = demo(dir.path(), "bappeda", None);
    let mut store = Store::open(&db).unwrap();
    let received_before = exchange::received(&store).unwrap().len();
    let backups_dir = db.parent().unwrap().join("backups");
    assert!(!backups_dir.exists());
    std::fs::write(&backups_dir, "bukan folder").unwrap();

    let mut batch = ImportBatch::new();
    let refused = batch
        .import_file(&mut store, &files[0], &decisions)
        .unwrap_err();
    assert_eq!(refused.code(), "io", "{refused}");
    assert_eq!(exchange::received(&store).unwrap().len(), received_before);
    // The CLI's batch stops before its first file too.
    let mut events = 0;
    assert!(exchange::import_files(&mut store, &files, &decisions, |_| events += 1).is_err());
    assert_eq!(events, 0);
    assert_eq!(exchange::received(&store).unwrap().len(), received_before);

    std::fs::remove_file(&backups_dir).unwrap();
    let imported = batch
        .import_file(&mut store, &files[0], &decisions)
        .unwrap();
    assert_eq!(imported.opd_code, "DINKES");
    let taken = before_import(&db);
    assert_eq!(taken.len(), 1, "the batch took its backup at last");
    assert_eq!(
        taken[0].reports as usize, received_before,
        "before the file"
    );
}

/// A database that is already set up is not set up again: the first start is
/// refused with a message and the profile stays as it was.
#[test]
fn a_first_start_on_a_database_already_set_up_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let start = |json| serde_json::from_value::<FirstStart>(json).unwrap();
    for (name, opd) in [("bappeda", None), ("dinkes", Some("DINKES"))] {
        let db = demo(dir.path(), name, opd);
        let mut store = Store::open(&db).unwrap();
        let before = setup::status(&store, &db).unwrap().profile.unwrap();
        for request in [
            json!({"choice": "empty", "role": "bappeda", "opdCode": null, "userName": "Penyusup"}),
            json!({"choice": "demo", "role": "opd", "opdCode": "DINSOS", "userName": "Penyusup"}),
        ] {
            let refused = setup::first_start(&mut store, &start(request), None).unwrap_err();
            assert_eq!(refused.code(), "invalid");
            assert!(refused.to_string().contains("sudah disiapkan"), "{refused}");
            assert_eq!(setup::status(&store, &db).unwrap().profile.unwrap(), before);
        }
    }
}

/// The report screen shows the key the export signs with: the database's,
/// even while `kunci/` holds another (one source, `keys::current_fingerprint`).
#[test]
fn the_own_key_is_the_databases_key_the_export_signs_with() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "dinkes", Some("DINKES"));
    let folder = db.parent().unwrap().to_path_buf();
    let request = |name: &str| ExportReport {
        period: PeriodRef::new(2019, 1).unwrap(),
        paper: Paper::A4,
        out: dir.path().join(name),
        with_evidence: false,
    };
    report::export(&mut Store::open(&db).unwrap(), &folder, &request("1.xlsx")).unwrap();
    let other = renaksi_core::workbook::signature::generate().unwrap();
    renaksi_core::workbook::signature::save(&folder, &other).unwrap();

    let store = Store::open(&db).unwrap();
    let own = report::own_key(&store, &folder).unwrap().unwrap();
    assert_eq!(
        Some(own.words.clone()),
        renaksi_core::keys::current_fingerprint(store.conn(), &folder).unwrap()
    );
    drop(store);
    let done = report::export(&mut Store::open(&db).unwrap(), &folder, &request("2.xlsx")).unwrap();
    assert_eq!(done.key_fingerprint, own.fingerprint, "the key shown signs");
}

/// A restore whose data was replaced is a success even when the key step
/// after it fails: the failure comes back as a warning with it.
#[test]
fn a_restore_whose_key_step_fails_after_the_data_was_replaced_succeeds_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "dinkes", Some("DINKES"));
    let folder = db.parent().unwrap().to_path_buf();
    let request = ExportReport {
        period: PeriodRef::new(2019, 1).unwrap(),
        paper: Paper::A4,
        out: dir.path().join("1.xlsx"),
        with_evidence: false,
    };
    let store = &mut Store::open(&db).unwrap();
    report::export(store, &folder, &request).unwrap();
    let secret: String = store
        .conn()
        .query_row("SELECT secret_hex FROM installation_key", [], |r| r.get(0))
        .unwrap();
    // A backup whose key row is damaged (the live database is sound again).
    let set = |store: &Store, secret: &str| {
        store
            .conn()
            .execute("UPDATE installation_key SET secret_hex = ?1", [secret])
            .unwrap()
    };
    set(store, &"z".repeat(64));
    let taken = backups::back_up_now(store).unwrap();
    set(store, &secret);

    let restored = backups::restore_file(&db, Path::new(&taken.path)).unwrap();
    let backups::Restored::Replaced(info, keys) = restored else {
        panic!("the data was replaced");
    };
    assert_eq!(info.file_name, taken.file_name);
    assert_eq!(keys.replaced_key, None);
    let warning = keys.key_warning.expect("the key step's failure is told");
    assert!(warning.contains("Data sudah dipulihkan"), "{warning}");
    assert!(warning.contains("rusak"), "{warning}");
}

/// An OPD makes a new key (`renew_key`): a backup holds it at once.
#[test]
fn an_opds_new_key_is_backed_up_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "dinkes", Some("DINKES"));
    let mut store = Store::open(&db).unwrap();
    assert!(backups::key_status(&store, &db).unwrap().can_renew);
    let renewed = backups::renew_key(&mut store, &db).unwrap();
    let newest = &backups::list(&db).unwrap()[0];
    assert_eq!(
        newest.key_fingerprint.as_deref(),
        Some(renewed.new_fingerprint.as_str())
    );
    assert_eq!(
        backups::key_status(&store, &db).unwrap().fingerprint,
        Some(renewed.new_fingerprint)
    );
}

/// The OPD's calendar counts from the day the shell gives, and its history
/// lists the export just made (no feedback yet: no news of it).
#[test]
fn an_exported_report_moves_the_calendar_on_and_enters_the_history() {
    use renaksi_core::calendar::history::BappedaStatus;
    use renaksi_core::dates::NaiveDate;
    let dir = tempfile::tempdir().unwrap();
    let db = demo(dir.path(), "dinkes", Some("DINKES"));
    let folder = db.parent().unwrap().to_path_buf();
    let mut store = Store::open(&db).unwrap();
    let day = NaiveDate::from_ymd_opt(2019, 5, 1).unwrap();

    let before = report::calendar(&store, day).unwrap();
    let next = before.next.unwrap();
    assert_eq!((next.quarter, next.days_left, next.overdue), (1, -16, true));
    assert!(report::history(&store).unwrap().exports.is_empty());

    let request: ExportReport = serde_json::from_value(json!({
        "period": {"year": 2019, "quarter": 1},
        "paper": "a4",
        "out": folder.join("laporan.xlsx"),
    }))
    .unwrap();
    let done = report::export(&mut store, &folder, &request).unwrap();
    let after = report::calendar(&store, day).unwrap();
    let next = after.next.unwrap();
    assert_eq!((next.quarter, next.days_left, next.overdue), (2, 75, false));
    let history = report::history(&store).unwrap();
    assert_eq!(history.exports.len(), 1);
    assert_eq!(history.exports[0].sequence, done.sequence);
    assert_eq!(history.exports[0].status, BappedaStatus::NoNews);
    assert_eq!(
        history.exports[0].key_words,
        report::own_key(&store, &folder).unwrap().unwrap().words
    );

    let bappeda = demo(dir.path(), "bappeda", None);
    let error = report::calendar(&Store::open(&bappeda).unwrap(), day).unwrap_err();
    assert_eq!(error.code(), "forbidden");
}

/// The self-assessment as the window sends it (JSON, words read through their
/// parser), undone as the window's "Urungkan" does, and the site and open data
/// the publishing screen asks for.
#[test]
fn the_self_assessment_from_the_window_then_the_site_and_the_open_data() {
    use renaksi_api::{assessment, opendata, publish};
    use renaksi_core::self_assessment::{AssessmentForm, Completion};

    let root = tempfile::tempdir().unwrap();
    let db = demo(root.path(), "bappeda", None);
    let mut store = Store::open(&db).unwrap();
    let list = assessment::get(&store).unwrap();
    assert!(list.can_edit);
    let ra01 = list.actions.iter().find(|a| a.code == "RA-01").unwrap();

    let bad: Result<AssessmentForm, _> = serde_json::from_value(json!({
        "actionId": ra01.action_id, "completion": "hampir", "openedGovernment": "besar",
        "explanation": "x", "evidenceLinks": []
    }));
    assert!(bad
        .unwrap_err()
        .to_string()
        .contains("\"hampir\" tidak dikenal"));
    let form: AssessmentForm = serde_json::from_value(json!({
        "actionId": ra01.action_id, "completion": "substansial", "openedGovernment": "besar",
        "explanation": "Data kepesertaan terbuka.", "evidenceLinks": ["https://wonosobokab.go.id/jkn", ""]
    }))
    .unwrap();
    let changed = assessment::set(&mut store, &form).unwrap();
    let list = changed.list.unwrap();
    assert_eq!(list.assessed_count, 1);
    let recorded = list.actions.iter().find(|a| a.code == "RA-01").unwrap();
    assert_eq!(
        recorded.assessment.as_ref().unwrap().completion,
        Completion::Substantial
    );
    let shown = serde_json::to_value(recorded).unwrap();
    assert_eq!(shown["assessment"]["openedGovernment"], "besar");
    assert_eq!(shown["leadOpd"]["code"], "DINKES");
    let undone = assessment::undo(&mut store, &changed.undo).unwrap();
    assert_eq!(undone.assessed_count, 0);
    assessment::set(&mut store, &form).unwrap();

    let summary = opendata::summary(&store).unwrap();
    let assessed = summary
        .tables
        .iter()
        .find(|t| t.file == "penilaian_mandiri.csv")
        .unwrap();
    assert_eq!(assessed.rows, 1);
    assert!(!assessed.columns.iter().any(|c| c.contains("oleh")));
    assert_eq!(
        summary.other_files,
        ["rencana-aksi.json", "datapackage.json"]
    );

    assert_eq!(
        publish::suggested_folder_name(&store).unwrap(),
        "situs-rencana-aksi-2018-2019"
    );
    let site = root.path().join("situs");
    let written = publish::site(&store, &site).unwrap();
    assert_eq!(written.index, site.join("index.html").display().to_string());
    assert!(site.join("index.html").is_file());
    assert_eq!(written.pages, 2 * (4 + 8));
    let exported = assessment::export(
        &store,
        &assessment::ExportAssessment {
            paper: Paper::A4,
            out: root.path().join("penilaian.xlsx"),
        },
    )
    .unwrap();
    assert_eq!((exported.assessed, exported.actions), (1, 8));
}

/// The folder dialog's answer: an empty folder (or an earlier output) is used
/// as it is, any other folder gets a new one named after the plan's years;
/// and the overview the Terbitkan screen shows before writing anything.
#[test]
fn a_picked_folder_takes_the_site_and_the_open_data_or_gets_a_named_folder_inside() {
    use renaksi_api::{opendata, publish};

    let root = tempfile::tempdir().unwrap();
    let db = demo(root.path(), "bappeda", None);
    let store = Store::open(&db).unwrap();

    let overview = publish::overview(&store).unwrap();
    assert_eq!((overview.actions, overview.assessed), (8, 0));
    assert_eq!(overview.suggested_folder, "situs-rencana-aksi-2018-2019");
    assert_eq!(overview.data_date.len(), "2019-12-20".len());
    assert!(overview
        .open_data
        .tables
        .iter()
        .any(|t| t.file == "penilaian_mandiri.csv" && t.rows == 0));
    let shown = serde_json::to_value(&overview).unwrap();
    assert!(shown["openData"]["tables"].is_array() && shown["dataDate"].is_string());

    // An empty folder: the site goes right there; again, it replaces itself there.
    let empty = root.path().join("kosong");
    std::fs::create_dir(&empty).unwrap();
    let written = publish::site_in(&store, &empty).unwrap();
    assert_eq!(written.path, empty.display().to_string());
    assert!(empty.join("index.html").is_file());
    assert_eq!(publish::folder_in(&store, &empty).unwrap(), empty);
    publish::site_in(&store, &empty).unwrap();

    // A folder with other things: a new folder inside, the things left alone.
    let documents = root.path().join("Dokumen");
    std::fs::create_dir(&documents).unwrap();
    std::fs::write(documents.join("surat.docx"), b"bukan situs").unwrap();
    let written = publish::site_in(&store, &documents).unwrap();
    let inside = documents.join("situs-rencana-aksi-2018-2019");
    assert_eq!(written.path, inside.display().to_string());
    assert!(inside.join("index.html").is_file());
    assert_eq!(
        std::fs::read(documents.join("surat.docx")).unwrap(),
        b"bukan situs"
    );

    // The open data: the same rule, its descriptor marking an earlier output.
    let data = opendata::write_in(&store, &documents).unwrap();
    let data_dir = documents.join("data-terbuka-2018-2019");
    assert_eq!(data.folder, data_dir.display().to_string());
    assert!(data.files.iter().any(|f| f == "penilaian_mandiri.csv"));
    assert!(data.files.iter().any(|f| f == "datapackage.json"));
    assert!(data_dir.join("rencana_aksi.csv").is_file());
    assert_eq!(opendata::folder_in(&store, &data_dir).unwrap(), data_dir);
    let empty_data = root.path().join("portal");
    assert_eq!(
        opendata::write_in(&store, &empty_data).unwrap().folder,
        empty_data.display().to_string()
    );
}

/// The open data never lands in someone else's package, and never inside a
/// published site (whose pages and sizes go with its own `data/`).
#[test]
fn open_data_keeps_out_of_another_package_and_out_of_a_published_site() {
    use renaksi_api::{opendata, publish};

    let root = tempfile::tempdir().unwrap();
    let db = demo(root.path(), "bappeda", None);
    let store = Store::open(&db).unwrap();

    // The regency's Satu Data folder: another Frictionless package, with a
    // table of the same name as one of Renaksi's.
    let portal = root.path().join("satu-data");
    std::fs::create_dir(&portal).unwrap();
    let theirs = r#"{"name": "satu-data-wonosobo", "resources": [{"path": "opd.csv"}]}"#;
    std::fs::write(portal.join("datapackage.json"), theirs).unwrap();
    std::fs::write(portal.join("opd.csv"), "kode,nama\nX,Milik portal\n").unwrap();
    let written = opendata::write_in(&store, &portal).unwrap();
    let inside = portal.join("data-terbuka-2018-2019");
    assert_eq!(written.folder, inside.display().to_string());
    assert_eq!(
        std::fs::read_to_string(portal.join("datapackage.json")).unwrap(),
        theirs
    );
    assert_eq!(
        std::fs::read_to_string(portal.join("opd.csv")).unwrap(),
        "kode,nama\nX,Milik portal\n"
    );
    assert!(inside.join("opd.csv").is_file());
    // Written again: the same folder, now known by its own descriptor.
    assert_eq!(opendata::folder_in(&store, &portal).unwrap(), inside);
    assert_eq!(opendata::folder_in(&store, &inside).unwrap(), inside);

    // A folder named like Renaksi's but holding another package's files: refused.
    let crowded = root.path().join("arsip");
    std::fs::create_dir_all(crowded.join("data-terbuka-2018-2019")).unwrap();
    std::fs::write(crowded.join("catatan.txt"), "x").unwrap();
    std::fs::write(
        crowded
            .join("data-terbuka-2018-2019")
            .join("datapackage.json"),
        r#"{"name": "arsip-lama"}"#,
    )
    .unwrap();
    let error = opendata::write_in(&store, &crowded).unwrap_err();
    assert_eq!(error.code(), "invalid");
    assert_eq!(
        files_in(&crowded.join("data-terbuka-2018-2019")),
        ["datapackage.json"]
    );

    // A published site, or its data folder: refused, saying to publish it again.
    let site = root.path().join("situs");
    publish::site(&store, &site).unwrap();
    let before = std::fs::read(site.join("data").join("rencana_aksi.csv")).unwrap();
    for picked in [site.clone(), site.join("data")] {
        let error = opendata::write_in(&store, &picked).unwrap_err();
        assert_eq!(error.code(), "invalid");
        assert!(
            error.to_string().contains("Terbitkan ulang situsnya"),
            "{error}"
        );
    }
    assert_eq!(
        std::fs::read(site.join("data").join("rencana_aksi.csv")).unwrap(),
        before
    );
    assert!(!site.join("data").join("data-terbuka-2018-2019").exists());
    // Nor does a site go inside a site.
    let error = publish::site_in(&store, &site.join("aksi")).unwrap_err();
    assert_eq!(error.code(), "invalid");
    assert!(!site
        .join("aksi")
        .join("situs-rencana-aksi-2018-2019")
        .exists());
}

/// Only Bappeda publishes, and only the active plan: an OPD, or Bappeda
/// viewing an earlier plan, is refused before a folder is asked for, and the
/// overview says which plan it is.
#[test]
fn only_bappeda_publishes_and_only_from_the_active_plan() {
    use renaksi_api::{opendata, planning, publish};

    let root = tempfile::tempdir().unwrap();
    let opd = Store::open(&demo(root.path(), "dinkes", Some("DINKES"))).unwrap();
    let out = root.path().join("keluar");
    for error in [
        publish::require_publisher(&opd).unwrap_err(),
        publish::site_in(&opd, &out).unwrap_err(),
        opendata::write_in(&opd, &out).unwrap_err(),
    ] {
        assert_eq!(error.code(), "forbidden", "{error}");
    }
    assert!(!out.exists());

    let mut store = Store::open(&demo(root.path(), "bappeda", None)).unwrap();
    publish::require_publisher(&store).unwrap();
    let overview = publish::overview(&store).unwrap();
    assert_eq!(
        (overview.plan.year_start, overview.plan.year_end),
        (2018, 2019)
    );
    assert!(!overview.read_only);
    let earlier_id = overview.plan.id.clone();
    planning::create(
        &mut store,
        &planning::NewPlan {
            region: "Kabupaten Wonosobo".into(),
            title: "Rencana Aksi Keterbukaan Pemerintah 2020-2021".into(),
            first: PeriodRef::new(2020, 1).unwrap(),
            last: PeriodRef::new(2021, 4).unwrap(),
        },
    )
    .unwrap();
    planning::view(&mut store, &earlier_id).unwrap();
    let overview = publish::overview(&store).unwrap();
    assert!(overview.read_only);
    assert_eq!(overview.plan.year_start, 2018);
    let error = publish::require_publisher(&store).unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert!(error.to_string().contains("2020-2021"), "{error}");
    for error in [
        publish::site_in(&store, &out).unwrap_err(),
        opendata::write_in(&store, &out).unwrap_err(),
    ] {
        assert_eq!(error.code(), "forbidden", "{error}");
    }
    assert!(!out.exists());
}
