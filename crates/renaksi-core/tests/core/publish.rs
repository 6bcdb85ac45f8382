//! The public site as a visitor gets it: every page in both languages, links
//! that stay inside the folder, no script, user text escaped and marked as
//! Indonesian on English pages, nothing private in any file, the figures the
//! dashboard computes, the date of the data, under 2 MB; written whole, by
//! Bappeda only, never over a folder that holds something else, in place
//! (the folder itself stays, and what others added beside the site), also
//! for a plan with no quarters.

use std::collections::BTreeSet;
use std::io::Read;
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

/// Text as maud writes it into a page.
fn escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A page without its head and its charts (an SVG image's parts are not read
/// on their own: its title and description are its name).
fn body_text(html: &str) -> String {
    let mut body = html[html.find("<body").unwrap()..].to_string();
    while let Some(start) = body.find("<svg") {
        let end = start + body[start..].find("</svg>").unwrap() + "</svg>".len();
        body.replace_range(start..end, "");
    }
    body
}

/// The places in `body` where `text` stands outside a `<span lang="id">`.
fn outside_indonesian(body: &str, text: &str) -> Vec<String> {
    const OPEN: &str = "<span lang=\"id\">";
    body.match_indices(text)
        .filter(|(at, _)| {
            let before = &body[..*at];
            match before.rfind(OPEN) {
                Some(open) => before[open..].contains("</span>"),
                None => true,
            }
        })
        .map(|(at, _)| {
            body[at.saturating_sub(60)..(at + text.len() + 20).min(body.len())].to_string()
        })
        .collect()
}

/// Every file's text: pages, stylesheet, CSV and JSON as they are, and each
/// workbook's parts (shared strings, sheets, properties) unzipped.
fn every_text(dir: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for file in files(dir) {
        let path = dir.join(&file);
        if file.ends_with(".xlsx") {
            let mut zip = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
            for i in 0..zip.len() {
                let mut part = zip.by_index(i).unwrap();
                let name = format!("{file}!{}", part.name());
                let mut text = String::new();
                part.read_to_string(&mut text).unwrap();
                out.push((name, text));
            }
        } else {
            out.push((file, std::fs::read_to_string(&path).unwrap()));
        }
    }
    out
}

/// A Bappeda database with the demo plan, a co-creation session, two
/// assessments, a verifier note, an action title that is markup, and the
/// data received in April 2019: the realisations on the 10th, a report on
/// the 21st (in WIB; the 20th in UTC).
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
            tx.execute(
                "UPDATE realisations SET updated_at = '2019-04-10T03:00:00Z'",
                [],
            )?;
            tx.execute(
                "INSERT INTO reports (id, plan_id, opd_id, year, quarter, sequence, direction,
                                      exported_at, received_at, verified_by)
                 SELECT 'r1', p.id, o.id, 2019, 1, 1, 'imported', '2019-04-20T10:00:00Z',
                        '2019-04-20T18:30:00Z', 'Verifikator'
                   FROM plans p, opds o WHERE o.code = 'DINKES' LIMIT 1",
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
    // The marker lists every other file of the site: what publishing again replaces.
    let mut others = all.clone();
    others.remove(MARKER);
    assert_eq!(listed_in_marker(&out), others);
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

    let mut external_links = 0;
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
        // The menu marks the page it is on, and an action's page is on none.
        let current: Vec<&str> = html
            .match_indices("aria-current=\"page\"")
            .map(|(at, _)| {
                let tag = &html[html[..at].rfind("<a ").unwrap()..at];
                attributes(tag, "href")[0]
            })
            .collect();
        if page.contains("aksi/") {
            assert!(current.is_empty(), "{page}: {current:?}");
        } else {
            let own = page.rsplit('/').next().unwrap();
            assert_eq!(current, [own], "{page}");
        }
        // A link to another site says so inside the link, in the page's language.
        let hint = if english {
            Lang::En.words().link_opens_elsewhere
        } else {
            Lang::Id.words().link_opens_elsewhere
        };
        for (at, _) in html.match_indices("rel=\"external noopener noreferrer\">") {
            let link = &html[at..at + html[at..].find("</a>").unwrap()];
            assert!(link.contains(&format!("({hint})")), "{page}: {link}");
            external_links += 1;
        }
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
    }
    // Both assessments' evidence links, on their pages and the overview, twice.
    assert!(external_links >= 8, "{external_links} external links");

    // User text is text.
    let ra03 = std::fs::read_to_string(out.join("aksi/ra-03.html")).unwrap();
    assert!(ra03.contains(
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &lt;b&gt;tebal&lt;/b&gt;"
    ));
    assert!(!ra03.contains("<b>tebal"));

    // Nothing private in any file: not the user's name (who recorded the
    // assessments), participants, authors, the verifier and their note.
    let texts = every_text(&out);
    assert!(texts
        .iter()
        .any(|(f, _)| f.ends_with("!xl/sharedStrings.xml")));
    assert!(texts.iter().any(|(f, _)| f.ends_with(".csv")));
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
        for (file, text) in &texts {
            assert!(!text.contains(private), "{file} shows {private:?}");
        }
    }
    // On the English pages, what people typed (in Indonesian) is marked so.
    let conn = store.conn();
    let column = |sql: &str| -> Vec<String> {
        let mut statement = conn.prepare(sql).unwrap();
        let rows = statement.query_map([], |r| r.get::<_, String>(0)).unwrap();
        rows.map(Result::unwrap)
            .filter(|t| t.trim().len() > 3)
            .collect()
    };
    let mut typed: Vec<String> = [
        "SELECT title FROM plans",
        "SELECT region FROM plans",
        "SELECT name FROM themes",
        "SELECT title FROM actions",
        "SELECT problem FROM actions",
        "SELECT name FROM opds",
        "SELECT title FROM milestones",
        "SELECT description FROM indicators",
        "SELECT title FROM cocreation_sessions",
        "SELECT place FROM cocreation_sessions",
        "SELECT organisation FROM session_inputs",
        "SELECT body FROM session_inputs",
        "SELECT explanation FROM self_assessments",
    ]
    .iter()
    .flat_map(|sql| column(sql))
    .collect();
    typed.extend(
        renaksi_core::opendata::summary(conn)
            .unwrap()
            .tables
            .into_iter()
            .map(|t| t.title),
    );
    let mut marked = 0;
    for page in pages.iter().filter(|p| p.starts_with("en/")) {
        let body = body_text(&std::fs::read_to_string(out.join(page)).unwrap());
        for text in &typed {
            let text = escaped(text.trim());
            let outside = outside_indonesian(&body, &text);
            assert!(
                outside.is_empty(),
                "{page}: {text:?} is not marked Indonesian: {outside:#?}"
            );
            marked += body.matches(&text).count();
        }
    }
    assert!(marked > 200, "{marked} texts marked");
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
    // The date of the data (the latest received, in WIB) and the day of
    // publishing, each on its own labelled line.
    assert!(index.contains(
        "<dt>Data per</dt><dd>21 April 2019 (laporan atau realisasi terakhir diterima)</dd>"
    ));
    assert!(index.contains("<dt>Diterbitkan</dt><dd>15 Juli 2019</dd>"));
    assert!(index_en.contains(
        "<dt>Data as of</dt><dd>21 April 2019 (latest report or realisation received)</dd>"
    ));
    assert!(index_en.contains("<dt>Published</dt><dd>15 July 2019</dd>"));
    assert!(index.contains(&format!(
        "<dt>Capaian dihitung sampai dengan</dt><dd>{}</dd>",
        Lang::Id.quarter(period.year, period.quarter)
    )));

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

    // A site written before is replaced: what Renaksi wrote there and no
    // longer writes goes (here a page an earlier version listed), and
    // nothing is left beside it.
    publish::site(&store, &out, today()).unwrap();
    std::fs::write(out.join("lama.html"), "halaman lama").unwrap();
    let marker = std::fs::read_to_string(out.join(MARKER)).unwrap();
    std::fs::write(out.join(MARKER), format!("{marker}lama.html\n")).unwrap();
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

/// The files a site's marker lists (its lines that are not notes).
fn listed_in_marker(site: &Path) -> BTreeSet<String> {
    std::fs::read_to_string(site.join(MARKER))
        .unwrap()
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_string)
        .collect()
}

#[test]
fn publishing_again_keeps_what_others_added_beside_the_site_and_refuses_files_inside_it() {
    let dir = tempfile::tempdir().unwrap();
    let store = bappeda_with_everything(&dir.path().join("bappeda"));
    let out = dir.path().join("situs");
    publish::site(&store, &out, today()).unwrap();
    let site_files = files(&out);

    // The web team's files beside the site: a server's settings, a logo, a folder.
    std::fs::write(out.join(".htaccess"), "Options -Indexes\n").unwrap();
    std::fs::write(out.join("logo.png"), b"PNG").unwrap();
    std::fs::create_dir(out.join("gambar")).unwrap();
    std::fs::write(out.join("gambar/peta.svg"), "<svg/>").unwrap();
    let stale = out.join("index.html");
    std::fs::write(&stale, "halaman yang diubah tangan").unwrap();
    publish::site(&store, &out, today()).unwrap();
    assert_eq!(
        std::fs::read_to_string(out.join(".htaccess")).unwrap(),
        "Options -Indexes\n"
    );
    assert_eq!(std::fs::read(out.join("logo.png")).unwrap(), b"PNG");
    assert!(out.join("gambar/peta.svg").is_file());
    assert!(std::fs::read_to_string(&stale).unwrap().contains("<html"));
    let mut expected = site_files.clone();
    expected.extend([".htaccess", "logo.png", "gambar/peta.svg"].map(String::from));
    assert_eq!(files(&out), expected);
    // The marker lists the site's files only, so the next publish keeps them too.
    assert!(!listed_in_marker(&out).contains(".htaccess"));

    // A file added inside the site's own folders would go with them: refused,
    // naming it, and nothing changes.
    std::fs::write(out.join("aksi/catatan.html"), "catatan tim web").unwrap();
    let before = files(&out);
    let error = publish::site(&store, &out, today()).unwrap_err();
    assert_eq!(error.code(), "invalid");
    let message = error.to_string();
    assert!(
        message.contains("aksi/catatan.html") && message.contains(".htaccess"),
        "{message}"
    );
    assert_eq!(files(&out), before);
    std::fs::remove_file(out.join("aksi/catatan.html")).unwrap();

    // A foreign file holding the name of a file the site writes (not listed
    // by the marker as Renaksi's): refused, the file kept.
    let marker = std::fs::read_to_string(out.join(MARKER)).unwrap();
    let without_css: String = marker
        .lines()
        .filter(|l| *l != "gaya.css")
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(out.join(MARKER), without_css).unwrap();
    std::fs::write(out.join("gaya.css"), "/* milik tim web */").unwrap();
    let error = publish::site(&store, &out, today()).unwrap_err();
    assert_eq!(error.code(), "invalid");
    assert!(error.to_string().contains("gaya.css"), "{error}");
    assert_eq!(
        std::fs::read_to_string(out.join("gaya.css")).unwrap(),
        "/* milik tim web */"
    );
    assert!(working_entries(&out).is_empty());
    assert!(out.join("index.html").is_file());

    // A marker line that leaves the folder is no path of the site: nothing
    // outside is touched.
    let beside = dir.path().join("punya-orang-lain.txt");
    std::fs::write(&beside, "jangan dihapus").unwrap();
    std::fs::write(
        out.join(MARKER),
        format!("{marker}../punya-orang-lain.txt\n/etc\n"),
    )
    .unwrap();
    publish::site(&store, &out, today()).unwrap();
    assert_eq!(std::fs::read_to_string(&beside).unwrap(), "jangan dihapus");
}

/// The site's files with the names of the folders a publish works in.
fn working_entries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(publish::WORKING_PREFIX))
        .collect()
}

#[test]
fn a_site_is_replaced_inside_its_folder_which_stays_the_same_folder() {
    let dir = tempfile::tempdir().unwrap();
    let store = bappeda_with_everything(&dir.path().join("bappeda"));
    let out = dir.path().join("situs");
    publish::site(&store, &out, today()).unwrap();

    // What an interrupted publish left inside is Renaksi's and goes; the
    // folder is the same folder (a web server's root, a mount point, a
    // terminal's working folder keep it), and nothing is left beside it.
    let leftover = out.join(format!("{}baru.1", publish::WORKING_PREFIX));
    std::fs::create_dir(&leftover).unwrap();
    std::fs::write(leftover.join("index.html"), "setengah").unwrap();
    #[cfg(unix)]
    let inode = {
        use std::os::unix::fs::MetadataExt;
        std::fs::metadata(&out).unwrap().ino()
    };
    publish::site(&store, &out, today()).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        assert_eq!(
            std::fs::metadata(&out).unwrap().ino(),
            inode,
            "the same folder"
        );
    }
    assert!(
        working_entries(&out).is_empty(),
        "{:?}",
        working_entries(&out)
    );
    assert!(out.join("index.html").is_file() && out.join(MARKER).is_file());

    // A folder holding only what an interrupted publish left is taken too.
    let interrupted = dir.path().join("terputus");
    std::fs::create_dir_all(interrupted.join(format!("{}lama.7", publish::WORKING_PREFIX)))
        .unwrap();
    publish::site(&store, &interrupted, today()).unwrap();
    assert!(working_entries(&interrupted).is_empty());
    assert!(interrupted.join("index.html").is_file());

    let beside: BTreeSet<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        beside,
        BTreeSet::from(["bappeda".into(), "situs".into(), "terputus".into()])
    );
}

/// Whether this process ignores file permissions (root does).
#[cfg(unix)]
fn ignores_permissions(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let probe = dir.join("coba");
    std::fs::create_dir(&probe).unwrap();
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o555)).unwrap();
    let ignored = std::fs::write(probe.join("x"), "x").is_ok();
    let _ = std::fs::remove_file(probe.join("x"));
    std::fs::set_permissions(&probe, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::fs::remove_dir(&probe).unwrap();
    ignored
}

#[cfg(unix)]
#[test]
fn a_site_folder_whose_parent_is_not_writable_is_published_and_one_not_writable_is_refused_in_words(
) {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    if ignores_permissions(dir.path()) {
        eprintln!("skipped: this user (root) ignores file permissions, so none can be denied");
        return;
    }
    let store = bappeda_with_everything(&dir.path().join("bappeda"));
    // A web root the user may not write, with a subfolder they own.
    let web = dir.path().join("www");
    let out = web.join("renaksi");
    std::fs::create_dir_all(&out).unwrap();
    let mode = |path: &Path, mode| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap()
    };
    mode(&web, 0o555);
    let first = publish::site(&store, &out, today());
    let second = first
        .as_ref()
        .ok()
        .map(|_| publish::site(&store, &out, today()));
    // A folder the user may not write at all: refused with a sentence.
    mode(&out, 0o555);
    let refused = publish::site(&store, &out, today());
    mode(&out, 0o755);
    mode(&web, 0o755);
    first.unwrap();
    second.unwrap().unwrap();
    assert!(out.join("index.html").is_file());
    let error = refused.unwrap_err();
    assert_eq!(error.code(), "invalid");
    assert!(
        error.to_string().contains("tidak boleh ditulisi"),
        "{error}"
    );
}

#[test]
fn action_codes_windows_keeps_for_devices_get_a_suffix() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = bappeda_with_everything(dir.path());
    store
        .write(|tx| {
            for (from, to) in [
                ("RA-01", "CON"),
                ("RA-02", "aux"),
                ("RA-04", "Com1"),
                ("RA-05", "LPT9"),
            ] {
                tx.execute("UPDATE actions SET code = ?2 WHERE code = ?1", [from, to])?;
            }
            Ok(())
        })
        .unwrap();
    let out = dir.path().join("situs");
    publish::site(&store, &out, today()).unwrap();
    let all = files(&out);
    for slug in [
        "con-aksi",
        "aux-aksi",
        "com1-aksi",
        "lpt9-aksi",
        "ra-03",
        "ra-06",
    ] {
        assert!(
            all.contains(&format!("aksi/{slug}.html")),
            "{slug}: {all:?}"
        );
        assert!(all.contains(&format!("en/aksi/{slug}.html")), "{slug}");
    }
    let reserved = |stem: &str| {
        ["con", "prn", "aux", "nul"].contains(&stem)
            || ((stem.starts_with("com") || stem.starts_with("lpt"))
                && stem.len() == 4
                && stem.as_bytes()[3].is_ascii_digit())
    };
    for file in &all {
        let name = file.rsplit('/').next().unwrap();
        let stem = name.split('.').next().unwrap().to_lowercase();
        assert!(!reserved(&stem), "{file}");
    }
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("href=\"aksi/con-aksi.html\""));
}

#[test]
fn a_plan_with_no_quarters_still_gets_its_action_pages_without_figures() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = bappeda_with_everything(dir.path());
    store
        .write(|tx| {
            tx.execute_batch(
                "DELETE FROM realisations; DELETE FROM targets; DELETE FROM reports;
                 DELETE FROM periods;",
            )?;
            Ok(())
        })
        .unwrap();
    let out = dir.path().join("situs");
    let written = publish::site(&store, &out, today()).unwrap();
    assert_eq!(written.period, None);
    let all = files(&out);
    for n in 1..=8 {
        assert!(all.contains(&format!("aksi/ra-0{n}.html")), "{all:?}");
        assert!(all.contains(&format!("en/aksi/ra-0{n}.html")));
    }
    let index = std::fs::read_to_string(out.join("index.html")).unwrap();
    assert!(index.contains("href=\"aksi/ra-01.html\""));
    assert!(index.contains(Lang::Id.words().no_period));
    assert!(index.contains(Lang::Id.words().no_data_yet));
    let overview = std::fs::read_to_string(out.join("penilaian.html")).unwrap();
    assert!(overview.contains("href=\"aksi/ra-01.html\""));
    let ra01 = std::fs::read_to_string(out.join("aksi/ra-01.html")).unwrap();
    // The commitment, its milestones and assessment; no capaian of a quarter.
    assert!(ra01.contains("Penjelasan RA-01.") && ra01.contains("tabel-tonggak"));
    assert!(
        !ra01.contains(Lang::Id.words().capaian_to_date),
        "no figures"
    );
    assert!(!ra01.contains(" TW "), "no quarter");
}
