//! `backup` and `restore`: the rotating backups beside the database.

use std::path::Path;

use renaksi_api::backups::{self, Restored};
use renaksi_api::Error;

use super::Result;
use renaksi_core::backups::BackupInfo;
use renaksi_core::dates::long_time_wib;

pub fn backup(db: &Path, list: bool) -> Result<()> {
    if list {
        let found = backups::list(db)?;
        if found.is_empty() {
            out!("Belum ada cadangan untuk {}.", db.display())?;
        }
        for b in &found {
            out!("{}", describe(b))?;
        }
        return Ok(());
    }
    let store = renaksi_api::open_existing(db)?;
    let taken = backups::back_up_now(&store)?;
    out!("Cadangan dibuat: {}", taken.path)?;
    out!("{}", describe(&taken))?;
    Ok(())
}

pub fn restore(db: &Path, file: &Path, yes: bool) -> Result<()> {
    let info = backups::inspect(file);
    out!("{}", describe(&info))?;
    if !yes {
        return Err(Error::invalid(
            "yes",
            "Belum ada yang diganti. Periksa isi cadangan di atas, lalu ulangi dengan --yes untuk memulihkannya.",
        )
        .into());
    }
    match backups::restore_file(db, file)? {
        Restored::Replaced(_) => out!(
            "Data {} dipulihkan dari {}; data sebelumnya disimpan sebagai cadangan sebelum-pulihkan.",
            db.display(),
            info.file_name
        ),
        Restored::Recovered { aside } => out!(
            "Basis data yang rusak dipindahkan ke {}; data dipulihkan dari {}.",
            aside.display(),
            info.file_name
        ),
    }?;
    Ok(())
}

fn describe(b: &BackupInfo) -> String {
    if !b.usable {
        return format!(
            "{}  TIDAK DAPAT DIPAKAI: {}",
            b.file_name,
            b.problem.as_deref().unwrap_or("")
        );
    }
    format!(
        "{}  {}  {}; {} rencana aksi, {} tonggak, {} indikator, {} realisasi, {} laporan diterima",
        b.file_name,
        long_time_wib(&b.taken_at),
        b.profile.as_deref().unwrap_or("tanpa profil"),
        b.actions,
        b.milestones,
        b.indicators,
        b.realisations,
        b.reports
    )
}
