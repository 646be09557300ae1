import { Injectable } from '@nestjs/common';
import { DateTime } from 'luxon';
import { DataSource, In, Not } from 'typeorm';
import { PublishedSession } from '../../agendas/published-session.entity';
import { startOfLocalDate } from '../../common/time/time';
import { eveningDigest } from '../messages';
import { NotificationDraft } from '../outbox';
import { DueWork, NotificationFinder } from './notification-finder';
import { localeOf } from './recipients';
import { recipientsOfStages } from './participants-of-stages';
import { StageCandidate, stagesAround } from './stage-candidates';

interface DueDigest {
  stage: StageCandidate;
  /** The local date the digest lists. */
  day: string;
  dueAt: Date;
}

/**
 * At the program's evening hour (19:00 by default) in the stage's zone, on the day before each
 * stage day, each participant gets the next day's sessions. Owed until that day begins.
 */
export function dueDigest(stage: StageCandidate, now: Date): DueDigest | null {
  if (!stage.eveningDigestAt) {
    return null;
  }
  const [hour, minute] = stage.eveningDigestAt.split(':').map(Number);
  const local = DateTime.fromJSDate(now, { zone: stage.timeZone });
  const dueAt = local.set({ hour, minute, second: 0, millisecond: 0 });
  const day = local.plus({ days: 1 }).toISODate()!;
  if (local < dueAt || day < stage.startDate || day > stage.endDate) {
    return null;
  }
  return { stage, day, dueAt: dueAt.toJSDate() };
}

@Injectable()
export class EveningDigests implements NotificationFinder {
  readonly rule = 'evening_digest' as const;

  constructor(private readonly dataSource: DataSource) {}

  async findDue(now: Date): Promise<DueWork> {
    const candidates = await stagesAround(this.dataSource, now, -1, 2, 'eveningDigestAt');
    const due = candidates
      .map((stage) => dueDigest(stage, now))
      .filter((digest): digest is DueDigest => digest !== null);
    if (due.length === 0) {
      return { drafts: [] };
    }
    const sessions = await this.dataSource.getRepository(PublishedSession).find({
      where: {
        stageId: In(due.map((digest) => digest.stage.id)),
        localDate: In([...new Set(due.map((digest) => digest.day))]),
        status: Not('cancelled'),
      },
      order: { startsAt: 'ASC', sessionId: 'ASC' },
    });
    const drafts: NotificationDraft[] = [];
    for (const { stage, day, dueAt } of due) {
      const ofDay = sessions.filter(
        (session) => session.stageId === stage.id && session.localDate === day,
      );
      if (ofDay.length === 0) {
        continue;
      }
      const subjectKey = `stage:${stage.id}:${day}`;
      const recipients = await recipientsOfStages(
        this.dataSource,
        [stage.id],
        this.rule,
        `'${subjectKey}'`,
        '1',
        { mentors: false, wish: 'eveningDigest' },
      );
      for (const recipient of recipients) {
        const locale = localeOf(recipient.locale);
        drafts.push({
          rule: this.rule,
          subjectKey,
          recipientKey: recipient.recipientKey,
          version: '1',
          email: recipient.email,
          locale,
          ...eveningDigest(recipient.fullName, stage.title, ofDay, locale),
          dueAt,
          expiresAt: startOfLocalDate(day, stage.timeZone),
        });
      }
    }
    return { drafts };
  }
}
