// The shapes that cross the IPC boundary are generated from the Rust types
// into bindings.ts (`cargo xtask bindings`; a Rust test fails when it is
// stale). This file re-exports them under their generated names, with the
// UI's own constants; views import from here.

import type {
  Aggregation,
  Completion,
  Decision,
  FirstStartRequest,
  MilestoneStatus,
  OgpValue,
  OpenedGovernment,
  Paper,
  ParticipantKind,
  PeriodRef,
  Polarity,
  SubmissionState,
} from './bindings';

export type * from './bindings';

/** In the order the plan documents list them. */
export const OGP_VALUES: readonly OgpValue[] = ['transparansi', 'partisipasi', 'akuntabilitas', 'teknologi_inovasi'];

/** Triwulan I-IV. */
export type Quarter = PeriodRef['quarter'];
export const QUARTERS: readonly Quarter[] = [1, 2, 3, 4];

/** The papers a workbook is printed on, A4 first (the default). */
export const PAPERS: readonly Paper[] = ['a4', 'f4'];

/** Who works in this copy of Renaksi. */
export type Role = FirstStartRequest['role'];
/** 'package': an OPD starts from the plan package Bappeda sent (see pickPackage). */
export type FirstStartChoice = FirstStartRequest['choice'];

/** The IRM completion scale, in its order. */
export const MILESTONE_STATUSES: readonly MilestoneStatus[] = ['belum_dimulai', 'terbatas', 'substansial', 'selesai'];
export const POLARITIES: readonly Polarity[] = ['positif', 'negatif'];
export const AGGREGATIONS: readonly Aggregation[] = ['kumulatif', 'persentase', 'nilai_akhir'];

/** In the order a report goes through them. */
export const SUBMISSION_STATES: readonly SubmissionState[] = ['belum', 'diterima', 'terlambat', 'diverifikasi'];

export const PARTICIPANT_KINDS: readonly ParticipantKind[] = ['opd', 'cso', 'other'];
export const DECISIONS: readonly Decision[] = ['diterima', 'diterima_dengan_perubahan', 'ditolak'];

/** The self-assessment's scales, in the IRM's order. */
export const COMPLETIONS: readonly Completion[] = ['belum_dimulai', 'terbatas', 'substansial', 'selesai'];
export const OPENED_GOVERNMENT: readonly OpenedGovernment[] = ['memburuk', 'tidak_berubah', 'marginal', 'besar', 'luar_biasa'];

/**
 * The code importReport rejects with while an OPD's signing key is not
 * confirmed (its first, or a changed one); the rejection carries `key`.
 */
export const KEY_UNCONFIRMED = 'key_unconfirmed';

/**
 * The codes app_status fails with when the database is damaged, or could not be
 * opened again after a restore replaced its data: a backup can take its place.
 */
/** A restore replaced the data and the database did not open again (src-tauri state.rs `REOPEN_FAILED`). */
export const DB_REOPEN_FAILED = 'db_reopen_failed';
export const DB_DAMAGED: readonly string[] = ['db_corrupt', 'db_unreadable', DB_REOPEN_FAILED];

/** Codes the UI treats specially. */
export const INVALID = 'invalid';
export const FORBIDDEN = 'forbidden';
export const PERIOD_CLOSED = 'period_closed';
/** A plan template with wrong rows: nothing was written. */
export const TEMPLATE_INVALID = 'template_invalid';
