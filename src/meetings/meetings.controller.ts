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
  CreateMeetingDto,
  ListMeetingsQuery,
  MeetingResponse,
  UpdateMeetingDto,
} from './meeting.dto';
import { MeetingsService } from './meetings.service';

@ApiTags('meetings')
@ApiBadRequestResponse({
  description: 'Invalid input (every problem is listed), or a meeting ending before it starts',
})
@Controller()
export class MeetingsController {
  constructor(private readonly meetings: MeetingsService) {}

  @Post('mentors/:id/meetings')
  @Roles('organizer', 'mentor')
  @ApiCreatedResponse({ type: MeetingResponse })
  @ApiForbiddenResponse({ description: 'Only organizers and the mentor itself' })
  @ApiNotFoundResponse({
    description:
      'No such mentor or participant; for a mentor, any mentor but itself or anyone but its mentees',
  })
  @ApiConflictResponse({
    description: 'The participant is not assigned to the mentor through an active enrollment',
  })
  create(
    @CurrentActor() actor: Actor,
    @IdParam() mentorId: number,
    @Body() dto: CreateMeetingDto,
  ): Promise<MeetingResponse> {
    return this.meetings.create(actor, mentorId, dto);
  }

  @Get('mentors/:id/meetings')
  @Roles('organizer', 'mentor')
  @ApiOkResponse({ type: PageOf(MeetingResponse), description: 'In time order' })
  @ApiForbiddenResponse({ description: 'Only organizers and the mentor itself' })
  @ApiNotFoundResponse({ description: 'No such mentor; for a mentor, any mentor but itself' })
  listOfMentor(
    @CurrentActor() actor: Actor,
    @IdParam() mentorId: number,
    @Query() query: ListMeetingsQuery,
  ): Promise<Page<MeetingResponse>> {
    return this.meetings.listOfMentor(actor, mentorId, query);
  }

  @Get('participants/:id/meetings')
  @Roles('organizer', 'mentor', 'participant')
  @ApiOkResponse({
    type: PageOf(MeetingResponse),
    description: 'In time order; a mentor sees only its own meetings with the participant',
  })
  @ApiForbiddenResponse({ description: 'Hosts read no meetings' })
  @ApiNotFoundResponse({ description: 'No such participant, or not one the caller sees' })
  listOfParticipant(
    @CurrentActor() actor: Actor,
    @IdParam() participantId: number,
    @Query() query: ListMeetingsQuery,
  ): Promise<Page<MeetingResponse>> {
    return this.meetings.listOfParticipant(actor, participantId, query);
  }

  @Get('meetings/:id')
  @ApiOkResponse({ type: MeetingResponse })
  @ApiNotFoundResponse({
    description:
      'No such meeting, or not one the caller sees (organizers, its mentor, its participant)',
  })
  get(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<MeetingResponse> {
    return this.meetings.get(actor, id);
  }

  @Patch('meetings/:id')
  @ApiOkResponse({ type: MeetingResponse })
  @ApiForbiddenResponse({ description: 'Its participant sees it but may not change it' })
  @ApiNotFoundResponse({ description: 'No such meeting, or not one the caller sees' })
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: number,
    @Body() dto: UpdateMeetingDto,
  ): Promise<MeetingResponse> {
    return this.meetings.update(actor, id, dto);
  }

  @Delete('meetings/:id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiForbiddenResponse({ description: 'Its participant sees it but may not delete it' })
  @ApiNotFoundResponse({ description: 'No such meeting, or not one the caller sees' })
  remove(@CurrentActor() actor: Actor, @IdParam() id: number): Promise<void> {
    return this.meetings.remove(actor, id);
  }
}
