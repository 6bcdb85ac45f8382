//! The domain words of the brief, as types. Field names follow the brief's code
//! names; the stored text of each enum is its Indonesian key (as in the workbooks).

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};
use serde::{Deserialize, Serialize};

/// Declares an enum stored as text, with its serde form equal to the stored form.
macro_rules! text_enum {
    ($(#[$meta:meta])* $name:ident { $($variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, ts_rs::TS)]
        pub enum $name {
            $(#[serde(rename = $text)] $variant),+
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant),+];

            pub fn as_str(self) -> &'static str {
                match self { $($name::$variant => $text),+ }
            }

            pub fn parse(text: &str) -> Option<Self> {
                match text { $($text => Some($name::$variant),)+ _ => None }
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let text = value.as_str()?;
                $name::parse(text).ok_or_else(|| {
                    FromSqlError::Other(format!("{} tidak dikenal: {text}", stringify!($name)).into())
                })
            }
        }
    };
}

text_enum!(
    /// Draft while the plan is being shaped, final once adopted.
    PlanStatus { Draft = "draft", Final = "final" }
);

text_enum!(
    /// The four OGP values a commitment can serve.
    OgpValue {
        Transparency = "transparansi",
        Participation = "partisipasi",
        Accountability = "akuntabilitas",
        TechnologyInnovation = "teknologi_inovasi",
    }
);

text_enum!(
    /// The IRM completion scale.
    MilestoneStatus {
        NotStarted = "belum_dimulai",
        Limited = "terbatas",
        Substantial = "substansial",
        Complete = "selesai",
    }
);

text_enum!(
    /// Whether a higher realisation is better (positif) or worse (negatif).
    Polarity { Positive = "positif", Negative = "negatif" }
);

text_enum!(
    /// How quarterly values add up to "s.d. TW n" and to the year.
    Aggregation {
        Cumulative = "kumulatif",
        Percentage = "persentase",
        LatestValue = "nilai_akhir",
    }
);

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Plan {
    pub id: String,
    pub region: String,
    pub title: String,
    pub year_start: i32,
    pub year_end: i32,
    pub version: i64,
    pub status: PlanStatus,
    pub adopted_on: Option<String>,
}

/// One quarter (triwulan) of a plan year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Period {
    pub year: i32,
    pub quarter: u8,
    pub due_date: Option<String>,
    pub closed: bool,
}

/// An implementing office (Organisasi Perangkat Daerah).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Opd {
    pub id: String,
    pub code: String,
    pub name: String,
    pub head_name: String,
    pub head_nip: String,
    /// Fields added with the plan editor are left out of the serialised form
    /// while empty, so a package signed before them still verifies.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub short_name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub head_title: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<Archived>,
}

/// Why and when Bappeda archived a theme, action or OPD that has data,
/// instead of deleting it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct Archived {
    pub at: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Theme {
    pub id: String,
    pub plan_id: String,
    pub seq: i64,
    pub name: String,
    pub description: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<Archived>,
}

/// A commitment (Rencana Aksi) with the fields of the OGP commitment template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Action {
    pub id: String,
    pub plan_id: String,
    pub theme_id: String,
    pub code: String,
    pub title: String,
    pub problem: String,
    pub description: String,
    pub contribution: String,
    pub ogp_values: Vec<OgpValue>,
    pub lead_opd_id: String,
    pub supporting_opd_ids: Vec<String>,
    pub cso_partners: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archived: Option<Archived>,
}

/// A verifiable step of an action (Tonggak / Kegiatan), owned by one OPD.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Milestone {
    pub id: String,
    pub action_id: String,
    pub opd_id: String,
    pub seq: i64,
    pub title: String,
    pub output: String,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub status: MilestoneStatus,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Indicator {
    pub id: String,
    pub action_id: String,
    pub milestone_id: Option<String>,
    pub opd_id: String,
    pub seq: i64,
    pub description: String,
    pub unit: String,
    pub baseline: Option<f64>,
    pub polarity: Polarity,
    pub aggregation: Aggregation,
}

/// The target of one indicator for one quarter.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Target {
    pub indicator_id: String,
    pub year: i32,
    pub quarter: u8,
    pub value: f64,
}

/// What was achieved in one quarter, with the story behind the number.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Realisation {
    pub indicator_id: String,
    pub year: i32,
    pub quarter: u8,
    pub value: Option<f64>,
    pub notes: String,
    pub obstacles: String,
    pub follow_up: String,
}
