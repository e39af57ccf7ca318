import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuthModule } from '../auth/auth.module';
import { HomeworkModule } from '../homework/homework.module';
import { RespondentsModule } from '../respondents/respondents.module';
import { StudiesModule } from '../studies/studies.module';
import { AgreementController } from './agreement.controller';
import { AgreementPagesController } from './agreement.pages.controller';
import { AgreementService } from './agreement.service';
import { CodebookController } from './codebook.controller';
import { CodebookPagesController } from './codebook.pages.controller';
import { CodebookRepository } from './codebook.repository';
import { CodebookService, CODEBOOK_MAX_BYTES } from './codebook.service';
import { codebookRawBody } from './codebook-upload.middleware';
import { CODING_ENTITIES } from './coding.entities';
import { CodingMaterialService } from './coding-material.service';
import { CodingQueryService } from './coding-query.service';
import { CodingRepository } from './coding.repository';
import { CodingService } from './coding.service';
import { CodingWorkspaceService } from './coding-workspace.service';
import { CodingsController } from './codings.controller';
import { CodingPagesController } from './coding.pages.controller';
import { QdpxController } from './qdpx.controller';
import { QdpxService } from './qdpx.service';

/** Coding of the homework: the study's contact-reason codebook its codings (coder layers and the final one). */
@Module({
  imports: [
    TypeOrmModule.forFeature(CODING_ENTITIES),
    StudiesModule,
    AuthModule,
    HomeworkModule,
    RespondentsModule,
    MulterModule.register({ limits: { fileSize: CODEBOOK_MAX_BYTES, files: 1, fields: 10 } }),
  ],
  providers: [
    CodebookRepository,
    CodebookService,
    CodingRepository,
    CodingMaterialService,
    CodingService,
    CodingQueryService,
    CodingWorkspaceService,
    AgreementService,
    QdpxService,
  ],
  controllers: [
    CodebookController,
    CodebookPagesController,
    CodingsController,
    CodingPagesController,
    AgreementController,
    AgreementPagesController,
    QdpxController,
  ],
  exports: [CodebookService, CodingService, CodingQueryService],
})
export class CodingModule implements NestModule {
  // An import may come as the file itself instead of a multipart form.
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(codebookRawBody())
      .forRoutes({ path: 'api/studies/:slug/codebook/import', method: RequestMethod.POST });
  }
}
