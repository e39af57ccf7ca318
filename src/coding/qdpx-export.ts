// A study's submitted homework, respondents, codebook and coder codings as the REFI-QDA model of a project
// (respondent-project.ts writes it). Pure: no framework imports.
//
// GUIDs are name-based (see refi/guid.ts): the study's from its id, each homework's source and each respondent's
// case from their ids within the study, each user's from their account id (the same in every study, so an import
// finds the account again), each coding's from its id. Exporting twice gives the same GUIDs, and an import finds
// our sources, codings and coders by them. The respondent is only their pseudonym (R01): the variables are bands
// and labels, and names, e-mail, phone, token and code typed into an answer are masked.
import { educationBand, isOneOf, DIGITAL_COMFORTS, EDUCATIONS, QUADRANTS } from '../common/domain';
import { translator } from '../common/view-engine';
import { ageBand } from '../overviews/overview';
import { guidFromName, KWADRANT_GUID_NAMESPACE } from './refi/guid';
import type { RefiCode, RefiUser } from './refi/refi-types';
import type { AnswerCoding, RespondentExport, StudyExport } from './refi/respondent-project';
import { buildHomeworkSource, type HomeworkSource } from './refi/source-text';

export const EXPORT_ORIGIN = 'kwadrant 0.1.0';

/** One submitted homework with what the export needs of its respondent (personal data only to mask it). */
export interface ExportHomework {
  assignmentId: number;
  respondentId: number;
  submittedAt: Date | null;
  answers: Record<string, unknown>;
  /** The SurveyJS form the respondent answered. */
  definition: object;
  respondent: {
    organisation: string | null;
    quadrant: string | null;
    gender: string | null;
    ageMin: number | null;
    ageMax: number | null;
    education: string | null;
    digitalComfort: string | null;
  };
  /** Name, e-mail, phone, token, code: masked wherever an answer has them, never written. */
  personal: string[];
}

export interface ExportCoding {
  id: number;
  assignmentId: number;
  question: string;
  start: number;
  end: number;
  codeGuid: string;
  coderId: number;
  memo: string | null;
  createdAt?: Date;
}

export interface ExportInput {
  study: { id: number; name: string };
  createdAt: Date;
  /** The study's codebook as REFI-QDA codes. */
  codes: RefiCode[];
  /** Submitted homework; their order does not matter (pseudonyms decide). */
  homework: ExportHomework[];
  /** Respondent id → pseudonym (R01 …). */
  pseudonyms: Map<number, string>;
  codings: ExportCoding[];
  /** Coders by account id: their display name. */
  coders: Map<number, string>;
}

export const studyGuid = (studyId: number): string => guidFromName(KWADRANT_GUID_NAMESPACE, `study:${studyId}`);
export const userGuid = (userId: number): string => guidFromName(KWADRANT_GUID_NAMESPACE, `user:${userId}`);
export const sourceGuid = (studyId: number, assignmentId: number): string =>
  guidFromName(studyGuid(studyId), `homework:${assignmentId}`);
export const caseGuid = (studyId: number, respondentId: number): string =>
  guidFromName(studyGuid(studyId), `respondent:${respondentId}`);
export const codingGuid = (studyId: number, codingId: number): string =>
  guidFromName(studyGuid(studyId), `coding:${codingId}`);

/** The source text of a homework, exactly as exported (an import rebuilds it to place positions). */
export function homeworkSource(homework: ExportHomework): HomeworkSource {
  return buildHomeworkSource({
    definition: homework.definition,
    answers: homework.answers,
    locale: 'nl',
    personal: homework.personal,
  });
}

/** The six respondent variables as the other tool shows them: labels and bands, never raw personal data. */
export function respondentVariables(r: ExportHomework['respondent']): RespondentExport['variables'] {
  // In Dutch, like the source texts: a project is coded in one language.
  const t = translator('nl');
  return {
    organisation: r.organisation ?? '',
    quadrant: isOneOf(QUADRANTS, r.quadrant) ? t(`quadrant.${r.quadrant}`) : '',
    gender: r.gender ?? '',
    ageBand: r.ageMin !== null && r.ageMax !== null ? ageBand(r.ageMin, r.ageMax) : '',
    educationBand: isOneOf(EDUCATIONS, r.education) ? educationBand(r.education) : '',
    digitalComfort: isOneOf(DIGITAL_COMFORTS, r.digitalComfort) ? t(`digitalComfort.${r.digitalComfort}`) : '',
  };
}

export function studyExport(input: ExportInput): StudyExport {
  const studyId = input.study.id;
  const byAssignment = new Map<number, ExportCoding[]>();
  for (const c of input.codings) {
    const list = byAssignment.get(c.assignmentId) ?? [];
    list.push(c);
    byAssignment.set(c.assignmentId, list);
  }
  const respondents = input.homework
    .filter((h) => input.pseudonyms.has(h.respondentId))
    .sort((a, b) => a.respondentId - b.respondentId || a.assignmentId - b.assignmentId)
    .map((h): RespondentExport => ({
      caseGuid: caseGuid(studyId, h.respondentId),
      sourceGuid: sourceGuid(studyId, h.assignmentId),
      pseudonym: input.pseudonyms.get(h.respondentId)!,
      variables: respondentVariables(h.respondent),
      source: homeworkSource(h),
      ...(h.submittedAt ? { submittedAt: h.submittedAt } : {}),
      codings: (byAssignment.get(h.assignmentId) ?? []).map((c): AnswerCoding => ({
        guid: codingGuid(studyId, c.id),
        question: c.question,
        start: c.start,
        end: c.end,
        codeGuid: c.codeGuid,
        coderGuid: userGuid(c.coderId),
        createdAt: c.createdAt,
        ...(c.memo ? { memo: c.memo } : {}),
      })),
    }));
  const coderIds = [...new Set(input.codings.map((c) => c.coderId))].sort((a, b) => a - b);
  const users: RefiUser[] = coderIds.map((id) => ({ guid: userGuid(id), name: input.coders.get(id) ?? `#${id}` }));
  return {
    studyGuid: studyGuid(studyId),
    name: input.study.name,
    origin: EXPORT_ORIGIN,
    createdAt: input.createdAt,
    users,
    codes: input.codes,
    respondents,
  };
}
