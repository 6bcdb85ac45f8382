//! The plan editor (Bappeda): a new plan, its status and version, the
//! quarters' due dates and closure, and the plan switcher. Every change
//! returns the plans as they now read, and is remembered so it can be undone.

use renaksi_api::planning::{self, NewPlan, PeriodChange, PeriodDue, PlanChanged, StatusChange};
use renaksi_core::planning::PlanList;
use renaksi_core::Store;
use tauri::State;

use crate::error::CommandResult;
use crate::state::{AppState, ChangeArea};

#[tauri::command]
pub fn plan_list(state: State<'_, AppState>) -> CommandResult<PlanList> {
    Ok(planning::plans(&*state.store()?)?)
}

#[tauri::command]
pub fn create_plan(state: State<'_, AppState>, input: NewPlan) -> CommandResult<PlanList> {
    change(&state, |store| planning::create(store, &input))
}

#[tauri::command]
pub fn set_plan_status(
    state: State<'_, AppState>,
    change: StatusChange,
) -> CommandResult<PlanList> {
    self::change(&state, |store| planning::set_status(store, &change))
}

#[tauri::command]
pub fn set_period_due(state: State<'_, AppState>, input: PeriodDue) -> CommandResult<PlanList> {
    change(&state, |store| planning::set_due_date(store, &input))
}

#[tauri::command]
pub fn close_period(state: State<'_, AppState>, input: PeriodChange) -> CommandResult<PlanList> {
    change(&state, |store| planning::close_period(store, &input))
}

#[tauri::command]
pub fn reopen_period(state: State<'_, AppState>, input: PeriodChange) -> CommandResult<PlanList> {
    change(&state, |store| planning::reopen_period(store, &input))
}

/// The plan switcher: every screen shows `plan_id` from now on.
#[tauri::command]
pub fn view_plan(state: State<'_, AppState>, plan_id: String) -> CommandResult<PlanList> {
    Ok(planning::view(&mut *state.store()?, &plan_id)?)
}

/// Undoes the last change saved in this window; `None` when there is none.
#[tauri::command]
pub fn undo_plan_change(state: State<'_, AppState>) -> CommandResult<Option<PlanList>> {
    let Some(undo) = state.take_last_change(ChangeArea::PlanEditor) else {
        return Ok(None);
    };
    Ok(Some(planning::undo(&mut *state.store()?, &undo)?))
}

/// Runs one change, remembers what undoes it, and returns the plans. The
/// change is remembered before they are read back.
fn change(
    state: &AppState,
    apply: impl FnOnce(&mut Store) -> renaksi_core::Result<PlanChanged>,
) -> CommandResult<PlanList> {
    let changed = apply(&mut *state.store()?)?;
    state.remember(ChangeArea::PlanEditor, changed.undo);
    Ok(changed.plans?)
}
