import { Injectable } from '@nestjs/common';

/** A member has just confirmed their invitation to a session. */
export interface InvitationConfirmed {
  respondentId: number;
  sessionId: number;
}

export type ConfirmationFollowUp = (confirmed: InvitationConfirmed) => Promise<unknown>;

/**
 * What follows a confirmation, inside its transaction. Modules above scheduling contribute the follow-ups (homework
 * sends its letter, so the letter is lost with a rollback like the confirmation itself); scheduling runs them without
 * knowing them, which keeps the flow of imports one way.
 */
@Injectable()
export class InvitationConfirmationsService {
  private readonly followUps: ConfirmationFollowUp[] = [];

  /** Called by a module above scheduling when it starts (onModuleInit). */
  onConfirmed(followUp: ConfirmationFollowUp): void {
    this.followUps.push(followUp);
  }

  async confirmed(confirmed: InvitationConfirmed): Promise<void> {
    for (const followUp of this.followUps) await followUp(confirmed);
  }
}
