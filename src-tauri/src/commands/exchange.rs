//! Files between Bappeda and the OPDs: publishing the plan package, picking
//! and importing the OPDs' reports one by one (so the window shows progress per
//! file), and the list of reports received. Dialogs open from Rust; the webview
//! names a picked file only by a token.

use renaksi_api::exchange;
use renaksi_api::setup::{self, PackageContents};
use renaksi_core::package::{Applied, PackageChanges};
use renaksi_core::period::PeriodRef;
use renaksi_core::report::evidence_bundle::BundleImported;
use renaksi_core::report::import::{AcceptedKey, Decisions, Imported};
use renaksi_core::store::reports::Received;
use renaksi_core::submissions::SubmissionMatrix;
use renaksi_core::Error;
use serde::Serialize;
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use super::save_dialog::{ask_xlsx_path, pick_xlsx_file};
use crate::error::CommandResult;
use crate::state::AppState;

/// A file picked in a dialog opened by Rust: the webview knows it only by a token and its name.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PickedFile {
    token: String,
    name: String,
}

impl PickedFile {
    /// A file remembered under `token`, named by its file name.
    pub fn new(token: String, path: &std::path::Path) -> PickedFile {
        PickedFile {
            token,
            name: path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
        }
    }
}

/// A picked plan package: the token the webview names it by, and what it holds.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PackagePreview {
    token: String,
    #[serde(flatten)]
    #[ts(flatten)]
    contents: PackageContents,
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
    exchange::export_package(&*state.store()?, state.data_dir(), &path)?;
    Ok(Some(path.display().to_string()))
}

/// Asks for the OPDs' report files (several at once). Their imports are one
/// batch, which backs up the database before its first file.
#[tauri::command]
pub async fn pick_report_files(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Vec<PickedFile>> {
    let picked = app
        .dialog()
        .file()
        .set_title("Pilih laporan OPD dan berkas bukti dukungnya")
        .add_filter("Laporan (.xlsx) dan bukti dukung (.zip)", &["xlsx", "zip"])
        .blocking_pick_files()
        .unwrap_or_default();
    if !picked.is_empty() {
        state.start_import_batch();
    }
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

/// Imports one picked report; a refusal rejects with its reason. A key not
/// yet confirmed rejects with code `key_unconfirmed` and the key to ask
/// about; `accept_key` is the clerk's confirmation of the fingerprint the
/// window showed, which must name this file's key.
#[tauri::command]
pub fn import_report(
    state: State<'_, AppState>,
    token: String,
    accept_key: Option<AcceptedKey>,
) -> CommandResult<Imported> {
    let path = state
        .picked(&token)
        .ok_or_else(|| Error::NotFound("Berkas yang dipilih".into()))?;
    let decisions = accept_key.map(Decisions::accepting).unwrap_or_default();
    // The batch before the store, as in import_evidence_bundle: one order of
    // the two locks.
    let mut batch = state.import_batch();
    let result = batch.import_file(&mut *state.store()?, &path, &decisions);
    drop(batch);
    if matches!(&result, Ok(done) if done.changed) {
        // The rows a remembered change would put back may be the report's now.
        state.forget_last_change();
    }
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

/// Imports one picked evidence bundle (.zip) into the evidence folder: what
/// it brought, and each refused entry with why. A bundle refused whole
/// rejects with its reason. The store is held only to sort the bundle's
/// hashes and to write its rows, not while it is read and unpacked. Run off
/// the main thread (`async`): hashing and unpacking a bundle of up to 2 GiB
/// would otherwise freeze the window.
#[tauri::command(async)]
pub fn import_evidence_bundle(
    state: State<'_, AppState>,
    token: String,
) -> CommandResult<BundleImported> {
    let path = state
        .picked(&token)
        .ok_or_else(|| Error::NotFound("Berkas yang dipilih".into()))?;
    let result =
        state
            .import_batch()
            .import_bundle_locking(|| state.store(), state.data_dir(), &path);
    match &result {
        Ok(done) => log::info!(
            "bukti {}: {} diterima, {} ditolak (berubah: {})",
            path.display(),
            done.received,
            done.refused.len(),
            done.changed
        ),
        Err(e) => log::warn!("bukti {} ditolak: {}", path.display(), e.message),
    }
    result
}

#[tauri::command]
pub fn received_reports(state: State<'_, AppState>) -> CommandResult<Vec<Received>> {
    Ok(exchange::received(&*state.store()?)?)
}

/// At first start: asks for Bappeda's plan package and shows what it holds.
#[tauri::command]
pub async fn pick_package(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<PackagePreview>> {
    let Some(path) = pick_xlsx_file(&app, "Pilih paket rencana aksi dari Bappeda")? else {
        return Ok(None);
    };
    let contents = setup::package_contents(&path)?;
    Ok(Some(PackagePreview {
        token: state.remember_pick(path),
        contents,
    }))
}

/// A newer plan package picked at an OPD: the token the webview names it by,
/// the file's name, and what taking it would change.
#[derive(Debug, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PackageUpdate {
    token: String,
    name: String,
    changes: PackageChanges,
}

/// At an OPD: asks for a newer plan package (or the next plan's) and says what
/// taking it would change; nothing is written. A package that would be
/// refused rejects with the reason.
#[tauri::command]
pub async fn pick_package_update(
    app: AppHandle,
    state: State<'_, AppState>,
) -> CommandResult<Option<PackageUpdate>> {
    let Some(path) = pick_xlsx_file(&app, "Pilih paket rencana aksi baru dari Bappeda")? else {
        return Ok(None);
    };
    let changes = exchange::preview_package(&*state.store()?, &path)?;
    Ok(Some(PackageUpdate {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        token: state.remember_pick(path),
        changes,
    }))
}

/// "Terima kunci Bappeda" at an OPD whose pinned key refused a package: asks
/// for the package again and pins its key, when `fingerprint` (what Bappeda
/// read out, words or hex) matches it. `None` when the dialog was cancelled.
#[tauri::command]
pub async fn trust_bappeda_key(
    app: AppHandle,
    state: State<'_, AppState>,
    fingerprint: String,
) -> CommandResult<Option<renaksi_core::package::TrustedBappedaKey>> {
    let Some(path) = pick_xlsx_file(&app, "Pilih paket rencana aksi dari Bappeda")? else {
        return Ok(None);
    };
    let trusted = exchange::trust_bappeda_key(&mut *state.store()?, &path, &fingerprint)?;
    log::warn!(
        "kunci Bappeda diterima dengan sidik jari yang dibacakan: {}",
        trusted.fingerprint
    );
    Ok(Some(trusted))
}

/// Takes the package picked with `pick_package_update` (after a backup).
#[tauri::command]
pub fn take_package_update(state: State<'_, AppState>, token: String) -> CommandResult<Applied> {
    let path = state
        .picked(&token)
        .ok_or_else(|| Error::NotFound("Berkas yang dipilih".into()))?;
    let applied = exchange::take_package(&mut *state.store()?, &path)?;
    // The plan a remembered change would put back is the package's now.
    state.forget_last_change();
    log::info!(
        "paket {} dipakai: versi {} (rencana baru: {})",
        path.display(),
        applied.version,
        applied.new_plan
    );
    Ok(applied)
}

/// The submission matrix, OPD × quarter, as of today (WIB).
#[tauri::command]
pub fn submission_matrix(state: State<'_, AppState>) -> CommandResult<SubmissionMatrix> {
    Ok(exchange::submission_matrix(&*state.store()?)?)
}

/// Bappeda marks an OPD's latest report for a quarter as verified.
#[tauri::command]
pub fn verify_report(
    state: State<'_, AppState>,
    opd_code: String,
    period: PeriodRef,
) -> CommandResult<SubmissionMatrix> {
    let mut store = state.store()?;
    exchange::verify_report(&mut store, &opd_code, period)?;
    Ok(exchange::submission_matrix(&store)?)
}
