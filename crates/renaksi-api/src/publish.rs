//! The public transparency site, written by Bappeda into a folder it chose
//! (the regency's web server, a USB stick).

use std::path::{Path, PathBuf};

use renaksi_core::consolidation;
use renaksi_core::dates::today_wib;
use renaksi_core::opendata::OpenDataSummary;
use renaksi_core::period::PeriodRef;
use renaksi_core::publish::{self, SiteWritten};
use renaksi_core::{Result, Store};
use serde::Serialize;

/// Writes the site of the current plan into `out_dir`, as of today (WIB):
/// Bappeda only; the folder may be new, empty, or a site written before.
pub fn site(store: &Store, out_dir: &Path) -> Result<SiteWritten> {
    publish::site(store, out_dir, today_wib())
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
}

/// The Terbitkan screen's overview of the current plan; nothing is written.
pub fn overview(store: &Store) -> Result<PublishOverview> {
    let conn = store.conn();
    let today = today_wib();
    let period = consolidation::summary(conn, None, today)?.and_then(|s| s.period);
    let assessments = crate::assessment::get(store)?;
    Ok(PublishOverview {
        data_date: today.format("%Y-%m-%d").to_string(),
        period,
        actions: assessments.actions.len(),
        assessed: assessments.assessed_count,
        open_data: crate::opendata::summary(store)?,
        suggested_folder: suggested_folder_name(store)?,
    })
}

/// Where the site goes when the clerk picked `picked` in a folder dialog: the
/// folder itself when it is empty or holds a site written before, else a new
/// folder named [`suggested_folder_name`] inside it (the site's own checks
/// then refuse that one if it holds something else).
pub fn folder_in(store: &Store, picked: &Path) -> Result<PathBuf> {
    if crate::opendata::is_empty_dir(picked)? || picked.join(publish::MARKER).is_file() {
        return Ok(picked.to_path_buf());
    }
    Ok(picked.join(suggested_folder_name(store)?))
}

/// [`site`] into the folder [`folder_in`] names for `picked`.
pub fn site_in(store: &Store, picked: &Path) -> Result<SiteWritten> {
    site(store, &folder_in(store, picked)?)
}
