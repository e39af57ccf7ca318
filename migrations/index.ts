// Every migration, in the order of their timestamps. Append new ones at the end.
import { Foundation1763900000000 } from './1763900000000-Foundation';
import { Groups1795433245086 } from './1795433245086-Groups';
import { RespondentIntake1795433350000 } from './1795433350000-RespondentIntake';
import { Outbox1795433400000 } from './1795433400000-Outbox';
import { Scheduling1795433500000 } from './1795433500000-Scheduling';
import { Homework1795433600000 } from './1795433600000-Homework';
import { AttendanceAndStatusHistory1795433700000 } from './1795433700000-AttendanceAndStatusHistory';
import { ResearchOrganisation1795433710000 } from './1795433710000-ResearchOrganisation';
import { LoginThrottle1795433740000 } from './1795433740000-LoginThrottle';
import { RateLimitWindow1795433750000 } from './1795433750000-RateLimitWindow';
import { TimestampsWithTimeZone1795439000000 } from './1795439000000-TimestampsWithTimeZone';
import { OutboxCancelled1795440100000 } from './1795440100000-OutboxCancelled';
import { Codebook1795440700000 } from './1795440700000-Codebook';
import { HomeworkAnswerSource1795440800000 } from './1795440800000-HomeworkAnswerSource';
import { Coding1795441000000 } from './1795441000000-Coding';
import { Actions1795441300000 } from './1795441300000-Actions';
import { ActionQuoteEvidence1795441400000 } from './1795441400000-ActionQuoteEvidence';
import { StudyPartnerMinCount1795441410000 } from './1795441410000-StudyPartnerMinCount';
import { StudyClosingRecords1795441440000 } from './1795441440000-StudyClosingRecords';
import { DropLoginAttempt1795441460000 } from './1795441460000-DropLoginAttempt';
import { HomeworkAnswersOutline1795441490000 } from './1795441490000-HomeworkAnswersOutline';

export const MIGRATIONS = [
  Foundation1763900000000,
  Groups1795433245086,
  RespondentIntake1795433350000,
  Outbox1795433400000,
  Scheduling1795433500000,
  Homework1795433600000,
  AttendanceAndStatusHistory1795433700000,
  ResearchOrganisation1795433710000,
  LoginThrottle1795433740000,
  RateLimitWindow1795433750000,
  TimestampsWithTimeZone1795439000000,
  OutboxCancelled1795440100000,
  Codebook1795440700000,
  HomeworkAnswerSource1795440800000,
  Coding1795441000000,
  Actions1795441300000,
  ActionQuoteEvidence1795441400000,
  StudyPartnerMinCount1795441410000,
  StudyClosingRecords1795441440000,
  DropLoginAttempt1795441460000,
  HomeworkAnswersOutline1795441490000,
];
