import { Controller, Delete, Get, HttpCode, HttpStatus, Put, Res } from '@nestjs/common';
import { Response } from 'express';
import {
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
import { StageHostListResponse } from './stage-host.dto';
import { StageHostsService } from './stage-hosts.service';

@ApiTags('stages')
@Controller('stages/:id/hosts')
export class StageHostsController {
  constructor(private readonly hosts: StageHostsService) {}

  @Get()
  @Roles('organizer', 'host')
  @ApiOkResponse({ type: StageHostListResponse, description: 'Ordered by name' })
  @ApiForbiddenResponse({ description: 'Only organizers and hosts' })
  @ApiNotFoundResponse({ description: 'No such stage, or not one the host hosts' })
  list(@CurrentActor() actor: Actor, @IdParam() stageId: number): Promise<StageHostListResponse> {
    return this.hosts.list(actor, stageId);
  }

  @Put(':accountId')
  @Roles('organizer')
  @ApiCreatedResponse({ description: 'The account now hosts the stage' })
  @ApiNoContentResponse({ description: 'The account hosted the stage already; nothing changed' })
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiNotFoundResponse({ description: 'No such stage or account' })
  @ApiConflictResponse({ description: 'The account does not have the host role' })
  async add(
    @CurrentActor() actor: Actor,
    @IdParam() stageId: number,
    @IdParam('accountId') accountId: number,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    const added = await this.hosts.add(actor, stageId, accountId);
    response.status(added ? HttpStatus.CREATED : HttpStatus.NO_CONTENT);
  }

  @Delete(':accountId')
  @Roles('organizer')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiNotFoundResponse({ description: 'No such stage, or the account does not host it' })
  remove(
    @CurrentActor() actor: Actor,
    @IdParam() stageId: number,
    @IdParam('accountId') accountId: number,
  ): Promise<void> {
    return this.hosts.remove(actor, stageId, accountId);
  }
}
