//! Exporting the Laporan OPD: snapshot, sign, lay out, write to a temporary
//! file, record the export, then rename into place.

use std::fs;
use std::path::{Path, PathBuf};

use rust_xlsxwriter::Workbook;
use sha2::{Digest, Sha256};

use super::evidence_bundle::{self, BundleWritten};
use super::snapshot::{self, ExportInfo, Snapshot};
use super::view::ReportView;
use super::{datasheet, layout};
use crate::dates::long_date;
use crate::editing::lengths::{self, HEAD_POSITION_PREFIX};
use crate::files::{temp_path, write_synced};
use crate::period::PeriodRef;
use crate::store::reports::{self, ReportRecord};
use crate::store::{now, opds, plans, settings};
use crate::workbook::print::Paper;
use crate::workbook::{machine_sheet, signature};
use crate::{Error, Result, Store};

/// Settings the clerk fills in once for the signature block.
pub const SIGN_PLACE: &str = "report.sign_place";
pub const HEAD_NAME: &str = "report.head_name";
pub const HEAD_NIP: &str = "report.head_nip";
pub const HEAD_POSITION: &str = "report.head_position";
pub(crate) const SEQUENCE: &str = "report.sequence";

#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Exported {
    pub path: PathBuf,
    pub opd_code: String,
    pub period: PeriodRef,
    pub sequence: i64,
    pub rows: usize,
    pub key_fingerprint: String,
    /// The evidence bundle written beside the report, when asked for and the
    /// report has file evidence.
    pub evidence: Option<BundleWritten>,
}

/// The signature block as the settings (or, failing them, the OPD's record) say.
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct SignatureSettings {
    pub place: String,
    pub head_position: String,
    pub head_name: String,
    pub head_nip: String,
}

pub fn signature_settings(store: &Store) -> Result<SignatureSettings> {
    let conn = store.conn();
    let code = opd_code(store)?;
    let opd = opds::by_code(conn, &code)?;
    let region = plans::current(conn)?.map(|p| p.region).unwrap_or_default();
    let get = |key: &str| settings::get(conn, key);
    Ok(SignatureSettings {
        place: get(SIGN_PLACE)?.unwrap_or_else(|| {
            region
                .trim_start_matches("Kabupaten ")
                .trim_start_matches("Kota ")
                .to_string()
        }),
        // The directory's head of office (title, name, NIP) is the default.
        head_position: get(HEAD_POSITION)?.unwrap_or_else(|| {
            opd.as_ref()
                .map(|o| match o.head_title.trim() {
                    "" => format!("{HEAD_POSITION_PREFIX}{}", o.name),
                    title => title.to_string(),
                })
                .unwrap_or_default()
        }),
        head_name: get(HEAD_NAME)?.unwrap_or_else(|| {
            opd.as_ref()
                .map(|o| o.head_name.clone())
                .unwrap_or_default()
        }),
        head_nip: get(HEAD_NIP)?
            .unwrap_or_else(|| opd.as_ref().map(|o| o.head_nip.clone()).unwrap_or_default()),
    })
}

pub fn save_signature_settings(store: &mut Store, input: &SignatureSettings) -> Result<()> {
    let place = crate::editing::required("place", &input.place, "Tempat", lengths::SIGN_PLACE)?;
    let position = crate::editing::required(
        "headPosition",
        &input.head_position,
        "Jabatan",
        lengths::HEAD_POSITION,
    )?;
    let name = crate::editing::required(
        "headName",
        &input.head_name,
        "Nama kepala OPD",
        lengths::HEAD_NAME,
    )?;
    let nip = input.head_nip.trim().replace(' ', "");
    if !nip.is_empty() && (nip.len() != 18 || !nip.chars().all(|c| c.is_ascii_digit())) {
        return Err(Error::invalid("headNip", "NIP terdiri dari 18 angka."));
    }
    store.write(|tx| {
        settings::set(tx, SIGN_PLACE, &place)?;
        settings::set(tx, HEAD_POSITION, &position)?;
        settings::set(tx, HEAD_NAME, &name)?;
        settings::set(tx, HEAD_NIP, &nip)
    })
}

/// The signature block as an export is about to sign it, held to the caps
/// Bappeda's import holds it to (`rules`, the same constants as the
/// settings): a block the import would refuse is refused here, before
/// anything is written, with where to fix it.
fn check_block_lengths(block: &SignatureSettings) -> Result<()> {
    let nip = block.head_nip.trim();
    for (field, value, label, max) in [
        ("place", block.place.as_str(), "Tempat", lengths::SIGN_PLACE),
        (
            "headPosition",
            &block.head_position,
            "Jabatan",
            lengths::HEAD_POSITION,
        ),
        (
            "headName",
            &block.head_name,
            "Nama kepala OPD",
            lengths::HEAD_NAME,
        ),
        ("headNip", nip, "NIP", lengths::NIP),
    ] {
        if value.chars().count() > max {
            return Err(Error::invalid(
                field,
                format!(
                    "{label} pada blok tanda tangan terlalu panjang (paling banyak {max} \
                     karakter). Perbaiki di pengaturan tanda tangan laporan, lalu ekspor lagi."
                ),
            ));
        }
    }
    Ok(())
}

/// Writes the OPD's report for `period` to `out`.
pub fn export(
    store: &mut Store,
    data_dir: &Path,
    period: PeriodRef,
    paper: Paper,
    out: &Path,
) -> Result<Exported> {
    export_with_evidence(store, data_dir, period, paper, out, false)
}

/// Writes the OPD's report for `period` to `out` and, when `with_evidence`
/// and the report names files, the evidence bundle beside it
/// ([`evidence_bundle::path_beside`]). The bundle is written first to a
/// temporary file: a missing or altered evidence file refuses the export
/// before anything is written or the sequence moves.
pub fn export_with_evidence(
    store: &mut Store,
    data_dir: &Path,
    period: PeriodRef,
    paper: Paper,
    out: &Path,
    with_evidence: bool,
) -> Result<Exported> {
    let code = opd_code(store)?;
    crate::access::require_viewed_plan_active(store.conn())?;
    let block = signature_settings(store)?;
    check_block_lengths(&block)?;
    let (key, _) = crate::keys::reconcile(store, data_dir)?;
    crate::keys::refuse_retired(store.conn(), data_dir, &key)?;
    let sequence = next_sequence(store.conn(), data_dir, &key)?;
    let exported_at = now();
    let today =
        chrono::Utc::now().with_timezone(&chrono::FixedOffset::east_opt(7 * 3600).expect("UTC+7"));
    let info = ExportInfo {
        period,
        exported_at: exported_at.clone(),
        sequence,
        sign_place: block.place,
        sign_date: long_date(today.date_naive()),
        head_position: block.head_position,
        head_name: block.head_name,
        head_nip: block.head_nip,
    };
    let (snapshot, sources) = store.read(|conn| {
        let snapshot = snapshot::build(conn, &code, &info)?;
        let sources = if with_evidence {
            evidence_bundle::sources(conn, data_dir, &snapshot)?
        } else {
            Vec::new()
        };
        Ok((snapshot, sources))
    })?;
    let bundle = if sources.is_empty() {
        None
    } else {
        Some(evidence_bundle::write_temp(
            &sources,
            &evidence_bundle::path_beside(out),
        )?)
    };
    let drop_bundle = || {
        if let Some((tmp, _)) = &bundle {
            let _ = fs::remove_file(tmp);
        }
    };
    let bytes = workbook_bytes(&snapshot, &key, paper).inspect_err(|_| drop_bundle())?;

    let tmp = temp_path(out);
    write_synced(&tmp, &bytes).inspect_err(|_| drop_bundle())?;
    let public_key = signature::public_key_text(&key);
    let fingerprint = signature::fingerprint(&public_key);
    let digest: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    let file_name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // The mark in `kunci/` first: a restore of the database cannot lower it.
    if let Err(error) = crate::keys::raise_sequence_mark(data_dir, &key, sequence) {
        let _ = fs::remove_file(&tmp);
        drop_bundle();
        return Err(error);
    }
    let recorded = store.write(|tx| {
        settings::set(tx, SEQUENCE, &sequence.to_string())?;
        reports::insert(
            tx,
            &ReportRecord {
                id: &crate::ids::new_id(),
                plan_id: &snapshot.meta.plan_id,
                opd_id: &snapshot.meta.opd_id,
                year: period.year,
                quarter: period.quarter,
                sequence,
                direction: "exported",
                exported_at: &exported_at,
                file_name: &file_name,
                file_sha256: &digest,
                key_fingerprint: &fingerprint,
            },
        )
    });
    if let Err(error) = recorded {
        let _ = fs::remove_file(&tmp);
        drop_bundle();
        return Err(error);
    }
    fs::rename(&tmp, out).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        drop_bundle();
        Error::io("menyimpan", out, e)
    })?;
    let evidence = match bundle {
        Some((tmp, written)) => {
            fs::rename(&tmp, &written.path).map_err(|e| {
                let _ = fs::remove_file(&tmp);
                Error::io("menyimpan", &written.path, e)
            })?;
            Some(written)
        }
        None => None,
    };
    Ok(Exported {
        path: out.to_path_buf(),
        opd_code: code,
        period,
        sequence,
        rows: ReportView::from_snapshot(&snapshot).rows.len(),
        key_fingerprint: fingerprint,
        evidence,
    })
}

/// The sequence of the next report: above the database's counter and above
/// the high-water mark `kunci/` keeps for this key, which a restore of an
/// older backup does not lower (on a PC that does not know what the key
/// signed before, the mark starts at the clock's floor: see `keys`).
pub fn next_sequence(
    conn: &rusqlite::Connection,
    data_dir: &Path,
    key: &ed25519_dalek::SigningKey,
) -> Result<i64> {
    let counted = settings::get(conn, SEQUENCE)?
        .and_then(|s| s.parse::<i64>().ok())
        .unwrap_or(0);
    Ok(counted.max(crate::keys::sequence_mark(data_dir, key)) + 1)
}

/// The zip level of an exported report: Excel's own, about a third less time
/// to save than the default 6, for a file a few percent larger.
const EXPORT_ZIP_LEVEL: u8 = 3;
/// The lowest level the writer takes (it has no "stored").
const FASTEST_ZIP_LEVEL: u8 = 1;

/// The whole workbook: printable sheets, then the very hidden data sheet,
/// signed with `key`.
pub fn workbook_bytes(
    snapshot: &Snapshot,
    key: &ed25519_dalek::SigningKey,
    paper: Paper,
) -> Result<Vec<u8>> {
    write_workbook(snapshot, paper, EXPORT_ZIP_LEVEL, || {
        (
            signature::public_key_text(key),
            signature::sign_bytes(key, &snapshot.canonical_bytes()),
        )
    })
}

/// The workbook an export of `snapshot` on `paper` writes, with the public
/// key and signature given as texts (those read from a received file, as no
/// private key is at hand): what `check` compares a received report with,
/// part by part. The same writer as [`workbook_bytes`], at the fastest zip
/// level: the check compares the parts unpacked, so how hard they were packed
/// changes nothing it compares, and packing was a third of its rewrite.
pub fn signed_workbook_bytes(
    snapshot: &Snapshot,
    public_key: &str,
    signature: &str,
    paper: Paper,
) -> Result<Vec<u8>> {
    write_workbook(snapshot, paper, FASTEST_ZIP_LEVEL, || {
        (public_key.to_owned(), signature.to_owned())
    })
}

/// The one writer of a report: `sign` gives the public key and signature
/// texts of the data sheet's last rows. Everything it writes is decided by
/// the snapshot and the paper, in a fixed order (no clock but the document
/// properties, no hash-map iteration), so the same snapshot gives the same
/// parts.
fn write_workbook(
    snapshot: &Snapshot,
    paper: Paper,
    zip_level: u8,
    sign: impl FnOnce() -> (String, String),
) -> Result<Vec<u8>> {
    let xlsx = |e: rust_xlsxwriter::XlsxError| {
        Error::invalid("file", format!("Buku kerja tidak dapat dibuat: {e}"))
    };
    let mut workbook = Workbook::new();
    workbook.set_zip_compression_level(zip_level);
    // The data sheet is most of the work: it is built on a second core while
    // this one signs and lays out the printable sheets.
    let (mut data, row, (public_key, signed)) = std::thread::scope(|scope| {
        let data = scope.spawn(|| datasheet::unsigned_report_sheet(snapshot));
        let view = ReportView::from_snapshot(snapshot);
        let printable = layout::write_report_sheets(&mut workbook, &view, paper);
        let signed = sign();
        let (sheet, row) = data.join().expect("the data sheet thread does not panic")?;
        printable.map(|()| (sheet, row, signed))
    })
    .map_err(xlsx)?;
    machine_sheet::sign_sheet(&mut data, row, &public_key, &signed).map_err(xlsx)?;
    workbook.push_worksheet(data);
    workbook.save_to_buffer().map_err(xlsx)
}

fn opd_code(store: &Store) -> Result<String> {
    crate::access::require_opd(store.conn(), "mengekspor Laporan OPD")
}
