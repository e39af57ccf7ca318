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

/**
 * Every reason the group, as it would be after a change, is not acceptable; empty when it is. The texts say
 * what is wrong and what to do, because they are shown to the researcher as the refusal.
 */
export function groupProblems(group: RuleGroup, limits: SizeLimits, slotIds: readonly number[]): string[] {
  const problems: string[] = [];
  const label = `Group ${group.id}`;
  for (const p of [...group.members, ...group.reserves]) {
    if (p.organisationId !== group.organisationId || p.quadrant !== group.quadrant) {
      problems.push(`Respondent ${p.id} belongs to another organisation or quadrant than ${label.toLowerCase()}: a group only has people of one organisation and one quadrant.`);
    }
  }
  if (group.members.length > limits.maxSize) {
    problems.push(`${label} would have ${group.members.length} members; the study allows at most ${limits.maxSize}. Move someone out first, or make them a reserve.`);
  }
  if (group.members.length < limits.minSize) {
    problems.push(`${label} would have ${group.members.length} member${group.members.length === 1 ? '' : 's'}; the study needs at least ${limits.minSize}. Add someone first, or dissolve the group.`);
  }
  if (group.reserves.length > limits.reservesPerGroup) {
    problems.push(`${label} would have ${group.reserves.length} reserves; the study allows ${limits.reservesPerGroup} per group (a study setting).`);
  }
  if (slotIds.length > 0 && group.members.length > 0) {
    const shared = commonSlots(group.members, slotIds);
    if (shared.length === 0) {
      problems.push(`The members of ${label.toLowerCase()} would share no session slot. Choose someone who is available when the others are.`);
    } else {
      for (const r of group.reserves) {
        if (commonSlots([r], shared).length === 0) problems.push(`Reserve ${r.id} shares no session slot with the members of ${label.toLowerCase()}.`);
      }
    }
  }
  return problems;
}
