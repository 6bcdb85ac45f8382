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
