//! The lead OPD's narrative of an action: problem, description, contribution,
//! OGP values and CSO partners.

use serde::{Deserialize, Serialize};

use super::{actor, optional, record_update, text_key, Undo};
use crate::model::{Action, OgpValue};
use crate::store::actions;
use crate::store::undo::capture;
use crate::{Error, Result, Store};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct NarrativeInput {
    pub action_id: String,
    pub problem: String,
    pub description: String,
    pub contribution: String,
    pub ogp_values: Vec<OgpValue>,
    pub cso_partners: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fields<'a> {
    problem: &'a str,
    description: &'a str,
    contribution: &'a str,
    ogp_values: String,
    cso_partners: &'a str,
}

impl<'a> From<&'a Action> for Fields<'a> {
    fn from(a: &'a Action) -> Self {
        Fields {
            problem: &a.problem,
            description: &a.description,
            contribution: &a.contribution,
            ogp_values: a
                .ogp_values
                .iter()
                .map(|v| v.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            cso_partners: &a.cso_partners,
        }
    }
}

pub fn save(store: &mut Store, input: &NarrativeInput) -> Result<Undo> {
    let problem = optional(
        "problem",
        &input.problem,
        "Permasalahan",
        super::lengths::NARRATIVE_TEXT,
    )?;
    let description = optional(
        "description",
        &input.description,
        "Deskripsi",
        super::lengths::NARRATIVE_TEXT,
    )?;
    let contribution = optional(
        "contribution",
        &input.contribution,
        "Kontribusi",
        super::lengths::NARRATIVE_TEXT,
    )?;
    let cso_partners = optional(
        "csoPartners",
        &input.cso_partners,
        "Mitra OMS",
        super::lengths::CSO_PARTNERS,
    )?;
    let mut ogp_values: Vec<OgpValue> = OgpValue::ALL
        .iter()
        .copied()
        .filter(|v| input.ogp_values.contains(v))
        .collect();
    ogp_values.dedup();

    store.write(|tx| {
        let actor = actor(tx)?;
        let old = actions::get(tx, &input.action_id)?
            .ok_or_else(|| Error::NotFound("Rencana aksi".into()))?;
        crate::access::require_active_plan(tx, &old.plan_id)?;
        actor.require_narrative(tx, &old)?;
        if old.archived.is_some() {
            return Err(Error::Forbidden(format!(
                "Rencana aksi {} sudah diarsipkan oleh Bappeda; narasinya hanya dapat dibaca.",
                old.code
            )));
        }
        let new = Action {
            problem,
            description,
            contribution,
            ogp_values,
            cso_partners,
            ..old.clone()
        };
        let image = capture(tx, "actions", &text_key("id", &old.id))?;
        actions::update_narrative(tx, &new)?;
        record_update(
            tx,
            &actor,
            "action",
            &old.id,
            &Fields::from(&old),
            &Fields::from(&new),
        )?;
        Ok(Undo::new(
            "action",
            &old.id,
            format!("perubahan narasi {}", old.code),
            vec![image],
        ))
    })
}
