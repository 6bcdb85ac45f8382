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

/// Copies `source` into `data_dir/bukti/<sha256>/` and attaches it.
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
    let size = fs::metadata(source)
        .map_err(|e| Error::io("membaca", source, e))?
        .len();
    if size > MAX_FILE_BYTES {
        return Err(Error::invalid(
            "file",
            format!(
                "Berkas {file_name} terlalu besar (paling besar {} MB).",
                MAX_FILE_BYTES / 1024 / 1024
            ),
        ));
    }
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

/// The longest link kept as evidence.
const MAX_LINK: usize = 2000;

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

/// What opening a piece of evidence shows: its stored file, or its link.
#[derive(Debug, Clone, PartialEq)]
pub enum Opening {
    File(PathBuf),
    Link(String),
}

/// Where a piece of evidence is, for the system's viewer or browser.
pub fn opening(store: &Store, data_dir: &Path, id: &str) -> Result<Opening> {
    let found =
        evidence::get(store.conn(), id)?.ok_or_else(|| Error::NotFound("Bukti dukung".into()))?;
    match (found.stored_path, found.url) {
        (Some(path), _) => Ok(Opening::File(data_dir.join(path))),
        (None, Some(url)) => web_link(&url)
            .map(|url| Opening::Link(url.to_string()))
            .ok_or_else(|| {
                Error::invalid(
                    "url",
                    "Tautan ini tidak dibuka: hanya tautan http:// atau https:// yang dibuka.",
                )
            }),
        (None, None) => Err(Error::NotFound("Berkas bukti dukung".into())),
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
/// the way. Returns the hex digest and the final path.
fn copy_hashed(source: &Path, dir: &Path, name: &str) -> Result<(String, PathBuf)> {
    fs::create_dir_all(dir).map_err(|e| Error::io("membuat folder", dir, e))?;
    let tmp = dir.join(format!(".{}.tmp", new_id()));
    let digest = (|| -> io::Result<String> {
        let mut input = File::open(source)?;
        let mut output = File::create(&tmp)?;
        let mut hasher = Sha256::new();
        let mut buffer = vec![0u8; 64 * 1024];
        loop {
            let n = input.read(&mut buffer)?;
            if n == 0 {
                break;
            }
            hasher.update(&buffer[..n]);
            output.write_all(&buffer[..n])?;
        }
        output.sync_all()?;
        Ok(hasher
            .finalize()
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect())
    })()
    .map_err(|e| {
        let _ = fs::remove_file(&tmp);
        Error::io("menyalin", source, e)
    })?;
    let folder = dir.join(&digest);
    fs::create_dir_all(&folder).map_err(|e| Error::io("membuat folder", &folder, e))?;
    let dest = folder.join(name);
    fs::rename(&tmp, &dest).map_err(|e| Error::io("menyimpan", &dest, e))?;
    Ok((digest, dest))
}
