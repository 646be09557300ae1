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
import { CreateMentorDto, ListMentorsQuery, MentorResponse, UpdateMentorDto } from './mentor.dto';
import { MentorsService } from './mentors.service';

@ApiTags('mentors')
@ApiBadRequestResponse({ description: 'Invalid input; every problem is listed' })
@Controller('mentors')
export class MentorsController {
  constructor(private readonly mentors: MentorsService) {}

  @Post()
  @Roles('organizer')
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiCreatedResponse({ type: MentorResponse })
  @ApiConflictResponse({ description: 'A mentor with this email already exists' })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateMentorDto): Promise<MentorResponse> {
    return this.mentors.create(actor, dto);
  }

  @Get()
  @ApiOkResponse({
    type: PageOf(MentorResponse),
    description: 'The mentors the caller sees; contacts only to organizers and the mentor itself',
  })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListMentorsQuery,
  ): Promise<Page<MentorResponse>> {
    return this.mentors.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({
    type: MentorResponse,
    description: 'Contacts only to organizers and the mentor itself',
  })
  @ApiNotFoundResponse({ description: 'No such mentor, or not one the caller sees' })
  get(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<MentorResponse> {
    return this.mentors.get(actor, id);
  }

  @Patch(':id')
  @Roles('organizer')
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiOkResponse({ type: MentorResponse })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'Another mentor has this email' })
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: number,
    @Body() dto: UpdateMentorDto,
  ): Promise<MentorResponse> {
    return this.mentors.update(actor, id, dto);
  }

  @Delete(':id')
  @Roles('organizer')
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The mentor still has assignments' })
  remove(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<void> {
    return this.mentors.remove(actor, id);
  }
}
