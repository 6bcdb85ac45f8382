// Why a capaian is "-": the clerk sees the reason on hover, and a screen
// reader reads it. These are message keys under achievement.reason.
import type { Achievement, Polarity, Rollup } from '../api/types';

export type NoValueReason =
  | 'no_target'
  | 'zero_target'
  | 'no_realisation'
  | 'zero_realisation'
  | 'no_annual_target'
  | 'zero_annual_target'
  | 'no_indicators'
  | 'none_measured'
  | 'unknown';

/** The reason for a null Capaian s.d. TW n, as the backend gave it. */
export function percentReason(achievement: Achievement): NoValueReason {
  return achievement.reason === 'ok' ? 'unknown' : achievement.reason;
}

/**
 * The reason for a null Capaian terhadap target tahunan. The backend gives
 * one reason (for the headline figure); this one is derived the same way,
 * with the annual target in place of the target to date.
 */
export function annualReason(achievement: Achievement, polarity: Polarity): NoValueReason {
  if (achievement.annualTarget === null) return 'no_annual_target';
  if (achievement.realisationToDate === null) return 'no_realisation';
  if (polarity === 'positif' && achievement.annualTarget === 0) return 'zero_annual_target';
  if (polarity === 'negatif' && achievement.realisationToDate === 0) return 'zero_realisation';
  return 'unknown';
}

/** The reason a rollup (action or theme) has no capaian. */
export function rollupReason(rollup: Rollup): NoValueReason {
  if (rollup.indicatorCount === 0) return 'no_indicators';
  if (rollup.measuredCount === 0) return 'none_measured';
  return 'unknown';
}
