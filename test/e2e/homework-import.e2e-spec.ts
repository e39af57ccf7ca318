import { mkdtempSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Workbook } from 'exceljs';
import { In } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { GroupMember } from '../../src/groups/group-member.entity';
import { HomeworkAssignment } from '../../src/homework/homework-assignment.entity';
import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { Respondent } from '../../src/respondents/respondent.entity';
import { Study } from '../../src/studies/study.entity';
import { runCli } from '../support/cli';
import { createRespondent, createUser } from '../support/factories';
import { createScheduledGroup, HomeworkFixture, homeworkAnswersCsv } from '../support/homework-factories';
import { Agent, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';
import { runDir } from '../support/test-database';

const HEADER = [
  'E-mail',
  'firstName',
  'contactMoments',
  'channels',
  'contactMomentsRating',
  'afterwardsHad',
  'afterwardsChannels',
];
/** One complete row per member: the form's required answers, choices written as a typist would. */
const row = (email: string, name: string, channels = 'Telefoon; website') => [
  email,
  name,
  `${name} belde over de meterstand.`,
  channels,
  '🙂 Positief',
  'Ja',
  'Post (brief), e-mail',
];
const answersOf = (name: string) => ({
  firstName: name,
  contactMoments: `${name} belde over de meterstand.`,
  channels: ['telefoon', 'website'],
  contactMomentsRating: 'positief',
  afterwardsHad: 'yes',
  afterwardsChannels: ['post', 'e-mail'],
});

describe('homework answers imported from a file', () => {
  let t: TestApp;
  let fx: HomeworkFixture;
  let researcher: { agent: Agent; csrf: string };
  let outsider: Respondent;
  let reserve: Respondent;

  const post = (body: Buffer, query: Record<string, string> = {}, type = 'text/csv') =>
    researcher.agent
      .post(`/api/studies/${fx.study.slug}/homework/import`)
      .query({ fileName: 'papier.csv', ...query })
      .set('x-csrf-token', researcher.csrf)
      .set('content-type', type)
      .send(body);
  const assignments = () =>
    t.dataSource.getRepository(HomeworkAssignment).find({ where: { studyId: fx.study.id }, order: { id: 'ASC' } });

  beforeAll(async () => {
    t = await createTestApp();
    fx = await createScheduledGroup(t.dataSource, { members: 3 });
    // The first member already has an assignment (a letter went out) but has not started.
    await researcher_send();
    outsider = await createRespondent(t.dataSource, fx.study.id, fx.group.organisationId, { status: 'eligible' });
    reserve = await createRespondent(t.dataSource, fx.study.id, fx.group.organisationId, { status: 'confirmed' });
    await t.dataSource
      .getRepository(GroupMember)
      .save({ studyId: fx.study.id, groupId: fx.group.id, respondentId: reserve.id, role: 'reserve', position: 9 });
  });
  afterAll(() => t?.close());

  async function researcher_send() {
    researcher = await loginAgent(t.app, fx.lead.email, fx.lead.password);
    const [first] = fx.members;
    await t.dataSource
      .getRepository(GroupMember)
      .update({ respondentId: In(fx.members.slice(1).map((m) => m.id)) }, { role: 'reserve' });
    await researcher.agent
      .post(`/api/studies/${fx.study.slug}/homework/groups/${fx.group.id}/send`)
      .set('x-csrf-token', researcher.csrf)
      .expect(200);
    await t.dataSource
      .getRepository(GroupMember)
      .update({ respondentId: In(fx.members.slice(1).map((m) => m.id)) }, { role: 'member' });
    expect(await t.dataSource.getRepository(HomeworkAssignment).countBy({ respondentId: first.id })).toBe(1);
  }

  it('previews a file without storing anything: what happens to each row', async () => {
    const file = homeworkAnswersCsv(
      HEADER,
      fx.members.map((m, i) => row(i === 1 ? m.email!.toUpperCase() : m.email!, m.firstName!)),
    );
    const before = await assignments();
    const res = await post(file, { dryRun: 'true' }).expect(200);
    expect(res.body).toMatchObject({
      dryRun: true,
      rows: 3,
      readable: 3,
      imported: 0,
      created: 2,
      replaced: 0,
      errors: [],
      errorCount: 0,
    });
    expect(res.body.planned).toEqual([
      { line: 2, respondentId: fx.members[0].id, action: 'fill' },
      { line: 3, respondentId: fx.members[1].id, action: 'create' },
      { line: 4, respondentId: fx.members[2].id, action: 'create' },
    ]);
    expect(await assignments()).toEqual(before);
  });

  it('refuses a file with problems line by line, in the reader’s language, and stores nothing', async () => {
    const file = homeworkAnswersCsv(
      [...HEADER, 'Leeftijd'],
      [
        [...row(fx.members[0].email!, 'Ans'), '47'],
        [...row('niemand@example.org', 'Nobody'), ''],
        [...row(fx.members[0].email!, 'Ans'), ''],
        [...row(fx.members[1].email!, 'Bert', 'website; fax'), ''],
        [...row(outsider.email!, 'Out'), ''],
        [...row(reserve.email!, 'Res'), ''],
        [fx.members[2].email!, '', 'zonder naam', 'website', 'positief', 'Nee', ''],
        [fx.members[2].email!.replace('@', '-'), 'X', 'x', '', '', '', ''],
      ],
    );
    const before = await assignments();
    const res = await post(file, { lang: 'nl' }).expect(400);
    expect(res.body).toMatchObject({ code: 'homework_import.rows_invalid', details: { unreadableRows: 8 } });
    const problems = res.body.details.errors as { line: number; column: string; code: string; reason: string }[];
    expect(problems.map((p) => [p.line, p.column, p.code])).toEqual([
      [1, 'Leeftijd', 'unknown_column'],
      [3, 'E-mail', 'not_in_study'],
      [4, 'E-mail', 'duplicate_email'],
      [5, 'channels', 'unknown_choice'],
      [6, 'E-mail', 'not_in_group'],
      [7, 'E-mail', 'reserve'],
      [8, 'firstName', 'answer_invalid'],
      [9, 'E-mail', 'email_invalid'],
    ]);
    expect(problems[2].reason).toBe('Dit e-mailadres staat ook op regel 2.');
    expect(problems[3].reason).toContain('‘fax’ is geen keuze');
    expect(await assignments()).toEqual(before);
    expect(await t.dataSource.getRepository(AuditEvent).countBy({ action: 'homework.import' })).toBe(0);

    // The same check in English, and a dry run lists the problems with a 200.
    const dry = await post(file, { dryRun: 'true', lang: 'en' }).expect(200);
    // Only line 2 is fine in itself (the header's extra column is the header's problem).
    expect(dry.body).toMatchObject({ readable: 1, errorCount: 8 });
    expect(dry.body.errors[1].reason).toBe('No respondent of this study has this e-mail address.');
  });

  it('refuses answers the form would drop because it hides their question', async () => {
    const file = homeworkAnswersCsv(HEADER, [
      [fx.members[0].email!, 'Ans', 'Iets.', 'website', 'neutraal', 'no', 'post'],
    ]);
    const res = await post(file).expect(400);
    expect(res.body.details.errors).toMatchObject([{ line: 2, column: 'afterwardsChannels', code: 'hidden_answer' }]);
  });

  it('imports every row as submitted, marked with its source, creating assignments without letters, and audits it', async () => {
    const lettersBefore = await t.dataSource.getRepository(OutboxMessage).countBy({ kind: 'homework-letter' });
    const file = homeworkAnswersCsv(
      HEADER,
      fx.members.map((m) => row(m.email!, m.firstName!)),
    );
    const res = await post(file).expect(200);
    expect(res.body).toMatchObject({ dryRun: false, imported: 3, created: 2, replaced: 0 });

    const stored = await assignments();
    expect(stored).toHaveLength(3);
    for (const member of fx.members) {
      const a = stored.find((s) => s.respondentId === member.id)!;
      expect(a).toMatchObject({
        answerSource: 'import',
        importedFrom: 'papier.csv',
        submitted: answersOf(member.firstName!),
        groupId: fx.group.id,
        sessionId: fx.session.id,
        enteredFromPaper: false,
      });
      expect(a.submittedAt).toBeInstanceOf(Date);
    }
    // The answers are in: nobody is sent a letter asking for them.
    expect(await t.dataSource.getRepository(OutboxMessage).countBy({ kind: 'homework-letter' })).toBe(lettersBefore);
    const events = await t.dataSource
      .getRepository(AuditEvent)
      .findBy({ action: In(['homework.import', 'homework.import_file']) });
    expect(
      events
        .filter((e) => e.action === 'homework.import')
        .map((e) => e.subjectId)
        .sort(),
    ).toEqual(fx.members.map((m) => String(m.id)).sort());
    expect(events.find((e) => e.action === 'homework.import_file')).toMatchObject({
      actorEmail: fx.lead.email,
      details: { file: 'papier.csv', imported: 3, created: 2, replaced: 0 },
    });

    // The audit log says it as a sentence.
    const audit = await researcher.agent.get('/audit?action=homework.import&lang=nl').expect(200);
    expect(audit.text).toContain(`Huiswerk van respondent ${fx.members[0].id} geïmporteerd uit papier.csv (regel 2)`);
    expect(audit.text).toContain('Huiswerk geïmporteerd uit papier.csv: 3 respondenten');

    // The source shows on the homework list and on the respondent's page.
    const list = await researcher.agent.get(`/studies/${fx.study.slug}/homework?lang=nl`).expect(200);
    expect(list.text).toContain('Geïmporteerd');
    expect(list.text).toContain('uit papier.csv');
    const file2 = await researcher.agent
      .get(`/studies/${fx.study.slug}/respondents/${fx.members[1].id}?lang=nl`)
      .expect(200);
    expect(file2.text).toContain('Geïmporteerd');
    expect(file2.text).toContain('uit papier.csv');
  });

  it('refuses to overwrite sent answers unless told to replace them, then replaces them (an Excel file, by multipart upload)', async () => {
    const again = homeworkAnswersCsv(HEADER, [row(fx.members[0].email!, 'Anna')]);
    const refused = await post(again).expect(400);
    expect(refused.body.details.errors).toMatchObject([{ line: 2, code: 'already_submitted' }]);

    const workbook = new Workbook();
    const sheet = workbook.addWorksheet('Antwoorden');
    sheet.addRow(['Huiswerk teruggekomen op papier']);
    sheet.addRow(HEADER);
    sheet.addRow([
      fx.members[0].email!,
      'Anna',
      'Anna belde over de meterstand.',
      'Phone, Website',
      'Positive',
      'Yes',
      'Post (letter); E-mail',
    ]);
    const xlsx = Buffer.from(await workbook.xlsx.writeBuffer());
    const res = await researcher.agent
      .post(`/api/studies/${fx.study.slug}/homework/import`)
      .query({ replace: 'true' })
      .set('x-csrf-token', researcher.csrf)
      .attach('file', xlsx, 'teruggekomen.xlsx')
      .expect(200);
    expect(res.body).toMatchObject({
      imported: 1,
      created: 0,
      replaced: 1,
      planned: [{ line: 3, respondentId: fx.members[0].id, action: 'replace' }],
    });
    const a = await t.dataSource.getRepository(HomeworkAssignment).findOneByOrFail({ respondentId: fx.members[0].id });
    expect(a).toMatchObject({ importedFrom: 'teruggekomen.xlsx', submitted: answersOf('Anna') });
  });

  it('shows the import page to researchers, and neither page nor API to partners', async () => {
    const page = await researcher.agent.get(`/studies/${fx.study.slug}/homework/import`).expect(200);
    expect(page.text).toContain('id="import-form"');
    expect(page.text).toContain('<code>contactMoments</code>');
    const partner = await createUser(t.dataSource, { role: 'partner', organisationId: fx.group.organisationId });
    const p = await loginAgent(t.app, partner.email, partner.password);
    await p.agent
      .get(`/studies/${fx.study.slug}/homework/import`)
      .expect((r) => expect([403, 404]).toContain(r.status));
    await p.agent
      .post(`/api/studies/${fx.study.slug}/homework/import`)
      .set('x-csrf-token', p.csrf)
      .set('content-type', 'text/csv')
      .send(homeworkAnswersCsv(HEADER, [row(fx.members[0].email!, 'X')]))
      .expect(403);
  });

  it('refuses an empty file, a file without an e-mail column and a closed study, with their codes', async () => {
    expect((await post(Buffer.alloc(0)).expect(400)).body.code).toBe('import.empty');
    expect((await post(Buffer.from('naam;antwoord\nAns;ja\n')).expect(400)).body.code).toBe(
      'homework_import.no_header',
    );
    await t.dataSource.getRepository(Study).update({ id: fx.study.id }, { status: 'closed' });
    try {
      expect((await post(homeworkAnswersCsv(HEADER, [row(fx.members[0].email!, 'X')])).expect(409)).body.code).toBe(
        'study.closed',
      );
    } finally {
      await t.dataSource.getRepository(Study).update({ id: fx.study.id }, { status: 'fieldwork' });
    }
  });

  describe('kwadrant homework import (the real command line)', () => {
    let dir: string;
    // The command line works on the test application's own database.
    const env = () => {
      const db = t.config.database;
      return { DATA_DIR: dir, DATABASE_URL: db.type === 'postgres' ? db.url : `sqlite:${db.file}` };
    };
    let cli: HomeworkFixture;

    beforeAll(async () => {
      dir = mkdtempSync(join(runDir(), 'cli-'));
      cli = await createScheduledGroup(t.dataSource, { members: 2 });
    });

    it('checks a file with --dry-run, refuses one with problems (exit 2, line and reason), and imports a good one', async () => {
      const bad = join(dir, 'bad.csv');
      writeFileSync(
        bad,
        homeworkAnswersCsv(
          HEADER,
          [row(cli.members[0].email!, 'Ans', 'website, duif'), row('onbekend@example.org', 'X')],
          ',',
        ),
      );
      const refused = await runCli(['homework', 'import', bad, '--study', cli.study.slug], env());
      expect(refused.code).toBe(2);
      expect(refused.stderr).toContain(
        'line 2, column "channels" ("website, duif"): ‘duif’ is not a choice of this question',
      );
      expect(refused.stderr).toContain(
        'line 3, column "E-mail" ("onbekend@example.org"): No respondent of this study has this e-mail address.',
      );
      expect(await t.dataSource.getRepository(HomeworkAssignment).countBy({ studyId: cli.study.id })).toBe(0);

      const good = join(dir, 'good.csv');
      writeFileSync(
        good,
        homeworkAnswersCsv(
          HEADER,
          cli.members.map((m) => row(m.email!, m.firstName!)),
          ',',
        ),
      );
      const dry = await runCli(['homework', 'import', good, '--study', cli.study.slug, '--dry-run'], env());
      expect(dry.code).toBe(0);
      expect(JSON.parse(dry.stdout)).toMatchObject({ dryRun: true, readable: 2, created: 2, imported: 0 });
      expect(await t.dataSource.getRepository(HomeworkAssignment).countBy({ studyId: cli.study.id })).toBe(0);

      const imported = await runCli(['homework', 'import', good, '--study', cli.study.slug], env());
      expect(imported.code).toBe(0);
      expect(imported.stderr).toContain('Imported the answers of 2 respondents (2 new assignments, 0 replaced).');
      const stored = await t.dataSource.getRepository(HomeworkAssignment).findBy({ studyId: cli.study.id });
      expect(stored.map((a) => [a.answerSource, a.importedFrom, a.submitted])).toEqual(
        cli.members.map((m) => ['import', 'good.csv', answersOf(m.firstName!)]),
      );
      expect(
        await t.dataSource.getRepository(AuditEvent).countBy({ action: 'homework.import', studyId: cli.study.id }),
      ).toBe(2);

      const replaced = await runCli(['homework', 'import', good, '--study', cli.study.slug, '--replace'], env());
      expect(replaced.code).toBe(0);
      expect(JSON.parse(replaced.stdout)).toMatchObject({ imported: 2, replaced: 2 });
    });
  });
});
