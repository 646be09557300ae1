import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DateTime } from 'luxon';
import { ICalCalendarMethod } from 'ical-generator';
import { EntityManager } from 'typeorm';
import type { AgendaChange } from '../agendas/agenda-changes';
import type { StageSnapshot } from '../agendas/agenda-version.entity';
import { publishedSessionEvent } from '../agendas/published-session-event';
import { PublishedSession } from '../agendas/published-session.entity';
import { calendarFile } from '../calendar/calendar-file';
import { Clock } from '../common/time/clock';
import { startOfLocalDate } from '../common/time/time';
import { Environment } from '../config/environment';
import { queryNamed } from '../database/sql';
import { ChangeLine, ListedItem, agendaChange } from './messages';
import { Outbox } from './outbox';
import { recipientsOfStages } from './rules/participants-of-stages';
import { localeOf } from './rules/recipients';
import { announcementDueAt } from './rules/stage-announcements';

const listedOf = (session: PublishedSession): ListedItem => ({
  ...session,
  cancelled: session.status === 'cancelled',
});

/** Shown on their own lines already: the times, the place, the status. */
const SHOWN_APART = new Set(['startsAt', 'endsAt', 'status']);

/**
 * One message per participant for each published agenda version that changes its sessions,
 * listing every change of that publish, with the changed sessions as a calendar file. Written
 * in the publishing unit. A first version published before the stage's announcement is due
 * is left to the announcement, which carries the agenda.
 */
@Injectable()
export class AgendaChangeNotices {
  private readonly publicUrl: string;

  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
    config: ConfigService<Environment, true>,
  ) {
    this.publicUrl = config.get('PUBLIC_URL', { infer: true });
  }

  async enqueue(
    manager: EntityManager,
    stage: StageSnapshot,
    version: number,
    changes: AgendaChange[],
    former: PublishedSession[],
    current: PublishedSession[],
  ): Promise<void> {
    const now = this.clock.now();
    const [program] = await queryNamed<{ status: string; announcementDaysBefore: number | null }>(
      manager,
      `SELECT "program"."status" AS "status",
         "program"."announcementDaysBefore" AS "announcementDaysBefore"
       FROM "stages" "stage"
       INNER JOIN "cohorts" "cohort" ON "cohort"."id" = "stage"."cohortId"
       INNER JOIN "programs" "program" ON "program"."id" = "cohort"."programId"
       WHERE "stage"."id" = :stageId`,
      { stageId: stage.id },
    );
    if (!program || program.status !== 'active' || changes.length === 0) {
      return;
    }
    const announcedAt = announcementDueAt({
      ...stage,
      announcementDaysBefore: program.announcementDaysBefore,
    });
    if (version === 1 && announcedAt !== null && now < announcedAt) {
      return;
    }
    // What is over is no one's news: changes of sessions that have ended are left out.
    const upcoming = changes.filter((change) => {
      const session = this.sessionOf(change, former, current);
      return change.sessionId === undefined || (session !== undefined && session.endsAt > now);
    });
    if (upcoming.length === 0) {
      return;
    }
    const lines = upcoming.map((change) => this.lineOf(change, former, current));
    const calendar = this.calendarOf(stage, upcoming, former, current);
    const stageBegun = now >= startOfLocalDate(stage.startDate, stage.timeZone);
    const recipients = await recipientsOfStages(
      manager,
      [stage.id],
      'agenda_change',
      `'agenda:' || "stage"."id"`,
      String(version),
      {
        mentors: false,
        // A first version before the stage begins: those not yet announced to get it with
        // their announcement; those told earlier that the agenda was to come get it now.
        announced: version === 1 && announcedAt !== null && !stageBegun,
      },
    );
    await this.outbox.enqueue(
      manager,
      recipients.map((recipient) => {
        const locale = localeOf(recipient.locale);
        return {
          rule: 'agenda_change' as const,
          subjectKey: `agenda:${stage.id}`,
          recipientKey: recipient.recipientKey,
          version: String(version),
          email: recipient.email,
          locale,
          ...agendaChange(recipient.fullName, stage, version, lines, locale),
          calendar,
          dueAt: now,
          expiresAt: DateTime.fromISO(stage.endDate, { zone: stage.timeZone })
            .plus({ days: 1 })
            .startOf('day')
            .toJSDate(),
        };
      }),
    );
  }

  /** The session a change is about, as published now (or last, when it was removed). */
  private sessionOf(
    change: AgendaChange,
    former: PublishedSession[],
    current: PublishedSession[],
  ): PublishedSession | undefined {
    return (
      current.find((session) => session.sessionId === change.sessionId) ??
      former.find((session) => session.sessionId === change.sessionId)
    );
  }

  private lineOf(
    change: AgendaChange,
    former: PublishedSession[],
    current: PublishedSession[],
  ): ChangeLine {
    const now = current.find((session) => session.sessionId === change.sessionId);
    const before = former.find((session) => session.sessionId === change.sessionId);
    return {
      kind: change.kind,
      title: change.title,
      now: now ? listedOf(now) : before && listedOf(before),
      before: change.kind === 'session_moved' && before ? listedOf(before) : undefined,
      fields:
        change.kind === 'session_changed' || change.kind.startsWith('stage_')
          ? change.fields.filter((field) => !SHOWN_APART.has(field.field))
          : undefined,
    };
  }

  /**
   * The changed sessions as they are now, removed ones as cancelled events; named by the stage
   * as its announcement's calendar is, in no one language (one file goes to every reader).
   */
  private calendarOf(
    stage: { title: string; city: string },
    changes: AgendaChange[],
    former: PublishedSession[],
    current: PublishedSession[],
  ): string | null {
    const ids = new Set(changes.map((change) => change.sessionId).filter((id) => id !== undefined));
    const events = [
      ...current.filter((session) => ids.has(session.sessionId)),
      ...former
        .filter(
          (session) =>
            ids.has(session.sessionId) &&
            !current.some((now) => now.sessionId === session.sessionId),
        )
        .map((session) => ({
          ...session,
          status: 'cancelled' as const,
          sequence: session.sequence + 1,
          publishedAt: this.clock.now(),
        })),
    ].map((session) => publishedSessionEvent(session, this.publicUrl));
    return events.length > 0
      ? calendarFile({
          name: `${stage.title} — ${stage.city}`,
          events,
          method: ICalCalendarMethod.PUBLISH,
        })
      : null;
  }
}
