//! `note add|list|resolve`: Bappeda's verifier notes.

use std::path::Path;

use renaksi_api::review::{self, NamedSubject};
use renaksi_api::Error;

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
        NoteCommand::List => {
            for n in review::list(&store)? {
                let state = if n.resolved_at.is_some() {
                    "selesai"
                } else {
                    "terbuka"
                };
                out!(
                    "{}  {}  [{state}]  {}: {}",
                    n.id,
                    n.created_at,
                    n.subject_label,
                    one_line(&n.body)
                )?;
            }
        }
        NoteCommand::Resolve { id } => {
            let note = review::set_resolved(&mut store, id, true)?;
            out!("Catatan pada {} ditandai selesai.", note.subject_label)?;
        }
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
