import type { Command } from 'commander';
import { say } from './cli-locale';
import { printJson, readStdin, withApp } from './cli-context';
import { AuthService } from '../auth/auth.service';
import type { Role } from '../auth/auth-user';
import { allPages } from '../common/paging';

export function registerAuthCommands(program: Command): void {
  const users = program.command('users').description(say('cli.help.users'));
  users
    .command('create')
    .description(say('cli.help.users.create'))
    .requiredOption('--email <email>', say('cli.help.users.create.email'))
    .requiredOption('--role <role>', say('cli.help.users.create.role'))
    .option('--organisation <name>', say('cli.help.users.create.organisation'))
    .option('--name <name>', say('cli.help.users.create.name'))
    .action(async (opts: { email: string; role: Role; organisation?: string; name?: string }) => {
      const password = await readStdin();
      const user = await withApp((app) => app.get(AuthService).createUser({ ...opts, password }, null));
      printJson(user);
    });
  users
    .command('list')
    .description(say('cli.help.users.list'))
    .action(async () => printJson(await withApp((app) => allPages((page) => app.get(AuthService).listUsers(page)))));
}
