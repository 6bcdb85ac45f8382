//! Open data: every public row, readable CSV and JSON, a valid descriptor, and
//! nothing that is not meant to be public.

use renaksi_core::demo::{self, DemoView};
use renaksi_core::editing::evidence::{self, EvidenceTarget};
use renaksi_core::opendata;
use renaksi_core::profile::{Profile, Role};
use renaksi_core::Store;

fn count(store: &Store, table: &str) -> usize {
    store
        .conn()
        .query_row(&format!("SELECT count(*) FROM {table}"), [], |r| {
            r.get::<_, i64>(0)
        })
        .unwrap() as usize
}

#[test]
fn open_data_holds_every_public_row_and_nothing_private() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut store = Store::open(&data.join("renaksi.db")).unwrap();
    let profile = Profile::new(
        Role::Opd {
            code: "DINKES".into(),
        },
        "Sari Rahasia",
    )
    .unwrap();
    demo::load_as(&mut store, &DemoView::Bappeda, &profile).unwrap();
    // A file of this computer, and an internal verifier note.
    let milestone: String = store
        .conn()
        .query_row(
            "SELECT m.id FROM milestones m JOIN opds o ON o.id = m.opd_id WHERE o.code = 'DINKES' LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    let source = dir.path().join("notulen.txt");
    std::fs::write(&source, "notulen rapat").unwrap();
    let target = EvidenceTarget {
        milestone_id: Some(milestone.clone()),
        indicator_id: None,
        year: None,
        quarter: None,
    };
    evidence::add_file(&mut store, &data, &target, &source).unwrap();
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO review_notes (id, subject_kind, subject_id, author, body, created_at)
                 VALUES ('n1', 'action', 'x', 'Verifikator', 'CATATAN INTERNAL JANGAN TERBIT', '2019-01-01')",
                [],
            )?;
            Ok(())
        })
        .unwrap();

    let out = dir.path().join("terbuka");
    let files = opendata::write(&store, &out).unwrap();
    assert!(files.iter().all(|f| f.exists()));

    let rows = |name: &str| {
        let mut reader = csv::Reader::from_path(out.join(format!("{name}.csv"))).unwrap();
        reader.records().map(|r| r.unwrap()).collect::<Vec<_>>()
    };
    assert_eq!(rows("rencana_aksi").len(), 8);
    assert_eq!(rows("tema").len(), 5);
    assert_eq!(rows("tonggak").len(), count(&store, "milestones"));
    assert_eq!(rows("indikator").len(), count(&store, "indicators"));
    assert_eq!(rows("target").len(), count(&store, "targets"));
    assert_eq!(rows("realisasi").len(), count(&store, "realisations"));
    assert_eq!(rows("bukti_dukung").len(), 1);

    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("rencana-aksi.json")).unwrap()).unwrap();
    assert_eq!(json["rencana_aksi"].as_array().unwrap().len(), 8);
    assert_eq!(json["rencana"]["wilayah"], "Kabupaten Wonosobo");

    let descriptor: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("datapackage.json")).unwrap()).unwrap();
    for resource in descriptor["resources"].as_array().unwrap() {
        assert!(
            out.join(resource["path"].as_str().unwrap()).exists(),
            "{resource}"
        );
    }

    let everything: String = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    for private in [
        "CATATAN INTERNAL",
        "Sari Rahasia",
        "bukti/",
        "publicKey",
        "signature",
        "kunci",
    ] {
        assert!(
            !everything.contains(private),
            "open data must not hold {private:?}"
        );
    }
    assert!(
        everything.contains("notulen.txt"),
        "the evidence file's name is public"
    );
}

#[test]
fn open_data_publishes_sessions_inputs_and_responses_without_peoples_names() {
    use renaksi_core::cocreation::{
        self, Decision, InputForm, ParticipantForm, ParticipantKind, ResponseForm, SessionForm,
    };

    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("renaksi.db")).unwrap();
    let profile = Profile::new(Role::Bappeda, "Sari Rahasia").unwrap();
    demo::load_as(&mut store, &DemoView::Bappeda, &profile).unwrap();
    let session = cocreation::save_session(
        &mut store,
        &SessionForm {
            id: None,
            title: "Lokakarya OpenGovWeek 2018".into(),
            held_on: "2018-05-08".into(),
            place: "Aula Bappeda".into(),
            notes: "CATATAN SESI INTERNAL".into(),
        },
    )
    .unwrap();
    for (name, org, kind) in [
        ("Peserta Pribadi Satu", "Forum Warga", ParticipantKind::Cso),
        ("Peserta Pribadi Dua", "LSM Pattiro", ParticipantKind::Cso),
        (
            "Peserta Pribadi Tiga",
            "Dinas Kesehatan",
            ParticipantKind::Opd,
        ),
    ] {
        cocreation::add_participant(
            &mut store,
            &ParticipantForm {
                session_id: session.id.clone(),
                name: name.into(),
                organisation: org.into(),
                kind,
                opd_code: None,
            },
        )
        .unwrap();
    }
    let ra01 = renaksi_core::review::action_id(store.conn(), "RA-01").unwrap();
    let mut inputs = Vec::new();
    for body in ["Jangkau desa terpencil.", "Gratiskan semua layanan."] {
        inputs.push(
            cocreation::save_input(
                &mut store,
                &InputForm {
                    id: None,
                    session_id: session.id.clone(),
                    action_id: ra01.clone(),
                    author: "Penyampai Pribadi".into(),
                    organisation: "Forum Warga".into(),
                    body: body.into(),
                },
            )
            .unwrap(),
        );
    }
    cocreation::set_response(
        &mut store,
        &ResponseForm {
            input_id: inputs[1].id.clone(),
            decision: Decision::Declined,
            reason: "Di luar kewenangan daerah.".into(),
        },
    )
    .unwrap();

    let out = dir.path().join("terbuka");
    opendata::write(&store, &out).unwrap();
    let rows = |name: &str| {
        let mut reader = csv::Reader::from_path(out.join(format!("{name}.csv"))).unwrap();
        let header = reader.headers().unwrap().clone();
        reader
            .records()
            .map(|r| {
                let r = r.unwrap();
                header
                    .iter()
                    .zip(r.iter())
                    .map(|(h, v)| (h.to_string(), v.to_string()))
                    .collect::<std::collections::HashMap<_, _>>()
            })
            .collect::<Vec<_>>()
    };
    let sessions = rows("sesi_kokreasi");
    assert_eq!(sessions.len(), 1);
    assert_eq!(sessions[0]["judul"], "Lokakarya OpenGovWeek 2018");
    assert_eq!(sessions[0]["tanggal"], "2018-05-08");
    assert_eq!(sessions[0]["tempat"], "Aula Bappeda");
    assert_eq!(
        (
            sessions[0]["peserta_opd"].as_str(),
            sessions[0]["peserta_oms"].as_str(),
            sessions[0]["peserta_lainnya"].as_str()
        ),
        ("1", "2", "0")
    );
    let inputs = rows("masukan");
    assert_eq!(inputs.len(), 2);
    assert!(inputs.iter().all(|i| i["rencana_aksi"] == "RA-01"
        && i["organisasi"] == "Forum Warga"
        && i["sesi_id"] == session.id));
    let declined = inputs
        .iter()
        .find(|i| i["masukan"] == "Gratiskan semua layanan.")
        .unwrap();
    assert_eq!(declined["tanggapan"], "ditolak");
    assert_eq!(declined["alasan"], "Di luar kewenangan daerah.");
    assert_eq!(declined["tanggal_tanggapan"].len(), 10);
    let open = inputs
        .iter()
        .find(|i| i["masukan"] == "Jangkau desa terpencil.")
        .unwrap();
    assert_eq!(open["tanggapan"], "", "not answered yet");

    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("rencana-aksi.json")).unwrap()).unwrap();
    assert_eq!(json["masukan"].as_array().unwrap().len(), 2);
    assert_eq!(json["sesi_kokreasi"][0]["peserta_oms"], 2);
    let descriptor: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("datapackage.json")).unwrap()).unwrap();
    let names: Vec<&str> = descriptor["resources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"sesi-kokreasi") && names.contains(&"masukan"),
        "{names:?}"
    );

    let everything: String = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| std::fs::read_to_string(e.unwrap().path()).unwrap())
        .collect();
    for private in ["Pribadi", "Sari Rahasia", "CATATAN SESI INTERNAL"] {
        assert!(
            !everything.contains(private),
            "open data must not hold {private:?}"
        );
    }
}

/// A title that looks like a formula is published as text: the CSV cell starts
/// with an apostrophe, so a spreadsheet shows it and does not compute it; the
/// JSON keeps the title as it is.
#[test]
fn a_title_that_looks_like_a_formula_is_text_in_the_csv() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("renaksi.db")).unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    let formula = "=HYPERLINK(\"http://contoh.invalid\",\"Klik\")";
    store
        .write(|tx| {
            tx.execute(
                "UPDATE actions SET title = ?1 WHERE code = 'RA-01'",
                [formula],
            )?;
            Ok(())
        })
        .unwrap();
    let out = dir.path().join("terbuka");
    opendata::write(&store, &out).unwrap();
    let mut reader = csv::Reader::from_path(out.join("rencana_aksi.csv")).unwrap();
    let titles: Vec<String> = reader
        .records()
        .map(|r| {
            r.unwrap()
                .iter()
                .map(str::to_string)
                .collect::<Vec<_>>()
                .join("|")
        })
        .collect();
    assert!(
        titles
            .iter()
            .any(|row| row.contains(&format!("'{formula}"))),
        "{titles:?}"
    );
    assert!(!titles
        .iter()
        .any(|row| row.split('|').any(|cell| cell == formula)));
    let json = std::fs::read_to_string(out.join("rencana-aksi.json")).unwrap();
    assert!(json.contains("\"=HYPERLINK(") && !json.contains("'=HYPERLINK("));
}

/// Every start a spreadsheet reads as a formula (`=`, `+`, `-`, `@`, a tab, a
/// carriage return) is written after an apostrophe in a text cell; a negative
/// number in a numeric column stays a number; the descriptor says so.
#[test]
fn text_that_starts_like_a_formula_is_escaped_in_the_csv_and_negative_numbers_stay_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = Store::open(&dir.path().join("renaksi.db")).unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    let texts = [
        "+62 812 (hubungi)",
        "-turun 5%",
        "@SUM(A1:A9)",
        "\tberawal tab",
        "\rberawal CR",
        "=1+1",
    ];
    let ids: Vec<String> = {
        let mut stmt = store
            .conn()
            .prepare("SELECT id FROM indicators ORDER BY id LIMIT 6")
            .unwrap();
        stmt.query_map([], |r| r.get(0))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(ids.len(), texts.len());
    store
        .write(|tx| {
            for (id, text) in ids.iter().zip(texts) {
                tx.execute(
                    "UPDATE indicators SET description = ?2, baseline = -2.5 WHERE id = ?1",
                    [id.as_str(), text],
                )?;
            }
            Ok(())
        })
        .unwrap();
    let out = dir.path().join("terbuka");
    opendata::write(&store, &out).unwrap();

    let mut reader = csv::Reader::from_path(out.join("indikator.csv")).unwrap();
    let headers = reader.headers().unwrap().clone();
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (id_at, text_at, baseline_at) = (column("id"), column("uraian"), column("baseline"));
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    for (id, text) in ids.iter().zip(texts) {
        let row = rows.iter().find(|r| &r[id_at] == id).unwrap();
        assert_eq!(&row[text_at], format!("'{text}"), "{row:?}");
        assert_eq!(
            &row[baseline_at], "-2.5",
            "a number keeps its sign: {row:?}"
        );
    }
    // Text that only contains such a sign later is left alone.
    assert!(rows
        .iter()
        .filter(|r| !ids.contains(&r[id_at].to_string()))
        .all(|r| !r[text_at].starts_with('\'')));

    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("rencana-aksi.json")).unwrap()).unwrap();
    let published: Vec<&str> = json["indikator"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| ids.iter().any(|id| i["id"] == id.as_str()))
        .map(|i| i["uraian"].as_str().unwrap())
        .collect();
    assert_eq!(published.len(), texts.len());
    assert!(published.iter().all(|t| texts.contains(t)));

    let descriptor: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("datapackage.json")).unwrap()).unwrap();
    let description = descriptor["description"].as_str().unwrap();
    assert!(
        description.contains("=, +, -, @") && description.contains("tanda petik tunggal"),
        "{description}"
    );
}

/// What each published table holds, asked of the database directly (not
/// through the code that writes the files): the same columns in the same
/// order, for the current plan, without what is archived or no longer the
/// OPD's to report.
const EXPECTED: &[(&str, &str)] = &[
    ("opd", "SELECT code, name FROM opds WHERE archived_at IS NULL"),
    (
        "tema",
        "SELECT id, seq, name, description FROM themes WHERE plan_id = ?1 AND archived_at IS NULL",
    ),
    (
        "rencana_aksi",
        "SELECT a.id, a.theme_id, a.code, a.title, a.problem, a.description, a.contribution,
                rtrim((CASE WHEN a.value_transparency THEN 'transparansi,' ELSE '' END)
                   || (CASE WHEN a.value_participation THEN 'partisipasi,' ELSE '' END)
                   || (CASE WHEN a.value_accountability THEN 'akuntabilitas,' ELSE '' END)
                   || (CASE WHEN a.value_technology_innovation THEN 'teknologi_inovasi,' ELSE '' END), ','),
                lead.code,
                coalesce((SELECT group_concat(code, ',') FROM (SELECT o.code FROM action_supporting_opds s
                          JOIN opds o ON o.id = s.opd_id WHERE s.action_id = a.id ORDER BY o.code)), ''),
                a.cso_partners, a.start_date, a.end_date
         FROM actions a JOIN opds lead ON lead.id = a.lead_opd_id
         WHERE a.plan_id = ?1 AND a.archived_at IS NULL",
    ),
    (
        "tonggak",
        "SELECT m.id, m.action_id, o.code, m.seq, m.title, m.output, m.start_date, m.end_date, m.status
         FROM milestones m JOIN opds o ON o.id = m.opd_id JOIN actions a ON a.id = m.action_id
         WHERE a.plan_id = ?1 AND IN_PLAN(m.opd_id)",
    ),
    (
        "indikator",
        "SELECT i.id, i.action_id, i.milestone_id, o.code, i.description, i.unit, i.baseline,
                i.polarity, i.aggregation
         FROM indicators i JOIN opds o ON o.id = i.opd_id JOIN actions a ON a.id = i.action_id
         WHERE a.plan_id = ?1 AND IN_PLAN(i.opd_id)",
    ),
    (
        "target",
        "SELECT t.indicator_id, t.year, t.quarter, t.value
         FROM targets t JOIN indicators i ON i.id = t.indicator_id JOIN actions a ON a.id = i.action_id
         WHERE a.plan_id = ?1 AND IN_PLAN(i.opd_id)",
    ),
    (
        "realisasi",
        "SELECT r.indicator_id, r.year, r.quarter, r.value, r.notes, r.obstacles, r.follow_up
         FROM realisations r JOIN indicators i ON i.id = r.indicator_id
         JOIN actions a ON a.id = i.action_id
         WHERE a.plan_id = ?1 AND IN_PLAN(i.opd_id)",
    ),
    (
        "bukti_dukung",
        "SELECT e.id, e.milestone_id, e.indicator_id, e.year, e.quarter, e.kind, e.title,
                e.file_name, e.sha256, e.url
         FROM evidence e JOIN actions a ON a.id = coalesce(
             (SELECT action_id FROM milestones WHERE id = e.milestone_id),
             (SELECT action_id FROM indicators WHERE id = e.indicator_id))
         WHERE a.plan_id = ?1 AND IN_PLAN(e.opd_id)",
    ),
    (
        "sesi_kokreasi",
        "SELECT s.id, s.title, s.held_on, s.place,
                (SELECT count(*) FROM session_participants p WHERE p.session_id = s.id AND p.kind = 'opd'),
                (SELECT count(*) FROM session_participants p WHERE p.session_id = s.id AND p.kind = 'cso'),
                (SELECT count(*) FROM session_participants p WHERE p.session_id = s.id AND p.kind = 'other')
         FROM cocreation_sessions s WHERE s.plan_id = ?1",
    ),
    (
        "masukan",
        "SELECT i.id, i.session_id, a.code, i.action_id, i.organisation, i.body, r.decision, r.reason,
                date(r.responded_at, '+7 hours')
         FROM session_inputs i JOIN cocreation_sessions s ON s.id = i.session_id
         JOIN actions a ON a.id = i.action_id
         LEFT JOIN input_responses r ON r.input_id = i.id
         WHERE s.plan_id = ?1",
    ),
    (
        "penilaian_mandiri",
        "SELECT s.action_id, a.code, s.completion, s.opened_government, s.explanation,
                coalesce((SELECT group_concat(value, ' ') FROM json_each(s.evidence_links)), ''),
                date(s.recorded_at, '+7 hours')
         FROM self_assessments s JOIN actions a ON a.id = s.action_id
         WHERE a.plan_id = ?1 AND a.archived_at IS NULL",
    ),
];

/// `access::in_plan` written in SQL: the action is in use and the OPD still
/// leads or supports it.
const IN_PLAN: &str = "(a.archived_at IS NULL AND (a.lead_opd_id = {opd} OR EXISTS (
    SELECT 1 FROM action_supporting_opds s WHERE s.action_id = a.id AND s.opd_id = {opd})))";

fn expected_rows(store: &Store, sql: &str, plan_id: &str) -> Vec<Vec<serde_json::Value>> {
    use rusqlite::types::Value as Sql;
    let mut sql = sql.to_string();
    while let Some(at) = sql.find("IN_PLAN(") {
        let end = at + sql[at..].find(')').unwrap();
        let opd = sql[at + "IN_PLAN(".len()..end].to_string();
        sql.replace_range(at..=end, &IN_PLAN.replace("{opd}", &opd));
    }
    let mut stmt = store.conn().prepare(&sql).unwrap();
    let columns = stmt.column_count();
    let params: &[&dyn rusqlite::ToSql] = if sql.contains("?1") { &[&plan_id] } else { &[] };
    stmt.query_map(params, |row| {
        (0..columns)
            .map(|i| {
                Ok(match row.get::<_, Sql>(i)? {
                    Sql::Null => serde_json::Value::Null,
                    Sql::Integer(n) => n.into(),
                    Sql::Real(f) => f.into(),
                    Sql::Text(t) => t.into(),
                    Sql::Blob(_) => panic!("no blob is published"),
                })
            })
            .collect()
    })
    .unwrap()
    .map(Result::unwrap)
    .collect()
}

/// One cell as the CSV must hold it: text starting like a formula after an
/// apostrophe, numbers as they are, nothing for null.
fn csv_text(value: &serde_json::Value) -> String {
    match value {
        serde_json::Value::Null => String::new(),
        serde_json::Value::String(s) if s.starts_with(['=', '+', '-', '@', '\t', '\r']) => {
            format!("'{s}")
        }
        serde_json::Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A cell of the database and the same cell of the JSON are the same value
/// (numbers compared as numbers: 72 and 72.0 are one figure).
fn same(db: &serde_json::Value, published: &serde_json::Value) -> bool {
    match (db.as_f64(), published.as_f64()) {
        (Some(a), Some(b)) => a == b,
        _ => db == published,
    }
}

/// Every CSV and the JSON are read back and each table is checked against the
/// database: the columns the descriptor names, the row count, and every value.
#[test]
fn every_published_table_reads_back_as_the_database_holds_it() {
    use renaksi_core::cocreation::{
        self, Decision, InputForm, ParticipantForm, ParticipantKind, ResponseForm, SessionForm,
    };
    use renaksi_core::editing::evidence::LinkInput;
    use renaksi_core::self_assessment::{self, AssessmentForm, Completion, OpenedGovernment};

    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut store = Store::open(&data.join("renaksi.db")).unwrap();
    demo::load(&mut store, &DemoView::Bappeda).unwrap();
    let action =
        |store: &Store, code: &str| renaksi_core::review::action_id(store.conn(), code).unwrap();

    // Co-creation: a session, three participants, two inputs, one answered.
    let session = cocreation::save_session(
        &mut store,
        &SessionForm {
            id: None,
            title: "Lokakarya OpenGovWeek".into(),
            held_on: "2018-05-08".into(),
            place: "Aula Bappeda".into(),
            notes: String::new(),
        },
    )
    .unwrap();
    for (name, kind) in [
        ("A", ParticipantKind::Cso),
        ("B", ParticipantKind::Cso),
        ("C", ParticipantKind::Other),
    ] {
        cocreation::add_participant(
            &mut store,
            &ParticipantForm {
                session_id: session.id.clone(),
                name: name.into(),
                organisation: "Forum Warga".into(),
                kind,
                opd_code: None,
            },
        )
        .unwrap();
    }
    let mut inputs = Vec::new();
    for (code, body) in [
        ("RA-01", "Jangkau desa terpencil."),
        ("RA-03", "-Tanpa biaya"),
    ] {
        let input = InputForm {
            id: None,
            session_id: session.id.clone(),
            action_id: action(&store, code),
            author: "Orang".into(),
            organisation: "LSM Pattiro".into(),
            body: body.into(),
        };
        inputs.push(cocreation::save_input(&mut store, &input).unwrap());
    }
    cocreation::set_response(
        &mut store,
        &ResponseForm {
            input_id: inputs[0].id.clone(),
            decision: Decision::AcceptedWithChanges,
            reason: "Bertahap per kecamatan.".into(),
        },
    )
    .unwrap();

    // The self-assessment of two actions.
    for (code, completion, opened, links) in [
        (
            "RA-01",
            Completion::Complete,
            OpenedGovernment::Major,
            vec!["https://wonosobokab.go.id/jkn", "https://contoh.id/2"],
        ),
        (
            "RA-05",
            Completion::Limited,
            OpenedGovernment::Marginal,
            vec![],
        ),
    ] {
        let form = AssessmentForm {
            action_id: action(&store, code),
            completion,
            opened_government: opened,
            explanation: format!("=Penjelasan {code}"),
            evidence_links: links.into_iter().map(String::from).collect(),
        };
        self_assessment::set(&mut store, &form).unwrap();
    }

    // A web link as evidence, written at an OPD (Bappeda's rows come by import).
    let (milestone, opd): (String, String) = store
        .conn()
        .query_row(
            "SELECT m.id, o.code FROM milestones m JOIN opds o ON o.id = m.opd_id LIMIT 1",
            [],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .unwrap();
    let clerk = Profile::new(Role::Opd { code: opd }, "Petugas OPD").unwrap();
    store
        .write(|tx| renaksi_core::profile::save(tx, &clerk))
        .unwrap();
    let linked = evidence::add_link(
        &mut store,
        &LinkInput {
            target: EvidenceTarget {
                milestone_id: Some(milestone),
                indicator_id: None,
                year: None,
                quarter: None,
            },
            title: "Berita acara".into(),
            url: "https://wonosobokab.go.id/berita".into(),
        },
    )
    .unwrap();
    let plan_id: String = store
        .conn()
        .query_row("SELECT id FROM plans", [], |r| r.get(0))
        .unwrap();

    let out = dir.path().join("terbuka");
    opendata::write(&store, &out).unwrap();
    let descriptor: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("datapackage.json")).unwrap()).unwrap();
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("rencana-aksi.json")).unwrap()).unwrap();
    let tables: Vec<&serde_json::Value> = descriptor["resources"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["format"] == "csv")
        .collect();
    assert_eq!(
        tables.len(),
        EXPECTED.len(),
        "a published table this test does not check, or one it misses"
    );

    for table in tables {
        let file = table["path"].as_str().unwrap();
        let name = file.trim_end_matches(".csv");
        let sql = EXPECTED
            .iter()
            .find(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("no expectation for {name}"))
            .1;
        let fields: Vec<String> = table["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap().to_string())
            .collect();

        let mut reader = csv::Reader::from_path(out.join(file)).unwrap();
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(header, fields, "{file}: the columns the descriptor names");
        let mut csv_rows: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(String::from).collect())
            .collect();

        let mut json_rows: Vec<Vec<serde_json::Value>> = json[name]
            .as_array()
            .unwrap_or_else(|| panic!("{name} in the JSON"))
            .iter()
            .map(|record| fields.iter().map(|f| record[f].clone()).collect())
            .collect();

        let mut db_rows = expected_rows(&store, sql, &plan_id);
        // Supporting OPDs are a set: compare them in one order.
        if name == "rencana_aksi" {
            let at = fields.iter().position(|f| f == "opd_pendukung").unwrap();
            let sorted = |text: &str| {
                let mut codes: Vec<&str> = text.split(',').filter(|c| !c.is_empty()).collect();
                codes.sort();
                codes.join(",")
            };
            for row in &mut json_rows {
                row[at] = sorted(row[at].as_str().unwrap()).into();
            }
            for row in &mut csv_rows {
                row[at] = sorted(&row[at]);
            }
        }
        assert!(
            !db_rows.is_empty() || name == "bukti_dukung",
            "{name} has rows to compare"
        );
        assert_eq!(csv_rows.len(), db_rows.len(), "{file}: rows");
        assert_eq!(json_rows.len(), db_rows.len(), "{name} in the JSON: rows");

        let key = |row: &Vec<serde_json::Value>| row.iter().map(csv_text).collect::<Vec<_>>();
        db_rows.sort_by_key(key);
        json_rows.sort_by_key(key);
        csv_rows.sort();
        for ((db, published), csv_row) in db_rows.iter().zip(&json_rows).zip(&csv_rows) {
            for (i, field) in fields.iter().enumerate() {
                assert!(
                    same(&db[i], &published[i]),
                    "{name}.{field}: the database holds {:?}, the JSON {:?}",
                    db[i],
                    published[i]
                );
                let csv_cell = &csv_row[i];
                match db[i].as_f64() {
                    Some(n) => assert_eq!(
                        csv_cell.parse::<f64>().ok(),
                        Some(n),
                        "{file}.{field}: {csv_cell:?}"
                    ),
                    None => assert_eq!(*csv_cell, csv_text(&db[i]), "{file}.{field}"),
                }
            }
        }
    }
    assert_eq!(linked.entity, "milestone");
    let assessed = json["penilaian_mandiri"].as_array().unwrap();
    assert_eq!(assessed.len(), 2);
    let everything = std::fs::read_to_string(out.join("penilaian_mandiri.csv")).unwrap();
    assert!(
        !everything.contains("Admin Bappeda"),
        "who recorded is not published"
    );
}
