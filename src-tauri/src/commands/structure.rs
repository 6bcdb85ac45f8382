//! The plan's structure as Bappeda writes it: the OPD directory, themes and
//! actions. Every change returns the structure as it now reads, and is
//! remembered so the last one can be undone.

use renaksi_api::structure::{self, Changed};
use renaksi_core::planning::structure::actions::ActionInput;
use renaksi_core::planning::structure::opds::OpdInput;
use renaksi_core::planning::structure::themes::ThemeInput;
use renaksi_core::planning::structure::{PlanStructure, StructureEntity};
use renaksi_core::Store;
use tauri::State;

use crate::error::CommandResult;
use crate::state::{AppState, ChangeArea};

#[tauri::command]
pub fn plan_structure(state: State<'_, AppState>) -> CommandResult<PlanStructure> {
    Ok(structure::structure(&*state.store()?)?)
}

#[tauri::command]
pub fn save_opd(state: State<'_, AppState>, input: OpdInput) -> CommandResult<PlanStructure> {
    change(&state, |store| structure::save_opd(store, &input))
}

#[tauri::command]
pub fn save_theme(state: State<'_, AppState>, input: ThemeInput) -> CommandResult<PlanStructure> {
    change(&state, |store| structure::save_theme(store, &input))
}

/// `ids`: every theme of the plan, once, in the new order.
#[tauri::command]
pub fn reorder_themes(
    state: State<'_, AppState>,
    ids: Vec<String>,
) -> CommandResult<PlanStructure> {
    change(&state, |store| structure::reorder_themes(store, &ids))
}

#[tauri::command]
pub fn save_plan_action(
    state: State<'_, AppState>,
    input: ActionInput,
) -> CommandResult<PlanStructure> {
    change(&state, |store| structure::save_action(store, &input))
}

/// `entity`: opd, theme or action (a word, parsed so a wrong one is refused
/// next to its field).
#[tauri::command]
pub fn archive_structure_row(
    state: State<'_, AppState>,
    entity: String,
    id: String,
    reason: String,
) -> CommandResult<PlanStructure> {
    let entity: StructureEntity = entity.parse()?;
    change(&state, |store| {
        structure::archive(store, entity, &id, &reason)
    })
}

#[tauri::command]
pub fn unarchive_structure_row(
    state: State<'_, AppState>,
    entity: String,
    id: String,
) -> CommandResult<PlanStructure> {
    let entity: StructureEntity = entity.parse()?;
    change(&state, |store| structure::unarchive(store, entity, &id))
}

#[tauri::command]
pub fn delete_structure_row(
    state: State<'_, AppState>,
    entity: String,
    id: String,
) -> CommandResult<PlanStructure> {
    let entity: StructureEntity = entity.parse()?;
    change(&state, |store| structure::delete(store, entity, &id))
}

/// Undoes the last change saved in this window; `None` when there is none.
#[tauri::command]
pub fn undo_structure_change(state: State<'_, AppState>) -> CommandResult<Option<PlanStructure>> {
    let Some(undo) = state.take_last_change(ChangeArea::PlanEditor) else {
        return Ok(None);
    };
    Ok(Some(structure::undo(&mut *state.store()?, &undo)?))
}

/// Runs one change, remembers what undoes it, and returns the structure. The
/// change is remembered before the structure is read back.
fn change(
    state: &AppState,
    apply: impl FnOnce(&mut Store) -> renaksi_core::Result<Changed>,
) -> CommandResult<PlanStructure> {
    let changed = apply(&mut *state.store()?)?;
    state.remember(ChangeArea::PlanEditor, changed.undo);
    Ok(changed.structure?)
}
