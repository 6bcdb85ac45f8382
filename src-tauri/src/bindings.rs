//! The TypeScript of every type that crosses IPC, rendered from the Rust types
//! with ts-rs: `ui/src/api/bindings.ts`. `tests/bindings.rs` compares the
//! committed file with this rendering and fails when it is stale;
//! `cargo xtask bindings` rewrites it.
//!
//! i64 and u64 become `number`: they are counts, versions, sequence numbers and
//! byte sizes, far below 2^53. `Option<T>` is `T | null`, as serde writes
//! `None` and as it reads it back.

use std::any::TypeId;
use std::collections::{BTreeMap, HashSet};

use renaksi_core as core;
use ts_rs::{Config, TypeVisitor, TS};

use crate::commands::{exchange, setup};
use crate::error::CommandError;
use crate::main_window::StartAnswers;

/// The first line of the generated file.
pub const HEADER: &str =
    "// Generated from the Rust types by `cargo xtask bindings`; do not edit.\n";

/// Every type a command takes or returns, the error every command rejects
/// with, and the start answers of the main window. The types they contain
/// are found from these.
fn roots(out: &mut Declarations) {
    // setup.rs
    out.visit::<setup::AppStatus>();
    out.visit::<setup::FirstStartRequest>();
    out.visit::<core::overview::OpdRef>();
    // plan.rs
    out.visit::<core::period::PeriodRef>();
    out.visit::<core::overview::PlanOverview>();
    // workspace.rs
    out.visit::<core::detail::ActionDetail>();
    out.visit::<core::editing::milestones::MilestoneInput>();
    out.visit::<core::editing::indicators::IndicatorInput>();
    out.visit::<core::editing::values::TargetsInput>();
    out.visit::<core::editing::values::RealisationInput>();
    out.visit::<core::editing::narrative::NarrativeInput>();
    out.visit::<core::editing::evidence::EvidenceTarget>();
    out.visit::<core::editing::evidence::LinkInput>();
    out.visit::<core::store::audit::AuditEntry>();
    out.visit::<core::store::audit::HistoryEntity>();
    // report.rs (and consolidation.rs)
    out.visit::<renaksi_api::Paper>();
    out.visit::<core::report::export::SignatureSettings>();
    out.visit::<core::report::export::Exported>();
    out.visit::<renaksi_api::report::OwnKey>();
    out.visit::<core::calendar::ReportCalendar>();
    out.visit::<core::calendar::history::ReportHistory>();
    // exchange.rs
    out.visit::<exchange::PickedFile>();
    out.visit::<exchange::PackagePreview>();
    out.visit::<core::report::import::Imported>();
    out.visit::<core::report::trust::AcceptedKey>();
    out.visit::<core::report::evidence_bundle::BundleImported>();
    out.visit::<core::store::reports::Received>();
    out.visit::<core::submissions::SubmissionMatrix>();
    out.visit::<exchange::PackageUpdate>();
    out.visit::<core::package::Applied>();
    out.visit::<core::package::TrustedBappedaKey>();
    // bands.rs
    out.visit::<core::planning::bands::BandsView>();
    out.visit::<core::planning::bands::BandsInput>();
    // consolidation.rs
    out.visit::<core::consolidation::RegencySummary>();
    out.visit::<core::rekap::RekapWritten>();
    // review.rs
    out.visit::<core::review::ReviewNote>();
    out.visit::<core::review::NoteInput>();
    // feedback.rs
    out.visit::<core::feedback::FeedbackWritten>();
    out.visit::<core::feedback::TakenFeedback>();
    out.visit::<core::feedback::ReceivedNote>();
    out.visit::<core::feedback::FeedbackStatus>();
    // backups.rs
    out.visit::<core::backups::BackupInfo>();
    out.visit::<renaksi_api::backups::RestoreDone>();
    out.visit::<renaksi_api::backups::KeyStatus>();
    out.visit::<core::keys::Rotated>();
    out.visit::<core::keys::Renewed>();
    // cocreation.rs
    out.visit::<core::cocreation::SessionList>();
    out.visit::<core::cocreation::Session>();
    out.visit::<core::cocreation::SessionForm>();
    out.visit::<core::cocreation::ParticipantForm>();
    out.visit::<core::cocreation::InputForm>();
    out.visit::<core::cocreation::ResponseForm>();
    out.visit::<core::cocreation::berita_acara::BeritaAcaraWritten>();
    // versions.rs
    out.visit::<core::versions::VersionList>();
    out.visit::<core::versions::VersionSummary>();
    out.visit::<core::versions::PlanDiff>();
    // planning.rs
    out.visit::<core::planning::PlanList>();
    out.visit::<core::planning::NewPlan>();
    out.visit::<core::planning::StatusChange>();
    out.visit::<core::planning::PeriodDue>();
    out.visit::<core::planning::PeriodChange>();
    // structure.rs
    out.visit::<core::planning::structure::PlanStructure>();
    out.visit::<core::planning::structure::StructureEntity>();
    out.visit::<core::planning::structure::opds::OpdInput>();
    out.visit::<core::planning::structure::themes::ThemeInput>();
    out.visit::<core::planning::structure::actions::ActionInput>();
    // template.rs
    out.visit::<core::plan_template::write::TemplateWritten>();
    out.visit::<core::plan_template::apply::TemplatePreview>();
    // publish.rs
    out.visit::<renaksi_api::publish::PublishOverview>();
    out.visit::<core::publish::SiteWritten>();
    out.visit::<renaksi_api::opendata::OpenDataWritten>();
    // assessment.rs
    out.visit::<core::self_assessment::AssessmentList>();
    out.visit::<core::self_assessment::AssessmentForm>();
    out.visit::<core::self_assessment::workbook::AssessmentWritten>();
    // error.rs, main_window.rs
    out.visit::<CommandError>();
    out.visit::<StartAnswers>();
}

/// `ui/src/api/bindings.ts` as the Rust types say it should read: the header,
/// then every declaration, by name.
pub fn typescript() -> String {
    let mut declarations = Declarations {
        config: Config::new().with_large_int("number"),
        seen: HashSet::new(),
        by_name: BTreeMap::new(),
    };
    roots(&mut declarations);
    let mut out = String::from(HEADER);
    for declaration in declarations.by_name.values() {
        out.push('\n');
        out.push_str(declaration);
        out.push('\n');
    }
    out
}

/// The declarations of the types visited and of every type they contain.
struct Declarations {
    config: Config,
    seen: HashSet<TypeId>,
    by_name: BTreeMap<String, String>,
}

impl TypeVisitor for Declarations {
    fn visit<T: TS + 'static + ?Sized>(&mut self) {
        // Only named types are declared (not numbers, strings, arrays, ...).
        if T::output_path().is_none() || !self.seen.insert(TypeId::of::<T>()) {
            return;
        }
        let name = T::ident(&self.config);
        let docs = T::docs().unwrap_or_default();
        let declaration = format!("{docs}export {}", T::decl(&self.config));
        if self.by_name.insert(name.clone(), declaration).is_some() {
            panic!("two Rust types are called {name} in TypeScript; rename one with #[ts(rename)]");
        }
        T::visit_dependencies(self);
    }
}
