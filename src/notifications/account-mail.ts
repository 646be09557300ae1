import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { Account } from '../accounts/account.entity';
import type { Invitation } from '../accounts/invitation.entity';
import { Clock } from '../common/time/clock';
import { queryNamed } from '../database/sql';
import { invitation as invitationText, passwordReset } from './messages';
import { Outbox } from './outbox';
import { localeOf } from './rules/recipients';

/**
 * Invitations and password-reset links, written to the outbox in the unit that makes the link.
 * The link itself is kept apart from the text and erased once the message is done.
 */
@Injectable()
export class AccountMail {
  constructor(
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {}

  async enqueue(
    manager: EntityManager,
    account: Account,
    invitation: Invitation,
    link: string,
  ): Promise<void> {
    const [linked] = await queryNamed<{ locale: string | null }>(
      manager,
      `SELECT COALESCE(np."locale", p."locale") AS "locale" FROM "accounts" a
       LEFT JOIN "participants" p ON p."id" = a."participantId"
       LEFT JOIN "notification_preferences" np ON np."accountId" = a."id"
       WHERE a."id" = :id`,
      { id: account.id },
    );
    const locale = localeOf(linked?.locale);
    const write = invitation.purpose === 'password_reset' ? passwordReset : invitationText;
    await this.outbox.enqueue(manager, [
      {
        rule: invitation.purpose,
        subjectKey: `invitation:${invitation.id}`,
        recipientKey: `account:${account.id}`,
        version: '1',
        email: account.email,
        locale,
        ...write(account.fullName, invitation.expiresAt, locale),
        secret: link,
        dueAt: this.clock.now(),
        expiresAt: invitation.expiresAt,
      },
    ]);
  }
}
