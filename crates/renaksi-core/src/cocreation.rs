//! Sesi ko-kreasi: the workshops where government and civil society shape the
//! plan. Bappeda (the secretariat) records each session (date, place, who took
//! part), every input (masukan) tied to one action, and the government's
//! response (tanggapan): accepted, accepted with changes, or declined with a
//! reason. The record prints as a berita acara and its inputs and responses
//! are published in the open data (without the names of people).

pub mod berita_acara;

use std::collections::HashMap;
use std::str::FromStr;

use rusqlite::Connection;
use serde::{Deserialize, Deserializer, Serialize};

use crate::access::{self, Actor};
use crate::editing::{actor, date, new_id, optional, record, record_update, required};
use crate::store::audit::Change;
use crate::store::input_responses::{self, ResponseRow};
use crate::store::session_inputs::{self, InputRow};
use crate::store::session_participants::{self, ParticipantRow};
use crate::store::sessions::{self, SessionRow};
use crate::store::{actions, now, opds, plans};
use crate::{Error, Result, Store};

const MAX_TITLE: usize = 200;
const MAX_PLACE: usize = 200;
const MAX_NOTES: usize = 4_000;
const MAX_NAME: usize = 120;
const MAX_ORGANISATION: usize = 200;
const MAX_BODY: usize = 4_000;
const MAX_REASON: usize = 2_000;

/// Whose side a participant speaks for (unsur).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "snake_case")]
pub enum ParticipantKind {
    /// A regency office.
    Opd,
    /// A civil society organisation (organisasi masyarakat sipil, OMS).
    Cso,
    /// Anyone else: academics, press, residents.
    Other,
}

impl ParticipantKind {
    pub const ALL: [ParticipantKind; 3] = [
        ParticipantKind::Opd,
        ParticipantKind::Cso,
        ParticipantKind::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            ParticipantKind::Opd => "opd",
            ParticipantKind::Cso => "cso",
            ParticipantKind::Other => "other",
        }
    }

    /// "OPD", "OMS", "Lainnya", as the berita acara prints it.
    pub fn label(self) -> &'static str {
        match self {
            ParticipantKind::Opd => "OPD",
            ParticipantKind::Cso => "OMS",
            ParticipantKind::Other => "Lainnya",
        }
    }

    fn stored(text: &str) -> Result<ParticipantKind> {
        ParticipantKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text)
            .ok_or_else(|| Error::UnknownValue {
                field: "session_participants.kind",
                value: text.to_string(),
            })
    }
}

impl FromStr for ParticipantKind {
    type Err = Error;

    /// Accepts the stored words and the Indonesian ones: opd, cso or oms, other or lainnya.
    fn from_str(text: &str) -> Result<ParticipantKind> {
        match text.trim().to_lowercase().as_str() {
            "opd" => Ok(ParticipantKind::Opd),
            "cso" | "oms" => Ok(ParticipantKind::Cso),
            "other" | "lainnya" => Ok(ParticipantKind::Other),
            _ => Err(Error::invalid(
                "kind",
                format!(
                    "Unsur peserta \"{}\" tidak dikenal; pilih opd, cso atau other.",
                    text.trim()
                ),
            )),
        }
    }
}

/// Through `FromStr`: the same words and messages over IPC as on the command line.
impl<'de> Deserialize<'de> for ParticipantKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        crate::words::deserialize(deserializer)
    }
}

/// The government's decision on an input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
pub enum Decision {
    #[serde(rename = "diterima")]
    Accepted,
    #[serde(rename = "diterima_dengan_perubahan")]
    AcceptedWithChanges,
    #[serde(rename = "ditolak")]
    Declined,
}

impl Decision {
    pub const ALL: [Decision; 3] = [
        Decision::Accepted,
        Decision::AcceptedWithChanges,
        Decision::Declined,
    ];

    /// The stored (and open data) form.
    pub fn as_str(self) -> &'static str {
        match self {
            Decision::Accepted => "diterima",
            Decision::AcceptedWithChanges => "diterima_dengan_perubahan",
            Decision::Declined => "ditolak",
        }
    }

    /// "Diterima", "Diterima dengan perubahan", "Ditolak".
    pub fn label(self) -> &'static str {
        match self {
            Decision::Accepted => "Diterima",
            Decision::AcceptedWithChanges => "Diterima dengan perubahan",
            Decision::Declined => "Ditolak",
        }
    }

    /// Whether the response must say why.
    pub fn needs_reason(self) -> bool {
        !matches!(self, Decision::Accepted)
    }

    fn stored(text: &str) -> Result<Decision> {
        Decision::ALL
            .into_iter()
            .find(|d| d.as_str() == text)
            .ok_or_else(|| Error::UnknownValue {
                field: "input_responses.decision",
                value: text.to_string(),
            })
    }
}

impl FromStr for Decision {
    type Err = Error;

    /// Accepts `diterima`, `diterima-dengan-perubahan` (or with underscores or
    /// spaces) and `ditolak`.
    fn from_str(text: &str) -> Result<Decision> {
        let key = text.trim().to_lowercase().replace(['-', ' '], "_");
        Decision::ALL
            .into_iter()
            .find(|d| d.as_str() == key)
            .ok_or_else(|| {
                Error::invalid(
                    "decision",
                    format!(
                        "Tanggapan \"{}\" tidak dikenal; pilih diterima, \
                         diterima-dengan-perubahan atau ditolak.",
                        text.trim()
                    ),
                )
            })
    }
}

/// Through `FromStr`: the same words and messages over IPC as on the command line.
impl<'de> Deserialize<'de> for Decision {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        crate::words::deserialize(deserializer)
    }
}

// ---------------------------------------------------------------------------
// What the user sends

/// A new session (`id` is `None`) or the changed fields of one.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionForm {
    pub id: Option<String>,
    pub title: String,
    /// YYYY-MM-DD.
    pub held_on: String,
    pub place: String,
    pub notes: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ParticipantForm {
    pub session_id: String,
    pub name: String,
    /// Instansi or organisation; for an OPD participant, the OPD's name when left empty.
    pub organisation: String,
    pub kind: ParticipantKind,
    /// The OPD's code (DINKES), for an OPD participant.
    pub opd_code: Option<String>,
}

/// A new input (`id` is `None`) or the changed fields of one; an input keeps
/// its session.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct InputForm {
    pub id: Option<String>,
    pub session_id: String,
    pub action_id: String,
    /// The person who spoke (kept in the berita acara, not in open data).
    pub author: String,
    pub organisation: String,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ResponseForm {
    pub input_id: String,
    pub decision: Decision,
    pub reason: String,
}

// ---------------------------------------------------------------------------
// What the user sees

/// A session in the list of sessions.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionSummary {
    pub id: String,
    pub title: String,
    pub held_on: String,
    pub place: String,
    pub participant_count: usize,
    pub input_count: usize,
    /// Inputs that have a response.
    pub responded_count: usize,
}

/// The list of sessions as the screen shows it, with whether this profile
/// records new ones.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SessionList {
    pub can_edit: bool,
    pub sessions: Vec<SessionSummary>,
}

/// One session with everything its record holds.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Session {
    pub id: String,
    pub title: String,
    pub held_on: String,
    pub place: String,
    pub notes: String,
    pub created_at: String,
    pub participants: Vec<Participant>,
    /// The inputs grouped by action, actions by code.
    pub actions: Vec<ActionInputs>,
    pub input_count: usize,
    pub responded_count: usize,
    /// Whether this profile may change the record (Bappeda only).
    pub can_edit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Participant {
    pub id: String,
    pub name: String,
    pub organisation: String,
    pub kind: ParticipantKind,
    pub opd_id: Option<String>,
    pub opd_code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionInputs {
    pub action_id: String,
    pub action_code: String,
    pub action_title: String,
    pub inputs: Vec<Input>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(rename = "SessionInput")]
#[serde(rename_all = "camelCase")]
pub struct Input {
    pub id: String,
    pub session_id: String,
    pub action_id: String,
    pub author: String,
    pub organisation: String,
    pub body: String,
    pub created_at: String,
    pub response: Option<Response>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(rename = "InputResponse")]
#[serde(rename_all = "camelCase")]
pub struct Response {
    pub decision: Decision,
    pub reason: String,
    pub responded_by: String,
    pub responded_at: String,
}

// ---------------------------------------------------------------------------
// Reading

/// "Selasa, 8 Mei 2018", the way a berita acara names the day; the text as it
/// is should it not be a YYYY-MM-DD date.
pub fn day_and_date(held_on: &str) -> String {
    use chrono::Datelike;
    match chrono::NaiveDate::parse_from_str(held_on, "%Y-%m-%d") {
        Ok(date) => {
            let day = match date.weekday() {
                chrono::Weekday::Mon => "Senin",
                chrono::Weekday::Tue => "Selasa",
                chrono::Weekday::Wed => "Rabu",
                chrono::Weekday::Thu => "Kamis",
                chrono::Weekday::Fri => "Jumat",
                chrono::Weekday::Sat => "Sabtu",
                chrono::Weekday::Sun => "Minggu",
            };
            format!("{day}, {}", crate::dates::long_date(date))
        }
        Err(_) => held_on.to_string(),
    }
}

/// What only Bappeda (the secretariat) does here, for [`access::require_bappeda`].
const RECORDING: &str = "mencatat sesi ko-kreasi, masukan dan tanggapannya";

/// Whether this profile records sessions.
pub fn can_edit(conn: &Connection) -> Result<bool> {
    Ok(access::is_bappeda(conn)? && !access::viewing_read_only(conn)?)
}

fn session_row(conn: &Connection, id: &str) -> Result<SessionRow> {
    sessions::get(conn, id)?.ok_or_else(|| Error::NotFound("Sesi ko-kreasi".into()))
}

fn input_row(conn: &Connection, id: &str) -> Result<InputRow> {
    session_inputs::get(conn, id)?.ok_or_else(|| Error::NotFound("Masukan".into()))
}

/// The sessions of the current plan, in the order they were held.
pub fn list(conn: &Connection) -> Result<Vec<SessionSummary>> {
    let Some(plan) = plans::current(conn)? else {
        return Ok(Vec::new());
    };
    sessions::list(conn, &plan.id)?
        .into_iter()
        .map(|row| {
            let participant_count = session_participants::list_for_session(conn, &row.id)?.len();
            let input_count = session_inputs::list_for_session(conn, &row.id)?.len();
            let responded_count = input_responses::list_for_session(conn, &row.id)?.len();
            Ok(SessionSummary {
                id: row.id,
                title: row.title,
                held_on: row.held_on,
                place: row.place,
                participant_count,
                input_count,
                responded_count,
            })
        })
        .collect()
}

/// The sessions with what this profile may do with them.
pub fn session_list(conn: &Connection) -> Result<SessionList> {
    Ok(SessionList {
        can_edit: can_edit(conn)?,
        sessions: list(conn)?,
    })
}

/// One session with its participants and its inputs by action, each with its response.
pub fn session(conn: &Connection, id: &str) -> Result<Session> {
    let row = session_row(conn, id)?;
    let opd_codes: HashMap<String, String> = opds::list(conn)?
        .into_iter()
        .map(|o| (o.id, o.code))
        .collect();
    let participants = session_participants::list_for_session(conn, id)?
        .into_iter()
        .map(|p| participant(p, &opd_codes))
        .collect::<Result<Vec<_>>>()?;

    let mut responses: HashMap<String, ResponseRow> = input_responses::list_for_session(conn, id)?
        .into_iter()
        .map(|r| (r.input_id.clone(), r))
        .collect();
    let mut groups: Vec<ActionInputs> = Vec::new();
    let mut input_count = 0;
    let mut responded_count = 0;
    for input in session_inputs::list_for_session(conn, id)? {
        let response = responses.remove(&input.id).map(response).transpose()?;
        input_count += 1;
        responded_count += usize::from(response.is_some());
        let input = Input {
            id: input.id,
            session_id: input.session_id,
            action_id: input.action_id,
            author: input.author,
            organisation: input.organisation,
            body: input.body,
            created_at: input.created_at,
            response,
        };
        match groups.iter_mut().find(|g| g.action_id == input.action_id) {
            Some(group) => group.inputs.push(input),
            None => {
                let (action_code, action_title) = actions::get(conn, &input.action_id)?
                    .map(|a| (a.code, a.title))
                    .unwrap_or_default();
                groups.push(ActionInputs {
                    action_id: input.action_id.clone(),
                    action_code,
                    action_title,
                    inputs: vec![input],
                });
            }
        }
    }
    groups.sort_by(|a, b| a.action_code.cmp(&b.action_code));

    Ok(Session {
        id: row.id,
        title: row.title,
        held_on: row.held_on,
        place: row.place,
        notes: row.notes,
        created_at: row.created_at,
        participants,
        actions: groups,
        input_count,
        responded_count,
        can_edit: can_edit(conn)?,
    })
}

fn participant(row: ParticipantRow, opd_codes: &HashMap<String, String>) -> Result<Participant> {
    Ok(Participant {
        kind: ParticipantKind::stored(&row.kind)?,
        opd_code: row
            .opd_id
            .as_ref()
            .and_then(|id| opd_codes.get(id).cloned()),
        id: row.id,
        name: row.name,
        organisation: row.organisation,
        opd_id: row.opd_id,
    })
}

fn response(row: ResponseRow) -> Result<Response> {
    Ok(Response {
        decision: Decision::stored(&row.decision)?,
        reason: row.reason,
        responded_by: row.responded_by,
        responded_at: row.responded_at,
    })
}

fn input_view(conn: &Connection, id: &str) -> Result<Input> {
    let row = input_row(conn, id)?;
    let response = input_responses::get(conn, id)?.map(response).transpose()?;
    Ok(Input {
        id: row.id,
        session_id: row.session_id,
        action_id: row.action_id,
        author: row.author,
        organisation: row.organisation,
        body: row.body,
        created_at: row.created_at,
        response,
    })
}

// ---------------------------------------------------------------------------
// Sessions

/// The fields of a session the audit history compares.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SessionFields<'a> {
    title: &'a str,
    held_on: &'a str,
    place: &'a str,
    notes: &'a str,
}

impl<'a> From<&'a SessionRow> for SessionFields<'a> {
    fn from(s: &'a SessionRow) -> Self {
        SessionFields {
            title: &s.title,
            held_on: &s.held_on,
            place: &s.place,
            notes: &s.notes,
        }
    }
}

/// Records a new session or changes one (title, date, place, notes).
pub fn save_session(store: &mut Store, form: &SessionForm) -> Result<Session> {
    access::require_bappeda(store.conn(), RECORDING)?;
    access::require_viewed_plan_active(store.conn())?;
    let title = required("title", &form.title, "Nama sesi", MAX_TITLE)?;
    let held_on = date("heldOn", Some(&form.held_on), "Tanggal sesi")?
        .ok_or_else(|| Error::invalid("heldOn", "Tanggal sesi wajib diisi."))?;
    let place = required("place", &form.place, "Tempat", MAX_PLACE)?;
    let notes = optional("notes", &form.notes, "Catatan", MAX_NOTES)?;
    let actor = actor(store.conn())?;

    let id = match &form.id {
        None => {
            let row = SessionRow {
                id: new_id(),
                plan_id: plans::require_current(store.conn())?.id,
                title,
                held_on,
                place,
                notes,
                created_at: now(),
            };
            store.write(|tx| {
                sessions::insert(tx, &row)?;
                record(
                    tx,
                    &actor,
                    Change::new("session", &row.id, "create").to(Some(&row.title)),
                )
            })?;
            row.id
        }
        Some(id) => {
            let old = session_row(store.conn(), id)?;
            let new = SessionRow {
                title,
                held_on,
                place,
                notes,
                ..old.clone()
            };
            store.write(|tx| {
                sessions::update(tx, &new)?;
                record_update(
                    tx,
                    &actor,
                    "session",
                    &new.id,
                    &SessionFields::from(&old),
                    &SessionFields::from(&new),
                )
            })?;
            new.id
        }
    };
    session(store.conn(), &id)
}

/// Removes a session with its participants, inputs and responses.
pub fn delete_session(store: &mut Store, id: &str) -> Result<()> {
    access::require_bappeda(store.conn(), RECORDING)?;
    access::require_viewed_plan_active(store.conn())?;
    let old = session_row(store.conn(), id)?;
    let actor = actor(store.conn())?;
    store.write(|tx| {
        sessions::delete(tx, id)?;
        record(
            tx,
            &actor,
            Change::new("session", id, "delete").from(Some(&old.title)),
        )
    })
}

// ---------------------------------------------------------------------------
// Participants

/// Adds a participant to a session's attendance list.
pub fn add_participant(store: &mut Store, form: &ParticipantForm) -> Result<Participant> {
    access::require_bappeda(store.conn(), RECORDING)?;
    access::require_viewed_plan_active(store.conn())?;
    let conn = store.conn();
    let name = required("name", &form.name, "Nama peserta", MAX_NAME)?;
    let mut organisation = optional(
        "organisation",
        &form.organisation,
        "Instansi/organisasi",
        MAX_ORGANISATION,
    )?;
    let opd_code = form
        .opd_code
        .as_deref()
        .map(str::trim)
        .filter(|c| !c.is_empty());
    let opd = match opd_code {
        None => None,
        Some(_) if form.kind != ParticipantKind::Opd => {
            return Err(Error::invalid(
                "opdCode",
                "OPD hanya dipilih untuk peserta dari unsur OPD.",
            ))
        }
        Some(code) => Some(
            opds::list(conn)?
                .into_iter()
                .find(|o| o.code.eq_ignore_ascii_case(code))
                .ok_or_else(|| {
                    Error::invalid(
                        "opdCode",
                        format!("OPD dengan kode {code} tidak ada; pilih dari daftar OPD."),
                    )
                })?,
        ),
    };
    if organisation.is_empty() {
        match (&opd, form.kind) {
            (Some(opd), _) => organisation = opd.name.clone(),
            (None, ParticipantKind::Opd) => {
                return Err(Error::invalid(
                    "organisation",
                    "Pilih OPD peserta atau tuliskan nama instansinya.",
                ))
            }
            (None, ParticipantKind::Cso) => {
                return Err(Error::invalid(
                    "organisation",
                    "Nama organisasi masyarakat sipil wajib diisi.",
                ))
            }
            (None, ParticipantKind::Other) => {}
        }
    }
    session_row(conn, &form.session_id)?;
    let actor = actor(conn)?;
    let row = ParticipantRow {
        id: new_id(),
        session_id: form.session_id.clone(),
        name,
        organisation,
        kind: form.kind.as_str().into(),
        opd_id: opd.map(|o| o.id),
    };
    store.write(|tx| {
        session_participants::insert(tx, &row)?;
        record(
            tx,
            &actor,
            Change::new("session", &row.session_id, "update")
                .on("participant")
                .to(Some(&format!("{} ({})", row.name, row.organisation))),
        )
    })?;
    let codes = opds::list(store.conn())?
        .into_iter()
        .map(|o| (o.id, o.code))
        .collect();
    participant(row, &codes)
}

/// Removes a participant from a session's attendance list.
pub fn remove_participant(store: &mut Store, id: &str) -> Result<()> {
    access::require_bappeda(store.conn(), RECORDING)?;
    access::require_viewed_plan_active(store.conn())?;
    let old = session_participants::get(store.conn(), id)?
        .ok_or_else(|| Error::NotFound("Peserta".into()))?;
    let actor = actor(store.conn())?;
    store.write(|tx| {
        session_participants::delete(tx, id)?;
        record(
            tx,
            &actor,
            Change::new("session", &old.session_id, "update")
                .on("participant")
                .from(Some(&format!("{} ({})", old.name, old.organisation))),
        )
    })
}

// ---------------------------------------------------------------------------
// Inputs

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct InputFields<'a> {
    action_id: &'a str,
    author: &'a str,
    organisation: &'a str,
    body: &'a str,
}

impl<'a> From<&'a InputRow> for InputFields<'a> {
    fn from(i: &'a InputRow) -> Self {
        InputFields {
            action_id: &i.action_id,
            author: &i.author,
            organisation: &i.organisation,
            body: &i.body,
        }
    }
}

/// Records an input on an action as it is given, or corrects one; a response
/// already given stays.
pub fn save_input(store: &mut Store, form: &InputForm) -> Result<Input> {
    access::require_bappeda(store.conn(), RECORDING)?;
    access::require_viewed_plan_active(store.conn())?;
    let conn = store.conn();
    if form.action_id.trim().is_empty() {
        return Err(Error::invalid(
            "actionId",
            "Pilih rencana aksi yang dituju masukan ini.",
        ));
    }
    let plan_id = plans::require_current(conn)?.id;
    let action = actions::get(conn, form.action_id.trim())?
        .filter(|a| a.plan_id == plan_id)
        .ok_or_else(|| {
            Error::invalid(
                "actionId",
                "Rencana aksi ini tidak ada dalam rencana; pilih dari daftar.",
            )
        })?;
    let author = optional("author", &form.author, "Nama penyampai", MAX_NAME)?;
    let organisation = optional(
        "organisation",
        &form.organisation,
        "Organisasi",
        MAX_ORGANISATION,
    )?;
    if author.is_empty() && organisation.is_empty() {
        return Err(Error::invalid(
            "organisation",
            "Tuliskan dari siapa masukan ini: organisasinya atau nama penyampainya.",
        ));
    }
    let body = required("body", &form.body, "Masukan", MAX_BODY)?;
    let actor = actor(conn)?;

    let id = match &form.id {
        None => {
            session_row(conn, &form.session_id)?;
            let row = InputRow {
                id: new_id(),
                session_id: form.session_id.clone(),
                action_id: action.id,
                author,
                organisation,
                body,
                created_at: now(),
            };
            store.write(|tx| {
                session_inputs::insert(tx, &row)?;
                record(
                    tx,
                    &actor,
                    Change::new("session_input", &row.id, "create").to(Some(&row.body)),
                )
            })?;
            row.id
        }
        Some(id) => {
            let old = input_row(conn, id)?;
            let new = InputRow {
                action_id: action.id,
                author,
                organisation,
                body,
                ..old.clone()
            };
            store.write(|tx| {
                session_inputs::update(tx, &new)?;
                record_update(
                    tx,
                    &actor,
                    "session_input",
                    &new.id,
                    &InputFields::from(&old),
                    &InputFields::from(&new),
                )
            })?;
            new.id
        }
    };
    input_view(store.conn(), &id)
}

/// Removes an input with its response.
pub fn delete_input(store: &mut Store, id: &str) -> Result<()> {
    access::require_bappeda(store.conn(), RECORDING)?;
    access::require_viewed_plan_active(store.conn())?;
    let old = input_row(store.conn(), id)?;
    let actor = actor(store.conn())?;
    store.write(|tx| {
        session_inputs::delete(tx, id)?;
        record(
            tx,
            &actor,
            Change::new("session_input", id, "delete").from(Some(&old.body)),
        )
    })
}

// ---------------------------------------------------------------------------
// Responses

/// Records the government's response to an input: accepted, accepted with
/// changes or declined; the last two say why.
pub fn set_response(store: &mut Store, form: &ResponseForm) -> Result<Input> {
    access::require_bappeda(store.conn(), RECORDING)?;
    access::require_viewed_plan_active(store.conn())?;
    let reason = optional("reason", &form.reason, "Alasan", MAX_REASON)?;
    if reason.is_empty() {
        match form.decision {
            Decision::Accepted => {}
            Decision::AcceptedWithChanges => {
                return Err(Error::invalid(
                    "reason",
                    "Tuliskan alasannya: apa yang diubah dari masukan ini dan mengapa.",
                ))
            }
            Decision::Declined => {
                return Err(Error::invalid(
                    "reason",
                    "Masukan yang ditolak harus disertai alasan. Tuliskan alasannya.",
                ))
            }
        }
    }
    let old = input_responses::get(store.conn(), &form.input_id)?;
    input_row(store.conn(), &form.input_id)?;
    let actor = actor(store.conn())?;
    let row = ResponseRow {
        input_id: form.input_id.clone(),
        decision: form.decision.as_str().into(),
        reason,
        responded_by: actor.name().to_string(),
        responded_at: now(),
    };
    store.write(|tx| {
        input_responses::upsert(tx, &row)?;
        record_response(tx, &actor, &row.input_id, old.as_ref(), Some(&row))
    })?;
    input_view(store.conn(), &form.input_id)
}

/// Takes back the response to an input (it was recorded by mistake).
pub fn clear_response(store: &mut Store, input_id: &str) -> Result<Input> {
    access::require_bappeda(store.conn(), RECORDING)?;
    access::require_viewed_plan_active(store.conn())?;
    let old = input_responses::get(store.conn(), input_id)?;
    input_row(store.conn(), input_id)?;
    if old.is_some() {
        let actor = actor(store.conn())?;
        store.write(|tx| {
            input_responses::delete(tx, input_id)?;
            record_response(tx, &actor, input_id, old.as_ref(), None)
        })?;
    }
    input_view(store.conn(), input_id)
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ResponseFields<'a> {
    decision: Option<&'a str>,
    reason: Option<&'a str>,
}

impl<'a> From<Option<&'a ResponseRow>> for ResponseFields<'a> {
    fn from(r: Option<&'a ResponseRow>) -> Self {
        ResponseFields {
            decision: r.map(|r| r.decision.as_str()),
            reason: r.map(|r| r.reason.as_str()).filter(|r| !r.is_empty()),
        }
    }
}

/// A response is part of its input's history.
fn record_response(
    tx: &rusqlite::Transaction<'_>,
    actor: &Actor,
    input_id: &str,
    old: Option<&ResponseRow>,
    new: Option<&ResponseRow>,
) -> Result<()> {
    record_update(
        tx,
        actor,
        "session_input",
        input_id,
        &ResponseFields::from(old),
        &ResponseFields::from(new),
    )?;
    Ok(())
}
