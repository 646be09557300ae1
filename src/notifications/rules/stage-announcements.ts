import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ICalCalendarMethod } from 'ical-generator';
import { DateTime } from 'luxon';
import { DataSource, In } from 'typeorm';
import { publishedSessionEvent } from '../../agendas/published-session-event';
import { PublishedSession } from '../../agendas/published-session.entity';
import { calendarFile } from '../../calendar/calendar-file';
import { startOfLocalDate } from '../../common/time/time';
import { Environment } from '../../config/environment';
import { stageAnnouncement } from '../messages';
import { NotificationDraft } from '../outbox';
import { DueWork, NotificationFinder } from './notification-finder';
import { localeOf } from './recipients';
import { recipientsOfStages } from './participants-of-stages';
import { StageCandidate, stagesAround } from './stage-candidates';

/** Announcements go out at this local hour, the program's number of days before the stage. */
const ANNOUNCEMENT_HOUR = 9;
const LONGEST_NOTICE_DAYS = 60;

/** When a stage's announcement is owed: 09:00 local, N days before its first day. */
export function announcementDueAt(
  stage: Pick<StageCandidate, 'startDate' | 'timeZone' | 'announcementDaysBefore'>,
): Date | null {
  if (stage.announcementDaysBefore === null) {
    return null;
  }
  return DateTime.fromISO(stage.startDate, { zone: stage.timeZone })
    .minus({ days: stage.announcementDaysBefore })
    .set({ hour: ANNOUNCEMENT_HOUR })
    .toJSDate();
}

/**
 * The stage announcement, to the participants of its cohort and their mentors: city, venue,
 * dates and the published sessions in local time, with the sessions as a calendar file. Owed
 * from its time until the stage begins; versioned by the start date, so a stage moved to other
 * dates is announced again.
 */
@Injectable()
export class StageAnnouncements implements NotificationFinder {
  readonly rule = 'stage_announcement' as const;
  private readonly publicUrl: string;

  constructor(
    private readonly dataSource: DataSource,
    config: ConfigService<Environment, true>,
  ) {
    this.publicUrl = config.get('PUBLIC_URL', { infer: true });
  }

  async findDue(now: Date): Promise<DueWork> {
    const candidates = await stagesAround(
      this.dataSource,
      now,
      -1,
      LONGEST_NOTICE_DAYS + 2,
      'announcementDaysBefore',
    );
    const due = candidates.filter((stage) => {
      const dueAt = announcementDueAt(stage);
      return (
        dueAt !== null && dueAt <= now && now < startOfLocalDate(stage.startDate, stage.timeZone)
      );
    });
    const drafts: NotificationDraft[] = [];
    const sessions = await this.publishedSessionsOf(due.map((stage) => stage.id));
    // Stages of one start date are asked together: the version is part of the key.
    for (const startDate of new Set(due.map((stage) => stage.startDate))) {
      const stages = due.filter((stage) => stage.startDate === startDate);
      const recipients = await recipientsOfStages(
        this.dataSource,
        stages.map((stage) => stage.id),
        this.rule,
        `'stage:' || "stage"."id"`,
        startDate,
        { mentors: true },
      );
      for (const recipient of recipients) {
        const stage = stages.find((candidate) => candidate.id === recipient.stageId)!;
        const ofStage = sessions.filter(
          (session) => session.stageId === stage.id && session.status !== 'cancelled',
        );
        const locale = localeOf(recipient.locale);
        drafts.push({
          rule: this.rule,
          subjectKey: `stage:${stage.id}`,
          recipientKey: recipient.recipientKey,
          version: startDate,
          email: recipient.email,
          locale,
          ...stageAnnouncement(recipient.fullName, stage, ofStage, locale),
          calendar:
            ofStage.length > 0
              ? calendarFile({
                  name: `${stage.title} — ${stage.city}`,
                  events: ofStage.map((session) => publishedSessionEvent(session, this.publicUrl)),
                  method: ICalCalendarMethod.PUBLISH,
                })
              : null,
          dueAt: announcementDueAt(stage)!,
          expiresAt: startOfLocalDate(stage.startDate, stage.timeZone),
        });
      }
    }
    return { drafts };
  }

  private publishedSessionsOf(stageIds: number[]): Promise<PublishedSession[]> {
    if (stageIds.length === 0) {
      return Promise.resolve([]);
    }
    return this.dataSource.getRepository(PublishedSession).find({
      where: { stageId: In(stageIds) },
      order: { startsAt: 'ASC', sessionId: 'ASC' },
    });
  }
}
