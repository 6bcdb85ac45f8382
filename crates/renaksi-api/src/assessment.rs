//! The OGP end-of-commitment self-assessment (penilaian mandiri akhir
//! komitmen), recorded by Bappeda with each action's lead OPD: the plan's
//! actions with their assessments, one action's assessment set or taken back
//! (each change undoable), and the workbook shaped like the IRM's
//! end-of-commitment assessment.

use std::path::PathBuf;

use renaksi_core::editing::{self, Undo};
use renaksi_core::self_assessment::workbook::{self, AssessmentWritten};
use renaksi_core::self_assessment::{self, AssessmentForm, AssessmentList};
use renaksi_core::{review, Error, Result, Store};
use serde::{Deserialize, Serialize};

use crate::Paper;

/// The current plan's actions, each with its assessment if recorded, and
/// whether this profile records them.
pub fn get(store: &Store) -> Result<AssessmentList> {
    self_assessment::list(store.conn())?.ok_or_else(|| Error::NotFound("Rencana aksi".into()))
}

/// A saved change: what undoes it, and the list as it now reads. The change
/// is committed even when reading the list back fails, so `undo` is there
/// whatever `list` says.
#[derive(Debug)]
pub struct Changed {
    pub undo: Undo,
    pub list: Result<AssessmentList>,
}

/// Records (or changes) one action's assessment (Bappeda).
pub fn set(store: &mut Store, form: &AssessmentForm) -> Result<Changed> {
    let undo = self_assessment::set(store, form)?;
    Ok(Changed {
        undo,
        list: get(store),
    })
}

/// [`set`] for the action with this code (e.g. RA-01), as the command line names it.
pub fn set_on(store: &mut Store, action_code: &str, form: AssessmentForm) -> Result<Changed> {
    let action_id = review::action_id(store.conn(), action_code)?;
    set(store, &AssessmentForm { action_id, ..form })
}

/// Takes back one action's assessment (Bappeda).
pub fn clear(store: &mut Store, action_id: &str) -> Result<Changed> {
    let undo = self_assessment::clear(store, action_id)?;
    Ok(Changed {
        undo,
        list: get(store),
    })
}

/// Reverses the last change of an assessment.
pub fn undo(store: &mut Store, undo: &Undo) -> Result<AssessmentList> {
    editing::undo(store, undo)?;
    get(store)
}

/// The self-assessment workbook, written to `out`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportAssessment {
    pub paper: Paper,
    pub out: PathBuf,
}

pub fn export(store: &Store, request: &ExportAssessment) -> Result<AssessmentWritten> {
    workbook::export(store, &request.out, request.paper)
}

/// Refuses an OPD before the save dialog opens.
pub fn require_exporter(store: &Store) -> Result<()> {
    workbook::require_exporter(store.conn())
}

/// The file name the save dialog suggests: `penilaian-mandiri-2018-2019.xlsx`.
pub fn suggested_file_name(store: &Store) -> Result<String> {
    let plan = get(store)?.plan;
    Ok(format!(
        "penilaian-mandiri-{}-{}.xlsx",
        plan.year_start, plan.year_end
    ))
}
