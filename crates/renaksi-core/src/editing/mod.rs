//! Changes a user makes in the workspace. Each public function is one user
//! action: it checks ownership (`access`), validates the input with a message
//! for the field it belongs to, writes in one IMMEDIATE transaction, records
//! the audit history (who, when, old -> new), and returns what undoes it.

pub mod evidence;
pub mod indicators;
pub mod lengths;
pub mod milestones;
pub mod narrative;
pub mod values;

use chrono::NaiveDate;
use rusqlite::{Connection, Transaction};
use serde::Serialize;

use crate::access::Actor;
use crate::profile::{self, Profile};
use crate::store::audit::{self, Change};
use crate::store::undo::{self, RowImage};
use crate::{Error, Result, Store};

/// What undoes one saved user action.
#[derive(Debug, Clone, PartialEq)]
pub struct Undo {
    /// The entity whose history records the undo.
    pub entity: &'static str,
    pub entity_id: String,
    pub description: String,
    images: Vec<RowImage>,
}

impl Undo {
    pub(crate) fn new(
        entity: &'static str,
        entity_id: &str,
        description: String,
        images: Vec<RowImage>,
    ) -> Undo {
        Undo {
            entity,
            entity_id: entity_id.to_string(),
            description,
            images,
        }
    }
}

/// Puts back the rows a user action changed, as one new user action.
pub fn undo(store: &mut Store, undo: &Undo) -> Result<()> {
    let actor = current_profile(store.conn())?.user_name;
    store.write(|tx| {
        undo::restore(tx, &undo.images)?;
        audit::record(
            tx,
            &actor,
            &Change {
                entity: undo.entity,
                entity_id: &undo.entity_id,
                operation: "undo",
                field: None,
                old: None,
                new: Some(&undo.description),
            },
        )
    })
}

/// The profile of this database, which every change is made as.
pub fn current_profile(conn: &Connection) -> Result<Profile> {
    profile::load(conn)?.ok_or(Error::NoProfile)
}

pub(crate) fn actor(conn: &Connection) -> Result<Actor> {
    Actor::resolve(conn, &current_profile(conn)?)
}

/// A required text: trimmed, not empty, not longer than `max` characters.
pub(crate) fn required(field: &str, value: &str, label: &str, max: usize) -> Result<String> {
    let value = optional(field, value, label, max)?;
    if value.is_empty() {
        return Err(Error::invalid(field, format!("{label} wajib diisi.")));
    }
    Ok(value)
}

/// An optional text: trimmed, not longer than `max` characters.
pub(crate) fn optional(field: &str, value: &str, label: &str, max: usize) -> Result<String> {
    let value = value.trim();
    if value.chars().count() > max {
        return Err(Error::invalid(
            field,
            format!("{label} terlalu panjang (paling banyak {max} karakter)."),
        ));
    }
    Ok(value.to_string())
}

/// A date written YYYY-MM-DD, or nothing.
pub(crate) fn date(field: &str, value: Option<&str>, label: &str) -> Result<Option<String>> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(text) => NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(|d| Some(d.format("%Y-%m-%d").to_string()))
            .map_err(|_| {
                Error::invalid(
                    field,
                    format!("{label} tidak valid; pilih tanggal dari kalender."),
                )
            }),
    }
}

/// The end must not come before the start.
pub(crate) fn date_range(start: &Option<String>, end: &Option<String>) -> Result<()> {
    if let (Some(start), Some(end)) = (start, end) {
        if end < start {
            return Err(Error::invalid(
                "endDate",
                "Tanggal selesai harus sama dengan atau sesudah tanggal mulai.",
            ));
        }
    }
    Ok(())
}

/// A number of 0 or more (targets, realisations, baselines).
pub(crate) fn non_negative(field: &str, value: f64, label: &str) -> Result<f64> {
    if !value.is_finite() || value < 0.0 {
        return Err(Error::invalid(
            field,
            format!("{label} harus berupa angka 0 atau lebih."),
        ));
    }
    Ok(value)
}

/// Records in the audit history every field that differs between `old` and
/// `new` (serialised the way the UI sees them).
pub(crate) fn record_update<T: Serialize>(
    tx: &Transaction<'_>,
    actor: &Actor,
    entity: &str,
    entity_id: &str,
    old: &T,
    new: &T,
) -> Result<usize> {
    let (old, new) = (to_fields(old), to_fields(new));
    let mut changed = 0;
    for (field, new_value) in &new {
        let old_value = old
            .iter()
            .find(|(f, _)| f == field)
            .and_then(|(_, v)| v.clone());
        if old_value != *new_value {
            changed += 1;
            let change = Change::new(entity, entity_id, "update")
                .on(field)
                .from(old_value.as_deref())
                .to(new_value.as_deref());
            record(tx, actor, change)?;
        }
    }
    Ok(changed)
}

/// Records one change of this actor in the audit history.
pub(crate) fn record(tx: &Transaction<'_>, actor: &Actor, change: Change<'_>) -> Result<()> {
    audit::record(tx, actor.name(), &change)
}

fn to_fields<T: Serialize>(value: &T) -> Vec<(String, Option<String>)> {
    let serde_json::Value::Object(map) = serde_json::to_value(value).unwrap_or_default() else {
        return Vec::new();
    };
    map.into_iter()
        .map(|(field, value)| {
            let text = match value {
                serde_json::Value::Null => None,
                serde_json::Value::String(s) => Some(s),
                other => Some(other.to_string()),
            };
            (field, text)
        })
        .collect()
}

pub(crate) use crate::ids::new_id;

pub(crate) fn text_key(
    column: &'static str,
    value: &str,
) -> Vec<(&'static str, rusqlite::types::Value)> {
    vec![(column, rusqlite::types::Value::Text(value.to_string()))]
}
