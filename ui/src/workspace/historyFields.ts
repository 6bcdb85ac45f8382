// The names of changed fields in the history, in the UI language. Most are
// the code's own names (title, baseline, ...); targets and realisations of a
// quarter come from the backend as "target 2019 TW I", "kendala 2019 TW II".
import { useI18n } from 'vue-i18n';

/** The backend's words for the parts of a quarter's values, and their keys. */
const QUARTER_FIELDS: Record<string, string> = {
  target: 'target',
  realisasi: 'realisation',
  keterangan: 'notes',
  kendala: 'obstacles',
  'tindak lanjut': 'followUp',
};

const QUARTER_FIELD = /^(target|realisasi|keterangan|kendala|tindak lanjut) (\d{4}) TW (I|II|III|IV)$/;

export function useFieldLabel(): (field: string) => string {
  const { t, te } = useI18n();
  return (field) => {
    const quarter = QUARTER_FIELD.exec(field);
    if (quarter) {
      const [, name, year, q] = quarter;
      return t('history.quarterField', { field: t(`history.field.${QUARTER_FIELDS[name!]}`), year: year!, q: q! });
    }
    const key = `history.field.${field}`;
    return te(key) ? t(key) : field;
  };
}
