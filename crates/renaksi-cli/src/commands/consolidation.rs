//! `rekap`: the Rekap kabupaten of a quarter.

use std::path::{Path, PathBuf};

use super::Result;
use renaksi_api::consolidation::{self, ExportRekap};

pub fn rekap(db: &Path, period: &str, out: PathBuf, paper: &str) -> Result<()> {
    let request = ExportRekap {
        period: period.parse()?,
        paper: paper.parse()?,
        out,
    };
    let store = renaksi_api::open_existing(db)?;
    let done = consolidation::export_rekap(&store, &request)?;
    out!(
        "Rekap kabupaten {} ditulis ke {}: {} tema, {} OPD, {} indikator, {} catatan verifikator.",
        done.period.label(),
        done.path,
        done.themes,
        done.opds,
        done.indicators,
        done.notes
    )?;
    Ok(())
}
