import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Attendance } from './attendance.entity';

/** Attendance marks: one row per member and session, changed in place when a mark is corrected. */
@Injectable()
export class AttendanceRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  marksOfSession(sessionId: number, manager?: EntityManager): Promise<Attendance[]> {
    return (manager ?? this.dataSource.manager).find(Attendance, { where: { sessionId }, order: { id: 'ASC' } });
  }

  marksOfStudy(studyId: number): Promise<Attendance[]> {
    return this.dataSource.manager.find(Attendance, { where: { studyId }, order: { id: 'ASC' } });
  }

  marksOfRespondent(respondentId: number): Promise<Attendance[]> {
    return this.dataSource.manager.find(Attendance, { where: { respondentId }, order: { id: 'ASC' } });
  }

  save(mark: Partial<Attendance>, manager: EntityManager): Promise<Attendance> {
    return manager.save(manager.create(Attendance, mark));
  }
}
