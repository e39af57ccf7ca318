import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { EntityManager, In } from 'typeorm';
import { Organisation } from './organisation.entity';
import { SessionSlot } from './session-slot.entity';
import { Study } from './study.entity';
import { StudyLogo } from './study-logo.entity';
import { StudyOrganisation } from './study-organisation.entity';

/** The study aggregate: the study, its partner organisations and its session slots. */
@Injectable()
export class StudyRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** The ambient transaction's manager, or the plain one outside a transaction. */
  private get manager(): EntityManager {
    return this.txHost.tx;
  }

  findBySlug(slug: string): Promise<Study | null> {
    return this.manager.findOneBy(Study, { slug });
  }

  /** Locks the study's row for the rest of the transaction on PostgreSQL; SQLite runs one transaction at a time. */
  async lockRow(id: number): Promise<void> {
    if (this.manager.connection.options.type !== 'postgres') return;
    await this.manager
      .createQueryBuilder(Study, 's')
      .select('s.id')
      .where({ id })
      .setLock('pessimistic_write')
      .getOne();
  }

  findById(id: number): Promise<Study | null> {
    return this.manager.findOneBy(Study, { id });
  }

  /** The studies an organisation takes part in, newest first. */
  studiesOfOrganisation(organisationId: number): Promise<Study[]> {
    return this.manager
      .createQueryBuilder(Study, 's')
      .innerJoin(StudyOrganisation, 'so', 'so.study_id = s.id AND so.organisation_id = :organisationId', {
        organisationId,
      })
      .orderBy('s.created_at', 'DESC')
      .addOrderBy('s.id', 'DESC')
      .getMany();
  }

  /** One page of studies, newest first, and how many there are. */
  async listPage(offset: number, limit: number): Promise<{ items: Study[]; total: number }> {
    const [items, total] = await this.manager.findAndCount(Study, {
      order: { createdAt: 'DESC', id: 'DESC' },
      skip: offset,
      take: limit,
    });
    return { items, total };
  }

  count(): Promise<number> {
    return this.manager.count(Study);
  }

  insertStudy(study: Omit<Study, 'id'>): Promise<Study> {
    return this.manager.save(this.manager.create(Study, study));
  }

  saveStudy(study: Study): Promise<Study> {
    return this.manager.save(study);
  }

  organisationsOf(studyId: number): Promise<StudyOrganisation[]> {
    return this.manager.find(StudyOrganisation, { where: { studyId }, order: { position: 'ASC', id: 'ASC' } });
  }

  /** The link of one organisation to one study (by the organisation's id, not the link's). */
  findPartner(studyId: number, organisationId: number): Promise<StudyOrganisation | null> {
    return this.manager.findOneBy(StudyOrganisation, { studyId, organisationId });
  }

  findStudyOrganisation(studyId: number, id: number): Promise<StudyOrganisation | null> {
    return this.manager.findOneBy(StudyOrganisation, { studyId, id });
  }

  /** Organisations are shared between studies by name; the first study to name one creates it. */
  async findOrCreateOrganisation(name: string): Promise<Organisation> {
    const existing = await this.manager.findOneBy(Organisation, { name });
    return existing ?? this.manager.save(this.manager.create(Organisation, { name }));
  }

  saveStudyOrganisation(link: Partial<StudyOrganisation>): Promise<StudyOrganisation> {
    return this.manager.save(this.manager.create(StudyOrganisation, link));
  }

  deleteStudyOrganisation(id: number) {
    return this.manager.delete(StudyOrganisation, { id });
  }

  slotsOf(studyId: number): Promise<SessionSlot[]> {
    return this.manager.find(SessionSlot, { where: { studyId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  slotsByIds(ids: number[]): Promise<SessionSlot[]> {
    if (!ids.length) return Promise.resolve([]);
    return this.manager.find(SessionSlot, { where: { id: In([...new Set(ids)]) } });
  }

  slotById(id: number): Promise<SessionSlot | null> {
    return this.manager.findOneBy(SessionSlot, { id });
  }

  countSlots(studyId: number): Promise<number> {
    return this.manager.countBy(SessionSlot, { studyId });
  }

  findSlot(studyId: number, id: number): Promise<SessionSlot | null> {
    return this.manager.findOneBy(SessionSlot, { studyId, id });
  }

  saveSlot(slot: Partial<SessionSlot>): Promise<SessionSlot> {
    return this.manager.save(this.manager.create(SessionSlot, slot));
  }

  deleteSlot(id: number) {
    return this.manager.delete(SessionSlot, { id });
  }

  findLogo(studyId: number): Promise<StudyLogo | null> {
    return this.manager.findOneBy(StudyLogo, { studyId });
  }

  /** When the logo last changed, without reading the image: pages put it in the logo's address. */
  async logoVersion(studyId: number): Promise<number | null> {
    const row = await this.manager.findOne(StudyLogo, {
      select: { studyId: true, updatedAt: true },
      where: { studyId },
    });
    return row ? row.updatedAt.getTime() : null;
  }

  saveLogo(logo: StudyLogo): Promise<StudyLogo> {
    return this.manager.save(this.manager.create(StudyLogo, logo));
  }

  deleteLogo(studyId: number) {
    return this.manager.delete(StudyLogo, { studyId });
  }

  /** Labels for other modules' pages (StudyDirectory): id, slug and title, by title. */
  studyLabels(ids?: number[]): Promise<Pick<Study, 'id' | 'slug' | 'title'>[]> {
    return this.manager.find(Study, {
      select: { id: true, slug: true, title: true },
      where: ids ? { id: In(ids) } : {},
      order: { title: 'ASC' },
    });
  }

  organisationLabels(ids?: number[]): Promise<Organisation[]> {
    return this.manager.find(Organisation, { where: ids ? { id: In(ids) } : {}, order: { name: 'ASC' } });
  }

  findOrganisationByName(name: string): Promise<Organisation | null> {
    return this.manager.findOneBy(Organisation, { name });
  }
}
