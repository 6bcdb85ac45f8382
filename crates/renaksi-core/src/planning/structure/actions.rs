//! The plan's actions as Bappeda writes them: code, title, theme, lead and
//! supporting OPDs, start and end, and the OGP commitment fields (the
//! narrative, which `access` gives to Bappeda while the plan is a draft and to
//! the lead OPD once it is final). Changing the lead or the supporting OPDs
//! keeps every row an OPD entered: rows of an OPD no longer assigned stay,
//! read-only ([`crate::access::in_plan`]).

use rusqlite::types::Value;
use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

use super::{archive_now, exists, record_archive, require_editor, undo};
use crate::editing::{
    date, date_range, lengths, new_id, optional, record, record_update, required, text_key, Undo,
};
use crate::model::{Action, OgpValue, Plan};
use crate::store::audit::Change;
use crate::store::undo::{capture, RowImage};
use crate::store::{actions, opds, plans, themes};
use crate::{Error, Result, Store};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionInput {
    /// `None` to add an action.
    pub id: Option<String>,
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
}

/// The fields Bappeda edits, for the audit history.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fields {
    theme: String,
    code: String,
    title: String,
    lead_opd: String,
    supporting_opds: String,
    start_date: Option<String>,
    end_date: Option<String>,
    problem: String,
    description: String,
    contribution: String,
    ogp_values: String,
    cso_partners: String,
}

impl Fields {
    fn of(conn: &Connection, a: &Action) -> Result<Fields> {
        let code = |id: &str| -> Result<String> {
            Ok(opds::get(conn, id)?.map_or_else(|| id.to_string(), |o| o.code))
        };
        let theme = themes::list(conn, &a.plan_id)?
            .into_iter()
            .find(|t| t.id == a.theme_id)
            .map_or_else(|| a.theme_id.clone(), |t| t.name);
        Ok(Fields {
            theme,
            code: a.code.clone(),
            title: a.title.clone(),
            lead_opd: code(&a.lead_opd_id)?,
            supporting_opds: a
                .supporting_opd_ids
                .iter()
                .map(|id| code(id))
                .collect::<Result<Vec<_>>>()?
                .join(", "),
            start_date: a.start_date.clone(),
            end_date: a.end_date.clone(),
            problem: a.problem.clone(),
            description: a.description.clone(),
            contribution: a.contribution.clone(),
            ogp_values: a
                .ogp_values
                .iter()
                .map(|v| v.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            cso_partners: a.cso_partners.clone(),
        })
    }
}

/// The input checked on its own (before the transaction).
struct Checked {
    code: String,
    title: String,
    start_date: Option<String>,
    end_date: Option<String>,
    problem: String,
    description: String,
    contribution: String,
    ogp_values: Vec<OgpValue>,
    cso_partners: String,
}

fn check(input: &ActionInput) -> Result<Checked> {
    let code = required(
        "code",
        &input.code,
        "Kode rencana aksi",
        lengths::ACTION_CODE,
    )?;
    let title = required(
        "title",
        &input.title,
        "Judul rencana aksi",
        lengths::ACTION_TITLE,
    )?;
    let start_date = date("startDate", input.start_date.as_deref(), "Tanggal mulai")?;
    let end_date = date("endDate", input.end_date.as_deref(), "Tanggal selesai")?;
    date_range(&start_date, &end_date)?;
    Ok(Checked {
        code,
        title,
        start_date,
        end_date,
        problem: optional(
            "problem",
            &input.problem,
            "Permasalahan",
            lengths::NARRATIVE_TEXT,
        )?,
        description: optional(
            "description",
            &input.description,
            "Deskripsi",
            lengths::NARRATIVE_TEXT,
        )?,
        contribution: optional(
            "contribution",
            &input.contribution,
            "Kontribusi",
            lengths::NARRATIVE_TEXT,
        )?,
        cso_partners: optional(
            "csoPartners",
            &input.cso_partners,
            "Mitra OMS",
            lengths::CSO_PARTNERS,
        )?,
        ogp_values: OgpValue::ALL
            .iter()
            .copied()
            .filter(|v| input.ogp_values.contains(v))
            .collect(),
    })
}

/// Adds or changes an action of the current plan; returns its id and what undoes it.
pub fn save(store: &mut Store, input: &ActionInput) -> Result<(String, Undo)> {
    let checked = check(input)?;
    store.write(|tx| {
        let actor = require_editor(tx, "mengubah rencana aksi")?;
        let plan = plans::require_current(tx)?;
        within_plan(&plan, &checked.start_date, "startDate", "Tanggal mulai")?;
        within_plan(&plan, &checked.end_date, "endDate", "Tanggal selesai")?;
        let theme = themes::list(tx, &plan.id)?
            .into_iter()
            .find(|t| t.id == input.theme_id)
            .ok_or_else(|| Error::invalid("themeId", "Pilih tema dari rencana aksi ini."))?;
        let old = match &input.id {
            Some(id) => Some(
                actions::get(tx, id)?
                    .filter(|a| a.plan_id == plan.id)
                    .ok_or_else(|| Error::NotFound("Rencana aksi".into()))?,
            ),
            None => None,
        };
        if let Some(old) = &old {
            if old.archived.is_some() {
                return Err(Error::invalid(
                    "code",
                    format!(
                        "Rencana aksi {} diarsipkan; pulihkan dahulu bila hendak mengubahnya.",
                        old.code
                    ),
                ));
            }
        }
        if theme.archived.is_some() && old.as_ref().is_none_or(|o| o.theme_id != theme.id) {
            return Err(Error::invalid(
                "themeId",
                format!("Tema \"{}\" diarsipkan; pilih tema lain.", theme.name),
            ));
        }
        if let Some(other) = actions::list(tx, &plan.id)?.into_iter().find(|a| {
            a.code.eq_ignore_ascii_case(&checked.code) && Some(a.id.as_str()) != input.id.as_deref()
        }) {
            return Err(Error::invalid(
                "code",
                format!(
                    "Kode {} sudah dipakai oleh rencana aksi \"{}\".",
                    other.code, other.title
                ),
            ));
        }
        let lead = opds::get(tx, &input.lead_opd_id)?
            .ok_or_else(|| Error::invalid("leadOpdId", "Pilih OPD pelaksana dari daftar OPD."))?;
        if lead.archived.is_some() {
            return Err(Error::invalid(
                "leadOpdId",
                format!("OPD {} diarsipkan; pilih OPD lain.", lead.code),
            ));
        }
        let mut supporting: Vec<String> = Vec::new();
        for id in &input.supporting_opd_ids {
            let opd = opds::get(tx, id)?.ok_or_else(|| {
                Error::invalid("supportingOpdIds", "Pilih OPD pendukung dari daftar OPD.")
            })?;
            if opd.id == lead.id {
                return Err(Error::invalid(
                    "supportingOpdIds",
                    format!(
                        "OPD {} sudah menjadi pelaksana; jangan dipilih juga sebagai pendukung.",
                        opd.code
                    ),
                ));
            }
            if supporting.contains(&opd.id) {
                return Err(Error::invalid(
                    "supportingOpdIds",
                    format!("OPD {} terpilih lebih dari sekali.", opd.code),
                ));
            }
            let was_supporting = old
                .as_ref()
                .is_some_and(|o| o.supporting_opd_ids.contains(&opd.id));
            if opd.archived.is_some() && !was_supporting {
                return Err(Error::invalid(
                    "supportingOpdIds",
                    format!("OPD {} diarsipkan; pilih OPD lain.", opd.code),
                ));
            }
            supporting.push(opd.id);
        }

        let base = old.clone().unwrap_or_else(|| Action {
            id: new_id(),
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
        });
        let new = Action {
            theme_id: theme.id.clone(),
            code: checked.code.clone(),
            title: checked.title.clone(),
            lead_opd_id: lead.id.clone(),
            supporting_opd_ids: supporting,
            start_date: checked.start_date.clone(),
            end_date: checked.end_date.clone(),
            problem: checked.problem.clone(),
            description: checked.description.clone(),
            contribution: checked.contribution.clone(),
            ogp_values: checked.ogp_values.clone(),
            cso_partners: checked.cso_partners.clone(),
            ..base.clone()
        };
        // The narrative: whoever `access` says, and only when it changes.
        let narrative_changed = new.problem != base.problem
            || new.description != base.description
            || new.contribution != base.contribution
            || new.ogp_values != base.ogp_values
            || new.cso_partners != base.cso_partners;
        if narrative_changed {
            actor.require_narrative(tx, &new)?;
        }

        let images = images_of(
            tx,
            &new.id,
            &base.supporting_opd_ids,
            &new.supporting_opd_ids,
        )?;
        match &old {
            None => {
                actions::insert(tx, &new)?;
                record(
                    tx,
                    &actor,
                    Change::new("action", &new.id, "create")
                        .to(Some(&format!("{} {}", new.code, new.title))),
                )?;
                let undo = undo(
                    "action",
                    &new.id,
                    format!("penambahan rencana aksi {}", new.code),
                    images,
                );
                Ok((new.id, undo))
            }
            Some(old) => {
                actions::upsert_structure(tx, &new, narrative_changed)?;
                record_update(
                    tx,
                    &actor,
                    "action",
                    &new.id,
                    &Fields::of(tx, old)?,
                    &Fields::of(tx, &new)?,
                )?;
                let undo = undo(
                    "action",
                    &new.id,
                    format!("perubahan rencana aksi {}", new.code),
                    images,
                );
                Ok((new.id, undo))
            }
        }
    })
}

/// Archives an action with a reason. What OPDs entered on it is kept,
/// read-only, and no longer reported.
pub fn archive(store: &mut Store, id: &str, reason: &str) -> Result<Undo> {
    let archived = archive_now(reason)?;
    store.write(|tx| {
        let actor = require_editor(tx, "mengarsipkan rencana aksi")?;
        let old = action_of(tx, id)?;
        if old.archived.is_some() {
            return Err(Error::invalid(
                "reason",
                format!("Rencana aksi {} sudah diarsipkan.", old.code),
            ));
        }
        let image = capture(tx, "actions", &text_key("id", id))?;
        actions::set_archived(tx, id, Some(&archived))?;
        record_archive(tx, &actor, "action", id, None, Some(&archived))?;
        Ok(undo(
            "action",
            id,
            format!("pengarsipan rencana aksi {}", old.code),
            vec![image],
        ))
    })
}

/// Takes an archived action back into use: its theme and OPDs must be in use.
pub fn unarchive(store: &mut Store, id: &str) -> Result<Undo> {
    store.write(|tx| {
        let actor = require_editor(tx, "mengubah rencana aksi")?;
        let old = action_of(tx, id)?;
        if old.archived.is_none() {
            return Err(Error::invalid(
                "id",
                format!("Rencana aksi {} tidak diarsipkan.", old.code),
            ));
        }
        let theme_archived = themes::list(tx, &old.plan_id)?
            .into_iter()
            .any(|t| t.id == old.theme_id && t.archived.is_some());
        if theme_archived {
            return Err(Error::invalid(
                "themeId",
                format!(
                    "Tema rencana aksi {} diarsipkan; pulihkan temanya dahulu.",
                    old.code
                ),
            ));
        }
        for opd_id in std::iter::once(&old.lead_opd_id).chain(&old.supporting_opd_ids) {
            if let Some(opd) = opds::get(tx, opd_id)?.filter(|o| o.archived.is_some()) {
                return Err(Error::invalid(
                    "leadOpdId",
                    format!(
                        "OPD {} diarsipkan; pulihkan OPD itu dahulu atau ubah penugasan rencana aksi {}.",
                        opd.code, old.code
                    ),
                ));
            }
        }
        let image = capture(tx, "actions", &text_key("id", id))?;
        actions::set_archived(tx, id, None)?;
        record_archive(tx, &actor, "action", id, old.archived.as_ref(), None)?;
        Ok(undo(
            "action",
            id,
            format!("pemulihan rencana aksi {}", old.code),
            vec![image],
        ))
    })
}

/// Deletes an action nothing refers to; one that has data is archived instead.
pub fn delete(store: &mut Store, id: &str) -> Result<Undo> {
    store.write(|tx| {
        let actor = require_editor(tx, "mengubah rencana aksi")?;
        let old = action_of(tx, id)?;
        if in_use(tx, id)? {
            return Err(Error::Forbidden(format!(
                "Rencana aksi {} sudah berisi data OPD, masukan ko-kreasi, catatan atau penilaian \
                 mandiri, jadi tidak dihapus; arsipkan dengan alasan.",
                old.code
            )));
        }
        let images = images_of(tx, id, &old.supporting_opd_ids, &[])?;
        actions::delete(tx, id)?;
        record(
            tx,
            &actor,
            Change::new("action", id, "delete").from(Some(&format!("{} {}", old.code, old.title))),
        )?;
        Ok(undo(
            "action",
            id,
            format!("penghapusan rencana aksi {}", old.code),
            images,
        ))
    })
}

/// Whether anything refers to the action: rows OPDs entered, co-creation
/// inputs, verifier notes, its self-assessment (which deleting would take
/// with it, and an Undo of the action would not bring back).
pub fn in_use(conn: &Connection, id: &str) -> Result<bool> {
    for sql in [
        "SELECT 1 FROM milestones WHERE action_id = ?1",
        "SELECT 1 FROM indicators WHERE action_id = ?1",
        "SELECT 1 FROM session_inputs WHERE action_id = ?1",
        "SELECT 1 FROM review_notes WHERE subject_kind = 'action' AND subject_id = ?1",
        "SELECT 1 FROM self_assessments WHERE action_id = ?1",
    ] {
        if exists(conn, sql, id)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn action_of(tx: &Transaction<'_>, id: &str) -> Result<Action> {
    let plan = plans::require_current(tx)?;
    actions::get(tx, id)?
        .filter(|a| a.plan_id == plan.id)
        .ok_or_else(|| Error::NotFound("Rencana aksi".into()))
}

/// The action's row and its supporting OPD rows, old and new, as they are now.
fn images_of(
    tx: &Transaction<'_>,
    id: &str,
    old_supporting: &[String],
    new_supporting: &[String],
) -> Result<Vec<RowImage>> {
    let mut images = vec![capture(tx, "actions", &text_key("id", id))?];
    let mut keys: Vec<&String> = old_supporting.iter().chain(new_supporting).collect();
    keys.sort();
    keys.dedup();
    for opd_id in keys {
        images.push(capture(
            tx,
            "action_supporting_opds",
            &[
                ("action_id", Value::Text(id.to_string())),
                ("opd_id", Value::Text(opd_id.clone())),
            ],
        )?);
    }
    Ok(images)
}

/// A date must fall inside the plan's years.
fn within_plan(plan: &Plan, value: &Option<String>, field: &str, label: &str) -> Result<()> {
    let Some(value) = value else { return Ok(()) };
    let first = format!("{}-01-01", plan.year_start);
    let last = format!("{}-12-31", plan.year_end);
    if value.as_str() < first.as_str() || value.as_str() > last.as_str() {
        return Err(Error::invalid(
            field,
            format!(
                "{label} harus di dalam masa rencana aksi ({}-{}).",
                plan.year_start, plan.year_end
            ),
        ));
    }
    Ok(())
}
