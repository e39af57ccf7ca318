import { readCatalogue } from '../../src/common/i18n';
import { templatesDir } from '../../src/common/view-engine';

/**
 * The English error texts as a reader would see them on a page: each `error.*` text of the English catalogue
 * cut at its variables into the pieces long enough to be telling (and not also Dutch, like "{name} {problem}.").
 */
export function englishErrorTexts(): string[] {
  const en = readCatalogue(templatesDir(), 'en');
  const nl = readCatalogue(templatesDir(), 'nl');
  const pieces = Object.entries(en)
    .filter(([key]) => key.startsWith('error.') && !key.startsWith('error.title.'))
    .flatMap(([key, text]) =>
      text
        .split(/\{\w+\}/)
        .map((p) => p.replace(/<[^>]+>/g, '').trim())
        .filter((p) => p.length >= 8 && !(nl[key] ?? '').includes(p)),
    );
  return [...new Set(pieces)];
}

/** The English error texts a page's text contains. */
export function englishErrorTextsIn(text: string): string[] {
  return englishErrorTexts().filter((piece) => text.includes(piece));
}
