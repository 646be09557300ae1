import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { randomUUID } from 'node:crypto';
import { Brackets, DataSource, In, LessThanOrEqual } from 'typeorm';
import { Clock } from '../common/time/clock';
import { Environment } from '../config/environment';
import { MailChannel } from './mail-channel';
import { LINK_PLACEHOLDER } from './messages';
import { Notification } from './notification.entity';
import { StillOwed } from './still-owed';

const CLAIM_BATCH = 25;
/** Messages of one batch sent at once. */
const PARALLEL_SENDS = 4;

export interface SendOutcome {
  sent: number;
  failed: number;
  retried: number;
  skipped: number;
}

/** Why a message that waited too long was not sent, by rule. */
const TOO_LATE: Record<string, string> = {
  session_reminder: 'too late: the session had begun before the reminder could be sent',
  meeting_reminder: 'too late: the meeting had begun before the reminder could be sent',
  evening_digest: 'too late: the day it lists had begun before the digest could be sent',
  stage_announcement: 'too late: the stage had begun before the announcement could be sent',
  agenda_change: 'too late: the stage had ended before the notice could be sent',
  invitation: 'too late: the link had expired before it could be sent',
  password_reset: 'too late: the link had expired before it could be sent',
};

/**
 * Delivers the outbox. A sender claims due messages with a lease (`FOR UPDATE SKIP LOCKED` on
 * PostgreSQL; one atomic UPDATE on SQLite), so instances never take the same one; a claim whose
 * lease ran out (its sender died) is taken over. Failures wait twice as long each time, up to
 * the limit, then the message is failed with its error.
 */
@Injectable()
export class NotificationSender implements OnModuleDestroy {
  private readonly logger = new Logger(NotificationSender.name);
  private readonly leaseMs: number;
  private readonly maxAttempts: number;
  private readonly retryMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly clock: Clock,
    private readonly stillOwed: StillOwed,
    @Inject(MailChannel) private readonly channel: MailChannel,
    config: ConfigService<Environment, true>,
  ) {
    this.leaseMs = config.get('NOTIFICATION_LEASE_SECONDS', { infer: true }) * 1000;
    this.maxAttempts = config.get('NOTIFICATION_MAX_ATTEMPTS', { infer: true });
    this.retryMs = config.get('NOTIFICATION_RETRY_SECONDS', { infer: true }) * 1000;
  }

  onModuleDestroy(): void {
    this.channel.close();
  }

  /** Sends what is due now, batch by batch, until nothing due is left unclaimed. */
  async sendDue(): Promise<SendOutcome> {
    const now = this.clock.now();
    const outcome: SendOutcome = { sent: 0, failed: 0, retried: 0, skipped: 0 };
    outcome.skipped += await this.skipTooLate(now);
    for (;;) {
      const batch = await this.claim(now);
      const claimedAt = Date.now();
      const reasons = await this.stillOwed.reasonsToSkip(batch, now);
      for (let start = 0; start < batch.length; start += PARALLEL_SENDS) {
        // A slow mail server must not keep this sender past its lease, when another may take
        // the same messages over: what is left goes back for the next run.
        if (Date.now() - claimedAt > this.leaseMs / 2) {
          await this.release(batch.slice(start));
          return outcome;
        }
        const chunk = batch.slice(start, start + PARALLEL_SENDS);
        const results = await Promise.all(
          chunk.map((row) =>
            reasons.has(row.id) ? this.skip(row, reasons.get(row.id)!) : this.deliver(row),
          ),
        );
        // Marked together as soon as they are accepted: a crash in between can repeat only
        // these few, under their own Message-IDs.
        await this.markSent(chunk.filter((_row, index) => results[index] === 'sent'));
        for (const result of results) {
          outcome[result] += 1;
        }
      }
      if (batch.length < CLAIM_BATCH) {
        return outcome;
      }
    }
  }

  /**
   * Takes up to a batch of due messages for this sender: pending ones whose time has come, and
   * ones whose sender's lease ran out.
   */
  private async claim(now: Date): Promise<Notification[]> {
    const claimToken = randomUUID();
    const due = this.dataSource
      .getRepository(Notification)
      .createQueryBuilder('due')
      .select('due.id')
      .where(
        new Brackets((where) =>
          where
            .where(`due.status = 'pending' AND due.nextAttemptAt <= :now`)
            .orWhere(`due.status = 'sending' AND due.leaseUntil <= :now`),
        ),
      )
      .orderBy('due.nextAttemptAt', 'ASC')
      .limit(CLAIM_BATCH);
    if (this.dataSource.options.type === 'postgres') {
      due.setLock('pessimistic_write').setOnLocked('skip_locked');
    }
    await this.dataSource
      .createQueryBuilder()
      .update(Notification)
      .set({
        status: 'sending',
        claimToken,
        leaseUntil: new Date(now.getTime() + this.leaseMs),
        attempts: () => '"attempts" + 1',
      })
      .where(`"id" IN (${due.getQuery()})`)
      .setParameters({ now })
      .execute();
    return this.dataSource.getRepository(Notification).find({
      where: { status: 'sending', claimToken },
      order: { nextAttemptAt: 'ASC', id: 'ASC' },
    });
  }

  private async deliver(row: Notification): Promise<'sent' | 'failed' | 'retried'> {
    try {
      await this.channel.send({
        to: row.email,
        subject: row.subject,
        text: row.secret ? row.body.replace(LINK_PLACEHOLDER, row.secret) : row.body,
        messageId: row.messageId,
        calendar: row.calendar,
        language: row.locale,
      });
    } catch (error) {
      return this.recordFailure(row, error);
    }
    return 'sent';
  }

  private async release(rows: Notification[]): Promise<void> {
    await this.dataSource
      .createQueryBuilder()
      .update(Notification)
      .set({
        status: 'pending',
        attempts: () => '"attempts" - 1',
        leaseUntil: null,
        claimToken: null,
      })
      .where({
        id: In(rows.map((row) => row.id)),
        claimToken: rows[0].claimToken,
        status: 'sending',
      })
      .execute();
  }

  private async markSent(rows: Notification[]): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    await this.dataSource
      .createQueryBuilder()
      .update(Notification)
      .set({
        status: 'sent',
        sentAt: this.clock.now(),
        channel: this.channel.name,
        lastError: null,
        leaseUntil: null,
        claimToken: null,
        secret: null,
      })
      .where({
        id: In(rows.map((row) => row.id)),
        claimToken: rows[0].claimToken,
        status: 'sending',
      })
      .execute();
  }

  private async recordFailure(row: Notification, error: unknown): Promise<'failed' | 'retried'> {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000);
    if (row.attempts >= this.maxAttempts) {
      this.logger.warn(`Notification ${row.id} failed after ${row.attempts} attempts: ${message}`);
      await this.finish(row, { status: 'failed', lastError: message });
      return 'failed';
    }
    const wait = this.retryMs * 2 ** (row.attempts - 1);
    await this.finish(row, {
      status: 'pending',
      lastError: message,
      nextAttemptAt: new Date(this.clock.now().getTime() + wait),
    });
    return 'retried';
  }

  private async skip(row: Notification, reason: string): Promise<'skipped'> {
    await this.finish(row, { status: 'skipped', reason });
    return 'skipped';
  }

  /**
   * Records the outcome of this sender's claim; if its lease ran out and another sender took
   * the message over, the other's outcome stands. A one-time link goes once the message is done.
   */
  private async finish(row: Notification, change: Partial<Notification>): Promise<void> {
    const done = change.status !== 'pending';
    await this.dataSource
      .createQueryBuilder()
      .update(Notification)
      .set({
        ...change,
        leaseUntil: null,
        claimToken: null,
        ...(done ? { secret: null } : {}),
      })
      .where({ id: row.id, claimToken: row.claimToken, status: 'sending' })
      .execute();
  }

  /** Messages no longer of use (their session began while they waited) are skipped. */
  private async skipTooLate(now: Date): Promise<number> {
    let skipped = 0;
    for (const [rule, reason] of Object.entries(TOO_LATE)) {
      const result = await this.dataSource
        .createQueryBuilder()
        .update(Notification)
        .set({ status: 'skipped', reason, leaseUntil: null, claimToken: null })
        .where({ rule, expiresAt: LessThanOrEqual(now), status: In(['pending']) })
        .orWhere(
          `"rule" = :rule AND "status" = 'sending' AND "leaseUntil" <= :now AND "expiresAt" <= :now`,
          {
            rule,
            now,
          },
        )
        .execute();
      skipped += result.affected ?? 0;
    }
    return skipped;
  }
}
