//! How every workbook the app writes is printed: the paper (A4 or F4), landscape
//! with 1.5 cm margins, centred, and a footer with a short label on the left
//! and "Halaman n dari m" in the middle. The Laporan OPD, the Rekap kabupaten
//! and the berita acara all start their page setup here.

use std::fmt;
use std::str::FromStr;

use rust_xlsxwriter::{Worksheet, XlsxError};
use serde::{Deserialize, Deserializer, Serialize};

use crate::Error;

/// Paper for printing: `a4` or `f4`, F4 being the folio (215 x 330 mm) Indonesian
/// offices use. Anything else is refused where it comes in (a command-line flag,
/// an IPC argument) with one message, before a dialog opens or a file is written.
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

/// Through `FromStr`, so a bad paper is refused with the same message over IPC as
/// from the command line.
impl<'de> Deserialize<'de> for Paper {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Paper, D::Error> {
        crate::words::deserialize(deserializer)
    }
}

impl fmt::Display for Paper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Excel's paper size codes. Excel has no F4 (215 x 330 mm, the folio Indonesian
/// offices use); its "Folio 8.5 x 13 in" (code 14, 215.9 x 330.2 mm) is the same
/// sheet to within a millimetre and is what printers offer as F4/Folio.
const PAPER_A4: u8 = 9;
const PAPER_FOLIO_8_5_X_13: u8 = 14;

/// Margins: 1.5 cm around the page, header/footer 0.8 cm from the edge.
const MARGIN_IN: f64 = 1.5 / 2.54;
const HEADER_FOOTER_IN: f64 = 0.8 / 2.54;

fn paper_code(paper: Paper) -> u8 {
    match paper {
        Paper::A4 => PAPER_A4,
        Paper::F4 => PAPER_FOLIO_8_5_X_13,
    }
}

/// Landscape on `paper` with the app's margins, centred, and the footer:
/// `label` (an OPD code, "Rekap kabupaten") left, the page number centre.
pub fn page_setup(sheet: &mut Worksheet, paper: Paper, label: &str) {
    sheet
        .set_landscape()
        .set_paper_size(paper_code(paper))
        .set_margins(
            MARGIN_IN,
            MARGIN_IN,
            MARGIN_IN,
            MARGIN_IN,
            HEADER_FOOTER_IN,
            HEADER_FOOTER_IN,
        )
        .set_print_center_horizontally(true)
        .set_footer(footer(label));
}

/// Fitted to the page width (as many pages down as it takes), printing rows
/// and columns up to `last_row` and `last_col`.
pub fn fit_to_width(sheet: &mut Worksheet, last_row: u32, last_col: u16) -> Result<(), XlsxError> {
    sheet
        .set_print_fit_to_pages(1, 0)
        .set_print_area(0, 0, last_row, last_col)?;
    Ok(())
}

/// The page footer [`page_setup`] writes: the label left, "Halaman n dari m"
/// in the centre.
pub fn footer(label: &str) -> String {
    format!("&L{}&CHalaman &P dari &N", footer_safe(label))
}

/// A label as it may appear in a page footer: footers are a small language of
/// their own ("&P", "&8", ...) limited to 255 characters, so only plain code
/// characters are kept, and at most 40 of them.
fn footer_safe(label: &str) -> String {
    label
        .chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '.' | '-' | '_' | '/' | ' '))
        .take(40)
        .collect()
}
