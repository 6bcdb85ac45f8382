//! How every workbook the app writes is printed: the paper (A4 or F4), landscape
//! with 1.5 cm margins, centred, and a footer with a short label on the left
//! and "Halaman n dari m" in the middle. The Laporan OPD, the Rekap kabupaten
//! and the berita acara all start their page setup here.

use rust_xlsxwriter::{Worksheet, XlsxError};

/// Paper for printing. F4 is the folio size Indonesian offices use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Paper {
    #[default]
    A4,
    F4,
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
        .set_footer(format!("&L{}&CHalaman &P dari &N", footer_safe(label)));
}

/// Fitted to the page width (as many pages down as it takes), printing rows
/// and columns up to `last_row` and `last_col`.
pub fn fit_to_width(sheet: &mut Worksheet, last_row: u32, last_col: u16) -> Result<(), XlsxError> {
    sheet
        .set_print_fit_to_pages(1, 0)
        .set_print_area(0, 0, last_row, last_col)?;
    Ok(())
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
