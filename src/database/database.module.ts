import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClsPluginTransactional } from '@nestjs-cls/transactional';
import { ClsModule } from 'nestjs-cls';
import { DataSourceOptions } from 'typeorm';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { dataSourceOptions, initialiseDataSource } from './data-source';
import { DirectSql } from './direct-sql';
import { SerialisedTransactionalAdapter } from './transactions';

/**
 * The data source and the ambient transactions. Entities come from each feature module's
 * TypeOrmModule.forFeature (autoLoadEntities), so this module imports no feature.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [APP_CONFIG],
      // No retries: a database that cannot be reached at start is a configuration problem, reported at once.
      useFactory: (config: ResolvedConfig) => ({
        ...dataSourceOptions(config.database),
        autoLoadEntities: true,
        toRetry: () => false,
      }),
      // Pending migrations run at start: the schema only changes through them, and a fresh folder just works.
      dataSourceFactory: (options?: DataSourceOptions) => initialiseDataSource(options!, { migrate: true }),
    }),
    // Transactions open their own CLS context when there is none (CLI commands, the outbox worker, timers), so no
    // request middleware is needed: nothing but the transaction lives in it.
    ClsModule.forRoot({
      global: true,
      plugins: [new ClsPluginTransactional({ adapter: new SerialisedTransactionalAdapter() })],
    }),
  ],
  providers: [DirectSql],
  exports: [DirectSql],
})
export class DatabaseModule {}
