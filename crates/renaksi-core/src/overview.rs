//! The plan at a glance for one period: themes in order, each with its actions,
//! lead and supporting OPDs, milestones and indicators in brief, and capaian
//! rolled up per action and per theme. What the main window shows.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::Serialize;

use crate::access;
use crate::achievement::{self, Achievement, GradeBand, GradeScale, Rollup};
use crate::model::{Archived, MilestoneStatus, OgpValue, Opd, Period, Plan};
use crate::period::{default_period, PeriodRef};
use crate::store::{
    actions, indicators, milestones, opds, periods, plans, realisations, targets, themes,
};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanOverview {
    pub plan: Plan,
    /// An earlier plan of this database, kept to be read (a newer plan is active).
    pub read_only: bool,
    /// Every plan of the database, newest first, for the plan switcher.
    pub plans: Vec<crate::planning::PlanChoice>,
    pub periods: Vec<Period>,
    /// The period the figures are for.
    pub period: Option<PeriodRef>,
    pub grades: Vec<GradeBand>,
    /// Every OPD of the plan, for filters.
    pub opds: Vec<OpdRef>,
    pub themes: Vec<ThemeOverview>,
    /// Themes and actions Bappeda archived: not in `themes`, not counted in
    /// any figure, listed for whoever asks to see them.
    pub archived: ArchivedOverview,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ArchivedOverview {
    pub themes: Vec<ArchivedTheme>,
    pub actions: Vec<ArchivedAction>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ArchivedTheme {
    pub id: String,
    pub seq: i64,
    pub name: String,
    pub archived: Archived,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ArchivedAction {
    pub id: String,
    pub code: String,
    pub title: String,
    pub theme_name: String,
    pub lead_opd: OpdRef,
    pub archived: Archived,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ThemeOverview {
    pub id: String,
    pub seq: i64,
    pub name: String,
    pub description: String,
    pub rollup: Rollup,
    pub actions: Vec<ActionSummary>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct OpdRef {
    pub code: String,
    pub name: String,
}

impl OpdRef {
    /// The OPD's code and name; an unknown id shows as itself.
    pub fn of(opd: Option<&Opd>, id: &str) -> OpdRef {
        match opd {
            Some(opd) => OpdRef {
                code: opd.code.clone(),
                name: opd.name.clone(),
            },
            None => OpdRef {
                code: String::new(),
                name: id.to_string(),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneBrief {
    pub id: String,
    pub title: String,
    pub status: MilestoneStatus,
    pub opd_code: String,
    pub end_date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorBrief {
    pub id: String,
    pub description: String,
    pub unit: String,
    pub opd_code: String,
    pub achievement: Achievement,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionSummary {
    pub id: String,
    pub code: String,
    pub title: String,
    pub lead_opd: OpdRef,
    pub supporting_opds: Vec<OpdRef>,
    pub ogp_values: Vec<OgpValue>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub milestone_count: usize,
    pub indicator_count: usize,
    pub rollup: Rollup,
    pub milestones: Vec<MilestoneBrief>,
    pub indicators: Vec<IndicatorBrief>,
}

/// The overview of the database's plan for `period` (default: the latest
/// quarter with a realisation), or `None` when it holds no plan yet.
pub fn plan_overview(conn: &Connection, period: Option<PeriodRef>) -> Result<Option<PlanOverview>> {
    let Some(plan) = plans::current(conn)? else {
        return Ok(None);
    };
    let period = match period {
        Some(p) => Some(p),
        None => default_period(conn, &plan.id)?,
    };
    let scale = GradeScale::load(conn)?;
    let all_opds = opds::list(conn)?;
    let opd_by_id: HashMap<&str, &Opd> = all_opds.iter().map(|o| (o.id.as_str(), o)).collect();
    let opd_ref = |id: &String| OpdRef::of(opd_by_id.get(id.as_str()).copied(), id);
    let code_of = |id: &String| {
        opd_by_id
            .get(id.as_str())
            .map(|o| o.code.clone())
            .unwrap_or_default()
    };

    // Rows of an OPD no longer assigned to their action are kept but not
    // counted ([`access::in_plan`]); archived actions are listed apart.
    let plan_actions = actions::list(conn, &plan.id)?;
    let action_by_id: HashMap<&str, &crate::model::Action> =
        plan_actions.iter().map(|a| (a.id.as_str(), a)).collect();
    let in_plan = |action_id: &str, opd_id: &str| {
        action_by_id
            .get(action_id)
            .is_some_and(|a| access::in_plan(a, opd_id))
    };
    let mut milestones_of: HashMap<String, Vec<MilestoneBrief>> = HashMap::new();
    for m in milestones::list_for_plan(conn, &plan.id)?
        .into_iter()
        .filter(|m| in_plan(&m.action_id, &m.opd_id))
    {
        milestones_of
            .entry(m.action_id.clone())
            .or_default()
            .push(MilestoneBrief {
                opd_code: code_of(&m.opd_id),
                id: m.id,
                title: m.title,
                status: m.status,
                end_date: m.end_date,
            });
    }

    // Only the period's year counts toward its figures.
    let (target_grids, realised) = match period {
        Some(period) => (
            targets::grids_for_plan_year(conn, &plan.id, period.year)?,
            realisations::values_for_plan_year(conn, &plan.id, period.year)?,
        ),
        None => (HashMap::new(), HashMap::new()),
    };
    let mut indicators_of: HashMap<String, Vec<IndicatorBrief>> = HashMap::new();
    // Row by row: a province's 280,000 indicators are never held twice.
    indicators::for_each_in_plan(conn, &plan.id, |i| {
        if !in_plan(&i.action_id, &i.opd_id) {
            return;
        }
        let figures = match period {
            Some(period) => {
                let year_targets = target_grids.get(&i.id).copied().unwrap_or([None; 4]);
                let real = realised.get(&i.id).copied().unwrap_or([None; 4]);
                achievement::achievement(
                    &year_targets,
                    &real,
                    period.quarter,
                    i.polarity,
                    i.aggregation,
                    &scale,
                )
            }
            None => achievement::achievement(
                &[None; 4],
                &[None; 4],
                4,
                i.polarity,
                i.aggregation,
                &scale,
            ),
        };
        indicators_of
            .entry(i.action_id.clone())
            .or_default()
            .push(IndicatorBrief {
                opd_code: code_of(&i.opd_id),
                id: i.id,
                description: i.description,
                unit: i.unit,
                achievement: figures,
            });
    })?;

    let plan_themes = themes::list(conn, &plan.id)?;
    let mut archived = ArchivedOverview::default();
    let mut by_theme: HashMap<String, Vec<ActionSummary>> = HashMap::new();
    for action in plan_actions.iter().cloned() {
        if let Some(reason) = action.archived {
            archived.actions.push(ArchivedAction {
                theme_name: plan_themes
                    .iter()
                    .find(|t| t.id == action.theme_id)
                    .map(|t| t.name.clone())
                    .unwrap_or_default(),
                lead_opd: opd_ref(&action.lead_opd_id),
                id: action.id,
                code: action.code,
                title: action.title,
                archived: reason,
            });
            continue;
        }
        let milestones = milestones_of.remove(&action.id).unwrap_or_default();
        let indicators = indicators_of.remove(&action.id).unwrap_or_default();
        by_theme
            .entry(action.theme_id.clone())
            .or_default()
            .push(ActionSummary {
                lead_opd: opd_ref(&action.lead_opd_id),
                supporting_opds: action.supporting_opd_ids.iter().map(opd_ref).collect(),
                milestone_count: milestones.len(),
                indicator_count: indicators.len(),
                rollup: achievement::rollup(
                    indicators.iter().map(|i| i.achievement.percent),
                    &scale,
                ),
                milestones,
                indicators,
                id: action.id,
                code: action.code,
                title: action.title,
                ogp_values: action.ogp_values,
                start_date: action.start_date,
                end_date: action.end_date,
            });
    }
    let themes = plan_themes
        .into_iter()
        .filter_map(|theme| match theme.archived {
            Some(reason) => {
                archived.themes.push(ArchivedTheme {
                    id: theme.id,
                    seq: theme.seq,
                    name: theme.name,
                    archived: reason,
                });
                None
            }
            None => Some(theme),
        })
        .map(|theme| {
            let actions = by_theme.remove(&theme.id).unwrap_or_default();
            let percents = actions
                .iter()
                .flat_map(|a| a.indicators.iter().map(|i| i.achievement.percent));
            ThemeOverview {
                rollup: achievement::rollup(percents, &scale),
                actions,
                id: theme.id,
                seq: theme.seq,
                name: theme.name,
                description: theme.description,
            }
        })
        .collect();

    let opds = all_opds
        .iter()
        .filter(|o| o.archived.is_none())
        .map(|o| OpdRef::of(Some(o), &o.id))
        .collect();
    Ok(Some(PlanOverview {
        read_only: crate::access::is_read_only_plan(conn, &plan.id)?,
        plans: crate::planning::choices(conn)?,
        periods: periods::list(conn, &plan.id)?,
        period,
        grades: scale.0,
        opds,
        themes,
        archived,
        plan,
    }))
}
