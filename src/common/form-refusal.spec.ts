import { AppError } from './app-error';
import { fillParams, refusedForm, Wording } from './form-refusal';

const TEXTS: Record<string, string> = {
  'field.title': 'Titel',
  'field.slug': 'Korte naam',
  'formProblem.minLength': 'te kort: minstens {limit} tekens',
  'formProblem.matches': 'niet de goede vorm',
  'formProblem.matches.slug': 'alleen kleine letters',
  'formRefusal.study.slug_taken': 'al in gebruik',
};
const words: Wording = {
  has: (key) => key in TEXTS,
  say: (key, vars = {}) => (TEXTS[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name])),
  errorText: (err) => err.message,
};
const spec = {
  name: 'new-study',
  fields: { title: { label: 'field.title', id: 'new-title' }, slug: { label: 'field.slug', id: 'new-slug' } },
};

describe(refusedForm.name, () => {
  it('words each field problem next to its field and links the summary to the inputs, by their labels', () => {
    const err = AppError.invalid('validation.failed', 'Please correct: title, slug.').withProblems({
      title: [{ key: 'formProblem.minLength', vars: { limit: 3 } }],
      slug: [{ key: 'formProblem.matches' }],
    });
    const form = refusedForm(spec, {}, { _csrf: 'token', title: 'Kl', slug: 'Klant Reis' }, err, words);
    expect(form).toEqual({
      name: 'new-study',
      values: { title: 'Kl', slug: 'Klant Reis' },
      problems: { title: ['te kort: minstens 3 tekens'], slug: ['alleen kleine letters'] },
      summary: [
        { href: '#new-title', label: 'Titel', text: 'te kort: minstens 3 tekens' },
        { href: '#new-slug', label: 'Korte naam', text: 'alleen kleine letters' },
      ],
    });
  });

  it('puts a service refusal next to the field its details name, in the reader language', () => {
    const err = AppError.conflict('study.slug_taken', 'A study with slug "wp2a" already exists.', {
      slug: ['is already taken'],
    });
    const form = refusedForm(spec, {}, { title: 'Klantreis', slug: 'wp2a' }, err, words);
    expect(form.problems).toEqual({ slug: ['al in gebruik'] });
    expect(form.summary).toEqual([{ href: '#new-slug', label: 'Korte naam', text: 'al in gebruik' }]);
  });

  it('says a refusal that names no field of the form above the form, never dropping it', () => {
    const err = AppError.conflict('study.closed', 'The study is closed.');
    const form = refusedForm(spec, {}, {}, err, words);
    expect(form.problems).toEqual({});
    expect(form.summary).toEqual([{ text: 'The study is closed.' }]);
  });

  it('puts a rule the chosen value breaks next to the field the form says it is about, in the service own words', () => {
    const about = { ...spec, fieldOf: (e: AppError) => (e.code === 'schedule.capacity-full' ? 'slug' : undefined) };
    const full = AppError.conflict('schedule.capacity-full', 'Op dit moment is plaats voor 2 groepen.', { rule: 'x' });
    expect(refusedForm(about, {}, { slug: 'wp2a' }, full, words)).toMatchObject({
      values: { slug: 'wp2a' },
      problems: { slug: ['Op dit moment is plaats voor 2 groepen.'] },
      summary: [{ href: '#new-slug', label: 'Korte naam', text: 'Op dit moment is plaats voor 2 groepen.' }],
    });
    const other = AppError.conflict('schedule.no_change', 'Niets veranderd.');
    expect(refusedForm(about, {}, {}, other, words).summary).toEqual([{ text: 'Niets veranderd.' }]);
    // A field the form does not have leaves the refusal about the form as a whole.
    const nowhere = { ...spec, fieldOf: () => 'slotId' };
    expect(refusedForm(nowhere, {}, {}, full, words).summary).toEqual([{ text: full.message }]);
  });

  it('names a form per table row from the route', () => {
    const row = { name: 'organisation-{id}', fields: { contactPhone: { label: 'field.title', id: 'org-{id}-phone' } } };
    const err = AppError.invalid('validation.failed', 'x').withProblems({
      contactPhone: [{ key: 'formProblem.matches' }],
    });
    const form = refusedForm(row, { slug: 'wp2a', id: '7' }, { contactPhone: 'bel me' }, err, words);
    expect(form.name).toBe('organisation-7');
    expect(form.summary[0].href).toBe('#org-7-phone');
  });
});

describe(fillParams.name, () => {
  it('leaves a placeholder the route does not have', () => {
    expect(fillParams('{id}-{other}', { id: '3' })).toBe('3-{other}');
  });
});
