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
import { CreateStageDto, ListStagesQuery, StageResponse, UpdateStageDto } from './stage.dto';
import { StagesService } from './stages.service';

@ApiTags('stages')
@ApiBadRequestResponse({ description: 'Invalid input; every problem is listed' })
@Controller()
export class StagesController {
  constructor(private readonly stages: StagesService) {}

  @Post('cohorts/:id/stages')
  @Roles('organizer')
  @ApiCreatedResponse({ type: StageResponse })
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiNotFoundResponse({ description: 'The cohort does not exist' })
  @ApiConflictResponse({ description: 'The cohort already has a stage with this sequence' })
  create(
    @CurrentActor() actor: Actor,
    @IdParam() cohortId: number,
    @Body() dto: CreateStageDto,
  ): Promise<StageResponse> {
    return this.stages.create(actor, cohortId, dto);
  }

  @Get('cohorts/:id/stages')
  @ApiOkResponse({
    type: PageOf(StageResponse),
    description: 'The stages the caller sees (a host: those it hosts)',
  })
  @ApiNotFoundResponse({ description: 'No such cohort, or not one the caller sees' })
  list(
    @CurrentActor() actor: Actor,
    @IdParam() cohortId: number,
    @Query() query: ListStagesQuery,
  ): Promise<Page<StageResponse>> {
    return this.stages.listForCohort(actor, cohortId, query);
  }

  @Get('stages/:id')
  @ApiOkResponse({ type: StageResponse })
  @ApiNotFoundResponse({ description: 'No such stage, or not one the caller sees' })
  get(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<StageResponse> {
    return this.stages.get(actor, id);
  }

  @Patch('stages/:id')
  @Roles('organizer')
  @ApiOkResponse({ type: StageResponse })
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The cohort already has a stage with this sequence' })
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: number,
    @Body() dto: UpdateStageDto,
  ): Promise<StageResponse> {
    return this.stages.update(actor, id, dto);
  }

  @Delete('stages/:id')
  @Roles('organizer')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The stage still has sessions' })
  remove(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<void> {
    return this.stages.remove(actor, id);
  }
}
