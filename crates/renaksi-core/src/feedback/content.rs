//! What Bappeda says to one OPD in its feedback file, built from Bappeda's
//! store: the reports received from it, each quarter's due date, closing and
//! submission state, every verifier note on its reports, the actions it
//! leads and the indicators it owns, and the ids of its replies received.
//! Rows are sorted, so one state gives one canonical serialisation, which
//! Bappeda's key signs.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::keys::RotationStatement;
use crate::model::{Opd, Plan};
use crate::review;
use crate::store::feedback_reports::ReportRow;
use crate::store::{note_replies, periods, reports};
use crate::submissions::{self, SubmissionState};
use crate::Result;

/// Version of the feedback file's format; a reader refuses other versions.
pub const FORMAT_VERSION: i64 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Feedback {
    pub meta: Meta,
    /// Every report received from the OPD for the plan, oldest first.
    pub reports: Vec<ReportRow>,
    /// Every quarter of the plan, in order.
    pub quarters: Vec<QuarterRow>,
    /// Every note on the OPD's reports, actions and indicators, oldest first.
    pub notes: Vec<NoteRow>,
    /// The OPD's replies Bappeda holds, by id.
    pub replies: Vec<ReplyReceipt>,
    /// Bappeda's key rotations, oldest first: an OPD that pinned an earlier
    /// key follows them to the key that signed, as for a package.
    #[serde(default)]
    pub rotations: Vec<RotationStatement>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Meta {
    pub format_version: i64,
    pub plan_id: String,
    pub plan_version: i64,
    pub plan_title: String,
    pub region: String,
    pub opd_id: String,
    pub opd_code: String,
    pub opd_name: String,
    /// Orders Bappeda's feedback files for this OPD and plan (see `send`):
    /// an OPD takes only a file newer than the last one it took. Never
    /// printed: people read [`Meta::number`].
    pub sequence: i64,
    /// The count a person reads: "Umpan balik ke-3", the third file written
    /// for this OPD and plan.
    pub number: i64,
    pub written_at: String,
    pub app_version: String,
}

/// A quarter as Bappeda holds it for this OPD.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct QuarterRow {
    pub year: i32,
    pub quarter: u8,
    pub due_date: Option<String>,
    /// 1 when Bappeda closed the quarter.
    pub closed: i64,
    /// The submission matrix's word: belum, diterima, terlambat, diverifikasi.
    pub state: String,
}

/// A verifier note as it travels.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct NoteRow {
    pub id: String,
    /// report, action or indicator.
    pub subject_kind: String,
    /// The action's or indicator's id; empty for a report note.
    pub subject_id: String,
    pub subject_label: String,
    /// For a report note: the report's sequence and key fingerprint.
    pub report_sequence: Option<i64>,
    pub report_key: Option<String>,
    pub author: String,
    pub body: String,
    pub created_at: String,
    pub resolved_at: Option<String>,
}

/// A reply of the OPD that Bappeda received, and when. Its text comes back
/// too, so the printed letter is made from the signed data alone (and an OPD
/// can check the letter it took).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ReplyReceipt {
    pub id: String,
    pub note_id: String,
    pub author: String,
    pub body: String,
    pub created_at: String,
    pub received_at: String,
}

impl Feedback {
    /// The canonical serialisation the signature covers: compact JSON, fields
    /// in declaration order, rows in the order `build` sorts them.
    pub fn canonical_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("a feedback file always serialises")
    }
}

/// The submission matrix's word for a state.
pub fn state_word(state: SubmissionState) -> String {
    match serde_json::to_value(state) {
        Ok(serde_json::Value::String(word)) => word,
        _ => String::new(),
    }
}

/// The words a quarter's state may be.
pub const STATE_WORDS: [&str; 4] = ["belum", "diterima", "terlambat", "diverifikasi"];

/// Which file of an OPD's feedback this is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Numbering {
    /// The ordering key ([`Meta::sequence`]).
    pub sequence: i64,
    /// The count a person reads ([`Meta::number`]).
    pub number: i64,
}

/// What Bappeda's store says to `opd` about `plan`, as of `today`.
pub fn build(
    conn: &Connection,
    plan: &Plan,
    opd: &Opd,
    numbering: Numbering,
    written_at: &str,
    today: chrono::NaiveDate,
) -> Result<Feedback> {
    let received: Vec<ReportRow> = {
        let mut stmt = conn.prepare(
            "SELECT year, quarter, sequence, key_fingerprint, exported_at, received_at,
                    verified_at, verified_by
             FROM reports WHERE plan_id = ?1 AND opd_id = ?2 AND direction = 'imported'
             ORDER BY received_at, rowid",
        )?;
        let rows = stmt.query_map([&plan.id, &opd.id], |row| {
            Ok(ReportRow {
                year: row.get(0)?,
                quarter: row.get(1)?,
                sequence: row.get(2)?,
                key_fingerprint: row.get(3)?,
                exported_at: row.get(4)?,
                received_at: row.get::<_, Option<String>>(5)?.unwrap_or_default(),
                verified_at: row.get(6)?,
                verified_by: row.get(7)?,
            })
        })?;
        rows.collect::<rusqlite::Result<_>>()?
    };
    let matrix = submissions::matrix(conn, today)?;
    let cells = matrix
        .rows
        .into_iter()
        .find(|r| r.opd.code == opd.code)
        .map(|r| r.cells)
        .unwrap_or_default();
    let quarters = periods::list(conn, &plan.id)?
        .into_iter()
        .map(|p| {
            let state = cells
                .iter()
                .find(|c| c.year == p.year && c.quarter == p.quarter)
                .map_or(SubmissionState::NotSubmitted, |c| c.state);
            QuarterRow {
                year: p.year,
                quarter: p.quarter,
                due_date: p.due_date,
                closed: p.closed.into(),
                state: state_word(state),
            }
        })
        .collect();
    let notes = review::notes_for_opd(conn, &plan.id, &opd.id)?;
    let mut rows = Vec::with_capacity(notes.len());
    let mut replies = Vec::new();
    for note in &notes {
        let (report_sequence, report_key, subject_id) = match note.subject_kind {
            review::SubjectKind::Report => {
                let (sequence, key) = reports::sequence_and_key(conn, &note.subject_id)?
                    .map_or((None, None), |(s, k)| (Some(s), Some(k)));
                (sequence, key, String::new())
            }
            _ => (None, None, note.subject_id.clone()),
        };
        rows.push(NoteRow {
            id: note.id.clone(),
            subject_kind: note.subject_kind.as_str().to_string(),
            subject_id,
            subject_label: note.subject_label.clone(),
            report_sequence,
            report_key,
            author: note.author.clone(),
            body: note.body.clone(),
            created_at: note.created_at.clone(),
            resolved_at: note.resolved_at.clone(),
        });
        // Only this OPD's own replies: after Bappeda moved an action's lead,
        // the earlier lead's replies stay in Bappeda's thread, not in the
        // letter to the new one.
        replies.extend(
            note_replies::for_note(conn, &note.id)?
                .into_iter()
                .filter(|r| r.opd_id == opd.id)
                .filter_map(|r| {
                    Some(ReplyReceipt {
                        received_at: r.received_at?,
                        id: r.id,
                        note_id: note.id.clone(),
                        author: r.author,
                        body: r.body,
                        created_at: r.created_at,
                    })
                }),
        );
    }
    replies.sort_by(|a, b| a.id.cmp(&b.id));
    Ok(Feedback {
        meta: Meta {
            format_version: FORMAT_VERSION,
            plan_id: plan.id.clone(),
            plan_version: plan.version,
            plan_title: plan.title.clone(),
            region: plan.region.clone(),
            opd_id: opd.id.clone(),
            opd_code: opd.code.clone(),
            opd_name: opd.name.clone(),
            sequence: numbering.sequence,
            number: numbering.number,
            written_at: written_at.to_string(),
            app_version: crate::APP_VERSION.to_string(),
        },
        reports: received,
        quarters,
        notes: rows,
        replies,
        rotations: crate::keys::statements(conn)?,
    })
}
