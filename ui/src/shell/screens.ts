// The screens opened from the header's buttons.
export type HeaderScreen = 'cocreation' | 'consolidation' | 'report' | 'exchange' | 'backup';
