//! Co-creation sessions: recording a workshop, its participants, the inputs on
//! each action and the government's responses; who may; and the berita acara
//! read back as a spreadsheet app would.

use std::io::Read;

use calamine::{open_workbook, Data, Reader, Xlsx};
use renaksi_core::cocreation::berita_acara::{self, ATTENDANCE_SHEET, SHEET};
use renaksi_core::cocreation::{
    self, Decision, InputForm, ParticipantForm, ParticipantKind, ResponseForm, SessionForm,
};
use renaksi_core::demo::{self, DemoView};
use renaksi_core::profile::{self, Profile, Role};
use renaksi_core::store::{audit, plans};
use renaksi_core::workbook::Paper;
use renaksi_core::{Error, Store};

fn bappeda() -> Store {
    let mut store = Store::open_in_memory().unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    store
}

fn count(store: &Store, table: &str) -> i64 {
    store
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

fn action_id(store: &Store, code: &str) -> String {
    renaksi_core::review::action_id(store.conn(), code).unwrap()
}

fn work_as(store: &mut Store, role: Role) {
    let profile = Profile::new(role, "Sari").unwrap();
    store.write(|tx| profile::save(tx, &profile)).unwrap();
}

fn opengovweek() -> SessionForm {
    SessionForm {
        id: None,
        title: "Lokakarya OpenGovWeek 2018".into(),
        held_on: "2018-05-08".into(),
        place: "Aula Bappeda Kabupaten Wonosobo".into(),
        notes: "Peserta dibagi ke dalam lima kelompok sesuai tema.".into(),
    }
}

fn participant(session_id: &str, name: &str, org: &str, kind: ParticipantKind) -> ParticipantForm {
    ParticipantForm {
        session_id: session_id.into(),
        name: name.into(),
        organisation: org.into(),
        kind,
        opd_code: None,
    }
}

fn input(session_id: &str, action_id: &str, org: &str, body: &str) -> InputForm {
    InputForm {
        id: None,
        session_id: session_id.into(),
        action_id: action_id.into(),
        author: "Budi Santoso".into(),
        organisation: org.into(),
        body: body.into(),
    }
}

fn respond(input_id: &str, decision: Decision, reason: &str) -> ResponseForm {
    ResponseForm {
        input_id: input_id.into(),
        decision,
        reason: reason.into(),
    }
}

fn field_of(error: &Error) -> (&str, String) {
    (error.field().unwrap_or("-"), error.to_string())
}

#[test]
fn a_session_is_recorded_with_participants_inputs_by_action_and_responses() {
    let mut store = bappeda();
    let ra01 = action_id(&store, "RA-01");
    let ra03 = action_id(&store, "RA-03");
    let session = cocreation::save_session(&mut store, &opengovweek()).unwrap();
    assert!(session.can_edit);
    assert!(cocreation::session_list(store.conn()).unwrap().can_edit);
    assert_eq!(session.held_on, "2018-05-08");

    let dinkes = cocreation::add_participant(
        &mut store,
        &ParticipantForm {
            opd_code: Some("dinkes".into()),
            ..participant(&session.id, "dr. Sri Wahyuni", "", ParticipantKind::Opd)
        },
    )
    .unwrap();
    assert_eq!(
        dinkes.organisation, "Dinas Kesehatan",
        "the OPD's name by default"
    );
    assert_eq!(dinkes.opd_code.as_deref(), Some("DINKES"));
    cocreation::add_participant(
        &mut store,
        &participant(
            &session.id,
            "Budi Santoso",
            "Forum Warga",
            ParticipantKind::Cso,
        ),
    )
    .unwrap();

    // Given in this order: RA-03 first, then two on RA-01.
    let on_ra03 = cocreation::save_input(
        &mut store,
        &input(
            &session.id,
            &ra03,
            "LSM Pattiro",
            "Regulasi diunggah dalam format terbuka.",
        ),
    )
    .unwrap();
    let first = cocreation::save_input(
        &mut store,
        &input(&session.id, &ra01, "Forum Warga", "Jangkau desa terpencil."),
    )
    .unwrap();
    let second = cocreation::save_input(
        &mut store,
        &input(
            &session.id,
            &ra01,
            "Forum Warga",
            "Libatkan kader posyandu.",
        ),
    )
    .unwrap();
    assert!(first.response.is_none());

    let answered = cocreation::set_response(
        &mut store,
        &respond(
            &first.id,
            Decision::AcceptedWithChanges,
            "Bertahap: 10 desa pada 2018.",
        ),
    )
    .unwrap();
    let response = answered.response.unwrap();
    assert_eq!(response.decision, Decision::AcceptedWithChanges);
    assert_eq!(response.responded_by, "Admin Bappeda");
    cocreation::set_response(&mut store, &respond(&on_ra03.id, Decision::Accepted, "")).unwrap();

    // A correction keeps the response.
    let corrected = cocreation::save_input(
        &mut store,
        &InputForm {
            id: Some(first.id.clone()),
            body: "Jangkau desa-desa terpencil.".into(),
            ..input(&session.id, &ra01, "Forum Warga Peduli", "")
        },
    )
    .unwrap();
    assert_eq!(corrected.body, "Jangkau desa-desa terpencil.");
    assert!(corrected.response.is_some());

    let s = cocreation::session(store.conn(), &session.id).unwrap();
    assert_eq!(s.participants.len(), 2);
    assert_eq!(s.participants[1].kind, ParticipantKind::Cso);
    let codes: Vec<&str> = s.actions.iter().map(|g| g.action_code.as_str()).collect();
    assert_eq!(codes, ["RA-01", "RA-03"], "grouped by action, by code");
    assert!(s.actions[0].action_title.starts_with("Penyiapan Jaminan"));
    let ra01_inputs: Vec<&str> = s.actions[0].inputs.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ra01_inputs, [first.id.as_str(), second.id.as_str()]);
    assert_eq!(s.actions[0].inputs[0].organisation, "Forum Warga Peduli");
    assert_eq!((s.input_count, s.responded_count), (3, 2));

    let list = cocreation::list(store.conn()).unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(
        (
            list[0].participant_count,
            list[0].input_count,
            list[0].responded_count
        ),
        (2, 3, 2)
    );

    // The history says who did what.
    let history = audit::history(store.conn(), "session_input", &first.id).unwrap();
    let fields: Vec<Option<&str>> = history.iter().map(|e| e.field.as_deref()).collect();
    assert!(fields.contains(&Some("decision")), "{fields:?}");
    assert!(fields.contains(&Some("organisation")), "{fields:?}");
    assert!(history.iter().all(|e| e.actor == "Admin Bappeda"));
    assert!(!audit::history(store.conn(), "session", &session.id)
        .unwrap()
        .is_empty());

    // The session itself changes too.
    let changed = cocreation::save_session(
        &mut store,
        &SessionForm {
            id: Some(session.id.clone()),
            place: "Pendopo Kabupaten".into(),
            ..opengovweek()
        },
    )
    .unwrap();
    assert_eq!(changed.place, "Pendopo Kabupaten");
    assert_eq!(changed.input_count, 3);
}

#[test]
fn bad_input_gets_a_message_for_its_field_and_nothing_is_saved() {
    let mut store = bappeda();
    let before = count(&store, "audit_log");
    for (form, field, words) in [
        (
            SessionForm {
                title: "  ".into(),
                ..opengovweek()
            },
            "title",
            "Nama sesi wajib diisi.",
        ),
        (
            SessionForm {
                held_on: "".into(),
                ..opengovweek()
            },
            "heldOn",
            "Tanggal sesi wajib diisi.",
        ),
        (
            SessionForm {
                held_on: "08-05-2018".into(),
                ..opengovweek()
            },
            "heldOn",
            "tidak valid",
        ),
        (
            SessionForm {
                place: "".into(),
                ..opengovweek()
            },
            "place",
            "Tempat wajib diisi.",
        ),
    ] {
        let error = cocreation::save_session(&mut store, &form).unwrap_err();
        let (got, message) = field_of(&error);
        assert_eq!(got, field, "{message}");
        assert!(message.contains(words), "{message}");
    }
    assert_eq!(count(&store, "cocreation_sessions"), 0);

    let session = cocreation::save_session(&mut store, &opengovweek()).unwrap();
    let ra01 = action_id(&store, "RA-01");
    let refused = [
        (
            cocreation::add_participant(
                &mut store,
                &participant(&session.id, "", "Forum Warga", ParticipantKind::Cso),
            )
            .unwrap_err(),
            "name",
        ),
        (
            cocreation::add_participant(
                &mut store,
                &participant(&session.id, "Budi", " ", ParticipantKind::Cso),
            )
            .unwrap_err(),
            "organisation",
        ),
        (
            cocreation::add_participant(
                &mut store,
                &participant(&session.id, "Sri", "", ParticipantKind::Opd),
            )
            .unwrap_err(),
            "organisation",
        ),
        (
            cocreation::add_participant(
                &mut store,
                &ParticipantForm {
                    opd_code: Some("DINKES".into()),
                    ..participant(&session.id, "Budi", "Forum", ParticipantKind::Cso)
                },
            )
            .unwrap_err(),
            "opdCode",
        ),
        (
            cocreation::add_participant(
                &mut store,
                &ParticipantForm {
                    opd_code: Some("TIDAKADA".into()),
                    ..participant(&session.id, "Sri", "", ParticipantKind::Opd)
                },
            )
            .unwrap_err(),
            "opdCode",
        ),
        (
            cocreation::save_input(&mut store, &input(&session.id, &ra01, "Forum", " "))
                .unwrap_err(),
            "body",
        ),
        (
            cocreation::save_input(
                &mut store,
                &InputForm {
                    author: "".into(),
                    ..input(&session.id, &ra01, "", "Masukan")
                },
            )
            .unwrap_err(),
            "organisation",
        ),
        (
            cocreation::save_input(&mut store, &input(&session.id, "", "Forum", "Masukan"))
                .unwrap_err(),
            "actionId",
        ),
        (
            cocreation::save_input(
                &mut store,
                &input(&session.id, "bukan-aksi", "Forum", "Masukan"),
            )
            .unwrap_err(),
            "actionId",
        ),
        ("mungkin".parse::<Decision>().unwrap_err(), "decision"),
        ("pejabat".parse::<ParticipantKind>().unwrap_err(), "kind"),
    ];
    for (error, field) in &refused {
        assert_eq!(error.code(), "invalid", "{error}");
        assert_eq!(error.field(), Some(*field), "{error}");
    }
    assert_eq!(count(&store, "session_participants"), 0);
    assert_eq!(count(&store, "session_inputs"), 0);
    assert_eq!(
        count(&store, "audit_log"),
        before + 1,
        "only the session's creation"
    );

    // An unknown session is not found, not half-saved.
    let error = cocreation::save_input(&mut store, &input("tidak-ada", &ra01, "Forum", "Masukan"))
        .unwrap_err();
    assert_eq!(error.code(), "not_found");
    assert_eq!(count(&store, "session_inputs"), 0);

    // The command-line spellings parse.
    assert_eq!(
        "diterima-dengan-perubahan".parse::<Decision>().unwrap(),
        Decision::AcceptedWithChanges
    );
    assert_eq!("Ditolak".parse::<Decision>().unwrap(), Decision::Declined);
    assert_eq!(
        "oms".parse::<ParticipantKind>().unwrap(),
        ParticipantKind::Cso
    );
}

#[test]
fn a_decision_and_a_participants_side_read_the_same_words_over_ipc_as_on_the_command_line() {
    // One parser each (`FromStr`), through `words::deserialize`.
    let read = |json: &str| serde_json::from_str::<Decision>(json);
    assert_eq!(
        read("\"diterima-dengan-perubahan\"").unwrap(),
        Decision::AcceptedWithChanges
    );
    assert_eq!(
        read("\"diterima_dengan_perubahan\"").unwrap(),
        Decision::AcceptedWithChanges
    );
    let refused = read("\"mungkin\"").unwrap_err().to_string();
    let message = "mungkin".parse::<Decision>().unwrap_err().to_string();
    assert!(refused.starts_with(&message), "{refused}");
    assert!(message.starts_with("Tanggapan \"mungkin\" tidak dikenal"));

    let kind = |json: &str| serde_json::from_str::<ParticipantKind>(json);
    assert_eq!(kind("\"oms\"").unwrap(), ParticipantKind::Cso);
    assert_eq!(kind("\"lainnya\"").unwrap(), ParticipantKind::Other);
    assert_eq!(kind("\"cso\"").unwrap(), ParticipantKind::Cso);
    let refused = kind("\"pejabat\"").unwrap_err().to_string();
    let message = "pejabat"
        .parse::<ParticipantKind>()
        .unwrap_err()
        .to_string();
    assert!(refused.starts_with(&message), "{refused}");

    // Written back as the stored words.
    assert_eq!(
        serde_json::to_string(&Decision::AcceptedWithChanges).unwrap(),
        "\"diterima_dengan_perubahan\""
    );
    assert_eq!(
        serde_json::to_string(&ParticipantKind::Cso).unwrap(),
        "\"cso\""
    );
}

#[test]
fn a_declined_input_needs_a_reason_and_so_does_one_accepted_with_changes() {
    let mut store = bappeda();
    let session = cocreation::save_session(&mut store, &opengovweek()).unwrap();
    let ra01 = action_id(&store, "RA-01");
    let given = cocreation::save_input(
        &mut store,
        &input(
            &session.id,
            &ra01,
            "Forum Warga",
            "Gratiskan semua layanan.",
        ),
    )
    .unwrap();

    let error =
        cocreation::set_response(&mut store, &respond(&given.id, Decision::Declined, "   "))
            .unwrap_err();
    assert_eq!(error.field(), Some("reason"));
    assert!(error.to_string().contains("Tuliskan alasannya"), "{error}");
    let error = cocreation::set_response(
        &mut store,
        &respond(&given.id, Decision::AcceptedWithChanges, ""),
    )
    .unwrap_err();
    assert_eq!(error.field(), Some("reason"));
    assert!(error.to_string().contains("Tuliskan alasannya"), "{error}");
    assert_eq!(count(&store, "input_responses"), 0, "nothing saved");

    // Accepted needs no reason; a later decline with a reason replaces it.
    cocreation::set_response(&mut store, &respond(&given.id, Decision::Accepted, "")).unwrap();
    let declined = cocreation::set_response(
        &mut store,
        &respond(&given.id, Decision::Declined, "Di luar kewenangan daerah."),
    )
    .unwrap();
    let response = declined.response.unwrap();
    assert_eq!(response.decision, Decision::Declined);
    assert_eq!(response.reason, "Di luar kewenangan daerah.");
    assert_eq!(count(&store, "input_responses"), 1);

    let cleared = cocreation::clear_response(&mut store, &given.id).unwrap();
    assert!(cleared.response.is_none());
    assert_eq!(count(&store, "input_responses"), 0);
}

#[test]
fn only_bappeda_records_sessions_and_anyone_reads_them() {
    let mut store = bappeda();
    let session = cocreation::save_session(&mut store, &opengovweek()).unwrap();
    let ra01 = action_id(&store, "RA-01");
    let given = cocreation::save_input(
        &mut store,
        &input(&session.id, &ra01, "Forum Warga", "Masukan"),
    )
    .unwrap();
    let audit_before = count(&store, "audit_log");

    work_as(
        &mut store,
        Role::Opd {
            code: "DINKES".into(),
        },
    );
    let errors = [
        cocreation::save_session(&mut store, &opengovweek()).unwrap_err(),
        cocreation::add_participant(
            &mut store,
            &participant(&session.id, "Sri", "Dinas Kesehatan", ParticipantKind::Opd),
        )
        .unwrap_err(),
        cocreation::save_input(&mut store, &input(&session.id, &ra01, "Forum", "Lagi"))
            .unwrap_err(),
        cocreation::set_response(&mut store, &respond(&given.id, Decision::Accepted, ""))
            .unwrap_err(),
        cocreation::delete_input(&mut store, &given.id).unwrap_err(),
        cocreation::delete_session(&mut store, &session.id).unwrap_err(),
    ];
    for error in &errors {
        assert_eq!(error.code(), "forbidden", "{error}");
        assert!(error.to_string().contains("Hanya Bappeda"), "{error}");
    }
    assert_eq!(count(&store, "audit_log"), audit_before);
    assert_eq!(count(&store, "cocreation_sessions"), 1);
    assert_eq!(count(&store, "session_inputs"), 1);

    let read = cocreation::session(store.conn(), &session.id).unwrap();
    assert!(!read.can_edit);
    assert_eq!(read.input_count, 1);
    let listed = cocreation::session_list(store.conn()).unwrap();
    assert!(!listed.can_edit);
    assert_eq!(listed.sessions.len(), 1);
}

#[test]
fn deleting_an_input_or_a_session_takes_what_hangs_on_it() {
    let mut store = bappeda();
    let session = cocreation::save_session(&mut store, &opengovweek()).unwrap();
    let ra01 = action_id(&store, "RA-01");
    cocreation::add_participant(
        &mut store,
        &participant(&session.id, "Budi", "Forum Warga", ParticipantKind::Cso),
    )
    .unwrap();
    let given =
        cocreation::save_input(&mut store, &input(&session.id, &ra01, "Forum", "Satu")).unwrap();
    cocreation::set_response(&mut store, &respond(&given.id, Decision::Accepted, "")).unwrap();
    cocreation::delete_input(&mut store, &given.id).unwrap();
    assert_eq!(count(&store, "input_responses"), 0);

    let p = cocreation::add_participant(
        &mut store,
        &participant(&session.id, "Ani", "", ParticipantKind::Other),
    )
    .unwrap();
    cocreation::remove_participant(&mut store, &p.id).unwrap();
    assert_eq!(count(&store, "session_participants"), 1);

    cocreation::save_input(&mut store, &input(&session.id, &ra01, "Forum", "Dua")).unwrap();
    cocreation::delete_session(&mut store, &session.id).unwrap();
    for table in [
        "cocreation_sessions",
        "session_participants",
        "session_inputs",
    ] {
        assert_eq!(count(&store, table), 0, "{table}");
    }
    let error = cocreation::session(store.conn(), &session.id).unwrap_err();
    assert_eq!(error.code(), "not_found");
}

/// Every cell of a sheet, as text.
fn cells(book: &mut Xlsx<std::io::BufReader<std::fs::File>>, name: &str) -> Vec<Data> {
    book.worksheet_range(name)
        .unwrap()
        .cells()
        .map(|(_, _, d)| d.clone())
        .collect()
}

fn texts(cells: &[Data]) -> String {
    cells
        .iter()
        .filter_map(|d| match d {
            Data::String(s) => Some(s.as_str()),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn the_berita_acara_reads_back_with_every_text_and_no_formula() {
    let (dir, path) = super::temp_db();
    let mut store = Store::open(&path).unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    let plan = plans::current(store.conn()).unwrap().unwrap();
    let ra01 = action_id(&store, "RA-01");
    let ra03 = action_id(&store, "RA-03");
    let session = cocreation::save_session(&mut store, &opengovweek()).unwrap();
    cocreation::add_participant(
        &mut store,
        &ParticipantForm {
            opd_code: Some("DINKES".into()),
            ..participant(&session.id, "dr. Sri Wahyuni", "", ParticipantKind::Opd)
        },
    )
    .unwrap();
    cocreation::add_participant(
        &mut store,
        &participant(
            &session.id,
            "Budi Santoso",
            "Forum Warga",
            ParticipantKind::Cso,
        ),
    )
    .unwrap();
    let hostile = "=cmd|' /C calc'!A0";
    let first = cocreation::save_input(
        &mut store,
        &input(&session.id, &ra01, "Forum Warga", "Jangkau desa terpencil."),
    )
    .unwrap();
    let second =
        cocreation::save_input(&mut store, &input(&session.id, &ra01, hostile, hostile)).unwrap();
    cocreation::save_input(
        &mut store,
        &input(&session.id, &ra03, "LSM Pattiro", "Unggah regulasi."),
    )
    .unwrap();
    cocreation::set_response(
        &mut store,
        &respond(
            &first.id,
            Decision::AcceptedWithChanges,
            "Bertahap mulai 2018.",
        ),
    )
    .unwrap();
    cocreation::set_response(
        &mut store,
        &respond(&second.id, Decision::Declined, "=SUM(A1) bukan masukan."),
    )
    .unwrap();

    let out = dir.path().join("berita-acara.xlsx");
    let written = berita_acara::export(&store, &session.id, &out, Paper::A4).unwrap();
    assert_eq!(
        (written.participants, written.inputs, written.responded),
        (2, 3, 2)
    );

    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    assert_eq!(book.sheet_names(), [SHEET, ATTENDANCE_SHEET]);
    let main = cells(&mut book, SHEET);
    let text = texts(&main);
    for expected in [
        "BERITA ACARA SESI KO-KREASI",
        plan.title.as_str(),
        "Lokakarya OpenGovWeek 2018",
        "Selasa, 8 Mei 2018",
        "Aula Bappeda Kabupaten Wonosobo",
        "2 peserta (1 dari OPD, 1 dari organisasi masyarakat sipil)",
        "Rencana Aksi",
        "Masukan",
        "Dari",
        "Tanggapan pemerintah",
        "Alasan",
        "RA-01 Penyiapan Jaminan",
        "RA-03 ",
        "Jangkau desa terpencil.",
        "Forum Warga (Budi Santoso)",
        "Diterima dengan perubahan",
        "Ditolak",
        "Belum ditanggapi",
        "Bertahap mulai 2018.",
        "Peserta dibagi ke dalam lima kelompok",
        "Demikian berita acara ini dibuat",
        "Wonosobo, 8 Mei 2018",
        "Wakil Pemerintah Daerah",
        "Wakil Organisasi Masyarakat Sipil",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} missing from:\n{text}"
        );
    }
    // User text that looks like a formula is a string cell, as typed.
    assert!(main.contains(&Data::String(hostile.into())));
    assert!(main.contains(&Data::String("=SUM(A1) bukan masukan.".into())));

    let attendance = texts(&cells(&mut book, ATTENDANCE_SHEET));
    for expected in [
        "DAFTAR HADIR SESI KO-KREASI",
        "Nama",
        "Instansi/Organisasi",
        "Unsur",
        "dr. Sri Wahyuni",
        "Dinas Kesehatan",
        "Budi Santoso",
        "OPD",
        "OMS",
    ] {
        assert!(
            attendance.contains(expected),
            "{expected:?} missing from:\n{attendance}"
        );
    }

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&out).unwrap()).unwrap();
    let names: Vec<String> = zip.file_names().map(str::to_owned).collect();
    let sheets: Vec<&String> = names
        .iter()
        .filter(|n| n.starts_with("xl/worksheets/sheet"))
        .collect();
    assert_eq!(sheets.len(), 2);
    for name in sheets {
        let mut xml = String::new();
        zip.by_name(name).unwrap().read_to_string(&mut xml).unwrap();
        assert!(!xml.contains("<f>") && !xml.contains("<f "), "{name}");
        assert!(xml.contains("fitToPage"), "{name} fits the page width");
    }
}

#[test]
fn a_berita_acara_of_an_empty_session_says_so() {
    let (dir, path) = super::temp_db();
    let mut store = Store::open(&path).unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    let session = cocreation::save_session(
        &mut store,
        &SessionForm {
            notes: String::new(),
            ..opengovweek()
        },
    )
    .unwrap();
    let out = dir.path().join("kosong.xlsx");
    berita_acara::export(&store, &session.id, &out, Paper::F4).unwrap();
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    assert!(texts(&cells(&mut book, SHEET)).contains("Belum ada masukan yang dicatat."));
    assert!(texts(&cells(&mut book, ATTENDANCE_SHEET)).contains("Daftar hadir belum dicatat."));

    let error = berita_acara::export(&store, "tidak-ada", &out, Paper::A4).unwrap_err();
    assert_eq!(error.code(), "not_found");
}
