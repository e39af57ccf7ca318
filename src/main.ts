import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { AppModule } from './app.module';
import { configureApp } from './app.setup';
import { ensureFirstRun } from './bootstrap';
import { configErrorText } from './common/config-error-text';
import { environmentLocale } from './common/environment-locale';
import { ConfigError } from './config/config';
import { resolveConfig } from './config/resolve-config';
import { startupMessage } from './startup-message';

async function main(): Promise<void> {
  let config;
  try {
    config = resolveConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      // No logger exists yet: the operator reads what is wrong with the configuration on stderr. The settings are
      // read before anything else, so no request has a language yet: the refusal is said in the process's own,
      // chosen as the command line chooses it (KWADRANT_LANG, else LANG; Dutch by default).
      process.stderr.write(`${configErrorText(err, environmentLocale(process.env))}\n`);
      process.exit(2);
    }
    throw err;
  }
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  configureApp(app, config);
  const firstRun = await ensureFirstRun(app, config);
  await app.listen(config.port);
  const database = config.database.type === 'postgres' ? 'PostgreSQL' : config.database.file;
  // Printed on stdout, not through the logger, so the one-time password never lands in log files by accident.
  process.stdout.write(startupMessage({ baseUrl: config.baseUrl, database, firstRun }));
}

void main();
