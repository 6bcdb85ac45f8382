//! Evidence files travel with the report (issue #17): the OPD's export writes
//! the evidence bundle beside its report; Bappeda imports the report (its
//! files "belum diterima") and the bundle, with it or later, each file checked
//! against its signed hash within caps; files open only from the evidence
//! folder; attaching copies only a regular file within the cap.

use std::io::Write;
use std::path::{Path, PathBuf};

use renaksi_core::demo::{self, DemoView};
use renaksi_core::detail::{action_detail, EvidenceView};
use renaksi_core::editing::evidence::{self, EvidenceTarget, Opening};
use renaksi_core::period::PeriodRef;
use renaksi_core::profile::{Profile, Role};
use renaksi_core::report::evidence_bundle::{self, BundleImported, Limits};
use renaksi_core::report::export::{export_with_evidence, Exported};
use renaksi_core::report::import::{import_file, Imported};
use renaksi_core::store::{actions, plans};
use renaksi_core::workbook::Paper;
use renaksi_core::{Result, Store};

pub const TW2_2019: PeriodRef = PeriodRef {
    year: 2019,
    quarter: 2,
};

/// A small PDF, as a scan of a signed attendance list would start.
pub const PDF: &[u8] =
    b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% daftar hadir rapat\n%%EOF\n";

/// An OPD (DINKES) and Bappeda, each with a database and data folder on disk,
/// in one temporary folder; the OPD has attached [`PDF`] to a milestone.
pub struct Offices {
    pub dir: tempfile::TempDir,
    pub opd: Store,
    pub opd_data: PathBuf,
    pub bappeda: Store,
    pub bappeda_data: PathBuf,
    pub action_id: String,
    pub evidence_id: String,
    exports: usize,
}

impl Offices {
    /// Exports the OPD's report of 2019-TW2 into the folder `kirim/`.
    pub fn export(&mut self, with_evidence: bool) -> Result<Exported> {
        self.exports += 1;
        let out = self.dir.path().join("kirim");
        std::fs::create_dir_all(&out).unwrap();
        let out = out.join(format!("laporan-dinkes-2019-tw2-{}.xlsx", self.exports));
        export_with_evidence(
            &mut self.opd,
            &self.opd_data,
            TW2_2019,
            Paper::A4,
            &out,
            with_evidence,
        )
    }

    /// Bappeda's evidence as its workspace lists it.
    pub fn listed_at_bappeda(&self) -> Vec<EvidenceView> {
        listed(&self.bappeda, &self.action_id)
    }

    pub fn import_bundle(&mut self, bundle: &Path) -> Result<BundleImported> {
        evidence_bundle::import_file(&mut self.bappeda, &self.bappeda_data, bundle)
    }

    /// Every file in Bappeda's data folder but the database's own.
    pub fn bappeda_files(&self) -> Vec<PathBuf> {
        files_under(&self.bappeda_data.join("bukti"))
    }
}

pub fn listed(store: &Store, action_id: &str) -> Vec<EvidenceView> {
    let detail = action_detail(store.conn(), action_id, None).unwrap();
    detail
        .milestones
        .iter()
        .flat_map(|m| m.evidence.clone())
        .chain(
            detail
                .indicators
                .iter()
                .flat_map(|i| i.realisations.iter().flat_map(|r| r.evidence.clone())),
        )
        .collect()
}

pub fn files_under(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                found.extend(files_under(&path));
            } else {
                found.push(path);
            }
        }
    }
    found.sort();
    found
}

fn action_id(store: &Store, code: &str) -> String {
    let plan = plans::current(store.conn()).unwrap().unwrap();
    actions::list(store.conn(), &plan.id)
        .unwrap()
        .into_iter()
        .find(|a| a.code == code)
        .unwrap()
        .id
}

pub fn offices() -> Offices {
    let dir = tempfile::tempdir().unwrap();
    let opd_data = dir.path().join("dinkes");
    let bappeda_data = dir.path().join("bappeda");
    std::fs::create_dir_all(&opd_data).unwrap();
    std::fs::create_dir_all(&bappeda_data).unwrap();
    let mut opd = Store::open(&opd_data.join("renaksi.db")).unwrap();
    let profile = Profile::new(
        Role::Opd {
            code: "DINKES".into(),
        },
        "Operator",
    )
    .unwrap();
    demo::load_as(&mut opd, &DemoView::Opd("DINKES".into()), &profile).unwrap();
    let mut bappeda = Store::open(&bappeda_data.join("renaksi.db")).unwrap();
    demo::load(&mut bappeda, &DemoView::Bappeda).unwrap();

    let action_id = action_id(&opd, "RA-01");
    let milestone = action_detail(opd.conn(), &action_id, None)
        .unwrap()
        .milestones
        .into_iter()
        .find(|m| m.can_edit)
        .unwrap();
    let source = dir.path().join("daftar hadir.pdf");
    std::fs::write(&source, PDF).unwrap();
    evidence::add_file(
        &mut opd,
        &opd_data,
        &EvidenceTarget {
            milestone_id: Some(milestone.id),
            indicator_id: None,
            year: None,
            quarter: None,
        },
        &source,
    )
    .unwrap();
    let evidence_id = listed(&opd, &action_id)
        .into_iter()
        .find(|e| e.kind == "file")
        .unwrap()
        .id;
    Offices {
        dir,
        opd,
        opd_data,
        bappeda,
        bappeda_data,
        action_id,
        evidence_id,
        exports: 0,
    }
}

/// Bappeda imports a report: the one place this file does it.
fn import_report(offices: &mut Offices, report: &Path) -> Result<Imported> {
    crate::confirming_first_key(|decisions| import_file(&mut offices.bappeda, report, decisions))
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::Digest;
    sha2::Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A bundle made by hand: the given entries, stored or deflated.
pub fn zip_of(path: &Path, entries: &[(&str, &[u8])], deflate: bool) {
    let file = std::fs::File::create(path).unwrap();
    let mut zip = zip::ZipWriter::new(file);
    let method = if deflate {
        zip::CompressionMethod::Deflated
    } else {
        zip::CompressionMethod::Stored
    };
    for (name, bytes) in entries {
        zip.start_file(
            *name,
            zip::write::SimpleFileOptions::default().compression_method(method),
        )
        .unwrap();
        zip.write_all(bytes).unwrap();
    }
    zip.finish().unwrap();
}

/// Makes the local and central headers of `entry` say it unpacks to `size` bytes.
fn declare_size(bytes: &mut [u8], entry: &str, size: u32) {
    let name = entry.as_bytes();
    let mut patched = 0;
    for at in 0..bytes.len().saturating_sub(46 + name.len()) {
        // The uncompressed size and the name, in a local and a central header.
        let (size_at, name_at) = match &bytes[at..at + 4] {
            b"PK\x03\x04" => (at + 22, at + 30),
            b"PK\x01\x02" => (at + 24, at + 46),
            _ => continue,
        };
        if bytes[name_at..].starts_with(name) {
            bytes[size_at..size_at + 4].copy_from_slice(&size.to_le_bytes());
            patched += 1;
        }
    }
    assert_eq!(patched, 2, "both headers of {entry}");
}

/// Every table of a database as text, to compare before and after.
pub fn dump(store: &Store) -> String {
    let conn = store.conn();
    let mut out = String::new();
    for table in ["evidence", "audit_log", "reports", "milestones"] {
        let mut stmt = conn
            .prepare(&format!("SELECT * FROM {table} ORDER BY 1"))
            .unwrap();
        let columns = stmt.column_count();
        let rows = stmt
            .query_map([], |r| {
                Ok((0..columns)
                    .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                    .collect::<Vec<_>>()
                    .join("|"))
            })
            .unwrap();
        for row in rows {
            out.push_str(&row.unwrap());
            out.push('\n');
        }
    }
    out
}

#[test]
fn a_report_with_a_file_imports_and_its_bundle_brings_the_file() {
    let mut offices = offices();
    let exported = offices.export(true).unwrap();
    let written = exported.evidence.clone().expect("the report names a file");
    assert_eq!(written.files, 1);
    assert_eq!(
        written.path,
        exported
            .path
            .with_file_name("laporan-dinkes-2019-tw2-1.bukti.zip")
    );

    // The report alone imports; its file is "belum diterima" and does not open.
    import_report(&mut offices, &exported.path).unwrap();
    let item = offices
        .listed_at_bappeda()
        .into_iter()
        .find(|e| e.id == offices.evidence_id)
        .unwrap();
    assert!(item.awaiting_file);
    assert_eq!(item.file_name.as_deref(), Some("daftar hadir.pdf"));
    let error = evidence::opening(&offices.bappeda, &offices.bappeda_data, &item.id).unwrap_err();
    assert!(error.to_string().contains("belum diterima"), "{error}");

    // Its bundle brings the file: stored by content, opened from Bappeda's folder.
    let bundle = offices.import_bundle(&written.path).unwrap();
    assert_eq!((bundle.received, bundle.rows), (1, 1));
    assert!(bundle.changed && bundle.refused.is_empty(), "{bundle:?}");
    let item = offices
        .listed_at_bappeda()
        .into_iter()
        .find(|e| e.id == offices.evidence_id)
        .unwrap();
    assert!(!item.awaiting_file);
    let Opening::File(path) =
        evidence::opening(&offices.bappeda, &offices.bappeda_data, &item.id).unwrap()
    else {
        panic!("a file opens as a file");
    };
    let expected = offices
        .bappeda_data
        .join("bukti")
        .join(sha256_hex(PDF))
        .join("daftar hadir.pdf");
    assert_eq!(
        path.canonicalize().unwrap(),
        expected.canonicalize().unwrap()
    );
    assert_eq!(std::fs::read(&path).unwrap(), PDF);
    let history = renaksi_core::store::audit::history(
        offices.bappeda.conn(),
        "milestone",
        &offices
            .bappeda
            .conn()
            .query_row(
                "SELECT milestone_id FROM evidence WHERE id = ?1",
                [&offices.evidence_id],
                |r| r.get::<_, String>(0),
            )
            .unwrap(),
    )
    .unwrap();
    assert!(
        history
            .iter()
            .any(|h| h.new_value.as_deref() == Some("berkas \"daftar hadir.pdf\" diterima")),
        "{history:?}"
    );

    // Twice changes nothing.
    let before = dump(&offices.bappeda);
    let files = offices.bappeda_files();
    let again = offices.import_bundle(&written.path).unwrap();
    assert_eq!((again.received, again.rows, again.changed), (1, 0, false));
    assert_eq!(dump(&offices.bappeda), before);
    assert_eq!(offices.bappeda_files(), files);

    // A newer report without its bundle keeps the file already received.
    let newer = offices.export(false).unwrap();
    assert_eq!(newer.evidence, None);
    assert!(!evidence_bundle::path_beside(&newer.path).exists());
    import_report(&mut offices, &newer.path).unwrap();
    let item = offices
        .listed_at_bappeda()
        .into_iter()
        .find(|e| e.id == offices.evidence_id)
        .unwrap();
    assert!(!item.awaiting_file);
}

#[test]
fn the_report_and_its_bundle_import_in_either_order_of_arrival_but_a_bundle_needs_its_report() {
    let mut offices = offices();
    let exported = offices.export(true).unwrap();
    let bundle = exported.evidence.unwrap().path;
    let before = dump(&offices.bappeda);

    // The bundle before its report: each entry refused with a clear message,
    // nothing kept.
    let early = offices.import_bundle(&bundle).unwrap();
    assert_eq!((early.received, early.rows, early.changed), (0, 0, false));
    assert_eq!(early.refused.len(), 1);
    assert!(early.refused[0].entry.starts_with(&sha256_hex(PDF)));
    assert!(
        early.refused[0]
            .reason
            .contains("impor laporannya lebih dulu"),
        "{:?}",
        early.refused
    );
    assert_eq!(dump(&offices.bappeda), before);
    assert!(offices.bappeda_files().is_empty());

    // Then the report, then the bundle again: the file arrives.
    import_report(&mut offices, &exported.path).unwrap();
    let late = offices.import_bundle(&bundle).unwrap();
    assert_eq!((late.received, late.rows), (1, 1));
}

#[test]
fn a_bundle_is_refused_whole_when_it_breaks_a_cap_and_nothing_is_kept() {
    let mut offices = offices();
    let exported = offices.export(true).unwrap();
    import_report(&mut offices, &exported.path).unwrap();
    let dir = offices.dir.path().to_path_buf();
    let before = dump(&offices.bappeda);
    let sha = sha256_hex(PDF);
    let refused = |offices: &mut Offices, path: &Path, limits: &Limits, expect: &str| {
        let error = evidence_bundle::import_with_limits(
            &mut offices.bappeda,
            &offices.bappeda_data,
            path,
            limits,
        )
        .unwrap_err();
        assert_eq!(error.field(), Some("file"), "{error}");
        assert!(error.to_string().contains(expect), "{expect}: {error}");
        assert_eq!(dump(&offices.bappeda), before);
        assert!(
            offices.bappeda_files().is_empty(),
            "{:?}",
            offices.bappeda_files()
        );
    };

    // Too many entries (the real cap), the PDF among them.
    let many = dir.join("banyak.zip");
    let names: Vec<String> = (0..=evidence_bundle::MAX_ENTRIES)
        .map(|i| format!("{i}.txt"))
        .collect();
    let mut entries: Vec<(&str, &[u8])> = names.iter().map(|n| (n.as_str(), &b"x"[..])).collect();
    entries[0] = (sha.as_str(), PDF);
    zip_of(&many, &entries, false);
    refused(&mut offices, &many, &Limits::default(), "terlalu banyak");

    // A zip bomb: 8 MB of zeros packed a thousand times (the real cap).
    let bomb = dir.join("bom.zip");
    let zeros = vec![0u8; 8 * 1024 * 1024];
    zip_of(&bomb, &[(sha.as_str(), PDF), ("nol.bin", &zeros)], true);
    refused(&mut offices, &bomb, &Limits::default(), "bom zip");

    // A file over the cap per file, and a bundle over the total (smaller caps,
    // the same checks).
    let two = dir.join("dua.zip");
    let big = vec![7u8; 4096];
    zip_of(&two, &[(sha.as_str(), PDF), ("besar.bin", &big)], false);
    let small = Limits {
        entry_bytes: 1024,
        ..Limits::default()
    };
    refused(
        &mut offices,
        &two,
        &small,
        "\"besar.bin\" mengembang lebih dari",
    );
    let total = Limits {
        total_bytes: 2048,
        ..Limits::default()
    };
    refused(&mut offices, &two, &total, "isinya mengembang lebih dari");

    // An entry that unpacks to more than its headers say (the real caps): the
    // zip reader or the bounded read stops it; the refusal names it.
    let lying = dir.join("bohong.zip");
    let long = vec![b'a'; 100_000];
    zip_of(&lying, &[(sha.as_str(), PDF), ("panjang.txt", &long)], true);
    let mut bytes = std::fs::read(&lying).unwrap();
    declare_size(&mut bytes, "panjang.txt", 10);
    std::fs::write(&lying, &bytes).unwrap();
    refused(&mut offices, &lying, &Limits::default(), "\"panjang.txt\"");

    // A bundle file over the size cap (the real cap) is refused before reading.
    let huge = dir.join("besar.zip");
    std::fs::File::create(&huge)
        .unwrap()
        .set_len(evidence_bundle::MAX_BUNDLE_BYTES + 1)
        .unwrap();
    refused(&mut offices, &huge, &Limits::default(), "lebih besar dari");

    // Not a zip at all.
    let text = dir.join("bukan.zip");
    std::fs::write(&text, b"bukan zip").unwrap();
    refused(&mut offices, &text, &Limits::default(), "bukan berkas .zip");
}

#[test]
fn a_bundle_of_many_small_highly_packed_entries_is_refused_before_anything_is_written() {
    let mut offices = offices();
    let exported = offices.export(true).unwrap();
    import_report(&mut offices, &exported.path).unwrap();
    let before = dump(&offices.bappeda);
    // 1500 entries of 64 KiB of zeros: each under the floor of the ratio per
    // entry and the whole under the caps on entries and total size, but
    // ~96 MB from a few hundred KB. The signed PDF is among them.
    let zeros = vec![0u8; 64 * 1024];
    let names: Vec<String> = (0..1500).map(|i| format!("{i}.bin")).collect();
    let sha = sha256_hex(PDF);
    let mut entries: Vec<(&str, &[u8])> = vec![(sha.as_str(), PDF)];
    entries.extend(names.iter().map(|n| (n.as_str(), zeros.as_slice())));
    let bomb = offices.dir.path().join("bom-kecil.zip");
    zip_of(&bomb, &entries, true);
    let packed = std::fs::metadata(&bomb).unwrap().len();
    assert!(packed < 2 * 1024 * 1024, "{packed}");
    let error = offices.import_bundle(&bomb).unwrap_err();
    assert_eq!(error.field(), Some("file"), "{error}");
    assert!(error.to_string().contains("bom zip"), "{error}");
    assert_eq!(dump(&offices.bappeda), before);
    assert!(
        offices.bappeda_files().is_empty(),
        "{:?}",
        offices.bappeda_files()
    );
    // The genuine bundle still brings the file, and nothing else is left.
    let genuine = offices
        .import_bundle(&exported.evidence.unwrap().path)
        .unwrap();
    assert_eq!((genuine.received, genuine.rows), (1, 1));
    assert_eq!(offices.bappeda_files().len(), 1);
}

/// Two text files that pack 1000 to 1: each under the ratio floor, the whole
/// far beyond the bundle's ratio. The bundle the app writes stores what must
/// be stored, so its own import takes it. Before, every file was deflated and
/// the genuine bundle was refused whole as a zip bomb.
#[test]
fn a_bundle_of_highly_packable_files_the_app_writes_passes_its_own_import() {
    let mut offices = offices();
    let milestone = action_detail(offices.opd.conn(), &offices.action_id, None)
        .unwrap()
        .milestones
        .into_iter()
        .find(|m| m.can_edit)
        .unwrap();
    let texts = [vec![b'a'; 600 * 1024], vec![b'b'; 600 * 1024]];
    for (i, text) in texts.iter().enumerate() {
        let source = offices.dir.path().join(format!("catatan-{i}.txt"));
        std::fs::write(&source, text).unwrap();
        evidence::add_file(
            &mut offices.opd,
            &offices.opd_data,
            &EvidenceTarget {
                milestone_id: Some(milestone.id.clone()),
                indicator_id: None,
                year: None,
                quarter: None,
            },
            &source,
        )
        .unwrap();
    }
    let exported = offices.export(true).unwrap();
    let written = exported.evidence.clone().unwrap();
    assert_eq!(written.files, 3);
    import_report(&mut offices, &exported.path).unwrap();
    let bundle = offices.import_bundle(&written.path).unwrap();
    assert_eq!(bundle.received, 3, "{bundle:?}");
    assert!(bundle.refused.is_empty(), "{bundle:?}");
    for text in &texts {
        let held = offices
            .bappeda_files()
            .into_iter()
            .find(|path| {
                path.starts_with(offices.bappeda_data.join("bukti").join(sha256_hex(text)))
            })
            .unwrap();
        assert_eq!(&std::fs::read(held).unwrap(), text);
    }
}

#[test]
fn only_documents_open_directly_and_a_resolved_windows_path_is_handed_on_plain() {
    for name in [
        "a.pdf",
        "A.PDF",
        "scan.jpeg",
        "f.jpg",
        "p.png",
        "g.gif",
        "w.webp",
        "t.txt",
        "d.docx",
        "x.xlsx",
        "s.pptx",
        "o.odt",
        "o.ods",
        "o.odp",
        "bukti.pdf.",
    ] {
        assert!(evidence::opens_directly(name), "{name}");
    }
    for name in [
        "bukti.pdf.hta",
        "x.docm",
        "x.xlsm",
        "x.pptm",
        "a.js",
        "a.lnk",
        "a.scr",
        "a.exe",
        "a.html",
        "a.svg",
        "a.doc",
        "pdf",
        ".pdf",
        "a.pdf.hta ",
        "a",
        "",
    ] {
        assert!(!evidence::opens_directly(name), "{name}");
    }
    use std::path::PathBuf;
    assert_eq!(
        evidence::plain_path(PathBuf::from(r"\\?\C:\Data\bukti\a.pdf")),
        PathBuf::from(r"C:\Data\bukti\a.pdf")
    );
    assert_eq!(
        evidence::plain_path(PathBuf::from(r"\\?\UNC\server\share\a.pdf")),
        PathBuf::from(r"\\server\share\a.pdf")
    );
    assert_eq!(
        evidence::plain_path(PathBuf::from("/home/x/bukti/a.pdf")),
        PathBuf::from("/home/x/bukti/a.pdf")
    );
}

#[test]
fn an_entry_name_is_never_a_path() {
    let mut offices = offices();
    let exported = offices.export(true).unwrap();
    import_report(&mut offices, &exported.path).unwrap();
    let dir = offices.dir.path().to_path_buf();
    let bundle = dir.join("nama.zip");
    zip_of(
        &bundle,
        &[
            ("../x", PDF),
            ("/tmp/../../etc/renaksi-y", b"lain"),
            ("..\\..\\z", b"lain lagi"),
        ],
        true,
    );
    let imported = offices.import_bundle(&bundle).unwrap();
    // The PDF is taken by its content, stored under its hash and the name the
    // signed report gives; the others are refused by name.
    assert_eq!((imported.received, imported.rows), (1, 1));
    assert_eq!(imported.refused.len(), 2, "{:?}", imported.refused);
    assert_eq!(imported.refused[0].entry, "/tmp/../../etc/renaksi-y");
    assert!(!offices.bappeda_data.join("x").exists());
    assert!(!dir.join("x").exists());
    assert!(!Path::new("/etc/renaksi-y").exists());
    assert_eq!(
        offices.bappeda_files(),
        vec![offices
            .bappeda_data
            .join("bukti")
            .join(sha256_hex(PDF))
            .join("daftar hadir.pdf")]
    );
}

#[test]
fn an_export_with_evidence_whose_file_is_gone_writes_nothing() {
    let mut offices = offices();
    let stored = evidence_bundle_file(&offices);
    std::fs::remove_file(&stored).unwrap();
    let error = offices.export(true).unwrap_err();
    assert_eq!(error.field(), Some("withEvidence"), "{error}");
    assert!(error.to_string().contains("daftar hadir.pdf"), "{error}");
    assert!(files_under(&offices.dir.path().join("kirim")).is_empty());
    // The next export is still number 1.
    assert_eq!(offices.export(false).unwrap().sequence, 1);

    // A file changed since it was attached is refused too.
    let mut offices = self::offices();
    std::fs::write(evidence_bundle_file(&offices), b"lain").unwrap();
    let error = offices.export(true).unwrap_err();
    assert!(
        error.to_string().contains("berubah sejak dilampirkan"),
        "{error}"
    );
    assert!(files_under(&offices.dir.path().join("kirim")).is_empty());
}

fn evidence_bundle_file(offices: &Offices) -> PathBuf {
    offices
        .opd_data
        .join("bukti")
        .join(sha256_hex(PDF))
        .join("daftar hadir.pdf")
}

#[test]
fn a_file_opens_only_from_inside_the_evidence_folder() {
    let mut offices = offices();
    let outside = offices.dir.path().join("rahasia.txt");
    std::fs::write(&outside, b"rahasia").unwrap();
    let opd_id: String = offices
        .opd
        .conn()
        .query_row(
            "SELECT opd_id FROM evidence WHERE id = ?1",
            [&offices.evidence_id],
            |r| r.get(0),
        )
        .unwrap();
    let set_path = |store: &mut Store, path: &str| {
        store
            .write(|tx| {
                tx.execute(
                    "UPDATE evidence SET stored_path = ?2 WHERE opd_id = ?1 AND kind = 'file'",
                    [&opd_id, path],
                )?;
                Ok(())
            })
            .unwrap();
    };
    for stored in [
        "../rahasia.txt".to_string(),
        "bukti/../../rahasia.txt".to_string(),
        outside.display().to_string(),
    ] {
        set_path(&mut offices.opd, &stored);
        let error =
            evidence::opening(&offices.opd, &offices.opd_data, &offices.evidence_id).unwrap_err();
        assert!(
            error.to_string().contains("di luar folder"),
            "{stored}: {error}"
        );
    }
    // A symbolic link inside the folder, pointing out of it.
    #[cfg(unix)]
    {
        let link = offices.opd_data.join("bukti").join("tautan.pdf");
        std::os::unix::fs::symlink(&outside, &link).unwrap();
        set_path(&mut offices.opd, "bukti/tautan.pdf");
        let error =
            evidence::opening(&offices.opd, &offices.opd_data, &offices.evidence_id).unwrap_err();
        assert!(error.to_string().contains("di luar folder"), "{error}");
    }
    // The real place opens.
    let real = format!("bukti/{}/daftar hadir.pdf", sha256_hex(PDF));
    set_path(&mut offices.opd, &real);
    assert!(matches!(
        evidence::opening(&offices.opd, &offices.opd_data, &offices.evidence_id).unwrap(),
        Opening::File(_)
    ));
}

#[test]
fn attaching_copies_only_a_regular_file_within_the_cap() {
    let mut offices = offices();
    let milestone_id: String = offices
        .opd
        .conn()
        .query_row(
            "SELECT milestone_id FROM evidence WHERE id = ?1",
            [&offices.evidence_id],
            |r| r.get(0),
        )
        .unwrap();
    let target = EvidenceTarget {
        milestone_id: Some(milestone_id),
        indicator_id: None,
        year: None,
        quarter: None,
    };
    let before = dump(&offices.opd);
    let stored = files_under(&offices.opd_data.join("bukti"));

    // Over the cap: refused before anything is read (a sparse file).
    let big = offices.dir.path().join("video.mp4");
    std::fs::File::create(&big)
        .unwrap()
        .set_len(evidence::MAX_FILE_BYTES + 1)
        .unwrap();
    let error = evidence::add_file(&mut offices.opd, &offices.opd_data, &target, &big).unwrap_err();
    assert_eq!(error.field(), Some("file"));
    assert!(error.to_string().contains("terlalu besar"), "{error}");

    // A folder is no file either.
    let folder = offices.dir.path().join("folder");
    std::fs::create_dir(&folder).unwrap();
    let error =
        evidence::add_file(&mut offices.opd, &offices.opd_data, &target, &folder).unwrap_err();
    assert!(error.to_string().contains("bukan berkas biasa"), "{error}");

    // A FIFO is refused at once, not waited on.
    #[cfg(unix)]
    {
        let fifo = offices.dir.path().join("pipa");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let error =
            evidence::add_file(&mut offices.opd, &offices.opd_data, &target, &fifo).unwrap_err();
        assert!(error.to_string().contains("bukan berkas biasa"), "{error}");
    }
    assert_eq!(dump(&offices.opd), before);
    assert_eq!(files_under(&offices.opd_data.join("bukti")), stored);
}

#[test]
fn a_schema_4_database_keeps_its_evidence_and_takes_files_awaiting_their_bundle() {
    use renaksi_core::store::migrations;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("renaksi.db");
    let rows = |conn: &rusqlite::Connection| -> Vec<String> {
        let mut stmt = conn.prepare("SELECT * FROM evidence ORDER BY id").unwrap();
        stmt.query_map([], |r| {
            Ok((0..13)
                .map(|i| format!("{:?}", r.get::<_, rusqlite::types::Value>(i).unwrap()))
                .collect::<Vec<_>>()
                .join("|"))
        })
        .unwrap()
        .map(|r| r.unwrap())
        .collect()
    };
    let (before, milestone, opd_id) = {
        let mut store = Store::open_with_migrations(&path, &migrations::STEPS[..4]).unwrap();
        assert_eq!(store.schema_version().unwrap(), 4);
        demo::load(&mut store, &DemoView::Bappeda).unwrap();
        let (milestone, opd_id): (String, String) = store
            .conn()
            .query_row(
                "SELECT id, opd_id FROM milestones ORDER BY id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        store
            .write(|tx| {
                tx.execute(
                    "INSERT INTO evidence (id, opd_id, milestone_id, kind, title, file_name,
                         stored_path, sha256, created_at)
                     VALUES ('berkas', ?1, ?2, 'file', 'Foto', 'foto.jpg', 'bukti/ab/foto.jpg',
                             'ab', '2019-01-01T00:00:00Z')",
                    [&opd_id, &milestone],
                )?;
                tx.execute(
                    "INSERT INTO evidence (id, opd_id, milestone_id, kind, title, url, created_at)
                     VALUES ('tautan', ?1, ?2, 'link', 'PPID', 'https://ppid.example.go.id',
                             '2019-01-01T00:00:00Z')",
                    [&opd_id, &milestone],
                )?;
                // Schema 4 refuses a file without its stored path.
                assert!(tx
                    .execute(
                        "INSERT INTO evidence (id, opd_id, milestone_id, kind, title, file_name,
                             sha256, created_at)
                         VALUES ('x', ?1, ?2, 'file', 'X', 'x.pdf', 'cd', '2019-01-01')",
                        [&opd_id, &milestone],
                    )
                    .is_err());
                Ok(())
            })
            .unwrap();
        (rows(store.conn()), milestone, opd_id)
    };
    assert!(before.len() >= 2);

    let mut store = Store::open(&path).unwrap();
    assert_eq!(store.schema_version().unwrap(), migrations::LATEST);
    assert_eq!(rows(store.conn()), before);
    let check: i64 = store
        .conn()
        .query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| {
            r.get(0)
        })
        .unwrap();
    assert_eq!(check, 0);
    let indexes: Vec<String> = store
        .conn()
        .prepare("SELECT name FROM sqlite_schema WHERE type = 'index' AND tbl_name = 'evidence' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(|r| r.unwrap())
        .collect();
    for index in [
        "evidence_indicator",
        "evidence_milestone",
        "evidence_sha256",
    ] {
        assert!(indexes.iter().any(|i| i == index), "{indexes:?}");
    }
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO evidence (id, opd_id, milestone_id, kind, title, file_name, sha256,
                     created_at)
                 VALUES ('menunggu', ?1, ?2, 'file', 'Scan', 'scan.pdf', 'cd', '2019-01-01')",
                [&opd_id, &milestone],
            )?;
            Ok(())
        })
        .unwrap();
    // A file still needs its name and hash; a link its address.
    let refused = store.write(|tx| {
        tx.execute(
            "INSERT INTO evidence (id, opd_id, milestone_id, kind, title, created_at)
             VALUES ('y', ?1, ?2, 'file', 'Y', '2019-01-01')",
            [&opd_id, &milestone],
        )?;
        Ok(())
    });
    assert!(refused.is_err());
    // Deleting the milestone still takes its evidence along.
    store
        .write(|tx| {
            tx.execute("DELETE FROM milestones WHERE id = ?1", [&milestone])?;
            Ok(())
        })
        .unwrap();
    assert!(rows(store.conn()).is_empty());
}
