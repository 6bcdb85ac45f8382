//! `opd list`: the plan's implementing offices.

use std::path::Path;

use renaksi_api::plan;

use super::Result;

pub fn list_opds(db: &Path) -> Result<()> {
    let store = renaksi_api::open_existing(db)?;
    let opds = plan::opds(&store)?;
    if opds.is_empty() {
        out!("Belum ada OPD di {}.", db.display())?;
    }
    let width = opds
        .iter()
        .map(|o| o.code.chars().count())
        .max()
        .unwrap_or(0);
    for opd in opds {
        out!("{:<width$}  {}", opd.code, opd.name)?;
    }
    Ok(())
}
