import { Injectable } from '@nestjs/common';
import type { Attendance } from './attendance.entity';
import { AttendanceRepository } from './attendance.repository';
import type { Invitation } from './invitation.entity';
import { ModeratorRepository } from './moderator.repository';
import type { ScheduledSession } from './session.entity';
import { SessionRepository } from './session.repository';

export type { InvitationStatus } from './invitation.entity';
export type { SessionStatus } from './session.entity';
/** A group's session as the modules above scheduling read it (moderators, slot, time, whether invited). */
export type SessionRecord = Readonly<ScheduledSession>;
export type InvitationRecord = Readonly<Invitation>;
/** Whether a member came to their session (and the status they had before the mark). */
export type AttendanceRecord = Readonly<Attendance>;

/** The scheduling module's reads for the modules above it; every change goes through its services. */
@Injectable()
export class SchedulingQueryService {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly attendance: AttendanceRepository,
    private readonly moderators: ModeratorRepository,
  ) {}

  findSession(id: number): Promise<SessionRecord | null> {
    return this.sessions.findSession(id);
  }

  /** The group's session (a group has at most one; a cancelled one stays for its history). */
  sessionOfGroup(groupId: number): Promise<SessionRecord | null> {
    return this.sessions.findSessionOfGroup(groupId);
  }

  /** Whether the group has a session that still takes place (not cancelled). */
  hasActiveSession(groupId: number): Promise<boolean> {
    return this.sessions.hasActiveSessionForGroup(groupId);
  }

  /** How many sessions meet in the slot, cancelled ones too (they keep their history). */
  sessionsInSlot(slotId: number): Promise<number> {
    return this.sessions.countInSlot(slotId);
  }

  /** The study's sessions, cancelled ones included, by start time. */
  sessionsOfStudy(studyId: number): Promise<SessionRecord[]> {
    return this.sessions.sessionsOfStudy(studyId);
  }

  /** The sessions of these groups that still take place (not cancelled). */
  scheduledSessionsOfGroups(groupIds: number[]): Promise<SessionRecord[]> {
    return this.sessions.scheduledSessionsOfGroups(groupIds);
  }

  /** The study's invitations in id order (a renewed invitation is the same row). */
  invitationsOfStudy(studyId: number): Promise<InvitationRecord[]> {
    return this.sessions.invitationsOfStudy(studyId);
  }

  /** The respondent's invitations, newest first (another group's session is a new row). */
  invitationsOf(respondentId: number): Promise<InvitationRecord[]> {
    return this.sessions.invitationsOfRespondent(respondentId);
  }

  marksOfStudy(studyId: number): Promise<AttendanceRecord[]> {
    return this.attendance.marksOfStudy(studyId);
  }

  marksOf(respondentId: number): Promise<AttendanceRecord[]> {
    return this.attendance.marksOfRespondent(respondentId);
  }

  /** How many moderators of the study are active (a study without any cannot be scheduled). */
  activeModeratorCount(studyId: number): Promise<number> {
    return this.moderators.activeCount(studyId);
  }
}
