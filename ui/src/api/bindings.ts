// Generated from the Rust types by `cargo xtask bindings`; do not edit.

/**
 * What this profile may do in the app as a whole, so the window offers only
 * that (the read models carry `canEdit` and `locked` for single rows). Each
 * flag is the answer of the same `RoleKind` as the core's check when the work is
 * done (`require_bappeda`, `require_opd`).
 */
export type Abilities = { 
/**
 * Publish the plan package for the OPDs (Bappeda).
 */
publishPackage: boolean, 
/**
 * Import the OPDs' Laporan (Bappeda).
 */
importReports: boolean, 
/**
 * Mark a received Laporan as verified (Bappeda).
 */
verifyReports: boolean, 
/**
 * Read and write catatan verifikator (Bappeda).
 */
writeReviewNotes: boolean, 
/**
 * Write the Rekap kabupaten (Bappeda).
 */
exportRekap: boolean, 
/**
 * Record co-creation sessions (Bappeda).
 */
recordSessions: boolean, 
/**
 * Take named versions of the plan (Bappeda).
 */
saveVersions: boolean, 
/**
 * Export the quarterly Laporan OPD (an OPD).
 */
exportReport: boolean, 
/**
 * Start from or take Bappeda's plan package (an OPD).
 */
takePackage: boolean, 
/**
 * Write the feedback file (Umpan balik) for the OPDs (Bappeda).
 */
writeFeedback: boolean, 
/**
 * Take Bappeda's feedback file and see its notes (an OPD); whether a
 * note may be answered is the note's own `canReply`.
 */
takeFeedback: boolean, 
/**
 * Open the plan editor: new plan, status, quarters, plan switcher (Bappeda).
 */
editPlan: boolean, 
/**
 * Record the end-of-commitment self-assessment (Bappeda).
 */
recordAssessment: boolean, 
/**
 * Write the public transparency site (Bappeda).
 */
publishSite: boolean, 
/**
 * The plan being viewed is an earlier plan, read-only: every editing
 * ability above that changes it is off.
 */
readOnly: boolean, };

/**
 * One OPD's key a human confirmed: the OPD's code and the fingerprint (the
 * eight words, or the hex form) the OPD read out.
 */
export type AcceptedKey = { opdCode: string, fingerprint: string, };

/**
 * The figures of one indicator for quarter n of a year.
 */
export type Achievement = { targetToDate: number | null, realisationToDate: number | null, 
/**
 * Capaian s.d. TW n (%): the headline figure, which carries the predikat.
 */
percent: number | null, annualTarget: number | null, 
/**
 * Capaian terhadap target tahunan (%).
 */
annualPercent: number | null, grade: GradeKey | null, reason: AchievementReason, };

/**
 * Why a capaian is shown as "-" (or `Ok` when it is a number).
 */
export type AchievementReason = "ok" | "no_target" | "zero_target" | "no_realisation" | "zero_realisation";

/**
 * An action of the plan with its assessment, if recorded.
 */
export type ActionAssessment = { actionId: string, code: string, title: string, themeSeq: number, themeName: string, 
/**
 * The lead OPD, with whom Bappeda records the assessment.
 */
leadOpd: OpdRef, supportingOpds: Array<OpdRef>, 
/**
 * The action's milestones by IRM status: what the completion is judged from.
 */
milestones: Array<StatusCount>, assessment: Assessment | null, };

export type ActionChange = { code: string, title: string, 
/**
 * Which fields change (Indonesian labels), for a changed action.
 */
fields: Array<string>, reason: string, };

export type ActionDetail = { action: ActionView, canEditNarrative: boolean, 
/**
 * The OPD this profile adds milestones and indicators as, if any.
 */
canAddFor: OpdRef | null, milestones: Array<MilestoneView>, indicators: Array<IndicatorView>, rollup: Rollup, periods: Array<PeriodView>, period: PeriodRef, grades: Array<GradeBand>, 
/**
 * At an OPD: Bappeda's notes received on this action and on its
 * indicators (by `subjectKind` and `subjectId`), with the OPD's replies.
 * Empty at Bappeda, whose notes are in the notes screen.
 */
notes: Array<ReceivedNote>, };

export type ActionEntry = { id: string, themeId: string, code: string, title: string, leadOpdId: string, supportingOpdIds: Array<string>, startDate: string | null, endDate: string | null, problem: string, description: string, contribution: string, ogpValues: Array<OgpValue>, csoPartners: string, archived: Archived | null, 
/**
 * OPDs entered data on it, or it has co-creation inputs or notes: it can be
 * archived, not deleted.
 */
inUse: boolean, 
/**
 * Whether this profile may write its narrative (problem, description,
 * contribution, OGP values, CSO partners): `access` decides.
 */
canEditNarrative: boolean, };

export type ActionInput = { 
/**
 * `None` to add an action.
 */
id: string | null, themeId: string, code: string, title: string, leadOpdId: string, supportingOpdIds: Array<string>, startDate: string | null, endDate: string | null, problem: string, description: string, contribution: string, ogpValues: Array<OgpValue>, csoPartners: string, };

export type ActionInputs = { actionId: string, actionCode: string, actionTitle: string, inputs: Array<SessionInput>, };

export type ActionSummary = { id: string, code: string, title: string, leadOpd: OpdRef, supportingOpds: Array<OpdRef>, ogpValues: Array<OgpValue>, startDate: string | null, endDate: string | null, milestoneCount: number, indicatorCount: number, rollup: Rollup, milestones: Array<MilestoneBrief>, indicators: Array<IndicatorBrief>, };

export type ActionView = { id: string, code: string, title: string, themeSeq: number, themeName: string, problem: string, description: string, contribution: string, ogpValues: Array<OgpValue>, leadOpd: OpdRef, supportingOpds: Array<OpdRef>, csoPartners: string, startDate: string | null, endDate: string | null, 
/**
 * When and why Bappeda archived the action: its rows are read-only.
 */
archived: Archived | null, };

/**
 * How quarterly values add up to "s.d. TW n" and to the year.
 */
export type Aggregation = "kumulatif" | "persentase" | "nilai_akhir";

/**
 * What the window asks first: is there a database to work on, and whose.
 */
export type AppStatus = { needsSetup: boolean, dataFile: string, schemaVersion: number, appVersion: string, profile: Profile | null, 
/**
 * What this profile may do in the app; null before a profile exists.
 */
abilities: Abilities | null, };

/**
 * What taking a package did.
 */
export type Applied = { planTitle: string, version: number, 
/**
 * True when this started the database; false when it updated it.
 */
started: boolean, actions: number, 
/**
 * True when the package brought a plan this database did not hold (the
 * next plan cycle); the earlier plan stays, read-only.
 */
newPlan: boolean, 
/**
 * Indicators (with their targets) received for the first time.
 */
indicatorsReceived: number, };

/**
 * Why and when Bappeda archived a theme, action or OPD that has data,
 * instead of deleting it.
 */
export type Archived = { at: string, reason: string, };

export type ArchivedAction = { id: string, code: string, title: string, themeName: string, leadOpd: OpdRef, archived: Archived, };

export type ArchivedOverview = { themes: Array<ArchivedTheme>, actions: Array<ArchivedAction>, };

export type ArchivedTheme = { id: string, seq: number, name: string, archived: Archived, };

/**
 * A recorded assessment.
 */
export type Assessment = { completion: Completion, openedGovernment: OpenedGovernment, explanation: string, evidenceLinks: Array<string>, 
/**
 * Who recorded it (kept here, never published).
 */
recordedBy: string, recordedAt: string, };

/**
 * One action's assessment as Bappeda enters it.
 */
export type AssessmentForm = { actionId: string, completion: Completion, openedGovernment: OpenedGovernment, explanation: string, 
/**
 * Web links (http or https), one per entry; empty entries are ignored.
 */
evidenceLinks: Array<string>, };

/**
 * The plan's actions with their assessments, and whether this profile records them.
 */
export type AssessmentList = { plan: Plan, 
/**
 * Bappeda on the active plan.
 */
canEdit: boolean, assessedCount: number, 
/**
 * The actions in the plan's order (theme, then code); archived ones are left out.
 */
actions: Array<ActionAssessment>, };

/**
 * What was written, for the caller to report.
 */
export type AssessmentWritten = { path: string, actions: number, 
/**
 * Actions that have an assessment.
 */
assessed: number, };

/**
 * One recorded change.
 */
export type AuditEntry = { at: string, actor: string, entity: string, entityId: string, operation: string, field: string | null, oldValue: string | null, newValue: string | null, };

/**
 * Every failed command rejects with this. A validation error has code
 * `invalid` and, when it is about one input, `field` names it.
 */
export type BackendError = { code: string, message: string, 
/**
 * Always sent (null when none); optional in TypeScript because the UI's
 * own errors (a rejection that did not come from a command) carry none.
 */
field?: string | null, 
/**
 * With code `key_unconfirmed`: the key the clerk is asked to confirm
 * (OPD, first or changed, the fingerprint's words). Sent only then.
 */
key?: UnconfirmedKey, };

/**
 * What a backup file holds, shown before it replaces anything.
 */
export type BackupInfo = { fileName: string, path: string, kind: BackupKind, 
/**
 * RFC 3339, from the file name (UTC).
 */
takenAt: string, sizeBytes: number, 
/**
 * False when the file fails its check or comes from a newer app.
 */
usable: boolean, 
/**
 * Why it is not usable, in words for the user.
 */
problem: string | null, planTitle: string | null, 
/**
 * "Bappeda" or "OPD DINKES", and who works there.
 */
profile: string | null, actions: number, milestones: number, indicators: number, realisations: number, reports: number, 
/**
 * The fingerprint in words of the signing key the backup holds; none in
 * a backup made before keys travelled with the data.
 */
keyFingerprint: string | null, };

/**
 * Why a backup was taken; the word is part of its file name.
 */
export type BackupKind = "daily" | "before_import" | "before_restore" | "before_migration" | "manual";

/**
 * One band as typed: its label and lower bound (none for the lowest).
 */
export type BandInput = { label: string, min: number | null, };

/**
 * The five bands, highest first.
 */
export type BandsInput = { bands: Array<BandInput>, };

/**
 * The bands of the current plan as the editor shows them.
 */
export type BandsView = { planId: string, bands: Array<GradeBand>, 
/**
 * True while the plan uses the convention (nothing stored).
 */
isConvention: boolean, 
/**
 * The legend printed under the tables of the Laporan and the Rekap.
 */
legend: string, canEdit: boolean, };

/**
 * Bappeda's key changed since the package this OPD took before: the
 * fingerprints in words, and the date the new key signs from.
 */
export type BappedaKeyChange = { fromFingerprint: string, toFingerprint: string, 
/**
 * YYYY-MM-DD, from the last statement of the chain.
 */
effectiveFrom: string, };

/**
 * Bappeda's status for one export, as of the last feedback file.
 */
export type BappedaStatus = "diverifikasi" | "diterima" | "belum_ada_kabar" | "tidak_tercatat";

/**
 * What was written, for the caller to report.
 */
export type BeritaAcaraWritten = { path: string, sessionTitle: string, participants: number, inputs: number, 
/**
 * Inputs that have a response.
 */
responded: number, };

/**
 * What a bundle brought at Bappeda.
 */
export type BundleImported = { fileName: string, 
/**
 * Entries whose content a signed report names: kept.
 */
received: number, 
/**
 * Evidence rows that got their file now (0 when everything was there).
 */
rows: number, 
/**
 * False when nothing changed (the bundle had been imported already).
 */
changed: boolean, 
/**
 * Entries refused, each with why.
 */
refused: Array<RefusedEntry>, };

/**
 * The bundle written beside a report.
 */
export type BundleWritten = { path: string, 
/**
 * Files in it (one per distinct content).
 */
files: number, bytes: number, };

/**
 * An action, milestone or indicator whose fields changed.
 */
export type ChangedItem = { id: string, actionCode: string, opdCode: string, 
/**
 * As in the newer version.
 */
label: string, changes: Array<FieldChange>, };

/**
 * How far the commitment was carried out: the IRM completion scale.
 */
export type Completion = "belum_dimulai" | "terbatas" | "substansial" | "selesai";

/**
 * The government's decision on an input.
 */
export type Decision = "diterima" | "diterima_dengan_perubahan" | "ditolak";

/**
 * An action, milestone or indicator added or removed.
 */
export type DiffItem = { id: string, 
/**
 * The action's code (RA-01), or that of the action the row belongs to.
 */
actionCode: string, 
/**
 * The lead OPD of an action, the owner of a milestone or an indicator.
 */
opdCode: string, 
/**
 * The action's or milestone's title, the indicator's description.
 */
label: string, };

/**
 * What a piece of evidence is attached to: a milestone, or an indicator's
 * realisation of one quarter.
 */
export type EvidenceTarget = { milestoneId: string | null, indicatorId: string | null, year: number | null, quarter: number | null, };

export type EvidenceView = { id: string, kind: string, title: string, fileName: string | null, sha256: string | null, url: string | null, createdAt: string, 
/**
 * A file named by a report whose evidence bundle has not brought it yet
 * (at Bappeda): shown as "belum diterima", not opened.
 */
awaitingFile: boolean, 
/**
 * A file whose type the system's viewer opens
 * ([`crate::editing::evidence::opens_directly`]); any other file is
 * offered as "Tampilkan di folder". False for a link.
 */
opensDirectly: boolean, };

export type ExportEntry = { id: string, year: number, quarter: number, sequence: number, 
/**
 * RFC 3339.
 */
exportedAt: string, fileName: string, 
/**
 * The signing key's fingerprint in hex groups, as recorded.
 */
keyFingerprint: string, 
/**
 * The same fingerprint as the eight words a clerk reads aloud ("" when
 * the recorded fingerprint is not one).
 */
keyWords: string, status: BappedaStatus, receivedAt: string | null, verifiedAt: string | null, verifiedBy: string | null, };

/**
 * The latest report of a quarter exported here.
 */
export type ExportMark = { sequence: number, 
/**
 * RFC 3339.
 */
exportedAt: string, };

export type Exported = { path: string, opdCode: string, period: PeriodRef, sequence: number, rows: number, keyFingerprint: string, 
/**
 * The evidence bundle written beside the report, when asked for and the
 * report has file evidence.
 */
evidence: BundleWritten | null, };

/**
 * The last feedback file taken for a plan: Bappeda's sequence for it, when
 * Bappeda wrote it and when it was taken here (RFC 3339).
 */
export type FeedbackAsOf = { sequence: number, writtenAt: string, takenAt: string, };

/**
 * The last feedback file taken, as the OPD's screens show it.
 */
export type FeedbackStatus = { 
/**
 * Orders the files; not for people.
 */
sequence: number, 
/**
 * "Umpan balik ke-3".
 */
number: number, writtenAt: string, takenAt: string, 
/**
 * The fingerprint (hex) of Bappeda's key that signed it.
 */
keyFingerprint: string, };

/**
 * What was written, for the caller to report.
 */
export type FeedbackWritten = { path: string, opdCode: string, opdName: string, 
/**
 * Orders the files; not for people.
 */
sequence: number, 
/**
 * "Umpan balik ke-3".
 */
number: number, reports: number, notes: number, openNotes: number, replies: number, };

/**
 * One field, old -> new, as a reader sees them (OPD codes, Indonesian dates
 * and numbers); `None` where the field was empty.
 */
export type FieldChange = { 
/**
 * The field's name in code: `title`, `leadOpd`, `baseline`, ...
 */
field: string, 
/**
 * "Judul", "OPD pelaksana", "Baseline", ...
 */
label: string, old: string | null, new: string | null, };

/**
 * The first start as the window sends it. `choice` and `role` arrive as words
 * and are parsed by `FirstStartRequest::start` with their own `FromStr`, so
 * a bad word is refused as `{code: 'invalid', field: 'choice' | 'role'}` next
 * to its field, not by the argument parsing as a bare string.
 */
export type FirstStartRequest = { choice: StartChoice, role: RoleKind, opdCode: string | null, userName: string, 
/**
 * With choice "package": the token of the package picked by `pick_package`
 * (may be left out: serde reads a missing `Option` as `None`).
 */
packageToken?: string | null, };

/**
 * Each answer as serde writes a `Result`: `{"Ok": value}` or `{"Err": {code,
 * message}}`, what the command would have returned or rejected with.
 */
export type GivenAnswers = { status: { Ok : AppStatus } | { Err : BackendError }, 
/**
 * Not asked before the first start: there is no plan yet.
 */
overview: { Ok : PlanOverview | null } | { Err : BackendError }, };

/**
 * One predikat band: capaian from `min` (inclusive) up to the next band's min.
 */
export type GradeBand = { key: GradeKey, label: string, 
/**
 * `None` for the lowest band, which has no lower bound.
 */
min: number | null, };

/**
 * The predikat bands; stored and serialised under their Indonesian names.
 */
export type GradeKey = "sangat_tinggi" | "tinggi" | "sedang" | "rendah" | "sangat_rendah";

/**
 * The rows whose history the workspace shows, by the `entity` word of
 * their audit rows.
 */
export type HistoryEntity = "action" | "milestone" | "indicator" | "theme" | "opd" | "note";

export type Imported = { opdCode: string, opdName: string, periodLabel: string, sequence: number, 
/**
 * False when this very file had been imported already (nothing changed).
 */
changed: boolean, 
/**
 * Set when this import accepted the key a human confirmed: the OPD's
 * first key, or a changed one.
 */
keyAccepted: KeyChange | null, keyFingerprint: string, 
/**
 * The same fingerprint as eight words.
 */
keyWords: string, milestones: number, indicators: number, 
/**
 * Replies to verifier notes this report brought that were new here.
 */
replies: number, 
/**
 * Replies it brought that were not kept (their note is no longer about
 * this OPD), each with the reason.
 */
skippedReplies: Array<SkippedReply>, };

export type IndicatorBrief = { id: string, description: string, unit: string, opdCode: string, achievement: Achievement, };

export type IndicatorInput = { 
/**
 * `None` to add an indicator.
 */
id: string | null, actionId: string, milestoneId: string | null, description: string, unit: string, baseline: number | null, polarity: Polarity, aggregation: Aggregation, };

/**
 * One indicator's figures with where it sits in the plan.
 */
export type IndicatorLine = { theme: string, actionCode: string, actionTitle: string, opd: OpdRef, description: string, unit: string, achievement: Achievement, };

export type IndicatorView = { id: string, seq: number, milestoneId: string | null, description: string, unit: string, baseline: number | null, polarity: Polarity, aggregation: Aggregation, opd: OpdRef, canEdit: boolean, 
/**
 * As for milestones: kept, read-only, not counted.
 */
archived: boolean, 
/**
 * Per plan year (as text), the four quarterly targets.
 */
targets: { [key in string]: [number | null, number | null, number | null, number | null] }, realisations: Array<RealisationView>, achievement: Achievement, };

/**
 * A new input (`id` is `None`) or the changed fields of one; an input keeps
 * its session.
 */
export type InputForm = { id: string | null, sessionId: string, actionId: string, 
/**
 * The person who spoke (kept in the berita acara, not in open data).
 */
author: string, organisation: string, body: string, };

export type InputResponse = { decision: Decision, reason: string, respondedBy: string, respondedAt: string, };

/**
 * Whether an unconfirmed key is the first seen for its OPD or replaces the one held.
 */
export type KeyChange = "first" | "changed";

/**
 * The installation's signing key as the backup screen and `renaksi key`
 * show it.
 */
export type KeyStatus = { 
/**
 * The fingerprint in words; none before the first key is made.
 */
fingerprint: string | null, 
/**
 * Bappeda may replace its key; an OPD's key is never replaced this way.
 */
canRotate: boolean, 
/**
 * An OPD may make a new key ("Buat kunci baru") when its key may be in
 * other hands; Bappeda then confirms the changed key by its words.
 */
canRenew: boolean, 
/**
 * The replacements Bappeda made, oldest first; every package carries them.
 */
rotations: Array<RotationView>, };

export type LinkInput = { title: string, url: string, milestoneId: string | null, indicatorId: string | null, year: number | null, quarter: number | null, };

export type MatrixCell = { year: number, quarter: number, state: SubmissionState, 
/**
 * The latest report's number and arrival, when one arrived.
 */
sequence: number | null, receivedAt: string | null, 
/**
 * When the quarter's first report arrived, when an earlier report than
 * the latest one came: terlambat is decided by this arrival.
 */
firstReceivedAt: string | null, 
/**
 * When the OPD exported that report (RFC 3339, the OPD's own clock as
 * signed in the report): for information, not for terlambat.
 */
exportedAt: string | null, 
/**
 * True when nothing arrived and the due date has passed.
 */
overdue: boolean, };

export type MatrixRow = { opd: OpdRef, cells: Array<MatrixCell>, };

export type MilestoneBrief = { id: string, title: string, status: MilestoneStatus, opdCode: string, endDate: string | null, };

export type MilestoneInput = { 
/**
 * `None` to add a milestone.
 */
id: string | null, actionId: string, title: string, output: string, startDate: string | null, endDate: string | null, status: MilestoneStatus, };

/**
 * The IRM completion scale.
 */
export type MilestoneStatus = "belum_dimulai" | "terbatas" | "substansial" | "selesai";

export type MilestoneView = { id: string, seq: number, title: string, output: string, startDate: string | null, endDate: string | null, status: MilestoneStatus, opd: OpdRef, canEdit: boolean, 
/**
 * On an archived action, or its OPD no longer assigned: kept, read-only,
 * not counted ([`crate::access::in_plan`]).
 */
archived: boolean, evidence: Array<EvidenceView>, };

export type NarrativeInput = { actionId: string, problem: string, description: string, contribution: string, ogpValues: Array<OgpValue>, csoPartners: string, };

/**
 * What Bappeda fills in to start a plan; its quarters are generated from
 * `first` to `last`, each due on the 10th day after the quarter ends.
 */
export type NewPlan = { 
/**
 * "Kabupaten Wonosobo", "Kota Semarang".
 */
region: string, title: string, first: PeriodRef, last: PeriodRef, };

/**
 * The report the banner names.
 */
export type NextDue = { year: number, quarter: number, 
/**
 * "YYYY-MM-DD".
 */
dueDate: string, 
/**
 * Days from today to the due date: 0 on the day, negative once it passed.
 */
daysLeft: number, overdue: boolean, };

export type NoteInput = { subjectKind: NoteSubjectKind, subjectId: string, body: string, };

/**
 * A reply (tanggapan) of an OPD to a verifier note. Never edited: the OPD
 * writes another.
 */
export type NoteReply = { id: string, author: string, body: string, createdAt: string, 
/**
 * At Bappeda: when a report brought it. At an OPD: when a feedback file
 * said Bappeda has it; none while it is on its way.
 */
receivedAt: string | null, };

export type NoteSubjectKind = "report" | "action" | "indicator";

/**
 * The four OGP values a commitment can serve.
 */
export type OgpValue = "transparansi" | "partisipasi" | "akuntabilitas" | "teknologi_inovasi";

export type OpdEntry = { id: string, code: string, name: string, shortName: string, headName: string, headTitle: string, headNip: string, archived: Archived | null, 
/**
 * Something refers to it: it can be archived, not deleted.
 */
inUse: boolean, 
/**
 * Codes of the plan's actions in use that it leads or supports (it cannot
 * be archived while there are any).
 */
activeActions: Array<string>, };

export type OpdInput = { 
/**
 * `None` to add an OPD.
 */
id: string | null, code: string, name: string, shortName: string, headName: string, headTitle: string, headNip: string, };

export type OpdRef = { code: string, name: string, };

export type OpdSummary = { opd: OpdRef, 
/**
 * Actions this OPD leads.
 */
ledActionCount: number, milestoneCount: number, indicatorCount: number, milestones: Array<StatusCount>, rollup: Rollup, };

/**
 * What `write` would publish now: every table, then the JSON file with all of
 * them and the descriptor.
 */
export type OpenDataSummary = { tables: Array<PublishedTable>, 
/**
 * `rencana-aksi.json` and `datapackage.json`.
 */
otherFiles: Array<string>, };

/**
 * The open data as written: its folder and the names of its files.
 */
export type OpenDataWritten = { folder: string, files: Array<string>, };

/**
 * "Did it open government?": the IRM's measure of what changed in how
 * government works, from worse to outstanding.
 */
export type OpenedGovernment = "memburuk" | "tidak_berubah" | "marginal" | "besar" | "luar_biasa";

export type OverdueMilestone = { actionCode: string, title: string, opdCode: string, endDate: string, status: MilestoneStatus, daysLate: number, };

/**
 * This installation's signing key as the OPD reads it out to Bappeda.
 */
export type OwnKey = { 
/**
 * The fingerprint as eight words.
 */
words: string, 
/**
 * The same fingerprint in hex, e.g. `1A2B-3C4D-5E6F-7081`.
 */
fingerprint: string, };

/**
 * What taking a package would change here, read without writing anything.
 */
export type PackageChanges = { fit: PackageFit, region: string, planTitle: string, yearStart: number, yearEnd: number, 
/**
 * The version held now (none when the plan is new here).
 */
versionFrom: number | null, versionTo: number, actionsAdded: Array<ActionChange>, actionsChanged: Array<ActionChange>, actionsArchived: Array<ActionChange>, themesAdded: number, themesChanged: number, opdsAdded: number, periods: Array<PackagePeriodChange>, 
/**
 * The legend before and after, when the bands change.
 */
bandsFrom: string | null, bandsTo: string | null, indicatorsReceived: number, 
/**
 * The fingerprint in words of the key that signed the package, for the
 * clerk to compare with what Bappeda reads out.
 */
keyFingerprint: string, 
/**
 * Bappeda's key changed since the last package taken here.
 */
keyChange: BappedaKeyChange | null, };

/**
 * How a package fits the plans this database holds.
 */
export type PackageFit = "start" | "update" | "newPlan";

export type PackagePeriodChange = { 
/**
 * e.g. "2019-TW2".
 */
period: string, closedFrom: boolean | null, closedTo: boolean, dueFrom: string | null, dueTo: string | null, };

/**
 * A picked plan package: the token the webview names it by, and what it holds.
 */
export type PackagePreview = { token: string, planTitle: string, region: string, version: number, opds: Array<OpdRef>, 
/**
 * The fingerprint in words of Bappeda's key that signed the package, to
 * compare with what Bappeda reads out before starting from it.
 */
keyFingerprint: string, };

/**
 * A newer plan package picked at an OPD: the token the webview names it by,
 * the file's name, and what taking it would change.
 */
export type PackageUpdate = { token: string, name: string, changes: PackageChanges, };

/**
 * Paper for printing: `a4` or `f4`, F4 being the folio (215 x 330 mm) Indonesian
 * offices use. Anything else is refused where it comes in (a command-line flag,
 * an IPC argument) with one message, before a dialog opens or a file is written.
 */
export type Paper = "a4" | "f4";

export type Participant = { id: string, name: string, organisation: string, kind: ParticipantKind, opdId: string | null, opdCode: string | null, };

export type ParticipantForm = { sessionId: string, name: string, 
/**
 * Instansi or organisation; for an OPD participant, the OPD's name when left empty.
 */
organisation: string, kind: ParticipantKind, 
/**
 * The OPD's code (DINKES), for an OPD participant.
 */
opdCode: string | null, };

/**
 * Whose side a participant speaks for (unsur).
 */
export type ParticipantKind = "opd" | "cso" | "other";

/**
 * One quarter (triwulan) of a plan year.
 */
export type Period = { year: number, quarter: number, dueDate: string | null, closed: boolean, };

/**
 * Closing or reopening a quarter, with the reason (required).
 */
export type PeriodChange = { period: PeriodRef, reason: string, };

/**
 * A quarter's new due date.
 */
export type PeriodDue = { period: PeriodRef, 
/**
 * YYYY-MM-DD.
 */
dueDate: string, };

export type PeriodRef = { year: number, quarter: number, };

/**
 * A quarter of the plan, with whether this profile may still change its
 * targets and realisations ([`Actor::is_locked`]).
 */
export type PeriodView = { year: number, quarter: number, dueDate: string | null, closed: boolean, locked: boolean, };

/**
 * A file picked in a dialog opened by Rust: the webview knows it only by a token and its name.
 */
export type PickedFile = { token: string, name: string, };

export type Plan = { id: string, region: string, title: string, yearStart: number, yearEnd: number, version: number, status: PlanStatus, adoptedOn: string | null, };

/**
 * One plan of the database for the header's plan switcher, which every
 * profile has (an OPD's database holds the plans it received).
 */
export type PlanChoice = { id: string, yearStart: number, yearEnd: number, 
/**
 * The newest plan; the others are read-only.
 */
active: boolean, };

export type PlanDiff = { from: VersionLabel, to: VersionLabel, actionsAdded: Array<DiffItem>, actionsRemoved: Array<DiffItem>, actionsChanged: Array<ChangedItem>, milestonesAdded: Array<DiffItem>, milestonesRemoved: Array<DiffItem>, milestonesChanged: Array<ChangedItem>, indicatorsAdded: Array<DiffItem>, indicatorsRemoved: Array<DiffItem>, indicatorsChanged: Array<ChangedItem>, targetsChanged: Array<TargetChange>, 
/**
 * Every entry above, counted once; 0 when the two are the same plan.
 */
changeCount: number, };

/**
 * One plan of the database, for the plan switcher and `renaksi plan list`.
 */
export type PlanEntry = { plan: Plan, 
/**
 * The newest plan: the one that changes.
 */
active: boolean, 
/**
 * The plan every screen shows now.
 */
viewed: boolean, first: PeriodRef | null, last: PeriodRef | null, };

/**
 * The plans of the database, newest first, and what this profile may do.
 */
export type PlanList = { plans: Array<PlanEntry>, 
/**
 * The plan being viewed, with its quarters (empty without a plan).
 */
periods: Array<Period>, 
/**
 * Bappeda may start a new plan.
 */
canCreate: boolean, 
/**
 * Bappeda may change the viewed plan (it is the active one).
 */
canEdit: boolean, };

export type PlanOverview = { plan: Plan, 
/**
 * An earlier plan of this database, kept to be read (a newer plan is active).
 */
readOnly: boolean, 
/**
 * Every plan of the database, newest first, for the plan switcher.
 */
plans: Array<PlanChoice>, periods: Array<Period>, 
/**
 * The period the figures are for.
 */
period: PeriodRef | null, grades: Array<GradeBand>, 
/**
 * Every OPD of the plan, for filters.
 */
opds: Array<OpdRef>, themes: Array<ThemeOverview>, 
/**
 * Themes and actions Bappeda archived: not in `themes`, not counted in
 * any figure, listed for whoever asks to see them.
 */
archived: ArchivedOverview, };

/**
 * Draft while the plan is being shaped, final once adopted.
 */
export type PlanStatus = "draft" | "final";

/**
 * The plan's structure as the editor shows it, with what this profile may do.
 */
export type PlanStructure = { 
/**
 * `None` while the database holds no plan (the OPD directory can be
 * written before).
 */
plan: Plan | null, 
/**
 * Whether this profile changes the structure (Bappeda).
 */
canEdit: boolean, 
/**
 * Whether this profile writes the narrative of an action it adds:
 * `access` decides (while the plan is a draft, Bappeda does).
 */
canEditNewNarrative: boolean, 
/**
 * Every OPD of the directory, archived ones included, ordered by code.
 */
opds: Array<OpdEntry>, 
/**
 * The plan's themes in their order, archived ones included.
 */
themes: Array<ThemeEntry>, 
/**
 * The plan's actions ordered by code, archived ones included.
 */
actions: Array<ActionEntry>, };

/**
 * Whether a higher realisation is better (positif) or worse (negatif).
 */
export type Polarity = "positif" | "negatif";

/**
 * Who works in this copy of Renaksi: Bappeda, or one OPD (`opdCode` set).
 */
export type Profile = { role: RoleKind, opdCode: string | null, userName: string, };

/**
 * What the Terbitkan screen shows before anything is written: the date the
 * site and the open data carry, the quarter of the figures, how far the
 * self-assessment is, and the tables of the open data.
 */
export type PublishOverview = { 
/**
 * The plan whose site and open data would be written.
 */
plan: Plan, 
/**
 * The plan is an earlier one, kept to be read: nothing is published from it.
 */
readOnly: boolean, 
/**
 * Today (WIB), `YYYY-MM-DD`: the date of the data on every page.
 */
dataDate: string, 
/**
 * The quarter the figures are for.
 */
period: PeriodRef | null, actions: number, 
/**
 * Actions with a recorded self-assessment.
 */
assessed: number, openData: OpenDataSummary, 
/**
 * The folder name a site gets inside a folder that holds other things.
 */
suggestedFolder: string, 
/**
 * The folder name the open data gets there.
 */
suggestedDataFolder: string, };

/**
 * One published table as the open-data screen lists it: its file, title,
 * columns and how many rows it holds now.
 */
export type PublishedTable = { 
/**
 * The CSV file, e.g. `rencana_aksi.csv`.
 */
file: string, title: string, columns: Array<string>, rows: number, };

export type QuarterCalendar = { year: number, quarter: number, 
/**
 * "YYYY-MM-DD", when Bappeda set one.
 */
dueDate: string | null, closed: boolean, exported: ExportMark | null, 
/**
 * When Bappeda received the quarter's latest report, per the last feedback.
 */
receivedAt: string | null, 
/**
 * When and by whom Bappeda verified that report, per the last feedback.
 */
verifiedAt: string | null, verifiedBy: string | null, state: QuarterState, };

/**
 * Where a quarter's report stands, most advanced first. Serialised under the
 * words the UI keys its labels by.
 */
export type QuarterState = "diverifikasi" | "diterima" | "diekspor" | "ditutup" | "terlambat" | "menunggu";

export type RealisationInput = { indicatorId: string, year: number, quarter: number, value: number | null, notes: string, obstacles: string, followUp: string, };

export type RealisationView = { year: number, quarter: number, value: number | null, notes: string, obstacles: string, followUp: string, evidence: Array<EvidenceView>, };

/**
 * A report Bappeda received.
 */
export type Received = { id: string, opdCode: string, opdName: string, year: number, quarter: number, sequence: number, exportedAt: string, receivedAt: string | null, fileName: string, keyFingerprint: string, };

/**
 * A verifier note an OPD received in a feedback file.
 */
export type ReceivedNote = { id: string, subjectKind: NoteSubjectKind, 
/**
 * The action's or indicator's id; empty for a report note.
 */
subjectId: string, subjectLabel: string, 
/**
 * For a note on a report: that report's number.
 */
reportSequence: number | null, author: string, body: string, createdAt: string, resolvedAt: string | null, 
/**
 * The OPD's own replies, oldest first.
 */
replies: Array<NoteReply>, 
/**
 * Whether this OPD may reply now: the note is open, its plan the active
 * one, and its subject still this OPD's (the action's lead, the
 * indicator's owner, as the last package says).
 */
canReply: boolean, };

export type RefusedEntry = { 
/**
 * The entry's name in the bundle, as shown (clipped, printable).
 */
entry: string, reason: string, };

export type RegencySummary = { plan: Plan, periods: Array<Period>, period: PeriodRef | null, 
/**
 * The day overdue milestones are counted on.
 */
today: string, grades: Array<GradeBand>, 
/**
 * Capaian over every indicator of the plan: the regency's headline figure.
 */
rollup: Rollup, themes: Array<ThemeSummary>, opds: Array<OpdSummary>, milestones: Array<StatusCount>, overdue: Array<OverdueMilestone>, indicators: Array<IndicatorLine>, };

/**
 * What was written, for the caller to report.
 */
export type RekapWritten = { path: string, period: PeriodRef, themes: number, opds: number, indicators: number, notes: number, };

/**
 * What making an OPD's new key did.
 */
export type Renewed = { oldFingerprint: string, 
/**
 * The fingerprint in words the clerk reads out when Bappeda asks.
 */
newFingerprint: string, 
/**
 * Where the old key is kept, in `kunci/`.
 */
oldKeyFile: string, };

/**
 * The key `kunci/` held before a restored database's key took its place.
 */
export type ReplacedKey = { 
/**
 * Where the replaced key is kept (in `kunci/`).
 */
aside: string, 
/**
 * The replaced key's fingerprint in words.
 */
replacedFingerprint: string, 
/**
 * The fingerprint in words of the key that signs from now on.
 */
currentFingerprint: string, 
/**
 * The restored backup's key was retired by "Buat kunci baru": it is the
 * replaced one (kept at `aside`), and this PC's key stays.
 */
retired: boolean, };

export type ReportCalendar = { 
/**
 * The day the calendar counts from, "YYYY-MM-DD" (the computer's date).
 */
today: string, 
/**
 * The last feedback file taken for this plan, if any.
 */
feedback: FeedbackAsOf | null, quarters: Array<QuarterCalendar>, 
/**
 * The oldest overdue report, else the next one due; `None` when nothing
 * is awaited.
 */
next: NextDue | null, 
/**
 * How many quarters are overdue (`next` among them when it is overdue).
 */
overdueCount: number, 
/**
 * How many quarters are awaited with no due date set by Bappeda.
 */
waitingWithoutDue: number, };

export type ReportHistory = { 
/**
 * The last feedback file taken for this plan, if any.
 */
feedback: FeedbackAsOf | null, exports: Array<ExportEntry>, };

export type ResponseForm = { inputId: string, decision: Decision, reason: string, };

/**
 * What a restore from the window did: the backup now in use, the key it
 * replaced in `kunci/` when the backup held another one, and a warning when
 * the key step failed after the data was replaced (the restore stands).
 */
export type RestoreDone = { backup: BackupInfo, replacedKey: ReplacedKey | null, keyWarning: string | null, };

/**
 * A note with what it is about, as a reader sees it.
 */
export type ReviewNote = { id: string, subjectKind: NoteSubjectKind, subjectId: string, 
/**
 * "RA-01 Penyiapan ...", "Laporan DINKES Triwulan II 2019 (no. 3)", ...
 */
subjectLabel: string, 
/**
 * The OPD the subject belongs to (the report's, the lead, the indicator's).
 */
opdCode: string, author: string, body: string, createdAt: string, resolvedAt: string | null, 
/**
 * The OPD's replies (tanggapan), oldest first: the thread of the note.
 */
replies: Array<NoteReply>, };

/**
 * The two roles, as one word: `bappeda` or `opd`. The first start's choice,
 * the profile the window shows, and who alone does a piece of work
 * (`access::require_bappeda`, `access::require_opd`, `Abilities`) all say it
 * with this type.
 */
export type RoleKind = "bappeda" | "opd";

/**
 * Capaian rolled up over several indicators (an action, a theme, an OPD): the
 * mean of the capaian that can be computed.
 */
export type Rollup = { percent: number | null, grade: GradeKey | null, indicatorCount: number, measuredCount: number, };

/**
 * What a rotation did.
 */
export type Rotated = { oldFingerprint: string, newFingerprint: string, 
/**
 * YYYY-MM-DD.
 */
from: string, 
/**
 * Where the old key is kept, in `kunci/`.
 */
oldKeyFile: string, };

export type RotationView = { oldFingerprint: string, newFingerprint: string, 
/**
 * YYYY-MM-DD.
 */
from: string, };

/**
 * One session with everything its record holds.
 */
export type Session = { id: string, title: string, heldOn: string, place: string, notes: string, createdAt: string, participants: Array<Participant>, 
/**
 * The inputs grouped by action, actions by code.
 */
actions: Array<ActionInputs>, inputCount: number, respondedCount: number, 
/**
 * Whether this profile may change the record (Bappeda only).
 */
canEdit: boolean, };

/**
 * A new session (`id` is `None`) or the changed fields of one.
 */
export type SessionForm = { id: string | null, title: string, 
/**
 * YYYY-MM-DD.
 */
heldOn: string, place: string, notes: string, };

export type SessionInput = { id: string, sessionId: string, actionId: string, author: string, organisation: string, body: string, createdAt: string, response: InputResponse | null, };

/**
 * The list of sessions as the screen shows it, with whether this profile
 * records new ones.
 */
export type SessionList = { canEdit: boolean, sessions: Array<SessionSummary>, };

/**
 * A session in the list of sessions.
 */
export type SessionSummary = { id: string, title: string, heldOn: string, place: string, participantCount: number, inputCount: number, 
/**
 * Inputs that have a response.
 */
respondedCount: number, };

/**
 * The signature block as the settings (or, failing them, the OPD's record) say.
 */
export type SignatureSettings = { place: string, headPosition: string, headName: string, headNip: string, };

/**
 * What was written, for the caller to report.
 */
export type SiteWritten = { 
/**
 * The site's folder.
 */
path: string, 
/**
 * `index.html` in it: what to open.
 */
index: string, pages: number, files: number, bytes: number, 
/**
 * The quarter the figures are for.
 */
period: PeriodRef | null, };

/**
 * A reply a report brought that Bappeda did not keep, and why.
 */
export type SkippedReply = { id: string, noteId: string, 
/**
 * The start of the reply's text.
 */
excerpt: string, reason: string, };

/**
 * How a new database starts. "package": an OPD starts from the plan
 * package Bappeda sent.
 */
export type StartChoice = "demo" | "empty" | "package";

/**
 * The plan's status as asked: final, or back to draft with a reason.
 */
export type StatusChange = { status: PlanStatus, 
/**
 * Why the plan goes back to draft (required then).
 */
reason: string, };

export type StatusCount = { status: MilestoneStatus, count: number, };

/**
 * Which row of the structure an archive, a return into use or a deletion is for.
 */
export type StructureEntity = "opd" | "theme" | "action";

export type SubmissionMatrix = { periods: Array<Period>, rows: Array<MatrixRow>, };

/**
 * Serialised under the Indonesian words the UI and the files use.
 */
export type SubmissionState = "belum" | "diterima" | "terlambat" | "diverifikasi";

/**
 * What taking a feedback file did.
 */
export type TakenFeedback = { 
/**
 * False when this file (its sequence) was taken already: nothing changed.
 */
changed: boolean, 
/**
 * Orders the files; not for people.
 */
sequence: number, 
/**
 * "Umpan balik ke-3".
 */
number: number, writtenAt: string, reports: number, notes: number, openNotes: number, 
/**
 * Quarters whose due date or closing the file changed here.
 */
quartersChanged: number, 
/**
 * Each change, named: "Triwulan I 2019 ditutup".
 */
quarterChanges: Array<string>, 
/**
 * The file was written before the quarters held here (a newer plan
 * package or feedback file brought them): its due dates and closings
 * were not taken.
 */
quartersOlder: boolean, 
/**
 * The OPD's replies the file says Bappeda now has.
 */
repliesReceived: number, 
/**
 * Bappeda's key changed along its rotation statements.
 */
keyChange: BappedaKeyChange | null, };

/**
 * A quarter's target of an indicator present in both versions, old -> new
 * (`None` where there was no target).
 */
export type TargetChange = { indicatorId: string, actionCode: string, opdCode: string, indicator: string, year: number, quarter: number, old: number | null, new: number | null, };

export type TargetsInput = { indicatorId: string, year: number, 
/**
 * Triwulan I-IV; `None` clears a quarter's target.
 */
values: Array<number | null>, };

export type TemplateFieldChange = { field: string, old: string | null, new: string | null, };

/**
 * What importing a template would do, or why it cannot.
 */
export type TemplatePreview = { fileName: string, 
/**
 * The first wrong rows; when any, nothing can be imported.
 */
problems: Array<TemplateProblem>, 
/**
 * How many problems there are in all.
 */
problemCount: number, 
/**
 * True when the database has no plan yet and the import creates it.
 */
createsPlan: boolean, added: Array<TemplateRowChange>, changed: Array<TemplateRowChange>, archived: Array<TemplateRowChange>, deleted: Array<TemplateRowChange>, 
/**
 * Rows missing from the file that stay, because an OPD entered data on them.
 */
kept: Array<TemplateRowChange>, };

/**
 * One wrong cell or row of a template: where it is and what is wrong.
 */
export type TemplateProblem = { sheet: string, 
/**
 * The Excel row number (1 is the header); 0 for the sheet as a whole.
 */
row: number, 
/**
 * The column's header; empty for the row as a whole.
 */
column: string, 
/**
 * The sentence in Bahasa Indonesia.
 */
message: string, 
/**
 * The message key (`planTemplate.problem.<key>` in the window).
 */
key: string, 
/**
 * The values the message names, by name.
 */
args: { [key in string]: string }, };

/**
 * One row the import adds, changes, archives, deletes or keeps.
 */
export type TemplateRowChange = { kind: TemplateRowKind, 
/**
 * "RA-01 Judul", "DINKES Dinas Kesehatan", "Tema 1 Layanan Publik", ...
 */
label: string, 
/**
 * The fields that change (for a changed row).
 */
fields: Array<TemplateFieldChange>, };

/**
 * What kind of row a change is about.
 */
export type TemplateRowKind = "plan" | "period" | "opd" | "theme" | "action" | "indicator";

/**
 * What was written, for the caller to report.
 */
export type TemplateWritten = { path: string, 
/**
 * True when the database had no plan: the empty template.
 */
empty: boolean, opds: number, themes: number, actions: number, indicators: number, };

export type ThemeEntry = { id: string, seq: number, name: string, description: string, archived: Archived | null, 
/**
 * It has actions: it can be archived, not deleted.
 */
inUse: boolean, 
/**
 * Its actions in use (it cannot be archived while there are any).
 */
activeActions: number, };

export type ThemeInput = { 
/**
 * `None` to add a theme (it comes last).
 */
id: string | null, name: string, description: string, };

export type ThemeOverview = { id: string, seq: number, name: string, description: string, rollup: Rollup, actions: Array<ActionSummary>, };

export type ThemeSummary = { seq: number, name: string, actionCount: number, milestoneCount: number, indicatorCount: number, milestones: Array<StatusCount>, rollup: Rollup, };

/**
 * What "Terima kunci Bappeda" did.
 */
export type TrustedBappedaKey = { 
/**
 * The key pinned before, in words; none when none was.
 */
previousFingerprint: string | null, fingerprint: string, };

/**
 * A key Bappeda has not confirmed for an OPD: what the clerk is asked about.
 */
export type UnconfirmedKey = { opdCode: string, 
/**
 * The OPD's name as Bappeda's directory holds it (not the file's text).
 */
opdName: string, 
/**
 * The fingerprint as eight words, to compare with what the OPD reads out.
 */
words: string, 
/**
 * The same fingerprint in hex, e.g. `1A2B-3C4D-5E6F-7081`.
 */
fingerprint: string, change: KeyChange, 
/**
 * Since when the key held now was recorded (a changed key).
 */
heldSince: string | null, };

/**
 * One side of a comparison: a version, or the plan as it is now (`id` is `None`).
 */
export type VersionLabel = { id: string | null, 
/**
 * The version's name, or "Saat ini".
 */
name: string, createdAt: string | null, };

/**
 * The list of versions as the screen shows it, with whether this profile
 * takes new ones.
 */
export type VersionList = { canEdit: boolean, versions: Array<VersionSummary>, };

/**
 * A version in the list of versions.
 */
export type VersionSummary = { id: string, name: string, createdAt: string, createdBy: string, themes: number, actions: number, milestones: number, indicators: number, targets: number, };
