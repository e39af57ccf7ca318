import { Module } from '@nestjs/common';
import { StudiesModule } from '../studies/studies.module';
import { GroupMembersService } from './group-members.service';
import { GroupRepository } from './group.repository';
import { GroupsController } from './groups.controller';
import { GroupsPagesController } from './groups.pages.controller';
import { GroupsService } from './groups.service';

@Module({
  imports: [StudiesModule],
  providers: [GroupsService, GroupMembersService, GroupRepository],
  controllers: [GroupsController, GroupsPagesController],
  exports: [GroupsService, GroupRepository],
})
export class GroupsModule {}
