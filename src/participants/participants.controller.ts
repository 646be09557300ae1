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
  @ApiCreatedResponse({ type: ParticipantResponse })
  @ApiConflictResponse({ description: 'The email is already taken' })
  create(@Body() dto: CreateParticipantDto): Promise<ParticipantResponse> {
    return this.participants.create(dto);
  }

  @Get()
  @ApiOkResponse({ type: PageOf(ParticipantResponse) })
  list(@Query() query: ListParticipantsQuery): Promise<Page<ParticipantResponse>> {
    return this.participants.list(query);
  }

  @Get(':id')
  @ApiOkResponse({ type: ParticipantResponse })
  @ApiNotFoundResponse()
  get(@IdParam() id: number): Promise<ParticipantResponse> {
    return this.participants.get(id);
  }

  @Patch(':id')
  @ApiOkResponse({ type: ParticipantResponse })
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The email is already taken' })
  update(@IdParam() id: number, @Body() dto: UpdateParticipantDto): Promise<ParticipantResponse> {
    return this.participants.update(id, dto);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiNoContentResponse()
  @ApiNotFoundResponse()
  @ApiConflictResponse({ description: 'The participant still has enrollments' })
  remove(@IdParam() id: number): Promise<void> {
    return this.participants.remove(id);
  }
}
