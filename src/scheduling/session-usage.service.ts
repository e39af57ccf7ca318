import { Injectable, OnModuleInit } from '@nestjs/common';
import { GroupSessionsService } from '../groups/group-sessions.service';
import { SlotUsageService } from '../studies/slot-usage.service';
import { SessionRepository } from './session.repository';

/** Answers the modules below scheduling's questions about sessions: is a group scheduled, is a slot in use. */
@Injectable()
export class SessionUsageService implements OnModuleInit {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly groupSessions: GroupSessionsService,
    private readonly slotUsage: SlotUsageService,
  ) {}

  onModuleInit(): void {
    this.groupSessions.onCheck((groupId) => this.sessions.hasActiveSessionForGroup(groupId));
    this.slotUsage.onCount((slotId) => this.sessions.countInSlot(slotId));
  }
}
