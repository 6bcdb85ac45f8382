//! `package`, `update-package`, `import`, `matrix` and `verify`: the files
//! between Bappeda and the OPDs, and what Bappeda received.

use std::path::{Path, PathBuf};

use renaksi_api::exchange::{self, ImportEvent};
use renaksi_api::Error;

use super::Result;
use renaksi_core::period::PeriodRef;
use renaksi_core::report::import::KeyChange;
use renaksi_core::report::replies::SkippedReply;
use renaksi_core::submissions::SubmissionState;

use super::one_line;

pub fn package(db: &Path, out: &Path) -> Result<()> {
    let store = renaksi_api::open_existing(db)?;
    exchange::export_package(&store, renaksi_api::data_dir(db), out)?;
    out!("Paket rencana aksi ditulis ke {}.", out.display())?;
    Ok(())
}

pub fn update_package(db: &Path, file: &Path) -> Result<()> {
    let mut store = renaksi_api::open_existing(db)?;
    let applied = exchange::update_package(&mut store, file)?;
    if applied.new_plan {
        out!(
            "{} menerima rencana aksi baru \"{}\" versi {}; rencana aksi sebelumnya tetap \
             tersimpan dan hanya dapat dibaca.",
            db.display(),
            applied.plan_title,
            applied.version
        )?;
    } else {
        out!(
            "{} memakai paket rencana aksi versi {}; data OPD tetap utuh.",
            db.display(),
            applied.version
        )?;
    }
    if applied.indicators_received > 0 {
        out!(
            "{} indikator dari dokumen rencana aksi diterima beserta targetnya.",
            applied.indicators_received
        )?;
    }
    Ok(())
}

/// The replies a report brought that Bappeda did not keep, each with why.
fn skipped_replies(skipped: &[SkippedReply]) -> std::io::Result<()> {
    for s in skipped {
        out!(
            "          tanggapan \"{}\" tidak disimpan: {}",
            one_line(&s.excerpt),
            s.reason
        )?;
    }
    Ok(())
}

pub fn import(db: &Path, files: &[PathBuf], accept_new_key: &[String]) -> Result<()> {
    let mut store = renaksi_api::open_existing(db)?;
    let decisions = exchange::key_decisions(&store, accept_new_key)?;
    // A closed output does not stop the batch half way: every file is still
    // imported or refused, and the first failed write is returned at the end.
    let mut unwritten = None;
    let done = exchange::import_files(&mut store, files, &decisions, |event| {
        let written = match event {
            ImportEvent::BackedUp(backup) => out!("Cadangan sebelum impor: {}", backup.path),
            ImportEvent::Imported { file, imported } if imported.changed => out!(
                "DITERIMA  {}: {} ({}) {}, nomor {}, {} tonggak, {} indikator{}{}.",
                file.display(),
                imported.opd_name,
                imported.opd_code,
                imported.period_label,
                imported.sequence,
                imported.milestones,
                imported.indicators,
                match imported.replies {
                    0 => String::new(),
                    n => format!(", {n} tanggapan baru atas catatan verifikator"),
                },
                match imported.key_accepted {
                    Some(KeyChange::First) => format!(
                        "; kunci \"{}\" ({}) diterima sebagai kunci OPD ini",
                        imported.key_words, imported.key_fingerprint
                    ),
                    Some(KeyChange::Changed) => format!(
                        "; kunci baru \"{}\" ({}) diterima menggantikan kunci lama",
                        imported.key_words, imported.key_fingerprint
                    ),
                    None => String::new(),
                }
            )
            .and_then(|()| skipped_replies(&imported.skipped_replies)),
            ImportEvent::Imported { file, imported } => out!(
            "SUDAH ADA {}: laporan {} nomor {} sudah diterima sebelumnya; tidak ada yang berubah.",
            file.display(),
            imported.opd_code,
            imported.sequence
        ),
            ImportEvent::Bundle { file, bundle } => out!(
                "{} {}: {} berkas bukti diterima{}, {} ditolak.",
                if bundle.refused.is_empty() {
                    "BUKTI    "
                } else {
                    "BUKTI (!)"
                },
                file.display(),
                bundle.received,
                if !bundle.changed && bundle.received > 0 {
                    " (sudah ada sebelumnya)"
                } else {
                    ""
                },
                bundle.refused.len()
            )
            .and_then(|()| {
                bundle.refused.iter().try_for_each(|entry| {
                    out!(
                        "DITOLAK   {} > {}: {}",
                        file.display(),
                        entry.entry,
                        one_line(&entry.reason)
                    )
                })
            }),
            ImportEvent::Rejected { file, error } => {
                out!(
                    "DITOLAK   {}: {}",
                    file.display(),
                    one_line(&error.to_string())
                )
            }
        };
        if let Err(error) = written {
            unwritten.get_or_insert(error);
        }
    })?;
    if done.rejected > 0 {
        return Err(Error::invalid(
            "file",
            format!("{} dari {} berkas ditolak.", done.rejected, done.files),
        )
        .into());
    }
    match unwritten {
        Some(error) => Err(error.into()),
        None => Ok(()),
    }
}

pub fn matrix(db: &Path) -> Result<()> {
    let store = renaksi_api::open_existing(db)?;
    let m = exchange::submission_matrix(&store)?;
    let width = m
        .rows
        .iter()
        .map(|r| r.opd.code.len())
        .max()
        .unwrap_or(3)
        .max(3);
    let header: Vec<String> = m
        .periods
        .iter()
        .map(|p| format!("{:<13}", format!("{}-TW{}", p.year, p.quarter)))
        .collect();
    out!("{:<width$}  {}", "OPD", header.join(" "))?;
    for row in &m.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| {
                let word = match c.state {
                    SubmissionState::NotSubmitted if c.overdue => "belum (lewat)",
                    SubmissionState::NotSubmitted => "belum",
                    SubmissionState::Received => "diterima",
                    SubmissionState::Late => "terlambat",
                    SubmissionState::Verified => "diverifikasi",
                };
                format!("{word:<13}")
            })
            .collect();
        out!("{:<width$}  {}", row.opd.code, cells.join(" "))?;
    }
    Ok(())
}

pub fn verify(db: &Path, opd: &str, period: &str) -> Result<()> {
    let period: PeriodRef = period.parse()?;
    let mut store = renaksi_api::open_existing(db)?;
    exchange::verify_report(&mut store, opd, period)?;
    out!(
        "Laporan {} {} ditandai terverifikasi.",
        opd.to_uppercase(),
        period.label()
    )?;
    Ok(())
}
