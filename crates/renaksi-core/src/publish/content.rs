//! What the public site shows, read from the store in one go: the plan, the
//! regency picture of the latest quarter, every action with its milestones and
//! indicators, the co-creation record and the self-assessment. Only what is
//! public: rows of archived actions or of OPDs no longer on an action are left
//! out (as in the open data), sessions name organisations and count people,
//! evidence is a file's name or a web link, and no one's name is kept.

use std::collections::HashMap;

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::achievement::GradeBand;
use crate::cocreation::{self, Decision, ParticipantKind};
use crate::consolidation::{self, RegencySummary};
use crate::detail::{self, ActionDetail, EvidenceView};
use crate::editing::evidence::web_link;
use crate::model::Plan;
use crate::overview::{self, ThemeOverview};
use crate::period::PeriodRef;
use crate::self_assessment::{self, Assessment, AssessmentList};
use crate::{Error, Result};

pub struct Content {
    pub plan: Plan,
    /// The day the site is written (published).
    pub today: NaiveDate,
    /// The date of the data: the day the latest report or realisation of the
    /// plan was received (in WIB), never after `today`; `None` before any.
    pub data_date: Option<NaiveDate>,
    /// The quarter the figures are for: the latest with a realisation. `None`
    /// only for a plan with no quarters, whose pages show no figures.
    pub period: Option<PeriodRef>,
    pub grades: Vec<GradeBand>,
    pub summary: RegencySummary,
    pub themes: Vec<ThemeOverview>,
    pub actions: Vec<ActionPage>,
    pub sessions: Vec<PublicSession>,
    pub assessments: AssessmentList,
}

/// One action's page: its file name under `aksi/` and what it shows.
pub struct ActionPage {
    pub slug: String,
    pub detail: ActionDetail,
    pub assessment: Option<Assessment>,
}

pub struct PublicSession {
    pub title: String,
    pub held_on: String,
    pub place: String,
    pub from_opds: usize,
    pub from_csos: usize,
    pub others: usize,
    pub inputs: Vec<PublicInput>,
}

pub struct PublicInput {
    pub action_code: String,
    pub action_title: String,
    /// The action's page, when the action is still in the plan.
    pub action_slug: Option<String>,
    pub organisation: String,
    pub body: String,
    pub response: Option<(Decision, String)>,
}

impl Content {
    pub fn slug_of(&self, action_id: &str) -> Option<&str> {
        self.actions
            .iter()
            .find(|a| a.detail.action.id == action_id)
            .map(|a| a.slug.as_str())
    }
}

/// Reads everything the site shows, as of `today`.
pub fn gather(conn: &Connection, today: NaiveDate) -> Result<Content> {
    let summary = consolidation::summary(conn, None, today)?
        .ok_or_else(|| Error::NotFound("Rencana aksi".into()))?;
    let overview = overview::plan_overview(conn, summary.period)?
        .ok_or_else(|| Error::NotFound("Rencana aksi".into()))?;
    let assessments =
        self_assessment::list(conn)?.ok_or_else(|| Error::NotFound("Rencana aksi".into()))?;
    let mut assessment_of: HashMap<String, Assessment> = assessments
        .actions
        .iter()
        .filter_map(|a| Some((a.action_id.clone(), a.assessment.clone()?)))
        .collect();

    // A plan with no quarters still gets its action pages: the detail is read
    // as of the plan's first quarter, and the pages leave the figures out.
    let as_of = summary.period.unwrap_or(PeriodRef {
        year: overview.plan.year_start,
        quarter: 1,
    });
    let mut actions = Vec::new();
    let mut taken: Vec<String> = Vec::new();
    for theme in &overview.themes {
        for summary_action in &theme.actions {
            let detail = detail::action_detail(conn, &summary_action.id, Some(as_of))?;
            let slug = unique_slug(&summary_action.code, actions.len() + 1, &mut taken);
            actions.push(ActionPage {
                slug,
                assessment: assessment_of.remove(&summary_action.id),
                detail: public(detail),
            });
        }
    }

    let sessions = sessions(conn, &actions)?;
    Ok(Content {
        data_date: data_date(conn, &overview.plan.id)?.map(|d| d.min(today)),
        plan: overview.plan.clone(),
        today,
        period: summary.period,
        grades: overview.grades.clone(),
        themes: overview.themes,
        summary,
        actions,
        sessions,
        assessments,
    })
}

/// The action as the public sees it: rows no longer in the plan left out,
/// evidence only as a file's name or a web link.
fn public(mut detail: ActionDetail) -> ActionDetail {
    detail.milestones.retain(|m| !m.archived);
    detail.indicators.retain(|i| !i.archived);
    for m in &mut detail.milestones {
        m.evidence = public_evidence(std::mem::take(&mut m.evidence));
    }
    for i in &mut detail.indicators {
        for r in &mut i.realisations {
            r.evidence = public_evidence(std::mem::take(&mut r.evidence));
        }
    }
    detail
}

fn public_evidence(items: Vec<EvidenceView>) -> Vec<EvidenceView> {
    items
        .into_iter()
        .filter_map(|mut e| {
            e.url = e.url.as_deref().and_then(web_link).map(str::to_string);
            (e.url.is_some() || e.kind == "file").then_some(e)
        })
        .collect()
}

/// The day the latest report of the plan was received or the latest
/// realisation of its indicators was written (received or entered), in WIB.
fn data_date(conn: &Connection, plan_id: &str) -> Result<Option<NaiveDate>> {
    let latest: Option<String> = conn.query_row(
        "SELECT max(at) FROM (
             SELECT received_at AS at FROM reports
              WHERE plan_id = ?1 AND direction = 'imported'
             UNION ALL
             SELECT r.updated_at FROM realisations r
               JOIN indicators i ON i.id = r.indicator_id
               JOIN actions a ON a.id = i.action_id
              WHERE a.plan_id = ?1)",
        [plan_id],
        |row| row.get(0),
    )?;
    Ok(latest.and_then(|at| {
        chrono::DateTime::parse_from_rfc3339(&at)
            .ok()
            .map(|t| t.with_timezone(&crate::dates::wib()).date_naive())
    }))
}

/// Names Windows keeps for devices, whatever the extension: `con.html` cannot
/// be written there (nor copied to a USB stick from there).
const RESERVED: [&str; 4] = ["con", "prn", "aux", "nul"];

fn reserved_on_windows(name: &str) -> bool {
    RESERVED.contains(&name)
        || ["com", "lpt"].iter().any(|device| {
            name.strip_prefix(device)
                .is_some_and(|n| n.len() == 1 && n.as_bytes()[0].is_ascii_digit())
        })
}

/// "ra-01" from "RA-01": the file name of an action's page, unique in the
/// site; a name Windows reserves ("CON", "COM1") gets "-aksi" after it.
fn unique_slug(code: &str, nth: usize, taken: &mut Vec<String>) -> String {
    let base: String = code
        .to_lowercase()
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let base = if base.is_empty() {
        format!("aksi-{nth}")
    } else if reserved_on_windows(&base) {
        format!("{base}-aksi")
    } else {
        base
    };
    let mut slug = base.clone();
    let mut n = 2;
    while taken.contains(&slug) {
        slug = format!("{base}-{n}");
        n += 1;
    }
    taken.push(slug.clone());
    slug
}

/// The sessions in the order held, people counted by side, inputs with the
/// organisation they came from and the response.
fn sessions(conn: &Connection, actions: &[ActionPage]) -> Result<Vec<PublicSession>> {
    let mut out = Vec::new();
    for summary in cocreation::list(conn)? {
        let session = cocreation::session(conn, &summary.id)?;
        let count = |kind| {
            session
                .participants
                .iter()
                .filter(|p| p.kind == kind)
                .count()
        };
        let inputs = session
            .actions
            .iter()
            .flat_map(|group| {
                group.inputs.iter().map(move |input| PublicInput {
                    action_code: group.action_code.clone(),
                    action_title: group.action_title.clone(),
                    action_slug: actions
                        .iter()
                        .find(|a| a.detail.action.id == group.action_id)
                        .map(|a| a.slug.clone()),
                    organisation: input.organisation.clone(),
                    body: input.body.clone(),
                    response: input
                        .response
                        .as_ref()
                        .map(|r| (r.decision, r.reason.clone())),
                })
            })
            .collect();
        out.push(PublicSession {
            from_opds: count(ParticipantKind::Opd),
            from_csos: count(ParticipantKind::Cso),
            others: count(ParticipantKind::Other),
            title: session.title,
            held_on: session.held_on,
            place: session.place,
            inputs,
        });
    }
    Ok(out)
}
