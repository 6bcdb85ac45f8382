//! The longest text, in characters, each field takes: the one source for the
//! editors (`editing`, `planning::structure`, the signature block) and for
//! what arrives from elsewhere (a report at Bappeda, a plan package at an
//! OPD, `report::rules`), so that no file brings what no one could type.

/// A plan's region and title.
pub const PLAN_REGION: usize = 200;
pub const PLAN_TITLE: usize = 300;
/// A milestone's title and its expected output.
pub const MILESTONE_TITLE: usize = 300;
pub const MILESTONE_OUTPUT: usize = 2000;
/// An indicator's description and unit.
pub const INDICATOR_DESCRIPTION: usize = 1000;
pub const INDICATOR_UNIT: usize = 60;
/// A realisation's notes, kendala and tindak lanjut (each).
pub const REALISATION_TEXT: usize = 4000;
/// An action's problem, description and contribution (each), and its CSO partners.
pub const NARRATIVE_TEXT: usize = 6000;
pub const CSO_PARTNERS: usize = 1000;
/// The title of a piece of evidence (a link's title, or the file's name).
pub const EVIDENCE_TITLE: usize = 300;
/// An action's code and title.
pub const ACTION_CODE: usize = 20;
pub const ACTION_TITLE: usize = 500;
/// A theme's name and description.
pub const THEME_NAME: usize = 300;
pub const THEME_DESCRIPTION: usize = 4000;
/// The OPD directory: name, short name, head of office's name and title.
pub const OPD_NAME: usize = 200;
pub const OPD_SHORT_NAME: usize = 60;
pub const HEAD_NAME: usize = 120;
pub const HEAD_TITLE: usize = 200;
/// An OPD code (letters, digits and hyphens) and a NIP (18 digits).
pub const OPD_CODE: usize = 20;
pub const NIP: usize = 18;
/// The reason an archived row was archived.
pub const ARCHIVE_REASON: usize = 500;
/// The reason a plan went back to draft, or a quarter was closed or reopened.
pub const CHANGE_REASON: usize = 1000;
/// A link kept as evidence.
pub const EVIDENCE_LINK: usize = 2000;
/// The explanation of an action's end-of-commitment self-assessment, and how
/// many evidence links it lists.
pub const ASSESSMENT_EXPLANATION: usize = 6000;
pub const ASSESSMENT_LINKS: usize = 20;
/// The signature block's place and the head's position.
/// They take what an export puts there unasked, so a genuine report is never
/// refused at import: the place defaults to the plan's region (less
/// "Kabupaten "/"Kota "), the position to "Kepala " and the OPD's name.
pub const SIGN_PLACE: usize = PLAN_REGION;
pub const HEAD_POSITION: usize = HEAD_POSITION_PREFIX.len() + OPD_NAME;
/// How the default position begins: "Kepala " and the OPD's name.
pub const HEAD_POSITION_PREFIX: &str = "Kepala ";
/// The signature block's date as printed ("15 April 2019").
pub const SIGN_DATE: usize = 40;
/// A user name (the profile's), as it signs notes, replies and the history.
pub const USER_NAME: usize = 80;
