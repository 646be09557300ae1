import { DateTime } from 'luxon';
import { DataSource } from 'typeorm';
import { queryNamed } from '../../database/sql';
import { StageFacts } from '../messages';

export interface StageCandidate extends StageFacts {
  id: number;
  cohortId: number;
  announcementDaysBefore: number | null;
  eveningDigestAt: string | null;
}

/**
 * Stages of active programs whose dates meet the UTC dates from `fromDay` to `toDay` days
 * around `now` (a day of margin covers every zone). Few: the stages near today.
 */
export function stagesAround(
  dataSource: DataSource,
  now: Date,
  fromDay: number,
  toDay: number,
  rule: 'announcementDaysBefore' | 'eveningDigestAt',
): Promise<StageCandidate[]> {
  const today = DateTime.fromJSDate(now, { zone: 'utc' });
  return queryNamed<StageCandidate>(
    dataSource,
    `SELECT "stage"."id" AS "id", "stage"."cohortId" AS "cohortId", "stage"."title" AS "title",
       "stage"."city" AS "city", "stage"."region" AS "region", "stage"."venue" AS "venue",
       "stage"."address" AS "address", CAST("stage"."startDate" AS VARCHAR(10)) AS "startDate",
       CAST("stage"."endDate" AS VARCHAR(10)) AS "endDate", "stage"."timeZone" AS "timeZone",
       "program"."announcementDaysBefore" AS "announcementDaysBefore",
       "program"."eveningDigestAt" AS "eveningDigestAt"
     FROM "stages" "stage"
     INNER JOIN "cohorts" "cohort" ON "cohort"."id" = "stage"."cohortId"
     INNER JOIN "programs" "program" ON "program"."id" = "cohort"."programId"
       AND "program"."status" = 'active' AND "program"."${rule}" IS NOT NULL
     WHERE "stage"."endDate" >= :from AND "stage"."startDate" <= :to`,
    {
      from: today.plus({ days: fromDay }).toISODate(),
      to: today.plus({ days: toDay }).toISODate(),
    },
  );
}
