//! `rekap`: the Rekap kabupaten of a quarter.

use std::path::{Path, PathBuf};

use renaksi_api::consolidation::{self, ExportRekap};
use renaksi_api::Result;

pub fn rekap(db: &Path, period: &str, out: PathBuf, paper: &str) -> Result<()> {
    let request = ExportRekap {
        period: period.parse()?,
        paper: paper.parse()?,
        out,
    };
    let store = renaksi_api::open_existing(db)?;
    let done = consolidation::export_rekap(&store, &request)?;
    println!(
        "Rekap kabupaten {} ditulis ke {}: {} tema, {} OPD, {} indikator, {} catatan verifikator.",
        done.period.label(),
        done.path,
        done.themes,
        done.opds,
        done.indicators,
        done.notes
    );
    Ok(())
}
