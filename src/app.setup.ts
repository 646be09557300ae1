import { NestExpressApplication } from '@nestjs/platform-express';
import { Request, Response } from 'express';
import { isUtf8 } from 'node:buffer';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ConfigService } from '@nestjs/config';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { Logger } from 'nestjs-pino';
import { requestContext } from './common/request-context';
import { Environment } from './config/environment';
import { AllExceptionsFilter } from './common/http/exception.filter';
import { JSON_TYPES, jsonBodiesOnly } from './common/http/json-bodies-only';
import { RequestValidationPipe } from './common/http/request-validation.pipe';
import { API_PREFIX } from './api-prefix';
import { PageExceptionFilter } from './pages/shared/page-errors';

/** The pages' stylesheet and script: `public/` of the project, run from `src/` or `dist/src/`. */
const PUBLIC_ASSETS = join(projectRoot(__dirname), 'public');

function projectRoot(from: string): string {
  return existsSync(join(from, 'package.json')) ? from : projectRoot(dirname(from));
}

/** A JSON body must be UTF-8 as sent: malformed bytes would be stored as U+FFFD otherwise. */
function refuseMalformedUtf8(
  _request: unknown,
  _response: unknown,
  body: Buffer,
  encoding: string,
) {
  if (/^utf-?8$/i.test(encoding) && !isUtf8(body)) {
    throw Object.assign(new Error('The request body is not valid UTF-8'), {
      status: 400,
      expose: true,
      type: 'entity.verify.failed',
    });
  }
}

/** Everything `main.ts` and the tests apply alike to a created application. */
export function configureApp(app: NestExpressApplication): NestExpressApplication {
  app.useLogger(app.get(Logger));
  const config = app.get(ConfigService<Environment, true>);
  const production = config.get('NODE_ENV', { infer: true }) === 'production';
  app.use(
    helmet({
      // Over plain HTTP (development, an intranet) HSTS would only pin browsers to HTTPS.
      strictTransportSecurity: production,
      contentSecurityPolicy: {
        // Plain-HTTP installations (development, an intranet) would lose their own assets.
        directives: { 'upgrade-insecure-requests': production ? [] : null },
      },
    }),
  );
  app.use(cookieParser());
  app.useStaticAssets(PUBLIC_ASSETS, { prefix: '/assets/', maxAge: '1h' });
  // Browsers that ask for the icon at its old place before reading the page's link to it.
  app.use('/favicon.ico', (_request: Request, response: Response) =>
    response.redirect(301, '/assets/favicon.svg'),
  );
  app.useStaticAssets(join(require.resolve('htmx.org'), '..'), {
    prefix: '/assets/',
    maxAge: '1h',
    index: false,
  });
  app.use((_request: unknown, _response: unknown, next: () => void) =>
    requestContext.run({}, next),
  );
  app.getHttpAdapter().getInstance().set('trust proxy', config.get('TRUST_PROXY_HOPS'));
  const bodyLimit = config.get('BODY_LIMIT', { infer: true });
  app.use(jsonBodiesOnly);
  app.useBodyParser('json', { type: JSON_TYPES, limit: bodyLimit, verify: refuseMalformedUtf8 });
  app.useBodyParser('urlencoded', { limit: bodyLimit, extended: false });
  const corsOrigins = config
    .get('CORS_ORIGINS', { infer: true })
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean);
  if (corsOrigins.length > 0) {
    app.enableCors({ origin: corsOrigins });
  }
  app.useGlobalPipes(new RequestValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(new PageExceptionFilter()));
  app.enableShutdownHooks();

  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('School of Mayors: training programs API')
      .setDescription(
        'Programs, cohorts, stages held in different cities, their sessions, participants and ' +
          'mentors. Times: input without an offset is wall-clock time in the stage’s zone; ' +
          'output carries UTC `startsAt`/`endsAt` and local `startsAtLocal`/`endsAtLocal`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .addSecurityRequirements('bearer')
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, {
    jsonDocumentUrl: `${API_PREFIX}/docs-json`,
  });
  return app;
}
