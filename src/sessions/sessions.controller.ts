import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
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
import { Page, PageOf } from '../common/http/pagination';
import {
  CreateSessionDto,
  ListSessionsQuery,
  SessionResponse,
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
  @ApiCreatedResponse({ type: SessionResponse })
  @ApiForbiddenResponse({ description: 'Only organizers and the stage’s hosts edit its agenda' })
  @ApiNotFoundResponse({ description: 'No such stage (or not one the host hosts) or mentor' })
  @ApiConflictResponse({ description: 'Overlaps another session of the same track' })
  create(
    @IdParam() stageId: number,
    @Body() dto: CreateSessionDto,
    @CurrentActor() actor: Actor,
  ): Promise<SessionResponse> {
    return this.sessions.create(stageId, dto, actor);
  }

  @Get('stages/:id/sessions')
  @ApiOkResponse({ type: PageOf(SessionResponse) })
  @ApiNotFoundResponse({ description: 'No such stage, or not one the caller sees' })
  list(
    @IdParam() stageId: number,
    @Query() query: ListSessionsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<SessionResponse>> {
    return this.sessions.list(stageId, query, actor);
  }

  @Get('sessions/:id')
  @ApiOkResponse({ type: SessionResponse })
  @ApiNotFoundResponse({ description: 'No such session, or not in a stage the caller sees' })
  get(@IdParam() id: number, @CurrentActor() actor: Actor): Promise<SessionResponse> {
    return this.sessions.get(id, actor);
  }

  @Patch('sessions/:id')
  @Roles('organizer', 'host')
  @ApiOkResponse({ type: SessionResponse })
  @ApiForbiddenResponse({ description: 'Only organizers and the stage’s hosts edit its agenda' })
  @ApiNotFoundResponse({ description: 'No such session, or not in a stage the host hosts' })
  @ApiConflictResponse({ description: 'Overlaps another session of the same track' })
  update(
    @IdParam() id: number,
    @Body() dto: UpdateSessionDto,
    @CurrentActor() actor: Actor,
  ): Promise<SessionResponse> {
    return this.sessions.update(id, dto, actor);
  }

  @Delete('sessions/:id')
  @Roles('organizer', 'host')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Only organizers and the stage’s hosts edit its agenda' })
  @ApiNotFoundResponse({ description: 'No such session, or not in a stage the host hosts' })
  remove(@IdParam() id: number, @CurrentActor() actor: Actor): Promise<void> {
    return this.sessions.remove(id, actor);
  }
}
