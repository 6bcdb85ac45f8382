//! `renaksi plan bands`: the plan's predikat bands, shown or set.

use std::path::Path;

use renaksi_api::bands;
use renaksi_api::Error;

use super::Result;
use renaksi_core::planning::bands::{BandInput, BandsInput};

pub fn bands(db: &Path, set: Option<&str>) -> Result<()> {
    let mut store = renaksi_api::open_existing(db)?;
    if let Some(bounds) = set {
        let current = bands::view(&store)?;
        let mins = parse_bounds(bounds)?;
        let input = BandsInput {
            bands: current
                .bands
                .iter()
                .enumerate()
                .map(|(i, band)| BandInput {
                    label: band.label.clone(),
                    min: mins.get(i).copied(),
                })
                .collect(),
        };
        bands::set(&mut store, &input)?;
    }
    out!("{}", bands::view(&store)?.legend)?;
    Ok(())
}

/// "91,76,66,51" (a decimal comma inside a bound is not possible here: use a
/// point, "75.5").
fn parse_bounds(text: &str) -> Result<Vec<f64>> {
    let mins = text
        .split(',')
        .map(|part| part.trim().parse::<f64>())
        .collect::<std::result::Result<Vec<f64>, _>>()
        .map_err(|_| {
            Error::invalid(
                "set",
                "Tulis empat batas bawah dipisah koma, mis. \"91,76,66,51\".",
            )
        })?;
    if mins.len() != 4 {
        return Err(Error::invalid(
            "set",
            "Tulis empat batas bawah dipisah koma, mis. \"91,76,66,51\" (predikat terendah tanpa batas).",
        )
        .into());
    }
    Ok(mins)
}
