import { Injectable } from '@nestjs/common';
import type { Locale } from '../common/domain';
import { translator } from '../common/view-engine';
import { CodebookRepository } from './codebook.repository';
import type { Coding } from './coding.entity';
import { CodingMaterialService } from './coding-material.service';
import { CodingRepository } from './coding.repository';
import { answerKey } from './final-coding';

export interface WorkspaceCoding {
  id: number;
  start: number;
  end: number;
  codeId: number;
  memo: string | null;
  shareable: boolean;
}

export interface WorkspaceAnswer {
  question: string;
  title: string;
  step: string;
  text: string;
  codings: WorkspaceCoding[];
}

export interface WorkspaceRespondent {
  assignmentId: number;
  pseudonym: string;
  organisation: string;
  quadrant: string | null;
  answers: WorkspaceAnswer[];
  /** Answers with at least one of the coder's codings. */
  coded: number;
}

export interface WorkspaceCode {
  id: number;
  tekstId: string;
  path: string[];
  colour: string;
}

export interface Workspace {
  study: string;
  respondents: WorkspaceRespondent[];
  codes: WorkspaceCode[];
}

/**
 * One coder's workspace: the study's sent homework by pseudonym (organisation and quadrant; no name, e-mail or
 * phone, and those masked where typed into an answer), the codes that can be applied, and only this coder's codings.
 */
@Injectable()
export class CodingWorkspaceService {
  constructor(
    private readonly material: CodingMaterialService,
    private readonly codings: CodingRepository,
    private readonly codebook: CodebookRepository,
  ) {}

  async of(studyId: number, slug: string, coderId: number, locale: Locale): Promise<Workspace> {
    const [homework, own, codes] = await Promise.all([
      this.material.ofStudy(studyId, locale),
      this.codings.ofStudy(studyId, { layer: 'coder', coderId }),
      this.codebook.codesOf(studyId),
    ]);
    const byAnswer = new Map<string, WorkspaceCoding[]>();
    for (const c of own) {
      const key = answerKey(c);
      byAnswer.set(key, [...(byAnswer.get(key) ?? []), this.codingOut(c)]);
    }
    return {
      study: slug,
      respondents: homework.map((h) => {
        const answers = h.codable.map((a) => ({
          ...a,
          codings: (byAnswer.get(answerKey({ assignmentId: h.assignmentId, question: a.question })) ?? []).sort(
            (x, y) => x.start - y.start || x.end - y.end || x.id - y.id,
          ),
        }));
        return {
          assignmentId: h.assignmentId,
          pseudonym: h.pseudonym,
          organisation: h.organisation,
          quadrant: h.quadrant ? translator(locale)(`quadrant.${h.quadrant}`) : null,
          answers,
          coded: answers.filter((a) => a.codings.length > 0).length,
        };
      }),
      codes: codes
        .filter((c) => c.id !== undefined && c.tekstId !== null)
        .map((c) => ({ id: c.id!, tekstId: c.tekstId!, path: c.path, colour: c.colour })),
    };
  }

  codingOut(c: Coding): WorkspaceCoding & { assignmentId: number; question: string; layer: string } {
    return {
      id: c.id,
      assignmentId: c.assignmentId,
      question: c.question,
      start: c.start,
      end: c.end,
      codeId: c.codeId,
      layer: c.layer,
      memo: c.memo,
      shareable: c.shareable,
    };
  }
}
