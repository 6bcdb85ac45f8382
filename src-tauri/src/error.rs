//! Errors as they cross the IPC boundary: `{code, message, field}`, the message
//! already in words a clerk understands, `field` naming the input it belongs to.

use serde::Serialize;

/// Every failed command rejects with this. A validation error has code
/// `invalid` and, when it is about one input, `field` names it.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(rename = "BackendError")]
pub struct CommandError {
    pub code: String,
    pub message: String,
    /// Always sent (null when none); optional in TypeScript because the UI's
    /// own errors (a rejection that did not come from a command) carry none.
    #[ts(optional = nullable)]
    pub field: Option<String>,
    /// With code `key_unconfirmed`: the key the clerk is asked to confirm
    /// (OPD, first or changed, the fingerprint's words). Sent only then.
    #[ts(optional)]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub key: Option<Box<renaksi_core::report::trust::UnconfirmedKey>>,
}

impl From<renaksi_core::Error> for CommandError {
    fn from(error: renaksi_core::Error) -> Self {
        CommandError {
            code: error.code().to_string(),
            field: error.field().map(str::to_string),
            message: error.to_string(),
            key: match &error {
                renaksi_core::Error::KeyUnconfirmed(key) => Some(key.clone()),
                _ => None,
            },
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;

#[cfg(test)]
mod tests {
    use super::CommandError;
    use renaksi_api::Paper;

    /// The export commands take the paper as a word and parse it themselves,
    /// so a bad one reaches the window as a validation error of its field,
    /// not as Tauri's bare argument error.
    #[test]
    fn a_bad_paper_crosses_ipc_as_invalid_with_its_field() {
        let error = CommandError::from("b5".parse::<Paper>().unwrap_err());
        assert_eq!(error.code, "invalid");
        assert_eq!(error.field.as_deref(), Some("paper"));
        assert_eq!(
            error.message,
            "Ukuran kertas \"b5\" tidak dikenal; pilih a4 atau f4."
        );
    }
}
