//! Bappeda writes the feedback file of one OPD, or of every OPD with a role
//! in the plan: content, sequence, sign, write through `files` (temp, fsync,
//! rename), record in `feedback_sent`.
//!
//! The sequence is `max(last + 1, unix seconds now)`: above every file
//! written for that OPD and plan here, and, because the clock moves on, above
//! those written before a restore of an older Bappeda backup (whose
//! `feedback_sent` no longer knows them), so an OPD never refuses a genuine
//! newer file as older. A clock set back still gives `last + 1`. It only
//! orders the files: the letter, the file name and the messages say the
//! number a person counts, "Umpan balik ke-3" (the third file written here
//! for that OPD and plan; after a restore it counts from the backup's).

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::content::{self, Numbering};
use super::file;
use super::letter::number_label;
use crate::dates::today_wib;
use crate::model::{Opd, Plan};
use crate::store::feedback_sent::{self, SentRecord};
use crate::store::{actions, now, opds, plans};
use crate::workbook::print::Paper;
use crate::{Error, Result, Store};

/// What was written, for the caller to report.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FeedbackWritten {
    pub path: String,
    pub opd_code: String,
    pub opd_name: String,
    /// Orders the files; not for people.
    pub sequence: i64,
    /// "Umpan balik ke-3".
    pub number: i64,
    pub reports: usize,
    pub notes: usize,
    pub open_notes: usize,
    pub replies: usize,
}

const DOING: &str = "menulis berkas umpan balik";

/// Who may write feedback files, and on which plan: Bappeda, on the active
/// plan; asked before a dialog opens too.
pub fn require_writer(conn: &rusqlite::Connection) -> Result<Plan> {
    crate::access::require_bappeda(conn, DOING)?;
    let plan = plans::require_current(conn)?;
    crate::access::require_active_plan(conn, &plan.id)?;
    Ok(plan)
}

/// The plan and OPD a feedback file is written for, or why not.
fn plan_and_opd(store: &Store, opd_code: &str) -> Result<(Plan, Opd)> {
    let conn = store.conn();
    let plan = require_writer(conn)?;
    let opd = opds::by_code(conn, opd_code.trim())?.ok_or_else(|| {
        let known = involved(conn, &plan).unwrap_or_default();
        Error::unknown_opd(opd_code.trim(), known.iter().map(|o| o.code.as_str()))
    })?;
    Ok((plan, opd))
}

/// The OPDs with a role in the plan (lead or supporting of an action in
/// use), by code: those the submission matrix lists.
pub fn involved(conn: &rusqlite::Connection, plan: &Plan) -> Result<Vec<Opd>> {
    let plan_actions = actions::list(conn, &plan.id)?;
    Ok(opds::list(conn)?
        .into_iter()
        .filter(|o| {
            plan_actions
                .iter()
                .filter(|a| a.archived.is_none())
                .any(|a| a.lead_opd_id == o.id || a.supporting_opd_ids.contains(&o.id))
        })
        .collect())
}

/// The next sequence and number of `opd`'s feedback in `plan` (see the
/// module's note).
fn next_numbering(conn: &rusqlite::Connection, plan: &Plan, opd: &Opd) -> Result<Numbering> {
    let last = feedback_sent::last_sequence(conn, &plan.id, &opd.id)?.unwrap_or(0);
    Ok(Numbering {
        sequence: (last + 1).max(chrono::Utc::now().timestamp()),
        number: next_number(conn, plan, opd)?,
    })
}

fn next_number(conn: &rusqlite::Connection, plan: &Plan, opd: &Opd) -> Result<i64> {
    Ok(feedback_sent::count(conn, &plan.id, &opd.id)? + 1)
}

/// The file name the save dialog suggests: `umpan-balik-DINKES-3.xlsx`, the
/// third file written for that OPD in this plan.
pub fn suggested_file_name(store: &Store, opd_code: &str) -> Result<String> {
    let (plan, opd) = plan_and_opd(store, opd_code)?;
    let n = next_number(store.conn(), &plan, &opd)?;
    Ok(file_name(&opd.code, n, 1))
}

/// `umpan-balik-DINKES-3.xlsx`, or for the `copy`-th name of the same file
/// `umpan-balik-DINKES-3 (2).xlsx`.
fn file_name(code: &str, n: i64, copy: u32) -> String {
    let code: String = code
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .collect();
    match copy {
        1 => format!("umpan-balik-{code}-{n}.xlsx"),
        _ => format!("umpan-balik-{code}-{n} ({copy}).xlsx"),
    }
}

/// Most names tried for one file in a folder before giving up.
const MAX_COPIES: u32 = 100;

/// A name in `dir` no file has yet: a file there (one written before a
/// restore of an older Bappeda backup, whose count starts lower) is never
/// overwritten.
fn free_path(dir: &Path, code: &str, n: i64) -> Result<PathBuf> {
    (1..=MAX_COPIES)
        .map(|copy| dir.join(file_name(code, n, copy)))
        .find(|path| !path.exists())
        .ok_or_else(|| {
            Error::invalid(
                "out",
                format!(
                    "Folder {} sudah memuat terlalu banyak berkas bernama {}; pilih folder lain.",
                    dir.display(),
                    file_name(code, n, 1)
                ),
            )
        })
}

/// Writes the feedback file of the OPD `opd_code` to `out`.
pub fn write(
    store: &mut Store,
    data_dir: &Path,
    opd_code: &str,
    paper: Paper,
    out: &Path,
) -> Result<FeedbackWritten> {
    let (plan, opd) = plan_and_opd(store, opd_code)?;
    write_for(store, data_dir, &plan, &opd, paper, out)
}

/// Writes one file per OPD with a role in the plan into `dir`, named as
/// [`suggested_file_name`] would; stops at the first that fails (those
/// written before it stay written and recorded).
pub fn write_all(
    store: &mut Store,
    data_dir: &Path,
    dir: &Path,
    paper: Paper,
) -> Result<Vec<FeedbackWritten>> {
    crate::access::require_bappeda(store.conn(), DOING)?;
    let plan = plans::require_current(store.conn())?;
    crate::access::require_active_plan(store.conn(), &plan.id)?;
    if !dir.is_dir() {
        return Err(Error::invalid(
            "out",
            format!(
                "Folder {} tidak ada; pilih folder yang sudah ada untuk berkas umpan balik.",
                dir.display()
            ),
        ));
    }
    let mut written = Vec::new();
    for opd in involved(store.conn(), &plan)? {
        let n = next_number(store.conn(), &plan, &opd)?;
        let out = free_path(dir, &opd.code, n)?;
        written.push(write_for(store, data_dir, &plan, &opd, paper, &out)?);
    }
    Ok(written)
}

fn write_for(
    store: &mut Store,
    data_dir: &Path,
    plan: &Plan,
    opd: &Opd,
    paper: Paper,
    out: &Path,
) -> Result<FeedbackWritten> {
    let key = crate::keys::signing_key(store.conn(), data_dir)?;
    let actor = crate::editing::current_profile(store.conn())?.user_name;
    let numbering = next_numbering(store.conn(), plan, opd)?;
    let written_at = now();
    let feedback =
        store.read(|conn| content::build(conn, plan, opd, numbering, &written_at, today_wib()))?;
    let bytes = file::workbook_bytes(&feedback, &key, paper)?;
    let file_name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The file lands inside the transaction that records it: a file that
    // cannot be written rolls the record back.
    store.write(|tx| {
        feedback_sent::insert(
            tx,
            &SentRecord {
                id: &crate::ids::new_id(),
                plan_id: &plan.id,
                opd_id: &opd.id,
                sequence: numbering.sequence,
                number: numbering.number,
                written_at: &written_at,
                file_name: &file_name,
            },
        )?;
        crate::store::audit::record(
            tx,
            &actor,
            &crate::store::audit::Change::new("feedback", &opd.id, "create").to(Some(&format!(
                "{} untuk {}",
                number_label(numbering.number),
                opd.code
            ))),
        )?;
        crate::files::write_atomically(out, &bytes)
    })?;
    Ok(FeedbackWritten {
        path: out.display().to_string(),
        opd_code: opd.code.clone(),
        opd_name: opd.name.clone(),
        sequence: numbering.sequence,
        number: numbering.number,
        reports: feedback.reports.len(),
        notes: feedback.notes.len(),
        open_notes: feedback
            .notes
            .iter()
            .filter(|n| n.resolved_at.is_none())
            .count(),
        replies: feedback.replies.len(),
    })
}
