//! The workbook module alone, fed arbitrary files: `workbook::guard`, the
//! bounded reading of every sheet through `workbook::reader`, and the generic
//! parse of a signed machine sheet (`workbook::machine_sheet`), and the plan
//! template's reader with its row checks (`plan_template::read`), and a plan
//! package's reading (`package::read_bytes`: signature and caps). It knows no
//! report and no database, so it runs many more files per second than
//! `import_report`, which takes the same files through the whole pipeline.
//! How to run it: `fuzz/README.md`.
//!
//! It holds "never panics, never aborts, never runs away", and that the reader
//! keeps its own bounds: no sheet gives more cells than `MAX_CELLS`, none at a
//! row or column past `MAX_ROW` or `MAX_COL`.

#![no_main]

use libfuzzer_sys::{fuzz_mutator, fuzz_target};
use renaksi_core::workbook::limits::{MAX_CELLS, MAX_COL, MAX_ROW};
use renaksi_core::workbook::machine_sheet::{read_signed, Kind, Schema, Table, DATA_SHEET};
use renaksi_core::workbook::Book;

mod repack;

fuzz_target!(|bytes: &[u8]| read_workbook(bytes));
fuzz_mutator!(|data: &mut [u8], size: usize, max_size: usize, seed: u32| {
    repack::mutate(data, size, max_size, seed)
});

pub fn read_workbook(bytes: &[u8]) {
    let Ok(mut book) = Book::open(bytes.to_vec()) else {
        return;
    };
    // What the report check reads beside the cells: the sheets' order and
    // visibility, and the number formats.
    let _ = (book.sheets(), book.number_formats().len());
    for sheet in book.sheet_names() {
        let Ok(cells) = book.cells(&sheet) else {
            continue;
        };
        assert!(cells.len() <= MAX_CELLS, "{} cells in {sheet}", cells.len());
        assert!(
            cells.iter().all(|(r, c, _)| *r <= MAX_ROW && *c <= MAX_COL),
            "a cell out of bounds in {sheet}"
        );
        if sheet == DATA_SHEET {
            let _ = read_signed(cells, &SCHEMA);
        }
    }
    // The plan template's reader and row checks (no database).
    let _ = renaksi_core::plan_template::read::read_bytes(bytes.to_vec());
    // A plan package: the guard, the reader, the signature and the caps.
    let _ = renaksi_core::package::read_bytes(bytes.to_vec());
}

/// A machine sheet laid out like a Laporan OPD's, as far as the generic parse
/// needs: the report's magic and table names, each with the first of its
/// columns (the parse reads the schema's columns and ignores the rest), so that
/// the reports in the corpus parse to the end and every kind of value is read.
const SCHEMA: Schema = Schema {
    magic: "renaksi-laporan-opd",
    tables: TABLES,
};

use Kind::*;

const fn table(
    name: &'static str,
    path: &'static [&'static str],
    columns: &'static [(&'static str, Kind)],
) -> Table {
    Table {
        name,
        path,
        single: path.len() == 1,
        columns,
    }
}

const TABLES: &[Table] = &[
    table(
        "meta",
        &["meta"],
        &[("formatVersion", Int), ("planId", Text)],
    ),
    table("context", &["context"], &[("planTitle", Text)]),
    table(
        "grade",
        &["context", "grades"],
        &[("key", Text), ("label", Text), ("min", OptNum)],
    ),
    table(
        "theme",
        &["context", "themes"],
        &[("id", Text), ("seq", Int)],
    ),
    table("action", &["context", "actions"], &[("id", Text)]),
    table("narrative", &["data", "narratives"], &[("actionId", Text)]),
    table(
        "milestone",
        &["data", "milestones"],
        &[
            ("id", Text),
            ("actionId", Text),
            ("opdId", Text),
            ("seq", Int),
        ],
    ),
    table(
        "indicator",
        &["data", "indicators"],
        &[("id", Text), ("actionId", Text), ("milestoneId", OptText)],
    ),
    table(
        "target",
        &["data", "targets"],
        &[
            ("indicatorId", Text),
            ("year", Int),
            ("quarter", Int),
            ("value", Num),
        ],
    ),
    table(
        "realisation",
        &["data", "realisations"],
        &[
            ("indicatorId", Text),
            ("year", Int),
            ("quarter", Int),
            ("value", OptNum),
        ],
    ),
    table(
        "evidence",
        &["data", "evidence"],
        &[
            ("id", Text),
            ("milestoneId", OptText),
            ("indicatorId", OptText),
            ("year", OptInt),
        ],
    ),
];
