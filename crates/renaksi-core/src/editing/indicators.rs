//! Adding, changing and removing an OPD's indicators.

use rusqlite::types::Value;
use serde::{Deserialize, Serialize};

use super::{actor, new_id, non_negative, record, record_update, required, text_key, Undo};
use crate::model::{Aggregation, Indicator, Polarity};
use crate::store::audit::Change;
use crate::store::undo::capture;
use crate::store::{actions, indicators, milestones};
use crate::{Error, Result, Store};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorInput {
    /// `None` to add an indicator.
    pub id: Option<String>,
    pub action_id: String,
    pub milestone_id: Option<String>,
    pub description: String,
    pub unit: String,
    pub baseline: Option<f64>,
    pub polarity: Polarity,
    pub aggregation: Aggregation,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fields<'a> {
    milestone_id: &'a Option<String>,
    description: &'a str,
    unit: &'a str,
    baseline: Option<f64>,
    polarity: &'a str,
    aggregation: &'a str,
}

impl<'a> From<&'a Indicator> for Fields<'a> {
    fn from(i: &'a Indicator) -> Self {
        Fields {
            milestone_id: &i.milestone_id,
            description: &i.description,
            unit: &i.unit,
            baseline: i.baseline,
            polarity: i.polarity.as_str(),
            aggregation: i.aggregation.as_str(),
        }
    }
}

/// Saves a new or changed indicator; returns its id and what undoes the save.
pub fn save(store: &mut Store, input: &IndicatorInput) -> Result<(String, Undo)> {
    let description = required(
        "description",
        &input.description,
        "Uraian indikator",
        super::lengths::INDICATOR_DESCRIPTION,
    )?;
    let unit = required(
        "unit",
        &input.unit,
        "Satuan",
        super::lengths::INDICATOR_UNIT,
    )?;
    let baseline = input
        .baseline
        .map(|b| non_negative("baseline", b, "Baseline"))
        .transpose()?;

    store.write(|tx| {
        let actor = actor(tx)?;
        let action = actions::get(tx, &input.action_id)?
            .ok_or_else(|| Error::NotFound("Rencana aksi".into()))?;
        crate::access::require_active_plan(tx, &action.plan_id)?;
        let owner_id = match &input.id {
            None => actor.require_assigned(&action, "indikator")?.id.clone(),
            Some(id) => {
                // The indicator's own action decides, not the one the caller names.
                let old = indicators::get(tx, id)?
                    .filter(|old| old.action_id == action.id)
                    .ok_or_else(|| Error::NotFound("Indikator".into()))?;
                actor.require_row(tx, &action, &old.opd_id, "indikator")?;
                old.opd_id
            }
        };
        if let Some(milestone_id) = &input.milestone_id {
            let milestone = milestones::get(tx, milestone_id)?;
            if !milestone.is_some_and(|m| m.action_id == action.id && m.opd_id == owner_id) {
                return Err(Error::invalid(
                    "milestoneId",
                    "Pilih tonggak dari rencana aksi ini yang dimiliki OPD yang sama.",
                ));
            }
        }
        match &input.id {
            None => {
                let indicator = Indicator {
                    id: new_id(),
                    action_id: action.id.clone(),
                    milestone_id: input.milestone_id.clone(),
                    opd_id: owner_id,
                    seq: indicators::next_seq(tx, &action.id)?,
                    description,
                    unit,
                    baseline,
                    polarity: input.polarity,
                    aggregation: input.aggregation,
                };
                let image = capture(tx, "indicators", &text_key("id", &indicator.id))?;
                indicators::insert(tx, &indicator)?;
                record(
                    tx,
                    &actor,
                    Change::new("indicator", &indicator.id, "create")
                        .to(Some(&indicator.description)),
                )?;
                let undo = Undo::new(
                    "indicator",
                    &indicator.id,
                    format!("penambahan indikator \"{}\"", indicator.description),
                    vec![image],
                );
                Ok((indicator.id, undo))
            }
            Some(id) => {
                let old =
                    indicators::get(tx, id)?.ok_or_else(|| Error::NotFound("Indikator".into()))?;
                let new = Indicator {
                    milestone_id: input.milestone_id.clone(),
                    description,
                    unit,
                    baseline,
                    polarity: input.polarity,
                    aggregation: input.aggregation,
                    ..old.clone()
                };
                let image = capture(tx, "indicators", &text_key("id", id))?;
                indicators::update(tx, &new)?;
                record_update(
                    tx,
                    &actor,
                    "indicator",
                    id,
                    &Fields::from(&old),
                    &Fields::from(&new),
                )?;
                let undo = Undo::new(
                    "indicator",
                    id,
                    format!("perubahan indikator \"{}\"", new.description),
                    vec![image],
                );
                Ok((id.clone(), undo))
            }
        }
    })
}

/// Removes an indicator with its targets, realisations and evidence.
pub fn delete(store: &mut Store, id: &str) -> Result<Undo> {
    store.write(|tx| {
        let actor = actor(tx)?;
        let old = indicators::get(tx, id)?.ok_or_else(|| Error::NotFound("Indikator".into()))?;
        crate::access::require_active_action(tx, &old.action_id)?;
        let action = actions::get(tx, &old.action_id)?
            .ok_or_else(|| Error::NotFound("Rencana aksi".into()))?;
        actor.require_row(tx, &action, &old.opd_id, "indikator")?;
        let mut images = vec![capture(tx, "indicators", &text_key("id", id))?];
        for table in ["targets", "realisations"] {
            let mut stmt = tx.prepare(&format!(
                "SELECT year, quarter FROM {table} WHERE indicator_id = ?1"
            ))?;
            let keys: Vec<(i64, i64)> = stmt
                .query_map([id], |row| Ok((row.get(0)?, row.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            for (year, quarter) in keys {
                // Its values in a quarter Bappeda closed may not go with it.
                crate::access::require_open(
                    tx,
                    &action.plan_id,
                    crate::period::PeriodRef::new(year as i32, quarter as u8)?,
                )?;
                let key = [
                    ("indicator_id", Value::Text(id.to_string())),
                    ("year", Value::Integer(year)),
                    ("quarter", Value::Integer(quarter)),
                ];
                images.push(capture(tx, table, &key)?);
            }
        }
        let mut stmt = tx.prepare("SELECT id FROM evidence WHERE indicator_id = ?1")?;
        let evidence: Vec<String> = stmt
            .query_map([id], |row| row.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        for evidence_id in evidence {
            images.push(capture(tx, "evidence", &text_key("id", &evidence_id))?);
        }
        indicators::delete(tx, id)?;
        record(
            tx,
            &actor,
            Change::new("indicator", id, "delete").from(Some(&old.description)),
        )?;
        Ok(Undo::new(
            "indicator",
            id,
            format!("penghapusan indikator \"{}\"", old.description),
            images,
        ))
    })
}
