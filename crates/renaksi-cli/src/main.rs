//! `renaksi`: Renaksi's operations from the command line, for batch use and tests.
//! Exit status 0 on success; on error, non-zero and one line a clerk can act on.
//!
//! This file only dispatches: the arguments are defined in `flags.rs`, the
//! handlers live in `commands/<area>.rs`, and every operation is
//! `renaksi-api`'s, the same the desktop window calls.

mod commands;
mod flags;

use std::process::ExitCode;

use clap::Parser;
use commands::{
    assessment, backups, bands, cocreation, consolidation, exchange, feedback, opendata, plan,
    planning, publish, report, review, setup, template, versions, Failure,
};
use flags::{Cli, Command, OpdCommand, PlanCommand};
use renaksi_api::setup::InitFromPackage;

// A batch import or export allocates and frees on several threads at once,
// where glibc's malloc spent a tenth of the time growing and trimming arenas.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Output(error)) => {
            eprintln!("renaksi: keluaran tidak dapat ditulis: {error}");
            ExitCode::FAILURE
        }
        Err(Failure::Api(error)) => {
            let message = error.to_string().replace('\n', " ");
            eprintln!("renaksi: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> commands::Result<()> {
    let db = || renaksi_api::db_path(cli.db.as_deref());
    match cli.command {
        Command::Demo { opd } => setup::demo(&db()?, opd.as_deref()),
        Command::Opd {
            command: OpdCommand::List,
        } => plan::list_opds(&db()?),
        Command::Plan {
            command: PlanCommand::Bands { set },
        } => bands::bands(&db()?, set.as_deref()),
        Command::Info => setup::info(&db()?),
        Command::Init { package, opd, user } => {
            setup::init(&db()?, &InitFromPackage { package, opd, user })
        }
        Command::Export {
            period,
            out,
            paper,
            with_evidence,
        } => report::export(&db()?, &period, out, &paper, with_evidence),
        Command::Check { file } => report::check(&file),
        Command::Package { out } => exchange::package(&db()?, &out),
        Command::UpdatePackage { package } => exchange::update_package(&db()?, &package),
        Command::Import {
            files,
            accept_new_key,
        } => exchange::import(&db()?, &files, &accept_new_key),
        Command::Matrix => exchange::matrix(&db()?),
        Command::Verify { opd, period } => exchange::verify(&db()?, &opd, &period),
        Command::Opendata { out } => opendata::opendata(&db()?, &out),
        Command::Publish { out } => publish::publish(&db()?, &out),
        Command::Assessment { command } => assessment::assessment(&db()?, &command),
        Command::Rekap { period, out, paper } => consolidation::rekap(&db()?, &period, out, &paper),
        Command::Feedback {
            opd,
            all: _,
            out,
            paper,
        } => feedback::write(&db()?, opd.as_deref(), &out, &paper),
        Command::TakeFeedback { file } => feedback::take(&db()?, &file),
        Command::Note { command } => review::note(&db()?, &command),
        Command::Session { command } => cocreation::session(&db()?, &command),
        Command::Plan {
            command: PlanCommand::Template { out },
        } => template::write(&db()?, &out),
        Command::Plan {
            command:
                PlanCommand::Import {
                    file,
                    dry_run,
                    user,
                },
        } => template::import(&db()?, &file, dry_run, &user),
        Command::Plan { command } => planning::plan(&db()?, command),
        Command::Period { command } => planning::period(&db()?, &command),
        Command::Version { command } => versions::version(&db()?, &command),
        Command::Backup { list } => backups::backup(&db()?, list),
        Command::Restore { file, yes } => backups::restore(&db()?, &file, yes),
        Command::Key { command } => backups::key(&db()?, &command),
    }
}
