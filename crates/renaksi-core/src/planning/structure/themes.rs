//! The plan's themes: order, title and description.

use rusqlite::Transaction;
use serde::{Deserialize, Serialize};

use super::{archive_now, record_archive, require_editor, undo};
use crate::editing::{lengths, new_id, optional, record, record_update, required, text_key, Undo};
use crate::model::Theme;
use crate::store::audit::Change;
use crate::store::undo::{capture, RowImage};
use crate::store::{actions, plans, themes};
use crate::{Error, Result, Store};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ThemeInput {
    /// `None` to add a theme (it comes last).
    pub id: Option<String>,
    pub name: String,
    pub description: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fields<'a> {
    name: &'a str,
    description: &'a str,
}

impl<'a> From<&'a Theme> for Fields<'a> {
    fn from(t: &'a Theme) -> Self {
        Fields {
            name: &t.name,
            description: &t.description,
        }
    }
}

/// Adds or changes a theme of the current plan; returns its id and what undoes it.
pub fn save(store: &mut Store, input: &ThemeInput) -> Result<(String, Undo)> {
    let name = required("name", &input.name, "Judul tema", lengths::THEME_NAME)?;
    let description = optional(
        "description",
        &input.description,
        "Uraian tema",
        lengths::THEME_DESCRIPTION,
    )?;
    store.write(|tx| {
        let actor = require_editor(tx, "mengubah tema rencana aksi")?;
        let plan = plans::require_current(tx)?;
        match &input.id {
            None => {
                let theme = Theme {
                    id: new_id(),
                    plan_id: plan.id.clone(),
                    seq: themes::next_seq(tx, &plan.id)?,
                    name,
                    description,
                    archived: None,
                };
                let image = capture(tx, "themes", &text_key("id", &theme.id))?;
                themes::insert(tx, &theme)?;
                record(
                    tx,
                    &actor,
                    Change::new("theme", &theme.id, "create").to(Some(&theme.name)),
                )?;
                let undo = undo(
                    "theme",
                    &theme.id,
                    format!("penambahan tema \"{}\"", theme.name),
                    vec![image],
                );
                Ok((theme.id, undo))
            }
            Some(id) => {
                let old = theme_of(tx, &plan.id, id)?;
                let new = Theme {
                    name,
                    description,
                    ..old.clone()
                };
                let image = capture(tx, "themes", &text_key("id", id))?;
                themes::upsert(tx, &new)?;
                record_update(
                    tx,
                    &actor,
                    "theme",
                    id,
                    &Fields::from(&old),
                    &Fields::from(&new),
                )?;
                let undo = undo(
                    "theme",
                    id,
                    format!("perubahan tema \"{}\"", new.name),
                    vec![image],
                );
                Ok((id.clone(), undo))
            }
        }
    })
}

/// Puts the plan's themes in the order of `ids` (every theme of the plan, each
/// once), numbered 1, 2, ... in one transaction.
pub fn reorder(store: &mut Store, ids: &[String]) -> Result<Undo> {
    store.write(|tx| {
        let actor = require_editor(tx, "mengubah urutan tema")?;
        let plan = plans::require_current(tx)?;
        let current = themes::list(tx, &plan.id)?;
        let mut given: Vec<&str> = ids.iter().map(String::as_str).collect();
        given.sort_unstable();
        let mut known: Vec<&str> = current.iter().map(|t| t.id.as_str()).collect();
        known.sort_unstable();
        if given != known {
            return Err(Error::invalid(
                "order",
                "Urutan tema harus memuat setiap tema rencana aksi tepat satu kali.",
            ));
        }
        let mut images = Vec::new();
        renumber(tx, ids, &mut images)?;
        let order = ids
            .iter()
            .filter_map(|id| current.iter().find(|t| &t.id == id))
            .map(|t| t.name.as_str())
            .collect::<Vec<_>>()
            .join(" | ");
        record(
            tx,
            &actor,
            Change::new("plan", &plan.id, "update")
                .on("urutan tema")
                .to(Some(&order)),
        )?;
        Ok(undo(
            "plan",
            &plan.id,
            "perubahan urutan tema".into(),
            images,
        ))
    })
}

/// Numbers the themes `ids` 1, 2, ... Since a number is unique per plan, they
/// pass through free negative numbers first; the images pushed restore the
/// same way (the negative numbers, then the old ones).
fn renumber(tx: &Transaction<'_>, ids: &[String], images: &mut Vec<RowImage>) -> Result<()> {
    let old: Vec<RowImage> = ids
        .iter()
        .map(|id| capture(tx, "themes", &text_key("id", id)))
        .collect::<Result<_>>()?;
    for (i, id) in ids.iter().enumerate() {
        themes::set_seq(tx, id, -(i as i64) - 1)?;
    }
    for id in ids {
        images.push(capture(tx, "themes", &text_key("id", id))?);
    }
    images.extend(old);
    for (i, id) in ids.iter().enumerate() {
        themes::set_seq(tx, id, i as i64 + 1)?;
    }
    Ok(())
}

/// Archives a theme with a reason; its actions must be moved or archived first.
pub fn archive(store: &mut Store, id: &str, reason: &str) -> Result<Undo> {
    let archived = archive_now(reason)?;
    store.write(|tx| {
        let actor = require_editor(tx, "mengarsipkan tema")?;
        let plan = plans::require_current(tx)?;
        let old = theme_of(tx, &plan.id, id)?;
        if old.archived.is_some() {
            return Err(Error::invalid("reason", "Tema ini sudah diarsipkan."));
        }
        let busy: Vec<String> = actions::list(tx, &plan.id)?
            .into_iter()
            .filter(|a| a.theme_id == id && a.archived.is_none())
            .map(|a| a.code)
            .collect();
        if !busy.is_empty() {
            return Err(Error::invalid(
                "reason",
                format!(
                    "Tema ini masih memuat rencana aksi {}. Pindahkan ke tema lain atau arsipkan \
                     lebih dahulu.",
                    busy.join(", ")
                ),
            ));
        }
        let image = capture(tx, "themes", &text_key("id", id))?;
        themes::set_archived(tx, id, Some(&archived))?;
        record_archive(tx, &actor, "theme", id, None, Some(&archived))?;
        Ok(undo(
            "theme",
            id,
            format!("pengarsipan tema \"{}\"", old.name),
            vec![image],
        ))
    })
}

/// Takes an archived theme back into use.
pub fn unarchive(store: &mut Store, id: &str) -> Result<Undo> {
    store.write(|tx| {
        let actor = require_editor(tx, "mengubah tema rencana aksi")?;
        let plan = plans::require_current(tx)?;
        let old = theme_of(tx, &plan.id, id)?;
        if old.archived.is_none() {
            return Err(Error::invalid("id", "Tema ini tidak diarsipkan."));
        }
        let image = capture(tx, "themes", &text_key("id", id))?;
        themes::set_archived(tx, id, None)?;
        record_archive(tx, &actor, "theme", id, old.archived.as_ref(), None)?;
        Ok(undo(
            "theme",
            id,
            format!("pemulihan tema \"{}\"", old.name),
            vec![image],
        ))
    })
}

/// Deletes a theme without actions; the themes after it move up one number.
pub fn delete(store: &mut Store, id: &str) -> Result<Undo> {
    store.write(|tx| {
        let actor = require_editor(tx, "mengubah tema rencana aksi")?;
        let plan = plans::require_current(tx)?;
        let old = theme_of(tx, &plan.id, id)?;
        if actions::list(tx, &plan.id)?
            .iter()
            .any(|a| a.theme_id == id)
        {
            return Err(Error::Forbidden(format!(
                "Tema \"{}\" memuat rencana aksi, jadi tidak dihapus; arsipkan dengan alasan.",
                old.name
            )));
        }
        let mut images = Vec::new();
        let deleted = capture(tx, "themes", &text_key("id", id))?;
        themes::delete(tx, id)?;
        let rest: Vec<String> = themes::list(tx, &plan.id)?
            .into_iter()
            .map(|t| t.id)
            .collect();
        renumber(tx, &rest, &mut images)?;
        images.push(deleted);
        record(
            tx,
            &actor,
            Change::new("theme", id, "delete").from(Some(&old.name)),
        )?;
        Ok(undo(
            "theme",
            id,
            format!("penghapusan tema \"{}\"", old.name),
            images,
        ))
    })
}

fn theme_of(tx: &Transaction<'_>, plan_id: &str, id: &str) -> Result<Theme> {
    themes::list(tx, plan_id)?
        .into_iter()
        .find(|t| t.id == id)
        .ok_or_else(|| Error::NotFound("Tema".into()))
}
