import { Injectable, NotFoundException } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { randomBytes } from 'node:crypto';
import { EntityManager, Repository } from 'typeorm';
import { Caller, FeedReader } from '../access/caller';
import { calendarTag } from '../calendar/send-calendar';
import { Clock } from '../common/time/clock';
import { nextChangeTime } from '../common/time/time';
import { isUniqueViolation } from '../database/database-errors';
import { UnitOfWork } from '../database/unit-of-work';
import { CalendarFeed } from './calendar-feed.entity';
import { CalendarFeedResponse, UpdateCalendarFeedDto } from './calendar-feed.dto';
import { ScheduleOwner } from './schedule-entry';
import { SchedulesService } from './schedules.service';

/** A token is 24 random bytes, URL-safe: 32 characters. */
const newToken = () => randomBytes(24).toString('base64url');

/** Personal calendar feeds: a participant's or a mentor's schedule at a secret link. */
@Injectable()
export class CalendarFeedsService {
  private readonly publicUrl: string;

  constructor(
    @InjectRepository(CalendarFeed) private readonly feeds: Repository<CalendarFeed>,
    private readonly schedules: SchedulesService,
    private readonly unit: UnitOfWork,
    private readonly clock: Clock,
    config: ConfigService,
  ) {
    this.publicUrl = config.getOrThrow<string>('PUBLIC_URL').replace(/\/+$/, '');
  }

  /** The caller's own feed, made on first asking. */
  async mine(caller: Caller): Promise<CalendarFeedResponse> {
    const owner = this.schedules.ownerOf(caller);
    return this.toResponse(await this.change(owner, () => undefined));
  }

  /** A new secret link; the old one stops working at once. */
  async rotate(caller: Caller): Promise<CalendarFeedResponse> {
    const owner = this.schedules.ownerOf(caller);
    return this.toResponse(await this.change(owner, (feed) => (feed.token = newToken())));
  }

  async update(caller: Caller, dto: UpdateCalendarFeedDto): Promise<CalendarFeedResponse> {
    const owner = this.schedules.ownerOf(caller);
    return this.toResponse(
      await this.change(owner, (feed) => (feed.alarmMinutesBefore = dto.alarmMinutesBefore)),
    );
  }

  /**
   * The schedule behind a feed link; 404 for an unknown or rotated token, or when its owner has
   * no active account. `lastModified` is when the feed's content last changed, whatever changed
   * it (a publish, an enrollment, the reminder).
   */
  async calendarOf(token: string): Promise<{ calendar: string; lastModified: Date | null }> {
    const feed = await this.feeds
      .createQueryBuilder('feed')
      .where('feed.token = :token', { token })
      .andWhere(
        'EXISTS (SELECT 1 FROM "accounts" "account" WHERE "account"."deactivatedAt" IS NULL ' +
          'AND ("account"."participantId" = "feed"."participantId" OR "account"."mentorId" = "feed"."mentorId"))',
      )
      .getOne();
    if (!feed) {
      throw new NotFoundException('No calendar feed at this link (it may have been renewed)');
    }
    const reader: FeedReader = {
      role: 'feed',
      participantId: feed.participantId,
      mentorId: feed.mentorId,
    };
    const owner: ScheduleOwner =
      feed.participantId !== null
        ? { participantId: feed.participantId }
        : { mentorId: feed.mentorId! };
    const calendar = await this.schedules.calendar(reader, owner, feed.alarmMinutesBefore);
    const contentTag = calendarTag(calendar);
    if (feed.contentTag === contentTag && feed.contentChangedAt) {
      return { calendar, lastModified: feed.contentChangedAt };
    }
    const lastModified = await this.unit.run(async (manager) => {
      const stored = await this.unit.lockOrFail(manager, CalendarFeed, feed.id, 'Calendar feed');
      if (stored.contentTag !== contentTag || !stored.contentChangedAt) {
        stored.contentTag = contentTag;
        stored.contentChangedAt = nextChangeTime(this.clock.now(), stored.contentChangedAt);
        await manager.save(stored);
      }
      return stored.contentChangedAt;
    });
    return { calendar, lastModified };
  }

  /**
   * Applies `edit` to the owner's feed in one unit (made if missing) and saves it when changed.
   * Two first requests at once both end with the one feed the unique owner index lets exist.
   */
  private async change(
    owner: ScheduleOwner,
    edit: (feed: CalendarFeed) => void,
  ): Promise<CalendarFeed> {
    const work = (manager: EntityManager) => this.editInUnit(manager, owner, edit);
    try {
      return await this.unit.run(work);
    } catch (error) {
      if (!isUniqueViolation(error)) {
        throw error;
      }
      return this.unit.run(work);
    }
  }

  private async editInUnit(
    manager: EntityManager,
    owner: ScheduleOwner,
    edit: (feed: CalendarFeed) => void,
  ): Promise<CalendarFeed> {
    const where =
      'participantId' in owner
        ? { participantId: owner.participantId }
        : { mentorId: owner.mentorId };
    const existing = await this.unit.lock(manager, CalendarFeed, where);
    const feed =
      existing ??
      manager.create(CalendarFeed, {
        participantId: null,
        mentorId: null,
        ...where,
        token: newToken(),
        alarmMinutesBefore: null,
      });
    const before = { token: feed.token, alarmMinutesBefore: feed.alarmMinutesBefore };
    edit(feed);
    const changed =
      !existing ||
      before.token !== feed.token ||
      before.alarmMinutesBefore !== feed.alarmMinutesBefore;
    return changed ? manager.save(feed) : feed;
  }

  private toResponse(feed: CalendarFeed): CalendarFeedResponse {
    const url = `${this.publicUrl}/api/calendar/${feed.token}.ics`;
    return {
      url,
      webcalUrl: url.replace(/^https?:/, 'webcal:'),
      alarmMinutesBefore: feed.alarmMinutesBefore,
      updatedAt: feed.updatedAt.toISOString(),
    };
  }
}
