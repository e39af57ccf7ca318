import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ensureFirstRun } from './bootstrap';
import { ConfigError } from './config/config';
import { resolveConfig } from './config/resolve-config';

async function main(): Promise<void> {
  let config;
  try {
    config = resolveConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(2);
    }
    throw err;
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), { bufferLogs: true });
  configureApp(app, config);
  const firstRun = await ensureFirstRun(app, config);
  await app.listen(config.port);
  const lines = [`kwadrant is running at ${config.baseUrl}  (database: ${config.database.type === 'postgres' ? 'PostgreSQL' : config.database.file})`];
  if (firstRun.demoCreated) lines.push(`Demo study created: ${config.baseUrl}/studies/wp2a`);
  if (firstRun.adminCreated) {
    lines.push(`Log in at ${config.baseUrl}/login as ${firstRun.adminCreated.email}`);
    lines.push(
      firstRun.adminCreated.password
        ? `  password (shown only this once): ${firstRun.adminCreated.password}`
        : '  with the password from ADMIN_PASSWORD',
    );
  }
  // Printed on stdout, not through the logger, so the one-time password never lands in log files by accident.
  process.stdout.write(lines.join('\n') + '\n');
}

void main();
