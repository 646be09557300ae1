import { AsyncLocalStorage } from 'node:async_hooks';
import { Actor } from '../auth/actor';

export interface RequestContext {
  /** Set by the authentication guard once the token is checked. */
  actor?: Actor;
}

/** The context of the request being served, for code far from the controller (the audit log). */
export const requestContext = new AsyncLocalStorage<RequestContext>();
