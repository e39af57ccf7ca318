import { AuditEvent } from '../../src/audit/audit-event.entity';
import { GroupMember } from '../../src/groups/group-member.entity';
import { createRespondent, createStudy, createUser, StudyFixture } from '../support/factories';
import { createBucket, MIXED } from '../support/groups-factories';
import { Agent, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';

describe('groups API and page', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;
  let fx: StudyFixture;
  let bucket: number[];

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent, csrf } = await loginAgent(t.app, u.email, u.password));
    fx = await createStudy(
      t.dataSource,
      { slug: 'groepen', groupsPerQuadrant: 2, reservesPerGroup: 0 },
      { organisations: ['RET', 'Vitens'] },
    );
    bucket = (
      await createBucket(t.dataSource, fx.study.id, fx.organisations[0].id, 'gemakzoeker', [...MIXED, ...MIXED])
    ).map((r) => r.id);
  });
  afterAll(() => t.close());

  const post = (url: string, body: object = {}) => agent.post(url).set('x-csrf-token', csrf).send(body);

  it('previews with a dry run, then forms and lists the groups with shortfalls and left-out respondents', async () => {
    const dry = await post('/api/studies/groepen/groups/form', { dryRun: true }).expect(200);
    expect(dry.body.groups).toHaveLength(2);
    expect(dry.body.groups.every((g: { id: null }) => g.id === null)).toBe(true);
    expect((await agent.get('/api/studies/groepen/groups').expect(200)).body.groups).toEqual([]);
    const formed = await post('/api/studies/groepen/groups/form', {}).expect(200);
    expect(formed.body.shortfalls).toContainEqual({
      organisation: 'Vitens',
      quadrant: 'gemakzoeker',
      candidates: 0,
      needed: 6,
    });
    const list = await agent.get('/api/studies/groepen/groups').expect(200);
    expect(list.body.groups.map((g: { id: number; status: string }) => [g.id, g.status])).toEqual(
      formed.body.groups.map((g: { id: number }) => [g.id, 'proposed']),
    );
    expect(list.body.groups[0].members[0]).toEqual({
      respondentId: expect.any(Number),
      firstName: expect.any(String),
      gender: 'm',
      age: '25',
      education: 'vmbo-mavo-lbo',
      digitalComfort: 'neutraal',
    });
    expect(list.body.shortfalls[0]).toMatchObject({
      organisation: 'RET',
      quadrant: 'informatiezoeker',
      message: 'RET × informatiezoeker: 0 of 6',
    });
    await post('/api/studies/groepen/groups/form', { organisation: 'NS' }).expect(400);
    await post('/api/studies/groepen/groups/form', { dryRun: 'sometimes' }).expect(400);
  });

  it('confirms, locks, unlocks and dissolves through the API, refusing with 409 while locked', async () => {
    const { body } = await agent.get('/api/studies/groepen/groups').expect(200);
    const id = body.groups[0].id;
    expect((await post(`/api/groups/${id}/confirm`).expect(200)).body.status).toBe('confirmed');
    expect((await post(`/api/groups/${id}/lock`).expect(200)).body.status).toBe('locked');
    const refused = await post(`/api/groups/${id}/dissolve`).expect(409);
    expect(refused.body).toMatchObject({ code: 'group.locked', message: expect.stringContaining('Zet hem eerst los') });
    await post(`/api/groups/${id}/unlock`).expect(200);
    await post('/api/groups/999999/confirm').expect(404);
    await agent.post(`/api/groups/${id}/confirm`).expect(403);
  });

  it('adds, moves, swaps, promotes and removes through clean member endpoints', async () => {
    const { body } = await agent.get('/api/studies/groepen/groups').expect(200);
    const [g1, g2] = body.groups.map((g: { id: number }) => g.id);
    const m1 = body.groups[0].members[0].respondentId;
    const m2 = body.groups[1].members[1].respondentId;
    const swapped = await post(`/api/groups/${g1}/members/${m1}/swap`, { respondentId: m2 }).expect(200);
    expect(
      swapped.body
        .find((g: { id: number }) => g.id === g2)
        .members.map((m: { respondentId: number }) => m.respondentId),
    ).toContain(m1);
    // This study allows no reserves: making m1 one is refused, with the setting named.
    const noReserves = await post(`/api/groups/${g2}/members/${m1}/move`, { groupId: g2, role: 'reserve' }).expect(400);
    expect(noReserves.body).toMatchObject({
      code: 'group.change_refused',
      message: expect.stringMatching(
        /^Deze wijziging kan niet: Groep \d+ zou 1 reserve hebben; het onderzoek staat er 0 per/,
      ),
    });
    const moved = await post(`/api/groups/${g2}/members/${m1}/move`, { groupId: g1 }).expect(200);
    expect(moved.body.find((g: { id: number }) => g.id === g1).members).toHaveLength(4);
    const missing = await post(`/api/groups/${g2}/members/${m1}/move`, { groupId: g1 }).expect(404);
    expect(missing.body.code).toBe('group_member.not_found');
    await post(`/api/groups/${g1}/members/${m1}/promote`, {}).expect(400);
    const newcomer = await createRespondent(t.dataSource, fx.study.id, fx.organisations[1].id, {
      quadrant: 'gemakzoeker',
    });
    const wrongBucket = await post(`/api/groups/${g1}/members`, { respondentId: newcomer.id }).expect(400);
    expect(wrongBucket.body.message).toMatch(/één organisatie en één kwadrant/);
    await agent.delete(`/api/groups/${g1}/members/${m1}`).set('x-csrf-token', csrf).expect(200);
    await post(`/api/groups/${g1}/members`, { respondentId: m1, role: 'captain' }).expect(400);
    const actions = (await t.dataSource.getRepository(AuditEvent).findBy({ studyId: fx.study.id })).map(
      (e) => e.action,
    );
    expect(actions).toEqual(expect.arrayContaining(['group.member_swap', 'group.member_move', 'group.member_remove']));
  });

  it('lets exactly one of two simultaneous requests place the same respondent; the other gets a 409', async () => {
    const { body } = await agent.get('/api/studies/groepen/groups').expect(200);
    const [g1, g2] = body.groups.map((g: { id: number }) => g.id);
    const free = await createRespondent(t.dataSource, fx.study.id, fx.organisations[0].id, { quadrant: 'gemakzoeker' });
    const [a, b] = await Promise.all([
      post(`/api/groups/${g1}/members`, { respondentId: free.id }),
      post(`/api/groups/${g2}/members`, { respondentId: free.id }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const loser = a.status === 409 ? a : b;
    expect(loser.body.message).toMatch(/zit al in groep \d+\. Verplaats|op hetzelfde moment in een andere groep/);
    expect(await t.dataSource.getRepository(GroupMember).countBy({ respondentId: free.id })).toBe(1);
    expect(bucket).toHaveLength(6);
  });

  it('renders the page in Dutch and English with cards, shortfalls and a dry-run preview', async () => {
    const nl = await agent.get('/studies/groepen/groups?preview=1').expect(200);
    expect(nl.text).toContain('Mini-focusgroepen');
    expect(nl.text).toContain('Voorstel (nog niet opgeslagen)');
    expect(nl.text).toContain('RET × Informatiezoeker: 0 van 6 nodig');
    expect(nl.text).toContain('Vitens × Gemakzoeker: 1 van 6 nodig');
    expect(nl.text).toMatch(/Spreiding \d+ van 12/);
    // Why people are left out, in the reader's language (the API keeps its English texts).
    expect(nl.text).toContain(
      'te weinig geschikte respondenten in deze organisatie en dit kwadrant om een groep te vormen',
    );
    expect(nl.text).toContain('alle plaatsen en reserveplaatsen van deze organisatie en dit kwadrant zijn al bezet');
    expect(nl.text).not.toContain('too few eligible respondents');
    expect(nl.text).toMatch(/\d+ respondenten hebben geen beschikbaarheid opgegeven/);
    const en = await agent.get('/studies/groepen/groups?lang=en').expect(200);
    expect(en.text).toContain('Mini focus groups');
    expect(en.text).toContain('too few eligible respondents in this organisation and quadrant to form a group');
    expect(en.text).toContain('Vitens × Convenience seeker: 1 of 6 needed');
    expect(en.text).toMatch(/\d+ respondents have given no availability/);
    expect(en.text).not.toContain('Proposal (not saved yet)');
  });

  it('shows a refused page action on the groups page again (not a redirect), and a done one as a message on the next page', async () => {
    const page = await agent.get('/studies/groepen/groups?lang=nl').expect(200);
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)![1];
    const { body } = await agent.get('/api/studies/groepen/groups').expect(200);
    const g = body.groups[0];
    await agent.post(`/studies/groepen/groups/${g.id}/lock`).type('form').send({ _csrf: token }).expect(303);
    const shown = await agent
      .post(`/studies/groepen/groups/${g.id}/members/${g.members[0].respondentId}/remove`)
      .type('form')
      .send({ _csrf: token })
      .expect(409);
    expect(shown.text).toContain('id="refusal"');
    expect(shown.text).toContain('Deze wijziging kan niet:');
    expect(shown.text).toContain(`Groep ${g.id} is vastgezet. Zet hem eerst los als deze wijziging echt nodig is.`);
    // The same refusal for an English reader.
    const english = await agent
      .post(`/studies/groepen/groups/${g.id}/members/${g.members[0].respondentId}/remove?lang=en`)
      .type('form')
      .send({ _csrf: token })
      .expect(409);
    expect(english.text).toContain(`Group ${g.id} is locked. Unlock it first if this change is really needed.`);
    const unlocked = await agent
      .post(`/studies/groepen/groups/${g.id}/unlock?lang=nl`)
      .type('form')
      .send({ _csrf: token })
      .expect(303);
    expect(unlocked.headers.location).toBe('/studies/groepen/groups');
    const next = await agent.get('/studies/groepen/groups').expect(200);
    expect(next.text).toContain(`Groep ${g.id} is niet meer vastgezet`);
    expect(next.text).not.toContain('id="refusal"');
    // The message is shown once.
    expect((await agent.get('/studies/groepen/groups').expect(200)).text).not.toContain(
      `Groep ${g.id} is niet meer vastgezet`,
    );
    await agent
      .post('/studies/groepen/groups/form')
      .type('form')
      .send({ _csrf: token, organisation: 'Vitens' })
      .expect(303);
    expect((await agent.get('/studies/groepen/groups').expect(200)).text).toContain('Groepen gevormd: 0; tekorten: 4.');
  });
});
