//! Quarterly targets and realisations of an OPD's indicators. Closed quarters
//! cannot change.

use rusqlite::types::Value;
use rusqlite::Transaction;
use serde::{Deserialize, Serialize};

use super::{actor, non_negative, optional, record, Undo};
use crate::access::{require_open, Actor};
use crate::model::{Indicator, Realisation, Target};
use crate::period::{roman, PeriodRef};
use crate::store::audit::Change;
use crate::store::undo::capture;
use crate::store::{actions, indicators, realisations, targets};
use crate::{Error, Result, Store};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TargetsInput {
    pub indicator_id: String,
    pub year: i32,
    /// Triwulan I-IV; `None` clears a quarter's target.
    pub values: Vec<Option<f64>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RealisationInput {
    pub indicator_id: String,
    pub year: i32,
    pub quarter: u8,
    pub value: Option<f64>,
    pub notes: String,
    pub obstacles: String,
    pub follow_up: String,
}

/// Sets the four quarterly targets of one plan year.
pub fn save_targets(store: &mut Store, input: &TargetsInput) -> Result<Undo> {
    if input.values.len() != 4 {
        return Err(Error::invalid("values", "Isi target untuk empat triwulan."));
    }
    let values: Vec<Option<f64>> = input
        .values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            v.map(|v| non_negative(&format!("values.{i}"), v, "Target"))
                .transpose()
        })
        .collect::<Result<_>>()?;

    store.write(|tx| {
        let (actor, indicator, plan_id) = owned_indicator(tx, &input.indicator_id)?;
        require_plan_year(tx, &plan_id, input.year)?;
        let mut images = Vec::new();
        let mut changed = 0;
        for (quarter, value) in (1u8..=4).zip(values.iter().copied()) {
            let key = target_key(&indicator.id, input.year, quarter);
            let old = current_target(tx, &indicator.id, input.year, quarter)?;
            if old == value {
                continue;
            }
            require_open(tx, &plan_id, PeriodRef::new(input.year, quarter)?)?;
            images.push(capture(tx, "targets", &key)?);
            match value {
                Some(value) => targets::upsert(
                    tx,
                    &Target {
                        indicator_id: indicator.id.clone(),
                        year: input.year,
                        quarter,
                        value,
                    },
                )?,
                None => targets::delete(tx, &indicator.id, input.year, quarter)?,
            }
            let field = format!("target {} TW {}", input.year, roman(quarter));
            let (old, new) = (old.map(|v| v.to_string()), value.map(|v| v.to_string()));
            record(
                tx,
                &actor,
                Change::new("indicator", &indicator.id, "update")
                    .on(&field)
                    .from(old.as_deref())
                    .to(new.as_deref()),
            )?;
            changed += 1;
        }
        let description = format!("perubahan {changed} target tahun {}", input.year);
        Ok(Undo::new("indicator", &indicator.id, description, images))
    })
}

/// Sets the realisation of one quarter, with its notes, kendala and tindak lanjut.
pub fn save_realisation(store: &mut Store, input: &RealisationInput) -> Result<Undo> {
    let period = PeriodRef::new(input.year, input.quarter)?;
    let value = input
        .value
        .map(|v| non_negative("value", v, "Realisasi"))
        .transpose()?;
    let notes = optional(
        "notes",
        &input.notes,
        "Keterangan",
        super::lengths::REALISATION_TEXT,
    )?;
    let obstacles = optional(
        "obstacles",
        &input.obstacles,
        "Kendala",
        super::lengths::REALISATION_TEXT,
    )?;
    let follow_up = optional(
        "followUp",
        &input.follow_up,
        "Tindak lanjut",
        super::lengths::REALISATION_TEXT,
    )?;

    store.write(|tx| {
        let (actor, indicator, plan_id) = owned_indicator(tx, &input.indicator_id)?;
        require_plan_year(tx, &plan_id, input.year)?;
        require_open(tx, &plan_id, period)?;
        let old = realisations::get(tx, &indicator.id, input.year, input.quarter)?;
        let image = capture(
            tx,
            "realisations",
            &target_key(&indicator.id, input.year, input.quarter),
        )?;
        let new = Realisation {
            indicator_id: indicator.id.clone(),
            year: input.year,
            quarter: input.quarter,
            value,
            notes,
            obstacles,
            follow_up,
        };
        realisations::upsert(tx, &new)?;
        let label = format!("{} TW {}", input.year, roman(input.quarter));
        let fields: [(&str, Option<String>, Option<String>); 4] = [
            (
                "realisasi",
                old.as_ref().and_then(|o| o.value).map(|v| v.to_string()),
                value.map(|v| v.to_string()),
            ),
            (
                "keterangan",
                old.as_ref().map(|o| o.notes.clone()),
                Some(new.notes.clone()),
            ),
            (
                "kendala",
                old.as_ref().map(|o| o.obstacles.clone()),
                Some(new.obstacles.clone()),
            ),
            (
                "tindak lanjut",
                old.as_ref().map(|o| o.follow_up.clone()),
                Some(new.follow_up.clone()),
            ),
        ];
        for (name, old_value, new_value) in fields {
            let blank = |v: &Option<String>| v.as_deref().unwrap_or("").is_empty();
            if old_value == new_value || (blank(&old_value) && blank(&new_value)) {
                continue;
            }
            let field = format!("{name} {label}");
            record(
                tx,
                &actor,
                Change::new("indicator", &indicator.id, "update")
                    .on(&field)
                    .from(old_value.as_deref())
                    .to(new_value.as_deref()),
            )?;
        }
        Ok(Undo::new(
            "indicator",
            &indicator.id,
            format!("perubahan realisasi {}", period.label()),
            vec![image],
        ))
    })
}

/// The indicator, checked to belong to this profile's OPD, with its plan id.
fn owned_indicator(tx: &Transaction<'_>, id: &str) -> Result<(Actor, Indicator, String)> {
    let actor = actor(tx)?;
    let indicator = indicators::get(tx, id)?.ok_or_else(|| Error::NotFound("Indikator".into()))?;
    let action = actions::get(tx, &indicator.action_id)?
        .ok_or_else(|| Error::NotFound("Rencana aksi".into()))?;
    crate::access::require_active_plan(tx, &action.plan_id)?;
    actor.require_row(tx, &action, &indicator.opd_id, "indikator")?;
    Ok((actor, indicator, action.plan_id))
}

fn require_plan_year(tx: &Transaction<'_>, plan_id: &str, year: i32) -> Result<()> {
    let (start, end): (i32, i32) = tx.query_row(
        "SELECT year_start, year_end FROM plans WHERE id = ?1",
        [plan_id],
        |row| Ok((row.get(0)?, row.get(1)?)),
    )?;
    if !(start..=end).contains(&year) {
        return Err(Error::invalid(
            "year",
            format!("Tahun {year} di luar masa rencana ({start}-{end})."),
        ));
    }
    Ok(())
}

fn current_target(
    tx: &Transaction<'_>,
    indicator_id: &str,
    year: i32,
    quarter: u8,
) -> Result<Option<f64>> {
    use rusqlite::OptionalExtension;
    Ok(tx
        .query_row(
            "SELECT value FROM targets WHERE indicator_id = ?1 AND year = ?2 AND quarter = ?3",
            rusqlite::params![indicator_id, year, quarter],
            |row| row.get(0),
        )
        .optional()?)
}

fn target_key(indicator_id: &str, year: i32, quarter: u8) -> Vec<(&'static str, Value)> {
    vec![
        ("indicator_id", Value::Text(indicator_id.to_string())),
        ("year", Value::Integer(year.into())),
        ("quarter", Value::Integer(quarter.into())),
    ]
}
