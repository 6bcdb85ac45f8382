//! The OPD directory, the themes and the actions as Bappeda edits them: add,
//! change, archive with a reason, take back into use, and delete a row that
//! nothing refers to. Removal is never silent: a row that has data is archived,
//! not deleted, and what OPDs entered on it is kept, read-only
//! ([`crate::access::in_plan`]), and left out of figures and reports.
//! [`plan_structure`] is the read model of the editor's tabs.

pub mod actions;
pub mod opds;
pub mod themes;

use std::str::FromStr;

use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Deserializer, Serialize};

use crate::access::{self, Actor};
use crate::editing::{actor, optional, record, Undo};
use crate::model::{Archived, OgpValue, Plan};
use crate::store::audit::Change;
use crate::store::{self, plans};
use crate::{Error, Result, Store};

/// Which row of the structure an archive, a return into use or a deletion is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum StructureEntity {
    Opd,
    Theme,
    Action,
}

impl FromStr for StructureEntity {
    type Err = Error;

    fn from_str(text: &str) -> Result<StructureEntity> {
        match text.trim().to_lowercase().as_str() {
            "opd" => Ok(StructureEntity::Opd),
            "theme" | "tema" => Ok(StructureEntity::Theme),
            "action" | "rencana_aksi" => Ok(StructureEntity::Action),
            _ => Err(Error::invalid(
                "entity",
                format!(
                    "Jenis \"{}\" tidak dikenal; pilih opd, theme atau action.",
                    text.trim()
                ),
            )),
        }
    }
}

/// Through `FromStr`: the same words and messages over IPC as on the command line.
impl<'de> Deserialize<'de> for StructureEntity {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        crate::words::deserialize(deserializer)
    }
}

/// Archives the row with a reason (required); what refers to it is kept.
pub fn archive(store: &mut Store, entity: StructureEntity, id: &str, reason: &str) -> Result<Undo> {
    match entity {
        StructureEntity::Opd => opds::archive(store, id, reason),
        StructureEntity::Theme => themes::archive(store, id, reason),
        StructureEntity::Action => actions::archive(store, id, reason),
    }
}

/// Takes an archived row back into use.
pub fn unarchive(store: &mut Store, entity: StructureEntity, id: &str) -> Result<Undo> {
    match entity {
        StructureEntity::Opd => opds::unarchive(store, id),
        StructureEntity::Theme => themes::unarchive(store, id),
        StructureEntity::Action => actions::unarchive(store, id),
    }
}

/// Deletes a row nothing refers to; one in use is refused (archive it instead).
pub fn delete(store: &mut Store, entity: StructureEntity, id: &str) -> Result<Undo> {
    match entity {
        StructureEntity::Opd => opds::delete(store, id),
        StructureEntity::Theme => themes::delete(store, id),
        StructureEntity::Action => actions::delete(store, id),
    }
}

/// The plan's structure as the editor shows it, with what this profile may do.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PlanStructure {
    /// `None` while the database holds no plan (the OPD directory can be
    /// written before).
    pub plan: Option<Plan>,
    /// Whether this profile changes the structure (Bappeda).
    pub can_edit: bool,
    /// Whether this profile writes the narrative of an action it adds:
    /// `access` decides (while the plan is a draft, Bappeda does).
    pub can_edit_new_narrative: bool,
    /// Every OPD of the directory, archived ones included, ordered by code.
    pub opds: Vec<OpdEntry>,
    /// The plan's themes in their order, archived ones included.
    pub themes: Vec<ThemeEntry>,
    /// The plan's actions ordered by code, archived ones included.
    pub actions: Vec<ActionEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct OpdEntry {
    pub id: String,
    pub code: String,
    pub name: String,
    pub short_name: String,
    pub head_name: String,
    pub head_title: String,
    pub head_nip: String,
    pub archived: Option<Archived>,
    /// Something refers to it: it can be archived, not deleted.
    pub in_use: bool,
    /// Codes of the plan's actions in use that it leads or supports (it cannot
    /// be archived while there are any).
    pub active_actions: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ThemeEntry {
    pub id: String,
    pub seq: i64,
    pub name: String,
    pub description: String,
    pub archived: Option<Archived>,
    /// It has actions: it can be archived, not deleted.
    pub in_use: bool,
    /// Its actions in use (it cannot be archived while there are any).
    pub active_actions: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionEntry {
    pub id: String,
    pub theme_id: String,
    pub code: String,
    pub title: String,
    pub lead_opd_id: String,
    pub supporting_opd_ids: Vec<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub problem: String,
    pub description: String,
    pub contribution: String,
    pub ogp_values: Vec<OgpValue>,
    pub cso_partners: String,
    pub archived: Option<Archived>,
    /// OPDs entered data on it, or it has co-creation inputs or notes: it can be
    /// archived, not deleted.
    pub in_use: bool,
    /// Whether this profile may write its narrative (problem, description,
    /// contribution, OGP values, CSO partners): `access` decides.
    pub can_edit_narrative: bool,
}

/// The structure of the database's current plan, seen by this profile.
pub fn plan_structure(conn: &Connection) -> Result<PlanStructure> {
    let plan = plans::current(conn)?;
    let can_edit = access::is_bappeda(conn)? && !access::viewing_read_only(conn)?;
    let actor = actor(conn)?;
    let (all_themes, all_actions) = match &plan {
        Some(plan) => (
            store::themes::list(conn, &plan.id)?,
            store::actions::list(conn, &plan.id)?,
        ),
        None => (Vec::new(), Vec::new()),
    };
    let active = |a: &&crate::model::Action| a.archived.is_none();
    let opds = store::opds::list(conn)?
        .into_iter()
        .map(|o| {
            Ok(OpdEntry {
                in_use: opds::in_use(conn, &o.id)?,
                active_actions: all_actions
                    .iter()
                    .filter(active)
                    .filter(|a| a.lead_opd_id == o.id || a.supporting_opd_ids.contains(&o.id))
                    .map(|a| a.code.clone())
                    .collect(),
                id: o.id,
                code: o.code,
                name: o.name,
                short_name: o.short_name,
                head_name: o.head_name,
                head_title: o.head_title,
                head_nip: o.head_nip,
                archived: o.archived,
            })
        })
        .collect::<Result<_>>()?;
    let themes = all_themes
        .into_iter()
        .map(|t| ThemeEntry {
            in_use: all_actions.iter().any(|a| a.theme_id == t.id),
            active_actions: all_actions
                .iter()
                .filter(active)
                .filter(|a| a.theme_id == t.id)
                .count(),
            id: t.id,
            seq: t.seq,
            name: t.name,
            description: t.description,
            archived: t.archived,
        })
        .collect();
    let actions = all_actions
        .into_iter()
        .map(|a| {
            Ok(ActionEntry {
                in_use: actions::in_use(conn, &a.id)?,
                can_edit_narrative: actor.require_narrative(conn, &a).is_ok(),
                id: a.id,
                theme_id: a.theme_id,
                code: a.code,
                title: a.title,
                lead_opd_id: a.lead_opd_id,
                supporting_opd_ids: a.supporting_opd_ids,
                start_date: a.start_date,
                end_date: a.end_date,
                problem: a.problem,
                description: a.description,
                contribution: a.contribution,
                ogp_values: a.ogp_values,
                cso_partners: a.cso_partners,
                archived: a.archived,
            })
        })
        .collect::<Result<_>>()?;
    let can_edit_new_narrative = match &plan {
        Some(plan) => {
            let blank = crate::model::Action {
                id: String::new(),
                plan_id: plan.id.clone(),
                theme_id: String::new(),
                code: String::new(),
                title: String::new(),
                problem: String::new(),
                description: String::new(),
                contribution: String::new(),
                ogp_values: Vec::new(),
                lead_opd_id: String::new(),
                supporting_opd_ids: Vec::new(),
                cso_partners: String::new(),
                start_date: None,
                end_date: None,
                archived: None,
            };
            can_edit && actor.require_narrative(conn, &blank).is_ok()
        }
        None => false,
    };
    Ok(PlanStructure {
        plan,
        can_edit,
        can_edit_new_narrative,
        opds,
        themes,
        actions,
    })
}

/// The one check of every change here: Bappeda's, named for its message, on
/// the active plan (an earlier plan is read-only).
fn require_editor(conn: &Connection, doing: &str) -> Result<Actor> {
    access::require_bappeda(conn, doing)?;
    access::require_viewed_plan_active(conn)?;
    actor(conn)
}

/// The reason an archive needs: required, as the history shows it.
fn archive_now(reason: &str) -> Result<Archived> {
    let reason = optional(
        "reason",
        reason,
        "Alasan",
        crate::editing::lengths::ARCHIVE_REASON,
    )?;
    if reason.is_empty() {
        return Err(Error::invalid(
            "reason",
            "Tulis alasan pengarsipan; alasan ini tercatat dalam riwayat.",
        ));
    }
    Ok(Archived {
        at: store::now(),
        reason,
    })
}

/// Records archiving (`Some`) or taking back into use (`None`).
fn record_archive(
    tx: &Transaction<'_>,
    actor: &Actor,
    entity: &str,
    id: &str,
    old: Option<&Archived>,
    new: Option<&Archived>,
) -> Result<()> {
    record(
        tx,
        actor,
        Change::new(entity, id, "update")
            .on("archived")
            .from(old.map(|a| a.reason.as_str()))
            .to(new.map(|a| a.reason.as_str())),
    )
}

/// Whether any row of `sql` (a `SELECT 1 ... WHERE ... = ?1`) exists.
fn exists(conn: &Connection, sql: &str, id: &str) -> Result<bool> {
    Ok(conn.query_row(&format!("SELECT EXISTS ({sql})"), [id], |row| row.get(0))?)
}

fn undo(
    entity: &'static str,
    id: &str,
    description: String,
    images: Vec<store::undo::RowImage>,
) -> Undo {
    Undo::new(entity, id, description, images)
}
