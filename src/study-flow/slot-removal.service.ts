import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AppError } from '../common/app-error';
import { SchedulingQueryService } from '../scheduling/scheduling-query.service';
import { SlotDeleterService } from '../studies/slot-deleter.service';
import { StudiesService } from '../studies/studies.service';
import type { SessionSlot } from '../studies/study';
import { StudyQueryService } from '../studies/study-query.service';

/**
 * Deleting a study's session slot, a rule across studies and scheduling: a slot a session meets in (a cancelled one
 * too, which keeps its history) stays. The study is locked from the check to the deletion, as scheduling locks it
 * while it places sessions, so neither can overtake the other.
 */
@Injectable()
export class SlotRemovalService {
  constructor(
    private readonly studies: StudiesService,
    private readonly slots: SlotDeleterService,
    private readonly studyQuery: StudyQueryService,
    private readonly scheduling: SchedulingQueryService,
  ) {}

  /** What deleting the slot would do, for the confirmation page: nothing is mailed; a slot in use is refused. */
  async preview(slug: string, id: number): Promise<{ slot: SessionSlot; sessions: number }> {
    const slot = await this.studies.slotOf(slug, id);
    return { slot, sessions: await this.scheduling.sessionsInSlot(id) };
  }

  @Transactional()
  async remove(slug: string, id: number, actor: AuthUser): Promise<void> {
    const slot = await this.studies.slotOf(slug, id);
    await this.studyQuery.lock(slot.studyId);
    if (await this.scheduling.sessionsInSlot(id)) {
      throw AppError.conflict(
        'study.slot_in_use',
        'A session uses this slot (a cancelled one is kept for its history too), so it cannot be removed. Move the session to another slot on the schedule page first.',
      );
    }
    await this.slots.removeSlot(slug, id, actor);
  }
}
