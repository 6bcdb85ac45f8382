//! `version take|list|diff`: named versions of the plan and what changed.

use std::path::Path;

use renaksi_api::versions;

use super::Result;
use renaksi_core::dates::long_time_wib;
use renaksi_core::period::roman;
use renaksi_core::versions::{ChangedItem, DiffItem, PlanDiff, VersionLabel};

use crate::flags::VersionCommand;

pub fn version(db: &Path, command: &VersionCommand) -> Result<()> {
    let mut store = renaksi_api::open_existing(db)?;
    match command {
        VersionCommand::Take { name } => {
            let v = versions::take(&mut store, name)?;
            out!(
                "Versi \"{}\" disimpan ({}): {} rencana aksi, {} tonggak, {} indikator, {} target.",
                v.name,
                v.id,
                v.actions,
                v.milestones,
                v.indicators,
                v.targets
            )?;
        }
        VersionCommand::List => {
            let list = versions::list(&store)?.versions;
            if list.is_empty() {
                out!("Belum ada versi rencana aksi yang disimpan.")?;
            }
            for v in list {
                out!(
                    "{}  {}  {} oleh {}: {} rencana aksi, {} indikator",
                    v.id,
                    v.name,
                    long_time_wib(&v.created_at),
                    v.created_by,
                    v.actions,
                    v.indicators
                )?;
            }
        }
        VersionCommand::Diff { from, to } => {
            print_diff(&versions::diff(&store, from, to.as_deref())?)?;
        }
    }
    Ok(())
}

fn print_diff(d: &PlanDiff) -> Result<()> {
    let side = |v: &VersionLabel| match &v.created_at {
        Some(at) => format!("\"{}\" ({})", v.name, long_time_wib(at)),
        None => "rencana aksi saat ini".to_string(),
    };
    out!("Perubahan dari {} ke {}:", side(&d.from), side(&d.to))?;
    if d.change_count == 0 {
        out!("Tidak ada perubahan.")?;
        return Ok(());
    }
    let short = |text: &str| {
        let text = text.replace('\n', " ");
        if text.chars().count() > 100 {
            format!("{}…", text.chars().take(99).collect::<String>())
        } else {
            text
        }
    };
    let items = |title: &str, sign: char, items: &[DiffItem]| -> Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        out!("{title} ({}):", items.len())?;
        for i in items {
            out!(
                "  {sign} {} {} [{}]",
                i.action_code,
                short(&i.label),
                i.opd_code
            )?;
        }
        Ok(())
    };
    let changed = |title: &str, items: &[ChangedItem]| -> Result<()> {
        if items.is_empty() {
            return Ok(());
        }
        out!("{title} ({}):", items.len())?;
        for i in items {
            out!("  ~ {} {} [{}]", i.action_code, short(&i.label), i.opd_code)?;
            for c in &i.changes {
                out!(
                    "      {}: {} -> {}",
                    c.label,
                    c.old
                        .as_deref()
                        .map(short)
                        .unwrap_or_else(|| "(kosong)".into()),
                    c.new
                        .as_deref()
                        .map(short)
                        .unwrap_or_else(|| "(kosong)".into())
                )?;
            }
        }
        Ok(())
    };
    items("Rencana aksi ditambahkan", '+', &d.actions_added)?;
    items("Rencana aksi dihapus", '-', &d.actions_removed)?;
    changed("Rencana aksi berubah", &d.actions_changed)?;
    items("Tonggak ditambahkan", '+', &d.milestones_added)?;
    items("Tonggak dihapus", '-', &d.milestones_removed)?;
    changed("Tonggak berubah", &d.milestones_changed)?;
    items("Indikator ditambahkan", '+', &d.indicators_added)?;
    items("Indikator dihapus", '-', &d.indicators_removed)?;
    changed("Indikator berubah", &d.indicators_changed)?;
    if !d.targets_changed.is_empty() {
        out!("Target berubah ({}):", d.targets_changed.len())?;
        let value = |v: Option<f64>| {
            v.map(renaksi_core::versions::number_text)
                .unwrap_or_else(|| "(kosong)".into())
        };
        for t in &d.targets_changed {
            out!(
                "  ~ {} {} [{}], {} TW {}: {} -> {}",
                t.action_code,
                short(&t.indicator),
                t.opd_code,
                t.year,
                roman(t.quarter),
                value(t.old),
                value(t.new)
            )?;
        }
    }
    out!("Jumlah perubahan: {}.", d.change_count)?;
    Ok(())
}
