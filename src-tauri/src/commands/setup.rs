//! First start: where the data lives, who works here (profile), and the choice
//! between the demo plan and an empty start.

use renaksi_core::demo::{self, DemoView};
use renaksi_core::overview::OpdRef;
use renaksi_core::package;
use renaksi_core::profile::{self, Profile, Role};
use renaksi_core::{store::plans, Error, APP_VERSION};
use serde::{Deserialize, Serialize};
use tauri::State;

use crate::error::CommandResult;
use crate::state::AppState;

#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub(crate) needs_setup: bool,
    data_file: String,
    schema_version: i64,
    app_version: &'static str,
    profile: Option<ProfileView>,
}

/// Who works in this copy of Renaksi: Bappeda, or one OPD (`opdCode` set).
#[derive(Debug, Serialize, ts_rs::TS)]
#[ts(rename = "Profile")]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    #[ts(type = "\"bappeda\" | \"opd\"")]
    role: &'static str,
    opd_code: Option<String>,
    user_name: String,
}

#[derive(Debug, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FirstStartRequest {
    /// "package": an OPD starts from the plan package Bappeda sent.
    #[ts(type = "\"demo\" | \"empty\" | \"package\"")]
    choice: String,
    /// With choice "package": the token of the package picked by `pick_package`
    /// (may be left out: serde reads a missing `Option` as `None`).
    #[ts(optional = nullable)]
    package_token: Option<String>,
    #[ts(type = "\"bappeda\" | \"opd\"")]
    role: String,
    opd_code: Option<String>,
    user_name: String,
}

#[tauri::command]
pub fn app_status(state: State<'_, AppState>) -> CommandResult<AppStatus> {
    status(&state)
}

#[tauri::command]
pub fn demo_opds() -> CommandResult<Vec<OpdRef>> {
    Ok(demo::opds()?
        .into_iter()
        .map(|(code, name)| OpdRef { code, name })
        .collect())
}

#[tauri::command]
pub fn first_start(
    state: State<'_, AppState>,
    request: FirstStartRequest,
) -> CommandResult<AppStatus> {
    let role = match (request.role.as_str(), request.opd_code) {
        ("bappeda", _) => Role::Bappeda,
        ("opd", Some(code)) if !code.trim().is_empty() => Role::Opd { code },
        _ => return Err(Error::invalid("role", "Pilih Bappeda atau salah satu OPD.").into()),
    };
    let profile = Profile::new(role, &request.user_name)?;
    {
        let mut store = state.store()?;
        match (request.choice.as_str(), &profile.role) {
            ("demo", _) => {
                demo::load_as(&mut store, &DemoView::Bappeda, &profile)?;
            }
            ("empty", Role::Bappeda) => store.write(|tx| {
                profile::save(tx, &profile)?;
                profile::record_setup_choice(tx, "empty")
            })?,
            ("package", Role::Opd { code }) => {
                let path = request
                    .package_token
                    .as_deref()
                    .and_then(|token| state.picked(token))
                    .ok_or_else(|| {
                        Error::invalid("package", "Pilih berkas paket rencana aksi dari Bappeda.")
                    })?;
                let signed = package::read_file(&path)?;
                package::apply(&mut store, &signed, Some((code, &profile.user_name)))?;
            }
            ("package", Role::Bappeda) => {
                return Err(Error::invalid(
                    "role",
                    "Paket rencana aksi dipakai oleh OPD; pilih OPD Anda.",
                )
                .into())
            }
            ("empty", Role::Opd { .. }) => return Err(Error::invalid(
                "role",
                "OPD memulai dari paket rencana aksi Bappeda; untuk mulai kosong pilih Bappeda.",
            )
            .into()),
            _ => return Err(Error::invalid("choice", "Pilihan awal tidak dikenal.").into()),
        }
    }
    status(&state)
}

pub(crate) fn status(state: &AppState) -> CommandResult<AppStatus> {
    let store = state.store()?;
    let conn = store.conn();
    let needs_setup = profile::setup_choice(conn)?.is_none() && plans::current(conn)?.is_none();
    let profile = profile::load(conn)?.map(|p| {
        let (role, opd_code) = match p.role {
            Role::Bappeda => ("bappeda", None),
            Role::Opd { code } => ("opd", Some(code)),
        };
        ProfileView {
            role,
            opd_code,
            user_name: p.user_name,
        }
    });
    Ok(AppStatus {
        needs_setup,
        data_file: state.db_path.display().to_string(),
        schema_version: store.schema_version()?,
        app_version: APP_VERSION,
        profile,
    })
}
