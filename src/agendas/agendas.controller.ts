import { Body, Controller, Get, Post, Query, Res } from '@nestjs/common';
import {
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Response } from 'express';
import { Caller } from '../access/caller';
import { CurrentCaller, Roles, SignInOptional } from '../auth/auth.decorators';
import { sendCalendar } from '../calendar/send-calendar';
import { RefuseBody } from '../common/http/refuse-body.pipe';
import { IdParam } from '../common/http/id-param';
import { Page, PageOf, PageQuery } from '../common/http/pagination';
import { AgendaVersionResponse, AgendaVersionSummary } from './agenda.dto';
import { AgendasService } from './agendas.service';

@ApiTags('agendas')
@Controller('stages/:id/agenda')
export class AgendasController {
  constructor(private readonly agendas: AgendasService) {}

  @Post('publish')
  @Roles('organizer', 'host')
  @ApiCreatedResponse({ type: AgendaVersionResponse, description: 'The new version' })
  @ApiForbiddenResponse({ description: 'Only organizers and the stage’s hosts publish' })
  @ApiNotFoundResponse({ description: 'No such stage, or not one the host hosts' })
  @ApiConflictResponse({
    description:
      'Nothing changed since the last version, or mandatory sessions of one track overlap ' +
      '(`conflicts` lists them)',
  })
  publish(
    @CurrentCaller() caller: Caller,
    @IdParam() stageId: number,
    @Body(RefuseBody) _body: unknown,
  ): Promise<AgendaVersionResponse> {
    return this.agendas.publish(caller, stageId);
  }

  @Get()
  @SignInOptional()
  @ApiOkResponse({ type: AgendaVersionResponse, description: 'The latest published version' })
  @ApiNotFoundResponse({
    description: 'Not published yet, or not public and not a stage the caller sees',
  })
  latest(
    @CurrentCaller() caller: Caller,
    @IdParam() stageId: number,
  ): Promise<AgendaVersionResponse> {
    return this.agendas.latest(caller, stageId);
  }

  @Get('versions')
  @Roles('organizer', 'host')
  @ApiOkResponse({ type: PageOf(AgendaVersionSummary), description: 'Newest first' })
  @ApiForbiddenResponse({ description: 'Only organizers and the stage’s hosts' })
  @ApiNotFoundResponse({ description: 'No such stage, or not one the host hosts' })
  versions(
    @CurrentCaller() caller: Caller,
    @IdParam() stageId: number,
    @Query() query: PageQuery,
  ): Promise<Page<AgendaVersionSummary>> {
    return this.agendas.listVersions(caller, stageId, query);
  }

  @Get('versions/:number')
  @Roles('organizer', 'host')
  @ApiOkResponse({ type: AgendaVersionResponse })
  @ApiForbiddenResponse({ description: 'Only organizers and the stage’s hosts' })
  @ApiNotFoundResponse({ description: 'No such stage or version' })
  version(
    @CurrentCaller() caller: Caller,
    @IdParam() stageId: number,
    @IdParam('number') number: number,
  ): Promise<AgendaVersionResponse> {
    return this.agendas.getVersion(caller, stageId, number);
  }
}

/** The latest published agenda as a calendar file (`/api/stages/:id/agenda.ics`). */
@ApiTags('agendas')
@Controller('stages/:id')
export class AgendaCalendarController {
  constructor(private readonly agendas: AgendasService) {}

  @Get('agenda.ics')
  @SignInOptional()
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'RFC 5545; answers 304 to a conditional request that matches' })
  @ApiNotFoundResponse({
    description: 'Not published yet, or not public and not a stage the caller sees',
  })
  async calendar(
    @CurrentCaller() caller: Caller,
    @IdParam() stageId: number,
    @Res() response: Response,
  ): Promise<void> {
    const { calendar, publishedAt } = await this.agendas.latestAsCalendar(caller, stageId);
    sendCalendar(response, calendar, {
      fileName: `agenda-${stageId}.ics`,
      lastModified: publishedAt,
      shared: caller.role === 'anonymous',
    });
  }
}
