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
  CreateProgramDto,
  ListProgramsQuery,
  ProgramResponse,
  UpdateProgramDto,
} from './program.dto';
import { ProgramsService } from './programs.service';

@ApiTags('programs')
@ApiBadRequestResponse({ description: 'Invalid input; every problem is listed' })
@Controller('programs')
export class ProgramsController {
  constructor(private readonly programs: ProgramsService) {}

  @Post()
  @Roles('organizer')
  @ApiCreatedResponse({ type: ProgramResponse })
  @ApiForbiddenResponse({ description: 'Only organizers' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateProgramDto): Promise<ProgramResponse> {
    return this.programs.create(actor, dto);
  }

  @Get()
  @ApiOkResponse({ type: PageOf(ProgramResponse), description: 'The programs the caller sees' })
  list(
    @Query() query: ListProgramsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ProgramResponse>> {
    return this.programs.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProgramResponse })
  @ApiNotFoundResponse({ description: 'No such program, or not one the caller sees' })
  get(@IdParam() id: number, @CurrentActor() actor: Actor): Promise<ProgramResponse> {
    return this.programs.get(actor, id);
  }

  @Patch(':id')
  @Roles('organizer')
  @ApiOkResponse({ type: ProgramResponse })
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiNotFoundResponse()
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: number,
    @Body() dto: UpdateProgramDto,
  ): Promise<ProgramResponse> {
    return this.programs.update(actor, id, dto);
  }

  @Delete(':id')
  @Roles('organizer')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The program still has cohorts' })
  remove(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<void> {
    return this.programs.remove(actor, id);
  }
}
