// The screens opened from the header's buttons.
export type HeaderScreen =
  | 'planning'
  | 'cocreation'
  | 'consolidation'
  | 'report'
  | 'feedback'
  | 'exchange'
  | 'publish'
  | 'backup';
