import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { RespondentStatus } from '../common/domain';
import { LifecycleReason, movableFrom } from './lifecycle';
import { RespondentRepository } from './respondent.repository';

/**
 * The one writer of a respondent's status for the other modules: groups, scheduling and the orchestrators say why
 * respondents move, and the lifecycle table decides who of them actually does. Joins the caller's transaction.
 */
@Injectable()
export class RespondentLifecycleService {
  constructor(private readonly respondents: RespondentRepository) {}

  /** Moves those of `respondentIds` whose status allows it for `reason`; returns the ids that moved. */
  @Transactional()
  move(respondentIds: readonly number[], to: RespondentStatus, reason: LifecycleReason): Promise<number[]> {
    return this.respondents.moveStatus([...respondentIds], movableFrom(reason, to), to);
  }
}
