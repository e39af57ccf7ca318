import { answerText, formPages, homeworkForm, plainText } from './homework-form';
import { letterParagraphs } from './letter-text';

describe('homework form as data', () => {
  const form = homeworkForm('Vitens');

  it('builds each organisation’s form once', () => {
    expect(homeworkForm('Vitens')).toBe(form);
    expect(homeworkForm('RET')).not.toBe(form);
  });

  it('names the organisation only in texts: questions, choices and pages are the same for every organisation (autosave relies on it)', () => {
    const names = (organisation: string) =>
      formPages(homeworkForm(organisation).definition, 'nl').map((p) => [
        p.name,
        p.questions.map((q) => [q.name, q.choices.map((c) => c.value)]),
      ]);
    expect(homeworkForm('RET').shapes).toEqual(form.shapes);
    expect(homeworkForm('').shapes).toEqual(form.shapes);
    expect(names('RET')).toEqual(names('Vitens'));
    expect(names('')).toEqual(names('Vitens'));
    expect(JSON.stringify(homeworkForm('RET').definition)).toContain('RET');
  });

  it('lists pages and questions in Dutch or English, with the ratings recognised', () => {
    const nl = formPages(form.definition, 'nl');
    const en = formPages(form.definition, 'en');
    expect(nl.map((p) => p.name)).toEqual([
      'start',
      'contactMomentsStep',
      'goalStep',
      'orientationStep',
      'contactStep',
      'afterwardsStep',
    ]);
    expect(nl[0].intro).toContain('Vitens');
    expect(nl[0].intro).not.toContain('<p>');
    const rating = nl[1].questions.find((q) => q.name === 'contactMomentsRating')!;
    expect(rating.isRating).toBe(true);
    expect(rating.title).toBe('Wat was uw ervaring hierbij?');
    expect(en[1].questions.find((q) => q.name === 'contactMomentsRating')!.title).toBe(
      'What was your experience with this?',
    );
    expect(nl[5].questions.find((q) => q.name === 'afterwardsReason')!.conditional).toBe(true);
  });

  it('shows answers as a person reads them', () => {
    const questions = formPages(form.definition, 'nl').flatMap((p) => p.questions);
    const channels = questions.find((q) => q.name === 'channels')!;
    expect(answerText(channels, ['website', 'post'])).toBe('Website, Post (brief)');
    const rating = questions.find((q) => q.name === 'goalRating')!;
    expect(answerText(rating, 'negatief')).toBe('Negatief');
    // Outside the form the faces are drawn, so the emoji leave the texts.
    expect(rating.choices).toEqual([
      { value: 'positief', text: 'Positief', face: 'positief' },
      { value: 'neutraal', text: 'Neutraal', face: 'neutraal' },
      { value: 'negatief', text: 'Negatief', face: 'negatief' },
    ]);
    expect(answerText(channels, undefined)).toBe('');
    expect(plainText('<p>a &amp; b</p><p>c&#39;s</p>')).toBe("a & b\nc's");
  });

  it('writes the letter with link, code, return address and contact person', () => {
    const t = (key: string) => key;
    const letter = {
      name: 'Ans',
      link: 'https://x/h/abc',
      code: 'ABCD-EFGH',
      returnAddress: 'Postbus 1, Utrecht',
      contactName: 'Piet',
      contactPhone: '',
    };
    const texts = letterParagraphs(letter, t).map((p) => p.text);
    expect(texts).toEqual(
      expect.arrayContaining([
        'homework.letter.greeting',
        'https://x/h/abc',
        'ABCD-EFGH',
        'Postbus 1, Utrecht',
        'homework.letter.contact',
      ]),
    );
    expect(
      letterParagraphs({ ...letter, name: '', returnAddress: '', contactName: '' }, t).map((p) => p.text),
    ).not.toContain('homework.letter.paper');
    expect(texts).not.toContain('homework.letter.contactEmail');
    expect(letterParagraphs({ ...letter, contactEmail: 'piet@vitens.nl' }, t).map((p) => p.text)).toContain(
      'homework.letter.contactEmail',
    );
  });
});
