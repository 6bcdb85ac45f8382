//! Versions of the plan: Bappeda takes a named snapshot (draft, final, ...) of
//! the plan's themes, actions, milestones, indicators and targets, and anyone
//! can see what changed between two snapshots, or between one and the plan as
//! it is now.
//!
//! A snapshot is stored as JSON in a format of its own (not the model types),
//! so that an old snapshot still reads after the model grows. Rows are sorted
//! by id, so equal plans give equal JSON.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

use crate::access::{self, Actor};
use crate::dates::long_date;
use crate::editing::{actor, new_id, record, required};
use crate::model::MilestoneStatus;
use crate::store::audit::Change;
use crate::store::plan_versions::{self, VersionRow};
use crate::store::{actions, indicators, milestones, now, opds, plans, targets, themes};
use crate::workbook::labels::status_label;
use crate::{Error, Result, Store};

const SNAPSHOT_FORMAT: u32 = 1;
const MAX_NAME: usize = 80;

// ---------------------------------------------------------------------------
// The stored snapshot

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct Snapshot {
    format: u32,
    opds: Vec<SnapOpd>,
    themes: Vec<SnapTheme>,
    actions: Vec<SnapAction>,
    milestones: Vec<SnapMilestone>,
    indicators: Vec<SnapIndicator>,
    targets: Vec<SnapTarget>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct SnapOpd {
    id: String,
    code: String,
    name: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct SnapTheme {
    id: String,
    seq: i64,
    name: String,
    description: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct SnapAction {
    id: String,
    theme_id: String,
    code: String,
    title: String,
    problem: String,
    description: String,
    contribution: String,
    ogp_values: Vec<String>,
    lead_opd_id: String,
    supporting_opd_ids: Vec<String>,
    cso_partners: String,
    start_date: Option<String>,
    end_date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct SnapMilestone {
    id: String,
    action_id: String,
    opd_id: String,
    seq: i64,
    title: String,
    output: String,
    start_date: Option<String>,
    end_date: Option<String>,
    status: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct SnapIndicator {
    id: String,
    action_id: String,
    milestone_id: Option<String>,
    opd_id: String,
    seq: i64,
    description: String,
    unit: String,
    baseline: Option<f64>,
    polarity: String,
    aggregation: String,
}

#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct SnapTarget {
    indicator_id: String,
    year: i32,
    quarter: u8,
    value: f64,
}

/// The current plan as a snapshot.
fn current_snapshot(conn: &Connection, plan_id: &str) -> Result<Snapshot> {
    let mut opds: Vec<SnapOpd> = opds::list(conn)?
        .into_iter()
        .map(|o| SnapOpd {
            id: o.id,
            code: o.code,
            name: o.name,
        })
        .collect();
    opds.sort_by(|a, b| a.id.cmp(&b.id));
    let mut themes: Vec<SnapTheme> = themes::list(conn, plan_id)?
        .into_iter()
        .map(|t| SnapTheme {
            id: t.id,
            seq: t.seq,
            name: t.name,
            description: t.description,
        })
        .collect();
    themes.sort_by(|a, b| a.id.cmp(&b.id));
    let mut actions: Vec<SnapAction> = actions::list(conn, plan_id)?
        .into_iter()
        .map(|a| {
            let mut supporting = a.supporting_opd_ids;
            supporting.sort();
            SnapAction {
                id: a.id,
                theme_id: a.theme_id,
                code: a.code,
                title: a.title,
                problem: a.problem,
                description: a.description,
                contribution: a.contribution,
                ogp_values: a
                    .ogp_values
                    .iter()
                    .map(|v| v.as_str().to_string())
                    .collect(),
                lead_opd_id: a.lead_opd_id,
                supporting_opd_ids: supporting,
                cso_partners: a.cso_partners,
                start_date: a.start_date,
                end_date: a.end_date,
            }
        })
        .collect();
    actions.sort_by(|a, b| a.id.cmp(&b.id));
    let mut milestones: Vec<SnapMilestone> = milestones::list_for_plan(conn, plan_id)?
        .into_iter()
        .map(|m| SnapMilestone {
            id: m.id,
            action_id: m.action_id,
            opd_id: m.opd_id,
            seq: m.seq,
            title: m.title,
            output: m.output,
            start_date: m.start_date,
            end_date: m.end_date,
            status: m.status.as_str().to_string(),
        })
        .collect();
    milestones.sort_by(|a, b| a.id.cmp(&b.id));
    let plan_indicators = indicators::list_for_plan(conn, plan_id)?;
    let mut targets = Vec::new();
    for i in &plan_indicators {
        for t in targets::list_for_indicator(conn, &i.id)? {
            targets.push(SnapTarget {
                indicator_id: t.indicator_id,
                year: t.year,
                quarter: t.quarter,
                value: t.value,
            });
        }
    }
    targets.sort_by(|a, b| {
        (&a.indicator_id, a.year, a.quarter).cmp(&(&b.indicator_id, b.year, b.quarter))
    });
    let mut indicators: Vec<SnapIndicator> = plan_indicators
        .into_iter()
        .map(|i| SnapIndicator {
            id: i.id,
            action_id: i.action_id,
            milestone_id: i.milestone_id,
            opd_id: i.opd_id,
            seq: i.seq,
            description: i.description,
            unit: i.unit,
            baseline: i.baseline,
            polarity: i.polarity.as_str().to_string(),
            aggregation: i.aggregation.as_str().to_string(),
        })
        .collect();
    indicators.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(Snapshot {
        format: SNAPSHOT_FORMAT,
        opds,
        themes,
        actions,
        milestones,
        indicators,
        targets,
    })
}

fn parse_snapshot(row: &VersionRow) -> Result<Snapshot> {
    serde_json::from_str(&row.snapshot).map_err(|e| Error::UnknownValue {
        field: "plan_versions.snapshot",
        value: format!("versi \"{}\": {e}", row.name),
    })
}

// ---------------------------------------------------------------------------
// Versions

/// A version in the list of versions.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct VersionSummary {
    pub id: String,
    pub name: String,
    pub created_at: String,
    pub created_by: String,
    pub themes: usize,
    pub actions: usize,
    pub milestones: usize,
    pub indicators: usize,
    pub targets: usize,
}

/// The list of versions as the screen shows it, with whether this profile
/// takes new ones.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct VersionList {
    pub can_edit: bool,
    pub versions: Vec<VersionSummary>,
}

fn summary(row: &VersionRow) -> Result<VersionSummary> {
    let snapshot = parse_snapshot(row)?;
    Ok(VersionSummary {
        id: row.id.clone(),
        name: row.name.clone(),
        created_at: row.created_at.clone(),
        created_by: row.created_by.clone(),
        themes: snapshot.themes.len(),
        actions: snapshot.actions.len(),
        milestones: snapshot.milestones.len(),
        indicators: snapshot.indicators.len(),
        targets: snapshot.targets.len(),
    })
}

/// Whether this profile takes versions (Bappeda owns the plan's structure).
pub fn can_take(conn: &Connection) -> Result<bool> {
    Ok(access::is_bappeda(conn)? && !access::viewing_read_only(conn)?)
}

/// Bappeda saves the plan as it is now under a name ("Draf", "Final").
pub fn take(store: &mut Store, name: &str) -> Result<VersionSummary> {
    access::require_bappeda(store.conn(), "menyimpan versi rencana aksi")?;
    let name = required("name", name, "Nama versi", MAX_NAME)?;
    let actor = actor(store.conn())?;
    let row = store.write(|tx| {
        let plan_id = plans::require_current(tx)?.id;
        access::require_active_plan(tx, &plan_id)?;
        take_in(tx, &actor, &plan_id, &name, new_id())
    })?;
    summary(&row)
}

/// Takes a version named `name` of the plan `plan_id` inside `tx`, with its
/// audit row; the plan's status change takes one this way too.
pub(crate) fn take_in(
    tx: &Transaction<'_>,
    actor: &Actor,
    plan_id: &str,
    name: &str,
    id: String,
) -> Result<VersionRow> {
    // Checked inside the transaction: no other writer can take the name meanwhile.
    if let Some(existing) = plan_versions::by_name(tx, plan_id, name)? {
        return Err(Error::invalid(
            "name",
            format!(
                "Versi bernama \"{}\" sudah ada; pilih nama lain.",
                existing.name
            ),
        ));
    }
    let snapshot = current_snapshot(tx, plan_id)?;
    let row = VersionRow {
        id,
        plan_id: plan_id.to_string(),
        name: name.to_string(),
        created_at: now(),
        created_by: actor.name().to_string(),
        snapshot: serde_json::to_string(&snapshot).expect("a snapshot serialises"),
    };
    plan_versions::insert(tx, &row)?;
    record(
        tx,
        actor,
        Change::new("plan_version", &row.id, "create").to(Some(&row.name)),
    )?;
    Ok(row)
}

/// The versions of the current plan, oldest first.
pub fn list(conn: &Connection) -> Result<Vec<VersionSummary>> {
    let Some(plan) = plans::current(conn)? else {
        return Ok(Vec::new());
    };
    plan_versions::list(conn, &plan.id)?
        .iter()
        .map(summary)
        .collect()
}

/// The versions with what this profile may do with them.
pub fn version_list(conn: &Connection) -> Result<VersionList> {
    Ok(VersionList {
        can_edit: can_take(conn)?,
        versions: list(conn)?,
    })
}

/// A version by its id or its name (any case).
pub fn find(conn: &Connection, id_or_name: &str) -> Result<VersionSummary> {
    let key = id_or_name.trim();
    let plan_id = plans::require_current(conn)?.id;
    let row = match plan_versions::get(conn, key)?.filter(|v| v.plan_id == plan_id) {
        Some(row) => Some(row),
        None => plan_versions::by_name(conn, &plan_id, key)?,
    };
    summary(&row.ok_or_else(|| Error::NotFound(format!("Versi \"{key}\"")))?)
}

// ---------------------------------------------------------------------------
// What changed

/// One side of a comparison: a version, or the plan as it is now (`id` is `None`).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct VersionLabel {
    pub id: Option<String>,
    /// The version's name, or "Saat ini".
    pub name: String,
    pub created_at: Option<String>,
}

/// An action, milestone or indicator added or removed.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct DiffItem {
    pub id: String,
    /// The action's code (RA-01), or that of the action the row belongs to.
    pub action_code: String,
    /// The lead OPD of an action, the owner of a milestone or an indicator.
    pub opd_code: String,
    /// The action's or milestone's title, the indicator's description.
    pub label: String,
}

/// An action, milestone or indicator whose fields changed.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ChangedItem {
    pub id: String,
    pub action_code: String,
    pub opd_code: String,
    /// As in the newer version.
    pub label: String,
    pub changes: Vec<FieldChange>,
}

/// One field, old -> new, as a reader sees them (OPD codes, Indonesian dates
/// and numbers); `None` where the field was empty.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FieldChange {
    /// The field's name in code: `title`, `leadOpd`, `baseline`, ...
    pub field: String,
    /// "Judul", "OPD pelaksana", "Baseline", ...
    pub label: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// A quarter's target of an indicator present in both versions, old -> new
/// (`None` where there was no target).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TargetChange {
    pub indicator_id: String,
    pub action_code: String,
    pub opd_code: String,
    pub indicator: String,
    pub year: i32,
    pub quarter: u8,
    pub old: Option<f64>,
    pub new: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanDiff {
    pub from: VersionLabel,
    pub to: VersionLabel,
    pub actions_added: Vec<DiffItem>,
    pub actions_removed: Vec<DiffItem>,
    pub actions_changed: Vec<ChangedItem>,
    pub milestones_added: Vec<DiffItem>,
    pub milestones_removed: Vec<DiffItem>,
    pub milestones_changed: Vec<ChangedItem>,
    pub indicators_added: Vec<DiffItem>,
    pub indicators_removed: Vec<DiffItem>,
    pub indicators_changed: Vec<ChangedItem>,
    pub targets_changed: Vec<TargetChange>,
    /// Every entry above, counted once; 0 when the two are the same plan.
    pub change_count: usize,
}

fn version_row(conn: &Connection, plan_id: &str, id: &str) -> Result<VersionRow> {
    plan_versions::get(conn, id)?
        .filter(|v| v.plan_id == plan_id)
        .ok_or_else(|| Error::NotFound("Versi rencana aksi".into()))
}

/// What changed from version `from_id` to version `to_id`, or to the plan as
/// it is now when `to_id` is `None`.
pub fn diff(conn: &Connection, from_id: &str, to_id: Option<&str>) -> Result<PlanDiff> {
    let plan_id = plans::require_current(conn)?.id;
    let from_row = version_row(conn, &plan_id, from_id)?;
    let old = parse_snapshot(&from_row)?;
    let (to, new) = match to_id {
        Some(id) => {
            let row = version_row(conn, &plan_id, id)?;
            let snapshot = parse_snapshot(&row)?;
            (
                VersionLabel {
                    id: Some(row.id),
                    name: row.name,
                    created_at: Some(row.created_at),
                },
                snapshot,
            )
        }
        None => (
            VersionLabel {
                id: None,
                name: "Saat ini".into(),
                created_at: None,
            },
            current_snapshot(conn, &plan_id)?,
        ),
    };
    let from = VersionLabel {
        id: Some(from_row.id),
        name: from_row.name,
        created_at: Some(from_row.created_at),
    };
    Ok(compare(from, to, &old, &new))
}

/// Names of one snapshot's OPDs, themes, actions and milestones, to show ids as words.
struct Names<'a> {
    opds: HashMap<&'a str, &'a str>,
    themes: HashMap<&'a str, &'a str>,
    actions: HashMap<&'a str, &'a str>,
    milestones: HashMap<&'a str, &'a str>,
}

impl<'a> Names<'a> {
    fn of(s: &'a Snapshot) -> Names<'a> {
        Names {
            opds: s
                .opds
                .iter()
                .map(|o| (o.id.as_str(), o.code.as_str()))
                .collect(),
            themes: s
                .themes
                .iter()
                .map(|t| (t.id.as_str(), t.name.as_str()))
                .collect(),
            actions: s
                .actions
                .iter()
                .map(|a| (a.id.as_str(), a.code.as_str()))
                .collect(),
            milestones: s
                .milestones
                .iter()
                .map(|m| (m.id.as_str(), m.title.as_str()))
                .collect(),
        }
    }

    fn opd(&self, id: &str) -> String {
        self.opds.get(id).copied().unwrap_or(id).to_string()
    }

    fn action(&self, id: &str) -> String {
        self.actions
            .get(id)
            .copied()
            .unwrap_or_default()
            .to_string()
    }
}

fn compare(from: VersionLabel, to: VersionLabel, old: &Snapshot, new: &Snapshot) -> PlanDiff {
    let (on, nn) = (Names::of(old), Names::of(new));

    // Actions.
    let action_item = |a: &SnapAction, names: &Names| DiffItem {
        id: a.id.clone(),
        action_code: a.code.clone(),
        opd_code: names.opd(&a.lead_opd_id),
        label: a.title.clone(),
    };
    let action_fields = |a: &SnapAction, n: &Names| -> Vec<(&'static str, &'static str, String)> {
        vec![
            (
                "theme",
                "Tema",
                n.themes
                    .get(a.theme_id.as_str())
                    .copied()
                    .unwrap_or_default()
                    .to_string(),
            ),
            ("code", "Kode", a.code.clone()),
            ("title", "Judul", a.title.clone()),
            ("leadOpd", "OPD pelaksana", n.opd(&a.lead_opd_id)),
            (
                "supportingOpds",
                "OPD pendukung",
                codes(&a.supporting_opd_ids, n),
            ),
            ("problem", "Permasalahan", a.problem.clone()),
            ("description", "Deskripsi", a.description.clone()),
            ("contribution", "Kontribusi", a.contribution.clone()),
            ("ogpValues", "Nilai OGP", ogp_values(&a.ogp_values)),
            ("csoPartners", "Mitra OMS", a.cso_partners.clone()),
            ("startDate", "Tanggal mulai", date_text(&a.start_date)),
            ("endDate", "Tanggal selesai", date_text(&a.end_date)),
        ]
    };
    let (actions_added, actions_removed, actions_changed) = compare_rows(
        &old.actions,
        &new.actions,
        |a| a.id.as_str(),
        |a, names| action_item(a, names),
        |a, names| action_fields(a, names),
        (&on, &nn),
    );

    // Milestones.
    let milestone_item = |m: &SnapMilestone, names: &Names| DiffItem {
        id: m.id.clone(),
        action_code: names.action(&m.action_id),
        opd_code: names.opd(&m.opd_id),
        label: m.title.clone(),
    };
    let milestone_fields = |m: &SnapMilestone, n: &Names| {
        vec![
            ("title", "Judul", m.title.clone()),
            ("output", "Keluaran", m.output.clone()),
            ("opd", "OPD", n.opd(&m.opd_id)),
            ("startDate", "Tanggal mulai", date_text(&m.start_date)),
            ("endDate", "Tanggal selesai", date_text(&m.end_date)),
            (
                "status",
                "Status",
                MilestoneStatus::parse(&m.status)
                    .map(|s| status_label(s).to_string())
                    .unwrap_or_else(|| m.status.clone()),
            ),
        ]
    };
    let (milestones_added, milestones_removed, milestones_changed) = compare_rows(
        &old.milestones,
        &new.milestones,
        |m| m.id.as_str(),
        |m, names| milestone_item(m, names),
        |m, names| milestone_fields(m, names),
        (&on, &nn),
    );

    // Indicators.
    let indicator_item = |i: &SnapIndicator, names: &Names| DiffItem {
        id: i.id.clone(),
        action_code: names.action(&i.action_id),
        opd_code: names.opd(&i.opd_id),
        label: i.description.clone(),
    };
    let indicator_fields = |i: &SnapIndicator, n: &Names| {
        vec![
            ("description", "Uraian", i.description.clone()),
            ("unit", "Satuan", i.unit.clone()),
            (
                "baseline",
                "Baseline",
                i.baseline.map(number_text).unwrap_or_default(),
            ),
            ("polarity", "Polaritas", word(&i.polarity)),
            ("aggregation", "Agregasi", word(&i.aggregation)),
            ("opd", "OPD", n.opd(&i.opd_id)),
            (
                "milestone",
                "Tonggak",
                i.milestone_id
                    .as_deref()
                    .and_then(|m| n.milestones.get(m).copied())
                    .unwrap_or_default()
                    .to_string(),
            ),
        ]
    };
    let (indicators_added, indicators_removed, indicators_changed) = compare_rows(
        &old.indicators,
        &new.indicators,
        |i| i.id.as_str(),
        |i, names| indicator_item(i, names),
        |i, names| indicator_fields(i, names),
        (&on, &nn),
    );

    // Targets of the indicators in both versions.
    let old_indicators: HashMap<&str, &SnapIndicator> =
        old.indicators.iter().map(|i| (i.id.as_str(), i)).collect();
    let new_indicators: HashMap<&str, &SnapIndicator> =
        new.indicators.iter().map(|i| (i.id.as_str(), i)).collect();
    let grid = |s: &Snapshot| -> HashMap<(String, i32, u8), f64> {
        s.targets
            .iter()
            .map(|t| ((t.indicator_id.clone(), t.year, t.quarter), t.value))
            .collect()
    };
    let (old_grid, new_grid) = (grid(old), grid(new));
    let mut keys: Vec<&(String, i32, u8)> = old_grid.keys().chain(new_grid.keys()).collect();
    keys.sort();
    keys.dedup();
    let mut targets_changed: Vec<(i64, TargetChange)> = Vec::new();
    for key in keys {
        let (id, year, quarter) = key;
        let (Some(_), Some(indicator)) = (
            old_indicators.get(id.as_str()),
            new_indicators.get(id.as_str()),
        ) else {
            continue;
        };
        let (before, after) = (old_grid.get(key).copied(), new_grid.get(key).copied());
        let same = match (before, after) {
            (Some(a), Some(b)) => (a - b).abs() <= 1e-9 * a.abs().max(1.0),
            (None, None) => true,
            _ => false,
        };
        if !same {
            targets_changed.push((
                indicator.seq,
                TargetChange {
                    indicator_id: id.clone(),
                    action_code: nn.action(&indicator.action_id),
                    opd_code: nn.opd(&indicator.opd_id),
                    indicator: indicator.description.clone(),
                    year: *year,
                    quarter: *quarter,
                    old: before,
                    new: after,
                },
            ));
        }
    }
    targets_changed.sort_by(|(sa, a), (sb, b)| {
        (&a.action_code, sa, &a.indicator_id, a.year, a.quarter).cmp(&(
            &b.action_code,
            sb,
            &b.indicator_id,
            b.year,
            b.quarter,
        ))
    });
    let targets_changed: Vec<TargetChange> = targets_changed.into_iter().map(|(_, t)| t).collect();

    let change_count = actions_added.len()
        + actions_removed.len()
        + actions_changed.len()
        + milestones_added.len()
        + milestones_removed.len()
        + milestones_changed.len()
        + indicators_added.len()
        + indicators_removed.len()
        + indicators_changed.len()
        + targets_changed.len();
    PlanDiff {
        from,
        to,
        actions_added,
        actions_removed,
        actions_changed,
        milestones_added,
        milestones_removed,
        milestones_changed,
        indicators_added,
        indicators_removed,
        indicators_changed,
        targets_changed,
        change_count,
    }
}

type Fields = Vec<(&'static str, &'static str, String)>;

/// Rows added, removed and changed between two lists, matched by id; each list
/// ordered by action code and then label.
fn compare_rows<'a, T>(
    old: &'a [T],
    new: &'a [T],
    id: impl Fn(&T) -> &str,
    item: impl Fn(&T, &Names) -> DiffItem,
    fields: impl Fn(&T, &Names) -> Fields,
    (old_names, new_names): (&Names, &Names),
) -> (Vec<DiffItem>, Vec<DiffItem>, Vec<ChangedItem>) {
    let old_by_id: HashMap<&str, &T> = old.iter().map(|r| (id(r), r)).collect();
    let new_by_id: HashMap<&str, &T> = new.iter().map(|r| (id(r), r)).collect();
    let mut added: Vec<DiffItem> = new
        .iter()
        .filter(|r| !old_by_id.contains_key(id(r)))
        .map(|r| item(r, new_names))
        .collect();
    let mut removed: Vec<DiffItem> = old
        .iter()
        .filter(|r| !new_by_id.contains_key(id(r)))
        .map(|r| item(r, old_names))
        .collect();
    let mut changed = Vec::new();
    for after in new {
        let Some(before) = old_by_id.get(id(after)) else {
            continue;
        };
        let changes: Vec<FieldChange> = fields(before, old_names)
            .into_iter()
            .zip(fields(after, new_names))
            .filter(|((_, _, a), (_, _, b))| a != b)
            .map(|((field, label, a), (_, _, b))| FieldChange {
                field: field.to_string(),
                label: label.to_string(),
                old: Some(a).filter(|v| !v.is_empty()),
                new: Some(b).filter(|v| !v.is_empty()),
            })
            .collect();
        if !changes.is_empty() {
            let it = item(after, new_names);
            changed.push(ChangedItem {
                id: it.id,
                action_code: it.action_code,
                opd_code: it.opd_code,
                label: it.label,
                changes,
            });
        }
    }
    let key = |i: &DiffItem| (i.action_code.clone(), i.label.clone());
    added.sort_by_key(key);
    removed.sort_by_key(key);
    changed.sort_by(|a, b| (&a.action_code, &a.label).cmp(&(&b.action_code, &b.label)));
    (added, removed, changed)
}

fn codes(ids: &[String], names: &Names) -> String {
    let mut codes: Vec<String> = ids.iter().map(|id| names.opd(id)).collect();
    codes.sort();
    codes.join(", ")
}

fn ogp_values(values: &[String]) -> String {
    values
        .iter()
        .map(|v| match v.as_str() {
            "transparansi" => "Transparansi",
            "partisipasi" => "Partisipasi",
            "akuntabilitas" => "Akuntabilitas",
            "teknologi_inovasi" => "Teknologi & inovasi",
            other => other,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// "positif" -> "Positif", "nilai_akhir" -> "Nilai akhir".
fn word(stored: &str) -> String {
    let text = stored.replace('_', " ");
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn date_text(date: &Option<String>) -> String {
    match date {
        None => String::new(),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(long_date)
            .unwrap_or_else(|_| text.clone()),
    }
}

/// A number written the Indonesian way, with at most two decimals: 1.234,5.
pub fn number_text(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    let text = format!("{:.2}", rounded.abs());
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let mut grouped = String::new();
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    let frac = frac.trim_end_matches('0');
    let sign = if rounded < 0.0 { "-" } else { "" };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_the_indonesian_way() {
        assert_eq!(number_text(1234.5), "1.234,5");
        assert_eq!(number_text(3.0), "3");
        assert_eq!(number_text(1_000_000.0), "1.000.000");
        assert_eq!(number_text(0.125), "0,13");
        assert_eq!(number_text(-42.0), "-42");
    }

    #[test]
    fn stored_words_read_as_labels() {
        assert_eq!(word("nilai_akhir"), "Nilai akhir");
        assert_eq!(word("positif"), "Positif");
    }
}
