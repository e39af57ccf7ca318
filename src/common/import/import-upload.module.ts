import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import { APP_CONFIG, ResolvedConfig } from '../../config/config.module';
import { IMPORT_LIMITS } from './import-limits';

/**
 * What every module with a file import needs: the validated IMPORT_MAX_* limits, and multer held to them (one
 * file per upload, no bigger than IMPORT_MAX_BYTES: multer stops reading past it).
 */
@Module({
  imports: [
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: ResolvedConfig) => ({ limits: { fileSize: config.imports.maxBytes, files: 1, fields: 10 } }),
    }),
  ],
  providers: [{ provide: IMPORT_LIMITS, inject: [APP_CONFIG], useFactory: (config: ResolvedConfig) => config.imports }],
  exports: [IMPORT_LIMITS, MulterModule],
})
export class ImportUploadModule {}
