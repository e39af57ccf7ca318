import { Injectable } from '@nestjs/common';
import type { Locale, Quadrant } from '../common/domain';
import { HomeworkQueryService, SubmittedHomework } from '../homework/homework-query.service';
import { homeworkForm } from '../homework/homework-form';
import { RespondentQueryService } from '../respondents/respondent-query.service';
import { StudyQueryService } from '../studies/study-query.service';
import { CodableAnswer, codableAnswers } from './answers';
import { pseudonyms } from './pseudonyms';

/** A sent homework with what coding needs to read it: the form answered, the organisation and quadrant. */
export interface HomeworkForCoding extends SubmittedHomework {
  studyId: number;
  pseudonym: string;
  /** The respondent's organisation (its name is part of the form's questions). */
  organisation: string;
  quadrant: Quadrant | null;
  /** The SurveyJS form the respondent answered. */
  definition: object;
  /**
   * What identifies the respondent (first name, e-mail, phone, the link's token and the letter's code), only to
   * mask it wherever the respondent typed it into an answer; never shown.
   */
  personal: string[];
  /** The free-text answers, masked, with their titles in the language asked for (texts empty unless asked for). */
  codable: CodableAnswer[];
}

/**
 * The material of coding: a study's sent homework, in ascending respondent id with its pseudonym, read through the
 * homework, respondents and studies modules. Erased respondents have none.
 */
@Injectable()
export class CodingMaterialService {
  constructor(
    private readonly homework: HomeworkQueryService,
    private readonly respondents: RespondentQueryService,
    private readonly studies: StudyQueryService,
  ) {}

  /**
   * `textOf` picks the homework whose answers are read (masked); the others' codable answers have empty texts, which
   * spares masking a whole study when one homework, the pseudonyms or only the shareable quotes are needed.
   */
  async ofStudy(
    studyId: number,
    locale: Locale = 'nl',
    textOf: (homework: SubmittedHomework) => boolean = () => true,
  ): Promise<HomeworkForCoding[]> {
    const sent = await this.homework.submittedOfStudy(studyId);
    if (sent.length === 0) return [];
    const [respondents, partners, credentials] = await Promise.all([
      this.respondents.byIds(
        sent.map((h) => h.respondentId),
        studyId,
      ),
      this.studies.partnersOf(studyId),
      this.homework.credentialsToMask(studyId),
    ]);
    const respondentById = new Map(respondents.filter((r) => !r.erasedAt).map((r) => [r.id, r]));
    const organisationName = new Map(partners.map((p) => [p.organisationId, p.organisation.name]));
    const kept = sent
      .filter((h) => respondentById.has(h.respondentId))
      .sort((x, y) => x.respondentId - y.respondentId || x.assignmentId - y.assignmentId);
    const names = pseudonyms(kept.map((h) => h.respondentId));
    const forms = new Map<string, object>();
    return kept.map((h) => {
      const respondent = respondentById.get(h.respondentId)!;
      const organisation = respondent.organisationId ? (organisationName.get(respondent.organisationId) ?? '') : '';
      const definition = forms.get(organisation) ?? homeworkForm(organisation).definition;
      forms.set(organisation, definition);
      const personal = [
        respondent.firstName,
        respondent.email,
        respondent.phone,
        ...(credentials.get(h.assignmentId) ?? []),
      ].filter((v): v is string => !!v);
      return {
        ...h,
        studyId,
        pseudonym: names.get(h.respondentId)!,
        organisation,
        quadrant: respondent.quadrant,
        definition,
        personal,
        codable: codableAnswers({ definition, answers: h.answers, locale, personal, withText: textOf(h) }),
      };
    });
  }

  /** One sent homework of the study; null when it is not there, another study's, or not sent. */
  async one(studyId: number, assignmentId: number, locale: Locale = 'nl'): Promise<HomeworkForCoding | null> {
    const mine = (h: SubmittedHomework) => h.assignmentId === assignmentId;
    return (await this.ofStudy(studyId, locale, mine)).find(mine) ?? null;
  }
}
