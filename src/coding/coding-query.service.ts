import { Injectable } from '@nestjs/common';
import { UserQueryService } from '../auth/user-query.service';
import type { Locale, Quadrant } from '../common/domain';
import type { SentOutline, SubmittedHomework } from '../homework/homework-query.service';
import { CodebookRepository } from './codebook.repository';
import { CodingMaterialService, HomeworkForCoding } from './coding-material.service';
import type { Coding, CodingLayer } from './coding.entity';
import { CodingRepository } from './coding.repository';
import { answerKey, byAnswer, finalCoding } from './final-coding';
import { spansToCount, type SpanToCount } from './spans-to-count';
import { inSequence } from '../common/in-sequence';

/** A code as a coding names it. */
export interface CodingCode {
  id: number;
  tekstId: string | null;
  path: string[];
  /** The coding that applied it, with its memo and whether it may be shared as a quote. */
  codingId: number;
  memo: string | null;
  shareable: boolean;
}

/**
 * The codes one coder (or the final layer) applied to one span of one answer: codings of the same span are one
 * entry. Never holds a respondent's name, e-mail or phone: the respondent is their pseudonym, and the text is
 * masked where they typed what identifies them.
 */
export interface CodedSpan {
  assignmentId: number;
  respondentId: number;
  pseudonym: string;
  question: string;
  start: number;
  end: number;
  text: string;
  codes: CodingCode[];
  coderId: number;
  layer: CodingLayer;
  /** True for the codings that make up the answer's final coding. */
  final: boolean;
  /** Any of the span's codings marked shareable. */
  shareable: boolean;
}

export interface ListedCoding {
  respondent: string;
  question: string;
  start: number;
  end: number;
  text: string;
  codes: string[];
  coder: string;
  layer: CodingLayer;
  final: boolean;
}

/**
 * One code of a final coding marked shareable, as an action quotes it as evidence: the masked text of the span, the
 * respondent only as their pseudonym, with the organisation and quadrant the respondent belongs to.
 */
export interface ShareableQuote {
  codingId: number;
  pseudonym: string;
  organisation: string;
  quadrant: Quadrant | null;
  question: string;
  text: string;
  code: { id: number; tekstId: string | null; path: string[] };
}

export interface UnsettledAnswer {
  assignmentId: number;
  respondentId: number;
  pseudonym: string;
  question: string;
  coderIds: number[];
}

/** Read side of the codings, exported for the modules after coding (journeys) and for the exchange. */
@Injectable()
export class CodingQueryService {
  constructor(
    private readonly codingRepository: CodingRepository,
    private readonly codebook: CodebookRepository,
    private readonly homework: CodingMaterialService,
    private readonly users: UserQueryService,
  ) {}

  /** The study's sent homework with pseudonyms (R01 … in ascending respondent id) and codable answers. */
  material(studyId: number, locale: Locale = 'nl'): Promise<HomeworkForCoding[]> {
    return this.homework.ofStudy(studyId, locale);
  }

  /** Respondent id → pseudonym for the study. */
  async pseudonyms(studyId: number): Promise<Map<number, string>> {
    const noTexts = () => false;
    return new Map((await this.homework.ofStudy(studyId, 'nl', noTexts)).map((h) => [h.respondentId, h.pseudonym]));
  }

  /** Codings as spans; `coderId` for one coder's own (blind) view, `layer` for one layer. */
  async codings(studyId: number, filter: { layer?: CodingLayer; coderId?: number } = {}): Promise<CodedSpan[]> {
    const [rows, context] = await inSequence(
      () => this.codingRepository.ofStudy(studyId, filter),
      () => this.context(studyId),
    );
    const finalIds = new Set(finalRows(rows).map((r) => r.id));
    return spans(rows, context, (r) => finalIds.has(r.id));
  }

  /** The final coding of every answer that has one (see final-coding.ts); unsettled answers are left out. */
  async finalCodings(studyId: number): Promise<(CodedSpan & { final: true })[]> {
    const [rows, context] = await inSequence(
      () => this.codingRepository.ofStudy(studyId),
      () => this.context(studyId),
    );
    return spans(finalRows(rows), context, () => true) as (CodedSpan & { final: true })[];
  }

  /**
   * The final codings for counting (the journey report): the spans of `finalCodings`, in the same order, with only
   * what counting needs (spans-to-count.ts); only a span marked shareable carries its masked text, the others null.
   * Only the homework of respondents with a shareable coding is read and masked. `sent`: the study's sent homework
   * when the caller has read it already (HomeworkQueryService.sentOutlinesOfStudy), so it is not read twice.
   */
  async finalCodingsToCount(studyId: number, sent?: readonly SentOutline[]): Promise<SpanToCount[]> {
    const [rows, codes] = await Promise.all([this.codingRepository.toCount(studyId), this.codebook.codesOf(studyId)]);
    const quoted = new Set(rows.filter((r) => r.shareable).map((r) => r.respondentId));
    const answers = await this.homework.answersToCount(studyId, (id) => quoted.has(id), sent);
    const tekstIdOf = new Map(codes.filter((c) => c.id !== undefined).map((c) => [c.id!, c.tekstId]));
    return spansToCount(rows, { answers, codes: tekstIdOf });
  }

  /**
   * Every code of the study's final codings that a researcher marked shareable, in the order of respondents and
   * codings; `organisation` keeps one organisation's. A coding that is not (or no longer) final is left out.
   */
  async shareableQuotes(studyId: number, organisation?: string): Promise<ShareableQuote[]> {
    const [rows, context] = await inSequence(
      () => this.codingRepository.ofStudy(studyId),
      () => this.context(studyId),
    );
    const quotes: ShareableQuote[] = [];
    for (const span of spans(finalRows(rows), context, () => true)) {
      const member = context.memberOf.get(span.respondentId);
      if (!member || (organisation !== undefined && member.organisation !== organisation) || !/\S/.test(span.text))
        continue;
      for (const code of span.codes)
        if (code.shareable)
          quotes.push({
            codingId: code.codingId,
            pseudonym: span.pseudonym,
            organisation: member.organisation,
            quadrant: member.quadrant,
            question: span.question,
            text: span.text,
            code: { id: code.id, tekstId: code.tekstId, path: code.path },
          });
    }
    return quotes;
  }

  /** Answers that several coders coded differently and nobody settled. */
  async unsettled(studyId: number): Promise<UnsettledAnswer[]> {
    const [rows, names] = await inSequence(
      () => this.codingRepository.ofStudy(studyId),
      () => this.pseudonyms(studyId),
    );
    const result: UnsettledAnswer[] = [];
    for (const group of byAnswer(rows).values()) {
      const outcome = finalCoding(group);
      const [first] = group;
      const pseudonym = names.get(first.respondentId);
      if (outcome.status !== 'unsettled' || !pseudonym) continue;
      result.push({
        assignmentId: first.assignmentId,
        respondentId: first.respondentId,
        pseudonym,
        question: first.question,
        coderIds: outcome.coderIds,
      });
    }
    return result;
  }

  /**
   * The codings as `kwadrant coding list` prints them: every layer, or (`final`) only the final codings; the
   * respondent is the pseudonym and the coder the account's display name.
   */
  async list(studyId: number, opts: { final?: boolean } = {}): Promise<ListedCoding[]> {
    const spans = opts.final ? await this.finalCodings(studyId) : await this.codings(studyId);
    const names = await this.coderNames(spans.map((s) => s.coderId));
    return spans.map((s) => ({
      respondent: s.pseudonym,
      question: s.question,
      start: s.start,
      end: s.end,
      text: s.text,
      codes: s.codes.map((c) => c.tekstId ?? c.path.join(' › ')),
      coder: names.get(s.coderId) ?? String(s.coderId),
      layer: s.layer,
      final: s.final,
    }));
  }

  /** Display names of coders. */
  coderNames(ids: number[]): Promise<Map<number, string>> {
    return this.users.names(ids);
  }

  private async context(studyId: number, textOf?: (homework: SubmittedHomework) => boolean): Promise<SpanContext> {
    const [material, codes] = await inSequence(
      () => this.homework.ofStudy(studyId, 'nl', textOf),
      () => this.codebook.codesOf(studyId),
    );
    const texts = new Map<string, string>();
    const pseudonymOf = new Map<number, string>();
    const memberOf = new Map<number, { organisation: string; quadrant: Quadrant | null }>();
    for (const h of material) {
      pseudonymOf.set(h.respondentId, h.pseudonym);
      memberOf.set(h.respondentId, { organisation: h.organisation, quadrant: h.quadrant });
      for (const a of h.codable) texts.set(answerKey({ assignmentId: h.assignmentId, question: a.question }), a.text);
    }
    return {
      texts,
      pseudonymOf,
      memberOf,
      codes: new Map(codes.filter((c) => c.id !== undefined).map((c) => [c.id!, { tekstId: c.tekstId, path: c.path }])),
    };
  }
}

interface SpanContext {
  texts: Map<string, string>;
  pseudonymOf: Map<number, string>;
  memberOf: Map<number, { organisation: string; quadrant: Quadrant | null }>;
  codes: Map<number, { tekstId: string | null; path: string[] }>;
}

function finalRows(rows: Coding[]): Coding[] {
  const result: Coding[] = [];
  for (const group of byAnswer(rows).values()) {
    const outcome = finalCoding(group);
    if (outcome.status === 'settled' || outcome.status === 'single' || outcome.status === 'agreed')
      result.push(...outcome.codings);
  }
  return result;
}

/** Rows as spans, in the order of respondents, then of the codings; rows whose answer is gone are left out. */
function spans(rows: Coding[], context: SpanContext, isFinal: (row: Coding) => boolean): CodedSpan[] {
  const bySpan = new Map<string, CodedSpan>();
  for (const row of [...rows].sort((a, b) => a.respondentId - b.respondentId || a.id - b.id)) {
    const text = context.texts.get(answerKey(row));
    const pseudonym = context.pseudonymOf.get(row.respondentId);
    const code = context.codes.get(row.codeId);
    if (text === undefined || pseudonym === undefined || !code) continue;
    const key = [row.assignmentId, row.question, row.start, row.end, row.coderId, row.layer].join('\u0000');
    let span = bySpan.get(key);
    if (!span) {
      span = {
        assignmentId: row.assignmentId,
        respondentId: row.respondentId,
        pseudonym,
        question: row.question,
        start: row.start,
        end: row.end,
        text: text.slice(row.start, row.end),
        codes: [],
        coderId: row.coderId,
        layer: row.layer,
        final: isFinal(row),
        shareable: false,
      };
      bySpan.set(key, span);
    }
    span.codes.push({
      id: row.codeId,
      tekstId: code.tekstId,
      path: code.path,
      codingId: row.id,
      memo: row.memo,
      shareable: row.shareable,
    });
    span.shareable ||= row.shareable;
  }
  return [...bySpan.values()];
}
