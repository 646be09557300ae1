import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, In } from 'typeorm';
import { AttendanceWarning } from '../../attendance/attendance-warning.entity';
import { queryNamed } from '../../database/sql';
import { attendanceWarning } from '../messages';
import { NotificationDraft } from '../outbox';
import { DueWork, NotificationFinder } from './notification-finder';
import { localeOf } from './recipients';

interface WarningRow {
  warningId: number;
  participantId: number;
  participantName: string;
  stageId: number;
  cohortId: number;
  stageTitle: string;
  city: string;
  attended: number;
  counted: number;
  requiredPercent: number;
  raisedAt: string | Date;
}

interface Person {
  recipientKey: string;
  fullName: string;
  email: string;
  locale: string | null;
  /** For a mentor: the participant and cohort it is assigned to. */
  participantId?: number;
  cohortId?: number;
}

/** Warnings told per run at most; the rest wait for the next run. */
const WARNINGS_PER_RUN = 200;

/**
 * Each attendance warning, once, to the participant's mentors in that cohort and to every
 * active organizer (signed up, not deactivated); the warning is marked told (`notifiedAt`) in
 * the same unit.
 */
@Injectable()
export class AttendanceWarningNotices implements NotificationFinder {
  readonly rule = 'attendance_warning' as const;

  constructor(private readonly dataSource: DataSource) {}

  async findDue(now: Date): Promise<DueWork> {
    const warnings = await queryNamed<WarningRow>(
      this.dataSource,
      `SELECT w."id" AS "warningId", w."participantId" AS "participantId",
         p."fullName" AS "participantName", w."stageId" AS "stageId",
         "stage"."cohortId" AS "cohortId", "stage"."title" AS "stageTitle",
         "stage"."city" AS "city", w."attended" AS "attended", w."counted" AS "counted",
         "program"."requiredAttendancePercent" AS "requiredPercent", w."raisedAt" AS "raisedAt"
       FROM "attendance_warnings" w
       INNER JOIN "participants" p ON p."id" = w."participantId"
       INNER JOIN "stages" "stage" ON "stage"."id" = w."stageId"
       INNER JOIN "cohorts" "cohort" ON "cohort"."id" = "stage"."cohortId"
       INNER JOIN "programs" "program" ON "program"."id" = "cohort"."programId"
       WHERE w."notifiedAt" IS NULL
       ORDER BY w."id"
       LIMIT ${WARNINGS_PER_RUN}`,
      {},
    );
    if (warnings.length === 0) {
      return { drafts: [] };
    }
    const organizers = await queryNamed<Person>(
      this.dataSource,
      `SELECT 'account:' || a."id" AS "recipientKey", a."fullName" AS "fullName",
         a."email" AS "email", np."locale" AS "locale"
       FROM "accounts" a
       LEFT JOIN "notification_preferences" np ON np."accountId" = a."id"
       WHERE a."role" = 'organizer' AND a."deactivatedAt" IS NULL AND a."passwordHash" IS NOT NULL`,
      {},
    );
    const mentors = await queryNamed<Person>(
      this.dataSource,
      `SELECT 'mentor:' || "mentor"."id" AS "recipientKey", "mentor"."fullName" AS "fullName",
         "mentor"."email" AS "email", np."locale" AS "locale",
         "enrollment"."participantId" AS "participantId", "enrollment"."cohortId" AS "cohortId"
       FROM "enrollments" "enrollment"
       INNER JOIN "mentor_assignments" "assignment" ON "assignment"."enrollmentId" = "enrollment"."id"
       INNER JOIN "mentors" "mentor" ON "mentor"."id" = "assignment"."mentorId"
       LEFT JOIN "accounts" "acc" ON "acc"."mentorId" = "mentor"."id"
       LEFT JOIN "notification_preferences" np ON np."accountId" = "acc"."id"
       WHERE "enrollment"."participantId" IN (:...participantIds)`,
      { participantIds: [...new Set(warnings.map((warning) => warning.participantId))] },
    );
    const drafts: NotificationDraft[] = warnings.flatMap((warning) =>
      [
        ...mentors.filter(
          (mentor) =>
            Number(mentor.participantId) === warning.participantId &&
            Number(mentor.cohortId) === warning.cohortId,
        ),
        ...organizers,
      ].map((person) => {
        const locale = localeOf(person.locale);
        return {
          rule: this.rule,
          subjectKey: `warning:${warning.warningId}`,
          recipientKey: person.recipientKey,
          version: '1',
          email: person.email,
          locale,
          ...attendanceWarning(
            person.fullName,
            { ...warning, requiredPercent: Number(warning.requiredPercent) },
            locale,
          ),
          dueAt: now,
        };
      }),
    );
    const told = warnings.map((warning) => warning.warningId);
    return {
      drafts,
      alsoInUnit: async (manager: EntityManager) => {
        await manager.update(AttendanceWarning, { id: In(told) }, { notifiedAt: now });
      },
    };
  }
}
