import { Actor } from '../auth/actor';

/** A request without an account. */
export interface Anonymous {
  role: 'anonymous';
}

export const ANONYMOUS: Anonymous = { role: 'anonymous' };

/**
 * The holder of a personal calendar feed's secret link: it may read its owner's schedule and
 * nothing else.
 */
export interface FeedReader {
  role: 'feed';
  participantId: number | null;
  mentorId: number | null;
}

/** Whoever asks a service for something: a signed-in account, a feed link, or nobody. */
export type Caller = Actor | Anonymous | FeedReader;
