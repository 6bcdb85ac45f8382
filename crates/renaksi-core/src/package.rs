//! The Paket rencana aksi: the plan as Bappeda publishes it to the OPDs
//! (plan, periods with due dates and closed quarters, predikat bands, OPDs,
//! themes, actions and their OPD assignments with archive flags, and the
//! indicators with their targets agreed in the plan document), signed with
//! Bappeda's key. An OPD starts from it, takes newer versions without losing
//! its own entries, and takes the package of the next plan as a plan of its own.
//!
//! Format 2 adds the bands, the OPDs' short name and head title, the archive
//! flags and the indicators; format 1 packages are still read (their fields
//! serialise the same, so their signature still verifies).
//!
//! Bappeda's key: an OPD pins the key of the first package it takes. Since
//! issue #17 a format 2 package may end with a `rotation` table: Bappeda's
//! statements "key X is replaced by key Y from date D", each signed by X over
//! Y's own signature (`keys::RotationStatement`). An OPD that pinned X takes
//! a package signed by Y only when those statements lead from X to Y, and
//! pins Y then; anything else signed by another key is refused with both
//! fingerprints in words. The table is written only when Bappeda has rotated,
//! so a package without it is byte for byte what the app wrote before, and
//! format 2 packages without it still read (the field defaults to empty and
//! is left out of the signed bytes).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use rusqlite::{Connection, OptionalExtension};
use rust_xlsxwriter::{Format, Workbook};
use serde::{Deserialize, Serialize};

use crate::achievement::{GradeBand, GradeKey, GradeScale};
use crate::editing::current_profile;
use crate::files::write_atomically;
use crate::keys::RotationStatement;
use crate::model::{
    Action, Aggregation, Archived, Indicator, OgpValue, Opd, Period, Plan, PlanStatus, Polarity,
    Target, Theme,
};
use crate::period::PeriodRef;
use crate::planning::bands::{self, BandInput, BandsInput};
use crate::planning::plan::{check_new, NewPlan};
use crate::profile::{self, Profile, Role};
use crate::report::rules::quote;
use crate::store::audit::{self, Change};
use crate::store::{
    actions, indicators, milestones, now, opds, periods, plans, received_indicators, settings,
    targets, themes,
};
use crate::workbook::key_words::fingerprint_words;
use crate::workbook::machine_sheet::{read_signed, write_signed, Kind, Schema, Table, DATA_SHEET};
use crate::workbook::reader::Book;
use crate::workbook::signature::{load_or_create, public_key_text, sign_bytes, verify_bytes};
use crate::{Error, Result, Store};
use ed25519_dalek::SigningKey;

pub const MAGIC: &str = "renaksi-paket-rencana-aksi";
pub const FORMAT_VERSION: i64 = 2;
/// The first format, still read: no bands, archive flags or indicators.
pub const FORMAT_VERSION_1: i64 = 1;
/// Most key rotations a package may carry: Bappeda replaces its key rarely,
/// and each statement is verified when an OPD follows the chain.
pub const MAX_ROTATIONS: usize = 100;
/// Setting holding Bappeda's public key, pinned when the OPD first took a package.
const BAPPEDA_KEY: &str = "package.bappeda_public_key";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlanPackage {
    pub meta: PackageMeta,
    pub plan: Plan,
    pub periods: Vec<PeriodRow>,
    pub opds: Vec<OpdRow>,
    pub themes: Vec<ThemeRow>,
    pub actions: Vec<ActionRow>,
    pub supporting: Vec<Supporting>,
    /// The plan's predikat bands, highest first (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bands: Vec<BandRow>,
    /// Indicators from the plan document, each owned by its OPD (format 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<IndicatorRow>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<TargetRow>,
    /// Bappeda's key rotations, oldest first (format 2, since issue #17): an
    /// OPD that pinned an earlier key follows them to the key that signed.
    /// A package without them serialises as before, so its signature holds.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rotations: Vec<RotationStatement>,
}

impl PlanPackage {
    /// The package's OPD with this code (any case), or why it cannot start from it.
    pub fn opd(&self, code: &str) -> Result<&OpdRow> {
        self.opds
            .iter()
            .find(|o| o.code.eq_ignore_ascii_case(code))
            .ok_or_else(|| Error::unknown_opd(code, self.opds.iter().map(|o| o.code.as_str())))
    }

    /// The bands the package carries, or the convention (format 1). A
    /// package is checked when read ([`PlanPackage::check`]), so its bands
    /// are well formed here.
    pub fn scale(&self) -> GradeScale {
        if self.bands.is_empty() {
            return GradeScale::default();
        }
        GradeScale(
            self.bands
                .iter()
                .map(|b| GradeBand {
                    key: b.key,
                    label: b.label.clone(),
                    min: b.min,
                })
                .collect(),
        )
    }

    /// Checks what the package says against the rules Bappeda's own editor
    /// keeps: the plan within a new plan's limits (years 2000-2100, start not
    /// after the end, at most ten years, a region and a title) and, in format
    /// 2, five bands that pass the bands editor's check. Returns the bands to
    /// take (none for format 1, which carries none). A package that fails is
    /// refused as a whole, never repaired.
    pub fn check(&self) -> Result<Option<GradeScale>> {
        let plan = &self.plan;
        let refused = |what: &str, message: &str| {
            Error::invalid(
                "file",
                format!(
                    "Paket rencana aksi ini tidak dapat dipakai: {what} di dalamnya tidak sah. \
                     {message} Minta paket yang benar kepada Bappeda."
                ),
            )
        };
        let message_of = |error: Error| match error {
            Error::Invalid { message, .. } => message,
            other => other.to_string(),
        };
        let new_plan = NewPlan {
            region: plan.region.clone(),
            title: plan.title.clone(),
            first: PeriodRef {
                year: plan.year_start,
                quarter: 1,
            },
            last: PeriodRef {
                year: plan.year_end,
                quarter: 4,
            },
        };
        let what = format!(
            "rencana aksi {} {}-{}",
            quote(plan.region.trim()),
            plan.year_start,
            plan.year_end
        );
        check_new(&new_plan).map_err(|e| refused(&what, &message_of(e)))?;
        refuse_many_rotations(self)?;
        crate::report::rules::check_package(self)?;
        if plan.version < 1 {
            return Err(refused(&what, "Versi rencana aksi mulai dari 1."));
        }
        if self.meta.format_version < FORMAT_VERSION {
            return Ok(None);
        }
        let what = "predikat capaian";
        let keys: Vec<GradeKey> = self.bands.iter().map(|b| b.key).collect();
        if keys != GradeKey::ORDER {
            return Err(refused(
                what,
                "Predikat harus terdiri atas lima tingkat, dari yang tertinggi.",
            ));
        }
        let input = BandsInput {
            bands: self
                .bands
                .iter()
                .map(|b| BandInput {
                    label: b.label.clone(),
                    min: b.min,
                })
                .collect(),
        };
        let scale = bands::validate(&input).map_err(|e| refused(what, &message_of(e)))?;
        Ok(Some(scale))
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

/// An OPD of the directory. The fields of format 2 are left out while empty,
/// so a format 1 package serialises as it was signed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct OpdRow {
    pub id: String,
    pub code: String,
    pub name: String,
    pub head_name: String,
    pub head_nip: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub head_title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub archive_reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ThemeRow {
    pub id: String,
    pub plan_id: String,
    pub seq: i64,
    pub name: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub archive_reason: String,
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
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived_at: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub archive_reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Supporting {
    pub action_id: String,
    pub opd_id: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct BandRow {
    pub key: crate::achievement::GradeKey,
    pub label: String,
    pub min: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IndicatorRow {
    pub id: String,
    pub action_id: String,
    pub milestone_id: Option<String>,
    pub opd_id: String,
    pub seq: i64,
    pub description: String,
    pub unit: String,
    pub baseline: Option<f64>,
    pub polarity: Polarity,
    pub aggregation: Aggregation,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TargetRow {
    pub indicator_id: String,
    pub year: i32,
    pub quarter: u8,
    pub value: f64,
}

fn archived(at: &Option<String>, reason: &str) -> Option<Archived> {
    at.as_ref().map(|at| Archived {
        at: at.clone(),
        reason: reason.to_string(),
    })
}

impl OpdRow {
    fn from_opd(o: Opd) -> OpdRow {
        OpdRow {
            archived_at: o.archived.as_ref().map(|a| a.at.clone()),
            archive_reason: o.archived.map(|a| a.reason).unwrap_or_default(),
            id: o.id,
            code: o.code,
            name: o.name,
            head_name: o.head_name,
            head_nip: o.head_nip,
            short_name: o.short_name,
            head_title: o.head_title,
        }
    }

    fn to_opd(&self) -> Opd {
        Opd {
            id: self.id.clone(),
            code: self.code.clone(),
            name: self.name.clone(),
            head_name: self.head_name.clone(),
            head_nip: self.head_nip.clone(),
            short_name: self.short_name.clone(),
            head_title: self.head_title.clone(),
            archived: archived(&self.archived_at, &self.archive_reason),
        }
    }
}

impl ThemeRow {
    fn from_theme(t: Theme) -> ThemeRow {
        ThemeRow {
            archived_at: t.archived.as_ref().map(|a| a.at.clone()),
            archive_reason: t.archived.map(|a| a.reason).unwrap_or_default(),
            id: t.id,
            plan_id: t.plan_id,
            seq: t.seq,
            name: t.name,
            description: t.description,
        }
    }

    fn to_theme(&self) -> Theme {
        Theme {
            id: self.id.clone(),
            plan_id: self.plan_id.clone(),
            seq: self.seq,
            name: self.name.clone(),
            description: self.description.clone(),
            archived: archived(&self.archived_at, &self.archive_reason),
        }
    }
}

impl IndicatorRow {
    fn to_indicator(&self) -> Indicator {
        Indicator {
            id: self.id.clone(),
            action_id: self.action_id.clone(),
            milestone_id: self.milestone_id.clone(),
            opd_id: self.opd_id.clone(),
            seq: self.seq,
            description: self.description.clone(),
            unit: self.unit.clone(),
            baseline: self.baseline,
            polarity: self.polarity,
            aggregation: self.aggregation,
        }
    }
}

use Kind::*;
const META: Table = Table {
    name: "meta",
    path: &["meta"],
    single: true,
    columns: &[
        ("formatVersion", Int),
        ("exportedAt", Text),
        ("appVersion", Text),
    ],
};
const PLAN: Table = Table {
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
};
const PERIOD: Table = Table {
    name: "period",
    path: &["periods"],
    single: false,
    columns: &[
        ("year", Int),
        ("quarter", Int),
        ("dueDate", OptText),
        ("closed", Int),
    ],
};
const SUPPORT: Table = Table {
    name: "support",
    path: &["supporting"],
    single: false,
    columns: &[("actionId", Text), ("opdId", Text)],
};
const ACTION_COLUMNS_1: [(&str, Kind); 12] = [
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
];

/// Format 2: format 1's tables with the new columns, then bands, indicators
/// and targets.
/// Bappeda's key rotation statements, as every file Bappeda signs carries
/// them (the plan package and the feedback file).
pub(crate) const ROTATION_TABLE: Table = Table {
    name: "rotation",
    path: &["rotations"],
    single: false,
    columns: &[
        ("oldKey", Text),
        ("newKey", Text),
        ("from", Text),
        ("newKeySignature", Text),
        ("oldKeySignature", Text),
    ],
};

const TABLES: &[Table] = &[
    META,
    PLAN,
    PERIOD,
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
            ("shortName", Text),
            ("headTitle", Text),
            ("archivedAt", OptText),
            ("archiveReason", Text),
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
            ("archivedAt", OptText),
            ("archiveReason", Text),
        ],
    },
    Table {
        name: "action",
        path: &["actions"],
        single: false,
        columns: &[
            ACTION_COLUMNS_1[0],
            ACTION_COLUMNS_1[1],
            ACTION_COLUMNS_1[2],
            ACTION_COLUMNS_1[3],
            ACTION_COLUMNS_1[4],
            ACTION_COLUMNS_1[5],
            ACTION_COLUMNS_1[6],
            ACTION_COLUMNS_1[7],
            ACTION_COLUMNS_1[8],
            ACTION_COLUMNS_1[9],
            ACTION_COLUMNS_1[10],
            ACTION_COLUMNS_1[11],
            ("archivedAt", OptText),
            ("archiveReason", Text),
        ],
    },
    SUPPORT,
    Table {
        name: "band",
        path: &["bands"],
        single: false,
        columns: &[("key", Text), ("label", Text), ("min", OptNum)],
    },
    Table {
        name: "indicator",
        path: &["indicators"],
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
        path: &["targets"],
        single: false,
        columns: &[
            ("indicatorId", Text),
            ("year", Int),
            ("quarter", Int),
            ("value", Num),
        ],
    },
    ROTATION_TABLE,
];
/// Format 2 as read: a package may carry the rotation table or not.
const SCHEMA: Schema = Schema {
    magic: MAGIC,
    tables: TABLES,
};
/// Format 2 as written when Bappeda never rotated its key: without the
/// rotation table, so an app from before the table reads it too.
const SCHEMA_WITHOUT_ROTATIONS: Schema = Schema {
    magic: MAGIC,
    tables: TABLES.split_at(TABLES.len() - 1).0,
};

/// Format 1, as published before the plan editor.
const TABLES_1: &[Table] = &[
    META,
    PLAN,
    PERIOD,
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
        columns: &ACTION_COLUMNS_1,
    },
    SUPPORT,
];
const SCHEMA_1: Schema = Schema {
    magic: MAGIC,
    tables: TABLES_1,
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
    let mut all_indicators = indicators::list_for_plan(conn, &plan.id)?;
    all_indicators.sort_by(|a, b| a.id.cmp(&b.id));
    let mut all_targets = Vec::new();
    for indicator in &all_indicators {
        all_targets.extend(
            targets::list_for_indicator(conn, &indicator.id)?
                .into_iter()
                .map(|t| TargetRow {
                    indicator_id: t.indicator_id,
                    year: t.year,
                    quarter: t.quarter,
                    value: t.value,
                }),
        );
    }
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
        opds: opds::list(conn)?
            .into_iter()
            .map(OpdRow::from_opd)
            .collect(),
        themes: themes::list(conn, &plan.id)?
            .into_iter()
            .map(ThemeRow::from_theme)
            .collect(),
        actions: all_actions
            .into_iter()
            .map(|a| ActionRow {
                ogp_values: a
                    .ogp_values
                    .iter()
                    .map(|v| v.as_str())
                    .collect::<Vec<_>>()
                    .join(","),
                archived_at: a.archived.as_ref().map(|x| x.at.clone()),
                archive_reason: a.archived.map(|x| x.reason).unwrap_or_default(),
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
        bands: GradeScale::for_plan(conn, &plan.id)?
            .0
            .into_iter()
            .map(|b| BandRow {
                key: b.key,
                label: b.label,
                min: b.min,
            })
            .collect(),
        indicators: all_indicators
            .into_iter()
            .map(|i| IndicatorRow {
                id: i.id,
                action_id: i.action_id,
                milestone_id: i.milestone_id,
                opd_id: i.opd_id,
                seq: i.seq,
                description: i.description,
                unit: i.unit,
                baseline: i.baseline,
                polarity: i.polarity,
                aggregation: i.aggregation,
            })
            .collect(),
        targets: all_targets,
        rotations: crate::keys::statements(conn)?,
        plan,
    })
}

/// Writes the package workbook: a readable list of the plan, and the signed data.
pub fn export(store: &Store, data_dir: &Path, out: &Path) -> Result<PathBuf> {
    let package = build(store)?;
    let key = crate::keys::signing_key(store.conn(), data_dir)?;
    let schema = if package.rotations.is_empty() {
        &SCHEMA_WITHOUT_ROTATIONS
    } else {
        &SCHEMA
    };
    write(&package, schema, &key, out)
}

/// Writes this database's package in format 1, as the app did before format 2
/// (no bands, archive flags or indicators). For tests that an older package is
/// still read.
#[doc(hidden)]
pub fn export_format_1(store: &Store, data_dir: &Path, out: &Path) -> Result<PathBuf> {
    let mut package = build(store)?;
    package.meta.format_version = FORMAT_VERSION_1;
    package.bands.clear();
    package.indicators.clear();
    package.targets.clear();
    for o in &mut package.opds {
        (o.short_name, o.head_title, o.archived_at, o.archive_reason) =
            (String::new(), String::new(), None, String::new());
    }
    for t in &mut package.themes {
        (t.archived_at, t.archive_reason) = (None, String::new());
    }
    for a in &mut package.actions {
        (a.archived_at, a.archive_reason) = (None, String::new());
    }
    package.rotations.clear();
    let key = crate::keys::signing_key(store.conn(), data_dir)?;

    write(&package, &SCHEMA_1, &key, out)
}

/// Signs and writes `package` as given, with the key of `data_dir`, without
/// the checks a package gets when read. For tests that a signed package whose
/// contents break the rules is refused.
#[doc(hidden)]
pub fn export_as_is(package: &PlanPackage, data_dir: &Path, out: &Path) -> Result<PathBuf> {
    let schema = if package.meta.format_version == FORMAT_VERSION_1 {
        &SCHEMA_1
    } else if package.rotations.is_empty() {
        &SCHEMA_WITHOUT_ROTATIONS
    } else {
        &SCHEMA
    };
    write(package, schema, &load_or_create(data_dir)?, out)
}

fn write(package: &PlanPackage, schema: &Schema, key: &SigningKey, out: &Path) -> Result<PathBuf> {
    let signature = sign_bytes(key, &package.canonical_bytes());
    let xlsx = |e: rust_xlsxwriter::XlsxError| {
        Error::invalid("file", format!("Buku kerja tidak dapat dibuat: {e}"))
    };
    let mut workbook = Workbook::new();
    write_readable_sheet(&mut workbook, package).map_err(xlsx)?;
    let json = serde_json::to_value(package).expect("a package always serialises");
    write_signed(
        &mut workbook,
        schema,
        &json,
        &public_key_text(key),
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
    // Not wrapped: the line runs on over the empty cells to its right.
    let line = Format::new().set_quote_prefix();
    sheet.write_string_with_format(3, 0, package.scale().legend(), &line)?;
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
            match &action.archived_at {
                None => action.title.clone(),
                Some(_) => format!("{} (diarsipkan: {})", action.title, action.archive_reason),
            },
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

/// Refuses a package carrying more rotation statements than Bappeda ever
/// makes ([`MAX_ROTATIONS`]), before any of them is verified.
fn refuse_many_rotations(package: &PlanPackage) -> Result<()> {
    if package.rotations.len() > MAX_ROTATIONS {
        return Err(Error::invalid(
            "file",
            format!(
                "Paket rencana aksi ini tidak dapat dipakai: pernyataan penggantian kunci di \
                 dalamnya tidak sah. Paket membawa lebih dari {MAX_ROTATIONS} penggantian kunci \
                 Bappeda. Minta paket yang benar kepada Bappeda."
            ),
        ));
    }
    Ok(())
}

/// A package read from a file, with its signature verified.
#[derive(Debug, Clone, PartialEq)]
pub struct SignedPackage {
    pub package: PlanPackage,
    pub public_key: String,
}

/// Reads a package file: its size is checked before it is read, and it
/// goes through the workbook guard and reader like a report.
pub fn read_file(path: &Path) -> Result<SignedPackage> {
    read_bytes(crate::workbook::reader::read_file(
        path,
        "sebuah paket rencana aksi",
    )?)
}

pub fn read_bytes(bytes: Vec<u8>) -> Result<SignedPackage> {
    let mut book = Book::open(bytes)?;
    let cells = book.cells(DATA_SHEET)?;
    // Format 2 first; a sheet that does not fit it may be format 1.
    let (json, public_key, signature, format) = match read_signed(cells.clone(), &SCHEMA) {
        Ok((json, key, signature)) => (json, key, signature, FORMAT_VERSION),
        Err(error) => match read_signed(cells, &SCHEMA_1) {
            Ok((json, key, signature)) => (json, key, signature, FORMAT_VERSION_1),
            Err(_) => return Err(error),
        },
    };
    let package: PlanPackage = serde_json::from_value(json).map_err(|e| {
        Error::invalid(
            "file",
            format!(
                "Paket rencana aksi tidak lengkap ({}).",
                crate::report::rules::cut(
                    &e.to_string(),
                    crate::report::rules::PARSER_MESSAGE_CHARS
                )
            ),
        )
    })?;
    // Counted before anything is verified: each statement costs signature
    // checks when an OPD follows the chain.
    refuse_many_rotations(&package)?;
    if package.meta.format_version != format {
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
    package.check()?;
    Ok(SignedPackage {
        package,
        public_key,
    })
}

/// What taking a package did.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Applied {
    pub plan_title: String,
    pub version: i64,
    /// True when this started the database; false when it updated it.
    pub started: bool,
    pub actions: usize,
    /// True when the package brought a plan this database did not hold (the
    /// next plan cycle); the earlier plan stays, read-only.
    #[serde(default)]
    pub new_plan: bool,
    /// Indicators (with their targets) received for the first time.
    #[serde(default)]
    pub indicators_received: usize,
}

/// How a package fits the plans this database holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub enum PackageFit {
    /// The database holds no plan: the package starts it.
    Start,
    /// A newer (or the same) version of a plan held here.
    Update,
    /// The plan that follows the ones held here (the next plan cycle).
    NewPlan,
}

/// Decides whether a package may be taken here and how, refusing a package
/// signed by another key, of an older or overlapping plan, or an older version.
fn fit(conn: &Connection, signed: &SignedPackage) -> Result<(PackageFit, Option<Plan>)> {
    let package = &signed.package;
    // The caps first: the key's statements are verified only within them.
    package.check()?;
    key_change(conn, signed)?;
    check_one_plan(conn, package)?;
    let held = plans::list(conn)?;
    if held.is_empty() {
        return Ok((PackageFit::Start, None));
    }
    if let Some(plan) = held.iter().find(|p| p.id == package.plan.id) {
        // An earlier plan is read-only: its package changes nothing.
        crate::access::require_active_plan(conn, &plan.id)?;
        if package.plan.version < plan.version {
            return Err(Error::invalid(
                "file",
                format!(
                    "Paket ini versi {}, lebih lama dari versi {} yang sudah dipakai.",
                    package.plan.version, plan.version
                ),
            ));
        }
        return Ok((PackageFit::Update, Some(plan.clone())));
    }
    let newest = held
        .iter()
        .max_by_key(|p| (p.year_end, p.year_start))
        .expect("held is not empty");
    if package.plan.year_start > newest.year_end && package.plan.region == newest.region {
        return Ok((PackageFit::NewPlan, None));
    }
    Err(Error::invalid(
        "file",
        format!(
            "Paket ini untuk rencana aksi lain ({} {}-{}), bukan rencana aksi {} {}-{} yang \
             dipakai atau rencana aksi sesudahnya. Paket rencana yang lebih lama atau yang \
             tahunnya tumpang tindih tidak dapat dipakai.",
            package.plan.region,
            package.plan.year_start,
            package.plan.year_end,
            newest.region,
            newest.year_start,
            newest.year_end
        ),
    ))
}

/// Bappeda's key changed since the package this OPD took before: the
/// fingerprints in words, and the date the new key signs from.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct BappedaKeyChange {
    pub from_fingerprint: String,
    pub to_fingerprint: String,
    /// YYYY-MM-DD, from the last statement of the chain.
    pub effective_from: String,
}

/// How the package's key stands to the one this OPD pinned: the same (or
/// none pinned yet), a change that statements signed by the pinned key
/// vouch for, or refused. After a change is taken, a package signed by the
/// replaced key is refused: nothing leads from the new key back to it.
fn key_change(conn: &Connection, signed: &SignedPackage) -> Result<Option<BappedaKeyChange>> {
    // The package's own words are not shown: whoever forged it could
    // phone and read them out. Only the pinned key's words are named.
    bappeda_key_change(
        conn,
        &signed.public_key,
        &signed.package.rotations,
        |pinned_words| {
            Error::BappedaKeyUnconfirmed(format!(
                "Paket ini ditandatangani dengan kunci yang berbeda dari kunci Bappeda yang dipakai \
                 di sini (sidik jari kunci di sini: {pinned_words}), tanpa pernyataan penggantian \
                 kunci yang ditandatangani kunci lama. Paket tidak dipakai. Telepon Bappeda di \
                 nomor yang sudah dipegang OPD (bukan nomor yang tertulis di berkas atau yang \
                 diberikan pengirimnya) dan tanyakan apakah kuncinya memang diganti. Bila ya, \
                 minta Bappeda membacakan kedelapan kata sidik jari kuncinya, pilih \"Terima kunci \
                 Bappeda\" dan ketik kata-kata yang dibacakan (di baris perintah: renaksi key \
                 trust-bappeda); kuncinya diterima hanya bila sama dengan kunci paket."
            ))
        },
    )
}

/// Bappeda's key as this OPD pinned it (from the first package), if any.
pub(crate) fn pinned_bappeda_key(conn: &Connection) -> Result<Option<String>> {
    settings::get(conn, BAPPEDA_KEY)
}

/// How `public_key`, which signed a file from Bappeda (a package, a feedback
/// file), stands to the key this OPD pinned: the same (or none pinned yet),
/// a change that `rotations` signed by the pinned key vouch for, or refused
/// with `refused(pinned key's words)`. The one check of Bappeda's key.
pub(crate) fn bappeda_key_change(
    conn: &Connection,
    public_key: &str,
    rotations: &[RotationStatement],
    refused: impl FnOnce(&str) -> Error,
) -> Result<Option<BappedaKeyChange>> {
    let Some(pinned) = pinned_bappeda_key(conn)? else {
        return Ok(None);
    };
    if pinned == public_key {
        return Ok(None);
    }
    match crate::keys::chain(&pinned, public_key, rotations) {
        Some(path) => Ok(Some(BappedaKeyChange {
            from_fingerprint: fingerprint_words(&pinned),
            to_fingerprint: fingerprint_words(public_key),
            effective_from: path.last().map(|s| s.from.clone()).unwrap_or_default(),
        })),
        None => Err(refused(&fingerprint_words(&pinned))),
    }
}

/// Pins `public_key` as Bappeda's, the statements of `change` vouching for
/// it, with its audit row (`plan_id` names the plan of the file that
/// brought it).
pub(crate) fn pin_rotated_key(
    tx: &rusqlite::Transaction<'_>,
    actor: &str,
    plan_id: &str,
    public_key: &str,
    change: &BappedaKeyChange,
) -> Result<()> {
    settings::set(tx, BAPPEDA_KEY, public_key)?;
    audit::record(
        tx,
        actor,
        &Change::new("bappeda_key", plan_id, "update")
            .on("fingerprint")
            .from(Some(&change.from_fingerprint))
            .to(Some(&change.to_fingerprint)),
    )
}

/// Refuses a package whose rows do not all belong to its one plan, or whose
/// themes or actions this database holds under another plan: an import never
/// mixes plans.
fn check_one_plan(conn: &Connection, package: &PlanPackage) -> Result<()> {
    let mixed = |what: &str| {
        Error::invalid(
            "file",
            format!(
                "Paket ini mencampur rencana aksi: {what}. Paket tidak dipakai; minta paket \
                 yang benar kepada Bappeda."
            ),
        )
    };
    let plan = &package.plan;
    let themes: HashSet<&str> = package.themes.iter().map(|t| t.id.as_str()).collect();
    let actions: HashSet<&str> = package.actions.iter().map(|a| a.id.as_str()).collect();
    let opds: HashSet<&str> = package.opds.iter().map(|o| o.id.as_str()).collect();
    let indicators: HashSet<&str> = package.indicators.iter().map(|i| i.id.as_str()).collect();
    if let Some(t) = package.themes.iter().find(|t| t.plan_id != plan.id) {
        return Err(mixed(&format!(
            "tema {} milik rencana aksi lain",
            quote(&t.name)
        )));
    }
    if let Some(p) = package.periods.iter().find(|p| {
        p.year < plan.year_start || p.year > plan.year_end || !(1..=4).contains(&p.quarter)
    }) {
        return Err(mixed(&format!(
            "triwulan {}-TW{} di luar tahun {}-{}",
            p.year, p.quarter, plan.year_start, plan.year_end
        )));
    }
    if let Some(a) = package
        .actions
        .iter()
        .find(|a| !themes.contains(a.theme_id.as_str()) || !opds.contains(a.lead_opd_id.as_str()))
    {
        return Err(mixed(&format!(
            "rencana aksi {} merujuk tema atau OPD yang tidak ada dalam paket",
            quote(&a.code)
        )));
    }
    if package
        .supporting
        .iter()
        .any(|s| !actions.contains(s.action_id.as_str()) || !opds.contains(s.opd_id.as_str()))
    {
        return Err(mixed(
            "OPD pendukung merujuk rencana aksi yang tidak ada dalam paket",
        ));
    }
    if let Some(i) = package
        .indicators
        .iter()
        .find(|i| !actions.contains(i.action_id.as_str()) || !opds.contains(i.opd_id.as_str()))
    {
        return Err(mixed(&format!(
            "indikator {} merujuk rencana aksi yang tidak ada dalam paket",
            quote(&i.description)
        )));
    }
    if package.targets.iter().any(|t| {
        !indicators.contains(t.indicator_id.as_str())
            || t.year < plan.year_start
            || t.year > plan.year_end
    }) {
        return Err(mixed(
            "target merujuk indikator atau tahun yang tidak ada dalam paket",
        ));
    }
    // Rows this database already holds under another plan.
    let held_elsewhere = |table: &str, id: &str| -> Result<bool> {
        let held: Option<String> = conn
            .query_row(
                &format!("SELECT plan_id FROM {table} WHERE id = ?1"),
                [id],
                |r| r.get(0),
            )
            .optional()?;
        Ok(held.is_some_and(|held| held != plan.id))
    };
    for theme in &package.themes {
        if held_elsewhere("themes", &theme.id)? {
            return Err(mixed(&format!(
                "tema {} milik rencana aksi lain di sini",
                quote(&theme.name)
            )));
        }
    }
    for action in &package.actions {
        if held_elsewhere("actions", &action.id)? {
            return Err(mixed(&format!(
                "rencana aksi {} milik rencana aksi lain di sini",
                quote(&action.code)
            )));
        }
    }
    Ok(())
}

/// The id of the OPD this database belongs to, in the package's directory.
fn own_opd_id(
    conn: &Connection,
    package: &PlanPackage,
    fit: PackageFit,
    start_as: Option<(&str, &str)>,
) -> Result<String> {
    match (fit, start_as) {
        (PackageFit::Start, Some((code, _))) => Ok(package.opd(code)?.id.clone()),
        (PackageFit::Start, None) => Err(Error::invalid(
            "opd",
            "Pilih OPD yang memakai basis data ini.",
        )),
        _ => {
            let code = crate::access::require_opd(conn, "memakai paket rencana aksi")?;
            match opds::by_code(conn, &code)? {
                Some(opd) => Ok(opd.id),
                None => Ok(package.opd(&code)?.id.clone()),
            }
        }
    }
}

/// The package's indicators this OPD receives now: its own, never received
/// before and not held already. The OPD receives an indicator once; from then
/// on it is the OPD's row.
fn to_receive<'p>(
    conn: &Connection,
    package: &'p PlanPackage,
    own_opd_id: &str,
) -> Result<Vec<&'p IndicatorRow>> {
    let received = received_indicators::all(conn)?;
    let mut out = Vec::new();
    for indicator in &package.indicators {
        if indicator.opd_id != own_opd_id || received.contains(&indicator.id) {
            continue;
        }
        if indicators::get(conn, &indicator.id)?.is_none() {
            out.push(indicator);
        }
    }
    Ok(out)
}

/// Every indicator of this OPD the package carries that is held already: they
/// count as received, so deleting one later does not bring it back.
fn held_own<'p>(
    package: &'p PlanPackage,
    own_opd_id: &'p str,
) -> impl Iterator<Item = &'p IndicatorRow> {
    package
        .indicators
        .iter()
        .filter(move |i| i.opd_id == own_opd_id)
}

/// Each action's supporting OPD ids in the package's order, looked up by
/// action id: a province package has thousands of actions and rows.
fn supporting_of(package: &PlanPackage) -> HashMap<&str, Vec<String>> {
    let mut of: HashMap<&str, Vec<String>> = HashMap::new();
    for s in &package.supporting {
        of.entry(s.action_id.as_str())
            .or_default()
            .push(s.opd_id.clone());
    }
    of
}

fn action_of(
    package: &PlanPackage,
    supporting: &HashMap<&str, Vec<String>>,
    row: &ActionRow,
) -> Action {
    Action {
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
        supporting_opd_ids: supporting.get(row.id.as_str()).cloned().unwrap_or_default(),
        cso_partners: row.cso_partners.clone(),
        start_date: row.start_date.clone(),
        end_date: row.end_date.clone(),
        archived: archived(&row.archived_at, &row.archive_reason),
    }
}

/// Whether taking the package takes its narrative of `new`: always for an
/// action this OPD does not lead or did not lead before (`old`, as held here);
/// for one it leads, only while the plan held here is a draft, when Bappeda
/// owns every field and the OPD cannot edit the narrative. Once the plan held
/// is final, the lead OPD keeps its own.
fn takes_narrative(held: Option<&Plan>, old: Option<&Action>, new: &Action, own: &str) -> bool {
    new.lead_opd_id != own
        || held.is_none_or(|plan| plan.status == PlanStatus::Draft)
        || old.is_none_or(|old| old.lead_opd_id != own)
}

/// The rows of the plan held here that a newer package of that plan no longer
/// carries (Bappeda deleted them or left them out), not yet archived here:
/// taking the package archives them, with the OPD's rows on them kept.
struct Dropped {
    actions: Vec<Action>,
    themes: Vec<Theme>,
    reason: String,
}

fn dropped(conn: &Connection, package: &PlanPackage, held: Option<&Plan>) -> Result<Dropped> {
    let reason = format!(
        "Tidak ada lagi dalam paket rencana aksi versi {}",
        package.plan.version
    );
    let Some(plan) = held else {
        return Ok(Dropped {
            actions: Vec::new(),
            themes: Vec::new(),
            reason,
        });
    };
    let carried: HashSet<&str> = package.actions.iter().map(|a| a.id.as_str()).collect();
    let actions = actions::list(conn, &plan.id)?
        .into_iter()
        .filter(|a| a.archived.is_none() && !carried.contains(a.id.as_str()))
        .collect();
    let carried: HashSet<&str> = package.themes.iter().map(|t| t.id.as_str()).collect();
    let themes = themes::list(conn, &plan.id)?
        .into_iter()
        .filter(|t| t.archived.is_none() && !carried.contains(t.id.as_str()))
        .collect();
    Ok(Dropped {
        actions,
        themes,
        reason,
    })
}

/// Starts an OPD's database from a package (when it holds no plan yet), takes
/// a newer version of a plan it holds, or takes the next plan as a plan of its
/// own (the earlier plan stays). The OPD's own rows stay; actions it leads keep
/// their narrative once the plan held is final ([`takes_narrative`]); archived
/// actions arrive archived, and actions and themes of the plan held that the
/// package no longer carries are archived, with the OPD's rows on them kept.
/// Indicators of the plan document arrive once. Bappeda's key is pinned on the
/// first package. Quarters held here change only when the package is not
/// older than them (a feedback file written later may have brought newer
/// ones: `period_stamp`); quarters it adds are always taken.
pub fn apply(
    store: &mut Store,
    signed: &SignedPackage,
    start_as: Option<(&str, &str)>,
) -> Result<Applied> {
    let package = &signed.package;
    let conn = store.conn();
    let (fit, held) = fit(conn, signed)?;
    let own_opd_id = own_opd_id(conn, package, fit, start_as)?;
    let old_actions: HashMap<String, Action> = match &held {
        Some(plan) => actions::list(conn, &plan.id)?
            .into_iter()
            .map(|a| (a.id.clone(), a))
            .collect(),
        None => HashMap::new(),
    };
    let dropped = dropped(conn, package, held.as_ref())?;
    let pinned = settings::get(conn, BAPPEDA_KEY)?;
    let key_change = key_change(conn, signed)?;
    let receive: Vec<IndicatorRow> = to_receive(conn, package, &own_opd_id)?
        .into_iter()
        .cloned()
        .collect();
    let started = fit == PackageFit::Start;
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
    let bands = package.check()?;
    let received = receive.len();
    let plan_id = package.plan.id.as_str();
    store.write(|tx| {
        // A package older than the quarters held (a newer feedback file
        // brought them) adds the quarters missing here and changes none.
        let periods_current =
            crate::period_stamp::is_current(tx, plan_id, &package.meta.exported_at)?;
        if fit == PackageFit::Update {
            plans::update(tx, &package.plan)?;
        } else {
            plans::insert(tx, &package.plan)?;
        }
        if let Some(scale) = &bands {
            let json = (*scale != GradeScale::default())
                .then(|| serde_json::to_string(scale).expect("bands always serialise"));
            plans::set_grade_bands(tx, &package.plan.id, json.as_deref())?;
        }
        for p in &package.periods {
            if !periods_current && periods::get(tx, plan_id, p.year, p.quarter)?.is_some() {
                continue;
            }
            let period = Period {
                year: p.year,
                quarter: p.quarter,
                due_date: p.due_date.clone(),
                closed: p.closed != 0,
            };
            periods::upsert(tx, &package.plan.id, &period)?;
        }
        if periods_current {
            crate::period_stamp::record(tx, plan_id, &package.meta.exported_at)?;
        }
        for opd in &package.opds {
            opds::upsert(tx, &opd.to_opd())?;
        }
        // Bappeda may have corrected this OPD's code: the profile follows the
        // OPD's id, so the office keeps working under its new code.
        if !started {
            if let (Some(own), Some(mut current)) = (
                package.opds.iter().find(|o| o.id == own_opd_id),
                profile::load(tx)?,
            ) {
                if matches!(&current.role, Role::Opd { code } if *code != own.code) {
                    current.role = Role::Opd {
                        code: own.code.clone(),
                    };
                    profile::save(tx, &current)?;
                }
            }
        }
        for theme in &package.themes {
            themes::upsert(tx, &theme.to_theme())?;
        }
        let supporting = supporting_of(package);
        for row in &package.actions {
            let action = action_of(package, &supporting, row);
            let narrative = takes_narrative(
                held.as_ref(),
                old_actions.get(&row.id),
                &action,
                &own_opd_id,
            );
            actions::upsert_structure(tx, &action, narrative)?;
        }
        let archive = Archived {
            at: now(),
            reason: dropped.reason.clone(),
        };
        for action in &dropped.actions {
            actions::set_archived(tx, &action.id, Some(&archive))?;
            audit::record(
                tx,
                &actor,
                &Change::new("action", &action.id, "update")
                    .on("archived")
                    .to(Some(&archive.reason)),
            )?;
        }
        for theme in &dropped.themes {
            themes::set_archived(tx, &theme.id, Some(&archive))?;
            audit::record(
                tx,
                &actor,
                &Change::new("theme", &theme.id, "update")
                    .on("archived")
                    .to(Some(&archive.reason)),
            )?;
        }
        for indicator in &receive {
            let mut indicator = indicator.to_indicator();
            if let Some(milestone) = &indicator.milestone_id {
                if milestones::get(tx, milestone)?.is_none() {
                    indicator.milestone_id = None;
                }
            }
            indicators::insert(tx, &indicator)?;
        }
        let receiving: HashSet<&str> = receive.iter().map(|i| i.id.as_str()).collect();
        for target in package
            .targets
            .iter()
            .filter(|t| receiving.contains(t.indicator_id.as_str()))
        {
            targets::upsert(
                tx,
                &Target {
                    indicator_id: target.indicator_id.clone(),
                    year: target.year,
                    quarter: target.quarter,
                    value: target.value,
                },
            )?;
        }
        for indicator in held_own(package, &own_opd_id) {
            received_indicators::record(tx, &package.plan.id, &indicator.id)?;
        }
        if let Some(profile) = &profile {
            profile::save(tx, profile)?;
            profile::record_setup_choice(tx, "package")?;
        }
        if pinned.is_none() {
            settings::set(tx, BAPPEDA_KEY, &signed.public_key)?;
        }
        if let Some(change) = &key_change {
            // The statements signed by the pinned key vouch for the new one.
            pin_rotated_key(tx, &actor, &package.plan.id, &signed.public_key, change)?;
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
        new_plan: fit == PackageFit::NewPlan,
        indicators_received: received,
    })
}

/// What taking a package would change here, read without writing anything.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PackageChanges {
    pub fit: PackageFit,
    pub region: String,
    pub plan_title: String,
    pub year_start: i32,
    pub year_end: i32,
    /// The version held now (none when the plan is new here).
    pub version_from: Option<i64>,
    pub version_to: i64,
    pub actions_added: Vec<ActionChange>,
    pub actions_changed: Vec<ActionChange>,
    pub actions_archived: Vec<ActionChange>,
    pub themes_added: usize,
    pub themes_changed: usize,
    pub opds_added: usize,
    pub periods: Vec<PackagePeriodChange>,
    /// The legend before and after, when the bands change.
    pub bands_from: Option<String>,
    pub bands_to: Option<String>,
    pub indicators_received: usize,
    /// The fingerprint in words of the key that signed the package, for the
    /// clerk to compare with what Bappeda reads out.
    pub key_fingerprint: String,
    /// Bappeda's key changed since the last package taken here.
    pub key_change: Option<BappedaKeyChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct ActionChange {
    pub code: String,
    pub title: String,
    /// Which fields change (Indonesian labels), for a changed action.
    pub fields: Vec<String>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PackagePeriodChange {
    /// e.g. "2019-TW2".
    pub period: String,
    pub closed_from: Option<bool>,
    pub closed_to: bool,
    pub due_from: Option<String>,
    pub due_to: Option<String>,
}

/// What taking `signed` would change in this database, or why it would be
/// refused (the same checks as [`apply`]).
pub fn preview(conn: &Connection, signed: &SignedPackage) -> Result<PackageChanges> {
    let package = &signed.package;
    let (fit, held) = fit(conn, signed)?;
    let own_opd_id = match fit {
        PackageFit::Start => String::new(),
        _ => own_opd_id(conn, package, fit, None)?,
    };
    let plan_id = &package.plan.id;
    let dropped = dropped(conn, package, held.as_ref())?;
    let old_actions: HashMap<String, Action> = if held.is_some() {
        actions::list(conn, plan_id)?
            .into_iter()
            .map(|a| (a.id.clone(), a))
            .collect()
    } else {
        HashMap::new()
    };
    let (mut added, mut changed, mut archived_now) = (Vec::new(), Vec::new(), Vec::new());
    let supporting = supporting_of(package);
    for row in &package.actions {
        let new = action_of(package, &supporting, row);
        let change = |fields: Vec<String>, reason: String| ActionChange {
            code: new.code.clone(),
            title: new.title.clone(),
            fields,
            reason,
        };
        match old_actions.get(&row.id) {
            None if new.archived.is_none() => added.push(change(Vec::new(), String::new())),
            None => {}
            Some(old) => {
                if old.archived.is_none() && new.archived.is_some() {
                    let reason = row.archive_reason.clone();
                    archived_now.push(change(Vec::new(), reason));
                    continue;
                }
                let narrative = takes_narrative(held.as_ref(), Some(old), &new, &own_opd_id);
                let fields = changed_fields(old, &new, narrative);
                if !fields.is_empty() {
                    changed.push(change(fields, String::new()));
                }
            }
        }
    }
    for old in &dropped.actions {
        archived_now.push(ActionChange {
            code: old.code.clone(),
            title: old.title.clone(),
            fields: Vec::new(),
            reason: dropped.reason.clone(),
        });
    }
    let old_themes: HashMap<String, Theme> = if held.is_some() {
        themes::list(conn, plan_id)?
            .into_iter()
            .map(|t| (t.id.clone(), t))
            .collect()
    } else {
        HashMap::new()
    };
    let (mut themes_added, mut themes_changed) = (0, dropped.themes.len());
    for theme in &package.themes {
        match old_themes.get(&theme.id) {
            None => themes_added += 1,
            Some(old) if *old != theme.to_theme() => themes_changed += 1,
            Some(_) => {}
        }
    }
    let mut opds_added = 0;
    for opd in &package.opds {
        if opds::get(conn, &opd.id)?.is_none() {
            opds_added += 1;
        }
    }
    let old_periods: Vec<Period> = if held.is_some() {
        periods::list(conn, plan_id)?
    } else {
        Vec::new()
    };
    // As `apply`: a package older than the quarters held changes none.
    let periods_current =
        crate::period_stamp::is_current(conn, plan_id, &package.meta.exported_at)?;
    let mut period_changes = Vec::new();
    for p in &package.periods {
        let old = old_periods
            .iter()
            .find(|o| o.year == p.year && o.quarter == p.quarter);
        if old.is_some() && !periods_current {
            continue;
        }
        let closed = p.closed != 0;
        let differs = old.is_none_or(|o| o.closed != closed || o.due_date != p.due_date);
        if held.is_some() && differs {
            period_changes.push(PackagePeriodChange {
                period: format!("{}-TW{}", p.year, p.quarter),
                closed_from: old.map(|o| o.closed),
                closed_to: closed,
                due_from: old.and_then(|o| o.due_date.clone()),
                due_to: p.due_date.clone(),
            });
        }
    }
    let new_scale = package.scale();
    let old_scale = match &held {
        Some(plan) => Some(GradeScale::for_plan(conn, &plan.id)?),
        None => None,
    };
    let bands_differ =
        !package.bands.is_empty() && old_scale.as_ref().is_none_or(|old| *old != new_scale);
    Ok(PackageChanges {
        fit,
        region: package.plan.region.clone(),
        plan_title: package.plan.title.clone(),
        year_start: package.plan.year_start,
        year_end: package.plan.year_end,
        version_from: held.as_ref().map(|p| p.version),
        version_to: package.plan.version,
        actions_added: added,
        actions_changed: changed,
        actions_archived: archived_now,
        themes_added,
        themes_changed,
        opds_added,
        periods: period_changes,
        bands_from: bands_differ
            .then(|| old_scale.as_ref().map(GradeScale::legend))
            .flatten(),
        bands_to: bands_differ.then(|| new_scale.legend()),
        indicators_received: if own_opd_id.is_empty() {
            0
        } else {
            to_receive(conn, package, &own_opd_id)?.len()
        },
        key_fingerprint: fingerprint_words(&signed.public_key),
        key_change: key_change(conn, signed)?,
    })
}

/// The fields of an action the package changes (the narrative only when taking
/// the package takes it, [`takes_narrative`]).
fn changed_fields(old: &Action, new: &Action, with_narrative: bool) -> Vec<String> {
    let mut fields = Vec::new();
    let mut check = |label: &str, differs: bool| {
        if differs {
            fields.push(label.to_string());
        }
    };
    check("kode", old.code != new.code);
    check("judul", old.title != new.title);
    check("tema", old.theme_id != new.theme_id);
    check("OPD pelaksana", old.lead_opd_id != new.lead_opd_id);
    let mut a = old.supporting_opd_ids.clone();
    let mut b = new.supporting_opd_ids.clone();
    a.sort();
    b.sort();
    check("OPD pendukung", a != b);
    check(
        "jadwal",
        old.start_date != new.start_date || old.end_date != new.end_date,
    );
    check("arsip", old.archived.is_some() != new.archived.is_some());
    if with_narrative {
        check(
            "uraian komitmen",
            old.problem != new.problem
                || old.description != new.description
                || old.contribution != new.contribution
                || old.ogp_values != new.ogp_values
                || old.cso_partners != new.cso_partners,
        );
    }
    fields
}

/// What "Terima kunci Bappeda" did.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct TrustedBappedaKey {
    /// The key pinned before, in words; none when none was.
    pub previous_fingerprint: Option<String>,
    pub fingerprint: String,
}

/// "Terima kunci Bappeda": the OPD pins the key that signed `signed` because
/// its clerk typed the fingerprint Bappeda read out (words or hex), the way
/// out of a pin taken from a forged first package. Audited. A fingerprint
/// that does not match the package's key changes nothing.
pub fn trust_bappeda_key(
    store: &mut Store,
    signed: &SignedPackage,
    typed: &str,
) -> Result<TrustedBappedaKey> {
    crate::access::require_opd(store.conn(), "menerima kunci Bappeda")?;
    let actor = current_profile(store.conn())?.user_name;
    if !crate::workbook::key_words::fingerprint_matches(&signed.public_key, typed) {
        return Err(Error::invalid(
            "fingerprint",
            "Sidik jari yang diketik tidak sama dengan sidik jari kunci paket ini. Kunci Bappeda \
             tidak diubah. Periksa lagi kata-kata yang dibacakan Bappeda; bila tetap berbeda, \
             paket ini bukan dari Bappeda.",
        ));
    }
    let previous = settings::get(store.conn(), BAPPEDA_KEY)?;
    let fingerprint = fingerprint_words(&signed.public_key);
    let previous_fingerprint = previous.as_deref().map(fingerprint_words);
    if previous.as_deref() != Some(signed.public_key.as_str()) {
        store.write(|tx| {
            settings::set(tx, BAPPEDA_KEY, &signed.public_key)?;
            audit::record(
                tx,
                &actor,
                &Change::new("bappeda_key", &signed.package.plan.id, "update")
                    .on("fingerprint")
                    .from(previous_fingerprint.as_deref())
                    .to(Some(&fingerprint)),
            )
        })?;
    }
    Ok(TrustedBappedaKey {
        previous_fingerprint,
        fingerprint,
    })
}
