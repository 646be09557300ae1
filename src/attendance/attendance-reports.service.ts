import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { Cohort } from '../cohorts/cohort.entity';
import { Page, PageQuery } from '../common/http/pagination';
import { Clock } from '../common/time/clock';
import { toLocalDateTime } from '../common/time/time';
import { instantFromRaw } from '../database/raw-values';
import { Enrollment } from '../enrollments/enrollment.entity';
import { Participant } from '../participants/participant.entity';
import { Program } from '../programs/program.entity';
import { PublishedSession } from '../agendas/published-session.entity';
import { Session } from '../sessions/session.entity';
import { Stage } from '../stages/stage.entity';
import { AttendanceRecord } from './attendance-record.entity';
import {
  AttendanceReport,
  AttendanceTotals,
  ParticipantAttendance,
  ReportStage,
  SessionAttendanceSummary,
  StageAttendance,
} from './attendance-report.dto';
import {
  COUNT_BY_STATUS,
  Counts,
  NO_COUNTS,
  StageCounts,
  addCounts,
  judge,
  meetsRule,
  readTally,
  tallyQuery,
} from './attendance-tally';
import { AttendanceWarning } from './attendance-warning.entity';

/** Every participant the caller sees, for a file rather than a page. */
export const WHOLE_COHORT = 'whole cohort';

/**
 * Attendance reports of a cohort, in a constant number of queries whatever its size: per
 * participant and stage (and over the program), and per session. Organizers see the whole
 * cohort; a host the stages it hosts; a mentor its mentees; a participant itself.
 */
@Injectable()
export class AttendanceReports {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly clock: Clock,
  ) {}

  async report(
    caller: Caller,
    cohortId: number,
    page: PageQuery | typeof WHOLE_COHORT,
  ): Promise<AttendanceReport> {
    await this.access.assertSees(caller, 'cohort', cohortId, 'Cohort');
    const now = this.clock.now();
    const [{ program }, stages, allStages] = await Promise.all([
      this.cohortWithProgram(cohortId),
      this.stagesOf(caller, cohortId, now),
      this.dataSource.getRepository(Stage).countBy({ cohortId }),
    ]);
    const participants = this.access
      .scope(
        this.dataSource
          .createQueryBuilder(Enrollment, 'enrollment')
          .innerJoin(
            Participant,
            'participant',
            '"participant"."id" = "enrollment"."participantId"',
          )
          .where('"enrollment"."cohortId" = :cohortId', { cohortId }),
        caller,
        'participant',
        '"enrollment"."participantId"',
      )
      .orderBy('"participant"."fullName"', 'ASC')
      .addOrderBy('"participant"."id"', 'ASC');
    const paged =
      page === WHOLE_COHORT ? participants : participants.limit(page.limit).offset(page.offset);
    const [rows, total] = await Promise.all([
      paged
        .clone()
        .select([
          '"participant"."id" AS "id"',
          '"participant"."fullName" AS "fullName"',
          '"participant"."position" AS "position"',
          '"participant"."municipality" AS "municipality"',
          '"participant"."region" AS "region"',
          '"enrollment"."status" AS "enrollmentStatus"',
        ])
        .getRawMany<ParticipantRow>(),
      participants.getCount(),
    ]);
    const ids = rows.map((row) => Number(row.id));
    const [tallies, warnings] =
      ids.length === 0
        ? [[], []]
        : await Promise.all([
            this.tallyOf(caller, cohortId, page === WHOLE_COHORT ? WHOLE_COHORT : ids, now),
            this.warningsOf(caller, cohortId, page === WHOLE_COHORT ? WHOLE_COHORT : ids),
          ]);

    const sessionCounts = new Map(
      tallies.map((tally) => [`${tally.participantId}:${tally.stageId}`, tally]),
    );
    const warningOf = new Map(
      warnings.map((warning) => [`${warning.participantId}:${warning.stageId}`, warning]),
    );
    const seesEveryStage = stages.length === allStages;
    const items = rows.map((row): ParticipantAttendance => {
      const participantId = Number(row.id);
      const active = row.enrollmentStatus !== 'withdrawn';
      let programCounts: Counts = NO_COUNTS;
      const perStage = stages.map((stage): StageAttendance => {
        const key = `${participantId}:${stage.id}`;
        const counts = sessionCounts.get(key) ?? NO_COUNTS;
        programCounts = addCounts(programCounts, counts);
        const warning = warningOf.get(key);
        return {
          stageId: stage.id,
          ...this.totals(counts, program, active && this.stageIsOver(stage)),
          warning: warning
            ? {
                attended: warning.attended,
                counted: warning.counted,
                raisedAt: new Date(warning.raisedAt).toISOString(),
                notifiedAt: warning.notifiedAt ? new Date(warning.notifiedAt).toISOString() : null,
              }
            : null,
        };
      });
      const judged = stages.filter((stage) => stage.mandatorySessions > 0);
      const everyStageCompleted =
        judged.length > 0 && judged.every((stage) => perStage[stages.indexOf(stage)].completed);
      return {
        participant: {
          id: participantId,
          fullName: row.fullName,
          position: row.position,
          municipality: row.municipality,
          region: row.region,
        },
        enrollmentStatus: row.enrollmentStatus,
        stages: perStage,
        program: seesEveryStage
          ? {
              ...this.totals(programCounts, program, false),
              completed: active && everyStageCompleted,
            }
          : null,
      };
    });
    return {
      cohortId,
      programId: program.id,
      rule: {
        requiredAttendancePercent: program.requiredAttendancePercent,
        excusedAbsences: program.excusedAbsences,
        attendanceWarningAfterSessions: program.attendanceWarningAfterSessions,
      },
      asOf: now.toISOString(),
      stages,
      participants: {
        items,
        total,
        limit: page === WHOLE_COHORT ? total : page.limit,
        offset: page === WHOLE_COHORT ? 0 : page.offset,
      },
    };
  }

  /**
   * Per session of the stages the caller sees (the agenda being edited): how many were expected
   * (enrolled before it began, not withdrawn by then) and how they were marked. For organizers
   * and hosts: the counts cover the whole cohort.
   */
  async sessions(
    caller: Caller,
    cohortId: number,
    page: PageQuery,
  ): Promise<Page<SessionAttendanceSummary>> {
    this.access.requireRole(caller, 'organizer', 'host');
    await this.access.assertSees(caller, 'cohort', cohortId, 'Cohort');
    const sessions = this.access.scope(
      this.dataSource
        .createQueryBuilder(Session, 'session')
        .innerJoin(Stage, 'stage', '"stage"."id" = "session"."stageId"')
        .where('"stage"."cohortId" = :cohortId', { cohortId }),
      caller,
      'stage',
      '"stage"."id"',
    );
    const expected =
      `(SELECT COUNT(*) FROM "enrollments" "expected" WHERE "expected"."cohortId" = :cohortId ` +
      `AND "expected"."enrolledAt" <= "session"."startsAt" ` +
      `AND ("expected"."withdrawnAt" IS NULL OR "expected"."withdrawnAt" > "session"."startsAt"))`;
    const [rows, total] = await Promise.all([
      sessions
        .clone()
        .select([
          '"session"."id" AS "sessionId"',
          '"session"."title" AS "title"',
          '"session"."isMandatory" AS "isMandatory"',
          '"session"."status" AS "status"',
          '"session"."startsAt" AS "startsAt"',
          '"stage"."id" AS "stageId"',
          '"stage"."timeZone" AS "timeZone"',
          '"stage"."city" AS "city"',
        ])
        .addSelect(expected, 'expected')
        .addSelect(COUNT_BY_STATUS)
        .leftJoin(AttendanceRecord, 'record', '"record"."sessionId" = "session"."id"')
        .groupBy('"session"."id"')
        .addGroupBy('"stage"."id"')
        .orderBy('"session"."startsAt"', 'ASC')
        .addOrderBy('"session"."id"', 'ASC')
        .limit(page.limit)
        .offset(page.offset)
        .getRawMany<SessionRow>(),
      sessions.getCount(),
    ]);
    return {
      items: rows.map((row) => {
        const startsAt = instantFromRaw(row.startsAt);
        const marked = [row.present, row.late, row.excused, row.absent].map(Number);
        return {
          sessionId: Number(row.sessionId),
          stageId: Number(row.stageId),
          title: row.title,
          isMandatory: Boolean(Number(row.isMandatory)) || row.isMandatory === true,
          status: row.status,
          startsAt: startsAt.toISOString(),
          startsAtLocal: toLocalDateTime(startsAt, row.timeZone),
          timeZone: row.timeZone,
          city: row.city,
          expected: Number(row.expected),
          present: marked[0],
          late: marked[1],
          excused: marked[2],
          absent: marked[3],
          unmarked: Math.max(0, Number(row.expected) - marked.reduce((sum, n) => sum + n, 0)),
        };
      }),
      total,
      limit: page.limit,
      offset: page.offset,
    };
  }

  private async cohortWithProgram(cohortId: number): Promise<{ program: Program }> {
    const cohort = await this.dataSource
      .getRepository(Cohort)
      .findOneOrFail({ where: { id: cohortId }, relations: { program: true } });
    return { program: cohort.program! };
  }

  /**
   * The cohort's stages the caller sees, in order, with the mandatory sessions of their
   * published agendas counted.
   */
  private async stagesOf(caller: Caller, cohortId: number, now: Date): Promise<ReportStage[]> {
    const { entities, raw } = await this.access
      .scope(
        this.dataSource
          .createQueryBuilder(Stage, 'stage')
          .leftJoin(
            PublishedSession,
            'session',
            `"session"."stageId" = "stage"."id" AND "session"."isMandatory" = :mandatory AND "session"."status" = 'scheduled'`,
            { mandatory: true },
          )
          .where('"stage"."cohortId" = :cohortId', { cohortId }),
        caller,
        'stage',
        '"stage"."id"',
      )
      .addSelect('COUNT("session"."sessionId")', 'mandatorySessions')
      .addSelect('SUM(CASE WHEN "session"."endsAt" <= :now THEN 1 ELSE 0 END)', 'endedSessions')
      .setParameter('now', now)
      .groupBy('"stage"."id"')
      .orderBy('stage.sequence', 'ASC')
      .getRawAndEntities<{
        stage_id: number | string;
        mandatorySessions: string | number;
        endedSessions: string | number | null;
      }>();
    const counts = new Map(raw.map((row) => [Number(row.stage_id), row]));
    return entities.map((stage) => ({
      id: stage.id,
      sequence: stage.sequence,
      title: stage.title,
      city: stage.city,
      timeZone: stage.timeZone,
      startDate: stage.startDate,
      endDate: stage.endDate,
      mandatorySessions: Number(counts.get(stage.id)?.mandatorySessions ?? 0),
      endedSessions: Number(counts.get(stage.id)?.endedSessions ?? 0),
    }));
  }

  private tallyOf(
    caller: Caller,
    cohortId: number,
    participants: Participants,
    now: Date,
  ): Promise<StageCounts[]> {
    const tally = tallyQuery(this.dataSource.manager, cohortId, now);
    this.narrowToParticipants(tally, caller, participants, '"enrollment"."participantId"');
    return readTally(this.access.scope(tally, caller, 'stage', '"stage"."id"'));
  }

  private warningsOf(
    caller: Caller,
    cohortId: number,
    participants: Participants,
  ): Promise<AttendanceWarning[]> {
    const warnings = this.dataSource
      .createQueryBuilder(AttendanceWarning, 'warning')
      .innerJoin(Stage, 'stage', '"stage"."id" = "warning"."stageId"')
      .where('"stage"."cohortId" = :cohortId', { cohortId });
    this.narrowToParticipants(warnings, caller, participants, '"warning"."participantId"');
    return this.access.scope(warnings, caller, 'stage', '"stage"."id"').getMany();
  }

  /** To a page's participants, or to every participant of the cohort the caller sees. */
  private narrowToParticipants<T extends ObjectLiteral>(
    query: SelectQueryBuilder<T>,
    caller: Caller,
    participants: Participants,
    column: string,
  ): void {
    if (participants === WHOLE_COHORT) {
      this.access.scope(query, caller, 'participant', column);
    } else {
      query.andWhere(`${column} IN (:...participantIds)`, { participantIds: participants });
    }
  }

  private stageIsOver(stage: ReportStage): boolean {
    return stage.mandatorySessions > 0 && stage.endedSessions === stage.mandatorySessions;
  }

  /** The counts judged by the program's rule; `completed` only once `over`. */
  private totals(counts: Counts, program: Program, over: boolean): AttendanceTotals {
    const judgement = judge(counts, program.excusedAbsences);
    return {
      ...judgement,
      completed: over && meetsRule(judgement, program.requiredAttendancePercent),
    };
  }
}

/** A page's participants by id, or all of them. */
type Participants = number[] | typeof WHOLE_COHORT;

interface ParticipantRow {
  id: number | string;
  fullName: string;
  position: string;
  municipality: string;
  region: string;
  enrollmentStatus: string;
}

interface SessionRow {
  sessionId: number | string;
  title: string;
  isMandatory: boolean | number | string;
  status: string;
  startsAt: string | Date;
  stageId: number | string;
  timeZone: string;
  city: string;
  expected: number | string;
  present: number | string | null;
  late: number | string | null;
  excused: number | string | null;
  absent: number | string | null;
}
