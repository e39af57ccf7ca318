import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { EntityManager } from 'typeorm';
import { SurveyDefinition, SurveyKind } from './survey-definition.entity';

@Injectable()
export class SurveyDefinitionRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** The ambient transaction's manager, or the plain one outside a transaction. */
  private get manager(): EntityManager {
    return this.txHost.tx;
  }

  latest(studyId: number, kind: SurveyKind): Promise<SurveyDefinition | null> {
    return this.manager.findOne(SurveyDefinition, { where: { studyId, kind }, order: { version: 'DESC' } });
  }

  findVersion(studyId: number, kind: SurveyKind, version: number): Promise<SurveyDefinition | null> {
    return this.manager.findOneBy(SurveyDefinition, { studyId, kind, version });
  }

  listVersions(studyId: number, kind: SurveyKind): Promise<SurveyDefinition[]> {
    return this.manager.find(SurveyDefinition, { where: { studyId, kind }, order: { version: 'DESC' } });
  }

  insert(definition: Omit<SurveyDefinition, 'id'>): Promise<SurveyDefinition> {
    return this.manager.save(this.manager.create(SurveyDefinition, definition));
  }
}
