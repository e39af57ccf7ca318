import { mkdtempSync, readFileSync } from 'fs';
import { join } from 'path';
import { DataSource } from 'typeorm';
import { Workbook } from 'exceljs';
import { AuditEvent } from '../../src/audit/audit-event.entity';
import { runCli } from '../support/cli';
import { createStudy, createUser } from '../support/factories';
import { loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';
import { runDir } from '../support/test-database';

describe('kwadrant actions list (the real command, as a child process)', () => {
  let t: TestApp;
  let ds: DataSource;
  let env: Record<string, string>;

  beforeAll(async () => {
    t = await createTestApp();
    ds = t.dataSource;
    const db = t.config.database;
    env = {
      DATA_DIR: mkdtempSync(join(runDir(), 'actions-cli-')),
      DATABASE_URL: db.type === 'postgres' ? db.url : `sqlite:${db.file}`,
    };
    const { organisations } = await createStudy(ds, { slug: 'register' }, { organisations: ['Vitens', 'RET'] });
    const r = await createUser(ds, { role: 'researcher', name: 'Ria' });
    const { agent, csrf } = await loginAgent(t.app, r.email, r.password);
    for (const organisation of organisations.map((o) => o.name))
      await agent
        .post('/api/studies/register/actions')
        .set('x-csrf-token', csrf)
        .send({ organisation, omschrijving: `Kaart ${organisation}`, analyse: 'A', actie: 'B', actiehouders: [r.id] })
        .expect(201);
  });
  afterAll(() => t.close());

  it('prints every action as JSON, one organisation on request, and audits each run', async () => {
    const all = await runCli(['actions', 'list', '--study', 'register', '--format', 'json'], env);
    expect(all.code).toBe(0);
    const rows = JSON.parse(all.stdout) as { number: string; organisation: string; actiehouders: { name: string }[] }[];
    expect(rows.map((r) => r.organisation)).toEqual(['Vitens', 'RET']);
    expect(rows[0]).toMatchObject({ omschrijving: 'Kaart Vitens', status: 'open', actiehouders: [{ name: 'Ria' }] });

    const one = await runCli(['actions', 'list', '--study', 'register', '--organisation', 'RET'], env);
    expect((JSON.parse(one.stdout) as unknown[]).length).toBe(1);
    const events = await ds.getRepository(AuditEvent).findBy({ action: 'action.export' });
    expect(events.map((e) => e.details)).toEqual([
      expect.objectContaining({ format: 'json', via: 'cli', actions: 2 }),
      expect.objectContaining({ format: 'json', via: 'cli', actions: 1, organisation: 'RET' }),
    ]);
  });

  it('writes CSV and XLSX files; a bad format or study is a clear error', async () => {
    const out = join(env.DATA_DIR, 'acties.xlsx');
    const xlsx = await runCli(['actions', 'list', '--study', 'register', '--format', 'xlsx', '--out', out], env);
    expect(xlsx.code).toBe(0);
    const workbook = new Workbook();
    await workbook.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    expect(workbook.getWorksheet('Acties')!.rowCount).toBe(3);

    const csv = await runCli(['actions', 'list', '--study', 'register', '--format', 'csv', '--locale', 'en'], env);
    expect(csv.stdout).toMatch(/^\uFEFFID;Organisation;Description;/);

    const bad = await runCli(['actions', 'list', '--study', 'register', '--format', 'pdf'], env);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--format must be one of json, csv, xlsx');
    const unknown = await runCli(['actions', 'list', '--study', 'nergens'], env);
    expect(unknown.code).not.toBe(0);
    expect(unknown.stderr).toContain('nergens');
  });
});
