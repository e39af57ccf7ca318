import { DataSource } from 'typeorm';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { Respondent } from '../../src/respondents/respondent.entity';
import { RespondentImportService } from '../../src/respondents/respondent-import.service';
import { createRespondent, createStudy, StudyFixture } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { isPostgresRun } from '../support/test-database';

const HEADER = 'first_name,email,gender,age,education,digital_comfort,quadrant,organisation';

/** English-layout rows; `email(i)` gives row i's address, if any, and `age(i)` its age. */
function csv(
  n: number,
  email: (i: number) => string = () => '',
  age: (i: number) => number = (i) => 20 + (i % 60),
): Buffer {
  const lines = [HEADER];
  for (let i = 0; i < n; i++) lines.push(`R${i},${email(i)},v,${age(i)},hbo,neutraal,gemakzoeker,RET`);
  return Buffer.from(lines.join('\n') + '\n');
}

/** A real database failure at one row: a trigger refuses a respondent aged 117 (the parser accepts that age). */
async function failOnAge117(ds: DataSource): Promise<() => Promise<void>> {
  if (isPostgresRun()) {
    await ds.query(
      `CREATE FUNCTION test_refuse_117() RETURNS trigger AS $$ BEGIN IF NEW.age = '117' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`,
    );
    await ds.query(
      'CREATE TRIGGER test_refuse_117 BEFORE INSERT ON respondent FOR EACH ROW EXECUTE FUNCTION test_refuse_117()',
    );
    return async () => {
      await ds.query('DROP TRIGGER test_refuse_117 ON respondent');
      await ds.query('DROP FUNCTION test_refuse_117()');
    };
  }
  await ds.query(
    `CREATE TRIGGER test_refuse_117 BEFORE INSERT ON respondent WHEN NEW.age = '117' BEGIN SELECT RAISE(ABORT, 'refused by the test'); END`,
  );
  return async () => void (await ds.query('DROP TRIGGER test_refuse_117'));
}

describe(RespondentImportService.name, () => {
  let t: TestApp;
  let importer: RespondentImportService;
  let fixture: StudyFixture;

  beforeAll(async () => {
    t = await createTestApp();
    importer = t.app.get(RespondentImportService);
    fixture = await createStudy(t.dataSource, { slug: 'import' }, { organisations: ['RET'] });
  });
  afterAll(() => t?.close());

  const respondents = () => t.dataSource.getRepository(Respondent);
  const file = (buffer: Buffer) => ({ buffer, name: 'panel.csv' });

  it('marks an address the study has, or that came earlier in the file, as a duplicate of its first respondent, across batches', async () => {
    const earlier = await createRespondent(t.dataSource, fixture.study.id, fixture.organisations[0].id, {
      email: 'Known@Example.org',
    });
    // Rows 0, 700 and 1,400 repeat a known address; 1 and 2 share a new one (same batch); 3 comes back 900 rows later.
    const email = (i: number) =>
      ({
        0: 'known@example.org',
        700: 'KNOWN@example.org',
        1400: 'known@example.org',
        1: 'new@example.org',
        2: 'New@Example.org',
        3: 'later@example.org',
        903: 'later@example.org',
      })[i] ?? `r${i}@example.org`;
    const report = await importer.import('import', file(csv(1500, email)), {}, null);
    expect(report).toMatchObject({ imported: 1500, duplicates: 5 });
    const stored = await respondents().find({
      where: { studyId: fixture.study.id, source: 'import' },
      order: { id: 'ASC' },
    });
    const byRow = (i: number) => stored.find((r) => r.firstName === `R${i}`)!;
    for (const i of [0, 700, 1400])
      expect(byRow(i)).toMatchObject({
        status: 'ineligible',
        statusReason: 'duplicate-email',
        duplicateOfId: earlier.id,
      });
    expect(byRow(1)).toMatchObject({ status: 'eligible', duplicateOfId: null });
    expect(byRow(2)).toMatchObject({ status: 'ineligible', duplicateOfId: byRow(1).id });
    expect(byRow(903)).toMatchObject({ status: 'ineligible', duplicateOfId: byRow(3).id });
    expect(stored.filter((r) => r.duplicateOfId !== null)).toHaveLength(5);
    await respondents().delete({ studyId: fixture.study.id });
  });

  it('stores nothing from an import that fails half-way, while statements from elsewhere wait for it and keep their own work', async () => {
    const audit = () => t.dataSource.getRepository(AuditEvent);
    const before = { all: await audit().count(), imports: await audit().countBy({ action: 'respondent.import' }) };
    const restore = await failOnAge117(t.dataSource);
    try {
      // The refused row is in the seventh batch of 500: six are stored by then, in the open transaction.
      let settled = false;
      const failure = importer
        .import('import', file(csv(4000, undefined, (i) => (i === 3200 ? 117 : 30))), {}, null)
        .then(
          () => undefined,
          (err: Error) => err,
        )
        .finally(() => (settled = true));
      const sqlite = (t.dataSource.driver as unknown as { databaseConnection?: { inTransaction: boolean } })
        .databaseConnection;
      const counts: number[] = [];
      let writes = 0;
      let writesDuringImport = 0;
      while (!settled) {
        if (sqlite?.inTransaction) writesDuringImport++;
        // A write from elsewhere (as an autosave or a log-in would make) and a read of the pool.
        await audit().save({
          occurredAt: new Date(),
          action: 'test.elsewhere',
          actorId: null,
          actorEmail: null,
          studyId: null,
          subjectType: null,
          subjectId: null,
          details: null,
        });
        writes++;
        counts.push(await respondents().countBy({ studyId: fixture.study.id }));
        await new Promise((r) => setImmediate(r));
      }
      expect((await failure)?.message).toMatch(/refused by the test/);
      expect(await respondents().countBy({ studyId: fixture.study.id })).toBe(0);
      expect(counts.every((n) => n === 0)).toBe(true);
      // Nothing of the import, also not its audit event; every write from elsewhere is kept.
      expect(await audit().countBy({ action: 'respondent.import' })).toBe(before.imports);
      expect(await audit().countBy({ action: 'test.elsewhere' })).toBe(writes);
      expect(await audit().count()).toBe(before.all + writes);
      // On SQLite the import's transaction was open on the one connection while those writes were sent.
      if (sqlite) expect(writesDuringImport).toBeGreaterThan(0);
    } finally {
      await restore();
    }
  });
});
