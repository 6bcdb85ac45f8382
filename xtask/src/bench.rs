//! `cargo xtask bench [--keep DIR]`: the figures of BENCHMARKS.md, each with its
//! budget and PASS or MISS.
//!
//! Everything is measured on real files with release binaries: `renaksi` (release
//! profile) for export, import and rekap, timed as whole processes as a clerk or a
//! script runs them; the desktop app and an empty Tauri window (both `bench-app`
//! profile) through the end-to-end harness; the Python peers (pandas with openpyxl
//! or calamine, writing through openpyxl or XlsxWriter) and the DuckDB check from a
//! venv under target/bench. Medians of several runs. Every budget is a ratio to
//! something measured in the same run, except (e) (frames a person sees) and (g)'s
//! peak memory.

mod process;
mod province;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::{cmd, deps, root, target_dir, Result};

/// The quarter every workload reports on (the plan's last).
const PERIOD: &str = "2019-TW4";
/// Runs of each cheap figure; the median is reported.
const RUNS: usize = 7;
/// Runs of the import + rekap pair and of each Python peer (seconds each).
const HEAVY_RUNS: usize = 5;
const PEER_RUNS: usize = 3;
/// Launches of the app and of the empty window, alternated.
const WINDOW_RUNS: usize = 5;
/// Reports imported for the search figure: 25 OPDs x 200 = 5,000 indicators.
const SEARCH_REPORTS: usize = 25;
/// The peers of (b)+(c): reader, writer, label.
const PEERS: [(&str, &str, &str); 3] = [
    ("openpyxl", "openpyxl", "pandas + openpyxl"),
    ("calamine", "openpyxl", "pandas + calamine"),
    ("calamine", "xlsxwriter", "pandas + calamine + XlsxWriter"),
];
/// (b)+(c) at least this many times faster than the fastest peer, and than
/// pandas + openpyxl; (a) than its pandas + XlsxWriter peer.
const FASTEST_PEER_RATIO: f64 = 5.0;
const OPENPYXL_PEER_RATIO: f64 = 20.0;
const EXPORT_PEER_RATIO: f64 = 10.0;
/// (d): the app against the empty Tauri window.
const WINDOW_RATIO: f64 = 1.2;
/// (e): p95 of a filter, one frame at 60 Hz for 5,000 indicators, two for 20,000.
const SEARCH_P95_MS: f64 = 16.0;
const SEARCH_20K_P95_MS: f64 = 33.0;

pub fn bench(keep: Option<PathBuf>) -> Result {
    deps::for_bench()?;
    let root = root();
    let python = deps::python_venv(
        &target_dir().join("bench").join("venv"),
        &root.join("bench/requirements.txt"),
    )?;
    build(&root)?;

    let work = match &keep {
        Some(dir) => {
            let dir = if dir.is_absolute() {
                dir.clone()
            } else {
                std::env::current_dir().map_err(text)?.join(dir)
            };
            if dir.exists() && std::fs::read_dir(&dir).map_err(text)?.next().is_some() {
                return Err(format!(
                    "{} is not empty: name a new folder for --keep",
                    dir.display()
                ));
            }
            dir
        }
        None => {
            let dir = target_dir().join("bench").join("run");
            remove_dir(&dir)?;
            dir
        }
    };
    let result = measure(&root, &work, &python);
    if keep.is_none() {
        remove_dir(&work)?;
    } else {
        println!("xtask: workbooks and databases kept in {}", work.display());
    }
    let table = result?;
    println!("\n{table}");
    let latest = target_dir().join("bench").join("latest.txt");
    std::fs::write(&latest, &table).map_err(text)?;
    println!("(also in {})", latest.display());
    Ok(())
}

fn build(root: &Path) -> Result {
    cmd::run(&root.join("ui"), "npm", &["run", "build"], &[])?;
    cmd::run(
        root,
        "cargo",
        &[
            "build",
            "--release",
            "-p",
            "renaksi-cli",
            "-p",
            "renaksi-bench-generate",
        ],
        &[],
    )?;
    cmd::run(
        root,
        "cargo",
        &[
            "build",
            "--profile",
            "bench-app",
            "-p",
            "renaksi-desktop",
            "-p",
            "renaksi-bench-empty-window",
        ],
        &[],
    )
}

/// Paths of the binaries and of the working folder.
struct Bench {
    cli: String,
    work: PathBuf,
}

fn measure(root: &Path, work: &Path, python: &Path) -> Result<String> {
    let release = target_dir().join("release");
    let app_dir = target_dir().join("bench-app");
    let bench = Bench {
        cli: exe(&release, "renaksi"),
        work: work.to_path_buf(),
    };
    let generator = exe(&release, "renaksi-bench-generate");
    cmd::run(root, &generator, &["--out", &path_text(work)], &[])?;
    let reports = reports(work)?;
    let accepted_keys = accepted_keys(work)?;
    let mut table = Table::default();
    let province_dir = target_dir().join("bench").join("province");
    let province = province::generate(root, &generator, &province_dir, &mut table)?;
    let load_at_start = load();

    // (a) One large OPD report.
    let large = work.join("large/renaksi.db");
    let a_out = work.join("a/laporan-diskominfo-2019-tw4.xlsx");
    mkdir(&work.join("a"))?;
    let export_args = [
        "export",
        "--db",
        &path_text(&large),
        "--period",
        PERIOD,
        "--out",
        &path_text(&a_out),
    ];
    bench.run(&export_args)?; // warm-up: page cache, as for a clerk using the app
    let a = bench.median_of(RUNS, || bench.timed(&export_args))?;
    table
        .figure(
            "(a) export: 500 indicators x 8 quarters, 100 milestones",
            ms(a.median),
            "",
            "",
            true,
        )
        .no_verdict();
    table.detail("(a) runs", &a.runs);
    // Its peer: pandas + XlsxWriter reading the same SQLite file, writing the same two sheets.
    let peer_out = work.join("a/laporan-peer.xlsx");
    let peer_args = [
        path_text(&root.join("bench/peers/export_report.py")),
        "--db".into(),
        path_text(&large),
        // The large OPD is the generator's first office.
        "--opd".into(),
        "DISKOMINFO".into(),
        "--period".into(),
        PERIOD.into(),
        "--out".into(),
        path_text(&peer_out),
    ];
    let (wall, work_s, line) = peer_runs(python, &peer_args)?;
    let ratio = work_s.median / a.median;
    table.figure(
        "    pandas + XlsxWriter: same two sheets from the same file",
        format!(
            "{} process (its work alone {})",
            secs(wall.median),
            secs(work_s.median)
        ),
        format!("(a) >= {EXPORT_PEER_RATIO:.0}x faster"),
        &format!("{ratio:.1}x slower than (a)"),
        ratio >= EXPORT_PEER_RATIO,
    );
    table.detail("(a) peer process runs", &wall.runs);
    table.detail("(a) peer work runs", &work_s.runs);
    table.raw(&format!("    last run: {line}"));

    // (b) + (c) Bappeda receives 60 reports, then writes the rekap.
    let rekap = cli_has(&bench.cli, "rekap");
    let b_dir = work.join("b");
    let c_out = work.join("c/rekap-2019-tw4.xlsx");
    mkdir(&work.join("c"))?;
    let mut b_runs = Vec::new();
    let mut c_runs = Vec::new();
    for _ in 0..HEAVY_RUNS {
        let db = fresh_bappeda(work, &b_dir)?;
        let mut args = vec!["import".to_string(), "--db".into(), path_text(&db)];
        args.extend(reports.iter().map(|r| path_text(r)));
        args.extend(accepted_keys.iter().cloned());
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        b_runs.push(bench.timed(&args)?);
        if rekap {
            c_runs.push(bench.timed(&[
                "rekap",
                "--db",
                &path_text(&db),
                "--period",
                PERIOD,
                "--out",
                &path_text(&c_out),
            ])?);
        }
    }
    let b = Stats::new(b_runs.clone());
    table
        .figure(
            &format!(
                "(b) import {} reports x 200 indicators at Bappeda",
                reports.len()
            ),
            ms(b.median),
            "",
            "",
            true,
        )
        .no_verdict();
    table.detail("(b) runs", &b.runs);
    let pair = if rekap {
        let c = Stats::new(c_runs.clone());
        table
            .figure(
                "(c) rekap export for those 60 OPDs",
                ms(c.median),
                "",
                "",
                true,
            )
            .no_verdict();
        table.detail("(c) runs", &c.runs);
        let sums: Vec<f64> = b_runs.iter().zip(&c_runs).map(|(b, c)| b + c).collect();
        let pair = Stats::new(sums);
        table
            .figure("(b)+(c) together", ms(pair.median), "", "", true)
            .no_verdict();
        Some(pair.median)
    } else {
        table.note(
            "(c) not available: `renaksi rekap` is not in this build; (b) alone is compared below",
        );
        None
    };
    let ours = pair.unwrap_or(b.median);
    let ours_label = if pair.is_some() { "(b)+(c)" } else { "(b)" };

    // The Python peers doing the same consolidation from the same 60 files.
    let peers = work.join("peers");
    mkdir(&peers)?;
    let mut peer_work = Vec::new();
    for (engine, writer, label) in PEERS {
        let out = peers.join(format!("rekap-{engine}-{writer}.xlsx"));
        let script = root.join("bench/peers/consolidate.py");
        let mut args = vec![
            path_text(&script),
            "--engine".into(),
            engine.into(),
            "--writer".into(),
            writer.into(),
            "--out".into(),
            path_text(&out),
        ];
        args.extend(reports.iter().map(|r| path_text(r)));
        let (wall, work_s, line) = peer_runs(python, &args)?;
        // Judged on the peer's own work (reading, combining, writing), without
        // Python's start and pandas' import, which would flatter Renaksi.
        let ratio = work_s.median / ours;
        let figure = format!(
            "{} process (its work alone {})",
            secs(wall.median),
            secs(work_s.median)
        );
        table
            .figure(
                &format!("    {label}: same consolidation"),
                figure,
                "",
                &format!("{ratio:.1}x slower than {ours_label}"),
                true,
            )
            .no_verdict();
        table.detail(&format!("{label} process runs"), &wall.runs);
        table.detail(&format!("{label} work runs"), &work_s.runs);
        table.raw(&format!("    last run: {line}"));
        peer_work.push((label, work_s.median));
    }
    let (fastest, fastest_s) = peer_work
        .iter()
        .copied()
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .ok_or("no peer ran")?;
    let ratio = fastest_s / ours;
    table.figure(
        &format!("{ours_label} vs the fastest peer ({fastest})"),
        format!("{} vs {}", ms(ours), secs(fastest_s)),
        format!(">= {FASTEST_PEER_RATIO:.0}x faster"),
        &format!("{ratio:.1}x faster"),
        ratio >= FASTEST_PEER_RATIO,
    );
    let openpyxl_s = peer_work[0].1;
    let ratio = openpyxl_s / ours;
    table.figure(
        &format!("{ours_label} vs {}", PEERS[0].2),
        format!("{} vs {}", ms(ours), secs(openpyxl_s)),
        format!(">= {OPENPYXL_PEER_RATIO:.0}x faster"),
        &format!("{ratio:.1}x faster"),
        ratio >= OPENPYXL_PEER_RATIO,
    );

    // (f) and (g): the province's 1,400 reports, and the growth curve to them;
    // then its open data in DuckDB.
    let consolidated = province::growth(&bench, &province, &mut table)?;
    province::duckdb(root, &bench, python, &consolidated, &mut table)?;

    // (d) and (e): the desktop app through the end-to-end harness.
    let demo = work.join("d/wonosobo.db");
    bench.run(&["demo", "--db", &path_text(&demo)])?;
    let search_db = fresh_bappeda(work, &work.join("e"))?;
    let mut args = vec!["import".to_string(), "--db".into(), path_text(&search_db)];
    args.extend(reports.iter().take(SEARCH_REPORTS).map(|r| path_text(r)));
    args.extend(accepted_keys.iter().cloned());
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    bench.run(&args)?;
    let search_db_20k = province::search_db_20k(&bench, &province)?;
    let results = work.join("desktop.txt");
    desktop(
        root,
        &exe(&app_dir, "renaksi-desktop"),
        &exe(&app_dir, "renaksi-bench-empty-window"),
        &bench.cli,
        &Databases {
            demo,
            search: search_db,
            search_20k: search_db_20k,
        },
        &results,
    )?;
    let found = std::fs::read_to_string(&results).map_err(text)?;
    let get = |key: &str| field(&found, key);
    let (start_app, start_empty) = (get("start_app_ms")?, get("start_empty_ms")?);
    let start_ratio = start_app / start_empty;
    table
        .figure(
            "(d) cold start until the plan is visible: app",
            format!("{start_app:.0} ms"),
            "",
            "",
            true,
        )
        .no_verdict();
    table.figure(
        "    empty Tauri window, same profile",
        format!("{start_empty:.0} ms"),
        format!("app <= {WINDOW_RATIO}x"),
        &format!("app {start_ratio:.2}x"),
        start_ratio <= WINDOW_RATIO,
    );
    let (pss_app, pss_empty) = (get("pss_app_kib")?, get("pss_empty_kib")?);
    let pss_ratio = pss_app / pss_empty;
    table
        .figure(
            "(d) memory, PSS of the process tree: app",
            mib(pss_app),
            "",
            "",
            true,
        )
        .no_verdict();
    table.figure(
        "    empty Tauri window, same profile",
        mib(pss_empty),
        format!("app <= {WINDOW_RATIO}x"),
        &format!("app {pss_ratio:.2}x"),
        pss_ratio <= WINDOW_RATIO,
    );
    let search_p95 = get("search_p95_ms")?;
    table.figure(
        "(e) search and filter over 5,000 indicators, p95",
        format!("{search_p95:.1} ms"),
        format!("<= {SEARCH_P95_MS:.0} ms"),
        &format!("median {:.1} ms", get("search_median_ms")?),
        search_p95 <= SEARCH_P95_MS,
    );
    match (get("search20k_p95_ms"), get("search20k_median_ms")) {
        (Ok(p95), Ok(median)) => {
            table.figure(
                "(e) search and filter over 20,000 indicators, p95",
                format!("{p95:.1} ms"),
                format!("<= {SEARCH_20K_P95_MS:.0} ms"),
                &format!("median {median:.1} ms"),
                p95 <= SEARCH_20K_P95_MS,
            );
        }
        _ => {
            table.figure(
                "(e) 20,000 not measured (the harness wrote no search20k_p95_ms)",
                String::new(),
                format!("<= {SEARCH_20K_P95_MS:.0} ms"),
                "",
                false,
            );
        }
    }
    for line in found.lines().filter(|l| l.starts_with("detail ")) {
        table.raw(&format!("    {}", &line["detail ".len()..]));
    }
    Ok(table.render(&format!(
        "{}\nload average (1, 5, 15 min) {load_at_start} at the start, {} at the end",
        machine(),
        load()
    )))
}

/// The databases the desktop harness opens: the demo plan for (d), 5,000 and
/// 20,000 indicators for (e).
struct Databases {
    demo: PathBuf,
    search: PathBuf,
    search_20k: PathBuf,
}

/// Runs tests/e2e/bench/desktop.mjs under Xvfb; it writes `key value` lines to `results`.
fn desktop(
    root: &Path,
    app: &str,
    empty: &str,
    cli: &str,
    dbs: &Databases,
    results: &Path,
) -> Result {
    let e2e = root.join("tests/e2e");
    let driver = if cmd::exists("tauri-driver") {
        "tauri-driver".to_string()
    } else {
        path_text(&deps::dirs_cargo_bin().join("tauri-driver"))
    };
    let runs = WINDOW_RUNS.to_string();
    cmd::run(
        &e2e,
        "timeout",
        &[
            "--kill-after=30",
            "900",
            "xvfb-run",
            "-a",
            "--server-args=-screen 0 1280x800x24",
            "node",
            "bench/desktop.mjs",
        ],
        &[
            ("RENAKSI_APP", app),
            ("RENAKSI_EMPTY_WINDOW", empty),
            ("RENAKSI_CLI", cli),
            ("TAURI_DRIVER", &driver),
            ("BENCH_DEMO_DB", &path_text(&dbs.demo)),
            ("BENCH_SEARCH_DB", &path_text(&dbs.search)),
            ("BENCH_SEARCH_DB_20K", &path_text(&dbs.search_20k)),
            ("BENCH_RUNS", &runs),
            ("BENCH_RESULTS", &path_text(results)),
            ("WEBKIT_DISABLE_COMPOSITING_MODE", "1"),
            ("WEBKIT_DISABLE_DMABUF_RENDERER", "1"),
        ],
    )
}

impl Bench {
    /// Runs `renaksi` with its output captured; fails on a non-zero exit.
    fn run(&self, args: &[&str]) -> Result {
        output(&mut self.command(args)).map(drop)
    }

    /// Seconds one `renaksi` process takes, start to exit.
    fn timed(&self, args: &[&str]) -> Result<f64> {
        let mut command = self.command(args);
        let started = Instant::now();
        output(&mut command)?;
        Ok(started.elapsed().as_secs_f64())
    }

    fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(&self.cli);
        command
            .args(args)
            .current_dir(&self.work)
            .stdin(Stdio::null());
        // Each database's folder holds its installation's key, as the app's data folder would.
        if let Some(db) = args.iter().position(|a| *a == "--db").map(|i| args[i + 1]) {
            if let Some(dir) = Path::new(db).parent() {
                command.env("RENAKSI_DATA_DIR", dir);
            }
        }
        command
    }

    fn median_of(&self, runs: usize, mut once: impl FnMut() -> Result<f64>) -> Result<Stats> {
        let mut all = Vec::with_capacity(runs);
        for _ in 0..runs {
            all.push(once()?);
        }
        Ok(Stats::new(all))
    }
}

/// A Python peer's runs: wall times of the process, the work it timed
/// itself (`work_s=`), and its last line.
fn peer_runs(python: &Path, args: &[String]) -> Result<(Stats, Stats, String)> {
    let mut walls = Vec::new();
    let mut works = Vec::new();
    let mut line = String::new();
    for _ in 0..PEER_RUNS {
        let started = Instant::now();
        line = output(Command::new(python).args(args))?;
        walls.push(started.elapsed().as_secs_f64());
        works.push(field(&line, "work_s")?);
    }
    Ok((
        Stats::new(walls),
        Stats::new(works),
        line.trim().to_string(),
    ))
}

/// The 60 report files, in name order.
fn reports(work: &Path) -> Result<Vec<PathBuf>> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(work.join("reports"))
        .map_err(text)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .collect();
    files.sort();
    Ok(files)
}

/// `--accept-new-key CODE=FINGERPRINT` for every generated OPD: Bappeda's
/// database as generated holds no OPD key yet, and the import takes none
/// without its fingerprint confirmed.
fn accepted_keys(work: &Path) -> Result<Vec<String>> {
    let keys = std::fs::read_to_string(work.join("kunci-opd.txt")).map_err(text)?;
    Ok(keys
        .lines()
        .filter(|l| !l.trim().is_empty())
        .flat_map(|l| ["--accept-new-key".to_string(), l.trim().to_string()])
        .collect())
}

/// A copy of Bappeda's database as generated (plan, no reports) in `dir`.
fn fresh_bappeda(work: &Path, dir: &Path) -> Result<PathBuf> {
    remove_dir(dir)?;
    mkdir(dir)?;
    let db = dir.join("renaksi.db");
    std::fs::copy(work.join("bappeda/renaksi.db"), &db).map_err(text)?;
    Ok(db)
}

/// Whether `renaksi --help` lists `subcommand`.
fn cli_has(cli: &str, subcommand: &str) -> bool {
    cmd::output(cli, &["--help"]).is_some_and(|help| {
        help.lines()
            .any(|l| l.split_whitespace().next() == Some(subcommand))
    })
}

/// Runs a command with captured output; its stdout, or an error with its stderr.
fn output(command: &mut Command) -> Result<String> {
    let out = command
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("could not start {command:?}: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!(
            "{command:?} failed ({}): {}{}",
            out.status,
            String::from_utf8_lossy(&out.stderr).trim(),
            String::from_utf8_lossy(&out.stdout).trim()
        ))
    }
}

/// The number after `key=` or `key ` in `text`.
fn field(text: &str, key: &str) -> Result<f64> {
    let words: Vec<&str> = text.split_whitespace().collect();
    words
        .iter()
        .enumerate()
        .find_map(|(i, word)| {
            if let Some(value) = word.strip_prefix(key).and_then(|r| r.strip_prefix('=')) {
                value.parse().ok()
            } else if *word == key {
                words.get(i + 1)?.parse().ok()
            } else {
                None
            }
        })
        .ok_or_else(|| format!("no {key} in: {}", text.trim()))
}

/// The load averages: other work on the machine slows every figure.
fn load() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|l| l.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

/// CPU, cores and memory, from /proc.
fn machine() -> String {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .and_then(|l| l.split_once(':'))
        .map_or("unknown CPU".to_string(), |(_, m)| m.trim().to_string());
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    let meminfo = std::fs::read_to_string("/proc/meminfo").unwrap_or_default();
    let mem_gib = meminfo
        .lines()
        .find_map(|l| l.strip_prefix("MemTotal:"))
        .and_then(|l| l.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |kib| kib / 1024.0 / 1024.0);
    let kernel = cmd::output("uname", &["-sr"]).unwrap_or_default();
    format!("{model}, {cores} cores, {mem_gib:.1} GiB, {kernel}")
}

struct Stats {
    runs: Vec<f64>,
    median: f64,
}

impl Stats {
    fn new(runs: Vec<f64>) -> Stats {
        let mut sorted = runs.clone();
        sorted.sort_by(f64::total_cmp);
        let n = sorted.len();
        let median = match n {
            0 => f64::NAN,
            _ if n % 2 == 1 => sorted[n / 2],
            _ => (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0,
        };
        Stats { runs, median }
    }
}

#[derive(Default)]
struct Table {
    rows: Vec<Row>,
    details: Vec<String>,
}

struct Row {
    figure: String,
    measured: String,
    budget: String,
    ratio: String,
    verdict: Option<bool>,
}

impl Table {
    fn figure(
        &mut self,
        figure: &str,
        measured: String,
        budget: impl Into<String>,
        ratio: &str,
        pass: bool,
    ) -> &mut Row {
        self.rows.push(Row {
            figure: figure.to_string(),
            measured,
            budget: budget.into(),
            ratio: ratio.to_string(),
            verdict: Some(pass),
        });
        self.rows.last_mut().expect("just pushed")
    }

    fn note(&mut self, text: &str) {
        self.rows.push(Row {
            figure: text.to_string(),
            measured: String::new(),
            budget: String::new(),
            ratio: String::new(),
            verdict: None,
        });
    }

    fn detail(&mut self, label: &str, runs: &[f64]) {
        let shown: Vec<String> = runs.iter().map(|s| format!("{:.0}", s * 1000.0)).collect();
        self.details
            .push(format!("    {label} (ms): {}", shown.join(", ")));
    }

    fn raw(&mut self, line: &str) {
        self.details.push(line.to_string());
    }

    fn render(&self, machine: &str) -> String {
        let width = |f: fn(&Row) -> &str, title: &str| {
            self.rows
                .iter()
                .filter(|r| r.verdict.is_some())
                .map(|r| f(r).chars().count())
                .chain([title.len()])
                .max()
                .unwrap_or(0)
        };
        let wf = width(|r| &r.figure, "figure");
        let wm = width(|r| &r.measured, "measured (median)");
        let wb = width(|r| &r.budget, "budget");
        let wr = width(|r| &r.ratio, "ratio");
        let mut out = String::new();
        let _ = writeln!(out, "cargo xtask bench on {machine}");
        let _ = writeln!(
            out,
            "{:<wf$}  {:<wm$}  {:<wb$}  {:<wr$}  result",
            "figure", "measured (median)", "budget", "ratio"
        );
        for row in &self.rows {
            let verdict = match row.verdict {
                None => {
                    let _ = writeln!(out, "{}", row.figure);
                    continue;
                }
                Some(_) if row.budget.is_empty() => "",
                Some(true) => "PASS",
                Some(false) => "MISS",
            };
            let line = format!(
                "{:<wf$}  {:<wm$}  {:<wb$}  {:<wr$}  {verdict}",
                row.figure, row.measured, row.budget, row.ratio
            );
            let _ = writeln!(out, "{}", line.trim_end());
        }
        let _ = writeln!(out, "\nruns:");
        for line in &self.details {
            let _ = writeln!(out, "{line}");
        }
        out
    }
}

impl Row {
    /// Shown for information: no budget of its own.
    fn no_verdict(&mut self) {
        self.budget.clear();
    }
}

fn ms(seconds: f64) -> String {
    format!("{:.0} ms", seconds * 1000.0)
}

fn secs(seconds: f64) -> String {
    format!("{seconds:.2} s")
}

fn mib(kib: f64) -> String {
    format!("{:.0} MiB", kib / 1024.0)
}

fn exe(dir: &Path, name: &str) -> String {
    path_text(&dir.join(format!("{name}{}", std::env::consts::EXE_SUFFIX)))
}

fn path_text(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

fn mkdir(dir: &Path) -> Result {
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))
}

fn remove_dir(dir: &Path) -> Result {
    match std::fs::remove_dir_all(dir) {
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            Err(format!("{}: {e}", dir.display()))
        }
        _ => Ok(()),
    }
}

fn text(error: impl std::fmt::Display) -> String {
    error.to_string()
}
