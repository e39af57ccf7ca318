import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { AuditService } from '../audit/audit.service';
import { GroupPlacesService } from '../groups/group-places.service';
import { GroupQueryService } from '../groups/group-query.service';
import { HomeworkService } from '../homework/homework.service';
import { ConfirmResult, DeclinedInvitation, InvitationsService } from '../scheduling/invitations.service';
import { hasBegun } from '../scheduling/session-begun';

export interface DeclineResult {
  invitation: DeclinedInvitation['invitation'];
  alreadyDeclined: boolean;
  /** The reserve who took the place, if any. */
  promotedRespondentId: number | null;
}

/**
 * A respondent's answer to an invitation, which spans scheduling, groups and homework: confirming is what sends the
 * personal homework letter (Bijlage 4); declining frees a place in the group that a reserve takes. Each answer is one
 * unit of work, so a rolled-back answer leaves no letter, promotion or mail behind, and no module needs to know the
 * others.
 */
@Injectable()
export class InvitationResponsesService {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly homework: HomeworkService,
    private readonly groupQuery: GroupQueryService,
    private readonly places: GroupPlacesService,
    private readonly audit: AuditService,
  ) {}

  @Transactional()
  async confirm(token: string): Promise<ConfirmResult> {
    const confirmed = await this.invitations.confirm(token);
    // A second confirmation changes nothing: the letter went out with the first.
    if (!confirmed.alreadyConfirmed)
      await this.homework.assignForConfirmedMember(confirmed.respondent.id, confirmed.session.id);
    return confirmed;
  }

  /**
   * The decliner leaves the group and the first reserve who can make the slot takes the place and is invited; the
   * moderators get the new member list. Scheduling locks the invitation first (a concurrent confirm or decline of
   * the same link waits), then the group is locked, so two declines in one group never hand out one reserve twice.
   * Once the session has begun nobody takes the place: a reserve could not be invited to it in time.
   */
  @Transactional()
  async decline(token: string): Promise<DeclineResult> {
    const declined = await this.invitations.decline(token);
    const { invitation, session, study } = declined;
    if (declined.alreadyDeclined) return { invitation, alreadyDeclined: true, promotedRespondentId: null };
    await this.groupQuery.lockGroup(session.groupId);
    await this.places.leave(session.groupId, invitation.respondentId);
    if (hasBegun(session, new Date())) return { invitation, alreadyDeclined: false, promotedRespondentId: null };
    const { reserve, reserves } = await this.places.firstReserveFor(session.groupId, session.slotId);
    let promoted: number | null = null;
    if (!reserve) {
      await this.audit.record({
        actor: null,
        action: 'group.no_reserve',
        studyId: study.id,
        subjectType: 'group',
        subjectId: session.groupId,
        details: { declinedRespondentId: invitation.respondentId, reserves },
      });
    } else {
      await this.places.moveReserveIn(reserve);
      const invited = await this.invitations.inviteToSession(session.id, reserve.respondentId);
      await this.audit.record({
        actor: null,
        action: 'group.reserve_promote',
        studyId: study.id,
        subjectType: 'group',
        subjectId: session.groupId,
        details: { respondentId: reserve.respondentId, replaced: invitation.respondentId, reason: 'declined', invited },
      });
      promoted = reserve.respondentId;
    }
    await this.invitations.announceMemberChange(session.id);
    return { invitation, alreadyDeclined: false, promotedRespondentId: promoted };
  }
}
