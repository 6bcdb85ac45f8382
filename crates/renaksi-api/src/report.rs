//! The quarterly Laporan OPD: the signature block settings, the export, the
//! OPD's calendar and report history, and the check of a report file.

use std::path::{Path, PathBuf};

use renaksi_core::calendar::history::ReportHistory;
use renaksi_core::calendar::ReportCalendar;
use renaksi_core::dates::NaiveDate;
use renaksi_core::editing::current_profile;
use renaksi_core::period::PeriodRef;
use renaksi_core::profile::Role;
use renaksi_core::report::check::{self, CheckReport};
use renaksi_core::report::export::{self, Exported, SignatureSettings};
use renaksi_core::{Result, Store};
use serde::{Deserialize, Serialize};

use crate::Paper;

pub fn signature_settings(store: &Store) -> Result<SignatureSettings> {
    export::signature_settings(store)
}

/// Saves the signature block and returns it as it now reads.
pub fn save_signature_settings(
    store: &mut Store,
    input: &SignatureSettings,
) -> Result<SignatureSettings> {
    export::save_signature_settings(store, input)?;
    export::signature_settings(store)
}

/// The OPD's report of a quarter, written to `out`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportReport {
    pub period: PeriodRef,
    pub paper: Paper,
    pub out: PathBuf,
    /// Also write the evidence bundle (`<report>.bukti.zip`) beside the report:
    /// the files its file evidence names, for Bappeda.
    #[serde(default)]
    pub with_evidence: bool,
}

/// Writes the report (`data_dir` holds the installation's signing key and
/// the evidence folder).
pub fn export(store: &mut Store, data_dir: &Path, request: &ExportReport) -> Result<Exported> {
    export::export_with_evidence(
        store,
        data_dir,
        request.period,
        request.paper,
        &request.out,
        request.with_evidence,
    )
}

/// Whether the OPD's report would name evidence files (the export offers
/// their bundle, checked by default, when it does).
pub fn has_file_evidence(store: &Store) -> Result<bool> {
    renaksi_core::report::evidence_bundle::opd_has_files(store.conn())
}

/// This installation's signing key as the OPD reads it out to Bappeda.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct OwnKey {
    /// The fingerprint as eight words.
    pub words: String,
    /// The same fingerprint in hex, e.g. `1A2B-3C4D-5E6F-7081`.
    pub fingerprint: String,
}

/// The fingerprint of the key this installation signs its reports with (the
/// database's key, as the export signs; else the one in `data_dir`'s
/// `kunci/`), or `None` while there is none yet: showing it does not make one.
pub fn own_key(store: &Store, data_dir: &Path) -> Result<Option<OwnKey>> {
    use renaksi_core::workbook::{key_words, signature};
    // One source with the export: the database's key signs.
    let Some(public_key) = renaksi_core::keys::current_public_key(store.conn(), data_dir)? else {
        return Ok(None);
    };
    Ok(Some(OwnKey {
        words: key_words::fingerprint_words(&public_key),
        fingerprint: signature::fingerprint(&public_key),
    }))
}

/// The OPD's calendar of the plan being viewed, as of `today` (the shell
/// gives the computer's date, `renaksi_core::dates::today_local`): the next
/// report due or the oldest overdue, and per quarter what was exported here
/// and what Bappeda received and verified as of the last feedback file.
pub fn calendar(store: &Store, today: NaiveDate) -> Result<ReportCalendar> {
    renaksi_core::calendar::calendar(store.conn(), today)
}

/// Every report exported here for the plan being viewed, newest first, with
/// Bappeda's status for it as of the last feedback file.
pub fn history(store: &Store) -> Result<ReportHistory> {
    renaksi_core::calendar::history::history(store.conn())
}

/// The file name the save dialog suggests: `laporan-dinkes-2018-tw2.xlsx`.
pub fn suggested_file_name(store: &Store, period: PeriodRef) -> Result<String> {
    let whose = match current_profile(store.conn())?.role {
        Role::Opd { code } => code.to_lowercase(),
        Role::Bappeda => "bappeda".into(),
    };
    Ok(format!(
        "laporan-{whose}-{}-tw{}.xlsx",
        period.year, period.quarter
    ))
}

/// Checks a report file: format, signature, and that the printed table agrees
/// with the signed data. The problems found are in the report.
pub fn check(file: &Path) -> Result<CheckReport> {
    check::check_file(file)
}
