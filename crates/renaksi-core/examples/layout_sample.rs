//! Writes the printable sheets of a realistic Laporan OPD (Laporan and
//! Ringkasan, no data sheet) to look at in a spreadsheet app or to print:
//!
//! ```sh
//! cargo run -p renaksi-core --example layout_sample -- /tmp/layout-sample.xlsx [ROWS] [a4|f4]
//! ```
//!
//! ROWS (default 30) evaluation rows over three themes; every fourth row has no
//! target (its capaian is "-" with a note), every fifth a text that looks like a
//! formula, every seventh a large figure.

use std::process::ExitCode;

use renaksi_core::report::layout::write_report_sheets;
use renaksi_core::report::view::{ActionFigure, ReportRow, ReportView, SignatureBlock};
use renaksi_core::workbook::Paper;
use rust_xlsxwriter::Workbook;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("Pakai: layout_sample BERKAS.xlsx [BARIS] [a4|f4]");
        return ExitCode::FAILURE;
    };
    let rows = args.next().and_then(|n| n.parse().ok()).unwrap_or(30);
    let paper = match args.next().as_deref() {
        Some("f4" | "F4") => Paper::F4,
        _ => Paper::A4,
    };
    let mut workbook = Workbook::new();
    let written =
        write_report_sheets(&mut workbook, &view(rows), paper).and_then(|()| workbook.save(&path));
    match written {
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

fn row(no: u32) -> ReportRow {
    ReportRow {
        no,
        theme: "1. Layanan Publik".to_owned(),
        action: "RA-01 Penyiapan Jaminan Kesehatan Semesta (Universal Health Coverage)".to_owned(),
        milestone: "Pendataan warga miskin yang belum memiliki jaminan kesehatan".to_owned(),
        indicator: "Persentase penduduk yang terdaftar sebagai peserta JKN-KIS".to_owned(),
        unit: "%".to_owned(),
        baseline: Some(78.5),
        annual_target: Some(95.0),
        targets: [Some(80.0), Some(85.0), Some(90.0), Some(95.0)],
        realisations: [Some(82.0), Some(1234.5), None, None],
        percent: Some(91.666_666_666_666_67),
        grade: "Baik".to_owned(),
        annual_percent: Some(86.315_789_473_684_2),
        percent_note: String::new(),
        status: "Substansial".to_owned(),
        evidence: "SK Bupati Wonosobo No. 440/123/2019\nhttps://wonosobokab.go.id/jkn".to_owned(),
        obstacles: "Data kependudukan belum mutakhir di 3 kecamatan.".to_owned(),
        follow_up: "Verifikasi lapangan bersama Dinas Dukcapil pada TW III.".to_owned(),
    }
}

fn view(count: u32) -> ReportView {
    let themes = [
        "1. Layanan Publik",
        "2. Keterbukaan Informasi",
        "3. Partisipasi Publik",
    ];
    let rows = (0..count)
        .map(|i| {
            let mut r = row(i + 1);
            r.theme = themes[(i / 10) as usize % themes.len()].to_owned();
            r.action = format!(
                "RA-{:02} {}",
                i / 3 + 1,
                r.action.trim_start_matches("RA-01 ")
            );
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
    let action = |code: &str, title: &str, percent: Option<f64>, grade: &str| ActionFigure {
        code: code.to_owned(),
        title: title.to_owned(),
        percent,
        grade: grade.to_owned(),
    };
    ReportView {
        plan_title: "Rencana Aksi Daerah Keterbukaan Pemerintah Kabupaten Wonosobo 2018-2019"
            .to_owned(),
        region: "Kabupaten Wonosobo".to_owned(),
        opd_code: "1.02.01".to_owned(),
        opd_name: "Dinas Kesehatan".to_owned(),
        year: 2019,
        quarter: 2,
        period_label: "Triwulan II 2019".to_owned(),
        rows,
        actions: vec![
            action(
                "RA-01",
                "Penyiapan Jaminan Kesehatan Semesta",
                Some(91.666_666_666_666_67),
                "Baik",
            ),
            action("RA-02", "Keterbukaan informasi layanan puskesmas", None, ""),
            action(
                "RA-03",
                "Pengaduan layanan kesehatan daring",
                Some(104.2),
                "Sangat Baik",
            ),
        ],
        signature: SignatureBlock {
            place: "Wonosobo".to_owned(),
            date: "15 Juli 2019".to_owned(),
            position: "Kepala Dinas Kesehatan Kabupaten Wonosobo".to_owned(),
            name: "dr. Junaedi, M.Kes".to_owned(),
            nip: "19650101 199203 1 007".to_owned(),
        },
        generator: "Renaksi 0.1.0".to_owned(),
        exported_at_text: "15 Juli 2019 10.30 WIB".to_owned(),
    }
}
