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
import { CreateStageDto, ListStagesQuery, StageResponse, UpdateStageDto } from './stage.dto';
import { StagesService } from './stages.service';

@ApiTags('stages')
@ApiBadRequestResponse({ description: 'Invalid input; every problem is listed' })
@Controller()
export class StagesController {
  constructor(private readonly stages: StagesService) {}

  @Post('cohorts/:id/stages')
  @ApiCreatedResponse({ type: StageResponse })
  @ApiNotFoundResponse({ description: 'The cohort does not exist' })
  @ApiConflictResponse({ description: 'The cohort already has a stage with this sequence' })
  create(@IdParam() cohortId: number, @Body() dto: CreateStageDto): Promise<StageResponse> {
    return this.stages.create(cohortId, dto);
  }

  @Get('cohorts/:id/stages')
  @ApiOkResponse({ type: PageOf(StageResponse) })
  @ApiNotFoundResponse({ description: 'The cohort does not exist' })
  list(@IdParam() cohortId: number, @Query() query: ListStagesQuery): Promise<Page<StageResponse>> {
    return this.stages.listForCohort(cohortId, query);
  }

  @Get('stages/:id')
  @ApiOkResponse({ type: StageResponse })
  @ApiNotFoundResponse()
  get(@IdParam() id: number): Promise<StageResponse> {
    return this.stages.get(id);
  }

  @Patch('stages/:id')
  @ApiOkResponse({ type: StageResponse })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The cohort already has a stage with this sequence' })
  update(@IdParam() id: number, @Body() dto: UpdateStageDto): Promise<StageResponse> {
    return this.stages.update(id, dto);
  }

  @Delete('stages/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The stage still has sessions' })
  remove(@IdParam() id: number): Promise<void> {
    return this.stages.remove(id);
  }
}
