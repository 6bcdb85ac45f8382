//! The paper a workbook is printed on, as both shells receive it: `a4` or `f4`.
//! Anything else is refused where it comes in (a command-line flag, an IPC
//! argument) with one message, before a dialog opens or a file is written.

use std::fmt;
use std::str::FromStr;

use renaksi_core::report::view::Paper as SheetPaper;
use renaksi_core::Error;
use serde::{Deserialize, Deserializer, Serialize};

/// Paper of the printable report, rekap and berita acara; F4 is the folio
/// (215 × 330 mm) Indonesian offices use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, ts_rs::TS)]
#[serde(rename_all = "lowercase")]
pub enum Paper {
    #[default]
    A4,
    F4,
}

impl Paper {
    pub fn as_str(self) -> &'static str {
        match self {
            Paper::A4 => "a4",
            Paper::F4 => "f4",
        }
    }
}

impl FromStr for Paper {
    type Err = Error;

    /// `a4` or `f4`, in any case.
    fn from_str(text: &str) -> Result<Paper, Error> {
        match text.trim().to_ascii_lowercase().as_str() {
            "a4" => Ok(Paper::A4),
            "f4" => Ok(Paper::F4),
            _ => Err(Error::invalid(
                "paper",
                format!("Ukuran kertas \"{text}\" tidak dikenal; pilih a4 atau f4."),
            )),
        }
    }
}

impl<'de> Deserialize<'de> for Paper {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Paper, D::Error> {
        crate::word(deserializer)
    }
}

impl fmt::Display for Paper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<Paper> for SheetPaper {
    fn from(paper: Paper) -> SheetPaper {
        match paper {
            Paper::A4 => SheetPaper::A4,
            Paper::F4 => SheetPaper::F4,
        }
    }
}
