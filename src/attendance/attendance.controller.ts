import { Body, Controller, Get, HttpCode, Patch, Post, Put, Query, Req, Res } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Request, Response } from 'express';
import { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { RefuseBody } from '../common/http/refuse-body.pipe';
import { IdParam } from '../common/http/id-param';
import { Page, PageOf, PageQuery } from '../common/http/pagination';
import { attendanceCsv } from './attendance-csv';
import {
  AttendanceReport,
  AttendanceReportQuery,
  SessionAttendanceSummary,
} from './attendance-report.dto';
import { AttendanceReports, WHOLE_COHORT } from './attendance-reports.service';
import {
  AttendanceResponse,
  CheckInCodeResponse,
  CheckInCodeSettingsDto,
  CheckInDto,
  MarkAttendanceDto,
  MarkAttendanceResponse,
  ParticipantAttendanceEntry,
  RosterEntry,
} from './attendance.dto';
import { AttendanceService } from './attendance.service';
import { CheckInCodes } from './check-in-codes.service';
import { CheckIns } from './check-ins.service';

@ApiTags('attendance')
@Controller()
export class AttendanceController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly checkIns: CheckIns,
    private readonly codes: CheckInCodes,
    private readonly reports: AttendanceReports,
  ) {}

  @Get('sessions/:id/attendance')
  @ApiOkResponse({
    type: PageOf(RosterEntry),
    description:
      'The cohort’s participants with their records; a mentor who does not lead the session sees its mentees, a participant itself',
  })
  @ApiNotFoundResponse({ description: 'No such session, or not in a stage the caller sees' })
  roster(
    @CurrentActor() actor: Actor,
    @IdParam() sessionId: number,
    @Query() query: PageQuery,
  ): Promise<Page<RosterEntry>> {
    return this.attendance.roster(actor, sessionId, query);
  }

  @Put('sessions/:id/attendance')
  @Roles('organizer', 'host', 'mentor')
  @ApiOkResponse({ type: MarkAttendanceResponse })
  @ApiBadRequestResponse({ description: 'Invalid marks, or participants not in the cohort' })
  @ApiForbiddenResponse({
    description: 'Only organizers, the stage’s hosts and the mentors who lead the session',
  })
  @ApiNotFoundResponse({ description: 'No such session, or not in a stage the caller sees' })
  @ApiConflictResponse({ description: 'The session is cancelled' })
  mark(
    @CurrentActor() actor: Actor,
    @IdParam() sessionId: number,
    @Body() dto: MarkAttendanceDto,
  ): Promise<MarkAttendanceResponse> {
    return this.attendance.mark(actor, sessionId, dto);
  }

  @Post('sessions/:id/check-in')
  @Roles('participant')
  @ApiCreatedResponse({ type: AttendanceResponse, description: 'Checked in: the new record' })
  @ApiOkResponse({
    type: AttendanceResponse,
    description: 'The record it already has (a check-in before, or a staff mark)',
  })
  @ApiBadRequestResponse({ description: 'Not the session’s code' })
  @ApiNotFoundResponse({
    description: 'No such session in the published agenda of a stage the participant sees',
  })
  @ApiConflictResponse({
    description: 'Outside the check-in window, a cancelled session, or withdrawn',
  })
  @ApiTooManyRequestsResponse({ description: 'Too many wrong codes' })
  async checkIn(
    @CurrentActor() actor: Actor,
    @IdParam() sessionId: number,
    @Body() dto: CheckInDto,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AttendanceResponse> {
    const { record, created } = await this.checkIns.checkIn(actor, sessionId, dto);
    response.status(created ? 201 : 200);
    return record;
  }

  @Get('sessions/:id/check-in-code')
  @Roles('organizer', 'host', 'mentor')
  @ApiOkResponse({ type: CheckInCodeResponse })
  @ApiForbiddenResponse({ description: 'Only staff who mark the session’s attendance' })
  @ApiNotFoundResponse({ description: 'No such session, or not in a stage the caller sees' })
  checkInCode(
    @CurrentActor() actor: Actor,
    @IdParam() sessionId: number,
  ): Promise<CheckInCodeResponse> {
    return this.codes.show(actor, sessionId);
  }

  @Patch('sessions/:id/check-in-code')
  @Roles('organizer', 'host', 'mentor')
  @ApiOkResponse({ type: CheckInCodeResponse })
  @ApiForbiddenResponse({ description: 'Only staff who mark the session’s attendance' })
  @ApiNotFoundResponse({ description: 'No such session, or not in a stage the caller sees' })
  configureCheckInCode(
    @CurrentActor() actor: Actor,
    @IdParam() sessionId: number,
    @Body() dto: CheckInCodeSettingsDto,
  ): Promise<CheckInCodeResponse> {
    return this.codes.configure(actor, sessionId, dto);
  }

  @Post('sessions/:id/check-in-code/rotate')
  @Roles('organizer', 'host', 'mentor')
  @HttpCode(200)
  @ApiOkResponse({
    type: CheckInCodeResponse,
    description: 'A new code; the old ones stop working',
  })
  @ApiForbiddenResponse({ description: 'Only staff who mark the session’s attendance' })
  @ApiNotFoundResponse({ description: 'No such session, or not in a stage the caller sees' })
  rotateCheckInCode(
    @CurrentActor() actor: Actor,
    @IdParam() sessionId: number,
    @Body(RefuseBody) _body: unknown,
  ): Promise<CheckInCodeResponse> {
    return this.codes.rotate(actor, sessionId);
  }

  @Get('cohorts/:id/attendance-report')
  @ApiProduces('application/json', 'text/csv')
  @ApiOkResponse({
    type: AttendanceReport,
    description:
      'Per participant and stage, and over the program; `Accept: text/csv` for a CSV of every participant',
  })
  @ApiNotFoundResponse({ description: 'No such cohort, or not one the caller sees' })
  async report(
    @CurrentActor() actor: Actor,
    @IdParam() cohortId: number,
    @Query() query: AttendanceReportQuery,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<AttendanceReport | string> {
    const wanted = request.accepts(['application/json', 'text/csv', 'text/csv; charset=utf-8']);
    if (typeof wanted === 'string' && wanted.startsWith('text/csv')) {
      const report = await this.reports.report(actor, cohortId, WHOLE_COHORT);
      response.type('text/csv; charset=utf-8').attachment(`attendance-cohort-${cohortId}.csv`);
      return attendanceCsv(report, query.delimiter ?? 'comma');
    }
    return this.reports.report(actor, cohortId, query);
  }

  @Get('cohorts/:id/attendance-report/sessions')
  @Roles('organizer', 'host')
  @ApiOkResponse({ type: PageOf(SessionAttendanceSummary) })
  @ApiForbiddenResponse({
    description: 'Only organizers and hosts: the counts cover the whole cohort',
  })
  @ApiNotFoundResponse({ description: 'No such cohort, or not one the caller sees' })
  sessionSummaries(
    @CurrentActor() actor: Actor,
    @IdParam() cohortId: number,
    @Query() query: PageQuery,
  ): Promise<Page<SessionAttendanceSummary>> {
    return this.reports.sessions(actor, cohortId, query);
  }

  @Get('participants/:id/attendance')
  @ApiOkResponse({
    type: PageOf(ParticipantAttendanceEntry),
    description: 'Newest first; a host sees those of the stages it hosts',
  })
  @ApiNotFoundResponse({ description: 'No such participant, or not one the caller sees' })
  participantAttendance(
    @CurrentActor() actor: Actor,
    @IdParam() participantId: number,
    @Query() query: PageQuery,
  ): Promise<Page<ParticipantAttendanceEntry>> {
    return this.attendance.ofParticipant(actor, participantId, query);
  }
}
