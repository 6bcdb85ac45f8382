//! The OPD clerk's workspace: one action with its milestones, indicators,
//! targets, realisations and evidence. Every change returns the refreshed
//! action and what undoes the change.

use std::path::{Path, PathBuf};

use renaksi_core::detail::{self, ActionDetail};
use renaksi_core::editing::evidence::{self, EvidenceTarget, LinkInput, Opening};
use renaksi_core::editing::indicators::{self, IndicatorInput};
use renaksi_core::editing::milestones::{self, MilestoneInput};
use renaksi_core::editing::narrative::{self, NarrativeInput};
use renaksi_core::editing::values::{self, RealisationInput, TargetsInput};
use renaksi_core::editing::{self, Undo};
use renaksi_core::period::PeriodRef;
use renaksi_core::store::audit::{self, AuditEntry, HistoryEntity};
use renaksi_core::{store, Error, Result, Store};

/// The period an action is seen for; `None` for the default period.
pub type Period = Option<PeriodRef>;

/// A saved change: what undoes it, and the action as it now reads. The change
/// is committed even when reading the action back fails, so `undo` is there
/// whatever `detail` says: a shell keeps it before it looks at `detail`.
#[derive(Debug)]
pub struct Changed {
    pub undo: Undo,
    pub detail: Result<ActionDetail>,
}

/// The action for `period`, seen by this database's profile.
pub fn action_detail(store: &Store, action_id: &str, period: Period) -> Result<ActionDetail> {
    detail::action_detail(store.conn(), action_id, period)
}

pub fn save_milestone(
    store: &mut Store,
    input: &MilestoneInput,
    period: Period,
) -> Result<Changed> {
    let undo = milestones::save(store, input)?.1;
    changed(store, &input.action_id, period, undo)
}

pub fn delete_milestone(store: &mut Store, id: &str, period: Period) -> Result<Changed> {
    let action_id = found(store::milestones::get(store.conn(), id)?.map(|m| m.action_id))?;
    let undo = milestones::delete(store, id)?;
    changed(store, &action_id, period, undo)
}

pub fn save_indicator(
    store: &mut Store,
    input: &IndicatorInput,
    period: Period,
) -> Result<Changed> {
    let undo = indicators::save(store, input)?.1;
    changed(store, &input.action_id, period, undo)
}

pub fn delete_indicator(store: &mut Store, id: &str, period: Period) -> Result<Changed> {
    let action_id = indicator_action(store, id)?;
    let undo = indicators::delete(store, id)?;
    changed(store, &action_id, period, undo)
}

pub fn save_targets(store: &mut Store, input: &TargetsInput, period: Period) -> Result<Changed> {
    let action_id = indicator_action(store, &input.indicator_id)?;
    let undo = values::save_targets(store, input)?;
    changed(store, &action_id, period, undo)
}

pub fn save_realisation(
    store: &mut Store,
    input: &RealisationInput,
    period: Period,
) -> Result<Changed> {
    let action_id = indicator_action(store, &input.indicator_id)?;
    let undo = values::save_realisation(store, input)?;
    changed(store, &action_id, period, undo)
}

pub fn save_narrative(
    store: &mut Store,
    input: &NarrativeInput,
    period: Period,
) -> Result<Changed> {
    let undo = narrative::save(store, input)?;
    changed(store, &input.action_id, period, undo)
}

/// Attaches a copy of `file` (kept in `data_dir`) as evidence.
pub fn add_evidence_file(
    store: &mut Store,
    data_dir: &Path,
    target: &EvidenceTarget,
    file: &Path,
    action_id: &str,
    period: Period,
) -> Result<Changed> {
    let undo = evidence::add_file(store, data_dir, target, file)?;
    changed(store, action_id, period, undo)
}

pub fn add_evidence_link(
    store: &mut Store,
    input: &LinkInput,
    action_id: &str,
    period: Period,
) -> Result<Changed> {
    let undo = evidence::add_link(store, input)?;
    changed(store, action_id, period, undo)
}

pub fn delete_evidence(
    store: &mut Store,
    id: &str,
    action_id: &str,
    period: Period,
) -> Result<Changed> {
    let undo = evidence::delete(store, id)?;
    changed(store, action_id, period, undo)
}

/// What opens a piece of evidence: its kept file, or its link.
pub fn evidence_opening(store: &Store, data_dir: &Path, id: &str) -> Result<Opening> {
    evidence::opening(store, data_dir, id)
}

/// The folder holding a stored evidence file, for "Tampilkan di folder".
pub fn evidence_folder(store: &Store, data_dir: &Path, id: &str) -> Result<PathBuf> {
    evidence::folder_opening(store, data_dir, id)
}

/// The audit history of one row.
pub fn history(store: &Store, entity: HistoryEntity, entity_id: &str) -> Result<Vec<AuditEntry>> {
    audit::history(store.conn(), entity.as_str(), entity_id)
}

/// Reverses a change and returns the action as it now reads.
pub fn undo(
    store: &mut Store,
    undo: &Undo,
    action_id: &str,
    period: Period,
) -> Result<ActionDetail> {
    editing::undo(store, undo)?;
    action_detail(store, action_id, period)
}

fn changed(store: &Store, action_id: &str, period: Period, undo: Undo) -> Result<Changed> {
    Ok(Changed {
        detail: action_detail(store, action_id, period),
        undo,
    })
}

fn indicator_action(store: &Store, id: &str) -> Result<String> {
    found(store::indicators::get(store.conn(), id)?.map(|i| i.action_id))
}

fn found(action_id: Option<String>) -> Result<String> {
    action_id.ok_or_else(|| Error::NotFound("Data".into()))
}
