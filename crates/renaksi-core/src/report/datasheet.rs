//! The Laporan OPD's machine sheet: the snapshot as the tables of a signed
//! machine sheet ([`crate::workbook::machine_sheet`]), and the checks a
//! snapshot read back from a file must pass before it is viewed or imported.

use rust_xlsxwriter::{Workbook, Worksheet, XlsxError};

use super::snapshot::Snapshot;
use crate::editing::evidence::web_link;
use crate::workbook::machine_sheet::{self, Kind, Schema, Table};
use crate::workbook::Cell;
use crate::{Error, Result};

/// First cell of the sheet, so a reader knows what it holds.
pub const MAGIC: &str = "renaksi-laporan-opd";

/// Most rows a report may have in each context table and in its printed
/// table (indicators, plus milestones without one): a real OPD has dozens,
/// and the view's work grows with rows times evidence.
pub const MAX_TABLE_ROWS: usize = 5_000;
/// Most evidence rows a report may have (a real OPD: hundreds).
pub const MAX_EVIDENCE: usize = 10_000;
/// Most text the printed table of a report may hold (`view::text_bound`):
/// every row repeats its theme, action, milestone and evidence, so a small
/// data sheet could otherwise ask for gigabytes.
pub const MAX_PRINTED_BYTES: usize = 64 * 1024 * 1024;

use Kind::*;

/// Most replies to verifier notes a report may carry.
pub const MAX_REPLIES: usize = 10_000;

/// The report's tables as read: the reply table may be there or not.
const REPORT_SCHEMA: Schema = Schema {
    magic: MAGIC,
    tables: TABLES,
};
/// As written while the OPD has no replies: without the reply table, so the
/// report is byte for byte what the app wrote before replies existed.
const REPORT_SCHEMA_WITHOUT_REPLIES: Schema = Schema {
    magic: MAGIC,
    tables: TABLES.split_at(TABLES.len() - 1).0,
};

/// The schema a snapshot is written with.
fn schema_for(snapshot: &Snapshot) -> &'static Schema {
    if snapshot.data.replies.is_empty() {
        &REPORT_SCHEMA_WITHOUT_REPLIES
    } else {
        &REPORT_SCHEMA
    }
}

const TABLES: &[Table] = &[
    Table {
        name: "meta",
        path: &["meta"],
        single: true,
        columns: &[
            ("formatVersion", Int),
            ("planId", Text),
            ("planVersion", Int),
            ("opdId", Text),
            ("opdCode", Text),
            ("year", Int),
            ("quarter", Int),
            ("exportedAt", Text),
            ("sequence", Int),
            ("appVersion", Text),
            ("signPlace", Text),
            ("signDate", Text),
            ("headPosition", Text),
            ("headName", Text),
            ("headNip", Text),
        ],
    },
    Table {
        name: "context",
        path: &["context"],
        single: true,
        columns: &[("planTitle", Text), ("region", Text), ("opdName", Text)],
    },
    Table {
        name: "grade",
        path: &["context", "grades"],
        single: false,
        columns: &[("key", Text), ("label", Text), ("min", OptNum)],
    },
    Table {
        name: "theme",
        path: &["context", "themes"],
        single: false,
        columns: &[("id", Text), ("seq", Int), ("name", Text)],
    },
    Table {
        name: "action",
        path: &["context", "actions"],
        single: false,
        columns: &[
            ("id", Text),
            ("themeId", Text),
            ("code", Text),
            ("title", Text),
            ("leadOpdId", Text),
        ],
    },
    Table {
        name: "narrative",
        path: &["data", "narratives"],
        single: false,
        columns: &[
            ("actionId", Text),
            ("problem", Text),
            ("description", Text),
            ("contribution", Text),
            ("ogpValues", Text),
            ("csoPartners", Text),
        ],
    },
    Table {
        name: "milestone",
        path: &["data", "milestones"],
        single: false,
        columns: &[
            ("id", Text),
            ("actionId", Text),
            ("opdId", Text),
            ("seq", Int),
            ("title", Text),
            ("output", Text),
            ("startDate", OptText),
            ("endDate", OptText),
            ("status", Text),
        ],
    },
    Table {
        name: "indicator",
        path: &["data", "indicators"],
        single: false,
        columns: &[
            ("id", Text),
            ("actionId", Text),
            ("milestoneId", OptText),
            ("opdId", Text),
            ("seq", Int),
            ("description", Text),
            ("unit", Text),
            ("baseline", OptNum),
            ("polarity", Text),
            ("aggregation", Text),
        ],
    },
    Table {
        name: "target",
        path: &["data", "targets"],
        single: false,
        columns: &[
            ("indicatorId", Text),
            ("year", Int),
            ("quarter", Int),
            ("value", Num),
        ],
    },
    Table {
        name: "realisation",
        path: &["data", "realisations"],
        single: false,
        columns: &[
            ("indicatorId", Text),
            ("year", Int),
            ("quarter", Int),
            ("value", OptNum),
            ("notes", Text),
            ("obstacles", Text),
            ("followUp", Text),
        ],
    },
    Table {
        name: "evidence",
        path: &["data", "evidence"],
        single: false,
        columns: &[
            ("id", Text),
            ("milestoneId", OptText),
            ("indicatorId", OptText),
            ("year", OptInt),
            ("quarter", OptInt),
            ("kind", Text),
            ("title", Text),
            ("fileName", OptText),
            ("sha256", OptText),
            ("url", OptText),
        ],
    },
    // Last: left out while empty (`REPORT_SCHEMA_WITHOUT_REPLIES`).
    Table {
        name: "reply",
        path: &["data", "replies"],
        single: false,
        columns: &[
            ("id", Text),
            ("noteId", Text),
            ("author", Text),
            ("body", Text),
            ("createdAt", Text),
        ],
    },
];

/// Adds the very hidden data sheet of a report.
pub fn write(
    workbook: &mut Workbook,
    snapshot: &Snapshot,
    public_key: &str,
    signature: &str,
) -> Result<(), XlsxError> {
    let json = serde_json::to_value(snapshot).expect("a snapshot always serialises");
    machine_sheet::write_signed(workbook, schema_for(snapshot), &json, public_key, signature)
}

/// A report's data sheet without its last rows (public key and signature), in
/// a worksheet of its own: an export builds it while it signs and lays out the
/// printable sheets. Returns the sheet and the row
/// [`machine_sheet::sign_sheet`] writes at.
pub fn unsigned_report_sheet(snapshot: &Snapshot) -> Result<(Worksheet, u32), XlsxError> {
    let json = serde_json::to_value(snapshot).expect("a snapshot always serialises");
    machine_sheet::unsigned_sheet(schema_for(snapshot), &json)
}

/// What the data sheet holds.
#[derive(Debug, Clone, PartialEq)]
pub struct SignedSnapshot {
    pub snapshot: Snapshot,
    pub public_key: String,
    pub signature: String,
}

/// Rebuilds the snapshot from the data sheet's cells (row, column, value).
pub fn read(cells: Vec<(u32, u32, Cell)>) -> Result<SignedSnapshot> {
    let (json, public_key, signature) = machine_sheet::read_signed(cells, &REPORT_SCHEMA)?;
    let snapshot: Snapshot = serde_json::from_value(json).map_err(|e| {
        Error::invalid(
            "file",
            format!(
                "Lembar data laporan tidak sesuai format: isi tidak lengkap ({}).",
                super::rules::cut(&e.to_string(), super::rules::PARSER_MESSAGE_CHARS)
            ),
        )
    })?;
    check_quarters(&snapshot).map_err(|why| {
        Error::invalid(
            "file",
            format!("Lembar data laporan tidak sesuai format: {why}."),
        )
    })?;
    check_size(&snapshot)?;
    check_evidence_links(&snapshot)?;
    Ok(SignedSnapshot {
        snapshot,
        public_key,
        signature,
    })
}

/// Every quarter is 1 to 4: the view indexes its quarters by them.
fn check_quarters(snapshot: &Snapshot) -> Result<(), String> {
    let data = &snapshot.data;
    let quarters = std::iter::once(("meta", Some(snapshot.meta.quarter)))
        .chain(data.targets.iter().map(|t| ("target", Some(t.quarter))))
        .chain(
            data.realisations
                .iter()
                .map(|r| ("realisation", Some(r.quarter))),
        )
        .chain(data.evidence.iter().map(|e| ("evidence", e.quarter)));
    for (table, quarter) in quarters {
        if let Some(q) = quarter.filter(|q| !(1..=4).contains(q)) {
            return Err(format!(
                "triwulan {q} pada tabel {table} tidak valid (harus 1 sampai 4)"
            ));
        }
    }
    Ok(())
}

/// Every piece of evidence is a stored file or a web link ([`web_link`]): a
/// report from another office cannot bring a `file://` or UNC path to
/// Bappeda's opener or to the open data. The refusal quotes the link clipped.
fn check_evidence_links(snapshot: &Snapshot) -> Result<()> {
    for evidence in &snapshot.data.evidence {
        let fine = match evidence.kind.as_str() {
            // A file is named by its content: the evidence bundle's files are
            // matched to it by this hash, and stored under it.
            "file" => {
                evidence
                    .file_name
                    .as_deref()
                    .is_some_and(|n| !n.trim().is_empty())
                    && evidence.sha256.as_deref().is_some_and(|h| {
                        h.len() == 64 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
                    })
            }
            "link" => evidence.url.as_deref().and_then(web_link).is_some(),
            _ => false,
        };
        if !fine && evidence.kind == "file" {
            let shown: String = evidence.title.chars().take(80).collect();
            return Err(Error::invalid(
                "file",
                format!(
                    "Bukti dukung \"{shown}\" dalam laporan ini tidak menyebut nama berkas dan \
                     sidik SHA-256 yang sah."
                ),
            ));
        }
        if !fine {
            let shown: String = evidence
                .url
                .as_deref()
                .unwrap_or(&evidence.kind)
                .chars()
                .take(80)
                .collect();
            return Err(Error::invalid(
                "file",
                format!(
                    "Bukti dukung \"{shown}\" dalam laporan ini bukan tautan web; hanya tautan \
                     http:// atau https:// yang diterima."
                ),
            ));
        }
    }
    Ok(())
}

/// Refuses a snapshot too large to view and check within the time and memory
/// budget of an imported file.
fn check_size(snapshot: &Snapshot) -> Result<()> {
    let (context, data) = (&snapshot.context, &snapshot.data);
    let too_big = |what: String| {
        Err(Error::invalid(
            "file",
            format!("Laporan ini terlalu besar untuk diperiksa: {what}."),
        ))
    };
    let tables = [
        ("tema", context.themes.len()),
        ("rencana aksi", context.actions.len()),
        ("predikat", context.grades.0.len()),
        (
            "tabel evaluasi",
            data.indicators.len() + data.milestones.len(),
        ),
    ];
    for (name, rows) in tables {
        if rows > MAX_TABLE_ROWS {
            return too_big(format!("{name} lebih dari {MAX_TABLE_ROWS} baris"));
        }
    }
    if data.evidence.len() > MAX_EVIDENCE {
        return too_big(format!("bukti lebih dari {MAX_EVIDENCE} baris"));
    }
    if data.replies.len() > MAX_REPLIES {
        return too_big(format!("tanggapan lebih dari {MAX_REPLIES} baris"));
    }
    if super::view::text_bound(snapshot) > MAX_PRINTED_BYTES {
        return too_big(format!(
            "teks tabel evaluasinya lebih dari {} MB",
            MAX_PRINTED_BYTES / 1024 / 1024
        ));
    }
    Ok(())
}
