//! Who works on this database: Bappeda, or one OPD, and the user's name for the
//! audit history. Kept in `settings`.

use rusqlite::{Connection, Transaction};
use serde::{Deserialize, Serialize};

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
    let role = match role.as_str() {
        "bappeda" => Role::Bappeda,
        "opd" => Role::Opd {
            code: settings::get(conn, OPD_CODE)?.unwrap_or_default(),
        },
        _ => {
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
        if user_name.chars().count() > 80 {
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
    match &profile.role {
        Role::Bappeda => settings::set(tx, ROLE, "bappeda")?,
        Role::Opd { code } => {
            settings::set(tx, ROLE, "opd")?;
            settings::set(tx, OPD_CODE, code)?;
        }
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
