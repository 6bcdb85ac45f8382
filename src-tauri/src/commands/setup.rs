//! First start: where the data lives, who works here (profile), and the choice
//! between the demo plan, an empty start and Bappeda's plan package.

use renaksi_api::setup::{self, FirstStart};
use renaksi_core::overview::OpdRef;
use serde::Deserialize;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

pub use renaksi_api::setup::AppStatus;

#[derive(Debug, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FirstStartRequest {
    #[serde(flatten)]
    #[ts(flatten)]
    start: FirstStart,
    /// With choice "package": the token of the package picked by `pick_package`
    /// (may be left out: serde reads a missing `Option` as `None`).
    #[ts(optional = nullable)]
    package_token: Option<String>,
}

#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> CommandResult<AppStatus> {
    status(&state)
}

#[tauri::command]
pub fn demo_opds() -> CommandResult<Vec<OpdRef>> {
    Ok(setup::demo_opds()?)
}

#[tauri::command]
pub fn first_start(
    state: State<'_, AppState>,
    request: FirstStartRequest,
) -> CommandResult<AppStatus> {
    let package = request
        .package_token
        .as_deref()
        .and_then(|token| state.picked(token));
    setup::first_start(&mut *state.store()?, &request.start, package.as_deref())?;
    status(&state)
}

pub(crate) fn status(state: &AppState) -> CommandResult<AppStatus> {
    Ok(setup::status(&*state.store()?, &state.db_path)?)
}

#[cfg(test)]
mod tests {
    use super::FirstStartRequest;

    #[test]
    fn the_first_start_request_carries_the_typed_start_and_the_package_token() {
        let request: FirstStartRequest = serde_json::from_str(
            r#"{"choice":"package","packageToken":"t-1","role":"opd","opdCode":"DINKES","userName":"Sri"}"#,
        )
        .unwrap();
        assert_eq!(request.package_token.as_deref(), Some("t-1"));
        assert_eq!(request.start.opd_code.as_deref(), Some("DINKES"));
        let refused = serde_json::from_str::<FirstStartRequest>(
            r#"{"choice":"kosong","role":"bappeda","userName":"Sri"}"#,
        )
        .unwrap_err();
        assert!(refused.to_string().contains("Pilihan awal tidak dikenal."));
    }
}
