import { CookieOptions } from 'express';

/** The signed token of a sign-in on the web pages. */
export const SESSION_COOKIE = 'session';

export function sessionCookieOptions(production: boolean, maxAgeMs?: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', secure: production, path: '/', maxAge: maxAgeMs };
}
