// Bar colours of the dashboard: the predikat bands and the milestone scale,
// strong enough to tell apart on a washed-out projector, and always with the
// value written on the bar, so colour is never the only cue.
import type { GradeKey, MilestoneStatus } from '../api/types';

export const GRADE_COLORS: Record<GradeKey, string> = {
  sangat_tinggi: '#1b7f4b',
  tinggi: '#5a8f1d',
  sedang: '#c99400',
  rendah: '#d2691e',
  sangat_rendah: '#b3261e',
};

export const STATUS_COLORS: Record<MilestoneStatus, string> = {
  belum_dimulai: '#8a9896',
  terbatas: '#d2691e',
  substansial: '#5a8f1d',
  selesai: '#1b7f4b',
};

/** A bar without a predikat (should not happen for a measured figure). */
export const NEUTRAL_COLOR = '#0b6b63';

export function gradeColor(grade: GradeKey | null): string {
  return grade ? GRADE_COLORS[grade] : NEUTRAL_COLOR;
}
