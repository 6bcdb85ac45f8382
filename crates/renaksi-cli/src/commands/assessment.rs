//! `assessment set|clear|list|export`: the OGP end-of-commitment
//! self-assessment Bappeda records with each action's lead OPD.

use std::path::Path;

use super::{one_line, Result};
use renaksi_api::assessment::{self, ExportAssessment};
use renaksi_core::self_assessment::AssessmentForm;

use crate::flags::AssessmentCommand;

pub fn assessment(db: &Path, command: &AssessmentCommand) -> Result<()> {
    let mut store = renaksi_api::open_existing(db)?;
    match command {
        AssessmentCommand::Set {
            action,
            completion,
            opened,
            explanation,
            link,
        } => {
            let form = AssessmentForm {
                action_id: String::new(),
                completion: completion.parse()?,
                opened_government: opened.parse()?,
                explanation: explanation.clone(),
                evidence_links: link.clone(),
            };
            let list = assessment::set_on(&mut store, action, form)?.list?;
            let code = action.trim().to_uppercase();
            if let Some(a) = list
                .actions
                .iter()
                .find(|a| a.code.eq_ignore_ascii_case(&code))
                .and_then(|a| a.assessment.as_ref())
            {
                out!(
                    "Penilaian mandiri {code} dicatat: {}, membuka pemerintahan: {}, {} tautan bukti.",
                    a.completion.label(),
                    a.opened_government.label(),
                    a.evidence_links.len()
                )?;
            }
        }
        AssessmentCommand::Clear { action } => {
            let action_id = renaksi_core::review::action_id(store.conn(), action)?;
            assessment::clear(&mut store, &action_id)?;
            out!(
                "Penilaian mandiri {} dihapus.",
                action.trim().to_uppercase()
            )?;
        }
        AssessmentCommand::List => {
            let list = assessment::get(&store)?;
            out!(
                "{} dari {} rencana aksi sudah dinilai.",
                list.assessed_count,
                list.actions.len()
            )?;
            for a in &list.actions {
                match &a.assessment {
                    None => out!(
                        "{}  {} [{}]: belum dinilai",
                        a.code,
                        a.title,
                        a.lead_opd.code
                    )?,
                    Some(s) => {
                        out!(
                            "{}  {} [{}]: {}; membuka pemerintahan: {}",
                            a.code,
                            a.title,
                            a.lead_opd.code,
                            s.completion.label(),
                            s.opened_government.label()
                        )?;
                        out!("    {}", one_line(&s.explanation))?;
                        for link in &s.evidence_links {
                            out!("    {link}")?;
                        }
                    }
                }
            }
        }
        AssessmentCommand::Export { out, paper } => {
            let request = ExportAssessment {
                paper: paper.parse()?,
                out: out.clone(),
            };
            let done = assessment::export(&store, &request)?;
            out!(
                "Penilaian mandiri akhir komitmen ditulis ke {}: {} dari {} rencana aksi dinilai.",
                done.path,
                done.assessed,
                done.actions
            )?;
        }
    }
    Ok(())
}
