// Every entity of the application. Modules add theirs here.
import { LoginAttempt } from '../auth/login-attempt.entity';
import { LoginSession } from '../auth/login-session.entity';
import { LoginThrottleCounter } from '../auth/login-throttle.entity';
import { RateLimitWindow } from '../auth/rate-limit-window.entity';
import { User } from '../auth/user.entity';
import { AuditEvent } from '../audit/audit-event.entity';
import { FocusGroup } from '../groups/group.entity';
import { GroupMember } from '../groups/group-member.entity';
import { HomeworkAssignment } from '../homework/homework-assignment.entity';
import { HomeworkSetting } from '../homework/homework-setting.entity';
import { OutboxMessage } from '../mail/outbox-message.entity';
import { Respondent } from '../respondents/respondent.entity';
import { RespondentStatusChange } from '../respondents/respondent-status-change.entity';
import { Attendance } from '../scheduling/attendance.entity';
import { Invitation } from '../scheduling/invitation.entity';
import { Moderator } from '../scheduling/moderator.entity';
import { ModeratorFeed } from '../scheduling/moderator-feed.entity';
import { ModeratorSlot } from '../scheduling/moderator-slot.entity';
import { ScheduledSession } from '../scheduling/session.entity';
import { ScreenerSubmission } from '../respondents/screener-submission.entity';
import { Organisation } from '../studies/organisation.entity';
import { SessionSlot } from '../studies/session-slot.entity';
import { Study } from '../studies/study.entity';
import { StudyLogo } from '../studies/study-logo.entity';
import { StudyOrganisation } from '../studies/study-organisation.entity';
import { SurveyDefinition } from '../surveys/survey-definition.entity';

export const ENTITIES = [User, LoginSession, LoginAttempt, LoginThrottleCounter, RateLimitWindow, Organisation, Study, StudyOrganisation, SessionSlot, Respondent, AuditEvent, SurveyDefinition, ScreenerSubmission, OutboxMessage, FocusGroup, GroupMember, Moderator, ModeratorSlot, ModeratorFeed, ScheduledSession, Invitation, HomeworkAssignment, HomeworkSetting, Attendance, RespondentStatusChange, StudyLogo];
