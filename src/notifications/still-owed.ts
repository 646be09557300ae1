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

  /**
   * An invitation or reset link already used, ended by a newer one, or of an account deactivated
   * since, is not mailed: it could not set a password.
   */
  private checkLinks(rows: Notification[], now: Date, reasons: Map<number, string>) {
    return this.checkSubjects<{
      acceptedAt: string | Date | null;
      expiresAt: string | Date;
      deactivatedAt: string | Date | null;
    }>(
      rows,
      `SELECT s."id" AS "id", s."acceptedAt" AS "acceptedAt", s."expiresAt" AS "expiresAt",
         a."deactivatedAt" AS "deactivatedAt"
       FROM "invitations" s INNER JOIN "accounts" a ON a."id" = s."accountId"`,
      reasons,
      (_, link) =>
        !link
          ? 'the link no longer exists'
          : link.acceptedAt !== null
            ? 'the link was already used'
            : link.deactivatedAt !== null
              ? 'the account was deactivated'
              : instantFromRaw(link.expiresAt) <= now
                ? 'the link no longer works: a newer one replaced it, or it expired'
                : null,
    );
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

  private checkMeetingReminders(rows: Notification[], reasons: Map<number, string>) {
    return this.checkSubjects<{ startsAt: string | Date; status: string }>(
      rows,
      `SELECT s."id" AS "id", s."startsAt" AS "startsAt", s."status" AS "status"
       FROM "mentoring_meetings" s`,
      reasons,
      (row, meeting) =>
        !meeting
          ? 'the meeting was deleted'
          : meeting.status !== 'planned'
            ? `the meeting is ${meeting.status}`
            : instantFromRaw(meeting.startsAt).toISOString() !== row.version
              ? `the meeting moved to ${instantFromRaw(meeting.startsAt).toISOString()}`
              : null,
    );
  }

  /**
   * Reads the record each message is about (the id in its subject key) with `select`, whose
   * subject table is aliased `s`, and sets the reason `reasonOf` finds to skip a message, if any.
   */
  private async checkSubjects<T>(
    rows: Notification[],
    select: string,
    reasons: Map<number, string>,
    reasonOf: (row: Notification, subject: T | undefined) => string | null,
  ): Promise<void> {
    if (rows.length === 0) {
      return;
    }
    const subjects = await queryNamed<T & { id: number }>(
      this.dataSource,
      `${select} WHERE s."id" IN (:...ids)`,
      { ids: [...new Set(rows.map((row) => idOf(row.subjectKey)))] },
    );
    const byId = new Map(subjects.map((subject) => [subject.id, subject]));
    for (const row of rows) {
      const reason = reasonOf(row, byId.get(idOf(row.subjectKey)));
      if (reason) {
        reasons.set(row.id, reason);
      }
    }
  }
}
