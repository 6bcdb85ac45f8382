//! The cell formats the app's printed workbooks share (Laporan OPD, Rekap
//! kabupaten, berita acara), so that they look like one family: table text and
//! figures with thin borders, the blue table header, the bold centred kop, the
//! small grey stamp. Each workbook adds its own variants to these.
//!
//! Security: every format that may carry a person's text has the quote prefix,
//! so "=SUM(A1)", "+62 812", "@x" or "-5 hari" stay text when the file is
//! opened or a cell is edited. No workbook of the app writes a formula.

use rust_xlsxwriter::{Color, Format, FormatAlign, FormatBorder};

/// Number formats: whole figures and counts, figures with up to two decimals,
/// and percentages with two decimals.
pub const WHOLE: &str = "#,##0";
pub const DECIMAL: &str = "#,##0.##";
pub const PERCENT: &str = "0.00";

/// The fill of a table's header cells.
const HEADER_FILL: Color = Color::RGB(0xDD_EB_F7);

/// A table's body cell: `pt` text with a thin border, aligned to the top.
pub fn body(pt: f64) -> Format {
    Format::new()
        .set_font_size(pt)
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top)
}

/// A table's text cell: wrapped and quote-prefixed.
pub fn text(pt: f64) -> Format {
    body(pt).set_text_wrap().set_quote_prefix()
}

/// A table's figure, right-aligned; the caller adds its number format.
pub fn figure(pt: f64) -> Format {
    body(pt).set_align(FormatAlign::Right)
}

/// A table's header cell: bold, centred, wrapped, on the header fill.
pub fn header(pt: f64) -> Format {
    Format::new()
        .set_bold()
        .set_font_size(pt)
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(HEADER_FILL)
        .set_border(FormatBorder::Thin)
        .set_quote_prefix()
}

/// A line of the kop (the heading above a sheet): bold, centred, wrapped.
pub fn kop(pt: f64) -> Format {
    Format::new()
        .set_bold()
        .set_font_size(pt)
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_text_wrap()
        .set_quote_prefix()
}

/// The small grey italic line that says when and with what a file was made,
/// and other remarks below a table.
pub fn stamp() -> Format {
    Format::new()
        .set_font_size(8)
        .set_italic()
        .set_font_color(Color::Gray)
        .set_quote_prefix()
}

/// The predikat legend under a table: plain wrapped text, no border.
pub fn legend(pt: f64) -> Format {
    Format::new()
        .set_font_size(pt)
        .set_align(FormatAlign::Top)
        .set_text_wrap()
        .set_quote_prefix()
}

/// The text size of a letter-like workbook's body (the berita acara, the
/// Umpan balik letter) and of its kop.
pub const LETTER_BODY_PT: f64 = 10.0;
pub const LETTER_KOP_PT: f64 = 13.0;

/// The formats of a letter-like workbook: a kop and a title, paragraphs and
/// section headings, a table, the closing lines and the stamp.
pub struct LetterStyles {
    pub title: Format,
    pub kop: Format,
    pub paragraph: Format,
    pub section: Format,
    pub header: Format,
    pub text: Format,
    pub centre: Format,
    pub plain_centre: Format,
    pub stamp: Format,
}

impl LetterStyles {
    /// `title_pt` is the size of the title line under the kop.
    pub fn new(title_pt: f64) -> LetterStyles {
        let base = Format::new()
            .set_font_size(LETTER_BODY_PT)
            .set_text_wrap()
            .set_quote_prefix()
            .set_align(FormatAlign::Top);
        let kop = kop(LETTER_KOP_PT);
        let cell = text(LETTER_BODY_PT);
        LetterStyles {
            title: kop.clone().set_font_size(title_pt),
            kop,
            paragraph: base.clone().set_align(FormatAlign::Justify),
            section: base
                .clone()
                .set_bold()
                .set_align(FormatAlign::VerticalCenter),
            header: header(LETTER_BODY_PT),
            centre: cell.clone().set_align(FormatAlign::Center),
            text: cell,
            plain_centre: base.set_align(FormatAlign::Center),
            stamp: stamp(),
        }
    }
}
