import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RespondentsModule } from '../respondents/respondents.module';
import { StudiesModule } from '../studies/studies.module';
import { GroupDissolverService } from './group-dissolver.service';
import { GroupMembersService } from './group-members.service';
import { GroupPlacesService } from './group-places.service';
import { GroupQueryService } from './group-query.service';
import { GroupsPageService } from './groups-page.service';
import { GroupRepository } from './group.repository';
import { GroupsController } from './groups.controller';
import { GroupsPagesController } from './groups.pages.controller';
import { GroupsService } from './groups.service';
import { GROUPS_ENTITIES } from './groups.entities';

@Module({
  imports: [TypeOrmModule.forFeature(GROUPS_ENTITIES), StudiesModule, RespondentsModule],
  providers: [
    GroupsService,
    GroupMembersService,
    GroupRepository,
    GroupQueryService,
    GroupPlacesService,
    GroupsPageService,
    GroupDissolverService,
  ],
  controllers: [GroupsController, GroupsPagesController],
  exports: [GroupsService, GroupQueryService, GroupPlacesService, GroupsPageService, GroupDissolverService],
})
export class GroupsModule {}
