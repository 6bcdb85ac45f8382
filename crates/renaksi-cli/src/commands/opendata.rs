//! `opendata`: the open data for the public portal.

use std::path::Path;

use super::Result;
use renaksi_api::opendata;

pub fn opendata(db: &Path, out: &Path) -> Result<()> {
    let store = renaksi_api::open_existing(db)?;
    let files = opendata::write(&store, out)?;
    out!(
        "{} berkas data terbuka ditulis ke {}.",
        files.len(),
        out.display()
    )?;
    Ok(())
}
