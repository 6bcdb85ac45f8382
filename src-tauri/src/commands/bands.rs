//! The predikat bands of the plan, in the plan editor (Bappeda). A change is
//! remembered as the last change, so it can be undone.

use renaksi_api::bands;
use renaksi_core::planning::bands::{BandsInput, BandsView};
use tauri::State;

use crate::error::CommandResult;
use crate::state::{AppState, ChangeArea};

#[tauri::command]
pub fn grade_bands(state: State<'_, AppState>) -> CommandResult<BandsView> {
    Ok(bands::view(&*state.store()?)?)
}

#[tauri::command]
pub fn set_grade_bands(state: State<'_, AppState>, input: BandsInput) -> CommandResult<BandsView> {
    let (view, undo) = bands::set(&mut *state.store()?, &input)?;
    state.remember(ChangeArea::PlanEditor, undo);
    Ok(view)
}

/// Undoes the last change when it was a change of the bands; `None` otherwise
/// (the change stays remembered).
#[tauri::command]
pub fn undo_grade_bands(state: State<'_, AppState>) -> CommandResult<Option<BandsView>> {
    let Some(undo) = state.take_last_change(ChangeArea::PlanEditor) else {
        return Ok(None);
    };
    if undo.entity != "plan" || undo.description != bands::UNDO_DESCRIPTION {
        state.remember(ChangeArea::PlanEditor, undo);
        return Ok(None);
    }
    Ok(Some(bands::undo(&mut *state.store()?, &undo)?))
}
