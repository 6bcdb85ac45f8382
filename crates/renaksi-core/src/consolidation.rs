//! The regency picture for one period: capaian per theme and per OPD,
//! milestones by status, overdue milestones and every indicator's figures.
//! Computed from the plan overview, so the dashboard, the rekap workbook and
//! the main window agree to the last decimal.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;
use serde::Serialize;

use crate::achievement::{self, Achievement, GradeBand, GradeScale, Rollup};
use crate::model::{MilestoneStatus, Period, Plan};
use crate::overview::{self, MilestoneBrief, OpdRef, PlanOverview};
use crate::period::PeriodRef;
use crate::Result;

/// The IRM completion scale, in its order.
const STATUSES: [MilestoneStatus; 4] = [
    MilestoneStatus::NotStarted,
    MilestoneStatus::Limited,
    MilestoneStatus::Substantial,
    MilestoneStatus::Complete,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusCount {
    pub status: MilestoneStatus,
    pub count: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ThemeSummary {
    pub seq: i64,
    pub name: String,
    pub action_count: usize,
    pub milestone_count: usize,
    pub indicator_count: usize,
    pub milestones: Vec<StatusCount>,
    pub rollup: Rollup,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct OpdSummary {
    pub opd: OpdRef,
    /// Actions this OPD leads.
    pub led_action_count: usize,
    pub milestone_count: usize,
    pub indicator_count: usize,
    pub milestones: Vec<StatusCount>,
    pub rollup: Rollup,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct OverdueMilestone {
    pub action_code: String,
    pub title: String,
    pub opd_code: String,
    pub end_date: String,
    pub status: MilestoneStatus,
    pub days_late: i64,
}

/// One indicator's figures with where it sits in the plan.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorLine {
    pub theme: String,
    pub action_code: String,
    pub action_title: String,
    pub opd: OpdRef,
    pub description: String,
    pub unit: String,
    pub achievement: Achievement,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RegencySummary {
    pub plan: Plan,
    pub periods: Vec<Period>,
    pub period: Option<PeriodRef>,
    /// The day overdue milestones are counted on.
    pub today: String,
    pub grades: Vec<GradeBand>,
    /// Capaian over every indicator of the plan: the regency's headline figure.
    pub rollup: Rollup,
    pub themes: Vec<ThemeSummary>,
    pub opds: Vec<OpdSummary>,
    pub milestones: Vec<StatusCount>,
    pub overdue: Vec<OverdueMilestone>,
    pub indicators: Vec<IndicatorLine>,
}

fn counts<'a>(milestones: impl IntoIterator<Item = &'a MilestoneBrief>) -> Vec<StatusCount> {
    let mut counts = STATUSES.map(|status| StatusCount { status, count: 0 });
    for m in milestones {
        if let Some(c) = counts.iter_mut().find(|c| c.status == m.status) {
            c.count += 1;
        }
    }
    counts.to_vec()
}

/// The summary for `period` (default: as the overview picks it) as of `today`,
/// or `None` when the database holds no plan.
pub fn summary(
    conn: &Connection,
    period: Option<PeriodRef>,
    today: NaiveDate,
) -> Result<Option<RegencySummary>> {
    let Some(overview) = overview::plan_overview(conn, period)? else {
        return Ok(None);
    };
    let scale = GradeScale::load(conn)?;
    Ok(Some(summarise(overview, &scale, today)))
}

fn summarise(overview: PlanOverview, scale: &GradeScale, today: NaiveDate) -> RegencySummary {
    let actions = || overview.themes.iter().flat_map(|t| t.actions.iter());
    let all_milestones = || actions().flat_map(|a| a.milestones.iter());

    let themes = overview
        .themes
        .iter()
        .map(|t| ThemeSummary {
            seq: t.seq,
            name: t.name.clone(),
            action_count: t.actions.len(),
            milestone_count: t.actions.iter().map(|a| a.milestones.len()).sum(),
            indicator_count: t.actions.iter().map(|a| a.indicators.len()).sum(),
            milestones: counts(t.actions.iter().flat_map(|a| a.milestones.iter())),
            rollup: t.rollup,
        })
        .collect();

    // Each OPD's actions, milestones and figures gathered in one pass over the
    // plan, not one pass per OPD: a province holds 1,400 OPDs.
    #[derive(Default)]
    struct Involvement<'a> {
        led: usize,
        supports: bool,
        milestones: Vec<&'a MilestoneBrief>,
        percents: Vec<Option<f64>>,
    }
    let mut involvement: HashMap<&str, Involvement> = HashMap::new();
    for a in actions() {
        involvement.entry(&a.lead_opd.code).or_default().led += 1;
        for s in &a.supporting_opds {
            involvement.entry(&s.code).or_default().supports = true;
        }
        for m in &a.milestones {
            involvement
                .entry(&m.opd_code)
                .or_default()
                .milestones
                .push(m);
        }
        for i in &a.indicators {
            let percent = i.achievement.percent;
            involvement
                .entry(&i.opd_code)
                .or_default()
                .percents
                .push(percent);
        }
    }
    let opds = overview
        .opds
        .iter()
        .filter_map(|opd| {
            let found = involvement.remove(opd.code.as_str())?;
            let involved = found.led > 0
                || found.supports
                || !found.milestones.is_empty()
                || !found.percents.is_empty();
            involved.then(|| OpdSummary {
                opd: opd.clone(),
                led_action_count: found.led,
                milestone_count: found.milestones.len(),
                indicator_count: found.percents.len(),
                milestones: counts(found.milestones.iter().copied()),
                rollup: achievement::rollup(found.percents, scale),
            })
        })
        .collect();
    drop(involvement);

    let mut overdue: Vec<OverdueMilestone> = actions()
        .flat_map(|a| a.milestones.iter().map(move |m| (a, m)))
        .filter(|(_, m)| m.status != MilestoneStatus::Complete)
        .filter_map(|(a, m)| {
            let end = m.end_date.as_deref()?;
            let end = NaiveDate::parse_from_str(end, "%Y-%m-%d").ok()?;
            (end < today).then(|| OverdueMilestone {
                action_code: a.code.clone(),
                title: m.title.clone(),
                opd_code: m.opd_code.clone(),
                end_date: end.format("%Y-%m-%d").to_string(),
                status: m.status,
                days_late: (today - end).num_days(),
            })
        })
        .collect();
    overdue.sort_by(|a, b| {
        b.days_late
            .cmp(&a.days_late)
            .then_with(|| a.action_code.cmp(&b.action_code))
    });

    let rollup = achievement::rollup(
        actions().flat_map(|a| a.indicators.iter().map(|i| i.achievement.percent)),
        scale,
    );
    let milestones = counts(all_milestones());

    // The indicator lines take the overview's texts instead of copying them,
    // so a province's 280,000 indicators are not held twice.
    let PlanOverview {
        plan,
        periods,
        period,
        grades,
        opds: all_opds,
        themes: overview_themes,
        ..
    } = overview;
    let opd_named: HashMap<&str, &OpdRef> = all_opds.iter().map(|o| (o.code.as_str(), o)).collect();
    let mut indicators = Vec::with_capacity(
        overview_themes
            .iter()
            .flat_map(|t| t.actions.iter())
            .map(|a| a.indicators.len())
            .sum(),
    );
    for t in overview_themes {
        for a in t.actions {
            for i in a.indicators {
                let opd = opd_named
                    .get(i.opd_code.as_str())
                    .map(|o| (*o).clone())
                    .unwrap_or_else(|| OpdRef {
                        name: i.opd_code.clone(),
                        code: i.opd_code,
                    });
                indicators.push(IndicatorLine {
                    theme: t.name.clone(),
                    action_code: a.code.clone(),
                    action_title: a.title.clone(),
                    opd,
                    description: i.description,
                    unit: i.unit,
                    achievement: i.achievement,
                });
            }
        }
    }

    RegencySummary {
        rollup,
        milestones,
        today: today.format("%Y-%m-%d").to_string(),
        grades,
        themes,
        opds,
        overdue,
        indicators,
        period,
        periods,
        plan,
    }
}
