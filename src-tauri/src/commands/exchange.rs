//! Files between Bappeda and the OPDs: publishing the plan package, picking
//! and importing the OPDs' reports one by one (so the window shows progress per
//! file), and the list of reports received. Dialogs open from Rust; the webview
//! names a picked file only by a token.

use renaksi_core::backups::{self, Kind};
use renaksi_core::dates::today_wib;
use renaksi_core::overview::OpdRef;
use renaksi_core::package;
use renaksi_core::period::PeriodRef;
use renaksi_core::report::import::{self, Decisions, Imported};
use renaksi_core::store::reports::{self, Received};
use renaksi_core::submissions::{self, SubmissionMatrix};
use renaksi_core::Error;
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use super::save_dialog::ask_xlsx_path;
use crate::error::CommandResult;
use crate::state::AppState;

/// A file picked in a dialog opened by Rust: the webview knows it only by a token and its name.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PickedFile {
    token: String,
    name: String,
}

/// What a picked plan package holds, shown before an OPD starts from it.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PackagePreview {
    token: String,
    plan_title: String,
    region: String,
    version: i64,
    opds: Vec<OpdRef>,
}

/// Bappeda writes the plan package where the user says.
#[tauri::command]
pub async fn export_package(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<String>> {
    let Some(path) = ask_xlsx_path(&app, "Simpan paket rencana aksi", "paket-rencana-aksi.xlsx")?
    else {
        return Ok(None);
    };
    let data_dir = state.data_dir().to_path_buf();
    let store = state.store()?;
    package::export(&store, &data_dir, &path)?;
    Ok(Some(path.display().to_string()))
}

/// Asks for the OPDs' report files (several at once).
#[tauri::command]
pub async fn pick_report_files(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Vec<PickedFile>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Pilih laporan OPD")
        .add_filter("Buku kerja Excel", &["xlsx"])
        .blocking_pick_files()
        .unwrap_or_default();
    // The batch's first import backs up what the imports will replace.
    state.set_backup_before_import(!picked.is_empty());
    Ok(picked
        .into_iter()
        .filter_map(|file| file.into_path().ok())
        .map(|path| PickedFile {
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            token: state.remember_pick(path),
        })
        .collect())
}

/// Imports one picked report; a refusal rejects with its reason.
#[tauri::command]
pub fn import_report(
    state: State<'_, AppState>,
    token: String,
    accept_new_key: bool,
) -> CommandResult<Imported> {
    let path = state
        .picked(&token)
        .ok_or_else(|| Error::NotFound("Berkas yang dipilih".into()))?;
    let mut store = state.store()?;
    if state.take_backup_before_import() {
        backups::take(&store, Kind::BeforeImport)?;
    }
    let decisions = Decisions {
        accept_new_key_of_file: accept_new_key,
        ..Decisions::default()
    };
    let result = import::import_file(&mut store, &path, &decisions);
    match &result {
        Ok(done) => log::info!(
            "impor {}: {} {} nomor {} (berubah: {})",
            path.display(),
            done.opd_code,
            done.period_label,
            done.sequence,
            done.changed
        ),
        Err(e) => log::warn!("impor {} ditolak: {e}", path.display()),
    }
    Ok(result?)
}

#[tauri::command]
pub fn received_reports(state: State<'_, AppState>) -> CommandResult<Vec<Received>> {
    Ok(reports::list_imported(state.store()?.conn())?)
}

/// At first start: asks for Bappeda's plan package and shows what it holds.
#[tauri::command]
pub async fn pick_package(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<PackagePreview>> {
    let Some(picked) = app
        .dialog()
        .file()
        .set_title("Pilih paket rencana aksi dari Bappeda")
        .add_filter("Buku kerja Excel", &["xlsx"])
        .blocking_pick_file()
    else {
        return Ok(None);
    };
    let path = picked.into_path().map_err(|_| unusable())?;
    let signed = package::read_file(&path)?;
    let plan = &signed.package.plan;
    Ok(Some(PackagePreview {
        plan_title: plan.title.clone(),
        region: plan.region.clone(),
        version: plan.version,
        opds: signed
            .package
            .opds
            .iter()
            .map(|o| OpdRef {
                code: o.code.clone(),
                name: o.name.clone(),
            })
            .collect(),
        token: state.remember_pick(path),
    }))
}

fn unusable() -> Error {
    Error::invalid("file", "Berkas itu tidak dapat dipakai dari sini.")
}

/// The submission matrix, OPD × quarter, as of today (WIB).
#[tauri::command]
pub fn submission_matrix(state: State<'_, AppState>) -> CommandResult<SubmissionMatrix> {
    Ok(submissions::matrix(state.store()?.conn(), today_wib())?)
}

/// Bappeda marks an OPD's latest report for a quarter as verified.
#[tauri::command]
pub fn verify_report(
    state: State<'_, AppState>,
    opd_code: String,
    period: PeriodRef,
) -> CommandResult<SubmissionMatrix> {
    let mut store = state.store()?;
    submissions::verify(&mut store, &opd_code, period)?;
    Ok(submissions::matrix(store.conn(), today_wib())?)
}
