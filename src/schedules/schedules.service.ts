import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AccessService } from '../access/access.service';
import { Caller } from '../access/caller';
import { calendarFile } from '../calendar/calendar-file';
import { sessionUid } from '../calendar/session-uid';
import { Page, PageQuery } from '../common/http/pagination';
import { Clock } from '../common/time/clock';
import { MentorsService } from '../mentors/mentors.service';
import { ParticipantsService } from '../participants/participants.service';
import {
  SCHEDULE_SOURCES,
  ScheduleEntry,
  ScheduleOwner,
  ScheduleRange,
  ScheduleSource,
} from './schedule-entry';

/** How far back a calendar feed reaches, and how many entries it carries at most. */
const FEED_DAYS_BACK = 90;
const FEED_MAX_ENTRIES = 1000;

/** The order of a schedule: by start, then kind, then id. */
const inTimeOrder = (a: ScheduleEntry, b: ScheduleEntry) =>
  a.startsAt.localeCompare(b.startsAt) || a.kind.localeCompare(b.kind) || a.id - b.id;

/**
 * A person's schedule: the entries of every schedule source (published sessions so far)
 * merged in time order, each source read with a constant number of queries.
 */
@Injectable()
export class SchedulesService {
  private readonly publicUrl: string;

  constructor(
    @Inject(SCHEDULE_SOURCES) private readonly sources: ScheduleSource[],
    private readonly access: AccessService,
    private readonly clock: Clock,
    private readonly participants: ParticipantsService,
    private readonly mentors: MentorsService,
    config: ConfigService,
  ) {
    this.publicUrl = config.getOrThrow<string>('PUBLIC_URL');
  }

  async list(
    caller: Caller,
    owner: ScheduleOwner,
    range: ScheduleRange,
    page: PageQuery,
  ): Promise<Page<ScheduleEntry>> {
    await this.access.assertReadsSchedule(caller, owner);
    const { entries, total } = await this.read(owner, range, page.offset + page.limit);
    return {
      items: entries.slice(page.offset, page.offset + page.limit),
      total,
      limit: page.limit,
      offset: page.offset,
    };
  }

  /** The caller's own schedule: a participant's or a mentor's. */
  ownerOf(caller: Caller): ScheduleOwner {
    if (caller.role === 'participant' && caller.participantId !== null) {
      return { participantId: caller.participantId };
    }
    if (caller.role === 'mentor' && caller.mentorId !== null) {
      return { mentorId: caller.mentorId };
    }
    throw new ForbiddenException('Only participants and mentors have a schedule of their own');
  }

  /**
   * The schedule as an RFC 5545 calendar: by default from `FEED_DAYS_BACK` days ago on, the
   * first `FEED_MAX_ENTRIES` entries.
   */
  async calendar(
    caller: Caller,
    owner: ScheduleOwner,
    alarmMinutesBefore: number | null,
    range: ScheduleRange = {},
  ): Promise<string> {
    await this.access.assertReadsSchedule(caller, owner);
    const from = range.from ?? {
      instant: new Date(this.clock.now().getTime() - FEED_DAYS_BACK * 24 * 60 * 60 * 1000),
    };
    const { entries } = await this.read(owner, { ...range, from }, FEED_MAX_ENTRIES);
    return calendarFile({
      name: await this.calendarName(caller, owner),
      alarmMinutesBefore,
      events: entries.map((entry) => ({
        uid: sessionUid(entry.id, this.publicUrl),
        sequence: entry.sequence,
        startsAt: new Date(entry.startsAt),
        endsAt: new Date(entry.endsAt),
        timeZone: entry.timeZone,
        title: entry.title,
        description: entry.description,
        venue: entry.venue,
        address: entry.address,
        onlineUrl: entry.onlineUrl,
        cancelled: entry.status === 'cancelled',
        changedAt: new Date(entry.publishedAt),
      })),
    });
  }

  private async read(
    owner: ScheduleOwner,
    range: ScheduleRange,
    count: number,
  ): Promise<{ entries: ScheduleEntry[]; total: number }> {
    const parts = await Promise.all(this.sources.map((source) => source.read(owner, range, count)));
    return {
      entries: parts
        .flatMap((part) => part.entries)
        .sort(inTimeOrder)
        .slice(0, count),
      total: parts.reduce((sum, part) => sum + part.total, 0),
    };
  }

  /** "Расписание: Иванов Иван Иванович", in the participant's language. */
  private async calendarName(caller: Caller, owner: ScheduleOwner): Promise<string> {
    if ('participantId' in owner) {
      const participant = await this.participants.get(caller, owner.participantId);
      return `${participant.locale === 'en' ? 'Schedule' : 'Расписание'}: ${participant.fullName}`;
    }
    const mentor = await this.mentors.get(caller, owner.mentorId);
    return `Расписание: ${mentor.fullName}`;
  }
}
