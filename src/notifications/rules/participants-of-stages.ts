import { DataSource, EntityManager } from 'typeorm';
import { queryNamed } from '../../database/sql';
import type { NotificationRule } from '../notification.entity';
import {
  ALREADY_OWED,
  PARTICIPANT_PREFERENCES,
  PARTICIPANT_RECIPIENT,
  ParticipantRecipient,
  wants,
} from './recipients';

/** The participant has been sent (or owed) the stage's announcement. */
const ANNOUNCED = `EXISTS (SELECT 1 FROM "notifications" "announced"
  WHERE "announced"."rule" = 'stage_announcement'
    AND "announced"."subjectKey" = 'stage:' || "stage"."id"
    AND "announced"."recipientKey" = 'participant:' || p."id")`;

export interface StageRecipient extends ParticipantRecipient {
  stageId: number;
  recipientKey: string;
}

/**
 * The participants actively enrolled in the cohort of each stage, and (with `mentors`) the
 * mentors assigned to them, who do not have this rule's message for the stage's subject yet.
 * `subjectKey` is the SQL of the key from the stage (alias `stage`).
 */
export async function recipientsOfStages(
  runner: DataSource | EntityManager,
  stageIds: number[],
  rule: NotificationRule,
  subjectKey: string,
  version: string,
  options: { mentors: boolean; wish?: 'eveningDigest'; announced?: boolean },
): Promise<StageRecipient[]> {
  if (stageIds.length === 0) {
    return [];
  }
  const parameters = { stageIds, rule, version, yes: true };
  const participants = await queryNamed<StageRecipient>(
    runner,
    `SELECT "stage"."id" AS "stageId", 'participant:' || p."id" AS "recipientKey",
       ${PARTICIPANT_RECIPIENT}
     FROM "stages" "stage"
     INNER JOIN "enrollments" "enrollment" ON "enrollment"."cohortId" = "stage"."cohortId"
       AND "enrollment"."status" = 'active'
     INNER JOIN "participants" p ON p."id" = "enrollment"."participantId"
     ${PARTICIPANT_PREFERENCES}
     WHERE "stage"."id" IN (:...stageIds) ${options.wish ? `AND ${wants(options.wish)}` : ''}
       AND NOT ${ALREADY_OWED(subjectKey, `'participant:' || p."id"`, ':version')}
       ${options.announced ? `AND ${ANNOUNCED}` : ''}
     ORDER BY p."id"`,
    parameters,
  );
  if (!options.mentors) {
    return participants;
  }
  const mentors = await queryNamed<StageRecipient>(
    runner,
    `SELECT DISTINCT "stage"."id" AS "stageId", 'mentor:' || "mentor"."id" AS "recipientKey",
       "mentor"."id" AS "participantId", "mentor"."fullName" AS "fullName",
       "mentor"."email" AS "email", np."locale" AS "locale"
     FROM "stages" "stage"
     INNER JOIN "enrollments" "enrollment" ON "enrollment"."cohortId" = "stage"."cohortId"
       AND "enrollment"."status" = 'active'
     INNER JOIN "mentor_assignments" "assignment" ON "assignment"."enrollmentId" = "enrollment"."id"
     INNER JOIN "mentors" "mentor" ON "mentor"."id" = "assignment"."mentorId"
     LEFT JOIN "accounts" "acc" ON "acc"."mentorId" = "mentor"."id"
     LEFT JOIN "notification_preferences" np ON np."accountId" = "acc"."id"
     WHERE "stage"."id" IN (:...stageIds)
       AND NOT ${ALREADY_OWED(subjectKey, `'mentor:' || "mentor"."id"`, ':version')}`,
    parameters,
  );
  return [...participants, ...mentors];
}
