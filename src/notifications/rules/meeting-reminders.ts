import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource } from 'typeorm';
import { Environment } from '../../config/environment';
import { instantFromRaw } from '../../database/raw-values';
import { isoInstantSql, queryNamed } from '../../database/sql';
import { meetingReminder } from '../messages';
import { NotificationDraft } from '../outbox';
import { DueWork, NotificationFinder } from './notification-finder';
import { ALREADY_OWED, localeOf } from './recipients';

interface Row {
  meetingId: number;
  topic: string;
  startsAt: string | Date;
  endsAt: string | Date;
  timeZone: string;
  place: string | null;
  onlineUrl: string | null;
  recipientKey: string;
  fullName: string;
  email: string;
  locale: string | null;
  otherName: string;
}

const MINUTE_MS = 60_000;

/**
 * A reminder before each planned mentoring meeting to its mentor and its mentee, the program's
 * `meetingReminderMinutes` before; either may switch them off. Versioned by the start, like
 * session reminders.
 */
@Injectable()
export class MeetingReminders implements NotificationFinder {
  readonly rule = 'meeting_reminder' as const;

  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<Environment, true>,
  ) {}

  async findDue(now: Date): Promise<DueWork> {
    const leads = await queryNamed<{ minutes: number }>(
      this.dataSource,
      `SELECT DISTINCT "meetingReminderMinutes" AS "minutes" FROM "programs"
       WHERE "meetingReminderMinutes" IS NOT NULL`,
      {},
    );
    const catchUp = this.config.get('NOTIFICATION_CATCH_UP_HOURS', { infer: true }) * 60;
    const drafts: NotificationDraft[] = [];
    for (const { minutes } of leads) {
      const parameters = {
        minutes: Number(minutes),
        from: new Date(now.getTime() - catchUp * MINUTE_MS),
        until: new Date(now.getTime() + Number(minutes) * MINUTE_MS),
        yes: true,
        rule: this.rule,
      };
      const rows = [
        ...(await queryNamed<Row>(this.dataSource, this.dueSql('mentee'), parameters)),
        ...(await queryNamed<Row>(this.dataSource, this.dueSql('mentor'), parameters)),
      ];
      drafts.push(...rows.map((row) => this.draftOf(row, Number(minutes))));
    }
    return { drafts };
  }

  private dueSql(side: 'mentor' | 'mentee'): string {
    const recipientKey =
      side === 'mentee' ? `'participant:' || p."id"` : `'mentor:' || "mentor"."id"`;
    const [person, other] = side === 'mentee' ? ['p', '"mentor"'] : ['"mentor"', 'p'];
    const preferences =
      side === 'mentee'
        ? `LEFT JOIN "accounts" "acc" ON "acc"."participantId" = p."id"`
        : `LEFT JOIN "accounts" "acc" ON "acc"."mentorId" = "mentor"."id"`;
    const locale = side === 'mentee' ? `COALESCE(np."locale", p."locale")` : `np."locale"`;
    return `SELECT m."id" AS "meetingId", m."topic" AS "topic", m."startsAt" AS "startsAt",
         m."endsAt" AS "endsAt", m."timeZone" AS "timeZone", m."place" AS "place",
         m."onlineUrl" AS "onlineUrl", ${recipientKey} AS "recipientKey",
         ${person}."fullName" AS "fullName", ${person}."email" AS "email", ${locale} AS "locale",
         ${other}."fullName" AS "otherName"
       FROM "mentoring_meetings" m
       INNER JOIN "mentor_assignments" "assignment" ON "assignment"."id" = m."assignmentId"
       INNER JOIN "enrollments" "enrollment" ON "enrollment"."id" = "assignment"."enrollmentId"
         AND "enrollment"."status" = 'active'
       INNER JOIN "cohorts" "cohort" ON "cohort"."id" = "enrollment"."cohortId"
       INNER JOIN "programs" "program" ON "program"."id" = "cohort"."programId"
         AND "program"."meetingReminderMinutes" = :minutes AND "program"."status" = 'active'
       INNER JOIN "participants" p ON p."id" = m."participantId"
       INNER JOIN "mentors" "mentor" ON "mentor"."id" = m."mentorId"
       ${preferences}
       LEFT JOIN "notification_preferences" np ON np."accountId" = "acc"."id"
       WHERE m."startsAt" > :from AND m."startsAt" <= :until AND m."status" = 'planned'
         AND COALESCE(np."meetingReminders", :yes) = :yes
         AND NOT ${ALREADY_OWED(`'meeting:' || m."id"`, recipientKey, isoInstantSql(this.dataSource, 'm."startsAt"'))}`;
  }

  private draftOf(row: Row, minutes: number): NotificationDraft {
    const startsAt = instantFromRaw(row.startsAt);
    const locale = localeOf(row.locale);
    const text = meetingReminder(
      row.fullName,
      { name: row.otherName, isMentor: row.recipientKey.startsWith('participant:') },
      {
        title: row.topic,
        startsAt,
        endsAt: instantFromRaw(row.endsAt),
        timeZone: row.timeZone,
        city: row.timeZone,
        venue: row.place,
        address: null,
        onlineUrl: row.onlineUrl,
      },
      locale,
    );
    return {
      rule: this.rule,
      subjectKey: `meeting:${row.meetingId}`,
      recipientKey: row.recipientKey,
      version: startsAt.toISOString(),
      email: row.email,
      locale,
      ...text,
      dueAt: new Date(startsAt.getTime() - minutes * MINUTE_MS),
      expiresAt: startsAt,
    };
  }
}
