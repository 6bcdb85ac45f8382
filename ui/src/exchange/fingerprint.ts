// The window's own check of a fingerprint the clerk typed, the same rule as
// the core's `workbook::key_words::fingerprint_matches` (the import checks it
// again there): the eight words or the sixteen hex digits, ignoring case,
// spaces, commas and dashes.
import type { UnconfirmedKey } from '../api/types';

/** The typed text as lower-case parts, separated by one space. */
export function normaliseFingerprint(text: string): string {
  return text
    .split(/[\s,-]+/u)
    .filter((part) => part !== '')
    .map((part) => part.toLowerCase())
    .join(' ');
}

/** Whether `typed` has the shape of a whole fingerprint: eight words, or sixteen hex digits. */
export function looksComplete(typed: string): boolean {
  const normal = normaliseFingerprint(typed);
  if (normal === '') return false;
  return normal.split(' ').length === 8 || /^[0-9a-f]{16}$/u.test(normal.replace(/ /gu, ''));
}

/** Whether `typed` names the fingerprint of the key the import asks about. */
export function fingerprintMatches(key: Pick<UnconfirmedKey, 'words' | 'fingerprint'>, typed: string): boolean {
  const normal = normaliseFingerprint(typed);
  return (
    normal !== '' &&
    (normal === normaliseFingerprint(key.words) ||
      normal.replace(/ /gu, '') === key.fingerprint.replace(/-/gu, '').toLowerCase())
  );
}
