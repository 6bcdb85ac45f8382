//! The printed context of a report against Bappeda's own plan. A report
//! carries the plan's texts it prints (the OPD's name, the plan's title and
//! region, themes, action codes and titles, the predikat bands) so that it
//! can be printed and checked without a database; its signature only says
//! that the OPD sent them. At Bappeda each must equal what Bappeda's plan
//! says, so a printed sheet cannot put Bappeda's words in another form, or
//! grade by bands of its own.

use std::collections::{HashMap, HashSet};

use rusqlite::Connection;

use super::rules::quote;
use super::snapshot::Snapshot;
use crate::achievement::GradeScale;
use crate::model::Plan;
use crate::store::{actions, opds, periods, themes};
use crate::{Error, Result};

/// Refuses a report whose printed context differs from Bappeda's plan,
/// naming the first difference (and how many there are).
pub(crate) fn check(conn: &Connection, plan: &Plan, snapshot: &Snapshot) -> Result<()> {
    let differences = differences(conn, plan, snapshot)?;
    match differences.first() {
        None => Ok(()),
        Some(first) => {
            let more = match differences.len() {
                1 => String::new(),
                n => format!(" (dan {} perbedaan lain)", n - 1),
            };
            Err(Error::invalid(
                "file",
                format!(
                    "Laporan ditolak: isi cetak laporan berbeda dari rencana aksi Bappeda: \
                     {first}{more}. Minta OPD membuka paket rencana aksi terbaru lalu \
                     mengekspor ulang."
                ),
            ))
        }
    }
}

/// Every way the report's context differs from Bappeda's plan, in words.
pub(crate) fn differences(
    conn: &Connection,
    plan: &Plan,
    snapshot: &Snapshot,
) -> Result<Vec<String>> {
    let context = &snapshot.context;
    let meta = &snapshot.meta;
    let mut found = Vec::new();
    // `what` is worded only for a difference: thousands of actions are
    // compared per report, nearly always equal.
    fn differs(found: &mut Vec<String>, what: impl FnOnce() -> String, printed: &str, held: &str) {
        if printed != held {
            found.push(format!(
                "{} tercetak {}, di Bappeda {}",
                what(),
                quote(printed),
                quote(held)
            ));
        }
    }
    differs(
        &mut found,
        || "judul rencana aksi".into(),
        &context.plan_title,
        &plan.title,
    );
    differs(
        &mut found,
        || "kabupaten/kota".into(),
        &context.region,
        &plan.region,
    );
    let opd_name = opds::get(conn, &meta.opd_id)?
        .map(|o| o.name)
        .unwrap_or_default();
    differs(
        &mut found,
        || "nama OPD".into(),
        &context.opd_name,
        &opd_name,
    );

    // What the rows print: their actions, and those actions' themes. A row
    // of the context nothing prints (an action Bappeda since deleted, which
    // the OPD keeps archived) may be missing at Bappeda; one that is there
    // must still be Bappeda's.
    let data = &snapshot.data;
    let printed_actions: HashSet<&str> = data
        .milestones
        .iter()
        .map(|m| m.action_id.as_str())
        .chain(data.indicators.iter().map(|i| i.action_id.as_str()))
        .collect();
    let printed_codes: HashSet<&str> = context
        .actions
        .iter()
        .filter(|a| printed_actions.contains(a.id.as_str()))
        .map(|a| a.code.as_str())
        .collect();
    let printed_themes: HashSet<&str> = context
        .actions
        .iter()
        .filter(|a| printed_actions.contains(a.id.as_str()))
        .map(|a| a.theme_id.as_str())
        .collect();

    let held_themes: HashMap<String, crate::model::Theme> = themes::list(conn, &plan.id)?
        .into_iter()
        .map(|t| (t.id.clone(), t))
        .collect();
    for theme in &context.themes {
        match held_themes.get(&theme.id) {
            Some(held) => {
                differs(
                    &mut found,
                    || format!("tema nomor {}", held.seq),
                    &theme.name,
                    &held.name,
                );
                differs(
                    &mut found,
                    || format!("nomor tema {}", quote(&held.name)),
                    &theme.seq.to_string(),
                    &held.seq.to_string(),
                );
            }
            None if printed_themes.contains(theme.id.as_str()) => found.push(format!(
                "tema {} tidak ada dalam rencana aksi Bappeda",
                quote(&theme.name)
            )),
            None => {}
        }
    }
    let held_actions = actions::printed_of_plan(conn, &plan.id)?;
    for action in &context.actions {
        match held_actions.get(&action.id) {
            Some(held) => {
                differs(
                    &mut found,
                    || format!("kode rencana aksi {}", quote(&held.title)),
                    &action.code,
                    &held.code,
                );
                differs(
                    &mut found,
                    || format!("judul rencana aksi {}", held.code),
                    &action.title,
                    &held.title,
                );
                if action.theme_id != held.theme_id {
                    found.push(format!("tema rencana aksi {} berbeda", held.code));
                }
                if action.lead_opd_id != held.lead_opd_id {
                    found.push(format!("OPD pengampu rencana aksi {} berbeda", held.code));
                }
            }
            // The Ringkasan finds an action's title by its code.
            None if printed_actions.contains(action.id.as_str())
                || printed_codes.contains(action.code.as_str()) =>
            {
                found.push(format!(
                    "rencana aksi {} {} tidak ada dalam rencana aksi Bappeda",
                    quote(&action.code),
                    quote(&action.title)
                ))
            }
            None => {}
        }
    }
    // Every row's action is printed from the context: it must be there.
    let carried: HashSet<&str> = context.actions.iter().map(|a| a.id.as_str()).collect();
    let missing = printed_actions.iter().find(|id| !carried.contains(*id));
    if let Some(id) = missing {
        let code = held_actions.get(*id).map_or("", |a| a.code.as_str());
        found.push(format!(
            "rencana aksi {} tidak tercetak pada laporan",
            quote(code)
        ));
    }

    if !periods::list(conn, &plan.id)?
        .iter()
        .any(|p| p.year == meta.year && p.quarter == meta.quarter)
    {
        found.push(format!(
            "periode {} bukan periode rencana aksi ini",
            snapshot.period().label()
        ));
    }
    let bands = GradeScale::for_plan(conn, &plan.id)?;
    if context.grades != bands {
        let band = |scale: &GradeScale, i: usize| {
            scale.0.get(i).map_or_else(String::new, |b| match b.min {
                Some(min) => format!("{} mulai {min}%", b.label),
                None => b.label.clone(),
            })
        };
        let i = (0..context.grades.0.len().max(bands.0.len()))
            .find(|&i| context.grades.0.get(i) != bands.0.get(i))
            .unwrap_or(0);
        differs(
            &mut found,
            || format!("predikat ke-{}", i + 1),
            &band(&context.grades, i),
            &band(&bands, i),
        );
    }
    Ok(found)
}
