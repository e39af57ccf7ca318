import type { Command } from 'commander';
import { printJson, readStdin, withApp } from './cli-context';
import { AuthService } from '../auth/auth.service';
import type { Role } from '../auth/auth-user';
import { allPages } from '../common/paging';

export function registerAuthCommands(program: Command): void {
  const users = program.command('users').description('accounts');
  users
    .command('create')
    .description('create an account; the password is read from standard input')
    .requiredOption('--email <email>', 'e-mail address (the login name)')
    .requiredOption('--role <role>', 'admin, researcher or partner')
    .option('--organisation <name>', 'for partners: the organisation they belong to')
    .option('--name <name>', 'display name')
    .action(async (opts: { email: string; role: Role; organisation?: string; name?: string }) => {
      const password = await readStdin();
      const user = await withApp((app) => app.get(AuthService).createUser({ ...opts, password }, null));
      printJson(user);
    });
  users
    .command('list')
    .description('list accounts')
    .action(async () => printJson(await withApp((app) => allPages((page) => app.get(AuthService).listUsers(page)))));
}
