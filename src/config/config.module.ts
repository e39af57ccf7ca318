import { Global, Module } from '@nestjs/common';
import { AppConfig } from './config';

export const APP_CONFIG = Symbol('APP_CONFIG');

/** Provides the already validated config; main.ts, the CLI and tests each build it once and pass it in. */
@Global()
@Module({})
export class ConfigModule {
  static forConfig(config: AppConfig & { sessionSecret: string }) {
    return { module: ConfigModule, providers: [{ provide: APP_CONFIG, useValue: config }], exports: [APP_CONFIG] };
  }
}

export type ResolvedConfig = AppConfig & { sessionSecret: string };
