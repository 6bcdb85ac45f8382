//! At an OPD: as of when, on Bappeda's clock, its quarters (due dates,
//! closings) are. They reach the OPD by two channels, the plan package (as
//! of its export time) and the feedback file (as of its writing time), which
//! may arrive in any order. Quarters are taken only from a file not older
//! than those held, so a file that arrives late never reopens a quarter
//! Bappeda closed since, nor undoes a due date it moved. One setting per plan.

use chrono::{DateTime, FixedOffset};
use rusqlite::{Connection, Transaction};

use crate::store::settings;
use crate::Result;

fn key(plan_id: &str) -> String {
    format!("periods_as_of:{plan_id}")
}

fn parse(at: &str) -> Option<DateTime<FixedOffset>> {
    DateTime::parse_from_rfc3339(at).ok()
}

/// Whether quarters as of `at` are not older than those held for `plan_id`:
/// yes when none are stamped yet; no when `at` is not a time.
pub(crate) fn is_current(conn: &Connection, plan_id: &str, at: &str) -> Result<bool> {
    let Some(held) = settings::get(conn, &key(plan_id))?
        .as_deref()
        .and_then(parse)
    else {
        return Ok(true);
    };
    Ok(parse(at).is_some_and(|at| at >= held))
}

/// Records that the quarters held for `plan_id` are as of `at` (a time the
/// caller found current).
pub(crate) fn record(tx: &Transaction<'_>, plan_id: &str, at: &str) -> Result<()> {
    if parse(at).is_some() {
        settings::set(tx, &key(plan_id), at)?;
    }
    Ok(())
}
