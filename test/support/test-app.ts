import { mkdtempSync } from 'fs';
import { join } from 'path';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { TransactionHost } from '@nestjs-cls/transactional';
import type { INestApplicationContext } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module';
import { configureApp } from '../../src/app.setup';
import { loadConfig } from '../../src/config/config';
import type { ResolvedConfig } from '../../src/config/config.module';
import { watchServerProblems } from './server-problems';
import { resetDatabase, runDir, testDatabaseConfig } from './test-database';

export interface TestApp {
  app: NestExpressApplication;
  dataSource: DataSource;
  config: ResolvedConfig;
  close(): Promise<void>;
}

export function testConfig(overrides: Partial<ResolvedConfig> = {}): ResolvedConfig {
  const dataDir = mkdtempSync(join(runDir(), 'data-'));
  return {
    ...loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' }),
    database: testDatabaseConfig(),
    sessionSecret: 'test-secret-test-secret-test-secret-1234',
    // Tests run the outbox worker themselves, so no background loop changes rows under them.
    mailWorker: false,
    // Every test talks from 127.0.0.1: limits per address are tested on their own (screener-access.e2e-spec.ts).
    rateLimits: { screenerSubmissions: 100_000, screenerPages: 100_000, windowMinutes: 60 },
    ...overrides,
  };
}

/** The real application (same module, same setup as main.ts) on a clean test database. */
export async function createTestApp(overrides: Partial<ResolvedConfig> = {}): Promise<TestApp> {
  const config = testConfig(overrides);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    logger: false,
    bodyParser: false,
  });
  configureApp(app, config);
  watchServerProblems(app);
  await app.init();
  const dataSource = app.get(DataSource);
  await resetDatabase(dataSource);
  return { app, dataSource, config, close: () => app.close() };
}

/** Runs `work` as one unit of work of the application's (its ambient transaction), as a service method would. */
export function inTransaction<T>(t: { app: INestApplicationContext }, work: () => Promise<T>): Promise<T> {
  return t.app.get(TransactionHost).withTransaction(work);
}
