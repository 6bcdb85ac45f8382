//! Every bound on a workbook from elsewhere, in one place: what
//! [`guard`](super::guard) checks before calamine parses anything, and what
//! [`reader`](super::reader) checks while it reads cells. A real report is far
//! inside each of them; a crafted file meets one long before it can ask for
//! more time or memory than the brief allows.

const MB: u64 = 1024 * 1024;

/// Largest file accepted.
pub const MAX_FILE_BYTES: u64 = 25 * MB;

// What the reader takes from one sheet.

/// Most cells read from one sheet, empty ones included.
pub const MAX_CELLS: usize = 400_000;
/// Most text read from one sheet: a shared string is copied into every cell
/// that uses it, so a short file could otherwise ask for gigabytes.
pub const MAX_TEXT_BYTES: usize = 64 * 1024 * 1024;
/// Largest row and column index accepted (far-apart cells are refused).
pub const MAX_ROW: u32 = 100_000;
pub const MAX_COL: u32 = 64;

// What the guard allows in the zip and its parts.

/// Most parts in one workbook: an exported report has about 15.
pub const MAX_ENTRIES: usize = 200;
/// Largest unpacked size of one part: the largest sheet of a real report is a few MB.
pub const MAX_ENTRY_BYTES: u64 = 100 * MB;
/// Largest unpacked size of all parts together: bounds the time spent reading.
pub const MAX_TOTAL_BYTES: u64 = 200 * MB;
/// Largest unpacked/packed ratio of a part above [`RATIO_FLOOR`]: real sheet XML packs 5 to 30 times.
pub const MAX_RATIO: u64 = 200;
/// Parts that unpack to at most this many bytes are not held to [`MAX_RATIO`]: they cannot hurt.
pub const RATIO_FLOOR: u64 = MB;
/// Most shared strings (`<si>`) in a part, and most that `count`/`uniqueCount` may announce
/// (calamine reserves room for `uniqueCount` strings before reading any).
pub const MAX_SHARED_STRINGS: u64 = 200_000;
/// Most style records (xf, font, fill, border, numFmt, dxf) in styles.xml: Excel itself allows
/// 64,000 cell formats, and calamine copies a font and a number format into each one.
pub const MAX_STYLE_RECORDS: u64 = 65_000;
/// Longest attribute value in styles.xml: Excel's font names have at most 31 characters and its
/// number formats 255, and calamine copies them into every cell format.
pub const MAX_STYLE_ATTRIBUTE_BYTES: usize = 1024;
/// Highest shared-formula index `si`: calamine sizes a table by it (a report has no formulas).
pub const MAX_SHARED_FORMULA_INDEX: u64 = 10_000;
