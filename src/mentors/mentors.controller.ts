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
import { CreateMentorDto, ListMentorsQuery, MentorResponse, UpdateMentorDto } from './mentor.dto';
import { MentorsService } from './mentors.service';

@ApiTags('mentors')
@ApiBadRequestResponse({ description: 'Invalid input; every problem is listed' })
@Controller('mentors')
export class MentorsController {
  constructor(private readonly mentors: MentorsService) {}

  @Post()
  @ApiCreatedResponse({ type: MentorResponse })
  @ApiConflictResponse({ description: 'A mentor with this email already exists' })
  create(@Body() dto: CreateMentorDto): Promise<MentorResponse> {
    return this.mentors.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: PageOf(MentorResponse) })
  list(@Query() query: ListMentorsQuery): Promise<Page<MentorResponse>> {
    return this.mentors.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: MentorResponse })
  @ApiNotFoundResponse()
  get(@IdParam() id: number): Promise<MentorResponse> {
    return this.mentors.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: MentorResponse })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Another mentor has this email' })
  update(@IdParam() id: number, @Body() dto: UpdateMentorDto): Promise<MentorResponse> {
    return this.mentors.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The mentor still has assignments' })
  remove(@IdParam() id: number): Promise<void> {
    return this.mentors.remove(id);
  }
}
