import { Injectable } from '@nestjs/common';
import { TransactionHost } from '@nestjs-cls/transactional';
import { TransactionalAdapterTypeOrm } from '@nestjs-cls/transactional-adapter-typeorm';
import { EntityManager } from 'typeorm';
import { Attendance } from './attendance.entity';

/** Attendance marks: one row per member and session, changed in place when a mark is corrected. */
@Injectable()
export class AttendanceRepository {
  constructor(private readonly txHost: TransactionHost<TransactionalAdapterTypeOrm>) {}

  /** The ambient transaction's manager, or the plain one outside a transaction. */
  private get manager(): EntityManager {
    return this.txHost.tx;
  }

  marksOfSession(sessionId: number): Promise<Attendance[]> {
    return this.manager.find(Attendance, { where: { sessionId }, order: { id: 'ASC' } });
  }

  marksOfStudy(studyId: number): Promise<Attendance[]> {
    return this.manager.find(Attendance, { where: { studyId }, order: { id: 'ASC' } });
  }

  marksOfRespondent(respondentId: number): Promise<Attendance[]> {
    return this.manager.find(Attendance, { where: { respondentId }, order: { id: 'ASC' } });
  }

  save(mark: Partial<Attendance>): Promise<Attendance> {
    return this.manager.save(this.manager.create(Attendance, mark));
  }
}
