import { Injectable, OnModuleInit } from '@nestjs/common';
import { InvitationConfirmationsService } from '../scheduling/invitation-confirmations.service';
import { HomeworkService } from './homework.service';

/**
 * Confirming an invitation is what sends the personal homework letter (Bijlage 4). Scheduling lies below homework, so
 * homework hands scheduling this follow-up at start-up; it runs inside the confirmation's transaction.
 */
@Injectable()
export class ConfirmationLettersService implements OnModuleInit {
  constructor(
    private readonly confirmations: InvitationConfirmationsService,
    private readonly homework: HomeworkService,
  ) {}

  onModuleInit(): void {
    this.confirmations.onConfirmed(({ respondentId, sessionId }) =>
      this.homework.assignForConfirmedMember(respondentId, sessionId),
    );
  }
}
