//! The public transparency site, written by Bappeda into a folder it chose
//! (the regency's web server, a USB stick).

use std::path::Path;

use renaksi_core::dates::today_wib;
use renaksi_core::publish::{self, SiteWritten};
use renaksi_core::{Result, Store};

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
