//! Reading the plan for the main window.

use renaksi_api::plan;
use renaksi_core::overview::PlanOverview;
use renaksi_core::period::PeriodRef;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[tauri::command]
pub fn plan_overview(
    state: State<'_, AppState>,
    period: Option<PeriodRef>,
) -> CommandResult<Option<PlanOverview>> {
    read_overview(&state, period)
}

pub(crate) fn read_overview(
    state: &AppState,
    period: Option<PeriodRef>,
) -> CommandResult<Option<PlanOverview>> {
    Ok(plan::overview(&*state.store()?, period)?)
}
