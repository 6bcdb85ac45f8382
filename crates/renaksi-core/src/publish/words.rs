//! Every word of the public site in both its languages, and numbers and dates
//! as each language writes them. User text (titles, names, explanations) is
//! shown as it was entered, in whichever language that was.

use chrono::{Datelike, NaiveDate};

use crate::achievement::{GradeBand, GradeKey, Reason};
use crate::cocreation::Decision;
use crate::model::{Aggregation, MilestoneStatus, OgpValue, Polarity};
use crate::self_assessment::{Completion, OpenedGovernment};

/// The language of a page: Indonesian at the site's root, English under `en/`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Id,
    En,
}

impl Lang {
    pub const BOTH: [Lang; 2] = [Lang::Id, Lang::En];

    /// The `lang` attribute.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The folder of this language's pages, from the site's root.
    pub fn folder(self) -> &'static str {
        match self {
            Lang::Id => "",
            Lang::En => "en/",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::Id => Lang::En,
            Lang::En => Lang::Id,
        }
    }

    pub fn words(self) -> &'static Words {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }

    /// 1.234,5 in Indonesian, 1,234.5 in English; at most two decimals.
    pub fn number(self, value: f64) -> String {
        let (thousands, decimal) = match self {
            Lang::Id => ('.', ','),
            Lang::En => (',', '.'),
        };
        let rounded = (value * 100.0).round() / 100.0;
        let text = format!("{:.2}", rounded.abs());
        let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
        let frac = frac.trim_end_matches('0');
        group(rounded < 0.0, int, thousands, decimal, frac)
    }

    /// A capaian with two decimals and the sign: "87,50%"; "-" when there is none.
    pub fn percent(self, value: Option<f64>) -> String {
        match value.filter(|v| v.is_finite()) {
            None => "-".into(),
            Some(value) => {
                let decimal = if self == Lang::Id { ',' } else { '.' };
                let thousands = if self == Lang::Id { '.' } else { ',' };
                let text = format!("{:.2}", value.abs());
                let (int, frac) = text.split_once('.').unwrap_or((&text, "00"));
                format!(
                    "{}%",
                    group(value < 0.0 && text != "0.00", int, thousands, decimal, frac)
                )
            }
        }
    }

    /// "15 Juli 2018" or "15 July 2018".
    pub fn date(self, date: NaiveDate) -> String {
        let months = match self {
            Lang::Id => &MONTHS_ID,
            Lang::En => &MONTHS_EN,
        };
        format!(
            "{} {} {}",
            date.day(),
            months[date.month0() as usize],
            date.year()
        )
    }

    /// A stored YYYY-MM-DD date as [`Lang::date`] writes it; other text as it is.
    pub fn day(self, text: &str) -> String {
        NaiveDate::parse_from_str(text, "%Y-%m-%d")
            .map(|d| self.date(d))
            .unwrap_or_else(|_| text.to_string())
    }

    /// "Triwulan II 2018" or "Quarter II 2018".
    pub fn quarter(self, year: i32, quarter: u8) -> String {
        format!(
            "{} {} {year}",
            self.words().quarter,
            crate::period::roman(quarter)
        )
    }

    pub fn status(self, status: MilestoneStatus) -> &'static str {
        match self {
            Lang::Id => crate::workbook::labels::status_label(status),
            Lang::En => match status {
                MilestoneStatus::NotStarted => "Not started",
                MilestoneStatus::Limited => "Limited",
                MilestoneStatus::Substantial => "Substantial",
                MilestoneStatus::Complete => "Complete",
            },
        }
    }

    /// The predikat: the plan's own label in Indonesian, the band's English name.
    pub fn grade(self, grades: &[GradeBand], key: Option<GradeKey>) -> String {
        let Some(key) = key else {
            return "-".into();
        };
        match self {
            Lang::Id => grades
                .iter()
                .find(|b| b.key == key)
                .map(|b| b.label.clone())
                .unwrap_or_default(),
            Lang::En => match key {
                GradeKey::VeryHigh => "Very high",
                GradeKey::High => "High",
                GradeKey::Medium => "Medium",
                GradeKey::Low => "Low",
                GradeKey::VeryLow => "Very low",
            }
            .into(),
        }
    }

    /// Why a capaian is "-".
    pub fn reason(self, reason: Reason) -> &'static str {
        match self {
            Lang::Id => crate::workbook::labels::reason_label(reason),
            Lang::En => match reason {
                Reason::Ok => "",
                Reason::NoTarget => "No target yet",
                Reason::ZeroTarget => "Target is zero",
                Reason::NoRealisation => "No realisation yet",
                Reason::ZeroRealisation => "Realisation is zero (negative indicator)",
            },
        }
    }

    pub fn polarity(self, polarity: Polarity) -> &'static str {
        match (self, polarity) {
            (Lang::Id, Polarity::Positive) => "Positif (makin tinggi makin baik)",
            (Lang::Id, Polarity::Negative) => "Negatif (makin rendah makin baik)",
            (Lang::En, Polarity::Positive) => "Positive (higher is better)",
            (Lang::En, Polarity::Negative) => "Negative (lower is better)",
        }
    }

    pub fn aggregation(self, aggregation: Aggregation) -> &'static str {
        match (self, aggregation) {
            (Lang::Id, Aggregation::Cumulative) => "Kumulatif",
            (Lang::Id, Aggregation::Percentage) => "Persentase",
            (Lang::Id, Aggregation::LatestValue) => "Nilai akhir",
            (Lang::En, Aggregation::Cumulative) => "Cumulative",
            (Lang::En, Aggregation::Percentage) => "Percentage",
            (Lang::En, Aggregation::LatestValue) => "Latest value",
        }
    }

    pub fn ogp_value(self, value: OgpValue) -> &'static str {
        match (self, value) {
            (Lang::Id, OgpValue::Transparency) => "Transparansi",
            (Lang::Id, OgpValue::Participation) => "Partisipasi",
            (Lang::Id, OgpValue::Accountability) => "Akuntabilitas",
            (Lang::Id, OgpValue::TechnologyInnovation) => "Teknologi dan inovasi",
            (Lang::En, OgpValue::Transparency) => "Transparency",
            (Lang::En, OgpValue::Participation) => "Civic participation",
            (Lang::En, OgpValue::Accountability) => "Public accountability",
            (Lang::En, OgpValue::TechnologyInnovation) => "Technology and innovation",
        }
    }

    pub fn decision(self, decision: Decision) -> &'static str {
        match self {
            Lang::Id => decision.label(),
            Lang::En => match decision {
                Decision::Accepted => "Accepted",
                Decision::AcceptedWithChanges => "Accepted with changes",
                Decision::Declined => "Declined",
            },
        }
    }

    pub fn completion(self, completion: Completion) -> &'static str {
        match self {
            Lang::Id => completion.label(),
            Lang::En => completion.label_en(),
        }
    }

    pub fn opened(self, opened: OpenedGovernment) -> &'static str {
        match self {
            Lang::Id => opened.label(),
            Lang::En => opened.label_en(),
        }
    }

    /// What each level of a scale means, for the self-assessment's legend.
    pub fn completion_meaning(self, completion: Completion) -> &'static str {
        match (self, completion) {
            (Lang::Id, Completion::NotStarted) => "kegiatan belum dimulai",
            (Lang::Id, Completion::Limited) => "sebagian kecil tonggak terlaksana",
            (Lang::Id, Completion::Substantial) => "sebagian besar tonggak terlaksana",
            (Lang::Id, Completion::Complete) => "seluruh atau hampir seluruh tonggak terlaksana",
            (Lang::En, Completion::NotStarted) => "work has not started",
            (Lang::En, Completion::Limited) => "a small part of the milestones were carried out",
            (Lang::En, Completion::Substantial) => "most milestones were carried out",
            (Lang::En, Completion::Complete) => "all or nearly all milestones were carried out",
        }
    }

    pub fn opened_meaning(self, opened: OpenedGovernment) -> &'static str {
        use OpenedGovernment::*;
        match (self, opened) {
            (Lang::Id, Worsened) => "praktik pemerintahan menjadi kurang terbuka",
            (Lang::Id, DidNotChange) => "praktik pemerintahan tidak berubah",
            (Lang::Id, Marginal) => "perubahan kecil pada praktik",
            (Lang::Id, Major) => "langkah maju pada praktik di bidangnya, dengan cakupan terbatas",
            (Lang::Id, Outstanding) => "perubahan mendasar pada praktik yang sebelumnya tertutup",
            (Lang::En, Worsened) => "government practice became less open",
            (Lang::En, DidNotChange) => "government practice did not change",
            (Lang::En, Marginal) => "a small change in practice",
            (Lang::En, Major) => "a step forward in practice in its area, limited in scope",
            (Lang::En, Outstanding) => "a fundamental change in a formerly closed practice",
        }
    }
}

fn group(negative: bool, int: &str, thousands: char, decimal: char, frac: &str) -> String {
    let mut out = String::new();
    if negative {
        out.push('-');
    }
    for (i, digit) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(thousands);
        }
        out.push(digit);
    }
    if !frac.is_empty() {
        out.push(decimal);
        out.push_str(frac);
    }
    out
}

const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The fixed words of the site in one language.
pub struct Words {
    pub skip: &'static str,
    pub menu: &'static str,
    pub home: &'static str,
    pub cocreation: &'static str,
    pub assessment: &'static str,
    pub downloads: &'static str,
    pub other_language: &'static str,
    pub quarter: &'static str,
    pub version: &'static str,
    pub status_draft: &'static str,
    pub status_final: &'static str,
    pub data_as_of: &'static str,
    pub data_received: &'static str,
    pub no_data_yet: &'static str,
    pub figures_up_to: &'static str,
    pub published_on: &'static str,
    pub no_period: &'static str,
    pub published_with: &'static str,
    pub licence: &'static str,
    pub overall: &'static str,
    pub themes: &'static str,
    pub actions: &'static str,
    pub milestones: &'static str,
    pub indicators: &'static str,
    pub measured: &'static str,
    pub progress_by_theme: &'static str,
    pub progress_by_opd: &'static str,
    pub chart_note: &'static str,
    pub theme: &'static str,
    pub opd: &'static str,
    pub capaian: &'static str,
    pub capaian_to_date: &'static str,
    pub capaian_annual: &'static str,
    pub grade: &'static str,
    pub no_figure: &'static str,
    pub themes_and_actions: &'static str,
    pub code: &'static str,
    pub action: &'static str,
    pub lead_opd: &'static str,
    pub supporting_opds: &'static str,
    pub complete_milestones: &'static str,
    pub figures_table: &'static str,
    pub grades_legend: &'static str,
    pub commitment: &'static str,
    pub cso_partners: &'static str,
    pub period: &'static str,
    pub ogp_values: &'static str,
    pub problem: &'static str,
    pub description: &'static str,
    pub contribution: &'static str,
    pub none: &'static str,
    pub no: &'static str,
    pub milestone: &'static str,
    pub output: &'static str,
    pub start: &'static str,
    pub end: &'static str,
    pub irm_status: &'static str,
    pub evidence: &'static str,
    pub no_milestones: &'static str,
    pub no_indicators: &'static str,
    pub unit: &'static str,
    pub baseline: &'static str,
    pub polarity: &'static str,
    pub aggregation: &'static str,
    pub targets_and_realisations: &'static str,
    pub target: &'static str,
    pub realisation: &'static str,
    pub notes: &'static str,
    pub obstacles: &'static str,
    pub follow_up: &'static str,
    pub annual_target: &'static str,
    pub target_to_date: &'static str,
    pub realisation_to_date: &'static str,
    pub why_no_figure: &'static str,
    pub assessment_title: &'static str,
    pub assessment_intro: &'static str,
    pub completion: &'static str,
    pub opened_government: &'static str,
    pub explanation: &'static str,
    pub not_assessed: &'static str,
    pub assessed_of: &'static str,
    pub completion_scale: &'static str,
    pub opened_scale: &'static str,
    pub actions_count: &'static str,
    pub cocreation_title: &'static str,
    pub cocreation_intro: &'static str,
    pub no_sessions: &'static str,
    pub held_on: &'static str,
    pub place: &'static str,
    pub participants: &'static str,
    pub participants_opd: &'static str,
    pub participants_cso: &'static str,
    pub participants_other: &'static str,
    pub inputs: &'static str,
    pub organisation: &'static str,
    pub input: &'static str,
    pub response: &'static str,
    pub reason: &'static str,
    pub not_responded: &'static str,
    pub no_inputs: &'static str,
    pub downloads_title: &'static str,
    pub downloads_intro: &'static str,
    pub file: &'static str,
    pub contents: &'static str,
    pub size: &'static str,
    pub open_data: &'static str,
    pub workbooks: &'static str,
    pub json_all: &'static str,
    pub descriptor: &'static str,
    pub rekap_file: &'static str,
    pub assessment_file: &'static str,
    pub never_published: &'static str,
    pub back_to_plan: &'static str,
    pub link_opens_elsewhere: &'static str,
}

pub static ID: Words = Words {
    skip: "Langsung ke isi",
    menu: "Menu utama",
    home: "Beranda",
    cocreation: "Ko-kreasi",
    assessment: "Penilaian mandiri",
    downloads: "Unduh data",
    other_language: "English",
    quarter: "Triwulan",
    version: "Versi",
    status_draft: "draf",
    status_final: "final",
    data_as_of: "Data per",
    data_received: "laporan atau realisasi terakhir diterima",
    no_data_yet: "belum ada laporan atau realisasi yang diterima",
    figures_up_to: "Capaian dihitung sampai dengan",
    published_on: "Diterbitkan",
    no_period: "Rencana aksi ini belum punya triwulan.",
    published_with: "Diterbitkan dengan Renaksi",
    licence: "Data boleh dipakai ulang dengan menyebut sumbernya (CC BY 4.0).",
    overall: "Capaian seluruh indikator",
    themes: "Tema",
    actions: "Rencana aksi",
    milestones: "Tonggak",
    indicators: "Indikator",
    measured: "Indikator terukur",
    progress_by_theme: "Capaian per tema",
    progress_by_opd: "Capaian per perangkat daerah",
    chart_note: "Garis putus-putus menandai 100%. Angka lengkap ada pada tabel di bawahnya.",
    theme: "Tema",
    opd: "Perangkat daerah",
    capaian: "Capaian",
    capaian_to_date: "Capaian s.d.",
    capaian_annual: "Capaian terhadap target tahunan",
    grade: "Predikat",
    no_figure: "belum terukur",
    themes_and_actions: "Tema dan rencana aksi",
    code: "Kode",
    action: "Rencana aksi",
    lead_opd: "OPD pelaksana",
    supporting_opds: "OPD pendukung",
    complete_milestones: "Tonggak selesai",
    figures_table: "Angka",
    grades_legend: "Predikat menurut capaian",
    commitment: "Komitmen",
    cso_partners: "Mitra organisasi masyarakat sipil",
    period: "Jangka waktu",
    ogp_values: "Nilai OGP",
    problem: "Permasalahan",
    description: "Uraian",
    contribution: "Kontribusi terhadap keterbukaan pemerintah",
    none: "Tidak ada",
    no: "No",
    milestone: "Tonggak",
    output: "Keluaran",
    start: "Mulai",
    end: "Selesai",
    irm_status: "Status (skala IRM)",
    evidence: "Bukti",
    no_milestones: "Belum ada tonggak.",
    no_indicators: "Belum ada indikator.",
    unit: "Satuan",
    baseline: "Baseline",
    polarity: "Polaritas",
    aggregation: "Agregasi",
    targets_and_realisations: "Target dan realisasi",
    target: "Target",
    realisation: "Realisasi",
    notes: "Keterangan",
    obstacles: "Kendala",
    follow_up: "Tindak lanjut",
    annual_target: "Target tahunan",
    target_to_date: "Target s.d.",
    realisation_to_date: "Realisasi s.d.",
    why_no_figure: "Mengapa tanpa angka",
    assessment_title: "Penilaian mandiri akhir komitmen",
    assessment_intro: "Pada akhir rencana aksi, Bappeda bersama OPD pelaksana menilai setiap \
        komitmen dengan dua ukuran Independent Reporting Mechanism (IRM) Open Government \
        Partnership: sejauh mana komitmen diselesaikan, dan apakah komitmen itu membuka \
        pemerintahan.",
    completion: "Tingkat penyelesaian",
    opened_government: "Apakah membuka pemerintahan?",
    explanation: "Penjelasan",
    not_assessed: "Belum dinilai",
    assessed_of: "rencana aksi sudah dinilai dari",
    completion_scale: "Skala tingkat penyelesaian",
    opened_scale: "Skala \"apakah membuka pemerintahan\"",
    actions_count: "Jumlah rencana aksi",
    cocreation_title: "Sesi ko-kreasi",
    cocreation_intro: "Rencana aksi disusun bersama masyarakat sipil. Halaman ini mencatat setiap \
        sesi ko-kreasi, masukan yang disampaikan, dan tanggapan pemerintah daerah atas setiap \
        masukan. Yang dicatat adalah organisasi, bukan nama orang.",
    no_sessions: "Belum ada sesi ko-kreasi yang dicatat.",
    held_on: "Tanggal",
    place: "Tempat",
    participants: "Peserta",
    participants_opd: "dari OPD",
    participants_cso: "dari organisasi masyarakat sipil",
    participants_other: "lainnya",
    inputs: "Masukan dan tanggapan",
    organisation: "Organisasi",
    input: "Masukan",
    response: "Tanggapan pemerintah",
    reason: "Alasan",
    not_responded: "Belum ditanggapi",
    no_inputs: "Belum ada masukan yang dicatat.",
    downloads_title: "Unduh data",
    downloads_intro: "Semua angka di situs ini juga tersedia sebagai data terbuka: satu berkas \
        CSV per tabel, satu berkas JSON berisi semuanya, dan datapackage.json yang menjelaskan \
        setiap kolom (Frictionless Data Package).",
    file: "Berkas",
    contents: "Isi",
    size: "Ukuran",
    open_data: "Data terbuka",
    workbooks: "Buku kerja Excel",
    json_all: "Seluruh data dalam satu berkas JSON",
    descriptor: "Keterangan setiap tabel dan kolom (Frictionless Data Package)",
    rekap_file: "Rekap kabupaten",
    assessment_file: "Penilaian mandiri akhir komitmen",
    never_published: "Yang tidak pernah diterbitkan: kunci dan tanda tangan digital, catatan \
        verifikator, nama orang (petugas, peserta dan penyampai masukan), serta lokasi berkas di \
        komputer Bappeda.",
    back_to_plan: "Kembali ke rencana aksi",
    link_opens_elsewhere: "tautan ke situs lain",
};

pub static EN: Words = Words {
    skip: "Skip to content",
    menu: "Main menu",
    home: "Home",
    cocreation: "Co-creation",
    assessment: "Self-assessment",
    downloads: "Download data",
    other_language: "Bahasa Indonesia",
    quarter: "Quarter",
    version: "Version",
    status_draft: "draft",
    status_final: "final",
    data_as_of: "Data as of",
    data_received: "latest report or realisation received",
    no_data_yet: "no report or realisation received yet",
    figures_up_to: "Progress is counted up to",
    published_on: "Published",
    no_period: "This plan has no quarters yet.",
    published_with: "Published with Renaksi",
    licence: "The data may be reused with attribution (CC BY 4.0).",
    overall: "Progress over all indicators",
    themes: "Themes",
    actions: "Actions",
    milestones: "Milestones",
    indicators: "Indicators",
    measured: "Indicators measured",
    progress_by_theme: "Progress by theme",
    progress_by_opd: "Progress by implementing office",
    chart_note: "The dashed line marks 100%. The full figures are in the table below.",
    theme: "Theme",
    opd: "Implementing office",
    capaian: "Progress",
    capaian_to_date: "Progress up to",
    capaian_annual: "Progress against the annual target",
    grade: "Rating",
    no_figure: "not measured yet",
    themes_and_actions: "Themes and actions",
    code: "Code",
    action: "Action",
    lead_opd: "Lead office",
    supporting_opds: "Supporting offices",
    complete_milestones: "Milestones complete",
    figures_table: "Figures",
    grades_legend: "Ratings by progress",
    commitment: "Commitment",
    cso_partners: "Civil society partners",
    period: "Period",
    ogp_values: "OGP values",
    problem: "Problem",
    description: "Description",
    contribution: "Contribution to open government",
    none: "None",
    no: "No",
    milestone: "Milestone",
    output: "Output",
    start: "Start",
    end: "End",
    irm_status: "Status (IRM scale)",
    evidence: "Evidence",
    no_milestones: "No milestones yet.",
    no_indicators: "No indicators yet.",
    unit: "Unit",
    baseline: "Baseline",
    polarity: "Polarity",
    aggregation: "Aggregation",
    targets_and_realisations: "Targets and realisations",
    target: "Target",
    realisation: "Realisation",
    notes: "Notes",
    obstacles: "Obstacles",
    follow_up: "Follow-up",
    annual_target: "Annual target",
    target_to_date: "Target up to",
    realisation_to_date: "Realisation up to",
    why_no_figure: "Why no figure",
    assessment_title: "End-of-commitment self-assessment",
    assessment_intro: "At the end of the action plan, Bappeda and each lead office assess every \
        commitment on the two measures of the Open Government Partnership's Independent \
        Reporting Mechanism (IRM): how far it was completed, and whether it opened government.",
    completion: "Completion",
    opened_government: "Did it open government?",
    explanation: "Explanation",
    not_assessed: "Not assessed yet",
    assessed_of: "actions assessed out of",
    completion_scale: "Completion scale",
    opened_scale: "\"Did it open government?\" scale",
    actions_count: "Number of actions",
    cocreation_title: "Co-creation sessions",
    cocreation_intro: "The action plan is made together with civil society. This page records \
        every co-creation session, the inputs given, and the local government's response to \
        each. Organisations are named, not people.",
    no_sessions: "No co-creation session has been recorded yet.",
    held_on: "Date",
    place: "Place",
    participants: "Participants",
    participants_opd: "from government offices",
    participants_cso: "from civil society organisations",
    participants_other: "others",
    inputs: "Inputs and responses",
    organisation: "Organisation",
    input: "Input",
    response: "Government response",
    reason: "Reason",
    not_responded: "Not answered yet",
    no_inputs: "No input has been recorded yet.",
    downloads_title: "Download data",
    downloads_intro: "Every figure on this site is also open data: one CSV file per table, one \
        JSON file with everything, and datapackage.json describing each column (Frictionless \
        Data Package). Column names and coded values are in Indonesian.",
    file: "File",
    contents: "Contents",
    size: "Size",
    open_data: "Open data",
    workbooks: "Excel workbooks",
    json_all: "All data in one JSON file",
    descriptor: "Description of every table and column (Frictionless Data Package)",
    rekap_file: "Regency summary (Rekap kabupaten)",
    assessment_file: "End-of-commitment self-assessment",
    never_published: "Never published: digital keys and signatures, verifiers' notes, people's \
        names (staff, participants and those who gave inputs), and where files are kept on \
        Bappeda's computer.",
    back_to_plan: "Back to the action plan",
    link_opens_elsewhere: "link to another site",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_and_percentages_read_the_way_each_language_writes_them() {
        assert_eq!(Lang::Id.number(1234.5), "1.234,5");
        assert_eq!(Lang::En.number(1234.5), "1,234.5");
        assert_eq!(Lang::Id.number(12.0), "12");
        assert_eq!(Lang::Id.percent(Some(87.5)), "87,50%");
        assert_eq!(Lang::En.percent(Some(1087.456)), "1,087.46%");
        assert_eq!(Lang::En.percent(None), "-");
        assert_eq!(
            Lang::En.date(NaiveDate::from_ymd_opt(2018, 7, 15).unwrap()),
            "15 July 2018"
        );
        assert_eq!(Lang::Id.day("2018-05-08"), "8 Mei 2018");
    }
}
