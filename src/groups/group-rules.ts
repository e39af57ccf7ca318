// What a group must satisfy after a manual change (move, swap, promote, add, remove). Pure: no Nest, no TypeORM.
import type { Quadrant } from '../common/domain';

export interface RulePerson {
  id: number;
  organisationId: number | null;
  quadrant: Quadrant | null;
  /** Slot ids; null = unknown, counted as every slot (as in the formation). */
  availability: number[] | null;
}

export interface RuleGroup {
  id: number;
  organisationId: number;
  quadrant: Quadrant;
  members: RulePerson[];
  reserves: RulePerson[];
}

export interface SizeLimits {
  minSize: number;
  maxSize: number;
  reservesPerGroup: number;
}

/** Slot ids every given person can attend; with no slots in the study there is nothing to share. */
export function commonSlots(people: readonly Pick<RulePerson, 'availability'>[], slotIds: readonly number[]): number[] {
  return slotIds.filter((slot) => people.every((p) => p.availability === null || p.availability.includes(slot)));
}

/** One rule a group would break, with what a message about it needs (pages say it in the reader's language). */
export type RuleBreach =
  | { rule: 'mixed'; respondentId: number; groupId: number }
  | { rule: 'too_many'; groupId: number; count: number; max: number }
  | { rule: 'too_few'; groupId: number; count: number; min: number }
  | { rule: 'too_many_reserves'; groupId: number; count: number; max: number }
  | { rule: 'no_shared_slot'; groupId: number }
  | { rule: 'reserve_no_slot'; respondentId: number; groupId: number };

/** Every rule the group, as it would be after a change, breaks; empty when it is acceptable. */
export function groupBreaches(group: RuleGroup, limits: SizeLimits, slotIds: readonly number[]): RuleBreach[] {
  const breaches: RuleBreach[] = [];
  const groupId = group.id;
  for (const p of [...group.members, ...group.reserves]) {
    if (p.organisationId !== group.organisationId || p.quadrant !== group.quadrant)
      breaches.push({ rule: 'mixed', respondentId: p.id, groupId });
  }
  if (group.members.length > limits.maxSize)
    breaches.push({ rule: 'too_many', groupId, count: group.members.length, max: limits.maxSize });
  if (group.members.length < limits.minSize)
    breaches.push({ rule: 'too_few', groupId, count: group.members.length, min: limits.minSize });
  if (group.reserves.length > limits.reservesPerGroup)
    breaches.push({ rule: 'too_many_reserves', groupId, count: group.reserves.length, max: limits.reservesPerGroup });
  if (slotIds.length > 0 && group.members.length > 0) {
    const shared = commonSlots(group.members, slotIds);
    if (shared.length === 0) breaches.push({ rule: 'no_shared_slot', groupId });
    else
      for (const r of group.reserves)
        if (commonSlots([r], shared).length === 0)
          breaches.push({ rule: 'reserve_no_slot', respondentId: r.id, groupId });
  }
  return breaches;
}

/** A breach in English, saying what is wrong and what to do: the API's and the command line's refusal text. */
export function breachText(b: RuleBreach): string {
  switch (b.rule) {
    case 'mixed':
      return `Respondent ${b.respondentId} belongs to another organisation or quadrant than group ${b.groupId}: a group only has people of one organisation and one quadrant.`;
    case 'too_many':
      return `Group ${b.groupId} would have ${b.count} members; the study allows at most ${b.max}. Move someone out first, or make them a reserve.`;
    case 'too_few':
      return `Group ${b.groupId} would have ${b.count} member${b.count === 1 ? '' : 's'}; the study needs at least ${b.min}. Add someone first, or dissolve the group.`;
    case 'too_many_reserves':
      return `Group ${b.groupId} would have ${b.count} reserves; the study allows ${b.max} per group (a study setting).`;
    case 'no_shared_slot':
      return `The members of group ${b.groupId} would share no session slot. Choose someone who is available when the others are.`;
    case 'reserve_no_slot':
      return `Reserve ${b.respondentId} shares no session slot with the members of group ${b.groupId}.`;
  }
}
