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
  @ApiCreatedResponse({ type: ProgramResponse })
  create(@Body() dto: CreateProgramDto): Promise<ProgramResponse> {
    return this.programs.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: PageOf(ProgramResponse) })
  list(@Query() query: ListProgramsQuery): Promise<Page<ProgramResponse>> {
    return this.programs.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ProgramResponse })
  @ApiNotFoundResponse()
  get(@IdParam() id: number): Promise<ProgramResponse> {
    return this.programs.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ProgramResponse })
  @ApiNotFoundResponse()
  update(@IdParam() id: number, @Body() dto: UpdateProgramDto): Promise<ProgramResponse> {
    return this.programs.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The program still has cohorts' })
  remove(@IdParam() id: number): Promise<void> {
    return this.programs.remove(id);
  }
}
