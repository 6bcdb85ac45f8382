//! The public site as a visitor gets it: every page in both languages, links
//! that stay inside the folder, no script, user text escaped, nothing private,
//! the figures the dashboard computes, under 2 MB; written whole, by Bappeda
//! only, never over a folder that holds something else.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use calamine::{open_workbook, Reader, Xlsx};
use chrono::NaiveDate;

use renaksi_core::cocreation::{self, InputForm, ParticipantForm, ParticipantKind, SessionForm};
use renaksi_core::consolidation;
use renaksi_core::demo::{self, DemoView};
use renaksi_core::profile::{Profile, Role};
use renaksi_core::publish::{self, words::Lang, MARKER};
use renaksi_core::review::action_id;
use renaksi_core::self_assessment::{self, AssessmentForm, Completion, OpenedGovernment};
use renaksi_core::Store;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2019, 7, 15).unwrap()
}

/// Every file under `dir`, by its path from `dir` with `/`.
fn files(dir: &Path) -> BTreeSet<String> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeSet<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                let relative = path.strip_prefix(root).unwrap();
                out.insert(relative.to_string_lossy().replace('\\', "/"));
            }
        }
    }
    let mut out = BTreeSet::new();
    walk(dir, dir, &mut out);
    out
}

/// The values of every `name="..."` attribute in a page.
fn attributes<'a>(html: &'a str, name: &str) -> Vec<&'a str> {
    let needle = format!(" {name}=\"");
    html.match_indices(&needle)
        .map(|(at, _)| {
            let start = at + needle.len();
            let end = start + html[start..].find('"').unwrap();
            &html[start..end]
        })
        .collect()
}

/// A Bappeda database with the demo plan, a co-creation session, two
/// assessments, a verifier note, and an action title that is markup.
fn bappeda_with_everything(dir: &Path) -> Store {
    let mut store = Store::open(&dir.join("data").join("renaksi.db")).unwrap();
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
    cocreation::add_participant(
        &mut store,
        &ParticipantForm {
            session_id: session.id.clone(),
            name: "Peserta Pribadi".into(),
            organisation: "Forum Warga".into(),
            kind: ParticipantKind::Cso,
            opd_code: None,
        },
    )
    .unwrap();
    let input = InputForm {
        id: None,
        session_id: session.id.clone(),
        action_id: action_id(store.conn(), "RA-02").unwrap(),
        author: "Penyampai Pribadi".into(),
        organisation: "Forum Warga".into(),
        body: "Undang warga difabel ke forum konsultasi.".into(),
    };
    cocreation::save_input(&mut store, &input).unwrap();
    for (code, completion, opened) in [
        ("RA-01", Completion::Complete, OpenedGovernment::Major),
        ("RA-02", Completion::Limited, OpenedGovernment::Marginal),
    ] {
        let form = AssessmentForm {
            action_id: action_id(store.conn(), code).unwrap(),
            completion,
            opened_government: opened,
            explanation: format!("Penjelasan {code}."),
            evidence_links: vec![format!("https://wonosobokab.go.id/{}", code.to_lowercase())],
        };
        self_assessment::set(&mut store, &form).unwrap();
    }
    store
        .write(|tx| {
            tx.execute(
                "INSERT INTO review_notes (id, subject_kind, subject_id, author, body, created_at)
                 VALUES ('n1', 'action', 'x', 'Verifikator', 'CATATAN INTERNAL JANGAN TERBIT', '2019-01-01T00:00:00Z')",
                [],
            )?;
            tx.execute(
                "UPDATE actions SET title = '<script>alert(\"x\")</script> & <b>tebal</b>' WHERE code = 'RA-03'",
                [],
            )?;
            Ok(())
        })
        .unwrap();
    store
}

#[test]
fn the_demo_site_is_whole_relative_escaped_private_and_small() {
    let dir = tempfile::tempdir().unwrap();
    let store = bappeda_with_everything(dir.path());
    let out = dir.path().join("situs");
    let written = publish::site(&store, &out, today()).unwrap();

    let all = files(&out);
    let pages: Vec<&String> = all.iter().filter(|f| f.ends_with(".html")).collect();
    assert_eq!(written.pages, pages.len());
    assert_eq!(written.files, all.len());
    for page in [
        "index.html",
        "kokreasi.html",
        "penilaian.html",
        "unduh.html",
    ] {
        assert!(all.contains(page), "{page}");
        assert!(all.contains(&format!("en/{page}")), "en/{page}");
    }
    for n in 1..=8 {
        assert!(all.contains(&format!("aksi/ra-0{n}.html")));
        assert!(all.contains(&format!("en/aksi/ra-0{n}.html")));
    }
    for file in [
        "gaya.css",
        "data/datapackage.json",
        "data/rencana-aksi.json",
        "data/penilaian_mandiri.csv",
        "berkas/penilaian-mandiri-akhir-komitmen.xlsx",
        MARKER,
    ] {
        assert!(all.contains(file), "{file}");
    }
    let period = written.period.unwrap();
    let rekap = format!(
        "berkas/rekap-kabupaten-{}-tw{}.xlsx",
        period.year, period.quarter
    );
    assert!(all.contains(&rekap));
    let total: u64 = all
        .iter()
        .map(|f| std::fs::metadata(out.join(f)).unwrap().len())
        .sum();
    assert_eq!(total, written.bytes);
    assert!(total < 2 * 1024 * 1024, "the demo site is {total} bytes");

    let mut everything = String::new();
    for page in &pages {
        let path = out.join(page);
        let html = std::fs::read_to_string(&path).unwrap();
        let english = page.starts_with("en/");
        assert!(html.starts_with("<!DOCTYPE html>"), "{page}");
        let lang = if english { "en" } else { "id" };
        assert!(html.contains(&format!("<html lang=\"{lang}\">")), "{page}");
        assert!(
            !html.to_lowercase().contains("<script"),
            "{page} has a script"
        );
        assert!(!html.contains(" src="), "{page} loads something");
        assert_eq!(html.matches("<h1").count(), 1, "{page}: one h1");
        assert!(
            html.contains("<title>") && html.contains("href=\"#isi\""),
            "{page}"
        );
        assert_eq!(
            html.matches("<table").count(),
            html.matches("<caption").count(),
            "{page}: every table has a caption"
        );
        assert_eq!(
            html.matches("<th>").count() + html.matches("<th ").count(),
            html.matches("<th scope=").count(),
            "{page}: every header cell has a scope"
        );
        assert_eq!(
            html.matches("<svg").count(),
            html.matches("role=\"img\"").count(),
            "{page}: every chart is an image with a title"
        );
        // Every link stays in the folder, but the evidence links, which open
        // another site only when followed.
        for href in attributes(&html, "href") {
            if href.starts_with('#') {
                continue;
            }
            if href.starts_with("https://") || href.starts_with("http://") {
                assert!(
                    html.contains(&format!(
                        "href=\"{href}\" rel=\"external noopener noreferrer\""
                    )),
                    "{page}: {href} is an evidence link"
                );
                continue;
            }
            assert!(
                !href.contains(':') && !href.starts_with('/'),
                "{page}: {href}"
            );
            let target: PathBuf = path.parent().unwrap().join(href.split('#').next().unwrap());
            let target = target
                .canonicalize()
                .unwrap_or_else(|_| panic!("{page}: {href} is missing"));
            assert!(
                target.starts_with(out.canonicalize().unwrap()),
                "{page}: {href}"
            );
        }
        everything.push_str(&html);
    }

    // User text is text.
    let ra03 = std::fs::read_to_string(out.join("aksi/ra-03.html")).unwrap();
    assert!(ra03.contains(
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;"
    ));
    assert!(!ra03.contains("<b>tebal"));

    // Nothing private.
    for private in [
        "Sari Rahasia",
        "Peserta Pribadi",
        "Penyampai Pribadi",
        "CATATAN INTERNAL",
        "CATATAN SESI INTERNAL",
        "Verifikator",
        "kunci/",
        "bukti/",
    ] {
        assert!(!everything.contains(private), "the site shows {private:?}");
    }
    let book: Xlsx<_> = open_workbook(out.join(&rekap)).unwrap();
    assert!(!book
        .sheet_names()
        .contains(&renaksi_core::rekap::NOTES_SHEET.to_string()));
    assert!(book
        .sheet_names()
        .contains(&renaksi_core::rekap::THEME_SHEET.to_string()));

    // The figures are the dashboard's, in each language's way of writing them.
    let summary = consolidation::summary(store.conn(), None, today())
        .unwrap()
        .unwrap();
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    let index_en = std::fs::read_to_string(out.join("en/index.html")).unwrap();
    assert!(index.contains(&Lang::Id.percent(summary.rollup.percent)));
    assert!(index_en.contains(&Lang::En.percent(summary.rollup.percent)));
    for theme in &summary.themes {
        assert!(
            index.contains(&Lang::Id.percent(theme.rollup.percent))
                || theme.rollup.percent.is_none()
        );
    }
    assert!(index.contains("Data per 15 Juli 2019"));
    assert!(index_en.contains("Data as of 15 July 2019"));

    // The self-assessment, on its action's page and the overview.
    let ra01 = std::fs::read_to_string(out.join("aksi/ra-01.html")).unwrap();
    let ra01_en = std::fs::read_to_string(out.join("en/aksi/ra-01.html")).unwrap();
    assert!(
        ra01.contains("Selesai") && ra01.contains("Besar") && ra01.contains("Penjelasan RA-01.")
    );
    assert!(ra01_en.contains("Complete") && ra01_en.contains("Major"));
    assert!(ra01.contains("https://wonosobokab.go.id/ra-01"));
    let overview = std::fs::read_to_string(out.join("penilaian.html")).unwrap();
    assert!(overview.contains("Terbatas") && overview.contains("Marginal"));
    let cocreation = std::fs::read_to_string(out.join("kokreasi.html")).unwrap();
    assert!(cocreation.contains("Undang warga difabel") && cocreation.contains("Forum Warga"));
}

#[test]
fn only_bappeda_publishes_and_a_folder_of_other_files_is_never_replaced() {
    let dir = tempfile::tempdir().unwrap();
    let (_db_dir, path) = crate::temp_db();
    let mut opd = Store::open(&path).unwrap();
    demo::load(&mut opd, &DemoView::Opd("DINKES".into())).unwrap();
    let out = dir.path().join("situs");
    let error = publish::site(&opd, &out, today()).unwrap_err();
    assert_eq!(error.code(), "forbidden");
    assert!(!out.exists());

    let store = bappeda_with_everything(&dir.path().join("bappeda"));
    let theirs = dir.path().join("dokumen");
    std::fs::create_dir(&theirs).unwrap();
    std::fs::write(theirs.join("catatan.txt"), "punya orang lain").unwrap();
    let error = publish::site(&store, &theirs, today()).unwrap_err();
    assert_eq!(error.code(), "invalid");
    assert_eq!(files(&theirs), BTreeSet::from(["catatan.txt".to_string()]));

    // A site written before is replaced whole: what it held and is no longer
    // written goes, and nothing is left beside it.
    publish::site(&store, &out, today()).unwrap();
    std::fs::write(out.join("lama.html"), "halaman lama").unwrap();
    publish::site(&store, &out, today()).unwrap();
    assert!(!out.join("lama.html").exists());
    assert!(out.join("index.html").is_file());
    let beside: BTreeSet<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        beside,
        BTreeSet::from(["bappeda".into(), "dokumen".into(), "situs".into()])
    );
}
