import { ArgumentsHost, Catch, ExceptionFilter, Logger } from '@nestjs/common';
import { Request, Response } from 'express';
import { ANONYMOUS } from '../../access/caller';
import { asHttpException } from '../../common/http/exception.filter';
import { TooManyAttemptsException } from '../../common/http/too-many-attempts';
import { commonTexts } from './common.messages';
import { pickLocale } from './i18n';
import { Layout } from './layout';
import { PageContext } from './page-context';
import { sendPage } from './render';

function ErrorPage({
  page,
  status,
  detail,
  reference,
}: {
  page: PageContext;
  status: number;
  detail?: string;
  reference?: string;
}) {
  const t = commonTexts(page.locale);
  return (
    <Layout page={page} title={t.errorTitle(status)}>
      <h1>{t.errorTitle(status)}</h1>
      <p>{detail ?? t.errorText(status)}</p>
      {reference && <p class="muted">{t.reference(reference)}</p>}
      <p>
        <a href="/">{t.toHome}</a>
      </p>
    </Layout>
  );
}

/** The context of a request that failed before or without `PageGuard`. */
function fallbackContext(request: Request): PageContext {
  const cookies = (request.cookies ?? {}) as Record<string, string>;
  return {
    caller: ANONYMOUS,
    actor: null,
    locale: pickLocale(cookies.lang, null, request.headers['accept-language']),
    csrfToken: '',
    url: request.originalUrl,
  };
}

/**
 * Errors of the web pages answered as pages: a visitor who must sign in is sent to the sign-in
 * page and back; an expired form says so; anything unexpected is a 500 page whose details stay
 * in the log under a reference.
 */
@Catch()
export class PageExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('Pages');

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request & { page?: PageContext }>();
    const response = host.switchToHttp().getResponse<Response>();
    const page = request.page ?? fallbackContext(request);
    const error = asHttpException(exception, this.logger);
    const status = error.getStatus();
    if (status === 401) {
      const next = `/?next=${encodeURIComponent(request.originalUrl)}`;
      if (request.headers['hx-request'] === 'true') {
        // A part of a page asked for: the whole page goes to sign in, not that part.
        response.setHeader('HX-Redirect', `/?next=${encodeURIComponent(currentPath(request))}`);
        response.status(401).end();
        return;
      }
      if (request.method === 'GET') {
        response.redirect(303, next);
        return;
      }
    }
    if (error instanceof TooManyAttemptsException) {
      response.setHeader('Retry-After', String(error.retryAfterSeconds));
    }
    const body = error.getResponse() as { message?: unknown };
    const detail = body?.message === 'csrf' ? commonTexts(page.locale).formExpired : undefined;
    const reference =
      status >= 500 ? /reference ([\w-]+)/.exec(String(body?.message))?.[1] : undefined;
    sendPage(
      response,
      <ErrorPage page={page} status={status} detail={detail} reference={reference} />,
      status,
    );
  }
}

/** The page an htmx request was made from, to come back to after signing in. */
function currentPath(request: Request): string {
  const from = request.headers['hx-current-url'];
  if (typeof from === 'string') {
    try {
      const url = new URL(from);
      return `${url.pathname}${url.search}`;
    } catch {
      // Not a URL: fall back to the request's own path.
    }
  }
  return request.originalUrl;
}
