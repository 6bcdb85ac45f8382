//! The predikat bands of a plan, as Bappeda sets them: five labels with their
//! lower bounds, highest first. Stored per plan (`plans.grade_bands`, NULL for
//! the convention), carried in the package, printed in every legend.

use serde::{Deserialize, Serialize};

use crate::achievement::{GradeBand, GradeKey, GradeScale};
use crate::editing::{text_key, Undo};
use crate::store::audit::{self, Change};
use crate::store::plans;
use crate::store::undo::capture;
use crate::{Error, Result, Store};

/// How the undo of a change of the bands describes itself.
pub const UNDO_DESCRIPTION: &str = "ubah predikat capaian";

/// The highest lower bound a band may have (a capaian in percent).
pub const MAX_BOUND: f64 = 1000.0;
const MAX_LABEL: usize = 40;

/// The bands of the current plan as the editor shows them.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct BandsView {
    pub plan_id: String,
    pub bands: Vec<GradeBand>,
    /// True while the plan uses the convention (nothing stored).
    pub is_convention: bool,
    /// The legend printed under the tables of the Laporan and the Rekap.
    pub legend: String,
    pub can_edit: bool,
}

/// One band as typed: its label and lower bound (none for the lowest).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct BandInput {
    pub label: String,
    pub min: Option<f64>,
}

/// The five bands, highest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct BandsInput {
    pub bands: Vec<BandInput>,
}

pub fn view(store: &Store) -> Result<BandsView> {
    let conn = store.conn();
    let plan = plans::require_current(conn)?;
    let stored = plans::grade_bands(conn, &plan.id)?.and_then(|j| GradeScale::from_json(&j));
    let scale = stored.clone().unwrap_or_default();
    let can_edit =
        crate::access::is_bappeda(conn)? && !crate::access::is_read_only_plan(conn, &plan.id)?;
    Ok(BandsView {
        plan_id: plan.id,
        legend: scale.legend(),
        bands: scale.0,
        is_convention: stored.is_none(),
        can_edit,
    })
}

/// Checks five bands: each label given, bounds within 0..=1000 and strictly
/// descending, the lowest without a bound. The bands are half-open (from the
/// lower bound up to the next band's bound), so ordered bounds leave no gap and
/// no overlap.
pub fn validate(input: &BandsInput) -> Result<GradeScale> {
    if input.bands.len() != GradeKey::ORDER.len() {
        return Err(Error::invalid(
            "bands",
            "Predikat harus terdiri atas lima tingkat, dari yang tertinggi.",
        ));
    }
    let mut bands = Vec::with_capacity(5);
    for (i, (band, key)) in input.bands.iter().zip(GradeKey::ORDER).enumerate() {
        let label = band.label.trim();
        let label_field = format!("bands.{i}.label");
        if label.is_empty() {
            return Err(Error::invalid(label_field, "Nama predikat wajib diisi."));
        }
        if label.chars().count() > MAX_LABEL {
            return Err(Error::invalid(
                label_field,
                format!("Nama predikat terlalu panjang (paling banyak {MAX_LABEL} karakter)."),
            ));
        }
        if bands
            .iter()
            .any(|b: &GradeBand| b.label.eq_ignore_ascii_case(label))
        {
            return Err(Error::invalid(
                label_field,
                format!("Nama predikat \"{label}\" sudah dipakai tingkat lain."),
            ));
        }
        let min_field = format!("bands.{i}.min");
        let lowest = key == GradeKey::VeryLow;
        let min = match (band.min, lowest) {
            (Some(_), true) => {
                return Err(Error::invalid(
                    min_field,
                    "Predikat terendah tidak punya batas bawah: ia berlaku untuk setiap capaian \
                     di bawah batas predikat di atasnya.",
                ))
            }
            (None, true) => None,
            (None, false) => {
                return Err(Error::invalid(min_field, "Batas bawah wajib diisi."));
            }
            (Some(min), false) => {
                if !min.is_finite() || !(0.0..=MAX_BOUND).contains(&min) {
                    return Err(Error::invalid(
                        min_field,
                        "Batas bawah harus berupa angka dari 0 sampai 1000 (persen capaian).",
                    ));
                }
                if let Some(above) = bands.last().and_then(|b: &GradeBand| b.min) {
                    if min >= above {
                        return Err(Error::invalid(
                            min_field,
                            format!(
                                "Batas bawah harus lebih kecil dari batas predikat di atasnya ({}). \
                                 Setiap predikat berlaku dari batas bawahnya sampai sebelum batas \
                                 predikat di atasnya, jadi batas yang urut menurun tidak menyisakan \
                                 celah atau tumpang tindih.",
                                crate::versions::number_text(above)
                            ),
                        ));
                    }
                }
                Some(min)
            }
        };
        bands.push(GradeBand {
            key,
            label: label.to_string(),
            min,
        });
    }
    Ok(GradeScale(bands))
}

/// Sets the current plan's bands (Bappeda only), audited and undoable. Setting
/// the convention itself stores nothing (the plan follows the convention).
pub fn set(store: &mut Store, input: &BandsInput) -> Result<Undo> {
    let scale = validate(input)?;
    let json = (scale != GradeScale::default())
        .then(|| serde_json::to_string(&scale).expect("bands always serialise"));
    store.write(|tx| {
        let actor = crate::access::require_bappeda(tx, "mengubah predikat capaian")?.user_name;
        let plan = plans::require_current(tx)?;
        crate::access::require_active_plan(tx, &plan.id)?;
        let old = GradeScale::for_plan(tx, &plan.id)?;
        let image = capture(tx, "plans", &text_key("id", &plan.id))?;
        plans::set_grade_bands(tx, &plan.id, json.as_deref())?;
        if old != scale {
            audit::record(
                tx,
                &actor,
                &Change::new("plan", &plan.id, "update")
                    .on("gradeBands")
                    .from(Some(&old.legend()))
                    .to(Some(&scale.legend())),
            )?;
        }
        Ok(Undo::new(
            "plan",
            &plan.id,
            UNDO_DESCRIPTION.to_string(),
            vec![image],
        ))
    })
}
