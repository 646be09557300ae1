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
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateParticipantDto,
  ): Promise<ParticipantResponse> {
    return this.participants.create(actor, dto);
  }

  @Get()
  @ApiOkResponse({
    type: PageOf(ParticipantResponse),
    description: 'The participants the caller sees; contacts only to organizers and oneself',
  })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: ListParticipantsQuery,
  ): Promise<Page<ParticipantResponse>> {
    return this.participants.list(actor, query);
  }

  @Get(':id')
  @ApiOkResponse({
    type: ParticipantResponse,
    description: 'Contacts only to organizers and the participant itself',
  })
  @ApiNotFoundResponse({ description: 'No such participant, or not one the caller sees' })
  get(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<ParticipantResponse> {
    return this.participants.get(actor, id);
  }

  @Patch(':id')
  @Roles('organizer')
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiOkResponse({ type: ParticipantResponse })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The email is already taken' })
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: number,
    @Body() dto: UpdateParticipantDto,
  ): Promise<ParticipantResponse> {
    return this.participants.update(actor, id, dto);
  }

  @Delete(':id')
  @Roles('organizer')
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The participant still has enrollments' })
  remove(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<void> {
    return this.participants.remove(actor, id);
  }
}
