//! The OPD's reporting calendar for the plan being viewed: per quarter, the
//! due date, whether Bappeda closed it, the latest report exported here, and
//! what Bappeda received and verified as of the last feedback file; and the
//! one report the plan overview's banner names.
//!
//! The rule (docs/panduan.md, "Kalender laporan"): a quarter's report is
//! *done* once it was exported here or Bappeda's last feedback lists it as
//! received. A quarter not done, not closed, whose due date has passed is
//! overdue (*terlambat*). The banner names the oldest overdue quarter, else
//! the first quarter not done whose due date is today or later. A closed
//! quarter without a report is no longer awaited. A quarter awaited whose due
//! date Bappeda has not set is counted apart: the banner says so rather than
//! "nothing awaited".
//!
//! The calendar (and the report history) is always that of the active plan,
//! the one reports are still due for, even while an earlier, read-only plan
//! is being viewed: an earlier plan awaits nothing, and its quarters would
//! only read as years late.

mod feedback;
pub mod history;

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use crate::access;
use crate::model::Plan;
use crate::store::plans;
use crate::{Error, Result};
pub use feedback::FeedbackAsOf;

/// Where a quarter's report stands, most advanced first. Serialised under the
/// words the UI keys its labels by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub enum QuarterState {
    /// Bappeda verified it (as of the last feedback).
    #[serde(rename = "diverifikasi")]
    Verified,
    /// Bappeda received it (as of the last feedback).
    #[serde(rename = "diterima")]
    Received,
    /// Exported here; Bappeda's receipt not yet known.
    #[serde(rename = "diekspor")]
    Exported,
    /// Closed by Bappeda with no report from here: no longer awaited.
    #[serde(rename = "ditutup")]
    Closed,
    /// Due date passed with no report.
    #[serde(rename = "terlambat")]
    Overdue,
    /// Not yet due (or no due date set).
    #[serde(rename = "menunggu")]
    Waiting,
}

/// The latest report of a quarter exported here.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportMark {
    pub sequence: i64,
    /// RFC 3339.
    pub exported_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct QuarterCalendar {
    pub year: i32,
    pub quarter: u8,
    /// "YYYY-MM-DD", when Bappeda set one.
    pub due_date: Option<String>,
    pub closed: bool,
    pub exported: Option<ExportMark>,
    /// When Bappeda received the quarter's latest report, per the last feedback.
    pub received_at: Option<String>,
    /// When and by whom Bappeda verified that report, per the last feedback.
    pub verified_at: Option<String>,
    pub verified_by: Option<String>,
    pub state: QuarterState,
}

/// The report the banner names.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct NextDue {
    pub year: i32,
    pub quarter: u8,
    /// "YYYY-MM-DD".
    pub due_date: String,
    /// Days from today to the due date: 0 on the day, negative once it passed.
    pub days_left: i64,
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ReportCalendar {
    /// The day the calendar counts from, "YYYY-MM-DD" (the computer's date).
    pub today: String,
    /// The last feedback file taken for this plan, if any.
    pub feedback: Option<FeedbackAsOf>,
    pub quarters: Vec<QuarterCalendar>,
    /// The oldest overdue report, else the next one due; `None` when nothing
    /// is awaited.
    pub next: Option<NextDue>,
    /// How many quarters are overdue (`next` among them when it is overdue).
    pub overdue_count: u32,
    /// How many quarters are awaited with no due date set by Bappeda.
    pub waiting_without_due: u32,
}

/// The calendar of the active plan, as of `today`. Only at an OPD (Bappeda
/// watches its submission matrix).
pub fn calendar(conn: &Connection, today: NaiveDate) -> Result<ReportCalendar> {
    access::require_opd(conn, "melihat kalender laporan")?;
    let plan = require_active(conn)?;
    let periods = crate::store::periods::list(conn, &plan.id)?;
    let exports = latest_exports(conn, &plan.id)?;
    let mut receipts: HashMap<(i32, u8), feedback::Receipt> = HashMap::new();
    // In order of receipt: the last of a quarter stays, as in Bappeda's matrix.
    for receipt in feedback::receipts(conn, &plan.id)? {
        receipts.insert((receipt.year, receipt.quarter), receipt);
    }

    let quarters: Vec<QuarterCalendar> = periods
        .into_iter()
        .map(|p| {
            let exported = exports.get(&(p.year, p.quarter)).cloned();
            let receipt = receipts.get(&(p.year, p.quarter));
            let due = p.due_date.as_deref().and_then(parse_date);
            let state = match (receipt, &exported) {
                (Some(r), _) if r.verified_at.is_some() => QuarterState::Verified,
                (Some(_), _) => QuarterState::Received,
                (None, Some(_)) => QuarterState::Exported,
                (None, None) if p.closed => QuarterState::Closed,
                (None, None) if due.is_some_and(|d| today > d) => QuarterState::Overdue,
                (None, None) => QuarterState::Waiting,
            };
            QuarterCalendar {
                year: p.year,
                quarter: p.quarter,
                due_date: p.due_date,
                closed: p.closed,
                exported,
                received_at: receipt.map(|r| r.received_at.clone()),
                verified_at: receipt.and_then(|r| r.verified_at.clone()),
                verified_by: receipt.and_then(|r| r.verified_by.clone()),
                state,
            }
        })
        .collect();

    let overdue: Vec<&QuarterCalendar> = quarters
        .iter()
        .filter(|q| q.state == QuarterState::Overdue)
        .collect();
    let named = overdue.first().copied().or_else(|| {
        quarters.iter().find(|q| {
            q.state == QuarterState::Waiting
                && q.due_date
                    .as_deref()
                    .and_then(parse_date)
                    .is_some_and(|d| d >= today)
        })
    });
    let next = named.and_then(|q| {
        let due_text = q.due_date.clone()?;
        let due = parse_date(&due_text)?;
        Some(NextDue {
            year: q.year,
            quarter: q.quarter,
            due_date: due_text,
            days_left: (due - today).num_days(),
            overdue: q.state == QuarterState::Overdue,
        })
    });
    let waiting_without_due = quarters
        .iter()
        .filter(|q| q.state == QuarterState::Waiting && q.due_date.is_none())
        .count() as u32;
    Ok(ReportCalendar {
        today: today.format("%Y-%m-%d").to_string(),
        feedback: feedback::last_taken(conn, &plan.id)?,
        overdue_count: overdue.len() as u32,
        waiting_without_due,
        quarters,
        next,
    })
}

/// The active plan (the newest), whichever plan is being viewed.
fn require_active(conn: &Connection) -> Result<Plan> {
    plans::active(conn)?.ok_or_else(|| Error::NotFound("Rencana aksi".into()))
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok()
}

/// The latest report of each quarter exported here for the plan.
fn latest_exports(conn: &Connection, plan_id: &str) -> Result<HashMap<(i32, u8), ExportMark>> {
    let mut stmt = conn.prepare(
        "SELECT year, quarter, sequence, exported_at FROM reports
         WHERE plan_id = ?1 AND direction = 'exported' ORDER BY exported_at, rowid",
    )?;
    let mut rows = stmt.query([plan_id])?;
    let mut latest = HashMap::new();
    while let Some(row) = rows.next()? {
        latest.insert(
            (row.get(0)?, row.get(1)?),
            ExportMark {
                sequence: row.get(2)?,
                exported_at: row.get(3)?,
            },
        );
    }
    Ok(latest)
}
