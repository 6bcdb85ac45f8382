//! One action as the workspace shows it for a period: the commitment, its
//! milestones and indicators with targets, realisations, evidence, capaian and
//! predikat, and what this profile may change.

use std::collections::{BTreeMap, HashMap};

use rusqlite::Connection;
use serde::Serialize;

use crate::access::{self, Actor};
use crate::achievement::{self, Achievement, GradeBand, GradeScale, Quarters, Rollup};
use crate::editing::current_profile;
use crate::model::{Aggregation, Archived, MilestoneStatus, OgpValue, Opd, Polarity};
use crate::overview::OpdRef;
use crate::period::{default_period, PeriodRef};
use crate::store::evidence::Evidence;
use crate::store::{
    actions, evidence, indicators, milestones, opds, periods, realisations, targets, themes,
};
use crate::{model::Period, Error, Result};

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionDetail {
    pub action: ActionView,
    pub can_edit_narrative: bool,
    /// The OPD this profile adds milestones and indicators as, if any.
    pub can_add_for: Option<OpdRef>,
    pub milestones: Vec<MilestoneView>,
    pub indicators: Vec<IndicatorView>,
    pub rollup: Rollup,
    pub periods: Vec<PeriodView>,
    pub period: PeriodRef,
    pub grades: Vec<GradeBand>,
    /// At an OPD: Bappeda's notes received on this action and on its
    /// indicators (by `subjectKind` and `subjectId`), with the OPD's replies.
    /// Empty at Bappeda, whose notes are in the notes screen.
    pub notes: Vec<crate::feedback::ReceivedNote>,
}

/// A quarter of the plan, with whether this profile may still change its
/// targets and realisations ([`Actor::is_locked`]).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PeriodView {
    pub year: i32,
    pub quarter: u8,
    pub due_date: Option<String>,
    pub closed: bool,
    pub locked: bool,
}

impl PeriodView {
    pub fn new(period: Period, actor: &Actor) -> PeriodView {
        PeriodView {
            locked: actor.is_locked(&period),
            year: period.year,
            quarter: period.quarter,
            due_date: period.due_date,
            closed: period.closed,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionView {
    pub id: String,
    pub code: String,
    pub title: String,
    pub theme_seq: i64,
    pub theme_name: String,
    pub problem: String,
    pub description: String,
    pub contribution: String,
    pub ogp_values: Vec<OgpValue>,
    pub lead_opd: OpdRef,
    pub supporting_opds: Vec<OpdRef>,
    pub cso_partners: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    /// When and why Bappeda archived the action: its rows are read-only.
    pub archived: Option<Archived>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceView {
    pub id: String,
    pub kind: String,
    pub title: String,
    pub file_name: Option<String>,
    pub sha256: Option<String>,
    pub url: Option<String>,
    pub created_at: String,
    /// A file named by a report whose evidence bundle has not brought it yet
    /// (at Bappeda): shown as "belum diterima", not opened.
    pub awaiting_file: bool,
    /// A file whose type the system's viewer opens
    /// ([`crate::editing::evidence::opens_directly`]); any other file is
    /// offered as "Tampilkan di folder". False for a link.
    pub opens_directly: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneView {
    pub id: String,
    pub seq: i64,
    pub title: String,
    pub output: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub status: MilestoneStatus,
    pub opd: OpdRef,
    pub can_edit: bool,
    /// On an archived action, or its OPD no longer assigned: kept, read-only,
    /// not counted ([`crate::access::in_plan`]).
    pub archived: bool,
    pub evidence: Vec<EvidenceView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RealisationView {
    pub year: i32,
    pub quarter: u8,
    pub value: Option<f64>,
    pub notes: String,
    pub obstacles: String,
    pub follow_up: String,
    pub evidence: Vec<EvidenceView>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorView {
    pub id: String,
    pub seq: i64,
    pub milestone_id: Option<String>,
    pub description: String,
    pub unit: String,
    pub baseline: Option<f64>,
    pub polarity: Polarity,
    pub aggregation: Aggregation,
    pub opd: OpdRef,
    pub can_edit: bool,
    /// As for milestones: kept, read-only, not counted.
    pub archived: bool,
    /// Per plan year (as text), the four quarterly targets.
    pub targets: BTreeMap<String, Quarters>,
    pub realisations: Vec<RealisationView>,
    pub achievement: Achievement,
}

/// The action for `period` (or the default period), seen by this database's profile.
pub fn action_detail(
    conn: &Connection,
    action_id: &str,
    period: Option<PeriodRef>,
) -> Result<ActionDetail> {
    let action =
        actions::get(conn, action_id)?.ok_or_else(|| Error::NotFound("Rencana aksi".into()))?;
    let actor = Actor::resolve(conn, &current_profile(conn)?)?;
    // An earlier plan is read-only for everyone.
    let writable = !access::is_read_only_plan(conn, &action.plan_id)?;
    let status = crate::store::plans::get(conn, &action.plan_id)?
        .ok_or_else(|| Error::NotFound("Rencana aksi".into()))?
        .status;
    let opds: HashMap<String, Opd> = opds::list(conn)?
        .into_iter()
        .map(|o| (o.id.clone(), o))
        .collect();
    let opd_ref = |id: &String| OpdRef::of(opds.get(id), id);
    let period = match period {
        Some(p) => p,
        None => default_period(conn, &action.plan_id)?
            .ok_or_else(|| Error::NotFound("Periode".into()))?,
    };
    let plan_periods = periods::list(conn, &action.plan_id)?;
    let theme = themes::list(conn, &action.plan_id)?
        .into_iter()
        .find(|t| t.id == action.theme_id)
        .ok_or_else(|| Error::NotFound("Tema".into()))?;
    let scale = GradeScale::load(conn)?;

    let mut evidence_of_milestone: HashMap<String, Vec<EvidenceView>> = HashMap::new();
    let mut evidence_of_realisation: HashMap<(String, i32, u8), Vec<EvidenceView>> = HashMap::new();
    for item in evidence::list_for_action(conn, &action.id)? {
        let view = EvidenceView::from(&item);
        match (
            item.milestone_id,
            item.indicator_id,
            item.year,
            item.quarter,
        ) {
            (Some(m), ..) => evidence_of_milestone.entry(m).or_default().push(view),
            (None, Some(i), Some(y), Some(q)) => evidence_of_realisation
                .entry((i, y, q))
                .or_default()
                .push(view),
            _ => {}
        }
    }

    let milestones = milestones::list_for_action(conn, &action.id)?
        .into_iter()
        .map(|m| MilestoneView {
            opd: opd_ref(&m.opd_id),
            can_edit: writable && actor.can_edit_row(&action, &m.opd_id),
            archived: !access::in_plan(&action, &m.opd_id),
            evidence: evidence_of_milestone.remove(&m.id).unwrap_or_default(),
            id: m.id,
            seq: m.seq,
            title: m.title,
            output: m.output,
            start_date: m.start_date,
            end_date: m.end_date,
            status: m.status,
        })
        .collect();

    let mut indicator_views = Vec::new();
    for indicator in indicators::list_for_action(conn, &action.id)? {
        let mut grid: BTreeMap<String, Quarters> = plan_periods
            .iter()
            .map(|p| (p.year.to_string(), [None; 4]))
            .collect();
        for target in targets::list_for_indicator(conn, &indicator.id)? {
            grid.entry(target.year.to_string()).or_default()[usize::from(target.quarter) - 1] =
                Some(target.value);
        }
        let mut realised: Quarters = [None; 4];
        let mut realisation_views = Vec::new();
        for r in realisations::list_for_indicator(conn, &indicator.id)? {
            if r.year == period.year {
                realised[usize::from(r.quarter) - 1] = r.value;
            }
            realisation_views.push(RealisationView {
                evidence: evidence_of_realisation
                    .remove(&(indicator.id.clone(), r.year, r.quarter))
                    .unwrap_or_default(),
                year: r.year,
                quarter: r.quarter,
                value: r.value,
                notes: r.notes,
                obstacles: r.obstacles,
                follow_up: r.follow_up,
            });
        }
        // Evidence on a quarter that has no realisation row yet still shows.
        for ((id, year, quarter), evidence) in evidence_of_realisation.iter_mut() {
            if *id == indicator.id && !evidence.is_empty() {
                realisation_views.push(RealisationView {
                    year: *year,
                    quarter: *quarter,
                    value: None,
                    notes: String::new(),
                    obstacles: String::new(),
                    follow_up: String::new(),
                    evidence: std::mem::take(evidence),
                });
            }
        }
        realisation_views.sort_by_key(|r| (r.year, r.quarter));
        let year_targets = grid
            .get(&period.year.to_string())
            .copied()
            .unwrap_or([None; 4]);
        let figures = achievement::achievement(
            &year_targets,
            &realised,
            period.quarter,
            indicator.polarity,
            indicator.aggregation,
            &scale,
        );
        indicator_views.push(IndicatorView {
            opd: opd_ref(&indicator.opd_id),
            can_edit: writable && actor.can_edit_row(&action, &indicator.opd_id),
            archived: !access::in_plan(&action, &indicator.opd_id),
            targets: grid,
            realisations: realisation_views,
            achievement: figures,
            id: indicator.id,
            seq: indicator.seq,
            milestone_id: indicator.milestone_id,
            description: indicator.description,
            unit: indicator.unit,
            baseline: indicator.baseline,
            polarity: indicator.polarity,
            aggregation: indicator.aggregation,
        });
    }
    let rollup = achievement::rollup(
        indicator_views
            .iter()
            .filter(|i| !i.archived)
            .map(|i| i.achievement.percent),
        &scale,
    );

    let indicator_ids: Vec<&str> = indicator_views.iter().map(|i| i.id.as_str()).collect();
    let notes =
        crate::feedback::notes_on_action(conn, &action.plan_id, &action.id, &indicator_ids)?;
    Ok(ActionDetail {
        notes,
        can_edit_narrative: writable
            && actor.can_edit_narrative(&action, status)
            && action.archived.is_none(),
        can_add_for: actor
            .assigned_opd(&action)
            .filter(|_| writable)
            .map(|o| OpdRef::of(Some(o), &o.id)),
        milestones,
        indicators: indicator_views,
        rollup,
        periods: plan_periods
            .into_iter()
            .map(|p| PeriodView::new(p, &actor))
            .map(|p| PeriodView {
                locked: p.locked || !writable,
                ..p
            })
            .collect(),
        period,
        grades: scale.0,
        action: ActionView {
            lead_opd: opd_ref(&action.lead_opd_id),
            supporting_opds: action.supporting_opd_ids.iter().map(opd_ref).collect(),
            theme_seq: theme.seq,
            theme_name: theme.name,
            id: action.id,
            code: action.code,
            title: action.title,
            problem: action.problem,
            description: action.description,
            contribution: action.contribution,
            ogp_values: action.ogp_values,
            cso_partners: action.cso_partners,
            start_date: action.start_date,
            end_date: action.end_date,
            archived: action.archived,
        },
    })
}

impl From<&Evidence> for EvidenceView {
    fn from(e: &Evidence) -> Self {
        EvidenceView {
            id: e.id.clone(),
            kind: e.kind.clone(),
            title: e.title.clone(),
            file_name: e.file_name.clone(),
            sha256: e.sha256.clone(),
            url: e.url.clone(),
            created_at: e.created_at.clone(),
            awaiting_file: e.kind == "file" && e.stored_path.is_none(),
            opens_directly: e.kind == "file"
                && crate::editing::evidence::opens_directly(
                    // The stored name is what the system's viewer goes by.
                    e.stored_path
                        .as_deref()
                        .and_then(|p| p.rsplit('/').next())
                        .or(e.file_name.as_deref())
                        .unwrap_or_default(),
                ),
        }
    }
}
