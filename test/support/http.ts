import request from 'supertest';
import type { NestExpressApplication } from '@nestjs/platform-express';

export type Agent = ReturnType<typeof request.agent>;

/** A logged-in browser-like client: cookies kept, CSRF token sent on every state-changing call. */
export async function loginAgent(app: NestExpressApplication, email: string, password: string): Promise<{ agent: Agent; csrf: string }> {
  const agent = request.agent(app.getHttpServer());
  const { body } = await agent.get('/api/auth/csrf').expect(200);
  await agent.post('/api/auth/login').set('x-csrf-token', body.csrfToken).send({ email, password }).expect(200);
  return { agent, csrf: body.csrfToken };
}

export function anonymousAgent(app: NestExpressApplication): Agent {
  return request.agent(app.getHttpServer());
}
