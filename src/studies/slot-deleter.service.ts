import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { StudyRepository } from './study.repository';

/**
 * Deletes a study's session slot. It does not ask whether a session meets in the slot (scheduling's to say, above
 * studies), so only study-flow's SlotRemovalService calls it, after asking under the study's lock (lint rule
 * `slot-deleter-one-caller`).
 */
@Injectable()
export class SlotDeleterService {
  constructor(
    private readonly studies: StudyRepository,
    private readonly audit: AuditService,
  ) {}

  @Transactional()
  async removeSlot(slug: string, id: number, actor: AuthUser): Promise<void> {
    const study = await this.studies.findBySlug(slug);
    if (!study) throw AppError.notFound('study', slug);
    const slot = await this.studies.findSlot(study.id, id);
    if (!slot) throw AppError.notFound('session_slot', id);
    await this.studies.deleteSlot(id);
    await this.audit.record({
      actor,
      action: 'study.slot_remove',
      studyId: study.id,
      subjectType: 'session_slot',
      subjectId: id,
    });
  }
}
