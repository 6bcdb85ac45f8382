//! `demo`, `info` and `init`: starting a database and saying what it holds.

use std::path::Path;

use super::Result;
use renaksi_api::setup::{self, InitFromPackage};
use renaksi_core::demo::DemoView;
use renaksi_core::profile::Role;

pub fn demo(db: &Path, opd: Option<&str>) -> Result<()> {
    let made = setup::create_demo(db, opd)?;
    let whose = match &made.view {
        DemoView::Bappeda => "Bappeda".to_string(),
        DemoView::Opd(code) => format!("OPD {code}"),
    };
    let counts = made.counts;
    out!(
        "Rencana contoh Wonosobo 2018-2019 dibuat di {} (tampilan {whose}): {} OPD, {} tema, \
         {} rencana aksi, {} tonggak, {} indikator, {} target, {} realisasi.",
        db.display(),
        counts.opds,
        counts.themes,
        counts.actions,
        counts.milestones,
        counts.indicators,
        counts.targets,
        counts.realisations
    )?;
    Ok(())
}

pub fn info(db: &Path) -> Result<()> {
    let store = renaksi_api::open_existing(db)?;
    let info = setup::info(&store)?;
    out!("Berkas        : {}", db.display())?;
    out!("Versi skema   : {}", info.schema_version)?;
    match info.profile {
        Some(p) => match p.role {
            Role::Bappeda => out!("Profil        : Bappeda ({})", p.user_name),
            Role::Opd { code } => out!("Profil        : OPD {code} ({})", p.user_name),
        },
        None => out!("Profil        : belum dipilih"),
    }?;
    // The key this installation signs with, as the OPD reads it out to
    // Bappeda when asked (Bappeda confirms it with --accept-new-key).
    match renaksi_api::report::own_key(&store, renaksi_api::data_dir(db))? {
        Some(key) => out!("Sidik jari    : {} ({})", key.words, key.fingerprint),
        None => out!("Sidik jari    : belum ada (dibuat pada ekspor pertama)"),
    }?;
    let Some(plan) = info.plan else {
        out!("Rencana aksi  : belum ada")?;
        return Ok(());
    };
    out!(
        "Rencana aksi  : {} ({}-{})",
        plan.title,
        plan.year_start,
        plan.year_end
    )?;
    out!("Tema          : {}", plan.themes)?;
    out!("Jumlah aksi   : {}", plan.actions)?;
    Ok(())
}

pub fn init(db: &Path, init: &InitFromPackage) -> Result<()> {
    let applied = setup::init(db, init)?;
    out!(
        "{} dimulai dari paket rencana aksi versi {} untuk OPD {}: {} rencana aksi.",
        db.display(),
        applied.version,
        init.opd.to_uppercase(),
        applied.actions
    )?;
    Ok(())
}
