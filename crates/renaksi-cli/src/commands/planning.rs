//! `plan new|list|status|view` and `period close|reopen|due`: Bappeda writes
//! its own plan and its quarters.

use std::path::Path;

use renaksi_api::planning::{self, NewPlan, PeriodChange, PeriodDue, PlanChanged, StatusChange};
use renaksi_api::Error;

use super::Result;
use renaksi_core::model::PlanStatus;
use renaksi_core::period::PeriodRef;
use renaksi_core::planning::{PlanEntry, PlanList};

use crate::flags::{PeriodCommand, PlanCommand};

pub fn plan(db: &Path, command: PlanCommand) -> Result<()> {
    if let PlanCommand::New {
        region,
        title,
        from,
        to,
        user,
    } = command
    {
        let input = NewPlan {
            region,
            title,
            first: period_of("from", &from)?,
            last: period_of("to", &to)?,
        };
        let list = planning::start(db, user.as_deref(), &input)?.plans?;
        let viewed = viewed(&list)?;
        out!(
            "Rencana aksi baru dibuat: {} ({} triwulan, {}).",
            describe(viewed),
            list.periods.len(),
            span(viewed)
        )?;
        return Ok(());
    }
    let mut store = renaksi_api::open_existing(db)?;
    match command {
        PlanCommand::New { .. }
        | PlanCommand::Template { .. }
        | PlanCommand::Import { .. }
        | PlanCommand::Bands { .. } => {
            unreachable!("dispatched before the store is opened")
        }
        PlanCommand::List => {
            let list = planning::plans(&store)?;
            if list.plans.is_empty() {
                out!("Basis data ini belum berisi rencana aksi.")?;
            }
            for entry in &list.plans {
                let mut marks = Vec::new();
                if entry.active {
                    marks.push("aktif");
                } else {
                    marks.push("hanya baca");
                }
                if entry.viewed {
                    marks.push("dilihat");
                }
                out!(
                    "{}  {}  {}  [{}]  {}",
                    entry.plan.id,
                    describe(entry),
                    span(entry),
                    marks.join(", "),
                    super::one_line(&entry.plan.region)
                )?;
            }
        }
        PlanCommand::Status {
            final_,
            draft: _,
            reason,
        } => {
            let change = StatusChange {
                status: if final_ {
                    PlanStatus::Final
                } else {
                    PlanStatus::Draft
                },
                reason,
            };
            let list = planning::set_status(&mut store, &change)?.plans?;
            out!("Status rencana aksi: {}.", describe(viewed(&list)?))?;
        }
        PlanCommand::View { plan } => {
            let list = planning::plans(&store)?;
            let key = plan.trim();
            let id = list
                .plans
                .iter()
                .find(|e| {
                    e.plan.id == key || format!("{}-{}", e.plan.year_start, e.plan.year_end) == key
                })
                .map(|e| e.plan.id.clone())
                .ok_or_else(|| {
                    Error::invalid(
                        "plan",
                        format!("Rencana aksi \"{key}\" tidak ada; lihat renaksi plan list."),
                    )
                })?;
            let list = planning::view(&mut store, &id)?;
            let entry = viewed(&list)?;
            let note = if entry.active { "" } else { " (hanya baca)" };
            out!("Dilihat: {}{note}.", describe(entry))?;
        }
    }
    Ok(())
}

pub fn period(db: &Path, command: &PeriodCommand) -> Result<()> {
    let mut store = renaksi_api::open_existing(db)?;
    let (period, changed): (PeriodRef, PlanChanged) = match command {
        PeriodCommand::Close { period, reason } => {
            let input = PeriodChange {
                period: period_of("period", period)?,
                reason: reason.clone(),
            };
            (input.period, planning::close_period(&mut store, &input)?)
        }
        PeriodCommand::Reopen { period, reason } => {
            let input = PeriodChange {
                period: period_of("period", period)?,
                reason: reason.clone(),
            };
            (input.period, planning::reopen_period(&mut store, &input)?)
        }
        PeriodCommand::Due { period, date } => {
            let input = PeriodDue {
                period: period_of("period", period)?,
                due_date: date.clone(),
            };
            (input.period, planning::set_due_date(&mut store, &input)?)
        }
    };
    let list = changed.plans?;
    let row = list
        .periods
        .iter()
        .find(|p| p.year == period.year && p.quarter == period.quarter)
        .ok_or_else(|| Error::NotFound("Triwulan".into()))?;
    out!(
        "{}: {}, batas waktu laporan {}.",
        period.label(),
        if row.closed { "ditutup" } else { "terbuka" },
        row.due_date.as_deref().unwrap_or("-")
    )?;
    Ok(())
}

/// A quarter written like 2020-TW1, refused with the flag's name as its field.
fn period_of(field: &str, text: &str) -> renaksi_api::Result<PeriodRef> {
    text.parse::<PeriodRef>()
        .map_err(|e| Error::invalid(field, format!("--{field}: {e}")))
}

fn viewed(list: &PlanList) -> renaksi_api::Result<&PlanEntry> {
    list.plans
        .iter()
        .find(|e| e.viewed)
        .ok_or_else(|| Error::NotFound("Rencana aksi".into()))
}

/// "2020-2022 Judul (draf, versi 1)".
fn describe(entry: &PlanEntry) -> String {
    let status = match entry.plan.status {
        PlanStatus::Draft => "draf",
        PlanStatus::Final => "final",
    };
    format!(
        "{}-{} {} ({status}, versi {})",
        entry.plan.year_start,
        entry.plan.year_end,
        super::one_line(&entry.plan.title),
        entry.plan.version
    )
}

/// "2020-TW1 s.d. 2022-TW4".
fn span(entry: &PlanEntry) -> String {
    match (entry.first, entry.last) {
        (Some(first), Some(last)) => format!("{first} s.d. {last}"),
        _ => "tanpa triwulan".into(),
    }
}
