// Calendar dates as the plan documents write them: "15 Juli 2018".
// Dates arrive as "YYYY-MM-DD" with no time zone; they are read and formatted
// in UTC so that no offset can move them to the day before or after.

export type FormatLanguage = 'id' | 'en';

const INTL_LOCALE: Record<FormatLanguage, string> = {
  id: 'id-ID',
  en: 'en-GB',
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const formatters = new Map<FormatLanguage, Intl.DateTimeFormat>();

function formatter(language: FormatLanguage): Intl.DateTimeFormat {
  let cached = formatters.get(language);
  if (!cached) {
    cached = new Intl.DateTimeFormat(INTL_LOCALE[language], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      timeZone: 'UTC',
    });
    formatters.set(language, cached);
  }
  return cached;
}

/** The UTC midnight of a "YYYY-MM-DD" date, or null if it is not a real date. */
export function parseIsoDate(value: string): Date | null {
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  // Reject dates that Date.UTC silently rolls over, such as 2018-02-30.
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return date;
}

/**
 * "2018-07-15" -> "15 Juli 2018" (id) or "15 July 2018" (en).
 * Text that is not a valid date is returned unchanged rather than hidden.
 */
export function formatDate(value: string, language: FormatLanguage): string {
  const date = parseIsoDate(value);
  return date ? formatter(language).format(date) : value;
}

const dateTimeFormatters = new Map<string, Intl.DateTimeFormat>();

function dateTimeFormatter(language: FormatLanguage, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${language}:${timeZone ?? ''}`;
  let cached = dateTimeFormatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(INTL_LOCALE[language], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(timeZone ? { timeZone } : {}),
    });
    dateTimeFormatters.set(key, cached);
  }
  return cached;
}

/**
 * An RFC 3339 instant in the computer's time zone: "15 Juli 2018 10.30" (id)
 * or "15 July 2018 10:30" (en). `timeZone` is for tests. Text that is not
 * an instant is returned unchanged.
 */
export function formatDateTime(value: string, language: FormatLanguage, timeZone?: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return value;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const parts = dateTimeFormatter(language, timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const separator = language === 'id' ? '.' : ':';
  return `${part('day')} ${part('month')} ${part('year')} ${part('hour')}${separator}${part('minute')}`;
}

const instantDateFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * The day of an RFC 3339 instant in the computer's time zone: "25 Juli 2019"
 * (id) or "25 July 2019" (en). `timeZone` names another zone (tests; WIB for
 * Bappeda's matrix). Text that is not an instant is returned unchanged.
 */
export function formatInstantDate(value: string, language: FormatLanguage, timeZone?: string): string {
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value)) return value;
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) return value;
  const key = `${language}:${timeZone ?? ''}`;
  let cached = instantDateFormatters.get(key);
  if (!cached) {
    cached = new Intl.DateTimeFormat(INTL_LOCALE[language], {
      day: 'numeric',
      month: 'long',
      year: 'numeric',
      ...(timeZone ? { timeZone } : {}),
    });
    instantDateFormatters.set(key, cached);
  }
  return cached.format(instant);
}
