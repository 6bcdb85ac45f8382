//! Bappeda's regency picture: the dashboard's figures and the Rekap kabupaten
//! workbook.

use std::path::PathBuf;

use renaksi_core::consolidation::{self, RegencySummary};
use renaksi_core::dates::today_wib;
use renaksi_core::period::PeriodRef;
use renaksi_core::rekap::{self, RekapWritten};
use renaksi_core::{Result, Store};
use serde::{Deserialize, Serialize};

use crate::Paper;

/// The dashboard's figures for `period` (default: the overview's), as of
/// today (WIB); `None` when the database holds no plan.
pub fn summary(store: &Store, period: Option<PeriodRef>) -> Result<Option<RegencySummary>> {
    consolidation::summary(store.conn(), period, today_wib())
}

/// The Rekap kabupaten of a quarter, written to `out`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportRekap {
    pub period: PeriodRef,
    pub paper: Paper,
    pub out: PathBuf,
}

/// Writes the rekap as of today (WIB).
pub fn export_rekap(store: &Store, request: &ExportRekap) -> Result<RekapWritten> {
    rekap::export(
        store,
        Some(request.period),
        today_wib(),
        &request.out,
        request.paper,
    )
}

/// The file name the save dialog suggests: `rekap-kabupaten-2018-tw2.xlsx`.
pub fn suggested_file_name(period: PeriodRef) -> String {
    format!("rekap-kabupaten-{}-tw{}.xlsx", period.year, period.quarter)
}
