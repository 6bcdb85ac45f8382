//! `renaksi-bench-generate --out DIR`: the large workloads of `cargo xtask bench`,
//! made through renaksi-core's public API and written with its real export code.
//!
//! DIR gets:
//! - `bappeda/renaksi.db`: Bappeda's database of a synthetic 2018-2019 plan
//!   (5 themes, 60 OPDs, 120 actions), nothing imported yet;
//! - `paket-rencana-aksi.xlsx`: the plan package it publishes;
//! - `opd/<CODE>/renaksi.db`: each OPD started from the package, with its
//!   indicators (targets and realisations for all 8 quarters) and milestones;
//! - `reports/laporan-<code>-2019-tw4.xlsx`: each OPD's exported report;
//! - `large/renaksi.db`: one more installation of the first OPD with 500
//!   indicators and 100 milestones, for the single-report export figure.
//!
//! `--province` makes the province workload instead: one Bappeda database of
//! 35 regencies x 40 OPDs = 1,400 OPDs (2,800 actions, 5 themes) and their
//! 1,400 reports, without the large OPD. The OPDs are made on every core, and
//! each OPD's folder is deleted once its report and key fingerprint are written
//! (1,400 OPD databases would take gigabytes; the bench needs only the reports).
//!
//! Rows are written through the store's table modules in one transaction per
//! database (as the demo loader does): the editing API's one fsynced
//! transaction per field would take minutes and is not what is measured.

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use renaksi_core::model::{
    Action, Aggregation, Indicator, Milestone, MilestoneStatus, OgpValue, Opd, Period, Plan,
    PlanStatus, Polarity, Realisation, Target, Theme,
};
use renaksi_core::package::SignedPackage;
use renaksi_core::period::PeriodRef;
use renaksi_core::profile::{self, Profile, Role};
use renaksi_core::report::export::{self, SignatureSettings};
use renaksi_core::store::evidence::{self, Evidence};
use renaksi_core::store::{
    actions, indicators, milestones, opds, periods, plans, realisations, targets, themes,
};
use renaksi_core::workbook::signature;
use renaksi_core::workbook::Paper;
use renaksi_core::{package, Store};

const YEARS: [i32; 2] = [2018, 2019];
const PERIOD: PeriodRef = PeriodRef {
    year: 2019,
    quarter: 4,
};
const ACTIONS_PER_OPD: usize = 2;
const MILESTONES_PER_OPD: usize = 10;

struct Options {
    out: PathBuf,
    opds: usize,
    province: bool,
    indicators: usize,
    large_indicators: usize,
    large_milestones: usize,
}

fn main() -> ExitCode {
    match parse(std::env::args().skip(1)).and_then(|o| run(&o)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("renaksi-bench-generate: {message}");
            ExitCode::FAILURE
        }
    }
}

fn parse(mut args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options {
        out: PathBuf::new(),
        opds: 60,
        province: false,
        indicators: 200,
        large_indicators: 500,
        large_milestones: 100,
    };
    let mut given_opds = false;
    while let Some(arg) = args.next() {
        given_opds |= arg == "--opds";
        let mut value = || args.next().ok_or(format!("{arg} needs a value"));
        let number = |text: String| text.parse::<usize>().map_err(|e| format!("{text}: {e}"));
        match arg.as_str() {
            "--out" => options.out = PathBuf::from(value()?),
            "--opds" => options.opds = number(value()?)?,
            "--province" => options.province = true,
            "--indicators" => options.indicators = number(value()?)?,
            "--large-indicators" => options.large_indicators = number(value()?)?,
            "--large-milestones" => options.large_milestones = number(value()?)?,
            _ => {
                return Err(format!(
                    "unknown argument {arg}\nusage: renaksi-bench-generate --out DIR [--opds 60 | --province [--opds 1400]] \
                     [--indicators 200] [--large-indicators 500] [--large-milestones 100]"
                ))
            }
        }
    }
    if options.out.as_os_str().is_empty() {
        return Err("--out DIR is required".into());
    }
    let most = if options.province {
        REGENCIES.len() * PROVINCE_OFFICES
    } else {
        OFFICES.len()
    };
    if options.province && !given_opds {
        options.opds = most;
    }
    if options.opds == 0 || options.opds > most {
        return Err(format!("--opds must be 1..={most}"));
    }
    Ok(options)
}

fn run(options: &Options) -> Result<(), String> {
    let started = Instant::now();
    let out = &options.out;
    if out.exists() && std::fs::read_dir(out).map_err(text)?.next().is_some() {
        return Err(format!("{} is not empty", out.display()));
    }
    let offices = if options.province {
        province_offices(options.opds)
    } else {
        OFFICES
            .iter()
            .take(options.opds)
            .map(|(code, name)| (code.to_string(), name.to_string()))
            .collect()
    };
    let region = if options.province {
        "Provinsi Jawa Tengah"
    } else {
        "Kabupaten Wonosobo"
    };
    let bappeda_dir = out.join("bappeda");
    let mut bappeda = Store::open(&bappeda_dir.join("renaksi.db")).map_err(text)?;
    let plan = Synthetic::new(region, &offices);
    plan.insert(&mut bappeda)?;
    let package_file = out.join("paket-rencana-aksi.xlsx");
    package::export(&bappeda, &bappeda_dir, &package_file).map_err(text)?;
    drop(bappeda);
    let signed = package::read_file(&package_file).map_err(text)?;

    let reports = out.join("reports");
    std::fs::create_dir_all(&reports).map_err(text)?;
    // Each worker takes the next OPD until none is left; the fingerprints are
    // kept in OPD order so the keys file is the same whatever the timing.
    let next = AtomicUsize::new(0);
    let fingerprints = Mutex::new(vec![String::new(); offices.len()]);
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get());
    std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| -> Result<(), String> {
                    loop {
                        let n = next.fetch_add(1, Ordering::Relaxed);
                        let Some((code, _)) = offices.get(n) else {
                            return Ok(());
                        };
                        let fingerprint = make_opd(options, &plan, &signed, out, n, code)?;
                        fingerprints.lock().map_err(text)?[n] = fingerprint;
                    }
                })
            })
            .collect();
        handles
            .into_iter()
            .try_for_each(|h| h.join().map_err(|_| "a worker panicked".to_string())?)
    })?;
    // Bappeda confirms each OPD's first key by its fingerprint: one
    // `CODE=FINGERPRINT` a line, for `renaksi import --accept-new-key`.
    let keys: String = offices
        .iter()
        .zip(fingerprints.into_inner().map_err(text)?)
        .map(|((code, _), fingerprint)| format!("{code}={fingerprint}\n"))
        .collect();
    std::fs::write(out.join(KEYS_FILE), keys).map_err(text)?;
    if options.province {
        // Every OPD folder is empty by now.
        std::fs::remove_dir_all(out.join("opd")).map_err(text)?;
    } else {
        let large_dir = out.join("large");
        let mut large = Store::open(&large_dir.join("renaksi.db")).map_err(text)?;
        package::apply(&mut large, &signed, Some((&offices[0].0, "Operator"))).map_err(text)?;
        plan.fill_opd(
            &mut large,
            0,
            options.large_indicators,
            options.large_milestones,
        )?;
        // The key is made now, so the measured exports only load it.
        signature::load_or_create(&large_dir).map_err(text)?;
    }

    let large = if options.province {
        String::new()
    } else {
        format!(
            ", a large OPD of {} indicators and {} milestones",
            options.large_indicators, options.large_milestones
        )
    };
    println!(
        "generated in {:.1} s on {workers} threads: {} OPD reports of {} indicators{large}, in {} ({:.0} MB)",
        started.elapsed().as_secs_f64(),
        options.opds,
        options.indicators,
        out.display(),
        size_on_disk(out) as f64 / 1e6,
    );
    Ok(())
}

/// One OPD: started from the package, filled, its report exported. Returns
/// its key's fingerprint. In the province workload its folder is deleted.
fn make_opd(
    options: &Options,
    plan: &Synthetic,
    signed: &SignedPackage,
    out: &Path,
    n: usize,
    code: &str,
) -> Result<String, String> {
    let dir = out.join("opd").join(code);
    let mut store = Store::open(&dir.join("renaksi.db")).map_err(text)?;
    package::apply(&mut store, signed, Some((code, "Operator"))).map_err(text)?;
    plan.fill_opd(&mut store, n, options.indicators, MILESTONES_PER_OPD)?;
    let file = out
        .join("reports")
        .join(format!("laporan-{}-2019-tw4.xlsx", code.to_lowercase()));
    export::export(&mut store, &dir, PERIOD, Paper::A4, &file).map_err(text)?;
    let key = signature::public_key_text(&signature::load_or_create(&dir).map_err(text)?);
    drop(store);
    if options.province {
        std::fs::remove_dir_all(&dir).map_err(text)?;
    }
    Ok(signature::fingerprint(&key))
}

/// Bytes of every file under `dir`.
fn size_on_disk(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|entry| match entry.file_type() {
            Ok(kind) if kind.is_dir() => size_on_disk(&entry.path()),
            _ => entry.metadata().map_or(0, |m| m.len()),
        })
        .sum()
}

/// The province's OPDs: the first [`PROVINCE_OFFICES`] offices of each
/// regency, coded `<OFFICE>-<nn>` (nn the regency's number) and named with
/// their regency, e.g. "Dinas Kesehatan Kab. Cilacap".
fn province_offices(count: usize) -> Vec<(String, String)> {
    REGENCIES
        .iter()
        .enumerate()
        .flat_map(|(r, regency)| {
            OFFICES[..PROVINCE_OFFICES].iter().map(move |(code, name)| {
                (format!("{code}-{:02}", r + 1), format!("{name} {regency}"))
            })
        })
        .take(count)
        .collect()
}

/// Offices per regency in the province workload.
const PROVINCE_OFFICES: usize = 40;

/// The 29 regencies and 6 cities of Central Java.
const REGENCIES: [&str; 35] = [
    "Kab. Cilacap",
    "Kab. Banyumas",
    "Kab. Purbalingga",
    "Kab. Banjarnegara",
    "Kab. Kebumen",
    "Kab. Purworejo",
    "Kab. Wonosobo",
    "Kab. Magelang",
    "Kab. Boyolali",
    "Kab. Klaten",
    "Kab. Sukoharjo",
    "Kab. Wonogiri",
    "Kab. Karanganyar",
    "Kab. Sragen",
    "Kab. Grobogan",
    "Kab. Blora",
    "Kab. Rembang",
    "Kab. Pati",
    "Kab. Kudus",
    "Kab. Jepara",
    "Kab. Demak",
    "Kab. Semarang",
    "Kab. Temanggung",
    "Kab. Kendal",
    "Kab. Batang",
    "Kab. Pekalongan",
    "Kab. Pemalang",
    "Kab. Tegal",
    "Kab. Brebes",
    "Kota Magelang",
    "Kota Surakarta",
    "Kota Salatiga",
    "Kota Semarang",
    "Kota Pekalongan",
    "Kota Tegal",
];

/// The OPDs' key fingerprints, `CODE=FINGERPRINT` a line (xtask bench reads it).
const KEYS_FILE: &str = "kunci-opd.txt";

fn text(error: impl std::fmt::Display) -> String {
    error.to_string()
}

/// The implementing offices of a mid-sized regency: dinas and badan, then kecamatan.
const OFFICES: [(&str, &str); 60] = [
    ("DISKOMINFO", "Dinas Komunikasi dan Informatika"),
    ("DINKES", "Dinas Kesehatan"),
    ("DISDIKPORA", "Dinas Pendidikan, Pemuda dan Olahraga"),
    ("DINSOS", "Dinas Sosial"),
    (
        "DPMPTSP",
        "Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu",
    ),
    ("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil"),
    ("DPUPR", "Dinas Pekerjaan Umum dan Penataan Ruang"),
    ("DISPERKIM", "Dinas Perumahan dan Kawasan Permukiman"),
    ("DLH", "Dinas Lingkungan Hidup"),
    ("DISHUB", "Dinas Perhubungan"),
    ("DISPERTAN", "Dinas Pertanian dan Ketahanan Pangan"),
    ("DISNAKERTRANS", "Dinas Tenaga Kerja dan Transmigrasi"),
    ("DISKOPUKM", "Dinas Koperasi, Usaha Kecil dan Menengah"),
    ("DISPERINDAG", "Dinas Perindustrian dan Perdagangan"),
    ("DISPARBUD", "Dinas Pariwisata dan Kebudayaan"),
    ("DPMD", "Dinas Pemberdayaan Masyarakat dan Desa"),
    (
        "DPPKBPPPA",
        "Dinas Pengendalian Penduduk, KB, Pemberdayaan Perempuan dan Perlindungan Anak",
    ),
    ("DISPERPUSIP", "Dinas Perpustakaan dan Kearsipan"),
    ("DISPERKAN", "Dinas Perikanan dan Peternakan"),
    ("SATPOLPP", "Satuan Polisi Pamong Praja"),
    ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah"),
    (
        "BPPKAD",
        "Badan Pengelolaan Pendapatan, Keuangan dan Aset Daerah",
    ),
    ("BKD", "Badan Kepegawaian Daerah"),
    ("BPBD", "Badan Penanggulangan Bencana Daerah"),
    ("KESBANGPOL", "Badan Kesatuan Bangsa dan Politik"),
    ("INSPEKTORAT", "Inspektorat Daerah"),
    ("SETDA", "Sekretariat Daerah"),
    ("SETWAN", "Sekretariat DPRD"),
    ("RSUD", "Rumah Sakit Umum Daerah"),
    ("BAGORG", "Bagian Organisasi Setda"),
    ("BAGHUKUM", "Bagian Hukum Setda"),
    ("BAGPBJ", "Bagian Pengadaan Barang dan Jasa Setda"),
    (
        "BAGPROKOMPIM",
        "Bagian Protokol dan Komunikasi Pimpinan Setda",
    ),
    ("BAGKESRA", "Bagian Kesejahteraan Rakyat Setda"),
    ("BAGEKON", "Bagian Perekonomian Setda"),
    ("KEC-WADASLINTANG", "Kecamatan Wadaslintang"),
    ("KEC-KEPIL", "Kecamatan Kepil"),
    ("KEC-SAPURAN", "Kecamatan Sapuran"),
    ("KEC-KALIBAWANG", "Kecamatan Kalibawang"),
    ("KEC-KALIWIRO", "Kecamatan Kaliwiro"),
    ("KEC-LEKSONO", "Kecamatan Leksono"),
    ("KEC-SUKOHARJO", "Kecamatan Sukoharjo"),
    ("KEC-SELOMERTO", "Kecamatan Selomerto"),
    ("KEC-KALIKAJAR", "Kecamatan Kalikajar"),
    ("KEC-KERTEK", "Kecamatan Kertek"),
    ("KEC-WONOSOBO", "Kecamatan Wonosobo"),
    ("KEC-WATUMALANG", "Kecamatan Watumalang"),
    ("KEC-MOJOTENGAH", "Kecamatan Mojotengah"),
    ("KEC-GARUNG", "Kecamatan Garung"),
    ("KEC-KEJAJAR", "Kecamatan Kejajar"),
    ("KEC-SUMBERSARI", "Kecamatan Sumbersari"),
    ("KEC-TANJUNGSARI", "Kecamatan Tanjungsari"),
    ("KEC-MEKARJAYA", "Kecamatan Mekarjaya"),
    ("KEC-SIDOMULYO", "Kecamatan Sidomulyo"),
    ("KEC-KARANGREJO", "Kecamatan Karangrejo"),
    ("KEC-PURWOREJO", "Kecamatan Purworejo"),
    ("KEC-SUKAMAJU", "Kecamatan Sukamaju"),
    ("KEC-BANJARSARI", "Kecamatan Banjarsari"),
    ("KEC-NGADIREJO", "Kecamatan Ngadirejo"),
    ("KEC-TEGALREJO", "Kecamatan Tegalrejo"),
];

const THEMES: [&str; 5] = [
    "Keterbukaan Informasi Publik",
    "Pelayanan Publik yang Partisipatif",
    "Transparansi Anggaran dan Pengadaan",
    "Data Terbuka dan Inovasi Digital",
    "Akuntabilitas dan Pengaduan Masyarakat",
];

const MEASURES: [&str; 6] = [
    "Jumlah",
    "Persentase",
    "Indeks kepuasan atas",
    "Rata-rata waktu penyelesaian",
    "Cakupan",
    "Jumlah warga yang mengakses",
];
const SUBJECTS: [&str; 12] = [
    "dokumen anggaran desa",
    "layanan perizinan daring",
    "pengaduan masyarakat",
    "data sektoral",
    "informasi pengadaan barang dan jasa",
    "forum konsultasi publik",
    "standar pelayanan",
    "laporan keuangan",
    "posyandu",
    "sekolah",
    "kelompok tani",
    "usaha mikro",
];
const QUALIFIERS: [&str; 6] = [
    "yang dipublikasikan di portal",
    "yang ditindaklanjuti tepat waktu",
    "dengan keterlibatan organisasi masyarakat sipil",
    "yang dapat diakses dalam format terbuka",
    "yang dibahas bersama warga",
    "yang diverifikasi oleh Inspektorat",
];
const MILESTONE_STEPS: [&str; 5] = [
    "Penyusunan standar operasional",
    "Sosialisasi kepada desa dan kelurahan",
    "Uji coba layanan",
    "Publikasi hasil",
    "Evaluasi bersama masyarakat sipil",
];
const OBSTACLES: [&str; 3] = [
    "Keterbatasan jaringan internet di desa terpencil",
    "Anggaran perubahan belum disahkan",
    "Pergantian petugas pengelola data",
];
const FOLLOW_UPS: [&str; 3] = [
    "Koordinasi dengan Diskominfo untuk akses jaringan",
    "Diusulkan kembali pada APBD perubahan",
    "Pelatihan ulang petugas pada triwulan berikutnya",
];

/// The synthetic plan: fixed structure, new ids each run.
struct Synthetic {
    plan: Plan,
    opds: Vec<Opd>,
    themes: Vec<Theme>,
    actions: Vec<Action>,
}

impl Synthetic {
    fn new(region: &str, offices: &[(String, String)]) -> Synthetic {
        let id = renaksi_core::ids::new_id;
        let plan = Plan {
            id: id(),
            region: region.into(),
            title: format!(
                "Rencana Aksi Daerah Keterbukaan Pemerintah {region} 2018-2019 (uji beban)"
            ),
            year_start: YEARS[0],
            year_end: YEARS[1],
            version: 1,
            status: PlanStatus::Final,
            adopted_on: Some("2018-07-16".into()),
        };
        let opds: Vec<Opd> = offices
            .iter()
            .enumerate()
            .map(|(n, (code, name))| Opd {
                id: id(),
                code: code.clone(),
                name: name.clone(),
                head_name: format!("Kepala {}", n + 1),
                head_nip: format!("19700101199503{:04}", n + 1),
                short_name: String::new(),
                head_title: String::new(),
                archived: None,
            })
            .collect();
        let themes: Vec<Theme> = THEMES
            .iter()
            .enumerate()
            .map(|(n, name)| Theme {
                id: id(),
                plan_id: plan.id.clone(),
                seq: n as i64 + 1,
                name: name.to_string(),
                description: format!("Tema {} rencana aksi", n + 1),
                archived: None,
            })
            .collect();
        let count = opds.len();
        let actions = (0..count * ACTIONS_PER_OPD)
            .map(|n| {
                let lead = n % count;
                let subject = SUBJECTS[n % SUBJECTS.len()];
                Action {
                    id: id(),
                    plan_id: plan.id.clone(),
                    theme_id: themes[n % themes.len()].id.clone(),
                    code: format!("RA-{:03}", n + 1),
                    title: format!(
                        "Keterbukaan {subject} oleh {}",
                        opds[lead].name.to_lowercase()
                    ),
                    problem: format!("Warga sulit memperoleh informasi tentang {subject}."),
                    description: format!("Menerbitkan dan memperbarui {subject} setiap triwulan."),
                    contribution: "Warga dapat memantau dan memberi masukan.".into(),
                    ogp_values: vec![OgpValue::Transparency, OgpValue::Participation],
                    lead_opd_id: opds[lead].id.clone(),
                    supporting_opd_ids: [7, 19]
                        .iter()
                        .map(|step| (lead + step) % count)
                        .filter(|&o| o != lead)
                        .map(|o| opds[o].id.clone())
                        .collect(),
                    cso_partners: "Forum Warga Peduli Transparansi".into(),
                    start_date: Some("2018-07-01".into()),
                    end_date: Some("2019-12-31".into()),
                    archived: None,
                }
            })
            .collect();
        Synthetic {
            plan,
            opds,
            themes,
            actions,
        }
    }

    /// Bappeda's database: the plan's structure and the Bappeda profile.
    fn insert(&self, store: &mut Store) -> Result<(), String> {
        store
            .write(|tx| {
                plans::insert(tx, &self.plan)?;
                for year in YEARS {
                    for quarter in 1..=4u8 {
                        let (due_year, due_month) = if quarter == 4 {
                            (year + 1, 1)
                        } else {
                            (year, quarter * 3 + 1)
                        };
                        periods::insert(
                            tx,
                            &self.plan.id,
                            &Period {
                                year,
                                quarter,
                                due_date: Some(format!("{due_year}-{due_month:02}-15")),
                                closed: false,
                            },
                        )?;
                    }
                }
                for opd in &self.opds {
                    opds::insert(tx, opd)?;
                }
                for theme in &self.themes {
                    themes::insert(tx, theme)?;
                }
                for action in &self.actions {
                    actions::insert(tx, action)?;
                }
                profile::save(
                    tx,
                    &Profile {
                        role: Role::Bappeda,
                        user_name: "Admin Bappeda".into(),
                    },
                )
            })
            .map_err(text)
    }

    /// The OPD's own rows: `indicators` indicators spread over the actions it
    /// leads or supports, each with targets and realisations for all eight
    /// quarters, and `milestone_count` milestones.
    fn fill_opd(
        &self,
        store: &mut Store,
        n: usize,
        indicator_count: usize,
        milestone_count: usize,
    ) -> Result<(), String> {
        let opd = &self.opds[n];
        let assigned: Vec<&Action> = self
            .actions
            .iter()
            .filter(|a| a.lead_opd_id == opd.id || a.supporting_opd_ids.contains(&opd.id))
            .collect();
        let id = renaksi_core::ids::new_id;
        let now = "2020-01-10T03:00:00Z".to_string();
        let milestones: Vec<Milestone> = (0..milestone_count)
            .map(|m| {
                let action = assigned[m % assigned.len()];
                Milestone {
                    id: id(),
                    action_id: action.id.clone(),
                    opd_id: opd.id.clone(),
                    seq: (m / assigned.len()) as i64 + 1,
                    title: format!(
                        "{} {} tahap {}",
                        MILESTONE_STEPS[m % MILESTONE_STEPS.len()],
                        SUBJECTS[(m + n) % SUBJECTS.len()],
                        m / MILESTONE_STEPS.len() + 1
                    ),
                    output: "Dokumen dan berita acara terverifikasi".into(),
                    start_date: Some("2018-08-01".into()),
                    end_date: Some("2019-11-30".into()),
                    status: MilestoneStatus::ALL[(m + n) % MilestoneStatus::ALL.len()],
                }
            })
            .collect();
        let mut per_action = vec![0i64; assigned.len()];
        let indicators: Vec<Indicator> = (0..indicator_count)
            .map(|i| {
                let slot = i % assigned.len();
                let action = assigned[slot];
                per_action[slot] += 1;
                let milestone = milestones
                    .iter()
                    .filter(|m| m.action_id == action.id)
                    .nth(i % 3)
                    .map(|m| m.id.clone());
                let k = i + 7 * n;
                Indicator {
                    id: id(),
                    action_id: action.id.clone(),
                    milestone_id: milestone,
                    opd_id: opd.id.clone(),
                    seq: per_action[slot],
                    description: format!(
                        "{} {} {} ({} {})",
                        MEASURES[k % MEASURES.len()],
                        SUBJECTS[(k / MEASURES.len()) % SUBJECTS.len()],
                        QUALIFIERS[(k / 3) % QUALIFIERS.len()],
                        opd.code,
                        i + 1
                    ),
                    unit: ["dokumen", "persen", "desa", "orang", "hari"][k % 5].into(),
                    baseline: Some((k % 40) as f64),
                    polarity: if k % 10 == 9 {
                        Polarity::Negative
                    } else {
                        Polarity::Positive
                    },
                    aggregation: match k % 10 {
                        0..=5 => Aggregation::Cumulative,
                        6..=8 => Aggregation::Percentage,
                        _ => Aggregation::LatestValue,
                    },
                }
            })
            .collect();
        store
            .write(|tx| {
                for milestone in &milestones {
                    milestones::insert(tx, milestone)?;
                    evidence::insert(
                        tx,
                        &Evidence {
                            id: id(),
                            opd_id: opd.id.clone(),
                            milestone_id: Some(milestone.id.clone()),
                            indicator_id: None,
                            year: None,
                            quarter: None,
                            kind: "link".into(),
                            title: "Berita acara".into(),
                            file_name: None,
                            stored_path: None,
                            sha256: None,
                            url: Some(format!("https://jdih.example.go.id/{}", milestone.id)),
                            created_at: now.clone(),
                        },
                    )?;
                }
                for (i, indicator) in indicators.iter().enumerate() {
                    indicators::insert(tx, indicator)?;
                    for (y, year) in YEARS.into_iter().enumerate() {
                        for quarter in 1..=4u8 {
                            let q = y * 4 + usize::from(quarter);
                            let target = 10.0 + ((i * 13 + q * 7) % 90) as f64;
                            targets::upsert(
                                tx,
                                &Target {
                                    indicator_id: indicator.id.clone(),
                                    year,
                                    quarter,
                                    value: target,
                                },
                            )?;
                            // Between 40% and 115% of the target, with cents.
                            let share = 0.4 + ((i * 31 + q * 17) % 76) as f64 / 100.0;
                            let troubled = (i + q) % 3 == 0;
                            realisations::upsert(
                                tx,
                                &Realisation {
                                    indicator_id: indicator.id.clone(),
                                    year,
                                    quarter,
                                    value: Some((target * share * 100.0).round() / 100.0),
                                    notes: format!(
                                        "Capaian triwulan {quarter} {year} sesuai laporan kegiatan"
                                    ),
                                    obstacles: if troubled {
                                        OBSTACLES[(i + q) % OBSTACLES.len()].into()
                                    } else {
                                        String::new()
                                    },
                                    follow_up: if troubled {
                                        FOLLOW_UPS[(i + q) % FOLLOW_UPS.len()].into()
                                    } else {
                                        String::new()
                                    },
                                },
                            )?;
                        }
                    }
                    if i % 4 == 0 {
                        evidence::insert(
                            tx,
                            &Evidence {
                                id: id(),
                                opd_id: opd.id.clone(),
                                milestone_id: None,
                                indicator_id: Some(indicator.id.clone()),
                                year: Some(PERIOD.year),
                                quarter: Some(PERIOD.quarter),
                                kind: "link".into(),
                                title: "Tautan publikasi".into(),
                                file_name: None,
                                stored_path: None,
                                sha256: None,
                                url: Some(format!("https://ppid.example.go.id/{}", indicator.id)),
                                created_at: now.clone(),
                            },
                        )?;
                    }
                }
                Ok(())
            })
            .map_err(text)?;
        export::save_signature_settings(
            store,
            &SignatureSettings {
                place: "Wonosobo".into(),
                head_position: format!("Kepala {}", opd.name),
                head_name: opd.head_name.clone(),
                head_nip: opd.head_nip.clone(),
            },
        )
        .map_err(text)
    }
}
