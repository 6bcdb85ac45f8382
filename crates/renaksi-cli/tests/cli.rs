//! The `renaksi` binary as a clerk or a script uses it: real files in a
//! temporary folder, exit status and the one line printed on error.

use std::path::Path;
use std::process::{Command, Output};

use rusqlite::Connection;

fn renaksi(args: &[&str], data_dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_renaksi"))
        .args(args)
        // Keep the user's real data folder out of every test.
        .env("RENAKSI_DATA_DIR", data_dir)
        .output()
        .expect("renaksi runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn count(conn: &Connection, table: &str) -> i64 {
    conn.query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0))
        .unwrap()
}

/// What the OPD whose database is `db` reads out to Bappeda when asked: its
/// key's fingerprint in words, as `renaksi info` shows it.
fn fingerprint_words(db: &Path) -> String {
    let out = renaksi(&["info", "--db", &db.to_string_lossy()], Path::new("."));
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    let line = said
        .lines()
        .find_map(|l| l.strip_prefix("Sidik jari    : "))
        .unwrap_or_else(|| panic!("a fingerprint in:\n{said}"));
    line.split(" (").next().unwrap().to_string()
}

/// `--accept-new-key CODE=WORDS` for each OPD, as Bappeda's clerk types them
/// once the OPDs have read their fingerprints out: every import of a report
/// from an OPD whose key Bappeda holds not yet goes through this.
fn accepting(offices: &[(&str, &Path)]) -> Vec<String> {
    offices
        .iter()
        .flat_map(|(code, db)| {
            [
                "--accept-new-key".to_string(),
                format!("{code}={}", fingerprint_words(db)),
            ]
        })
        .collect()
}

#[test]
fn demo_creates_a_wal_database_with_the_wonosobo_plan() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let out = renaksi(&["demo", "--db", db.to_str().unwrap()], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("5 tema, 8 rencana aksi"),
        "{}",
        stdout(&out)
    );

    let conn = Connection::open(&db).unwrap();
    let mode: String = conn
        .query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .unwrap();
    assert_eq!(mode, "wal");
    let version: i64 = conn
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert!(version > 0);
    assert_eq!(count(&conn, "themes"), 5);
    assert_eq!(count(&conn, "actions"), 8);
}

#[test]
fn demo_for_an_opd_holds_only_that_opds_rows_and_opd_list_shows_every_office() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dinkes.db");
    let db_arg = db.to_str().unwrap();
    let out = renaksi(&["demo", "--db", db_arg, "--opd", "DINKES"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("OPD DINKES"));

    let conn = Connection::open(&db).unwrap();
    let others: i64 = conn
        .query_row(
            "SELECT count(*) FROM indicators i JOIN opds o ON o.id = i.opd_id WHERE o.code <> 'DINKES'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(others, 0);
    assert!(count(&conn, "indicators") > 0);

    let out = renaksi(&["opd", "list", "--db", db_arg], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let listing = stdout(&out);
    for code in [
        "DINKES",
        "DISDIK",
        "DINSOS",
        "DUKCAPIL",
        "DPKAD",
        "BAPPEDA",
        "DPPKBPPPA",
        "DPMPTSP",
    ] {
        assert!(
            listing.lines().any(|l| l.starts_with(code)),
            "{code} in:\n{listing}"
        );
    }
    assert!(listing.contains("Dinas Kesehatan"));
}

#[test]
fn the_data_folder_comes_from_renaksi_data_dir_when_no_db_is_given() {
    let dir = tempfile::tempdir().unwrap();
    let out = renaksi(&["demo"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dir.path().join("renaksi.db").is_file());
    let out = renaksi(&["info"], dir.path());
    assert!(
        stdout(&out).contains("Kabupaten Wonosobo"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn demo_into_a_database_that_has_a_plan_fails_with_one_line_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let db_arg = db.to_str().unwrap();
    assert!(renaksi(&["demo", "--db", db_arg], dir.path())
        .status
        .success());
    let actions_before = count(&Connection::open(&db).unwrap(), "actions");

    let out = renaksi(&["demo", "--db", db_arg], dir.path());
    assert!(!out.status.success());
    let err = stderr(&out);
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err}");
    assert!(err.contains("sudah berisi rencana aksi"), "{err}");
    assert_eq!(
        count(&Connection::open(&db).unwrap(), "actions"),
        actions_before
    );
}

#[test]
fn an_unknown_opd_code_fails_before_any_file_is_created() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("x.db");
    let out = renaksi(
        &["demo", "--db", db.to_str().unwrap(), "--opd", "DINAS-X"],
        dir.path(),
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("DINAS-X"), "{}", stderr(&out));
    assert!(!db.exists());
}

#[test]
fn listing_a_database_that_does_not_exist_says_so_and_creates_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("salah-ketik.db");
    let out = renaksi(&["opd", "list", "--db", db.to_str().unwrap()], dir.path());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("tidak ditemukan"), "{}", stderr(&out));
    assert!(!db.exists());
}

#[test]
fn a_database_from_a_newer_app_is_refused_and_stays_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("new.db");
    {
        let conn = Connection::open(&db).unwrap();
        conn.execute_batch("CREATE TABLE t (x); PRAGMA user_version = 999;")
            .unwrap();
    }
    let before = std::fs::read(&db).unwrap();
    let out = renaksi(&["opd", "list", "--db", db.to_str().unwrap()], dir.path());
    assert!(!out.status.success());
    let err = stderr(&out);
    assert!(err.contains("lebih baru") && err.contains("999"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before);
}

#[test]
fn help_documents_every_command() {
    let dir = tempfile::tempdir().unwrap();
    let out = renaksi(&["--help"], dir.path());
    assert!(out.status.success());
    let help = stdout(&out);
    for command in [
        "demo",
        "opd",
        "info",
        "export",
        "check",
        "package",
        "init",
        "update-package",
        "import",
        "matrix",
        "verify",
        "opendata",
        "publish",
        "assessment",
        "rekap",
        "note",
        "feedback",
        "take-feedback",
        "plan",
        "period",
        "key",
        "--db",
    ] {
        assert!(help.contains(command), "{command} in:\n{help}");
    }
    let out = renaksi(&["opd", "--help"], dir.path());
    assert!(stdout(&out).contains("list"));
    let out = renaksi(&["demo", "--help"], dir.path());
    assert!(stdout(&out).contains("--opd"));
}

/// Rewrites the first numeric cell holding `from` in one sheet of a workbook.
fn tamper(bytes: &[u8], member: &str, from: &str, to: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().to_string();
        let mut content = String::new();
        file.read_to_string(&mut content).unwrap_or_default();
        if name == member {
            let needle = format!("<v>{from}</v>");
            let mut start = 0;
            loop {
                let at = start + content[start..].find(&needle).expect("value present");
                let open = content[..at].rfind("<c ").unwrap();
                if !content[open..at].contains(" t=") {
                    content = format!(
                        "{}<v>{to}</v>{}",
                        &content[..at],
                        &content[at + needle.len()..]
                    );
                    break;
                }
                start = at + needle.len();
            }
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(content.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn an_opd_exports_its_quarterly_report_and_check_accepts_it_but_not_a_tampered_copy() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dinkes.db");
    let db_arg = db.to_str().unwrap();
    assert!(
        renaksi(&["demo", "--db", db_arg, "--opd", "DINKES"], dir.path())
            .status
            .success()
    );

    let report = dir.path().join("laporan.xlsx");
    let out = renaksi(
        &[
            "export",
            "--db",
            db_arg,
            "--period",
            "2019-Q1",
            "--out",
            report.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("Triwulan I 2019"), "{}", stdout(&out));

    let out = renaksi(&["check", report.to_str().unwrap()], dir.path());
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    let said = stdout(&out);
    assert!(
        said.contains("DINKES") && said.contains("Triwulan I 2019"),
        "{said}"
    );
    assert!(said.contains("indikator"), "{said}");

    // Change the year of the first target row in the data sheet (2019 -> 2018).
    let bytes = std::fs::read(&report).unwrap();
    let tampered = dir.path().join("diubah.xlsx");
    std::fs::write(
        &tampered,
        tamper(&bytes, "xl/worksheets/sheet3.xml", "2019", "2018"),
    )
    .unwrap();
    let out = renaksi(&["check", tampered.to_str().unwrap()], dir.path());
    assert!(!out.status.success());
    assert!(
        stdout(&out).contains("Tanda tangan tidak cocok"),
        "{}",
        stdout(&out)
    );
}

#[test]
fn export_refuses_an_unknown_period_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dinsos.db");
    let db_arg = db.to_str().unwrap();
    assert!(
        renaksi(&["demo", "--db", db_arg, "--opd", "DINSOS"], dir.path())
            .status
            .success()
    );
    let out_file = dir.path().join("x.xlsx");
    for period in ["2019-TW5", "2025-TW1"] {
        let out = renaksi(
            &[
                "export",
                "--db",
                db_arg,
                "--period",
                period,
                "--out",
                out_file.to_str().unwrap(),
            ],
            dir.path(),
        );
        assert!(!out.status.success(), "{period}");
        assert_eq!(
            stderr(&out).trim_end().lines().count(),
            1,
            "{}",
            stderr(&out)
        );
        assert!(!out_file.exists());
    }
}

#[test]
fn an_unknown_paper_is_refused_with_one_line_before_anything_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("dinsos.db");
    let db_arg = db.to_str().unwrap();
    assert!(
        renaksi(&["demo", "--db", db_arg, "--opd", "DINSOS"], dir.path())
            .status
            .success()
    );
    let out_file = dir.path().join("x.xlsx");
    let out_arg = out_file.to_str().unwrap();
    for command in ["export", "rekap"] {
        let out = renaksi(
            &[
                command, "--db", db_arg, "--period", "2019-TW1", "--out", out_arg, "--paper", "b5",
            ],
            dir.path(),
        );
        assert!(!out.status.success(), "{command}");
        assert_eq!(
            stderr(&out).trim_end(),
            "renaksi: Ukuran kertas \"b5\" tidak dikenal; pilih a4 atau f4.",
            "{command}"
        );
        assert!(!out_file.exists(), "{command}");
    }
}

#[test]
fn bappeda_imports_every_opds_report_and_refuses_the_bad_ones_without_stopping() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    assert!(renaksi(&["demo", "--db", &path("bappeda.db")], dir.path())
        .status
        .success());
    let mut reports = Vec::new();
    let mut offices = Vec::new();
    for code in ["DINKES", "DINSOS", "DUKCAPIL"] {
        // Each office keeps its own data folder, hence its own key.
        let office = dir.path().join(code);
        std::fs::create_dir_all(&office).unwrap();
        offices.push((code, office.join("opd.db")));
        let db = office.join("opd.db").to_string_lossy().into_owned();
        assert!(renaksi(&["demo", "--db", &db, "--opd", code], dir.path())
            .status
            .success());
        let out = path(&format!("laporan-{code}.xlsx"));
        let done = renaksi(
            &["export", "--db", &db, "--period", "2019-TW1", "--out", &out],
            dir.path(),
        );
        assert!(done.status.success(), "{}", stderr(&done));
        reports.push(out);
    }
    std::fs::write(path("bukan-laporan.xlsx"), "ini surat, bukan buku kerja").unwrap();

    let bappeda = path("bappeda.db");
    let junk = path("bukan-laporan.xlsx");
    let keys = accepting(
        &offices
            .iter()
            .map(|(c, d)| (*c, d.as_path()))
            .collect::<Vec<_>>(),
    );
    let mut args = vec!["import", "--db", bappeda.as_str(), junk.as_str()];
    args.extend(reports.iter().map(String::as_str));
    args.extend(keys.iter().map(String::as_str));
    let out = renaksi(&args, dir.path());
    assert!(!out.status.success(), "one file was rejected");
    let said = stdout(&out);
    assert_eq!(said.matches("DITERIMA").count(), 3, "{said}");
    assert!(
        said.contains("DITOLAK") && said.contains("bukan-laporan.xlsx"),
        "{said}"
    );
    assert!(
        stderr(&out).contains("1 dari 4 berkas ditolak"),
        "{}",
        stderr(&out)
    );

    // The same files again: nothing new, nothing refused.
    let again: Vec<&str> = ["import", "--db", &bappeda]
        .into_iter()
        .chain(reports.iter().map(String::as_str))
        .collect();
    let out = renaksi(&again, dir.path());
    assert!(out.status.success(), "{}{}", stdout(&out), stderr(&out));
    assert_eq!(
        stdout(&out).matches("SUDAH ADA").count(),
        3,
        "{}",
        stdout(&out)
    );
}

/// Bappeda's import never takes an OPD's first key silently: the refusal
/// says how to confirm it (never the file's own words), `--accept-new-key CODE=FINGERPRINT` accepts that
/// key and no other, and a malformed one is refused before anything is read.
#[test]
fn a_first_key_is_accepted_only_by_the_fingerprint_the_opd_reads_out() {
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    let bappeda = path("bappeda.db");
    assert!(renaksi(&["demo", "--db", &bappeda], dir.path())
        .status
        .success());
    // Two installations claim DINKES: the genuine office and a copy.
    let mut words = Vec::new();
    for name in ["asli", "salinan"] {
        let office = dir.path().join(name);
        std::fs::create_dir_all(&office).unwrap();
        let db = office.join("opd.db");
        let db_arg = db.to_string_lossy().into_owned();
        assert!(
            renaksi(&["demo", "--db", &db_arg, "--opd", "DINKES"], dir.path())
                .status
                .success()
        );
        let out = path(&format!("laporan-{name}.xlsx"));
        let done = renaksi(
            &[
                "export", "--db", &db_arg, "--period", "2019-TW1", "--out", &out,
            ],
            dir.path(),
        );
        assert!(done.status.success(), "{}", stderr(&done));
        words.push(fingerprint_words(&db));
    }
    let (genuine, copy) = (path("laporan-asli.xlsx"), path("laporan-salinan.xlsx"));
    let received = || count(&Connection::open(&bappeda).unwrap(), "reports");
    let import = |files: &[&str], keys: &[&str]| {
        let mut args = vec!["import", "--db", bappeda.as_str()];
        args.extend(files);
        for key in keys {
            args.extend(["--accept-new-key", key]);
        }
        renaksi(&args, dir.path())
    };

    // Malformed confirmations, or one naming no OPD: refused before anything.
    for bad in [
        "DINKES".to_string(),
        "DINKES=apel bambu".to_string(),
        format!("={}", words[0]),
        "DINKES=1A2B-3C4D-5E6F-70ZZ".to_string(),
    ] {
        let out = import(&[&genuine], &[&bad]);
        assert_eq!(out.status.code(), Some(1), "{bad}");
        assert!(stderr(&out).contains("KODE=SIDIK_JARI"), "{}", stderr(&out));
        assert!(
            stdout(&out).is_empty(),
            "nothing imported: {}",
            stdout(&out)
        );
    }
    let out = import(&[&genuine], &[&format!("TIDAKADA={}", words[0])]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("TIDAKADA"), "{}", stderr(&out));
    assert!(
        stdout(&out).is_empty(),
        "nothing imported: {}",
        stdout(&out)
    );
    assert_eq!(received(), 0);

    // Without a confirmation: refused, with the OPD and what to do, but
    // never the file's own words (a forger could read them out).
    let out = import(&[&genuine], &[]);
    assert_eq!(out.status.code(), Some(1));
    let said = stdout(&out);
    assert!(!said.contains(&words[0]), "{said}");
    assert!(
        said.contains("DITOLAK")
            && said.contains("DINKES")
            && said.contains("belum pernah dikonfirmasi")
            && said.contains("layar Laporan")
            && said.contains("--accept-new-key DINKES="),
        "{said}"
    );
    assert_eq!(received(), 0);

    // One batch, the genuine key confirmed: the copy's key is still refused.
    let out = import(&[&copy, &genuine], &[&format!("dinkes={}", words[0])]);
    assert_eq!(out.status.code(), Some(1));
    let said = stdout(&out);
    let line = |file: &str| said.lines().find(|l| l.contains(file)).unwrap().to_string();
    assert!(line("laporan-asli").starts_with("DITERIMA"), "{said}");
    assert!(
        line("laporan-asli").contains("diterima sebagai kunci OPD ini"),
        "{said}"
    );
    assert!(line("laporan-salinan").starts_with("DITOLAK"), "{said}");
    assert!(!line("laporan-salinan").contains(&words[1]), "{said}");
    assert!(
        line("laporan-salinan").contains("--accept-new-key DINKES="),
        "{said}"
    );
    assert_eq!(received(), 1);
}

/// `export --with-evidence` writes the bundle beside the report; `import`
/// takes it beside the report (in any order on the command line), or later,
/// or twice; a bundle before its report is refused entry by entry.
#[test]
fn evidence_files_travel_in_a_bundle_beside_the_report() {
    use sha2::Digest;
    let dir = tempfile::tempdir().unwrap();
    let path = |name: &str| dir.path().join(name).to_string_lossy().into_owned();
    for db in ["bappeda.db", "bappeda-2/bappeda.db"] {
        std::fs::create_dir_all(dir.path().join(db).parent().unwrap()).unwrap();
        assert!(renaksi(&["demo", "--db", &path(db)], dir.path())
            .status
            .success());
    }
    let office = dir.path().join("DINKES");
    std::fs::create_dir_all(&office).unwrap();
    let db = office.join("opd.db").to_string_lossy().into_owned();
    assert!(
        renaksi(&["demo", "--db", &db, "--opd", "DINKES"], dir.path())
            .status
            .success()
    );
    // The OPD attached a scan (as the app does: by content in bukti/).
    let scan = b"%PDF-1.4 surat keputusan tim\n%%EOF\n";
    let sha: String = sha2::Sha256::digest(scan)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    std::fs::create_dir_all(office.join("bukti").join(&sha)).unwrap();
    std::fs::write(office.join("bukti").join(&sha).join("sk tim.pdf"), scan).unwrap();
    let conn = Connection::open(&db).unwrap();
    conn.execute(
        "INSERT INTO evidence (id, opd_id, milestone_id, kind, title, file_name, stored_path,
             sha256, created_at)
         SELECT '0190a000-0000-7000-8000-000000000001', m.opd_id, m.id, 'file', 'sk tim.pdf',
                'sk tim.pdf', ?1, ?2, '2019-03-01T00:00:00Z'
         FROM milestones m JOIN opds o ON o.id = m.opd_id
         JOIN actions a ON a.id = m.action_id
         WHERE o.code = 'DINKES' AND a.lead_opd_id = o.id AND a.archived_at IS NULL
         ORDER BY m.id LIMIT 1",
        [format!("bukti/{sha}/sk tim.pdf"), sha.clone()],
    )
    .unwrap();
    drop(conn);

    let out = path("laporan-dinkes.xlsx");
    let done = renaksi(
        &[
            "export",
            "--db",
            &db,
            "--period",
            "2019-TW1",
            "--out",
            &out,
            "--with-evidence",
        ],
        dir.path(),
    );
    assert!(done.status.success(), "{}", stderr(&done));
    let bundle = path("laporan-dinkes.bukti.zip");
    assert!(
        stdout(&done).contains("Bukti dukung: 1 berkas ditulis ke"),
        "{}",
        stdout(&done)
    );
    assert!(Path::new(&bundle).is_file());

    // Bappeda imports: the one place this test does it.
    let keys = accepting(&[("DINKES", Path::new(&db))]);
    let import = |bappeda: &str, files: &[&str]| {
        let mut args = vec!["import", "--db", bappeda];
        args.extend_from_slice(files);
        args.extend(keys.iter().map(String::as_str));
        renaksi(&args, dir.path())
    };
    // The bundle first on the command line: it is still read after the report.
    let bappeda = path("bappeda.db");
    let imported = import(&bappeda, &[&bundle, &out]);
    let said = stdout(&imported);
    assert!(imported.status.success(), "{said}{}", stderr(&imported));
    assert!(said.contains("DITERIMA"), "{said}");
    assert!(
        said.contains("1 berkas bukti diterima, 0 ditolak"),
        "{said}"
    );
    let kept = dir.path().join("bukti").join(&sha).join("sk tim.pdf");
    assert_eq!(std::fs::read(&kept).unwrap(), scan);
    let conn = Connection::open(&bappeda).unwrap();
    let stored: Option<String> = conn
        .query_row(
            "SELECT stored_path FROM evidence WHERE sha256 = ?1",
            [&sha],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(stored, Some(format!("bukti/{sha}/sk tim.pdf")));
    drop(conn);

    // Later, or twice: nothing changes.
    let again = import(&bappeda, &[&bundle]);
    assert!(again.status.success(), "{}", stderr(&again));
    assert!(
        stdout(&again).contains("(sudah ada sebelumnya)"),
        "{}",
        stdout(&again)
    );

    // A bundle before its report: refused, with what to do.
    let early = import(&path("bappeda-2/bappeda.db"), &[&bundle]);
    assert!(!early.status.success());
    let said = stdout(&early);
    assert!(
        said.contains("0 berkas bukti diterima, 1 ditolak"),
        "{said}"
    );
    assert!(said.contains("impor laporannya lebih dulu"), "{said}");
    assert!(!dir
        .path()
        .join("bappeda-2")
        .join("bukti")
        .join(&sha)
        .exists());
}

#[test]
fn every_hostile_fixture_is_refused_with_a_message_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("bappeda.db");
    let db_arg = db.to_str().unwrap();
    assert!(renaksi(&["demo", "--db", db_arg], dir.path())
        .status
        .success());
    let count_rows = || {
        let conn = Connection::open(&db).unwrap();
        count(&conn, "milestones")
            + count(&conn, "indicators")
            + count(&conn, "realisations")
            + count(&conn, "reports")
    };
    let before = count_rows();

    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut files: Vec<String> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert!(files.len() >= 7, "{files:?}");
    let mut args = vec!["import", "--db", db_arg];
    args.extend(files.iter().map(String::as_str));
    let out = renaksi(&args, dir.path());
    assert!(!out.status.success());
    let said = stdout(&out);
    assert_eq!(said.matches("DITOLAK").count(), files.len(), "{said}");
    for line in said.lines() {
        assert!(
            line.split_once(": ").is_some_and(|(_, why)| why.len() > 20),
            "a reason on: {line}"
        );
    }
    assert_eq!(count_rows(), before, "a rejected file changes nothing");
}

/// What an OPD clerk enters in the app: a milestone (done) and two indicators
/// on the action the OPD leads, with targets and realisations for 2019.
fn enter_quarter(db: &Path, lead_action: &str, realised: [f64; 2]) {
    use renaksi_core::editing::indicators::{self, IndicatorInput};
    use renaksi_core::editing::milestones::{self, MilestoneInput};
    use renaksi_core::editing::values::{self, RealisationInput, TargetsInput};
    use renaksi_core::model::{Aggregation, MilestoneStatus, Polarity};

    let mut store = renaksi_core::Store::open(db).unwrap();
    let action_id = renaksi_core::review::action_id(store.conn(), lead_action).unwrap();
    milestones::save(
        &mut store,
        &MilestoneInput {
            id: None,
            action_id: action_id.clone(),
            title: "Rapat koordinasi".into(),
            output: "Notulen".into(),
            start_date: Some("2019-01-07".into()),
            end_date: Some("2019-03-29".into()),
            status: MilestoneStatus::Complete,
        },
    )
    .unwrap();
    for (n, value) in realised.into_iter().enumerate() {
        let (id, _) = indicators::save(
            &mut store,
            &IndicatorInput {
                id: None,
                action_id: action_id.clone(),
                milestone_id: None,
                description: format!("Indikator {} nomor {}", lead_action, n + 1),
                unit: "dokumen".into(),
                baseline: Some(0.0),
                polarity: Polarity::Positive,
                aggregation: Aggregation::Cumulative,
            },
        )
        .unwrap();
        values::save_targets(
            &mut store,
            &TargetsInput {
                indicator_id: id.clone(),
                year: 2019,
                values: vec![Some(10.0), Some(10.0), Some(10.0), Some(10.0)],
            },
        )
        .unwrap();
        values::save_realisation(
            &mut store,
            &RealisationInput {
                indicator_id: id,
                year: 2019,
                quarter: 1,
                value: Some(value),
                notes: String::new(),
                obstacles: String::new(),
                follow_up: String::new(),
            },
        )
        .unwrap();
    }
}

/// The rows of a rekap sheet's table, as text.
fn rekap_rows(file: &Path, sheet: &str) -> Vec<Vec<String>> {
    use calamine::{open_workbook, Data, Reader, Xlsx};
    let mut book: Xlsx<_> = open_workbook(file).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range
        .rows()
        .skip(renaksi_core::rekap::HEADER_ROW as usize + 1)
        .take_while(|row| !row.iter().all(|c| matches!(c, Data::Empty)))
        .map(|row| row.iter().map(|c| c.to_string()).collect())
        .collect()
}

/// The scenario, with real files through the `renaksi` command: one
/// package, three OPD databases started from it, data entered and exported,
/// Bappeda imports them all, and the rekap's totals are what the OPDs hold.
#[test]
fn one_package_three_opds_import_and_a_rekap_that_adds_up() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    let arg = |p: &Path| p.to_string_lossy().into_owned();
    let run = |args: &[&str], data_dir: &Path| {
        let out = renaksi(args, data_dir);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        out
    };
    let bappeda_dir = root.join("bappeda");
    std::fs::create_dir_all(&bappeda_dir).unwrap();
    let bappeda = arg(&bappeda_dir.join("renaksi.db"));
    let package = arg(&root.join("paket.xlsx"));
    run(&["demo", "--db", &bappeda], &bappeda_dir);
    run(
        &["package", "--db", &bappeda, "--out", &package],
        &bappeda_dir,
    );

    let offices = [
        ("DINKES", "RA-01", [9.0, 4.5]),
        ("DINSOS", "RA-02", [7.0, 12.0]),
        ("DPMPTSP", "RA-08", [3.0, 10.0]),
    ];
    let office_dbs: Vec<(&str, std::path::PathBuf)> = offices
        .iter()
        .map(|(code, _, _)| (*code, root.join(code).join("renaksi.db")))
        .collect();
    let mut reports = Vec::new();
    for (code, action, realised) in offices {
        let office = root.join(code);
        std::fs::create_dir_all(&office).unwrap();
        let db = office.join("renaksi.db");
        run(
            &[
                "init",
                "--db",
                &arg(&db),
                "--package",
                &package,
                "--opd",
                code,
            ],
            &office,
        );
        enter_quarter(&db, action, realised);
        let report = arg(&root.join(format!("laporan-{code}.xlsx")));
        run(
            &[
                "export",
                "--db",
                &arg(&db),
                "--period",
                "2019-TW1",
                "--out",
                &report,
            ],
            &office,
        );
        reports.push(report);
    }
    let mut import = vec!["import", "--db", bappeda.as_str()];
    import.extend(reports.iter().map(String::as_str));
    // The demo's Bappeda holds these offices' realisations of 2018, in quarters
    // it closed. Offices that started over from the package do not carry them,
    // so their reports would change closed quarters: refused, nothing written.
    let refused = renaksi(&import, &bappeda_dir);
    assert!(!refused.status.success());
    let said = stdout(&refused);
    assert_eq!(said.matches("DITERIMA").count(), 0, "{said}");
    assert!(said.contains("2018 sudah ditutup Bappeda"), "{said}");
    for quarter in 1..=4 {
        let period = format!("2018-TW{quarter}");
        run(
            &[
                "period",
                "reopen",
                "--db",
                &bappeda,
                "--period",
                &period,
                "--reason",
                "Kantor memulai ulang dari paket",
            ],
            &bappeda_dir,
        );
    }
    let keys = accepting(
        &office_dbs
            .iter()
            .map(|(c, d)| (*c, d.as_path()))
            .collect::<Vec<_>>(),
    );
    let mut import = import.clone();
    import.extend(keys.iter().map(String::as_str));
    let said = stdout(&run(&import, &bappeda_dir));
    assert_eq!(said.matches("DITERIMA").count(), 3, "{said}");

    let rekap = root.join("rekap.xlsx");
    let said = stdout(&run(
        &[
            "rekap",
            "--db",
            &bappeda,
            "--period",
            "2019-TW1",
            "--out",
            &arg(&rekap),
        ],
        &bappeda_dir,
    ));
    assert!(said.contains("Triwulan I 2019"), "{said}");
    let per_opd = rekap_rows(&rekap, "Per OPD");
    let indicators = rekap_rows(&rekap, "Indikator");
    for (code, _, _) in offices {
        // What the OPD's own database holds, counted with plain SQL.
        let conn = Connection::open(root.join(code).join("renaksi.db")).unwrap();
        let held = |sql: &str| -> f64 { conn.query_row(sql, [], |r| r.get(0)).unwrap() };
        let milestones = held("SELECT count(*) * 1.0 FROM milestones");
        let done = held("SELECT count(*) * 1.0 FROM milestones WHERE status = 'selesai'");
        let indicator_count = held("SELECT count(*) * 1.0 FROM indicators");
        let realised =
            held("SELECT total(value) FROM realisations WHERE year = 2019 AND quarter = 1");
        let targeted = held("SELECT total(value) FROM targets WHERE year = 2019 AND quarter = 1");

        let row = per_opd.iter().find(|r| r[0] == code).expect(code);
        let number = |text: &str| text.parse::<f64>().unwrap_or(0.0);
        assert_eq!(number(&row[3]), milestones, "{code} milestones: {row:?}");
        assert_eq!(number(&row[7]), done, "{code} complete: {row:?}");
        assert_eq!(
            number(&row[8]),
            indicator_count,
            "{code} indicators: {row:?}"
        );
        let mine: Vec<&Vec<String>> = indicators.iter().filter(|r| r[3] == code).collect();
        assert_eq!(mine.len() as f64, indicator_count, "{code}");
        let sum = |col: usize| mine.iter().map(|r| number(&r[col])).sum::<f64>();
        assert_eq!(sum(6), targeted, "{code} target s.d. TW I");
        assert_eq!(sum(7), realised, "{code} realisasi s.d. TW I");
    }

    // A report from DINKES carrying a row of DINSOS is refused, DINSOS unchanged.
    let dinsos_rows = || rekap_rows(&rekap, "Indikator");
    let before = dinsos_rows();
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let out = renaksi(
        &[
            "import",
            "--db",
            &bappeda,
            &arg(&fixtures.join("another-opds-rows.xlsx")),
        ],
        &bappeda_dir,
    );
    assert!(!out.status.success());
    assert!(stdout(&out).contains("milik OPD lain"), "{}", stdout(&out));

    // Every hostile fixture is refused, each with its reason, and the run ends.
    let mut hostile: Vec<String> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .map(|p| arg(&p))
        .collect();
    hostile.sort();
    let mut args = vec!["import", "--db", bappeda.as_str()];
    args.extend(hostile.iter().map(String::as_str));
    let out = renaksi(&args, &bappeda_dir);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(
        stdout(&out).matches("DITOLAK").count(),
        hostile.len(),
        "{}",
        stdout(&out)
    );
    run(
        &[
            "rekap",
            "--db",
            &bappeda,
            "--period",
            "2019-TW1",
            "--out",
            &arg(&rekap),
        ],
        &bappeda_dir,
    );
    assert_eq!(dinsos_rows(), before, "nothing changed at Bappeda");

    // An older report (DINKES exports again; Bappeda is sent the first one
    // after the second) is refused.
    let dinkes = root.join("DINKES");
    let newer = arg(&root.join("laporan-DINKES-2.xlsx"));
    run(
        &[
            "export",
            "--db",
            &arg(&dinkes.join("renaksi.db")),
            "--period",
            "2019-TW1",
            "--out",
            &newer,
        ],
        &dinkes,
    );
    run(&["import", "--db", &bappeda, &newer], &bappeda_dir);
    let out = renaksi(&["import", "--db", &bappeda, &reports[0]], &bappeda_dir);
    assert!(!out.status.success());
    assert!(stdout(&out).contains("DITOLAK"), "{}", stdout(&out));
}

#[test]
fn backup_and_restore_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("renaksi.db");
    let db_arg = db.to_str().unwrap();
    assert!(renaksi(&["demo", "--db", db_arg], dir.path())
        .status
        .success());
    let out = renaksi(&["backup", "--db", db_arg], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    let file = said
        .lines()
        .find_map(|l| l.strip_prefix("Cadangan dibuat: "))
        .expect("the backup's path")
        .to_string();
    assert!(said.contains("50 realisasi"), "{said}");

    Connection::open(&db)
        .unwrap()
        .execute("DELETE FROM realisations", [])
        .unwrap();
    let out = renaksi(&["restore", "--db", db_arg, &file], dir.path());
    assert!(!out.status.success(), "without --yes nothing is replaced");
    assert!(stdout(&out).contains("50 realisasi"), "{}", stdout(&out));
    assert!(stderr(&out).contains("--yes"), "{}", stderr(&out));
    assert_eq!(count(&Connection::open(&db).unwrap(), "realisations"), 0);

    let out = renaksi(&["restore", "--db", db_arg, &file, "--yes"], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(count(&Connection::open(&db).unwrap(), "realisations"), 50);

    let out = renaksi(&["backup", "--db", db_arg, "--list"], dir.path());
    let listed = stdout(&out);
    assert!(listed.contains("-manual.db"), "{listed}");
    assert!(listed.contains("-sebelum-pulihkan.db"), "{listed}");
}

#[test]
fn a_co_creation_session_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("renaksi.db");
    let db_arg = db.to_str().unwrap();
    let run = |args: &[&str]| {
        let out = renaksi(args, dir.path());
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    run(&["demo", "--db", db_arg]);
    let said = run(&[
        "session",
        "add",
        "--db",
        db_arg,
        "--title",
        "Lokakarya OpenGovWeek 2018",
        "--date",
        "2018-05-08",
        "--place",
        "Aula Bappeda",
    ]);
    assert!(said.contains("8 Mei 2018"), "{said}");
    let session = said.split_whitespace().nth(2).unwrap().to_string();
    run(&[
        "session",
        "participant",
        "--db",
        db_arg,
        "--session",
        &session,
        "--name",
        "dr. Sri Wahyuni",
        "--kind",
        "opd",
        "--opd",
        "DINKES",
    ]);
    run(&[
        "session",
        "participant",
        "--db",
        db_arg,
        "--session",
        &session,
        "--name",
        "Budi Santoso",
        "--org",
        "Forum Warga",
        "--kind",
        "cso",
    ]);
    let said = run(&[
        "session",
        "input",
        "--db",
        db_arg,
        "--session",
        &session,
        "--action",
        "ra-01",
        "--from",
        "Forum Warga",
        "=cmd|' /C calc'!A0",
    ]);
    let input = said.split_whitespace().nth(1).unwrap().to_string();

    // Declined without a reason: refused in one line, nothing recorded.
    let out = renaksi(
        &[
            "session",
            "respond",
            "--db",
            db_arg,
            "--input",
            &input,
            "--decision",
            "ditolak",
        ],
        dir.path(),
    );
    assert!(!out.status.success());
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("alasan"), "{}", stderr(&out));
    assert_eq!(count(&Connection::open(&db).unwrap(), "input_responses"), 0);
    run(&[
        "session",
        "respond",
        "--db",
        db_arg,
        "--input",
        &input,
        "--decision",
        "diterima-dengan-perubahan",
        "--reason",
        "Dijangkau bertahap.",
    ]);

    let listed = run(&["session", "list", "--db", db_arg]);
    assert!(
        listed.contains("2 peserta, 1 masukan, 1 ditanggapi"),
        "{listed}"
    );
    let shown = run(&["session", "show", "--db", db_arg, &session]);
    for expected in [
        "Selasa, 8 Mei 2018",
        "dr. Sri Wahyuni, Dinas Kesehatan [OPD]",
        "RA-01",
        "Diterima dengan perubahan. Alasan: Dijangkau bertahap.",
    ] {
        assert!(shown.contains(expected), "{expected:?} in {shown}");
    }

    let file = dir.path().join("berita-acara.xlsx");
    let said = run(&[
        "session",
        "berita-acara",
        "--db",
        db_arg,
        "--session",
        &session,
        "--out",
        file.to_str().unwrap(),
    ]);
    assert!(said.contains("2 peserta, 1 masukan"), "{said}");
    use calamine::Reader;
    let mut book: calamine::Xlsx<_> = calamine::open_workbook(&file).unwrap();
    let range = book.worksheet_range("Berita Acara").unwrap();
    assert!(range
        .cells()
        .any(|(_, _, d)| *d == calamine::Data::String("=cmd|' /C calc'!A0".into())));

    let out = renaksi(
        &["session", "show", "--db", db_arg, "tidak-ada"],
        dir.path(),
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("Sesi ko-kreasi"), "{}", stderr(&out));

    // An OPD's database does not record sessions.
    let opd_db = dir.path().join("dinkes.db");
    let opd_arg = opd_db.to_str().unwrap();
    run(&["demo", "--db", opd_arg, "--opd", "DINKES"]);
    let out = renaksi(
        &[
            "session",
            "add",
            "--db",
            opd_arg,
            "--title",
            "T",
            "--date",
            "2018-05-08",
            "--place",
            "P",
        ],
        dir.path(),
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("Hanya Bappeda"), "{}", stderr(&out));
}

#[test]
fn plan_versions_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("renaksi.db");
    let db_arg = db.to_str().unwrap();
    let run = |args: &[&str]| {
        let out = renaksi(args, dir.path());
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    run(&["demo", "--db", db_arg]);
    let said = run(&["version", "take", "--db", db_arg, "--name", "Draf"]);
    assert!(said.contains("8 rencana aksi"), "{said}");
    let out = renaksi(
        &["version", "take", "--db", db_arg, "--name", "draf"],
        dir.path(),
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("sudah ada"), "{}", stderr(&out));

    Connection::open(&db)
        .unwrap()
        .execute(
            "UPDATE actions SET title = 'Judul Baru' WHERE code = 'RA-02'",
            [],
        )
        .unwrap();
    run(&["version", "take", "--db", db_arg, "--name", "Final"]);
    let listed = run(&["version", "list", "--db", db_arg]);
    assert_eq!(listed.lines().count(), 2, "{listed}");

    let diff = run(&["version", "diff", "--db", db_arg, "Draf", "Final"]);
    assert!(diff.contains("Rencana aksi berubah (1)"), "{diff}");
    assert!(
        diff.contains("Judul:") && diff.contains("-> Judul Baru"),
        "{diff}"
    );
    assert!(diff.contains("Jumlah perubahan: 1."), "{diff}");
    let diff = run(&["version", "diff", "--db", db_arg, "Final"]);
    assert!(diff.contains("Tidak ada perubahan."), "{diff}");

    let out = renaksi(&["version", "diff", "--db", db_arg, "Revisi"], dir.path());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("Revisi"), "{}", stderr(&out));
}

#[test]
fn a_new_plan_for_a_regency_that_is_not_wonosobo_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("temanggung.db");
    let db_arg = db.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--db", db_arg]);
        renaksi(&all, dir.path())
    };
    let one_line_error = |out: &Output| {
        assert!(!out.status.success(), "{}", stdout(out));
        let err = stderr(out);
        assert_eq!(err.trim_end().lines().count(), 1, "{err}");
        err
    };

    // Refused before a database file appears.
    let new = |from: &str, to: &str| {
        run(&[
            "plan",
            "new",
            "--region",
            "Kabupaten Temanggung",
            "--title",
            "Rencana Aksi Keterbukaan Pemerintah Kabupaten Temanggung 2020-2022",
            "--from",
            from,
            "--to",
            to,
            "--user",
            "Rina",
        ])
    };
    let err = one_line_error(&new("2020-TW5", "2022-TW4"));
    assert!(err.contains("2020-TW5"), "{err}");
    let err = one_line_error(&new("2022-TW1", "2020-TW4"));
    assert!(err.contains("sesudah triwulan pertama"), "{err}");
    assert!(!db.exists());

    let out = new("2020-TW1", "2022-TW4");
    assert!(out.status.success(), "{}", stderr(&out));
    let said = stdout(&out);
    assert!(said.contains("(draf, versi 1)"), "{said}");
    assert!(
        said.contains("12 triwulan, 2020-TW1 s.d. 2022-TW4"),
        "{said}"
    );

    let out = run(&["plan", "list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("[aktif, dilihat]"),
        "{}",
        stdout(&out)
    );

    let out = run(&[
        "period",
        "due",
        "--period",
        "2020-TW1",
        "--date",
        "2020-04-20",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("2020-04-20"), "{}", stdout(&out));
    one_line_error(&run(&[
        "period",
        "due",
        "--period",
        "2020-TW1",
        "--date",
        "20-04-2020",
    ]));
    let err = one_line_error(&run(&[
        "period", "close", "--period", "2024-TW1", "--reason", "x",
    ]));
    assert!(err.contains("bukan bagian dari rencana aksi ini"), "{err}");

    let out = run(&[
        "period",
        "close",
        "--period",
        "2020-TW1",
        "--reason",
        "Sudah direkap",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Triwulan I 2020: ditutup"),
        "{}",
        stdout(&out)
    );
    let err = one_line_error(&run(&["period", "reopen", "--period", "2020-TW1"]));
    assert_eq!(err.trim_end(), "renaksi: Alasan wajib diisi.");
    let out = run(&[
        "period", "reopen", "--period", "2020-TW1", "--reason", "Koreksi",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("terbuka"), "{}", stdout(&out));

    let out = run(&["plan", "status", "--final"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("(final, versi 1)"),
        "{}",
        stdout(&out)
    );
    let err = one_line_error(&run(&["plan", "status", "--draft"]));
    assert!(err.contains("alasan"), "{err}");
    let out = run(&["plan", "status", "--draft", "--reason", "Tambahan dari OMS"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("(draf, versi 2)"), "{}", stdout(&out));

    let conn = Connection::open(&db).unwrap();
    let reasons: i64 = conn
        .query_row(
            "SELECT count(*) FROM audit_log WHERE field = 'reason'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        reasons, 3,
        "close, reopen and back to draft keep their reason"
    );
    assert_eq!(count(&conn, "periods"), 12);
    assert_eq!(count(&conn, "plan_versions"), 1);
}

#[test]
fn a_next_plan_leaves_the_earlier_one_read_only_and_an_opd_cannot_close_a_quarter() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("wonosobo.db");
    let db_arg = db.to_str().unwrap();
    let run = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend(["--db", db_arg]);
        renaksi(&all, dir.path())
    };
    assert!(run(&["demo"]).status.success());
    let out = run(&[
        "plan",
        "new",
        "--region",
        "Kabupaten Wonosobo",
        "--title",
        "Rencana Aksi Keterbukaan Pemerintah Kabupaten Wonosobo 2020-2022",
        "--from",
        "2020-TW1",
        "--to",
        "2022-TW4",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let listing = stdout(&run(&["plan", "list"]));
    let lines: Vec<&str> = listing.lines().collect();
    assert_eq!(lines.len(), 2, "{listing}");
    assert!(lines[0].contains("2020-2022") && lines[0].contains("[aktif, dilihat]"));
    assert!(lines[1].contains("2018-2019") && lines[1].contains("[hanya baca]"));

    let out = run(&["plan", "view", "--plan", "2018-2019"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("(hanya baca)"), "{}", stdout(&out));
    let out = run(&[
        "period", "close", "--period", "2019-TW4", "--reason", "Tutup",
    ]);
    assert!(!out.status.success());
    assert_eq!(
        stderr(&out).trim_end(),
        "renaksi: Rencana aksi 2018-2019 sudah ditutup oleh rencana aksi berikutnya; hanya dapat dibaca."
    );
    // Reading the earlier plan still works.
    let out = run(&["info"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("2018"), "{}", stdout(&out));
    let err = stderr(&run(&["plan", "view", "--plan", "1999-2000"]));
    assert!(err.contains("plan list"), "{err}");

    // An OPD's database refuses Bappeda's work on the plan.
    let opd_db = dir.path().join("dinkes.db");
    let opd_arg = opd_db.to_str().unwrap();
    assert!(
        renaksi(&["demo", "--opd", "DINKES", "--db", opd_arg], dir.path())
            .status
            .success()
    );
    let out = renaksi(
        &[
            "period", "close", "--period", "2019-TW1", "--reason", "x", "--db", opd_arg,
        ],
        dir.path(),
    );
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Hanya Bappeda yang menutup triwulan"),
        "{}",
        stderr(&out)
    );
    let out = renaksi(
        &[
            "plan", "new", "--region", "Kab", "--title", "T", "--from", "2020-TW1", "--to",
            "2020-TW4", "--db", opd_arg,
        ],
        dir.path(),
    );
    assert!(stderr(&out).contains("Hanya Bappeda"), "{}", stderr(&out));
}

#[test]
fn update_package_takes_format_2_and_format_1_packages() {
    let root = tempfile::tempdir().unwrap();
    let office = |name: &str| {
        let dir = root.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("renaksi.db")
    };
    let bappeda = office("bappeda");
    let b = bappeda.to_str().unwrap();
    let run = |args: &[&str]| {
        let out = renaksi(args, root.path());
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    run(&["demo", "--db", b]);
    let first = root.path().join("paket-1.xlsx");
    run(&["package", "--db", b, "--out", first.to_str().unwrap()]);
    // The same plan written in format 1, as the app did before, signed with
    // the same installation key.
    let v1 = root.path().join("paket-format-1.xlsx");
    {
        let store = renaksi_core::Store::open(&bappeda).unwrap();
        renaksi_core::package::export_format_1(&store, bappeda.parent().unwrap(), &v1).unwrap();
    }
    Connection::open(&bappeda)
        .unwrap()
        .execute("UPDATE plans SET version = 2", [])
        .unwrap();
    let second = root.path().join("paket-2.xlsx");
    run(&["package", "--db", b, "--out", second.to_str().unwrap()]);

    // Format 2 from the start: the OPD's indicators of the plan document arrive.
    let dinkes = office("dinkes");
    let d = dinkes.to_str().unwrap();
    run(&[
        "init",
        "--db",
        d,
        "--package",
        first.to_str().unwrap(),
        "--opd",
        "DINKES",
    ]);
    let received = count(&Connection::open(&dinkes).unwrap(), "indicators");
    assert!(received > 0);
    let said = run(&[
        "update-package",
        "--db",
        d,
        "--package",
        second.to_str().unwrap(),
    ]);
    assert!(said.contains("versi 2"), "{said}");
    assert_eq!(
        count(&Connection::open(&dinkes).unwrap(), "indicators"),
        received,
        "a newer package adds nothing the OPD already received"
    );

    // Format 1 still starts an OPD (without indicators: it carries none), and
    // the newer format 2 package then brings them.
    let dinsos = office("dinsos");
    let s = dinsos.to_str().unwrap();
    run(&[
        "init",
        "--db",
        s,
        "--package",
        v1.to_str().unwrap(),
        "--opd",
        "DINSOS",
    ]);
    assert_eq!(count(&Connection::open(&dinsos).unwrap(), "indicators"), 0);
    let said = run(&[
        "update-package",
        "--db",
        s,
        "--package",
        second.to_str().unwrap(),
    ]);
    assert!(
        said.contains("versi 2") && said.contains("indikator"),
        "{said}"
    );
    assert!(count(&Connection::open(&dinsos).unwrap(), "indicators") > 0);

    // Going back to the older package is refused.
    let out = renaksi(
        &[
            "update-package",
            "--db",
            s,
            "--package",
            v1.to_str().unwrap(),
        ],
        root.path(),
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("lebih lama"), "{}", stderr(&out));
}

/// Everything a plan template carries, as rows of text, in a fixed order.
fn plan_dump(db: &Path) -> String {
    let conn = Connection::open(db).unwrap();
    let mut out = String::new();
    for sql in [
        "SELECT id, region, title, year_start, year_end FROM plans",
        "SELECT year, quarter, due_date FROM periods ORDER BY year, quarter",
        "SELECT id, code, name, short_name, head_name, head_title, head_nip, archived_at FROM opds ORDER BY code",
        "SELECT id, seq, name, description, archived_at FROM themes ORDER BY seq",
        "SELECT id, theme_id, code, title, problem, description, contribution, value_transparency,
                value_participation, value_accountability, value_technology_innovation,
                lead_opd_id, cso_partners, start_date, end_date, archived_at FROM actions ORDER BY code",
        "SELECT action_id, opd_id FROM action_supporting_opds ORDER BY action_id, opd_id",
        "SELECT id, action_id, opd_id, seq, description, unit, baseline, polarity, aggregation
         FROM indicators ORDER BY id",
        "SELECT indicator_id, year, quarter, value FROM targets ORDER BY indicator_id, year, quarter",
    ] {
        let mut stmt = conn.prepare(sql).unwrap();
        let columns = stmt.column_count();
        let mut rows = stmt.query([]).unwrap();
        while let Some(row) = rows.next().unwrap() {
            for i in 0..columns {
                let value: rusqlite::types::Value = row.get(i).unwrap();
                out += &format!("{value:?}|");
            }
            out.push('\n');
        }
        out.push_str("--\n");
    }
    out
}

/// Replaces a shared string of a workbook (the text of every cell that uses it).
fn replace_shared_string(bytes: &[u8], from: &str, to: &str) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let name = file.name().to_string();
        let mut content = Vec::new();
        file.read_to_end(&mut content).unwrap();
        if name == "xl/sharedStrings.xml" {
            let text = String::from_utf8(content).unwrap();
            let needle = format!(">{from}</t>");
            assert!(text.contains(&needle), "{from} in the shared strings");
            content = text.replace(&needle, &format!(">{to}</t>")).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    out.finish().unwrap().into_inner()
}

#[test]
fn the_plan_template_round_trips_and_a_second_import_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo.db");
    let fresh = dir.path().join("baru.db");
    let template = dir.path().join("template.xlsx");
    let arg = |p: &Path| p.to_str().unwrap().to_string();
    assert!(renaksi(&["demo", "--db", &arg(&demo)], dir.path())
        .status
        .success());
    let out = renaksi(
        &[
            "plan",
            "template",
            "--db",
            &arg(&demo),
            "--out",
            &arg(&template),
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("8 rencana aksi"), "{}", stdout(&out));

    // A dry run into a database that does not exist yet creates nothing.
    let out = renaksi(
        &[
            "plan",
            "import",
            "--db",
            &arg(&fresh),
            "--dry-run",
            &arg(&template),
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(!fresh.exists());

    let out = renaksi(
        &["plan", "import", "--db", &arg(&fresh), &arg(&template)],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Rencana aksi baru dibuat"),
        "{}",
        stdout(&out)
    );
    assert_eq!(plan_dump(&fresh), plan_dump(&demo));

    let audit = count(&Connection::open(&fresh).unwrap(), "audit_log");
    let out = renaksi(
        &["plan", "import", "--db", &arg(&fresh), &arg(&template)],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Tidak ada perubahan"),
        "{}",
        stdout(&out)
    );
    assert_eq!(
        count(&Connection::open(&fresh).unwrap(), "audit_log"),
        audit
    );
    assert_eq!(plan_dump(&fresh), plan_dump(&demo));

    // From a database with no plan: the empty template.
    let empty = dir.path().join("kosong.xlsx");
    let out = renaksi(
        &[
            "plan",
            "template",
            "--db",
            &arg(&dir.path().join("tidak-ada.db")),
            "--out",
            &arg(&empty),
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("kosong"), "{}", stdout(&out));
    assert!(empty.is_file());
}

#[test]
fn a_template_with_a_wrong_opd_code_in_one_action_row_is_refused_and_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo.db");
    let target = dir.path().join("bappeda.db");
    let template = dir.path().join("template.xlsx");
    let wrong = dir.path().join("salah.xlsx");
    let arg = |p: &Path| p.to_str().unwrap().to_string();
    assert!(renaksi(&["demo", "--db", &arg(&demo)], dir.path())
        .status
        .success());
    assert!(renaksi(
        &[
            "plan",
            "template",
            "--db",
            &arg(&demo),
            "--out",
            &arg(&template)
        ],
        dir.path()
    )
    .status
    .success());
    assert!(renaksi(
        &["plan", "import", "--db", &arg(&target), &arg(&template)],
        dir.path()
    )
    .status
    .success());
    // RA-01 (Excel row 2 of Rencana Aksi) is the action supported by DINSOS and DUKCAPIL.
    let bytes = std::fs::read(&template).unwrap();
    std::fs::write(
        &wrong,
        replace_shared_string(&bytes, "DINSOS, DUKCAPIL", "DINSOS, DISKOMINFO2"),
    )
    .unwrap();

    let before = plan_dump(&target);
    let audit = count(&Connection::open(&target).unwrap(), "audit_log");
    let out = renaksi(
        &["plan", "import", "--db", &arg(&target), &arg(&wrong)],
        dir.path(),
    );
    assert!(!out.status.success());
    let said = stderr(&out);
    assert!(
        said.contains(
            "Sheet Rencana Aksi, baris 2, kolom Kode OPD pendukung: OPD 'DISKOMINFO2' tidak ada di sheet OPD."
        ),
        "{said}"
    );
    assert!(
        said.lines()
            .last()
            .unwrap()
            .contains("tidak ada yang disimpan"),
        "{said}"
    );
    assert_eq!(plan_dump(&target), before, "nothing is written");
    assert_eq!(
        count(&Connection::open(&target).unwrap(), "audit_log"),
        audit
    );

    // Into a database that does not exist yet: refused before the file appears.
    let never = dir.path().join("belum.db");
    let out = renaksi(
        &["plan", "import", "--db", &arg(&never), &arg(&wrong)],
        dir.path(),
    );
    assert!(!out.status.success());
    assert!(!never.exists());
}

#[test]
fn hostile_template_files_are_refused_like_hostile_reports() {
    let dir = tempfile::tempdir().unwrap();
    let demo = dir.path().join("demo.db");
    let target = dir.path().join("bappeda.db");
    let template = dir.path().join("template.xlsx");
    let arg = |p: &Path| p.to_str().unwrap().to_string();
    assert!(renaksi(&["demo", "--db", &arg(&demo)], dir.path())
        .status
        .success());
    assert!(renaksi(
        &[
            "plan",
            "template",
            "--db",
            &arg(&demo),
            "--out",
            &arg(&template)
        ],
        dir.path()
    )
    .status
    .success());
    assert!(renaksi(
        &["plan", "import", "--db", &arg(&target), &arg(&template)],
        dir.path()
    )
    .status
    .success());
    let before = plan_dump(&target);

    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let mut files: Vec<std::path::PathBuf> = std::fs::read_dir(&fixtures)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .collect();
    files.sort();
    assert!(files.len() >= 7, "{files:?}");
    for file in &files {
        let started = std::time::Instant::now();
        let out = renaksi(
            &["plan", "import", "--db", &arg(&target), &arg(file)],
            dir.path(),
        );
        assert!(started.elapsed() < std::time::Duration::from_secs(10));
        assert!(!out.status.success(), "{file:?}");
        let said = stderr(&out);
        assert_eq!(said.lines().count(), 1, "{file:?}: {said}");
        assert!(said.starts_with("renaksi: ") && said.len() > 30, "{said}");
    }
    assert_eq!(plan_dump(&target), before, "a refused file changes nothing");
}

#[test]
fn plan_bands_shows_and_sets_the_bounds_and_refuses_a_gap() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("b.db");
    let d = db.to_str().unwrap();
    assert!(renaksi(&["demo", "--db", d], dir.path()).status.success());
    let out = renaksi(&["plan", "bands", "--db", d], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Sangat Tinggi ≥ 91"),
        "{}",
        stdout(&out)
    );

    let out = renaksi(
        &["plan", "bands", "--db", d, "--set", "95,80,60,50"],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains("Sangat Tinggi ≥ 95; Tinggi 80 – < 95"),
        "{}",
        stdout(&out)
    );

    let out = renaksi(
        &["plan", "bands", "--db", d, "--set", "95,96,60,50"],
        dir.path(),
    );
    assert!(!out.status.success());
    assert!(stderr(&out).contains("lebih kecil"), "{}", stderr(&out));
    let out = renaksi(&["plan", "bands", "--db", d], dir.path());
    assert!(
        stdout(&out).contains("Sangat Tinggi ≥ 95"),
        "nothing changed: {}",
        stdout(&out)
    );
}

/// `renaksi … | head -1`: the reader of the output has gone before the command
/// writes (a pipe with no reader left, so every write fails as it does once
/// `head` has its line). Each listing ends quietly: no panic message, success,
/// nothing on stderr.
#[test]
fn a_listing_into_a_closed_pipe_ends_quietly() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("d.db");
    let db_arg = db.to_str().unwrap();
    let made = renaksi(&["demo", "--db", db_arg], dir.path());
    assert!(made.status.success(), "{}", stderr(&made));
    let listings: [&[&str]; 8] = [
        &["opd", "list"],
        &["info"],
        &["matrix"],
        &["plan", "list"],
        &["note", "list"],
        &["session", "list"],
        &["version", "list"],
        &["backup", "--list"],
    ];
    for args in listings {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let out = Command::new(env!("CARGO_BIN_EXE_renaksi"))
            .args(args)
            .args(["--db", db_arg])
            .env("RENAKSI_DATA_DIR", dir.path())
            .stdout(writer)
            .stderr(std::process::Stdio::piped())
            .output()
            .expect("renaksi runs");
        let err = stderr(&out);
        assert!(!err.contains("panicked"), "{args:?}: {err}");
        assert_eq!(err, "", "{args:?}");
        assert!(out.status.success(), "{args:?}: {:?}", out.status);
    }
}

/// A folder the user names with `RENAKSI_DATA_DIR` that already exists keeps
/// the access its owner gave it: only the platform's own data folder (or one
/// Renaksi creates) is made 0700.
#[cfg(unix)]
#[test]
fn a_named_existing_data_folder_keeps_its_mode() {
    use std::os::unix::fs::PermissionsExt;
    let root = tempfile::tempdir().unwrap();
    let named = root.path().join("bersama");
    std::fs::create_dir(&named).unwrap();
    std::fs::set_permissions(&named, std::fs::Permissions::from_mode(0o755)).unwrap();
    for args in [&["demo"][..], &["info"][..]] {
        let out = renaksi(args, &named);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
    }
    assert!(named.join("renaksi.db").exists());
    let mode = std::fs::metadata(&named).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o755, "the named folder keeps its mode");
}

/// `renaksi restore … --yes | head -0`: the restore prints what the backup
/// holds before it restores. With the reader gone before that first line, it
/// still restores and exits 0; it never exits 0 having done nothing.
#[test]
fn a_restore_into_a_closed_pipe_still_restores() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("renaksi.db");
    let db_arg = db.to_str().unwrap();
    assert!(renaksi(&["demo", "--db", db_arg], dir.path())
        .status
        .success());
    let out = renaksi(&["backup", "--db", db_arg], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let file = stdout(&out)
        .lines()
        .find_map(|l| l.strip_prefix("Cadangan dibuat: "))
        .expect("the backup's path")
        .to_string();
    Connection::open(&db)
        .unwrap()
        .execute("DELETE FROM realisations", [])
        .unwrap();

    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let out = Command::new(env!("CARGO_BIN_EXE_renaksi"))
        .args(["restore", "--db", db_arg, &file, "--yes"])
        .env("RENAKSI_DATA_DIR", dir.path())
        .stdout(writer)
        .stderr(std::process::Stdio::piped())
        .output()
        .expect("renaksi runs");
    assert_eq!(stderr(&out), "");
    assert!(out.status.success(), "{:?}", out.status);
    assert_eq!(
        count(&Connection::open(&db).unwrap(), "realisations"),
        50,
        "exit 0 means restored"
    );
}

/// Every handler prints through `out!`, which drops a closed pipe's lines
/// and goes on: a `println!` would panic there instead.
#[test]
fn the_commands_print_only_through_out() {
    let mut sources = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src/main.rs"
    ))];
    let commands = concat!(env!("CARGO_MANIFEST_DIR"), "/src/commands");
    for entry in std::fs::read_dir(commands).unwrap() {
        sources.push(entry.unwrap().path());
    }
    for path in sources {
        let text = std::fs::read_to_string(&path).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let printing = ["println!", "print!"].iter().any(|m| {
                code.match_indices(m)
                    .any(|(at, _)| !code[..at].ends_with('e'))
            });
            assert!(!printing, "{}:{}: {line}", path.display(), n + 1);
        }
    }
}

/// A restore whose data cannot be brought up to date afterwards (an older
/// backup whose rows break a foreign key) says so at once, with where the
/// earlier data is, and exits non-zero.
#[test]
fn a_restore_that_cannot_be_opened_afterwards_says_so_and_where_the_earlier_data_is() {
    use renaksi_core::store::migrations::STEPS;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("renaksi.db");
    let db_arg = db.to_str().unwrap();
    assert!(renaksi(&["demo", "--db", db_arg], dir.path())
        .status
        .success());
    let older = dir.path().join("lama.db");
    let store =
        renaksi_core::Store::open_with_migrations(&older, &STEPS[..STEPS.len() - 1]).unwrap();
    store
        .conn()
        .execute_batch(
            "PRAGMA foreign_keys = OFF;
             INSERT INTO themes (id, plan_id, seq, name)
                 VALUES ('tema-yatim', 'rencana-hilang', 1, 'Tanpa rencana');",
        )
        .unwrap();
    drop(store);

    let out = renaksi(
        &["restore", "--db", db_arg, older.to_str().unwrap(), "--yes"],
        dir.path(),
    );
    assert!(!out.status.success());
    let said = stderr(&out);
    assert!(said.contains("tidak dapat dibuka lagi"), "{said}");
    assert!(said.contains("merujuk"), "{said}");
    assert!(said.contains("sebelum-pulihkan"), "{said}");
    let earlier = std::fs::read_dir(dir.path().join("backups"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.to_string_lossy().ends_with("-sebelum-pulihkan.db"))
        .expect("the before-restore backup");

    // The way back: the earlier data, restored over the file that no longer opens.
    let out = renaksi(
        &[
            "restore",
            "--db",
            db_arg,
            earlier.to_str().unwrap(),
            "--yes",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert_eq!(count(&Connection::open(&db).unwrap(), "realisations"), 50);
}

/// The fingerprint `renaksi key show` prints for the database at `db`.
fn key_words(db: &Path, data_dir: &Path) -> String {
    let out = renaksi(&["key", "show", "--db", db.to_str().unwrap()], data_dir);
    assert!(out.status.success(), "{}", stderr(&out));
    stdout(&out)
        .lines()
        .find_map(|l| l.strip_prefix("Sidik jari kunci: "))
        .unwrap_or_else(|| panic!("no fingerprint in {}", stdout(&out)))
        .to_string()
}

#[test]
fn a_backup_restored_on_a_new_pc_brings_the_key_and_another_key_is_kept_aside() {
    let root = tempfile::tempdir().unwrap();
    let office = |name: &str| {
        let dir = root.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("renaksi.db")
    };
    let run = |args: &[&str]| {
        let out = renaksi(args, root.path());
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    let old_pc = office("lama");
    let old = old_pc.to_str().unwrap();
    run(&["demo", "--db", old, "--opd", "DINKES"]);
    let report = root.path().join("tw1.xlsx");
    let said = run(&[
        "export",
        "--db",
        old,
        "--period",
        "2019-TW1",
        "--out",
        report.to_str().unwrap(),
    ]);
    assert!(said.contains("(urutan 1)"), "{said}");
    let words = key_words(&old_pc, root.path());
    assert_eq!(words.split(' ').count(), 8, "{words}");
    let said = run(&["backup", "--db", old]);
    assert!(said.contains(&format!("kunci: {words}")), "{said}");
    let file = said
        .lines()
        .find_map(|l| l.strip_prefix("Cadangan dibuat: "))
        .unwrap()
        .to_string();

    // A new PC with nothing on it: the restore brings the key back.
    let new_pc = office("baru");
    let new = new_pc.to_str().unwrap();
    run(&["restore", "--db", new, &file, "--yes"]);
    assert_eq!(key_words(&new_pc, root.path()), words);
    let key_file =
        |db: &Path| std::fs::read(db.parent().unwrap().join("kunci/opd-ed25519.key")).unwrap();
    assert_eq!(key_file(&new_pc), key_file(&old_pc));
    let said = run(&[
        "export",
        "--db",
        new,
        "--period",
        "2019-TW1",
        "--out",
        root.path().join("tw1-lagi.xlsx").to_str().unwrap(),
    ]);
    let sequence: i64 = said
        .split_once("(urutan ")
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(n, _)| n.parse().unwrap())
        .unwrap_or_else(|| panic!("no sequence in {said}"));
    assert!(
        sequence > 1_000,
        "a new PC signs above the clock's floor: {sequence}"
    );

    // Bappeda's backup restored here: its key signs from now on, and the
    // OPD's key is kept aside, never deleted.
    let bappeda = office("bappeda");
    run(&["demo", "--db", bappeda.to_str().unwrap()]);
    let said = run(&["backup", "--db", bappeda.to_str().unwrap()]);
    let bappeda_backup = said
        .lines()
        .find_map(|l| l.strip_prefix("Cadangan dibuat: "))
        .unwrap()
        .to_string();
    let bappeda_words = key_words(&bappeda, root.path());
    let said = run(&["restore", "--db", new, &bappeda_backup, "--yes"]);
    assert!(
        said.contains("Kunci tanda tangan dari cadangan dipakai")
            && said.contains(&bappeda_words)
            && said.contains(&words),
        "{said}"
    );
    assert_eq!(key_words(&new_pc, root.path()), bappeda_words);
    let kept: Vec<_> = std::fs::read_dir(new_pc.parent().unwrap().join("kunci"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("diganti-")
        })
        .collect();
    assert_eq!(kept.len(), 1, "{kept:?}");
    assert_eq!(std::fs::read(&kept[0]).unwrap(), key_file(&old_pc));
}

#[test]
fn bappeda_rotates_its_key_and_an_opd_takes_it_with_the_next_package() {
    let root = tempfile::tempdir().unwrap();
    let office = |name: &str| {
        let dir = root.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("renaksi.db")
    };
    let run = |args: &[&str]| {
        let out = renaksi(args, root.path());
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    let bappeda = office("bappeda");
    let b = bappeda.to_str().unwrap();
    run(&["demo", "--db", b]);
    let first = root.path().join("paket-1.xlsx");
    run(&["package", "--db", b, "--out", first.to_str().unwrap()]);
    let dinkes = office("dinkes");
    let d = dinkes.to_str().unwrap();
    run(&[
        "init",
        "--db",
        d,
        "--package",
        first.to_str().unwrap(),
        "--opd",
        "DINKES",
    ]);
    let old_words = key_words(&bappeda, root.path());

    let out = renaksi(&["key", "rotate", "--db", d], root.path());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("Hanya Bappeda"), "{}", stderr(&out));

    let said = run(&["key", "rotate", "--db", b, "--from", "2019-07-01"]);
    let new_words = key_words(&bappeda, root.path());
    assert_ne!(new_words, old_words);
    assert!(
        said.contains(&format!("Kunci lama : {old_words}"))
            && said.contains(&format!("Kunci baru : {new_words}"))
            && said.contains("2019-07-01"),
        "{said}"
    );
    let kunci = bappeda.parent().unwrap().join("kunci");
    let aside = std::fs::read_dir(&kunci)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("diganti-")
        })
        .count();
    assert_eq!(aside, 1, "the old key is kept aside in kunci/");
    let shown = run(&["key", "show", "--db", b]);
    assert!(
        shown.contains(&format!(
            "Diganti mulai 2019-07-01: {old_words} -> {new_words}"
        )),
        "{shown}"
    );
    let listed = run(&["backup", "--db", b, "--list"]);
    assert!(
        listed.contains(&format!("kunci: {new_words}")),
        "a backup holds the new key: {listed}"
    );

    let second = root.path().join("paket-2.xlsx");
    run(&["package", "--db", b, "--out", second.to_str().unwrap()]);
    run(&[
        "update-package",
        "--db",
        d,
        "--package",
        second.to_str().unwrap(),
    ]);
    // The package signed by the replaced key is refused from now on.
    let out = renaksi(
        &[
            "update-package",
            "--db",
            d,
            "--package",
            first.to_str().unwrap(),
        ],
        root.path(),
    );
    assert!(!out.status.success());
    // Only the pinned key's words, never the package's.
    assert!(stderr(&out).contains(&new_words), "{}", stderr(&out));
    assert!(!stderr(&out).contains(&old_words), "{}", stderr(&out));
}

#[test]
fn an_opd_makes_a_new_key_and_takes_bappedas_key_by_the_fingerprint_read_out() {
    let root = tempfile::tempdir().unwrap();
    let office = |name: &str| {
        let dir = root.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("renaksi.db")
    };
    let run = |args: &[&str]| {
        let out = renaksi(args, root.path());
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    // Someone else's "Bappeda" published the package this OPD started from.
    let forger = office("palsu");
    let f = forger.to_str().unwrap();
    run(&["demo", "--db", f]);
    let forged = root.path().join("paket-palsu.xlsx");
    run(&["package", "--db", f, "--out", forged.to_str().unwrap()]);
    let dinkes = office("dinkes");
    let d = dinkes.to_str().unwrap();
    run(&[
        "init",
        "--db",
        d,
        "--package",
        forged.to_str().unwrap(),
        "--opd",
        "DINKES",
    ]);

    // "Buat kunci baru": an OPD only.
    let out = renaksi(&["key", "new", "--db", f], root.path());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("Hanya OPD"), "{}", stderr(&out));
    let report = root.path().join("tw1.xlsx");
    run(&[
        "export",
        "--db",
        d,
        "--period",
        "2019-Q1",
        "--out",
        report.to_str().unwrap(),
    ]);
    let old_words = fingerprint_words(&dinkes);
    let said = run(&["key", "new", "--db", d]);
    let new_words = fingerprint_words(&dinkes);
    assert_ne!(new_words, old_words);
    assert!(
        said.contains(&format!("Kunci lama : {old_words}"))
            && said.contains(&format!("Kunci baru : {new_words}"))
            && said.contains("Bappeda akan meminta konfirmasi"),
        "{said}"
    );
    assert_eq!(key_words(&dinkes, root.path()), new_words);

    // The real Bappeda's package is refused, and the refusal names the way out.
    let bappeda = office("bappeda");
    let b = bappeda.to_str().unwrap();
    run(&["demo", "--db", b]);
    let genuine = root.path().join("paket-asli.xlsx");
    let g = genuine.to_str().unwrap();
    run(&["package", "--db", b, "--out", g]);
    let out = renaksi(&["update-package", "--db", d, "--package", g], root.path());
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("Terima kunci Bappeda") && stderr(&out).contains("trust-bappeda"),
        "{}",
        stderr(&out)
    );
    let wrong = key_words(&forger, root.path());
    let trust = |fingerprint: &str| {
        renaksi(
            &[
                "key",
                "trust-bappeda",
                "--db",
                d,
                "--package",
                g,
                "--fingerprint",
                fingerprint,
            ],
            root.path(),
        )
    };
    let out = trust(&wrong);
    assert!(!out.status.success());
    assert!(stderr(&out).contains("tidak sama"), "{}", stderr(&out));
    let read_out = key_words(&bappeda, root.path());
    let out = trust(&read_out);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).contains(&format!("Kunci Bappeda diterima   : {read_out}")),
        "{}",
        stdout(&out)
    );
    run(&["update-package", "--db", d, "--package", g]);
}

/// What taking a feedback file could change at an OPD, as text.
fn feedback_state(db: &Path) -> String {
    let conn = Connection::open(db).unwrap();
    let mut text = String::new();
    for table in [
        "feedback_taken",
        "feedback_reports",
        "feedback_notes",
        "note_replies",
        "periods",
        "settings",
        "audit_log",
    ] {
        let mut stmt = conn.prepare(&format!("SELECT * FROM {table}")).unwrap();
        let columns = stmt.column_count();
        let mut rows: Vec<String> = stmt
            .query_map([], |row| {
                (0..columns)
                    .map(|i| {
                        row.get::<_, rusqlite::types::Value>(i)
                            .map(|v| format!("{v:?}"))
                    })
                    .collect::<rusqlite::Result<Vec<_>>>()
                    .map(|v| v.join("|"))
            })
            .unwrap()
            .map(Result::unwrap)
            .collect();
        rows.sort();
        text.push_str(&format!("{table}:\n{}\n", rows.join("\n")));
    }
    text
}

/// The loop through the `renaksi` binary: Bappeda imports a report,
/// writes a note on an action and one on an indicator, verifies the report
/// and writes the feedback file; the OPD takes it, lists both notes on their
/// subjects, answers one and exports; Bappeda imports that report, lists the
/// answer under its note and resolves it. A file for another OPD, an older
/// one and the same one again change nothing at the OPD.
#[test]
fn the_feedback_loop_from_the_command_line() {
    let root = tempfile::tempdir().unwrap();
    let office = |name: &str| {
        let dir = root.path().join(name);
        std::fs::create_dir_all(&dir).unwrap();
        dir.join("renaksi.db")
    };
    let path = |name: &str| root.path().join(name).to_string_lossy().into_owned();
    let run = |args: &[&str]| {
        let out = renaksi(args, root.path());
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    let bappeda = office("bappeda");
    let b = bappeda.to_str().unwrap();
    run(&["demo", "--db", b]);
    for quarter in 1..=4 {
        let period = format!("2018-TW{quarter}");
        run(&[
            "period",
            "reopen",
            "--db",
            b,
            "--period",
            &period,
            "--reason",
            "Mulai dari paket",
        ]);
    }
    run(&["package", "--db", b, "--out", &path("paket.xlsx")]);
    let dinkes = office("dinkes");
    let d = dinkes.to_str().unwrap();
    run(&[
        "init",
        "--db",
        d,
        "--package",
        &path("paket.xlsx"),
        "--opd",
        "DINKES",
    ]);
    run(&[
        "export",
        "--db",
        d,
        "--period",
        "2019-TW1",
        "--out",
        &path("lap-1.xlsx"),
    ]);
    let keys = accepting(&[("DINKES", dinkes.as_path())]);
    let mut import = vec!["import", "--db", b];
    let lap1 = path("lap-1.xlsx");
    import.push(&lap1);
    import.extend(keys.iter().map(String::as_str));
    run(&import);

    let indicator: String = Connection::open(&dinkes)
        .unwrap()
        .query_row(
            "SELECT i.id FROM indicators i JOIN actions a ON a.id = i.action_id
             WHERE a.code = 'RA-01' ORDER BY i.seq LIMIT 1",
            [],
            |r| r.get(0),
        )
        .unwrap();
    run(&[
        "note",
        "add",
        "--db",
        b,
        "--action",
        "RA-01",
        "Lengkapi bukti rapat koordinasi.",
    ]);
    run(&[
        "note",
        "add",
        "--db",
        b,
        "--indicator",
        &indicator,
        "Target TW2 tampak terlalu rendah.",
    ]);
    run(&[
        "verify", "--db", b, "--opd", "DINKES", "--period", "2019-TW1",
    ]);
    let said = run(&[
        "feedback",
        "--db",
        b,
        "--opd",
        "DINKES",
        "--out",
        &path("ub-1.xlsx"),
    ]);
    assert!(said.contains("2 catatan (2 terbuka)"), "{said}");
    assert!(said.contains("Umpan balik ke-1 untuk DINKES"), "{said}");

    let said = run(&["take-feedback", "--db", d, &path("ub-1.xlsx")]);
    assert!(said.contains("Umpan balik ke-1 diambil"), "{said}");
    assert!(said.contains("2 catatan"), "{said}");
    let listed = run(&["note", "list", "--db", d]);
    let action_line = listed
        .lines()
        .find(|l| l.contains("Lengkapi bukti rapat koordinasi."))
        .unwrap_or_else(|| panic!("{listed}"));
    assert!(
        action_line.contains("[terbuka]  RA-01 Penyiapan"),
        "{action_line}"
    );
    let indicator_line = listed
        .lines()
        .find(|l| l.contains("Target TW2 tampak terlalu rendah."))
        .unwrap_or_else(|| panic!("{listed}"));
    assert!(indicator_line.contains("RA-01 · "), "{indicator_line}");
    let note_id = action_line.split_whitespace().next().unwrap().to_string();
    let subject: String = Connection::open(&dinkes)
        .unwrap()
        .query_row(
            "SELECT subject_kind || ':' || subject_id FROM feedback_notes WHERE id = ?1",
            [&note_id],
            |r| r.get(0),
        )
        .unwrap();
    assert!(subject.starts_with("action:"), "{subject}");

    let said = run(&[
        "note",
        "reply",
        "--db",
        d,
        &note_id,
        "Bukti rapat sudah diunggah sebagai tautan.",
    ]);
    assert!(said.contains("Tanggapan"), "{said}");
    let out = renaksi(&["note", "reply", "--db", b, &note_id, "x"], root.path());
    assert!(!out.status.success());
    assert!(stderr(&out).contains("Hanya OPD"), "{}", stderr(&out));
    run(&[
        "export",
        "--db",
        d,
        "--period",
        "2019-TW2",
        "--out",
        &path("lap-2.xlsx"),
    ]);
    let said = run(&["import", "--db", b, &path("lap-2.xlsx")]);
    assert!(said.contains("1 tanggapan baru"), "{said}");
    let listed = run(&["note", "list", "--db", b]);
    let lines: Vec<&str> = listed.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.starts_with(&note_id))
        .unwrap_or_else(|| panic!("{listed}"));
    assert!(
        lines[at + 1].trim_start().starts_with("tanggapan ")
            && lines[at + 1].contains("Bukti rapat sudah diunggah sebagai tautan."),
        "{listed}"
    );
    run(&["note", "resolve", "--db", b, &note_id]);
    assert!(run(&["note", "list", "--db", b])
        .lines()
        .any(|l| l.starts_with(&note_id) && l.contains("[selesai]")));

    // Every OPD's file into a folder; DINKES's is its second.
    let folder = root.path().join("umpan-balik");
    std::fs::create_dir_all(&folder).unwrap();
    let said = run(&[
        "feedback",
        "--db",
        b,
        "--all",
        "--out",
        folder.to_str().unwrap(),
    ]);
    assert!(said.contains("berkas umpan balik ditulis"), "{said}");
    let second = folder.join("umpan-balik-DINKES-2.xlsx");
    let for_dinsos = folder.join("umpan-balik-DINSOS-1.xlsx");
    assert!(second.is_file() && for_dinsos.is_file(), "{said}");
    let said = run(&["take-feedback", "--db", d, second.to_str().unwrap()]);
    assert!(
        said.contains("1 tanggapan sudah diterima Bappeda"),
        "{said}"
    );
    assert!(run(&["note", "list", "--db", d])
        .lines()
        .any(|l| l.starts_with(&note_id) && l.contains("[selesai]")));

    let before = feedback_state(&dinkes);
    for (file, said) in [
        (
            for_dinsos.to_string_lossy().into_owned(),
            "bukan untuk DINKES",
        ),
        (path("ub-1.xlsx"), "umpan balik ke-1 yang ditulis"),
    ] {
        let out = renaksi(&["take-feedback", "--db", d, &file], root.path());
        assert!(!out.status.success(), "{file}");
        assert!(stderr(&out).contains(said), "{}", stderr(&out));
        assert_eq!(stderr(&out).lines().count(), 1);
        assert_eq!(feedback_state(&dinkes), before, "{file}");
    }
    let said = run(&["take-feedback", "--db", d, second.to_str().unwrap()]);
    assert!(
        said.contains("Umpan balik ke-2 sudah diambil sebelumnya"),
        "{said}"
    );
    assert_eq!(feedback_state(&dinkes), before);
}

/// `renaksi opendata` as the portal team runs it: the files it writes are read
/// back, and each table holds what the database holds.
#[test]
fn opendata_writes_files_that_read_back_as_the_database_holds_them() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("renaksi.db");
    let db_arg = db.to_str().unwrap();
    let out_dir = dir.path().join("data terbuka");
    let out = renaksi(&["demo", "--db", db_arg], dir.path());
    assert!(out.status.success(), "{}", stderr(&out));
    let out = renaksi(
        &[
            "assessment",
            "set",
            "--db",
            db_arg,
            "--action",
            "RA-02",
            "--completion",
            "substansial",
            "--opened",
            "marginal",
            "--explanation",
            "Forum konsultasi berjalan di 12 kecamatan.",
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    let out = renaksi(
        &[
            "opendata",
            "--db",
            db_arg,
            "--out",
            out_dir.to_str().unwrap(),
        ],
        dir.path(),
    );
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(
        stdout(&out).starts_with("13 berkas data terbuka ditulis"),
        "{}",
        stdout(&out)
    );

    let conn = Connection::open(&db).unwrap();
    let csv = |name: &str| -> Vec<std::collections::HashMap<String, String>> {
        let mut reader = csv::Reader::from_path(out_dir.join(format!("{name}.csv"))).unwrap();
        let header = reader.headers().unwrap().clone();
        reader
            .records()
            .map(|r| {
                header
                    .iter()
                    .zip(r.unwrap().iter())
                    .map(|(h, v)| (h.to_string(), v.to_string()))
                    .collect()
            })
            .collect()
    };
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("rencana-aksi.json")).unwrap()).unwrap();
    for (file, table) in [
        ("opd", "opds"),
        ("tema", "themes"),
        ("rencana_aksi", "actions"),
        ("tonggak", "milestones"),
        ("indikator", "indicators"),
        ("target", "targets"),
        ("realisasi", "realisations"),
        ("penilaian_mandiri", "self_assessments"),
    ] {
        let rows = count(&conn, table) as usize;
        assert_eq!(csv(file).len(), rows, "{file}.csv");
        assert_eq!(
            json[file].as_array().unwrap().len(),
            rows,
            "{file} in the JSON"
        );
    }
    // Values, not only counts: each realisation's figure is the database's.
    let realised: std::collections::HashMap<(String, String, String), Option<f64>> = conn
        .prepare("SELECT indicator_id, year, quarter, value FROM realisations")
        .unwrap()
        .query_map([], |r| {
            Ok((
                (
                    r.get::<_, String>(0)?,
                    r.get::<_, i64>(1)?.to_string(),
                    r.get::<_, i64>(2)?.to_string(),
                ),
                r.get(3)?,
            ))
        })
        .unwrap()
        .map(Result::unwrap)
        .collect();
    for row in csv("realisasi") {
        let key = (
            row["indikator_id"].clone(),
            row["tahun"].clone(),
            row["triwulan"].clone(),
        );
        assert_eq!(row["nilai"].parse::<f64>().ok(), realised[&key], "{key:?}");
    }
    let codes: std::collections::BTreeSet<String> = csv("rencana_aksi")
        .into_iter()
        .map(|r| r["kode"].clone())
        .collect();
    let in_db: std::collections::BTreeSet<String> = conn
        .prepare("SELECT code FROM actions")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(codes, in_db);
    let assessed = &csv("penilaian_mandiri")[0];
    assert_eq!(assessed["rencana_aksi"], "RA-02");
    assert_eq!(assessed["penyelesaian"], "substansial");
    assert_eq!(assessed["membuka_pemerintahan"], "marginal");
    let descriptor: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_dir.join("datapackage.json")).unwrap()).unwrap();
    for resource in descriptor["resources"].as_array().unwrap() {
        assert!(out_dir.join(resource["path"].as_str().unwrap()).is_file());
    }
}

#[test]
fn the_self_assessment_and_the_public_site_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("renaksi.db");
    let db_arg = db.to_str().unwrap();
    let run = |args: &[&str]| {
        let out = renaksi(args, dir.path());
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        stdout(&out)
    };
    let refused = |args: &[&str]| {
        let out = renaksi(args, dir.path());
        assert!(!out.status.success(), "{args:?} should fail");
        assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
        stderr(&out)
    };
    run(&["demo", "--db", db_arg]);
    let said = run(&[
        "assessment",
        "set",
        "--db",
        db_arg,
        "--action",
        "ra-01",
        "--completion",
        "complete",
        "--opened",
        "luar-biasa",
        "--explanation",
        "Cakupan JKN 98%; data kepesertaan terbuka per desa.",
        "--link",
        "https://wonosobokab.go.id/jkn",
        "--link",
        "https://wonosobokab.go.id/jkn-desa",
    ]);
    assert!(
        said.contains("RA-01 dicatat: Selesai, membuka pemerintahan: Luar biasa, 2 tautan bukti"),
        "{said}"
    );
    let message = refused(&[
        "assessment",
        "set",
        "--db",
        db_arg,
        "--action",
        "RA-02",
        "--completion",
        "hampir",
        "--opened",
        "besar",
        "--explanation",
        "x",
    ]);
    assert!(message.contains("\"hampir\" tidak dikenal"), "{message}");
    let message = refused(&[
        "assessment",
        "set",
        "--db",
        db_arg,
        "--action",
        "RA-02",
        "--completion",
        "selesai",
        "--opened",
        "besar",
        "--explanation",
        "x",
        "--link",
        "file:///C:/rahasia.pdf",
    ]);
    assert!(message.contains("http://"), "{message}");
    assert_eq!(
        count(&Connection::open(&db).unwrap(), "self_assessments"),
        1
    );

    let listed = run(&["assessment", "list", "--db", db_arg]);
    assert!(
        listed.starts_with("1 dari 8 rencana aksi sudah dinilai."),
        "{listed}"
    );
    assert!(listed.contains("https://wonosobokab.go.id/jkn-desa"));

    let book = dir.path().join("penilaian.xlsx");
    let said = run(&[
        "assessment",
        "export",
        "--db",
        db_arg,
        "--out",
        book.to_str().unwrap(),
        "--paper",
        "f4",
    ]);
    assert!(said.contains("1 dari 8 rencana aksi dinilai"), "{said}");
    use calamine::Reader;
    let mut workbook: calamine::Xlsx<_> = calamine::open_workbook(&book).unwrap();
    let range = workbook.worksheet_range("Penilaian Akhir").unwrap();
    let row: Vec<String> = range
        .rows()
        .find(|r| {
            r.get(1)
                .is_some_and(|c| c.to_string().starts_with("RA-01 "))
        })
        .unwrap()
        .iter()
        .map(|c| c.to_string())
        .collect();
    assert_eq!(row[4], "Selesai");
    assert_eq!(row[5], "Luar biasa");
    assert_eq!(
        row[7],
        "https://wonosobokab.go.id/jkn\nhttps://wonosobokab.go.id/jkn-desa"
    );

    let site = dir.path().join("situs");
    let said = run(&["publish", "--db", db_arg, "--out", site.to_str().unwrap()]);
    assert!(said.starts_with("Situs transparansi ditulis ke"), "{said}");
    let page = std::fs::read_to_string(site.join("aksi/ra-01.html")).unwrap();
    assert!(page.contains("Luar biasa") && page.contains("https://wonosobokab.go.id/jkn-desa"));
    assert!(site.join("en/aksi/ra-01.html").is_file());
    assert!(site.join("data/penilaian_mandiri.csv").is_file());

    // Not over a folder of other files, and not from an OPD's database.
    let other = dir.path().join("dokumen");
    std::fs::create_dir(&other).unwrap();
    std::fs::write(other.join("surat.docx"), "x").unwrap();
    let message = refused(&["publish", "--db", db_arg, "--out", other.to_str().unwrap()]);
    assert!(message.contains("sudah berisi berkas lain"), "{message}");
    let opd = dir.path().join("dinkes.db");
    run(&["demo", "--db", opd.to_str().unwrap(), "--opd", "DINKES"]);
    let nowhere = dir.path().join("situs-opd");
    let message = refused(&[
        "publish",
        "--db",
        opd.to_str().unwrap(),
        "--out",
        nowhere.to_str().unwrap(),
    ]);
    assert!(
        message.contains("Hanya Bappeda yang menerbitkan situs"),
        "{message}"
    );
    assert!(!nowhere.exists());
}
