import { Workbook } from 'exceljs';
import { ActionEvidence } from '../../src/actions/action.entity';
import { Coding } from '../../src/coding/coding.entity';
import { ErasureService } from '../../src/privacy/erasure.service';
import { createUser } from '../support/factories';
import { Agent, download, loginAgent } from '../support/http';
import { codeJourneyStudy, createJourneyStudy, JOURNEY_ANSWERS, type JourneyStudy } from '../support/journey-factories';
import { createTestApp, TestApp } from '../support/test-app';

interface Logged {
  agent: Agent;
  csrf: string;
  id: number;
}
type Quote = { codingId: number; pseudonym: string; quadrant: string; text: string; code: { tekstId: string } };

/**
 * Shareable quotes as an action's evidence: Ans (RET, gemakzoeker) has the one shareable final segment of the
 * journey study (coded twice, so two quotes); Door (Vitens) gets one too; the rest is what must be refused.
 */
describe('shareable quotes as evidence of an action', () => {
  let t: TestApp;
  let fx: JourneyStudy;
  let researcher: Logged;
  let partnerRet: Logged;
  let partnerVitens: Logged;
  const slug = 'citaten';
  const api = `/api/studies/${slug}/actions`;
  let ans: number[];
  let door: number;
  let notShareable: number;
  let notFinal: number;
  let actionId: number;

  const login = async (role: 'researcher' | 'partner', organisationId: number | null = null): Promise<Logged> => {
    const u = await createUser(t.dataSource, { role, organisationId });
    return { ...(await loginAgent(t.app, u.email, u.password)), id: u.id };
  };
  const post = (who: Logged, url: string, body: object) => who.agent.post(url).set('x-csrf-token', who.csrf).send(body);
  const patch = (who: Logged, url: string, body: object) =>
    who.agent.patch(url).set('x-csrf-token', who.csrf).send(body);
  const action = (organisation: string, holder: Logged, quotes: number[]) => ({
    organisation,
    omschrijving: 'Terugbellen na een factuurvraag',
    analyse: 'Bellers over de factuur worden niet teruggebeld.',
    actie: 'Terugbelbelofte in het script.',
    actiehouders: [holder.id],
    quotes,
  });
  const quoteRows = () => t.dataSource.getRepository(ActionEvidence).countBy({ kind: 'quote' });

  beforeAll(async () => {
    t = await createTestApp();
    const ds = t.dataSource;
    fx = await createJourneyStudy(ds, slug);
    researcher = await login('researcher');
    await codeJourneyStudy(t, fx, researcher.id);
    partnerRet = await login('partner', fx.ret);
    partnerVitens = await login('partner', fx.vitens);
    const codings = ds.getRepository(Coding);
    const rows = await codings.find({ where: { studyId: fx.study.id }, order: { id: 'ASC' } });
    ans = rows.filter((r) => r.shareable).map((r) => r.id);
    notShareable = rows.find((r) => !r.shareable && r.respondentId === fx.people.ans.id)!.id;
    const now = new Date();
    const base = { studyId: fx.study.id, coderId: researcher.id, memo: null, createdAt: now, updatedAt: now };
    const text = JOURNEY_ANSWERS.door.contactMoments;
    door = (
      await codings.save({
        ...base,
        assignmentId: fx.assignments.door.id,
        respondentId: fx.people.door.id,
        question: 'contactMoments',
        start: 0,
        end: text.indexOf(','),
        codeId: rows[0].codeId,
        layer: 'final',
        shareable: true,
      })
    ).id;
    // A coder's own coding of an answer a researcher settled: shareable, but not the final coding.
    notFinal = (
      await codings.save({
        ...base,
        assignmentId: fx.assignments.ans.id,
        respondentId: fx.people.ans.id,
        question: 'contactMoments',
        start: 0,
        end: 8,
        codeId: rows[0].codeId,
        layer: 'coder',
        shareable: true,
      })
    ).id;
  });
  afterAll(() => t?.close());

  it('links quotes on POST and answers them with text, pseudonym, quadrant and code, never who said them', async () => {
    const created = await post(researcher, api, action('RET', partnerRet, [ans[0]])).expect(201);
    actionId = created.body.id;
    const got = await researcher.agent.get(`${api}/${actionId}`).expect(200);
    expect(got.body.evidence.quotes).toEqual([
      {
        codingId: ans[0],
        pseudonym: expect.stringMatching(/^R\d{2,}$/),
        quadrant: 'gemakzoeker',
        question: 'contactMoments',
        text: 'Ik belde over mijn factuur',
        code: { tekstId: 'CONS_FACT_INFO', path: expect.arrayContaining(['Factuur']) },
      },
    ]);
    const body = JSON.stringify(got.body);
    for (const personal of [fx.people.ans.firstName, fx.people.ans.email, fx.people.ans.phone].filter(Boolean))
      expect(body).not.toContain(personal);

    const changed = await patch(researcher, `${api}/${actionId}`, { quotes: [...ans].reverse() }).expect(200);
    expect(changed.body.evidence.quotes.map((q: Quote) => q.code.tekstId)).toEqual(['OORZAAK_FOUT', 'CONS_FACT_INFO']);
    // Other evidence stays when only the quotes change, and the quotes stay when only codes change.
    await patch(researcher, `${api}/${actionId}`, { quadrants: ['gemakzoeker'] }).expect(200);
    const kept = await researcher.agent.get(`${api}/${actionId}`).expect(200);
    expect(kept.body.evidence.quadrants).toEqual(['gemakzoeker']);
    expect(kept.body.evidence.quotes).toHaveLength(2);
  });

  it('refuses a quote that is not a final shareable coding of the action’s organisation, naming the field, and changes nothing', async () => {
    const other = await createJourneyStudy(t.dataSource, 'ander-onderzoek');
    await codeJourneyStudy(t, other, researcher.id);
    const foreign = (
      await t.dataSource.getRepository(Coding).findOneByOrFail({ studyId: other.study.id, shareable: true })
    ).id;
    const before = { rows: await quoteRows(), action: (await researcher.agent.get(`${api}/${actionId}`)).body };
    for (const bad of [door, notShareable, notFinal, foreign, 424242]) {
      const created = await post(researcher, `${api}?lang=en`, action('RET', partnerRet, [ans[0], bad]));
      expect({ bad, status: created.status, code: created.body.code }).toEqual({
        bad,
        status: 400,
        code: 'action.unknown_quote',
      });
      expect(created.body.message).toBe(
        `${bad} is not a shareable quote of RET in this study. Choose quotes marked as shareable while coding.`,
      );
      expect(Object.keys(created.body.details)).toEqual(['quotes']);
      const changed = await patch(researcher, `${api}/${actionId}?lang=nl`, { quotes: [bad] });
      expect(changed.status).toBe(400);
      expect(changed.body.message).toMatch(new RegExp(`^${bad} is geen deelbaar citaat van RET in dit onderzoek\\.`));
    }
    expect(await quoteRows()).toBe(before.rows);
    expect((await researcher.agent.get(`${api}/${actionId}`)).body).toEqual(before.action);
    // A quote of an organisation is evidence for that organisation's actions.
    await post(researcher, api, action('Vitens', partnerVitens, [door])).expect(201);
  });

  it('shows partners only their own organisation’s quotes, in the API, the files and the pages', async () => {
    const mine = await partnerRet.agent.get(`${api}/${actionId}`).expect(200);
    expect(mine.body.evidence.quotes.map((q: Quote) => q.codingId)).toEqual([...ans].reverse());
    await partnerVitens.agent.get(`${api}/${actionId}`).expect(404);
    const refused = await post(partnerRet, api, action('RET', partnerRet, [door])).expect(400);
    expect(refused.body.code).toBe('action.unknown_quote');

    const vitensCsv = (await download(partnerVitens.agent, `${api}/export?format=csv`)).body.toString('utf8');
    expect(vitensCsv).toContain('Chat van Vitens');
    expect(vitensCsv).not.toContain('Ik belde over mijn factuur');
    const retCsv = (await download(partnerRet.agent, `${api}/export?format=csv&lang=en`)).body.toString('utf8');
    expect(retCsv).toMatch(/;Quotes\r\n/);
    expect(retCsv).toMatch(/R\d+ · Convenience seeker · CONS_FACT_INFO: “Ik belde over mijn factuur”/);
    expect(retCsv).not.toContain('Chat van Vitens');

    const xlsx = await download(researcher.agent, `${api}/export?format=xlsx`);
    expect(xlsx.status).toBe(200);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet.getRow(1).getCell(9).value).toBe('Citaten');
    const cells = [2, 3].map((r) => sheet.getRow(r).getCell(9).text);
    expect(cells.find((c) => c.includes('Gemakzoeker'))).toMatch(/OORZAAK_FOUT: “Ik belde over mijn factuur”\nR\d+/);
    expect(cells.find((c) => c.includes('Chat van Vitens'))).toBeDefined();

    const page = await partnerRet.agent.get(`/studies/${slug}/action/${actionId}`).expect(200);
    expect(page.text).toContain('“Ik belde over mijn factuur”');
    expect(page.text).toContain('CONS_FACT_INFO');
    expect(page.text).not.toContain('Chat van Vitens');
  });

  it('lets a researcher pick the organisation’s shareable quotes with checkboxes on the edit page', async () => {
    const edit = await researcher.agent.get(`/studies/${slug}/action/${actionId}/edit`).expect(200);
    const boxes = [...edit.text.matchAll(/<input type="checkbox" name="quotes" value="(\d+)"( checked)?>/g)];
    expect(boxes.map((m) => [Number(m[1]), m[2] === ' checked'])).toEqual(ans.map((id) => [id, true]));
    expect(edit.text).not.toContain('Chat van Vitens');

    const form = {
      _csrf: researcher.csrf,
      omschrijving: 'Terugbellen na een factuurvraag',
      analyse: 'Bellers over de factuur worden niet teruggebeld.',
      actie: 'Terugbelbelofte in het script.',
      actiehouders: String(partnerRet.id),
      quotes: String(ans[1]),
    };
    const refused = await researcher.agent
      .post(`/studies/${slug}/action/${actionId}`)
      .type('form')
      .send({ ...form, quotes: [String(ans[1]), String(door)] })
      .expect(400);
    expect(refused.text).toMatch(/id="edit-quotes-error">[^<]*geen deelbaar citaat van deze organisatie/);
    await researcher.agent.post(`/studies/${slug}/action/${actionId}`).type('form').send(form).expect(303);
    const got = await researcher.agent.get(`${api}/${actionId}`).expect(200);
    expect(got.body.evidence.quotes.map((q: Quote) => q.codingId)).toEqual([ans[1]]);
  });

  it('says on the edit page that a linked quote no longer shareable is not offered and will be unlinked', async () => {
    const editPage = () => researcher.agent.get(`/studies/${slug}/action/${actionId}/edit`).expect(200);
    const codings = t.dataSource.getRepository(Coding);
    await codings.update(ans[1], { shareable: false });
    try {
      const edit = await editPage();
      expect(edit.text).not.toContain(`name="quotes" value="${ans[1]}"`);
      expect(edit.text).toMatch(/id="edit-quotes-withdrawn">Eén citaat bij deze actie is geen deelbare/);
    } finally {
      await codings.update(ans[1], { shareable: true });
    }
    expect((await editPage()).text).not.toContain('edit-quotes-withdrawn');
  });

  it('lets a researcher pick shareable quotes on the new-action form, each under its organisation', async () => {
    const page = await researcher.agent.get(`/studies/${slug}/actions`).expect(200);
    const form = page.text.slice(page.text.indexOf('id="new-quotes"'));
    const boxes = [...form.matchAll(/<input type="checkbox" name="quotes" value="(\d+)"( checked)?>/g)];
    expect(boxes.map((m) => [Number(m[1]), m[2] === ' checked'])).toEqual([
      ...ans.map((id) => [id, false]),
      [door, false],
    ]);
    expect(form.indexOf('>RET</p>')).toBeLessThan(form.indexOf('Ik belde over mijn factuur'));
    expect(form.indexOf('>Vitens</p>')).toBeGreaterThan(form.indexOf('Ik belde over mijn factuur'));

    const fields = {
      _csrf: researcher.csrf,
      organisation: 'RET',
      omschrijving: 'Factuurvragen sneller beantwoorden',
      analyse: 'Bellers over de factuur wachten lang.',
      actie: 'Een vaste beller voor facturen.',
      actiehouders: String(partnerRet.id),
      quotes: String(ans[0]),
    };
    const before = await quoteRows();
    // A quote of another organisation than the action's is refused under the field, with the boxes kept ticked.
    const refused = await researcher.agent
      .post(`/studies/${slug}/actions`)
      .type('form')
      .send({ ...fields, quotes: [String(ans[0]), String(door)] })
      .expect(400);
    expect(refused.text).toMatch(/id="new-quotes-error">[^<]*geen deelbaar citaat van deze organisatie/);
    expect(refused.text).toContain(`name="quotes" value="${door}" checked>`);
    expect(await quoteRows()).toBe(before);
    const created = await researcher.agent.post(`/studies/${slug}/actions`).type('form').send(fields).expect(303);
    const id = /\/action\/(\d+)$/.exec(created.headers.location)![1];
    const got = await researcher.agent.get(`${api}/${id}`).expect(200);
    expect(got.body.evidence.quotes.map((q: Quote) => q.codingId)).toEqual([ans[0]]);
  });

  it('drops the quote with the codings when the quoted respondent is erased', async () => {
    await patch(researcher, `${api}/${actionId}`, { quotes: ans }).expect(200);
    const before = await quoteRows();
    await t.app.get(ErasureService).erase(slug, fx.people.ans.id, null);
    // Both of this action's, and the one the new-action form linked.
    expect(await quoteRows()).toBe(before - 3);
    const got = await researcher.agent.get(`${api}/${actionId}`).expect(200);
    expect(got.body.evidence.quotes).toEqual([]);
    const csv = (await download(researcher.agent, `${api}/export?format=csv`)).body.toString('utf8');
    expect(csv).not.toContain('Ik belde over mijn factuur');
  });
});
