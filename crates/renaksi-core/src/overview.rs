//! The plan at a glance: themes in order, each with its actions, lead and
//! supporting OPDs, and how much each action holds. What the main window shows.

use std::collections::HashMap;

use rusqlite::Connection;
use serde::Serialize;

use crate::model::{OgpValue, Opd, Plan};
use crate::store::{actions, indicators, milestones, opds, plans, themes};
use crate::Result;

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanOverview {
    pub plan: Plan,
    pub themes: Vec<ThemeOverview>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct ThemeOverview {
    pub id: String,
    pub seq: i64,
    pub name: String,
    pub description: String,
    pub actions: Vec<ActionSummary>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct OpdRef {
    pub code: String,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
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
    pub milestone_count: i64,
    pub indicator_count: i64,
}

/// The overview of the database's plan, or `None` when it holds no plan yet.
pub fn plan_overview(conn: &Connection) -> Result<Option<PlanOverview>> {
    let Some(plan) = plans::current(conn)? else {
        return Ok(None);
    };
    let opds: HashMap<String, Opd> = opds::list(conn)?
        .into_iter()
        .map(|opd| (opd.id.clone(), opd))
        .collect();
    let opd_ref = |id: &String| {
        opds.get(id).map_or_else(
            || OpdRef {
                code: String::new(),
                name: id.clone(),
            },
            |opd| OpdRef {
                code: opd.code.clone(),
                name: opd.name.clone(),
            },
        )
    };
    let milestone_counts = milestones::count_by_action(conn, &plan.id)?;
    let indicator_counts = indicators::count_by_action(conn, &plan.id)?;

    let mut by_theme: HashMap<String, Vec<ActionSummary>> = HashMap::new();
    for action in actions::list(conn, &plan.id)? {
        by_theme
            .entry(action.theme_id.clone())
            .or_default()
            .push(ActionSummary {
                lead_opd: opd_ref(&action.lead_opd_id),
                supporting_opds: action.supporting_opd_ids.iter().map(opd_ref).collect(),
                milestone_count: milestone_counts.get(&action.id).copied().unwrap_or(0),
                indicator_count: indicator_counts.get(&action.id).copied().unwrap_or(0),
                id: action.id,
                code: action.code,
                title: action.title,
                ogp_values: action.ogp_values,
                start_date: action.start_date,
                end_date: action.end_date,
            });
    }
    let themes = themes::list(conn, &plan.id)?
        .into_iter()
        .map(|theme| ThemeOverview {
            actions: by_theme.remove(&theme.id).unwrap_or_default(),
            id: theme.id,
            seq: theme.seq,
            name: theme.name,
            description: theme.description,
        })
        .collect();
    Ok(Some(PlanOverview { plan, themes }))
}
