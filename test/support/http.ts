import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';

export type Agent = ReturnType<typeof request.agent>;

/**
 * A logged-in browser-like client: cookies kept, and the CSRF token for state-changing calls. The token comes
 * with the login: it is bound to the session, so the one used for the login form itself stops working.
 */
export async function loginAgent(
  app: NestExpressApplication,
  email: string,
  password: string,
): Promise<{ agent: Agent; csrf: string }> {
  const agent = request.agent(app.getHttpServer());
  const { body } = await agent.get('/api/auth/csrf').expect(200);
  const login = await agent
    .post('/api/auth/login')
    .set('x-csrf-token', body.csrfToken)
    .send({ email, password })
    .expect(200);
  return { agent, csrf: login.body.csrfToken };
}

export function anonymousAgent(app: NestExpressApplication): Agent {
  return request.agent(app.getHttpServer());
}

/** What a download answers, its body kept as bytes so each file format is read back by its own reader. */
export type RawResponse = { status: number; headers: Record<string, string>; body: Buffer };

/** supertest parser that keeps any body (PDF, XLSX, ZIP, CSV) as bytes instead of guessing a text encoding. */
export const bytes = ((res: NodeJS.ReadableStream, done: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
}) as unknown as (res: import('superagent').Response, callback: (err: Error | null, body: unknown) => void) => void;

/** A GET whose answer is read as bytes. */
export const download = (agent: Agent, url: string): Promise<RawResponse> => agent.get(url).buffer(true).parse(bytes);
