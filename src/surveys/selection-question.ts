// The texts of the search-strategy selection question of Bijlage 6 (Van der Veen & Van Ossenbruggen, 2015): the
// screener's definition shows them, respondents/search-strategy.ts turns the chosen one into a quadrant. Pure.

import { Locale, Quadrant } from '../common/domain';

/** Stands for the organisation's name in the texts below ("organisatie X" in the report). */
export const ORGANISATION_PLACEHOLDER = '{organisatie}';

/** The question around the statements; Dutch exactly as in Bijlage 6. */
export const SELECTION_QUESTION: Record<Locale, { intro: string; question: string }> = {
  nl: {
    intro:
      'De manier waarop mensen hun zaken bij {organisatie} het liefst regelen verschilt. Hieronder hebben wij vier ' +
      'verschillende manieren van het zoeken en regelen van uw zaken bij {organisatie} omschreven.',
    question:
      'Denkt u nog eens terug aan het contact en het doel dat u wilde bereiken. Als u nu terugkijkt op het hele proces, ' +
      'in welke omschrijving herkent u zich dan het beste? (één antwoord mogelijk).',
  },
  en: {
    intro:
      'People differ in how they prefer to arrange their affairs with {organisatie}. Below we describe four different ' +
      'ways of searching for and arranging your affairs with {organisatie}.',
    question:
      'Think back to the contact and the goal you wanted to achieve. Looking back on the whole process now, which ' +
      'description do you recognise yourself in most? (one answer only)',
  },
};

/**
 * One statement per quadrant; Dutch as in Bijlage 6, with "organisatie X" as the placeholder. The one source
 * of these texts: the screener's SurveyJS question derives its choices from here. The rust-in-je-hoofdzoeker
 * statement adds the word "bij" that the report's text misses ("… mijn doel kon bereiken bij organisatie X").
 */
export const SELECTION_STATEMENTS: Record<Quadrant, Record<Locale, string>> = {
  informatiezoeker: {
    nl:
      'Ik ben uitgebreid op zoek gegaan naar de verschillende mogelijkheden om bij {organisatie} mijn doel te bereiken. ' +
      'Uiteindelijk heb ik mijn zaken geregeld zonder me te laten leiden door wat anderen vinden.',
    en:
      'I searched extensively for the different ways to achieve my goal with {organisatie}. In the end I arranged ' +
      'my affairs without being guided by what others think.',
  },
  zekerheidszoeker: {
    nl:
      'Ik heb me uitgebreid geïnformeerd over de mogelijkheden om bij {organisatie} mijn doel te bereiken. Daarbij heb ' +
      'ik ook anderen (binnen of buiten de organisatie) om advies gevraagd over hoe ik dat het beste kan aanpakken.',
    en:
      'I informed myself extensively about the ways to achieve my goal with {organisatie}. I also asked others ' +
      '(inside or outside the organisation) for advice on how best to go about it.',
  },
  'rust-in-je-hoofdzoeker': {
    nl:
      'Ik heb er zelf niet zoveel tijd aan besteed. Ik heb me laten adviseren over op welke manier ik het beste mijn ' +
      'doel kon bereiken bij {organisatie} en dat advies heb ik opgevolgd.',
    en:
      'I did not spend much time on it myself. I let others advise me on the best way to achieve my goal with ' +
      '{organisatie}, and I followed that advice.',
  },
  gemakzoeker: {
    nl:
      'Ik wist van te voren al precies hoe ik het beste mijn doel kon bereiken en heb uiteindelijk mijn zaken geregeld ' +
      'zonder me te laten leiden door wat anderen vinden (binnen of buiten de organisatie).',
    en:
      'I knew beforehand exactly how best to achieve my goal, and in the end I arranged my affairs without being ' +
      'guided by what others think (inside or outside the organisation).',
  },
};
