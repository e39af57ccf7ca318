// The search-strategy selection question of Bijlage 6 (Van der Veen & Van Ossenbruggen, 2015): the screener's
// definition shows its statements, respondents/search-strategy.ts turns the chosen one into a quadrant. Pure.
//
// The texts are in the message catalogue (selectionQuestion.*), the Dutch exactly as in Bijlage 6 with
// "{organisation}" where the report writes "organisatie X". The rust-in-je-hoofdzoeker statement adds the word
// "bij" that the report's text misses ("… mijn doel kon bereiken bij organisatie X").

import type { Quadrant } from '../common/domain';
import type { Translator } from '../common/i18n';

/** One quadrant's statement, naming the organisation (the gemakzoeker's names none). */
export function selectionStatement(t: Translator, quadrant: Quadrant, organisation: string): string {
  return t(`selectionQuestion.statement.${quadrant}`, { organisation });
}
