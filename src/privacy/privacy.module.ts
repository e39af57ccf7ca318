import { Module } from '@nestjs/common';
import { CodingModule } from '../coding/coding.module';
import { GroupsModule } from '../groups/groups.module';
import { HomeworkModule } from '../homework/homework.module';
import { RespondentsModule } from '../respondents/respondents.module';
import { ErasureController } from './erasure.controller';
import { ErasurePagesController } from './erasure.pages.controller';
import { ErasureService } from './erasure.service';

/** Work on personal data that spans modules: erasure across the pipeline. */
@Module({
  imports: [RespondentsModule, GroupsModule, HomeworkModule, CodingModule],
  providers: [ErasureService],
  controllers: [ErasureController, ErasurePagesController],
  exports: [ErasureService],
})
export class PrivacyModule {}
