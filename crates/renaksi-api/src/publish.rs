//! The public transparency site, written by Bappeda into a folder it chose
//! (the regency's web server, a USB stick).

use std::path::{Path, PathBuf};

use renaksi_core::dates::today_wib;
use renaksi_core::model::Plan;
use renaksi_core::opendata::OpenDataSummary;
use renaksi_core::period::PeriodRef;
use renaksi_core::publish::{self, SiteWritten};
use renaksi_core::store::plans;
use renaksi_core::{access, consolidation, Error, Result, Store};
use serde::Serialize;

/// Writes the site of the current plan into `out_dir`, as of today (WIB):
/// Bappeda only, from the active plan ([`require_publisher`]); the folder may
/// be new, empty, or a site written before.
pub fn site(store: &Store, out_dir: &Path) -> Result<SiteWritten> {
    require_publisher(store)?;
    publish::site(store, out_dir, today_wib())
}

/// Refuses whoever may not publish now, before a folder is even asked for:
/// an OPD, and Bappeda viewing an earlier plan (its site or open data would
/// take the place of the active plan's).
pub fn require_publisher(store: &Store) -> Result<()> {
    let conn = store.conn();
    access::require_bappeda(conn, "menerbitkan situs transparansi dan data terbuka")?;
    let viewed = plans::require_current(conn)?;
    if !access::is_read_only_plan(conn, &viewed.id)? {
        return Ok(());
    }
    let active = plans::active(conn)?.unwrap_or_else(|| viewed.clone());
    Err(Error::Forbidden(format!(
        "Rencana aksi {}-{} yang sedang dilihat sudah ditutup oleh rencana aksi berikutnya; \
         situs dan data terbuka hanya diterbitkan dari rencana aksi yang berlaku. Pilih rencana \
         aksi {}-{} lebih dulu, lalu terbitkan.",
        viewed.year_start, viewed.year_end, active.year_start, active.year_end
    )))
}

/// The folder name the dialog suggests: `situs-rencana-aksi-2018-2019`.
pub fn suggested_folder_name(store: &Store) -> Result<String> {
    let plan = renaksi_core::store::plans::require_current(store.conn())?;
    Ok(format!(
        "situs-rencana-aksi-{}-{}",
        plan.year_start, plan.year_end
    ))
}

/// What the Terbitkan screen shows before anything is written: the date the
/// site and the open data carry, the quarter of the figures, how far the
/// self-assessment is, and the tables of the open data.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PublishOverview {
    /// The plan whose site and open data would be written.
    pub plan: Plan,
    /// The plan is an earlier one, kept to be read: nothing is published from it.
    pub read_only: bool,
    /// Today (WIB), `YYYY-MM-DD`: the date of the data on every page.
    pub data_date: String,
    /// The quarter the figures are for.
    pub period: Option<PeriodRef>,
    pub actions: usize,
    /// Actions with a recorded self-assessment.
    pub assessed: usize,
    pub open_data: OpenDataSummary,
    /// The folder name a site gets inside a folder that holds other things.
    pub suggested_folder: String,
    /// The folder name the open data gets there.
    pub suggested_data_folder: String,
}

/// The Terbitkan screen's overview of the current plan; nothing is written.
pub fn overview(store: &Store) -> Result<PublishOverview> {
    let conn = store.conn();
    let today = today_wib();
    let period = consolidation::summary(conn, None, today)?.and_then(|s| s.period);
    let assessments = crate::assessment::get(store)?;
    let plan = plans::require_current(conn)?;
    Ok(PublishOverview {
        read_only: access::is_read_only_plan(conn, &plan.id)?,
        plan,
        data_date: today.format("%Y-%m-%d").to_string(),
        period,
        actions: assessments.actions.len(),
        assessed: assessments.assessed_count,
        open_data: crate::opendata::summary(store)?,
        suggested_folder: suggested_folder_name(store)?,
        suggested_data_folder: crate::opendata::suggested_folder_name(store)?,
    })
}

/// Where the site goes when the clerk picked `picked` in a folder dialog: the
/// folder itself when it is empty or holds a site written before, else a new
/// folder named [`suggested_folder_name`] inside it (the site's own checks
/// then refuse that one if it holds something else). A folder inside a site
/// is refused: a site there would be a stranger in the outer site's folders.
pub fn folder_in(store: &Store, picked: &Path) -> Result<PathBuf> {
    if let Some(site) = enclosing_site(picked) {
        return Err(Error::invalid(
            "folder",
            format!(
                "Folder {} ada di dalam folder situs {}; pilih folder situs itu sendiri untuk \
                 menerbitkannya lagi, atau folder lain di luarnya.",
                picked.display(),
                site.display()
            ),
        ));
    }
    if crate::opendata::is_empty_dir(picked)? || picked.join(publish::MARKER).is_file() {
        return Ok(picked.to_path_buf());
    }
    Ok(picked.join(suggested_folder_name(store)?))
}

/// [`site`] into the folder [`folder_in`] names for `picked`.
pub fn site_in(store: &Store, picked: &Path) -> Result<SiteWritten> {
    require_publisher(store)?;
    site(store, &folder_in(store, picked)?)
}

/// The published site `dir` lies inside (not `dir` itself), if any: the
/// nearest folder above it that holds the site's marker.
pub(crate) fn enclosing_site(dir: &Path) -> Option<PathBuf> {
    dir.ancestors()
        .skip(1)
        .find(|above| above.join(publish::MARKER).is_file())
        .map(Path::to_path_buf)
}
