import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import type { AuthUser } from '../auth/auth-user';
import { CodingService } from '../coding/coding.service';
import { GroupsService } from '../groups/groups.service';
import { HomeworkService } from '../homework/homework.service';
import { ErasedRespondent, RespondentsService } from '../respondents/respondents.service';

/**
 * Erasing a respondent across the pipeline, each respondent in one transaction: respondents removes the personal
 * data and records the erasure, groups lets them leave their group, homework removes their answers and closes their
 * link, and coding removes the codings on them.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>,
    private readonly respondents: RespondentsService,
    private readonly groups: GroupsService,
    private readonly homework: HomeworkService,
    private readonly codings: CodingService,
  ) {}

  async erase(slug: string, id: number, actor: AuthUser | null): Promise<ErasedRespondent> {
    const { studyId, respondentIds } = await this.respondents.erasable(slug, id);
    return this.eraseOne(studyId, respondentIds[0], actor);
  }

  /** Every respondent of the study with this address (a duplicate sign-up too). */
  async eraseByEmail(slug: string, email: string, actor: AuthUser | null): Promise<ErasedRespondent[]> {
    const { studyId, respondentIds } = await this.respondents.erasableByEmail(slug, email);
    const erased: ErasedRespondent[] = [];
    for (const respondentId of respondentIds) erased.push(await this.eraseOne(studyId, respondentId, actor));
    return erased;
  }

  private eraseOne(studyId: number, respondentId: number, actor: AuthUser | null): Promise<ErasedRespondent> {
    return this.txHost.withTransaction(async () => {
      const erased = await this.respondents.erasePersonalData(studyId, respondentId, actor);
      await this.groups.removeErasedRespondent(respondentId);
      await this.homework.eraseRespondent(respondentId);
      await this.codings.removeOfRespondent(respondentId, actor);
      return erased;
    });
  }
}
