import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { instantFromRaw } from '../database/raw-values';
import { queryNamed } from '../database/sql';
import { Notification } from './notification.entity';

const idOf = (key: string) => Number(key.split(':')[1]);

/** Rules whose subject key starts with the stage's id (`stage:2`, `stage:2:2025-11-18`, `agenda:2`). */
const STAGE_RULES: string[] = ['stage_announcement', 'evening_digest', 'agenda_change'];

/** Rules whose subject is an invitation's link (`invitation:7`). */
const LINK_RULES: string[] = ['invitation', 'password_reset'];

/**
 * Checks, just before sending, that a message is still owed: a reminder's session or meeting is
 * still at that time and not cancelled, a participant is still enrolled (and still wants
 * session reminders), and a mailed link still works (not used, not replaced by a newer one).
 * Answers the reason to skip each one that is not.
 */
@Injectable()
export class StillOwed {
  constructor(private readonly dataSource: DataSource) {}

  async reasonsToSkip(batch: Notification[], now: Date): Promise<Map<number, string>> {
    const reasons = new Map<number, string>();
    await this.checkLinks(
      batch.filter((row) => LINK_RULES.includes(row.rule)),
      now,
      reasons,
    );
    await this.checkSessionReminders(
      batch.filter((row) => row.rule === 'session_reminder'),
      reasons,
    );
    await this.checkMeetingReminders(
      batch.filter((row) => row.rule === 'meeting_reminder'),
      reasons,
    );
    await this.checkStageMessages(
      batch.filter(
        (row) => STAGE_RULES.includes(row.rule) && row.recipientKey.startsWith('participant:'),
      ),
      reasons,
    );
    return reasons;
  }

  /** An invitation or reset link already used, or ended by a newer one, is not mailed. */
  private async checkLinks(rows: Notification[], now: Date, reasons: Map<number, string>) {
    if (rows.length === 0) {
      return;
    }
    const links = await queryNamed<{
      id: number;
      acceptedAt: string | Date | null;
      expiresAt: string | Date;
    }>(
      this.dataSource,
      `SELECT i."id" AS "id", i."acceptedAt" AS "acceptedAt", i."expiresAt" AS "expiresAt"
       FROM "invitations" i WHERE i."id" IN (:...ids)`,
      { ids: [...new Set(rows.map((row) => idOf(row.subjectKey)))] },
    );
    for (const row of rows) {
      const link = links.find((candidate) => candidate.id === idOf(row.subjectKey));
      const reason = !link
        ? 'the link no longer exists'
        : link.acceptedAt !== null
          ? 'the link was already used'
          : instantFromRaw(link.expiresAt) <= now
            ? 'the link no longer works: a newer one replaced it, or it expired'
            : null;
      if (reason) {
        reasons.set(row.id, reason);
      }
    }
  }

  /** Announcements, digests and change notices go to participants still enrolled. */
  private async checkStageMessages(rows: Notification[], reasons: Map<number, string>) {
    if (rows.length === 0) {
      return;
    }
    const enrolled = await queryNamed<{ stageId: number; participantId: number }>(
      this.dataSource,
      `SELECT "stage"."id" AS "stageId", "enrollment"."participantId" AS "participantId"
       FROM "stages" "stage"
       INNER JOIN "enrollments" "enrollment" ON "enrollment"."cohortId" = "stage"."cohortId"
         AND "enrollment"."status" = 'active'
       WHERE "stage"."id" IN (:...stageIds) AND "enrollment"."participantId" IN (:...participantIds)`,
      {
        stageIds: [...new Set(rows.map((row) => idOf(row.subjectKey)))],
        participantIds: [...new Set(rows.map((row) => idOf(row.recipientKey)))],
      },
    );
    for (const row of rows) {
      const still = enrolled.some(
        (pair) =>
          pair.stageId === idOf(row.subjectKey) && pair.participantId === idOf(row.recipientKey),
      );
      if (!still) {
        reasons.set(row.id, 'the participant is no longer enrolled');
      }
    }
  }

  private async checkSessionReminders(rows: Notification[], reasons: Map<number, string>) {
    if (rows.length === 0) {
      return;
    }
    const current = await queryNamed<{
      sessionId: number;
      participantId: number;
      startsAt: string | Date;
      status: string;
      enrollment: string | null;
      wanted: boolean | number | null;
    }>(
      this.dataSource,
      `SELECT ps."sessionId" AS "sessionId", ps."startsAt" AS "startsAt", ps."status" AS "status",
         "enrollment"."participantId" AS "participantId", "enrollment"."status" AS "enrollment",
         np."sessionReminders" AS "wanted"
       FROM "published_sessions" ps
       INNER JOIN "stages" "stage" ON "stage"."id" = ps."stageId"
       INNER JOIN "enrollments" "enrollment" ON "enrollment"."cohortId" = "stage"."cohortId"
         AND "enrollment"."participantId" IN (:...participantIds)
       LEFT JOIN "accounts" "acc" ON "acc"."participantId" = "enrollment"."participantId"
       LEFT JOIN "notification_preferences" np ON np."accountId" = "acc"."id"
       WHERE ps."sessionId" IN (:...sessionIds)`,
      {
        sessionIds: [...new Set(rows.map((row) => idOf(row.subjectKey)))],
        participantIds: [...new Set(rows.map((row) => idOf(row.recipientKey)))],
      },
    );
    for (const row of rows) {
      const found = current.find(
        (candidate) =>
          candidate.sessionId === idOf(row.subjectKey) &&
          candidate.participantId === idOf(row.recipientKey),
      );
      const reason = !found
        ? 'the session is no longer on the published agenda of the participant'
        : found.status === 'cancelled'
          ? 'the session was cancelled'
          : instantFromRaw(found.startsAt).toISOString() !== row.version
            ? `the session moved to ${instantFromRaw(found.startsAt).toISOString()}`
            : found.enrollment !== 'active'
              ? 'the participant is no longer enrolled'
              : found.wanted === false || found.wanted === 0
                ? 'the participant switched session reminders off'
                : null;
      if (reason) {
        reasons.set(row.id, reason);
      }
    }
  }

  private async checkMeetingReminders(rows: Notification[], reasons: Map<number, string>) {
    if (rows.length === 0) {
      return;
    }
    const current = await queryNamed<{ id: number; startsAt: string | Date; status: string }>(
      this.dataSource,
      `SELECT m."id" AS "id", m."startsAt" AS "startsAt", m."status" AS "status"
       FROM "mentoring_meetings" m WHERE m."id" IN (:...ids)`,
      { ids: [...new Set(rows.map((row) => idOf(row.subjectKey)))] },
    );
    for (const row of rows) {
      const found = current.find((meeting) => meeting.id === idOf(row.subjectKey));
      const reason = !found
        ? 'the meeting was deleted'
        : found.status !== 'planned'
          ? `the meeting is ${found.status}`
          : instantFromRaw(found.startsAt).toISOString() !== row.version
            ? `the meeting moved to ${instantFromRaw(found.startsAt).toISOString()}`
            : null;
      if (reason) {
        reasons.set(row.id, reason);
      }
    }
  }
}
