//! The public transparency site (Bappeda): a folder of static HTML pages and
//! one stylesheet, with the charts drawn as inline SVG, no script, no request
//! to any other host, and relative links only, so it works opened from a USB
//! stick (`file://`) or from any folder of any web server.
//!
//! - `content`: what the site shows, read from the store (public rows only).
//! - `pages`: the pages as maud templates (every text escaped).
//! - `chart`: the bar charts of capaian as SVG.
//! - `words`: the site's words in Indonesian and English.
//! - `folder`: which files of the target are Renaksi's (the marker lists
//!   them), and the new site swapped in; what others added beside it stays.
//!
//! Layout of the folder: `index.html`, `aksi/<code>.html` (one page per
//! action), `kokreasi.html`, `penilaian.html`, `unduh.html`, the same pages in
//! English under `en/`, `gaya.css`, the open data in `data/` and the workbooks
//! (the public rekap of the latest quarter, the self-assessment) in `berkas/`.

pub mod chart;
pub mod content;
pub mod folder;
pub mod pages;
pub mod words;

use std::fs;
use std::path::Path;

use chrono::NaiveDate;
use serde::Serialize;

use crate::files::{sync_dir, write_synced};
use crate::period::PeriodRef;
use crate::workbook::Paper;
use crate::{access, opendata, rekap, self_assessment, Error, Result, Store};
use content::Content;
use folder::{not_writable, remove_if_there, working};
pub use folder::{MARKER, WORKING_PREFIX};
use pages::{Download, Place, Section};
use words::Lang;

/// Where the open data goes, from the site's root.
pub const DATA_DIR: &str = "data";
/// Where the workbooks go.
pub const WORKBOOK_DIR: &str = "berkas";

/// What was written, for the caller to report.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SiteWritten {
    /// The site's folder.
    pub path: String,
    /// `index.html` in it: what to open.
    pub index: String,
    pub pages: usize,
    pub files: usize,
    #[ts(type = "number")]
    pub bytes: u64,
    /// The quarter the figures are for.
    pub period: Option<PeriodRef>,
}

/// Writes the site of the current plan into the folder `out`, as of `today`.
/// Bappeda only. `out` may not exist yet, be empty, or hold a site written
/// before (whose files are replaced; files others added beside it stay, see
/// [`folder`]).
pub fn site(store: &Store, out: &Path, today: NaiveDate) -> Result<SiteWritten> {
    let conn = store.conn();
    access::require_bappeda(conn, "menerbitkan situs transparansi")?;
    let earlier = folder::earlier(out)?;
    let content = content::gather(conn, today)?;
    let created = !out.exists();
    if created {
        fs::create_dir_all(out).map_err(|e| not_writable(out, e, "membuat folder"))?;
    }
    let staging = working(out, "baru");
    let written = remove_if_there(&staging)
        .and_then(|()| {
            fs::create_dir(&staging).map_err(|e| not_writable(out, e, "menulis ke folder"))
        })
        .and_then(|()| write_all(store, &content, &staging))
        .and_then(|w| {
            folder::swap_in(&staging, out, &earlier)?;
            Ok(w)
        });
    // Empty once swapped in; holding the new site when something failed.
    let _ = fs::remove_dir_all(&staging);
    if written.is_err() && created {
        let _ = fs::remove_dir(out);
    }
    let (pages, files, bytes) = written?;
    Ok(SiteWritten {
        path: out.display().to_string(),
        index: out.join("index.html").display().to_string(),
        pages,
        files,
        bytes,
        period: content.period,
    })
}

/// Writes one file of the site (synced), creating its folder.
fn put(root: &Path, path: &str, bytes: &[u8]) -> Result<()> {
    let file = root.join(path);
    if let Some(dir) = file.parent() {
        fs::create_dir_all(dir).map_err(|e| Error::io("membuat folder", dir, e))?;
    }
    write_synced(&file, bytes)
}

/// Every file of the site into `root`; returns pages, files and bytes written.
fn write_all(store: &Store, content: &Content, root: &Path) -> Result<(usize, usize, u64)> {
    fs::create_dir_all(root).map_err(|e| Error::io("membuat folder", root, e))?;
    put(root, pages::STYLESHEET, include_str!("gaya.css").as_bytes())?;

    let downloads = downloads(store, content, root)?;
    let mut pages = 0;
    for lang in Lang::BOTH {
        let folder = lang.folder();
        let mut page = |path: &str, render: &dyn Fn(&Place<'_>) -> String| {
            let place = Place { lang, path };
            pages += 1;
            put(root, &format!("{folder}{path}"), render(&place).as_bytes())
        };
        page(Section::Home.path(), &|p| {
            pages::index(p, content).into_string()
        })?;
        page(Section::Cocreation.path(), &|p| {
            pages::cocreation(p, content).into_string()
        })?;
        page(Section::Assessment.path(), &|p| {
            pages::assessment(p, content).into_string()
        })?;
        page(Section::Downloads.path(), &|p| {
            pages::downloads(p, content, &downloads).into_string()
        })?;
        for action in &content.actions {
            page(&format!("aksi/{}.html", action.slug), &|p| {
                pages::action(p, content, action).into_string()
            })?;
        }
    }
    // Last, so it lists every file of the site.
    folder::write_marker(root)?;
    let (files, bytes) = tally(root)?;
    sync_dir(root);
    Ok((pages, files, bytes))
}

/// The open data and the workbooks, written into the site; the list the
/// downloads page shows.
fn downloads(store: &Store, content: &Content, root: &Path) -> Result<Vec<Download>> {
    let mut files = Vec::new();
    let data = root.join(DATA_DIR);
    let tables = opendata::summary(store.conn())?.tables;
    opendata::write(store, &data)?;
    for table in &tables {
        // The tables' titles are the descriptor's, in Indonesian only.
        files.push((
            table.file.clone(),
            [table.title.clone(), table.title.clone()],
            true,
        ));
    }
    files.push((opendata::JSON_FILE.to_string(), both(|w| w.json_all), false));
    files.push((
        opendata::DESCRIPTOR_FILE.to_string(),
        both(|w| w.descriptor),
        false,
    ));
    let mut listed: Vec<Download> = files
        .into_iter()
        .map(|(file, titles, in_indonesian)| {
            let mut listed = download(root, &format!("{DATA_DIR}/{file}"), titles, true)?;
            listed.title_in_indonesian = in_indonesian;
            Ok(listed)
        })
        .collect::<Result<_>>()?;

    let books = root.join(WORKBOOK_DIR);
    fs::create_dir_all(&books).map_err(|e| Error::io("membuat folder", &books, e))?;
    if let Some(period) = content.period {
        let name = format!("rekap-kabupaten-{}-tw{}.xlsx", period.year, period.quarter);
        rekap::export_public(
            store,
            Some(period),
            content.today,
            &books.join(&name),
            Paper::A4,
        )?;
        listed.push(download(
            root,
            &format!("{WORKBOOK_DIR}/{name}"),
            Lang::BOTH.map(|lang| {
                format!(
                    "{}, {}",
                    lang.words().rekap_file,
                    lang.quarter(period.year, period.quarter)
                )
            }),
            false,
        )?);
    }
    let name = "penilaian-mandiri-akhir-komitmen.xlsx";
    self_assessment::workbook::export(store, &books.join(name), Paper::A4)?;
    listed.push(download(
        root,
        &format!("{WORKBOOK_DIR}/{name}"),
        both(|w| w.assessment_file),
        false,
    )?);
    Ok(listed)
}

/// A word of the site in both languages, Indonesian first.
fn both(word: impl Fn(&words::Words) -> &'static str) -> [String; 2] {
    Lang::BOTH.map(|lang| word(lang.words()).to_string())
}

fn download(root: &Path, path: &str, titles: [String; 2], open_data: bool) -> Result<Download> {
    let file = root.join(path);
    let bytes = fs::metadata(&file)
        .map_err(|e| Error::io("membaca", &file, e))?
        .len();
    Ok(Download {
        path: path.to_string(),
        titles,
        title_in_indonesian: false,
        bytes,
        open_data,
    })
}

/// How many files the folder holds and their total size.
fn tally(dir: &Path) -> Result<(usize, u64)> {
    let mut files = 0;
    let mut bytes = 0;
    for entry in fs::read_dir(dir).map_err(|e| Error::io("membaca", dir, e))? {
        let entry = entry.map_err(|e| Error::io("membaca", dir, e))?;
        let meta = entry
            .metadata()
            .map_err(|e| Error::io("membaca", entry.path(), e))?;
        if meta.is_dir() {
            let (f, b) = tally(&entry.path())?;
            files += f;
            bytes += b;
        } else {
            files += 1;
            bytes += meta.len();
        }
    }
    Ok((files, bytes))
}
