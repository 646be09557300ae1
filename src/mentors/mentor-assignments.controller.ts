import { Body, Controller, Delete, Get, HttpCode, Post, Query } from '@nestjs/common';
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
  CreateMentorAssignmentDto,
  ListMentorAssignmentsQuery,
  MentorAssignmentResponse,
} from './mentor-assignment.dto';
import { MentorAssignmentsService } from './mentor-assignments.service';

@ApiTags('mentors')
@ApiBadRequestResponse({ description: 'Invalid input; every problem is listed' })
@Controller('mentors/:id/assignments')
export class MentorAssignmentsController {
  constructor(private readonly assignments: MentorAssignmentsService) {}

  @Post()
  @Roles('organizer')
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiCreatedResponse({ type: MentorAssignmentResponse })
  @ApiNotFoundResponse({ description: 'The mentor, cohort or participant does not exist' })
  @ApiConflictResponse({
    description:
      'The participant is not actively enrolled in the cohort, or is already assigned to the mentor',
  })
  assign(
    @CurrentActor() actor: Actor,
    @IdParam() mentorId: number,
    @Body() dto: CreateMentorAssignmentDto,
  ): Promise<MentorAssignmentResponse> {
    return this.assignments.assign(actor, mentorId, dto);
  }

  @Get()
  @Roles('organizer', 'mentor')
  @ApiForbiddenResponse({ description: 'Only organizers and mentors' })
  @ApiOkResponse({ type: PageOf(MentorAssignmentResponse) })
  @ApiNotFoundResponse({ description: 'No such mentor; for a mentor, any mentor but itself' })
  list(
    @CurrentActor() actor: Actor,
    @IdParam() mentorId: number,
    @Query() query: ListMentorAssignmentsQuery,
  ): Promise<Page<MentorAssignmentResponse>> {
    return this.assignments.list(actor, mentorId, query);
  }

  @Delete(':assignmentId')
  @Roles('organizer')
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse({ description: 'No such assignment of this mentor' })
  remove(
    @CurrentActor() actor: Actor,
    @IdParam() mentorId: number,
    @IdParam('assignmentId') assignmentId: number,
  ): Promise<void> {
    return this.assignments.remove(actor, mentorId, assignmentId);
  }
}
