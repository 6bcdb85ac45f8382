//! Bappeda writes its own plan: a new plan with its quarters ([`plan`]), the
//! plan's status and version, the quarters' due dates and closure
//! ([`periods`]), the plans of one database (the plan switcher), and the
//! plan's structure: OPD directory, themes and actions ([`structure`]). Each
//! change validates with a message for its field, checks `access`, writes one
//! IMMEDIATE transaction with its audit rows and returns the `Undo` that
//! reverses it, like an OPD's edits.

pub mod bands;
pub mod periods;
pub mod plan;
pub mod structure;

pub use periods::{close, default_due_date, reopen, set_due_date, PeriodChange, PeriodDue};
pub use plan::{
    check_new, choices, create, plan_list, set_status, view, NewPlan, PlanChoice, PlanEntry,
    PlanList, StatusChange, MAX_PLAN_YEARS,
};
