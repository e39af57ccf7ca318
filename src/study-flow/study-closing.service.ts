import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { HomeworkService } from '../homework/homework.service';
import { OutboxService } from '../mail/outbox.service';
import type { UpdateStudyDto } from '../studies/dto/study.dto';
import type { Study } from '../studies/study';
import { StudySettingsService } from '../studies/study-settings.service';

/**
 * A study's settings change here, because one of them, its status, matters beyond the studies module: a closed
 * study sends no more mail and its homework links close, and reopening it undoes both. Mail and homework each keep
 * their own record of that and never read the study's table; this service tells them in the same transaction as
 * the change, so they never disagree with the study.
 */
@Injectable()
export class StudyClosingService {
  constructor(
    private readonly settings: StudySettingsService,
    private readonly outbox: OutboxService,
    private readonly homework: HomeworkService,
  ) {}

  @Transactional()
  async update(slug: string, dto: UpdateStudyDto, actor: AuthUser): Promise<Study> {
    const { study, previousStatus } = await this.settings.update(slug, dto, actor);
    const wasClosed = previousStatus === 'closed';
    const isClosed = study.status === 'closed';
    if (isClosed && !wasClosed) {
      await this.outbox.holdStudy(study.id);
      await this.homework.closeLinksOfStudy(study.id);
    } else if (wasClosed && !isClosed) {
      await this.outbox.releaseStudy(study.id);
      await this.homework.reopenLinksOfStudy(study.id);
    }
    return study;
  }
}
