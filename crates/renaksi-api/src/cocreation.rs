//! Co-creation sessions (sesi ko-kreasi), recorded by Bappeda: the workshop,
//! its participants, the inputs on each action, the government's responses,
//! and the berita acara.

use std::path::PathBuf;

use renaksi_core::cocreation::berita_acara::{self, BeritaAcaraWritten};
use renaksi_core::cocreation::{
    self, Input, InputForm, Participant, ParticipantForm, ResponseForm, Session, SessionForm,
    SessionList,
};
use renaksi_core::review;
use renaksi_core::{Result, Store};
use serde::{Deserialize, Serialize};

use crate::Paper;

/// The plan's sessions, in the order they were held.
pub fn list(store: &Store) -> Result<SessionList> {
    cocreation::session_list(store.conn())
}

/// One session: participants, inputs by action, responses.
pub fn session(store: &Store, id: &str) -> Result<Session> {
    cocreation::session(store.conn(), id)
}

/// Records a new session, or changes one (`form.id`).
pub fn save_session(store: &mut Store, form: &SessionForm) -> Result<Session> {
    cocreation::save_session(store, form)
}

/// A change to some of a session's fields; the others stay.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SessionEdit {
    pub title: Option<String>,
    pub held_on: Option<String>,
    pub place: Option<String>,
    pub notes: Option<String>,
}

/// Changes the fields of session `id` that `edit` names.
pub fn edit_session(store: &mut Store, id: &str, edit: SessionEdit) -> Result<Session> {
    let old = session(store, id)?;
    save_session(
        store,
        &SessionForm {
            id: Some(old.id),
            title: edit.title.unwrap_or(old.title),
            held_on: edit.held_on.unwrap_or(old.held_on),
            place: edit.place.unwrap_or(old.place),
            notes: edit.notes.unwrap_or(old.notes),
        },
    )
}

pub fn delete_session(store: &mut Store, id: &str) -> Result<()> {
    cocreation::delete_session(store, id)
}

pub fn add_participant(store: &mut Store, form: &ParticipantForm) -> Result<Participant> {
    cocreation::add_participant(store, form)
}

pub fn remove_participant(store: &mut Store, id: &str) -> Result<()> {
    cocreation::remove_participant(store, id)
}

/// Records an input on an action (by its id), or changes one (`form.id`).
pub fn save_input(store: &mut Store, form: &InputForm) -> Result<Input> {
    cocreation::save_input(store, form)
}

/// Records a new input on the action with this code (e.g. RA-01).
pub fn add_input_on(store: &mut Store, action_code: &str, form: InputForm) -> Result<Input> {
    let action_id = review::action_id(store.conn(), action_code)?;
    save_input(store, &InputForm { action_id, ..form })
}

pub fn delete_input(store: &mut Store, id: &str) -> Result<()> {
    cocreation::delete_input(store, id)
}

/// Records the government's response to an input.
pub fn set_response(store: &mut Store, form: &ResponseForm) -> Result<Input> {
    cocreation::set_response(store, form)
}

/// A session's berita acara, written to `out`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ExportBeritaAcara {
    pub session_id: String,
    pub paper: Paper,
    pub out: PathBuf,
}

pub fn export_berita_acara(
    store: &Store,
    request: &ExportBeritaAcara,
) -> Result<BeritaAcaraWritten> {
    berita_acara::export(store, &request.session_id, &request.out, request.paper)
}

/// The file name the save dialog suggests: `berita-acara-ko-kreasi-2018-05-08.xlsx`.
pub fn suggested_file_name(store: &Store, session_id: &str) -> Result<String> {
    let held_on = session(store, session_id)?.held_on;
    Ok(format!("berita-acara-ko-kreasi-{held_on}.xlsx"))
}
