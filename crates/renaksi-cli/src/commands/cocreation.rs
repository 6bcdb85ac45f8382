//! `session add|edit|list|show|participant|input|respond|berita-acara`: the
//! co-creation sessions (sesi ko-kreasi) Bappeda records.

use std::path::Path;

use super::Result;
use renaksi_api::cocreation::{self, ExportBeritaAcara, SessionEdit};
use renaksi_core::cocreation::{
    day_and_date as day, InputForm, ParticipantForm, ResponseForm, Session, SessionForm,
};

use super::one_line;
use crate::flags::SessionCommand;

pub fn session(db: &Path, command: &SessionCommand) -> Result<()> {
    let mut store = renaksi_api::open_existing(db)?;
    match command {
        SessionCommand::Add {
            title,
            date,
            place,
            notes,
        } => {
            let s = cocreation::save_session(
                &mut store,
                &SessionForm {
                    id: None,
                    title: title.clone(),
                    held_on: date.clone(),
                    place: place.clone(),
                    notes: notes.clone(),
                },
            )?;
            out!(
                "Sesi ko-kreasi {} dicatat: {}, {}, {}.",
                s.id,
                s.title,
                day(&s.held_on),
                s.place
            )?;
        }
        SessionCommand::Edit {
            id,
            title,
            date,
            place,
            notes,
        } => {
            let edit = SessionEdit {
                title: title.clone(),
                held_on: date.clone(),
                place: place.clone(),
                notes: notes.clone(),
            };
            let s = cocreation::edit_session(&mut store, id, edit)?;
            out!(
                "Sesi ko-kreasi {} diubah: {}, {}, {}.",
                s.id,
                s.title,
                day(&s.held_on),
                s.place
            )?;
        }
        SessionCommand::List => {
            let sessions = cocreation::list(&store)?.sessions;
            if sessions.is_empty() {
                out!("Belum ada sesi ko-kreasi.")?;
            }
            for s in sessions {
                out!(
                    "{}  {}  {} ({}): {} peserta, {} masukan, {} ditanggapi",
                    s.id,
                    day(&s.held_on),
                    s.title,
                    s.place,
                    s.participant_count,
                    s.input_count,
                    s.responded_count
                )?;
            }
        }
        SessionCommand::Show { id } => show(&cocreation::session(&store, id)?)?,
        SessionCommand::Participant {
            session,
            name,
            org,
            kind,
            opd,
        } => {
            let p = cocreation::add_participant(
                &mut store,
                &ParticipantForm {
                    session_id: session.clone(),
                    name: name.clone(),
                    organisation: org.clone(),
                    kind: kind.parse()?,
                    opd_code: opd.clone(),
                },
            )?;
            out!(
                "Peserta {} dicatat: {}, {} [{}].",
                p.id,
                p.name,
                p.organisation,
                p.kind.label()
            )?;
        }
        SessionCommand::Input {
            session,
            action,
            from,
            author,
            body,
        } => {
            let input = cocreation::add_input_on(
                &mut store,
                action,
                InputForm {
                    id: None,
                    session_id: session.clone(),
                    action_id: String::new(),
                    author: author.clone(),
                    organisation: from.clone(),
                    body: body.clone(),
                },
            )?;
            out!(
                "Masukan {} pada {} dicatat.",
                input.id,
                action.trim().to_uppercase()
            )?;
        }
        SessionCommand::Respond {
            input,
            decision,
            reason,
        } => {
            let done = cocreation::set_response(
                &mut store,
                &ResponseForm {
                    input_id: input.clone(),
                    decision: decision.parse()?,
                    reason: reason.clone(),
                },
            )?;
            let label = done.response.map(|r| r.decision.label()).unwrap_or("-");
            out!("Tanggapan atas masukan {} dicatat: {label}.", done.id)?;
        }
        SessionCommand::BeritaAcara {
            session,
            out,
            paper,
        } => {
            let request = ExportBeritaAcara {
                session_id: session.clone(),
                paper: paper.parse()?,
                out: out.clone(),
            };
            let done = cocreation::export_berita_acara(&store, &request)?;
            out!(
                "Berita acara \"{}\" ditulis ke {}: {} peserta, {} masukan, {} ditanggapi.",
                done.session_title,
                done.path,
                done.participants,
                done.inputs,
                done.responded
            )?;
        }
    }
    Ok(())
}

fn show(s: &Session) -> Result<()> {
    out!("Sesi ko-kreasi : {}", s.title)?;
    out!("Tanggal        : {}", day(&s.held_on))?;
    out!("Tempat         : {}", s.place)?;
    if !s.notes.is_empty() {
        out!("Catatan        : {}", one_line(&s.notes))?;
    }
    out!("Peserta ({}):", s.participants.len())?;
    for (i, p) in s.participants.iter().enumerate() {
        out!(
            "  {}. {}, {} [{}]",
            i + 1,
            p.name,
            p.organisation,
            p.kind.label()
        )?;
    }
    out!(
        "Masukan ({}, {} ditanggapi):",
        s.input_count,
        s.responded_count
    )?;
    for group in &s.actions {
        out!("  {} {}", group.action_code, group.action_title)?;
        for input in &group.inputs {
            let from = [input.organisation.as_str(), input.author.as_str()]
                .into_iter()
                .filter(|t| !t.is_empty())
                .collect::<Vec<_>>()
                .join(", ");
            out!("    {}  {from}: {}", input.id, one_line(&input.body))?;
            match &input.response {
                Some(r) if r.reason.is_empty() => {
                    out!("      Tanggapan: {}", r.decision.label())
                }
                Some(r) => out!(
                    "      Tanggapan: {}. Alasan: {}",
                    r.decision.label(),
                    one_line(&r.reason)
                ),
                None => out!("      Tanggapan: belum ada"),
            }?;
        }
    }
    Ok(())
}
