import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import { HomeworkService } from '../homework/homework.service';
import { ConfirmResult, DeclineResult, InvitationsService } from '../scheduling/invitations.service';

/**
 * A respondent's answer to an invitation, which spans scheduling and homework: confirming is what sends the personal
 * homework letter (Bijlage 4). Both happen in one unit of work, so the letter is lost with a rolled-back confirmation,
 * and neither module needs to know the other.
 */
@Injectable()
export class InvitationResponsesService {
  constructor(
    private readonly invitations: InvitationsService,
    private readonly homework: HomeworkService,
  ) {}

  @Transactional()
  async confirm(token: string): Promise<ConfirmResult> {
    const confirmed = await this.invitations.confirm(token);
    // A second confirmation changes nothing: the letter went out with the first.
    if (!confirmed.alreadyConfirmed)
      await this.homework.assignForConfirmedMember(confirmed.respondent.id, confirmed.session.id);
    return confirmed;
  }

  /** Declining frees the place; scheduling offers it to the group's first available reserve (GroupPlacesService). */
  decline(token: string): Promise<DeclineResult> {
    return this.invitations.decline(token);
  }
}
