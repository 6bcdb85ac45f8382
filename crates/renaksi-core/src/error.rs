//! The one error type of the core. Every variant has a stable `code` for programs
//! (the UI matches on it, never on text) and a message in Bahasa Indonesia that a
//! clerk can act on.

use std::path::PathBuf;

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error(
        "Basis data {path} dibuat oleh Renaksi versi yang lebih baru (skema {found}, aplikasi ini \
         hanya mengenal sampai skema {supported}). Perbarui aplikasi Renaksi; berkas tidak diubah."
    )]
    NewerSchema {
        path: PathBuf,
        found: i64,
        supported: i64,
    },

    #[error(
        "Berkas {path} bukan basis data Renaksi atau tidak dapat dibaca; berkas tidak diubah."
    )]
    NotADatabase { path: PathBuf },

    #[error(
        "Pemeriksaan basis data {path} menemukan kerusakan ({detail}). Berkas tidak diubah; \
         pulihkan dari cadangan terakhir."
    )]
    Corrupt { path: PathBuf, detail: String },

    #[error("Tidak dapat {action} {path}: {source}")]
    Io {
        action: &'static str,
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("Galat basis data: {0}")]
    Sqlite(#[from] rusqlite::Error),

    #[error(
        "Folder data pengguna tidak ditemukan. Setel RENAKSI_DATA_DIR atau pilih berkas dengan --db."
    )]
    NoDataDir,

    #[error("Basis data {path} sudah berisi rencana aksi; pilih berkas lain.")]
    PlanExists { path: PathBuf },

    #[error("OPD dengan kode {code} tidak ada. Kode yang tersedia: {known}.")]
    UnknownOpd { code: String, known: String },

    #[error("Data rencana contoh tidak valid: {0}")]
    DemoInvalid(String),

    #[error("Nilai tersimpan tidak dikenal untuk {field}: {value}")]
    UnknownValue { field: &'static str, value: String },

    /// Bad input from the user; `field` names the input it belongs next to.
    #[error("{message}")]
    Invalid { field: String, message: String },

    /// The profile may not change this row (ownership, enforced by the core).
    #[error("{0}")]
    Forbidden(String),

    #[error("{0}")]
    PeriodClosed(String),

    /// A plan package signed by another key than the Bappeda key this OPD
    /// pinned, with no statement by the pinned key vouching for it. The
    /// message names only the pinned key's words, never the package's: the
    /// clerk types the words Bappeda reads out on a number the OPD holds.
    #[error("{0}")]
    BappedaKeyUnconfirmed(String),

    /// A report signed with a key Bappeda has not confirmed for its OPD: the
    /// first key seen for it, or another than the one held. Nothing is
    /// imported until a human compares the fingerprint with the one the OPD
    /// reads out from its own screen.
    #[error("{}", crate::report::trust::unconfirmed_message(.0))]
    KeyUnconfirmed(Box<crate::report::trust::UnconfirmedKey>),

    /// A feedback file (Umpan balik) written for another OPD than this one.
    #[error("{0}")]
    FeedbackOtherOpd(String),

    /// A feedback file older than the last one this OPD took.
    #[error("{0}")]
    FeedbackOlder(String),

    /// A feedback file signed by another key than Bappeda's pinned one, with
    /// no statement by the pinned key vouching for it. Like
    /// [`Error::BappedaKeyUnconfirmed`], only the pinned key's words are named.
    #[error("{0}")]
    FeedbackKey(String),

    /// A feedback file for another plan than the one this OPD works on.
    #[error("{0}")]
    FeedbackOtherPlan(String),

    #[error("{0} tidak ditemukan; mungkin sudah dihapus.")]
    NotFound(String),

    #[error("Profil pengguna belum dipilih; selesaikan langkah awal terlebih dahulu.")]
    NoProfile,

    /// A plan template with wrong rows: nothing was written. `problems` holds
    /// the first of them (each naming its sheet, row and column), `total` how
    /// many there were.
    #[error("{}", template_refusal(problems, *total))]
    TemplateInvalid {
        problems: Vec<crate::plan_template::TemplateProblem>,
        total: usize,
    },
}

/// "Template rencana aksi ditolak (2 kesalahan); tidak ada yang disimpan.
/// Sheet ..., baris ..., kolom ...: ..." with every listed problem on a line.
fn template_refusal(problems: &[crate::plan_template::TemplateProblem], total: usize) -> String {
    let mut text =
        format!("Template rencana aksi ditolak ({total} kesalahan); tidak ada yang disimpan.");
    for problem in problems {
        text.push('\n');
        text.push_str(&problem.text());
    }
    if !problems.is_empty() && total > problems.len() {
        text.push_str(&format!(
            "\n... dan {} kesalahan lainnya.",
            total - problems.len()
        ));
    }
    text
}

impl Error {
    /// A stable machine-readable code; it crosses the IPC boundary with the message.
    pub fn code(&self) -> &'static str {
        match self {
            Error::NewerSchema { .. } => "db_newer",
            Error::NotADatabase { .. } => "db_unreadable",
            Error::Corrupt { .. } => "db_corrupt",
            Error::Io { .. } => "io",
            Error::Sqlite(_) => "db",
            Error::NoDataDir => "no_data_dir",
            Error::PlanExists { .. } => "plan_exists",
            Error::UnknownOpd { .. } => "unknown_opd",
            Error::DemoInvalid(_) => "demo_invalid",
            Error::UnknownValue { .. } => "unknown_value",
            Error::Invalid { .. } => "invalid",
            Error::Forbidden(_) => "forbidden",
            Error::PeriodClosed(_) => "period_closed",
            Error::BappedaKeyUnconfirmed(_) => "bappeda_key_unconfirmed",
            Error::KeyUnconfirmed(_) => "key_unconfirmed",
            Error::FeedbackOtherOpd(_) => "feedback_other_opd",
            Error::FeedbackOlder(_) => "feedback_older",
            Error::FeedbackKey(_) => "feedback_key",
            Error::FeedbackOtherPlan(_) => "feedback_other_plan",
            Error::NotFound(_) => "not_found",
            Error::NoProfile => "no_profile",
            Error::TemplateInvalid { .. } => "template_invalid",
        }
    }

    /// The input this error belongs next to, for validation errors.
    pub fn field(&self) -> Option<&str> {
        match self {
            Error::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }

    pub fn invalid(field: impl Into<String>, message: impl Into<String>) -> Self {
        Error::Invalid {
            field: field.into(),
            message: message.into(),
        }
    }

    /// No OPD has `code`; `known` are the codes there are, for the message.
    pub fn unknown_opd<'a>(code: &str, known: impl IntoIterator<Item = &'a str>) -> Self {
        Error::UnknownOpd {
            code: code.to_string(),
            known: known.into_iter().collect::<Vec<_>>().join(", "),
        }
    }

    pub(crate) fn io(
        action: &'static str,
        path: impl Into<PathBuf>,
        source: std::io::Error,
    ) -> Self {
        Error::Io {
            action,
            path: path.into(),
            source,
        }
    }
}
