//! `backup` and `restore`: the rotating backups beside the database.

use std::path::Path;

use renaksi_api::backups::{self, Restored};
use renaksi_api::Error;

use super::Result;
use renaksi_core::backups::BackupInfo;
use renaksi_core::dates::long_time_wib;

use crate::flags::KeyCommand;

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
    let keys = match backups::restore_file(db, file)? {
        Restored::Replaced(_, keys) => {
            out!(
                "Data {} dipulihkan dari {}; data sebelumnya disimpan sebagai cadangan sebelum-pulihkan.",
                db.display(),
                info.file_name
            )?;
            keys
        }
        Restored::Recovered { aside, keys } => {
            out!(
                "Basis data yang rusak dipindahkan ke {}; data dipulihkan dari {}.",
                aside.display(),
                info.file_name
            )?;
            keys
        }
    };
    if let Some(warning) = &keys.key_warning {
        eprintln!("Peringatan: {warning}");
    }
    if let Some(key) = keys.replaced_key.as_ref().filter(|k| k.retired) {
        out!(
            "Kunci tanda tangan dari cadangan ({}) sudah diganti dengan \"Buat kunci baru\" dan \
             tidak dipakai lagi; kunci baru di sini ({}) tetap dipakai.",
            key.replaced_fingerprint,
            key.current_fingerprint
        )?;
    } else if let Some(key) = keys.replaced_key {
        out!(
            "Kunci tanda tangan dari cadangan dipakai mulai sekarang ({}). Kunci yang tadinya \
             dipakai di sini ({}) disimpan di {}.",
            key.current_fingerprint,
            key.replaced_fingerprint,
            key.aside.display()
        )?;
    }
    Ok(())
}

pub fn key(db: &Path, command: &KeyCommand) -> Result<()> {
    let mut store = renaksi_api::open_existing(db)?;
    match command {
        KeyCommand::Show => {
            let status = backups::key_status(&store, db)?;
            match &status.fingerprint {
                Some(words) => out!("Sidik jari kunci: {words}"),
                None => out!("Belum ada kunci tanda tangan."),
            }?;
            for r in &status.rotations {
                out!(
                    "Diganti mulai {}: {} -> {}",
                    r.from,
                    r.old_fingerprint,
                    r.new_fingerprint
                )?;
            }
        }
        KeyCommand::Rotate { from } => {
            let rotated = backups::rotate_key(&mut store, db, from.as_deref())?;
            out!("Kunci Bappeda diganti mulai {}.", rotated.from)?;
            out!("Kunci lama : {}", rotated.old_fingerprint)?;
            out!("Kunci baru : {}", rotated.new_fingerprint)?;
            out!("Kunci lama disimpan di {}.", rotated.old_key_file)?;
            out!(
                "Terbitkan paket rencana aksi baru: OPD menerima kunci baru bersama paket itu. \
                 Bacakan sidik jari kunci baru kepada OPD yang bertanya."
            )?;
        }
        KeyCommand::New => {
            let renewed = backups::renew_key(&mut store, db)?;
            out!("Kunci baru dibuat untuk laporan OPD.")?;
            out!("Kunci lama : {}", renewed.old_fingerprint)?;
            out!("Kunci baru : {}", renewed.new_fingerprint)?;
            out!("Kunci lama disimpan di {}.", renewed.old_key_file)?;
            out!(
                "Bappeda akan meminta konfirmasi kunci yang berubah saat mengimpor laporan \
                 berikutnya: bacakan kata-kata kunci baru di atas kepada Bappeda."
            )?;
        }
        KeyCommand::TrustBappeda {
            package,
            fingerprint,
        } => {
            let trusted =
                renaksi_api::exchange::trust_bappeda_key(&mut store, package, fingerprint)?;
            if let Some(before) = &trusted.previous_fingerprint {
                out!("Kunci Bappeda sebelumnya : {before}")?;
            }
            out!("Kunci Bappeda diterima   : {}", trusted.fingerprint)?;
            out!(
                "Paket dengan kunci ini sekarang dapat dipakai: renaksi update-package --db {} --package {}",
                db.display(),
                package.display()
            )?;
        }
    }
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
        "{}  {}  {}; {} rencana aksi, {} tonggak, {} indikator, {} realisasi, {} laporan diterima; {}",
        b.file_name,
        long_time_wib(&b.taken_at),
        b.profile.as_deref().unwrap_or("tanpa profil"),
        b.actions,
        b.milestones,
        b.indicators,
        b.realisations,
        b.reports,
        match &b.key_fingerprint {
            Some(words) => format!("kunci: {words}"),
            None => "tanpa kunci".into(),
        }
    )
}
