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
import { CohortResponse, CreateCohortDto, ListCohortsQuery, UpdateCohortDto } from './cohort.dto';
import { CohortsService } from './cohorts.service';

@ApiTags('cohorts')
@ApiBadRequestResponse({ description: 'Invalid input; every problem is listed' })
@Controller()
export class CohortsController {
  constructor(private readonly cohorts: CohortsService) {}

  @Post('programs/:id/cohorts')
  @ApiCreatedResponse({ type: CohortResponse })
  @ApiNotFoundResponse({ description: 'The program does not exist' })
  @ApiConflictResponse({ description: 'The program already has a cohort with this title' })
  create(@IdParam() programId: number, @Body() dto: CreateCohortDto): Promise<CohortResponse> {
    return this.cohorts.create(programId, dto);
  }

  @Get('programs/:id/cohorts')
  @ApiOkResponse({ type: PageOf(CohortResponse) })
  @ApiNotFoundResponse({ description: 'The program does not exist' })
  list(
    @IdParam() programId: number,
    @Query() query: ListCohortsQuery,
  ): Promise<Page<CohortResponse>> {
    return this.cohorts.listForProgram(programId, query);
  }

  @Get('cohorts/:id')
  @ApiOkResponse({ type: CohortResponse })
  @ApiNotFoundResponse()
  get(@IdParam() id: number): Promise<CohortResponse> {
    return this.cohorts.get(id);
  }

  @Patch('cohorts/:id')
  @ApiOkResponse({ type: CohortResponse })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The program already has a cohort with this title' })
  update(@IdParam() id: number, @Body() dto: UpdateCohortDto): Promise<CohortResponse> {
    return this.cohorts.update(id, dto);
  }

  @Delete('cohorts/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The cohort still has stages or enrollments' })
  remove(@IdParam() id: number): Promise<void> {
    return this.cohorts.remove(id);
  }
}
