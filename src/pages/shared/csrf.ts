import { createHmac } from 'node:crypto';
import { doubleCsrf } from 'csrf-csrf';
import { Request } from 'express';
import { SESSION_COOKIE } from './session-cookie';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Every form and every htmx request of the pages carries a token bound to the sign-in (the
 * double-submit pattern of csrf-csrf): a page of another site can make a browser send the
 * cookies, never the token. The API is not covered: it takes bearer tokens, not cookies.
 */
export function csrfProtection(jwtSecret: string, production: boolean) {
  const secret = createHmac('sha256', jwtSecret).update('csrf').digest('hex');
  return doubleCsrf({
    getSecret: () => secret,
    getSessionIdentifier: (request: Request) =>
      (request.cookies as Record<string, string> | undefined)?.[SESSION_COOKIE] ?? '',
    // `__Host-` binds the cookie to this host over HTTPS; plain HTTP (development) cannot use it.
    cookieName: production ? '__Host-csrf' : 'csrf',
    cookieOptions: { sameSite: 'lax', secure: production, httpOnly: true, path: '/' },
    getCsrfTokenFromRequest: (request: Request) =>
      (request.headers[CSRF_HEADER] as string | undefined) ??
      (request.body as Record<string, unknown> | undefined)?.[CSRF_FIELD]?.toString(),
    errorConfig: { statusCode: 403, message: 'The form has expired; reload the page' },
  });
}
