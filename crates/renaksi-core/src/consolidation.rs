//! The regency picture for one period: capaian per theme and per OPD,
//! milestones by status, overdue milestones and every indicator's figures.
//! Computed from the plan overview, so the dashboard, the rekap workbook and
//! the main window agree to the last decimal.

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

    let opds = overview
        .opds
        .iter()
        .filter_map(|opd| {
            let led = actions().filter(|a| a.lead_opd.code == opd.code).count();
            let supports = actions().any(|a| a.supporting_opds.iter().any(|s| s.code == opd.code));
            let milestones: Vec<&MilestoneBrief> = all_milestones()
                .filter(|m| m.opd_code == opd.code)
                .collect();
            let percents: Vec<Option<f64>> = actions()
                .flat_map(|a| a.indicators.iter())
                .filter(|i| i.opd_code == opd.code)
                .map(|i| i.achievement.percent)
                .collect();
            let involved = led > 0 || supports || !milestones.is_empty() || !percents.is_empty();
            involved.then(|| OpdSummary {
                opd: opd.clone(),
                led_action_count: led,
                milestone_count: milestones.len(),
                indicator_count: percents.len(),
                milestones: counts(milestones.iter().copied()),
                rollup: achievement::rollup(percents, scale),
            })
        })
        .collect();

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

    let opd_named = |code: &str| {
        overview
            .opds
            .iter()
            .find(|o| o.code == code)
            .cloned()
            .unwrap_or_else(|| OpdRef {
                code: code.to_string(),
                name: code.to_string(),
            })
    };
    let indicators = overview
        .themes
        .iter()
        .flat_map(|t| {
            t.actions.iter().flat_map(move |a| {
                a.indicators.iter().map(move |i| IndicatorLine {
                    theme: t.name.clone(),
                    action_code: a.code.clone(),
                    action_title: a.title.clone(),
                    opd: opd_named(&i.opd_code),
                    description: i.description.clone(),
                    unit: i.unit.clone(),
                    achievement: i.achievement,
                })
            })
        })
        .collect();

    RegencySummary {
        rollup: achievement::rollup(
            actions().flat_map(|a| a.indicators.iter().map(|i| i.achievement.percent)),
            scale,
        ),
        milestones: counts(all_milestones()),
        today: today.format("%Y-%m-%d").to_string(),
        grades: overview.grades.clone(),
        themes,
        opds,
        overdue,
        indicators,
        period: overview.period,
        periods: overview.periods,
        plan: overview.plan,
    }
}
