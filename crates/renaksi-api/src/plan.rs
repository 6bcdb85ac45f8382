//! Reading the plan: the overview of the main window and the plan's OPDs.

use renaksi_core::model::Opd;
use renaksi_core::overview::{self, PlanOverview};
use renaksi_core::period::PeriodRef;
use renaksi_core::store::opds;
use renaksi_core::{Result, Store};

/// The plan at a glance for `period` (default: the current quarter), or
/// `None` when the database holds no plan.
pub fn overview(store: &Store, period: Option<PeriodRef>) -> Result<Option<PlanOverview>> {
    overview::plan_overview(store.conn(), period)
}

/// The implementing offices (OPD), by code.
pub fn opds(store: &Store) -> Result<Vec<Opd>> {
    opds::list(store.conn())
}
