//! The checks of one template cell, each answering with the sentence for the
//! clerk. The text limits and the date rules are the editor's own
//! (`editing::required`, `optional`, `date`); the ones below that the plan
//! editor has no function for yet on this branch (OPD code, NIP, OGP words,
//! default due dates) are written once here, with the same rules as the plan
//! editor's (`planning::structure`, `planning::periods`).

use chrono::{Datelike, Duration, NaiveDate};

use super::Msg;
use crate::editing;
use crate::model::{Aggregation, OgpValue, Polarity};
use crate::period::PeriodRef;
use crate::workbook::Cell;

pub type Checked<T> = std::result::Result<T, Msg>;

fn s(value: impl ToString) -> String {
    value.to_string()
}

/// A cell as text: trimmed; a whole number without decimals.
pub fn text_of(cell: &Cell) -> String {
    match cell {
        Cell::Text(text) => text.trim().to_string(),
        Cell::Number(n) if n.fract() == 0.0 && n.abs() < 1e15 => format!("{}", *n as i64),
        Cell::Number(n) => n.to_string(),
        Cell::Empty => String::new(),
    }
}

/// A required text: the editor's rule (trimmed, not empty, at most `max` characters).
pub fn required(cell: &Cell, label: &str, max: usize) -> Checked<String> {
    let text = text_of(cell);
    if text.is_empty() {
        return Err(Msg::new(
            "required",
            [("label", s(label))],
            format!("{label} wajib diisi."),
        ));
    }
    optional(cell, label, max)
}

/// An optional text: the editor's rule (trimmed, at most `max` characters).
pub fn optional(cell: &Cell, label: &str, max: usize) -> Checked<String> {
    editing::optional("", &text_of(cell), label, max).map_err(|e| {
        Msg::new(
            "tooLong",
            [("label", s(label)), ("max", s(max))],
            e.to_string(),
        )
    })
}

/// A date written YYYY-MM-DD (or a date Excel stored as a day number).
pub fn date(cell: &Cell, label: &str) -> Checked<Option<String>> {
    match cell {
        Cell::Number(serial) if serial.fract() == 0.0 && (1.0..=2_958_465.0).contains(serial) => {
            // Excel's day numbers count from 30 December 1899.
            let base = NaiveDate::from_ymd_opt(1899, 12, 30).expect("a real date");
            Ok(Some(
                (base + Duration::days(*serial as i64))
                    .format("%Y-%m-%d")
                    .to_string(),
            ))
        }
        _ => {
            let text = text_of(cell);
            editing::date("", Some(&text), label).map_err(|_| {
                Msg::new(
                    "date",
                    [("label", s(label)), ("text", text.clone())],
                    format!("{label} \"{text}\" tidak valid; tulis seperti 2020-07-01."),
                )
            })
        }
    }
}

/// An OPD code, the plan editor's rule: upper-case letters, digits and '-',
/// at most 20 characters (typed in any case).
pub fn opd_code(cell: &Cell, label: &str) -> Checked<String> {
    let code = required(cell, label, crate::editing::lengths::OPD_CODE)?.to_uppercase();
    if !code
        .chars()
        .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-')
    {
        return Err(Msg::new(
            "opdCode",
            [("label", s(label)), ("code", code.clone())],
            format!("{label} \"{code}\" hanya boleh berisi huruf, angka dan tanda hubung (-)."),
        ));
    }
    Ok(code)
}

/// The NIP of a civil servant: 18 digits (spaces allowed between), or nothing.
pub fn nip(cell: &Cell) -> Checked<String> {
    let text: String = text_of(cell)
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if text.is_empty() || (text.len() == 18 && text.chars().all(|c| c.is_ascii_digit())) {
        return Ok(text);
    }
    Err(Msg::new(
        "nip",
        [("text", text.clone())],
        format!("NIP \"{text}\" tidak valid; NIP terdiri atas 18 angka."),
    ))
}

/// A whole number of 1 or more (a theme's number).
pub fn number(cell: &Cell, label: &str) -> Checked<i64> {
    let bad = || {
        Msg::new(
            "wholeNumber",
            [("label", s(label))],
            format!("{label} harus berupa bilangan bulat 1 atau lebih."),
        )
    };
    match cell {
        Cell::Number(n) if n.fract() == 0.0 && *n >= 1.0 && *n < 1e6 => Ok(*n as i64),
        Cell::Empty => required(cell, label, 1).map(|_| 0),
        Cell::Text(text) if text.trim().is_empty() => required(cell, label, 1).map(|_| 0),
        Cell::Text(text) => text
            .trim()
            .parse::<i64>()
            .ok()
            .filter(|n| (1..1_000_000).contains(n))
            .ok_or_else(bad),
        _ => Err(bad()),
    }
}

/// A figure of 0 or more, or nothing (a baseline, a target).
pub fn figure(cell: &Cell, label: &str) -> Checked<Option<f64>> {
    let value = match cell {
        Cell::Empty => return Ok(None),
        Cell::Number(n) => *n,
        Cell::Text(text) if text.trim().is_empty() => return Ok(None),
        Cell::Text(text) => text.trim().replace(',', ".").parse::<f64>().map_err(|_| {
            Msg::new(
                "notNumber",
                [("label", s(label)), ("text", s(text.trim()))],
                format!("{label} \"{}\" bukan angka.", text.trim()),
            )
        })?,
    };
    editing::non_negative("", value, label)
        .map(Some)
        .map_err(|e| Msg::new("negative", [("label", s(label))], e.to_string()))
}

/// A quarter written 2020-TW1 (or 2020-Q1).
pub fn period(cell: &Cell, label: &str) -> Checked<PeriodRef> {
    let text = text_of(cell);
    if text.is_empty() {
        return Err(Msg::new(
            "periodRequired",
            [("label", s(label))],
            format!("{label} wajib diisi; tulis seperti 2020-TW1."),
        ));
    }
    text.parse::<PeriodRef>().map_err(|_| {
        Msg::new(
            "period",
            [("label", s(label)), ("text", text.clone())],
            format!("{label} \"{text}\" tidak dikenal; tulis seperti 2020-TW1."),
        )
    })
}

pub fn polarity(cell: &Cell) -> Checked<Polarity> {
    let text = text_of(cell).to_lowercase();
    Polarity::parse(&text).ok_or_else(|| {
        Msg::new(
            "polarity",
            [("text", text.clone())],
            format!("Polaritas \"{text}\" tidak dikenal; pilih positif atau negatif."),
        )
    })
}

pub fn aggregation(cell: &Cell) -> Checked<Aggregation> {
    let text = text_of(cell).to_lowercase().replace(' ', "_");
    Aggregation::parse(&text).ok_or_else(|| {
        Msg::new(
            "aggregation",
            [("text", text_of(cell))],
            format!(
                "Agregasi \"{}\" tidak dikenal; pilih kumulatif, persentase atau nilai_akhir.",
                text_of(cell)
            ),
        )
    })
}

/// The OGP values, comma separated, from the four words.
pub fn ogp_values(cell: &Cell) -> Checked<Vec<OgpValue>> {
    let mut values = Vec::new();
    for word in text_of(cell).split([',', ';']) {
        let word = word.trim().to_lowercase();
        if word.is_empty() {
            continue;
        }
        let key = word
            .replace(" & ", "_")
            .replace(" dan ", "_")
            .replace(' ', "_");
        let value = OgpValue::parse(&key).ok_or_else(|| {
            Msg::new(
                "ogp",
                [("word", word.clone())],
                format!(
                    "Nilai OGP \"{word}\" tidak dikenal; pakai transparansi, partisipasi, \
                     akuntabilitas atau teknologi_inovasi, dipisah koma."
                ),
            )
        })?;
        if !values.contains(&value) {
            values.push(value);
        }
    }
    // In the order of the four values, as the database keeps them.
    values.sort_by_key(|v| OgpValue::ALL.iter().position(|a| a == v));
    Ok(values)
}

/// Codes separated by commas, in capitals, each once.
pub fn code_list(cell: &Cell) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for code in text_of(cell).split([',', ';', '\n']) {
        let code = code.trim().to_uppercase();
        if !code.is_empty() && !codes.contains(&code) {
            codes.push(code);
        }
    }
    codes
}

/// Whether `date` (YYYY-MM-DD) lies within the plan's years.
pub fn in_years(date: &str, year_start: i32, year_end: i32) -> bool {
    NaiveDate::parse_from_str(date, "%Y-%m-%d")
        .map(|d| (year_start..=year_end).contains(&d.year()))
        .unwrap_or(false)
}

/// The default report due date of a quarter, as the template writes it (the
/// plan editor's default, `planning::default_due_date`).
pub fn default_due_date(period: PeriodRef) -> String {
    crate::planning::default_due_date(period)
        .format("%Y-%m-%d")
        .to_string()
}

/// The quarters from `first` to `last`.
pub fn quarters(first: PeriodRef, last: PeriodRef) -> Vec<PeriodRef> {
    let mut out = Vec::new();
    let mut at = first;
    while at <= last {
        out.push(at);
        at = if at.quarter == 4 {
            PeriodRef {
                year: at.year + 1,
                quarter: 1,
            }
        } else {
            PeriodRef {
                year: at.year,
                quarter: at.quarter + 1,
            }
        };
    }
    out
}

/// Whether `text` is a UUID (a row's hidden id).
pub fn is_uuid(text: &str) -> bool {
    uuid::Uuid::parse_str(text).is_ok()
}
