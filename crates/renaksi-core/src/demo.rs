//! The Wonosobo 2018-2019 demo plan (`assets/demo/wonosobo-2018-2019.json`),
//! loaded into a database as Bappeda sees it or as one OPD sees it.
//!
//! Every row has a fixed id in the asset, so demo databases made separately
//! belong to the same plan and their reports can travel between them.

use std::collections::{BTreeMap, HashMap};

use rusqlite::Transaction;
use serde::Deserialize;

use crate::model::{
    Action, Aggregation, Indicator, Milestone, MilestoneStatus, OgpValue, Opd, Period, Plan,
    PlanStatus, Polarity, Realisation, Target, Theme,
};
use crate::profile::{self, Profile, Role};
use crate::store::audit::{self, Change};
use crate::store::{
    actions, indicators, milestones, opds, periods, plans, realisations, targets, themes,
};
use crate::{Error, Result, Store};

const ASSET: &str = include_str!("../../../assets/demo/wonosobo-2018-2019.json");

/// Whose view of the plan a demo database holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DemoView {
    /// The whole plan with every OPD's data, as after all reports were imported.
    Bappeda,
    /// The plan's structure and only this OPD's own data.
    Opd(String),
}

impl DemoView {
    /// One OPD's view, checked against the demo plan's OPD codes (any case).
    pub fn for_opd(code: &str) -> Result<DemoView> {
        let code = DemoPlan::parse()?.opd_code(code)?;
        Ok(DemoView::Opd(code))
    }
}

/// What a demo load put into the database.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DemoCounts {
    pub opds: usize,
    pub themes: usize,
    pub actions: usize,
    pub milestones: usize,
    pub indicators: usize,
    pub targets: usize,
    pub realisations: usize,
}

/// Loads the demo plan into an empty database, in one transaction, and sets the
/// profile to match the view.
pub fn load(store: &mut Store, view: &DemoView) -> Result<DemoCounts> {
    let profile = match view {
        DemoView::Bappeda => Profile {
            role: Role::Bappeda,
            user_name: "Admin Bappeda".to_string(),
        },
        DemoView::Opd(code) => Profile {
            role: Role::Opd { code: code.clone() },
            user_name: format!("Operator {code}"),
        },
    };
    load_as(store, view, &profile)
}

/// Loads the demo's `view` and works on it as `profile` (for training: an OPD
/// clerk sees the whole plan and can change only their own office's rows).
pub fn load_as(store: &mut Store, view: &DemoView, profile: &Profile) -> Result<DemoCounts> {
    let demo = DemoPlan::parse()?;
    if let Role::Opd { code } = &profile.role {
        demo.opd(code)?;
    }
    let owner = match view {
        DemoView::Bappeda => None,
        DemoView::Opd(code) => Some(demo.opd_id(code)?),
    };
    let path = store.path().map(|p| p.to_path_buf()).unwrap_or_default();
    store.write(|tx| {
        if plans::current(tx)?.is_some() {
            return Err(Error::PlanExists { path });
        }
        let counts = demo.insert(tx, owner.as_deref())?;
        profile::save(tx, profile)?;
        profile::record_setup_choice(tx, "demo")?;
        audit::record(
            tx,
            &profile.user_name,
            &Change {
                entity: "plan",
                entity_id: &demo.plan.id,
                operation: "load",
                field: None,
                old: None,
                new: Some("rencana contoh Wonosobo 2018-2019"),
            },
        )?;
        Ok(counts)
    })
}

/// The OPDs of the demo plan as (code, name), for the first-start profile choice.
pub fn opds() -> Result<Vec<(String, String)>> {
    Ok(DemoPlan::parse()?
        .opds
        .into_iter()
        .map(|o| (o.code, o.name))
        .collect())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoPlan {
    plan: DemoPlanHeader,
    periods: Vec<DemoPeriod>,
    opds: Vec<DemoOpd>,
    themes: Vec<DemoTheme>,
    actions: Vec<DemoAction>,
    milestones: Vec<DemoMilestone>,
    indicators: Vec<DemoIndicator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoPlanHeader {
    id: String,
    region: String,
    title: String,
    year_start: i32,
    year_end: i32,
    version: i64,
    status: PlanStatus,
    adopted_on: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoPeriod {
    year: i32,
    quarter: u8,
    due_date: Option<String>,
    closed: bool,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoOpd {
    id: String,
    code: String,
    name: String,
    head_name: String,
    head_nip: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoTheme {
    id: String,
    seq: i64,
    name: String,
    description: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoAction {
    id: String,
    code: String,
    theme_seq: i64,
    title: String,
    problem: String,
    description: String,
    contribution: String,
    ogp_values: Vec<OgpValue>,
    lead_opd: String,
    supporting_opds: Vec<String>,
    cso_partners: String,
    start_date: Option<String>,
    end_date: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoMilestone {
    id: String,
    action: String,
    opd: String,
    seq: i64,
    title: String,
    output: String,
    start_date: Option<String>,
    end_date: Option<String>,
    status: MilestoneStatus,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoIndicator {
    id: String,
    action: String,
    milestone: Option<String>,
    opd: String,
    seq: i64,
    description: String,
    unit: String,
    baseline: Option<f64>,
    polarity: Polarity,
    aggregation: Aggregation,
    /// Per year, the four quarterly targets; `null` where a quarter has none.
    targets: BTreeMap<String, [Option<f64>; 4]>,
    realisations: Vec<DemoRealisation>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct DemoRealisation {
    year: i32,
    quarter: u8,
    value: Option<f64>,
    notes: String,
    obstacles: String,
    follow_up: String,
}

impl DemoPlan {
    fn parse() -> Result<DemoPlan> {
        serde_json::from_str(ASSET).map_err(|e| Error::DemoInvalid(e.to_string()))
    }

    fn opd_id(&self, code: &str) -> Result<String> {
        Ok(self.opd(code)?.id.clone())
    }

    fn opd_code(&self, code: &str) -> Result<String> {
        Ok(self.opd(code)?.code.clone())
    }

    fn opd(&self, code: &str) -> Result<&DemoOpd> {
        self.opds
            .iter()
            .find(|opd| opd.code.eq_ignore_ascii_case(code))
            .ok_or_else(|| Error::unknown_opd(code, self.opds.iter().map(|o| o.code.as_str())))
    }

    /// Inserts the plan; OPD-owned rows only for `owner` when given.
    fn insert(&self, tx: &Transaction<'_>, owner: Option<&str>) -> Result<DemoCounts> {
        let mut counts = DemoCounts::default();
        let header = &self.plan;
        plans::insert(
            tx,
            &Plan {
                id: header.id.clone(),
                region: header.region.clone(),
                title: header.title.clone(),
                year_start: header.year_start,
                year_end: header.year_end,
                version: header.version,
                status: header.status,
                adopted_on: header.adopted_on.clone(),
            },
        )?;
        for period in &self.periods {
            let period = Period {
                year: period.year,
                quarter: period.quarter,
                due_date: period.due_date.clone(),
                closed: period.closed,
            };
            periods::insert(tx, &header.id, &period)?;
        }

        let mut opd_ids = HashMap::new();
        for opd in &self.opds {
            opds::insert(
                tx,
                &Opd {
                    id: opd.id.clone(),
                    code: opd.code.clone(),
                    name: opd.name.clone(),
                    head_name: opd.head_name.clone(),
                    head_nip: opd.head_nip.clone(),
                    short_name: String::new(),
                    head_title: String::new(),
                    archived: None,
                },
            )?;
            opd_ids.insert(opd.code.as_str(), opd.id.as_str());
            counts.opds += 1;
        }
        let opd = |code: &str| {
            opd_ids
                .get(code)
                .map(|id| id.to_string())
                .ok_or_else(|| Error::DemoInvalid(format!("OPD {code} tidak terdaftar")))
        };

        let mut theme_ids = HashMap::new();
        for theme in &self.themes {
            themes::insert(
                tx,
                &Theme {
                    id: theme.id.clone(),
                    plan_id: header.id.clone(),
                    seq: theme.seq,
                    name: theme.name.clone(),
                    description: theme.description.clone(),
                    archived: None,
                },
            )?;
            theme_ids.insert(theme.seq, theme.id.as_str());
            counts.themes += 1;
        }

        let mut action_ids = HashMap::new();
        for action in &self.actions {
            let theme_id = theme_ids.get(&action.theme_seq).ok_or_else(|| {
                Error::DemoInvalid(format!(
                    "{}: tema {} tidak ada",
                    action.code, action.theme_seq
                ))
            })?;
            actions::insert(
                tx,
                &Action {
                    id: action.id.clone(),
                    plan_id: header.id.clone(),
                    theme_id: theme_id.to_string(),
                    code: action.code.clone(),
                    title: action.title.clone(),
                    problem: action.problem.clone(),
                    description: action.description.clone(),
                    contribution: action.contribution.clone(),
                    ogp_values: action.ogp_values.clone(),
                    lead_opd_id: opd(&action.lead_opd)?,
                    supporting_opd_ids: action
                        .supporting_opds
                        .iter()
                        .map(|code| opd(code))
                        .collect::<Result<_>>()?,
                    cso_partners: action.cso_partners.clone(),
                    start_date: action.start_date.clone(),
                    end_date: action.end_date.clone(),
                    archived: None,
                },
            )?;
            action_ids.insert(action.code.as_str(), action.id.as_str());
            counts.actions += 1;
        }
        let action = |code: &str| {
            action_ids
                .get(code)
                .map(|id| id.to_string())
                .ok_or_else(|| Error::DemoInvalid(format!("rencana aksi {code} tidak ada")))
        };
        let owned = |opd_id: &str| owner.is_none_or(|owner| owner == opd_id);

        for milestone in &self.milestones {
            let opd_id = opd(&milestone.opd)?;
            if !owned(&opd_id) {
                continue;
            }
            milestones::insert(
                tx,
                &Milestone {
                    id: milestone.id.clone(),
                    action_id: action(&milestone.action)?,
                    opd_id,
                    seq: milestone.seq,
                    title: milestone.title.clone(),
                    output: milestone.output.clone(),
                    start_date: milestone.start_date.clone(),
                    end_date: milestone.end_date.clone(),
                    status: milestone.status,
                },
            )?;
            counts.milestones += 1;
        }

        for indicator in &self.indicators {
            let opd_id = opd(&indicator.opd)?;
            if !owned(&opd_id) {
                continue;
            }
            indicators::insert(
                tx,
                &Indicator {
                    id: indicator.id.clone(),
                    action_id: action(&indicator.action)?,
                    milestone_id: indicator.milestone.clone(),
                    opd_id,
                    seq: indicator.seq,
                    description: indicator.description.clone(),
                    unit: indicator.unit.clone(),
                    baseline: indicator.baseline,
                    polarity: indicator.polarity,
                    aggregation: indicator.aggregation,
                },
            )?;
            counts.indicators += 1;
            for (year, quarters) in &indicator.targets {
                let year: i32 = year
                    .parse()
                    .map_err(|_| Error::DemoInvalid(format!("tahun target tidak valid: {year}")))?;
                for (quarter, value) in (1u8..).zip(quarters) {
                    let Some(value) = value else { continue };
                    let target = Target {
                        indicator_id: indicator.id.clone(),
                        year,
                        quarter,
                        value: *value,
                    };
                    targets::upsert(tx, &target)?;
                    counts.targets += 1;
                }
            }
            for realisation in &indicator.realisations {
                realisations::upsert(
                    tx,
                    &Realisation {
                        indicator_id: indicator.id.clone(),
                        year: realisation.year,
                        quarter: realisation.quarter,
                        value: realisation.value,
                        notes: realisation.notes.clone(),
                        obstacles: realisation.obstacles.clone(),
                        follow_up: realisation.follow_up.clone(),
                    },
                )?;
                counts.realisations += 1;
            }
        }
        Ok(counts)
    }
}
