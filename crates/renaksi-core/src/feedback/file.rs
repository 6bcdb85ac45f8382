//! The feedback file as a workbook: the printable letter ("Umpan Balik",
//! [`super::letter`]) and the very hidden machine sheet holding the
//! [`Feedback`] as the tables of [`SCHEMA`], signed by Bappeda's key.
//! Reading goes through `workbook::reader` (size, guard, bounded cells, no
//! formulas), then the caps of [`super::rules`], the signature over the
//! canonical bytes, Bappeda's pinned key, and the letter part for part.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;

use ed25519_dalek::SigningKey;
use rusqlite::Connection;
use rust_xlsxwriter::Workbook;

use super::content::{Feedback, FORMAT_VERSION};
use super::letter;
use crate::files::write_atomically;
use crate::report::rules::quote;
use crate::workbook::machine_sheet::{read_signed, write_signed, Kind, Schema, Table, DATA_SHEET};
use crate::workbook::print::Paper;
use crate::workbook::reader::{Book, Cell};
use crate::workbook::signature::{public_key_text, sign_bytes, verify_bytes};
use crate::{Error, Result};
use xlsx_zip::ZipArchive;

/// First cell of the machine sheet.
pub const MAGIC: &str = "renaksi-umpan-balik";

use Kind::*;
const TABLES: &[Table] = &[
    Table {
        name: "meta",
        path: &["meta"],
        single: true,
        columns: &[
            ("formatVersion", Int),
            ("planId", Text),
            ("planVersion", Int),
            ("planTitle", Text),
            ("region", Text),
            ("opdId", Text),
            ("opdCode", Text),
            ("opdName", Text),
            ("sequence", Int),
            ("number", Int),
            ("writtenAt", Text),
            ("appVersion", Text),
        ],
    },
    Table {
        name: "report",
        path: &["reports"],
        single: false,
        columns: &[
            ("year", Int),
            ("quarter", Int),
            ("sequence", Int),
            ("keyFingerprint", Text),
            ("exportedAt", Text),
            ("receivedAt", Text),
            ("verifiedAt", OptText),
            ("verifiedBy", OptText),
        ],
    },
    Table {
        name: "quarter",
        path: &["quarters"],
        single: false,
        columns: &[
            ("year", Int),
            ("quarter", Int),
            ("dueDate", OptText),
            ("closed", Int),
            ("state", Text),
        ],
    },
    Table {
        name: "note",
        path: &["notes"],
        single: false,
        columns: &[
            ("id", Text),
            ("subjectKind", Text),
            ("subjectId", Text),
            ("subjectLabel", Text),
            ("reportSequence", OptInt),
            ("reportKey", OptText),
            ("author", Text),
            ("body", Text),
            ("createdAt", Text),
            ("resolvedAt", OptText),
        ],
    },
    Table {
        name: "reply",
        path: &["replies"],
        single: false,
        columns: &[
            ("id", Text),
            ("noteId", Text),
            ("author", Text),
            ("body", Text),
            ("createdAt", Text),
            ("receivedAt", Text),
        ],
    },
    crate::package::ROTATION_TABLE,
];
const SCHEMA: Schema = Schema {
    magic: MAGIC,
    tables: TABLES,
};

/// The workbook of `feedback`, signed with `key`: the letter on `paper`,
/// then the machine sheet.
pub fn workbook_bytes(feedback: &Feedback, key: &SigningKey, paper: Paper) -> Result<Vec<u8>> {
    let signature = sign_bytes(key, &feedback.canonical_bytes());
    signed_workbook_bytes(feedback, &public_key_text(key), &signature, paper)
}

/// The one writer of a feedback workbook, with the public key and signature
/// given as texts: what an OPD compares a received file with. Everything it
/// writes is decided by the feedback and the paper (no clock but the
/// document properties).
fn signed_workbook_bytes(
    feedback: &Feedback,
    public_key: &str,
    signature: &str,
    paper: Paper,
) -> Result<Vec<u8>> {
    let xlsx = |e: rust_xlsxwriter::XlsxError| {
        Error::invalid(
            "file",
            format!("Buku kerja umpan balik tidak dapat dibuat: {e}"),
        )
    };
    let mut workbook = Workbook::new();
    letter::write(&mut workbook, feedback, paper).map_err(xlsx)?;
    let json = serde_json::to_value(feedback).expect("a feedback file always serialises");
    write_signed(&mut workbook, &SCHEMA, &json, public_key, signature).map_err(xlsx)?;
    workbook.save_to_buffer().map_err(xlsx)
}

/// Writes the workbook whole or not at all.
pub fn write(feedback: &Feedback, key: &SigningKey, paper: Paper, out: &Path) -> Result<()> {
    write_atomically(out, &workbook_bytes(feedback, key, paper)?)
}

/// A feedback file read back, its signature verified.
#[derive(Debug, Clone, PartialEq)]
pub struct SignedFeedback {
    pub feedback: Feedback,
    pub public_key: String,
}

/// What a file is, named when it is not a feedback file.
fn not_feedback(what: &str) -> Error {
    Error::invalid(
        "file",
        format!(
            "Berkas ini {what}, bukan berkas Umpan balik dari Bappeda. Tidak ada yang diubah; \
             pilih berkas umpan balik (umpan-balik-KODE-n.xlsx) yang dikirim Bappeda."
        ),
    )
}

/// Reads a feedback file: its size is checked before it is read, and it goes
/// through the workbook guard and reader like a package. `conn` is the
/// OPD's database, whose pinned Bappeda key must have signed it.
pub fn read_file(conn: &Connection, path: &Path) -> Result<SignedFeedback> {
    read_bytes(
        conn,
        crate::workbook::reader::read_file(path, "sebuah berkas umpan balik")?,
    )
}

/// [`read_file`] of bytes read already. In order of cost: the guard and the
/// reader, the magic and version, the caps, the signature over the data,
/// the signer against Bappeda's pinned key (or its rotation chain), and only
/// then the letter, rebuilt and compared part for part: a file signed by
/// any other key never reaches that.
pub fn read_bytes(conn: &Connection, bytes: Vec<u8>) -> Result<SignedFeedback> {
    // The file itself is kept for the last check, the comparison with the
    // workbook Renaksi writes from the signed data.
    let mut book = Book::open(bytes.clone())?;
    if !book.sheet_names().iter().any(|n| n == DATA_SHEET) {
        return Err(not_feedback("tidak memuat data Renaksi"));
    }
    let cells = book.cells(DATA_SHEET)?;
    let magic = cells
        .iter()
        .find(|(row, col, _)| *row == 0 && *col == 0)
        .and_then(|(_, _, cell)| match cell {
            Cell::Text(text) => Some(text.as_str()),
            _ => None,
        });
    match magic {
        Some(MAGIC) => {}
        Some(crate::report::datasheet::MAGIC) => return Err(not_feedback("sebuah Laporan OPD")),
        Some(crate::package::MAGIC) => return Err(not_feedback("sebuah paket rencana aksi")),
        _ => return Err(not_feedback("bukan berkas Renaksi yang dikenal")),
    }
    let (json, public_key, signature) = read_signed(cells, &SCHEMA)?;
    let feedback: Feedback = serde_json::from_value(json).map_err(|e| {
        Error::invalid(
            "file",
            format!(
                "Berkas umpan balik tidak lengkap ({}).",
                crate::report::rules::cut(
                    &e.to_string(),
                    crate::report::rules::PARSER_MESSAGE_CHARS
                )
            ),
        )
    })?;
    if feedback.meta.format_version != FORMAT_VERSION {
        return Err(Error::invalid(
            "file",
            format!(
                "Berkas umpan balik ini berformat versi {}, sedangkan aplikasi ini membaca versi \
                 {FORMAT_VERSION}. Perbarui aplikasi Renaksi atau minta Bappeda menulisnya lagi.",
                feedback.meta.format_version
            ),
        ));
    }
    // The caps first: nothing past them is verified or looked at further.
    super::rules::check(&feedback)?;
    if !verify_bytes(&public_key, &signature, &feedback.canonical_bytes()) {
        return Err(Error::invalid(
            "file",
            "Tanda tangan berkas umpan balik tidak cocok dengan isinya: berkas telah diubah \
             sesudah ditandatangani Bappeda. Berkas tidak dipakai; minta Bappeda mengirimnya lagi.",
        ));
    }
    super::take::bappeda_key(conn, &public_key, &feedback.rotations)?;
    if let Some(problem) = written_by_renaksi(&bytes, &feedback, &public_key, &signature) {
        return Err(Error::invalid("file", problem));
    }
    Ok(SignedFeedback {
        feedback,
        public_key,
    })
}

/// Whether the file is, part for part, the workbook Renaksi writes from the
/// signed data (on A4 or F4): the printed letter a clerk hands on says what
/// Bappeda signed, nothing else. The document properties (which carry the
/// time) are compared by name only. A problem names the first part that
/// differs.
fn written_by_renaksi(
    bytes: &[u8],
    feedback: &Feedback,
    public_key: &str,
    signature: &str,
) -> Option<String> {
    let changed = |why: String| {
        format!(
            "Berkas umpan balik ini telah diubah sesudah ditulis Bappeda: {why}. Berkas tidak \
             dipakai; minta Bappeda mengirimnya lagi."
        )
    };
    let received = match parts(bytes) {
        Ok(parts) => parts,
        Err(why) => return Some(changed(why)),
    };
    let mut first = None;
    for paper in [Paper::A4, Paper::F4] {
        let Some(written) = signed_workbook_bytes(feedback, public_key, signature, paper)
            .ok()
            .and_then(|bytes| parts(&bytes).ok())
        else {
            continue;
        };
        let missing = written.keys().find(|n| !received.contains_key(*n));
        let extra = received.keys().find(|n| !written.contains_key(*n));
        let differs = written
            .iter()
            .find(|(n, b)| !n.starts_with("docProps/") && received.get(*n) != Some(b));
        let problem = match (extra, missing, differs) {
            (Some(name), _, _) => format!("bagian {} tidak ditulis Renaksi", quote(name)),
            (_, Some(name), _) => format!("bagian {} tidak ada", quote(name)),
            (_, _, Some((name, _))) => format!("bagian {} berbeda", quote(name)),
            (None, None, None) => return None,
        };
        first.get_or_insert(problem);
    }
    let this = crate::APP_VERSION;
    let made_with = feedback.meta.app_version.trim();
    let problem = first.unwrap_or_else(|| "berkas tidak dapat ditulis ulang".into());
    if made_with != this {
        return Some(format!(
            "Berkas umpan balik ini dibuat dengan Renaksi {}, sedangkan OPD memakai Renaksi \
             {this}; lembar suratnya tidak dapat diperiksa ({problem}). Gunakan versi Renaksi \
             yang sama dengan Bappeda.",
            quote(made_with)
        ));
    }
    Some(changed(problem))
}

/// Every part of a workbook by name, decompressed (the guard has bounded
/// them already); a name given twice is a problem.
fn parts(bytes: &[u8]) -> std::result::Result<BTreeMap<String, Vec<u8>>, String> {
    let damaged = || "isinya rusak".to_string();
    let mut archive = ZipArchive::new(Cursor::new(bytes)).map_err(|_| damaged())?;
    let mut parts = BTreeMap::new();
    for index in 0..archive.len() {
        let mut file = archive.by_index(index).map_err(|_| damaged())?;
        let name = file.name().map_err(|_| damaged())?.into_owned();
        let mut content = Vec::with_capacity(file.size().min(1 << 24) as usize);
        file.read_to_end(&mut content).map_err(|_| damaged())?;
        if parts.insert(name.clone(), content).is_some() {
            return Err(format!("bagian {} ada dua kali", quote(&name)));
        }
    }
    Ok(parts)
}
