import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { StoredOutline } from './answers-outline';
import type { Locale } from '../common/domain';

export type HomeworkAnswers = Record<string, unknown>;

/** Where the sent answers came from: the respondent's form, a paper form typed in, or an imported file. */
export const ANSWER_SOURCES = ['online', 'paper', 'import'] as const;
export type AnswerSource = (typeof ANSWER_SOURCES)[number];

/**
 * One respondent's homework for their group's session. The private link's token and the letter's short code
 * are derived from credentialNonce with the server secret and stored only as hashes (see short-code.ts).
 */
@Entity('homework_assignment')
export class HomeworkAssignment {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: 'integer' })
  studyId: number;

  @Column({ type: 'integer' })
  groupId: number;

  @Column({ type: 'integer' })
  respondentId: number;

  /** The scheduled session the deadline was computed from; null when set by hand. */
  @Column({ type: 'integer', nullable: true })
  sessionId: number | null;

  @Column({ type: Date })
  sessionStartsAt: Date;

  @Column({ type: Date })
  deadline: Date;

  @Column({ type: 'varchar', length: 64 })
  credentialNonce: string;

  @Column({ type: 'varchar', length: 64 })
  tokenHash: string;

  @Column({ type: 'varchar', length: 64 })
  codeHash: string;

  @Column({ type: 'varchar', length: 5, default: 'nl' })
  locale: Locale;

  /** The working copy, saved as the respondent types. */
  @Column({ type: 'simple-json', nullable: true })
  draft: HomeworkAnswers | null;

  /** SurveyJS page name, so reopening the link resumes where they were. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  currentPage: string | null;

  /** Rises with every save; a save naming an older revision is refused (two tabs never overwrite each other). */
  @Column({ type: 'integer', default: 0 })
  revision: number;

  @Column({ type: Date, nullable: true })
  draftSavedAt: Date | null;

  /** The last answers sent and validated in full: what the moderators prepare with. */
  @Column({ type: 'simple-json', nullable: true })
  submitted: HomeworkAnswers | null;

  /** The sent answers without their free text (answers-outline.ts), written with them: what counting reads. */
  @Column({ type: 'simple-json', nullable: true })
  submittedOutline: StoredOutline | null;

  @Column({ type: Date, nullable: true })
  submittedAt: Date | null;

  @Column({ type: 'boolean', default: false })
  late: boolean;

  @Column({ type: 'boolean', default: false })
  enteredFromPaper: boolean;

  /** E-mail of the researcher who typed in the paper form. */
  @Column({ type: 'varchar', length: 254, nullable: true })
  paperEnteredBy: string | null;

  /** Set with every submission; null while nothing was sent. */
  @Column({ type: 'varchar', length: 16, nullable: true })
  answerSource: AnswerSource | null;

  /** The file's name when the answers were imported (kwadrant homework import, or the import page). */
  @Column({ type: 'varchar', length: 255, nullable: true })
  importedFrom: string | null;

  @Column({ type: Date, nullable: true })
  letterSentAt: Date | null;

  @Column({ type: Date, nullable: true })
  reminderSentAt: Date | null;

  /** When the respondent was erased: the answers are gone and the link answers 410 from then on. */
  @Column({ type: Date, nullable: true })
  erasedAt: Date | null;

  @Column({ type: Date })
  createdAt: Date;
}

/** A new assignment: whom and which session it is for, and its credentials; no answers and no reminder yet. */
export function newAssignment(
  fields: Pick<
    HomeworkAssignment,
    | 'studyId'
    | 'groupId'
    | 'respondentId'
    | 'sessionId'
    | 'sessionStartsAt'
    | 'deadline'
    | 'credentialNonce'
    | 'tokenHash'
    | 'codeHash'
    | 'locale'
    | 'letterSentAt'
    | 'createdAt'
  >,
): Omit<HomeworkAssignment, 'id'> {
  return {
    ...fields,
    draft: null,
    currentPage: null,
    revision: 0,
    draftSavedAt: null,
    submitted: null,
    submittedOutline: null,
    submittedAt: null,
    late: false,
    enteredFromPaper: false,
    paperEnteredBy: null,
    answerSource: null,
    importedFrom: null,
    reminderSentAt: null,
    erasedAt: null,
  };
}
