//! The site's pages as maud templates: every interpolated text is escaped by
//! maud, so a title typed as `<script>` shows as those characters. Each page
//! has one `h1`, a skip link, the menu, a link to the same page in the other
//! language, and relative links only (the site works from `file://` and from
//! any folder of any server). No page carries a script.

use maud::{html, Markup, DOCTYPE};

use super::chart::{self, Bar};
use super::content::{ActionPage, Content};
use super::words::Lang;
use crate::achievement::{Achievement, Reason, Rollup};
use crate::consolidation::StatusCount;
use crate::detail::{EvidenceView, IndicatorView};
use crate::model::{MilestoneStatus, PlanStatus};
use crate::period::roman;
use crate::self_assessment::{Assessment, Completion, OpenedGovernment};
use crate::APP_VERSION;

/// The stylesheet every page links to, at the site's root.
pub const STYLESHEET: &str = "gaya.css";

/// Which menu entry a page belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Home,
    Cocreation,
    Assessment,
    Downloads,
}

impl Section {
    const ALL: [Section; 4] = [
        Section::Home,
        Section::Cocreation,
        Section::Assessment,
        Section::Downloads,
    ];

    /// The section's page, from the language's root.
    pub fn path(self) -> &'static str {
        match self {
            Section::Home => "index.html",
            Section::Cocreation => "kokreasi.html",
            Section::Assessment => "penilaian.html",
            Section::Downloads => "unduh.html",
        }
    }

    fn name(self, lang: Lang) -> &'static str {
        let w = lang.words();
        match self {
            Section::Home => w.home,
            Section::Cocreation => w.cocreation,
            Section::Assessment => w.assessment,
            Section::Downloads => w.downloads,
        }
    }
}

/// Where a page sits, for its relative links.
pub struct Place<'a> {
    pub lang: Lang,
    /// The page's path from its language's root, e.g. `aksi/ra-01.html`.
    pub path: &'a str,
}

impl Place<'_> {
    fn depth(&self) -> usize {
        self.path.matches('/').count()
    }

    /// A page of the same language.
    pub fn link(&self, path: &str) -> String {
        format!("{}{path}", "../".repeat(self.depth()))
    }

    /// A file at the site's root (the stylesheet, the downloads).
    pub fn asset(&self, path: &str) -> String {
        let up = self.depth() + usize::from(self.lang == Lang::En);
        format!("{}{path}", "../".repeat(up))
    }

    /// This page in the other language.
    fn counterpart(&self) -> String {
        self.asset(&format!("{}{}", self.lang.other().folder(), self.path))
    }
}

/// A downloadable file, by its path from the site's root.
pub struct Download {
    pub path: String,
    /// What it holds, in Indonesian and in English.
    pub titles: [String; 2],
    /// The English title is the Indonesian one (an open-data table's title,
    /// which the descriptor gives in Indonesian only).
    pub title_in_indonesian: bool,
    pub bytes: u64,
    pub open_data: bool,
}

/// Text someone typed (titles, names, explanations), which is Indonesian: on
/// an English page it is marked `lang="id"`, so a screen reader reads it with
/// Indonesian pronunciation (WCAG 3.1.2, language of parts).
pub fn typed(lang: Lang, text: &str) -> Markup {
    html! {
        @if lang == Lang::Id || text.is_empty() {
            (text)
        } @else {
            span lang=(Lang::Id.code()) { (text) }
        }
    }
}

/// An external link, its "opens another site" hint inside it, so the hint is
/// part of the link's name.
fn external(href: &str, text: Markup, lang: Lang) -> Markup {
    html! {
        a href=(href) rel="external noopener noreferrer" {
            (text)
            span class="visually-hidden" { " (" (lang.words().link_opens_elsewhere) ")" }
        }
    }
}

fn status_word(lang: Lang, status: PlanStatus) -> &'static str {
    match status {
        PlanStatus::Draft => lang.words().status_draft,
        PlanStatus::Final => lang.words().status_final,
    }
}

/// The frame of every page: head, skip link, header with the menu and the
/// other language, the page's own content in `main`, the footer.
fn layout(place: &Place<'_>, content: &Content, title: &str, main: Markup) -> Markup {
    let lang = place.lang;
    let w = lang.words();
    let plan = &content.plan;
    html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="referrer" content="no-referrer";
                meta name="generator" content=(format!("Renaksi {APP_VERSION}"));
                title { (title) " · " (plan.title) }
                link rel="stylesheet" href=(place.asset(STYLESHEET));
                link rel="alternate" hreflang=(lang.other().code()) href=(place.counterpart());
            }
            body {
                a class="skip" href="#isi" { (w.skip) }
                header class="site" {
                    div class="site-inner" {
                        p class="site-name" {
                            a href=(place.link(Section::Home.path())) { (typed(lang, &plan.title)) }
                        }
                        p class="site-meta" {
                            (typed(lang, &plan.region)) " · " (plan.year_start) "–" (plan.year_end) " · "
                            (w.version) " " (plan.version) " (" (status_word(lang, plan.status)) ")"
                        }
                        nav aria-label=(w.menu) {
                            ul {
                                @for section in Section::ALL {
                                    li {
                                        // An action's page is in no section of the menu.
                                        @if place.path == section.path() {
                                            a href=(place.link(section.path())) aria-current="page" { (section.name(lang)) }
                                        } @else {
                                            a href=(place.link(section.path())) { (section.name(lang)) }
                                        }
                                    }
                                }
                                li class="other-language" {
                                    a href=(place.counterpart()) lang=(lang.other().code())
                                        hreflang=(lang.other().code()) { (w.other_language) }
                                }
                            }
                        }
                    }
                }
                main id="isi" tabindex="-1" { (main) }
                footer class="site" {
                    p {
                        (w.data_as_of) ": " (data_date(content, lang)) ". "
                        @if let Some(period) = content.period {
                            (w.figures_up_to) ": " (lang.quarter(period.year, period.quarter)) ". "
                        }
                        (w.published_on) ": " (lang.date(content.today)) ". "
                        (w.licence)
                    }
                    p { (w.published_with) " " (APP_VERSION) "." }
                }
            }
        }
    }
}

/// The date of the data as the pages write it.
fn data_date(content: &Content, lang: Lang) -> String {
    let w = lang.words();
    match content.data_date {
        Some(date) => format!("{} ({})", lang.date(date), w.data_received),
        None => w.no_data_yet.to_string(),
    }
}

/// A table in a scrollable region that the keyboard can reach (a wide table
/// on a phone scrolls sideways).
fn table(id: &str, caption: impl maud::Render, head: &[&str], body: Markup) -> Markup {
    html! {
        div class="table-wrap" role="region" aria-labelledby=(id) tabindex="0" {
            table {
                caption id=(id) { (caption) }
                thead { tr { @for h in head { th scope="col" { (h) } } } }
                tbody { (body) }
            }
        }
    }
}

/// Text as it was typed, its line breaks kept (by the stylesheet).
fn prose(text: &str, lang: Lang) -> Markup {
    let text = text.trim();
    html! {
        @if text.is_empty() {
            p class="none" { (lang.words().none) }
        } @else {
            p class="prose" { (typed(lang, text)) }
        }
    }
}

fn complete_of(counts: &[StatusCount]) -> usize {
    counts
        .iter()
        .find(|c| c.status == MilestoneStatus::Complete)
        .map_or(0, |c| c.count)
}

fn number(lang: Lang, value: Option<f64>) -> String {
    value
        .filter(|v| v.is_finite())
        .map(|v| lang.number(v))
        .unwrap_or_else(|| "-".into())
}

/// The rows of a capaian table: label, indicators measured of all, capaian, predikat.
fn rollup_cells(content: &Content, lang: Lang, rollup: &Rollup) -> Markup {
    html! {
        td class="num" { (rollup.measured_count) " / " (rollup.indicator_count) }
        td class="num" { (lang.percent(rollup.percent)) }
        td { (lang.grade(&content.grades, rollup.grade)) }
    }
}

fn grades_legend(content: &Content, lang: Lang) -> Markup {
    let mut above: Option<f64> = None;
    let mut parts = Vec::new();
    for band in &content.grades {
        let name = lang.grade(&content.grades, Some(band.key));
        parts.push(match (band.min, above) {
            (Some(min), None) => format!("{name} ≥ {}", lang.number(min)),
            (Some(min), Some(up)) => {
                format!("{name} {} – < {}", lang.number(min), lang.number(up))
            }
            (None, Some(up)) => format!("{name} < {}", lang.number(up)),
            (None, None) => name,
        });
        above = band.min.or(above);
    }
    html! {
        p class="legend" { (lang.words().grades_legend) " (%): " (parts.join("; ")) }
    }
}

// ---------------------------------------------------------------------------
// Index

pub fn index(place: &Place<'_>, content: &Content) -> Markup {
    let lang = place.lang;
    let w = lang.words();
    let s = &content.summary;
    let capaian_head = match content.period {
        Some(p) => format!("{} s.d. TW {} {} (%)", w.capaian, roman(p.quarter), p.year),
        None => format!("{} (%)", w.capaian),
    };
    let milestone_total: usize = s.milestones.iter().map(|c| c.count).sum();
    let theme_bars: Vec<Bar> = s
        .themes
        .iter()
        .map(|t| Bar {
            label: format!("{}. {}", t.seq, t.name),
            value: t.rollup.percent,
        })
        .collect();
    let opd_bars: Vec<Bar> = s
        .opds
        .iter()
        .map(|o| Bar {
            label: o.opd.code.clone(),
            value: o.rollup.percent,
        })
        .collect();
    let main = html! {
        h1 { (typed(lang, &content.plan.title)) }
        p class="lead" {
            (typed(lang, &content.plan.region)) ", " (content.plan.year_start) "–" (content.plan.year_end) "."
        }
        dl class="dates" {
            div { dt { (w.data_as_of) } dd { (data_date(content, lang)) } }
            div { dt { (w.figures_up_to) } dd {
                @match content.period {
                    Some(p) => (lang.quarter(p.year, p.quarter)),
                    None => (w.no_period),
                }
            } }
            div { dt { (w.published_on) } dd { (lang.date(content.today)) } }
        }
        dl class="figures" {
            div { dt { (w.overall) } dd class="big" { (lang.percent(s.rollup.percent)) }
                  dd { (lang.grade(&content.grades, s.rollup.grade)) } }
            div { dt { (w.themes) } dd class="big" { (s.themes.len()) } }
            div { dt { (w.actions) } dd class="big" { (content.actions.len()) } }
            div { dt { (w.complete_milestones) } dd class="big" { (complete_of(&s.milestones)) " / " (milestone_total) } }
            div { dt { (w.measured) } dd class="big" { (s.rollup.measured_count) " / " (s.rollup.indicator_count) } }
        }

        section aria-labelledby="per-tema" {
            h2 id="per-tema" { (w.progress_by_theme) }
            p class="note" { (w.chart_note) }
            (chart::bars("grafik-tema", w.progress_by_theme, &theme_bars, lang))
            (table("tabel-tema", format!("{}: {}", w.progress_by_theme, w.figures_table),
                &[w.theme, w.measured, &capaian_head, w.grade], html! {
                @for t in &s.themes {
                    tr { th scope="row" { (t.seq) ". " (typed(lang, &t.name)) } (rollup_cells(content, lang, &t.rollup)) }
                }
            }))
        }
        section aria-labelledby="per-opd" {
            h2 id="per-opd" { (w.progress_by_opd) }
            (chart::bars("grafik-opd", w.progress_by_opd, &opd_bars, lang))
            (table("tabel-opd", format!("{}: {}", w.progress_by_opd, w.figures_table),
                &[w.code, w.opd, w.measured, &capaian_head, w.grade], html! {
                @for o in &s.opds {
                    tr { th scope="row" { (o.opd.code) } td { (typed(lang, &o.opd.name)) } (rollup_cells(content, lang, &o.rollup)) }
                }
            }))
            (grades_legend(content, lang))
        }
        section aria-labelledby="tema-aksi" {
            h2 id="tema-aksi" { (w.themes_and_actions) }
            @for theme in &content.themes {
                h3 id=(format!("tema-{}", theme.seq)) { (w.theme) " " (theme.seq) ". " (typed(lang, &theme.name)) }
                @if !theme.description.trim().is_empty() { (prose(&theme.description, lang)) }
                (table(&format!("tabel-aksi-{}", theme.seq),
                    format!("{} {} {}", w.actions, w.theme.to_lowercase(), theme.seq),
                    &[w.code, w.action, w.lead_opd, w.complete_milestones, &capaian_head, w.grade], html! {
                    @for a in &theme.actions {
                        tr {
                            th scope="row" class="code" { (a.code) }
                            td {
                                @match content.slug_of(&a.id) {
                                    Some(slug) => a href=(place.link(&format!("aksi/{slug}.html"))) { (typed(lang, &a.title)) },
                                    None => (typed(lang, &a.title)),
                                }
                            }
                            td { (typed(lang, &a.lead_opd.name)) }
                            td class="num" {
                                (a.milestones.iter().filter(|m| m.status == MilestoneStatus::Complete).count())
                                " / " (a.milestones.len())
                            }
                            td class="num" { (lang.percent(a.rollup.percent)) }
                            td { (lang.grade(&content.grades, a.rollup.grade)) }
                        }
                    }
                }))
            }
        }
    };
    layout(place, content, w.home, main)
}

// ---------------------------------------------------------------------------
// An action

fn evidence_list(items: &[EvidenceView], lang: Lang) -> Markup {
    html! {
        @if !items.is_empty() {
            ul class="evidence" {
                @for e in items {
                    li {
                        @match &e.url {
                            Some(url) => (external(url, typed(lang, &e.title), lang)),
                            None => { (typed(lang, e.file_name.as_deref().unwrap_or(&e.title))) }
                        }
                    }
                }
            }
        }
    }
}

fn links(urls: &[String], lang: Lang) -> Markup {
    html! {
        @if urls.is_empty() {
            span class="none" { (lang.words().none) }
        } @else {
            ul class="evidence" {
                @for url in urls {
                    li { (external(url, html! { (url) }, lang)) }
                }
            }
        }
    }
}

fn figures(indicator: &IndicatorView, content: &Content, lang: Lang) -> Markup {
    let w = lang.words();
    let a: &Achievement = &indicator.achievement;
    let Some(period) = content.period else {
        return html! {};
    };
    let quarter = format!(" TW {} {}", roman(period.quarter), period.year);
    html! {
        dl class="pairs" {
            div { dt { (w.target_to_date) (quarter) } dd { (number(lang, a.target_to_date)) } }
            div { dt { (w.realisation_to_date) (quarter) } dd { (number(lang, a.realisation_to_date)) } }
            div { dt { (w.capaian_to_date) (quarter) } dd { strong { (lang.percent(a.percent)) } " " (lang.grade(&content.grades, a.grade)) } }
            div { dt { (w.annual_target) } dd { (number(lang, a.annual_target)) } }
            div { dt { (w.capaian_annual) } dd { (lang.percent(a.annual_percent)) } }
            @if a.reason != Reason::Ok {
                div { dt { (w.why_no_figure) } dd { (lang.reason(a.reason)) } }
            }
        }
    }
}

fn indicator(indicator: &IndicatorView, n: usize, content: &Content, lang: Lang) -> Markup {
    let w = lang.words();
    // The quarters that have a target or a realisation, in order.
    let mut rows: Vec<(i32, u8)> = Vec::new();
    for (year, quarters) in &indicator.targets {
        if let Ok(year) = year.parse::<i32>() {
            for (q, value) in quarters.iter().enumerate() {
                if value.is_some() {
                    rows.push((year, q as u8 + 1));
                }
            }
        }
    }
    for r in &indicator.realisations {
        rows.push((r.year, r.quarter));
    }
    rows.sort();
    rows.dedup();
    let target = |year: i32, quarter: u8| {
        indicator
            .targets
            .get(&year.to_string())
            .and_then(|q| q[usize::from(quarter) - 1])
    };
    html! {
        h3 id=(format!("indikator-{n}")) { (w.indicators) " " (n) ". " (typed(lang, &indicator.description)) }
        dl class="pairs" {
            div { dt { (w.opd) } dd { (typed(lang, &indicator.opd.name)) } }
            div { dt { (w.unit) } dd { (typed(lang, &indicator.unit)) } }
            div { dt { (w.baseline) } dd { (number(lang, indicator.baseline)) } }
            div { dt { (w.polarity) } dd { (lang.polarity(indicator.polarity)) } }
            div { dt { (w.aggregation) } dd { (lang.aggregation(indicator.aggregation)) } }
        }
        (table(&format!("tabel-indikator-{n}"),
            format!("{}: {} {n}", w.targets_and_realisations, w.indicators.to_lowercase()),
            &[w.quarter, w.target, w.realisation, w.notes, w.obstacles, w.follow_up, w.evidence], html! {
            @for (year, quarter) in &rows {
                @let real = indicator.realisations.iter().find(|r| r.year == *year && r.quarter == *quarter);
                tr {
                    th scope="row" class="code" { "TW " (roman(*quarter)) " " (year) }
                    td class="num" { (number(lang, target(*year, *quarter))) }
                    td class="num" { (number(lang, real.and_then(|r| r.value))) }
                    td class="prose" { (typed(lang, real.map(|r| r.notes.as_str()).unwrap_or_default())) }
                    td class="prose" { (typed(lang, real.map(|r| r.obstacles.as_str()).unwrap_or_default())) }
                    td class="prose" { (typed(lang, real.map(|r| r.follow_up.as_str()).unwrap_or_default())) }
                    td { @if let Some(r) = real { (evidence_list(&r.evidence, lang)) } }
                }
            }
        }))
        (figures(indicator, content, lang))
    }
}

fn assessment_block(assessment: Option<&Assessment>, lang: Lang) -> Markup {
    let w = lang.words();
    html! {
        @match assessment {
            None => p class="none" { (w.not_assessed) },
            Some(a) => {
                dl class="pairs" {
                    div { dt { (w.completion) } dd { strong { (lang.completion(a.completion)) } } }
                    div { dt { (w.opened_government) } dd { strong { (lang.opened(a.opened_government)) } } }
                }
                h3 { (w.explanation) }
                (prose(&a.explanation, lang))
                h3 { (w.evidence) }
                (links(&a.evidence_links, lang))
            }
        }
    }
}

pub fn action(place: &Place<'_>, content: &Content, page: &ActionPage) -> Markup {
    let lang = place.lang;
    let w = lang.words();
    let d = &page.detail;
    let a = &d.action;
    let supporting = a
        .supporting_opds
        .iter()
        .map(|o| o.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let title_markup = html! { (a.code) " " (typed(lang, &a.title)) };
    let values = a
        .ogp_values
        .iter()
        .map(|v| lang.ogp_value(*v))
        .collect::<Vec<_>>()
        .join(", ");
    let dates = [a.start_date.as_deref(), a.end_date.as_deref()]
        .map(|d| d.map(|d| lang.day(d)).unwrap_or_else(|| "-".into()))
        .join(" – ");
    let title = format!("{} {}", a.code, a.title);
    let main = html! {
        p class="crumb" { a href=(place.link(Section::Home.path())) { (w.back_to_plan) } }
        h1 { (title_markup) }
        dl class="figures" {
            @if let Some(period) = content.period {
                div {
                    dt { (w.capaian_to_date) " TW " (roman(period.quarter)) " " (period.year) }
                    dd class="big" { (lang.percent(d.rollup.percent)) }
                    dd { (lang.grade(&content.grades, d.rollup.grade)) }
                }
            }
            div {
                dt { (w.complete_milestones) }
                dd class="big" {
                    (d.milestones.iter().filter(|m| m.status == MilestoneStatus::Complete).count())
                    " / " (d.milestones.len())
                }
            }
            div {
                dt { (w.completion) }
                dd class="big" { (page.assessment.as_ref().map_or(w.not_assessed, |s| lang.completion(s.completion))) }
            }
            div {
                dt { (w.opened_government) }
                dd class="big" { (page.assessment.as_ref().map_or(w.not_assessed, |s| lang.opened(s.opened_government))) }
            }
        }
        dl class="pairs" {
            div { dt { (w.theme) } dd { (a.theme_seq) ". " (typed(lang, &a.theme_name)) } }
            div { dt { (w.lead_opd) } dd { (typed(lang, &a.lead_opd.name)) } }
            div { dt { (w.supporting_opds) } dd { @if supporting.is_empty() { (w.none) } @else { (typed(lang, &supporting)) } } }
            div { dt { (w.cso_partners) } dd { @if a.cso_partners.trim().is_empty() { (w.none) } @else { (typed(lang, a.cso_partners.trim())) } } }
            div { dt { (w.period) } dd { (dates) } }
            div { dt { (w.ogp_values) } dd { @if values.is_empty() { (w.none) } @else { (values) } } }
        }
        section aria-labelledby="komitmen" {
            h2 id="komitmen" { (w.commitment) }
            h3 { (w.problem) } (prose(&a.problem, lang))
            h3 { (w.description) } (prose(&a.description, lang))
            h3 { (w.contribution) } (prose(&a.contribution, lang))
        }
        section aria-labelledby="tonggak" {
            h2 id="tonggak" { (w.milestones) }
            @if d.milestones.is_empty() {
                p class="none" { (w.no_milestones) }
            } @else {
                (table("tabel-tonggak", format!("{} {}", w.milestones, a.code),
                    &[w.no, w.milestone, w.output, w.opd, w.start, w.end, w.irm_status, w.evidence], html! {
                    @for (i, m) in d.milestones.iter().enumerate() {
                        tr {
                            td class="num" { (i + 1) }
                            th scope="row" { (typed(lang, &m.title)) }
                            td class="prose" { (typed(lang, &m.output)) }
                            td { (m.opd.code) }
                            td { (m.start_date.as_deref().map(|d| lang.day(d)).unwrap_or_else(|| "-".into())) }
                            td { (m.end_date.as_deref().map(|d| lang.day(d)).unwrap_or_else(|| "-".into())) }
                            td { span class=(format!("status status-{}", m.status.as_str())) { (lang.status(m.status)) } }
                            td { (evidence_list(&m.evidence, lang)) }
                        }
                    }
                }))
            }
        }
        section aria-labelledby="indikator" {
            h2 id="indikator" { (w.indicators) }
            @if d.indicators.is_empty() {
                p class="none" { (w.no_indicators) }
            }
            @for (i, ind) in d.indicators.iter().enumerate() {
                (indicator(ind, i + 1, content, lang))
            }
            (grades_legend(content, lang))
        }
        section aria-labelledby="penilaian" {
            h2 id="penilaian" { (w.assessment_title) }
            (assessment_block(page.assessment.as_ref(), lang))
        }
    };
    layout(place, content, &title, main)
}

// ---------------------------------------------------------------------------
// Co-creation

pub fn cocreation(place: &Place<'_>, content: &Content) -> Markup {
    let lang = place.lang;
    let w = lang.words();
    let main = html! {
        h1 { (w.cocreation_title) }
        p class="lead" { (w.cocreation_intro) }
        @if content.sessions.is_empty() {
            p class="none" { (w.no_sessions) }
        }
        @for (i, s) in content.sessions.iter().enumerate() {
            @let n = i + 1;
            section aria-labelledby=(format!("sesi-{n}")) {
                h2 id=(format!("sesi-{n}")) { (typed(lang, &s.title)) }
                dl class="pairs" {
                    div { dt { (w.held_on) } dd { (lang.day(&s.held_on)) } }
                    div { dt { (w.place) } dd { (typed(lang, &s.place)) } }
                    div { dt { (w.participants) } dd {
                        (s.from_opds + s.from_csos + s.others) ": "
                        (s.from_opds) " " (w.participants_opd) ", "
                        (s.from_csos) " " (w.participants_cso) ", "
                        (s.others) " " (w.participants_other)
                    } }
                }
                @if s.inputs.is_empty() {
                    p class="none" { (w.no_inputs) }
                } @else {
                    (table(&format!("tabel-sesi-{n}"), html! { (w.inputs) ": " (typed(lang, &s.title)) },
                        &[w.action, w.organisation, w.input, w.response, w.reason], html! {
                        @for input in &s.inputs {
                            tr {
                                td {
                                    @match &input.action_slug {
                                        Some(slug) => a href=(place.link(&format!("aksi/{slug}.html"))) { (input.action_code) },
                                        None => (input.action_code),
                                    }
                                }
                                td { (typed(lang, &input.organisation)) }
                                td class="prose" { (typed(lang, &input.body)) }
                                @match &input.response {
                                    Some((decision, reason)) => {
                                        td { (lang.decision(*decision)) }
                                        td class="prose" { (typed(lang, reason)) }
                                    }
                                    None => {
                                        td { (w.not_responded) }
                                        td {}
                                    }
                                }
                            }
                        }
                    }))
                }
            }
        }
    };
    layout(place, content, w.cocreation_title, main)
}

// ---------------------------------------------------------------------------
// The self-assessment

pub fn assessment(place: &Place<'_>, content: &Content) -> Markup {
    let lang = place.lang;
    let w = lang.words();
    let list = &content.assessments;
    let count_completion = |c: Completion| {
        list.actions
            .iter()
            .filter(|a| a.assessment.as_ref().is_some_and(|s| s.completion == c))
            .count()
    };
    let count_opened = |o: OpenedGovernment| {
        list.actions
            .iter()
            .filter(|a| {
                a.assessment
                    .as_ref()
                    .is_some_and(|s| s.opened_government == o)
            })
            .count()
    };
    let main = html! {
        h1 { (w.assessment_title) }
        p class="lead" { (w.assessment_intro) }
        p { strong { (list.assessed_count) } " " (w.assessed_of) " " (list.actions.len()) "." }
        div class="two" {
            (table("tabel-penyelesaian", w.completion_scale, &[w.completion, w.actions_count], html! {
                @for c in Completion::ALL {
                    tr { th scope="row" { (lang.completion(*c)) } td class="num" { (count_completion(*c)) } }
                }
            }))
            (table("tabel-membuka", w.opened_scale, &[w.opened_government, w.actions_count], html! {
                @for o in OpenedGovernment::ALL {
                    tr { th scope="row" { (lang.opened(*o)) } td class="num" { (count_opened(*o)) } }
                }
            }))
        }
        (table("tabel-penilaian", w.assessment_title,
            &[w.commitment, w.lead_opd, w.completion, w.opened_government, w.explanation, w.evidence], html! {
            @for a in &list.actions {
                tr {
                    th scope="row" {
                        @match content.slug_of(&a.action_id) {
                            Some(slug) => a href=(place.link(&format!("aksi/{slug}.html"))) { (a.code) " " (typed(lang, &a.title)) },
                            None => { (a.code) " " (typed(lang, &a.title)) },
                        }
                    }
                    td { (typed(lang, &a.lead_opd.name)) }
                    @match &a.assessment {
                        Some(s) => {
                            td { (lang.completion(s.completion)) }
                            td { (lang.opened(s.opened_government)) }
                            td class="prose" { (typed(lang, &s.explanation)) }
                            td { (links(&s.evidence_links, lang)) }
                        }
                        None => {
                            td { (w.not_assessed) }
                            td { (w.not_assessed) }
                            td {}
                            td {}
                        }
                    }
                }
            }
        }))
        section aria-labelledby="skala" {
            h2 id="skala" { (w.completion_scale) }
            dl class="scale" {
                @for c in Completion::ALL {
                    dt { (lang.completion(*c)) } dd { (lang.completion_meaning(*c)) }
                }
            }
            h2 { (w.opened_scale) }
            dl class="scale" {
                @for o in OpenedGovernment::ALL {
                    dt { (lang.opened(*o)) } dd { (lang.opened_meaning(*o)) }
                }
            }
        }
    };
    layout(place, content, w.assessment_title, main)
}

// ---------------------------------------------------------------------------
// Downloads

fn size(lang: Lang, bytes: u64) -> String {
    if bytes < 1024 {
        format!("{bytes} B")
    } else if bytes < 1024 * 1024 {
        format!(
            "{} KB",
            lang.number((bytes as f64 / 1024.0 * 10.0).round() / 10.0)
        )
    } else {
        format!(
            "{} MB",
            lang.number((bytes as f64 / 1024.0 / 1024.0 * 10.0).round() / 10.0)
        )
    }
}

pub fn downloads(place: &Place<'_>, content: &Content, files: &[Download]) -> Markup {
    let lang = place.lang;
    let w = lang.words();
    let group = |open_data: bool, id: &str, caption: &str| {
        table(
            id,
            caption,
            &[w.file, w.contents, w.size],
            html! {
                @for f in files.iter().filter(|f| f.open_data == open_data) {
                    tr {
                        th scope="row" { a href=(place.asset(&f.path)) { (f.path.rsplit('/').next().unwrap_or(&f.path)) } }
                        @let title = &f.titles[usize::from(lang == Lang::En)];
                        td { @if f.title_in_indonesian { (typed(lang, title)) } @else { (title) } }
                        td class="num" { (size(lang, f.bytes)) }
                    }
                }
            },
        )
    };
    let main = html! {
        h1 { (w.downloads_title) }
        p class="lead" { (w.downloads_intro) }
        (group(true, "tabel-data", w.open_data))
        @if files.iter().any(|f| !f.open_data) {
            (group(false, "tabel-buku-kerja", w.workbooks))
        }
        p class="note" { (w.never_published) }
    };
    layout(place, content, w.downloads_title, main)
}
