//! The OPD directory: code, full name, short name and the head of office
//! (name, title, NIP), the defaults of each OPD's signature block.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::{archive_now, exists, record_archive, require_editor, undo};
use crate::editing::{lengths, new_id, optional, record, record_update, required, text_key, Undo};
use crate::model::Opd;
use crate::store::audit::Change;
use crate::store::undo::capture;
use crate::store::{self, opds, plans};
use crate::{Error, Result, Store};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct OpdInput {
    /// `None` to add an OPD.
    pub id: Option<String>,
    pub code: String,
    pub name: String,
    pub short_name: String,
    pub head_name: String,
    pub head_title: String,
    pub head_nip: String,
}

/// The fields Bappeda edits, for the audit history.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Fields<'a> {
    code: &'a str,
    name: &'a str,
    short_name: &'a str,
    head_name: &'a str,
    head_title: &'a str,
    head_nip: &'a str,
}

impl<'a> From<&'a Opd> for Fields<'a> {
    fn from(o: &'a Opd) -> Self {
        Fields {
            code: &o.code,
            name: &o.name,
            short_name: &o.short_name,
            head_name: &o.head_name,
            head_title: &o.head_title,
            head_nip: &o.head_nip,
        }
    }
}

/// An OPD code: upper-case letters, digits and '-', as it is printed on reports.
pub fn code(field: &str, value: &str, label: &str) -> Result<String> {
    let code = value.trim().to_uppercase();
    if code.is_empty() {
        return Err(Error::invalid(field, format!("{label} wajib diisi.")));
    }
    if code.chars().count() > lengths::OPD_CODE
        || !code
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(Error::invalid(
            field,
            format!(
                "{label} hanya boleh berisi huruf, angka dan tanda hubung (-), paling banyak 20 karakter."
            ),
        ));
    }
    Ok(code)
}

/// A NIP: 18 digits (spaces allowed while typing), or nothing.
fn nip(value: &str) -> Result<String> {
    let digits: String = value.chars().filter(|c| !c.is_whitespace()).collect();
    if !digits.is_empty() && (digits.len() != 18 || !digits.chars().all(|c| c.is_ascii_digit())) {
        return Err(Error::invalid(
            "headNip",
            "NIP terdiri atas 18 angka; kosongkan bila belum diketahui.",
        ));
    }
    Ok(digits)
}

/// Whether anything refers to the OPD (actions, rows it entered, reports,
/// its pinned key, co-creation participants): then it is archived, not deleted.
pub fn in_use(conn: &Connection, id: &str) -> Result<bool> {
    for sql in [
        "SELECT 1 FROM actions WHERE lead_opd_id = ?1",
        "SELECT 1 FROM action_supporting_opds WHERE opd_id = ?1",
        "SELECT 1 FROM milestones WHERE opd_id = ?1",
        "SELECT 1 FROM indicators WHERE opd_id = ?1",
        "SELECT 1 FROM evidence WHERE opd_id = ?1",
        "SELECT 1 FROM reports WHERE opd_id = ?1",
        "SELECT 1 FROM opd_keys WHERE opd_id = ?1",
        "SELECT 1 FROM session_participants WHERE opd_id = ?1",
    ] {
        if exists(conn, sql, id)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Whether the OPD already exchanged files or data with Bappeda, so its code,
/// which its own database knows it by, can no longer change.
pub fn has_exchanged(conn: &Connection, id: &str) -> Result<bool> {
    for sql in [
        "SELECT 1 FROM milestones WHERE opd_id = ?1",
        "SELECT 1 FROM indicators WHERE opd_id = ?1",
        "SELECT 1 FROM reports WHERE opd_id = ?1",
        "SELECT 1 FROM opd_keys WHERE opd_id = ?1",
    ] {
        if exists(conn, sql, id)? {
            return Ok(true);
        }
    }
    Ok(false)
}

/// Adds or changes an OPD of the directory; returns its id and what undoes it.
pub fn save(store: &mut Store, input: &OpdInput) -> Result<(String, Undo)> {
    let code = code("code", &input.code, "Kode OPD")?;
    let name = required("name", &input.name, "Nama OPD", lengths::OPD_NAME)?;
    let short_name = optional(
        "shortName",
        &input.short_name,
        "Nama singkat",
        lengths::OPD_SHORT_NAME,
    )?;
    let head_name = optional(
        "headName",
        &input.head_name,
        "Nama kepala",
        lengths::HEAD_NAME,
    )?;
    let head_title = optional(
        "headTitle",
        &input.head_title,
        "Jabatan kepala",
        lengths::HEAD_TITLE,
    )?;
    let head_nip = nip(&input.head_nip)?;

    store.write(|tx| {
        let actor = require_editor(tx, "mengubah daftar OPD")?;
        if let Some(other) = opds::by_code(tx, &code)? {
            if input.id.as_deref() != Some(other.id.as_str()) {
                return Err(Error::invalid(
                    "code",
                    format!("Kode {code} sudah dipakai oleh {}.", other.name),
                ));
            }
        }
        match &input.id {
            None => {
                let opd = Opd {
                    id: new_id(),
                    code,
                    name,
                    head_name,
                    head_nip,
                    short_name,
                    head_title,
                    archived: None,
                };
                let image = capture(tx, "opds", &text_key("id", &opd.id))?;
                opds::insert(tx, &opd)?;
                record(
                    tx,
                    &actor,
                    Change::new("opd", &opd.id, "create").to(Some(&opd.name)),
                )?;
                let undo = undo(
                    "opd",
                    &opd.id,
                    format!("penambahan OPD {}", opd.code),
                    vec![image],
                );
                Ok((opd.id, undo))
            }
            Some(id) => {
                let old = opds::get(tx, id)?.ok_or_else(|| Error::NotFound("OPD".into()))?;
                if old.code != code && has_exchanged(tx, id)? {
                    return Err(Error::invalid(
                        "code",
                        format!(
                            "Kode {} tidak dapat diubah lagi: OPD ini sudah mengisi data atau \
                             mengirim laporan dengan kode itu.",
                            old.code
                        ),
                    ));
                }
                let new = Opd {
                    code,
                    name,
                    head_name,
                    head_nip,
                    short_name,
                    head_title,
                    ..old.clone()
                };
                let image = capture(tx, "opds", &text_key("id", id))?;
                opds::upsert(tx, &new)?;
                record_update(
                    tx,
                    &actor,
                    "opd",
                    id,
                    &Fields::from(&old),
                    &Fields::from(&new),
                )?;
                let undo = undo(
                    "opd",
                    id,
                    format!("perubahan OPD {}", new.code),
                    vec![image],
                );
                Ok((id.clone(), undo))
            }
        }
    })
}

/// Archives an OPD that has data, with a reason. An OPD that still leads or
/// supports an action in use cannot be archived.
pub fn archive(store: &mut Store, id: &str, reason: &str) -> Result<Undo> {
    let archived = archive_now(reason)?;
    store.write(|tx| {
        let actor = require_editor(tx, "mengarsipkan OPD")?;
        let old = opds::get(tx, id)?.ok_or_else(|| Error::NotFound("OPD".into()))?;
        if old.archived.is_some() {
            return Err(Error::invalid(
                "reason",
                format!("OPD {} sudah diarsipkan.", old.code),
            ));
        }
        // The active plan's actions, whichever plan is on screen.
        if let Some(plan) = plans::active(tx)? {
            let busy: Vec<String> = store::actions::list(tx, &plan.id)?
                .into_iter()
                .filter(|a| a.archived.is_none())
                .filter_map(|a| {
                    if a.lead_opd_id == old.id {
                        Some(format!("{} (pelaksana)", a.code))
                    } else if a.supporting_opd_ids.contains(&old.id) {
                        Some(format!("{} (pendukung)", a.code))
                    } else {
                        None
                    }
                })
                .collect();
            if !busy.is_empty() {
                return Err(Error::invalid(
                    "reason",
                    format!(
                        "OPD {} masih ditugaskan pada rencana aksi {}. Pindahkan atau arsipkan \
                         rencana aksi itu lebih dahulu.",
                        old.code,
                        busy.join(", ")
                    ),
                ));
            }
        }
        let image = capture(tx, "opds", &text_key("id", id))?;
        opds::set_archived(tx, id, Some(&archived))?;
        record_archive(tx, &actor, "opd", id, None, Some(&archived))?;
        Ok(undo(
            "opd",
            id,
            format!("pengarsipan OPD {}", old.code),
            vec![image],
        ))
    })
}

/// Takes an archived OPD back into use.
pub fn unarchive(store: &mut Store, id: &str) -> Result<Undo> {
    store.write(|tx| {
        let actor = require_editor(tx, "mengubah daftar OPD")?;
        let old = opds::get(tx, id)?.ok_or_else(|| Error::NotFound("OPD".into()))?;
        if old.archived.is_none() {
            return Err(Error::invalid(
                "id",
                format!("OPD {} tidak diarsipkan.", old.code),
            ));
        }
        let image = capture(tx, "opds", &text_key("id", id))?;
        opds::set_archived(tx, id, None)?;
        record_archive(tx, &actor, "opd", id, old.archived.as_ref(), None)?;
        Ok(undo(
            "opd",
            id,
            format!("pemulihan OPD {}", old.code),
            vec![image],
        ))
    })
}

/// Deletes an OPD that nothing refers to; one that has data is archived instead.
pub fn delete(store: &mut Store, id: &str) -> Result<Undo> {
    store.write(|tx| {
        let actor = require_editor(tx, "mengubah daftar OPD")?;
        let old = opds::get(tx, id)?.ok_or_else(|| Error::NotFound("OPD".into()))?;
        if in_use(tx, id)? {
            return Err(Error::Forbidden(format!(
                "OPD {} sudah dipakai dalam rencana aksi atau datanya, jadi tidak dihapus; \
                 arsipkan dengan alasan.",
                old.code
            )));
        }
        let image = capture(tx, "opds", &text_key("id", id))?;
        opds::delete(tx, id)?;
        record(
            tx,
            &actor,
            Change::new("opd", id, "delete").from(Some(&old.name)),
        )?;
        Ok(undo(
            "opd",
            id,
            format!("penghapusan OPD {}", old.code),
            vec![image],
        ))
    })
}
