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
