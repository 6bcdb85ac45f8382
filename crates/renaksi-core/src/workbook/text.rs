//! Fitting text into cells: cutting a text to what one cell holds, and the
//! rough, deterministic measures that choose row heights (Excel does not fit
//! the height of merged or wrapped cells by itself, and LibreOffice keeps the
//! default height of rows without one).

/// Excel's limit for the text of one cell, in UTF-16 units.
pub const MAX_CELL_TEXT: usize = 32_767;

/// Line height, in points, of the 9 pt text of a table's body.
pub const TABLE_LINE_PT: f64 = 12.0;

/// Cuts a text to what one cell can hold: a text longer than
/// [`MAX_CELL_TEXT`] UTF-16 units is cut to that limit, ending with "…".
pub fn clip(text: &str) -> String {
    if text.encode_utf16().count() <= MAX_CELL_TEXT {
        return text.to_owned();
    }
    let mut units = 0;
    let mut out = String::new();
    for ch in text.chars() {
        units += ch.len_utf16();
        // Keep one unit for the ellipsis.
        if units > MAX_CELL_TEXT - 1 {
            break;
        }
        out.push(ch);
    }
    out.push('…');
    out
}

/// How many characters of `font_pt` text fit in a width of `width` Excel
/// character units. A unit is the width of a digit of the 11 pt default font;
/// ordinary text is a little narrower than digits.
fn chars_per_line(width: f64, font_pt: f64) -> usize {
    ((width * 11.0 / font_pt) * 1.05).floor().max(1.0) as usize
}

/// Lines a wrapped text needs in a given width.
pub fn lines_needed(text: &str, width: f64, font_pt: f64) -> usize {
    let per_line = chars_per_line(width, font_pt);
    text.split('\n')
        .map(|line| line.chars().count().div_ceil(per_line).max(1))
        .sum()
}

/// Row height (points) for merged, wrapped text of `lines` lines of `font_pt`
/// text (a kop line, a signature line). Capped at Excel's maximum.
pub fn height_for(lines: usize, font_pt: f64) -> f64 {
    (lines as f64 * font_pt * 1.3 + 4.0).min(409.0)
}

/// Height (points) of a table's body row whose longest wrapped text takes
/// `lines` lines of 9 pt text.
pub fn table_row_height(lines: usize) -> f64 {
    (lines as f64 * TABLE_LINE_PT + 3.0).clamp(15.0, 409.0)
}

/// How much of a name read from a file a message about the file quotes.
pub const EXCERPT_CHARS: usize = 80;

/// A text from a file, as a message quotes it: at most `max` characters, then
/// "…"; control characters shown as spaces, so a message stays one short line
/// whatever the file holds.
pub fn excerpt(text: &str, max: usize) -> String {
    let mut shown: String = text
        .chars()
        .take(max)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().nth(max).is_some() {
        shown.push('…');
    }
    shown
}
