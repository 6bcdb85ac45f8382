//! Bukti dukung: a file copied into the data folder under its SHA-256, or a
//! link. Attached to a milestone or to one quarter's realisation.

use std::fs::{self, File};
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use super::{actor, new_id, record, required, text_key, Undo};
use crate::access::{require_open, Actor};
use crate::period::PeriodRef;
use crate::store::audit::Change;
use crate::store::evidence::{self, Evidence};
use crate::store::undo::capture;
use crate::store::{actions, indicators, milestones, now};
use crate::{Error, Result, Store};

/// Largest file accepted as evidence.
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;

/// Folder, inside the data folder, where evidence files are kept.
pub const EVIDENCE_DIR: &str = "bukti";

/// What a piece of evidence is attached to: a milestone, or an indicator's
/// realisation of one quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct EvidenceTarget {
    pub milestone_id: Option<String>,
    pub indicator_id: Option<String>,
    pub year: Option<i32>,
    pub quarter: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct LinkInput {
    #[serde(flatten)]
    pub target: EvidenceTarget,
    pub title: String,
    pub url: String,
}

/// Copies `source` into `data_dir/bukti/<sha256>/` and attaches it. The file
/// is opened once; only a regular file of at most [`MAX_FILE_BYTES`] is
/// copied (a FIFO, a device or a file that grows past the cap while it is
/// read is refused).
pub fn add_file(
    store: &mut Store,
    data_dir: &Path,
    target: &EvidenceTarget,
    source: &Path,
) -> Result<Undo> {
    let file_name = source
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .ok_or_else(|| Error::invalid("file", "Pilih sebuah berkas."))?;
    let (sha256, stored) = copy_hashed(source, &data_dir.join(EVIDENCE_DIR), &file_name)?;
    let stored = stored
        .strip_prefix(data_dir)
        .unwrap_or(&stored)
        .to_string_lossy()
        .replace('\\', "/");
    attach(store, target, |opd_id| Evidence {
        id: new_id(),
        opd_id,
        milestone_id: None,
        indicator_id: None,
        year: None,
        quarter: None,
        kind: "file".into(),
        title: file_name.clone(),
        file_name: Some(file_name.clone()),
        stored_path: Some(stored.clone()),
        sha256: Some(sha256.clone()),
        url: None,
        created_at: now(),
    })
}

fn too_big(file_name: &str) -> Error {
    Error::invalid(
        "file",
        format!(
            "Berkas {file_name} terlalu besar (paling besar {} MB).",
            MAX_FILE_BYTES / 1024 / 1024
        ),
    )
}

fn not_a_regular_file(file_name: &str) -> Error {
    Error::invalid(
        "file",
        format!("{file_name} bukan berkas biasa; pilih sebuah dokumen, foto atau pindaian."),
    )
}

/// Opens a file to copy as evidence without blocking on a FIFO or a device:
/// what it is and how large is asked of the open handle, so it is the file
/// that is then read.
fn open_regular(source: &Path, file_name: &str) -> Result<File> {
    let mut options = fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // A FIFO opened for reading would wait for a writer.
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(source)
        .map_err(|e| Error::io("membuka", source, e))?;
    let meta = file
        .metadata()
        .map_err(|e| Error::io("membaca", source, e))?;
    if !meta.is_file() {
        return Err(not_a_regular_file(file_name));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_big(file_name));
    }
    Ok(file)
}

/// The longest link kept as evidence.
const MAX_LINK: usize = super::lengths::EVIDENCE_LINK;

/// A link that may be kept, opened and published as evidence: a web address
/// (http or https, with a host), without spaces or control characters. The
/// one rule for links typed in the app, read from a report, opened with the
/// system's browser and written to the open data: a `file://` path, a UNC
/// path or an `ms-` scheme from another office is never handed to the opener.
pub fn web_link(url: &str) -> Option<&str> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let host_starts_well = rest
        .chars()
        .next()
        .is_some_and(|c| c.is_ascii_alphanumeric());
    let clean = !url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || c == '\\');
    (url.len() >= 10 && url.len() <= MAX_LINK && host_starts_well && clean).then_some(url)
}

pub fn add_link(store: &mut Store, input: &LinkInput) -> Result<Undo> {
    let title = required(
        "title",
        &input.title,
        "Judul tautan",
        super::lengths::EVIDENCE_TITLE,
    )?;
    let url = web_link(&input.url)
        .ok_or_else(|| {
            Error::invalid(
                "url",
                "Tautan harus diawali http:// atau https:// dan tanpa spasi.",
            )
        })?
        .to_string();
    attach(store, &input.target, |opd_id| Evidence {
        id: new_id(),
        opd_id,
        milestone_id: None,
        indicator_id: None,
        year: None,
        quarter: None,
        kind: "link".into(),
        title: title.clone(),
        file_name: None,
        stored_path: None,
        sha256: None,
        url: Some(url.clone()),
        created_at: now(),
    })
}

/// Detaches evidence. The stored file stays, so undo can bring it back.
pub fn delete(store: &mut Store, id: &str) -> Result<Undo> {
    store.write(|tx| {
        let actor = actor(tx)?;
        let old = evidence::get(tx, id)?.ok_or_else(|| Error::NotFound("Bukti dukung".into()))?;
        require_active_of(tx, old.milestone_id.as_deref(), old.indicator_id.as_deref())?;
        actor.require_owner(tx, &old.opd_id, "bukti dukung")?;
        require_row_of(
            tx,
            &actor,
            &old.milestone_id,
            &old.indicator_id,
            "bukti dukung",
        )?;
        if let (Some(indicator_id), Some(year), Some(quarter)) =
            (&old.indicator_id, old.year, old.quarter)
        {
            require_open(
                tx,
                &plan_of_indicator(tx, indicator_id)?,
                PeriodRef::new(year, quarter)?,
            )?;
        }
        let image = capture(tx, "evidence", &text_key("id", id))?;
        evidence::delete(tx, id)?;
        let (entity, entity_id) = subject(&old);
        record(
            tx,
            &actor,
            Change::new(entity, &entity_id, "delete")
                .on("bukti dukung")
                .from(Some(&old.title)),
        )?;
        Ok(Undo::new(
            entity,
            &entity_id,
            format!("penghapusan bukti \"{}\"", old.title),
            vec![image],
        ))
    })
}

/// Evidence of an earlier plan is read-only, like the rest of that plan.
fn require_active_of(
    conn: &rusqlite::Connection,
    milestone_id: Option<&str>,
    indicator_id: Option<&str>,
) -> Result<()> {
    use crate::access::{require_active_part, Part};
    match (milestone_id, indicator_id) {
        (Some(id), _) => require_active_part(conn, Part::Milestone, id),
        (None, Some(id)) => require_active_part(conn, Part::Indicator, id),
        (None, None) => Ok(()),
    }
}

/// What opening a piece of evidence does: open its stored file with the
/// system's viewer, show the folder that holds a file of a type that is not
/// opened directly (with why), or open its link in the browser.
#[derive(Debug, Clone, PartialEq)]
pub enum Opening {
    File(PathBuf),
    /// The folder holding a stored file that is not opened directly: a
    /// directory, for the file manager. `reason` says why, for the window.
    Folder {
        folder: PathBuf,
        reason: String,
    },
    Link(String),
}

/// The document types a stored evidence file is opened as, by its extension:
/// PDFs, pictures, plain text and the Office and OpenDocument formats without
/// macros. Anything else (`.hta`, `.js`, `.lnk`, `.scr`, `.exe`, `.docm`, an
/// HTML page, no extension...) could run a program when the system opens it,
/// and a file from a report was chosen by whoever signed it: it is shown in
/// its folder instead, never handed to the opener.
pub const OPENED_TYPES: &[&str] = &[
    "pdf", "jpg", "jpeg", "png", "gif", "webp", "txt", "docx", "xlsx", "pptx", "odt", "ods", "odp",
];

/// Whether a file of this name is opened with the system's viewer
/// ([`OPENED_TYPES`]); the extension is the one Windows would go by (trailing
/// dots and spaces ignored).
pub fn opens_directly(file_name: &str) -> bool {
    let name = file_name.trim_end_matches(['.', ' ']);
    match name.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() => OPENED_TYPES
            .iter()
            .any(|allowed| ext.eq_ignore_ascii_case(allowed)),
        _ => false,
    }
}

/// Why a stored file is shown in its folder rather than opened.
fn not_opened_reason(file_name: &str) -> String {
    format!(
        "Berkas \"{}\" tidak dibuka langsung: jenisnya bukan dokumen yang dibuka Renaksi \
         (PDF, gambar, teks, atau dokumen Office/OpenDocument tanpa makro) dan dapat menjalankan \
         program. Foldernya ditampilkan; periksa berkasnya dulu sebelum membukanya.",
        shown(file_name, 80)
    )
}

/// Where a piece of evidence is, for the system's viewer or browser. A file
/// opens only from inside the evidence folder ([`stored_file`]) and only when
/// its type is a document ([`opens_directly`]), else its folder is shown; a
/// link only when it is a web address ([`web_link`]); a file named by a report
/// whose bundle has not arrived yet is "belum diterima".
pub fn opening(store: &Store, data_dir: &Path, id: &str) -> Result<Opening> {
    let found =
        evidence::get(store.conn(), id)?.ok_or_else(|| Error::NotFound("Bukti dukung".into()))?;
    match (found.kind.as_str(), found.stored_path, found.url) {
        ("file", Some(path), _) => {
            let file = stored_file(data_dir, &path)?;
            let name = file
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            if opens_directly(&name) {
                Ok(Opening::File(file))
            } else {
                Ok(Opening::Folder {
                    folder: folder_of(&file)?,
                    reason: not_opened_reason(&name),
                })
            }
        }
        ("file", None, _) => Err(Error::invalid(
            "file",
            format!(
                "Berkas bukti dukung \"{}\" belum diterima. Impor berkas bukti (.zip) yang \
                 dikirim OPD bersama laporannya.",
                shown(&found.title, 80)
            ),
        )),
        (_, _, Some(url)) => web_link(&url)
            .map(|url| Opening::Link(url.to_string()))
            .ok_or_else(|| {
                Error::invalid(
                    "url",
                    "Tautan ini tidak dibuka: hanya tautan http:// atau https:// yang dibuka.",
                )
            }),
        _ => Err(Error::NotFound("Berkas bukti dukung".into())),
    }
}

/// "Tampilkan di folder": the folder holding a stored evidence file (any
/// type), checked like [`stored_file`]. A directory: the file manager shows
/// it, nothing in it is run.
pub fn folder_opening(store: &Store, data_dir: &Path, id: &str) -> Result<PathBuf> {
    let found =
        evidence::get(store.conn(), id)?.ok_or_else(|| Error::NotFound("Bukti dukung".into()))?;
    match (found.kind.as_str(), found.stored_path) {
        ("file", Some(path)) => folder_of(&stored_file(data_dir, &path)?),
        _ => Err(Error::NotFound("Berkas bukti dukung".into())),
    }
}

/// The folder of a checked stored file (`bukti/<sha256>`), itself checked to
/// be a directory.
fn folder_of(file: &Path) -> Result<PathBuf> {
    let folder = file
        .parent()
        .ok_or_else(|| Error::NotFound("Folder bukti dukung".into()))?;
    match fs::symlink_metadata(folder) {
        Ok(meta) if meta.is_dir() => Ok(folder.to_path_buf()),
        _ => Err(Error::NotFound("Folder bukti dukung".into())),
    }
}

/// The path of a stored evidence file to open (`stored` is relative to the
/// data folder), refused unless it is a regular file, not a symbolic link,
/// inside the evidence folder once every link on the way is resolved. The
/// path returned is the resolved one that was checked, never the path as
/// written (a junction swapped in between would otherwise be followed).
pub fn stored_file(data_dir: &Path, stored: &str) -> Result<PathBuf> {
    let outside = || {
        Error::invalid(
            "file",
            "Berkas bukti dukung ini tidak dibuka: letaknya di luar folder bukti dukung.",
        )
    };
    let path = data_dir.join(stored);
    let meta = match fs::symlink_metadata(&path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Err(Error::NotFound("Berkas bukti dukung".into()))
        }
        Err(e) => return Err(Error::io("membuka", &path, e)),
    };
    if !meta.is_file() {
        return Err(outside());
    }
    let root = data_dir
        .join(EVIDENCE_DIR)
        .canonicalize()
        .map_err(|_| outside())?;
    let real = path.canonicalize().map_err(|_| outside())?;
    if !real.starts_with(&root) || real == root {
        return Err(outside());
    }
    // Windows writes a resolved path in its verbatim form (`\\?\C:\...`),
    // which some viewers do not open: the same resolved path is handed on in
    // its plain form.
    Ok(plain_path(real))
}

/// A resolved path without Windows' verbatim prefix: `\\?\C:\x` becomes
/// `C:\x` and `\\?\UNC\server\share` becomes `\\server\share`. Any other
/// path is returned as it is.
pub fn plain_path(path: PathBuf) -> PathBuf {
    let Some(text) = path.to_str() else {
        return path;
    };
    if let Some(rest) = text.strip_prefix(r"\\?\UNC\") {
        return PathBuf::from(format!(r"\\{rest}"));
    }
    match text.strip_prefix(r"\\?\") {
        Some(rest)
            if rest.len() >= 3
                && rest.as_bytes()[0].is_ascii_alphabetic()
                && rest[1..].starts_with(":\\") =>
        {
            PathBuf::from(rest)
        }
        _ => path,
    }
}

fn attach(
    store: &mut Store,
    target: &EvidenceTarget,
    make: impl FnOnce(String) -> Evidence,
) -> Result<Undo> {
    store.write(|tx| {
        let actor = actor(tx)?;
        require_active_of(
            tx,
            target.milestone_id.as_deref(),
            target.indicator_id.as_deref(),
        )?;
        let mut row = make(owner(tx, &actor, target)?);
        row.milestone_id = target.milestone_id.clone();
        if target.milestone_id.is_none() {
            row.indicator_id = target.indicator_id.clone();
            row.year = target.year;
            row.quarter = target.quarter;
        }
        let image = capture(tx, "evidence", &text_key("id", &row.id))?;
        evidence::insert(tx, &row)?;
        let (entity, entity_id) = subject(&row);
        record(
            tx,
            &actor,
            Change::new(entity, &entity_id, "update")
                .on("bukti dukung")
                .to(Some(&row.title)),
        )?;
        Ok(Undo::new(
            entity,
            &entity_id,
            format!("penambahan bukti \"{}\"", row.title),
            vec![image],
        ))
    })
}

/// Checks that the target exists and is ours; returns the owning OPD's id.
fn owner(tx: &rusqlite::Transaction<'_>, actor: &Actor, target: &EvidenceTarget) -> Result<String> {
    match target {
        EvidenceTarget {
            milestone_id: Some(id),
            ..
        } => {
            let milestone =
                milestones::get(tx, id)?.ok_or_else(|| Error::NotFound("Tonggak".into()))?;
            let action = actions::get(tx, &milestone.action_id)?
                .ok_or_else(|| Error::NotFound("Rencana aksi".into()))?;
            actor.require_row(tx, &action, &milestone.opd_id, "tonggak")?;
            Ok(milestone.opd_id)
        }
        EvidenceTarget {
            indicator_id: Some(id),
            year: Some(year),
            quarter: Some(quarter),
            ..
        } => {
            let indicator =
                indicators::get(tx, id)?.ok_or_else(|| Error::NotFound("Indikator".into()))?;
            let action = actions::get(tx, &indicator.action_id)?
                .ok_or_else(|| Error::NotFound("Rencana aksi".into()))?;
            actor.require_row(tx, &action, &indicator.opd_id, "indikator")?;
            require_open(
                tx,
                &plan_of_indicator(tx, id)?,
                PeriodRef::new(*year, *quarter)?,
            )?;
            Ok(indicator.opd_id)
        }
        _ => Err(Error::invalid(
            "target",
            "Bukti dukung harus melekat pada tonggak atau realisasi triwulan.",
        )),
    }
}

/// Refuses detaching evidence from a row that is no longer in the plan
/// ([`Actor::require_row`]).
fn require_row_of(
    tx: &rusqlite::Transaction<'_>,
    actor: &Actor,
    milestone_id: &Option<String>,
    indicator_id: &Option<String>,
    what: &str,
) -> Result<()> {
    let (action_id, owner) = match (milestone_id, indicator_id) {
        (Some(id), _) => match milestones::get(tx, id)? {
            Some(m) => (m.action_id, m.opd_id),
            None => return Ok(()),
        },
        (None, Some(id)) => match indicators::get(tx, id)? {
            Some(i) => (i.action_id, i.opd_id),
            None => return Ok(()),
        },
        (None, None) => return Ok(()),
    };
    match actions::get(tx, &action_id)? {
        Some(action) => actor.require_row(tx, &action, &owner, what),
        None => Ok(()),
    }
}

fn plan_of_indicator(tx: &rusqlite::Transaction<'_>, indicator_id: &str) -> Result<String> {
    let indicator =
        indicators::get(tx, indicator_id)?.ok_or_else(|| Error::NotFound("Indikator".into()))?;
    Ok(actions::get(tx, &indicator.action_id)?
        .ok_or_else(|| Error::NotFound("Rencana aksi".into()))?
        .plan_id)
}

/// The entity whose history shows this evidence.
fn subject(evidence: &Evidence) -> (&'static str, String) {
    match (&evidence.milestone_id, &evidence.indicator_id) {
        (Some(id), _) => ("milestone", id.clone()),
        (None, Some(id)) => ("indicator", id.clone()),
        (None, None) => ("evidence", evidence.id.clone()),
    }
}

/// Copies a file to `dir/<sha256>/<name>` through a temporary file, hashing on
/// the way. Returns the hex digest and the final path. The source is opened
/// once ([`open_regular`]) and read up to the cap and one byte more, so a file
/// still growing is refused instead of read without end.
fn copy_hashed(source: &Path, dir: &Path, name: &str) -> Result<(String, PathBuf)> {
    let input = open_regular(source, name)?;
    fs::create_dir_all(dir).map_err(|e| Error::io("membuat folder", dir, e))?;
    let tmp = dir.join(format!(".{}.tmp", new_id()));
    let copied = (|| -> io::Result<(String, u64)> {
        let mut input = input.take(MAX_FILE_BYTES + 1);
        let mut output = File::create(&tmp)?;
        let (digest, copied) = hash_copy(&mut input, &mut output)?;
        output.sync_all()?;
        Ok((digest, copied))
    })();
    let digest = match copied {
        Ok((_, copied)) if copied > MAX_FILE_BYTES => {
            let _ = fs::remove_file(&tmp);
            return Err(too_big(name));
        }
        Ok((digest, _)) => digest,
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            return Err(Error::io("menyalin", source, e));
        }
    };
    let folder = dir.join(&digest);
    fs::create_dir_all(&folder).map_err(|e| Error::io("membuat folder", &folder, e))?;
    let dest = folder.join(name);
    fs::rename(&tmp, &dest).map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::io("menyimpan", &dest, e)
    })?;
    Ok((digest, dest))
}

/// Copies everything `input` gives to `output`, hashing on the way; returns
/// the hex SHA-256 and the number of bytes.
pub(crate) fn hash_copy(
    input: &mut impl Read,
    output: &mut impl Write,
) -> io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 64 * 1024];
    let mut copied = 0u64;
    loop {
        let n = match input.read(&mut buffer) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        hasher.update(&buffer[..n]);
        output.write_all(&buffer[..n])?;
        copied += n as u64;
    }
    Ok((hex(&hasher.finalize()), copied))
}

/// Text from elsewhere as a message quotes it: printable and at most `max` characters.
pub(crate) fn shown(text: &str, max: usize) -> String {
    let mut out: String = text
        .chars()
        .map(|c| if c.is_control() { '?' } else { c })
        .take(max)
        .collect();
    if text.chars().count() > max {
        out.push('…');
    }
    out
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
