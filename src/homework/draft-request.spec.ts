import 'reflect-metadata';
import { createValidationPipe } from '../common/validation';
import { AppError } from '../common/app-error';
import { HomeworkDraftDto } from './dto/homework.dto';
import { draftRequest } from './draft-request';

/** What the global pipe answers for a body on the controller's route (which typed codes take). */
async function pipeAnswer(body: unknown): Promise<unknown> {
  try {
    return await createValidationPipe().transform(body, { type: 'body', metatype: HomeworkDraftDto });
  } catch (err) {
    return err;
  }
}

function directAnswer(body: unknown): unknown {
  try {
    return draftRequest(body);
  } catch (err) {
    return err;
  }
}

const describeError = (e: unknown) =>
  e instanceof AppError ? { code: e.code, message: e.message, details: e.details, problems: e.problems } : e;

describe('draftRequest: the autosave body, checked as HomeworkDraftDto is', () => {
  const bodies: unknown[] = [
    { revision: 0, data: {} },
    { revision: 3, data: { firstName: 'Ans' }, currentPage: 'goalStep' },
    { revision: 3, data: { firstName: 'Ans' }, currentPage: null },
    { revision: 'x', data: [] },
    { revision: -1.5, data: 'a', currentPage: 5, extra: 1, more: 2 },
    { revision: 2.5, data: {} },
    { revision: -1, data: {} },
    { revision: 2147483648, data: {} },
    { revision: 1e20, data: {} },
    { revision: Infinity, data: {} },
    { revision: 2147483647, data: {} },
    { data: {}, currentPage: 'x'.repeat(101) },
    { revision: 1, data: null },
    { revision: 1 },
    {},
  ];

  it.each(bodies.map((b) => [JSON.stringify(b).slice(0, 50), b]))(
    'gives the same answer as the global validation pipe: %s',
    async (_, body) => {
      const expected = await pipeAnswer(body);
      const actual = directAnswer(body);
      if (expected instanceof Error) expect(describeError(actual)).toEqual(describeError(expected));
      else expect(actual).toEqual({ ...(expected as object) });
    },
  );

  it('names every problem of a bad body in one error', () => {
    expect(() => draftRequest({ revision: 'x', data: [], secret: 1 })).toThrow(
      expect.objectContaining({
        code: 'validation.failed',
        details: {
          secret: ['property secret should not exist'],
          revision: ['must not be greater than 2147483647', 'must not be less than 0', 'must be an integer number'],
          data: ['must be an object'],
        },
      }),
    );
  });

  it('refuses a body that is not an object', () => {
    for (const body of [null, [], 'text', 3])
      expect(() => draftRequest(body)).toThrow(expect.objectContaining({ code: 'validation.failed' }));
  });
});
