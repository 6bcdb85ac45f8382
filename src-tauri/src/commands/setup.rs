//! First start: where the data lives, who works here (profile), and the choice
//! between the demo plan, an empty start and Bappeda's plan package.

use renaksi_api::setup::{self, FirstStart, RoleKind, StartChoice};
use renaksi_core::overview::OpdRef;
use serde::Deserialize;
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

pub use renaksi_api::setup::AppStatus;

/// The first start as the window sends it. `choice` and `role` arrive as words
/// and are parsed by `FirstStartRequest::start` with their own `FromStr`, so
/// a bad word is refused as `{code: 'invalid', field: 'choice' | 'role'}` next
/// to its field, not by the argument parsing as a bare string.
#[derive(Debug, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FirstStartRequest {
    #[ts(as = "StartChoice")]
    choice: String,
    #[ts(as = "RoleKind")]
    role: String,
    opd_code: Option<String>,
    user_name: String,
    /// With choice "package": the token of the package picked by `pick_package`
    /// (may be left out: serde reads a missing `Option` as `None`).
    #[ts(optional = nullable)]
    package_token: Option<String>,
}

impl FirstStartRequest {
    /// The typed first start of `renaksi-api`.
    fn start(&self) -> CommandResult<FirstStart> {
        Ok(FirstStart {
            choice: self.choice.parse()?,
            role: self.role.parse()?,
            opd_code: self.opd_code.clone(),
            user_name: self.user_name.clone(),
        })
    }
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
    let start = request.start()?;
    let package = request
        .package_token
        .as_deref()
        .and_then(|token| state.picked(token));
    setup::first_start(&mut *state.store()?, &start, package.as_deref())?;
    status(&state)
}

pub(crate) fn status(state: &AppState) -> CommandResult<AppStatus> {
    Ok(setup::status(&*state.store()?, &state.db_path)?)
}

#[cfg(test)]
mod tests {
    use super::FirstStartRequest;
    use crate::error::CommandError;

    fn request(json: &str) -> FirstStartRequest {
        serde_json::from_str(json).unwrap()
    }

    fn refusal(json: &str) -> CommandError {
        request(json).start().unwrap_err()
    }

    #[test]
    fn the_first_start_request_carries_the_typed_start_and_the_package_token() {
        let request = request(
            r#"{"choice":"package","packageToken":"t-1","role":"opd","opdCode":"DINKES","userName":"Sri"}"#,
        );
        assert_eq!(request.package_token.as_deref(), Some("t-1"));
        assert_eq!(request.start().unwrap().opd_code.as_deref(), Some("DINKES"));
    }

    #[test]
    fn a_bad_choice_or_role_is_refused_next_to_its_field() {
        let choice = refusal(r#"{"choice":"kosong","role":"bappeda","userName":"Sri"}"#);
        assert_eq!(choice.code, "invalid");
        assert_eq!(choice.field.as_deref(), Some("choice"));
        assert_eq!(choice.message, "Pilihan awal tidak dikenal.");

        let role = refusal(r#"{"choice":"demo","role":"dinas","userName":"Sri"}"#);
        assert_eq!(role.code, "invalid");
        assert_eq!(role.field.as_deref(), Some("role"));
        assert_eq!(role.message, "Pilih Bappeda atau salah satu OPD.");
    }
}
