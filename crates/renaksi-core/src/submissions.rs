//! Who has reported what: the submission matrix of OPD × quarter that Bappeda
//! watches. A quarter's report is *diterima* when it arrived by the due date,
//! *terlambat* when it arrived after it, *diverifikasi* once Bappeda checked it,
//! and *belum* while nothing arrived. Terlambat is decided on Bappeda's
//! clock, by the WIB day the quarter's *first* report arrived here (a report
//! sent again later, say after Bappeda's note, does not make an on-time
//! quarter late); the latest report gives the number, the dates shown and
//! the verification. The day the OPD exported it is shown beside it for
//! information only (it is the OPD's clock).

use std::collections::HashMap;

use chrono::{DateTime, FixedOffset, NaiveDate};
use rusqlite::{params, Connection};
use serde::Serialize;

use crate::access;
use crate::dates::date_wib;
use crate::model::Period;
use crate::overview::OpdRef;
use crate::period::PeriodRef;
use crate::store::{actions, now, opds, periods, plans};
use crate::{Error, Result, Store};

/// Serialised under the Indonesian words the UI and the files use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
pub enum SubmissionState {
    /// Belum: no report received yet.
    #[serde(rename = "belum")]
    NotSubmitted,
    /// Diterima: received on time.
    #[serde(rename = "diterima")]
    Received,
    /// Terlambat: received after the quarter's due date.
    #[serde(rename = "terlambat")]
    Late,
    /// Diverifikasi: checked by Bappeda.
    #[serde(rename = "diverifikasi")]
    Verified,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct MatrixCell {
    pub year: i32,
    pub quarter: u8,
    pub state: SubmissionState,
    /// The latest report's number and arrival, when one arrived.
    pub sequence: Option<i64>,
    pub received_at: Option<String>,
    /// When the quarter's first report arrived, when an earlier report than
    /// the latest one came: terlambat is decided by this arrival.
    pub first_received_at: Option<String>,
    /// When the OPD exported that report (RFC 3339, the OPD's own clock as
    /// signed in the report): for information, not for terlambat.
    pub exported_at: Option<String>,
    /// True when nothing arrived and the due date has passed.
    pub overdue: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct MatrixRow {
    pub opd: OpdRef,
    pub cells: Vec<MatrixCell>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SubmissionMatrix {
    pub periods: Vec<Period>,
    pub rows: Vec<MatrixRow>,
}

/// The latest report of a quarter: its number, when it arrived, whether
/// verified, when the OPD exported it.
type Arrival = (i64, Option<String>, bool, String);

/// The matrix for every OPD with a role in the plan, as of `today`.
pub fn matrix(conn: &Connection, today: NaiveDate) -> Result<SubmissionMatrix> {
    let plan = plans::require_current(conn)?;
    let plan_periods = periods::list(conn, &plan.id)?;
    let plan_actions = actions::list(conn, &plan.id)?;
    let involved = |id: &str| {
        plan_actions
            .iter()
            .filter(|a| a.archived.is_none())
            .any(|a| a.lead_opd_id == id || a.supporting_opd_ids.iter().any(|s| s == id))
    };

    // Latest imported report per (OPD, year, quarter): the one received last
    // (sequences of different keys do not compare; see `reports::RECEIVED_LAST_FIRST`).
    // Beside it, when the quarter's first report arrived: what decides terlambat.
    let mut latest: HashMap<(String, i32, u8), Arrival> = HashMap::new();
    let mut first: HashMap<(String, i32, u8), (DateTime<FixedOffset>, String)> = HashMap::new();
    let mut stmt = conn.prepare(
        "SELECT opd_id, year, quarter, sequence, received_at, verified_at IS NOT NULL, exported_at
         FROM reports
         WHERE plan_id = ?1 AND direction = 'imported' ORDER BY received_at, rowid",
    )?;
    let mut rows = stmt.query([&plan.id])?;
    while let Some(row) = rows.next()? {
        let key: (String, i32, u8) = (row.get(0)?, row.get(1)?, row.get(2)?);
        let arrival: Arrival = (row.get(3)?, row.get(4)?, row.get(5)?, row.get(6)?);
        if let Some(at) = arrival.1.as_deref() {
            if let Ok(time) = DateTime::parse_from_rfc3339(at) {
                if first.get(&key).is_none_or(|(earliest, _)| time < *earliest) {
                    first.insert(key.clone(), (time, at.to_owned()));
                }
            }
        }
        latest.insert(key, arrival);
    }

    let due = |p: &Period| {
        p.due_date
            .as_deref()
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
    };
    let rows = opds::list(conn)?
        .into_iter()
        .filter(|o| involved(&o.id))
        .map(|opd| MatrixRow {
            cells: plan_periods
                .iter()
                .map(|p| {
                    let key = (opd.id.clone(), p.year, p.quarter);
                    let report = latest.get(&key);
                    let first_at = first.get(&key).map(|(_, at)| at.as_str());
                    let arrived = first_at.and_then(date_wib);
                    let state = match (report, due(p)) {
                        (None, _) => SubmissionState::NotSubmitted,
                        (Some((_, _, true, _)), _) => SubmissionState::Verified,
                        (Some(_), Some(due)) if arrived.is_some_and(|a| a > due) => {
                            SubmissionState::Late
                        }
                        (Some(_), _) => SubmissionState::Received,
                    };
                    MatrixCell {
                        year: p.year,
                        quarter: p.quarter,
                        state,
                        sequence: report.map(|(s, _, _, _)| *s),
                        received_at: report.and_then(|(_, at, _, _)| at.clone()),
                        first_received_at: first_at
                            .filter(|at| report.and_then(|(_, r, _, _)| r.as_deref()) != Some(at))
                            .map(str::to_owned),
                        exported_at: report.map(|(_, _, _, at)| at.clone()),
                        overdue: report.is_none() && due(p).is_some_and(|d| today > d),
                    }
                })
                .collect(),
            opd: OpdRef {
                code: opd.code,
                name: opd.name,
            },
        })
        .collect();
    Ok(SubmissionMatrix {
        periods: plan_periods,
        rows,
    })
}

/// Bappeda marks the latest report of an OPD for a quarter as verified.
pub fn verify(store: &mut Store, opd_code: &str, period: PeriodRef) -> Result<()> {
    let profile = access::require_bappeda(store.conn(), "memverifikasi laporan OPD")?;
    access::require_viewed_plan_active(store.conn())?;
    let opd = opds::by_code(store.conn(), opd_code)?.ok_or_else(|| Error::UnknownOpd {
        code: opd_code.to_string(),
        known: String::new(),
    })?;
    store.write(|tx| {
        let changed = tx.execute(
            &format!(
                "UPDATE reports SET verified_at = ?4, verified_by = ?5
                 WHERE id = (SELECT id FROM reports WHERE opd_id = ?1 AND year = ?2 AND quarter = ?3
                             AND direction = 'imported'
                             ORDER BY {} LIMIT 1)",
                crate::store::reports::RECEIVED_LAST_FIRST
            ),
            params![
                opd.id,
                period.year,
                period.quarter,
                now(),
                profile.user_name
            ],
        )?;
        if changed == 0 {
            return Err(Error::invalid(
                "period",
                format!(
                    "Belum ada laporan {} untuk {} yang dapat diverifikasi.",
                    opd.code,
                    period.label()
                ),
            ));
        }
        Ok(())
    })
}
