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
import { CohortResponse, CreateCohortDto, ListCohortsQuery, UpdateCohortDto } from './cohort.dto';
import { CohortsService } from './cohorts.service';

@ApiTags('cohorts')
@ApiBadRequestResponse({ description: 'Invalid input; every problem is listed' })
@Controller()
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @Post('programs/:id/cohorts')
  @Roles('organizer')
  @ApiCreatedResponse({ type: CohortResponse })
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiNotFoundResponse({ description: 'The program does not exist' })
  @ApiConflictResponse({ description: 'The program already has a cohort with this title' })
  create(
    @CurrentActor() actor: Actor,
    @IdParam() programId: number,
    @Body() dto: CreateCohortDto,
  ): Promise<CohortResponse> {
    return this.cohorts.create(actor, programId, dto);
  }

  @Get('programs/:id/cohorts')
  @ApiOkResponse({ type: PageOf(CohortResponse), description: 'The cohorts the caller sees' })
  @ApiNotFoundResponse({ description: 'No such program, or not one the caller sees' })
  list(
    @CurrentActor() actor: Actor,
    @IdParam() programId: number,
    @Query() query: ListCohortsQuery,
  ): Promise<Page<CohortResponse>> {
    return this.cohorts.listForProgram(actor, programId, query);
  }

  @Get('cohorts/:id')
  @ApiOkResponse({ type: CohortResponse })
  @ApiNotFoundResponse({ description: 'No such cohort, or not one the caller sees' })
  get(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<CohortResponse> {
    return this.cohorts.get(actor, id);
  }

  @Patch('cohorts/:id')
  @Roles('organizer')
  @ApiOkResponse({ type: CohortResponse })
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The program already has a cohort with this title' })
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: number,
    @Body() dto: UpdateCohortDto,
  ): Promise<CohortResponse> {
    return this.cohorts.update(actor, id, dto);
  }

  @Delete('cohorts/:id')
  @Roles('organizer')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The cohort still has stages or enrollments' })
  remove(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<void> {
    return this.cohorts.remove(actor, id);
  }
}
