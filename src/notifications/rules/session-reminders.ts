import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { Environment } from '../../config/environment';
import { instantFromRaw } from '../../database/raw-values';
import { isoInstantSql, queryNamed } from '../../database/sql';
import { sessionReminder } from '../messages';
import { NotificationDraft } from '../outbox';
import { DueWork, NotificationFinder } from './notification-finder';
import {
  ALREADY_OWED,
  PARTICIPANT_PREFERENCES,
  PARTICIPANT_RECIPIENT,
  ParticipantRecipient,
  localeOf,
  wants,
} from './recipients';

interface Row extends ParticipantRecipient {
  sessionId: number;
  title: string;
  startsAt: string | Date;
  endsAt: string | Date;
  timeZone: string;
  city: string;
  venue: string | null;
  address: string | null;
  onlineUrl: string | null;
}

const MINUTE_MS = 60_000;

/**
 * A reminder to each enrolled participant M minutes (the program's `sessionReminderMinutes`)
 * before each published session that is not cancelled, unless the participant switched them
 * off. The version is the session's start: a moved session is reminded of at its new time.
 */
@Injectable()
export class SessionReminders implements NotificationFinder {
  readonly rule = 'session_reminder' as const;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async findDue(now: Date): Promise<DueWork> {
    const leads = await queryNamed<{ minutes: number }>(
      this.dataSource,
      `SELECT DISTINCT "sessionReminderMinutes" AS "minutes" FROM "programs"
       WHERE "sessionReminderMinutes" IS NOT NULL`,
      {},
    );
    const catchUp = this.config.get('NOTIFICATION_CATCH_UP_HOURS', { infer: true }) * 60;
    const drafts: NotificationDraft[] = [];
    for (const { minutes } of leads) {
      const rows = await this.due(now, Number(minutes), catchUp);
      drafts.push(...rows.map((row) => this.draftOf(row, Number(minutes))));
    }
    return { drafts };
  }

  /** Sessions whose reminder time has come within the catch-up window and is not yet owed. */
  private due(now: Date, minutes: number, catchUpMinutes: number): Promise<Row[]> {
    const startsAt = isoInstantSql(this.dataSource, 'ps."startsAt"');
    return queryNamed<Row>(
      this.dataSource,
      `SELECT ps."sessionId" AS "sessionId", ps."title" AS "title", ps."startsAt" AS "startsAt",
         ps."endsAt" AS "endsAt", ps."timeZone" AS "timeZone", ps."city" AS "city",
         ps."venue" AS "venue", ps."address" AS "address", ps."onlineUrl" AS "onlineUrl",
         ${PARTICIPANT_RECIPIENT}
       FROM "published_sessions" ps
       -- The unary plus keeps SQLite from walking every enrollment's stages: the sessions
       -- starting soon, found by their start, lead.
       INNER JOIN "stages" "stage" ON "stage"."id" = +ps."stageId"
       INNER JOIN "cohorts" "cohort" ON "cohort"."id" = "stage"."cohortId"
       INNER JOIN "programs" "program" ON "program"."id" = "cohort"."programId"
         AND "program"."sessionReminderMinutes" = :minutes AND "program"."status" = 'active'
       INNER JOIN "enrollments" "enrollment" ON "enrollment"."cohortId" = "stage"."cohortId"
         AND "enrollment"."status" = 'active'
       INNER JOIN "participants" p ON p."id" = "enrollment"."participantId"
       ${PARTICIPANT_PREFERENCES}
       WHERE ps."startsAt" > :from AND ps."startsAt" <= :until AND ps."status" <> 'cancelled'
         AND ${wants('sessionReminders')}
         AND NOT ${ALREADY_OWED(`'session:' || ps."sessionId"`, `'participant:' || p."id"`, startsAt)}`,
      {
        minutes,
        from: new Date(now.getTime() - catchUpMinutes * MINUTE_MS),
        until: new Date(now.getTime() + minutes * MINUTE_MS),
        yes: true,
        rule: this.rule,
      },
    );
  }

  private draftOf(row: Row, minutes: number): NotificationDraft {
    const startsAt = instantFromRaw(row.startsAt);
    const locale = localeOf(row.locale);
    const text = sessionReminder(
      row.fullName,
      { ...row, startsAt, endsAt: instantFromRaw(row.endsAt) },
      locale,
    );
    return {
      rule: this.rule,
      subjectKey: `session:${row.sessionId}`,
      recipientKey: `participant:${row.participantId}`,
      version: startsAt.toISOString(),
      email: row.email,
      locale,
      ...text,
      dueAt: new Date(startsAt.getTime() - minutes * MINUTE_MS),
      expiresAt: startsAt,
    };
  }
}
