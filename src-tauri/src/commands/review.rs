//! Catatan verifikator: Bappeda's notes on reports, actions and indicators.

use renaksi_core::review::{self, NoteInput, ReviewNote};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn review_notes(state: State<'_, AppState>) -> CommandResult<Vec<ReviewNote>> {
    Ok(review::list(state.store()?.conn())?)
}

#[tauri::command]
pub fn add_review_note(state: State<'_, AppState>, input: NoteInput) -> CommandResult<ReviewNote> {
    let mut store = state.store()?;
    Ok(review::add(&mut store, &input)?)
}

#[tauri::command]
pub fn set_review_note_resolved(
    state: State<'_, AppState>,
    id: String,
    resolved: bool,
) -> CommandResult<ReviewNote> {
    let mut store = state.store()?;
    Ok(review::set_resolved(&mut store, &id, resolved)?)
}
