import { Get, Post, Query, Res } from '@nestjs/common';
import { Response } from 'express';
import { CheckIns } from '../../attendance/check-ins.service';
import { Clock } from '../../common/time/clock';
import { CalendarFeedsService } from '../../schedules/calendar-feeds.service';
import { ScheduleEntry } from '../../schedules/schedule-entry';
import { SchedulesService } from '../../schedules/schedules.service';
import { Page, PageContext, PageRoles } from '../shared/page-context';
import { PageController } from '../shared/page-controller';
import { pageOffset } from '../shared/paging';
import { qrCodeDataUrl } from '../shared/qr-code';
import { seeOther } from '../shared/redirects';
import { sendPage } from '../shared/render';
import { ScheduleDay, SchedulePage } from './schedule.views';

const DAYS_LOOKED_BACK = 14;
const ENTRIES_PER_PAGE = 100;

/**
 * The entries of each local date, days in date order, entries in the order they start. Entries
 * in different zones can start in one order and fall on local dates in the other (01:00 in
 * Vladivostok is the evening before in Moscow): each date is still one day.
 */
function daysOf(entries: ScheduleEntry[], now: Date): ScheduleDay[] {
  const byDate = new Map<string, ScheduleDay>();
  for (const entry of entries) {
    const date = entry.startsAtLocal.slice(0, 10);
    const day = byDate.get(date) ?? { date, entries: [], past: false };
    day.entries.push(entry);
    byDate.set(date, day);
  }
  const days = [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  for (const day of days) {
    day.past = day.entries.every((entry) => new Date(entry.endsAt) < now);
  }
  return days;
}

/** A participant's or mentor's own schedule, with its calendar link and open check-ins. */
@PageController('schedule')
@PageRoles('participant', 'mentor')
export class ScheduleController {
  constructor(
    private readonly schedules: SchedulesService,
    private readonly feeds: CalendarFeedsService,
    private readonly checkIns: CheckIns,
    private readonly clock: Clock,
  ) {}

  @Get()
  async show(
    @Page() page: PageContext,
    @Query('offset') offsetParameter: unknown,
    @Query('rotated') rotated: unknown,
    @Res() response: Response,
  ): Promise<void> {
    const now = this.clock.now();
    const offset = pageOffset(offsetParameter);
    const from = new Date(now.getTime() - DAYS_LOOKED_BACK * 24 * 3600 * 1000);
    const [schedule, feed] = await Promise.all([
      this.schedules.list(
        page.caller,
        this.schedules.ownerOf(page.caller),
        { from: { instant: from } },
        { limit: ENTRIES_PER_PAGE, offset },
      ),
      this.feeds.mine(page.caller),
    ]);
    const openCheckIns = await this.checkIns.openFor(page.caller, schedule.items);
    const nextOffset = offset + ENTRIES_PER_PAGE;
    sendPage(
      response,
      <SchedulePage
        page={page}
        days={daysOf(schedule.items, now)}
        openCheckIns={openCheckIns}
        calendar={{ ...feed, qrDataUrl: await qrCodeDataUrl(feed.webcalUrl) }}
        rotated={rotated === '1'}
        laterHref={nextOffset < schedule.total ? `/schedule?offset=${nextOffset}` : null}
        earlierHref={
          offset > 0 ? `/schedule?offset=${Math.max(0, offset - ENTRIES_PER_PAGE)}` : null
        }
      />,
    );
  }

  @Post('calendar-feed/rotate')
  async rotateFeed(@Page() page: PageContext, @Res() response: Response): Promise<void> {
    await this.feeds.rotate(page.caller);
    seeOther(response, '/schedule?rotated=1#calendar-title');
  }
}
