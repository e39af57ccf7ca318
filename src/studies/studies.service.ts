import { Injectable } from '@nestjs/common';
import { Transactional } from '@nestjs-cls/transactional';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from '../audit/audit.service';
import type { Page } from '../common/paging';
import { AppError } from '../common/app-error';
import { CreateStudyDto, OrganisationDto, SlotDto, UpdateOrganisationDto } from './dto/study.dto';
import { SessionSlot } from './session-slot.entity';
import { Study } from './study.entity';
import { StudyOrganisation } from './study-organisation.entity';
import { StudyRepository } from './study.repository';
import { GroupSizeSettings, groupSizeProblems, resolveSlot, SLOT_PROBLEM_TEXT, slotModeOf } from './study-rules';

export interface StudyDetail {
  study: Study;
  organisations: StudyOrganisation[];
  slots: SessionSlot[];
}

/** Studies, their partner organisations and slots. A study's settings and status change through StudySettingsService. */
@Injectable()
export class StudiesService {
  constructor(
    private readonly studies: StudyRepository,
    private readonly audit: AuditService,
  ) {}

  /** Whether the database holds any study at all (the demo study is created only on an empty one). */
  async any(): Promise<boolean> {
    return (await this.studies.count()) > 0;
  }

  async list(page: { offset: number; limit: number }): Promise<Page<Study>> {
    return { ...(await this.studies.listPage(page.offset, page.limit)), offset: page.offset, limit: page.limit };
  }

  /** The study, or null when there is none with this slug (the screener answers an unknown study like a closed one). */
  find(slug: string): Promise<Study | null> {
    return this.studies.findBySlug(slug);
  }

  /** The study's partner organisations, in their order. */
  organisationsOf(studyId: number): Promise<StudyOrganisation[]> {
    return this.studies.organisationsOf(studyId);
  }

  async get(slug: string): Promise<Study> {
    const study = await this.studies.findBySlug(slug);
    if (!study) throw AppError.notFound('study', slug);
    return study;
  }

  async detail(slug: string): Promise<StudyDetail> {
    const study = await this.get(slug);
    const [organisations, slots] = await Promise.all([
      this.studies.organisationsOf(study.id),
      this.studies.slotsOf(study.id),
    ]);
    return { study, organisations, slots };
  }

  @Transactional()
  async create(
    dto: CreateStudyDto,
    actor: AuthUser | null,
    opts: { organisations?: string[]; isDemo?: boolean } = {},
  ): Promise<Study> {
    const settings = {
      groupTargetSize: 3,
      groupMinSize: 2,
      groupMaxSize: 4,
      groupsPerQuadrant: 1,
      reservesPerGroup: 1,
      homeworkLeadDays: 7,
      sessionMinutes: 120,
      partnerMinCount: 5,
      ...stripUndefined(dto),
    };
    assertGroupSizesFit(settings);
    if (await this.studies.findBySlug(dto.slug))
      throw AppError.conflict(
        'study.slug_taken',
        `A study with slug "${dto.slug}" already exists; choose another slug.`,
        { slug: ['is already taken'] },
        { slug: dto.slug },
      );
    const study = await this.studies.insertStudy({
      ...settings,
      slug: dto.slug,
      title: dto.title.trim(),
      description: dto.description?.trim() ?? '',
      locale: dto.locale ?? 'nl',
      status: dto.status ?? 'draft',
      returnAddress: dto.returnAddress ?? '',
      helpPhone: dto.helpPhone ?? '',
      researchOrganisation: dto.researchOrganisation?.trim() ?? '',
      privacyUrl: dto.privacyUrl?.trim() ?? '',
      helpEmail: dto.helpEmail?.trim() ?? '',
      isDemo: opts.isDemo ?? false,
      createdAt: new Date(),
    });
    for (const name of opts.organisations ?? []) await this.linkOrganisation(study, { name });
    await this.audit.record({
      actor,
      action: 'study.create',
      studyId: study.id,
      subjectType: 'study',
      subjectId: study.slug,
      details: { organisations: opts.organisations ?? [] },
    });
    return study;
  }

  @Transactional()
  async addOrganisation(slug: string, dto: OrganisationDto, actor: AuthUser): Promise<StudyOrganisation> {
    const study = await this.get(slug);
    const link = await this.linkOrganisation(study, dto);
    await this.audit.record({
      actor,
      action: 'study.organisation_add',
      studyId: study.id,
      subjectType: 'organisation',
      subjectId: link.organisationId,
      details: { name: dto.name },
    });
    return link;
  }

  @Transactional()
  async updateOrganisation(
    slug: string,
    id: number,
    dto: UpdateOrganisationDto,
    actor: AuthUser,
  ): Promise<StudyOrganisation> {
    const study = await this.get(slug);
    const link = await this.studies.findStudyOrganisation(study.id, id);
    if (!link) throw AppError.notFound('study_organisation', id);
    if (dto.name && dto.name.trim() !== link.organisation.name) {
      const org = await this.studies.findOrCreateOrganisation(dto.name.trim());
      link.organisationId = org.id;
      link.organisation = org;
    }
    if (dto.contactName !== undefined) link.contactName = dto.contactName || null;
    if (dto.contactEmail !== undefined) link.contactEmail = dto.contactEmail || null;
    if (dto.contactPhone !== undefined) link.contactPhone = dto.contactPhone || null;
    const saved = await this.studies.saveStudyOrganisation(link);
    await this.audit.record({
      actor,
      action: 'study.organisation_update',
      studyId: study.id,
      subjectType: 'organisation',
      subjectId: link.organisationId,
    });
    return saved;
  }

  @Transactional()
  async removeOrganisation(slug: string, id: number, actor: AuthUser): Promise<void> {
    const study = await this.get(slug);
    const link = await this.studies.findStudyOrganisation(study.id, id);
    if (!link) throw AppError.notFound('study_organisation', id);
    await this.studies.deleteStudyOrganisation(id);
    await this.audit.record({
      actor,
      action: 'study.organisation_remove',
      studyId: study.id,
      subjectType: 'organisation',
      subjectId: link.organisationId,
      details: { name: link.organisation.name },
    });
  }

  @Transactional()
  async addSlot(slug: string, dto: SlotDto, actor: AuthUser): Promise<SessionSlot> {
    const study = await this.get(slug);
    const resolved = resolveSlot(dto, study.sessionMinutes, new Date());
    if ('problems' in resolved) {
      const problems = Object.fromEntries(
        Object.entries(resolved.problems).map(([field, codes]) => [field, codes.map((c) => SLOT_PROBLEM_TEXT[c] ?? c)]),
      );
      // Pages word each problem code next to its field (slotProblem.<code>); the API reads the English.
      const codes = Object.fromEntries(
        Object.entries(resolved.problems).map(([field, list]) => [
          field,
          list.map((c) => ({ key: `slotProblem.${c}` })),
        ]),
      );
      throw AppError.invalid(
        'study.slot_invalid',
        `Please correct: ${Object.entries(problems)
          .map(([f, p]) => `${f} (${p.join('; ')})`)
          .join(', ')}.`,
        problems,
        {
          problems: Object.entries(problems)
            .map(([f, p]) => `${f} (${p.join('; ')})`)
            .join(', '),
        },
      ).withProblems(codes);
    }
    const slot = await this.studies.saveSlot({ studyId: study.id, ...resolved.slot, capacity: dto.capacity ?? null });
    await this.audit.record({
      actor,
      action: 'study.slot_add',
      studyId: study.id,
      subjectType: 'session_slot',
      subjectId: slot.id,
      details: { mode: slotModeOf(slot) },
    });
    return slot;
  }

  /** The study's slot, or a 404 when the study has no slot with this id. */
  async slotOf(slug: string, id: number): Promise<SessionSlot> {
    const study = await this.get(slug);
    const slot = await this.studies.findSlot(study.id, id);
    if (!slot) throw AppError.notFound('session_slot', id);
    return slot;
  }

  async organisationLink(slug: string, id: number): Promise<StudyOrganisation> {
    const study = await this.get(slug);
    const link = await this.studies.findStudyOrganisation(study.id, id);
    if (!link) throw AppError.notFound('study_organisation', id);
    return link;
  }

  /** For seeding: slots without per-call audit noise beyond the study's creation. */
  @Transactional()
  async addSlotsUnaudited(
    study: Study,
    slots: Pick<SessionSlot, 'startsAt' | 'endsAt' | 'onlineUrl' | 'location'>[],
  ): Promise<void> {
    for (const s of slots) await this.studies.saveSlot({ ...s, studyId: study.id, capacity: null });
  }

  private async linkOrganisation(study: Study, dto: OrganisationDto): Promise<StudyOrganisation> {
    const name = dto.name.trim();
    const org = await this.studies.findOrCreateOrganisation(name);
    const existing = await this.studies.organisationsOf(study.id);
    if (existing.some((l) => l.organisationId === org.id)) {
      throw AppError.conflict(
        'study.organisation_exists',
        `${name} is already a partner in this study.`,
        { name: ['is already a partner in this study'] },
        { name },
      );
    }
    return this.studies.saveStudyOrganisation({
      studyId: study.id,
      organisationId: org.id,
      organisation: org,
      contactName: dto.contactName ?? null,
      contactEmail: dto.contactEmail ?? null,
      contactPhone: dto.contactPhone ?? null,
      position: existing.length,
    });
  }
}

export function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** Group sizes that do not fit together; pages word them next to the field (formProblem.groupSize.*). */
export function assertGroupSizesFit(settings: GroupSizeSettings): void {
  const problems = groupSizeProblems(settings);
  const fields = Object.keys(problems);
  if (fields.length) {
    const key = (field: string) =>
      `formProblem.groupSize.${field === 'groupMinSize' ? 'minAboveTarget' : 'maxBelowTarget'}`;
    throw AppError.invalid(
      'validation.failed',
      `Please correct: ${fields.map((f) => `${f} (${problems[f].join('; ')})`).join(', ')}.`,
      problems,
      {
        problems: fields.map((f) => `${f} (${problems[f].join('; ')})`).join(', '),
      },
    ).withProblems(
      Object.fromEntries(fields.map((f) => [f, [{ key: key(f), vars: { target: settings.groupTargetSize } }]])),
    );
  }
}
