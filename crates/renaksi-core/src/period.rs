//! A reporting period: quarter (triwulan) n of a plan year, written `2018-TW2`
//! (or `2018-Q2`) on the command line.

use std::fmt;
use std::str::FromStr;

use rusqlite::{Connection, OptionalExtension};
use serde::{Deserialize, Serialize};

use crate::{Error, Result};

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ts_rs::TS,
)]
pub struct PeriodRef {
    pub year: i32,
    pub quarter: u8,
}

impl PeriodRef {
    pub fn new(year: i32, quarter: u8) -> Result<PeriodRef> {
        if !(1..=4).contains(&quarter) {
            return Err(Error::invalid("quarter", "Triwulan harus 1 sampai 4."));
        }
        Ok(PeriodRef { year, quarter })
    }

    /// "Triwulan II 2018".
    pub fn label(&self) -> String {
        format!("Triwulan {} {}", roman(self.quarter), self.year)
    }
}

impl fmt::Display for PeriodRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-TW{}", self.year, self.quarter)
    }
}

impl FromStr for PeriodRef {
    type Err = Error;

    /// Accepts `2018-TW2`, `2018-Q2`, `2018-tw2` and `2018-TWII`.
    fn from_str(text: &str) -> Result<PeriodRef> {
        let bad = || {
            Error::invalid(
                "period",
                format!("Periode \"{text}\" tidak dikenal; tulis seperti 2018-TW2 atau 2018-Q2."),
            )
        };
        let (year, quarter) = text.trim().split_once('-').ok_or_else(bad)?;
        let year: i32 = year.parse().map_err(|_| bad())?;
        let quarter = quarter.to_ascii_uppercase();
        let quarter = quarter
            .strip_prefix("TW")
            .or_else(|| quarter.strip_prefix('Q'))
            .ok_or_else(bad)?;
        let quarter = match quarter {
            "1" | "I" => 1,
            "2" | "II" => 2,
            "3" | "III" => 3,
            "4" | "IV" => 4,
            _ => return Err(bad()),
        };
        PeriodRef::new(year, quarter)
    }
}

pub fn roman(quarter: u8) -> &'static str {
    match quarter {
        1 => "I",
        2 => "II",
        3 => "III",
        _ => "IV",
    }
}

/// The period figures are shown for when none is chosen: the latest quarter of
/// the plan that has a realisation, else the plan's first quarter.
pub fn default_period(conn: &Connection, plan_id: &str) -> Result<Option<PeriodRef>> {
    let latest = conn
        .query_row(
            "SELECT r.year, r.quarter FROM realisations r
             JOIN indicators i ON i.id = r.indicator_id
             JOIN actions a ON a.id = i.action_id
             WHERE a.plan_id = ?1 AND r.value IS NOT NULL
             ORDER BY r.year DESC, r.quarter DESC LIMIT 1",
            [plan_id],
            |row| {
                Ok(PeriodRef {
                    year: row.get(0)?,
                    quarter: row.get(1)?,
                })
            },
        )
        .optional()?;
    if latest.is_some() {
        return Ok(latest);
    }
    Ok(conn
        .query_row(
            "SELECT year, quarter FROM periods WHERE plan_id = ?1 ORDER BY year, quarter LIMIT 1",
            [plan_id],
            |row| {
                Ok(PeriodRef {
                    year: row.get(0)?,
                    quarter: row.get(1)?,
                })
            },
        )
        .optional()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn periods_are_read_in_the_forms_clerks_write() {
        for text in ["2018-TW2", "2018-Q2", "2018-tw2", "2018-TWII", " 2018-q2 "] {
            assert_eq!(
                text.parse::<PeriodRef>().unwrap(),
                PeriodRef {
                    year: 2018,
                    quarter: 2
                },
                "{text}"
            );
        }
        for text in ["2018", "2018-TW5", "TW2-2018", "2018-X2", ""] {
            assert!(text.parse::<PeriodRef>().is_err(), "{text}");
        }
        assert_eq!(
            PeriodRef {
                year: 2019,
                quarter: 4
            }
            .to_string(),
            "2019-TW4"
        );
        assert_eq!(
            PeriodRef {
                year: 2019,
                quarter: 4
            }
            .label(),
            "Triwulan IV 2019"
        );
    }
}
