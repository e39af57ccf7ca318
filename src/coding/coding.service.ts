import { Injectable } from '@nestjs/common';
import { Propagation, Transactional } from '@nestjs-cls/transactional';
import { AuditService } from '../audit/audit.service';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import type { CodableAnswer } from './answers';
import { CodebookRepository } from './codebook.repository';
import { CodingMaterialService, HomeworkForCoding } from './coding-material.service';
import { CodingQueryService, type ListedCoding } from './coding-query.service';
import { codeProblem, CodingProblem, memoProblem, spanProblem } from './coding-rules';
import { Coding, CodingLayer } from './coding.entity';
import { CodingRepository, NewCoding } from './coding.repository';

/** Who codes: a logged-in researcher (the coder of what they apply). */
export type Coder = Pick<AuthUser, 'id' | 'email'>;

export interface ApplyInput {
  studyId: number;
  assignmentId: number;
  question: string;
  start: number;
  end: number;
  codeId: number;
  coderId: number;
  memo?: string | null;
}

/** One answer of one homework. */
export interface AnswerRef {
  studyId: number;
  assignmentId: number;
  question: string;
}

export interface SettledCoding {
  start: number;
  end: number;
  codeId: number;
  memo?: string | null;
  shareable?: boolean;
}

const MESSAGES: Record<CodingProblem, string> = {
  no_answer: 'That homework has no such answer to code.',
  span_invalid: 'The span is not within the answer.',
  code_unknown: "That code is not in the study's codebook.",
  code_not_codable: 'That code only groups others; choose one of its codes.',
  memo_too_long: 'The memo is too long.',
};

const refusal = (problem: CodingProblem, details?: Record<string, unknown>) =>
  AppError.invalid(`coding.${problem}`, MESSAGES[problem], details);

/**
 * Changes to codings: each checked against the stored answer and the study's codebook before it is written, and
 * audited in the same transaction (without the answer's words: the audit log is no place for them).
 */
@Injectable()
export class CodingService {
  constructor(
    private readonly codings: CodingRepository,
    private readonly codebook: CodebookRepository,
    private readonly material: CodingMaterialService,
    private readonly audit: AuditService,
    private readonly query: CodingQueryService,
  ) {}

  /**
   * The codings as `kwadrant coding list` prints them (see CodingQueryService.list). They carry the respondents'
   * own words, so every such export is an audit event (`coding.list.export`), as the .qdpx export is.
   */
  async exportList(studyId: number, opts: { final?: boolean }, actor: Coder | null): Promise<ListedCoding[]> {
    const list = await this.query.list(studyId, opts);
    await this.audit.record({
      actor,
      action: 'coding.list.export',
      studyId,
      subjectType: 'study',
      subjectId: studyId,
      details: { final: opts.final === true, codings: list.length },
    });
    return list;
  }

  /** Applies a code to a span of an answer in the coder's own layer; applying the same again changes nothing. */
  @Transactional()
  async apply(input: ApplyInput, by: Coder): Promise<Coding> {
    const answers = await this.answersOf(input);
    const assignment = answers.homework;
    await this.check(input.studyId, answers.list, [input], input.question);
    const row: NewCoding = {
      studyId: input.studyId,
      assignmentId: input.assignmentId,
      respondentId: assignment.respondentId,
      question: input.question,
      start: input.start,
      end: input.end,
      codeId: input.codeId,
      coderId: input.coderId,
      layer: 'coder',
      memo: input.memo?.trim() || null,
      shareable: false,
    };
    const same = await this.codings.findSame(row);
    if (same) return same;
    const saved = await this.codings.insert(row);
    await this.record(by, 'coding.apply', saved);
    return saved;
  }

  @Transactional()
  async remove(id: number, by: Coder, studyId?: number): Promise<void> {
    const coding = await this.ownCoding(id, by, studyId);
    await this.codings.delete([coding.id]);
    await this.record(by, 'coding.remove', coding);
  }

  @Transactional()
  async setMemo(id: number, memo: string | null, by: Coder, studyId?: number): Promise<Coding> {
    const coding = await this.ownCoding(id, by, studyId);
    const text = memo?.trim() || null;
    const problem = memoProblem(text);
    if (problem) throw refusal(problem);
    await this.codings.update(id, { memo: text });
    await this.record(by, 'coding.memo', coding, { memo: text === null ? 'removed' : 'set' });
    return { ...coding, memo: text };
  }

  @Transactional()
  async setShareable(id: number, shareable: boolean, by: Coder, studyId?: number): Promise<Coding> {
    const coding = await this.ownCoding(id, by, studyId);
    await this.codings.update(id, { shareable });
    await this.record(by, 'coding.shareable', coding, { shareable });
    return { ...coding, shareable };
  }

  /** Writes the final layer of one answer: these codings replace any earlier settlement (none: unsettled again). */
  @Transactional()
  async settle(answer: AnswerRef, codings: SettledCoding[], by: Coder): Promise<Coding[]> {
    const answers = await this.answersOf(answer);
    await this.check(answer.studyId, answers.list, codings, answer.question);
    const before = await this.codings.ofAnswer(answer.assignmentId, answer.question, 'final');
    await this.codings.delete(before.map((c) => c.id));
    const saved: Coding[] = [];
    for (const c of codings) {
      saved.push(
        await this.codings.insert({
          studyId: answer.studyId,
          assignmentId: answer.assignmentId,
          respondentId: answers.homework.respondentId,
          question: answer.question,
          start: c.start,
          end: c.end,
          codeId: c.codeId,
          coderId: by.id,
          layer: 'final',
          memo: c.memo?.trim() || null,
          shareable: c.shareable ?? false,
        }),
      );
    }
    await this.audit.record({
      actor: by,
      action: 'coding.settle',
      studyId: answer.studyId,
      subjectType: 'homework',
      subjectId: answer.assignmentId,
      details: { question: answer.question, removed: before.length, codes: codings.map((c) => c.codeId) },
    });
    return saved;
  }

  /** For the respondents' erasure: their codings go with their words. Only inside the caller's unit of work. */
  @Transactional(Propagation.Mandatory)
  async removeOfRespondent(respondentId: number, by: Coder | null): Promise<number> {
    const removed = await this.codings.deleteOfRespondent(respondentId);
    if (removed > 0) {
      await this.audit.record({
        actor: by,
        action: 'coding.erase',
        subjectType: 'respondent',
        subjectId: respondentId,
        details: { removed },
      });
    }
    return removed;
  }

  private async answersOf(ref: AnswerRef): Promise<{ homework: HomeworkForCoding; list: CodableAnswer[] }> {
    const homework = Number.isInteger(ref.assignmentId) ? await this.material.one(ref.studyId, ref.assignmentId) : null;
    if (!homework) throw refusal('no_answer', { assignmentId: ref.assignmentId, question: ref.question });
    return { homework, list: homework.codable };
  }

  private async check(
    studyId: number,
    answers: CodableAnswer[],
    spans: { start: number; end: number; codeId: number; memo?: string | null }[],
    question: string,
  ): Promise<void> {
    const codes = await this.codebook.codesOf(studyId);
    for (const span of spans) {
      const problem =
        spanProblem(answers, { question, start: span.start, end: span.end }) ??
        codeProblem(codes, span.codeId) ??
        memoProblem(span.memo?.trim());
      if (problem) throw refusal(problem, { question, start: span.start, end: span.end, codeId: span.codeId });
    }
  }

  /** A coder changes only their own codings; a settlement is anyone's to change. Others' are not there (blind). */
  private async ownCoding(id: number, by: Coder, studyId?: number): Promise<Coding> {
    const coding = Number.isInteger(id) ? await this.codings.findById(id) : null;
    const hidden =
      !coding ||
      (studyId !== undefined && coding.studyId !== studyId) ||
      (coding.layer === 'coder' && coding.coderId !== by.id);
    if (hidden) throw AppError.notFound('coding', id);
    return coding;
  }

  private record(by: Coder, action: string, c: Coding, extra: Record<string, unknown> = {}): Promise<void> {
    return this.audit.record({
      actor: by,
      action,
      studyId: c.studyId,
      subjectType: 'coding',
      subjectId: c.id,
      details: {
        assignmentId: c.assignmentId,
        question: c.question,
        start: c.start,
        end: c.end,
        codeId: c.codeId,
        layer: c.layer satisfies CodingLayer,
        ...extra,
      },
    });
  }
}
