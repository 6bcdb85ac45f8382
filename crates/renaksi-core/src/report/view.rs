//! What the printable sheets of a Laporan OPD show, computed from a snapshot:
//! every figure already decided (capaian, predikat), every text already worded.
//! The writer lays it out; the checker recomputes it from the data sheet and
//! compares it with what the visible sheet says.

#[derive(Debug, Clone, PartialEq)]
pub struct ReportView {
    /// "Rencana Aksi Daerah Keterbukaan Pemerintah Kabupaten Wonosobo 2018-2019"
    pub plan_title: String,
    /// The plan's version the report was made for, printed in the kop.
    pub plan_version: i64,
    /// "Kabupaten Wonosobo"
    pub region: String,
    pub opd_code: String,
    pub opd_name: String,
    pub year: i32,
    pub quarter: u8,
    /// "Triwulan I 2019"
    pub period_label: String,
    /// One row per indicator of the OPD, then one per milestone without indicators.
    pub rows: Vec<ReportRow>,
    /// Capaian per action of the OPD, for the Ringkasan sheet and its chart.
    pub actions: Vec<ActionFigure>,
    pub signature: SignatureBlock,
    /// The predikat bands the report used, printed under its table.
    pub grade_legend: String,
    /// "Renaksi 0.1.0"
    pub generator: String,
    /// "15 April 2019 10.30 WIB"-style text of the export time.
    pub exported_at_text: String,
}

/// One row of the evaluation table. Numbers are `None` where the cell is empty;
/// percentages are the values before rounding (the sheet shows two decimals).
#[derive(Debug, Clone, PartialEq)]
pub struct ReportRow {
    pub no: u32,
    /// "1. Layanan Publik"
    pub theme: String,
    /// "RA-01 Penyiapan Jaminan Kesehatan Semesta ..."
    pub action: String,
    /// Milestone title, or "" when the indicator has none.
    pub milestone: String,
    /// Indicator description, or "" for a milestone-only row.
    pub indicator: String,
    pub unit: String,
    pub baseline: Option<f64>,
    pub annual_target: Option<f64>,
    pub targets: [Option<f64>; 4],
    /// Realisasi TW I-IV as known up to the report's quarter: the quarters
    /// after it are empty even when the snapshot holds them (a report "s.d.
    /// TW II" shows what was known up to TW II; the signed data keeps all).
    pub realisations: [Option<f64>; 4],
    /// Capaian s.d. TW n (%).
    pub percent: Option<f64>,
    /// Predikat label, or "" (with `percent_note` saying why there is no figure).
    pub grade: String,
    /// Capaian terhadap target tahunan (%).
    pub annual_percent: Option<f64>,
    /// Why `percent` is empty, e.g. "Belum ada target", or "".
    pub percent_note: String,
    /// Milestone status label (Belum Dimulai / Terbatas / Substansial / Selesai).
    pub status: String,
    /// Evidence names and links, one per line.
    pub evidence: String,
    /// Kendala of the period's quarter.
    pub obstacles: String,
    /// Tindak lanjut of the period's quarter.
    pub follow_up: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ActionFigure {
    pub code: String,
    pub title: String,
    pub percent: Option<f64>,
    pub grade: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SignatureBlock {
    /// "Wonosobo"
    pub place: String,
    /// "15 April 2019"
    pub date: String,
    /// "Kepala Dinas Kesehatan"
    pub position: String,
    pub name: String,
    pub nip: String,
}

use std::collections::HashMap;

use super::snapshot::Snapshot;
use crate::achievement::{self, GradeKey, Quarters};
use crate::dates::long_time_wib;
use crate::period::PeriodRef;
use crate::workbook::labels::{reason_label, status_label};

/// An upper bound, in bytes, of the text [`ReportView::from_snapshot`] puts
/// into its rows, computed without building them. Every row repeats the texts
/// of its theme, action and milestone and lists the evidence of its milestone
/// and indicator, so a small snapshot from a crafted file could ask for a view
/// of gigabytes; `datasheet::read` refuses such snapshots by this bound. Keep
/// it in step with `from_snapshot`.
pub fn text_bound(snapshot: &Snapshot) -> usize {
    // Numbers, fixed labels and separators of one row, generously.
    const ROW: usize = 512;
    let context = &snapshot.context;
    let data = &snapshot.data;
    let themes: HashMap<&str, usize> = context
        .themes
        .iter()
        .map(|t| (t.id.as_str(), t.name.len() + 24))
        .collect();
    let actions: HashMap<&str, usize> = context
        .actions
        .iter()
        .map(|a| {
            let theme = themes.get(a.theme_id.as_str()).copied().unwrap_or(0);
            (a.id.as_str(), a.code.len() + 1 + a.title.len() + theme)
        })
        .collect();
    let grade = context
        .grades
        .0
        .iter()
        .map(|b| b.label.len())
        .max()
        .unwrap_or(0);
    // Evidence lines by milestone or indicator id (the two kinds of id are
    // not told apart: a bound may count too much).
    let mut evidence: HashMap<&str, usize> = HashMap::new();
    for e in &data.evidence {
        let line = e.title.len()
            + e.url.as_ref().map_or(0, |u| u.len() + 3)
            + e.file_name.as_ref().map_or(0, String::len)
            + 1;
        for id in [e.milestone_id.as_deref(), e.indicator_id.as_deref()]
            .into_iter()
            .flatten()
        {
            let sum = evidence.entry(id).or_default();
            *sum = sum.saturating_add(line);
        }
    }
    // Kendala and tindak lanjut of every quarter, not only the period's.
    let mut story: HashMap<&str, usize> = HashMap::new();
    for r in &data.realisations {
        let sum = story.entry(r.indicator_id.as_str()).or_default();
        *sum = sum.saturating_add(r.obstacles.len() + r.follow_up.len());
    }
    let milestones: HashMap<&str, &crate::model::Milestone> =
        data.milestones.iter().map(|m| (m.id.as_str(), m)).collect();
    let get = |map: &HashMap<&str, usize>, id: &str| map.get(id).copied().unwrap_or(0);
    let indicator_rows = data.indicators.iter().map(|i| {
        let milestone = i
            .milestone_id
            .as_deref()
            .and_then(|id| milestones.get(id))
            .map_or(0, |m| m.title.len().saturating_add(get(&evidence, &m.id)));
        [
            ROW,
            grade,
            get(&actions, &i.action_id),
            i.description.len(),
            i.unit.len(),
            milestone,
            get(&evidence, &i.id),
            get(&story, &i.id),
        ]
        .into_iter()
        .fold(0usize, usize::saturating_add)
    });
    let milestone_rows = data.milestones.iter().map(|m| {
        [
            ROW,
            get(&actions, &m.action_id),
            m.title.len(),
            get(&evidence, &m.id),
        ]
        .into_iter()
        .fold(0usize, usize::saturating_add)
    });
    indicator_rows
        .chain(milestone_rows)
        .fold(0usize, usize::saturating_add)
}

/// The quarters up to `quarter`; the later ones empty. Capaian s.d. TW n
/// reads only these already (`achievement::to_date`).
fn up_to(values: Quarters, quarter: u8) -> Quarters {
    let mut shown = [None; 4];
    let known = usize::from(quarter.clamp(1, 4));
    shown[..known].copy_from_slice(&values[..known]);
    shown
}

impl ReportView {
    /// Everything the printable sheets show, from the snapshot alone. The
    /// snapshot's quarters are 1 to 4 (`datasheet::read` sees to it for
    /// snapshots read from files).
    pub fn from_snapshot(snapshot: &Snapshot) -> ReportView {
        let meta = &snapshot.meta;
        let context = &snapshot.context;
        let data = &snapshot.data;
        let period = PeriodRef {
            year: meta.year,
            quarter: meta.quarter,
        };
        let scale = &context.grades;
        let grade_label = |key: Option<GradeKey>| {
            key.and_then(|k| scale.0.iter().find(|b| b.key == k))
                .map(|b| b.label.clone())
                .unwrap_or_default()
        };
        let themes: HashMap<&str, String> = context
            .themes
            .iter()
            .map(|t| (t.id.as_str(), format!("{}. {}", t.seq, t.name)))
            .collect();
        let actions: HashMap<&str, &super::snapshot::ActionRow> =
            context.actions.iter().map(|a| (a.id.as_str(), a)).collect();
        let action_text = |id: &str| {
            actions
                .get(id)
                .map(|a| format!("{} {}", a.code, a.title))
                .unwrap_or_default()
        };
        let theme_text = |id: &str| {
            actions
                .get(id)
                .and_then(|a| themes.get(a.theme_id.as_str()).cloned())
                .unwrap_or_default()
        };
        let action_code = |id: &str| actions.get(id).map(|a| a.code.clone()).unwrap_or_default();

        let mut targets: HashMap<&str, Quarters> = HashMap::new();
        for t in data.targets.iter().filter(|t| t.year == period.year) {
            targets.entry(t.indicator_id.as_str()).or_default()[usize::from(t.quarter) - 1] =
                Some(t.value);
        }
        let mut realised: HashMap<&str, Quarters> = HashMap::new();
        let mut story: HashMap<&str, (&str, &str)> = HashMap::new();
        for r in data.realisations.iter().filter(|r| r.year == period.year) {
            realised.entry(r.indicator_id.as_str()).or_default()[usize::from(r.quarter) - 1] =
                r.value;
            if r.quarter == period.quarter {
                story.insert(
                    r.indicator_id.as_str(),
                    (r.obstacles.as_str(), r.follow_up.as_str()),
                );
            }
        }
        let evidence_text = |milestone: Option<&str>, indicator: Option<&str>| {
            data.evidence
                .iter()
                .filter(|e| {
                    (milestone.is_some() && e.milestone_id.as_deref() == milestone)
                        || (indicator.is_some()
                            && e.indicator_id.as_deref() == indicator
                            && e.year == Some(period.year)
                            && e.quarter.is_some_and(|q| q <= period.quarter))
                })
                .map(|e| match &e.url {
                    Some(url) => format!("{} ({url})", e.title),
                    None => e.file_name.clone().unwrap_or_else(|| e.title.clone()),
                })
                .collect::<Vec<_>>()
                .join("\n")
        };

        let mut indicators: Vec<_> = data.indicators.iter().collect();
        indicators.sort_by_key(|i| (action_code(&i.action_id), i.seq));
        let mut milestones: Vec<_> = data.milestones.iter().collect();
        milestones.sort_by_key(|m| (action_code(&m.action_id), m.seq));
        let milestone_of: HashMap<&str, &crate::model::Milestone> =
            data.milestones.iter().map(|m| (m.id.as_str(), m)).collect();

        let mut rows = Vec::new();
        let mut per_action: Vec<(String, Vec<Option<f64>>)> = Vec::new();
        for indicator in &indicators {
            let year_targets = targets
                .get(indicator.id.as_str())
                .copied()
                .unwrap_or([None; 4]);
            let real = realised
                .get(indicator.id.as_str())
                .copied()
                .unwrap_or([None; 4]);
            let figures = achievement::achievement(
                &year_targets,
                &real,
                period.quarter,
                indicator.polarity,
                indicator.aggregation,
                scale,
            );
            let milestone = indicator
                .milestone_id
                .as_deref()
                .and_then(|id| milestone_of.get(id));
            let (obstacles, follow_up) = story
                .get(indicator.id.as_str())
                .copied()
                .unwrap_or(("", ""));
            rows.push(ReportRow {
                no: rows.len() as u32 + 1,
                theme: theme_text(&indicator.action_id),
                action: action_text(&indicator.action_id),
                milestone: milestone.map(|m| m.title.clone()).unwrap_or_default(),
                indicator: indicator.description.clone(),
                unit: indicator.unit.clone(),
                baseline: indicator.baseline,
                annual_target: figures.annual_target,
                targets: year_targets,
                realisations: up_to(real, period.quarter),
                percent: figures.percent,
                grade: grade_label(figures.grade),
                annual_percent: figures.annual_percent,
                percent_note: reason_label(figures.reason).to_string(),
                status: milestone
                    .map(|m| status_label(m.status).to_string())
                    .unwrap_or_default(),
                evidence: evidence_text(
                    milestone.map(|m| m.id.as_str()),
                    Some(indicator.id.as_str()),
                ),
                obstacles: obstacles.to_string(),
                follow_up: follow_up.to_string(),
            });
            let code = action_code(&indicator.action_id);
            match per_action.iter_mut().find(|(c, _)| *c == code) {
                Some((_, percents)) => percents.push(figures.percent),
                None => per_action.push((code, vec![figures.percent])),
            }
        }
        let with_indicator: std::collections::HashSet<&str> = indicators
            .iter()
            .filter_map(|i| i.milestone_id.as_deref())
            .collect();
        for milestone in milestones
            .iter()
            .filter(|m| !with_indicator.contains(m.id.as_str()))
        {
            rows.push(ReportRow {
                no: rows.len() as u32 + 1,
                theme: theme_text(&milestone.action_id),
                action: action_text(&milestone.action_id),
                milestone: milestone.title.clone(),
                indicator: String::new(),
                unit: String::new(),
                baseline: None,
                annual_target: None,
                targets: [None; 4],
                realisations: [None; 4],
                percent: None,
                grade: String::new(),
                annual_percent: None,
                percent_note: String::new(),
                status: status_label(milestone.status).to_string(),
                evidence: evidence_text(Some(milestone.id.as_str()), None),
                obstacles: String::new(),
                follow_up: String::new(),
            });
        }
        let actions_figures = per_action
            .into_iter()
            .map(|(code, percents)| {
                let rollup = achievement::rollup(percents, scale);
                ActionFigure {
                    title: context
                        .actions
                        .iter()
                        .find(|a| a.code == code)
                        .map(|a| a.title.clone())
                        .unwrap_or_default(),
                    code,
                    percent: rollup.percent,
                    grade: grade_label(rollup.grade),
                }
            })
            .collect();

        ReportView {
            plan_title: context.plan_title.clone(),
            plan_version: meta.plan_version,
            region: context.region.clone(),
            opd_code: meta.opd_code.clone(),
            opd_name: context.opd_name.clone(),
            year: meta.year,
            quarter: meta.quarter,
            period_label: period.label(),
            rows,
            actions: actions_figures,
            signature: SignatureBlock {
                place: meta.sign_place.clone(),
                date: meta.sign_date.clone(),
                position: meta.head_position.clone(),
                name: meta.head_name.clone(),
                nip: meta.head_nip.clone(),
            },
            grade_legend: scale.legend(),
            generator: format!("Renaksi {}", meta.app_version),
            exported_at_text: long_time_wib(&meta.exported_at),
        }
    }
}
