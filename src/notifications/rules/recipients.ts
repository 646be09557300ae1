import type { Locale } from '../notification.entity';

/**
 * A participant as a recipient (alias `p`): its name, address and language, with its account's
 * wishes (alias `np`; null: the defaults).
 */
export const PARTICIPANT_RECIPIENT = `p."id" AS "participantId", p."fullName" AS "fullName",
  p."email" AS "email", COALESCE(np."locale", p."locale") AS "locale"`;

export const PARTICIPANT_PREFERENCES = `
  LEFT JOIN "accounts" "acc" ON "acc"."participantId" = p."id"
  LEFT JOIN "notification_preferences" np ON np."accountId" = "acc"."id"`;

/** The participant wants this kind of reminder: it said so, or said nothing. */
export const wants = (flag: 'sessionReminders' | 'eveningDigest' | 'meetingReminders') =>
  `COALESCE(np."${flag}", :yes) = :yes`;

/** A notification with this key exists already (`:rule`; the other parts as SQL). */
export const ALREADY_OWED = (subjectKey: string, recipientKey: string, version: string) => `
  EXISTS (SELECT 1 FROM "notifications" "owed" WHERE "owed"."rule" = :rule
    AND "owed"."subjectKey" = ${subjectKey} AND "owed"."recipientKey" = ${recipientKey}
    AND "owed"."version" = ${version})`;

export function localeOf(raw: string | null | undefined): Locale {
  return raw === 'en' ? 'en' : 'ru';
}

export interface ParticipantRecipient {
  participantId: number;
  fullName: string;
  email: string;
  locale: string | null;
}
