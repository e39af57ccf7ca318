// The conversation guide of the 120-minute mini focus group (Bijlage 3, "Gespreksgids WP2 — Klantperspectief"),
// for the moderators' preparation view. "Organisatie X" is the group's organisation. The words are in the message
// catalogue (templates/locales/<locale>/guide.json: guide.<id>.title and guide.<id>.point.<n>); this file keeps
// the order, the minutes and how many points each section has.
import type { Translator } from '../common/i18n';

export interface GuideSectionOutline {
  id: string;
  minutes: number;
  /** How many points the section has: guide.<id>.point.1 … point.<points>. */
  points: number;
}

export const CONVERSATION_GUIDE: readonly GuideSectionOutline[] = [
  { id: 'introduction', minutes: 5, points: 6 },
  { id: 'introductions', minutes: 10, points: 4 },
  { id: 'channelChoice', minutes: 10, points: 5 },
  { id: 'service', minutes: 10, points: 4 },
  { id: 'afterService', minutes: 5, points: 3 },
  { id: 'channelsSummary', minutes: 10, points: 4 },
  { id: 'goodService', minutes: 5, points: 4 },
  { id: 'personalService', minutes: 40, points: 6 },
  { id: 'organisationInvolvement', minutes: 5, points: 3 },
  { id: 'customerInvolvement', minutes: 5, points: 3 },
  { id: 'trust', minutes: 10, points: 4 },
  { id: 'summary', minutes: 5, points: 4 },
];

export interface GuideSection {
  title: string;
  minutes: number;
  points: string[];
}

/** The guide in the reader's language. */
export function conversationGuide(t: Translator): GuideSection[] {
  return CONVERSATION_GUIDE.map((s) => ({
    title: t(`guide.${s.id}.title`),
    minutes: s.minutes,
    points: Array.from({ length: s.points }, (_, i) => t(`guide.${s.id}.point.${i + 1}`)),
  }));
}
