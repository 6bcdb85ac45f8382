//! Writes the printable sheets of a Laporan OPD (Laporan and Ringkasan, no data
//! sheet) from the demo plan, to look at in a spreadsheet app or to print:
//!
//! ```sh
//! cargo run -p renaksi-core --example layout_sample -- /tmp/layout-sample.xlsx [ROWS] [a4|f4] [OPD]
//! ```
//!
//! The OPD's (default DINKES) rows of Triwulan II 2019 are repeated to ROWS
//! (default 30) evaluation rows, so that the layout meets a long table: every
//! fourth has no target (its capaian is "-" with a note), every fifth a text
//! that looks like a formula, every seventh a large figure.

use std::error::Error;
use std::process::ExitCode;

use renaksi_core::demo::{self, DemoView};
use renaksi_core::period::PeriodRef;
use renaksi_core::report::layout::write_report_sheets;
use renaksi_core::report::snapshot::{self, ExportInfo};
use renaksi_core::report::view::ReportView;
use renaksi_core::workbook::Paper;
use renaksi_core::Store;
use rust_xlsxwriter::Workbook;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("Pakai: layout_sample BERKAS.xlsx [BARIS] [a4|f4] [OPD]");
        return ExitCode::FAILURE;
    };
    let rows = args.next().and_then(|n| n.parse().ok()).unwrap_or(30);
    let paper = match args.next().as_deref() {
        Some("f4" | "F4") => Paper::F4,
        _ => Paper::A4,
    };
    let opd = args.next().unwrap_or_else(|| "DINKES".to_owned());
    match write(&path, rows, paper, &opd) {
        Ok(()) => {
            println!("{path}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{path}: {e}");
            ExitCode::FAILURE
        }
    }
}

fn write(path: &str, rows: usize, paper: Paper, opd: &str) -> Result<(), Box<dyn Error>> {
    let mut store = Store::open_in_memory()?;
    demo::load(&mut store, &DemoView::Bappeda)?;
    let info = ExportInfo {
        period: PeriodRef::new(2019, 2)?,
        exported_at: "2019-07-15T03:30:00Z".to_owned(),
        sequence: 1,
        sign_place: "Wonosobo".to_owned(),
        sign_date: "15 Juli 2019".to_owned(),
        head_position: "Kepala Dinas Kesehatan Kabupaten Wonosobo".to_owned(),
        head_name: "dr. Junaedi, M.Kes".to_owned(),
        head_nip: "19650101 199203 1 007".to_owned(),
    };
    let snapshot = snapshot::build(store.conn(), opd, &info)?;
    let mut view = ReportView::from_snapshot(&snapshot);
    lengthen(&mut view, rows);
    let mut workbook = Workbook::new();
    write_report_sheets(&mut workbook, &view, paper)?;
    workbook.save(path)?;
    Ok(())
}

/// Repeats the view's rows to `count`, varied.
fn lengthen(view: &mut ReportView, count: usize) {
    if view.rows.is_empty() {
        return;
    }
    let originals = view.rows.clone();
    view.rows = (0..count)
        .map(|i| {
            let mut r = originals[i % originals.len()].clone();
            r.no = i as u32 + 1;
            if i % 4 == 1 {
                r.percent = None;
                r.annual_percent = None;
                r.grade = String::new();
                r.percent_note = "Belum ada target".to_owned();
                r.targets = [None; 4];
            }
            if i % 5 == 2 {
                r.obstacles = String::new();
                r.evidence = "=SUM(A1) bukan rumus".to_owned();
            }
            if i % 7 == 3 {
                r.realisations[1] = Some(12_345_678.25);
            }
            r
        })
        .collect();
}
