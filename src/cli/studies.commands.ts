import type { Command } from 'commander';
import { printJson, withApp } from './cli-context';
import { say } from './cli-locale';
import { DemoService } from '../demo/demo.service';
import { StudiesService } from '../studies/studies.service';
import { allPages } from '../common/paging';

const collect = (value: string, previous: string[]) => previous.concat([value]);

export function registerStudyCommands(program: Command): void {
  const study = program.command('study').description(say('cli.help.study'));
  study
    .command('create')
    .description(say('cli.help.study.create'))
    .requiredOption('--slug <slug>', say('cli.help.study.create.slug'))
    .requiredOption('--title <title>', say('cli.help.study.create.title'))
    .option('--organisation <name>', say('cli.help.study.create.organisation'), collect, [])
    .option('--locale <locale>', say('cli.help.study.create.locale'), 'nl')
    .action(async (opts: { slug: string; title: string; organisation: string[]; locale: 'nl' | 'en' }) => {
      const created = await withApp(async (app) => {
        const studies = app.get(StudiesService);
        const s = await studies.create({ slug: opts.slug, title: opts.title, locale: opts.locale }, null, {
          organisations: opts.organisation,
        });
        return studies.detail(s.slug);
      });
      printJson({ ...created.study, organisations: created.organisations.map((o) => o.organisation.name) });
    });
  study
    .command('list')
    .description(say('cli.help.study.list'))
    .action(async () => printJson(await withApp((app) => allPages((page) => app.get(StudiesService).list(page)))));

  program
    .command('demo')
    .description(say('cli.help.demo'))
    .option('--with-respondents', say('cli.help.demo.withRespondents'))
    .action(async (opts: { withRespondents?: boolean }) => {
      await withApp(async (app) => {
        const created = await app.get(DemoService).ensureDemoStudy();
        process.stdout.write(`${say(created ? 'cli.demo.created' : 'cli.demo.notAdded')}\n`);
        if (opts.withRespondents) {
          const n = await app.get(DemoService).addDemoRespondents('wp2a');
          process.stdout.write(`${say('cli.demo.respondents', { count: n })}\n`);
        }
      });
    });
}
