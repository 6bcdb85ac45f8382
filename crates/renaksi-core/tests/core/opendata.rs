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
