import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { AppError, ErrorDetails, ErrorKind } from '../common/app-error';
import { getTranslations } from '../common/view-engine';
import { screenerIsOpen, screenerNotOpen } from '../studies/screener-access';
import { StudiesService } from '../studies/studies.service';
import { validateSubmission } from '../surveys/survey-validator';
import { SurveysService } from '../surveys/surveys.service';
import { ScreenerSubmissionDto } from './dto/respondent.dto';
import { RespondentRepository } from './respondent.repository';
import { answersToKeep, respondentFromAnswers, ScreenerAnswerError } from './screener-answers';
import { ScreenerResult } from './screener-submission.entity';

/** Far above any honest screener (a few hundred characters), far below the app's 256 kB body limit. */
export const MAX_ANSWERS_CHARS = 20_000;

/** Public screener intake: validate against the stored definition, then store answers and respondent once. */
@Injectable()
export class ScreenerIntakeService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly respondents: RespondentRepository,
    private readonly studies: StudiesService,
    private readonly surveys: SurveysService,
  ) {}

  async submit(slug: string, dto: ScreenerSubmissionDto, now = new Date()): Promise<ScreenerResult> {
    // The respondent reads these refusals on the screener page, in the language they filled it in.
    const say = (code: string, vars: Record<string, unknown> = {}) =>
      getTranslations().t(dto.locale, `error.screener.${code}`, vars);
    const refusal = (kind: ErrorKind, code: string, vars: Record<string, unknown> = {}, details?: ErrorDetails) =>
      new AppError(kind, `screener.${code}`, say(code, vars), details, vars).saidIn(dto.locale);
    const study = await this.studies.find(slug);
    // Unknown, draft and closed studies answer alike (screener-access.ts).
    if (!study || !screenerIsOpen(study.status)) throw screenerNotOpen(dto.locale);
    const earlier = await this.respondents.findSubmission(study.id, dto.submissionId);
    if (earlier) return earlier.result;
    if (JSON.stringify(dto.answers).length > MAX_ANSWERS_CHARS)
      throw refusal('payload_too_large', 'too_large', { kb: MAX_ANSWERS_CHARS / 1000 });
    const definition = await this.surveys.findVersion(study.id, 'screener', dto.definitionVersion);
    if (!definition) throw refusal('invalid', 'unknown_version', { version: dto.definitionVersion });
    const checked = validateSubmission(definition.definition, dto.answers, { locale: dto.locale });
    if (!checked.ok) {
      const fields: Record<string, string[]> = {};
      // Next to each question its problem; in the message each problem under its question's title.
      for (const e of checked.errors) (fields[e.field] ??= []).push(e.problem ?? e.message);
      throw refusal('invalid', 'invalid_answers', { problems: checked.errors.map((e) => e.message).join(' ') }, fields);
    }
    if (checked.data.consent !== true)
      throw refusal('invalid', 'consent_missing', {}, { consent: [say('consent_missing')] });
    let person;
    try {
      person = respondentFromAnswers(checked.data);
    } catch (err) {
      if (err instanceof ScreenerAnswerError)
        throw AppError.invalid('screener.incomplete', err.message, undefined, { question: err.question }).saidIn(
          dto.locale,
        );
      throw err;
    }
    const organisations = await this.studies.organisationsOf(study.id);
    if (person.organisationId !== null && !organisations.some((o) => o.organisationId === person.organisationId)) {
      throw refusal('conflict', 'organisation_gone');
    }
    // A calculated value of the definition: the validator has checked it matches what the respondent was shown.
    const consentVersion = typeof checked.data.consentVersion === 'string' ? checked.data.consentVersion : null;

    try {
      return await this.txHost.withTransaction(async () => {
        // Someone turned away left no address, so cannot be anyone's duplicate.
        const duplicateOf = person.email ? await this.respondents.findFirstByEmail(study.id, person.email) : null;
        const status = person.eligible && !duplicateOf ? 'eligible' : 'ineligible';
        const reason = duplicateOf ? 'duplicate-email' : person.reason;
        const { eligible: _, reason: __, ...attributes } = person;
        const respondent = await this.respondents.insert({
          ...attributes,
          studyId: study.id,
          status,
          statusReason: reason,
          source: 'screener',
          quadrantSource: person.quadrant ? 'screener' : null,
          consentVersion,
          consentedAt: now,
          screenedAt: now,
          duplicateOfId: duplicateOf?.id ?? null,
        });
        // The answer a new sign-up with these answers gets: whether an address had signed up before is for the
        // researchers only (the respondent is stored as a duplicate), never told to whoever typed it in.
        const shown = {
          status: person.eligible ? ('eligible' as const) : ('ineligible' as const),
          reason: person.reason,
        };
        const result: ScreenerResult = {
          submissionId: dto.submissionId,
          ...shown,
          message: resultMessage(dto.locale, shown.reason),
        };
        await this.respondents.insertSubmission({
          studyId: study.id,
          submissionId: dto.submissionId,
          surveyDefinitionId: definition.id,
          definitionVersion: definition.version,
          locale: dto.locale,
          answers: answersToKeep(checked.data, person.eligible),
          respondentId: respondent.id,
          result,
          submittedAt: now,
        });
        return result;
      });
    } catch (err) {
      // The same submission id arriving twice at once: the unique constraint lets one through; the other gets its result.
      const winner = await this.respondents.findSubmission(study.id, dto.submissionId);
      if (winner) return winner.result;
      throw err;
    }
  }
}

function resultMessage(locale: 'nl' | 'en', reason: string | null): string {
  return getTranslations().t(locale, reason ? `intake.result.${reason}` : 'intake.result.eligible');
}
