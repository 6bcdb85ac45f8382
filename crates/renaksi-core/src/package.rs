//! The Paket rencana aksi: the plan as Bappeda publishes it to the OPDs
//! (plan, periods with due dates and closed quarters, OPDs, themes, actions and
//! their OPD assignments), signed with Bappeda's key. An OPD starts from it, and
//! later takes newer versions without losing its own entries.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Format, Workbook};
use serde::{Deserialize, Serialize};

use crate::editing::current_profile;
use crate::files::write_atomically;
use crate::model::{Action, OgpValue, Opd, Period, Plan, Theme};
use crate::profile::{self, Profile, Role};
use crate::store::audit::{self, Change};
use crate::store::{actions, now, opds, periods, plans, settings, themes};
use crate::workbook::machine_sheet::{read_signed, write_signed, Kind, Schema, Table, DATA_SHEET};
use crate::workbook::reader::Book;
use crate::workbook::signature::{load_or_create, public_key_text, sign_bytes, verify_bytes};
use crate::{Error, Result, Store};

pub const MAGIC: &str = "renaksi-paket-rencana-aksi";
pub const FORMAT_VERSION: i64 = 1;
/// Setting holding Bappeda's public key, pinned when the OPD first took a package.
const BAPPEDA_KEY: &str = "package.bappeda_public_key";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanPackage {
    pub meta: PackageMeta,
    pub plan: Plan,
    pub periods: Vec<PeriodRow>,
    pub opds: Vec<Opd>,
    pub themes: Vec<Theme>,
    pub actions: Vec<ActionRow>,
    pub supporting: Vec<Supporting>,
}

impl PlanPackage {
    /// The package's OPD with this code (any case), or why it cannot start from it.
    pub fn opd(&self, code: &str) -> Result<&Opd> {
        self.opds
            .iter()
            .find(|o| o.code.eq_ignore_ascii_case(code))
            .ok_or_else(|| Error::unknown_opd(code, self.opds.iter().map(|o| o.code.as_str())))
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PackageMeta {
    pub format_version: i64,
    pub exported_at: String,
    pub app_version: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PeriodRow {
    pub year: i32,
    pub quarter: u8,
    pub due_date: Option<String>,
    /// 1 when Bappeda closed the quarter.
    pub closed: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ActionRow {
    pub id: String,
    pub theme_id: String,
    pub code: String,
    pub title: String,
    pub problem: String,
    pub description: String,
    pub contribution: String,
    pub ogp_values: String,
    pub lead_opd_id: String,
    pub cso_partners: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Supporting {
    pub action_id: String,
    pub opd_id: String,
}

use Kind::*;
const TABLES: &[Table] = &[
    Table {
        name: "meta",
        path: &["meta"],
        single: true,
        columns: &[
            ("formatVersion", Int),
            ("exportedAt", Text),
            ("appVersion", Text),
        ],
    },
    Table {
        name: "plan",
        path: &["plan"],
        single: true,
        columns: &[
            ("id", Text),
            ("region", Text),
            ("title", Text),
            ("yearStart", Int),
            ("yearEnd", Int),
            ("version", Int),
            ("status", Text),
            ("adoptedOn", OptText),
        ],
    },
    Table {
        name: "period",
        path: &["periods"],
        single: false,
        columns: &[
            ("year", Int),
            ("quarter", Int),
            ("dueDate", OptText),
            ("closed", Int),
        ],
    },
    Table {
        name: "opd",
        path: &["opds"],
        single: false,
        columns: &[
            ("id", Text),
            ("code", Text),
            ("name", Text),
            ("headName", Text),
            ("headNip", Text),
        ],
    },
    Table {
        name: "theme",
        path: &["themes"],
        single: false,
        columns: &[
            ("id", Text),
            ("planId", Text),
            ("seq", Int),
            ("name", Text),
            ("description", Text),
        ],
    },
    Table {
        name: "action",
        path: &["actions"],
        single: false,
        columns: &[
            ("id", Text),
            ("themeId", Text),
            ("code", Text),
            ("title", Text),
            ("problem", Text),
            ("description", Text),
            ("contribution", Text),
            ("ogpValues", Text),
            ("leadOpdId", Text),
            ("csoPartners", Text),
            ("startDate", OptText),
            ("endDate", OptText),
        ],
    },
    Table {
        name: "support",
        path: &["supporting"],
        single: false,
        columns: &[("actionId", Text), ("opdId", Text)],
    },
];
const SCHEMA: Schema = Schema {
    magic: MAGIC,
    tables: TABLES,
};

impl PlanPackage {
    fn canonical_bytes(&self) -> Vec<u8> {
        serde_json::to_vec(self).expect("a package always serialises")
    }
}

/// The package of this (Bappeda) database's plan.
pub fn build(store: &Store) -> Result<PlanPackage> {
    let conn = store.conn();
    crate::access::require_bappeda(conn, "menerbitkan paket rencana aksi")?;
    let plan = plans::require_current(conn)?;
    crate::access::require_active_plan(conn, &plan.id)?;
    let all_actions = actions::list(conn, &plan.id)?;
    let mut supporting: Vec<Supporting> = all_actions
        .iter()
        .flat_map(|a| {
            a.supporting_opd_ids.iter().map(|o| Supporting {
                action_id: a.id.clone(),
                opd_id: o.clone(),
            })
        })
        .collect();
    supporting.sort_by(|a, b| (&a.action_id, &a.opd_id).cmp(&(&b.action_id, &b.opd_id)));
    Ok(PlanPackage {
        meta: PackageMeta {
            format_version: FORMAT_VERSION,
            exported_at: now(),
            app_version: crate::APP_VERSION.to_string(),
        },
        periods: periods::list(conn, &plan.id)?
            .into_iter()
            .map(|p| PeriodRow {
                year: p.year,
                quarter: p.quarter,
                due_date: p.due_date,
                closed: p.closed.into(),
            })
            .collect(),
        opds: opds::list(conn)?,
        themes: themes::list(conn, &plan.id)?,
        actions: all_actions
            .into_iter()
            .map(|a| ActionRow {
                ogp_values: a
                    .ogp_values
                    .iter()
                    .map(|v| v.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                id: a.id,
                theme_id: a.theme_id,
                code: a.code,
                title: a.title,
                problem: a.problem,
                description: a.description,
                contribution: a.contribution,
                lead_opd_id: a.lead_opd_id,
                cso_partners: a.cso_partners,
                start_date: a.start_date,
                end_date: a.end_date,
            })
            .collect(),
        supporting,
        plan,
    })
}

/// Writes the package workbook: a readable list of the plan, and the signed data.
pub fn export(store: &Store, data_dir: &Path, out: &Path) -> Result<PathBuf> {
    let package = build(store)?;
    let key = load_or_create(data_dir)?;
    let signature = sign_bytes(&key, &package.canonical_bytes());
    let xlsx = |e: rust_xlsxwriter::XlsxError| {
        Error::invalid("file", format!("Buku kerja tidak dapat dibuat: {e}"))
    };
    let mut workbook = Workbook::new();
    write_readable_sheet(&mut workbook, &package).map_err(xlsx)?;
    let json = serde_json::to_value(&package).expect("a package always serialises");
    write_signed(
        &mut workbook,
        &SCHEMA,
        &json,
        &public_key_text(&key),
        &signature,
    )
    .map_err(xlsx)?;
    let bytes = workbook.save_to_buffer().map_err(xlsx)?;
    write_atomically(out, &bytes)?;
    Ok(out.to_path_buf())
}

fn write_readable_sheet(
    workbook: &mut Workbook,
    package: &PlanPackage,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let text = Format::new()
        .set_quote_prefix()
        .set_text_wrap()
        .set_align(rust_xlsxwriter::FormatAlign::Top);
    let bold = Format::new().set_bold();
    let sheet = workbook.add_worksheet();
    sheet.set_name("Rencana Aksi")?;
    sheet.write_string_with_format(
        0,
        0,
        "PAKET RENCANA AKSI DAERAH KETERBUKAAN PEMERINTAH",
        &bold,
    )?;
    sheet.write_string_with_format(1, 0, &package.plan.title, &text)?;
    sheet.write_string_with_format(2, 0, format!("Versi {}", package.plan.version), &text)?;
    let opd_name = |id: &str| {
        package
            .opds
            .iter()
            .find(|o| o.id == id)
            .map(|o| format!("{} ({})", o.name, o.code))
            .unwrap_or_default()
    };
    let headers = [
        "Tema",
        "Kode",
        "Rencana Aksi",
        "OPD pelaksana",
        "OPD pendukung",
        "Mulai",
        "Selesai",
    ];
    for (col, header) in (0u16..).zip(headers) {
        sheet.write_string_with_format(4, col, header, &bold)?;
    }
    for (row, action) in (5u32..).zip(&package.actions) {
        let theme = package
            .themes
            .iter()
            .find(|t| t.id == action.theme_id)
            .map(|t| format!("{}. {}", t.seq, t.name))
            .unwrap_or_default();
        let supporting: Vec<String> = package
            .supporting
            .iter()
            .filter(|s| s.action_id == action.id)
            .map(|s| opd_name(&s.opd_id))
            .collect();
        let cells = [
            theme,
            action.code.clone(),
            action.title.clone(),
            opd_name(&action.lead_opd_id),
            supporting.join("\n"),
            action.start_date.clone().unwrap_or_default(),
            action.end_date.clone().unwrap_or_default(),
        ];
        for (col, value) in (0u16..).zip(cells) {
            sheet.write_string_with_format(row, col, value, &text)?;
        }
    }
    for (col, width) in (0u16..).zip([24.0, 8.0, 48.0, 30.0, 30.0, 12.0, 12.0]) {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_landscape();
    sheet.set_paper_size(9);
    sheet.set_print_fit_to_pages(1, 0);
    Ok(())
}

/// A package read from a file, with its signature verified.
#[derive(Debug, Clone, PartialEq)]
pub struct SignedPackage {
    pub package: PlanPackage,
    pub public_key: String,
}

pub fn read_file(path: &Path) -> Result<SignedPackage> {
    let bytes = std::fs::read(path).map_err(|e| Error::io("membaca", path, e))?;
    read_bytes(bytes)
}

pub fn read_bytes(bytes: Vec<u8>) -> Result<SignedPackage> {
    let mut book = Book::open(bytes)?;
    let (json, public_key, signature) = read_signed(book.cells(DATA_SHEET)?, &SCHEMA)?;
    let package: PlanPackage = serde_json::from_value(json)
        .map_err(|e| Error::invalid("file", format!("Paket rencana aksi tidak lengkap ({e}).")))?;
    if package.meta.format_version != FORMAT_VERSION {
        return Err(Error::invalid(
            "file",
            "Versi format paket ini tidak dikenal; perbarui aplikasi Renaksi.",
        ));
    }
    if !verify_bytes(&public_key, &signature, &package.canonical_bytes()) {
        return Err(Error::invalid(
            "file",
            "Tanda tangan paket tidak sah: isinya berubah setelah diterbitkan Bappeda. Minta paket yang asli.",
        ));
    }
    Ok(SignedPackage {
        package,
        public_key,
    })
}

/// What taking a package did.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Applied {
    pub plan_title: String,
    pub version: i64,
    /// True when this started the database; false when it updated it.
    pub started: bool,
    pub actions: usize,
}

/// Starts an OPD's database from a package (when it holds no plan yet), or
/// takes a newer version of the same plan. The OPD's own rows stay; actions it
/// leads keep their narrative. Bappeda's key is pinned on the first package.
/// A package of a newer plan (the next plan cycle) adds that plan, which
/// becomes the active one; the plans received before stay, read-only. A
/// package never changes an earlier plan, so an import never mixes plans.
pub fn apply(
    store: &mut Store,
    signed: &SignedPackage,
    start_as: Option<(&str, &str)>,
) -> Result<Applied> {
    let package = &signed.package;
    let conn = store.conn();
    // The newest plan this database holds, and the package's own plan if held.
    let current = plans::active(conn)?;
    let known = plans::get(conn, &package.plan.id)?;
    let pinned = settings::get(conn, BAPPEDA_KEY)?;
    if let Some(pinned) = &pinned {
        if *pinned != signed.public_key {
            return Err(Error::Forbidden(
                "Paket ini ditandatangani dengan kunci yang berbeda dari paket Bappeda sebelumnya. \
                 Tanyakan kepada Bappeda sebelum memakainya."
                    .into(),
            ));
        }
    }
    let own_opd_id = match (&current, start_as) {
        (None, Some((code, _))) => package.opd(code)?.id.clone(),
        (None, None) => {
            return Err(Error::invalid(
                "opd",
                "Pilih OPD yang memakai basis data ini.",
            ))
        }
        (Some(active), _) => {
            match &known {
                Some(plan) => crate::access::require_active_plan(conn, &plan.id)?,
                None if package.plan.year_start > active.year_start => {}
                None => return Err(Error::invalid("file", "Paket ini untuk rencana aksi lain.")),
            }
            let plan = known.as_ref().unwrap_or(active);
            if known.is_some() && package.plan.version < plan.version {
                return Err(Error::invalid(
                    "file",
                    format!(
                        "Paket ini versi {}, lebih lama dari versi {} yang sudah dipakai.",
                        package.plan.version, plan.version
                    ),
                ));
            }
            let code = crate::access::require_opd(conn, "memakai paket rencana aksi")?;
            opds::by_code(conn, &code)?
                .map(|o| o.id)
                .unwrap_or_default()
        }
    };
    let started = current.is_none();
    // The next plan cycle: a plan this database did not hold yet.
    let next_plan = !started && known.is_none();
    let profile = match start_as {
        Some((code, user)) if started => Some(Profile::new(
            Role::Opd {
                code: code.to_uppercase(),
            },
            user,
        )?),
        _ => None,
    };
    let actor = profile
        .as_ref()
        .map(|p| p.user_name.clone())
        .map_or_else(|| current_profile(store.conn()).map(|p| p.user_name), Ok)?;
    store.write(|tx| {
        if started || next_plan {
            plans::insert(tx, &package.plan)?;
        } else {
            plans::update(tx, &package.plan)?;
        }
        if next_plan {
            settings::set(tx, plans::VIEWED, &package.plan.id)?;
        }
        for p in &package.periods {
            let period = Period {
                year: p.year,
                quarter: p.quarter,
                due_date: p.due_date.clone(),
                closed: p.closed != 0,
            };
            periods::upsert(tx, &package.plan.id, &period)?;
        }
        for opd in &package.opds {
            opds::upsert(tx, opd)?;
        }
        for theme in &package.themes {
            themes::upsert(tx, theme)?;
        }
        for row in &package.actions {
            let action = Action {
                id: row.id.clone(),
                plan_id: package.plan.id.clone(),
                theme_id: row.theme_id.clone(),
                code: row.code.clone(),
                title: row.title.clone(),
                problem: row.problem.clone(),
                description: row.description.clone(),
                contribution: row.contribution.clone(),
                ogp_values: row
                    .ogp_values
                    .split(',')
                    .filter_map(|v| OgpValue::parse(v.trim()))
                    .collect(),
                lead_opd_id: row.lead_opd_id.clone(),
                supporting_opd_ids: package
                    .supporting
                    .iter()
                    .filter(|s| s.action_id == row.id)
                    .map(|s| s.opd_id.clone())
                    .collect(),
                cso_partners: row.cso_partners.clone(),
                start_date: row.start_date.clone(),
                end_date: row.end_date.clone(),
                archived: None,
            };
            // The lead OPD owns its narrative: keep ours, take the rest.
            actions::upsert_structure(tx, &action, action.lead_opd_id != own_opd_id)?;
        }
        if let Some(profile) = &profile {
            profile::save(tx, profile)?;
            profile::record_setup_choice(tx, "package")?;
        }
        if pinned.is_none() {
            settings::set(tx, BAPPEDA_KEY, &signed.public_key)?;
        }
        let note = format!("paket rencana aksi versi {}", package.plan.version);
        audit::record(
            tx,
            &actor,
            &Change::new("plan", &package.plan.id, "import").to(Some(&note)),
        )
    })?;
    Ok(Applied {
        plan_title: package.plan.title.clone(),
        version: package.plan.version,
        started,
        actions: package.actions.len(),
    })
}
