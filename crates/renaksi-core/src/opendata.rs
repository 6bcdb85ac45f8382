//! Open data for the public portal: the plan and its progress as UTF-8 CSV and
//! JSON, described by a `datapackage.json` (Frictionless Data Package). Only
//! what is meant to be public: no keys, no signatures, no verifier notes, no
//! paths of this computer, no user names. Co-creation sessions are published
//! with their inputs and the government's responses, naming organisations but
//! not people (participants are counted, not listed); the end-of-commitment
//! self-assessment without who recorded it.

use std::path::{Path, PathBuf};

use serde::Serialize;
use serde_json::{json, Map, Value};

use crate::files::write_atomically;
use crate::store::{
    actions, evidence, indicators, input_responses, milestones, opds, plans, realisations,
    session_inputs, session_participants, sessions, targets, themes,
};
use crate::{Error, Result, Store};

/// One published table: file stem, title, and columns (name, Frictionless type).
struct Resource {
    name: &'static str,
    title: &'static str,
    fields: &'static [(&'static str, &'static str)],
    rows: Vec<Vec<Value>>,
}

/// One published table as the open-data screen lists it: its file, title,
/// columns and how many rows it holds now.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PublishedTable {
    /// The CSV file, e.g. `rencana_aksi.csv`.
    pub file: String,
    pub title: String,
    pub columns: Vec<String>,
    pub rows: usize,
}

/// What `write` would publish now: every table, then the JSON file with all of
/// them and the descriptor.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct OpenDataSummary {
    pub tables: Vec<PublishedTable>,
    /// `rencana-aksi.json` and `datapackage.json`.
    pub other_files: Vec<String>,
}

/// The file with every table in one JSON document.
pub const JSON_FILE: &str = "rencana-aksi.json";
/// The Frictionless descriptor.
pub const DESCRIPTOR_FILE: &str = "datapackage.json";
/// How the descriptor's package name starts (`renaksi-kabupaten-wonosobo`):
/// what tells Renaksi's open data from another package in the same folder.
pub const PACKAGE_PREFIX: &str = "renaksi-";

/// What the open data of the current plan holds, without writing it.
pub fn summary(conn: &rusqlite::Connection) -> Result<OpenDataSummary> {
    let (_, resources) = resources(conn)?;
    Ok(OpenDataSummary {
        tables: resources
            .iter()
            .map(|r| PublishedTable {
                file: format!("{}.csv", r.name),
                title: r.title.to_string(),
                columns: r.fields.iter().map(|(name, _)| name.to_string()).collect(),
                rows: r.rows.len(),
            })
            .collect(),
        other_files: vec![JSON_FILE.into(), DESCRIPTOR_FILE.into()],
    })
}

/// Writes the open data files into `dir` (created if needed); returns their paths.
pub fn write(store: &Store, dir: &Path) -> Result<Vec<PathBuf>> {
    let (plan, resources) = resources(store.conn())?;
    write_files(&plan, &resources, dir)
}

/// Renaksi's descriptors are a few KB; a bigger one is another package's.
const DESCRIPTOR_MAX_BYTES: u64 = 1024 * 1024;

/// Whether `dir` holds open data Renaksi wrote: a descriptor whose package
/// name starts with [`PACKAGE_PREFIX`]. Another package's descriptor (a Satu
/// Data portal's), or one too big or unreadable to be Renaksi's, does not
/// count, so its folder is never written into as if it were Renaksi's.
pub fn written_here(dir: &Path) -> Result<bool> {
    use std::io::Read;
    let descriptor = dir.join(DESCRIPTOR_FILE);
    let Ok(file) = std::fs::File::open(&descriptor) else {
        return Ok(false);
    };
    let mut bytes = Vec::new();
    file.take(DESCRIPTOR_MAX_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::io("membaca", &descriptor, e))?;
    if bytes.len() as u64 > DESCRIPTOR_MAX_BYTES {
        return Ok(false);
    }
    Ok(serde_json::from_slice::<Value>(&bytes)
        .ok()
        .and_then(|package| {
            package
                .get("name")
                .and_then(Value::as_str)
                .map(|name| name.starts_with(PACKAGE_PREFIX))
        })
        .unwrap_or(false))
}

/// The current plan and every public table of it.
fn resources(conn: &rusqlite::Connection) -> Result<(crate::model::Plan, Vec<Resource>)> {
    let plan = plans::require_current(conn)?;
    let opd_code: std::collections::HashMap<String, String> = opds::list(conn)?
        .into_iter()
        .map(|o| (o.id, o.code))
        .collect();
    let code = |id: &str| opd_code.get(id).cloned().unwrap_or_default();
    let opt = |v: Option<String>| v.map(Value::String).unwrap_or(Value::Null);
    let num = |v: Option<f64>| v.map(Value::from).unwrap_or(Value::Null);
    // What Bappeda archived is not published, nor what an OPD entered on an
    // action it no longer works on (`access::in_plan`).
    let plan_actions: Vec<_> = actions::list(conn, &plan.id)?
        .into_iter()
        .filter(|a| a.archived.is_none())
        .collect();
    let action_by_id: std::collections::HashMap<&str, &crate::model::Action> =
        plan_actions.iter().map(|a| (a.id.as_str(), a)).collect();
    let in_plan = |action_id: &str, opd_id: &str| {
        action_by_id
            .get(action_id)
            .is_some_and(|a| crate::access::in_plan(a, opd_id))
    };

    let mut resources = vec![
        Resource {
            name: "opd",
            title: "Perangkat daerah",
            fields: &[("kode", "string"), ("nama", "string")],
            rows: opds::list(conn)?
                .into_iter()
                .filter(|o| o.archived.is_none())
                .map(|o| vec![o.code.into(), o.name.into()])
                .collect(),
        },
        Resource {
            name: "tema",
            title: "Tema",
            fields: &[
                ("id", "string"),
                ("nomor", "integer"),
                ("nama", "string"),
                ("uraian", "string"),
            ],
            rows: themes::list(conn, &plan.id)?
                .into_iter()
                .filter(|t| t.archived.is_none())
                .map(|t| {
                    vec![
                        t.id.into(),
                        t.seq.into(),
                        t.name.into(),
                        t.description.into(),
                    ]
                })
                .collect(),
        },
        Resource {
            name: "rencana_aksi",
            title: "Rencana aksi",
            fields: &[
                ("id", "string"),
                ("tema_id", "string"),
                ("kode", "string"),
                ("judul", "string"),
                ("permasalahan", "string"),
                ("uraian", "string"),
                ("kontribusi", "string"),
                ("nilai_ogp", "string"),
                ("opd_pelaksana", "string"),
                ("opd_pendukung", "string"),
                ("mitra_oms", "string"),
                ("mulai", "date"),
                ("selesai", "date"),
            ],
            rows: plan_actions
                .iter()
                .map(|a| {
                    vec![
                        a.id.clone().into(),
                        a.theme_id.clone().into(),
                        a.code.clone().into(),
                        a.title.clone().into(),
                        a.problem.clone().into(),
                        a.description.clone().into(),
                        a.contribution.clone().into(),
                        a.ogp_values
                            .iter()
                            .map(|v| v.as_str())
                            .collect::<Vec<_>>()
                            .join(",")
                            .into(),
                        code(&a.lead_opd_id).into(),
                        a.supporting_opd_ids
                            .iter()
                            .map(|o| code(o))
                            .collect::<Vec<_>>()
                            .join(",")
                            .into(),
                        a.cso_partners.clone().into(),
                        opt(a.start_date.clone()),
                        opt(a.end_date.clone()),
                    ]
                })
                .collect(),
        },
        Resource {
            name: "tonggak",
            title: "Tonggak",
            fields: &[
                ("id", "string"),
                ("rencana_aksi_id", "string"),
                ("opd", "string"),
                ("nomor", "integer"),
                ("judul", "string"),
                ("keluaran", "string"),
                ("mulai", "date"),
                ("selesai", "date"),
                ("status", "string"),
            ],
            rows: milestones::list_for_plan(conn, &plan.id)?
                .into_iter()
                .filter(|m| in_plan(&m.action_id, &m.opd_id))
                .map(|m| {
                    vec![
                        m.id.into(),
                        m.action_id.into(),
                        code(&m.opd_id).into(),
                        m.seq.into(),
                        m.title.into(),
                        m.output.into(),
                        opt(m.start_date),
                        opt(m.end_date),
                        m.status.as_str().into(),
                    ]
                })
                .collect(),
        },
    ];
    let plan_indicators: Vec<_> = indicators::list_for_plan(conn, &plan.id)?
        .into_iter()
        .filter(|i| in_plan(&i.action_id, &i.opd_id))
        .collect();
    resources.push(Resource {
        name: "indikator",
        title: "Indikator",
        fields: &[
            ("id", "string"),
            ("rencana_aksi_id", "string"),
            ("tonggak_id", "string"),
            ("opd", "string"),
            ("uraian", "string"),
            ("satuan", "string"),
            ("baseline", "number"),
            ("polaritas", "string"),
            ("agregasi", "string"),
        ],
        rows: plan_indicators
            .iter()
            .map(|i| {
                vec![
                    i.id.clone().into(),
                    i.action_id.clone().into(),
                    opt(i.milestone_id.clone()),
                    code(&i.opd_id).into(),
                    i.description.clone().into(),
                    i.unit.clone().into(),
                    num(i.baseline),
                    i.polarity.as_str().into(),
                    i.aggregation.as_str().into(),
                ]
            })
            .collect(),
    });
    let mut target_rows = Vec::new();
    let mut realisation_rows = Vec::new();
    for i in &plan_indicators {
        for t in targets::list_for_indicator(conn, &i.id)? {
            target_rows.push(vec![
                t.indicator_id.into(),
                t.year.into(),
                t.quarter.into(),
                t.value.into(),
            ]);
        }
        for r in realisations::list_for_indicator(conn, &i.id)? {
            realisation_rows.push(vec![
                r.indicator_id.into(),
                r.year.into(),
                r.quarter.into(),
                num(r.value),
                r.notes.into(),
                r.obstacles.into(),
                r.follow_up.into(),
            ]);
        }
    }
    resources.push(Resource {
        name: "target",
        title: "Target per triwulan",
        fields: &[
            ("indikator_id", "string"),
            ("tahun", "integer"),
            ("triwulan", "integer"),
            ("nilai", "number"),
        ],
        rows: target_rows,
    });
    resources.push(Resource {
        name: "realisasi",
        title: "Realisasi per triwulan",
        fields: &[
            ("indikator_id", "string"),
            ("tahun", "integer"),
            ("triwulan", "integer"),
            ("nilai", "number"),
            ("keterangan", "string"),
            ("kendala", "string"),
            ("tindak_lanjut", "string"),
        ],
        rows: realisation_rows,
    });
    let mut evidence_rows = Vec::new();
    for a in &plan_actions {
        for e in evidence::list_for_action(conn, &a.id)? {
            if !in_plan(&a.id, &e.opd_id) {
                continue;
            }
            evidence_rows.push(vec![
                e.id.into(),
                opt(e.milestone_id),
                opt(e.indicator_id),
                e.year.map(Value::from).unwrap_or(Value::Null),
                e.quarter.map(Value::from).unwrap_or(Value::Null),
                e.kind.into(),
                e.title.into(),
                opt(e.file_name),
                opt(e.sha256),
                // Only web links are published (a stored path is private).
                opt(e
                    .url
                    .as_deref()
                    .and_then(crate::editing::evidence::web_link)
                    .map(str::to_string)),
            ]);
        }
    }
    resources.push(Resource {
        name: "bukti_dukung",
        title: "Bukti dukung (nama berkas dan SHA-256, atau tautan)",
        fields: &[
            ("id", "string"),
            ("tonggak_id", "string"),
            ("indikator_id", "string"),
            ("tahun", "integer"),
            ("triwulan", "integer"),
            ("jenis", "string"),
            ("judul", "string"),
            ("nama_berkas", "string"),
            ("sha256", "string"),
            ("tautan", "string"),
        ],
        rows: evidence_rows,
    });
    push_cocreation(conn, &plan.id, &plan_actions, &mut resources)?;
    push_self_assessment(conn, &plan.id, &plan_actions, &mut resources)?;
    Ok((plan, resources))
}

fn write_files(
    plan: &crate::model::Plan,
    resources: &[Resource],
    dir: &Path,
) -> Result<Vec<PathBuf>> {
    std::fs::create_dir_all(dir).map_err(|e| Error::io("membuat folder", dir, e))?;
    let mut written = Vec::new();
    let mut all = Map::new();
    let mut descriptors = Vec::new();
    for resource in resources {
        let path = dir.join(format!("{}.csv", resource.name));
        write_atomically(&path, &csv_bytes(resource)?)?;
        written.push(path);
        let records: Vec<Value> = resource
            .rows
            .iter()
            .map(|row| {
                Value::Object(
                    resource
                        .fields
                        .iter()
                        .zip(row)
                        .map(|((name, _), v)| (name.to_string(), v.clone()))
                        .collect(),
                )
            })
            .collect();
        all.insert(resource.name.to_string(), Value::Array(records));
        descriptors.push(json!({
            "name": resource.name.replace('_', "-"),
            "title": resource.title,
            "path": format!("{}.csv", resource.name),
            "format": "csv",
            "mediatype": "text/csv",
            "encoding": "utf-8",
            "schema": {
                "fields": resource.fields.iter().map(|(name, kind)| json!({"name": name, "type": kind})).collect::<Vec<_>>()
            }
        }));
    }
    let meta = json!({
        "rencana_aksi": plan.title,
        "wilayah": plan.region,
        "tahun": format!("{}-{}", plan.year_start, plan.year_end),
        "versi": plan.version,
        "status": plan.status.as_str(),
    });
    all.insert("rencana".into(), meta);
    let json_path = dir.join(JSON_FILE);
    write_atomically(
        &json_path,
        &serde_json::to_vec_pretty(&Value::Object(all)).expect("JSON"),
    )?;
    written.push(json_path);
    descriptors.push(json!({
        "name": "rencana-aksi-json",
        "title": "Seluruh data dalam satu berkas JSON",
        "path": JSON_FILE,
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8"
    }));
    let package = json!({
        "name": format!("{PACKAGE_PREFIX}{}", slug(&plan.region)),
        "title": plan.title,
        "description": format!(
            "Rencana Aksi Daerah Keterbukaan Pemerintah beserta tonggak, indikator, target dan realisasi per triwulan, masukan sesi ko-kreasi dan tanggapan pemerintah, serta penilaian mandiri akhir komitmen. {CSV_TEXT_NOTE}"
        ),
        "version": plan.version.to_string(),
        "created": crate::store::now(),
        "licenses": [{"name": "CC-BY-4.0", "title": "Creative Commons Attribution 4.0"}],
        "resources": descriptors,
    });
    let descriptor = dir.join(DESCRIPTOR_FILE);
    write_atomically(
        &descriptor,
        &serde_json::to_vec_pretty(&package).expect("JSON"),
    )?;
    written.push(descriptor);
    Ok(written)
}

/// Sessions (title, date, place, participants counted per side), and every
/// input with its action, organisation and the response to it.
fn push_cocreation(
    conn: &rusqlite::Connection,
    plan_id: &str,
    plan_actions: &[crate::model::Action],
    resources: &mut Vec<Resource>,
) -> Result<()> {
    let mut session_rows = Vec::new();
    for s in sessions::list(conn, plan_id)? {
        let participants = session_participants::list_for_session(conn, &s.id)?;
        let count = |kind: &str| participants.iter().filter(|p| p.kind == kind).count();
        session_rows.push(vec![
            s.id.into(),
            s.title.into(),
            s.held_on.into(),
            s.place.into(),
            count("opd").into(),
            count("cso").into(),
            count("other").into(),
        ]);
    }
    resources.push(Resource {
        name: "sesi_kokreasi",
        title: "Sesi ko-kreasi",
        fields: &[
            ("id", "string"),
            ("judul", "string"),
            ("tanggal", "date"),
            ("tempat", "string"),
            ("peserta_opd", "integer"),
            ("peserta_oms", "integer"),
            ("peserta_lainnya", "integer"),
        ],
        rows: session_rows,
    });

    let action_code: std::collections::HashMap<&str, &str> = plan_actions
        .iter()
        .map(|a| (a.id.as_str(), a.code.as_str()))
        .collect();
    let mut responses: std::collections::HashMap<String, input_responses::ResponseRow> =
        input_responses::list_for_plan(conn, plan_id)?
            .into_iter()
            .map(|r| (r.input_id.clone(), r))
            .collect();
    let input_rows = session_inputs::list_for_plan(conn, plan_id)?
        .into_iter()
        .map(|i| {
            let response = responses.remove(&i.id);
            let (decision, reason, day) = match response {
                Some(r) => (
                    Value::from(r.decision),
                    Value::from(r.reason),
                    responded_on(&r.responded_at),
                ),
                None => (Value::Null, Value::Null, Value::Null),
            };
            vec![
                Value::from(i.id),
                i.session_id.into(),
                action_code
                    .get(i.action_id.as_str())
                    .copied()
                    .unwrap_or_default()
                    .into(),
                i.action_id.into(),
                i.organisation.into(),
                i.body.into(),
                decision,
                reason,
                day,
            ]
        })
        .collect();
    resources.push(Resource {
        name: "masukan",
        title: "Masukan sesi ko-kreasi dan tanggapan pemerintah",
        fields: &[
            ("id", "string"),
            ("sesi_id", "string"),
            ("rencana_aksi", "string"),
            ("rencana_aksi_id", "string"),
            ("organisasi", "string"),
            ("masukan", "string"),
            ("tanggapan", "string"),
            ("alasan", "string"),
            ("tanggal_tanggapan", "date"),
        ],
        rows: input_rows,
    });
    Ok(())
}

/// The end-of-commitment self-assessment of each action that has one: the two
/// scales by their stored words, the explanation, the evidence links and the
/// day it was recorded; not who recorded it.
fn push_self_assessment(
    conn: &rusqlite::Connection,
    plan_id: &str,
    plan_actions: &[crate::model::Action],
    resources: &mut Vec<Resource>,
) -> Result<()> {
    let action_code: std::collections::HashMap<&str, &str> = plan_actions
        .iter()
        .map(|a| (a.id.as_str(), a.code.as_str()))
        .collect();
    let rows = crate::store::self_assessments::list_for_plan(conn, plan_id)?
        .into_iter()
        .filter_map(|row| {
            let code = *action_code.get(row.action_id.as_str())?;
            let links: Vec<String> = serde_json::from_str(&row.evidence_links).unwrap_or_default();
            // Only web links are published, as for evidence.
            let links: Vec<&str> = links
                .iter()
                .filter_map(|l| crate::editing::evidence::web_link(l))
                .collect();
            Some(vec![
                Value::from(row.action_id),
                code.into(),
                row.completion.into(),
                row.opened_government.into(),
                row.explanation.into(),
                links.join(" ").into(),
                responded_on(&row.recorded_at),
            ])
        })
        .collect();
    resources.push(Resource {
        name: "penilaian_mandiri",
        title: "Penilaian mandiri akhir komitmen (tautan bukti dipisah spasi)",
        fields: &[
            ("rencana_aksi_id", "string"),
            ("rencana_aksi", "string"),
            ("penyelesaian", "string"),
            ("membuka_pemerintahan", "string"),
            ("penjelasan", "string"),
            ("tautan_bukti", "string"),
            ("tanggal_penilaian", "date"),
        ],
        rows,
    });
    Ok(())
}

/// The day (in WIB) a response or an assessment was recorded; not the time, not who.
fn responded_on(rfc3339: &str) -> Value {
    chrono::DateTime::parse_from_rfc3339(rfc3339)
        .map(|t| {
            Value::from(
                t.with_timezone(&crate::dates::wib())
                    .format("%Y-%m-%d")
                    .to_string(),
            )
        })
        .unwrap_or(Value::Null)
}

fn csv_bytes(resource: &Resource) -> Result<Vec<u8>> {
    let fail = |e: csv::Error| Error::invalid("file", format!("CSV tidak dapat ditulis: {e}"));
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer
        .write_record(resource.fields.iter().map(|(name, _)| *name))
        .map_err(fail)?;
    for row in &resource.rows {
        writer
            .write_record(row.iter().map(|v| match v {
                Value::Null => String::new(),
                Value::String(s) => spreadsheet_safe(s),
                other => other.to_string(),
            }))
            .map_err(fail)?;
    }
    writer
        .into_inner()
        .map_err(|e| Error::invalid("file", format!("CSV tidak dapat ditulis: {e}")))
}

/// What the package's description says about text cells in the CSV files.
const CSV_TEXT_NOTE: &str = "Pada berkas CSV, teks yang diawali =, +, -, @, tab atau carriage return \
     ditulis dengan tanda petik tunggal (') di depannya agar aplikasi lembar kerja menampilkannya \
     sebagai teks, bukan menghitungnya sebagai rumus; hapus tanda petik itu untuk mendapat teks \
     aslinya. Angka tidak diubah (angka negatif tetap angka), dan berkas JSON memuat teks apa adanya.";

/// A text cell as a spreadsheet opening the CSV reads it: text that starts
/// like a formula (`=`, `+`, `-`, `@`, a tab or a carriage return) is written
/// after an apostrophe, so a title typed by anyone is shown, never computed.
/// Only text is escaped: a number (a negative realisation too) is a JSON
/// number in the rows, written as it is, so it stays a number in the column
/// its schema says is one. The JSON keeps the text as it is.
fn spreadsheet_safe(text: &str) -> String {
    if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    }
}

fn slug(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}
