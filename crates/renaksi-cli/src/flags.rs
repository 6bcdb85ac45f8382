//! The `renaksi` command's arguments, all in one place: the subcommands, their
//! flags and help text. The handlers in `commands/` receive them parsed; they
//! never read the command line themselves.

use std::path::PathBuf;

use clap::{ArgGroup, Parser, Subcommand};

/// Renaksi: the Open Government action plan of a regency (Rencana Aksi Daerah
/// Keterbukaan Pemerintah), kept offline in a local database.
#[derive(Parser)]
#[command(name = "renaksi", version, about, long_about = None)]
pub struct Cli {
    /// Database file. Default: renaksi.db in $RENAKSI_DATA_DIR, else in the user's
    /// local data folder (~/.local/share/renaksi on Linux).
    #[arg(long, global = true, value_name = "PATH")]
    pub db: Option<PathBuf>,

    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand)]
pub enum Command {
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
        /// Also write the evidence bundle beside the report (FILE with .bukti.zip
        /// for .xlsx): the evidence files the signed report names, for Bappeda.
        #[arg(long)]
        with_evidence: bool,
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
    /// signature and the OPD's confirmed key, plan, ownership of every row,
    /// sequence) and, if sound, replaces that OPD's data in one step. A key not
    /// yet confirmed (the OPD's first, or a changed one) is refused with its
    /// fingerprint. A .zip is an evidence bundle (written beside a report by
    /// `export --with-evidence`): its files are kept when a received report
    /// names them by SHA-256; bundles are read after the reports. Exits
    /// non-zero when any file or bundle entry was rejected; the others are
    /// still imported.
    Import {
        /// Report workbooks from the OPDs, and their evidence bundles (.zip).
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
        /// Accept the OPD's first or new signing key with this fingerprint, as
        /// the OPD read it out from its report screen: the eight words in
        /// quotes, or the hex form, e.g. DINKES="apel bambu ..." or
        /// DINKES=1A2B-3C4D-5E6F-7081. Only that key is accepted for that OPD.
        /// May be given more than once.
        #[arg(long, value_name = "CODE=FINGERPRINT")]
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
    /// Write the public transparency site into a folder (Bappeda): HTML pages in
    /// Indonesian and English with the plan, each action, progress per theme and
    /// per OPD, the co-creation record and the self-assessment, plus the open data
    /// and the public rekap to download. No scripts, nothing fetched from another
    /// host; open index.html from the folder or put it on any web server. A folder
    /// written before is replaced whole; one holding other files is refused.
    Publish {
        /// The folder to write the site into.
        #[arg(long, value_name = "DIR")]
        out: PathBuf,
    },
    /// The OGP end-of-commitment self-assessment (Bappeda, with each action's
    /// lead OPD): completion and "did it open government?" per action.
    Assessment {
        #[command(subcommand)]
        command: AssessmentCommand,
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
    /// Bappeda writes the feedback file (Umpan balik) for an OPD: reports
    /// received and verified per quarter, due dates, closed quarters and every
    /// verifier note, signed, with a printable letter. One OPD (--opd, --out
    /// is the file) or every OPD with a role in the plan (--all, --out is a
    /// folder; files named umpan-balik-CODE-n.xlsx).
    #[command(group(ArgGroup::new("whom").required(true).args(["opd", "all"])))]
    Feedback {
        /// The OPD's code, e.g. DINKES.
        #[arg(long, value_name = "CODE")]
        opd: Option<String>,
        /// Every OPD with a role in the plan.
        #[arg(long)]
        all: bool,
        /// The workbook to write (with --opd), or the folder (with --all).
        #[arg(long, value_name = "FILE|DIR")]
        out: PathBuf,
        /// Paper for printing the letter: a4 (default) or f4.
        #[arg(long, value_name = "PAPER", default_value = "a4")]
        paper: String,
    },
    /// An OPD takes Bappeda's feedback file: checked like a package (Bappeda's
    /// key, the plan, this OPD, newer than the last taken), then the notes,
    /// reports received, due dates and closed quarters are taken in one step.
    TakeFeedback {
        /// The feedback workbook from Bappeda.
        #[arg(value_name = "FILE")]
        file: PathBuf,
    },
    /// Verifier notes (catatan verifikator): Bappeda writes them on reports,
    /// actions and indicators; an OPD lists those it received and replies.
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
    /// The plan itself (Bappeda): start a new plan, list the plans of the
    /// database, mark it final or back to draft, choose the plan to view, its
    /// predikat bands, and the Excel plan template both ways.
    Plan {
        #[command(subcommand)]
        command: PlanCommand,
    },
    /// The quarters of the plan (Bappeda): close or reopen one, with a reason,
    /// or set its report's due date.
    Period {
        #[command(subcommand)]
        command: PeriodCommand,
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
    /// The installation's signing key: show its fingerprint, or (Bappeda)
    /// replace it.
    Key {
        #[command(subcommand)]
        command: KeyCommand,
    },
    /// Check a Laporan OPD workbook: its format, its signature, and that the
    /// printed table agrees with the signed data. Exits non-zero on any problem.
    Check {
        /// The workbook to check.
        file: PathBuf,
    },
}

#[derive(Subcommand)]
pub enum KeyCommand {
    /// The key's fingerprint in words, to read aloud to the other side.
    Show,
    /// Bappeda: replace the key. A statement signed by the old key travels in
    /// every package from now on, so each OPD takes the new key with its next
    /// package; the old key is kept aside in kunci/, and a backup is taken.
    Rotate {
        /// The day the new key signs from, e.g. 2019-07-01 (default: today).
        #[arg(long, value_name = "YYYY-MM-DD")]
        from: Option<String>,
    },
    /// OPD: make a new key when the old one may be in other hands (a stolen
    /// laptop, a copied backup). The old key is kept aside in kunci/, and a
    /// backup is taken; Bappeda asks to confirm the changed key by its words.
    New,
    /// OPD: accept Bappeda's key from a package that the key pinned here
    /// refuses, by the fingerprint Bappeda reads out (words or hex).
    TrustBappeda {
        /// The plan package signed by the key to accept.
        #[arg(long, value_name = "FILE")]
        package: PathBuf,
        /// The fingerprint Bappeda read out, e.g. "kata kata ..." or 1A2B-3C4D-5E6F-7081.
        #[arg(long)]
        fingerprint: String,
    },
}

#[derive(Subcommand)]
pub enum NoteCommand {
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
    /// Every note, oldest first, with the OPD's replies under it (at an OPD:
    /// the notes received in Bappeda's feedback file).
    List,
    /// Mark a note as dealt with.
    Resolve {
        /// The note's id, as `note list` shows it.
        id: String,
    },
    /// An OPD answers a note it received (tanggapan); the answer travels in
    /// its next report. A reply is never edited: write another.
    Reply {
        /// The note's id, as `note list` shows it.
        id: String,
        /// The reply.
        body: String,
    },
}

#[derive(Subcommand)]
pub enum SessionCommand {
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
pub enum AssessmentCommand {
    /// Record (or change) one action's assessment.
    Set {
        /// The action's code, e.g. RA-01.
        #[arg(long, value_name = "CODE")]
        action: String,
        /// How far it was completed: belum-dimulai, terbatas, substansial or
        /// selesai (not-started, limited, substantial, complete).
        #[arg(long, value_name = "LEVEL")]
        completion: String,
        /// Did it open government? memburuk, tidak-berubah, marginal, besar or
        /// luar-biasa (worsened, did-not-change, marginal, major, outstanding).
        #[arg(long, value_name = "LEVEL")]
        opened: String,
        /// What was achieved and what changed.
        #[arg(long, value_name = "TEXT")]
        explanation: String,
        /// An evidence link (http or https); may be given more than once.
        #[arg(long, value_name = "URL")]
        link: Vec<String>,
    },
    /// Take back one action's assessment.
    Clear {
        /// The action's code, e.g. RA-01.
        #[arg(long, value_name = "CODE")]
        action: String,
    },
    /// Every action of the plan with its assessment.
    List,
    /// Write the self-assessment as a workbook shaped like the IRM's
    /// end-of-commitment assessment.
    Export {
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Paper for printing: a4 (default) or f4.
        #[arg(long, value_name = "PAPER", default_value = "a4")]
        paper: String,
    },
}

#[derive(Subcommand)]
pub enum VersionCommand {
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
pub enum PlanCommand {
    /// Start a new plan (draft, version 1) with its quarters, each due on the
    /// 10th day after the quarter ends. It becomes the active plan; earlier
    /// plans stay, read-only. The OPD directory carries over.
    New {
        /// The regency or city, e.g. "Kabupaten Temanggung".
        #[arg(long, value_name = "NAME")]
        region: String,
        /// The plan's title.
        #[arg(long, value_name = "TEXT")]
        title: String,
        /// First quarter, e.g. 2020-TW1.
        #[arg(long, value_name = "PERIOD")]
        from: String,
        /// Last quarter, e.g. 2022-TW4.
        #[arg(long, value_name = "PERIOD")]
        to: String,
        /// The user's name, for a new database (it starts as Bappeda's).
        #[arg(long, value_name = "NAME")]
        user: Option<String>,
    },
    /// The plans of the database, newest first: years, status, version, and
    /// which one is active and which one is viewed.
    List,
    /// Mark the plan final (takes a version) or, with a reason, back to draft
    /// (raises the version number).
    #[command(group(ArgGroup::new("status").required(true).args(["final_", "draft"])))]
    Status {
        /// Mark the plan final.
        #[arg(long = "final")]
        final_: bool,
        /// Take the plan back to draft (needs --reason).
        #[arg(long)]
        draft: bool,
        /// Why the plan goes back to draft.
        #[arg(long, value_name = "TEXT", default_value = "")]
        reason: String,
    },
    /// Choose the plan every command and screen shows (by id, or its years
    /// such as 2018-2019). Earlier plans are read-only.
    View {
        #[arg(long, value_name = "ID")]
        plan: String,
    },
    /// Write the plan as a fill-in workbook (Template rencana aksi): instructions,
    /// plan, OPDs, themes, actions, quarters and indicators with their targets.
    /// From a database with no plan (or none at all), the empty template.
    Template {
        /// The workbook to write, e.g. template-rencana-aksi.xlsx.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Import a filled-in plan template at Bappeda: every row is checked and, if
    /// all are right, the plan is created or changed in one step. A database
    /// that does not exist yet is started at Bappeda.
    Import {
        /// The template workbook.
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Only show what would be added, changed, archived or deleted.
        #[arg(long)]
        dry_run: bool,
        /// The user's name for the history, when the database is new.
        #[arg(long, value_name = "NAME", default_value = "Admin Bappeda")]
        user: String,
    },
    /// Show the plan's five predikat bands, or set their lower bounds (Bappeda).
    Bands {
        /// The four lower bounds in percent, highest first, e.g. "91,76,66,51"
        /// (the lowest band has none). Labels stay as they are.
        #[arg(long, value_name = "BOUNDS")]
        set: Option<String>,
    },
}

#[derive(Subcommand)]
pub enum PeriodCommand {
    /// Close a quarter: the OPDs can no longer change its targets and realisations.
    Close {
        /// The quarter, e.g. 2020-TW1.
        #[arg(long, value_name = "PERIOD")]
        period: String,
        /// Why it is closed (required).
        #[arg(long, value_name = "TEXT", default_value = "")]
        reason: String,
    },
    /// Reopen a closed quarter.
    Reopen {
        /// The quarter, e.g. 2020-TW1.
        #[arg(long, value_name = "PERIOD")]
        period: String,
        /// Why it is reopened (required).
        #[arg(long, value_name = "TEXT", default_value = "")]
        reason: String,
    },
    /// Set the due date of a quarter's reports.
    Due {
        /// The quarter, e.g. 2020-TW1.
        #[arg(long, value_name = "PERIOD")]
        period: String,
        /// The due date, YYYY-MM-DD.
        #[arg(long, value_name = "YYYY-MM-DD")]
        date: String,
    },
}

#[derive(Subcommand)]
pub enum OpdCommand {
    /// List the OPDs: code and name.
    List,
}
