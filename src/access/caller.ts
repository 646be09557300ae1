import { Actor } from '../auth/actor';

/** A request without an account. */
export interface Anonymous {
  role: 'anonymous';
}

export const ANONYMOUS: Anonymous = { role: 'anonymous' };

/** Whoever asks a service for something: a signed-in account, or nobody in particular. */
export type Caller = Actor | Anonymous;
