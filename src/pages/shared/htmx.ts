import { Request } from 'express';

/** Whether htmx asked for a part of a page (which then wants a fragment, not a page). */
export function fromHtmx(request: Pick<Request, 'headers'>): boolean {
  return request.headers['hx-request'] === 'true';
}
