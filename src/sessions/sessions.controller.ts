import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdParam } from '../common/http/id-param';
import { Page, PageOf, PageQuery } from '../common/http/pagination';
import { Conflict } from './conflicts';
import {
  CreateSessionDto,
  ListSessionsQuery,
  SessionResponse,
  SessionWriteResponse,
  UpdateSessionDto,
} from './session.dto';
import { SessionsService } from './sessions.service';

@ApiTags('sessions')
@ApiBadRequestResponse({
  description: 'Invalid input, a session outside its stage’s dates or ending before it starts',
})
@Controller()
export class SessionsController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('stages/:id/sessions')
  @Roles('organizer', 'host')
  @ApiCreatedResponse({
    type: SessionWriteResponse,
    description: 'Created; `warnings` lists the conflicts it takes part in',
  })
  @ApiForbiddenResponse({ description: 'Only organizers and the stage’s hosts edit its agenda' })
  @ApiNotFoundResponse({ description: 'No such stage (or not one the host hosts) or mentor' })
  create(
    @CurrentActor() actor: Actor,
    @IdParam() stageId: number,
    @Body() dto: CreateSessionDto,
  ): Promise<SessionWriteResponse> {
    return this.sessions.create(actor, stageId, dto);
  }

  @Get('stages/:id/conflicts')
  @Roles('organizer', 'host')
  @ApiOkResponse({ type: PageOf(Conflict) })
  @ApiForbiddenResponse({ description: 'Only organizers and the stage’s hosts' })
  @ApiNotFoundResponse({ description: 'No such stage, or not one the host hosts' })
  conflicts(
    @CurrentActor() actor: Actor,
    @IdParam() stageId: number,
    @Query() query: PageQuery,
  ): Promise<Page<Conflict>> {
    return this.sessions.stageConflicts(actor, stageId, query);
  }

  @Get('stages/:id/sessions')
  @ApiOkResponse({
    type: PageOf(SessionResponse),
    description: 'Organizers and hosts see the agenda being edited; others the published one',
  })
  @ApiNotFoundResponse({ description: 'No such stage, or not one the caller sees' })
  list(
    @CurrentActor() actor: Actor,
    @IdParam() stageId: number,
    @Query() query: ListSessionsQuery,
  ): Promise<Page<SessionResponse>> {
    return this.sessions.list(actor, stageId, query);
  }

  @Get('sessions/:id')
  @ApiOkResponse({
    type: SessionResponse,
    description: 'Participants and mentors see it as the latest published agenda shows it',
  })
  @ApiNotFoundResponse({ description: 'No such session, or not in a stage the caller sees' })
  get(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<SessionResponse> {
    return this.sessions.get(actor, id);
  }

  @Patch('sessions/:id')
  @Roles('organizer', 'host')
  @ApiOkResponse({ type: SessionWriteResponse })
  @ApiForbiddenResponse({ description: 'Only organizers and the stage’s hosts edit its agenda' })
  @ApiNotFoundResponse({ description: 'No such session, or not in a stage the host hosts' })
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: number,
    @Body() dto: UpdateSessionDto,
  ): Promise<SessionWriteResponse> {
    return this.sessions.update(actor, id, dto);
  }

  @Delete('sessions/:id')
  @Roles('organizer', 'host')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Only organizers and the stage’s hosts edit its agenda' })
  @ApiNotFoundResponse({ description: 'No such session, or not in a stage the host hosts' })
  remove(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<void> {
    return this.sessions.remove(actor, id);
  }
}
