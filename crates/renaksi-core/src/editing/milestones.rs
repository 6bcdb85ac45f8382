//! Adding, changing and removing an OPD's milestones.

use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use super::{
    actor, date, date_range, new_id, optional, record, record_update, required, text_key, Undo,
};
use crate::model::{Milestone, MilestoneStatus};
use crate::store::audit::Change;
use crate::store::undo::capture;
use crate::store::{actions, milestones};
use crate::{Error, Result, Store};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct MilestoneInput {
    /// `None` to add a milestone.
    pub id: Option<String>,
    pub action_id: String,
    pub title: String,
    pub output: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub status: MilestoneStatus,
}

/// The fields a user edits, for the audit history.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fields<'a> {
    title: &'a str,
    output: &'a str,
    start_date: &'a Option<String>,
    end_date: &'a Option<String>,
    status: &'a str,
}

impl<'a> From<&'a Milestone> for Fields<'a> {
    fn from(m: &'a Milestone) -> Self {
        Fields {
            title: &m.title,
            output: &m.output,
            start_date: &m.start_date,
            end_date: &m.end_date,
            status: m.status.as_str(),
        }
    }
}

/// Saves a new or changed milestone; returns its id and what undoes the save.
pub fn save(store: &mut Store, input: &MilestoneInput) -> Result<(String, Undo)> {
    let title = required(
        "title",
        &input.title,
        "Judul tonggak",
        super::lengths::MILESTONE_TITLE,
    )?;
    let output = optional(
        "output",
        &input.output,
        "Keluaran",
        super::lengths::MILESTONE_OUTPUT,
    )?;
    let start_date = date("startDate", input.start_date.as_deref(), "Tanggal mulai")?;
    let end_date = date("endDate", input.end_date.as_deref(), "Tanggal selesai")?;
    date_range(&start_date, &end_date)?;

    store.write(|tx| {
        let actor = actor(tx)?;
        let action = actions::get(tx, &input.action_id)?
            .ok_or_else(|| Error::NotFound("Rencana aksi".into()))?;
        crate::access::require_active_plan(tx, &action.plan_id)?;
        match &input.id {
            None => {
                let opd = actor.require_assigned(&action, "tonggak")?;
                let milestone = Milestone {
                    id: new_id(),
                    action_id: action.id.clone(),
                    opd_id: opd.id.clone(),
                    seq: milestones::next_seq(tx, &action.id)?,
                    title,
                    output,
                    start_date,
                    end_date,
                    status: input.status,
                };
                let image = capture(tx, "milestones", &text_key("id", &milestone.id))?;
                milestones::insert(tx, &milestone)?;
                record(
                    tx,
                    &actor,
                    Change::new("milestone", &milestone.id, "create").to(Some(&milestone.title)),
                )?;
                let undo = Undo::new(
                    "milestone",
                    &milestone.id,
                    format!("penambahan tonggak \"{}\"", milestone.title),
                    vec![image],
                );
                Ok((milestone.id, undo))
            }
            Some(id) => {
                let old =
                    milestones::get(tx, id)?.ok_or_else(|| Error::NotFound("Tonggak".into()))?;
                if old.action_id != action.id {
                    return Err(Error::NotFound("Tonggak".into()));
                }
                actor.require_row(tx, &action, &old.opd_id, "tonggak")?;
                let new = Milestone {
                    title,
                    output,
                    start_date,
                    end_date,
                    status: input.status,
                    ..old.clone()
                };
                let image = capture(tx, "milestones", &text_key("id", id))?;
                milestones::update(tx, &new)?;
                record_update(
                    tx,
                    &actor,
                    "milestone",
                    id,
                    &Fields::from(&old),
                    &Fields::from(&new),
                )?;
                let undo = Undo::new(
                    "milestone",
                    id,
                    format!("perubahan tonggak \"{}\"", new.title),
                    vec![image],
                );
                Ok((id.clone(), undo))
            }
        }
    })
}

/// Removes a milestone with its evidence; indicators tied to it stay, untied.
pub fn delete(store: &mut Store, id: &str) -> Result<Undo> {
    store.write(|tx| {
        let actor = actor(tx)?;
        let old = milestones::get(tx, id)?.ok_or_else(|| Error::NotFound("Tonggak".into()))?;
        crate::access::require_active_action(tx, &old.action_id)?;
        let action = actions::get(tx, &old.action_id)?
            .ok_or_else(|| Error::NotFound("Rencana aksi".into()))?;
        actor.require_row(tx, &action, &old.opd_id, "tonggak")?;
        let mut images = vec![capture(tx, "milestones", &text_key("id", id))?];
        for table in ["evidence", "indicators"] {
            let mut stmt =
                tx.prepare(&format!("SELECT id FROM {table} WHERE milestone_id = ?1"))?;
            let ids: Vec<String> = stmt
                .query_map([id], |row| row.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            for child in ids {
                images.push(capture(tx, table, &[("id", Value::Text(child))])?);
            }
        }
        milestones::delete(tx, id)?;
        record(
            tx,
            &actor,
            Change::new("milestone", id, "delete").from(Some(&old.title)),
        )?;
        Ok(Undo::new(
            "milestone",
            id,
            format!("penghapusan tonggak \"{}\"", old.title),
            images,
        ))
    })
}
