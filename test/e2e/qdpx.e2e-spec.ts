// REFI-QDA projects end to end: the download and `kwadrant qdpx export` (schema-valid, pseudonymised, audited),
// and the round trip through another tool: export → the project as a QDA tool saves it after coding (renamed
// .qde, braced GUIDs, CR LF sources, lower-case sources/ folder, a new code and a user it has not seen) →
// `kwadrant qdpx import` → the same codings, plus the new code and the new coder.
import { mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { User } from '../../src/auth/user.entity';
import { CodebookService } from '../../src/coding/codebook.service';
import { CodingQueryService } from '../../src/coding/coding-query.service';
import { Coding } from '../../src/coding/coding.entity';
import { CodingService } from '../../src/coding/coding.service';
import { coderEmail } from '../../src/coding/qdpx-import';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { Respondent } from '../../src/respondents/respondent.entity';
import { runCli } from '../support/cli';
import { codingAnswers, CodingFixture, createCodingStudy } from '../support/coding-factories';
import { createUser } from '../support/factories';
import { credentialsOf } from '../support/homework-factories';
import { Agent, download, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';
import { runDir } from '../support/test-database';
import { validateXml } from '../support/xml-schema';
import { unzipAll, zipOf } from '../support/zip';

const GUID = /[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}/g;
const STRANGER = '0F0E0D0C-0B0A-4908-8706-050403020100';
const NEW_CODE = '11111111-2222-4333-8444-555555555555';

/** A code point position of our LF text as a tool counts it in its CR LF copy: one more per line break before. */
const crlfPosition = (text: string, position: number) =>
  position + [...text].slice(0, position).filter((c) => c === '\n').length;

/** Our export as a QDA tool saves it after a coder added one coding with a new code under "Informatie". */
async function asAnotherTool(archive: Buffer, span: { respondent: string; words: string }): Promise<Buffer> {
  const files = await unzipAll(archive);
  let xml = files.get('project.qde')!.toString('utf8');
  const texts = new Map<string, string>();
  for (const [name, bytes] of files)
    if (name.startsWith('Sources/')) texts.set(name.slice('Sources/'.length, -'.txt'.length), bytes.toString('utf8'));
  xml = xml.replace(/<TextSource guid="([^"]+)"[\s\S]*?<\/TextSource>/g, (block, guid: string) =>
    block.replace(
      /(startPosition|endPosition)="(\d+)"/g,
      (_, attr: string, n: string) => `${attr}="${crlfPosition(texts.get(guid)!, Number(n))}"`,
    ),
  );
  const source = new RegExp(`<TextSource guid="(${GUID.source})" name="${span.respondent}"`).exec(xml)![1];
  const text = texts.get(source)!;
  const from = [...text.slice(0, text.indexOf(span.words))].length;
  const to = from + [...span.words].length;
  xml = xml.replace(GUID, (guid) => `{${guid.toLowerCase()}}`);
  xml = xml.replace(
    /(<Code [^>]*name="Informatie"[^>]*>)/,
    `$1\n<Code guid="{${NEW_CODE}}" name="Storing melden" isCodable="true" color="#FF336699"/>`,
  );
  xml = xml.replace(
    new RegExp(`(<TextSource guid="\\{${source.toLowerCase()}\\}"[^>]*>)`),
    `$1<PlainTextSelection guid="{99999999-8888-4777-8666-555555555555}" name="${span.words}" ` +
      `startPosition="${crlfPosition(text, from)}" endPosition="${crlfPosition(text, to)}">` +
      `<Coding guid="{99999999-8888-4777-8666-444444444444}" creatingUser="{${STRANGER}}"><CodeRef targetGUID="{${NEW_CODE}}"/></Coding>` +
      '</PlainTextSelection>',
  );
  xml = xml.replace(/<Users>/, `<Users><User guid="{${STRANGER}}" name="Extern Codeur"/>`).replace(/\n/g, '\r\n');
  expect(validateXml(xml).errors).toEqual([]);
  const entries: Record<string, string> = { 'Dienstverlening (gecodeerd).qde': xml };
  for (const [guid, t] of texts) entries[`sources/{${guid.toLowerCase()}}.txt`] = t.replace(/\n/g, '\r\n');
  return zipOf(entries);
}

describe('REFI-QDA projects (.qdpx)', () => {
  let t: TestApp;
  let fx: CodingFixture;
  let researcher: Agent;
  let partner: Agent;
  const secrets: string[] = [];
  const dir = mkdtempSync(join(runDir(), 'qdpx-cli-'));
  const env = () => ({
    DATA_DIR: dir,
    DATABASE_URL: t.config.database.type === 'postgres' ? t.config.database.url : `sqlite:${t.config.database.file}`,
    SESSION_SECRET: t.config.sessionSecret,
  });

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createCodingStudy(t, { members: 3, slug: 'uitwisseling' });
    // A phone number, the private link's token and the letter's code typed into an answer, besides name and e-mail.
    const first = fx.members[0];
    await t.dataSource.getRepository(Respondent).update(first.id, { phone: '06-12345678' });
    const { token, code } = await credentialsOf(t, first.id);
    const answers = {
      ...codingAnswers(1, { firstName: first.firstName!, email: first.email! }),
      contactWhat: `Ik heb gebeld (06 1234 5678) en later gemaild; code ${code}, link ${token}.`,
    };
    await t.dataSource.getRepository(HomeworkAssignment).update(fx.assignments[0].id, { submitted: answers });
    for (const m of fx.members) secrets.push(m.firstName!, m.email!);
    secrets.push('06-12345678', '1234 5678', token, code);

    await t.app
      .get(CodebookService)
      .add(
        fx.study.slug,
        { cat1: 'Consument', cat2: 'Informatie', cat3: 'Aanslag', tekstId: 'CONS_INFO_AANS' },
        null,
        'nl',
      );
    ({ codes: fx.codes } = await t.app.get(CodebookService).codebook(fx.study.slug));
    const a = await createUser(t.dataSource, { role: 'researcher', name: 'Coder A' });
    const b = await createUser(t.dataSource, { role: 'researcher', name: 'Coder B' });
    const code_ = (tekstId: string) => fx.codes.find((c) => c.tekstId === tekstId)!.id!;
    const apply = (
      coder: typeof a,
      i: number,
      question: string,
      start: number,
      end: number,
      tekstId: string,
      memo?: string,
    ) =>
      t.app.get(CodingService).apply(
        {
          studyId: fx.study.id,
          assignmentId: fx.assignments[i].id,
          question,
          start,
          end,
          codeId: code_(tekstId),
          coderId: coder.id,
          memo,
        },
        coder,
      );
    // "Ik belde de klantenservice over mijn aanslag (1)." and the emoji answer of R02.
    await apply(a, 0, 'contactMoments', 3, 8, 'OORZAAK_FOUT', 'Belde zelf');
    await apply(b, 0, 'contactMoments', 3, 8, 'OORZAAK_FOUT');
    await apply(a, 0, 'contactMoments', 35, 42, 'CONS_INFO_AANS');
    await apply(b, 1, 'goal', 0, 40, 'OORZAAK_NODIG');
    await apply(a, 2, 'contactWhat', 0, 9, 'OORZAAK_SELFSERVICE');

    const r = await createUser(t.dataSource, { role: 'researcher' });
    researcher = (await loginAgent(t.app, r.email, r.password)).agent;
    const p = await createUser(t.dataSource, { role: 'partner', organisationId: fx.members[0].organisationId! });
    partner = (await loginAgent(t.app, p.email, p.password)).agent;
  });
  afterAll(() => t.close());

  const coderCodings = async () =>
    (await t.app.get(CodingQueryService).codings(fx.study.id, { layer: 'coder' }))
      .flatMap((s) =>
        s.codes.map(
          (c) => `${s.pseudonym} ${s.question} ${s.start}-${s.end} ${c.tekstId} ${s.coderId} ${c.memo ?? ''}`,
        ),
      )
      .sort();

  it('downloads a schema-valid project for researchers only, pseudonymised, and audits it', async () => {
    await partner.get(`/api/studies/${fx.study.slug}/coding/qdpx`).expect(403);
    await partner.get(`/studies/${fx.study.slug}/coding/qdpx`).expect(403);
    const res = await download(researcher, `/studies/${fx.study.slug}/coding/qdpx`);
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toContain('kwadrant-uitwisseling.qdpx');
    const files = await unzipAll(res.body);
    const xml = files.get('project.qde')!.toString('utf8');
    expect(validateXml(xml).errors).toEqual([]);
    expect([...files.keys()].filter((n) => n.startsWith('Sources/'))).toHaveLength(3);
    const everything = [...files].map(([name, bytes]) => `${name}\n${bytes.toString('utf8')}`).join('\n');
    // As a person would search: each name, address, number, token and code as a word of its own, in any case.
    const escape = (v: string) => v.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    for (const secret of secrets)
      expect(everything).not.toMatch(new RegExp(`(?<![\\p{L}\\p{N}])${escape(secret)}(?![\\p{L}\\p{N}])`, 'iu'));
    expect(everything).toContain('Ik heb gebeld (');
    // Cases with the six variables, the coders as users, grouping codes not codable, every coding a selection.
    expect(xml.match(/<Case /g)).toHaveLength(3);
    expect(xml.match(/<Variable /g)).toHaveLength(6);
    expect(xml).toContain('name="R01"');
    expect(xml).toContain('<User guid=');
    expect(xml).toContain('name="Coder A"');
    expect(xml).toMatch(/<Code [^>]*name="Oorzaak" isCodable="false"/);
    expect(xml.match(/<PlainTextSelection /g)).toHaveLength(5);
    await download(researcher, `/api/studies/${fx.study.slug}/coding/qdpx`);
    const audits = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: 'coding.qdpx.export', studyId: fx.study.id });
    expect(audits.map((e) => (e.details as { via: string }).via)).toEqual(['page', 'api']);
  });

  it('round trip: export with the command → coded on in another tool → import → the same codings, the new code and coder', async () => {
    const out = join(dir, 'export.qdpx');
    const exported = await runCli(['qdpx', 'export', '--study', fx.study.slug, '--out', out], env());
    expect(exported).toMatchObject({ code: 0, stderr: expect.not.stringContaining('Error') });
    expect(validateXml((await unzipAll(readFileSync(out))).get('project.qde')!.toString('utf8')).errors).toEqual([]);
    const before = await coderCodings();
    expect(before).toHaveLength(5);

    const theirs = join(dir, 'gecodeerd.qdpx');
    writeFileSync(theirs, await asAnotherTool(readFileSync(out), { respondent: 'R01', words: 'gemaild' }));
    // The study forgets its codings, so that the import must place every one of them again.
    await t.dataSource.getRepository(Coding).delete({ studyId: fx.study.id });

    const dry = await runCli(['qdpx', 'import', theirs, '--study', fx.study.slug, '--dry-run'], env());
    expect(dry.code).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, added: 6, unchanged: 0, unmatched: [] });
    expect(await coderCodings()).toEqual([]);

    const imported = await runCli(['qdpx', 'import', theirs, '--study', fx.study.slug], env());
    expect(imported.code).toBe(0);
    const report = JSON.parse(imported.stdout) as {
      added: number;
      newCodes: { path: string[]; tekstId: string }[];
      coders: { name: string; matchedBy: string }[];
    };
    expect(report.added).toBe(6);
    expect(report.newCodes).toEqual([
      { path: ['Consument', 'Informatie', 'Storing melden'], tekstId: 'CONS_INFO_STOR' },
    ]);
    expect(report.coders).toEqual(
      expect.arrayContaining([
        { name: 'Coder A', matchedBy: 'guid' },
        { name: 'Extern Codeur', matchedBy: 'new' },
      ]),
    );

    const stranger = await t.dataSource
      .getRepository(User)
      .findOneByOrFail({ email: coderEmail(STRANGER.toLowerCase()) });
    expect(stranger).toMatchObject({ name: 'Extern Codeur', active: false });
    const gemaild = codingAnswers(1).contactWhat as string; // the answer was replaced above: find the words in ours
    expect(gemaild).toBeDefined();
    const after = await coderCodings();
    const added = after.filter((line) => !before.includes(line));
    expect(after.filter((line) => before.includes(line))).toEqual(before);
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(new RegExp(`^R01 contactWhat \\d+-\\d+ CONS_INFO_STOR ${stranger.id} $`));
    const spans = await t.app.get(CodingQueryService).codings(fx.study.id, { coderId: stranger.id });
    expect(spans.map((s) => s.text)).toEqual(['gemaild']);

    // The same project again changes nothing.
    const again = await runCli(['qdpx', 'import', theirs, '--study', fx.study.slug], env());
    expect(JSON.parse(again.stdout)).toMatchObject({ added: 0, unchanged: 6, newCodes: [] });
    expect(await coderCodings()).toEqual(after);
    // Four runs of the real command, each starting the application: slow on a loaded machine.
  }, 300_000);

  it('refuses what is not a project, changing nothing', async () => {
    const file = join(dir, 'kapot.qdpx');
    writeFileSync(file, await zipOf({ 'readme.txt': 'geen project' }));
    const r = await runCli(['qdpx', 'import', file, '--study', fx.study.slug], env());
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('no .qde project file');
  });
});
