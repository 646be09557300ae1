import { EntityManager, SelectQueryBuilder } from 'typeorm';
import { Enrollment } from '../enrollments/enrollment.entity';
import { ExcusedAbsenceRule } from '../programs/program.entity';
import { PublishedSession } from '../agendas/published-session.entity';
import { Stage } from '../stages/stage.entity';
import { ATTENDANCE_STATUSES, AttendanceRecord } from './attendance-record.entity';

/**
 * What a participant's attendance is judged on: the mandatory sessions of a stage that have
 * begun (and, for one who withdrew, began before it withdrew), by status. Cancelled sessions
 * do not count; sessions still to come count once they begin.
 */
export interface Counts {
  held: number;
  present: number;
  late: number;
  excused: number;
  absent: number;
}

export interface StageCounts extends Counts {
  participantId: number;
  stageId: number;
}

export interface Judgement extends Counts {
  /** Begun mandatory sessions without a record: counted as missed. */
  unmarked: number;
  attended: number;
  counted: number;
  /** `attended / counted` in percent, one decimal; null while nothing counts. */
  ratePercent: number | null;
}

/** The records (aliased `"record"`) of each status, counted, as `present`, `late`, … columns. */
export const COUNT_BY_STATUS = ATTENDANCE_STATUSES.map(
  (status) => `SUM(CASE WHEN "record"."status" = '${status}' THEN 1 ELSE 0 END) AS "${status}"`,
).join(', ');

export const NO_COUNTS: Counts = { held: 0, present: 0, late: 0, excused: 0, absent: 0 };

/**
 * One row per enrolled participant and stage of the cohort with mandatory sessions begun by
 * `asOf`, as the published agendas show them (what participants were told). A session counts
 * for a participant enrolled before it began and not withdrawn by then, or one marked for it
 * anyway. With `rollTaken`, only sessions where attendance was taken (anyone has a record)
 * count: a session nobody marked yet says nothing of who missed it.
 *
 * Callers narrow it to participants and stages (and scope it) with `"enrollment"` and
 * `"stage"`.
 */
export function tallyQuery(
  manager: EntityManager,
  cohortId: number,
  asOf: Date,
  { rollTaken = false } = {},
): SelectQueryBuilder<Enrollment> {
  // On SQLite the unary + keeps the planner from indexing every session of the database by
  // these two flags: a cohort's sessions are found through their stages.
  const flag = manager.connection.options.type === 'sqlite' ? '+' : '';
  const taken = rollTaken
    ? ` AND EXISTS (SELECT 1 FROM "attendance" "taken" WHERE "taken"."sessionId" = "session"."sessionId")`
    : '';
  return manager
    .createQueryBuilder(Enrollment, 'enrollment')
    .select('"enrollment"."participantId"', 'participantId')
    .addSelect('"stage"."id"', 'stageId')
    .addSelect('COUNT("session"."sessionId")', 'held')
    .addSelect(COUNT_BY_STATUS)
    .innerJoin(Stage, 'stage', '"stage"."cohortId" = "enrollment"."cohortId"')
    .innerJoin(
      PublishedSession,
      'session',
      `"session"."stageId" = "stage"."id" AND ${flag}"session"."isMandatory" = :mandatory ` +
        `AND ${flag}"session"."status" = 'scheduled' AND "session"."startsAt" <= :tallyAsOf ` +
        `AND ("enrollment"."withdrawnAt" IS NULL OR "session"."startsAt" < "enrollment"."withdrawnAt")` +
        taken,
      { mandatory: true, tallyAsOf: asOf },
    )
    .leftJoin(
      AttendanceRecord,
      'record',
      '"record"."sessionId" = "session"."sessionId" AND "record"."participantId" = "enrollment"."participantId"',
    )
    .where('"enrollment"."cohortId" = :tallyCohortId', { tallyCohortId: cohortId })
    .andWhere('("session"."startsAt" >= "enrollment"."enrolledAt" OR "record"."id" IS NOT NULL)')
    .groupBy('"enrollment"."participantId"')
    .addGroupBy('"stage"."id"');
}

export async function readTally(query: SelectQueryBuilder<Enrollment>): Promise<StageCounts[]> {
  const rows = await query.getRawMany<Record<keyof StageCounts, string | number>>();
  return rows.map((row) => ({
    participantId: Number(row.participantId),
    stageId: Number(row.stageId),
    held: Number(row.held),
    present: Number(row.present),
    late: Number(row.late),
    excused: Number(row.excused),
    absent: Number(row.absent),
  }));
}

export function addCounts(a: Counts, b: Counts): Counts {
  return {
    held: a.held + b.held,
    present: a.present + b.present,
    late: a.late + b.late,
    excused: a.excused + b.excused,
    absent: a.absent + b.absent,
  };
}

/** Present and late attend; excused ones count as the program's rule says; the rest are missed. */
export function judge(counts: Counts, excusedAbsences: ExcusedAbsenceRule): Judgement {
  const attended =
    counts.present + counts.late + (excusedAbsences === 'attended' ? counts.excused : 0);
  const counted = counts.held - (excusedAbsences === 'excluded' ? counts.excused : 0);
  const { held, present, late, excused, absent } = counts;
  return {
    held,
    present,
    late,
    excused,
    absent,
    unmarked: counts.held - counts.present - counts.late - counts.excused - counts.absent,
    attended,
    counted,
    ratePercent: counted > 0 ? Math.round((attended * 1000) / counted) / 10 : null,
  };
}

/** Whether the share attended reaches the program's required percent (exactly, in integers). */
export function meetsRule(judgement: Judgement, requiredPercent: number): boolean {
  return judgement.counted > 0 && judgement.attended * 100 >= requiredPercent * judgement.counted;
}
