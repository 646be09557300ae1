import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
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
  @ApiCreatedResponse({ type: SessionResponse })
  @ApiNotFoundResponse({ description: 'No such stage or mentor' })
  @ApiConflictResponse({ description: 'Overlaps another session of the same track' })
  create(@IdParam() stageId: number, @Body() dto: CreateSessionDto): Promise<SessionResponse> {
    return this.sessions.create(stageId, dto);
  }

  @Get('stages/:id/sessions')
  @ApiOkResponse({ type: PageOf(SessionResponse) })
  @ApiNotFoundResponse({ description: 'No such stage' })
  list(
    @IdParam() stageId: number,
    @Query() query: ListSessionsQuery,
  ): Promise<Page<SessionResponse>> {
    return this.sessions.list(stageId, query);
  }

  @Get('sessions/:id')
  @ApiOkResponse({ type: SessionResponse })
  @ApiNotFoundResponse()
  get(@IdParam() id: number): Promise<SessionResponse> {
    return this.sessions.get(id);
  }

  @Patch('sessions/:id')
  @ApiOkResponse({ type: SessionResponse })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Overlaps another session of the same track' })
  update(@IdParam() id: number, @Body() dto: UpdateSessionDto): Promise<SessionResponse> {
    return this.sessions.update(id, dto);
  }

  @Delete('sessions/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  remove(@IdParam() id: number): Promise<void> {
    return this.sessions.remove(id);
  }
}
