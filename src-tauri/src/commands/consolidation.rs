//! Bappeda's regency picture: the dashboard's figures and the Rekap kabupaten
//! workbook, saved where the user says.

use renaksi_core::consolidation::{self, RegencySummary};
use renaksi_core::dates::today_wib;
use renaksi_core::period::PeriodRef;
use renaksi_core::rekap::{self, RekapWritten};
use renaksi_core::workbook::Paper;
use tauri::{AppHandle, State};

use super::save_dialog::ask_xlsx_path;
use crate::error::CommandResult;
use crate::state::AppState;

/// The figures of the dashboard for a period (default: the overview's).
#[tauri::command]
pub fn dashboard(
    state: State<'_, AppState>,
    period: Option<PeriodRef>,
) -> CommandResult<Option<RegencySummary>> {
    Ok(consolidation::summary(
        state.store()?.conn(),
        period,
        today_wib(),
    )?)
}

/// Asks where to save, then writes the rekap. `None` when the user cancels.
#[tauri::command]
pub async fn export_rekap(
    app: AppHandle,
    state: State<'_, AppState>,
    period: PeriodRef,
    paper: String,
) -> CommandResult<Option<RekapWritten>> {
    let paper = match paper.as_str() {
        "f4" => Paper::F4,
        _ => Paper::A4,
    };
    let suggested = format!("rekap-kabupaten-{}-tw{}.xlsx", period.year, period.quarter);
    let Some(path) = ask_xlsx_path(&app, "Simpan rekap kabupaten", &suggested)? else {
        return Ok(None);
    };
    let store = state.store()?;
    Ok(Some(rekap::export(
        &store,
        Some(period),
        today_wib(),
        &path,
        paper,
    )?))
}
