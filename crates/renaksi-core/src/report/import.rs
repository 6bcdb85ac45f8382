//! Importing an OPD's report at Bappeda. Each file is checked (format,
//! signature, plan id and version, that every row is the report's OPD's own,
//! that its key is the one held or one a human confirmed (`trust`), that its
//! sequence is newer than the one held from the same key), then the OPD's snapshot replaces what Bappeda held for it, in one
//! transaction. A rejected file changes nothing and says why.

use std::collections::HashSet;
use std::path::Path;

use rusqlite::{Connection, Transaction};
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::check::{read_checked, CheckReport};
use super::datasheet::SignedSnapshot;
use super::rules::quote;
use super::snapshot::Snapshot;
use super::trust;
pub use super::trust::{AcceptedKey, Decisions, KeyChange};
use crate::model::OgpValue;
use crate::store::audit::{self, Change};
use crate::store::reports::{self, ReportRecord};
use crate::store::{
    actions, evidence, indicators, milestones, opd_keys, opds, periods, plans, realisations,
    targets,
};
use crate::{Error, Result, Store};

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Imported {
    pub opd_code: String,
    pub opd_name: String,
    pub period_label: String,
    pub sequence: i64,
    /// False when this very file had been imported already (nothing changed).
    pub changed: bool,
    /// Set when this import accepted the key a human confirmed: the OPD's
    /// first key, or a changed one.
    pub key_accepted: Option<KeyChange>,
    pub key_fingerprint: String,
    /// The same fingerprint as eight words.
    pub key_words: String,
    pub milestones: usize,
    pub indicators: usize,
    /// Replies to verifier notes this report brought that were new here.
    pub replies: usize,
    /// Replies it brought that were not kept (their note is no longer about
    /// this OPD), each with the reason.
    pub skipped_replies: Vec<super::replies::SkippedReply>,
}

/// A report file read and checked, not yet applied: the part of an import that
/// needs no database, so several files can be read at once (one per core)
/// while another is being applied.
pub struct ReadReport {
    file_name: String,
    digest: String,
    checked: Result<(SignedSnapshot, CheckReport)>,
}

/// Reads and checks a report file (size, workbook, signature, printed table).
pub fn read_file(path: &Path) -> ReadReport {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let bytes = crate::workbook::reader::read_file(path, "sebuah laporan");
    match bytes {
        Ok(bytes) => read_bytes(&name, bytes),
        Err(e) => ReadReport {
            file_name: name,
            digest: String::new(),
            checked: Err(e),
        },
    }
}

/// Reads and checks the bytes of a report file.
pub fn read_bytes(file_name: &str, bytes: Vec<u8>) -> ReadReport {
    let digest: String = Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    ReadReport {
        file_name: file_name.to_string(),
        digest,
        checked: read_checked(bytes),
    }
}

/// Reads `files` on background threads, a few ahead, and hands each to
/// `apply` in the given order: reading (unzip, parse, signature, printed
/// table) is most of an import's work and needs no database, so it runs on
/// the other cores while the caller applies the previous file.
pub fn read_ahead(files: &[std::path::PathBuf], mut apply: impl FnMut(&Path, ReadReport)) {
    let readers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4)
        .min(files.len().max(1));
    std::thread::scope(|scope| {
        let queues: Vec<_> = (0..readers)
            .map(|reader| {
                // Two files read ahead per reader bound the memory held and
                // absorb one slow file.
                let (send, receive) = std::sync::mpsc::sync_channel(2);
                scope.spawn(move || {
                    for file in files.iter().skip(reader).step_by(readers) {
                        if send.send(read_file(file)).is_err() {
                            break;
                        }
                    }
                });
                receive
            })
            .collect();
        for (i, file) in files.iter().enumerate() {
            let read = queues[i % readers].recv().unwrap_or_else(|_| ReadReport {
                file_name: file.display().to_string(),
                digest: String::new(),
                checked: Err(Error::invalid("file", "Berkas tidak dapat dibaca.")),
            });
            apply(file, read);
        }
    });
}

/// Imports one report file into Bappeda's database.
pub fn import_file(store: &mut Store, path: &Path, decisions: &Decisions) -> Result<Imported> {
    apply(store, read_file(path), decisions)
}

/// Imports the bytes of one report file into Bappeda's database.
pub fn import_bytes(
    store: &mut Store,
    file_name: &str,
    bytes: Vec<u8>,
    decisions: &Decisions,
) -> Result<Imported> {
    apply(store, read_bytes(file_name, bytes), decisions)
}

/// Applies a report read by [`read_file`]: the checks that need Bappeda's
/// database (plan, ownership, key, sequence), then the OPD's rows replaced in
/// one transaction.
pub fn apply(store: &mut Store, read: ReadReport, decisions: &Decisions) -> Result<Imported> {
    let actor = crate::access::require_bappeda(store.conn(), "mengimpor laporan OPD")?.user_name;
    let ReadReport {
        file_name,
        digest,
        checked,
    } = read;
    let file_name = file_name.as_str();
    let (signed, check) = checked?;
    if let Some(problem) = check.problems.first() {
        return Err(rejected(format!("{problem}{}", more(check.problems.len()))));
    }
    let snapshot = &signed.snapshot;
    let meta = &snapshot.meta;

    // The checks read inside the same IMMEDIATE transaction as the writes: one
    // lock for the whole report instead of one per looked-up row, and nothing
    // can change between checking and writing. A refusal rolls back nothing
    // but the reads.
    store.write(|tx| {
        // The report's own plan, whichever is viewed: an import never mixes
        // plans, and an earlier plan is read-only.
        let plan = plans::get(tx, &meta.plan_id)?.ok_or_else(|| {
            rejected(
                "Laporan ini untuk rencana aksi lain, bukan rencana aksi di basis data ini.".into(),
            )
        })?;
        crate::access::require_active_plan(tx, &plan.id)?;
        if meta.plan_version != plan.version {
            return Err(rejected(format!(
                "Laporan dibuat untuk versi {} rencana aksi, sedangkan yang berlaku versi {}. \
                 Minta OPD membuka paket rencana aksi terbaru lalu mengekspor ulang.",
                meta.plan_version, plan.version
            )));
        }
        let opd = opds::by_code(tx, &meta.opd_code)?
            .filter(|o| o.id == meta.opd_id)
            .ok_or_else(|| {
                rejected(format!(
                    "OPD {} tidak dikenal dalam rencana aksi ini.",
                    quote(&meta.opd_code)
                ))
            })?;
        super::rules::check(tx, &plan, snapshot)?;
        check_ownership(tx, &plan.id, snapshot)?;
        check_closed_quarters(tx, &plan.id, snapshot)?;
        let replies = super::replies::sort_replies(tx, &plan.id, &opd, snapshot)?;

        // This very file imported already: nothing changes, not even the key
        // Bappeda trusts for the OPD. Checked before `trust::settle`, which
        // would otherwise record a confirmed key (back) as the OPD's while
        // the answer says nothing changed; a key is trusted anew only by
        // importing a report not yet held, where the change is reported.
        let file_key = crate::workbook::signature::fingerprint(&signed.public_key);
        let latest = reports::latest_imported(tx, &opd.id, &file_key)?;
        if latest
            .as_ref()
            .is_some_and(|(held, held_digest)| meta.sequence == *held && *held_digest == digest)
        {
            // Its key since replaced (a forged file taken earlier, or a key
            // the OPD has renewed): "nothing changed" would hide that the
            // file is no longer signed by the key Bappeda trusts.
            let trusted = opd_keys::get(tx, &opd.id)?
                .is_some_and(|held| held.public_key == signed.public_key);
            if !trusted {
                return Err(rejected(NO_LONGER_TRUSTED.into()));
            }
            return Ok(summary(
                snapshot,
                &opd.name,
                false,
                &signed.public_key,
                None,
                None,
            ));
        }
        let key = trust::settle(tx, &actor, &opd, &signed.public_key, decisions)?;
        if let Some((held, _)) = latest {
            if meta.sequence <= held {
                return Err(rejected(format!(
                    "Laporan {} bernomor urut {} lebih lama dari yang sudah diterima (nomor {held}).",
                    opd.code, meta.sequence
                )));
            }
        }

        replace_opd_rows(tx, &signed, plan.status)?;
        super::replies::keep(tx, &actor, &opd, &replies.new)?;
        reports::insert(
            tx,
            &ReportRecord {
                id: &crate::ids::new_id(),
                plan_id: &plan.id,
                opd_id: &opd.id,
                year: meta.year,
                quarter: meta.quarter,
                sequence: meta.sequence,
                direction: "imported",
                exported_at: &meta.exported_at,
                file_name,
                file_sha256: &digest,
                key_fingerprint: &key.fingerprint,
            },
        )?;
        let note = format!(
            "laporan {} {} nomor {}",
            opd.code,
            snapshot.period().label(),
            meta.sequence
        );
        audit::record(
            tx,
            &actor,
            &Change::new("opd", &opd.id, "import").to(Some(&note)),
        )?;
        Ok(summary(
            snapshot,
            &opd.name,
            true,
            &signed.public_key,
            key.accepted,
            Some(replies),
        ))
    })
}

/// The same file again, signed by a key that is no longer the OPD's.
const NO_LONGER_TRUSTED: &str =
    "Laporan ini sudah pernah diterima, tetapi kuncinya bukan kunci OPD \
     yang dipercaya sekarang; datanya tidak dipakai.";

fn rejected(why: String) -> Error {
    Error::invalid("file", format!("Laporan ditolak: {why}"))
}

fn more(count: usize) -> String {
    if count > 1 {
        format!(" (dan {} masalah lain)", count - 1)
    } else {
        String::new()
    }
}

/// Every row must be the report's OPD's own, on an action it is assigned to,
/// and must not take over a row Bappeda holds for another OPD.
fn check_ownership(conn: &Connection, plan_id: &str, snapshot: &Snapshot) -> Result<()> {
    let opd_id = &snapshot.meta.opd_id;
    let code = &snapshot.meta.opd_code;
    let data = &snapshot.data;
    let assignments = actions::assignments_of(conn, plan_id, opd_id)?;
    let assigned = |action_id: &str| assignments.assigned.contains(action_id);
    let foreign = |what: &str| {
        rejected(format!(
            "laporan OPD {code} memuat {what} milik OPD lain; data OPD lain tidak diubah."
        ))
    };
    for m in &data.milestones {
        if &m.opd_id != opd_id {
            return Err(foreign(&format!("tonggak {}", quote(&m.title))));
        }
        if !assigned(&m.action_id) {
            return Err(rejected(format!(
                "tonggak {} ada pada rencana aksi yang tidak ditugaskan kepada {code} \
                 (atau sudah diarsipkan); minta OPD membuka paket rencana aksi terbaru lalu \
                 mengekspor ulang.",
                quote(&m.title)
            )));
        }
        if milestones::get(conn, &m.id)?.is_some_and(|held| &held.opd_id != opd_id) {
            return Err(foreign(&format!("tonggak {}", quote(&m.title))));
        }
    }
    let milestone_ids: HashSet<&str> = data.milestones.iter().map(|m| m.id.as_str()).collect();
    for i in &data.indicators {
        if &i.opd_id != opd_id {
            return Err(foreign(&format!("indikator {}", quote(&i.description))));
        }
        if !assigned(&i.action_id) {
            return Err(rejected(format!(
                "indikator {} ada pada rencana aksi yang tidak ditugaskan kepada {code} \
                 (atau sudah diarsipkan); minta OPD membuka paket rencana aksi terbaru lalu \
                 mengekspor ulang.",
                quote(&i.description)
            )));
        }
        if i.milestone_id
            .as_deref()
            .is_some_and(|m| !milestone_ids.contains(m))
        {
            return Err(foreign(&format!(
                "tautan indikator {} ke tonggak",
                quote(&i.description)
            )));
        }
        if indicators::get(conn, &i.id)?.is_some_and(|held| &held.opd_id != opd_id) {
            return Err(foreign(&format!("indikator {}", quote(&i.description))));
        }
    }
    let indicator_ids: HashSet<&str> = data.indicators.iter().map(|i| i.id.as_str()).collect();
    if data
        .targets
        .iter()
        .any(|t| !indicator_ids.contains(t.indicator_id.as_str()))
        || data
            .realisations
            .iter()
            .any(|r| !indicator_ids.contains(r.indicator_id.as_str()))
    {
        return Err(foreign("target atau realisasi"));
    }
    for e in &data.evidence {
        let own = e
            .milestone_id
            .as_deref()
            .is_some_and(|m| milestone_ids.contains(m))
            || e.indicator_id
                .as_deref()
                .is_some_and(|i| indicator_ids.contains(i));
        if !own || evidence::get(conn, &e.id)?.is_some_and(|held| &held.opd_id != opd_id) {
            return Err(foreign(&format!("bukti dukung {}", quote(&e.title))));
        }
    }
    for n in &data.narratives {
        if !assignments.led.contains(&n.action_id) {
            return Err(foreign("narasi rencana aksi"));
        }
    }
    Ok(())
}

/// Replaces what Bappeda holds for the OPD on the actions it works on with the
/// snapshot's rows. Its rows on an archived action, or on one it no longer
/// leads or supports, are not in its report: Bappeda keeps them as they are.
/// The actions an OPD works on (as `actions::assignments_of` reads them), for
/// an OPD `?1` in a plan `?2`.
/// Both halves are found by the OPD (indexes of migration 0009), not by
/// reading every action of the plan.
const WORKS_ON: &str = "SELECT a.id FROM actions a
     WHERE a.lead_opd_id = ?1 AND a.plan_id = ?2 AND a.archived_at IS NULL
     UNION
     SELECT a.id FROM action_supporting_opds s JOIN actions a ON a.id = s.action_id
     WHERE s.opd_id = ?1 AND a.plan_id = ?2 AND a.archived_at IS NULL";

/// A quarter Bappeda closed is read-only for the OPD in its report as in its
/// editor: the report must carry the targets and realisations of that quarter
/// that Bappeda holds, no more, no fewer, no other.
fn check_closed_quarters(conn: &Connection, plan_id: &str, snapshot: &Snapshot) -> Result<()> {
    use crate::model::{Realisation, Target};
    // One text per value, compared as sets: the same rounding as the snapshot.
    let number = |v: f64| format!("{:.4}", super::snapshot::round(v));
    let target_key = |t: &Target| format!("t {} {}", t.indicator_id, number(t.value));
    let realisation_key = |r: &Realisation| {
        format!(
            "r {} {} {:?} {:?} {:?}",
            r.indicator_id,
            r.value.map(number).unwrap_or_default(),
            r.notes,
            r.obstacles,
            r.follow_up
        )
    };
    let opd_id = &snapshot.meta.opd_id;
    let data = &snapshot.data;
    for period in periods::list(conn, plan_id)?
        .into_iter()
        .filter(|p| p.closed)
    {
        let (year, quarter) = (period.year, period.quarter);
        let params = rusqlite::params![opd_id, plan_id, year, quarter];
        let mut held = std::collections::BTreeSet::new();
        let mut statement = conn.prepare_cached(&format!(
            "SELECT t.indicator_id, t.value FROM targets t JOIN indicators i ON i.id = t.indicator_id
             WHERE i.opd_id = ?1 AND i.action_id IN ({WORKS_ON}) AND t.year = ?3 AND t.quarter = ?4"
        ))?;
        let mut rows = statement.query(params)?;
        while let Some(row) = rows.next()? {
            held.insert(target_key(&Target {
                indicator_id: row.get(0)?,
                year,
                quarter,
                value: row.get(1)?,
            }));
        }
        let mut statement = conn.prepare_cached(&format!(
            "SELECT r.indicator_id, r.value, r.notes, r.obstacles, r.follow_up
             FROM realisations r JOIN indicators i ON i.id = r.indicator_id
             WHERE i.opd_id = ?1 AND i.action_id IN ({WORKS_ON}) AND r.year = ?3 AND r.quarter = ?4"
        ))?;
        let mut rows = statement.query(params)?;
        while let Some(row) = rows.next()? {
            held.insert(realisation_key(&Realisation {
                indicator_id: row.get(0)?,
                year,
                quarter,
                value: row.get(1)?,
                notes: row.get(2)?,
                obstacles: row.get(3)?,
                follow_up: row.get(4)?,
            }));
        }
        let in_quarter = |y: i32, q: u8| y == year && q == quarter;
        let incoming: std::collections::BTreeSet<String> = data
            .targets
            .iter()
            .filter(|t| in_quarter(t.year, t.quarter))
            .map(target_key)
            .chain(
                data.realisations
                    .iter()
                    .filter(|r| in_quarter(r.year, r.quarter))
                    .map(realisation_key),
            )
            .collect();
        if held != incoming {
            return Err(rejected(format!(
                "{} sudah ditutup Bappeda, tetapi laporan OPD {} mengubah target atau \
                 realisasinya. Nilai triwulan yang ditutup tidak dapat diubah; bila memang perlu, \
                 minta Bappeda membuka kembali triwulan itu.",
                crate::period::PeriodRef::new(year, quarter)?.label(),
                snapshot.meta.opd_code
            )));
        }
    }
    Ok(())
}

fn replace_opd_rows(
    tx: &Transaction<'_>,
    signed: &SignedSnapshot,
    plan_status: crate::model::PlanStatus,
) -> Result<()> {
    let snapshot = &signed.snapshot;
    let opd_id = &snapshot.meta.opd_id;
    // A file already received (an earlier report, its bundle) keeps its place;
    // any other is "belum diterima" until its evidence bundle arrives.
    let hashes: Vec<&str> = snapshot
        .data
        .evidence
        .iter()
        .filter(|e| e.kind == "file")
        .filter_map(|e| e.sha256.as_deref())
        .collect();
    let received = evidence::stored_paths(tx, &hashes)?;
    // Children go with their parents (ON DELETE CASCADE).
    for sql in [
        format!(
            "DELETE FROM evidence WHERE opd_id = ?1 AND (
                 milestone_id IN (SELECT id FROM milestones WHERE action_id IN ({WORKS_ON}))
                 OR indicator_id IN (SELECT id FROM indicators WHERE action_id IN ({WORKS_ON})))"
        ),
        format!("DELETE FROM indicators WHERE opd_id = ?1 AND action_id IN ({WORKS_ON})"),
        format!("DELETE FROM milestones WHERE opd_id = ?1 AND action_id IN ({WORKS_ON})"),
    ] {
        tx.execute(&sql, rusqlite::params![opd_id, snapshot.meta.plan_id])?;
    }
    let data = &snapshot.data;
    for m in &data.milestones {
        milestones::insert(tx, m)?;
    }
    for i in &data.indicators {
        indicators::insert(tx, i)?;
    }
    for t in &data.targets {
        targets::upsert(tx, t)?;
    }
    for r in &data.realisations {
        realisations::upsert(tx, r)?;
    }
    for e in &data.evidence {
        evidence::insert(
            tx,
            &evidence::Evidence {
                id: e.id.clone(),
                opd_id: opd_id.clone(),
                milestone_id: e.milestone_id.clone(),
                indicator_id: e.indicator_id.clone(),
                year: e.year,
                quarter: e.quarter,
                kind: e.kind.clone(),
                title: e.title.clone(),
                file_name: e.file_name.clone(),
                stored_path: e
                    .sha256
                    .as_ref()
                    .filter(|_| e.kind == "file")
                    .and_then(|sha| received.get(sha).cloned()),
                sha256: e.sha256.clone(),
                url: e.url.clone(),
                created_at: snapshot.meta.exported_at.clone(),
            },
        )?;
    }
    // While the plan is a draft its narrative is Bappeda's (`access::require_narrative`):
    // a report does not write it then.
    let narratives = match plan_status {
        crate::model::PlanStatus::Final => data.narratives.as_slice(),
        crate::model::PlanStatus::Draft => &[],
    };
    for n in narratives {
        if let Some(action) = actions::get(tx, &n.action_id)? {
            let ogp_values = n
                .ogp_values
                .split(',')
                .filter_map(|v| OgpValue::parse(v.trim()))
                .collect();
            actions::update_narrative(
                tx,
                &crate::model::Action {
                    problem: n.problem.clone(),
                    description: n.description.clone(),
                    contribution: n.contribution.clone(),
                    ogp_values,
                    cso_partners: n.cso_partners.clone(),
                    ..action
                },
            )?;
        }
    }
    Ok(())
}

fn summary(
    snapshot: &Snapshot,
    opd_name: &str,
    changed: bool,
    public_key: &str,
    key_accepted: Option<KeyChange>,
    replies: Option<super::replies::Replies<'_>>,
) -> Imported {
    let (replies, skipped_replies) = replies.map_or((0, Vec::new()), |r| (r.new.len(), r.skipped));
    Imported {
        opd_code: snapshot.meta.opd_code.clone(),
        opd_name: opd_name.to_string(),
        period_label: snapshot.period().label(),
        sequence: snapshot.meta.sequence,
        changed,
        key_accepted,
        key_fingerprint: crate::workbook::signature::fingerprint(public_key),
        key_words: crate::workbook::key_words::fingerprint_words(public_key),
        milestones: snapshot.data.milestones.len(),
        indicators: snapshot.data.indicators.len(),
        replies,
        skipped_replies,
    }
}
