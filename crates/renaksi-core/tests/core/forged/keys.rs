//! See `forged/mod.rs`. Someone holding the plan package can start a database
//! for an OPD, sign a report with a key of their own and send it first. No key
//! is trusted without a human comparing its fingerprint with the one the OPD
//! reads out; sequences are compared only among reports of the same key, so a
//! forged first report with a huge sequence cannot lock the real OPD out.

use chrono::NaiveDate;
use ed25519_dalek::SigningKey;
use renaksi_core::demo::{self, DemoView};
use renaksi_core::editing::values::{self, RealisationInput};
use renaksi_core::period::PeriodRef;
use renaksi_core::profile::{Profile, Role};
use renaksi_core::report::export::workbook_bytes;
use renaksi_core::report::import::{import_bytes, AcceptedKey, Decisions, Imported, KeyChange};
use renaksi_core::report::snapshot::{self, ExportInfo, OpdData};
use renaksi_core::report::trust::UnconfirmedKey;
use renaksi_core::store::audit;
use renaksi_core::workbook::key_words::fingerprint_words;
use renaksi_core::workbook::signature::{fingerprint, public_key_text};
use renaksi_core::workbook::Paper;
use renaksi_core::{submissions, Error, Result, Store};

const TW2_2019: PeriodRef = PeriodRef {
    year: 2019,
    quarter: 2,
};

/// The genuine DINKES installation's key, and a forger's.
fn genuine() -> SigningKey {
    SigningKey::from_bytes(&[1; 32])
}

fn forger() -> SigningKey {
    SigningKey::from_bytes(&[66; 32])
}

fn words_of(key: &SigningKey) -> String {
    fingerprint_words(&public_key_text(key))
}

fn bappeda() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    store
}

/// An OPD database as an installation holding the package has it: the
/// genuine office, or a forger's copy for the same OPD.
fn office(code: &str) -> Store {
    let mut store = Store::open_in_memory().unwrap();
    let profile = Profile::new(Role::Opd { code: code.into() }, "Operator").unwrap();
    demo::load_as(&mut store, &DemoView::Opd(code.into()), &profile).unwrap();
    store
}

/// The OPD enters this quarter's realisation for its first indicator.
fn realise(store: &mut Store, code: &str, value: f64, notes: &str) {
    let indicator = data_of(store, code).indicators[0].id.clone();
    values::save_realisation(
        store,
        &RealisationInput {
            indicator_id: indicator,
            year: 2019,
            quarter: 2,
            value: Some(value),
            notes: notes.into(),
            obstacles: String::new(),
            follow_up: String::new(),
        },
    )
    .unwrap();
}

fn report(store: &Store, code: &str, sequence: i64, key: &SigningKey) -> Vec<u8> {
    let info = ExportInfo {
        period: TW2_2019,
        exported_at: "2019-07-10T02:00:00Z".into(),
        sequence,
        sign_place: "Wonosobo".into(),
        sign_date: "10 Juli 2019".into(),
        head_position: "Kepala".into(),
        head_name: "Kepala OPD".into(),
        head_nip: String::new(),
    };
    let snapshot = snapshot::build(store.conn(), code, &info).unwrap();
    workbook_bytes(&snapshot, key, Paper::A4).unwrap()
}

fn data_of(store: &Store, code: &str) -> OpdData {
    let info = ExportInfo {
        period: TW2_2019,
        exported_at: String::new(),
        sequence: 1,
        sign_place: String::new(),
        sign_date: String::new(),
        head_position: String::new(),
        head_name: String::new(),
        head_nip: String::new(),
    };
    snapshot::build(store.conn(), code, &info).unwrap().data
}

/// Bappeda's import of one file with the clerk's decisions (none, or the
/// keys confirmed for the batch).
fn import_report(store: &mut Store, bytes: Vec<u8>, decisions: &Decisions) -> Result<Imported> {
    import_bytes(store, "laporan.xlsx", bytes, decisions)
}

fn confirming(code: &str, fingerprint: String) -> Decisions {
    Decisions::accepting(AcceptedKey {
        opd_code: code.into(),
        fingerprint,
    })
}

fn unconfirmed(error: Error) -> UnconfirmedKey {
    assert_eq!(error.code(), "key_unconfirmed", "{error}");
    match error {
        Error::KeyUnconfirmed(key) => *key,
        other => panic!("not a key question: {other}"),
    }
}

/// Everything a refused import must leave as it was: the OPD's rows, the
/// keys held, the reports received, the audit history.
fn state(store: &Store) -> (OpdData, Vec<(String, Vec<u8>)>, i64, i64) {
    let conn = store.conn();
    let count = |sql: &str| conn.query_row(sql, [], |r| r.get::<_, i64>(0)).unwrap();
    let mut keys = conn
        .prepare("SELECT opd_id, public_key FROM opd_keys ORDER BY opd_id")
        .unwrap();
    let keys = keys
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .unwrap()
        .collect::<rusqlite::Result<_>>()
        .unwrap();
    (
        data_of(store, "DINKES"),
        keys,
        count("SELECT count(*) FROM reports"),
        count("SELECT count(*) FROM audit_log"),
    )
}

fn dinkes_id(store: &Store) -> String {
    renaksi_core::store::opds::by_code(store.conn(), "DINKES")
        .unwrap()
        .unwrap()
        .id
}

#[test]
fn a_first_key_is_refused_until_its_fingerprint_is_confirmed_and_nothing_changes() {
    let mut bappeda = bappeda();
    let mut dinkes = office("DINKES");
    realise(&mut dinkes, "DINKES", 81.5, "Realisasi triwulan II");
    let file = report(&dinkes, "DINKES", 1, &genuine());
    let before = state(&bappeda);

    let key =
        unconfirmed(import_report(&mut bappeda, file.clone(), &Decisions::default()).unwrap_err());
    assert_eq!(key.change, KeyChange::First);
    assert_eq!(
        (key.opd_code.as_str(), key.opd_name.as_str()),
        ("DINKES", "Dinas Kesehatan")
    );
    assert_eq!(key.words, words_of(&genuine()));
    let said = Error::KeyUnconfirmed(Box::new(key.clone())).to_string();
    // The file's own words are never printed: a forger could read them out.
    assert!(!said.contains(&key.words), "{said}");
    assert!(!said.contains(&key.fingerprint), "{said}");
    assert!(
        said.contains("membacakan kedelapan kata sidik jari")
            && said.contains("layar Laporan")
            && said.contains("--accept-new-key DINKES=")
            && said.contains("nomor yang sudah dipegang Bappeda"),
        "{said}"
    );
    // No ready-made confirmation of the file's own key to copy.
    assert!(
        !said.contains(&format!("DINKES=\"{}\"", key.words)),
        "{said}"
    );
    assert_eq!(state(&bappeda), before, "nothing changed");

    // Another key's fingerprint, or the right one for another OPD, is no
    // confirmation of this key.
    for wrong in [
        confirming("DINKES", words_of(&forger())),
        confirming("DINKES", fingerprint(&public_key_text(&forger()))),
        confirming("DINSOS", words_of(&genuine())),
    ] {
        let error = import_report(&mut bappeda, file.clone(), &wrong).unwrap_err();
        assert_eq!(unconfirmed(error).change, KeyChange::First);
        assert_eq!(state(&bappeda), before, "nothing changed");
    }

    // Confirmed by the words the OPD read out (any case), or the hex form.
    let done = import_report(
        &mut bappeda,
        file,
        &confirming("dinkes", key.words.to_uppercase()),
    )
    .unwrap();
    assert!(done.changed);
    assert_eq!(done.key_accepted, Some(KeyChange::First));
    assert_eq!(done.key_words, key.words);
    assert_eq!(data_of(&bappeda, "DINKES"), data_of(&dinkes, "DINKES"));
}

#[test]
fn a_forged_first_report_with_a_huge_sequence_cannot_lock_the_real_opd_out() {
    let mut bappeda = bappeda();
    let clerk = renaksi_core::profile::load(bappeda.conn())
        .unwrap()
        .unwrap()
        .user_name;
    let mut forged_office = office("DINKES");
    realise(&mut forged_office, "DINKES", 1.0, "Data palsu");
    // The highest sequence a report's data sheet carries (below 10^15).
    let huge = 999_999_999_999_998;
    let forged = report(&forged_office, "DINKES", huge, &forger());

    // The worst case: the clerk is fooled (or an earlier version pinned the
    // forger's key silently) and the forged report is taken.
    let taken = import_report(
        &mut bappeda,
        forged,
        &confirming("DINKES", words_of(&forger())),
    )
    .unwrap();
    assert!(taken.changed);

    // The genuine OPD's report, numbered 3 by its own installation, is
    // refused as a changed key (not as "older"), with its fingerprint.
    let mut dinkes = office("DINKES");
    realise(&mut dinkes, "DINKES", 81.5, "Realisasi triwulan II");
    let genuine_report = report(&dinkes, "DINKES", 3, &genuine());
    let before = state(&bappeda);
    let key = unconfirmed(
        import_report(&mut bappeda, genuine_report.clone(), &Decisions::default()).unwrap_err(),
    );
    assert_eq!(key.change, KeyChange::Changed);
    assert_eq!(key.words, words_of(&genuine()));
    assert!(key.held_since.is_some());
    assert_eq!(state(&bappeda), before, "nothing changed");

    // Bappeda calls DINKES, the words match, the clerk accepts: it imports.
    let done = import_report(
        &mut bappeda,
        genuine_report,
        &confirming("DINKES", key.words.clone()),
    )
    .unwrap();
    assert!(done.changed);
    assert_eq!(done.key_accepted, Some(KeyChange::Changed));
    assert_eq!(data_of(&bappeda, "DINKES"), data_of(&dinkes, "DINKES"));

    // The audit says which key was accepted, which it replaced, and by whom.
    let history = audit::history(bappeda.conn(), "opd", &dinkes_id(&bappeda)).unwrap();
    let accepted = history
        .iter()
        .find(|e| e.field.as_deref() == Some("key") && e.operation == "update")
        .expect("an audit row for the accepted key");
    assert_eq!(accepted.actor, clerk);
    assert!(
        accepted
            .new_value
            .as_deref()
            .unwrap()
            .contains(&words_of(&genuine())),
        "{accepted:?}"
    );
    assert!(
        accepted
            .old_value
            .as_deref()
            .unwrap()
            .contains(&words_of(&forger())),
        "{accepted:?}"
    );

    // The submission matrix shows the genuine report as the quarter's latest.
    let today = NaiveDate::from_ymd_opt(2019, 8, 1).unwrap();
    let matrix = submissions::matrix(bappeda.conn(), today).unwrap();
    let cell = matrix
        .rows
        .iter()
        .find(|r| r.opd.code == "DINKES")
        .unwrap()
        .cells
        .iter()
        .find(|c| (c.year, c.quarter) == (2019, 2))
        .unwrap();
    assert_eq!(cell.sequence, Some(3));

    // The forger's next report is refused as a changed key; nothing changes.
    let before = state(&bappeda);
    let later = report(&forged_office, "DINKES", huge + 1, &forger());
    let key = unconfirmed(import_report(&mut bappeda, later, &Decisions::default()).unwrap_err());
    assert_eq!(key.change, KeyChange::Changed);
    assert_eq!(key.words, words_of(&forger()));
    assert_eq!(state(&bappeda), before, "nothing changed");

    // The genuine OPD goes on reporting with its own numbers.
    realise(&mut dinkes, "DINKES", 90.0, "Realisasi diperbarui");
    let next = import_report(
        &mut bappeda,
        report(&dinkes, "DINKES", 4, &genuine()),
        &Decisions::default(),
    )
    .unwrap();
    assert!(next.changed && next.key_accepted.is_none());
    assert_eq!(data_of(&bappeda, "DINKES"), data_of(&dinkes, "DINKES"));
    // And its own older number is still refused as older.
    let error = import_report(
        &mut bappeda,
        report(&dinkes, "DINKES", 2, &genuine()),
        &Decisions::default(),
    )
    .unwrap_err();
    assert!(error.to_string().contains("lebih lama"), "{error}");
}

#[test]
fn a_second_key_for_a_pinned_opd_is_refused_as_a_changed_key() {
    let mut bappeda = bappeda();
    let mut dinkes = office("DINKES");
    realise(&mut dinkes, "DINKES", 70.0, "Realisasi triwulan II");
    import_report(
        &mut bappeda,
        report(&dinkes, "DINKES", 1, &genuine()),
        &confirming("DINKES", words_of(&genuine())),
    )
    .unwrap();

    let mut copy = office("DINKES");
    realise(&mut copy, "DINKES", 5.0, "Salinan lain");
    let before = state(&bappeda);
    let error = import_report(
        &mut bappeda,
        report(&copy, "DINKES", 2, &forger()),
        &Decisions::default(),
    )
    .unwrap_err();
    let said = error.to_string();
    let key = unconfirmed(error);
    assert_eq!(key.change, KeyChange::Changed);
    assert_eq!(key.words, words_of(&forger()));
    assert_eq!(key.fingerprint, fingerprint(&public_key_text(&forger())));
    // The refusal carries the key to compare (`key.words`), but its message
    // never prints the file's own words.
    assert!(
        said.contains("kunci lain") && !said.contains(&key.words),
        "{said}"
    );
    assert_eq!(state(&bappeda), before, "nothing changed");
}

/// `--accept-new-key DINKES=<words>` accepts that key only: a file of the
/// same OPD signed with another key, in the same batch, is still refused.
#[test]
fn a_confirmed_fingerprint_accepts_that_key_and_no_other_of_the_same_opd() {
    let mut bappeda = bappeda();
    let mut dinkes = office("DINKES");
    realise(&mut dinkes, "DINKES", 70.0, "Realisasi triwulan II");
    let mut forged_office = office("DINKES");
    realise(&mut forged_office, "DINKES", 1.0, "Data palsu");
    let batch = Decisions::parse_all(&[format!("DINKES={}", words_of(&genuine()))]).unwrap();

    let before = state(&bappeda);
    let forged = import_report(
        &mut bappeda,
        report(&forged_office, "DINKES", 1_000_000, &forger()),
        &batch,
    )
    .unwrap_err();
    assert_eq!(unconfirmed(forged).change, KeyChange::First);
    assert_eq!(state(&bappeda), before, "nothing changed");

    let done = import_report(
        &mut bappeda,
        report(&dinkes, "DINKES", 1, &genuine()),
        &batch,
    )
    .unwrap();
    assert_eq!(done.key_accepted, Some(KeyChange::First));

    // Once the genuine key is held, the forger's file is a changed key.
    let forged = import_report(
        &mut bappeda,
        report(&forged_office, "DINKES", 1_000_001, &forger()),
        &batch,
    )
    .unwrap_err();
    assert_eq!(unconfirmed(forged).change, KeyChange::Changed);
    assert_eq!(data_of(&bappeda, "DINKES"), data_of(&dinkes, "DINKES"));
}

/// A file imported already, sent again with its (since replaced) key
/// confirmed or not: refused, saying its key is no longer the one trusted,
/// and nothing changes, the key Bappeda trusts included. Before, the import
/// recorded the confirmed key back as the OPD's (committed with the answer
/// "tidak ada yang berubah"), and later answered "nothing changed", hiding
/// that the forged key is no longer trusted.
#[test]
fn the_same_file_again_with_a_replaced_key_is_refused_and_changes_nothing() {
    let mut bappeda = bappeda();
    let mut forged_office = office("DINKES");
    realise(&mut forged_office, "DINKES", 1.0, "Data palsu");
    let forged = report(&forged_office, "DINKES", 7, &forger());
    import_report(
        &mut bappeda,
        forged.clone(),
        &confirming("DINKES", words_of(&forger())),
    )
    .unwrap();
    let mut dinkes = office("DINKES");
    realise(&mut dinkes, "DINKES", 81.5, "Realisasi triwulan II");
    import_report(
        &mut bappeda,
        report(&dinkes, "DINKES", 1, &genuine()),
        &confirming("DINKES", words_of(&genuine())),
    )
    .unwrap();

    let before = state(&bappeda);
    for decisions in [
        confirming("DINKES", words_of(&forger())),
        Decisions::default(),
    ] {
        let again = import_report(&mut bappeda, forged.clone(), &decisions).unwrap_err();
        assert_eq!(again.code(), "invalid", "{again}");
        assert!(
            again.to_string().contains(
                "sudah pernah diterima, tetapi kuncinya bukan kunci OPD yang dipercaya \
                 sekarang; datanya tidak dipakai"
            ),
            "{again}"
        );
        assert_eq!(state(&bappeda), before, "nothing changed, the key included");
    }
    let held = renaksi_core::store::opd_keys::get(bappeda.conn(), &dinkes_id(&bappeda))
        .unwrap()
        .unwrap();
    assert_eq!(held.public_key, public_key_text(&genuine()));
    assert_eq!(data_of(&bappeda, "DINKES"), data_of(&dinkes, "DINKES"));
}
