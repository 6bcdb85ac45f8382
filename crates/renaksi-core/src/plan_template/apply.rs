//! What a checked template would do to this database, and doing it.
//!
//! [`preview`] compares the file with the plan: rows added, changed (field
//! old -> new), archived, deleted and kept. [`import`] applies the same
//! comparison in one IMMEDIATE transaction, Bappeda only, into a draft plan or
//! a database with no plan (which the import creates), with an audit row per
//! change and the `Undo` that reverses it all. A file that matches the plan
//! changes nothing and writes no audit row, so importing the same file twice
//! changes nothing the second time.
//!
//! The plan's quarters pass the checks of a new plan, and come after the last
//! quarter of every other plan of the database (so a template cannot make an
//! earlier plan the active one again).
//!
//! Rows missing from the file: a theme, action or OPD that holds data is
//! archived with the reason "tidak ada di template <file>"; one without data
//! is deleted. An OPD that another plan uses (its actions, reports, sessions,
//! or a pinned key) is kept as it is. An indicator of an action in the file is
//! deleted when it has no realisation and no evidence and its OPD has not
//! reported, and kept (and reported) otherwise; indicators of actions not in
//! the file are left as they are (an archived action keeps its OPDs' rows). An
//! OPD the file lists keeps its archive state (archiving or restoring one is
//! the editor's). Quarters outside the plan's new span are deleted when
//! nothing refers to them, else the file is refused. Closed quarters are not
//! changed by a template (the Ditutup column is information only).
//!
//! Once Bappeda imported an OPD's report for this plan, that OPD's indicators
//! and targets are its own: a row may list them as they are, but a row that
//! changes, moves (to or from that OPD) or adds one is refused.

use std::collections::{BTreeMap, HashMap, HashSet};

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::Serialize;

use super::read::{self, Template};
use super::rules;
use super::*;
use crate::editing::{new_id, text_key, Undo};
use crate::model::{Action, Archived, Indicator, Opd, Period, Plan, PlanStatus, Theme};
use crate::period::PeriodRef;
use crate::store::audit::{self, Change};
use crate::store::undo::{capture, RowImage};
use crate::store::{actions, indicators, now, opds, periods, plans, targets, themes};
use crate::{access, Result, Store};

/// What kind of row a change is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
#[ts(rename = "TemplateRowKind")]
pub enum RowKind {
    Plan,
    Period,
    Opd,
    Theme,
    Action,
    Indicator,
}

impl RowKind {
    fn entity(self) -> &'static str {
        match self {
            RowKind::Plan => "plan",
            RowKind::Period => "period",
            RowKind::Opd => "opd",
            RowKind::Theme => "theme",
            RowKind::Action => "action",
            RowKind::Indicator => "indicator",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "TemplateFieldChange")]
pub struct FieldChange {
    pub field: String,
    pub old: Option<String>,
    pub new: Option<String>,
}

/// One row the import adds, changes, archives, deletes or keeps.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "TemplateRowChange")]
pub struct RowChange {
    pub kind: RowKind,
    /// "RA-01 Judul", "DINKES Dinas Kesehatan", "Tema 1 Layanan Publik", ...
    pub label: String,
    /// The fields that change (for a changed row).
    pub fields: Vec<FieldChange>,
}

/// What importing a template would do, or why it cannot.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TemplatePreview {
    pub file_name: String,
    /// The first wrong rows; when any, nothing can be imported.
    pub problems: Vec<TemplateProblem>,
    /// How many problems there are in all.
    pub problem_count: usize,
    /// True when the database has no plan yet and the import creates it.
    pub creates_plan: bool,
    pub added: Vec<RowChange>,
    pub changed: Vec<RowChange>,
    pub archived: Vec<RowChange>,
    pub deleted: Vec<RowChange>,
    /// Rows missing from the file that stay, because an OPD entered data on them.
    pub kept: Vec<RowChange>,
}

impl TemplatePreview {
    /// Changes the import would write (kept rows change nothing).
    pub fn change_count(&self) -> usize {
        self.added.len() + self.changed.len() + self.archived.len() + self.deleted.len()
    }
}

/// What an import did.
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateImported {
    pub preview: TemplatePreview,
    /// What undoes the import; `None` when it changed nothing.
    pub undo: Option<Undo>,
}

/// Reads a template and compares it with this database. Problems of the file
/// or of how it fits the database are in the preview, not an error; an error
/// is a file that is no readable template at all (or refused by the guard).
pub fn preview(store: &Store, bytes: Vec<u8>, file_name: &str) -> Result<TemplatePreview> {
    let mut problems = Problems::default();
    let template = read::read_with(bytes, &mut problems)?;
    let conn = store.conn();
    access::require_bappeda(conn, "mengimpor template rencana aksi")?;
    if !problems.is_empty() {
        return Ok(empty_preview(file_name, problems));
    }
    let diff = compare(conn, &template, file_name, &mut problems)?;
    if !problems.is_empty() {
        return Ok(empty_preview(file_name, problems));
    }
    Ok(diff.preview)
}

/// Imports a template: every row checked, then all of it in one IMMEDIATE
/// transaction, or nothing.
pub fn import(store: &mut Store, bytes: Vec<u8>, file_name: &str) -> Result<TemplateImported> {
    let template = read::read_bytes(bytes)?;
    let profile = access::require_bappeda(store.conn(), "mengimpor template rencana aksi")?;
    store.write(|tx| {
        let mut problems = Problems::default();
        let diff = compare(tx, &template, file_name, &mut problems)?;
        problems.into_result()?;
        if diff.preview.change_count() == 0 {
            return Ok(TemplateImported {
                preview: diff.preview,
                undo: None,
            });
        }
        let images = write(tx, &diff, &profile.user_name)?;
        let undo = Undo::new(
            "plan",
            &diff.plan.id,
            format!("impor template rencana aksi \"{file_name}\""),
            images,
        );
        Ok(TemplateImported {
            preview: diff.preview,
            undo: Some(undo),
        })
    })
}

fn empty_preview(file_name: &str, problems: Problems) -> TemplatePreview {
    TemplatePreview {
        file_name: file_name.to_string(),
        problem_count: problems.total,
        problems: problems.list,
        creates_plan: false,
        added: Vec::new(),
        changed: Vec::new(),
        archived: Vec::new(),
        deleted: Vec::new(),
        kept: Vec::new(),
    }
}

/// A row as the file wants it, and as the database has it (None: new).
struct Pair<T> {
    new: T,
    old: Option<T>,
}

impl<T: PartialEq> Pair<T> {
    fn changed(&self) -> bool {
        self.old.as_ref() != Some(&self.new)
    }
}

/// A quarter's target before and after.
type TargetChange = (PeriodRef, Option<f64>, Option<f64>);

/// The whole comparison, ready to write.
struct Diff {
    preview: TemplatePreview,
    plan: Plan,
    plan_existed: bool,
    plan_changed: bool,
    periods: Vec<Pair<Period>>,
    periods_deleted: Vec<Period>,
    opds: Vec<Pair<Opd>>,
    opds_archived: Vec<Opd>,
    opds_deleted: Vec<Opd>,
    themes: Vec<Pair<Theme>>,
    themes_archived: Vec<Theme>,
    themes_deleted: Vec<Theme>,
    actions: Vec<Pair<Action>>,
    actions_archived: Vec<Action>,
    actions_deleted: Vec<Action>,
    indicators: Vec<Pair<Indicator>>,
    indicators_deleted: Vec<Indicator>,
    /// Per indicator id: (quarter, old, new) for each target that changes.
    targets: BTreeMap<String, Vec<TargetChange>>,
    /// The field changes of each changed row, by its id.
    fields_of: HashMap<String, Vec<FieldChange>>,
}

impl Diff {
    fn fields(&self, id: &str) -> &[FieldChange] {
        self.fields_of
            .get(id)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
}

fn exists(conn: &Connection, sql: &str, id: &str) -> Result<bool> {
    Ok(conn.query_row(sql, [id], |_| Ok(())).optional()?.is_some())
}

/// An id the file gives for a new row, kept when no row of `table` has it
/// (round trips keep ids); otherwise a new id.
fn fresh_id(conn: &Connection, table: &str, wanted: &Option<String>) -> Result<String> {
    if let Some(id) = wanted {
        if !exists(conn, &format!("SELECT 1 FROM {table} WHERE id = ?1"), id)? {
            return Ok(id.clone());
        }
    }
    Ok(new_id())
}

fn text(value: &str) -> Option<String> {
    Some(value.to_string())
}

/// Field changes between two rows, by label.
fn fields(pairs: &[(&str, Option<String>, Option<String>)]) -> Vec<FieldChange> {
    pairs
        .iter()
        .filter(|(_, old, new)| old != new)
        .map(|(field, old, new)| FieldChange {
            field: field.to_string(),
            old: old.clone(),
            new: new.clone(),
        })
        .collect()
}

fn row(kind: RowKind, label: String, fields: Vec<FieldChange>) -> RowChange {
    RowChange {
        kind,
        label,
        fields,
    }
}

fn archived_flag(archived: &Option<Archived>) -> Option<String> {
    archived
        .as_ref()
        .map(|a| format!("diarsipkan: {}", a.reason))
}

fn compare(
    conn: &Connection,
    t: &Template,
    file_name: &str,
    problems: &mut Problems,
) -> Result<Diff> {
    let mut preview = empty_preview(file_name, Problems::default());
    let mut fields_of: HashMap<String, Vec<FieldChange>> = HashMap::new();
    let reason = format!("tidak ada di template {file_name}");
    let archive = || Archived {
        at: now(),
        reason: reason.clone(),
    };

    // The plan: the one on screen, which must be the active one (an earlier
    // plan is read-only).
    let current = plans::current(conn)?;
    if let Some(plan) = &current {
        crate::access::require_active_plan(conn, &plan.id)?;
        if plan.status != PlanStatus::Draft {
            problems.add(
                SHEET_PLAN,
                0,
                "",
                Msg::new(
                    "planFinal",
                    [("version", plan.version.to_string())],
                    format!(
                        "Rencana aksi ini sudah final (versi {}); kembalikan ke draf di aplikasi \
                     sebelum mengimpor template.",
                        plan.version
                    ),
                ),
            );
        }
    }
    preview.creates_plan = current.is_none();
    let plan_existed = current.is_some();
    let plan = match &current {
        Some(old) => Plan {
            region: t.plan.region.clone(),
            title: t.plan.title.clone(),
            year_start: t.plan.first.year,
            year_end: t.plan.last.year,
            ..old.clone()
        },
        None => Plan {
            id: match &t.plan.id {
                Some(id) if !exists(conn, "SELECT 1 FROM plans WHERE id = ?1", id)? => id.clone(),
                _ => new_id(),
            },
            region: t.plan.region.clone(),
            title: t.plan.title.clone(),
            year_start: t.plan.first.year,
            year_end: t.plan.last.year,
            version: 1,
            status: PlanStatus::Draft,
            adopted_on: None,
        },
    };
    let plan_changed = current.as_ref() != Some(&plan);
    match &current {
        None => preview
            .added
            .push(row(RowKind::Plan, plan.title.clone(), Vec::new())),
        Some(old) if plan_changed => preview.changed.push(noted(
            &mut fields_of,
            &plan.id,
            RowKind::Plan,
            plan.title.clone(),
            fields(&[
                ("Wilayah", text(&old.region), text(&plan.region)),
                ("Judul", text(&old.title), text(&plan.title)),
                (
                    "Tahun",
                    Some(format!("{}-{}", old.year_start, old.year_end)),
                    Some(format!("{}-{}", plan.year_start, plan.year_end)),
                ),
            ]),
        )),
        _ => {}
    }
    let plan_id = plan.id.clone();

    // The plan's quarters come after those of every other plan of the
    // database (the rule of a new plan): the active plan is the one with the
    // latest first year, so a template must not move this plan before another.
    let mut latest: Option<(Plan, PeriodRef)> = None;
    for other in plans::list(conn)? {
        if other.id == plan_id {
            continue;
        }
        let end = last_quarter(conn, &other)?;
        if latest.as_ref().is_none_or(|(_, e)| end > *e) {
            latest = Some((other, end));
        }
    }
    if let Some((other, end)) = latest.filter(|(_, end)| t.plan.first <= *end) {
        problems.add(
            SHEET_PLAN,
            4,
            PLAN_HEADERS[1],
            Msg::new(
                "planOverlap",
                [
                    ("from", other.year_start.to_string()),
                    ("to", other.year_end.to_string()),
                    ("last", end.to_string()),
                ],
                format!(
                    "Rencana aksi ini harus dimulai sesudah rencana aksi {}-{} yang berakhir \
                     pada {}.",
                    other.year_start,
                    other.year_end,
                    end.label()
                ),
            ),
        );
    }

    // Quarters.
    let old_periods = if plan_existed {
        periods::list(conn, &plan_id)?
    } else {
        Vec::new()
    };
    let due: HashMap<PeriodRef, Option<String>> = t
        .periods
        .iter()
        .map(|p| (p.period, p.due_date.clone()))
        .collect();
    let mut period_pairs = Vec::new();
    for quarter in rules::quarters(t.plan.first, t.plan.last) {
        let old = old_periods
            .iter()
            .find(|p| p.year == quarter.year && p.quarter == quarter.quarter)
            .cloned();
        let due_date = match (due.get(&quarter).cloned().flatten(), &old) {
            (Some(date), _) => Some(date),
            (None, Some(old)) => old.due_date.clone(),
            (None, None) => Some(rules::default_due_date(quarter)),
        };
        let new = Period {
            year: quarter.year,
            quarter: quarter.quarter,
            due_date,
            closed: old.as_ref().is_some_and(|p| p.closed),
        };
        let pair = Pair { new, old };
        match &pair.old {
            None => preview.added.push(row(
                RowKind::Period,
                quarter.to_string(),
                fields(&[("Batas laporan", None, pair.new.due_date.clone())]),
            )),
            Some(old) if pair.changed() => preview.changed.push(row(
                RowKind::Period,
                quarter.to_string(),
                fields(&[(
                    "Batas laporan",
                    old.due_date.clone(),
                    pair.new.due_date.clone(),
                )]),
            )),
            _ => {}
        }
        period_pairs.push(pair);
    }
    let mut periods_deleted = Vec::new();
    for old in &old_periods {
        let quarter = PeriodRef {
            year: old.year,
            quarter: old.quarter,
        };
        if quarter >= t.plan.first && quarter <= t.plan.last {
            continue;
        }
        if period_has_data(conn, &plan_id, quarter)? {
            // Row 4 names the first quarter, row 5 the last.
            let row = if quarter < t.plan.first { 4 } else { 5 };
            problems.add(
                SHEET_PLAN,
                row,
                PLAN_HEADERS[1],
                Msg::new(
                    "periodHasData",
                    [("period", quarter.to_string())],
                    format!(
                        "{} sudah berisi target, realisasi atau laporan; rencana aksi tidak dapat \
                     dipersingkat tanpa triwulan itu.",
                        quarter.label()
                    ),
                ),
            );
        } else {
            preview
                .deleted
                .push(row(RowKind::Period, quarter.to_string(), Vec::new()));
            periods_deleted.push(old.clone());
        }
    }

    // OPDs: the directory, shared by every plan of the database.
    let old_opds = opds::list(conn)?;
    let mut opd_pairs: Vec<Pair<Opd>> = Vec::new();
    let mut matched: HashSet<String> = HashSet::new();
    let mut opd_id_of: HashMap<String, String> = HashMap::new();
    for r in &t.opds {
        let old =
            r.id.as_ref()
                .and_then(|id| {
                    old_opds
                        .iter()
                        .find(|o| &o.id == id && !matched.contains(id))
                })
                .or_else(|| {
                    old_opds
                        .iter()
                        .find(|o| o.code.eq_ignore_ascii_case(&r.code) && !matched.contains(&o.id))
                })
                .cloned();
        let id = match &old {
            Some(old) => old.id.clone(),
            None => fresh_id(conn, "opds", &r.id)?,
        };
        matched.insert(id.clone());
        opd_id_of.insert(r.code.clone(), id.clone());
        let new = Opd {
            id,
            code: r.code.clone(),
            name: r.name.clone(),
            head_name: r.head_name.clone(),
            head_nip: r.head_nip.clone(),
            short_name: r.short_name.clone(),
            head_title: r.head_title.clone(),
            // The directory's archive is the editor's: a template neither
            // archives nor restores an OPD it lists.
            archived: old.as_ref().and_then(|o| o.archived.clone()),
        };
        if let Some(other) = old_opds
            .iter()
            .find(|o| o.code.eq_ignore_ascii_case(&new.code) && o.id != new.id)
        {
            if !t
                .opds
                .iter()
                .any(|f| f.id.as_deref() == Some(other.id.as_str()))
            {
                problems.add(
                    SHEET_OPDS,
                    r.row,
                    OPD_COLUMNS[opd_col::CODE].header,
                    Msg::new(
                        "opdCodeTaken",
                        [("code", new.code.clone())],
                        format!(
                            "Kode OPD '{}' sudah dipakai OPD lain di basis data ini.",
                            new.code
                        ),
                    ),
                );
            }
        }
        if let Some(old) = &old {
            if old.code != new.code
                && crate::planning::structure::opds::has_exchanged(conn, &old.id)?
            {
                problems.add(
                    SHEET_OPDS,
                    r.row,
                    OPD_COLUMNS[opd_col::CODE].header,
                    Msg::new(
                        "opdCodeFixed",
                        [("code", old.code.clone())],
                        format!(
                            "Kode {} tidak dapat diubah lagi: OPD ini sudah mengisi data atau \
                             mengirim laporan dengan kode itu.",
                            old.code
                        ),
                    ),
                );
            }
        }
        let label = format!("{} {}", new.code, new.name);
        match &old {
            None => preview.added.push(row(RowKind::Opd, label, Vec::new())),
            Some(old) if *old != new => preview.changed.push(noted(
                &mut fields_of,
                &new.id,
                RowKind::Opd,
                label,
                fields(&[
                    ("Kode OPD", text(&old.code), text(&new.code)),
                    ("Nama lengkap", text(&old.name), text(&new.name)),
                    ("Nama singkat", text(&old.short_name), text(&new.short_name)),
                    ("Nama kepala", text(&old.head_name), text(&new.head_name)),
                    (
                        "Jabatan kepala",
                        text(&old.head_title),
                        text(&new.head_title),
                    ),
                    ("NIP kepala", text(&old.head_nip), text(&new.head_nip)),
                ]),
            )),
            _ => {}
        }
        opd_pairs.push(Pair { new, old });
    }

    // Themes of this plan.
    let old_themes = if plan_existed {
        themes::list(conn, &plan_id)?
    } else {
        Vec::new()
    };
    let mut theme_pairs: Vec<Pair<Theme>> = Vec::new();
    let mut matched: HashSet<String> = HashSet::new();
    let mut theme_id_of: HashMap<i64, String> = HashMap::new();
    for r in &t.themes {
        let old =
            r.id.as_ref()
                .and_then(|id| {
                    old_themes
                        .iter()
                        .find(|o| &o.id == id && !matched.contains(id))
                })
                .or_else(|| {
                    old_themes.iter().find(|o| {
                        o.seq == r.seq && !matched.contains(&o.id) && !claimed(&t.themes, &o.id)
                    })
                })
                .cloned();
        let id = match &old {
            Some(old) => old.id.clone(),
            None => fresh_id(conn, "themes", &r.id)?,
        };
        matched.insert(id.clone());
        theme_id_of.insert(r.seq, id.clone());
        let new = Theme {
            id,
            plan_id: plan_id.clone(),
            seq: r.seq,
            name: r.name.clone(),
            description: r.description.clone(),
            archived: None,
        };
        let label = format!("Tema {} {}", new.seq, new.name);
        match &old {
            None => preview.added.push(row(RowKind::Theme, label, Vec::new())),
            Some(old) if *old != new => preview.changed.push(noted(
                &mut fields_of,
                &new.id,
                RowKind::Theme,
                label,
                fields(&[
                    ("No", Some(old.seq.to_string()), Some(new.seq.to_string())),
                    ("Judul tema", text(&old.name), text(&new.name)),
                    ("Uraian", text(&old.description), text(&new.description)),
                    ("Arsip", archived_flag(&old.archived), None),
                ]),
            )),
            _ => {}
        }
        theme_pairs.push(Pair { new, old });
    }

    // Actions of this plan.
    let old_actions = if plan_existed {
        actions::list(conn, &plan_id)?
    } else {
        Vec::new()
    };
    let opd_code_of = |id: &str| -> String {
        opd_pairs
            .iter()
            .map(|p| &p.new)
            .chain(old_opds.iter())
            .find(|o| o.id == id)
            .map(|o| o.code.clone())
            .unwrap_or_default()
    };
    let codes = |ids: &[String]| -> Option<String> {
        Some(
            ids.iter()
                .map(|id| opd_code_of(id))
                .collect::<Vec<_>>()
                .join(", "),
        )
    };
    let theme_seq_of = |id: &str| -> Option<String> {
        theme_pairs
            .iter()
            .map(|p| &p.new)
            .chain(old_themes.iter())
            .find(|t| t.id == id)
            .map(|t| t.seq.to_string())
    };
    let mut action_pairs: Vec<Pair<Action>> = Vec::new();
    let mut matched: HashSet<String> = HashSet::new();
    let mut action_id_of: HashMap<String, String> = HashMap::new();
    for r in &t.actions {
        let old =
            r.id.as_ref()
                .and_then(|id| {
                    old_actions
                        .iter()
                        .find(|o| &o.id == id && !matched.contains(id))
                })
                .or_else(|| {
                    old_actions.iter().find(|o| {
                        o.code.eq_ignore_ascii_case(&r.code)
                            && !matched.contains(&o.id)
                            && !claimed_action(&t.actions, &o.id)
                    })
                })
                .cloned();
        let id = match &old {
            Some(old) => old.id.clone(),
            None => fresh_id(conn, "actions", &r.id)?,
        };
        matched.insert(id.clone());
        action_id_of.insert(r.code.to_uppercase(), id.clone());
        let mut supporting: Vec<String> = r
            .supporting_codes
            .iter()
            .filter_map(|c| opd_id_of.get(c).cloned())
            .collect();
        // In the order the database lists them (by OPD code).
        supporting.sort_by_key(|id| opd_code_of(id));
        let new = Action {
            id,
            plan_id: plan_id.clone(),
            theme_id: theme_id_of.get(&r.theme_seq).cloned().unwrap_or_default(),
            code: r.code.clone(),
            title: r.title.clone(),
            problem: r.problem.clone(),
            description: r.description.clone(),
            contribution: r.contribution.clone(),
            ogp_values: r.ogp_values.clone(),
            lead_opd_id: opd_id_of.get(&r.lead_code).cloned().unwrap_or_default(),
            supporting_opd_ids: supporting,
            cso_partners: r.cso_partners.clone(),
            start_date: r.start_date.clone(),
            end_date: r.end_date.clone(),
            archived: None,
        };
        if let Some(other) = old_actions
            .iter()
            .find(|o| o.code.eq_ignore_ascii_case(&new.code) && o.id != new.id)
        {
            if !t
                .actions
                .iter()
                .any(|f| f.id.as_deref() == Some(other.id.as_str()))
            {
                problems.add(
                    SHEET_ACTIONS,
                    r.row,
                    ACTION_COLUMNS[action_col::CODE].header,
                    Msg::new(
                        "actionCodeTaken",
                        [("code", new.code.clone())],
                        format!(
                        "Kode '{}' sudah dipakai rencana aksi lain (diarsipkan) di basis data ini.",
                        new.code
                    ),
                    ),
                );
            }
        }
        // An archived OPD takes no new part in an action (as in the editor).
        let archived_opd = |id: &String| {
            opd_pairs
                .iter()
                .find(|p| &p.new.id == id)
                .filter(|p| p.new.archived.is_some())
                .map(|p| p.new.code.clone())
        };
        let was = |id: &String| {
            old.as_ref()
                .is_some_and(|o| &o.lead_opd_id == id || o.supporting_opd_ids.contains(id))
        };
        for (id, column) in std::iter::once((&new.lead_opd_id, action_col::LEAD)).chain(
            new.supporting_opd_ids
                .iter()
                .map(|id| (id, action_col::SUPPORTING)),
        ) {
            if let Some(code) = archived_opd(id).filter(|_| !was(id)) {
                problems.add(
                    SHEET_ACTIONS,
                    r.row,
                    ACTION_COLUMNS[column].header,
                    Msg::new(
                        "archivedOpd",
                        [("code", code.clone())],
                        format!("OPD {code} diarsipkan; pilih OPD lain."),
                    ),
                );
            }
        }
        let label = format!("{} {}", new.code, new.title);
        match &old {
            None => preview.added.push(row(RowKind::Action, label, Vec::new())),
            Some(old) if *old != new => preview.changed.push(noted(
                &mut fields_of,
                &new.id,
                RowKind::Action,
                label,
                fields(&[
                    ("Kode", text(&old.code), text(&new.code)),
                    ("Judul", text(&old.title), text(&new.title)),
                    (
                        "No tema",
                        theme_seq_of(&old.theme_id),
                        theme_seq_of(&new.theme_id),
                    ),
                    (
                        "OPD pelaksana",
                        text(&opd_code_of(&old.lead_opd_id)),
                        text(&opd_code_of(&new.lead_opd_id)),
                    ),
                    (
                        "OPD pendukung",
                        codes(&old.supporting_opd_ids),
                        codes(&new.supporting_opd_ids),
                    ),
                    ("Mulai", old.start_date.clone(), new.start_date.clone()),
                    ("Selesai", old.end_date.clone(), new.end_date.clone()),
                    ("Permasalahan", text(&old.problem), text(&new.problem)),
                    ("Uraian", text(&old.description), text(&new.description)),
                    (
                        "Kontribusi",
                        text(&old.contribution),
                        text(&new.contribution),
                    ),
                    (
                        "Nilai OGP",
                        Some(ogp(&old.ogp_values)),
                        Some(ogp(&new.ogp_values)),
                    ),
                    (
                        "Mitra OMS",
                        text(&old.cso_partners),
                        text(&new.cso_partners),
                    ),
                    ("Arsip", archived_flag(&old.archived), None),
                ]),
            )),
            _ => {}
        }
        action_pairs.push(Pair { new, old });
    }

    // Indicators of the actions in the file, with their targets.
    let old_indicators = if plan_existed {
        indicators::list_for_plan(conn, &plan_id)?
    } else {
        Vec::new()
    };
    let old_targets = if plan_existed {
        targets::grids_for_plan(conn, &plan_id)?
    } else {
        HashMap::new()
    };
    let action_code_of = |id: &str| -> String {
        action_pairs
            .iter()
            .map(|p| &p.new)
            .chain(old_actions.iter())
            .find(|a| a.id == id)
            .map(|a| a.code.clone())
            .unwrap_or_default()
    };
    // Indicators of an OPD whose report was imported for this plan are that
    // OPD's own: the template may list them as they are, nothing more.
    let reported = if plan_existed {
        reported_opds(conn, &plan_id)?
    } else {
        HashSet::new()
    };
    let reserved: HashSet<(&str, i64)> = old_indicators
        .iter()
        .filter(|i| reported.contains(&i.opd_id))
        .map(|i| (i.action_id.as_str(), i.seq))
        .collect();
    let mut indicator_pairs: Vec<Pair<Indicator>> = Vec::new();
    let mut target_changes = BTreeMap::new();
    let mut matched: HashSet<String> = HashSet::new();
    let mut next_seq: HashMap<String, i64> = HashMap::new();
    for r in &t.indicators {
        let action_id = action_id_of
            .get(&r.action_code.to_uppercase())
            .cloned()
            .unwrap_or_default();
        let opd_id = opd_id_of.get(&r.opd_code).cloned().unwrap_or_default();
        let old =
            r.id.as_ref()
                .and_then(|id| {
                    old_indicators
                        .iter()
                        .find(|o| &o.id == id && !matched.contains(id))
                })
                .or_else(|| {
                    old_indicators.iter().find(|o| {
                        o.action_id == action_id
                            && o.opd_id == opd_id
                            && o.description.trim() == r.description
                            && !matched.contains(&o.id)
                            && !t
                                .indicators
                                .iter()
                                .any(|f| f.id.as_deref() == Some(o.id.as_str()))
                    })
                })
                .cloned();
        let id = match &old {
            Some(old) => old.id.clone(),
            None => fresh_id(conn, "indicators", &r.id)?,
        };
        matched.insert(id.clone());
        let locked = old.as_ref().filter(|o| reported.contains(&o.opd_id));
        // A reported OPD's indicator keeps its place among its action's rows;
        // the others are numbered in the file's order around those places.
        let counter = next_seq.entry(action_id.clone()).or_insert(0);
        let seq = match locked.filter(|o| o.action_id == action_id) {
            Some(o) => {
                *counter = (*counter).max(o.seq);
                o.seq
            }
            None => {
                *counter += 1;
                while reserved.contains(&(action_id.as_str(), *counter)) {
                    *counter += 1;
                }
                *counter
            }
        };
        let mut new = Indicator {
            id: id.clone(),
            milestone_id: old
                .as_ref()
                .filter(|o| o.action_id == action_id)
                .and_then(|o| o.milestone_id.clone()),
            action_id,
            opd_id,
            seq,
            description: r.description.clone(),
            unit: r.unit.clone(),
            baseline: r.baseline,
            polarity: r.polarity,
            aggregation: r.aggregation,
        };
        // (A reported OPD's indicator is refused below, with its own message.)
        let unreported = locked.is_none() && !reported.contains(&new.opd_id);
        if let Some(old) = old.as_ref().filter(|_| unreported) {
            if (old.action_id != new.action_id || old.opd_id != new.opd_id)
                && indicator_has_data(conn, &old.id)?
            {
                problems.add(
                    SHEET_INDICATORS,
                    r.row,
                    INDICATOR_COLUMNS[indicator_col::ACTION].header,
                    Msg::new("indicatorMoved", [], "Indikator ini sudah berisi realisasi atau bukti dari OPD-nya; rencana aksi \
                     dan OPD-nya tidak dapat dipindah. Tambahkan sebagai baris baru (kolom ID kosong)."),
                );
            }
        }
        let grid = old_targets.get(&id);
        let mut changes = Vec::new();
        for (quarter, value) in &r.targets {
            let before = grid
                .and_then(|g| g.get(&quarter.year))
                .and_then(|q| q[usize::from(quarter.quarter) - 1]);
            if before != *value {
                changes.push((*quarter, before, *value));
            }
        }
        // The reported OPD whose row this is (or would be, added or moved to
        // it), and the first column the row changes (None: as it is held).
        let owner = match locked {
            Some(o) => Some((o.opd_id.clone(), reported_change(o, &new, &changes))),
            None if reported.contains(&new.opd_id) => {
                Some((new.opd_id.clone(), Some(indicator_col::OPD)))
            }
            None => None,
        };
        if let Some((owner, column)) = owner {
            if let Some(column) = column {
                let header = match column {
                    TARGET_COLUMN => changes
                        .first()
                        .map(|(q, _, _)| quarter_header(q.year, q.quarter))
                        .unwrap_or_default(),
                    c => INDICATOR_COLUMNS[c].header.to_string(),
                };
                let code = opd_code_of(&owner);
                problems.add(
                    SHEET_INDICATORS,
                    r.row,
                    &header,
                    Msg::new(
                        "indicatorReported",
                        [("code", code.clone())],
                        format!(
                            "Indikator milik OPD {code} sudah dilaporkan OPD; perubahan \
                             dilakukan OPD lewat laporannya."
                        ),
                    ),
                );
            }
            // Nothing of the OPD's row changes, not even a trimmed space.
            if let Some(o) = locked {
                new = o.clone();
            }
            changes.clear();
        }
        let label = format!(
            "{} {}: {}",
            action_code_of(&new.action_id),
            opd_code_of(&new.opd_id),
            new.description
        );
        let target_fields: Vec<FieldChange> = changes
            .iter()
            .map(|(q, old, new)| FieldChange {
                field: format!("Target {q}"),
                old: old.map(figure),
                new: new.map(figure),
            })
            .collect();
        match &old {
            None => preview
                .added
                .push(row(RowKind::Indicator, label, Vec::new())),
            Some(old) if *old != new || !changes.is_empty() => {
                let mut list = fields(&[
                    (
                        "Rencana aksi",
                        text(&action_code_of(&old.action_id)),
                        text(&action_code_of(&new.action_id)),
                    ),
                    (
                        "OPD",
                        text(&opd_code_of(&old.opd_id)),
                        text(&opd_code_of(&new.opd_id)),
                    ),
                    (
                        "Urutan",
                        Some(old.seq.to_string()),
                        Some(new.seq.to_string()),
                    ),
                    ("Uraian", text(&old.description), text(&new.description)),
                    ("Satuan", text(&old.unit), text(&new.unit)),
                    (
                        "Baseline",
                        old.baseline.map(figure),
                        new.baseline.map(figure),
                    ),
                    (
                        "Polaritas",
                        text(old.polarity.as_str()),
                        text(new.polarity.as_str()),
                    ),
                    (
                        "Agregasi",
                        text(old.aggregation.as_str()),
                        text(new.aggregation.as_str()),
                    ),
                ]);
                list.extend(target_fields);
                preview.changed.push(noted(
                    &mut fields_of,
                    &new.id,
                    RowKind::Indicator,
                    label,
                    list,
                ));
            }
            _ => {}
        }
        if !changes.is_empty() {
            target_changes.insert(id, changes);
        }
        indicator_pairs.push(Pair { new, old });
    }

    // Rows missing from the file.
    let in_file: HashSet<&str> = indicator_pairs.iter().map(|p| p.new.id.as_str()).collect();
    let actions_in_file: HashSet<&str> = action_pairs.iter().map(|p| p.new.id.as_str()).collect();
    let mut indicators_deleted = Vec::new();
    for old in &old_indicators {
        if in_file.contains(old.id.as_str()) || !actions_in_file.contains(old.action_id.as_str()) {
            continue;
        }
        let label = format!(
            "{} {}: {}",
            action_code_of(&old.action_id),
            opd_code_of(&old.opd_id),
            old.description
        );
        if indicator_has_data(conn, &old.id)? || reported.contains(&old.opd_id) {
            preview
                .kept
                .push(row(RowKind::Indicator, label, Vec::new()));
        } else {
            preview
                .deleted
                .push(row(RowKind::Indicator, label, Vec::new()));
            indicators_deleted.push(old.clone());
        }
    }
    let mut actions_archived = Vec::new();
    let mut actions_deleted = Vec::new();
    for old in &old_actions {
        if actions_in_file.contains(old.id.as_str()) {
            continue;
        }
        let label = format!("{} {}", old.code, old.title);
        if crate::planning::structure::actions::in_use(conn, &old.id)? {
            if old.archived.is_none() {
                preview
                    .archived
                    .push(row(RowKind::Action, label, Vec::new()));
                actions_archived.push(Action {
                    archived: Some(archive()),
                    ..old.clone()
                });
            }
        } else {
            preview
                .deleted
                .push(row(RowKind::Action, label, Vec::new()));
            actions_deleted.push(old.clone());
        }
    }
    let themes_in_file: HashSet<&str> = theme_pairs.iter().map(|p| p.new.id.as_str()).collect();
    let deleted_actions: HashSet<&str> = actions_deleted.iter().map(|a| a.id.as_str()).collect();
    let mut themes_archived = Vec::new();
    let mut themes_deleted = Vec::new();
    let mut spare_seq = theme_pairs
        .iter()
        .map(|p| p.new.seq)
        .chain(old_themes.iter().map(|o| o.seq))
        .max()
        .unwrap_or(0);
    let taken: HashSet<i64> = theme_pairs.iter().map(|p| p.new.seq).collect();
    for old in &old_themes {
        if themes_in_file.contains(old.id.as_str()) {
            continue;
        }
        let label = format!("Tema {} {}", old.seq, old.name);
        let used = action_pairs.iter().any(|p| p.new.theme_id == old.id)
            || old_actions.iter().any(|a| {
                a.theme_id == old.id
                    && !actions_in_file.contains(a.id.as_str())
                    && !deleted_actions.contains(a.id.as_str())
            });
        if used {
            // An archived theme keeps its place unless a theme of the file needs its number.
            let seq = if taken.contains(&old.seq) {
                spare_seq += 1;
                spare_seq
            } else {
                old.seq
            };
            if old.archived.is_none() || seq != old.seq {
                preview
                    .archived
                    .push(row(RowKind::Theme, label, Vec::new()));
                themes_archived.push(Theme {
                    seq,
                    archived: old.archived.clone().or_else(|| Some(archive())),
                    ..old.clone()
                });
            }
        } else {
            preview.deleted.push(row(RowKind::Theme, label, Vec::new()));
            themes_deleted.push(old.clone());
        }
    }
    let opds_in_file: HashSet<&str> = opd_pairs.iter().map(|p| p.new.id.as_str()).collect();
    let mut opds_archived = Vec::new();
    let mut opds_deleted = Vec::new();
    for old in &old_opds {
        if opds_in_file.contains(old.id.as_str()) {
            continue;
        }
        let label = format!("{} {}", old.code, old.name);
        // The directory is every plan's: an OPD another plan still uses stays
        // as it is, whatever this plan's template lists.
        if used_by_other_plan(conn, &old.id, &plan_id)? {
            if old.archived.is_none() {
                preview.kept.push(row(RowKind::Opd, label, Vec::new()));
            }
            continue;
        }
        let used = crate::planning::structure::opds::in_use(conn, &old.id)?
            || action_pairs
                .iter()
                .any(|p| p.new.lead_opd_id == old.id || p.new.supporting_opd_ids.contains(&old.id));
        if used {
            if old.archived.is_none() {
                preview.archived.push(row(RowKind::Opd, label, Vec::new()));
                opds_archived.push(Opd {
                    archived: Some(archive()),
                    ..old.clone()
                });
            }
        } else {
            preview.deleted.push(row(RowKind::Opd, label, Vec::new()));
            opds_deleted.push(old.clone());
        }
    }

    Ok(Diff {
        preview,
        plan,
        plan_existed,
        plan_changed,
        periods: period_pairs,
        periods_deleted,
        opds: opd_pairs,
        opds_archived,
        opds_deleted,
        themes: theme_pairs,
        themes_archived,
        themes_deleted,
        actions: action_pairs,
        actions_archived,
        actions_deleted,
        indicators: indicator_pairs,
        indicators_deleted,
        targets: target_changes,
        fields_of,
    })
}

/// A changed row, its field changes also noted by id for the audit rows.
fn noted(
    fields_of: &mut HashMap<String, Vec<FieldChange>>,
    id: &str,
    kind: RowKind,
    label: String,
    fields: Vec<FieldChange>,
) -> RowChange {
    fields_of.insert(id.to_string(), fields.clone());
    row(kind, label, fields)
}

/// Whether another row of the file names this theme by its id (so it is not
/// free to be matched by number).
fn claimed(rows: &[read::ThemeRow], id: &str) -> bool {
    rows.iter().any(|r| r.id.as_deref() == Some(id))
}

fn claimed_action(rows: &[read::ActionRow], id: &str) -> bool {
    rows.iter().any(|r| r.id.as_deref() == Some(id))
}

fn ogp(values: &[crate::model::OgpValue]) -> String {
    values
        .iter()
        .map(|v| v.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

/// A figure as the preview shows it (the decimal point of the file).
fn figure(value: f64) -> String {
    value.to_string()
}

fn period_has_data(conn: &Connection, plan_id: &str, quarter: PeriodRef) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM targets t JOIN indicators i ON i.id = t.indicator_id
                        JOIN actions a ON a.id = i.action_id
                        WHERE a.plan_id = ?1 AND t.year = ?2 AND t.quarter = ?3)
             OR EXISTS (SELECT 1 FROM realisations r JOIN indicators i ON i.id = r.indicator_id
                        JOIN actions a ON a.id = i.action_id
                        WHERE a.plan_id = ?1 AND r.year = ?2 AND r.quarter = ?3)
             OR EXISTS (SELECT 1 FROM reports WHERE plan_id = ?1 AND year = ?2 AND quarter = ?3)",
        params![plan_id, quarter.year, quarter.quarter],
        |row| row.get(0),
    )?)
}

/// Stands for the first target column that changes, in [`reported_change`].
const TARGET_COLUMN: usize = usize::MAX;

/// The first column in which a row changes a reported OPD's indicator `old`
/// (`TARGET_COLUMN` for a target), or `None` when the row is what is held.
fn reported_change(old: &Indicator, new: &Indicator, targets: &[TargetChange]) -> Option<usize> {
    use indicator_col::*;
    let same_text = |a: &str, b: &str| a.trim() == b.trim();
    [
        (ACTION, old.action_id == new.action_id),
        (OPD, old.opd_id == new.opd_id),
        (DESCRIPTION, same_text(&old.description, &new.description)),
        (UNIT, same_text(&old.unit, &new.unit)),
        (BASELINE, old.baseline == new.baseline),
        (POLARITY, old.polarity == new.polarity),
        (AGGREGATION, old.aggregation == new.aggregation),
        (TARGET_COLUMN, targets.is_empty()),
    ]
    .into_iter()
    .find(|(_, same)| !same)
    .map(|(column, _)| column)
}

/// The last quarter of a plan: its last period, else the end of its last year.
fn last_quarter(conn: &Connection, plan: &Plan) -> Result<PeriodRef> {
    Ok(periods::list(conn, &plan.id)?
        .last()
        .map(|p| PeriodRef {
            year: p.year,
            quarter: p.quarter,
        })
        .unwrap_or(PeriodRef {
            year: plan.year_end,
            quarter: 4,
        }))
}

/// Whether an OPD is in use outside this plan: an action (lead, supporting,
/// milestone or indicator), a report or a co-creation session of another
/// plan, or a pinned key (the trust of the directory, which every plan shares).
fn used_by_other_plan(conn: &Connection, opd_id: &str, plan_id: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM actions WHERE lead_opd_id = ?1 AND plan_id <> ?2)
             OR EXISTS (SELECT 1 FROM action_supporting_opds s JOIN actions a ON a.id = s.action_id
                        WHERE s.opd_id = ?1 AND a.plan_id <> ?2)
             OR EXISTS (SELECT 1 FROM milestones m JOIN actions a ON a.id = m.action_id
                        WHERE m.opd_id = ?1 AND a.plan_id <> ?2)
             OR EXISTS (SELECT 1 FROM indicators i JOIN actions a ON a.id = i.action_id
                        WHERE i.opd_id = ?1 AND a.plan_id <> ?2)
             OR EXISTS (SELECT 1 FROM reports WHERE opd_id = ?1 AND plan_id <> ?2)
             OR EXISTS (SELECT 1 FROM session_participants p
                        JOIN cocreation_sessions c ON c.id = p.session_id
                        WHERE p.opd_id = ?1 AND c.plan_id <> ?2)
             OR EXISTS (SELECT 1 FROM opd_keys WHERE opd_id = ?1)",
        params![opd_id, plan_id],
        |row| row.get(0),
    )?)
}

/// The OPDs whose report Bappeda imported for this plan: their indicators and
/// targets at Bappeda came from that report and are theirs to change.
fn reported_opds(conn: &Connection, plan_id: &str) -> Result<HashSet<String>> {
    let mut stmt = conn.prepare(
        "SELECT DISTINCT opd_id FROM reports WHERE plan_id = ?1 AND direction = 'imported'",
    )?;
    let rows = stmt.query_map([plan_id], |row| row.get::<_, String>(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An OPD entered something on this indicator: a realisation or evidence.
fn indicator_has_data(conn: &Connection, id: &str) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM realisations WHERE indicator_id = ?1)
             OR EXISTS (SELECT 1 FROM evidence WHERE indicator_id = ?1)",
        [id],
        |row| row.get(0),
    )?)
}

/// Before-images by level, parents first, so undoing deletes what the import
/// added children first and puts back what it changed or deleted parents first.
#[derive(Default)]
struct Images {
    levels: [Vec<RowImage>; 8],
}

const L_OPD: usize = 0;
const L_PLAN: usize = 1;
const L_PERIOD: usize = 2;
const L_THEME: usize = 3;
const L_ACTION: usize = 4;
const L_SUPPORT: usize = 5;
const L_INDICATOR: usize = 6;
const L_TARGET: usize = 7;

impl Images {
    fn take(
        &mut self,
        conn: &Connection,
        level: usize,
        table: &'static str,
        key: &[(&'static str, Value)],
    ) -> Result<()> {
        self.levels[level].push(capture(conn, table, key)?);
        Ok(())
    }

    fn id(&mut self, conn: &Connection, level: usize, table: &'static str, id: &str) -> Result<()> {
        self.take(conn, level, table, &text_key("id", id))
    }

    fn into_order(self) -> Vec<RowImage> {
        let mut added = Vec::new();
        let mut kept = Vec::new();
        for level in self.levels.into_iter().rev() {
            let (a, k): (Vec<_>, Vec<_>) = level.into_iter().partition(|i| !i.existed());
            added.extend(a);
            kept.push(k);
        }
        kept.reverse();
        added
            .into_iter()
            .chain(kept.into_iter().flatten())
            .collect()
    }
}

fn period_key(plan_id: &str, year: i32, quarter: u8) -> Vec<(&'static str, Value)> {
    vec![
        ("plan_id", Value::Text(plan_id.to_string())),
        ("year", Value::Integer(year.into())),
        ("quarter", Value::Integer(quarter.into())),
    ]
}

fn target_key(indicator_id: &str, quarter: PeriodRef) -> Vec<(&'static str, Value)> {
    vec![
        ("indicator_id", Value::Text(indicator_id.to_string())),
        ("year", Value::Integer(quarter.year.into())),
        ("quarter", Value::Integer(quarter.quarter.into())),
    ]
}

fn support_key(action_id: &str, opd_id: &str) -> Vec<(&'static str, Value)> {
    vec![
        ("action_id", Value::Text(action_id.to_string())),
        ("opd_id", Value::Text(opd_id.to_string())),
    ]
}

/// Captures every row the import touches, then writes the import with its
/// audit rows; returns the before-images in the order undoing needs.
fn write(tx: &Transaction<'_>, d: &Diff, actor: &str) -> Result<Vec<RowImage>> {
    let mut images = Images::default();
    let plan_id = d.plan.id.as_str();
    images.id(tx, L_PLAN, "plans", plan_id)?;
    for p in d.periods.iter().map(|p| &p.new).chain(&d.periods_deleted) {
        images.take(
            tx,
            L_PERIOD,
            "periods",
            &period_key(plan_id, p.year, p.quarter),
        )?;
    }
    for o in d
        .opds
        .iter()
        .map(|p| &p.new)
        .chain(&d.opds_archived)
        .chain(&d.opds_deleted)
    {
        images.id(tx, L_OPD, "opds", &o.id)?;
    }
    for t in d
        .themes
        .iter()
        .map(|p| &p.new)
        .chain(&d.themes_archived)
        .chain(&d.themes_deleted)
    {
        images.id(tx, L_THEME, "themes", &t.id)?;
    }
    let mut supports: HashSet<(String, String)> = HashSet::new();
    for pair in &d.actions {
        for opd in pair
            .new
            .supporting_opd_ids
            .iter()
            .chain(pair.old.iter().flat_map(|o| o.supporting_opd_ids.iter()))
        {
            supports.insert((pair.new.id.clone(), opd.clone()));
        }
    }
    for a in &d.actions_deleted {
        for opd in &a.supporting_opd_ids {
            supports.insert((a.id.clone(), opd.clone()));
        }
    }
    for a in d
        .actions
        .iter()
        .map(|p| &p.new)
        .chain(&d.actions_archived)
        .chain(&d.actions_deleted)
    {
        images.id(tx, L_ACTION, "actions", &a.id)?;
    }
    for (action, opd) in &supports {
        images.take(
            tx,
            L_SUPPORT,
            "action_supporting_opds",
            &support_key(action, opd),
        )?;
    }
    for i in d
        .indicators
        .iter()
        .map(|p| &p.new)
        .chain(&d.indicators_deleted)
    {
        images.id(tx, L_INDICATOR, "indicators", &i.id)?;
    }
    for (id, changes) in &d.targets {
        for (quarter, _, _) in changes {
            images.take(tx, L_TARGET, "targets", &target_key(id, *quarter))?;
        }
    }
    for i in &d.indicators_deleted {
        for t in targets::list_for_indicator(tx, &i.id)? {
            let quarter = PeriodRef {
                year: t.year,
                quarter: t.quarter,
            };
            images.take(tx, L_TARGET, "targets", &target_key(&i.id, quarter))?;
        }
    }

    let record = |entity: &str,
                  id: &str,
                  operation: &str,
                  field: Option<&str>,
                  old: Option<&str>,
                  new: Option<&str>| {
        audit::record(
            tx,
            actor,
            &Change {
                entity,
                entity_id: id,
                operation,
                field,
                old,
                new,
            },
        )
    };
    let record_fields = |kind: RowKind, id: &str, list: &[FieldChange]| -> Result<()> {
        for f in list {
            record(
                kind.entity(),
                id,
                "update",
                Some(&f.field),
                f.old.as_deref(),
                f.new.as_deref(),
            )?;
        }
        Ok(())
    };

    // The plan and its quarters.
    if !d.plan_existed {
        plans::insert(tx, &d.plan)?;
        record("plan", plan_id, "create", None, None, Some(&d.plan.title))?;
    } else if d.plan_changed {
        plans::update(tx, &d.plan)?;
        record_fields(RowKind::Plan, plan_id, d.fields(plan_id))?;
    }
    for pair in &d.periods {
        if pair.changed() {
            periods::upsert(tx, plan_id, &pair.new)?;
            let label = format!("{}-TW{}", pair.new.year, pair.new.quarter);
            let operation = if pair.old.is_some() {
                "update"
            } else {
                "create"
            };
            let old_due = pair.old.as_ref().and_then(|p| p.due_date.clone());
            record(
                "period",
                &format!("{plan_id}:{label}"),
                operation,
                Some("Batas laporan"),
                old_due.as_deref(),
                pair.new.due_date.as_deref(),
            )?;
        }
    }

    // OPDs: codes that change move aside first, so two OPDs may swap codes.
    let moved_opds = d
        .opds
        .iter()
        .filter(|p| p.old.as_ref().is_some_and(|o| o.code != p.new.code))
        .map(|p| &p.new);
    for opd in moved_opds.chain(&d.opds_deleted) {
        tx.execute(
            "UPDATE opds SET code = ?2 WHERE id = ?1",
            params![opd.id, format!("~{}", opd.id)],
        )?;
    }
    for pair in d.opds.iter().filter(|p| p.changed()) {
        opds::upsert(tx, &pair.new)?;
        let label = format!("{} {}", pair.new.code, pair.new.name);
        match &pair.old {
            None => record("opd", &pair.new.id, "create", None, None, Some(&label))?,
            Some(_) => record_fields(RowKind::Opd, &pair.new.id, d.fields(&pair.new.id))?,
        }
    }

    // Themes: numbers that change move aside first.
    for pair in d
        .themes
        .iter()
        .filter(|p| p.old.as_ref().is_some_and(|o| o.seq != p.new.seq))
    {
        tx.execute(
            "UPDATE themes SET seq = -seq - 1000000 WHERE id = ?1",
            [&pair.new.id],
        )?;
    }
    for theme in d.themes_archived.iter().chain(&d.themes_deleted) {
        tx.execute(
            "UPDATE themes SET seq = -seq - 2000000 WHERE id = ?1",
            [&theme.id],
        )?;
    }
    for pair in d.themes.iter().filter(|p| p.changed()) {
        themes::upsert(tx, &pair.new)?;
        let label = format!("Tema {} {}", pair.new.seq, pair.new.name);
        match &pair.old {
            None => record("theme", &pair.new.id, "create", None, None, Some(&label))?,
            Some(_) => record_fields(RowKind::Theme, &pair.new.id, d.fields(&pair.new.id))?,
        }
    }
    for theme in &d.themes_archived {
        themes::upsert(tx, theme)?;
        record(
            "theme",
            &theme.id,
            "update",
            Some("archived"),
            None,
            theme.archived.as_ref().map(|a| a.reason.as_str()),
        )?;
    }

    // Actions: Bappeda owns every field of a draft plan.
    let moved_actions = d
        .actions
        .iter()
        .filter(|p| p.old.as_ref().is_some_and(|o| o.code != p.new.code))
        .map(|p| &p.new);
    for action in moved_actions.chain(&d.actions_deleted) {
        tx.execute(
            "UPDATE actions SET code = ?2 WHERE id = ?1",
            params![action.id, format!("~{}", action.id)],
        )?;
    }
    for pair in d.actions.iter().filter(|p| p.changed()) {
        actions::upsert_structure(tx, &pair.new, true)?;
        let label = format!("{} {}", pair.new.code, pair.new.title);
        match &pair.old {
            None => record("action", &pair.new.id, "create", None, None, Some(&label))?,
            Some(_) => record_fields(RowKind::Action, &pair.new.id, d.fields(&pair.new.id))?,
        }
    }
    for action in &d.actions_archived {
        actions::upsert_structure(tx, action, false)?;
        record(
            "action",
            &action.id,
            "update",
            Some("archived"),
            None,
            action.archived.as_ref().map(|a| a.reason.as_str()),
        )?;
    }

    // Indicators and their targets, owned by their OPDs.
    for pair in &d.indicators {
        let label = |i: &Indicator| i.description.clone();
        match &pair.old {
            None => {
                indicators::insert(tx, &pair.new)?;
                record(
                    "indicator",
                    &pair.new.id,
                    "create",
                    None,
                    None,
                    Some(&label(&pair.new)),
                )?;
            }
            Some(old) if *old != pair.new => {
                tx.execute(
                    "UPDATE indicators SET action_id = ?2, opd_id = ?3, seq = ?4 WHERE id = ?1",
                    params![
                        pair.new.id,
                        pair.new.action_id,
                        pair.new.opd_id,
                        pair.new.seq
                    ],
                )?;
                indicators::update(tx, &pair.new)?;
                record_fields(RowKind::Indicator, &pair.new.id, d.fields(&pair.new.id))?;
            }
            Some(_) => record_fields(RowKind::Indicator, &pair.new.id, d.fields(&pair.new.id))?,
        }
        for (quarter, _, value) in d.targets.get(&pair.new.id).into_iter().flatten() {
            match value {
                Some(value) => targets::upsert(
                    tx,
                    &crate::model::Target {
                        indicator_id: pair.new.id.clone(),
                        year: quarter.year,
                        quarter: quarter.quarter,
                        value: *value,
                    },
                )?,
                None => targets::delete(tx, &pair.new.id, quarter.year, quarter.quarter)?,
            }
        }
    }

    // What the file no longer has: deleted children first.
    for i in &d.indicators_deleted {
        indicators::delete(tx, &i.id)?;
        record(
            "indicator",
            &i.id,
            "delete",
            None,
            Some(&i.description),
            None,
        )?;
    }
    for a in &d.actions_deleted {
        tx.execute("DELETE FROM actions WHERE id = ?1", [&a.id])?;
        record("action", &a.id, "delete", None, Some(&a.code), None)?;
    }
    for t in &d.themes_deleted {
        tx.execute("DELETE FROM themes WHERE id = ?1", [&t.id])?;
        record("theme", &t.id, "delete", None, Some(&t.name), None)?;
    }
    for o in &d.opds_archived {
        opds::upsert(tx, o)?;
        record(
            "opd",
            &o.id,
            "update",
            Some("archived"),
            None,
            o.archived.as_ref().map(|a| a.reason.as_str()),
        )?;
    }
    for o in &d.opds_deleted {
        tx.execute("DELETE FROM opds WHERE id = ?1", [&o.id])?;
        record("opd", &o.id, "delete", None, Some(&o.code), None)?;
    }
    for p in &d.periods_deleted {
        tx.execute(
            "DELETE FROM periods WHERE plan_id = ?1 AND year = ?2 AND quarter = ?3",
            params![plan_id, p.year, p.quarter],
        )?;
        record(
            "period",
            &format!("{plan_id}:{}-TW{}", p.year, p.quarter),
            "delete",
            None,
            None,
            None,
        )?;
    }
    let summary = format!(
        "template {}: {} ditambah, {} diubah, {} diarsipkan, {} dihapus",
        d.preview.file_name,
        d.preview.added.len(),
        d.preview.changed.len(),
        d.preview.archived.len(),
        d.preview.deleted.len()
    );
    record("plan", plan_id, "import", None, None, Some(&summary))?;
    Ok(images.into_order())
}
