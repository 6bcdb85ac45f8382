//! `renaksi`: the core's operations from the command line, for batch use and tests.
//! Exit status 0 on success; on error, non-zero and one line a clerk can act on.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use renaksi_core::backups;
use renaksi_core::demo::{self, DemoView};
use renaksi_core::period::PeriodRef;
use renaksi_core::report::view::Paper;
use renaksi_core::report::{check, export, import};
use renaksi_core::review::{self, SubjectKind};
use renaksi_core::store::opds;
use renaksi_core::{location, overview, package, profile, rekap, submissions, Store};

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
                    submissions::SubmissionState::Belum if c.overdue => "belum (lewat)",
                    submissions::SubmissionState::Belum => "belum",
                    submissions::SubmissionState::Diterima => "diterima",
                    submissions::SubmissionState::Terlambat => "terlambat",
                    submissions::SubmissionState::Diverifikasi => "diverifikasi",
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
    // One backup before the batch: whatever the files do, the day before is kept.
    let backup = backups::take(&store, backups::Kind::BeforeImport)?;
    println!("Cadangan sebelum impor: {}", backup.path);
    let decisions = import::Decisions {
        accept_new_key_for: accept_new_key.to_vec(),
        ..import::Decisions::default()
    };
    let mut rejected = 0;
    for file in files {
        match import::import_file(&mut store, file, &decisions) {
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
