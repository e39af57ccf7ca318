import { Injectable } from '@nestjs/common';
import type { Locale, Quadrant } from '../common/domain';
import { HomeworkQueryService, SentOutline, SubmittedHomework } from '../homework/homework-query.service';
import { homeworkForm } from '../homework/homework-form';
import type { Respondent } from '../respondents/respondent';
import { RespondentQueryService } from '../respondents/respondent-query.service';
import { StudyQueryService } from '../studies/study-query.service';
import { CodableAnswer, codableAnswers, codableQuestions } from './answers';
import { pseudonyms } from './pseudonyms';
import { inSequence } from '../common/in-sequence';

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
    const [respondents, credentials] = await inSequence(
      () =>
        this.respondents.byIds(
          sent.map((h) => h.respondentId),
          studyId,
        ),
      () => this.homework.credentialsToMask(studyId),
    );
    const respondentById = new Map(respondents.filter((r) => !r.erasedAt).map((r) => [r.id, r]));
    const organisationName = await this.organisationNames(respondents);
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
      const personal = personalOf(respondent, credentials.get(h.assignmentId));
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

  /**
   * The codable answers of the study's sent homework by assignment and question, for counting codings: the answers
   * `ofStudy` gives, texts masked only for the respondents `textOf` picks and empty for the others. Reads no more
   * than that needs: outlines (no free text) and places for all, answers, personal data and credentials only of
   * those picked, and the outlines only when the caller does not have them already (`sent`, as
   * HomeworkQueryService.sentOutlinesOfStudy gives them).
   */
  async answersToCount(
    studyId: number,
    textOf: (respondentId: number) => boolean,
    sent?: readonly SentOutline[],
  ): Promise<Map<number, Map<string, string>>> {
    const [outlines, places] = await Promise.all([
      sent ?? this.homework.sentOutlinesOfStudy(studyId),
      this.respondents.placesOf(studyId),
    ]);
    const organisationName = await this.organisationNames(places);
    const placeOf = new Map(places.map((p) => [p.id, p]));
    const read = outlines.filter((h) => placeOf.has(h.respondentId) && textOf(h.respondentId));
    const readAssignments = new Set(read.map((h) => h.assignmentId));
    const [answers, people, credentials] = read.length
      ? await Promise.all([
          this.homework.sentAnswersOf(studyId, [...readAssignments]),
          this.respondents.byIds(
            read.map((h) => h.respondentId),
            studyId,
          ),
          this.homework.credentialsToMask(studyId, (id) => readAssignments.has(id)),
        ])
      : [[], [], new Map<number, string[]>()];
    const answersOf = new Map(answers.map((a) => [a.assignmentId, a.answers]));
    const personOf = new Map(people.map((r) => [r.id, r]));
    const forms = new Map<number | null, { definition: object; codable: string[] }>();
    const result = new Map<number, Map<string, string>>();
    for (const h of outlines) {
      const place = placeOf.get(h.respondentId);
      if (!place) continue;
      let form = forms.get(place.organisationId);
      if (!form) {
        const organisation = place.organisationId ? (organisationName.get(place.organisationId) ?? '') : '';
        const { definition } = homeworkForm(organisation);
        form = { definition, codable: codableQuestions(definition) };
        forms.set(place.organisationId, form);
      }
      const person = personOf.get(h.respondentId);
      const answered = answersOf.get(h.assignmentId);
      const texts = new Map<string, string>();
      if (person && answered) {
        const personal = personalOf(person, credentials.get(h.assignmentId));
        for (const a of codableAnswers({ definition: form.definition, answers: answered, personal }))
          texts.set(a.question, a.text);
      } else for (const question of form.codable) if (h.answered.includes(question)) texts.set(question, '');
      result.set(h.assignmentId, texts);
    }
    return result;
  }

  /**
   * Their organisations' names, by id rather than through the study's partners: a partner removed from the study
   * is still named on its respondents' forms, as on the homework form itself.
   */
  private organisationNames(respondents: { organisationId: number | null }[]): Promise<Map<number, string>> {
    const ids = new Set(respondents.flatMap((r) => (r.organisationId ? [r.organisationId] : [])));
    return this.studies.organisationNames([...ids]);
  }

  /** One sent homework of the study; null when it is not there, another study's, or not sent. */
  async one(studyId: number, assignmentId: number, locale: Locale = 'nl'): Promise<HomeworkForCoding | null> {
    const mine = (h: SubmittedHomework) => h.assignmentId === assignmentId;
    return (await this.ofStudy(studyId, locale, mine)).find(mine) ?? null;
  }
}

/** What identifies the respondent, to be masked wherever they typed it. */
function personalOf(
  respondent: Pick<Respondent, 'firstName' | 'email' | 'phone'>,
  credentials: string[] = [],
): string[] {
  return [respondent.firstName, respondent.email, respondent.phone, ...credentials].filter((v): v is string => !!v);
}
