import { Global, Inject, Module, OnApplicationShutdown } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { APP_CONFIG, ResolvedConfig } from '../config/config.module';
import { openDataSource } from './data-source';
import { DirectSql } from './direct-sql';

@Global()
@Module({
  providers: [
    {
      provide: DataSource,
      inject: [APP_CONFIG],
      // Pending migrations run at start: the schema only changes through them, and a fresh folder just works.
      useFactory: (config: ResolvedConfig) => openDataSource(config.database, { migrate: true }),
    },
    DirectSql,
  ],
  exports: [DataSource, DirectSql],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async onApplicationShutdown(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }
}
