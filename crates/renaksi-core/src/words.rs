//! Words that come in from outside (a command-line flag, an IPC argument): a
//! paper, a start choice, a role, a decision, a participant's side, the two
//! scales of the self-assessment. Each such
//! type has one parser, its `FromStr`, with the Indonesian message for its
//! field; [`deserialize`] reads it through that parser, so a word is accepted
//! or refused the same way from the command line and over IPC.

use std::str::FromStr;

use serde::{Deserialize, Deserializer};

use crate::Error;

/// Reads a string and parses it with the type's `FromStr`. A type opts in with
/// `impl<'de> Deserialize<'de> for T { fn deserialize(d) { words::deserialize(d) } }`.
pub fn deserialize<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: FromStr<Err = Error>,
{
    let text = String::deserialize(deserializer)?;
    text.parse().map_err(serde::de::Error::custom)
}
