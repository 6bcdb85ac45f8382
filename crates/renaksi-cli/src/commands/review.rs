//! `note add|list|resolve|reply`: Bappeda's verifier notes, and an OPD's
//! replies to those it received.

use std::path::Path;

use renaksi_api::review::{self, NamedSubject, NoteList};
use renaksi_api::Error;
use renaksi_core::review::NoteReply;

use super::Result;

use super::one_line;
use crate::flags::NoteCommand;

pub fn note(db: &Path, command: &NoteCommand) -> Result<()> {
    let mut store = renaksi_api::open_existing(db)?;
    match command {
        NoteCommand::Add {
            report,
            action,
            indicator,
            body,
        } => {
            let subject = subject(report, action, indicator)?;
            let note = review::add_on(&mut store, &subject, body)?;
            out!("Catatan {} pada {} disimpan.", note.id, note.subject_label)?;
        }
        NoteCommand::List => match review::list_for_profile(&store)? {
            NoteList::Bappeda(notes) => {
                for n in notes {
                    out!(
                        "{}  {}  [{}]  {}: {}",
                        n.id,
                        n.created_at,
                        state(&n.resolved_at),
                        n.subject_label,
                        one_line(&n.body)
                    )?;
                    print_replies(&n.replies)?;
                }
            }
            NoteList::Opd(notes) => {
                if notes.is_empty() {
                    out!("Belum ada catatan verifikator dari Bappeda (ambil berkas umpan balik).")?;
                }
                for n in notes {
                    out!(
                        "{}  {}  [{}]  {} ({}): {}",
                        n.id,
                        n.created_at,
                        state(&n.resolved_at),
                        n.subject_label,
                        n.author,
                        one_line(&n.body)
                    )?;
                    print_replies(&n.replies)?;
                }
            }
        },
        NoteCommand::Reply { id, body } => {
            let note = renaksi_api::feedback::reply(&mut store, id, body)?;
            out!(
                "Tanggapan atas catatan pada {} disimpan; terkirim bersama laporan berikutnya.",
                note.subject_label
            )?;
        }
        NoteCommand::Resolve { id } => {
            let note = review::set_resolved(&mut store, id, true)?;
            out!("Catatan pada {} ditandai selesai.", note.subject_label)?;
        }
    }
    Ok(())
}

fn state(resolved_at: &Option<String>) -> &'static str {
    if resolved_at.is_some() {
        "selesai"
    } else {
        "terbuka"
    }
}

/// The replies under a note, indented: who, when, what, and whether Bappeda
/// has it (at an OPD).
fn print_replies(replies: &[NoteReply]) -> std::io::Result<()> {
    for r in replies {
        let arrived = match &r.received_at {
            Some(at) => format!("diterima {at}"),
            None => "belum diterima Bappeda".into(),
        };
        out!(
            "    tanggapan {}  {}  {} [{arrived}]: {}",
            r.id,
            r.created_at,
            r.author,
            one_line(&r.body)
        )?;
    }
    Ok(())
}

fn subject(
    report: &Option<String>,
    action: &Option<String>,
    indicator: &Option<String>,
) -> Result<NamedSubject> {
    if let Some(report) = report {
        let (opd, period) = report.split_once(':').ok_or_else(|| {
            Error::invalid(
                "report",
                "Tulis laporan sebagai KODE-OPD:TRIWULAN, misalnya DINKES:2019-TW1.",
            )
        })?;
        return Ok(NamedSubject::Report {
            opd_code: opd.to_string(),
            period: period.parse()?,
        });
    }
    if let Some(code) = action {
        return Ok(NamedSubject::Action { code: code.clone() });
    }
    if let Some(id) = indicator {
        return Ok(NamedSubject::Indicator { id: id.clone() });
    }
    Err(Error::invalid(
        "subject",
        "Sebutkan yang dicatat: --report, --action atau --indicator.",
    )
    .into())
}
