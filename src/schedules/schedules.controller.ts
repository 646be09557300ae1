import { Body, Controller, Get, Param, Patch, Post, Query, Res } from '@nestjs/common';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { Caller } from '../access/caller';
import { CurrentCaller, Public } from '../auth/auth.decorators';
import { sendCalendar } from '../calendar/send-calendar';
import { RefuseBody } from '../common/http/refuse-body.pipe';
import { IdParam } from '../common/http/id-param';
import { Page, PageOf } from '../common/http/pagination';
import { CalendarFeedResponse, UpdateCalendarFeedDto } from './calendar-feed.dto';
import { CalendarFeedsService } from './calendar-feeds.service';
import { ScheduleEntry, ScheduleOwner } from './schedule-entry';
import { CalendarQuery, ScheduleQuery, rangeOf } from './schedule.dto';
import { SchedulesService } from './schedules.service';

const CALENDAR_DESCRIPTION =
  'RFC 5545, events in each stage’s zone (TZID), by default from 90 days ago on; ' +
  'answers 304 to a conditional request that matches';

@ApiTags('schedules')
@Controller()
export class SchedulesController {
  constructor(
    private readonly schedules: SchedulesService,
    private readonly feeds: CalendarFeedsService,
  ) {}

  @Get('participants/:id/schedule')
  @ApiOkResponse({
    type: PageOf(ScheduleEntry),
    description: 'The published sessions of the cohorts it is actively enrolled in, in time order',
  })
  @ApiForbiddenResponse({ description: 'Hosts read no schedules' })
  @ApiNotFoundResponse({ description: 'No such participant, or not one the caller sees' })
  participantSchedule(
    @CurrentCaller() caller: Caller,
    @IdParam() participantId: number,
    @Query() query: ScheduleQuery,
  ): Promise<Page<ScheduleEntry>> {
    return this.schedules.list(caller, { participantId }, rangeOf(query), query);
  }

  @Get('participants/:id/schedule.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: CALENDAR_DESCRIPTION })
  @ApiForbiddenResponse({ description: 'Hosts read no schedules' })
  @ApiNotFoundResponse({ description: 'No such participant, or not one the caller sees' })
  participantCalendar(
    @CurrentCaller() caller: Caller,
    @IdParam() participantId: number,
    @Query() query: CalendarQuery,
    @Res() response: Response,
  ): Promise<void> {
    return this.sendSchedule(caller, { participantId }, query, response);
  }

  @Get('mentors/:id/schedule')
  @ApiOkResponse({
    type: PageOf(ScheduleEntry),
    description: 'The published sessions it leads and those of its mentees’ cohorts',
  })
  @ApiForbiddenResponse({ description: 'Only organizers and the mentor itself' })
  @ApiNotFoundResponse({ description: 'No such mentor, or not one the caller sees' })
  mentorSchedule(
    @CurrentCaller() caller: Caller,
    @IdParam() mentorId: number,
    @Query() query: ScheduleQuery,
  ): Promise<Page<ScheduleEntry>> {
    return this.schedules.list(caller, { mentorId }, rangeOf(query), query);
  }

  @Get('mentors/:id/schedule.ics')
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: CALENDAR_DESCRIPTION })
  @ApiForbiddenResponse({ description: 'Only organizers and the mentor itself' })
  @ApiNotFoundResponse({ description: 'No such mentor, or not one the caller sees' })
  mentorCalendar(
    @CurrentCaller() caller: Caller,
    @IdParam() mentorId: number,
    @Query() query: CalendarQuery,
    @Res() response: Response,
  ): Promise<void> {
    return this.sendSchedule(caller, { mentorId }, query, response);
  }

  @Get('me/schedule')
  @ApiOkResponse({ type: PageOf(ScheduleEntry) })
  @ApiForbiddenResponse({ description: 'Only participants and mentors have a schedule' })
  mySchedule(
    @CurrentCaller() caller: Caller,
    @Query() query: ScheduleQuery,
  ): Promise<Page<ScheduleEntry>> {
    return this.schedules.list(caller, this.schedules.ownerOf(caller), rangeOf(query), query);
  }

  @Get('me/calendar-feed')
  @ApiOkResponse({
    type: CalendarFeedResponse,
    description: 'The secret link of the caller’s calendar feed (made on first asking)',
  })
  @ApiForbiddenResponse({ description: 'Only participants and mentors have a feed' })
  myFeed(@CurrentCaller() caller: Caller): Promise<CalendarFeedResponse> {
    return this.feeds.mine(caller);
  }

  @Post('me/calendar-feed/rotate')
  @ApiOkResponse({ type: CalendarFeedResponse, description: 'A new link; the old one ends' })
  @ApiForbiddenResponse({ description: 'Only participants and mentors have a feed' })
  rotateMyFeed(
    @CurrentCaller() caller: Caller,
    @Body(RefuseBody) _body: unknown,
  ): Promise<CalendarFeedResponse> {
    return this.feeds.rotate(caller);
  }

  @Patch('me/calendar-feed')
  @ApiOkResponse({ type: CalendarFeedResponse })
  @ApiForbiddenResponse({ description: 'Only participants and mentors have a feed' })
  updateMyFeed(
    @CurrentCaller() caller: Caller,
    @Body() dto: UpdateCalendarFeedDto,
  ): Promise<CalendarFeedResponse> {
    return this.feeds.update(caller, dto);
  }

  @Get('calendar/:token.ics')
  @Public()
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: `A personal feed, no sign-in: ${CALENDAR_DESCRIPTION}` })
  @ApiNotFoundResponse({ description: 'No feed at this link, or it was renewed' })
  async feed(@Param('token') token: string, @Res() response: Response): Promise<void> {
    const { calendar, lastModified } = await this.feeds.calendarOf(token);
    sendCalendar(response, calendar, { fileName: 'schedule.ics', lastModified, shared: false });
  }

  private async sendSchedule(
    caller: Caller,
    owner: ScheduleOwner,
    query: CalendarQuery,
    response: Response,
  ): Promise<void> {
    const calendar = await this.schedules.calendar(caller, owner, null, rangeOf(query));
    // Enrollments change it without a date of their own: the entity tag alone tells changes.
    sendCalendar(response, calendar, {
      fileName: 'schedule.ics',
      lastModified: null,
      shared: false,
    });
  }
}
