import type { Command } from 'commander';
import { printJson, withApp } from './cli-context';
import { say } from './cli-locale';
import { DemoService } from '../demo/demo.service';
import { StudiesService } from '../studies/studies.service';
import { allPages } from '../common/paging';

const collect = (value: string, previous: string[]) => previous.concat([value]);

export function registerStudyCommands(program: Command): void {
  const study = program.command('study').description('studies');
  study
    .command('create')
    .description('create a study with its partner organisations')
    .requiredOption('--slug <slug>', 'short name used in links, e.g. wp2a')
    .requiredOption('--title <title>', 'title')
    .option('--organisation <name>', 'a partner organisation (repeat for more)', collect, [])
    .option('--locale <locale>', 'nl or en', 'nl')
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
    .description('list studies')
    .action(async () => printJson(await withApp((app) => allPages((page) => app.get(StudiesService).list(page)))));

  program
    .command('demo')
    .description('create the demo study (wp2a) if the database has no study yet')
    .option('--with-respondents', 'also add made-up respondents, marked as demo data')
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
