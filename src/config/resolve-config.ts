import { loadConfig } from './config';
import type { ResolvedConfig } from './config.module';
import { resolveSessionSecret } from './session-secret';

/** Reads and validates the environment; generates and keeps the session secret when none is given. */
export function resolveConfig(env: Record<string, string | undefined> = process.env): ResolvedConfig {
  const config = loadConfig(env);
  return { ...config, sessionSecret: resolveSessionSecret(config.sessionSecret, config.dataDir) };
}
