import { Injectable } from '@nestjs/common';

export type ActiveSessionCheck = (groupId: number) => Promise<boolean>;

/**
 * Whether a group has a session that is not cancelled. Sessions belong to scheduling, which lies above groups, so
 * scheduling registers the answer at start-up and groups asks here without importing it (a group that has a session
 * is not dissolved silently: cancelling the session sends the cancellations).
 */
@Injectable()
export class GroupSessionsService {
  private readonly checks: ActiveSessionCheck[] = [];

  /** Called by scheduling when it starts (onModuleInit). */
  onCheck(check: ActiveSessionCheck): void {
    this.checks.push(check);
  }

  async hasActiveSession(groupId: number): Promise<boolean> {
    for (const check of this.checks) if (await check(groupId)) return true;
    return false;
  }
}
