import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Request, Response } from 'express';
import { ANONYMOUS } from '../../access/caller';
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
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      if (status === 401 && request.method === 'GET') {
        response.redirect(303, `/?next=${encodeURIComponent(request.originalUrl)}`);
        return;
      }
      const body = exception.getResponse() as { message?: unknown };
      const detail = body?.message === 'csrf' ? commonTexts(page.locale).formExpired : undefined;
      if (exception.getStatus() === 429) {
        const retryAfter = (exception as { retryAfterSeconds?: number }).retryAfterSeconds;
        if (retryAfter) response.setHeader('Retry-After', String(retryAfter));
      }
      sendPage(response, <ErrorPage page={page} status={status} detail={detail} />, status);
      return;
    }
    const reference = randomUUID();
    this.logger.error(
      { correlationId: reference },
      exception instanceof Error ? exception.stack : String(exception),
    );
    sendPage(response, <ErrorPage page={page} status={500} reference={reference} />, 500);
  }
}

/** A page for a path nothing answers (outside `/api`). */
export function renderMissingPage(request: Request, response: Response): void {
  sendPage(response, <ErrorPage page={fallbackContext(request)} status={404} />, 404);
}
