//! The evidence bundle: the files of an OPD's file evidence, travelling beside
//! its report as one .zip (`laporan-x.bukti.zip` beside `laporan-x.xlsx`).
//!
//! The trust anchor is the signed report: its evidence rows name each file by
//! SHA-256. The bundle only carries bytes. At Bappeda every entry is first
//! hashed, streaming and bounded, without writing anything; only an entry
//! whose hash is the hash of a file evidence row Bappeda holds from a signed
//! report is then unpacked (hashed again) to disk and synced; its name is
//! never used as a path (only shown, clipped, in messages). The files are
//! stored by content in `bukti/<sha256>/` (on Windows marked as from the
//! Internet), then the rows get their stored path in one IMMEDIATE
//! transaction, audited. Importing with the report, later, or twice all work:
//! a second time changes nothing. The store is needed only to sort the
//! hashes and for that last step ([`import_steps`]).
//!
//! Before any entry is read, the file's size, the number of entries, each
//! entry's and the total unpacked size, the compression ratio of a large
//! entry and of the whole bundle (small entries counted) and the compression
//! method are checked against the bounds below; an entry that unpacks to more
//! than it declared refuses the whole bundle. A refused bundle changes
//! nothing.

use std::collections::{BTreeMap, HashSet};
use std::fs::{self, File};
use std::io::{self, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use serde::Serialize;
use xlsx_zip::{write::SimpleFileOptions, CompressionMethod, ZipArchive, ZipWriter};

use super::snapshot::Snapshot;
use crate::editing::evidence::{hash_copy, shown, stored_file, EVIDENCE_DIR};
use crate::files::temp_path;
use crate::ids::new_id;
use crate::store::audit::{self, Change};
use crate::store::evidence;
use crate::{Error, Result, Store};

// Bounds on a bundle from elsewhere. A real bundle is far inside each.

const MB: u64 = 1024 * 1024;
/// Largest bundle file accepted (checked before anything is read).
pub const MAX_BUNDLE_BYTES: u64 = 2048 * MB;
/// Largest unpacked file: the cap on a file attached as evidence.
pub const MAX_ENTRY_BYTES: u64 = crate::editing::evidence::MAX_FILE_BYTES;
/// Largest unpacked size of all entries together.
pub const MAX_TOTAL_BYTES: u64 = 2048 * MB;
/// Most entries in one bundle.
pub const MAX_ENTRIES: usize = 2000;
/// Largest unpacked/packed ratio of an entry above [`RATIO_FLOOR`], and of
/// the whole bundle (all entries' unpacked size against the file's size):
/// scans, photos and PDFs hardly pack at all; a text file packs a few times.
pub const MAX_RATIO: u64 = 100;
/// Entries that unpack to at most this many bytes are not held to [`MAX_RATIO`]
/// one by one (a tiny file packs unevenly); they count in the bundle's ratio.
pub const RATIO_FLOOR: u64 = MB;

/// The bounds a bundle is read within (the constants above, unless a test
/// asks for smaller ones).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    pub bundle_bytes: u64,
    pub entry_bytes: u64,
    pub total_bytes: u64,
    pub entries: usize,
    pub ratio: u64,
    pub ratio_floor: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            bundle_bytes: MAX_BUNDLE_BYTES,
            entry_bytes: MAX_ENTRY_BYTES,
            total_bytes: MAX_TOTAL_BYTES,
            entries: MAX_ENTRIES,
            ratio: MAX_RATIO,
            ratio_floor: RATIO_FLOOR,
        }
    }
}

/// The bundle's file beside a report: `laporan-x.xlsx` -> `laporan-x.bukti.zip`.
pub fn path_beside(report: &Path) -> PathBuf {
    report.with_extension("bukti.zip")
}

/// Whether a picked file is an evidence bundle (a .zip) rather than a report.
pub fn is_bundle(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("zip"))
}

/// The bundle written beside a report.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct BundleWritten {
    pub path: PathBuf,
    /// Files in it (one per distinct content).
    pub files: usize,
    #[ts(type = "number")]
    pub bytes: u64,
}

/// One file of the bundle to write: what the signed snapshot names, and where
/// this installation keeps it.
pub(crate) struct Source {
    sha256: String,
    file_name: String,
    path: PathBuf,
}

/// The distinct files the snapshot's file evidence names, each found in this
/// installation's evidence folder.
pub(crate) fn sources(
    conn: &Connection,
    data_dir: &Path,
    snapshot: &Snapshot,
) -> Result<Vec<Source>> {
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    for row in snapshot.data.evidence.iter().filter(|e| e.kind == "file") {
        let (Some(sha256), Some(file_name)) = (&row.sha256, &row.file_name) else {
            continue;
        };
        if !seen.insert(sha256.clone()) {
            continue;
        }
        let missing = || {
            Error::invalid(
                "withEvidence",
                format!(
                    "Berkas bukti dukung \"{}\" tidak ditemukan di folder bukti dukung; \
                     lampirkan ulang berkasnya atau ekspor tanpa bukti dukung.",
                    shown(file_name, 80)
                ),
            )
        };
        let stored = evidence::get(conn, &row.id)?
            .and_then(|e| e.stored_path)
            .ok_or_else(missing)?;
        let path = stored_file(data_dir, &stored).map_err(|_| missing())?;
        found.push(Source {
            sha256: sha256.clone(),
            file_name: file_name.clone(),
            path,
        });
    }
    Ok(found)
}

/// Writes the bundle of `sources` to a synced temporary file beside `out` and
/// returns its path; the caller renames it into place once the report is
/// written. Each file is hashed on the way and must still be what the
/// snapshot names.
pub(crate) fn write_temp(sources: &[Source], out: &Path) -> Result<(PathBuf, BundleWritten)> {
    let tmp = temp_path(out);
    let written = write_zip(sources, &tmp).inspect_err(|_| {
        let _ = fs::remove_file(&tmp);
    })?;
    Ok((
        tmp,
        BundleWritten {
            path: out.to_path_buf(),
            files: sources.len(),
            bytes: written,
        },
    ))
}

/// Writes the bundle, then reads its directory as the import does. A file
/// that packs so well that it, or the whole bundle, would pass the import's
/// ratio (a zip bomb to it) is written again stored, so that a bundle this
/// app writes always passes its own import.
fn write_zip(sources: &[Source], tmp: &Path) -> Result<u64> {
    let limits = Limits::default();
    // Scans and photos are packed already: storing them saves the time.
    let mut stored: Vec<bool> = sources
        .iter()
        .map(|s| packed_already(&s.file_name))
        .collect();
    let written = write_entries(sources, &stored, tmp)?;
    let Some(sizes) = sizes_if_refused(tmp, written, &limits) else {
        return Ok(written);
    };
    if !store_within_ratio(&sizes, written, &limits, &mut stored) {
        return Ok(written);
    }
    let written = write_entries(sources, &stored, tmp)?;
    if sizes_if_refused(tmp, written, &limits).is_none() {
        return Ok(written);
    }
    // Not expected: a bundle of stored entries is no smaller than they unpack to.
    stored.fill(true);
    write_entries(sources, &stored, tmp)
}

/// Each entry's unpacked and packed size, in the order written, when the
/// import's check of the directory would refuse the bundle at `tmp`.
fn sizes_if_refused(tmp: &Path, file_bytes: u64, limits: &Limits) -> Option<Vec<(u64, u64)>> {
    let mut archive = ZipArchive::new(File::open(tmp).ok()?).ok()?;
    directory(&mut archive, limits, file_bytes).err()?;
    (0..archive.len())
        .map(|index| {
            let entry = archive.by_index_raw(index).ok()?;
            Some((entry.size(), entry.compressed_size()))
        })
        .collect()
}

/// Marks entries to store (not deflate) until each, and the whole bundle,
/// stays within half the import's ratio: first every large entry beyond it,
/// then, most packed first, until the bundle is. Whether any was marked.
fn store_within_ratio(
    sizes: &[(u64, u64)],
    file_bytes: u64,
    limits: &Limits,
    stored: &mut [bool],
) -> bool {
    if sizes.len() != stored.len() {
        stored.fill(true);
        return true;
    }
    let ratio = (limits.ratio / 2).max(1);
    let saved = |index: usize| sizes[index].0.saturating_sub(sizes[index].1);
    let mut file = file_bytes;
    let mut changed = false;
    for (index, &(size, packed)) in sizes.iter().enumerate() {
        if !stored[index] && size > limits.ratio_floor && size > packed.saturating_mul(ratio) {
            stored[index] = true;
            file = file.saturating_add(saved(index));
            changed = true;
        }
    }
    let total: u64 = sizes.iter().map(|&(size, _)| size).sum();
    let mut deflated: Vec<usize> = (0..sizes.len()).filter(|&index| !stored[index]).collect();
    deflated.sort_by_key(|&index| std::cmp::Reverse(saved(index)));
    for index in deflated {
        if total <= limits.ratio_floor || total <= file.saturating_mul(ratio) {
            break;
        }
        stored[index] = true;
        file = file.saturating_add(saved(index));
        changed = true;
    }
    changed
}

fn write_entries(sources: &[Source], stored: &[bool], tmp: &Path) -> Result<u64> {
    let io_error = |e: io::Error| Error::io("menulis", tmp, e);
    let zip_error =
        |e: xlsx_zip::result::ZipError| Error::io("menulis", tmp, io::Error::other(e.to_string()));
    let file = File::create(tmp).map_err(io_error)?;
    let mut zip = ZipWriter::new(BufWriter::new(file));
    for (source, &stored) in sources.iter().zip(stored) {
        let entry = format!("{}{}", source.sha256, extension(&source.file_name));
        let method = if stored {
            CompressionMethod::Stored
        } else {
            CompressionMethod::Deflated
        };
        zip.start_file(
            entry,
            SimpleFileOptions::default()
                .compression_method(method)
                .large_file(false),
        )
        .map_err(zip_error)?;
        let mut input = File::open(&source.path)
            .map_err(|e| Error::io("membaca", &source.path, e))?
            .take(MAX_ENTRY_BYTES + 1);
        let (digest, _) = hash_copy(&mut input, &mut zip).map_err(io_error)?;
        if digest != source.sha256 {
            return Err(Error::invalid(
                "withEvidence",
                format!(
                    "Berkas bukti dukung \"{}\" berubah sejak dilampirkan; lampirkan ulang \
                     berkasnya.",
                    shown(&source.file_name, 80)
                ),
            ));
        }
    }
    let mut file = zip
        .finish()
        .map_err(zip_error)?
        .into_inner()
        .map_err(|e| io_error(e.into_error()))?;
    file.flush().map_err(io_error)?;
    file.sync_all().map_err(io_error)?;
    file.seek(SeekFrom::End(0)).map_err(io_error)
}

/// The file name's extension as an entry name carries it (`.pdf`), only
/// letters and digits; so the files of an unpacked bundle open by type.
fn extension(file_name: &str) -> String {
    match file_name.rsplit_once('.') {
        Some((_, ext))
            if (1..=8).contains(&ext.len()) && ext.chars().all(|c| c.is_ascii_alphanumeric()) =>
        {
            format!(".{}", ext.to_ascii_lowercase())
        }
        _ => String::new(),
    }
}

fn packed_already(file_name: &str) -> bool {
    matches!(
        extension(file_name).as_str(),
        ".jpg" | ".jpeg" | ".png" | ".zip" | ".docx" | ".xlsx" | ".pptx" | ".mp4" | ".gif"
    )
}

/// What a bundle brought at Bappeda.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct BundleImported {
    pub file_name: String,
    /// Entries whose content a signed report names: kept.
    pub received: usize,
    /// Evidence rows that got their file now (0 when everything was there).
    pub rows: usize,
    /// False when nothing changed (the bundle had been imported already).
    pub changed: bool,
    /// Entries refused, each with why.
    pub refused: Vec<RefusedEntry>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct RefusedEntry {
    /// The entry's name in the bundle, as shown (clipped, printable).
    pub entry: String,
    pub reason: String,
}

fn refused(file_name: &str, why: impl std::fmt::Display) -> Error {
    Error::invalid(
        "file",
        format!(
            "Berkas bukti dukung {} ditolak: {why}",
            shown(file_name, 80)
        ),
    )
}

/// Imports the evidence bundle at `path` into Bappeda's evidence folder
/// (`data_dir/bukti`) and database.
pub fn import_file(store: &mut Store, data_dir: &Path, path: &Path) -> Result<BundleImported> {
    import_with_limits(store, data_dir, path, &Limits::default())
}

/// [`import_file`] within the given bounds: the four steps below, one after
/// the other. The window runs the same steps holding the store only for
/// [`Hashed::sort`] and [`Extracted::finish`] ([`import_steps`]).
pub fn import_with_limits(
    store: &mut Store,
    data_dir: &Path,
    path: &Path,
    limits: &Limits,
) -> Result<BundleImported> {
    crate::access::require_bappeda(store.conn(), "mengimpor berkas bukti dukung")?;
    let hashed = hash_file(path, limits)?;
    let sorted = hashed.sort(store.conn())?;
    let extracted = sorted.extract(data_dir)?;
    extracted.finish(store)
}

/// [`import_with_limits`] with the store taken through `lock` for each step
/// that reads or writes it, and released while the bundle is hashed and its
/// files unpacked: a large bundle does not keep the rest of the app waiting.
pub fn import_steps<G, E>(
    mut lock: impl FnMut() -> std::result::Result<G, E>,
    data_dir: &Path,
    path: &Path,
    limits: &Limits,
) -> std::result::Result<BundleImported, E>
where
    G: std::ops::DerefMut<Target = Store>,
    E: From<Error>,
{
    crate::access::require_bappeda(lock()?.conn(), "mengimpor berkas bukti dukung")?;
    let hashed = hash_file(path, limits)?;
    let sorted = hashed.sort(lock()?.conn())?;
    let extracted = sorted.extract(data_dir)?;
    Ok(extracted.finish(&mut *lock()?)?)
}

/// A bundle whose caps passed and whose every entry was hashed, nothing
/// written yet.
pub struct Hashed {
    file_name: String,
    archive: ZipArchive<File>,
    entries: Vec<HashedEntry>,
}

struct HashedEntry {
    entry: Entry,
    sha256: String,
}

/// Step 1, without the store: checks the file and its central directory
/// against the caps ([`directory`]), then reads every entry once, streaming
/// and bounded by its declared size, to hash it; nothing is written to disk.
/// An entry that unpacks to more than it declared, or fails its checksum,
/// refuses the whole bundle.
pub fn hash_file(path: &Path, limits: &Limits) -> Result<Hashed> {
    let file_name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let file = File::open(path).map_err(|e| Error::io("membuka", path, e))?;
    let meta = file.metadata().map_err(|e| Error::io("membaca", path, e))?;
    if !meta.is_file() {
        return Err(refused(&file_name, "bukan berkas biasa."));
    }
    if meta.len() > limits.bundle_bytes {
        return Err(refused(
            &file_name,
            format!(
                "berkasnya lebih besar dari {} MB.",
                limits.bundle_bytes / MB
            ),
        ));
    }
    let mut file = file;
    if zip64(&mut file).map_err(|e| Error::io("membaca", path, e))? {
        return Err(refused(
            &file_name,
            "susunan zip-nya (zip64) tidak pernah dipakai oleh berkas bukti Renaksi.",
        ));
    }
    let not_a_zip = || {
        refused(
            &file_name,
            "berkas ini bukan berkas .zip yang dapat dibaca.",
        )
    };
    let mut archive = ZipArchive::new(file).map_err(|_| not_a_zip())?;
    let entries =
        directory(&mut archive, limits, meta.len()).map_err(|why| refused(&file_name, why))?;
    let mut hashed = Vec::with_capacity(entries.len());
    for entry in entries {
        let sha256 = read_entry(&mut archive, &entry, &mut io::sink())
            .map_err(|why| refused(&file_name, why))?;
        hashed.push(HashedEntry { entry, sha256 });
    }
    Ok(Hashed {
        file_name,
        archive,
        entries: hashed,
    })
}

/// Unpacks one entry into `output`, hashing on the way, reading at most one
/// byte more than it declared: its hex SHA-256, or why the whole bundle is
/// refused.
fn read_entry(
    archive: &mut ZipArchive<File>,
    entry: &Entry,
    output: &mut impl Write,
) -> std::result::Result<String, String> {
    let damaged = || format!("\"{}\" rusak atau tidak dapat dibaca.", entry.name);
    let file = archive.by_index(entry.index).map_err(|_| damaged())?;
    let mut input = file.take(entry.declared.saturating_add(1));
    let (digest, size) = hash_copy(&mut input, output).map_err(|_| damaged())?;
    if size > entry.declared {
        return Err(format!(
            "\"{}\" mengembang melebihi ukuran yang tercatat (bom zip).",
            entry.name
        ));
    }
    Ok(digest)
}

/// A hashed bundle sorted against the signed rows Bappeda holds: the entries
/// to keep (one per content), and the others refused with why.
pub struct Sorted {
    file_name: String,
    archive: ZipArchive<File>,
    wanted: Vec<HashedEntry>,
    refused: Vec<RefusedEntry>,
}

impl Hashed {
    /// Step 2, reading the store: keeps an entry when a held file evidence
    /// row names its content; lists the others as refused.
    pub fn sort(self, conn: &Connection) -> Result<Sorted> {
        let mut seen = HashSet::new();
        let mut wanted = Vec::new();
        let mut refused = Vec::new();
        for hashed in self.entries {
            if !evidence::names_file(conn, &hashed.sha256)? {
                refused.push(RefusedEntry {
                    reason: why_unknown(conn, &hashed.entry.name),
                    entry: hashed.entry.name,
                });
            } else if seen.insert(hashed.sha256.clone()) {
                wanted.push(hashed);
            }
        }
        Ok(Sorted {
            file_name: self.file_name,
            archive: self.archive,
            wanted,
            refused,
        })
    }
}

/// The wanted files, unpacked and synced in temporary files of the evidence
/// folder.
pub struct Extracted {
    file_name: String,
    folder: PathBuf,
    kept: Vec<Kept>,
    refused: Vec<RefusedEntry>,
}

impl Sorted {
    /// Step 3, without the store: unpacks only the wanted entries into
    /// temporary files in `data_dir/bukti`, each hashed again on the way (it
    /// must be what step 1 read) and synced. Any failure removes them all.
    pub fn extract(mut self, data_dir: &Path) -> Result<Extracted> {
        let folder = data_dir.join(EVIDENCE_DIR);
        let mut kept: Vec<Kept> = Vec::new();
        let remove = |kept: &mut Vec<Kept>| {
            for k in kept.drain(..) {
                let _ = fs::remove_file(&k.tmp);
            }
        };
        if !self.wanted.is_empty() {
            fs::create_dir_all(&folder).map_err(|e| Error::io("membuat folder", &folder, e))?;
        }
        for wanted in &self.wanted {
            let tmp = folder.join(format!(".{}.tmp", new_id()));
            let written = (|| -> std::result::Result<String, String> {
                let mut output = File::create(&tmp).map_err(|e| e.to_string())?;
                let digest = read_entry(&mut self.archive, &wanted.entry, &mut output)?;
                output.sync_all().map_err(|e| e.to_string())?;
                Ok(digest)
            })();
            match written {
                Ok(digest) if digest == wanted.sha256 => kept.push(Kept {
                    sha256: digest,
                    tmp,
                }),
                outcome => {
                    let _ = fs::remove_file(&tmp);
                    remove(&mut kept);
                    let why = match outcome {
                        Err(why) => why,
                        Ok(_) => format!("\"{}\" berubah selama dibaca.", wanted.entry.name),
                    };
                    return Err(refused(&self.file_name, why));
                }
            }
        }
        Ok(Extracted {
            file_name: self.file_name,
            folder,
            kept,
            refused: self.refused,
        })
    }
}

impl Extracted {
    /// Step 4, writing the store: the files go into place by content, then
    /// the rows that name them get their stored path in one IMMEDIATE
    /// transaction, audited.
    pub fn finish(mut self, store: &mut Store) -> Result<BundleImported> {
        let actor = crate::access::require_bappeda(store.conn(), "mengimpor berkas bukti dukung")?
            .user_name;
        let mut stored = BTreeMap::new();
        let mut new_files = 0;
        let kept = std::mem::take(&mut self.kept);
        let mut rest = kept.into_iter();
        while let Some(kept) = rest.next() {
            match place_file(store.conn(), &self.folder, &kept) {
                Ok(Some((place, new))) => {
                    new_files += usize::from(new);
                    stored.insert(kept.sha256, place);
                }
                Ok(None) => {}
                Err(e) => {
                    let _ = fs::remove_file(&kept.tmp);
                    for k in rest {
                        let _ = fs::remove_file(&k.tmp);
                    }
                    return Err(e);
                }
            }
        }
        if !stored.is_empty() {
            sync_dir(&self.folder);
        }
        let received = stored.len();
        let rows = store.write(|tx| {
            let mut rows = 0;
            for (sha256, place) in &stored {
                for row in evidence::awaiting(tx, sha256)? {
                    evidence::set_stored_path(tx, &row.id, place)?;
                    let (entity, entity_id) = match (&row.milestone_id, &row.indicator_id) {
                        (Some(id), _) => ("milestone", id.as_str()),
                        (None, Some(id)) => ("indicator", id.as_str()),
                        (None, None) => ("evidence", row.id.as_str()),
                    };
                    let note = format!("berkas \"{}\" diterima", shown(&row.title, 120));
                    audit::record(
                        tx,
                        &actor,
                        &Change::new(entity, entity_id, "import")
                            .on("bukti dukung")
                            .to(Some(&note)),
                    )?;
                    rows += 1;
                }
            }
            Ok(rows)
        })?;
        Ok(BundleImported {
            file_name: std::mem::take(&mut self.file_name),
            received,
            rows,
            changed: rows > 0 || new_files > 0,
            refused: std::mem::take(&mut self.refused),
        })
    }
}

impl Drop for Extracted {
    /// Temporary files not placed (an error on the way) are removed.
    fn drop(&mut self) {
        for kept in self.kept.drain(..) {
            let _ = fs::remove_file(&kept.tmp);
        }
    }
}

/// An entry to unpack, as the zip's central directory describes it.
struct Entry {
    index: usize,
    name: String,
    declared: u64,
}

/// Checks what the central directory says, before unpacking anything: the
/// number of entries, each entry's and the total declared size, the ratio of
/// a large entry, and the ratio of the whole bundle (all declared sizes,
/// small entries counted, against the file's size).
fn directory(
    archive: &mut ZipArchive<File>,
    limits: &Limits,
    file_bytes: u64,
) -> std::result::Result<Vec<Entry>, String> {
    if archive.len() > limits.entries {
        return Err(format!(
            "isinya terlalu banyak ({} berkas; paling banyak {}).",
            archive.len(),
            limits.entries
        ));
    }
    let mut entries = Vec::with_capacity(archive.len());
    let mut total = 0u64;
    for index in 0..archive.len() {
        let entry = archive
            .by_index_raw(index)
            .map_err(|_| "sebagian isinya rusak.".to_string())?;
        let name = entry
            .name()
            .map(|n| shown(&n, 80))
            .unwrap_or_else(|_| format!("#{}", index + 1));
        if entry.is_dir() {
            continue;
        }
        if entry.encrypted() {
            return Err(format!(
                "\"{name}\" terenkripsi atau dilindungi kata sandi."
            ));
        }
        if !matches!(
            entry.compression(),
            CompressionMethod::Stored | CompressionMethod::Deflated
        ) {
            return Err(format!(
                "\"{name}\" dipadatkan dengan cara yang tidak dikenal."
            ));
        }
        let (size, packed) = (entry.size(), entry.compressed_size());
        total = total.saturating_add(size);
        if size > limits.entry_bytes {
            return Err(format!(
                "\"{name}\" mengembang lebih dari {} MB.",
                limits.entry_bytes / MB
            ));
        }
        if total > limits.total_bytes {
            return Err(format!(
                "isinya mengembang lebih dari {} MB.",
                limits.total_bytes / MB
            ));
        }
        if size > limits.ratio_floor && size > packed.saturating_mul(limits.ratio) {
            return Err(format!(
                "\"{name}\" mengembang terlalu besar dari ukurannya (bom zip)."
            ));
        }
        entries.push(Entry {
            index,
            name,
            declared: size,
        });
    }
    // Many small entries each under the floor add up: the whole bundle is
    // held to the same ratio, against the size of its file.
    if total > limits.ratio_floor && total > file_bytes.max(1).saturating_mul(limits.ratio) {
        return Err(format!(
            "isinya mengembang terlalu besar dari ukuran berkasnya ({} MB dari {} KB; bom zip).",
            total / MB,
            file_bytes / 1024
        ));
    }
    Ok(entries)
}

/// A file unpacked and hashed, waiting in a synced temporary file.
struct Kept {
    sha256: String,
    tmp: PathBuf,
}

/// Why an entry whose content no held row names is refused: its name says a
/// hash Bappeda holds (the file was altered after the report was signed), or
/// no report received names it (the report is not imported yet, or the file
/// is not evidence at all).
fn why_unknown(conn: &Connection, entry: &str) -> String {
    let claimed: String = entry.chars().take(64).collect();
    let claims_held = claimed.len() == 64
        && claimed.bytes().all(|b| b.is_ascii_hexdigit())
        && evidence::names_file(conn, &claimed.to_ascii_lowercase()).unwrap_or(false);
    if claims_held {
        "isinya tidak sama dengan berkas yang ditandatangani dalam laporan (sidik SHA-256 \
         berbeda); berkas ini diubah setelah laporan dibuat."
            .into()
    } else {
        "tidak ada laporan yang sudah diterima yang menyebut berkas ini; impor laporannya \
         lebih dulu, lalu berkas bukti ini."
            .into()
    }
}

/// Moves a kept file into `bukti/<sha256>/<name>` (the name of a row naming
/// it, made safe) unless the same content is there already; returns its
/// stored path, relative to the data folder, and whether it was written now;
/// `None` (the file removed) when no row names it any more. On Windows a file
/// written now is marked as from the Internet ([`mark_from_elsewhere`]).
fn place_file(conn: &Connection, folder: &Path, kept: &Kept) -> Result<Option<(String, bool)>> {
    let held = evidence::stored_paths(conn, &[kept.sha256.as_str()])?;
    let name = match held.get(&kept.sha256) {
        Some(path) => path.rsplit('/').next().map(str::to_string),
        None => evidence::awaiting(conn, &kept.sha256)?
            .first()
            .and_then(|row| row.file_name.clone()),
    };
    let Some(name) = name else {
        let _ = fs::remove_file(&kept.tmp);
        return Ok(None);
    };
    let name = safe_name(&name);
    let dir = folder.join(&kept.sha256);
    let dest = dir.join(&name);
    let relative = format!("{EVIDENCE_DIR}/{}/{name}", kept.sha256);
    if fs::symlink_metadata(&dest).is_ok_and(|m| m.is_file()) {
        let _ = fs::remove_file(&kept.tmp);
        return Ok(Some((relative, false)));
    }
    fs::create_dir_all(&dir).map_err(|e| Error::io("membuat folder", &dir, e))?;
    fs::rename(&kept.tmp, &dest).map_err(|e| Error::io("menyimpan", &dest, e))?;
    mark_from_elsewhere(&dest);
    sync_dir(&dir);
    Ok(Some((relative, true)))
}

/// The Mark-of-the-Web a browser gives a download: on Windows, a
/// `Zone.Identifier` stream with `ZoneId=3` (Internet) on a file unpacked
/// from a bundle, so Office opens it in Protected View and SmartScreen asks
/// before running anything it names. Best effort: a disk that has no streams
/// (FAT32, a network share) keeps the file without it. Nothing elsewhere.
fn mark_from_elsewhere(path: &Path) {
    #[cfg(windows)]
    {
        let mut stream = path.as_os_str().to_owned();
        stream.push(":Zone.Identifier");
        let _ = fs::write(&stream, ZONE_IDENTIFIER);
    }
    #[cfg(not(windows))]
    let _ = path;
}

/// What [`mark_from_elsewhere`] writes.
pub const ZONE_IDENTIFIER: &str = "[ZoneTransfer]\r\nZoneId=3\r\n";

/// A file name from a report as a name in Bappeda's evidence folder: letters,
/// digits, spaces, `-`, `_` and `.` only, no leading dot, at most 100
/// characters, never a device name of Windows.
pub fn safe_name(name: &str) -> String {
    let cleaned: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let trimmed = cleaned
        .trim_start_matches(['.', ' '])
        .trim_end_matches(['.', ' ']);
    let mut out: String = trimmed
        .chars()
        .rev()
        .take(100)
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    if out.is_empty() {
        out = "berkas".into();
    }
    let stem = out
        .split('.')
        .next()
        .unwrap_or_default()
        .to_ascii_uppercase();
    let device = matches!(stem.as_str(), "CON" | "PRN" | "AUX" | "NUL")
        || (stem.len() == 4
            && (stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.as_bytes()[3].is_ascii_digit());
    if device {
        out.insert(0, '_');
    }
    out
}

/// Whether the end-of-directory records point on to a zip64 directory: a
/// bundle within the caps never needs one, and its 64-bit counts are a bomb's
/// favourite lies. Reads only the tail where the records are.
fn zip64(file: &mut File) -> io::Result<bool> {
    const END: &[u8] = b"PK\x05\x06";
    let len = file.metadata()?.len();
    let tail = len.min(22 + 65_535);
    file.seek(SeekFrom::Start(len - tail))?;
    let mut bytes = Vec::with_capacity(tail as usize);
    Read::by_ref(file).take(tail).read_to_end(&mut bytes)?;
    file.seek(SeekFrom::Start(0))?;
    let u16_at = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]);
    let u32_at =
        |at: usize| u32::from_le_bytes([bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]]);
    Ok(bytes
        .windows(22)
        .enumerate()
        .filter(|(_, record)| record.starts_with(END))
        .any(|(at, _)| {
            u16_at(at + 8) == u16::MAX
                || u16_at(at + 10) == u16::MAX
                || u32_at(at + 12) == u32::MAX
                || u32_at(at + 16) == u32::MAX
        }))
}

/// Makes a rename in `dir` durable where the system allows it.
fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

/// Whether this OPD holds file evidence (the export offers the bundle,
/// checked, when it does). False for Bappeda.
pub fn opd_has_files(conn: &Connection) -> Result<bool> {
    let code = match crate::editing::current_profile(conn)?.role {
        crate::profile::Role::Opd { code } => code,
        crate::profile::Role::Bappeda => return Ok(false),
    };
    let Some(opd) = crate::store::opds::by_code(conn, &code)? else {
        return Ok(false);
    };
    Ok(conn
        .prepare("SELECT 1 FROM evidence WHERE kind = 'file' AND opd_id = ?1 LIMIT 1")?
        .exists([&opd.id])?)
}
