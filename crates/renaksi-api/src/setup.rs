//! Starting a database: the demo plan, an empty start at Bappeda, or an OPD's
//! start from Bappeda's plan package; who works on it (the profile); and what a
//! database holds.

use std::path::{Path, PathBuf};

use renaksi_core::access::Abilities;
use renaksi_core::demo::{self, DemoCounts, DemoView};
use renaksi_core::overview::{self, OpdRef};
use renaksi_core::package::{self, Applied, SignedPackage};
pub use renaksi_core::profile::RoleKind;
use renaksi_core::profile::{self, Profile, Role};
use renaksi_core::store::plans;
use renaksi_core::{Error, Result, Store, APP_VERSION};
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize};

/// What the window asks first: is there a database to work on, and whose.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct AppStatus {
    pub needs_setup: bool,
    pub data_file: String,
    pub schema_version: i64,
    pub app_version: &'static str,
    pub profile: Option<ProfileView>,
    /// What this profile may do in the app; null before a profile exists.
    pub abilities: Option<Abilities>,
}

/// Who works in this copy of Renaksi: Bappeda, or one OPD (`opdCode` set).
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(rename = "Profile")]
#[serde(rename_all = "camelCase")]
pub struct ProfileView {
    pub role: RoleKind,
    pub opd_code: Option<String>,
    pub user_name: String,
}

/// At start: makes the installation's signing key the first time, and keeps
/// the database's key and `kunci/` in `data_dir` in line (see
/// `renaksi_core::keys`); the key already there is left as it is.
pub fn ensure_signing_key(store: &mut Store, data_dir: &Path) -> Result<()> {
    renaksi_core::keys::reconcile(store, data_dir).map(drop)
}

/// The status of the database at `db_path`, open as `store`.
pub fn status(store: &Store, db_path: &Path) -> Result<AppStatus> {
    let conn = store.conn();
    let needs_setup = profile::setup_choice(conn)?.is_none() && plans::current(conn)?.is_none();
    let loaded = profile::load(conn)?;
    let read_only = renaksi_core::access::viewing_read_only(conn)?;
    let abilities = loaded
        .as_ref()
        .map(|p| Abilities::viewing(&p.role, read_only));
    let profile = loaded.map(|p| ProfileView {
        role: p.role.kind(),
        opd_code: match p.role {
            Role::Bappeda => None,
            Role::Opd { code } => Some(code),
        },
        user_name: p.user_name,
    });
    Ok(AppStatus {
        needs_setup,
        data_file: db_path.display().to_string(),
        schema_version: store.schema_version()?,
        app_version: APP_VERSION,
        profile,
        abilities,
    })
}

/// How a new database starts. "package": an OPD starts from the plan
/// package Bappeda sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum StartChoice {
    /// The Wonosobo 2018-2019 demo plan.
    Demo,
    /// No plan yet (Bappeda).
    Empty,
    /// Bappeda's plan package (an OPD).
    Package,
}

impl<'de> Deserialize<'de> for StartChoice {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        renaksi_core::words::deserialize(deserializer)
    }
}

impl FromStr for StartChoice {
    type Err = Error;

    fn from_str(text: &str) -> Result<StartChoice> {
        match text {
            "demo" => Ok(StartChoice::Demo),
            "empty" => Ok(StartChoice::Empty),
            "package" => Ok(StartChoice::Package),
            _ => Err(Error::invalid("choice", "Pilihan awal tidak dikenal.")),
        }
    }
}

/// The first start as the user chose it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct FirstStart {
    pub choice: StartChoice,
    pub role: RoleKind,
    pub opd_code: Option<String>,
    pub user_name: String,
}

/// Sets up an empty database as the user chose. `package` is the plan package
/// file the user picked (with [`StartChoice::Package`]). A database that is
/// already set up (it has a profile) is refused and left as it is: the first
/// start never rewrites whose data this is.
pub fn first_start(store: &mut Store, start: &FirstStart, package: Option<&Path>) -> Result<()> {
    if let Some(existing) = profile::load(store.conn())? {
        let whose = match existing.role {
            Role::Bappeda => "Bappeda".to_string(),
            Role::Opd { code } => format!("OPD {code}"),
        };
        return Err(Error::invalid(
            "setup",
            format!(
                "Basis data ini sudah disiapkan untuk {whose}; langkah awal tidak dijalankan \
                 lagi dan tidak ada yang diubah."
            ),
        ));
    }
    let role = match (start.role, &start.opd_code) {
        (RoleKind::Bappeda, _) => Role::Bappeda,
        (RoleKind::Opd, Some(code)) if !code.trim().is_empty() => Role::Opd { code: code.clone() },
        (RoleKind::Opd, _) => return Err(RoleKind::choose()),
    };
    let profile = Profile::new(role, &start.user_name)?;
    match (start.choice, &profile.role) {
        (StartChoice::Demo, _) => {
            demo::load_as(store, &DemoView::Bappeda, &profile)?;
        }
        (StartChoice::Empty, Role::Bappeda) => store.write(|tx| {
            profile::save(tx, &profile)?;
            profile::record_setup_choice(tx, "empty")
        })?,
        (StartChoice::Package, Role::Opd { code }) => {
            let path = package.ok_or_else(|| {
                Error::invalid("package", "Pilih berkas paket rencana aksi dari Bappeda.")
            })?;
            let signed = package::read_file(path)?;
            package::apply(store, &signed, Some((code, &profile.user_name)))?;
        }
        (StartChoice::Package, Role::Bappeda) => {
            return Err(Error::invalid(
                "role",
                "Paket rencana aksi dipakai oleh OPD; pilih OPD Anda.",
            ))
        }
        (StartChoice::Empty, Role::Opd { .. }) => {
            return Err(Error::invalid(
                "role",
                "OPD memulai dari paket rencana aksi Bappeda; untuk mulai kosong pilih Bappeda.",
            ))
        }
    }
    Ok(())
}

/// The OPDs of the demo plan, for the first start's choice.
pub fn demo_opds() -> Result<Vec<OpdRef>> {
    Ok(demo::opds()?
        .into_iter()
        .map(|(code, name)| OpdRef { code, name })
        .collect())
}

/// What [`create_demo`] made.
#[derive(Debug, Clone, PartialEq)]
pub struct DemoCreated {
    pub view: DemoView,
    pub counts: DemoCounts,
}

/// Creates a demo database at `db_path`: Bappeda's view, or with `opd` that
/// OPD's view (the plan and that OPD's data).
pub fn create_demo(db_path: &Path, opd: Option<&str>) -> Result<DemoCreated> {
    let view = match opd {
        Some(code) => DemoView::for_opd(code)?,
        None => DemoView::Bappeda,
    };
    let mut store = Store::open(db_path)?;
    let counts = demo::load(&mut store, &view)?;
    Ok(DemoCreated { view, counts })
}

/// An OPD's database started from Bappeda's plan package.
#[derive(Debug, Clone, PartialEq)]
pub struct InitFromPackage {
    /// The plan package workbook from Bappeda.
    pub package: PathBuf,
    /// The OPD that works on this database.
    pub opd: String,
    /// The user's name, for the audit history.
    pub user: String,
}

/// Starts the database at `db_path` from a plan package. Everything that can be
/// refused (the package, the OPD, the user name) is refused before a database
/// file appears; a database that already holds a plan is refused too.
pub fn init(db_path: &Path, init: &InitFromPackage) -> Result<Applied> {
    let signed = package::read_file(&init.package)?;
    let code = signed.package.opd(&init.opd)?.code.clone();
    Profile::new(Role::Opd { code }, &init.user)?;
    let mut store = Store::open(db_path)?;
    if plans::current(store.conn())?.is_some() {
        return Err(Error::PlanExists {
            path: db_path.to_path_buf(),
        });
    }
    package::apply(&mut store, &signed, Some((&init.opd, &init.user)))
}

/// What a plan package holds, shown before an OPD starts from it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PackageContents {
    pub plan_title: String,
    pub region: String,
    pub version: i64,
    pub opds: Vec<OpdRef>,
    /// The fingerprint in words of Bappeda's key that signed the package, to
    /// compare with what Bappeda reads out before starting from it.
    pub key_fingerprint: String,
}

/// Reads a plan package and says what it holds.
pub fn package_contents(file: &Path) -> Result<PackageContents> {
    Ok(contents(&package::read_file(file)?))
}

fn contents(signed: &SignedPackage) -> PackageContents {
    let plan = &signed.package.plan;
    PackageContents {
        plan_title: plan.title.clone(),
        region: plan.region.clone(),
        version: plan.version,
        opds: signed
            .package
            .opds
            .iter()
            .map(|o| OpdRef {
                code: o.code.clone(),
                name: o.name.clone(),
            })
            .collect(),
        key_fingerprint: renaksi_core::workbook::key_words::fingerprint_words(&signed.public_key),
    }
}

/// What a database holds, for `renaksi info`.
#[derive(Debug, Clone, PartialEq)]
pub struct Info {
    pub schema_version: i64,
    pub profile: Option<Profile>,
    pub plan: Option<PlanInfo>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PlanInfo {
    pub title: String,
    pub year_start: i32,
    pub year_end: i32,
    pub themes: usize,
    pub actions: usize,
}

pub fn info(store: &Store) -> Result<Info> {
    let conn = store.conn();
    let plan = overview::plan_overview(conn, None)?.map(|o| PlanInfo {
        title: o.plan.title.clone(),
        year_start: o.plan.year_start,
        year_end: o.plan.year_end,
        themes: o.themes.len(),
        actions: o.themes.iter().map(|t| t.actions.len()).sum(),
    });
    Ok(Info {
        schema_version: store.schema_version()?,
        profile: profile::load(conn)?,
        plan,
    })
}
