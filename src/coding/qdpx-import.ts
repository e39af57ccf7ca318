// What an import plan (refi/import-plan.ts) means in the study's own terms: which homework, code and account
// each coding lands on, which codes join the codebook and where, which coders are known accounts and which
// become new coder identities, and which codings are already there. Pure: the coding module stores the result
// in one transaction.
//
// Coders: a project user is the account whose name-based GUID it carries (our own export), else the account whose
// e-mail address is the user's name (tools that name users by e-mail), else the one account with that name (case
// and spacing ignored), else a new coder identity: an inactive account that cannot log in, named after the user,
// with the address `qda-<guid>@coders.invalid`, so a later import of the same project finds it again by e-mail.
import { MAX_LEVELS, makeTekstId, normaliseLabel } from './codebook';
import { defaultColour } from './codebook';
import type { ImportPlan, PlanProblem } from './refi/import-plan';
import type { RefiPlace } from './refi/project-reader';

export interface ImportAccount {
  id: number;
  name: string;
  email: string;
}

export interface ImportStudy {
  /** Source GUID → homework assignment id, for the study's submitted homework. */
  sources: Map<string, number>;
  /** The stored codes: GUID, path, Tekst-ID. */
  codes: { guid: string; path: string[]; tekstId: string | null }[];
  accounts: ImportAccount[];
  /** GUID an account has in exports (userGuid). */
  accountGuid: (id: number) => string;
  /** The coder-layer codings already stored, to leave out what is there (same answer, span, code and coder). */
  existing: { assignmentId: number; question: string; start: number; end: number; codeGuid: string; coderId: number }[];
}

export type CoderMatch =
  | { guid: string; name: string; by: 'guid' | 'email' | 'name'; accountId: number }
  | { guid: string; name: string; by: 'new'; email: string };

export interface CodeToAdd {
  guid: string;
  path: string[];
  tekstId: string | null;
  colour: string;
}

export interface CodingToStore {
  assignmentId: number;
  question: string;
  start: number;
  end: number;
  codeGuid: string;
  coderGuid: string;
  memo: string | null;
}

export interface ImportProblem {
  code: PlanProblem['code'] | 'too-many-levels' | 'no-coder';
  where: RefiPlace;
  detail: string;
}

export interface ImportResolution {
  coders: CoderMatch[];
  newCodes: CodeToAdd[];
  codings: CodingToStore[];
  /** Codings of the project that the study already has. */
  unchanged: number;
  /** What could not be placed, with the reason; none of it is stored. */
  unmatched: ImportProblem[];
}

export const coderEmail = (guid: string): string => `qda-${guid}@coders.invalid`;

const normalName = (name: string) => normaliseLabel(name).toLowerCase();

export function resolveImport(plan: ImportPlan, study: ImportStudy): ImportResolution {
  const unmatched: ImportProblem[] = plan.problems.map((p) => ({ ...p }));
  const coders = matchCoders(plan, study);

  // New codes: under their parent's path in our codebook, with a Tekst-ID made from that path when codable.
  const paths = new Map(study.codes.map((c) => [c.guid, c.path]));
  const taken = new Set(study.codes.flatMap((c) => (c.tekstId ? [c.tekstId] : [])));
  const refused = new Set<string>();
  const newCodes: CodeToAdd[] = [];
  plan.newCodes.forEach((n, i) => {
    const parentPath = n.parentGuid === null ? [] : paths.get(n.parentGuid);
    const name = normaliseLabel(n.code.name) || `Code ${i + 1}`;
    if (parentPath === undefined || parentPath.length >= MAX_LEVELS) {
      refused.add(n.code.guid);
      unmatched.push({
        code: 'too-many-levels',
        where: { kind: 'code', name: n.path.join(' / ') },
        detail: `the codebook has at most ${MAX_LEVELS} levels; the code and its codings are left out`,
      });
      return;
    }
    const path = [...parentPath, name];
    paths.set(n.code.guid, path);
    newCodes.push({
      guid: n.code.guid,
      path,
      tekstId: n.code.isCodable ? makeTekstId(path, taken) : null,
      colour: n.code.color ?? defaultColour(0),
    });
  });
  // A code that was codable in the other tool but is a category here (it has children) cannot take codings.
  const codable = new Set([
    ...study.codes.filter((c) => c.tekstId !== null).map((c) => c.guid),
    ...newCodes.filter((c) => c.tekstId !== null).map((c) => c.guid),
  ]);

  const assigned = new Set(coders.map((c) => c.guid));
  const existing = new Set(study.existing.map((c) => key({ ...c, coderGuid: study.accountGuid(c.coderId) })));
  const coderGuidOf = new Map(
    coders.map((c) => [c.guid, c.by === 'new' ? c.guid : study.accountGuid(c.accountId)] as const),
  );
  const seen = new Set<string>();
  const codings: CodingToStore[] = [];
  let unchanged = 0;
  for (const c of plan.codings) {
    const where = { kind: 'coding', guid: c.codingGuid } as const;
    const assignmentId = study.sources.get(c.sourceGuid);
    if (assignmentId === undefined) {
      unmatched.push({ code: 'unknown-source', where, detail: 'its source is not a homework of this study' });
      continue;
    }
    if (refused.has(c.codeGuid)) continue;
    if (!codable.has(c.codeGuid)) {
      unmatched.push({ code: 'unknown-code', where, detail: 'its code only groups other codes here' });
      continue;
    }
    if (!c.coderGuid || !assigned.has(c.coderGuid)) {
      unmatched.push({ code: 'no-coder', where, detail: 'the project names no user for it' });
      continue;
    }
    const stored = {
      assignmentId,
      question: c.question,
      start: c.start,
      end: c.end,
      codeGuid: c.codeGuid,
      coderGuid: c.coderGuid,
      memo: c.memo ?? null,
    };
    const identity = key({ ...stored, coderGuid: coderGuidOf.get(c.coderGuid)! });
    if (existing.has(identity)) unchanged++;
    else if (!seen.has(identity)) codings.push(stored);
    seen.add(identity);
  }
  return {
    coders: coders.filter((c) => plan.codings.some((p) => p.coderGuid === c.guid)),
    newCodes,
    codings,
    unchanged,
    unmatched,
  };
}

function matchCoders(plan: ImportPlan, study: ImportStudy): CoderMatch[] {
  const byGuid = new Map(study.accounts.map((a) => [study.accountGuid(a.id), a]));
  const byEmail = new Map(study.accounts.map((a) => [a.email.toLowerCase(), a]));
  const byName = new Map<string, ImportAccount | null>();
  for (const a of study.accounts) {
    const name = normalName(a.name);
    byName.set(name, byName.has(name) ? null : a); // two accounts with one name: neither is taken
  }
  return plan.users.map((user): CoderMatch => {
    const name = normaliseLabel(user.name);
    const found =
      (byGuid.has(user.guid) && { account: byGuid.get(user.guid)!, by: 'guid' as const }) ||
      (byEmail.has(name.toLowerCase()) && { account: byEmail.get(name.toLowerCase())!, by: 'email' as const }) ||
      (byEmail.has(coderEmail(user.guid)) && { account: byEmail.get(coderEmail(user.guid))!, by: 'email' as const }) ||
      (name && byName.get(normalName(name)) && { account: byName.get(normalName(name))!, by: 'name' as const });
    if (found) return { guid: user.guid, name: found.account.name, by: found.by, accountId: found.account.id };
    return { guid: user.guid, name: name || `QDA ${user.guid.slice(0, 8)}`, by: 'new', email: coderEmail(user.guid) };
  });
}

const key = (c: Omit<CodingToStore, 'memo'>) =>
  `${c.assignmentId}\u0000${c.question}\u0000${c.start}\u0000${c.end}\u0000${c.codeGuid}\u0000${c.coderGuid}`;
