//! The OGP end-of-commitment self-assessment (penilaian mandiri akhir
//! komitmen): for each action of the plan, Bappeda records with the lead OPD
//! how far it was completed (the IRM completion scale) and whether it opened
//! government, with an explanation and evidence links. It is printed as a
//! workbook shaped like the IRM's end-of-commitment assessment (`workbook`),
//! shown on the public site and published in the open data (without who
//! recorded it).

pub mod workbook;

use std::str::FromStr;

use rusqlite::Connection;
use serde::{Deserialize, Deserializer, Serialize};

use crate::access::{self, Actor};
use crate::consolidation::StatusCount;
use crate::editing::{actor, lengths, optional, record, record_update, text_key, Undo};
use crate::model::{Action, MilestoneStatus, Plan};
use crate::overview::OpdRef;
use crate::store::audit::Change;
use crate::store::self_assessments::{self, AssessmentRow};
use crate::store::undo::capture;
use crate::store::{actions, milestones, now, opds, plans, themes};
use crate::{Error, Result, Store};

/// Declares a scale word of the assessment: stored (and serialised) as its
/// Indonesian key, read through `FromStr` from the stored key, the English
/// word or the Indonesian label (hyphens and spaces for underscores, any case).
macro_rules! scale {
    (
        $(#[$meta:meta])* $name:ident, $field:literal, $what:literal {
            $($variant:ident = $stored:literal, $english:literal, $label:literal, $label_en:literal;)+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
        pub enum $name {
            $(#[serde(rename = $stored)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            /// The stored (and open data) word.
            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $stored),+ }
            }

            /// The Indonesian label, as the workbook and the site print it.
            pub fn label(self) -> &'static str {
                match self { $($name::$variant => $label),+ }
            }

            /// The English label, for the site's English pages.
            pub fn label_en(self) -> &'static str {
                match self { $($name::$variant => $label_en),+ }
            }

            fn stored(text: &str) -> Result<$name> {
                $name::ALL
                    .iter()
                    .copied()
                    .find(|v| v.as_str() == text)
                    .ok_or_else(|| Error::UnknownValue {
                        field: concat!("self_assessments.", $field),
                        value: text.to_string(),
                    })
            }
        }

        impl FromStr for $name {
            type Err = Error;

            fn from_str(text: &str) -> Result<$name> {
                let key = text.trim().to_lowercase().replace(['-', ' '], "_");
                $(
                    if key == $stored || key == $english
                        || key == $label.to_lowercase().replace(' ', "_")
                    {
                        return Ok($name::$variant);
                    }
                )+
                let words: Vec<String> = [$($stored),+].iter().map(|w| w.replace('_', "-")).collect();
                let (last, rest) = words.split_last().expect("a scale has words");
                Err(Error::invalid(
                    $field,
                    format!(
                        concat!($what, " \"{}\" tidak dikenal; pilih {} atau {}."),
                        text.trim(),
                        rest.join(", "),
                        last
                    ),
                ))
            }
        }

        /// Through `FromStr`: the same words and messages over IPC as on the command line.
        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
                crate::words::deserialize(deserializer)
            }
        }
    };
}

scale!(
    /// How far the commitment was carried out: the IRM completion scale.
    Completion, "completion", "Tingkat penyelesaian" {
        NotStarted = "belum_dimulai", "not_started", "Belum dimulai", "Not started";
        Limited = "terbatas", "limited", "Terbatas", "Limited";
        Substantial = "substansial", "substantial", "Substansial", "Substantial";
        Complete = "selesai", "complete", "Selesai", "Complete";
    }
);

scale!(
    /// "Did it open government?": the IRM's measure of what changed in how
    /// government works, from worse to outstanding.
    OpenedGovernment, "openedGovernment", "Nilai \"membuka pemerintahan\"" {
        Worsened = "memburuk", "worsened", "Memburuk", "Worsened";
        DidNotChange = "tidak_berubah", "did_not_change", "Tidak berubah", "Did not change";
        Marginal = "marginal", "marginal", "Marginal", "Marginal";
        Major = "besar", "major", "Besar", "Major";
        Outstanding = "luar_biasa", "outstanding", "Luar biasa", "Outstanding";
    }
);

// ---------------------------------------------------------------------------
// What the user sends and sees

/// One action's assessment as Bappeda enters it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentForm {
    pub action_id: String,
    pub completion: Completion,
    pub opened_government: OpenedGovernment,
    pub explanation: String,
    /// Web links (http or https), one per entry; empty entries are ignored.
    pub evidence_links: Vec<String>,
}

/// A recorded assessment.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Assessment {
    pub completion: Completion,
    pub opened_government: OpenedGovernment,
    pub explanation: String,
    pub evidence_links: Vec<String>,
    /// Who recorded it (kept here, never published).
    pub recorded_by: String,
    pub recorded_at: String,
}

/// An action of the plan with its assessment, if recorded.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionAssessment {
    pub action_id: String,
    pub code: String,
    pub title: String,
    pub theme_seq: i64,
    pub theme_name: String,
    /// The lead OPD, with whom Bappeda records the assessment.
    pub lead_opd: OpdRef,
    pub supporting_opds: Vec<OpdRef>,
    /// The action's milestones by IRM status: what the completion is judged from.
    pub milestones: Vec<StatusCount>,
    pub assessment: Option<Assessment>,
}

/// The plan's actions with their assessments, and whether this profile records them.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AssessmentList {
    pub plan: Plan,
    /// Bappeda on the active plan.
    pub can_edit: bool,
    pub assessed_count: usize,
    /// The actions in the plan's order (theme, then code); archived ones are left out.
    pub actions: Vec<ActionAssessment>,
}

// ---------------------------------------------------------------------------
// Reading

/// What only Bappeda does here, for [`access::require_bappeda`].
const RECORDING: &str = "mencatat penilaian mandiri akhir komitmen";

/// Whether this profile records assessments.
pub fn can_edit(conn: &Connection) -> Result<bool> {
    Ok(access::is_bappeda(conn)? && !access::viewing_read_only(conn)?)
}

fn assessment(row: AssessmentRow) -> Result<Assessment> {
    Ok(Assessment {
        completion: Completion::stored(&row.completion)?,
        opened_government: OpenedGovernment::stored(&row.opened_government)?,
        explanation: row.explanation,
        evidence_links: serde_json::from_str(&row.evidence_links).map_err(|_| {
            Error::UnknownValue {
                field: "self_assessments.evidence_links",
                value: row.evidence_links.clone(),
            }
        })?,
        recorded_by: row.recorded_by,
        recorded_at: row.recorded_at,
    })
}

/// The current plan's actions with their assessments, or `None` when the
/// database holds no plan.
pub fn list(conn: &Connection) -> Result<Option<AssessmentList>> {
    let Some(plan) = plans::current(conn)? else {
        return Ok(None);
    };
    let opds = opds::list(conn)?;
    let opd_ref = |id: &String| OpdRef::of(opds.iter().find(|o| &o.id == id), id);
    let plan_themes = themes::list(conn, &plan.id)?;
    let mut recorded: std::collections::HashMap<String, AssessmentRow> =
        self_assessments::list_for_plan(conn, &plan.id)?
            .into_iter()
            .map(|row| (row.action_id.clone(), row))
            .collect();
    let mut listed = Vec::new();
    for action in actions::list(conn, &plan.id)? {
        if action.archived.is_some() {
            continue;
        }
        let Some(theme) = plan_themes.iter().find(|t| t.id == action.theme_id) else {
            continue;
        };
        listed.push(ActionAssessment {
            milestones: milestone_counts(conn, &action)?,
            assessment: recorded.remove(&action.id).map(assessment).transpose()?,
            lead_opd: opd_ref(&action.lead_opd_id),
            supporting_opds: action.supporting_opd_ids.iter().map(opd_ref).collect(),
            theme_seq: theme.seq,
            theme_name: theme.name.clone(),
            action_id: action.id,
            code: action.code,
            title: action.title,
        });
    }
    listed.sort_by(|a, b| (a.theme_seq, &a.code).cmp(&(b.theme_seq, &b.code)));
    Ok(Some(AssessmentList {
        can_edit: can_edit(conn)?,
        assessed_count: listed.iter().filter(|a| a.assessment.is_some()).count(),
        actions: listed,
        plan,
    }))
}

/// The action's milestones still in the plan, counted by IRM status.
fn milestone_counts(conn: &Connection, action: &Action) -> Result<Vec<StatusCount>> {
    let rows = milestones::list_for_action(conn, &action.id)?;
    Ok(MilestoneStatus::ALL
        .iter()
        .map(|&status| StatusCount {
            status,
            count: rows
                .iter()
                .filter(|m| m.status == status && access::in_plan(action, &m.opd_id))
                .count(),
        })
        .collect())
}

// ---------------------------------------------------------------------------
// Writing

/// The fields of an assessment the audit history compares.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fields<'a> {
    completion: Option<&'a str>,
    opened_government: Option<&'a str>,
    explanation: Option<&'a str>,
    evidence_links: Option<String>,
}

impl<'a> From<Option<&'a AssessmentRow>> for Fields<'a> {
    fn from(row: Option<&'a AssessmentRow>) -> Self {
        Fields {
            completion: row.map(|r| r.completion.as_str()),
            opened_government: row.map(|r| r.opened_government.as_str()),
            explanation: row.map(|r| r.explanation.as_str()),
            evidence_links: row.map(|r| {
                serde_json::from_str::<Vec<String>>(&r.evidence_links)
                    .map(|links| links.join("\n"))
                    .unwrap_or_else(|_| r.evidence_links.clone())
            }),
        }
    }
}

/// The links of a form: trimmed, empty entries dropped, duplicates kept once,
/// each a web link ([`crate::editing::evidence::web_link`]).
fn links(entries: &[String]) -> Result<Vec<String>> {
    let mut kept: Vec<String> = Vec::new();
    for (i, entry) in entries.iter().map(|e| e.trim()).enumerate() {
        if entry.is_empty() {
            continue;
        }
        let link = crate::editing::evidence::web_link(entry).ok_or_else(|| {
            Error::invalid(
                "evidenceLinks",
                format!(
                    "Tautan bukti ke-{} harus diawali http:// atau https://, tanpa spasi, \
                     paling panjang {} karakter.",
                    i + 1,
                    lengths::EVIDENCE_LINK
                ),
            )
        })?;
        if !kept.iter().any(|k| k == link) {
            kept.push(link.to_string());
        }
    }
    if kept.len() > lengths::ASSESSMENT_LINKS {
        return Err(Error::invalid(
            "evidenceLinks",
            format!(
                "Paling banyak {} tautan bukti untuk satu rencana aksi.",
                lengths::ASSESSMENT_LINKS
            ),
        ));
    }
    Ok(kept)
}

/// The action an assessment is recorded on: in the active plan, not archived.
fn assessed_action(conn: &Connection, action_id: &str) -> Result<Action> {
    let action = actions::get(conn, action_id.trim())?
        .ok_or_else(|| Error::NotFound("Rencana aksi".into()))?;
    access::require_active_plan(conn, &action.plan_id)?;
    if action.archived.is_some() {
        return Err(Error::Forbidden(format!(
            "Rencana aksi {} sudah diarsipkan oleh Bappeda; penilaiannya tidak dicatat lagi.",
            action.code
        )));
    }
    Ok(action)
}

/// Records (or changes) one action's assessment, Bappeda only, in one
/// transaction with its history; returns what undoes it.
pub fn set(store: &mut Store, form: &AssessmentForm) -> Result<Undo> {
    access::require_bappeda(store.conn(), RECORDING)?;
    let explanation = optional(
        "explanation",
        &form.explanation,
        "Penjelasan",
        lengths::ASSESSMENT_EXPLANATION,
    )?;
    if explanation.is_empty() {
        return Err(Error::invalid(
            "explanation",
            "Tuliskan penjelasannya: apa yang sudah dicapai dan apa yang berubah.",
        ));
    }
    let evidence_links = links(&form.evidence_links)?;
    store.write(|tx| {
        let actor = actor(tx)?;
        let action = assessed_action(tx, &form.action_id)?;
        let old = self_assessments::get(tx, &action.id)?;
        let new = AssessmentRow {
            action_id: action.id.clone(),
            completion: form.completion.as_str().into(),
            opened_government: form.opened_government.as_str().into(),
            explanation,
            evidence_links: serde_json::to_string(&evidence_links).expect("a list of strings"),
            recorded_by: actor.name().to_string(),
            recorded_at: now(),
        };
        let image = capture(tx, "self_assessments", &text_key("action_id", &action.id))?;
        self_assessments::upsert(tx, &new)?;
        record_changes(tx, &actor, &action, old.as_ref(), Some(&new))?;
        Ok(Undo::new(
            "self_assessment",
            &action.id,
            format!("penilaian mandiri {}", action.code),
            vec![image],
        ))
    })
}

/// Takes back an action's assessment (recorded by mistake); returns what
/// undoes it. An action without one is left as it is.
pub fn clear(store: &mut Store, action_id: &str) -> Result<Undo> {
    access::require_bappeda(store.conn(), RECORDING)?;
    store.write(|tx| {
        let actor = actor(tx)?;
        let action = assessed_action(tx, action_id)?;
        let old = self_assessments::get(tx, &action.id)?;
        let image = capture(tx, "self_assessments", &text_key("action_id", &action.id))?;
        if old.is_some() {
            self_assessments::delete(tx, &action.id)?;
            record_changes(tx, &actor, &action, old.as_ref(), None)?;
        }
        Ok(Undo::new(
            "self_assessment",
            &action.id,
            format!("penghapusan penilaian mandiri {}", action.code),
            vec![image],
        ))
    })
}

fn record_changes(
    tx: &rusqlite::Transaction<'_>,
    actor: &Actor,
    action: &Action,
    old: Option<&AssessmentRow>,
    new: Option<&AssessmentRow>,
) -> Result<()> {
    match (old, new) {
        (None, Some(_)) => record(
            tx,
            actor,
            Change::new("self_assessment", &action.id, "create").to(Some(&action.code)),
        )?,
        (Some(_), None) => record(
            tx,
            actor,
            Change::new("self_assessment", &action.id, "delete").from(Some(&action.code)),
        )?,
        _ => {}
    }
    record_update(
        tx,
        actor,
        "self_assessment",
        &action.id,
        &Fields::from(old),
        &Fields::from(new),
    )?;
    Ok(())
}
