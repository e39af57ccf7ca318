// What a REFI-QDA project read back means for the study: which codings land on which answers, which codes are
// new and where they join the code tree, and what could not be placed, with the reason. Pure: it decides, the
// coding module stores (all or nothing).
import { AnswerSpan, SelectionMapping, sourcePositions, spansAt } from './answer-spans';
import type { CrLfCounting } from './positions';
import type { ReadProblem, ReadSelection, ReadUser, RefiPlace } from './project-reader';
import type { QdpxContents } from './qdpx';
import type { RefiCode } from './refi-types';
import type { HomeworkSource } from './source-text';

export interface PlannedCoding {
  /** The coding's GUID in the project; a selection over several answers gives several codings with it. */
  codingGuid: string;
  sourceGuid: string;
  question: string;
  /** UTF-16 offsets within the answer. */
  start: number;
  end: number;
  codeGuid: string;
  /** Undefined when neither the coding, its selection, its source nor the project names a user. */
  coderGuid?: string;
  createdAt?: Date;
  memo?: string;
  /** True when the selection also covered titles or blank lines, which were cut off. */
  clipped: boolean;
}

export interface NewCode {
  code: Omit<RefiCode, 'children'>;
  /** Null for a new top-level code. */
  parentGuid: string | null;
  /** Names from the top of the tree down to this code. */
  path: string[];
}

export type PlanProblemCode =
  ReadProblem['code'] | 'unknown-source' | 'text-changed' | 'outside-text' | 'outside-answers';

export interface PlanProblem {
  code: PlanProblemCode;
  where: RefiPlace;
  detail: string;
}

export interface ImportPlan {
  codings: PlannedCoding[];
  /** For each source the other tool saved with CR LF: how it counted them (see crlfCounting). */
  crlfCounting: Map<string, CrLfCounting>;
  /** Parents before their children. */
  newCodes: NewCode[];
  users: ReadUser[];
  problems: PlanProblem[];
}

export interface StudySources {
  /** The study's homework sources by GUID, rebuilt as they were exported. */
  sources: Map<string, HomeworkSource>;
  /** GUIDs of the codes the study's codebook has. */
  codeGuids: Set<string>;
  /** The codings the study exported, by GUID: they show how the other tool counts line breaks. */
  exportedCodings?: Map<string, AnswerSpan>;
}

export function planImport(contents: QdpxContents, study: StudySources): ImportPlan {
  const problems: PlanProblem[] = [...contents.problems];
  const codings: PlannedCoding[] = [];
  const counting = new Map<string, CrLfCounting>();
  for (const read of contents.project.sources) {
    const where = { kind: 'source', name: read.name } as const;
    const ours = study.sources.get(read.guid);
    if (!ours) {
      if (read.selections.length > 0)
        problems.push({
          code: 'unknown-source',
          where,
          detail: 'not a homework source of this study; its codings are left out',
        });
      continue;
    }
    const theirText = contents.texts.get(read.guid);
    if (theirText === undefined) continue; // already reported by the archive reader
    const crlf = crlfCounting(ours, theirText, read.selections, study.exportedCodings ?? new Map<string, AnswerSpan>());
    if (theirText.includes('\r\n')) counting.set(read.guid, crlf);
    const toOurs = sourcePositions(ours, theirText, crlf);
    read.selections.forEach((selection, i) => {
      if (selection.codings.length === 0) return;
      const mapped: SelectionMapping = toOurs
        ? spansAt(ours, selection, toOurs)
        : { ok: false, reason: 'text-changed' };
      if (!mapped.ok) {
        problems.push({
          code: mapped.reason,
          where: { kind: 'selection', source: read.name, selection: i + 1 },
          detail: REASONS[mapped.reason],
        });
        return;
      }
      for (const span of mapped.spans) {
        for (const coding of selection.codings) {
          codings.push({
            codingGuid: coding.guid,
            sourceGuid: read.guid,
            question: span.question,
            start: span.start,
            end: span.end,
            codeGuid: coding.codeGuid,
            ...(coding.creatingUser ? { coderGuid: coding.creatingUser } : {}),
            ...(coding.creationDateTime ? { createdAt: coding.creationDateTime } : {}),
            ...(selection.description ? { memo: selection.description } : {}),
            clipped: mapped.clipped,
          });
        }
      }
    });
  }
  return {
    codings,
    crlfCounting: counting,
    newCodes: newCodes(contents.project.codes, study.codeGuids, null, []),
    users: contents.project.users,
    problems,
  };
}

/**
 * Whether the other tool counted a CR LF of its saved file as two positions (the file's code points) or as one
 * (the text it displays). The evidence, strongest first: codings we exported that come back on exactly the span
 * we gave them; selections whose name is the text they cover (as several tools write it); selections that can be
 * placed at all. Without evidence: two, as the positions are in the file.
 */
export function crlfCounting(
  ours: HomeworkSource,
  theirText: string,
  selections: ReadSelection[],
  exported: Map<string, AnswerSpan>,
): CrLfCounting {
  if (!theirText.includes('\r\n')) return 'two';
  const score = (crlf: CrLfCounting): number => {
    const toOurs = sourcePositions(ours, theirText, crlf);
    if (!toOurs) return 0;
    let points = 0;
    for (const selection of selections) {
      const mapped = spansAt(ours, selection, toOurs);
      if (!mapped.ok) continue;
      points += 1;
      const [span] = mapped.spans;
      for (const coding of selection.codings) {
        const known = exported.get(coding.guid);
        const same = known?.question === span.question && known.start === span.start && known.end === span.end;
        if (same && mapped.spans.length === 1) points += 100;
      }
      const start = toOurs(selection.startPosition);
      const end = toOurs(selection.endPosition);
      const name = normaliseSpace(selection.name ?? '');
      const covered = start !== null && end !== null ? normaliseSpace(ours.text.slice(start, end)) : '';
      if (name.length >= 3 && covered.startsWith(name)) points += 10;
    }
    return points;
  };
  return score('one') > score('two') ? 'one' : 'two';
}

const normaliseSpace = (text: string) => text.replace(/\s+/g, ' ').trim();

const REASONS = {
  'text-changed': 'the source text was changed in the other tool, so its positions cannot be trusted',
  'outside-text': 'the selection lies beyond the end of the source text',
  'outside-answers': 'the selection covers only titles or blank lines, no answer',
};

function newCodes(codes: RefiCode[], known: Set<string>, parentGuid: string | null, path: string[]): NewCode[] {
  return codes.flatMap(({ children, ...code }) => {
    const here = [...path, code.name];
    const own = known.has(code.guid) ? [] : [{ code, parentGuid, path: here }];
    return [...own, ...newCodes(children, known, code.guid, here)];
  });
}
