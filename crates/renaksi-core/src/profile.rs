//! Who works on this database: Bappeda, or one OPD, and the user's name for the
//! audit history. Kept in `settings`.

use std::str::FromStr;

use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Deserializer, Serialize};

use crate::store::settings;
use crate::{Error, Result};

const ROLE: &str = "profile.role";
const OPD_CODE: &str = "profile.opd_code";
const USER_NAME: &str = "profile.user_name";
const SETUP_CHOICE: &str = "setup.choice";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "role", rename_all = "lowercase")]
pub enum Role {
    /// The planning agency: owns the plan's structure, sees every OPD's data.
    Bappeda,
    /// One implementing office, by code.
    Opd {
        #[serde(rename = "opdCode")]
        code: String,
    },
}

/// The two roles, as one word: `bappeda` or `opd`. The first start's choice,
/// the profile the window shows, and who alone does a piece of work
/// (`access::require_bappeda`, `access::require_opd`, `Abilities`) all say it
/// with this type.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum RoleKind {
    Bappeda,
    Opd,
}

impl RoleKind {
    /// The stored and sent word.
    pub fn as_str(self) -> &'static str {
        match self {
            RoleKind::Bappeda => "bappeda",
            RoleKind::Opd => "opd",
        }
    }

    /// "Bappeda" or "OPD", as a sentence names the role.
    pub fn label(self) -> &'static str {
        match self {
            RoleKind::Bappeda => "Bappeda",
            RoleKind::Opd => "OPD",
        }
    }
}

impl FromStr for RoleKind {
    type Err = Error;

    fn from_str(text: &str) -> Result<RoleKind> {
        match text {
            "bappeda" => Ok(RoleKind::Bappeda),
            "opd" => Ok(RoleKind::Opd),
            _ => Err(RoleKind::choose()),
        }
    }
}

impl RoleKind {
    /// The refusal of a missing or unknown role, next to the role's field.
    pub fn choose() -> Error {
        Error::invalid("role", "Pilih Bappeda atau salah satu OPD.")
    }
}

/// Through `FromStr`: the same words and message over IPC as elsewhere.
impl<'de> Deserialize<'de> for RoleKind {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> std::result::Result<Self, D::Error> {
        crate::words::deserialize(deserializer)
    }
}

impl Role {
    pub fn kind(&self) -> RoleKind {
        match self {
            Role::Bappeda => RoleKind::Bappeda,
            Role::Opd { .. } => RoleKind::Opd,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    #[serde(flatten)]
    pub role: Role,
    pub user_name: String,
}

pub fn load(conn: &Connection) -> Result<Option<Profile>> {
    let Some(role) = settings::get(conn, ROLE)? else {
        return Ok(None);
    };
    let user_name = settings::get(conn, USER_NAME)?.unwrap_or_default();
    let role = match role.parse::<RoleKind>() {
        Ok(RoleKind::Bappeda) => Role::Bappeda,
        Ok(RoleKind::Opd) => Role::Opd {
            code: settings::get(conn, OPD_CODE)?.unwrap_or_default(),
        },
        Err(_) => {
            return Err(Error::UnknownValue {
                field: ROLE,
                value: role,
            })
        }
    };
    Ok(Some(Profile { role, user_name }))
}

impl Profile {
    /// A profile as the user typed it: the name is required and kept short.
    pub fn new(role: Role, user_name: &str) -> Result<Profile> {
        let user_name = user_name.trim();
        if user_name.is_empty() {
            return Err(Error::invalid("userName", "Nama pengguna wajib diisi."));
        }
        if user_name.chars().count() > crate::editing::lengths::USER_NAME {
            return Err(Error::invalid(
                "userName",
                "Nama pengguna paling banyak 80 karakter.",
            ));
        }
        Ok(Profile {
            role,
            user_name: user_name.to_string(),
        })
    }
}

pub fn save(tx: &Transaction<'_>, profile: &Profile) -> Result<()> {
    settings::set(tx, ROLE, profile.role.kind().as_str())?;
    if let Role::Opd { code } = &profile.role {
        settings::set(tx, OPD_CODE, code)?;
    }
    settings::set(tx, USER_NAME, &profile.user_name)
}

/// How the first start was answered ("demo" or "empty"); `None` until it was.
pub fn setup_choice(conn: &Connection) -> Result<Option<String>> {
    settings::get(conn, SETUP_CHOICE)
}

pub fn record_setup_choice(tx: &Transaction<'_>, choice: &str) -> Result<()> {
    settings::set(tx, SETUP_CHOICE, choice)
}
