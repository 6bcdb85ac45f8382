//! `renaksi`: the core's operations from the command line, for batch use and tests.
//! Exit status 0 on success; on error, non-zero and one line a clerk can act on.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use renaksi_core::backups;
use renaksi_core::demo::{self, DemoView};
use renaksi_core::period::PeriodRef;
use renaksi_core::report::{check, export, import};
use renaksi_core::review::{self, SubjectKind};
use renaksi_core::store::opds;
use renaksi_core::workbook::Paper;
use renaksi_core::{
    cocreation, location, overview, package, profile, rekap, submissions, versions, Store,
};

// A batch import or export allocates and frees on several threads at once,
// where glibc's malloc spent a tenth of the time growing and trimming arenas.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Renaksi: the Open Government action plan of a regency (Rencana Aksi Daerah
/// Keterbukaan Pemerintah), kept offline in a local database.
#[derive(Parser)]
#[command(name = "renaksi", version, about, long_about = None)]
struct Cli {
    /// Database file. Default: renaksi.db in $RENAKSI_DATA_DIR, else in the user's
    /// local data folder (~/.local/share/renaksi on Linux).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,

    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Create a demo database holding the Wonosobo 2018-2019 plan: Bappeda's view of
    /// the whole plan, or with --opd, one OPD's view (the plan and that OPD's data).
    Demo {
        /// OPD code for an OPD's view, e.g. DINKES.
        #[arg(long, value_name = "CODE")]
        opd: Option<String>,
    },
    /// The implementing offices (OPD) of the plan.
    Opd {
        #[command(subcommand)]
        command: OpdCommand,
    },
    /// What a database holds: plan, profile, schema version and counts.
    Info,
    /// Export the database's OPD report (Laporan OPD) for a quarter to an .xlsx
    /// file: printable table, summary chart, and the signed data for Bappeda.
    Export {
        /// The quarter, e.g. 2018-TW2 (2018-Q2 works too).
        #[arg(long, value_name = "PERIOD")]
        period: String,
        /// The workbook to write, e.g. laporan-dinkes-2018-tw2.xlsx.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Paper for printing: a4 (default) or f4.
        #[arg(long, value_name = "PAPER", default_value = "a4")]
        paper: String,
    },
    /// Write the plan package (Paket rencana aksi) that Bappeda sends to the OPDs:
    /// the plan, periods, OPDs, themes and actions, signed with Bappeda's key.
    Package {
        /// The workbook to write.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Start an OPD's database from Bappeda's plan package.
    Init {
        /// The plan package workbook from Bappeda.
        #[arg(long, value_name = "FILE")]
        package: PathBuf,
        /// The OPD that works on this database, e.g. DINKES.
        #[arg(long, value_name = "CODE")]
        opd: String,
        /// The user's name, for the audit history.
        #[arg(long, value_name = "NAME", default_value = "Operator OPD")]
        user: String,
    },
    /// Take a newer version of Bappeda's plan package; the OPD's own entries stay.
    UpdatePackage {
        /// The plan package workbook from Bappeda.
        #[arg(long, value_name = "FILE")]
        package: PathBuf,
    },
    /// Import OPD reports into Bappeda's database. Each file is checked (format,
    /// signature and pinned key, plan, ownership of every row, sequence) and, if
    /// sound, replaces that OPD's data in one step. Exits non-zero when any file
    /// was rejected; the others are still imported.
    Import {
        /// Report workbooks from the OPDs.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Accept a new signing key for this OPD (after confirming with the OPD
        /// that its key really changed). May be given more than once.
        #[arg(long, value_name = "CODE")]
        accept_new_key: Vec<String>,
    },
    /// The submission matrix: for each OPD and quarter, belum / diterima /
    /// terlambat / diverifikasi.
    Matrix,
    /// Mark an OPD's latest report for a quarter as verified by Bappeda.
    Verify {
        /// The OPD's code, e.g. DINKES.
        #[arg(long, value_name = "CODE")]
        opd: String,
        /// The quarter, e.g. 2019-TW1.
        #[arg(long, value_name = "PERIOD")]
        period: String,
    },
    /// Write the open data for the public portal into a folder: CSV and JSON
    /// with a datapackage.json descriptor, only what is meant to be public.
    Opendata {
        /// The folder to write into (created if needed).
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// Write the Rekap kabupaten for a quarter: capaian per theme and per OPD with
    /// charts, the submission matrix, every indicator, overdue milestones and the
    /// verifier notes.
    Rekap {
        /// The quarter, e.g. 2018-TW2.
        #[arg(long, value_name = "PERIOD")]
        period: String,
        /// The workbook to write, e.g. rekap-2018-tw2.xlsx.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Paper for printing: a4 (default) or f4.
        #[arg(long, value_name = "PAPER", default_value = "a4")]
        paper: String,
    },
    /// Bappeda's verifier notes (catatan verifikator) on reports, actions and
    /// indicators.
    Note {
        #[command(subcommand)]
        command: NoteCommand,
    },
    /// Co-creation sessions (sesi ko-kreasi): the workshop, who took part, the
    /// inputs on each action and the government's responses; the berita acara.
    Session {
        #[command(subcommand)]
        command: SessionCommand,
    },
    /// Named versions of the plan (draft, final, ...) and what changed between them.
    Version {
        #[command(subcommand)]
        command: VersionCommand,
    },
    /// Back up the database now into backups/ beside it, or with --list show
    /// the backups there and what each holds.
    Backup {
        /// List the backups instead of taking one.
        #[arg(long)]
        list: bool,
    },
    /// Replace the database's data with a backup's. Shows what the backup holds;
    /// replaces only with --yes, after backing up what is replaced.
    Restore {
        /// The backup file, e.g. backups/renaksi-20190415T033000Z-harian.db.
        file: PathBuf,
        /// Do replace the data (without it, only show what the backup holds).
        #[arg(long)]
        yes: bool,
    },
    /// Check a Laporan OPD workbook: its format, its signature, and that the
    /// printed table agrees with the signed data. Exits non-zero on any problem.
    Check {
        /// The workbook to check.
        file: PathBuf,
    },
}

#[derive(Subcommand)]
enum NoteCommand {
    /// Write a note on exactly one of: a received report, an action, an indicator.
    Add {
        /// A received report: OPD code and quarter, e.g. DINKES:2019-TW1.
        #[arg(long, value_name = "OPD:PERIOD", group = "subject")]
        report: Option<String>,
        /// An action by its code, e.g. RA-01.
        #[arg(long, value_name = "CODE", group = "subject")]
        action: Option<String>,
        /// An indicator by its id (see `renaksi opendata`'s indicators.csv).
        #[arg(long, value_name = "ID", group = "subject")]
        indicator: Option<String>,
        /// The note.
        body: String,
    },
    /// Every note, oldest first.
    List,
    /// Mark a note as dealt with.
    Resolve {
        /// The note's id, as `note list` shows it.
        id: String,
    },
}

#[derive(Subcommand)]
enum SessionCommand {
    /// Record a new session.
    Add {
        #[arg(long, value_name = "TITLE")]
        title: String,
        /// The day it was held, e.g. 2018-05-08.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
        #[arg(long, value_name = "PLACE")]
        place: String,
        #[arg(long, value_name = "TEXT", default_value = "")]
        notes: String,
    },
    /// Change a session's title, date, place or notes.
    Edit {
        /// The session's id, as `session list` shows it.
        id: String,
        #[arg(long, value_name = "TITLE")]
        title: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: Option<String>,
        #[arg(long, value_name = "PLACE")]
        place: Option<String>,
        #[arg(long, value_name = "TEXT")]
        notes: Option<String>,
    },
    /// The plan's sessions, in the order they were held.
    List,
    /// One session: participants, inputs by action, responses.
    Show {
        /// The session's id, as `session list` shows it.
        id: String,
    },
    /// Add a participant to a session's attendance list.
    Participant {
        #[arg(long, value_name = "ID")]
        session: String,
        #[arg(long, value_name = "NAME")]
        name: String,
        /// Instansi or organisation (for an OPD, its name when left out).
        #[arg(long, value_name = "ORG", default_value = "")]
        org: String,
        /// opd, cso (oms) or other (lainnya).
        #[arg(long, value_name = "KIND")]
        kind: String,
        /// The OPD's code, for an OPD participant, e.g. DINKES.
        #[arg(long, value_name = "CODE")]
        opd: Option<String>,
    },
    /// Record an input given in a session on one action.
    Input {
        #[arg(long, value_name = "ID")]
        session: String,
        /// The action's code, e.g. RA-01.
        #[arg(long, value_name = "CODE")]
        action: String,
        /// The organisation the input came from.
        #[arg(long, value_name = "ORG", default_value = "")]
        from: String,
        /// The person who gave it (printed in the berita acara, not published).
        #[arg(long, value_name = "NAME", default_value = "")]
        author: String,
        /// The input.
        body: String,
    },
    /// Record the government's response to an input.
    Respond {
        /// The input's id, as `session show` prints it.
        #[arg(long, value_name = "ID")]
        input: String,
        /// diterima, diterima-dengan-perubahan or ditolak.
        #[arg(long, value_name = "DECISION")]
        decision: String,
        /// Why (required unless diterima).
        #[arg(long, value_name = "TEXT", default_value = "")]
        reason: String,
    },
    /// Write the session's berita acara to an .xlsx file.
    BeritaAcara {
        #[arg(long, value_name = "ID")]
        session: String,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Paper for printing: a4 (default) or f4.
        #[arg(long, value_name = "PAPER", default_value = "a4")]
        paper: String,
    },
}

#[derive(Subcommand)]
enum VersionCommand {
    /// Save the plan as it is now under a name (Bappeda).
    Take {
        #[arg(long, value_name = "NAME")]
        name: String,
    },
    /// The plan's versions, oldest first.
    List,
    /// What changed from one version to another, or to the plan as it is now.
    Diff {
        /// The older version, by name or id.
        from: String,
        /// The newer version, by name or id; the plan as it is now when left out.
        to: Option<String>,
    },
}

#[derive(Subcommand)]
enum OpdCommand {
    /// List the OPDs: code and name.
    List,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            let message = error.to_string().replace('\n', " ");
            eprintln!("renaksi: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> renaksi_core::Result<()> {
    let db = || location::db_path(cli.db.as_deref());
    match &cli.command {
        Command::Demo { opd } => create_demo(&db()?, opd.clone()),
        Command::Opd {
            command: OpdCommand::List,
        } => list_opds(&db()?),
        Command::Info => info(&db()?),
        Command::Export { period, out, paper } => export(&db()?, period, out, paper),
        Command::Check { file } => check(file),
        Command::Import {
            files,
            accept_new_key,
        } => import(&db()?, files, accept_new_key),
        Command::Package { out } => write_package(&db()?, out),
        Command::Matrix => print_matrix(&db()?),
        Command::Opendata { out } => {
            let store = open_existing(&db()?)?;
            let files = renaksi_core::opendata::write(&store, out)?;
            println!(
                "{} berkas data terbuka ditulis ke {}.",
                files.len(),
                out.display()
            );
            Ok(())
        }
        Command::Rekap { period, out, paper } => rekap(&db()?, period, out, paper),
        Command::Backup { list } => backup(&db()?, *list),
        Command::Restore { file, yes } => restore(&db()?, file, *yes),
        Command::Note { command } => note(&db()?, command),
        Command::Session { command } => session(&db()?, command),
        Command::Version { command } => version(&db()?, command),
        Command::Verify { opd, period } => verify_report(&db()?, opd, period),
        Command::Init { package, opd, user } => init(&db()?, package, opd, user),
        Command::UpdatePackage { package } => update_package(&db()?, package),
    }
}

fn create_demo(path: &Path, opd: Option<String>) -> renaksi_core::Result<()> {
    let view = match opd {
        Some(code) => DemoView::for_opd(&code)?,
        None => DemoView::Bappeda,
    };
    let mut store = Store::open(path)?;
    let counts = demo::load(&mut store, &view)?;
    let whose = match &view {
        DemoView::Bappeda => "Bappeda".to_string(),
        DemoView::Opd(code) => format!("OPD {code}"),
    };
    println!(
        "Rencana contoh Wonosobo 2018-2019 dibuat di {} (tampilan {whose}): {} OPD, {} tema, \
         {} rencana aksi, {} tonggak, {} indikator, {} target, {} realisasi.",
        path.display(),
        counts.opds,
        counts.themes,
        counts.actions,
        counts.milestones,
        counts.indicators,
        counts.targets,
        counts.realisations
    );
    Ok(())
}

fn list_opds(path: &Path) -> renaksi_core::Result<()> {
    let store = open_existing(path)?;
    let opds = opds::list(store.conn())?;
    if opds.is_empty() {
        println!("Belum ada OPD di {}.", path.display());
    }
    let width = opds
        .iter()
        .map(|o| o.code.chars().count())
        .max()
        .unwrap_or(0);
    for opd in opds {
        println!("{:<width$}  {}", opd.code, opd.name);
    }
    Ok(())
}

fn info(path: &Path) -> renaksi_core::Result<()> {
    let store = open_existing(path)?;
    let conn = store.conn();
    println!("Berkas        : {}", path.display());
    println!("Versi skema   : {}", store.schema_version()?);
    match profile::load(conn)? {
        Some(p) => match p.role {
            profile::Role::Bappeda => println!("Profil        : Bappeda ({})", p.user_name),
            profile::Role::Opd { code } => println!("Profil        : OPD {code} ({})", p.user_name),
        },
        None => println!("Profil        : belum dipilih"),
    }
    let Some(overview) = overview::plan_overview(conn, None)? else {
        println!("Rencana aksi  : belum ada");
        return Ok(());
    };
    let plan = &overview.plan;
    let actions: usize = overview.themes.iter().map(|t| t.actions.len()).sum();
    println!(
        "Rencana aksi  : {} ({}-{})",
        plan.title, plan.year_start, plan.year_end
    );
    println!("Tema          : {}", overview.themes.len());
    println!("Jumlah aksi   : {actions}");
    Ok(())
}

fn parse_paper(paper: &str) -> renaksi_core::Result<Paper> {
    match paper.to_ascii_lowercase().as_str() {
        "a4" => Ok(Paper::A4),
        "f4" => Ok(Paper::F4),
        other => Err(renaksi_core::Error::invalid(
            "paper",
            format!("Ukuran kertas \"{other}\" tidak dikenal; pilih a4 atau f4."),
        )),
    }
}

fn export(path: &Path, period: &str, out: &Path, paper: &str) -> renaksi_core::Result<()> {
    let period: PeriodRef = period.parse()?;
    let paper = parse_paper(paper)?;
    let mut store = open_existing(path)?;
    let data_dir = path.parent().unwrap_or_else(|| Path::new("."));
    let done = export::export(&mut store, data_dir, period, paper, out)?;
    println!(
        "Laporan OPD {} {} (urutan {}) ditulis ke {}: {} baris, kunci {}.",
        done.opd_code,
        done.period.label(),
        done.sequence,
        done.path.display(),
        done.rows,
        done.key_fingerprint
    );
    Ok(())
}

fn describe_backup(b: &backups::BackupInfo) -> String {
    if !b.usable {
        return format!(
            "{}  TIDAK DAPAT DIPAKAI: {}",
            b.file_name,
            b.problem.as_deref().unwrap_or("")
        );
    }
    format!(
        "{}  {}  {}; {} rencana aksi, {} tonggak, {} indikator, {} realisasi, {} laporan diterima",
        b.file_name,
        renaksi_core::dates::long_time_wib(&b.taken_at),
        b.profile.as_deref().unwrap_or("tanpa profil"),
        b.actions,
        b.milestones,
        b.indicators,
        b.realisations,
        b.reports
    )
}

fn backup(path: &Path, list: bool) -> renaksi_core::Result<()> {
    if list {
        let found = backups::list(path)?;
        if found.is_empty() {
            println!("Belum ada cadangan untuk {}.", path.display());
        }
        for b in &found {
            println!("{}", describe_backup(b));
        }
        return Ok(());
    }
    let store = open_existing(path)?;
    let taken = backups::take(&store, backups::Kind::Manual)?;
    println!("Cadangan dibuat: {}", taken.path);
    println!("{}", describe_backup(&taken));
    Ok(())
}

fn restore(path: &Path, file: &Path, yes: bool) -> renaksi_core::Result<()> {
    let info = backups::inspect(file);
    println!("{}", describe_backup(&info));
    if !yes {
        return Err(renaksi_core::Error::invalid(
            "yes",
            "Belum ada yang diganti. Periksa isi cadangan di atas, lalu ulangi dengan --yes untuk memulihkannya.",
        ));
    }
    match Store::open(path) {
        Ok(mut store) => {
            backups::restore(&mut store, file)?;
            println!(
                "Data {} dipulihkan dari {}; data sebelumnya disimpan sebagai cadangan sebelum-pulihkan.",
                path.display(),
                info.file_name
            );
        }
        // A database that fails its check is moved aside, not overwritten.
        Err(e) if matches!(e.code(), "db_corrupt" | "db_unreadable") => {
            let (_, aside) = backups::recover(path, file)?;
            println!(
                "Basis data yang rusak dipindahkan ke {}; data dipulihkan dari {}.",
                aside.display(),
                info.file_name
            );
        }
        Err(e) => return Err(e),
    }
    Ok(())
}

fn rekap(path: &Path, period: &str, out: &Path, paper: &str) -> renaksi_core::Result<()> {
    let period: PeriodRef = period.parse()?;
    let paper = parse_paper(paper)?;
    let store = open_existing(path)?;
    let done = rekap::export(
        &store,
        Some(period),
        renaksi_core::dates::today_wib(),
        out,
        paper,
    )?;
    println!(
        "Rekap kabupaten {} ditulis ke {}: {} tema, {} OPD, {} indikator, {} catatan verifikator.",
        done.period.label(),
        done.path,
        done.themes,
        done.opds,
        done.indicators,
        done.notes
    );
    Ok(())
}

fn note(path: &Path, command: &NoteCommand) -> renaksi_core::Result<()> {
    let mut store = open_existing(path)?;
    match command {
        NoteCommand::Add {
            report,
            action,
            indicator,
            body,
        } => {
            let (subject_kind, subject_id) = if let Some(report) = report {
                let (opd, period) = report.split_once(':').ok_or_else(|| {
                    renaksi_core::Error::invalid(
                        "report",
                        "Tulis laporan sebagai KODE-OPD:TRIWULAN, misalnya DINKES:2019-TW1.",
                    )
                })?;
                let id = review::report_id(store.conn(), &opd.to_uppercase(), period.parse()?)?;
                (SubjectKind::Report, id)
            } else if let Some(code) = action {
                (SubjectKind::Action, review::action_id(store.conn(), code)?)
            } else if let Some(id) = indicator {
                (SubjectKind::Indicator, id.clone())
            } else {
                return Err(renaksi_core::Error::invalid(
                    "subject",
                    "Sebutkan yang dicatat: --report, --action atau --indicator.",
                ));
            };
            let note = review::add(
                &mut store,
                &review::NoteInput {
                    subject_kind,
                    subject_id,
                    body: body.clone(),
                },
            )?;
            println!("Catatan {} pada {} disimpan.", note.id, note.subject_label);
        }
        NoteCommand::List => {
            for n in review::list(store.conn())? {
                let state = if n.resolved_at.is_some() {
                    "selesai"
                } else {
                    "terbuka"
                };
                println!(
                    "{}  {}  [{state}]  {}: {}",
                    n.id,
                    n.created_at,
                    n.subject_label,
                    n.body.replace('\n', " ")
                );
            }
        }
        NoteCommand::Resolve { id } => {
            let note = review::set_resolved(&mut store, id, true)?;
            println!("Catatan pada {} ditandai selesai.", note.subject_label);
        }
    }
    Ok(())
}

fn session(path: &Path, command: &SessionCommand) -> renaksi_core::Result<()> {
    let mut store = open_existing(path)?;
    let day = cocreation::day_and_date;
    match command {
        SessionCommand::Add {
            title,
            date,
            place,
            notes,
        } => {
            let s = cocreation::save_session(
                &mut store,
                &cocreation::SessionForm {
                    id: None,
                    title: title.clone(),
                    held_on: date.clone(),
                    place: place.clone(),
                    notes: notes.clone(),
                },
            )?;
            println!(
                "Sesi ko-kreasi {} dicatat: {}, {}, {}.",
                s.id,
                s.title,
                day(&s.held_on),
                s.place
            );
        }
        SessionCommand::Edit {
            id,
            title,
            date,
            place,
            notes,
        } => {
            let old = cocreation::session(store.conn(), id)?;
            let s = cocreation::save_session(
                &mut store,
                &cocreation::SessionForm {
                    id: Some(old.id),
                    title: title.clone().unwrap_or(old.title),
                    held_on: date.clone().unwrap_or(old.held_on),
                    place: place.clone().unwrap_or(old.place),
                    notes: notes.clone().unwrap_or(old.notes),
                },
            )?;
            println!(
                "Sesi ko-kreasi {} diubah: {}, {}, {}.",
                s.id,
                s.title,
                day(&s.held_on),
                s.place
            );
        }
        SessionCommand::List => {
            let sessions = cocreation::list(store.conn())?;
            if sessions.is_empty() {
                println!("Belum ada sesi ko-kreasi.");
            }
            for s in sessions {
                println!(
                    "{}  {}  {} ({}): {} peserta, {} masukan, {} ditanggapi",
                    s.id,
                    day(&s.held_on),
                    s.title,
                    s.place,
                    s.participant_count,
                    s.input_count,
                    s.responded_count
                );
            }
        }
        SessionCommand::Show { id } => {
            let s = cocreation::session(store.conn(), id)?;
            println!("Sesi ko-kreasi : {}", s.title);
            println!("Tanggal        : {}", day(&s.held_on));
            println!("Tempat         : {}", s.place);
            if !s.notes.is_empty() {
                println!("Catatan        : {}", s.notes.replace('\n', " "));
            }
            println!("Peserta ({}):", s.participants.len());
            for (i, p) in s.participants.iter().enumerate() {
                println!(
                    "  {}. {}, {} [{}]",
                    i + 1,
                    p.name,
                    p.organisation,
                    p.kind.label()
                );
            }
            println!(
                "Masukan ({}, {} ditanggapi):",
                s.input_count, s.responded_count
            );
            for group in &s.actions {
                println!("  {} {}", group.action_code, group.action_title);
                for input in &group.inputs {
                    let from = [input.organisation.as_str(), input.author.as_str()]
                        .into_iter()
                        .filter(|t| !t.is_empty())
                        .collect::<Vec<_>>()
                        .join(", ");
                    println!(
                        "    {}  {from}: {}",
                        input.id,
                        input.body.replace('\n', " ")
                    );
                    match &input.response {
                        Some(r) if r.reason.is_empty() => {
                            println!("      Tanggapan: {}", r.decision.label())
                        }
                        Some(r) => println!(
                            "      Tanggapan: {}. Alasan: {}",
                            r.decision.label(),
                            r.reason.replace('\n', " ")
                        ),
                        None => println!("      Tanggapan: belum ada"),
                    }
                }
            }
        }
        SessionCommand::Participant {
            session,
            name,
            org,
            kind,
            opd,
        } => {
            let p = cocreation::add_participant(
                &mut store,
                &cocreation::ParticipantForm {
                    session_id: session.clone(),
                    name: name.clone(),
                    organisation: org.clone(),
                    kind: kind.parse()?,
                    opd_code: opd.clone(),
                },
            )?;
            println!(
                "Peserta {} dicatat: {}, {} [{}].",
                p.id,
                p.name,
                p.organisation,
                p.kind.label()
            );
        }
        SessionCommand::Input {
            session,
            action,
            from,
            author,
            body,
        } => {
            let action_id = review::action_id(store.conn(), action)?;
            let input = cocreation::save_input(
                &mut store,
                &cocreation::InputForm {
                    id: None,
                    session_id: session.clone(),
                    action_id,
                    author: author.clone(),
                    organisation: from.clone(),
                    body: body.clone(),
                },
            )?;
            println!(
                "Masukan {} pada {} dicatat.",
                input.id,
                action.trim().to_uppercase()
            );
        }
        SessionCommand::Respond {
            input,
            decision,
            reason,
        } => {
            let done = cocreation::set_response(
                &mut store,
                &cocreation::ResponseForm {
                    input_id: input.clone(),
                    decision: decision.parse()?,
                    reason: reason.clone(),
                },
            )?;
            let label = done.response.map(|r| r.decision.label()).unwrap_or("-");
            println!("Tanggapan atas masukan {} dicatat: {label}.", done.id);
        }
        SessionCommand::BeritaAcara {
            session,
            out,
            paper,
        } => {
            let paper = parse_paper(paper)?;
            let done = cocreation::berita_acara::export(&store, session, out, paper)?;
            println!(
                "Berita acara \"{}\" ditulis ke {}: {} peserta, {} masukan, {} ditanggapi.",
                done.session_title, done.path, done.participants, done.inputs, done.responded
            );
        }
    }
    Ok(())
}

fn version(path: &Path, command: &VersionCommand) -> renaksi_core::Result<()> {
    use renaksi_core::dates::long_time_wib;
    let mut store = open_existing(path)?;
    match command {
        VersionCommand::Take { name } => {
            let v = versions::take(&mut store, name)?;
            println!(
                "Versi \"{}\" disimpan ({}): {} rencana aksi, {} tonggak, {} indikator, {} target.",
                v.name, v.id, v.actions, v.milestones, v.indicators, v.targets
            );
        }
        VersionCommand::List => {
            let list = versions::list(store.conn())?;
            if list.is_empty() {
                println!("Belum ada versi rencana aksi yang disimpan.");
            }
            for v in list {
                println!(
                    "{}  {}  {} oleh {}: {} rencana aksi, {} indikator",
                    v.id,
                    v.name,
                    long_time_wib(&v.created_at),
                    v.created_by,
                    v.actions,
                    v.indicators
                );
            }
        }
        VersionCommand::Diff { from, to } => {
            let from = versions::find(store.conn(), from)?;
            let to = to
                .as_deref()
                .map(|t| versions::find(store.conn(), t))
                .transpose()?;
            let d = versions::diff(store.conn(), &from.id, to.as_ref().map(|t| t.id.as_str()))?;
            print_diff(&d);
        }
    }
    Ok(())
}

fn print_diff(d: &versions::PlanDiff) {
    let side = |v: &versions::VersionLabel| match &v.created_at {
        Some(at) => format!(
            "\"{}\" ({})",
            v.name,
            renaksi_core::dates::long_time_wib(at)
        ),
        None => "rencana aksi saat ini".to_string(),
    };
    println!("Perubahan dari {} ke {}:", side(&d.from), side(&d.to));
    if d.change_count == 0 {
        println!("Tidak ada perubahan.");
        return;
    }
    let short = |text: &str| {
        let text = text.replace('\n', " ");
        if text.chars().count() > 100 {
            format!("{}…", text.chars().take(99).collect::<String>())
        } else {
            text
        }
    };
    let items = |title: &str, sign: char, items: &[versions::DiffItem]| {
        if items.is_empty() {
            return;
        }
        println!("{title} ({}):", items.len());
        for i in items {
            println!(
                "  {sign} {} {} [{}]",
                i.action_code,
                short(&i.label),
                i.opd_code
            );
        }
    };
    let changed = |title: &str, items: &[versions::ChangedItem]| {
        if items.is_empty() {
            return;
        }
        println!("{title} ({}):", items.len());
        for i in items {
            println!("  ~ {} {} [{}]", i.action_code, short(&i.label), i.opd_code);
            for c in &i.changes {
                println!(
                    "      {}: {} -> {}",
                    c.label,
                    c.old
                        .as_deref()
                        .map(short)
                        .unwrap_or_else(|| "(kosong)".into()),
                    c.new
                        .as_deref()
                        .map(short)
                        .unwrap_or_else(|| "(kosong)".into())
                );
            }
        }
    };
    items("Rencana aksi ditambahkan", '+', &d.actions_added);
    items("Rencana aksi dihapus", '-', &d.actions_removed);
    changed("Rencana aksi berubah", &d.actions_changed);
    items("Tonggak ditambahkan", '+', &d.milestones_added);
    items("Tonggak dihapus", '-', &d.milestones_removed);
    changed("Tonggak berubah", &d.milestones_changed);
    items("Indikator ditambahkan", '+', &d.indicators_added);
    items("Indikator dihapus", '-', &d.indicators_removed);
    changed("Indikator berubah", &d.indicators_changed);
    if !d.targets_changed.is_empty() {
        println!("Target berubah ({}):", d.targets_changed.len());
        let value = |v: Option<f64>| {
            v.map(versions::number_text)
                .unwrap_or_else(|| "(kosong)".into())
        };
        for t in &d.targets_changed {
            println!(
                "  ~ {} {} [{}], {} TW {}: {} -> {}",
                t.action_code,
                short(&t.indicator),
                t.opd_code,
                t.year,
                renaksi_core::period::roman(t.quarter),
                value(t.old),
                value(t.new)
            );
        }
    }
    println!("Jumlah perubahan: {}.", d.change_count);
}

fn print_matrix(path: &Path) -> renaksi_core::Result<()> {
    let store = open_existing(path)?;
    let m = submissions::matrix(store.conn(), renaksi_core::dates::today_wib())?;
    let width = m
        .rows
        .iter()
        .map(|r| r.opd.code.len())
        .max()
        .unwrap_or(3)
        .max(3);
    let header: Vec<String> = m
        .periods
        .iter()
        .map(|p| format!("{:<13}", format!("{}-TW{}", p.year, p.quarter)))
        .collect();
    println!("{:<width$}  {}", "OPD", header.join(" "));
    for row in &m.rows {
        let cells: Vec<String> = row
            .cells
            .iter()
            .map(|c| {
                let word = match c.state {
                    submissions::SubmissionState::NotSubmitted if c.overdue => "belum (lewat)",
                    submissions::SubmissionState::NotSubmitted => "belum",
                    submissions::SubmissionState::Received => "diterima",
                    submissions::SubmissionState::Late => "terlambat",
                    submissions::SubmissionState::Verified => "diverifikasi",
                };
                format!("{word:<13}")
            })
            .collect();
        println!("{:<width$}  {}", row.opd.code, cells.join(" "));
    }
    Ok(())
}

fn verify_report(path: &Path, opd: &str, period: &str) -> renaksi_core::Result<()> {
    let period: PeriodRef = period.parse()?;
    let mut store = open_existing(path)?;
    submissions::verify(&mut store, &opd.to_uppercase(), period)?;
    println!(
        "Laporan {} {} ditandai terverifikasi.",
        opd.to_uppercase(),
        period.label()
    );
    Ok(())
}

fn write_package(path: &Path, out: &Path) -> renaksi_core::Result<()> {
    let store = open_existing(path)?;
    let data_dir = path.parent().unwrap_or_else(|| Path::new("."));
    package::export(&store, data_dir, out)?;
    println!("Paket rencana aksi ditulis ke {}.", out.display());
    Ok(())
}

fn init(path: &Path, file: &Path, opd: &str, user: &str) -> renaksi_core::Result<()> {
    let signed = package::read_file(file)?;
    // Everything that can be refused is refused before a database file appears.
    if !signed
        .package
        .opds
        .iter()
        .any(|o| o.code.eq_ignore_ascii_case(opd))
    {
        return Err(renaksi_core::Error::UnknownOpd {
            code: opd.to_string(),
            known: signed
                .package
                .opds
                .iter()
                .map(|o| o.code.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        });
    }
    renaksi_core::profile::Profile::new(renaksi_core::profile::Role::Bappeda, user)?;
    let mut store = Store::open(path)?;
    if renaksi_core::store::plans::current(store.conn())?.is_some() {
        return Err(renaksi_core::Error::PlanExists {
            path: path.to_path_buf(),
        });
    }
    let applied = package::apply(&mut store, &signed, Some((opd, user)))?;
    println!(
        "{} dimulai dari paket rencana aksi versi {} untuk OPD {}: {} rencana aksi.",
        path.display(),
        applied.version,
        opd.to_uppercase(),
        applied.actions
    );
    Ok(())
}

fn update_package(path: &Path, file: &Path) -> renaksi_core::Result<()> {
    let signed = package::read_file(file)?;
    let mut store = open_existing(path)?;
    let applied = package::apply(&mut store, &signed, None)?;
    println!(
        "{} memakai paket rencana aksi versi {}; data OPD tetap utuh.",
        path.display(),
        applied.version
    );
    Ok(())
}

fn import(path: &Path, files: &[PathBuf], accept_new_key: &[String]) -> renaksi_core::Result<()> {
    let mut store = open_existing(path)?;
    let decisions = import::Decisions {
        accept_new_key_for: accept_new_key.to_vec(),
        ..import::Decisions::default()
    };
    let mut rejected = 0;
    let mut backup = None;
    // Files are read on the other cores while the previous one is applied.
    store.batch(|store| import::read_ahead(files, |file, read| {
        // One backup before the batch: whatever the files do, the day before
        // is kept. Taken once the first file is read, while the readers go on
        // with the next ones; if it fails, nothing is applied.
        let taken = backup.get_or_insert_with(|| {
            backups::take(store, backups::Kind::BeforeImport)
                .map(|b| println!("Cadangan sebelum impor: {}", b.path))
        });
        if taken.is_err() {
            return;
        }
        match import::apply(store, read, &decisions) {
            Ok(done) if done.changed => println!(
                "DITERIMA  {}: {} ({}) {}, nomor {}, {} tonggak, {} indikator{}.",
                file.display(),
                done.opd_name,
                done.opd_code,
                done.period_label,
                done.sequence,
                done.milestones,
                done.indicators,
                if done.key_pinned {
                    format!("; kunci {} dicatat untuk pertama kali", done.key_fingerprint)
                } else {
                    String::new()
                }
            ),
            Ok(done) => println!(
                "SUDAH ADA {}: laporan {} nomor {} sudah diterima sebelumnya; tidak ada yang berubah.",
                file.display(),
                done.opd_code,
                done.sequence
            ),
            Err(error) => {
                rejected += 1;
                println!("DITOLAK   {}: {}", file.display(), error.to_string().replace('\n', " "));
            }
        }
    }));
    if let Some(Err(error)) = backup {
        return Err(error);
    }
    if rejected > 0 {
        return Err(renaksi_core::Error::invalid(
            "file",
            format!("{rejected} dari {} berkas ditolak.", files.len()),
        ));
    }
    Ok(())
}

fn check(file: &Path) -> renaksi_core::Result<()> {
    let report = check::check_file(file)?;
    println!("Berkas      : {}", file.display());
    println!("OPD         : {} ({})", report.opd_name, report.opd_code);
    println!("Periode     : {}", report.period_label);
    println!("Urutan      : {}", report.sequence);
    println!("Diekspor    : {}", report.exported_at);
    println!("Kunci       : {}", report.key_fingerprint);
    println!(
        "Isi         : {} tonggak, {} indikator, {} target, {} realisasi, {} bukti",
        report.milestones, report.indicators, report.targets, report.realisations, report.evidence
    );
    if report.problems.is_empty() {
        println!("Hasil       : baik, tanda tangan sah dan tabel sesuai data.");
        return Ok(());
    }
    for problem in &report.problems {
        println!("Masalah     : {problem}");
    }
    Err(renaksi_core::Error::invalid(
        "file",
        format!(
            "{} masalah ditemukan pada {}.",
            report.problems.len(),
            file.display()
        ),
    ))
}

/// Opens a database that must already exist, so a mistyped path is reported
/// instead of silently creating an empty file.
fn open_existing(path: &Path) -> renaksi_core::Result<Store> {
    if !path.exists() {
        return Err(renaksi_core::Error::Io {
            action: "membuka",
            path: path.to_path_buf(),
            source: std::io::Error::new(std::io::ErrorKind::NotFound, "berkas tidak ditemukan"),
        });
    }
    Store::open(path)
}
