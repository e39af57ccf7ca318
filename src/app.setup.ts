import { join } from 'path';
import compression from 'compression';
import cookieParser from 'cookie-parser';
import express from 'express';
import helmet from 'helmet';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { AuthService } from './auth/auth.service';
import { sessionMiddleware } from './auth/session.middleware';
import { createValidationPipe } from './common/validation';
import { configureViews } from './common/view-engine';
import type { ResolvedConfig } from './config/config.module';

const ROOT = join(__dirname, '..').replace(/[\\/]dist$/, '');

/** Everything between NestFactory.create and listen; shared by main.ts and the end-to-end tests. */
export function configureApp(app: NestExpressApplication, config: ResolvedConfig): void {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  app.disable('x-powered-by');
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: {
          'default-src': ["'self'"],
          // SurveyJS sets inline styles on the elements it renders.
          'style-src': ["'self'", "'unsafe-inline'"],
          'img-src': ["'self'", 'data:'],
          'script-src': ["'self'"],
          'form-action': ["'self'"],
          'frame-ancestors': ["'none'"],
          'upgrade-insecure-requests': config.baseUrl.startsWith('https:') ? [] : null,
        },
      },
      strictTransportSecurity: config.baseUrl.startsWith('https:'),
    }),
  );
  // Pages and assets are worth compressing; small JSON answers are not, and autosave is the hottest path.
  const compress = compression();
  app.use((req: express.Request, res: express.Response, next: express.NextFunction) => (req.path.startsWith('/api/') ? next() : compress(req, res, next)));
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '256kb' });
  app.useBodyParser('urlencoded', { limit: '256kb', extended: false });
  app.use('/assets', express.static(join(ROOT, 'public'), { maxAge: '1h' }));
  // SurveyJS from the installed package: long-cached, compressed by the middleware above.
  app.use('/assets/survey', express.static(join(ROOT, 'node_modules', 'survey-core'), { maxAge: '7d', immutable: true }));
  app.use('/assets/survey-ui', express.static(join(ROOT, 'node_modules', 'survey-js-ui'), { maxAge: '7d', immutable: true }));
  app.use(sessionMiddleware(app.get(AuthService), config.sessionSecret, config.baseUrl.startsWith('https:')));
  app.useGlobalPipes(createValidationPipe());
  configureViews(app);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('kwadrant API')
      .setDescription('Customer-journey research: studies, respondents, groups, scheduling, homework, overviews. Errors: { statusCode, error, message, details? }.')
      .setVersion('0.1')
      .addCookieAuth('kw_session')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, document);
  app.enableShutdownHooks();
}
