import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { createHash, randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { Clock } from '../common/time/clock';
import { Environment } from '../config/environment';
import { parameterMarker } from '../database/sql';
import { Locale, NotificationRule } from './notification.entity';

/** A message owed to one recipient, as a rule or a change writes it to the outbox. */
export interface NotificationDraft {
  rule: NotificationRule;
  subjectKey: string;
  recipientKey: string;
  version: string;
  email: string;
  locale: Locale;
  subject: string;
  body: string;
  calendar?: string | null;
  secret?: string | null;
  dueAt: Date;
  expiresAt?: Date | null;
}

const OUTBOX_COLUMNS = [
  'rule',
  'subjectKey',
  'recipientKey',
  'version',
  'email',
  'locale',
  'subject',
  'body',
  'calendar',
  'secret',
  'messageId',
  'status',
  'dueAt',
  'expiresAt',
  'attempts',
  'nextAttemptAt',
  'createdAt',
] as const;

/** PostgreSQL types of the columns that are not text, for `unnest`. */
const ARRAY_TYPES: Partial<Record<(typeof OUTBOX_COLUMNS)[number], string>> = {
  attempts: 'integer',
  dueAt: 'timestamptz',
  expiresAt: 'timestamptz',
  nextAttemptAt: 'timestamptz',
  createdAt: 'timestamptz',
};

// SQLite: 17 values a row, 400 rows stay far below its limit of bound parameters.
const ROWS_PER_STATEMENT = 400;
const ROWS_PER_ARRAY_STATEMENT = 5000;

/** The domain part of `Name <address@domain>` or of a bare address. */
function mailDomain(from: string): string {
  const address = /<([^>]+)>/.exec(from)?.[1] ?? from;
  return address.split('@')[1]?.trim() || 'localhost';
}

/**
 * Writes notifications to the outbox in the caller's unit of work. A draft whose key exists
 * already is left out, so finding the same due work twice, or in two instances at once, writes
 * it once.
 */
@Injectable()
export class Outbox {
  private readonly domain: string;

  constructor(
    config: ConfigService<Environment, true>,
    private readonly clock: Clock,
  ) {
    this.domain = mailDomain(config.get('MAIL_FROM', { infer: true }));
  }

  async enqueue(manager: EntityManager, drafts: NotificationDraft[]): Promise<void> {
    const createdAt = this.clock.now();
    const rows = drafts.map((draft) => ({
      calendar: null,
      secret: null,
      expiresAt: null,
      ...draft,
      messageId: this.messageIdOf(draft),
      status: 'pending',
      attempts: 0,
      nextAttemptAt: draft.dueAt,
      createdAt,
    }));
    const columns = OUTBOX_COLUMNS.map((column) => `"${column}"`).join(', ');
    // Raw statements: the query builder spends ~0.2 ms a row on a few thousand rows.
    if (manager.connection.options.type === 'postgres') {
      // One array per column: a few parameters however many rows.
      const arrays = OUTBOX_COLUMNS.map(
        (column, index) => `$${index + 1}::${ARRAY_TYPES[column] ?? 'text'}[]`,
      );
      for (let start = 0; start < rows.length; start += ROWS_PER_ARRAY_STATEMENT) {
        const chunk = rows.slice(start, start + ROWS_PER_ARRAY_STATEMENT);
        await manager.query(
          `INSERT INTO "notifications" (${columns}) SELECT * FROM unnest(${arrays.join(', ')})
           ON CONFLICT DO NOTHING`,
          OUTBOX_COLUMNS.map((column) => chunk.map((row) => row[column])),
        );
      }
      return;
    }
    const value = (field: unknown) =>
      field instanceof Date ? field.toISOString().replace('T', ' ').slice(0, 23) : field;
    for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
      const values: unknown[] = [];
      const tuples = rows.slice(start, start + ROWS_PER_STATEMENT).map((row) => {
        const markers = OUTBOX_COLUMNS.map((column) => {
          values.push(value(row[column]));
          return parameterMarker(manager.connection, values.length);
        });
        return `(${markers.join(', ')})`;
      });
      await manager.query(
        `INSERT INTO "notifications" (${columns}) VALUES ${tuples.join(', ')}
         ON CONFLICT DO NOTHING`,
        values,
      );
    }
  }

  /** The same key always gives the same Message-ID. */
  /**
   * The key's digest, and a random part so that another database (a restored copy, a staging
   * installation) never reuses it for another message: mail services drop a Message-ID they
   * have seen. Stored with the row, so every attempt at one message carries the same one.
   */
  messageIdOf(key: Pick<NotificationDraft, 'rule' | 'subjectKey' | 'recipientKey' | 'version'>) {
    const digest = createHash('sha256')
      .update([key.rule, key.subjectKey, key.recipientKey, key.version].join('\n'))
      .digest('hex')
      .slice(0, 32);
    return `<${key.rule}.${digest}.${randomBytes(6).toString('hex')}@${this.domain}>`;
  }
}
