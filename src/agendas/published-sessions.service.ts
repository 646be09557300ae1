import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository, SelectQueryBuilder } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { notFound } from '../common/http/not-found';
import { Page } from '../common/http/pagination';
import { toLocalDate, toLocalDateTime } from '../common/time/time';
import { ListSessionsQuery, SessionResponse } from '../sessions/session.dto';
import { SessionSnapshot } from '../sessions/session-snapshot';
import { PUBLISHED_SESSIONS, SessionPages } from '../sessions/session-json';
import {
  ScheduleEntry,
  ScheduleOwner,
  ScheduleRange,
  ScheduleSource,
} from '../schedules/schedule-entry';
import type { StageSnapshot } from './agenda-version.entity';
import { PublishedSession, PublishedSessionMentor } from './published-session.entity';

/** Rows per INSERT: well under SQLite's limit of bound parameters. */
const INSERT_CHUNK = 30;

/**
 * The sessions of each stage's latest published agenda: what participants, mentors and the
 * public read, and what schedules and calendar feeds are made of.
 */
@Injectable()
export class PublishedSessionsService implements ScheduleSource {
  constructor(
    @InjectRepository(PublishedSession) private readonly published: Repository<PublishedSession>,
    private readonly access: AccessService,
    private readonly pages: SessionPages,
  ) {}

  /**
   * Makes `sessions` the stage's published sessions, inside the publishing unit. A session's
   * sequence rises when this publish changes it.
   */
  async replace(
    manager: EntityManager,
    stage: StageSnapshot,
    version: number,
    publishedAt: Date,
    sessions: SessionSnapshot[],
    changed: Set<number>,
  ): Promise<void> {
    const former = await manager.find(PublishedSession, {
      select: { sessionId: true, sequence: true },
      where: { stageId: stage.id },
    });
    const sequences = new Map(former.map((row) => [row.sessionId, row.sequence]));
    await manager
      .createQueryBuilder()
      .delete()
      .from(PublishedSessionMentor)
      .where(
        '"sessionId" IN (SELECT "former"."sessionId" FROM "published_sessions" "former" WHERE "former"."stageId" = :stageId)',
        { stageId: stage.id },
      )
      .execute();
    await manager.delete(PublishedSession, { stageId: stage.id });
    const rows = sessions.map((session) => {
      const startsAt = new Date(session.startsAt);
      const sequence = sequences.get(session.id);
      return manager.create(PublishedSession, {
        sessionId: session.id,
        stageId: stage.id,
        version,
        sequence: sequence === undefined ? 0 : sequence + (changed.has(session.id) ? 1 : 0),
        publishedAt,
        stageTitle: stage.title,
        city: stage.city,
        timeZone: stage.timeZone,
        localDate: toLocalDate(startsAt, stage.timeZone),
        title: session.title,
        description: session.description,
        type: session.type,
        status: session.status,
        startsAt,
        endsAt: new Date(session.endsAt),
        venue: session.venue,
        address: session.address,
        onlineUrl: session.onlineUrl,
        track: session.track,
        isMandatory: session.isMandatory,
        capacity: session.capacity,
        speakers: session.speakers,
        mentors: session.mentors,
      });
    });
    const leaders = sessions.flatMap((session) =>
      session.mentors.map((mentor) => ({ sessionId: session.id, mentorId: mentor.id })),
    );
    for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
      await manager.insert(PublishedSession, rows.slice(start, start + INSERT_CHUNK));
    }
    for (let start = 0; start < leaders.length; start += INSERT_CHUNK) {
      await manager.insert(PublishedSessionMentor, leaders.slice(start, start + INSERT_CHUNK));
    }
  }

  /** A page of a stage's published sessions (the caller's sight of the stage is checked). */
  list(stageId: number, query: ListSessionsQuery): Promise<Page<SessionResponse>> {
    const conditions = ['"published"."stageId" = :stageId'];
    if (query.type) {
      conditions.push('"published"."type" = :type');
    }
    if (query.track) {
      conditions.push('"published"."track" = :track');
    }
    if (query.date) {
      conditions.push('"published"."localDate" = :date');
    }
    return this.pages.read(this.published.manager, PUBLISHED_SESSIONS, conditions, {
      ...query,
      stageId,
    });
  }

  /** One published session in a stage the caller sees; 404 otherwise, or if unpublished. */
  async get(caller: Caller, sessionId: number): Promise<SessionResponse> {
    const scope = this.access.visibleWhere(caller, 'stage', '"published"."stageId"');
    const session = await this.pages.one(
      this.published.manager,
      PUBLISHED_SESSIONS,
      ['"published"."sessionId" = :sessionId', ...scope.conditions],
      { sessionId, ...scope.parameters },
    );
    if (!session) {
      throw notFound('Session', sessionId);
    }
    return session;
  }

  /** The session as its stage's latest published agenda shows it; null if it is not there. */
  findOne(sessionId: number): Promise<PublishedSession | null> {
    return this.published.findOneBy({ sessionId });
  }

  /** The published sessions of one stage, in time order (inside a unit: through its manager). */
  async ofStage(stageId: number, manager?: EntityManager): Promise<PublishedSession[]> {
    return (manager ?? this.published.manager).find(PublishedSession, {
      where: { stageId },
      order: { startsAt: 'ASC', sessionId: 'ASC' },
    });
  }

  /** The sessions of a schedule, in time order (ScheduleSource). */
  async read(
    owner: ScheduleOwner,
    range: ScheduleRange,
    count: number,
  ): Promise<{ entries: ScheduleEntry[]; total: number }> {
    const query = this.scheduleQuery(owner, range)
      .orderBy('published.startsAt', 'ASC')
      .addOrderBy('published.sessionId', 'ASC')
      .limit(count);
    const [rows, total] = await query.getManyAndCount();
    const led = 'mentorId' in owner ? await this.ledBy(owner.mentorId, rows) : undefined;
    return {
      entries: rows.map((row) => toScheduleEntry(row, led?.has(row.sessionId))),
      total,
    };
  }

  /**
   * A participant's: the sessions of the stages of the cohorts it is actively enrolled in.
   * A mentor's: the sessions it leads and those of its active mentees' cohorts.
   */
  private scheduleQuery(
    owner: ScheduleOwner,
    range: ScheduleRange,
  ): SelectQueryBuilder<PublishedSession> {
    const query = this.published.createQueryBuilder('published');
    const stagesOfCohorts = (cohorts: string) =>
      `"published"."stageId" IN (SELECT "stage"."id" FROM "stages" "stage" WHERE "stage"."cohortId" IN (${cohorts}))`;
    if ('participantId' in owner) {
      query.where(
        stagesOfCohorts(
          `SELECT "enrollment"."cohortId" FROM "enrollments" "enrollment" ` +
            `WHERE "enrollment"."participantId" = :ownerId AND "enrollment"."status" = 'active'`,
        ),
        { ownerId: owner.participantId },
      );
    } else {
      query.where(
        `("published"."sessionId" IN (SELECT "led"."sessionId" FROM "published_session_mentors" "led" WHERE "led"."mentorId" = :ownerId) OR ` +
          stagesOfCohorts(
            `SELECT "enrollment"."cohortId" FROM "enrollments" "enrollment" ` +
              `INNER JOIN "mentor_assignments" "assignment" ON "assignment"."enrollmentId" = "enrollment"."id" ` +
              `WHERE "assignment"."mentorId" = :ownerId AND "enrollment"."status" = 'active'`,
          ) +
          ')',
        { ownerId: owner.mentorId },
      );
    }
    const { from, to } = range;
    if (from) {
      if ('date' in from) {
        query.andWhere('published.localDate >= :fromDate', { fromDate: from.date });
      } else {
        query.andWhere('published.endsAt > :fromInstant', { fromInstant: from.instant });
      }
    }
    if (to) {
      if ('date' in to) {
        query.andWhere('published.localDate <= :toDate', { toDate: to.date });
      } else {
        query.andWhere('published.startsAt < :toInstant', { toInstant: to.instant });
      }
    }
    return query;
  }

  /** Which of `rows` the mentor leads: one query for the page. */
  private async ledBy(mentorId: number, rows: PublishedSession[]): Promise<Set<number>> {
    if (rows.length === 0) {
      return new Set();
    }
    const links = await this.published.manager.find(PublishedSessionMentor, {
      where: { mentorId, sessionId: In(rows.map((row) => row.sessionId)) },
    });
    return new Set(links.map((link) => link.sessionId));
  }
}

function toScheduleEntry(row: PublishedSession, leads?: boolean): ScheduleEntry {
  return {
    kind: 'session',
    id: row.sessionId,
    title: row.title,
    description: row.description,
    type: row.type,
    status: row.status,
    stage: { id: row.stageId, title: row.stageTitle, city: row.city, timeZone: row.timeZone },
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    startsAtLocal: toLocalDateTime(row.startsAt, row.timeZone),
    endsAtLocal: toLocalDateTime(row.endsAt, row.timeZone),
    timeZone: row.timeZone,
    venue: row.venue,
    address: row.address,
    onlineUrl: row.onlineUrl,
    track: row.track,
    isMandatory: row.isMandatory,
    mentors: row.mentors,
    ...(leads === undefined ? {} : { leads }),
    agendaVersion: row.version,
    publishedAt: row.publishedAt.toISOString(),
    sequence: row.sequence,
  };
}
