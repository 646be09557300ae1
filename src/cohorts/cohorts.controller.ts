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
  create(@IdParam() programId: number, @Body() dto: CreateCohortDto): Promise<CohortResponse> {
    return this.cohorts.create(programId, dto);
  }

  @Get('programs/:id/cohorts')
  @ApiOkResponse({ type: PageOf(CohortResponse), description: 'The cohorts the caller sees' })
  @ApiNotFoundResponse({ description: 'No such program, or not one the caller sees' })
  list(
    @IdParam() programId: number,
    @Query() query: ListCohortsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<CohortResponse>> {
    return this.cohorts.listForProgram(programId, query, actor);
  }

  @Get('cohorts/:id')
  @ApiOkResponse({ type: CohortResponse })
  @ApiNotFoundResponse({ description: 'No such cohort, or not one the caller sees' })
  get(@IdParam() id: number, @CurrentActor() actor: Actor): Promise<CohortResponse> {
    return this.cohorts.get(id, actor);
  }

  @Patch('cohorts/:id')
  @Roles('organizer')
  @ApiOkResponse({ type: CohortResponse })
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The program already has a cohort with this title' })
  update(@IdParam() id: number, @Body() dto: UpdateCohortDto): Promise<CohortResponse> {
    return this.cohorts.update(id, dto);
  }

  @Delete('cohorts/:id')
  @Roles('organizer')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The cohort still has stages or enrollments' })
  remove(@IdParam() id: number): Promise<void> {
    return this.cohorts.remove(id);
  }
}
