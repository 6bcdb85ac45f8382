//! `export` and `check`: the Laporan OPD of a quarter, and the check of a
//! report file.

use std::path::{Path, PathBuf};

use renaksi_api::report::{self, ExportReport};
use renaksi_api::Error;

use super::Result;

pub fn export(
    db: &Path,
    period: &str,
    out: PathBuf,
    paper: &str,
    with_evidence: bool,
) -> Result<()> {
    let request = ExportReport {
        period: period.parse()?,
        paper: paper.parse()?,
        out,
        with_evidence,
    };
    let mut store = renaksi_api::open_existing(db)?;
    let done = report::export(&mut store, renaksi_api::data_dir(db), &request)?;
    out!(
        "Laporan OPD {} {} (urutan {}) ditulis ke {}: {} baris, kunci {}.",
        done.opd_code,
        done.period.label(),
        done.sequence,
        done.path.display(),
        done.rows,
        done.key_fingerprint
    )?;
    match &done.evidence {
        Some(bundle) => out!(
            "Bukti dukung: {} berkas ditulis ke {}; kirim bersama laporannya.",
            bundle.files,
            bundle.path.display()
        )?,
        None if with_evidence => {
            out!("Bukti dukung: laporan ini tidak memuat berkas; tidak ada berkas bukti.")?
        }
        None => {}
    }
    Ok(())
}

pub fn check(file: &Path) -> Result<()> {
    let report = report::check(file)?;
    out!("Berkas      : {}", file.display())?;
    out!("OPD         : {} ({})", report.opd_name, report.opd_code)?;
    out!("Periode     : {}", report.period_label)?;
    out!("Urutan      : {}", report.sequence)?;
    out!("Diekspor    : {}", report.exported_at)?;
    out!("Kunci       : {}", report.key_fingerprint)?;
    out!(
        "Isi         : {} tonggak, {} indikator, {} target, {} realisasi, {} bukti",
        report.milestones,
        report.indicators,
        report.targets,
        report.realisations,
        report.evidence
    )?;
    if report.problems.is_empty() {
        out!("Hasil       : baik, tanda tangan sah dan tabel sesuai data.")?;
        return Ok(());
    }
    for problem in &report.problems {
        out!("Masalah     : {problem}")?;
    }
    Err(Error::invalid(
        "file",
        format!(
            "{} masalah ditemukan pada {}.",
            report.problems.len(),
            file.display()
        ),
    )
    .into())
}
