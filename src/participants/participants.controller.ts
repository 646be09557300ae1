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
  CreateParticipantDto,
  ListParticipantsQuery,
  ParticipantResponse,
  UpdateParticipantDto,
} from './participant.dto';
import { ParticipantsService } from './participants.service';

@ApiTags('participants')
@ApiBadRequestResponse({ description: 'Invalid input; every problem is listed' })
@Controller('participants')
export class ParticipantsController {
  constructor(private readonly participants: ParticipantsService) {}

  @Post()
  @Roles('organizer')
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiCreatedResponse({ type: ParticipantResponse })
  @ApiConflictResponse({ description: 'The email is already taken' })
  create(@Body() dto: CreateParticipantDto): Promise<ParticipantResponse> {
    return this.participants.create(dto);
  }

  @Get()
  @ApiOkResponse({
    type: PageOf(ParticipantResponse),
    description: 'The participants the caller sees; contacts only to organizers and oneself',
  })
  list(
    @Query() query: ListParticipantsQuery,
    @CurrentActor() actor: Actor,
  ): Promise<Page<ParticipantResponse>> {
    return this.participants.list(query, actor);
  }

  @Get(':id')
  @ApiOkResponse({
    type: ParticipantResponse,
    description: 'Contacts only to organizers and the participant itself',
  })
  @ApiNotFoundResponse({ description: 'No such participant, or not one the caller sees' })
  get(@IdParam() id: number, @CurrentActor() actor: Actor): Promise<ParticipantResponse> {
    return this.participants.get(id, actor);
  }

  @Patch(':id')
  @Roles('organizer')
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiOkResponse({ type: ParticipantResponse })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The email is already taken' })
  update(@IdParam() id: number, @Body() dto: UpdateParticipantDto): Promise<ParticipantResponse> {
    return this.participants.update(id, dto);
  }

  @Delete(':id')
  @Roles('organizer')
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The participant still has enrollments' })
  remove(@IdParam() id: number): Promise<void> {
    return this.participants.remove(id);
  }
}
