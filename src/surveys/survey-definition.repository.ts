import { Inject, Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { SurveyDefinition, SurveyKind } from './survey-definition.entity';

@Injectable()
export class SurveyDefinitionRepository {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
  ) {}

  private m(manager?: EntityManager): EntityManager {
    return manager ?? this.dataSource.manager;
  }

  latest(studyId: number, kind: SurveyKind, manager?: EntityManager): Promise<SurveyDefinition | null> {
    return this.m(manager).findOne(SurveyDefinition, { where: { studyId, kind }, order: { version: 'DESC' } });
  }

  findVersion(studyId: number, kind: SurveyKind, version: number): Promise<SurveyDefinition | null> {
    return this.dataSource.manager.findOneBy(SurveyDefinition, { studyId, kind, version });
  }

  listVersions(studyId: number, kind: SurveyKind): Promise<SurveyDefinition[]> {
    return this.dataSource.manager.find(SurveyDefinition, { where: { studyId, kind }, order: { version: 'DESC' } });
  }

  insert(definition: Omit<SurveyDefinition, 'id'>, manager: EntityManager): Promise<SurveyDefinition> {
    return manager.save(manager.create(SurveyDefinition, definition));
  }

  transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.txHost.withTransaction(() => work(this.txHost.tx));
  }
}
