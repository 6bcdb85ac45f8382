//! Tables `actions` and `action_supporting_opds`: the plan's commitments.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, Connection, Transaction};

use super::now;
use crate::model::{Action, OgpValue};
use crate::Result;

pub fn insert(tx: &Transaction<'_>, action: &Action) -> Result<()> {
    let has = |value| action.ogp_values.contains(&value);
    tx.execute(
        "INSERT INTO actions (id, plan_id, theme_id, code, title, problem, description, contribution,
                              value_transparency, value_participation, value_accountability,
                              value_technology_innovation, lead_opd_id, cso_partners,
                              start_date, end_date, updated_at, archived_at, archive_reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17,
                 ?18, ?19)",
        params![
            action.id,
            action.plan_id,
            action.theme_id,
            action.code,
            action.title,
            action.problem,
            action.description,
            action.contribution,
            has(OgpValue::Transparency),
            has(OgpValue::Participation),
            has(OgpValue::Accountability),
            has(OgpValue::TechnologyInnovation),
            action.lead_opd_id,
            action.cso_partners,
            action.start_date,
            action.end_date,
            now(),
            action.archived.as_ref().map(|a| &a.at),
            action.archived.as_ref().map_or("", |a| &a.reason),
        ],
    )?;
    let mut supporting =
        tx.prepare("INSERT INTO action_supporting_opds (action_id, opd_id) VALUES (?1, ?2)")?;
    for opd_id in &action.supporting_opd_ids {
        supporting.execute(params![action.id, opd_id])?;
    }
    Ok(())
}

/// The actions of a plan that one OPD works on: those in use (not archived)
/// that it leads or supports.
#[derive(Debug, Default)]
pub struct Assignments {
    /// Led or supported by the OPD.
    pub assigned: HashSet<String>,
    /// Led by the OPD (its narrative is the OPD's).
    pub led: HashSet<String>,
}

/// Which of the plan's actions the OPD leads or supports; read once per
/// imported report instead of every action with all its fields.
pub fn assignments_of(conn: &Connection, plan_id: &str, opd_id: &str) -> Result<Assignments> {
    let mut statement = conn.prepare_cached(
        // Found by the OPD (indexes of migration 0009), not by reading every
        // action of the plan: an import asks this for every report.
        "SELECT a.id, 1 FROM actions a
         WHERE a.lead_opd_id = ?2 AND a.plan_id = ?1 AND a.archived_at IS NULL
         UNION ALL
         SELECT a.id, 0 FROM action_supporting_opds s JOIN actions a ON a.id = s.action_id
         WHERE s.opd_id = ?2 AND a.plan_id = ?1 AND a.archived_at IS NULL",
    )?;
    let mut assignments = Assignments::default();
    let mut rows = statement.query(params![plan_id, opd_id])?;
    while let Some(row) = rows.next()? {
        let id: String = row.get(0)?;
        if row.get::<_, bool>(1)? {
            assignments.led.insert(id.clone());
        }
        assignments.assigned.insert(id);
    }
    Ok(assignments)
}

/// What a report prints of an action (its code, title, theme and lead OPD),
/// archived or not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printed {
    pub code: String,
    pub title: String,
    pub theme_id: String,
    pub lead_opd_id: String,
}

/// The printed fields of every action of a plan, by id: all a report's
/// context is compared against, without the narratives and supporting OPDs
/// [`list`] reads (a province plan has thousands of actions, read per report).
pub fn printed_of_plan(conn: &Connection, plan_id: &str) -> Result<HashMap<String, Printed>> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, code, title, theme_id, lead_opd_id FROM actions WHERE plan_id = ?1",
    )?;
    let rows = stmt.query_map([plan_id], |row| {
        Ok((
            row.get(0)?,
            Printed {
                code: row.get(1)?,
                title: row.get(2)?,
                theme_id: row.get(3)?,
                lead_opd_id: row.get(4)?,
            },
        ))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The plan's actions ordered by code, each with its supporting OPDs.
pub fn list(conn: &Connection, plan_id: &str) -> Result<Vec<Action>> {
    select(conn, "a.plan_id = ?1", plan_id)
}

pub fn get(conn: &Connection, id: &str) -> Result<Option<Action>> {
    Ok(select(conn, "a.id = ?1", id)?.pop())
}

/// Takes Bappeda's structure of an action (theme, code, title, OPDs, dates, archive),
/// adding the action if new; the narrative is kept unless `with_narrative`.
pub fn upsert_structure(tx: &Transaction<'_>, action: &Action, with_narrative: bool) -> Result<()> {
    let exists: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM actions WHERE id = ?1)",
        [&action.id],
        |row| row.get(0),
    )?;
    if !exists {
        return insert(tx, action);
    }
    tx.execute(
        "UPDATE actions SET theme_id = ?2, code = ?3, title = ?4, lead_opd_id = ?5, start_date = ?6,
                end_date = ?7, updated_at = ?8, archived_at = ?9, archive_reason = ?10
         WHERE id = ?1",
        params![
            action.id,
            action.theme_id,
            action.code,
            action.title,
            action.lead_opd_id,
            action.start_date,
            action.end_date,
            now(),
            action.archived.as_ref().map(|a| &a.at),
            action.archived.as_ref().map_or("", |a| &a.reason),
        ],
    )?;
    tx.execute(
        "DELETE FROM action_supporting_opds WHERE action_id = ?1",
        [&action.id],
    )?;
    let mut supporting =
        tx.prepare("INSERT INTO action_supporting_opds (action_id, opd_id) VALUES (?1, ?2)")?;
    for opd_id in &action.supporting_opd_ids {
        supporting.execute(params![action.id, opd_id])?;
    }
    if with_narrative {
        update_narrative(tx, action)?;
    }
    Ok(())
}

/// Archives the action with a reason, or (with `None`) takes it back into use.
pub fn set_archived(
    tx: &Transaction<'_>,
    id: &str,
    archived: Option<&crate::model::Archived>,
) -> Result<()> {
    tx.execute(
        "UPDATE actions SET archived_at = ?2, archive_reason = ?3, updated_at = ?4 WHERE id = ?1",
        params![
            id,
            archived.map(|a| &a.at),
            archived.map_or("", |a| &a.reason),
            now()
        ],
    )?;
    Ok(())
}

/// Removes an action that nothing refers to (its supporting OPDs go with it).
pub fn delete(tx: &Transaction<'_>, id: &str) -> Result<()> {
    tx.execute("DELETE FROM actions WHERE id = ?1", [id])?;
    Ok(())
}

/// The fields the lead OPD owns.
pub fn update_narrative(tx: &Transaction<'_>, action: &Action) -> Result<()> {
    let has = |value| action.ogp_values.contains(&value);
    tx.execute(
        "UPDATE actions SET problem = ?2, description = ?3, contribution = ?4,
                value_transparency = ?5, value_participation = ?6, value_accountability = ?7,
                value_technology_innovation = ?8, cso_partners = ?9, updated_at = ?10
         WHERE id = ?1",
        params![
            action.id,
            action.problem,
            action.description,
            action.contribution,
            has(OgpValue::Transparency),
            has(OgpValue::Participation),
            has(OgpValue::Accountability),
            has(OgpValue::TechnologyInnovation),
            action.cso_partners,
            now()
        ],
    )?;
    Ok(())
}

/// Actions matching `filter` (a condition on alias `a` with one parameter).
fn select(conn: &Connection, filter: &str, param: &str) -> Result<Vec<Action>> {
    let mut supporting: HashMap<String, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare(&format!(
        "SELECT s.action_id, s.opd_id FROM action_supporting_opds s
         JOIN actions a ON a.id = s.action_id
         JOIN opds o ON o.id = s.opd_id
         WHERE {filter} ORDER BY o.code"
    ))?;
    let mut rows = stmt.query([param])?;
    while let Some(row) = rows.next()? {
        supporting.entry(row.get(0)?).or_default().push(row.get(1)?);
    }

    let mut stmt = conn.prepare(&format!(
        "SELECT id, plan_id, theme_id, code, title, problem, description, contribution,
                value_transparency, value_participation, value_accountability,
                value_technology_innovation, lead_opd_id, cso_partners, start_date, end_date,
                archived_at, archive_reason
         FROM actions a WHERE {filter} ORDER BY code"
    ))?;
    let rows = stmt.query_map([param], |row| {
        let flags: [bool; 4] = [row.get(8)?, row.get(9)?, row.get(10)?, row.get(11)?];
        let ogp_values = OgpValue::ALL
            .iter()
            .zip(flags)
            .filter_map(|(value, set)| set.then_some(*value))
            .collect();
        let id: String = row.get(0)?;
        Ok(Action {
            supporting_opd_ids: supporting.remove(&id).unwrap_or_default(),
            id,
            plan_id: row.get(1)?,
            theme_id: row.get(2)?,
            code: row.get(3)?,
            title: row.get(4)?,
            problem: row.get(5)?,
            description: row.get(6)?,
            contribution: row.get(7)?,
            ogp_values,
            lead_opd_id: row.get(12)?,
            cso_partners: row.get(13)?,
            start_date: row.get(14)?,
            end_date: row.get(15)?,
            archived: super::archived_from(row.get(16)?, row.get(17)?),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
