//! Bappeda writes its own plan: a new plan and its quarters, the plan's
//! status and version, due dates and closed quarters, and the plan switcher
//! (earlier plans stay, read-only). Every change returns what undoes it and
//! the plans as they now read.

use renaksi_core::editing::{self, Undo};
use renaksi_core::planning::{self, PlanList};
pub use renaksi_core::planning::{NewPlan, PeriodChange, PeriodDue, StatusChange};
use std::path::Path;

use crate::setup::{self, FirstStart, RoleKind, StartChoice};
use renaksi_core::profile::{self, Profile, Role};
use renaksi_core::{Error, Result, Store};

/// A saved change: what undoes it, and the plans as they now read. The change
/// is committed even when reading back fails, so a shell keeps `undo` first.
#[derive(Debug)]
pub struct PlanChanged {
    pub undo: Undo,
    pub plans: Result<PlanList>,
}

/// Every plan of the database, newest first, with the viewed plan's quarters.
pub fn plans(store: &Store) -> Result<PlanList> {
    planning::plan_list(store.conn())
}

/// Starts a new plan (Bappeda); it becomes the active plan and the one viewed.
pub fn create(store: &mut Store, input: &NewPlan) -> Result<PlanChanged> {
    let undo = planning::create(store, input)?.1;
    Ok(changed(store, undo))
}

/// `renaksi plan new`: starts a new plan in the database at `db_path`. A
/// database that does not exist yet, or has no profile, starts as Bappeda's
/// ("Mulai kosong") with `user` as the user name. The plan's fields and the
/// user name are checked before a database file appears.
pub fn start(db_path: &Path, user: Option<&str>, input: &NewPlan) -> Result<PlanChanged> {
    planning::check_new(input)?;
    let exists = db_path.exists();
    let mut store = if exists {
        crate::open_existing(db_path)?
    } else {
        let user = user.ok_or_else(needs_user)?;
        Profile::new(Role::Bappeda, user)?;
        Store::open(db_path)?
    };
    if profile::load(store.conn())?.is_none() {
        let user = user.ok_or_else(needs_user)?;
        let start = FirstStart {
            choice: StartChoice::Empty,
            role: RoleKind::Bappeda,
            opd_code: None,
            user_name: user.to_string(),
        };
        setup::first_start(&mut store, &start, None)?;
    }
    create(&mut store, input)
}

fn needs_user() -> Error {
    Error::invalid(
        "user",
        "Basis data ini belum punya profil; sebutkan nama pengguna Bappeda dengan --user.",
    )
}

/// Final (taking a version) or back to draft with a reason (Bappeda).
pub fn set_status(store: &mut Store, change: &StatusChange) -> Result<PlanChanged> {
    let undo = planning::set_status(store, change)?.1;
    Ok(changed(store, undo))
}

/// A quarter's due date (Bappeda).
pub fn set_due_date(store: &mut Store, input: &PeriodDue) -> Result<PlanChanged> {
    let undo = planning::set_due_date(store, input)?.1;
    Ok(changed(store, undo))
}

/// Closes a quarter, with a reason (Bappeda).
pub fn close_period(store: &mut Store, input: &PeriodChange) -> Result<PlanChanged> {
    let undo = planning::close(store, input)?.1;
    Ok(changed(store, undo))
}

/// Reopens a closed quarter, with a reason (Bappeda).
pub fn reopen_period(store: &mut Store, input: &PeriodChange) -> Result<PlanChanged> {
    let undo = planning::reopen(store, input)?.1;
    Ok(changed(store, undo))
}

/// Shows `plan_id` on every screen; an earlier plan is read-only.
pub fn view(store: &mut Store, plan_id: &str) -> Result<PlanList> {
    planning::view(store, plan_id)?;
    plans(store)
}

/// Reverses a change and returns the plans as they now read.
pub fn undo(store: &mut Store, undo: &Undo) -> Result<PlanList> {
    editing::undo(store, undo)?;
    plans(store)
}

fn changed(store: &Store, undo: Undo) -> PlanChanged {
    PlanChanged {
        plans: plans(store),
        undo,
    }
}
