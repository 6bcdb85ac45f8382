//! The OPD's full current snapshot for the plan (not a delta): the rows it owns,
//! plus the context a reader needs to print and check the report without the
//! sender's database. Rows are sorted and numbers rounded, so one database state
//! gives one snapshot and one canonical serialisation.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::access;
use crate::achievement::GradeScale;
use crate::model::{Indicator, Milestone, Realisation, Target};
use crate::period::PeriodRef;
use crate::store::{actions, evidence, indicators, milestones, opds, periods, plans, themes};
use crate::{Error, Result};

/// Version of the workbook format; a reader refuses other versions.
pub const FORMAT_VERSION: i64 = 1;
/// Decimals kept for every number in a report.
pub const DECIMALS: i32 = 6;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Snapshot {
    pub meta: Meta,
    pub context: Context,
    pub data: OpdData,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    pub format_version: i64,
    pub plan_id: String,
    pub plan_version: i64,
    pub opd_id: String,
    pub opd_code: String,
    pub year: i32,
    pub quarter: u8,
    pub exported_at: String,
    /// Per-OPD export counter; Bappeda refuses a sequence older than the one held.
    pub sequence: i64,
    pub app_version: String,
    pub sign_place: String,
    pub sign_date: String,
    pub head_position: String,
    pub head_name: String,
    pub head_nip: String,
}

/// Bappeda-owned structure, carried so the report can be printed and checked alone.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Context {
    pub plan_title: String,
    pub region: String,
    pub opd_name: String,
    pub grades: GradeScale,
    pub themes: Vec<ThemeRow>,
    pub actions: Vec<ActionRow>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ThemeRow {
    pub id: String,
    pub seq: i64,
    pub name: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionRow {
    pub id: String,
    pub theme_id: String,
    pub code: String,
    pub title: String,
    pub lead_opd_id: String,
}

/// What the OPD owns.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OpdData {
    /// Narratives of the actions this OPD leads.
    pub narratives: Vec<NarrativeRow>,
    pub milestones: Vec<Milestone>,
    pub indicators: Vec<Indicator>,
    pub targets: Vec<Target>,
    pub realisations: Vec<Realisation>,
    pub evidence: Vec<EvidenceRow>,
    /// The OPD's replies (tanggapan) to the verifier notes it received. Left
    /// out while empty, so a report without them serialises (and is signed
    /// and laid out) as before replies existed.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub replies: Vec<NoteReplyRow>,
}

/// A reply to a verifier note as it travels to Bappeda.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NoteReplyRow {
    pub id: String,
    /// Bappeda's note id.
    pub note_id: String,
    pub author: String,
    pub body: String,
    pub created_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NarrativeRow {
    pub action_id: String,
    pub problem: String,
    pub description: String,
    pub contribution: String,
    /// OGP values, comma-separated keys.
    pub ogp_values: String,
    pub cso_partners: String,
}

/// Evidence as it travels: the file's name and SHA-256, or the link; not the file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceRow {
    pub id: String,
    pub milestone_id: Option<String>,
    pub indicator_id: Option<String>,
    pub year: Option<i32>,
    pub quarter: Option<u8>,
    pub kind: String,
    pub title: String,
    pub file_name: Option<String>,
    pub sha256: Option<String>,
    pub url: Option<String>,
}

/// Signature block texts and the moment of export.
#[derive(Debug, Clone, PartialEq)]
pub struct ExportInfo {
    pub period: PeriodRef,
    pub exported_at: String,
    pub sequence: i64,
    pub sign_place: String,
    pub sign_date: String,
    pub head_position: String,
    pub head_name: String,
    pub head_nip: String,
}

/// Rounds a number to the report's fixed decimals.
pub fn round(value: f64) -> f64 {
    let factor = 10f64.powi(DECIMALS);
    let rounded = (value * factor).round() / factor;
    if rounded == 0.0 {
        0.0 // no negative zero
    } else {
        rounded
    }
}

/// The snapshot of `opd_code`'s rows in the database's plan.
pub fn build(conn: &Connection, opd_code: &str, info: &ExportInfo) -> Result<Snapshot> {
    let plan = plans::require_current(conn)?;
    let opd = opds::by_code(conn, opd_code)?.ok_or_else(|| Error::UnknownOpd {
        code: opd_code.to_string(),
        known: opds::list(conn)
            .map(|l| l.into_iter().map(|o| o.code).collect::<Vec<_>>().join(", "))
            .unwrap_or_default(),
    })?;
    if !periods::list(conn, &plan.id)?
        .iter()
        .any(|p| p.year == info.period.year && p.quarter == info.period.quarter)
    {
        return Err(Error::invalid(
            "period",
            format!(
                "{} bukan periode rencana aksi ini ({}-{}).",
                info.period.label(),
                plan.year_start,
                plan.year_end
            ),
        ));
    }
    let all_actions = actions::list(conn, &plan.id)?;
    // Rows on an archived action, or on one the OPD no longer leads or
    // supports, stay in its database but are no longer reported.
    let working_on: std::collections::HashSet<&str> = all_actions
        .iter()
        .filter(|a| access::in_plan(a, &opd.id))
        .map(|a| a.id.as_str())
        .collect();
    let in_plan = |action_id: &str| working_on.contains(action_id);
    let mut data = OpdData::default();
    for action in all_actions
        .iter()
        .filter(|a| a.lead_opd_id == opd.id && a.archived.is_none())
    {
        data.narratives.push(NarrativeRow {
            action_id: action.id.clone(),
            problem: action.problem.clone(),
            description: action.description.clone(),
            contribution: action.contribution.clone(),
            ogp_values: action
                .ogp_values
                .iter()
                .map(|v| v.as_str())
                .collect::<Vec<_>>()
                .join(","),
            cso_partners: action.cso_partners.clone(),
        });
    }
    data.milestones = milestones::list_for_plan(conn, &plan.id)?
        .into_iter()
        .filter(|m| m.opd_id == opd.id && in_plan(&m.action_id))
        .collect();
    data.indicators = indicators::list_for_plan(conn, &plan.id)?
        .into_iter()
        .filter(|i| i.opd_id == opd.id && in_plan(&i.action_id))
        .map(|i| Indicator {
            baseline: i.baseline.map(round),
            ..i
        })
        .collect();
    for indicator in &data.indicators {
        for target in crate::store::targets::list_for_indicator(conn, &indicator.id)? {
            data.targets.push(Target {
                value: round(target.value),
                ..target
            });
        }
        for realisation in crate::store::realisations::list_for_indicator(conn, &indicator.id)? {
            data.realisations.push(Realisation {
                value: realisation.value.map(round),
                ..realisation
            });
        }
    }
    for action in all_actions.iter().filter(|a| access::in_plan(a, &opd.id)) {
        for item in evidence::list_for_action(conn, &action.id)? {
            if item.opd_id == opd.id {
                data.evidence.push(EvidenceRow {
                    id: item.id,
                    milestone_id: item.milestone_id,
                    indicator_id: item.indicator_id,
                    year: item.year,
                    quarter: item.quarter,
                    kind: item.kind,
                    title: item.title,
                    file_name: item.file_name,
                    sha256: item.sha256,
                    url: item.url,
                });
            }
        }
    }
    // Replies to the notes of this plan's last feedback file: a note no
    // longer in it (its subject moved to another OPD) is no longer answered.
    let received: std::collections::HashSet<String> =
        crate::store::feedback_notes::list(conn, &plan.id)?
            .into_iter()
            .map(|n| n.id)
            .collect();
    data.replies = crate::store::note_replies::of_opd(conn, &opd.id)?
        .into_iter()
        .filter(|r| received.contains(&r.note_id))
        .map(|r| NoteReplyRow {
            id: r.id,
            note_id: r.note_id,
            author: r.author,
            body: r.body,
            created_at: r.created_at,
        })
        .collect();
    sort(&mut data);

    Ok(Snapshot {
        meta: Meta {
            format_version: FORMAT_VERSION,
            plan_id: plan.id.clone(),
            plan_version: plan.version,
            opd_id: opd.id.clone(),
            opd_code: opd.code.clone(),
            year: info.period.year,
            quarter: info.period.quarter,
            exported_at: info.exported_at.clone(),
            sequence: info.sequence,
            app_version: crate::APP_VERSION.to_string(),
            sign_place: info.sign_place.clone(),
            sign_date: info.sign_date.clone(),
            head_position: info.head_position.clone(),
            head_name: info.head_name.clone(),
            head_nip: info.head_nip.clone(),
        },
        context: Context {
            plan_title: plan.title,
            region: plan.region,
            opd_name: opd.name,
            grades: GradeScale::load(conn)?,
            themes: themes::list(conn, &plan.id)?
                .into_iter()
                .map(|t| ThemeRow {
                    id: t.id,
                    seq: t.seq,
                    name: t.name,
                })
                .collect(),
            actions: all_actions
                .into_iter()
                .map(|a| ActionRow {
                    id: a.id,
                    theme_id: a.theme_id,
                    code: a.code,
                    title: a.title,
                    lead_opd_id: a.lead_opd_id,
                })
                .collect(),
        },
        data,
    })
}

/// The one order of rows, so equal data serialises equally.
pub fn sort(data: &mut OpdData) {
    data.narratives
        .sort_by(|a, b| a.action_id.cmp(&b.action_id));
    data.milestones.sort_by(|a, b| a.id.cmp(&b.id));
    data.indicators.sort_by(|a, b| a.id.cmp(&b.id));
    data.targets.sort_by(|a, b| {
        (&a.indicator_id, a.year, a.quarter).cmp(&(&b.indicator_id, b.year, b.quarter))
    });
    data.realisations.sort_by(|a, b| {
        (&a.indicator_id, a.year, a.quarter).cmp(&(&b.indicator_id, b.year, b.quarter))
    });
    data.evidence.sort_by(|a, b| a.id.cmp(&b.id));
    data.replies.sort_by(|a, b| a.id.cmp(&b.id));
}

impl Snapshot {
    /// The canonical serialisation that the signature covers: compact JSON of
    /// the snapshot, fields in declaration order, rows in `sort` order.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("a snapshot always serialises")
    }

    pub fn period(&self) -> PeriodRef {
        PeriodRef {
            year: self.meta.year,
            quarter: self.meta.quarter,
        }
    }
}
