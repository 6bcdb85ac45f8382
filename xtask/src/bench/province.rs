//! The province workload: (f) 1,400 reports into one Bappeda database and its
//! rekap, (g) the growth curve from 60 to 1,400 reports, the 20,000-indicator
//! database of (e), and the DuckDB check on the province's open data.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::process::{self, Measured};
use super::{fresh_bappeda, mkdir, output, path_text, Bench, Stats, Table, PERIOD};
use crate::{cmd, Result};

/// The growth curve: reports imported, and runs at that size (the median is
/// shown). The 300 and 1,400 points run once: at 1,400 the import alone takes
/// minutes on a 2-core machine, long enough for one run to be steady.
const GROWTH: [(usize, usize); 3] = [(60, 3), (300, 1), (1400, 1)];
/// Budgets of (g).
const PER_REPORT_GROWTH: f64 = 1.2;
const PEAK_RSS_MB: f64 = 400.0;
/// Reports of the province imported for the (e) 20,000-indicator figure.
const SEARCH_20K_REPORTS: usize = 100;

/// The generated province: its folder, and each OPD's report with the
/// `--accept-new-key` value that confirms its key, in generation order
/// (regency by regency).
pub struct Province {
    pub dir: PathBuf,
    opds: Vec<(PathBuf, String)>,
}

impl Province {
    /// Reads what `renaksi-bench-generate --province` wrote into `dir`.
    pub fn read(dir: &Path) -> Result<Province> {
        let keys = std::fs::read_to_string(dir.join("kunci-opd.txt")).map_err(|e| e.to_string())?;
        let opds = keys
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(|line| {
                let code = line.split_once('=').map_or(line, |(code, _)| code);
                let file = format!("laporan-{}-2019-tw4.xlsx", code.to_lowercase());
                (dir.join("reports").join(file), line.to_string())
            })
            .collect();
        Ok(Province {
            dir: dir.to_path_buf(),
            opds,
        })
    }

    /// `import --db DB` of the first `n` reports, each key confirmed.
    fn import_args(&self, db: &Path, n: usize) -> Vec<String> {
        let mut args = vec!["import".to_string(), "--db".into(), path_text(db)];
        let first = &self.opds[..n.min(self.opds.len())];
        args.extend(first.iter().map(|(file, _)| path_text(file)));
        for (_, key) in first {
            args.extend(["--accept-new-key".to_string(), key.clone()]);
        }
        args
    }
}

/// One point of the growth curve (median over its runs).
struct Point {
    reports: usize,
    import: Stats,
    rekap: Stats,
    import_rss_kib: u64,
    rekap_rss_kib: u64,
}

/// Where (f) left its results: the 1,400-report database and its rekap.
pub struct Consolidated {
    pub db: PathBuf,
    pub rekap: PathBuf,
}

/// (f) and (g): fresh copies of the province's Bappeda database receive 60,
/// 300 and 1,400 reports, each followed by the rekap.
pub fn growth(bench: &Bench, province: &Province, table: &mut Table) -> Result<Consolidated> {
    let mut points = Vec::new();
    let mut last = None;
    for (wanted, runs) in GROWTH {
        let n = wanted.min(province.opds.len());
        let dir = bench.work.join(format!("g{n}"));
        let (mut imports, mut rekaps) = (Vec::new(), Vec::new());
        let (mut import_rss, mut rekap_rss) = (0, 0);
        for _ in 0..runs {
            let db = fresh_bappeda(&province.dir, &dir)?;
            let args = province.import_args(&db, n);
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let import = bench.measured(&args)?;
            let rekap_out = dir.join("rekap.xlsx");
            let rekap = bench.measured(&[
                "rekap",
                "--db",
                &path_text(&db),
                "--period",
                PERIOD,
                "--out",
                &path_text(&rekap_out),
            ])?;
            imports.push(import.seconds);
            rekaps.push(rekap.seconds);
            import_rss = import_rss.max(import.peak_rss_kib);
            rekap_rss = rekap_rss.max(rekap.peak_rss_kib);
            last = Some(Consolidated {
                db,
                rekap: rekap_out,
            });
        }
        points.push(Point {
            reports: n,
            import: Stats::new(imports),
            rekap: Stats::new(rekaps),
            import_rss_kib: import_rss,
            rekap_rss_kib: rekap_rss,
        });
    }
    report(&points, table);
    last.ok_or_else(|| "no growth point was measured".to_string())
}

fn report(points: &[Point], table: &mut Table) {
    let (first, top) = (&points[0], &points[points.len() - 1]);
    let n = top.reports;
    table
        .figure(
            &format!(
                "(f) import {} reports x 200 indicators (province)",
                thousands(n)
            ),
            super::ms(top.import.median),
            "",
            "",
            true,
        )
        .no_verdict();
    table
        .figure(
            &format!(
                "(f) rekap for those {} OPDs ({} indicators)",
                thousands(n),
                thousands(n * 200)
            ),
            super::ms(top.rekap.median),
            "",
            "",
            true,
        )
        .no_verdict();
    table
        .figure(
            "(f) import + rekap",
            super::ms(top.import.median + top.rekap.median),
            "",
            "",
            true,
        )
        .no_verdict();
    for point in points {
        for (what, stats, rss) in [
            ("import", &point.import, point.import_rss_kib),
            ("rekap", &point.rekap, point.rekap_rss_kib),
        ] {
            table
                .figure(
                    &format!("(g) {} reports: {what}", thousands(point.reports)),
                    format!(
                        "{}, {:.1} ms/report, peak RSS {:.0} MB",
                        super::ms(stats.median),
                        per_report_ms(stats, point.reports),
                        mb(rss)
                    ),
                    "",
                    "",
                    true,
                )
                .no_verdict();
            table.detail(
                &format!("(g) {} reports {what} runs", point.reports),
                &stats.runs,
            );
        }
    }
    for (what, pick) in [
        ("import", (|p: &Point| &p.import) as fn(&Point) -> &Stats),
        ("rekap", |p: &Point| &p.rekap),
    ] {
        let (small, big) = (
            per_report_ms(pick(first), first.reports),
            per_report_ms(pick(top), top.reports),
        );
        let ratio = big / small;
        table.figure(
            &format!(
                "(g) {what}: time per report, {} vs {}",
                thousands(top.reports),
                first.reports
            ),
            format!("{big:.1} vs {small:.1} ms"),
            format!("<= {PER_REPORT_GROWTH}x"),
            &format!("{ratio:.2}x"),
            ratio <= PER_REPORT_GROWTH,
        );
    }
    let peak = mb(top.import_rss_kib.max(top.rekap_rss_kib));
    table.figure(
        &format!("(g) peak RSS at {} reports (import, rekap)", thousands(n)),
        format!(
            "{:.0} MB, {:.0} MB",
            mb(top.import_rss_kib),
            mb(top.rekap_rss_kib)
        ),
        format!("<= {PEAK_RSS_MB:.0} MB"),
        "",
        peak > 0.0 && peak <= PEAK_RSS_MB,
    );
}

/// (e)'s 20,000-indicator database: the province's Bappeda database with
/// its first 100 reports (200 indicators each) imported.
pub fn search_db_20k(bench: &Bench, province: &Province) -> Result<PathBuf> {
    let db = fresh_bappeda(&province.dir, &bench.work.join("e20k"))?;
    let args = province.import_args(&db, SEARCH_20K_REPORTS);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    bench.run(&args)?;
    Ok(db)
}

/// The province's open data (written by `renaksi opendata` from (f)'s
/// database) loaded into DuckDB, its capaian per theme checked against (f)'s rekap.
pub fn duckdb(
    root: &Path,
    bench: &Bench,
    python: &Path,
    done: &Consolidated,
    table: &mut Table,
) -> Result {
    let open = bench.work.join("opendata");
    mkdir(&open)?;
    bench.run(&[
        "opendata",
        "--db",
        &path_text(&done.db),
        "--out",
        &path_text(&open),
    ])?;
    let (year, quarter) = PERIOD
        .split_once("-TW")
        .ok_or_else(|| format!("{PERIOD} is not YEAR-TWn"))?;
    let found = output(Command::new(python).args([
        path_text(&root.join("bench/duckdb/capaian.py")),
        "--opendata".into(),
        path_text(&open),
        "--rekap".into(),
        path_text(&done.rekap),
        "--year".into(),
        year.into(),
        "--quarter".into(),
        quarter.into(),
    ]))?;
    let summary = found
        .lines()
        .rev()
        .find(|l| l.starts_with("duckdb "))
        .ok_or_else(|| format!("no summary line from capaian.py: {found}"))?;
    let get = |key: &str| super::field(summary, key);
    let (themes, equal) = (get("themes")?, get("equal")?);
    table.figure(
        "DuckDB: capaian per theme from the province's open data",
        format!(
            "load {:.2} s, query {:.0} ms",
            get("load_s")?,
            get("query_s")? * 1000.0
        ),
        "equal to the rekap",
        &format!("{equal:.0} of {themes:.0} themes equal"),
        themes > 0.0 && equal == themes,
    );
    for line in found.lines() {
        table.raw(&format!("    duckdb {line}"));
    }
    Ok(())
}

fn per_report_ms(stats: &Stats, reports: usize) -> f64 {
    stats.median * 1000.0 / reports as f64
}

/// KiB as MB (10^6 bytes), the unit of the budget.
fn mb(kib: u64) -> f64 {
    kib as f64 * 1024.0 / 1e6
}

/// 1400 as "1,400".
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The province workload in `dir`, made by `renaksi-bench-generate
/// --province` unless `dir` already holds one made by this very generator
/// binary (same size and modification time): making 1,400 OPDs takes minutes
/// and is not what is measured, and every run copies Bappeda's database
/// before importing into it, so the folder itself never changes.
pub fn generate(root: &Path, generator: &str, dir: &Path, table: &mut Table) -> Result<Province> {
    let stamp = dir.join(".generated-by");
    let wanted = binary_stamp(Path::new(generator))?;
    let made = std::fs::read_to_string(&stamp).ok();
    if made.as_deref() == Some(wanted.as_str()) && dir.join("kunci-opd.txt").is_file() {
        table.raw(&format!(
            "    province workload reused from {} (made by this generator binary)",
            dir.display()
        ));
        return Province::read(dir);
    }
    super::remove_dir(dir)?;
    let started = std::time::Instant::now();
    cmd::run(
        root,
        generator,
        &["--province", "--out", &path_text(dir)],
        &[],
    )?;
    std::fs::write(&stamp, &wanted).map_err(|e| format!("{}: {e}", stamp.display()))?;
    table.raw(&format!(
        "    province workload generated in {:.0} s into {}",
        started.elapsed().as_secs_f64(),
        dir.display()
    ));
    Province::read(dir)
}

/// "SIZE MTIME" of a file: what tells one build of the generator from another.
fn binary_stamp(path: &Path) -> Result<String> {
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos());
    Ok(format!("{} {modified}", meta.len()))
}

impl Bench {
    /// One `renaksi` process, timed, with its peak RSS.
    pub(super) fn measured(&self, args: &[&str]) -> Result<Measured> {
        process::measure(&mut self.command(args), &self.work)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn thousands_are_grouped_by_three() {
        assert_eq!(thousands(60), "60");
        assert_eq!(thousands(1400), "1,400");
        assert_eq!(thousands(280000), "280,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }

    #[test]
    fn each_report_comes_with_its_own_key_in_generation_order() {
        let dir = std::env::temp_dir().join(format!("xtask-province-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(
            dir.join("kunci-opd.txt"),
            "DINKES-01=1A2B-3C4D\nKEC-KEPIL-02=\"apel bambu\"\n\n",
        )
        .unwrap();
        let province = Province::read(&dir).unwrap();
        let args = province.import_args(Path::new("/x/renaksi.db"), 1);
        let reports = dir.join("reports");
        assert_eq!(
            args,
            [
                "import".to_string(),
                "--db".into(),
                "/x/renaksi.db".into(),
                path_text(&reports.join("laporan-dinkes-01-2019-tw4.xlsx")),
                "--accept-new-key".into(),
                "DINKES-01=1A2B-3C4D".into(),
            ]
        );
        let all = province.import_args(Path::new("/x/renaksi.db"), 5);
        assert_eq!(all.len(), 3 + 2 * 3);
        assert!(all.contains(&path_text(
            &reports.join("laporan-kec-kepil-02-2019-tw4.xlsx")
        )));
        std::fs::remove_dir_all(&dir).unwrap();
    }
}
