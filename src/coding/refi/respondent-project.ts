// A study's coded homework as a REFI-QDA project: one case and one text source per respondent, the six
// respondent variables, and every coding on an answer as a selection in the source. Pure: no framework imports.
// GUIDs that the platform does not store (variables, selections) are name-based on the study's GUID, so the
// same study exports the same GUIDs every time.
import { answerSpanToSelection } from './answer-spans';
import { guidFromName } from './guid';
import type { RefiCode, RefiProject, RefiSelection, RefiUser, RefiVariable } from './refi-types';
import type { HomeworkSource } from './source-text';

/** The respondent variables of the exchange, with the names a researcher sees in the other tool. */
export const RESPONDENT_VARIABLES = [
  { key: 'organisation', name: 'Organisatie' },
  { key: 'quadrant', name: 'Kwadrant' },
  { key: 'gender', name: 'Geslacht' },
  { key: 'ageBand', name: 'Leeftijd' },
  { key: 'educationBand', name: 'Opleidingsniveau' },
  { key: 'digitalComfort', name: 'Digitaal comfort' },
] as const;
export type RespondentVariableKey = (typeof RESPONDENT_VARIABLES)[number]['key'];

/** A coding on an answer, as the coding module keeps it: offsets are UTF-16 indices within the answer. */
export interface AnswerCoding {
  guid: string;
  question: string;
  start: number;
  end: number;
  codeGuid: string;
  coderGuid: string;
  createdAt?: Date;
  memo?: string;
}

export interface RespondentExport {
  caseGuid: string;
  sourceGuid: string;
  /** "R01": the only name of the respondent that leaves the platform. */
  pseudonym: string;
  variables: Record<RespondentVariableKey, string>;
  source: HomeworkSource;
  submittedAt?: Date;
  codings: AnswerCoding[];
}

export interface StudyExport {
  studyGuid: string;
  name: string;
  origin: string;
  createdAt: Date;
  users: RefiUser[];
  codes: RefiCode[];
  respondents: RespondentExport[];
}

export function variableGuid(studyGuid: string, key: RespondentVariableKey): string {
  return guidFromName(studyGuid, `variable:${key}`);
}

/** The project; throws when a coding does not fit its answer (the coding module validated it when it was made). */
export function buildStudyProject(study: StudyExport): RefiProject {
  const variables: RefiVariable[] = RESPONDENT_VARIABLES.map((v) => ({
    guid: variableGuid(study.studyGuid, v.key),
    name: v.name,
    type: 'Text',
  }));
  return {
    name: study.name,
    origin: study.origin,
    creationDateTime: study.createdAt,
    users: study.users,
    codes: study.codes,
    variables,
    cases: study.respondents.map((r) => ({
      guid: r.caseGuid,
      name: r.pseudonym,
      values: RESPONDENT_VARIABLES.map((v) => ({
        variableGuid: variableGuid(study.studyGuid, v.key),
        value: r.variables[v.key],
      })),
      sourceGuids: [r.sourceGuid],
    })),
    sources: study.respondents.map((r) => ({
      guid: r.sourceGuid,
      name: r.pseudonym,
      text: r.source.text,
      ...(r.submittedAt ? { creationDateTime: r.submittedAt } : {}),
      selections: r.codings.map((c) => selection(study.studyGuid, r, c)),
    })),
  };
}

// One selection per coding, so each keeps its own coder, time and memo exactly.
function selection(studyGuid: string, respondent: RespondentExport, coding: AnswerCoding): RefiSelection {
  const positions = answerSpanToSelection(respondent.source, coding);
  if (!positions) {
    throw new Error(
      `Coding ${coding.guid} (${coding.question} ${coding.start}-${coding.end}) is not within ${respondent.pseudonym}'s answer`,
    );
  }
  return {
    guid: guidFromName(studyGuid, `selection:${coding.guid}`),
    ...positions,
    creatingUser: coding.coderGuid,
    ...(coding.createdAt ? { creationDateTime: coding.createdAt } : {}),
    ...(coding.memo ? { description: coding.memo } : {}),
    codings: [
      {
        guid: coding.guid,
        codeGuid: coding.codeGuid,
        creatingUser: coding.coderGuid,
        ...(coding.createdAt ? { creationDateTime: coding.createdAt } : {}),
      },
    ],
  };
}
