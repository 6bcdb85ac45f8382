// History field names read in the UI language, also for a quarter's values.
import { describe, expect, it } from 'vitest';
import { defineComponent, h } from 'vue';
import { mountWithApp } from '../testing/mount';
import { useFieldLabel } from './historyFields';

function labels(language: 'id' | 'en', fields: string[]): string[] {
  let result: string[] = [];
  const Probe = defineComponent({
    setup() {
      const label = useFieldLabel();
      result = fields.map(label);
      return () => h('span');
    },
  });
  mountWithApp(Probe, { language });
  return result;
}

describe('history field names', () => {
  const fields = ['target 2019 TW I', 'kendala 2018 TW III', 'tindak lanjut 2019 TW IV', 'baseline', 'sesuatu lain'];

  it('are translated in English, quarters included', () => {
    expect(labels('en', fields)).toEqual([
      'Target, 2019 quarter I',
      'Obstacles, 2018 quarter III',
      'Follow-up, 2019 quarter IV',
      'Baseline',
      'sesuatu lain',
    ]);
  });

  it('read naturally in Bahasa Indonesia', () => {
    expect(labels('id', fields.slice(0, 2))).toEqual(['Target 2019 TW I', 'Kendala 2018 TW III']);
  });
});
