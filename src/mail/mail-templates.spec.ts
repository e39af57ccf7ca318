import { MailTemplates } from './mail-templates';

const mails = new MailTemplates();
const session = {
  studyTitle: 'Publieke dienstverlening',
  sessionTime: 'dinsdag 10 maart 10:00',
  helpPhone: '030 000 00 00',
};

describe(MailTemplates.name, () => {
  it('writes one invitation template in the recipient’s language, its words from the catalogue', () => {
    const data = {
      ...session,
      firstName: 'Anna',
      duration: '2 uur',
      onlineUrl: 'https://meet.example/x',
      homeworkDue: '3 maart',
      confirmUrl: 'https://k/c/1/confirm',
      declineUrl: 'https://k/c/1/decline',
    };
    const nl = mails.render('invitation', 'nl', data);
    const en = mails.render('invitation', 'en', data);
    expect(nl.subject).toBe('Uitnodiging groepsgesprek dinsdag 10 maart 10:00');
    expect(en.subject).toBe('Invitation to a group conversation dinsdag 10 maart 10:00');
    expect(nl.text).toContain('Beste Anna,');
    expect(nl.text).toContain('Ja, ik kom: https://k/c/1/confirm');
    expect(en.text).toContain('Yes, I will come: https://k/c/1/confirm');
    expect(nl.html).toContain('Bel ons: 030 000 00 00');
    expect(en.html).toContain('Call us: 030 000 00 00');
    expect(nl.html).toContain('lang="nl"');
  });

  it('escapes what a person typed in the HTML part but not in the text part', () => {
    const data = {
      ...session,
      studyTitle: 'A & <b>',
      name: 'Bo',
      groupLabel: 'Groep 1',
      minutes: 120,
      members: [],
      scheduleUrl: 'https://k/s',
      isLead: true,
    };
    const m = mails.render('moderator-invitation', 'nl', data);
    expect(m.subject).toBe('Gespreksleider · Groep 1 · dinsdag 10 maart 10:00');
    expect(m.text).toContain('“A & <b>”');
    expect(m.html).toContain('A &amp; &lt;b&gt;');
    expect(mails.render('moderator-invitation', 'en', { ...data, isLead: false, isUpdate: true }).subject).toBe(
      'Changed: Note-taker · Groep 1 · dinsdag 10 maart 10:00',
    );
  });

  it('says a cancellation in both languages', () => {
    expect(mails.render('invitation-cancellation', 'nl', session).text).toContain('gaat niet door');
    expect(mails.render('invitation-cancellation', 'en', session).text).toContain('will not take place');
    expect(
      mails.render('moderator-invitation-cancellation', 'en', { ...session, name: 'Bo', groupLabel: 'Groep 1' })
        .subject,
    ).toBe('Cancelled: Groep 1 · dinsdag 10 maart 10:00');
  });
});
