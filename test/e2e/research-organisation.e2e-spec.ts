import { OutboxMessage } from '../../src/mail/outbox-message.entity';
import { HomeworkService } from '../../src/homework/homework.service';
import { InvitationsService } from '../../src/scheduling/invitations.service';
import { StudyLogo } from '../../src/studies/study-logo.entity';
import { Study } from '../../src/studies/study.entity';
import { createStudy, createUser } from '../support/factories';
import { createScheduledGroup, credentialsOf } from '../support/homework-factories';
import { Agent, anonymousAgent, loginAgent } from '../support/http';
import { createTestApp, TestApp } from '../support/test-app';

/** A tiny valid PNG (1×1, transparent). */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);
const dataUrl = (bytes: Buffer, type = 'image/png') => `data:${type};base64,${bytes.toString('base64')}`;
const BEHIND = {
  researchOrganisation: 'Lectoraat Klantgericht Organiseren',
  privacyUrl: 'https://www.hogeschool.example.nl/privacy/klantreis',
  helpPhone: '030 252 76 18',
  helpEmail: 'klantreis@hogeschool.example.nl',
};

describe('who stands behind a study: settings, logo, and every respondent page, letter and e-mail', () => {
  let t: TestApp;
  let agent: Agent;
  let csrf: string;

  beforeAll(async () => {
    t = await createTestApp();
    const u = await createUser(t.dataSource, { role: 'researcher' });
    ({ agent, csrf } = await loginAgent(t.app, u.email, u.password));
  });
  afterAll(() => t.close());

  const studyRow = (slug: string) => t.dataSource.getRepository(Study).findOneByOrFail({ slug });

  it('stores the organisation, privacy statement and e-mail through the API, and refuses a bad address without changing anything', async () => {
    await createStudy(t.dataSource, { slug: 'achter-api' }, { organisations: ['RET'] });
    const res = await agent.patch('/api/studies/achter-api').set('x-csrf-token', csrf).send(BEHIND).expect(200);
    expect(res.body).toMatchObject(BEHIND);
    for (const bad of [
      { privacyUrl: 'javascript:alert(1)' },
      { privacyUrl: 'www.example.nl/privacy' },
      { helpEmail: 'geen e-mailadres' },
    ]) {
      const refused = await agent.patch('/api/studies/achter-api').set('x-csrf-token', csrf).send(bad).expect(400);
      expect(Object.keys(refused.body.details)).toEqual(Object.keys(bad));
    }
    expect(await studyRow('achter-api')).toMatchObject(BEHIND);
    // Empty fields clear the details again.
    await agent
      .patch('/api/studies/achter-api')
      .set('x-csrf-token', csrf)
      .send({ privacyUrl: '', helpEmail: '' })
      .expect(200);
    expect(await studyRow('achter-api')).toMatchObject({ privacyUrl: '', helpEmail: '' });
  });

  it('takes a PNG or JPEG logo, serves it publicly as an image, and refuses an SVG, a fake image or a large file in the reader’s language', async () => {
    const { study } = await createStudy(t.dataSource, { slug: 'achter-logo' }, { organisations: ['RET'] });
    await agent
      .put('/api/studies/achter-logo/logo')
      .set('x-csrf-token', csrf)
      .send({ logo: dataUrl(PNG) })
      .expect(204);
    const served = await anonymousAgent(t.app).get('/s/achter-logo/logo').buffer(true).expect(200);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.compare(served.body as Buffer, PNG)).toBe(0);

    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>');
    const refusedSvg = await agent
      .put('/api/studies/achter-logo/logo?lang=nl')
      .set('x-csrf-token', csrf)
      .send({ logo: dataUrl(svg, 'image/svg+xml') })
      .expect(400);
    expect(refusedSvg.body).toMatchObject({
      code: 'study.logo_not_png_or_jpeg',
      message: expect.stringContaining('geen PNG- of JPEG-afbeelding'),
    });
    const refusedLarge = await agent
      .put('/api/studies/achter-logo/logo?lang=en')
      .set('x-csrf-token', csrf)
      .send({ logo: dataUrl(Buffer.concat([PNG, Buffer.alloc(120_000)])) })
      .expect(400);
    expect(refusedLarge.body.message).toBe('The logo is larger than 100 kB. Make it smaller and try again.');
    await agent
      .put('/api/studies/achter-logo/logo')
      .set('x-csrf-token', csrf)
      .send({ logo: 'https://elders.example/logo.png' })
      .expect(400);
    const kept = await t.dataSource.getRepository(StudyLogo).findOneByOrFail({ studyId: study.id });
    expect(Buffer.from(kept.data, 'base64').equals(PNG)).toBe(true);

    await agent.delete('/api/studies/achter-logo/logo').set('x-csrf-token', csrf).expect(204);
    await anonymousAgent(t.app).get('/s/achter-logo/logo').expect(404);
    await anonymousAgent(t.app).get('/s/bestaat-niet/logo').expect(404);
  });

  it('is edited on the study’s settings page (form fields and the logo form)', async () => {
    await createStudy(t.dataSource, { slug: 'achter-pagina' }, { organisations: ['RET'] });
    const page = await agent.get('/studies/achter-pagina/settings').expect(200);
    for (const field of ['researchOrganisation', 'privacyUrl', 'helpEmail'])
      expect(page.text).toContain(`name="${field}"`);
    expect(page.text).toContain('action="/studies/achter-pagina/logo"');
    await agent
      .post('/studies/achter-pagina')
      .type('form')
      .send({ _csrf: csrf, title: 'Achter de pagina', ...BEHIND })
      .expect(303);
    expect(await studyRow('achter-pagina')).toMatchObject(BEHIND);
    await agent
      .post('/studies/achter-pagina/logo')
      .type('form')
      .send({ _csrf: csrf, logo: dataUrl(PNG) })
      .expect(303);
    const after = await agent.get('/studies/achter-pagina/settings').expect(200);
    expect(after.text).toMatch(/<img class="behind-top__logo" src="\/s\/achter-pagina\/logo\?v(=|&#x3D;)\d+"/);
    const refused = await agent
      .post('/studies/achter-pagina/logo?lang=nl')
      .type('form')
      .send({ _csrf: csrf, logo: dataUrl(Buffer.from('GIF89a-not-allowed'), 'image/gif') })
      .expect(400);
    expect(refused.text).toContain('geen PNG- of JPEG-afbeelding');
  });

  it('is shown on the screener, the homework pages and letter, the invitation pages, and in every e-mail to respondents', async () => {
    const fx = await createScheduledGroup(t.dataSource, {
      members: 1,
      organisation: 'Vitens',
      study: { ...BEHIND, slug: 'achter-overal' },
    });
    await agent
      .put('/api/studies/achter-overal/logo')
      .set('x-csrf-token', csrf)
      .send({ logo: dataUrl(PNG) })
      .expect(204);
    const visitor = anonymousAgent(t.app);
    const shows = (html: string) => {
      expect(html).toContain('Een onderzoek van Lectoraat Klantgericht Organiseren');
      expect(html).toContain(`<a href="${BEHIND.privacyUrl}">`);
      expect(html).toContain('<a href="tel:0302527618">030 252 76 18</a>');
      expect(html).toContain(`mailto:${BEHIND.helpEmail}`);
      expect(html).toMatch(/src="[^"]*\/s\/achter-overal\/logo\?v(=|&#x3D;)\d+"/);
    };
    shows((await visitor.get('/s/achter-overal').expect(200)).text);

    await t.app.get(InvitationsService).sendForGroup('achter-overal', fx.group.id, null);
    const invitation = await t.dataSource
      .getRepository(OutboxMessage)
      .findOneByOrFail({ toAddress: fx.members[0].email!, kind: 'invitation' });
    const token = /\/c\/([A-Za-z0-9_-]+)\/confirm/.exec(invitation.textBody)![1];
    const respond = (await visitor.get(`/c/${token}/confirm`).expect(200)).text;
    shows(respond);
    await visitor.post(`/c/${token}/confirm`).expect(303);
    const answered = (await visitor.get(`/c/${token}/answered`).expect(200)).text;
    shows(answered);
    // The helpline stands once, in the box that says who is behind the study, not again above it.
    for (const page of [respond, answered]) expect(page.split('030 252 76 18').length - 1).toBe(1);

    await t.app.get(HomeworkService).sendForGroup('achter-overal', fx.group.id, null);
    const { token: homeworkToken } = await credentialsOf(t, fx.members[0].id);
    shows((await visitor.get(`/h/${homeworkToken}`).expect(200)).text);
    const print = (await visitor.get(`/h/${homeworkToken}/print`).expect(200)).text;
    shows(print);
    expect(print).toContain(`Hoe wij met uw gegevens omgaan: ${BEHIND.privacyUrl}`);
    const pdf = await visitor.get(`/h/${homeworkToken}/pdf`).buffer(true).expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    // The logo is printed above the letter.
    expect((pdf.body as Buffer).toString('latin1')).toMatch(/\/Subtype \/Image/);
    // A file that starts like a PNG but is not one is left out of the PDF rather than breaking it.
    const broken = Buffer.concat([PNG.subarray(0, 8), Buffer.from('not really an image at all')]);
    await agent
      .put('/api/studies/achter-overal/logo')
      .set('x-csrf-token', csrf)
      .send({ logo: dataUrl(broken) })
      .expect(204);
    const without = await visitor.get(`/h/${homeworkToken}/pdf`).buffer(true).expect(200);
    expect((without.body as Buffer).toString('latin1')).not.toMatch(/\/Subtype \/Image/);
    expect((without.body as Buffer).toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);

    const mails = await t.dataSource.getRepository(OutboxMessage).findBy({ toAddress: fx.members[0].email! });
    expect(mails.map((m) => m.kind).sort()).toEqual(['homework-letter', 'invitation']);
    for (const mail of mails) {
      expect(mail.textBody).toContain('Dit onderzoek wordt gedaan door Lectoraat Klantgericht Organiseren.');
      expect(mail.textBody).toContain(`Hoe wij met uw gegevens omgaan: ${BEHIND.privacyUrl}`);
      expect(mail.textBody).toContain(`U kunt ons ook mailen: ${BEHIND.helpEmail}`);
      expect(mail.textBody).toContain('030 252 76 18');
      expect(mail.htmlBody).toMatch(
        /<img src="http[^"]*\/s\/achter-overal\/logo\?v(=|&#x3D;)\d+" alt="Lectoraat Klantgericht Organiseren"/,
      );
    }
  });

  it('falls back to HELP_PHONE on a study without details, and says nothing it does not know', async () => {
    await createStudy(t.dataSource, { slug: 'achter-leeg', helpPhone: '' }, { organisations: ['RET'] });
    const html = (await anonymousAgent(t.app).get('/s/achter-leeg').expect(200)).text;
    expect(html).not.toContain('Een onderzoek van');
    expect(html).not.toContain('privacyverklaring)');
    expect(html).toContain('Wie doet dit onderzoek?');
    expect(html).toMatch(/<a href="tel:[0-9+]+">/);
  });
});
