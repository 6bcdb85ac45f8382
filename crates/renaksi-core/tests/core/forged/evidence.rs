//! See `forged/mod.rs`. Evidence: a signed report carrying a `file:` (or UNC,
//! or `ms-`) link is refused with the reason and changes nothing; a bundle
//! whose file was altered after the report was signed has that entry refused
//! by name, and nothing of it is kept; a signed report naming a file that
//! could run a program (`bukti.pdf.hta`, `x.docm`) has its bundle stored, but
//! the file is never opened: its folder is offered instead.

use std::path::Path;

use renaksi_core::editing::evidence::{self, Opening};
use renaksi_core::report::export::workbook_bytes;
use renaksi_core::report::import::{import_file, Imported};
use renaksi_core::report::snapshot::{self, EvidenceRow, ExportInfo};
use renaksi_core::workbook::Paper;
use renaksi_core::{Result, Store};

use crate::evidence::{dump, listed, offices, sha256_hex, zip_of, Offices, PDF, TW2_2019};

/// Bappeda imports a report: the one place this file does it.
fn import_report(bappeda: &mut Store, report: &Path) -> Result<Imported> {
    crate::confirming_first_key(|decisions| import_file(bappeda, report, decisions))
}

#[test]
fn a_signed_report_with_a_file_link_is_refused_and_changes_nothing() {
    let mut offices: Offices = offices();
    let info = ExportInfo {
        period: TW2_2019,
        exported_at: "2019-07-10T02:00:00Z".into(),
        sequence: 1,
        sign_place: "Wonosobo".into(),
        sign_date: "10 Juli 2019".into(),
        head_position: "Kepala".into(),
        head_name: "Kepala OPD".into(),
        head_nip: String::new(),
    };
    let honest = snapshot::build(offices.opd.conn(), "DINKES", &info).unwrap();
    let milestone_id = honest.data.milestones[0].id.clone();
    let key = ed25519_dalek::SigningKey::from_bytes(&[9; 32]);
    let before = dump(&offices.bappeda);
    for (i, url) in [
        "file:///usr/bin/xterm",
        "FILE:///C:/Windows/System32/calc.exe",
        "\\\\server\\share\\x.exe",
        "ms-settings:privacy",
        "javascript:alert(1)",
    ]
    .into_iter()
    .enumerate()
    {
        let mut forged = honest.clone();
        forged.data.evidence.push(EvidenceRow {
            id: format!("019000000000-0000-7000-8000-00000000000{i}"),
            milestone_id: Some(milestone_id.clone()),
            indicator_id: None,
            year: None,
            quarter: None,
            kind: "link".into(),
            title: "Dokumen".into(),
            file_name: None,
            sha256: None,
            url: Some(url.into()),
        });
        snapshot::sort(&mut forged.data);
        let bytes = workbook_bytes(&forged, &key, Paper::A4).unwrap();
        let path = offices.dir.path().join(format!("palsu-{i}.xlsx"));
        std::fs::write(&path, &bytes).unwrap();
        let error = import_report(&mut offices.bappeda, &path).unwrap_err();
        assert_eq!(error.field(), Some("file"), "{url}: {error}");
        assert!(
            error.to_string().contains("bukan tautan web"),
            "{url}: {error}"
        );
        assert_eq!(dump(&offices.bappeda), before, "{url}");
    }
    // The same rows without the link import (the refusal was the link's).
    let path = offices.dir.path().join("jujur.xlsx");
    std::fs::write(&path, workbook_bytes(&honest, &key, Paper::A4).unwrap()).unwrap();
    import_report(&mut offices.bappeda, &path).unwrap();
}

#[test]
fn a_bundle_whose_file_was_altered_after_signing_is_refused_by_name() {
    let mut offices = offices();
    let exported = offices.export(true).unwrap();
    import_report(&mut offices.bappeda, &exported.path).unwrap();
    let before = dump(&offices.bappeda);

    // The entry keeps its name (the signed hash) but not its bytes.
    let sha = sha256_hex(PDF);
    let altered = offices.dir.path().join("diubah.bukti.zip");
    let mut changed = PDF.to_vec();
    changed.extend_from_slice(b"% halaman palsu\n");
    zip_of(&altered, &[(format!("{sha}.pdf").as_str(), &changed)], true);
    let imported = offices.import_bundle(&altered).unwrap();
    assert_eq!(
        (imported.received, imported.rows, imported.changed),
        (0, 0, false)
    );
    assert_eq!(imported.refused.len(), 1);
    assert_eq!(imported.refused[0].entry, format!("{sha}.pdf"));
    assert!(
        imported.refused[0]
            .reason
            .contains("diubah setelah laporan dibuat"),
        "{:?}",
        imported.refused
    );
    assert_eq!(dump(&offices.bappeda), before);
    assert!(offices.bappeda_files().is_empty());
    let item = offices
        .listed_at_bappeda()
        .into_iter()
        .find(|e| e.id == offices.evidence_id)
        .unwrap();
    assert!(item.awaiting_file, "still belum diterima");

    // The genuine bundle is still welcome.
    let genuine = offices
        .import_bundle(&exported.evidence.unwrap().path)
        .unwrap();
    assert_eq!((genuine.received, genuine.rows), (1, 1));
}

#[test]
fn a_signed_file_that_could_run_a_program_is_stored_but_only_its_folder_is_offered() {
    let mut offices: Offices = offices();
    let info = ExportInfo {
        period: TW2_2019,
        exported_at: "2019-07-10T02:00:00Z".into(),
        sequence: 1,
        sign_place: "Wonosobo".into(),
        sign_date: "10 Juli 2019".into(),
        head_position: "Kepala".into(),
        head_name: "Kepala OPD".into(),
        head_nip: String::new(),
    };
    let mut forged = snapshot::build(offices.opd.conn(), "DINKES", &info).unwrap();
    let milestone_id = forged.data.milestones[0].id.clone();
    let hta: &[u8] = b"<script>new ActiveXObject('WScript.Shell').Run('calc')</script>";
    let docm: &[u8] = b"PK\x03\x04 makro";
    let files = [
        (
            "019000000000-0000-7000-8000-0000000000a1",
            "bukti.pdf.hta",
            hta,
        ),
        ("019000000000-0000-7000-8000-0000000000a2", "x.docm", docm),
    ];
    for (id, name, bytes) in files {
        forged.data.evidence.push(EvidenceRow {
            id: id.into(),
            milestone_id: Some(milestone_id.clone()),
            indicator_id: None,
            year: None,
            quarter: None,
            kind: "file".into(),
            title: name.into(),
            file_name: Some(name.into()),
            sha256: Some(sha256_hex(bytes)),
            url: None,
        });
    }
    snapshot::sort(&mut forged.data);
    let key = ed25519_dalek::SigningKey::from_bytes(&[9; 32]);
    let report = offices.dir.path().join("laporan.xlsx");
    std::fs::write(&report, workbook_bytes(&forged, &key, Paper::A4).unwrap()).unwrap();
    import_report(&mut offices.bappeda, &report).unwrap();
    let bundle = offices.dir.path().join("laporan.bukti.zip");
    let hta_entry = format!("{}.hta", sha256_hex(hta));
    let docm_entry = format!("{}.docm", sha256_hex(docm));
    zip_of(
        &bundle,
        &[(hta_entry.as_str(), hta), (docm_entry.as_str(), docm)],
        true,
    );
    let imported = offices.import_bundle(&bundle).unwrap();
    assert_eq!((imported.received, imported.rows), (2, 2), "{imported:?}");

    let shown = listed(&offices.bappeda, &offices.action_id);
    for (id, name, bytes) in files {
        // Stored, by content, under the signed name...
        let stored = offices
            .bappeda_data
            .join("bukti")
            .join(sha256_hex(bytes))
            .join(name);
        assert_eq!(std::fs::read(&stored).unwrap(), bytes, "{name}");
        let view = shown.iter().find(|e| e.id == id).unwrap();
        assert!(!view.awaiting_file && !view.opens_directly, "{name}");
        // ...but never handed to the opener: its folder is offered, with why.
        match evidence::opening(&offices.bappeda, &offices.bappeda_data, id).unwrap() {
            Opening::Folder { folder, reason } => {
                assert!(folder.is_dir(), "{name}: {folder:?}");
                assert_eq!(
                    folder.canonicalize().unwrap(),
                    stored.parent().unwrap().canonicalize().unwrap()
                );
                assert!(reason.contains("tidak dibuka langsung"), "{reason}");
                assert!(reason.contains(name), "{reason}");
            }
            other => panic!("{name} opens as {other:?}"),
        }
        let folder = evidence::folder_opening(&offices.bappeda, &offices.bappeda_data, id).unwrap();
        assert!(folder.is_dir() && folder.ends_with(sha256_hex(bytes)));
    }
    // The PDF of the same OPD, once received, still opens.
    assert!(shown
        .iter()
        .filter(|e| e.kind == "file" && e.file_name.as_deref() == Some("daftar hadir.pdf"))
        .all(|e| e.opens_directly));
}
