import { join } from 'path';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express from 'express';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AuthService } from './auth/auth.service';
import { sessionMiddleware } from './auth/session.middleware';
import { staffOnly } from './auth/staff-only.middleware';
import { bodyParsing } from './common/body-parsing.middleware';
import { serveDirectRoutes } from './common/direct-routes';
import { flashMessages } from './common/flash';
import { capturedHeaders, noStore, securityHeaders } from './common/security-headers';
import { createValidationPipe } from './common/validation';
import { configureViews } from './common/view-engine';
import type { ResolvedConfig } from './config/config.module';
import { autosaveRoute } from './homework/autosave.route';
import { directRequestLog } from './logger-options';
import { QuietNestLogger } from './quiet-nest-logger';
import { HomeworkService } from './homework/homework.service';

const ROOT = join(__dirname, '..').replace(/[\\/]dist$/, '');
const IMPORT_PATH = /^\/api\/studies\/[^/]+\/(?:respondents|homework|codebook)\/import$/;
const API_DOCS = 'api/docs';
/** SwaggerModule's page (and its assets), and the description as JSON and YAML. */
const API_DOCS_PATHS = [`/${API_DOCS}`, `/${API_DOCS}-json`, `/${API_DOCS}-yaml`];

/**
 * Everything between NestFactory.create (with `bodyParser: false`: bodies are read by bodyParsing) and listen;
 * shared by main.ts, the end-to-end tests and the benches.
 */
export function configureApp(app: NestExpressApplication, config: ResolvedConfig): void {
  app.useLogger(new QuietNestLogger(app.get(Logger)));
  // Every per-address throttle reads req.ip, so only the proxies named in TRUST_PROXY may say who the client is.
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  const security = securityHeaders(config.baseUrl);
  app.use(security);
  // Pages and assets are worth compressing; small JSON answers are not, and autosave is the hottest path.
  const compress = compression();
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) =>
    req.path.startsWith('/api/') ? next() : compress(req, res, next),
  );
  app.use(cookieParser());
  // One reader for every body (JSON and forms), by the same rules as the direct routes below; an import's file
  // is read by its own route.
  app.use(bodyParsing({ takesOwnBody: (req) => req.method === 'POST' && IMPORT_PATH.test(req.path) }));
  app.use('/assets', express.static(join(ROOT, 'public'), { maxAge: '1h' }));
  // SurveyJS from the installed package: long-cached, compressed by the middleware above.
  app.use(
    '/assets/survey',
    express.static(join(ROOT, 'node_modules', 'survey-core'), { maxAge: '7d', immutable: true }),
  );
  app.use(
    '/assets/survey-ui',
    express.static(join(ROOT, 'node_modules', 'survey-js-ui'), { maxAge: '7d', immutable: true }),
  );
  app.use(noStore);
  app.use(sessionMiddleware(app.get(AuthService), config.sessionSecret, config.baseUrl.startsWith('https:')));
  app.use(flashMessages(config.baseUrl.startsWith('https:')));
  // The API description maps every route: for staff, not for anyone probing the server.
  app.use(API_DOCS_PATHS, staffOnly);
  app.useGlobalPipes(createValidationPipe());
  configureViews(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('kwadrant API')
      .setDescription(
        'Customer-journey research: studies, respondents, groups, scheduling, homework, overviews. Errors: { statusCode, error, message, details? }.',
      )
      .setVersion('0.1')
      .addCookieAuth('kw_session')
      .build(),
  );
  SwaggerModule.setup(API_DOCS, app, document);
  app.enableShutdownHooks();
  serveDirectRoutes(app.getHttpServer(), [autosaveRoute(app.get(HomeworkService))], {
    headers: capturedHeaders(security),
    logger: app.get(Logger),
    requestLog: directRequestLog(config),
  });
}
