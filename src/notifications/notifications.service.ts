import { BadRequestException, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { Account, ROLES } from '../accounts/account.entity';
import { Page, toPage } from '../common/http/pagination';
import { Clock } from '../common/time/clock';
import { UnitOfWork } from '../database/unit-of-work';
import {
  ListNotificationsQuery,
  NotificationPreferencesDto,
  NotificationPreferencesResponse,
  NotificationResponse,
} from './notification.dto';
import { NotificationPreference } from './notification-preference.entity';
import { Notification } from './notification.entity';

/** The outbox as people read it, and what each account wants to be reminded of. */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(Notification) private readonly notifications: Repository<Notification>,
    @InjectRepository(NotificationPreference)
    private readonly preferences: Repository<NotificationPreference>,
    @InjectRepository(Account) private readonly accounts: Repository<Account>,
    private readonly access: AccessService,
    private readonly unit: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  /**
   * Organizers see every message and filter by recipient (a participant's or mentor's messages
   * include those to its account); everyone else sees the messages to itself (its account, and
   * its participant or mentor record).
   */
  async list(caller: Caller, query: ListNotificationsQuery): Promise<Page<NotificationResponse>> {
    this.access.requireRole(caller, ...ROLES);
    const staffFilters = [query.participantId, query.mentorId, query.accountId];
    if (caller.role !== 'organizer' && staffFilters.some((filter) => filter !== undefined)) {
      throw new BadRequestException([
        'participantId, mentorId and accountId are filters for organizers; you see your own messages',
      ]);
    }
    const recipients =
      caller.role === 'organizer'
        ? [
            query.participantId && `participant:${query.participantId}`,
            query.mentorId && `mentor:${query.mentorId}`,
            query.accountId && `account:${query.accountId}`,
            ...(await this.accountsOf(query)),
          ]
        : [
            `account:${caller.accountId}`,
            caller.participantId && `participant:${caller.participantId}`,
            caller.mentorId && `mentor:${caller.mentorId}`,
          ];
    const keys = recipients.filter((key): key is string => Boolean(key));
    const page = await this.notifications.findAndCount({
      where: {
        status: query.status,
        rule: query.rule,
        recipientKey: keys.length > 0 ? In(keys) : undefined,
      },
      order: { id: 'DESC' },
      take: query.limit,
      skip: query.offset,
    });
    return toPage(page, query, NotificationResponse.from);
  }

  /** The accounts of the participant or mentor asked for: their mail (invitations) is theirs too. */
  private async accountsOf(query: ListNotificationsQuery): Promise<string[]> {
    const links = [
      query.participantId && { participantId: query.participantId },
      query.mentorId && { mentorId: query.mentorId },
    ].filter((link) => Boolean(link)) as { participantId?: number; mentorId?: number }[];
    if (links.length === 0) {
      return [];
    }
    const accounts = await this.accounts.find({ select: { id: true }, where: links });
    return accounts.map((account) => `account:${account.id}`);
  }

  async preferencesOf(caller: Caller): Promise<NotificationPreferencesResponse> {
    this.access.requireRole(caller, ...ROLES);
    return NotificationPreferencesResponse.from(
      await this.preferences.findOneBy({ accountId: caller.accountId }),
    );
  }

  /** Changes what is given; the rest stays. Concurrent changes of one account queue. */
  async setPreferences(
    caller: Caller,
    dto: NotificationPreferencesDto,
  ): Promise<NotificationPreferencesResponse> {
    this.access.requireRole(caller, ...ROLES);
    if (Object.keys(dto).length === 0) {
      throw new BadRequestException([
        'give at least one of sessionReminders, eveningDigest, meetingReminders, locale',
      ]);
    }
    const accountId = caller.accountId;
    return this.unit.run(async (manager) => {
      await this.unit.lockOrFail(manager, Account, accountId, 'Account');
      const stored = await manager.findOneBy(NotificationPreference, { accountId });
      const saved = await manager.save(
        manager.create(NotificationPreference, {
          ...NotificationPreferencesResponse.from(stored),
          ...dto,
          accountId,
          updatedAt: this.clock.now(),
        }),
      );
      return NotificationPreferencesResponse.from(saved);
    });
  }
}
