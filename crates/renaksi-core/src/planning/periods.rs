//! The quarters of the plan: each one's due date for the OPDs' reports, and
//! Bappeda closing a quarter (its targets and realisations become read-only
//! for the OPDs) or reopening it, always with a reason.

use chrono::{Days, NaiveDate};
use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use crate::access;
use crate::editing::{actor, date, record, required, Undo};
use crate::model::{Period, Plan};
use crate::period::PeriodRef;
use crate::store::audit::Change;
use crate::store::undo::capture;
use crate::store::{periods, plans};
use crate::{Error, Result, Store};

const MAX_REASON: usize = crate::editing::lengths::CHANGE_REASON;

/// The default due date of a quarter's report: the 10th day after the
/// quarter ends (TW1 -> 10 April, TW4 -> 10 January of the next year).
pub fn default_due_date(period: PeriodRef) -> NaiveDate {
    let (year, month) = if period.quarter >= 4 {
        (period.year + 1, 1)
    } else {
        (period.year, u32::from(period.quarter) * 3 + 1)
    };
    NaiveDate::from_ymd_opt(year, month, 1)
        .and_then(|first| first.checked_add_days(Days::new(9)))
        .expect("the 10th of a month exists")
}

/// A quarter's new due date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PeriodDue {
    pub period: PeriodRef,
    /// YYYY-MM-DD.
    pub due_date: String,
}

/// Closing or reopening a quarter, with the reason (required).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PeriodChange {
    pub period: PeriodRef,
    pub reason: String,
}

/// Sets the due date of a quarter of the viewed (active) plan.
pub fn set_due_date(store: &mut Store, input: &PeriodDue) -> Result<(Period, Undo)> {
    let due = date("dueDate", Some(&input.due_date), "Batas waktu")?
        .ok_or_else(|| Error::invalid("dueDate", "Batas waktu wajib diisi."))?;
    change(store, input.period, "mengubah batas waktu laporan", |old| {
        if old.due_date.as_deref() == Some(due.as_str()) {
            return Ok(None);
        }
        let new = Period {
            due_date: Some(due.clone()),
            ..old.clone()
        };
        let description = format!("perubahan batas waktu {}", input.period.label());
        Ok(Some((new, "dueDate", description, None)))
    })
}

/// Closes a quarter: its targets and realisations become read-only for the
/// OPDs (`access::require_open`).
pub fn close(store: &mut Store, input: &PeriodChange) -> Result<(Period, Undo)> {
    set_closed(store, input, true)
}

/// Opens a closed quarter again.
pub fn reopen(store: &mut Store, input: &PeriodChange) -> Result<(Period, Undo)> {
    set_closed(store, input, false)
}

fn set_closed(store: &mut Store, input: &PeriodChange, closed: bool) -> Result<(Period, Undo)> {
    let reason = required("reason", &input.reason, "Alasan", MAX_REASON)?;
    let label = input.period.label();
    let doing = if closed {
        "menutup triwulan"
    } else {
        "membuka kembali triwulan"
    };
    change(store, input.period, doing, |old| {
        if old.closed == closed {
            return Err(Error::invalid(
                "period",
                if closed {
                    format!("{label} sudah ditutup.")
                } else {
                    format!("{label} belum ditutup.")
                },
            ));
        }
        let new = Period {
            closed,
            ..old.clone()
        };
        let description = if closed {
            format!("penutupan {label}")
        } else {
            format!("pembukaan kembali {label}")
        };
        Ok(Some((new, "closed", description, Some(reason.clone()))))
    })
}

/// What a change makes of a quarter: the new row, the field, the undo's
/// description and the reason; `None` when nothing changes.
type Changed = Option<(Period, &'static str, String, Option<String>)>;

/// One change of a quarter of the viewed plan: Bappeda's, on the active plan,
/// in one transaction with its audit rows.
fn change(
    store: &mut Store,
    period: PeriodRef,
    doing: &str,
    make: impl FnOnce(&Period) -> Result<Changed>,
) -> Result<(Period, Undo)> {
    access::require_bappeda(store.conn(), doing)?;
    PeriodRef::new(period.year, period.quarter)
        .map_err(|e| Error::invalid("period", e.to_string()))?;
    let actor = actor(store.conn())?;
    store.write(|tx| {
        let plan = plans::require_current(tx)?;
        access::require_active_plan(tx, &plan.id)?;
        let old = periods::get(tx, &plan.id, period.year, period.quarter)?
            .ok_or_else(|| not_in_plan(tx, &plan, period))?;
        let entity_id = format!("{}/{period}", plan.id);
        let image = capture(
            tx,
            "periods",
            &[
                ("plan_id", Value::Text(plan.id.clone())),
                ("year", Value::Integer(period.year.into())),
                ("quarter", Value::Integer(period.quarter.into())),
            ],
        )?;
        let Some((new, field, description, reason)) = make(&old)? else {
            let undo = Undo::new("period", &entity_id, "tidak ada perubahan".into(), vec![]);
            return Ok((old, undo));
        };
        periods::update(tx, &plan.id, &new)?;
        let text = |p: &Period| match field {
            "closed" => p.closed.to_string(),
            _ => p.due_date.clone().unwrap_or_default(),
        };
        let (from, to) = (text(&old), text(&new));
        record(
            tx,
            &actor,
            Change::new("period", &entity_id, "update")
                .on(field)
                .from(Some(&from))
                .to(Some(&to)),
        )?;
        if let Some(reason) = &reason {
            record(
                tx,
                &actor,
                Change::new("period", &entity_id, "update")
                    .on("reason")
                    .to(Some(reason)),
            )?;
        }
        Ok((
            new,
            Undo::new("period", &entity_id, description, vec![image]),
        ))
    })
}

fn not_in_plan(conn: &rusqlite::Connection, plan: &Plan, period: PeriodRef) -> Error {
    let span = periods::list(conn, &plan.id)
        .ok()
        .and_then(|list| {
            let first = list.first()?;
            let last = list.last()?;
            Some(format!(
                " ({}-TW{} s.d. {}-TW{})",
                first.year, first.quarter, last.year, last.quarter
            ))
        })
        .unwrap_or_default();
    Error::invalid(
        "period",
        format!(
            "{} bukan bagian dari rencana aksi ini{span}.",
            period.label()
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_is_due_on_the_tenth_day_after_its_quarter() {
        let due = |year, quarter| default_due_date(PeriodRef { year, quarter }).to_string();
        assert_eq!(due(2020, 1), "2020-04-10");
        assert_eq!(due(2020, 2), "2020-07-10");
        assert_eq!(due(2020, 3), "2020-10-10");
        assert_eq!(due(2020, 4), "2021-01-10");
    }
}
