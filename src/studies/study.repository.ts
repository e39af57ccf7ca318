import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { Organisation } from './organisation.entity';
import { SessionSlot } from './session-slot.entity';
import { Study } from './study.entity';
import { StudyLogo } from './study-logo.entity';
import { StudyOrganisation } from './study-organisation.entity';

/** The study aggregate: the study, its partner organisations and its session slots. */
@Injectable()
export class StudyRepository {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  findBySlug(slug: string, manager?: EntityManager): Promise<Study | null> {
    return this.m(manager).findOneBy(Study, { slug });
  }

  /** One page of studies, newest first, and how many there are. */
  async listPage(offset: number, limit: number): Promise<{ items: Study[]; total: number }> {
    const [items, total] = await this.dataSource.manager.findAndCount(Study, { order: { createdAt: 'DESC', id: 'DESC' }, skip: offset, take: limit });
    return { items, total };
  }

  count(): Promise<number> {
    return this.dataSource.manager.count(Study);
  }

  insertStudy(study: Omit<Study, 'id'>, manager: EntityManager): Promise<Study> {
    return manager.save(manager.create(Study, study));
  }

  saveStudy(study: Study, manager: EntityManager): Promise<Study> {
    return manager.save(study);
  }

  organisationsOf(studyId: number, manager?: EntityManager): Promise<StudyOrganisation[]> {
    return this.m(manager).find(StudyOrganisation, { where: { studyId }, order: { position: 'ASC', id: 'ASC' } });
  }

  findStudyOrganisation(studyId: number, id: number, manager?: EntityManager): Promise<StudyOrganisation | null> {
    return this.m(manager).findOneBy(StudyOrganisation, { studyId, id });
  }

  /** Organisations are shared between studies by name; the first study to name one creates it. */
  async findOrCreateOrganisation(name: string, manager: EntityManager): Promise<Organisation> {
    const existing = await manager.findOneBy(Organisation, { name });
    return existing ?? manager.save(manager.create(Organisation, { name }));
  }

  saveStudyOrganisation(link: Partial<StudyOrganisation>, manager: EntityManager): Promise<StudyOrganisation> {
    return manager.save(manager.create(StudyOrganisation, link));
  }

  deleteStudyOrganisation(id: number, manager: EntityManager) {
    return manager.delete(StudyOrganisation, { id });
  }

  slotsOf(studyId: number, manager?: EntityManager): Promise<SessionSlot[]> {
    return this.m(manager).find(SessionSlot, { where: { studyId }, order: { startsAt: 'ASC', id: 'ASC' } });
  }

  findSlot(studyId: number, id: number): Promise<SessionSlot | null> {
    return this.dataSource.manager.findOneBy(SessionSlot, { studyId, id });
  }

  saveSlot(slot: Partial<SessionSlot>, manager: EntityManager): Promise<SessionSlot> {
    return manager.save(manager.create(SessionSlot, slot));
  }

  deleteSlot(id: number, manager: EntityManager) {
    return manager.delete(SessionSlot, { id });
  }

  findLogo(studyId: number): Promise<StudyLogo | null> {
    return this.dataSource.manager.findOneBy(StudyLogo, { studyId });
  }

  /** When the logo last changed, without reading the image: pages put it in the logo's address. */
  async logoVersion(studyId: number): Promise<number | null> {
    const row = await this.dataSource.manager.findOne(StudyLogo, { select: { studyId: true, updatedAt: true }, where: { studyId } });
    return row ? row.updatedAt.getTime() : null;
  }

  saveLogo(logo: StudyLogo, manager: EntityManager): Promise<StudyLogo> {
    return manager.save(manager.create(StudyLogo, logo));
  }

  deleteLogo(studyId: number, manager: EntityManager) {
    return manager.delete(StudyLogo, { studyId });
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.txHost.withTransaction(() => work(this.txHost.tx));
  }

  /** Labels for other modules' pages (StudyDirectory): id, slug and title, by title. */
  studyLabels(ids?: number[]): Promise<Pick<Study, 'id' | 'slug' | 'title'>[]> {
    return this.dataSource.manager.find(Study, { select: { id: true, slug: true, title: true }, where: ids ? { id: In(ids) } : {}, order: { title: 'ASC' } });
  }

  organisationLabels(ids?: number[]): Promise<Organisation[]> {
    return this.dataSource.manager.find(Organisation, { where: ids ? { id: In(ids) } : {}, order: { name: 'ASC' } });
  }

  findOrganisationByName(name: string): Promise<Organisation | null> {
    return this.dataSource.manager.findOneBy(Organisation, { name });
  }
}
