//! `feedback` (Bappeda writes the feedback file of one OPD, or of all) and
//! `take-feedback` (an OPD takes it).

use std::path::Path;

use renaksi_api::feedback::{self, WriteFeedback};
use renaksi_core::feedback::FeedbackWritten;

use super::Result;

fn written(w: &FeedbackWritten) -> std::io::Result<()> {
    out!(
        "Umpan balik ke-{} untuk {} ditulis ke {}: {} laporan diterima, {} catatan ({} terbuka), {} tanggapan diterima.",
        w.number,
        w.opd_code,
        w.path,
        w.reports,
        w.notes,
        w.open_notes,
        w.replies
    )
}

/// One OPD's file (`opd`), or every OPD's into the folder `out`.
pub fn write(db: &Path, opd: Option<&str>, out: &Path, paper: &str) -> Result<()> {
    let mut store = renaksi_api::open_existing(db)?;
    let paper = paper.parse()?;
    let data_dir = renaksi_api::data_dir(db);
    match opd {
        Some(code) => {
            let request = WriteFeedback {
                opd_code: code.to_string(),
                paper,
                out: out.to_path_buf(),
            };
            written(&feedback::write(&mut store, data_dir, &request)?)?;
        }
        None => {
            let all = feedback::write_all(&mut store, data_dir, out, paper)?;
            for w in &all {
                written(w)?;
            }
            out!("{} berkas umpan balik ditulis.", all.len())?;
        }
    }
    Ok(())
}

pub fn take(db: &Path, file: &Path) -> Result<()> {
    let mut store = renaksi_api::open_existing(db)?;
    let taken = feedback::take(&mut store, file)?;
    if !taken.changed {
        out!(
            "Umpan balik ke-{} sudah diambil sebelumnya; tidak ada yang berubah.",
            taken.number
        )?;
        return Ok(());
    }
    out!(
        "Umpan balik ke-{} diambil: {} laporan diterima Bappeda, {} catatan ({} terbuka), {} triwulan diperbarui, {} tanggapan sudah diterima Bappeda.",
        taken.number,
        taken.reports,
        taken.notes,
        taken.open_notes,
        taken.quarters_changed,
        taken.replies_received
    )?;
    for change in &taken.quarter_changes {
        out!("  {change}")?;
    }
    if taken.quarters_older {
        out!(
            "Batas waktu dan triwulan ditutup dari berkas ini tidak dipakai: yang dipegang di sini lebih baru (paket rencana aksi atau umpan balik yang ditulis sesudahnya)."
        )?;
    }
    if let Some(change) = &taken.key_change {
        out!(
            "Kunci Bappeda diganti sejak {}: {} -> {}.",
            change.effective_from,
            change.from_fingerprint,
            change.to_fingerprint
        )?;
    }
    Ok(())
}
