import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import { AppError } from '../common/app-error';
import { UpdateStudyDto } from './dto/study.dto';
import { assertGroupSizesFit, stripUndefined } from './studies.service';
import type { StudyStatus } from './study';
import { Study } from './study.entity';
import { StudyRepository } from './study.repository';

export interface StudySettingsChange {
  study: Study;
  /** The status before the change: closing or reopening is when the other modules must hear of it. */
  previousStatus: StudyStatus;
}

/**
 * The one writer of a study's settings, its status among them, as the settings page and `PATCH /api/studies/:slug`
 * send them. Modules that keep state per study (mail's held mail, homework's closed links) follow its status, so
 * only study-flow's StudyClosingService calls this (lint rule `study-settings-one-caller`) and tells them in the
 * same transaction.
 */
@Injectable()
export class StudySettingsService {
  constructor(
    private readonly studies: StudyRepository,
    private readonly audit: AuditService,
  ) {}

  @Transactional()
  async update(slug: string, dto: UpdateStudyDto, actor: AuthUser): Promise<StudySettingsChange> {
    const found = await this.studies.findBySlug(slug);
    if (!found) throw AppError.notFound('study', slug);
    // Two changes of one study at once (PostgreSQL) would each take the other's status for the one before.
    await this.studies.lockRow(found.id);
    const study = (await this.studies.findById(found.id))!;
    const previousStatus = study.status;
    const changes = stripUndefined(dto);
    if (changes.slug && changes.slug !== slug && (await this.studies.findBySlug(changes.slug))) {
      throw AppError.conflict(
        'study.slug_taken',
        `A study with slug "${changes.slug}" already exists; choose another slug.`,
        { slug: ['is already taken'] },
        { slug: changes.slug },
      );
    }
    const next = Object.assign(study, changes);
    assertGroupSizesFit(next);
    const saved = await this.studies.saveStudy(next);
    await this.audit.record({
      actor,
      action: 'study.update',
      studyId: study.id,
      subjectType: 'study',
      subjectId: saved.slug,
      details: { changed: Object.keys(changes) },
    });
    return { study: saved, previousStatus };
  }
}
