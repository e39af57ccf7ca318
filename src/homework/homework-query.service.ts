import { Injectable } from '@nestjs/common';
import type { AnswerSource, HomeworkAnswers, HomeworkAssignment } from './homework-assignment.entity';
import { HomeworkLinksService } from './homework-links.service';
import { HomeworkRepository, type SentAnswers, type SentOutline } from './homework.repository';

export type { AnswerSource, HomeworkAnswers } from './homework-assignment.entity';
export type { SentAnswers, SentOutline } from './homework.repository';

/** A sent homework, as the modules above homework (overviews, coding, journeys, the dashboard) read it. */
export interface SubmittedHomework {
  assignmentId: number;
  respondentId: number;
  groupId: number;
  answers: HomeworkAnswers;
  submittedAt: Date;
  source: AnswerSource;
  late: boolean;
}

/** Where a respondent's homework stands: enough for `homeworkStatus` and the respondent's file, no answers. */
export type HomeworkProgress = Pick<HomeworkAssignment, (typeof PROGRESS_COLUMNS)[number]>;
const PROGRESS_COLUMNS = [
  'id',
  'respondentId',
  'groupId',
  'deadline',
  'revision',
  'submittedAt',
  'late',
  'enteredFromPaper',
  'answerSource',
  'importedFrom',
  'letterSentAt',
  'reminderSentAt',
] as const satisfies (keyof HomeworkAssignment)[];

/** The homework module's reads for the modules above it; every change goes through HomeworkService. */
@Injectable()
export class HomeworkQueryService {
  constructor(
    private readonly homework: HomeworkRepository,
    private readonly links: HomeworkLinksService,
  ) {}

  /**
   * Per assignment of the study: its private link's token and its letter's code (as typed and as printed). Only to
   * mask them wherever a respondent typed them into an answer (coding, exchange files); never to be shown. `only`
   * picks the assignments wanted.
   */
  async credentialsToMask(studyId: number, only?: (assignmentId: number) => boolean): Promise<Map<number, string[]>> {
    const credentials = new Map<number, string[]>();
    // Deriving them is two HMACs each: `only` spares that for the assignments whose answers are not read.
    for (const [id, nonce] of await this.homework.credentialNonces(studyId)) {
      if (only && !only(id)) continue;
      const { token, code } = this.links.credentialsFor(nonce);
      credentials.set(id, [token, code, this.links.displayCode(code)]);
    }
    return credentials;
  }

  /**
   * The study's sent homework without its free text (answers-outline.ts), in submittedOfStudy's order: what
   * counting needs. Read the text of the few that need it with `sentAnswersOf`.
   */
  sentOutlinesOfStudy(studyId: number): Promise<SentOutline[]> {
    return this.homework.sentOutlinesOfStudy(studyId);
  }

  /** The sent answers of these assignments of the study; one that is not the study's or not sent is left out. */
  sentAnswersOf(studyId: number, assignmentIds: readonly number[]): Promise<SentAnswers[]> {
    return this.homework.sentAnswersOf(studyId, assignmentIds);
  }

  /** The study's sent homework, by group and assignment: the answers as last sent, with where they came from. */
  async submittedOfStudy(studyId: number): Promise<SubmittedHomework[]> {
    const assignments = await this.homework.ofStudy(studyId);
    return assignments.flatMap((a) =>
      a.submitted && a.submittedAt
        ? [
            {
              assignmentId: a.id,
              respondentId: a.respondentId,
              groupId: a.groupId,
              answers: a.submitted,
              submittedAt: a.submittedAt,
              // Rows sent before the source was recorded came from the form or, when flagged, from paper.
              source: a.answerSource ?? (a.enteredFromPaper ? 'paper' : 'online'),
              late: a.late,
            },
          ]
        : [],
    );
  }

  /** Every assignment of the study without its answers, by group and id. */
  async progressOfStudy(studyId: number): Promise<HomeworkProgress[]> {
    return (await this.homework.progressOfStudy(studyId, [...PROGRESS_COLUMNS])).map(progress);
  }

  /** The respondent's assignment without its answers, or null when they have none. */
  async progressOf(respondentId: number): Promise<HomeworkProgress | null> {
    const assignment = await this.homework.findByRespondent(respondentId);
    return assignment ? progress(assignment) : null;
  }
}

function progress(a: HomeworkProgress): HomeworkProgress {
  return Object.fromEntries(PROGRESS_COLUMNS.map((c) => [c, a[c]])) as HomeworkProgress;
}
