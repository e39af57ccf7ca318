import { readFileSync } from 'fs';
import { join } from 'path';
import { translators } from '../common/view-engine';
import { buildHomeworkDefinition } from './homework-definition';
import { buildScreenerDefinition, type ScreenerInput } from './screener-definition';

// Stored survey definitions are versioned by the hash of their JSON (surveys.service.ts contentHash): a form built
// from the same texts must come out byte for byte as before, or every study gets a new version that means nothing
// new. These files were written from the generated JSON before its texts moved to the message catalogue.
const SNAPSHOTS = join(__dirname, '..', '..', 'test', 'fixtures', 'survey-definitions');
const snapshot = (name: string) => readFileSync(join(SNAPSHOTS, `${name}.json`), 'utf8');
/** Indented so a difference reads line by line; equal indented texts mean equal compact JSON, hence equal hashes. */
const printed = (definition: object) => `${JSON.stringify(definition, null, 1)}\n`;

const texts = translators();

const onlineScreener: ScreenerInput = {
  studyTitle: 'Onderzoek dienstverlening',
  organisations: [
    { id: 1, name: 'Vitens' },
    { id: 2, name: 'RET' },
  ],
  slots: [
    { id: 10, label: { nl: 'maandag 3 maart, 10:00–12:00', en: 'Monday 3 March, 10:00–12:00' } },
    { id: 11, label: { nl: 'dinsdag 4 maart, 19:00–21:00', en: 'Tuesday 4 March, 19:00–21:00' } },
  ],
  consentVersion: '2026-12',
  helpPhone: '030 123 45 67',
};

const mixedScreener: ScreenerInput = {
  studyTitle: 'Onderzoek <B&O> "2027"',
  organisations: [{ id: 3, name: 'Woningcorporatie <Eigen> & "Haard"' }],
  slots: [
    {
      id: 20,
      label: { nl: 'woensdag 5 maart, 14:00–16:00', en: 'Wednesday 5 March, 14:00–16:00' },
      location: 'Stadhuis, zaal 1',
    },
    { id: 21, label: { nl: 'donderdag 6 maart, 10:00–12:00', en: 'Thursday 6 March, 10:00–12:00' }, location: null },
  ],
  consentVersion: '2026-12',
};

describe('generated survey definitions', () => {
  it.each([
    ['homework-vitens', 'Vitens'],
    ['homework-escaped', 'Gemeente <Utrecht> & "Zeist"'],
  ])('builds the homework form %s exactly as before', (name, organisation) => {
    expect(printed(buildHomeworkDefinition({ organisation }, texts))).toBe(snapshot(name));
  });

  it.each([
    ['screener-online', onlineScreener],
    ['screener-mixed', mixedScreener],
  ])('builds the screener %s exactly as before', (name, input) => {
    expect(printed(buildScreenerDefinition(input, texts))).toBe(snapshot(name));
  });
});
