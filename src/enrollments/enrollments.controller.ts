import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Actor } from '../auth/actor';
import { CurrentActor, Roles } from '../auth/auth.decorators';
import { IdParam } from '../common/http/id-param';
import { Page, PageOf } from '../common/http/pagination';
import {
  CreateEnrollmentDto,
  EnrollmentResponse,
  ListEnrollmentsQuery,
  UpdateEnrollmentDto,
} from './enrollment.dto';
import { EnrollmentsService } from './enrollments.service';

@ApiTags('enrollments')
@ApiBadRequestResponse({ description: 'Invalid input; every problem is listed' })
@ApiNotFoundResponse({
  description:
    'The cohort (or one the caller does not see), the participant or the enrollment is missing',
})
@Controller('cohorts/:id/enrollments')
export class EnrollmentsController {
  constructor(private readonly enrollments: EnrollmentsService) {}

  @Post()
  @Roles('organizer')
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiOperation({ summary: 'Enroll a participant (re-activates a withdrawn enrollment)' })
  @ApiCreatedResponse({ type: EnrollmentResponse })
  @ApiConflictResponse({ description: 'The participant is already enrolled' })
  enroll(
    @CurrentActor() actor: Actor,
    @IdParam() id: number,
    @Body() dto: CreateEnrollmentDto,
  ): Promise<EnrollmentResponse> {
    return this.enrollments.enroll(actor, id, dto);
  }

  @Get()
  @ApiOkResponse({
    type: PageOf(EnrollmentResponse),
    description: 'Only the enrollments of participants the caller sees',
  })
  list(
    @CurrentActor() actor: Actor,
    @IdParam() id: number,
    @Query() query: ListEnrollmentsQuery,
  ): Promise<Page<EnrollmentResponse>> {
    return this.enrollments.list(actor, id, query);
  }

  @Patch(':participantId')
  @Roles('organizer')
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiOkResponse({ type: EnrollmentResponse })
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: number,
    @IdParam('participantId') participantId: number,
    @Body() dto: UpdateEnrollmentDto,
  ): Promise<EnrollmentResponse> {
    return this.enrollments.update(actor, id, participantId, dto);
  }

  @Delete(':participantId')
  @Roles('organizer')
  @ApiForbiddenResponse({ description: 'Only organizers' })
  @ApiOperation({ summary: 'Withdraw a participant; the enrollment is kept as withdrawn' })
  @ApiOkResponse({ type: EnrollmentResponse })
  withdraw(
    @CurrentActor() actor: Actor,
    @IdParam() id: number,
    @IdParam('participantId') participantId: number,
  ): Promise<EnrollmentResponse> {
    return this.enrollments.withdraw(actor, id, participantId);
  }
}
