//! Capaian and predikat, by the rules users check by hand (design brief, "Rules
//! that users will check by hand"). Pure functions over one plan year's quarterly
//! values; the callers pick the year and the quarter.

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use crate::model::{Aggregation, Polarity};
use crate::store::plans;
use crate::versions::number_text;
use crate::Result;

/// The four quarters of one year; `None` where a quarter has no value.
pub type Quarters = [Option<f64>; 4];

/// Value "s.d. TW n": for kumulatif the sum of quarters 1..n that have a value;
/// for persentase and nilai akhir the latest quarter up to n that has one.
pub fn to_date(values: &Quarters, quarter: u8, aggregation: Aggregation) -> Option<f64> {
    let upto = &values[..usize::from(quarter.clamp(1, 4))];
    match aggregation {
        Aggregation::Cumulative => {
            let present: Vec<f64> = upto.iter().flatten().copied().collect();
            (!present.is_empty()).then(|| present.iter().sum())
        }
        Aggregation::Percentage | Aggregation::LatestValue => {
            upto.iter().rev().flatten().next().copied()
        }
    }
}

/// Why a capaian is shown as "-" (or `Ok` when it is a number).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(rename = "AchievementReason")]
#[serde(rename_all = "snake_case")]
pub enum Reason {
    Ok,
    NoTarget,
    ZeroTarget,
    NoRealisation,
    ZeroRealisation,
}

/// Capaian (%) of a realisation against a target, by polarity.
pub fn percent(
    polarity: Polarity,
    target: Option<f64>,
    realisation: Option<f64>,
) -> (Option<f64>, Reason) {
    let Some(target) = target else {
        return (None, Reason::NoTarget);
    };
    let Some(realisation) = realisation else {
        return (None, Reason::NoRealisation);
    };
    match polarity {
        Polarity::Positive if target == 0.0 => (None, Reason::ZeroTarget),
        Polarity::Positive => (Some(realisation / target * 100.0), Reason::Ok),
        Polarity::Negative if realisation == 0.0 => (None, Reason::ZeroRealisation),
        Polarity::Negative => (Some(target / realisation * 100.0), Reason::Ok),
    }
}

/// The predikat bands; stored and serialised under their Indonesian names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
pub enum GradeKey {
    #[serde(rename = "sangat_tinggi")]
    VeryHigh,
    #[serde(rename = "tinggi")]
    High,
    #[serde(rename = "sedang")]
    Medium,
    #[serde(rename = "rendah")]
    Low,
    #[serde(rename = "sangat_rendah")]
    VeryLow,
}

impl GradeKey {
    /// The five bands, highest first: the order of every scale.
    pub const ORDER: [GradeKey; 5] = [
        GradeKey::VeryHigh,
        GradeKey::High,
        GradeKey::Medium,
        GradeKey::Low,
        GradeKey::VeryLow,
    ];
}

/// One predikat band: capaian from `min` (inclusive) up to the next band's min.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
pub struct GradeBand {
    pub key: GradeKey,
    pub label: String,
    /// `None` for the lowest band, which has no lower bound.
    pub min: Option<f64>,
}

/// The predikat bands, highest first: the plan's own (`plans.grade_bands`),
/// else the convention. Half-open by construction: a band runs from its lower
/// bound up to, not including, the bound of the band above it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct GradeScale(pub Vec<GradeBand>);

impl Default for GradeScale {
    /// The evaluation convention OPDs already use.
    fn default() -> Self {
        let band = |key, label: &str, min| GradeBand {
            key,
            label: label.to_string(),
            min,
        };
        GradeScale(vec![
            band(GradeKey::VeryHigh, "Sangat Tinggi", Some(91.0)),
            band(GradeKey::High, "Tinggi", Some(76.0)),
            band(GradeKey::Medium, "Sedang", Some(66.0)),
            band(GradeKey::Low, "Rendah", Some(51.0)),
            band(GradeKey::VeryLow, "Sangat Rendah", None),
        ])
    }
}

impl GradeScale {
    /// The bands of the current plan, or the convention when it has none (or
    /// there is no plan yet).
    pub fn load(conn: &Connection) -> Result<GradeScale> {
        match plans::current(conn)? {
            Some(plan) => GradeScale::for_plan(conn, &plan.id),
            None => Ok(GradeScale::default()),
        }
    }

    /// The bands of one plan, or the convention when it has none.
    pub fn for_plan(conn: &Connection, plan_id: &str) -> Result<GradeScale> {
        Ok(plans::grade_bands(conn, plan_id)?
            .and_then(|json| GradeScale::from_json(&json))
            .unwrap_or_default())
    }

    /// Bands stored as JSON; `None` unless they are the five bands in order.
    pub fn from_json(json: &str) -> Option<GradeScale> {
        serde_json::from_str::<GradeScale>(json)
            .ok()
            .filter(|scale| scale.is_well_formed())
    }

    /// Five bands, keys in order highest first, lower bounds strictly
    /// descending, the lowest without a bound.
    pub fn is_well_formed(&self) -> bool {
        let keys: Vec<GradeKey> = self.0.iter().map(|b| b.key).collect();
        let mins: Vec<Option<f64>> = self.0.iter().map(|b| b.min).collect();
        keys == GradeKey::ORDER
            && mins[..4].iter().all(|m| m.is_some_and(f64::is_finite))
            && mins[4].is_none()
            && mins[..4].windows(2).all(|w| w[0] > w[1])
    }

    /// The bands as printed under a table: "Predikat: Sangat Tinggi ≥ 91;
    /// Tinggi 76 – < 91; ...; Sangat Rendah < 51".
    pub fn legend(&self) -> String {
        let mut parts = Vec::with_capacity(self.0.len());
        let mut above: Option<f64> = None;
        for band in &self.0 {
            let part = match (band.min, above) {
                (Some(min), None) => format!("{} ≥ {}", band.label, number_text(min)),
                (Some(min), Some(up)) => format!(
                    "{} {} – < {}",
                    band.label,
                    number_text(min),
                    number_text(up)
                ),
                (None, Some(up)) => format!("{} < {}", band.label, number_text(up)),
                (None, None) => band.label.clone(),
            };
            parts.push(part);
            above = band.min.or(above);
        }
        format!("Predikat (capaian %): {}", parts.join("; "))
    }

    /// The band of a capaian, decided on the value before rounding.
    pub fn grade(&self, percent: f64) -> Option<GradeKey> {
        self.0
            .iter()
            .find(|band| band.min.is_none_or(|min| percent >= min))
            .map(|band| band.key)
    }
}

/// The figures of one indicator for quarter n of a year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Achievement {
    pub target_to_date: Option<f64>,
    pub realisation_to_date: Option<f64>,
    /// Capaian s.d. TW n (%): the headline figure, which carries the predikat.
    pub percent: Option<f64>,
    pub annual_target: Option<f64>,
    /// Capaian terhadap target tahunan (%).
    pub annual_percent: Option<f64>,
    pub grade: Option<GradeKey>,
    pub reason: Reason,
}

/// Everything the evaluation table shows for one indicator at quarter n.
pub fn achievement(
    targets: &Quarters,
    realisations: &Quarters,
    quarter: u8,
    polarity: Polarity,
    aggregation: Aggregation,
    scale: &GradeScale,
) -> Achievement {
    let target_to_date = to_date(targets, quarter, aggregation);
    let realisation_to_date = to_date(realisations, quarter, aggregation);
    let annual_target = to_date(targets, 4, aggregation);
    let (percent, reason) = percent(polarity, target_to_date, realisation_to_date);
    let (annual_percent, _) = self::percent(polarity, annual_target, realisation_to_date);
    Achievement {
        target_to_date,
        realisation_to_date,
        percent,
        annual_target,
        annual_percent,
        grade: percent.and_then(|p| scale.grade(p)),
        reason,
    }
}

/// Capaian rolled up over several indicators (an action, a theme, an OPD): the
/// mean of the capaian that can be computed.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Rollup {
    pub percent: Option<f64>,
    pub grade: Option<GradeKey>,
    pub indicator_count: usize,
    pub measured_count: usize,
}

pub fn rollup(percents: impl IntoIterator<Item = Option<f64>>, scale: &GradeScale) -> Rollup {
    let (mut count, mut sum, mut measured) = (0, 0.0, 0);
    for percent in percents {
        count += 1;
        if let Some(p) = percent {
            sum += p;
            measured += 1;
        }
    }
    let percent = (measured > 0).then(|| sum / measured as f64);
    Rollup {
        percent,
        grade: percent.and_then(|p| scale.grade(p)),
        indicator_count: count,
        measured_count: measured,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use Aggregation::*;
    use Polarity::*;

    const T: Quarters = [Some(10.0), Some(20.0), None, Some(40.0)];

    fn grade(p: f64) -> Option<GradeKey> {
        GradeScale::default().grade(p)
    }

    #[test]
    fn cumulative_sums_the_quarters_up_to_n_skipping_missing_ones() {
        assert_eq!(to_date(&T, 1, Cumulative), Some(10.0));
        assert_eq!(to_date(&T, 2, Cumulative), Some(30.0));
        assert_eq!(to_date(&T, 3, Cumulative), Some(30.0));
        assert_eq!(to_date(&T, 4, Cumulative), Some(70.0));
        assert_eq!(to_date(&[None, None, Some(5.0), None], 2, Cumulative), None);
    }

    #[test]
    fn percentage_and_latest_value_take_the_latest_quarter_that_has_a_value() {
        for aggregation in [Percentage, LatestValue] {
            assert_eq!(to_date(&T, 1, aggregation), Some(10.0));
            assert_eq!(
                to_date(&T, 3, aggregation),
                Some(20.0),
                "Q3 is missing: Q2 stands"
            );
            assert_eq!(to_date(&T, 4, aggregation), Some(40.0));
            assert_eq!(to_date(&[None; 4], 4, aggregation), None);
        }
    }

    #[test]
    fn positive_polarity_is_realisation_over_target() {
        assert_eq!(
            percent(Positive, Some(80.0), Some(60.0)),
            (Some(75.0), Reason::Ok)
        );
        assert_eq!(
            percent(Positive, Some(50.0), Some(60.0)),
            (Some(120.0), Reason::Ok)
        );
    }

    #[test]
    fn negative_polarity_is_target_over_realisation() {
        // Target 10 days, took 12.5: 80 %.
        assert_eq!(
            percent(Negative, Some(10.0), Some(12.5)),
            (Some(80.0), Reason::Ok)
        );
        // Better than target shows above 100, as it is.
        assert_eq!(
            percent(Negative, Some(10.0), Some(8.0)),
            (Some(125.0), Reason::Ok)
        );
        assert_eq!(
            percent(Negative, Some(0.0), Some(4.0)),
            (Some(0.0), Reason::Ok)
        );
    }

    #[test]
    fn a_zero_or_missing_denominator_gives_no_figure_and_says_why() {
        assert_eq!(
            percent(Positive, Some(0.0), Some(5.0)),
            (None, Reason::ZeroTarget)
        );
        assert_eq!(percent(Positive, None, Some(5.0)), (None, Reason::NoTarget));
        assert_eq!(
            percent(Positive, Some(5.0), None),
            (None, Reason::NoRealisation)
        );
        assert_eq!(
            percent(Negative, Some(5.0), Some(0.0)),
            (None, Reason::ZeroRealisation)
        );
        assert_eq!(
            percent(Negative, Some(5.0), None),
            (None, Reason::NoRealisation)
        );
    }

    #[test]
    fn band_edges_are_half_open_and_decided_before_rounding() {
        assert_eq!(grade(50.0), Some(GradeKey::VeryLow));
        assert_eq!(
            grade(50.999),
            Some(GradeKey::VeryLow),
            "shown as 51,00 but below 51"
        );
        assert_eq!(grade(51.0), Some(GradeKey::Low));
        assert_eq!(grade(65.0), Some(GradeKey::Low));
        assert_eq!(grade(65.999), Some(GradeKey::Low));
        assert_eq!(grade(66.0), Some(GradeKey::Medium));
        assert_eq!(grade(75.0), Some(GradeKey::Medium));
        assert_eq!(grade(76.0), Some(GradeKey::High));
        assert_eq!(grade(90.0), Some(GradeKey::High));
        assert_eq!(grade(90.995), Some(GradeKey::High));
        assert_eq!(grade(91.0), Some(GradeKey::VeryHigh));
        assert_eq!(grade(250.0), Some(GradeKey::VeryHigh));
        assert_eq!(grade(0.0), Some(GradeKey::VeryLow));
    }

    #[test]
    fn the_achievement_combines_to_date_annual_and_grade() {
        let scale = GradeScale::default();
        let targets = [None, None, Some(25.0), Some(25.0)];
        let real = [None, None, Some(20.0), None];
        let a = achievement(&targets, &real, 3, Positive, Cumulative, &scale);
        assert_eq!(a.target_to_date, Some(25.0));
        assert_eq!(a.realisation_to_date, Some(20.0));
        assert_eq!(a.percent, Some(80.0));
        assert_eq!(a.grade, Some(GradeKey::High));
        assert_eq!(a.annual_target, Some(50.0));
        assert_eq!(a.annual_percent, Some(40.0));

        // Quarter 4 has a target but no realisation yet: the cumulative
        // realisation s.d. TW IV is still 20 against 50.
        let a = achievement(&targets, &real, 4, Positive, Cumulative, &scale);
        assert_eq!(a.percent, Some(40.0));
        assert_eq!(a.grade, Some(GradeKey::VeryLow));

        let a = achievement(&[None; 4], &real, 3, Positive, Percentage, &scale);
        assert_eq!(
            (a.percent, a.grade, a.reason),
            (None, None, Reason::NoTarget)
        );
    }

    #[test]
    fn persentase_uses_the_level_reached_not_a_sum() {
        let scale = GradeScale::default();
        let targets = [Some(60.0), Some(70.0), Some(80.0), Some(90.0)];
        let real = [Some(58.0), Some(72.0), None, None];
        let a = achievement(&targets, &real, 3, Positive, Percentage, &scale);
        assert_eq!(a.target_to_date, Some(80.0));
        assert_eq!(a.realisation_to_date, Some(72.0));
        assert_eq!(a.percent, Some(90.0));
        assert_eq!(a.annual_target, Some(90.0));
        assert_eq!(a.annual_percent, Some(80.0));
    }

    #[test]
    fn a_negative_latest_value_indicator_grades_on_the_inverse_ratio() {
        let scale = GradeScale::default();
        let targets = [Some(14.0), Some(10.0), Some(7.0), Some(5.0)];
        let real = [Some(15.0), Some(12.0), None, None];
        let a = achievement(&targets, &real, 2, Negative, LatestValue, &scale);
        let p = a.percent.unwrap();
        assert!((p - 83.333).abs() < 0.001, "{p}");
        assert_eq!(a.grade, Some(GradeKey::High));
        let annual = a.annual_percent.unwrap();
        assert!((annual - 41.666).abs() < 0.001, "{annual}");
    }

    #[test]
    fn rollups_average_the_figures_that_exist() {
        let scale = GradeScale::default();
        let r = rollup([Some(100.0), None, Some(80.0)], &scale);
        assert_eq!(r.percent, Some(90.0));
        assert_eq!(r.grade, Some(GradeKey::High));
        assert_eq!((r.indicator_count, r.measured_count), (3, 2));
        let none = rollup([None, None], &scale);
        assert_eq!((none.percent, none.grade), (None, None));
    }

    #[test]
    fn the_legend_names_every_band_with_its_half_open_interval() {
        assert_eq!(
            GradeScale::default().legend(),
            "Predikat (capaian %): Sangat Tinggi ≥ 91; Tinggi 76 – < 91; Sedang 66 – < 76; \
             Rendah 51 – < 66; Sangat Rendah < 51"
        );
    }

    #[test]
    fn stored_bands_that_are_not_five_ordered_bands_are_not_used() {
        let good = serde_json::to_string(&GradeScale::default()).unwrap();
        assert_eq!(GradeScale::from_json(&good), Some(GradeScale::default()));
        let mut bad = GradeScale::default();
        bad.0[1].min = Some(95.0);
        assert_eq!(
            GradeScale::from_json(&serde_json::to_string(&bad).unwrap()),
            None
        );
        assert_eq!(GradeScale::from_json("[]"), None);
    }

    #[test]
    fn the_scale_is_a_setting_that_can_change_labels_and_bounds() {
        let mut scale = GradeScale::default();
        scale.0[0].min = Some(95.0);
        scale.0[0].label = "Istimewa".into();
        let json = serde_json::to_string(&scale).unwrap();
        let back: GradeScale = serde_json::from_str(&json).unwrap();
        assert_eq!(back.grade(93.0), Some(GradeKey::High));
        assert_eq!(back.0[0].label, "Istimewa");
    }
}
