import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StudiesModule } from '../studies/studies.module';
import { CodebookController } from './codebook.controller';
import { CodebookPagesController } from './codebook.pages.controller';
import { CodebookRepository } from './codebook.repository';
import { CodebookService, CODEBOOK_MAX_BYTES } from './codebook.service';
import { codebookRawBody } from './codebook-upload.middleware';
import { CODING_ENTITIES } from './coding.entities';

/** Coding of the homework: the study's contact-reason codebook (and, later, codings, agreement and REFI-QDA). */
@Module({
  imports: [
    TypeOrmModule.forFeature(CODING_ENTITIES),
    StudiesModule,
    MulterModule.register({ limits: { fileSize: CODEBOOK_MAX_BYTES, files: 1, fields: 10 } }),
  ],
  providers: [CodebookRepository, CodebookService],
  controllers: [CodebookController, CodebookPagesController],
  exports: [CodebookService],
})
export class CodingModule implements NestModule {
  // An import may come as the file itself instead of a multipart form.
  configure(consumer: MiddlewareConsumer): void {
    consumer
      .apply(codebookRawBody())
      .forRoutes({ path: 'api/studies/:slug/codebook/import', method: RequestMethod.POST });
  }
}
