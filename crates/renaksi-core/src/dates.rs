//! Dates and times as an Indonesian reader writes them: 15 Juli 2018, 10.30 WIB.

pub use chrono::NaiveDate;
use chrono::{DateTime, FixedOffset};

const MONTHS: [&str; 12] = [
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

/// Western Indonesian Time (UTC+7), the time the app's dates are in.
pub fn wib() -> FixedOffset {
    FixedOffset::east_opt(7 * 3600).expect("UTC+7 is a valid offset")
}

/// Today's date in Western Indonesian Time (UTC+7).
pub fn today_wib() -> NaiveDate {
    chrono::Utc::now().with_timezone(&wib()).date_naive()
}

/// Today's date on this computer's clock and time zone: what an OPD's
/// calendar counts days from (WIB, WITA or WIT, as the office is).
pub fn today_local() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// "15 Jul 2018": for narrow cells (the rekap's Matriks Laporan).
pub fn short_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    let month = MONTHS[date.month0() as usize];
    // Indonesian abbreviations: Agustus is "Agu", the rest their first three letters.
    let short = if month == "Agustus" {
        "Agu"
    } else {
        &month[..3]
    };
    format!("{} {short} {}", date.day(), date.year())
}

/// The day of an RFC 3339 time in Western Indonesian Time, short: "16 Apr 2019".
pub fn short_date_wib(rfc3339: &str) -> String {
    match date_wib(rfc3339) {
        Some(day) => short_date(day),
        None => rfc3339.to_string(),
    }
}

/// "15 Juli 2018".
pub fn long_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    format!(
        "{} {} {}",
        date.day(),
        MONTHS[date.month0() as usize],
        date.year()
    )
}

/// An RFC 3339 time shown in Western Indonesian Time: "15 Juli 2018 10.30 WIB".
pub fn long_time_wib(rfc3339: &str) -> String {
    let wib = FixedOffset::east_opt(7 * 3600).expect("UTC+7 is a valid offset");
    match DateTime::parse_from_rfc3339(rfc3339) {
        Ok(time) => {
            let local = time.with_timezone(&wib);
            format!(
                "{} {} WIB",
                long_date(local.date_naive()),
                local.format("%H.%M")
            )
        }
        Err(_) => rfc3339.to_string(),
    }
}

/// The day of an RFC 3339 time in Western Indonesian Time (2019-04-15T18:00Z
/// is 16 April there): the day Bappeda's dates are shown and judged by.
pub fn date_wib(rfc3339: &str) -> Option<NaiveDate> {
    DateTime::parse_from_rfc3339(rfc3339)
        .ok()
        .map(|time| time.with_timezone(&wib()).date_naive())
}

/// The day of an RFC 3339 time in Western Indonesian Time: "15 Juli 2018".
pub fn long_date_wib(rfc3339: &str) -> String {
    match date_wib(rfc3339) {
        Some(day) => long_date(day),
        None => rfc3339.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_read_the_indonesian_way() {
        assert_eq!(
            long_date(NaiveDate::from_ymd_opt(2018, 7, 15).unwrap()),
            "15 Juli 2018"
        );
        assert_eq!(
            long_time_wib("2019-04-15T03:30:00Z"),
            "15 April 2019 10.30 WIB"
        );
        assert_eq!(
            long_time_wib("2019-12-31T20:00:00Z"),
            "1 Januari 2020 03.00 WIB"
        );
        assert_eq!(long_date_wib("2019-12-31T20:00:00Z"), "1 Januari 2020");
        assert_eq!(long_date_wib("kemarin"), "kemarin");
        // The WIB day, not the UTC one.
        assert_eq!(short_date_wib("2019-04-15T18:00:00Z"), "16 Apr 2019");
        assert_eq!(
            short_date(NaiveDate::from_ymd_opt(2026, 8, 5).unwrap()),
            "5 Agu 2026"
        );
        assert_eq!(
            short_date(NaiveDate::from_ymd_opt(2026, 5, 5).unwrap()),
            "5 Mei 2026"
        );
    }
}
