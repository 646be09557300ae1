import { Module } from '@nestjs/common';
import { AccountMail } from './account-mail';
import { AgendaChangeNotices } from './agenda-change-notices';
import { Outbox } from './outbox';

/** Writing to the outbox, for the features whose changes owe messages. */
@Module({
  providers: [Outbox, AgendaChangeNotices, AccountMail],
  exports: [Outbox, AgendaChangeNotices, AccountMail],
})
export class OutboxModule {}
