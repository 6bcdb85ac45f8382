// The screens opened from the header's buttons.
export type HeaderScreen = 'workshop' | 'dashboard' | 'report' | 'exchange' | 'backup';
