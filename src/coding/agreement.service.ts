import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import type { Locale } from '../common/domain';
import { StudiesService } from '../studies/studies.service';
import type { AlphaResult, KappaResult } from './agreement';
import { CodebookService } from './codebook.service';
import { CodingQueryService } from './coding-query.service';
import { CodingService, SettledCoding } from './coding.service';
import { answerOfUnit, CoderCodingRef, studyAgreement } from './double-coding';
import { answerKey } from './final-coding';

/** A coefficient as the page and the API give it: its value (null when undefined) over how many answers. */
export interface Coefficient {
  value: number | null;
  units: number;
}

export interface CodeOfAnswer {
  tekstId: string;
  label: string;
}

export interface AgreementDisagreement {
  assignmentId: number;
  pseudonym: string;
  question: string;
  questionTitle: string;
  text: string;
  coders: { id: number; name: string; codes: CodeOfAnswer[] }[];
  /** Tekst-IDs some but not all of the answer's coders applied. */
  differing: string[];
  /** Every code any coder applied: the choices when settling; `agreed` when every coder of the answer applied it. */
  choices: (CodeOfAnswer & { agreed: boolean })[];
  /** The settlement already made (its Tekst-IDs), or null while unsettled. */
  settled: string[] | null;
}

export interface StudyAgreementView {
  study: { slug: string; title: string };
  coders: { id: number; name: string }[];
  /** Answers that at least two coders coded: what the coefficients are computed over. */
  units: number;
  overall: { alpha: Coefficient; kappa: Coefficient | null };
  perCode: { tekstId: string; label: string; alpha: Coefficient; kappa: Coefficient | null; disagreements: number }[];
  disagreements: AgreementDisagreement[];
}

const coefficient = (r: AlphaResult | KappaResult | undefined): Coefficient | null =>
  r ? { value: r.value, units: r.units } : null;

/**
 * Double coding: agreement between the coders over the study's answers (double-coding.ts says over which units)
 * and settling a disagreement into the final coding.
 */
@Injectable()
export class AgreementService {
  constructor(
    private readonly studies: StudiesService,
    private readonly query: CodingQueryService,
    private readonly codings: CodingService,
    private readonly codebook: CodebookService,
  ) {}

  /** `locale`: the language of the question titles, as the reader reads the page. */
  async agreement(slug: string, locale: Locale = 'nl'): Promise<StudyAgreementView> {
    const study = await this.studies.get(slug);
    const [material, spans, { codes }] = await Promise.all([
      this.query.material(study.id, locale),
      this.query.codings(study.id),
      this.codebook.codebook(slug),
    ]);
    const labelOf = new Map(codes.flatMap((c) => (c.tekstId ? [[c.tekstId, c.path.join(' › ')] as const] : [])));
    const code = (tekstId: string): CodeOfAnswer => ({ tekstId, label: labelOf.get(tekstId) ?? tekstId });
    const refs: CoderCodingRef[] = spans
      .filter((s) => s.layer === 'coder')
      .flatMap((s) =>
        s.codes.flatMap((c) =>
          c.tekstId
            ? [{ assignmentId: s.assignmentId, question: s.question, coderId: s.coderId, code: c.tekstId }]
            : [],
        ),
      );
    const report = studyAgreement(
      refs,
      material.map((h) => ({ assignmentId: h.assignmentId, questions: h.codable.map((a) => a.question) })),
    );
    const names = await this.query.coderNames(report.coders.map(Number));
    const coderName = (id: number) => names.get(id) ?? `#${id}`;

    const answers = new Map(
      material.flatMap((h) =>
        h.codable.map((a) => [answerKey({ assignmentId: h.assignmentId, question: a.question }), { h, a }] as const),
      ),
    );
    const settlements = new Map<string, string[]>();
    for (const s of spans.filter((s) => s.layer === 'final')) {
      const key = answerKey(s);
      const list = settlements.get(key) ?? [];
      for (const c of s.codes) if (c.tekstId && !list.includes(c.tekstId)) list.push(c.tekstId);
      settlements.set(key, list.sort());
    }

    const disagreements = report.disagreements.flatMap((d): AgreementDisagreement[] => {
      const ref = answerOfUnit(d.unit);
      const found = answers.get(answerKey(ref));
      if (!found) return [];
      return [
        {
          ...ref,
          pseudonym: found.h.pseudonym,
          questionTitle: found.a.title,
          text: found.a.text,
          coders: Object.entries(d.codes).map(([id, list]) => ({
            id: Number(id),
            name: coderName(Number(id)),
            codes: list.map(code),
          })),
          differing: d.differing,
          choices: [...new Set(Object.values(d.codes).flat())]
            .sort()
            .map((tekstId) => ({ ...code(tekstId), agreed: !d.differing.includes(tekstId) })),
          settled: settlements.get(answerKey(ref)) ?? null,
        },
      ];
    });
    return {
      study: { slug: study.slug, title: study.title },
      coders: report.coders.map((id) => ({ id: Number(id), name: coderName(Number(id)) })),
      units: report.units,
      overall: { alpha: coefficient(report.overall.alpha)!, kappa: coefficient(report.overall.kappa) },
      perCode: report.perCode.map((c) => ({
        ...code(c.code),
        alpha: coefficient(c.alpha)!,
        kappa: coefficient(c.kappa),
        disagreements: c.disagreements,
      })),
      disagreements,
    };
  }

  /**
   * Settles one answer into the final coding with the chosen codes (Tekst-IDs): each keeps the spans, memo and
   * quote mark of the first coder (lowest account id) who applied it there; a span is also marked shareable when
   * another coder marked the same span with that code. Only codes a coder applied can be chosen; at least one.
   */
  @Transactional()
  async settle(slug: string, answer: { assignmentId: number; question: string }, tekstIds: string[], by: AuthUser) {
    const study = await this.studies.get(slug);
    const chosen = [...new Set(tekstIds.map((t) => t.trim()).filter(Boolean))];
    if (chosen.length === 0)
      throw AppError.invalid('coding.settle_empty', 'Choose at least one code for the final coding.').withProblems({
        codes: [{ key: 'formRefusal.coding.settle_empty' }],
      });
    const spans = (await this.query.codings(study.id, { layer: 'coder' }))
      .filter((s) => s.assignmentId === answer.assignmentId && s.question === answer.question)
      .sort((a, b) => a.coderId - b.coderId || a.start - b.start);
    const settled: SettledCoding[] = [];
    for (const tekstId of chosen) {
      const applied = spans.flatMap((s) => s.codes.filter((c) => c.tekstId === tekstId).map((c) => ({ s, c })));
      if (applied.length === 0)
        throw AppError.invalid(
          'coding.settle_code_not_applied',
          `No coder applied ${tekstId} to this answer, so it cannot be its final coding.`,
          { tekstId },
          { code: tekstId },
        );
      const firstCoder = applied[0].s.coderId;
      // A quote mark another coder set on this very text with this code was a researcher's judgement on that text:
      // kept, or a quote marked for partners vanished when the answer was settled.
      const markedBySomeone = (start: number, end: number) =>
        applied.some((a) => a.c.shareable && a.s.start === start && a.s.end === end);
      for (const { s, c } of applied.filter((a) => a.s.coderId === firstCoder))
        settled.push({
          start: s.start,
          end: s.end,
          codeId: c.id,
          memo: c.memo,
          shareable: c.shareable || markedBySomeone(s.start, s.end),
        });
    }
    return this.codings.settle({ studyId: study.id, ...answer }, settled, by);
  }
}
