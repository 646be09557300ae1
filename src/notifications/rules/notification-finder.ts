import { EntityManager } from 'typeorm';
import type { NotificationRule } from '../notification.entity';
import type { NotificationDraft } from '../outbox';

/** What a rule found due: the messages, and what else must commit with them. */
export interface DueWork {
  drafts: NotificationDraft[];
  /** Runs in the unit that writes the drafts (e.g. marks what was told). */
  alsoInUnit?: (manager: EntityManager) => Promise<void>;
}

/** One rule of the scheduler: finds what is due at `now` and not yet in the outbox. */
export interface NotificationFinder {
  readonly rule: NotificationRule;
  findDue(now: Date): Promise<DueWork>;
}

export const NOTIFICATION_FINDERS = Symbol('NOTIFICATION_FINDERS');
