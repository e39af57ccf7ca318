import type { Locale } from '../common/domain';
import { getTranslations } from '../common/view-engine';
import type { RefiPlace } from './refi/project-reader';

/** A project element as the reader says it ("Bron ‘R01’, selectie 2"), from the catalogue (`qdpx.where.<kind>`). */
export function sayPlace(place: RefiPlace, locale: Locale): string {
  const { kind, ...vars } = place;
  return getTranslations().t(locale, `qdpx.where.${kind}`, vars);
}
