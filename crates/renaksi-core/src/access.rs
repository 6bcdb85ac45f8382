//! Who may change what (design brief, "Who owns what"). Bappeda owns the plan's
//! structure; the lead OPD of an action owns its narrative; every OPD owns its
//! milestones, indicators, targets, realisations and evidence. At Bappeda,
//! OPD-owned rows change only by importing that OPD's report. Some work is
//! Bappeda's alone (publishing the package, importing and verifying reports,
//! verifier notes, co-creation sessions, plan versions, the Rekap kabupaten):
//! [`require_bappeda`]; an OPD's alone (the Laporan OPD, taking the package):
//! [`require_opd`]. [`Abilities`] tells the window the same, from the same
//! [`RoleKind`].
//! Closed quarters are read-only for OPDs: [`Actor::is_locked`],
//! [`require_open`]. The core checks this on every write; the UI only reflects
//! it through the `canEdit` and `locked` flags of the read models, which are
//! computed here too.
//! A database may hold several plans; the newest is the active one and every
//! earlier plan is read-only: [`require_active_plan`] on every write that
//! changes a plan's rows, [`is_read_only_plan`] for the read models.
//! While a plan is a draft Bappeda owns every field of its actions, the
//! narrative included; once final the narrative is the lead OPD's
//! ([`Actor::require_narrative`]).

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;

use crate::editing::current_profile;
use crate::model::{Action, Opd, Period, Plan, PlanStatus};
use crate::period::PeriodRef;
use crate::profile::{Profile, Role, RoleKind};
use crate::store::{opds, plans};
use crate::{Error, Result};

/// The profile, with its OPD resolved to a row of this database.
#[derive(Debug, Clone)]
pub struct Actor {
    pub profile: Profile,
    pub opd: Option<Opd>,
}

impl Actor {
    pub fn resolve(conn: &Connection, profile: &Profile) -> Result<Actor> {
        let opd = match &profile.role {
            Role::Bappeda => None,
            Role::Opd { code } => Some(opds::by_code(conn, code)?.ok_or_else(|| {
                Error::Forbidden(format!(
                    "OPD {code} dari profil ini tidak ada dalam rencana aksi di basis data ini."
                ))
            })?),
        };
        Ok(Actor {
            profile: profile.clone(),
            opd,
        })
    }

    /// The name written into the audit history.
    pub fn name(&self) -> &str {
        &self.profile.user_name
    }

    /// Whether this profile may change a row owned by `owner_opd_id`.
    pub fn owns(&self, owner_opd_id: &str) -> bool {
        self.opd.as_ref().is_some_and(|opd| opd.id == owner_opd_id)
    }

    /// Refuses a change to a row owned by `owner_opd_id` unless it is ours.
    pub fn require_owner(&self, conn: &Connection, owner_opd_id: &str, what: &str) -> Result<()> {
        if self.owns(owner_opd_id) {
            return Ok(());
        }
        let owner = opd_code(conn, owner_opd_id)?;
        Err(Error::Forbidden(match &self.opd {
            None => format!(
                "Di Bappeda, {what} milik OPD {owner} hanya berubah lewat impor laporan OPD tersebut."
            ),
            Some(own) => format!(
                "{} ini milik OPD {owner}; profil OPD {} hanya dapat mengubah data miliknya sendiri.",
                capitalise(what),
                own.code
            ),
        }))
    }

    /// The OPD this profile adds rows for in `action`: ours, if it is the lead
    /// or a supporting OPD of the action and the action is not archived.
    pub fn assigned_opd(&self, action: &Action) -> Option<&Opd> {
        self.opd.as_ref().filter(|opd| in_plan(action, &opd.id))
    }

    pub fn require_assigned(&self, action: &Action, what: &str) -> Result<&Opd> {
        match (&self.opd, self.assigned_opd(action)) {
            (_, Some(opd)) => Ok(opd),
            (None, None) => Err(Error::Forbidden(format!(
                "Di Bappeda, {what} ditambahkan oleh OPD lalu masuk lewat laporannya."
            ))),
            (Some(_), None) if action.archived.is_some() => Err(archived_action(action, what)),
            (Some(own), None) => Err(Error::Forbidden(format!(
                "OPD {} tidak ditugaskan pada rencana aksi {}, jadi tidak dapat menambah {what} di sana.",
                own.code, action.code
            ))),
        }
    }

    /// Whether this profile may change a row of `owner_opd_id` on `action`:
    /// its own, on an action still in the plan for it ([`in_plan`]).
    pub fn can_edit_row(&self, action: &Action, owner_opd_id: &str) -> bool {
        self.owns(owner_opd_id) && in_plan(action, owner_opd_id)
    }

    /// Refuses a change to a row of `owner_opd_id` on `action` unless it is
    /// ours and the action is still in the plan for us: rows on an archived
    /// action, or on one the OPD no longer leads or supports, are kept but
    /// read-only.
    pub fn require_row(
        &self,
        conn: &Connection,
        action: &Action,
        owner_opd_id: &str,
        what: &str,
    ) -> Result<()> {
        self.require_owner(conn, owner_opd_id, what)?;
        if action.archived.is_some() {
            return Err(archived_action(action, what));
        }
        if !in_plan(action, owner_opd_id) {
            return Err(Error::Forbidden(format!(
                "OPD {} tidak lagi ditugaskan pada rencana aksi {}; {what} yang sudah diisi \
                 tetap disimpan tetapi hanya dapat dibaca.",
                opd_code(conn, owner_opd_id)?,
                action.code
            )));
        }
        Ok(())
    }

    /// Whether `period` is read-only for this profile: a quarter closed by
    /// Bappeda is, for an OPD. (Bappeda changes OPD rows only by import.)
    pub fn is_locked(&self, period: &Period) -> bool {
        self.opd.is_some() && period.closed
    }

    /// Who changes an action's narrative: while its plan is a draft, Bappeda
    /// (it owns every field); once final, only the lead OPD.
    pub fn can_edit_narrative(&self, action: &Action, status: PlanStatus) -> bool {
        match status {
            PlanStatus::Draft => self.opd.is_none(),
            PlanStatus::Final => self.owns(&action.lead_opd_id),
        }
    }

    pub fn require_narrative(&self, conn: &Connection, action: &Action) -> Result<()> {
        let plan = plan_of(conn, &action.plan_id)?;
        if self.can_edit_narrative(action, plan.status) {
            return Ok(());
        }
        Err(Error::Forbidden(match plan.status {
            PlanStatus::Draft => format!(
                "Rencana aksi masih draf; narasi {} diubah oleh Bappeda sampai rencana ditetapkan final.",
                action.code
            ),
            PlanStatus::Final => format!(
                "Narasi rencana aksi {} hanya dapat diubah oleh OPD pelaksananya ({}).",
                action.code,
                opd_code(conn, &action.lead_opd_id)?
            ),
        }))
    }
}

/// Whether the rows `opd_id` owns on `action` are still part of the plan: the
/// action is not archived and the OPD still leads or supports it. Rows that are
/// not are kept (nothing an OPD entered is lost because the plan changed), but
/// they are read-only, marked archived, and left out of reports and figures.
pub fn in_plan(action: &Action, opd_id: &str) -> bool {
    action.archived.is_none()
        && (action.lead_opd_id == opd_id || action.supporting_opd_ids.iter().any(|s| s == opd_id))
}

fn archived_action(action: &Action, what: &str) -> Error {
    Error::Forbidden(format!(
        "Rencana aksi {} sudah diarsipkan oleh Bappeda; {what} di dalamnya tetap disimpan \
         tetapi hanya dapat dibaca.",
        action.code
    ))
}

/// What this profile may do in the app as a whole, so the window offers only
/// that (the read models carry `canEdit` and `locked` for single rows). Each
/// flag is the answer of the same `RoleKind` as the core's check when the work is
/// done (`require_bappeda`, `require_opd`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Abilities {
    /// Publish the plan package for the OPDs (Bappeda).
    pub publish_package: bool,
    /// Import the OPDs' Laporan (Bappeda).
    pub import_reports: bool,
    /// Mark a received Laporan as verified (Bappeda).
    pub verify_reports: bool,
    /// Read and write catatan verifikator (Bappeda).
    pub write_review_notes: bool,
    /// Write the Rekap kabupaten (Bappeda).
    pub export_rekap: bool,
    /// Record co-creation sessions (Bappeda).
    pub record_sessions: bool,
    /// Take named versions of the plan (Bappeda).
    pub save_versions: bool,
    /// Export the quarterly Laporan OPD (an OPD).
    pub export_report: bool,
    /// Start from or take Bappeda's plan package (an OPD).
    pub take_package: bool,
    /// Write the feedback file (Umpan balik) for the OPDs (Bappeda).
    pub write_feedback: bool,
    /// Take Bappeda's feedback file and see its notes (an OPD); whether a
    /// note may be answered is the note's own `canReply`.
    pub take_feedback: bool,
    /// Open the plan editor: new plan, status, quarters, plan switcher (Bappeda).
    pub edit_plan: bool,
    /// Record the end-of-commitment self-assessment (Bappeda).
    pub record_assessment: bool,
    /// Write the public transparency site (Bappeda).
    pub publish_site: bool,
    /// The plan being viewed is an earlier plan, read-only: every editing
    /// ability above that changes it is off.
    pub read_only: bool,
}

impl Abilities {
    pub fn of(role: &Role) -> Abilities {
        Abilities::viewing(role, false)
    }

    /// The abilities of `role` while viewing a plan that is read-only or not.
    pub fn viewing(role: &Role, read_only: bool) -> Abilities {
        let bappeda = role.kind() == RoleKind::Bappeda;
        let opd = role.kind() == RoleKind::Opd;
        let writable = !read_only;
        Abilities {
            publish_package: bappeda && writable,
            import_reports: bappeda && writable,
            verify_reports: bappeda && writable,
            write_review_notes: bappeda && writable,
            export_rekap: bappeda,
            record_sessions: bappeda && writable,
            save_versions: bappeda && writable,
            export_report: opd && writable,
            take_package: opd,
            write_feedback: bappeda && writable,
            take_feedback: opd,
            edit_plan: bappeda,
            record_assessment: bappeda && writable,
            publish_site: bappeda,
            read_only,
        }
    }
}

/// Whether this database's profile is Bappeda's: the answer behind the
/// `canEdit` flags of Bappeda-only work.
pub fn is_bappeda(conn: &Connection) -> Result<bool> {
    Ok(current_profile(conn)?.role.kind() == RoleKind::Bappeda)
}

/// Refuses work that is Bappeda's alone. `doing` names it as the rest of the
/// sentence "Hanya Bappeda yang ...", e.g. "memverifikasi laporan OPD".
/// Returns the profile, whose user name goes into the history.
pub fn require_bappeda(conn: &Connection, doing: &str) -> Result<Profile> {
    require(conn, RoleKind::Bappeda, doing)
}

/// Refuses, at Bappeda, work done from an OPD's own database. `doing` names it
/// as the rest of the sentence "Hanya OPD yang ...". Returns the OPD's code.
pub fn require_opd(conn: &Connection, doing: &str) -> Result<String> {
    match require(conn, RoleKind::Opd, doing)?.role {
        Role::Opd { code } => Ok(code),
        Role::Bappeda => unreachable!("require lets an OPD's profile only through"),
    }
}

/// One message shape for every refusal by role: "Hanya <doer> yang <doing>;
/// basis data ini dipakai oleh <this profile>."
fn require(conn: &Connection, doer: RoleKind, doing: &str) -> Result<Profile> {
    let profile = current_profile(conn)?;
    if profile.role.kind() == doer {
        return Ok(profile);
    }
    let only = doer.label();
    let user = match &profile.role {
        Role::Bappeda => "Bappeda".to_string(),
        Role::Opd { code } => format!("OPD {code}"),
    };
    Err(Error::Forbidden(format!(
        "Hanya {only} yang {doing}; basis data ini dipakai oleh {user}."
    )))
}

/// Refuses a change to a quarter that Bappeda has closed.
pub fn require_open(conn: &Connection, plan_id: &str, period: PeriodRef) -> Result<()> {
    if is_closed(conn, plan_id, period)? {
        return Err(Error::PeriodClosed(format!(
            "{} sudah ditutup oleh Bappeda; target dan realisasinya tidak dapat diubah lagi.",
            period.label()
        )));
    }
    Ok(())
}

pub fn is_closed(conn: &Connection, plan_id: &str, period: PeriodRef) -> Result<bool> {
    Ok(conn
        .query_row(
            "SELECT closed FROM periods WHERE plan_id = ?1 AND year = ?2 AND quarter = ?3",
            rusqlite::params![plan_id, period.year, period.quarter],
            |row| row.get::<_, bool>(0),
        )
        .optional()?
        .unwrap_or(false))
}

/// Refuses a change to an earlier plan: only the newest plan of the database
/// (the active one) changes; earlier plans are kept to be read.
pub fn require_active_plan(conn: &Connection, plan_id: &str) -> Result<()> {
    if !is_read_only_plan(conn, plan_id)? {
        return Ok(());
    }
    let plan = plan_of(conn, plan_id)?;
    Err(Error::Forbidden(format!(
        "Rencana aksi {}-{} sudah ditutup oleh rencana aksi berikutnya; hanya dapat dibaca.",
        plan.year_start, plan.year_end
    )))
}

/// [`require_active_plan`] for the plan of an action.
pub fn require_active_action(conn: &Connection, action_id: &str) -> Result<()> {
    let plan_id: Option<String> = conn
        .query_row(
            "SELECT plan_id FROM actions WHERE id = ?1",
            [action_id],
            |row| row.get(0),
        )
        .optional()?;
    match plan_id {
        Some(plan_id) => require_active_plan(conn, &plan_id),
        None => Err(Error::NotFound("Rencana aksi".into())),
    }
}

/// [`require_active_plan`] for the plan of a milestone or an indicator
/// (their evidence, targets and realisations).
pub fn require_active_part(conn: &Connection, part: Part, id: &str) -> Result<()> {
    let table = match part {
        Part::Milestone => "milestones",
        Part::Indicator => "indicators",
    };
    let action_id: Option<String> = conn
        .query_row(
            &format!("SELECT action_id FROM {table} WHERE id = ?1"),
            [id],
            |row| row.get(0),
        )
        .optional()?;
    match action_id {
        Some(action_id) => require_active_action(conn, &action_id),
        None => Ok(()),
    }
}

/// The rows of an action that [`require_active_part`] finds the plan of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Milestone,
    Indicator,
}

/// [`require_active_plan`] for the plan being viewed (work on the plan as a
/// whole: reports, notes, sessions, versions, the package).
pub fn require_viewed_plan_active(conn: &Connection) -> Result<()> {
    match plans::current(conn)? {
        Some(plan) => require_active_plan(conn, &plan.id),
        None => Ok(()),
    }
}

/// Whether `plan_id` is an earlier plan of this database (not the newest).
pub fn is_read_only_plan(conn: &Connection, plan_id: &str) -> Result<bool> {
    Ok(plans::active(conn)?.is_some_and(|active| active.id != plan_id))
}

/// Whether the plan being viewed is read-only.
pub fn viewing_read_only(conn: &Connection) -> Result<bool> {
    match plans::current(conn)? {
        Some(plan) => is_read_only_plan(conn, &plan.id),
        None => Ok(false),
    }
}

fn plan_of(conn: &Connection, plan_id: &str) -> Result<Plan> {
    plans::get(conn, plan_id)?.ok_or_else(|| Error::NotFound("Rencana aksi".into()))
}

fn opd_code(conn: &Connection, opd_id: &str) -> Result<String> {
    Ok(conn
        .query_row("SELECT code FROM opds WHERE id = ?1", [opd_id], |row| {
            row.get(0)
        })
        .optional()?
        .unwrap_or_else(|| opd_id.to_string()))
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
