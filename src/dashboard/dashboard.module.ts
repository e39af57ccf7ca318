import { Module } from '@nestjs/common';
import { GroupsModule } from '../groups/groups.module';
import { HomeworkModule } from '../homework/homework.module';
import { SchedulingModule } from '../scheduling/scheduling.module';
import { StudiesModule } from '../studies/studies.module';
import { DashboardPagesController } from './dashboard.pages.controller';
import { DashboardRepository } from './dashboard.repository';
import { DashboardService } from './dashboard.service';

/** The study pipeline view: above every module whose steps it counts and moves on. */
@Module({
  imports: [StudiesModule, GroupsModule, SchedulingModule, HomeworkModule],
  providers: [DashboardRepository, DashboardService],
  controllers: [DashboardPagesController],
})
export class DashboardModule {}
