import 'reflect-metadata';
import { readdirSync, readFileSync } from 'fs';
import { IsDayParam } from './list-filters';
import { IsInt, IsOptional, Max, Min, MinLength } from 'class-validator';
import { createValidationPipe } from './validation';
import { join } from 'path';
import { AppError } from './app-error';
import { errorBody } from './error-body';
import { readCatalogue } from './i18n';
import { templatesDir } from './view-engine';

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(full);
    return e.name.endsWith('.ts') && !e.name.endsWith('.spec.ts') ? [full] : [];
  });
}

/** Every error code written out in the application's code. */
function errorCodes(): string[] {
  const text = sourceFiles(join(templatesDir(), '..', 'src'))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
  const codes = [
    ...[...text.matchAll(/new AppError\(\s*'[a-z_]+',\s*'([\w.-]+)'/g)].map((m) => m[1]),
    ...[...text.matchAll(/AppError\.(?:invalid|conflict)\(\s*'([\w.-]+)'/g)].map((m) => m[1]),
    ...[...text.matchAll(/AppError\.notFound\(\s*'(\w+)'/g)].map((m) => `${m[1]}.not_found`),
    ...[...text.matchAll(/ImportLimitError\(\s*'([\w.-]+)'/g)].map((m) => m[1]),
    ...[...text.matchAll(/code: '(attendance\.[\w.-]+)'/g)].map((m) => m[1]),
    // The screener intake's refusals: refusal('invalid', 'unknown_version') is `screener.unknown_version`.
    ...[...text.matchAll(/\brefusal\(\s*'[a-z_]+',\s*'(\w+)'/g)].map((m) => `screener.${m[1]}`),
  ];
  return [...new Set(codes)].sort();
}

describe('error texts', () => {
  const nl = readCatalogue(templatesDir(), 'nl');
  const en = readCatalogue(templatesDir(), 'en');
  const has = (catalogue: Record<string, string>, code: string) =>
    `error.${code}` in catalogue || `error.${code}_other` in catalogue;

  it('has a Dutch and an English text for every error code', () => {
    const codes = errorCodes();
    expect(codes.length).toBeGreaterThan(80);
    expect(codes).toEqual(expect.arrayContaining(['screener.invalid_answers', 'rate_limited', 'import.unreadable']));
    expect(codes.filter((c) => !has(nl, c))).toEqual([]);
    expect(codes.filter((c) => !has(en, c))).toEqual([]);
  });
});

class ExampleDto {
  @MinLength(3) title: string;
  @IsInt() @Min(1) @Max(60) groupMinSize: number;
  @IsOptional() @IsDayParam() from?: string;
}

async function refusalOf(body: object): Promise<unknown> {
  try {
    await createValidationPipe().transform(body, { type: 'body', metatype: ExampleDto });
  } catch (err) {
    return err;
  }
  throw new Error('the body was accepted');
}

describe(errorBody.name, () => {
  it('says validation problems in the reader’s language, Dutch by default, naming fields by their titles', async () => {
    const err = await refusalOf({ title: 'ab', groupMinSize: 99, from: '8-12-2026', extra: 1 });
    const nl = errorBody(err, 'POST', '/api/studies', 'nl');
    expect(nl).toMatchObject({ statusCode: 400, code: 'validation.failed' });
    expect(nl.details).toEqual({
      title: ['te kort: minstens 3 tekens'],
      groupMinSize: ['te groot: hoogstens 60'],
      from: ['schrijf een datum als JJJJ-MM-DD'],
      extra: ['dit veld hoort niet bij het formulier'],
    });
    expect(nl.message).toContain('titel (te kort: minstens 3 tekens), kleinste groep (te groot: hoogstens 60)');
    const en = errorBody(err, 'POST', '/api/studies', 'en');
    expect(en.details).toMatchObject({
      title: ['too short: at least 3 characters'],
      groupMinSize: ['too large: at most 60'],
    });
    expect(en.message).toContain('title (too short: at least 3 characters), smallest group (');
    expect(errorBody(err, 'POST', '/api/studies').details).toEqual(nl.details);
  });

  it('says an error in the reader’s language, with its values, and keeps the code', () => {
    const err = AppError.invalid(
      'user.password_too_short',
      'The password must be at least 12 characters long.',
      undefined,
      { min: 12 },
    );
    expect(errorBody(err, 'POST', '/api/users', 'nl')).toMatchObject({
      statusCode: 400,
      code: 'user.password_too_short',
      message: 'Het wachtwoord moet minstens 12 tekens lang zijn.',
    });
    expect(errorBody(err, 'POST', '/api/users', 'en').message).toBe(
      'The password must be at least 12 characters long.',
    );
  });

  it('chooses the plural form by count', () => {
    const wait = (count: number) =>
      new AppError('too_many_requests', 'auth.throttled', '', { retryAfterSeconds: count * 60 }, { count });
    expect(errorBody(wait(1), 'POST', '/api/auth/login', 'nl').message).toContain('1 minuut');
    expect(errorBody(wait(4), 'POST', '/api/auth/login', 'en').message).toContain('4 minutes');
  });

  it('says each rule a group change breaks in the reader’s language', () => {
    const rules = [
      { textKey: 'groups.rule.too_many', vars: { groupId: 3, count: 7, max: 6 } },
      { textKey: 'groups.rule.no_shared_slot', vars: { groupId: 3 } },
    ];
    const err = AppError.invalid('group.change_refused', 'Group 3 would have 7 members.', undefined, { rules });
    const nl = errorBody(err, 'POST', '/api/groups/3/members', 'nl').message;
    expect(nl).toMatch(/^Deze wijziging kan niet: Groep 3 zou 7 deelnemers hebben;.* De deelnemers van groep 3 /);
    expect(errorBody(err, 'POST', '/api/groups/3/members', 'en').message).toContain('Group 3 would have 7 members');
  });

  it('says a text of its own when the code has several (a file without the needed columns)', () => {
    const err = new AppError(
      'invalid',
      'import.unreadable',
      'x',
      undefined,
      { name: 'a.csv', columns: 'Kwadrant' },
      'error.import.missing_columns',
    );
    expect(errorBody(err, 'POST', '/api/import', 'nl').message).toBe(
      'In a.csv ontbreken kolommen die nodig zijn: Kwadrant.',
    );
  });

  it('names what was not found in the reader’s language', () => {
    expect(errorBody(AppError.notFound('group', 12), 'GET', '/api/groups/12', 'nl').message).toBe(
      'Er is geen groep “12”.',
    );
  });
});
