//! Reading the plan for the main window.

use renaksi_core::overview::{self, PlanOverview};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn plan_overview(state: State<'_, AppState>) -> CommandResult<Option<PlanOverview>> {
    let store = state.store()?;
    Ok(overview::plan_overview(store.conn())?)
}
