//! A new plan, its status (draft -> final takes a version; back to draft with
//! a reason raises the version number) and the plans of one database: the
//! newest is active, earlier ones are read-only and reached by viewing them.

use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use super::periods::default_due_date;
use crate::access;
use crate::dates::today_wib;
use crate::editing::{actor, new_id, optional, record, required, text_key, Undo};
use crate::model::{Period, Plan, PlanStatus};
use crate::period::PeriodRef;
use crate::store::audit::Change;
use crate::store::undo::capture;
use crate::store::{periods, plans, settings};
use crate::{versions, Error, Result, Store};

/// A plan spans at most this many calendar years (the schema's check too).
pub const MAX_PLAN_YEARS: i32 = 10;
/// The first and last calendar year a plan may start or end in.
pub const PLAN_YEARS: std::ops::RangeInclusive<i32> = 2000..=2100;
const MAX_REGION: usize = crate::editing::lengths::PLAN_REGION;
const MAX_TITLE: usize = crate::editing::lengths::PLAN_TITLE;
const MAX_REASON: usize = crate::editing::lengths::CHANGE_REASON;

/// What Bappeda fills in to start a plan; its quarters are generated from
/// `first` to `last`, each due on the 10th day after the quarter ends.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct NewPlan {
    /// "Kabupaten Wonosobo", "Kota Semarang".
    pub region: String,
    pub title: String,
    pub first: PeriodRef,
    pub last: PeriodRef,
}

/// The plan's status as asked: final, or back to draft with a reason.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    pub status: PlanStatus,
    /// Why the plan goes back to draft (required then).
    #[serde(default)]
    pub reason: String,
}

/// One plan of the database, for the plan switcher and `renaksi plan list`.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanEntry {
    pub plan: Plan,
    /// The newest plan: the one that changes.
    pub active: bool,
    /// The plan every screen shows now.
    pub viewed: bool,
    pub first: Option<PeriodRef>,
    pub last: Option<PeriodRef>,
}

/// One plan of the database for the header's plan switcher, which every
/// profile has (an OPD's database holds the plans it received).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanChoice {
    pub id: String,
    pub year_start: i32,
    pub year_end: i32,
    /// The newest plan; the others are read-only.
    pub active: bool,
}

/// Every plan of the database, newest first, for the plan switcher.
pub fn choices(conn: &rusqlite::Connection) -> Result<Vec<PlanChoice>> {
    Ok(plans::list(conn)?
        .into_iter()
        .enumerate()
        .map(|(i, plan)| PlanChoice {
            id: plan.id,
            year_start: plan.year_start,
            year_end: plan.year_end,
            active: i == 0,
        })
        .collect())
}

/// The plans of the database, newest first, and what this profile may do.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanList {
    pub plans: Vec<PlanEntry>,
    /// The plan being viewed, with its quarters (empty without a plan).
    pub periods: Vec<Period>,
    /// Bappeda may start a new plan.
    pub can_create: bool,
    /// Bappeda may change the viewed plan (it is the active one).
    pub can_edit: bool,
}

/// Every plan of the database, newest first, with the viewed plan's quarters.
pub fn plan_list(conn: &rusqlite::Connection) -> Result<PlanList> {
    let bappeda = access::is_bappeda(conn)?;
    let viewed = plans::current(conn)?;
    let active = plans::active(conn)?;
    let mut entries = Vec::new();
    for plan in plans::list(conn)? {
        let quarters = periods::list(conn, &plan.id)?;
        let bound = |p: Option<&Period>| p.map(|p| PeriodRef::new(p.year, p.quarter)).transpose();
        entries.push(PlanEntry {
            active: active.as_ref().is_some_and(|a| a.id == plan.id),
            viewed: viewed.as_ref().is_some_and(|v| v.id == plan.id),
            first: bound(quarters.first())?,
            last: bound(quarters.last())?,
            plan,
        });
    }
    let periods = match &viewed {
        Some(plan) => periods::list(conn, &plan.id)?,
        None => Vec::new(),
    };
    let can_edit = bappeda && viewed.is_some() && !access::viewing_read_only(conn)?;
    Ok(PlanList {
        plans: entries,
        periods,
        can_create: bappeda,
        can_edit,
    })
}

/// Bappeda starts a plan: draft, version 1, its quarters with default due
/// dates. It becomes the active plan (and the one viewed); the OPD directory
/// is the database's, so it carries over from an earlier plan. Returns the
/// new plan and what undoes it.
pub fn create(store: &mut Store, input: &NewPlan) -> Result<(Plan, Undo)> {
    access::require_bappeda(store.conn(), "membuat rencana aksi")?;
    let (region, title) = check_new(input)?;
    let (first, last) = (input.first, input.last);
    let actor = actor(store.conn())?;
    store.write(|tx| {
        if let Some(newest) = plans::active(tx)? {
            let end = periods::list(tx, &newest.id)?
                .last()
                .map(|p| PeriodRef {
                    year: p.year,
                    quarter: p.quarter,
                })
                .unwrap_or(PeriodRef {
                    year: newest.year_end,
                    quarter: 4,
                });
            if first <= end {
                return Err(Error::invalid(
                    "first",
                    format!(
                        "Rencana aksi baru dimulai sesudah rencana aksi {}-{} yang berakhir pada {}.",
                        newest.year_start,
                        newest.year_end,
                        end.label()
                    ),
                ));
            }
        }
        let plan = Plan {
            id: new_id(),
            region: region.clone(),
            title: title.clone(),
            year_start: first.year,
            year_end: last.year,
            version: 1,
            status: PlanStatus::Draft,
            adopted_on: None,
        };
        let mut images = vec![
            capture(tx, "plans", &text_key("id", &plan.id))?,
            capture(tx, "settings", &text_key("key", plans::VIEWED))?,
        ];
        // The quarters are part of this change: undoing it may take them.
        for period in quarters(first, last) {
            images.push(capture(
                tx,
                "periods",
                &[
                    ("plan_id", Value::Text(plan.id.clone())),
                    ("year", Value::Integer(period.year.into())),
                    ("quarter", Value::Integer(period.quarter.into())),
                ],
            )?);
        }
        plans::insert(tx, &plan)?;
        for period in quarters(first, last) {
            periods::insert(
                tx,
                &plan.id,
                &Period {
                    year: period.year,
                    quarter: period.quarter,
                    due_date: Some(default_due_date(period).format("%Y-%m-%d").to_string()),
                    closed: false,
                },
            )?;
        }
        settings::set(tx, plans::VIEWED, &plan.id)?;
        let summary = format!("{region}: {title} ({first} s.d. {last})");
        record(
            tx,
            &actor,
            Change::new("plan", &plan.id, "create").to(Some(&summary)),
        )?;
        let undo = Undo::new(
            "plan",
            &plan.id,
            format!("pembuatan rencana aksi \"{title}\""),
            images,
        );
        Ok((plan, undo))
    })
}

/// Checks a new plan's fields on their own (before any database is touched):
/// returns the trimmed region and title.
pub fn check_new(input: &NewPlan) -> Result<(String, String)> {
    let region = required("region", &input.region, "Kabupaten/kota", MAX_REGION)?;
    let title = required("title", &input.title, "Judul rencana aksi", MAX_TITLE)?;
    let (first, last) = (input.first, input.last);
    for (field, p) in [("first", first), ("last", last)] {
        PeriodRef::new(p.year, p.quarter).map_err(|e| Error::invalid(field, e.to_string()))?;
        if !year_allowed(p.year) {
            return Err(Error::invalid(field, "Tahun harus antara 2000 dan 2100."));
        }
    }
    if last < first {
        return Err(Error::invalid(
            "last",
            "Triwulan terakhir harus sama dengan atau sesudah triwulan pertama.",
        ));
    }
    if last.year - first.year >= MAX_PLAN_YEARS {
        return Err(Error::invalid(
            "last",
            format!("Masa rencana aksi paling lama {MAX_PLAN_YEARS} tahun."),
        ));
    }
    Ok((region, title))
}

/// Whether a plan may start or end in `year` (the check of a new plan, which
/// the plan template applies to the years it reads too).
pub fn year_allowed(year: i32) -> bool {
    PLAN_YEARS.contains(&year)
}

/// The quarters from `first` to `last`, both included.
fn quarters(first: PeriodRef, last: PeriodRef) -> impl Iterator<Item = PeriodRef> {
    std::iter::successors(Some(first), |p| {
        Some(if p.quarter == 4 {
            PeriodRef {
                year: p.year + 1,
                quarter: 1,
            }
        } else {
            PeriodRef {
                year: p.year,
                quarter: p.quarter + 1,
            }
        })
    })
    .take_while(move |p| *p <= last)
}

/// Marks the viewed plan final (taking the version "Versi N (final)" and
/// setting its adoption date) or takes it back to draft with a reason, which
/// raises the version number: the next final is version N+1.
pub fn set_status(store: &mut Store, change: &StatusChange) -> Result<(Plan, Undo)> {
    access::require_bappeda(store.conn(), "mengubah status rencana aksi")?;
    let reason = optional("reason", &change.reason, "Alasan", MAX_REASON)?;
    let actor = actor(store.conn())?;
    store.write(|tx| {
        let old = plans::require_current(tx)?;
        access::require_active_plan(tx, &old.id)?;
        let mut images = vec![capture(tx, "plans", &text_key("id", &old.id))?];
        let new = match (old.status, change.status) {
            (PlanStatus::Draft, PlanStatus::Final) => {
                let version_id = new_id();
                images.push(capture(tx, "plan_versions", &text_key("id", &version_id))?);
                let name = format!("Versi {} (final)", old.version);
                versions::take_in(tx, &actor, &old.id, &name, version_id)?;
                Plan {
                    status: PlanStatus::Final,
                    adopted_on: Some(today_wib().format("%Y-%m-%d").to_string()),
                    ..old.clone()
                }
            }
            (PlanStatus::Final, PlanStatus::Draft) => {
                if reason.is_empty() {
                    return Err(Error::invalid(
                        "reason",
                        "Tuliskan alasan mengembalikan rencana aksi ke draf.",
                    ));
                }
                Plan {
                    status: PlanStatus::Draft,
                    version: old.version + 1,
                    ..old.clone()
                }
            }
            (PlanStatus::Final, PlanStatus::Final) => {
                return Err(Error::invalid("status", "Rencana aksi ini sudah final."))
            }
            (PlanStatus::Draft, PlanStatus::Draft) => {
                return Err(Error::invalid(
                    "status",
                    "Rencana aksi ini masih berstatus draf.",
                ))
            }
        };
        plans::set_status(tx, &new)?;
        let (old_version, new_version) = (old.version.to_string(), new.version.to_string());
        let mut fields = vec![("status", old.status.as_str(), new.status.as_str())];
        if old_version != new_version {
            fields.push(("version", &old_version, &new_version));
        }
        for (field, from, to) in fields {
            record(
                tx,
                &actor,
                Change::new("plan", &old.id, "update")
                    .on(field)
                    .from(Some(from))
                    .to(Some(to)),
            )?;
        }
        if !reason.is_empty() {
            record(
                tx,
                &actor,
                Change::new("plan", &old.id, "update")
                    .on("reason")
                    .to(Some(&reason)),
            )?;
        }
        let description = match new.status {
            PlanStatus::Final => format!("penetapan final rencana aksi versi {}", new.version),
            PlanStatus::Draft => "pengembalian rencana aksi ke draf".to_string(),
        };
        Ok((new.clone(), Undo::new("plan", &old.id, description, images)))
    })
}

/// Shows `plan_id` on every screen (the plan switcher). Any profile may view
/// any plan of its database; an earlier plan is read-only.
pub fn view(store: &mut Store, plan_id: &str) -> Result<Plan> {
    let plan = plans::get(store.conn(), plan_id)?
        .ok_or_else(|| Error::invalid("plan", "Rencana aksi itu tidak ada di basis data ini."))?;
    store.write(|tx| settings::set(tx, plans::VIEWED, &plan.id))?;
    Ok(plan)
}
