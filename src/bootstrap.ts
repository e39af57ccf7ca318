import type { INestApplicationContext } from '@nestjs/common';
import { AuthService } from './auth/auth.service';
import { generatePassword } from './auth/password';
import type { ResolvedConfig } from './config/config.module';
import { DemoService } from './demo/demo.service';

export interface FirstRun {
  adminCreated?: { email: string; password?: string };
  demoCreated: boolean;
}

/** On an empty database: an admin account (from ADMIN_EMAIL/ADMIN_PASSWORD or generated) and the demo study. */
export async function ensureFirstRun(app: INestApplicationContext, config: ResolvedConfig): Promise<FirstRun> {
  const auth = app.get(AuthService);
  const result: FirstRun = { demoCreated: false };
  if ((await auth.countUsers()) === 0) {
    const email = config.adminEmail ?? 'admin@kwadrant.local';
    const password = config.adminPassword ?? generatePassword();
    await auth.createUser({ email, name: 'Beheerder', role: 'admin', password }, null);
    result.adminCreated = { email, password: config.adminPassword ? undefined : password };
  }
  result.demoCreated = await app.get(DemoService).ensureDemoStudy();
  return result;
}
