//! Catatan verifikator: Bappeda's notes on a received report, an action or an
//! indicator. Only Bappeda writes them; they stay in Bappeda's database (they
//! travel in the rekap, never in open data).

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::access;
use crate::editing::{actor, new_id, record, required};
use crate::period::PeriodRef;
use crate::store::audit::Change;
use crate::store::note_replies::{self, ReplyRow};
use crate::store::review_notes::{self, ReviewNoteRow};
use crate::store::{actions, indicators, now, opds};
use crate::{Error, Result, Store};

/// The longest note, in characters: a paragraph or two, not a document. An
/// OPD's reply (tanggapan) takes as much.
pub const MAX_BODY: usize = 2_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(rename = "NoteSubjectKind")]
#[serde(rename_all = "snake_case")]
pub enum SubjectKind {
    Report,
    Action,
    Indicator,
}

impl SubjectKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SubjectKind::Report => "report",
            SubjectKind::Action => "action",
            SubjectKind::Indicator => "indicator",
        }
    }

    pub fn parse(text: &str) -> Option<SubjectKind> {
        match text {
            "report" => Some(SubjectKind::Report),
            "action" => Some(SubjectKind::Action),
            "indicator" => Some(SubjectKind::Indicator),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteInput {
    pub subject_kind: SubjectKind,
    pub subject_id: String,
    pub body: String,
}

/// A note with what it is about, as a reader sees it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ReviewNote {
    pub id: String,
    pub subject_kind: SubjectKind,
    pub subject_id: String,
    /// "RA-01 Penyiapan ...", "Laporan DINKES Triwulan II 2019 (no. 3)", ...
    pub subject_label: String,
    /// The OPD the subject belongs to (the report's, the lead, the indicator's).
    pub opd_code: String,
    pub author: String,
    pub body: String,
    pub created_at: String,
    pub resolved_at: Option<String>,
    /// The OPD's replies (tanggapan), oldest first: the thread of the note.
    pub replies: Vec<NoteReply>,
}

/// A reply (tanggapan) of an OPD to a verifier note. Never edited: the OPD
/// writes another.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct NoteReply {
    pub id: String,
    pub author: String,
    pub body: String,
    pub created_at: String,
    /// At Bappeda: when a report brought it. At an OPD: when a feedback file
    /// said Bappeda has it; none while it is on its way.
    pub received_at: Option<String>,
}

impl From<ReplyRow> for NoteReply {
    fn from(row: ReplyRow) -> NoteReply {
        NoteReply {
            id: row.id,
            author: row.author,
            body: row.body,
            created_at: row.created_at,
            received_at: row.received_at,
        }
    }
}

/// The replies to a note, oldest first.
pub fn replies(conn: &Connection, note_id: &str) -> Result<Vec<NoteReply>> {
    Ok(note_replies::for_note(conn, note_id)?
        .into_iter()
        .map(NoteReply::from)
        .collect())
}

/// What a subject is called, whose it is, and in which plan.
pub(crate) struct Subject {
    pub label: String,
    pub opd_code: String,
    pub plan_id: String,
}

/// What only Bappeda does here, for [`access::require_bappeda`].
const WRITING: &str = "menulis catatan verifikator";

fn opd_code_of(conn: &Connection, opd_id: &str) -> Result<String> {
    Ok(opds::get(conn, opd_id)?.map(|o| o.code).unwrap_or_default())
}

fn subject(conn: &Connection, kind: SubjectKind, id: &str) -> Result<Option<Subject>> {
    Ok(match kind {
        SubjectKind::Action => match actions::get(conn, id)? {
            Some(a) => Some(Subject {
                label: format!("{} {}", a.code, a.title),
                opd_code: opd_code_of(conn, &a.lead_opd_id)?,
                plan_id: a.plan_id,
            }),
            None => None,
        },
        SubjectKind::Indicator => match indicators::get(conn, id)? {
            Some(i) => {
                let (code, plan_id) = actions::get(conn, &i.action_id)?
                    .map(|a| (a.code, a.plan_id))
                    .unwrap_or_default();
                Some(Subject {
                    label: format!("{code} · {}", i.description),
                    opd_code: opd_code_of(conn, &i.opd_id)?,
                    plan_id,
                })
            }
            None => None,
        },
        SubjectKind::Report => {
            use rusqlite::OptionalExtension;
            conn.query_row(
                "SELECT o.code, r.year, r.quarter, r.sequence, r.plan_id FROM reports r
                 JOIN opds o ON o.id = r.opd_id WHERE r.id = ?1 AND r.direction = 'imported'",
                [id],
                |row| {
                    let (code, year, quarter, sequence): (String, i32, u8, i64) =
                        (row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?);
                    Ok(Subject {
                        label: format!(
                            "Laporan {code} {} (no. {sequence})",
                            PeriodRef { year, quarter }.label()
                        ),
                        opd_code: code,
                        plan_id: row.get(4)?,
                    })
                },
            )
            .optional()?
        }
    })
}

fn described(conn: &Connection, row: ReviewNoteRow) -> Result<ReviewNote> {
    let kind = SubjectKind::parse(&row.subject_kind).ok_or_else(|| Error::UnknownValue {
        field: "subject_kind",
        value: row.subject_kind.clone(),
    })?;
    // A subject removed since (an action Bappeda deleted) keeps its note.
    let subject = subject(conn, kind, &row.subject_id)?.unwrap_or(Subject {
        label: "(sudah dihapus)".into(),
        opd_code: String::new(),
        plan_id: String::new(),
    });
    let replies = replies(conn, &row.id)?;
    Ok(ReviewNote {
        replies,
        id: row.id,
        subject_kind: kind,
        subject_id: row.subject_id,
        subject_label: subject.label,
        opd_code: subject.opd_code,
        author: row.author,
        body: row.body,
        created_at: row.created_at,
        resolved_at: row.resolved_at,
    })
}

/// Bappeda writes a note on a report, an action or an indicator.
pub fn add(store: &mut Store, input: &NoteInput) -> Result<ReviewNote> {
    access::require_bappeda(store.conn(), WRITING)?;
    access::require_viewed_plan_active(store.conn())?;
    let body = required("body", &input.body, "Catatan", MAX_BODY)?;
    if subject(store.conn(), input.subject_kind, &input.subject_id)?.is_none() {
        return Err(Error::NotFound(match input.subject_kind {
            SubjectKind::Report => "Laporan".into(),
            SubjectKind::Action => "Rencana aksi".into(),
            SubjectKind::Indicator => "Indikator".into(),
        }));
    }
    let actor = actor(store.conn())?;
    let row = ReviewNoteRow {
        id: new_id(),
        subject_kind: input.subject_kind.as_str().into(),
        subject_id: input.subject_id.clone(),
        author: actor.name().to_string(),
        body,
        created_at: now(),
        resolved_at: None,
    };
    store.write(|tx| {
        review_notes::insert(tx, &row)?;
        record(
            tx,
            &actor,
            Change::new("review_note", &row.id, "create").to(Some(&row.body)),
        )
    })?;
    described(store.conn(), row)
}

/// Marks a note as dealt with, or open again.
pub fn set_resolved(store: &mut Store, id: &str, resolved: bool) -> Result<ReviewNote> {
    access::require_bappeda(store.conn(), WRITING)?;
    access::require_viewed_plan_active(store.conn())?;
    let row = review_notes::get(store.conn(), id)?
        .ok_or_else(|| Error::NotFound("Catatan verifikator".into()))?;
    let actor = actor(store.conn())?;
    let resolved_at = resolved.then(now);
    store.write(|tx| {
        review_notes::set_resolved(tx, id, resolved_at.as_deref())?;
        record(
            tx,
            &actor,
            Change::new("review_note", id, "update")
                .on("resolvedAt")
                .from(row.resolved_at.as_deref())
                .to(resolved_at.as_deref()),
        )
    })?;
    let row = review_notes::get(store.conn(), id)?
        .ok_or_else(|| Error::NotFound("Catatan verifikator".into()))?;
    described(store.conn(), row)
}

/// Every note, oldest first, with what it is about.
pub fn list(conn: &Connection) -> Result<Vec<ReviewNote>> {
    review_notes::list(conn)?
        .into_iter()
        .map(|row| described(conn, row))
        .collect()
}

/// What a note's subject is, whose (the report's OPD, the action's lead, the
/// indicator's owner, as [`ReviewNote::opd_code`] says) and in which plan;
/// `None` when the subject is gone.
pub(crate) fn note_subject(conn: &Connection, note: &ReviewNoteRow) -> Result<Option<Subject>> {
    let Some(kind) = SubjectKind::parse(&note.subject_kind) else {
        return Ok(None);
    };
    subject(conn, kind, &note.subject_id)
}

/// The notes on one OPD's reports, the actions it leads and the indicators
/// it owns in a plan, open and resolved, oldest first: what its feedback
/// file carries.
pub fn notes_for_opd(conn: &Connection, plan_id: &str, opd_id: &str) -> Result<Vec<ReviewNote>> {
    let mut stmt = conn.prepare(
        "SELECT n.id FROM review_notes n WHERE
            (n.subject_kind = 'report' AND EXISTS (SELECT 1 FROM reports r
                WHERE r.id = n.subject_id AND r.plan_id = ?1 AND r.opd_id = ?2
                  AND r.direction = 'imported'))
         OR (n.subject_kind = 'action' AND EXISTS (SELECT 1 FROM actions a
                WHERE a.id = n.subject_id AND a.plan_id = ?1 AND a.lead_opd_id = ?2))
         OR (n.subject_kind = 'indicator' AND EXISTS (SELECT 1 FROM indicators i
                JOIN actions a ON a.id = i.action_id
                WHERE i.id = n.subject_id AND a.plan_id = ?1 AND i.opd_id = ?2))
         ORDER BY n.created_at, n.rowid",
    )?;
    let ids: Vec<String> = stmt
        .query_map([plan_id, opd_id], |row| row.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut notes = Vec::with_capacity(ids.len());
    for id in ids {
        if let Some(row) = review_notes::get(conn, &id)? {
            notes.push(described(conn, row)?);
        }
    }
    Ok(notes)
}

/// The latest report received from an OPD for a quarter.
pub fn report_id(conn: &Connection, opd_code: &str, period: PeriodRef) -> Result<String> {
    use rusqlite::OptionalExtension;
    conn.query_row(
        // The one received last, as `reports::RECEIVED_LAST_FIRST`: sequences
        // of different keys do not compare.
        "SELECT r.id FROM reports r JOIN opds o ON o.id = r.opd_id
         WHERE o.code = ?1 AND r.year = ?2 AND r.quarter = ?3 AND r.direction = 'imported'
         ORDER BY r.received_at DESC, r.rowid DESC LIMIT 1",
        rusqlite::params![opd_code, period.year, period.quarter],
        |row| row.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("Laporan {opd_code} {}", period.label())))
}

/// An action of the current plan by its code (RA-01).
pub fn action_id(conn: &Connection, code: &str) -> Result<String> {
    use rusqlite::OptionalExtension;
    // Codes repeat from one plan to the next (RA-01 in 2018 and in 2020).
    let plan = crate::store::plans::require_current(conn)?;
    conn.query_row(
        "SELECT id FROM actions WHERE code = ?1 COLLATE NOCASE AND plan_id = ?2",
        [code.trim(), plan.id.as_str()],
        |row| row.get(0),
    )
    .optional()?
    .ok_or_else(|| Error::NotFound(format!("Rencana aksi {}", code.trim())))
}
