//! Errors as they cross the IPC boundary: `{code, message, field}`, the message
//! already in words a clerk understands, `field` naming the input it belongs to.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CommandError {
    pub code: String,
    pub message: String,
    pub field: Option<String>,
}

impl From<renaksi_core::Error> for CommandError {
    fn from(error: renaksi_core::Error) -> Self {
        CommandError {
            code: error.code().to_string(),
            field: error.field().map(str::to_string),
            message: error.to_string(),
        }
    }
}

pub type CommandResult<T> = Result<T, CommandError>;
