//! Errors as they cross the IPC boundary: `{code, message}`, the message already
//! in words a clerk understands.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommandError {
    pub code: String,
    pub message: String,
}

impl From<renaksi_core::Error> for CommandError {
    fn from(error: renaksi_core::Error) -> Self {
        CommandError {
            code: error.code().to_string(),
            message: error.to_string(),
        }
    }
}

impl CommandError {
    pub fn invalid(message: impl Into<String>) -> Self {
        CommandError {
            code: "invalid".to_string(),
            message: message.into(),
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
