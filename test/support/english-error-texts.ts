import { readCatalogue } from '../../src/common/i18n';
import { templatesDir } from '../../src/common/view-engine';

/**
 * The kinds of text that say what went wrong: error codes, a field's problem, a refused form, why an import row or
 * a codebook line cannot be read, a bad measurement, a bad setting, what of a REFI-QDA file was left out and where,
 * a scheduling rule a change breaks.
 */
const PROBLEM_TEXTS = [
  'error.',
  'formProblem.',
  'formRefusal.',
  'importReason.',
  'measurement.error.',
  'measurement.problem.',
  'codebook.check.',
  'codebook.error.',
  'config.',
  'qdpx.',
  'schedule.violation.',
];

/**
 * The English problem texts as a reader would see them on a page: each such text of the English catalogue cut at
 * its variables into the pieces long enough to be telling, leaving out any piece a Dutch text holds too (a code
 * such as CONS_INFO_INST_EAN, "{name} {problem}.").
 */
export function englishErrorTexts(): string[] {
  const en = readCatalogue(templatesDir(), 'en');
  const dutch = Object.values(readCatalogue(templatesDir(), 'nl'));
  const pieces = Object.entries(en)
    .filter(([key]) => PROBLEM_TEXTS.some((kind) => key.startsWith(kind)) && !key.startsWith('error.title.'))
    .flatMap(([, text]) =>
      text
        .split(/\{\w+\}/)
        .map((p) => p.replace(/<[^>]+>/g, '').trim())
        .filter((p) => p.length >= 8 && !dutch.some((nl) => nl.includes(p))),
    );
  return [...new Set(pieces)];
}

/** The English error texts a page's text contains. */
export function englishErrorTextsIn(text: string): string[] {
  return englishErrorTexts().filter((piece) => text.includes(piece));
}
