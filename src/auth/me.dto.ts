import { ApiProperty } from '@nestjs/swagger';
import { AccountResponse } from '../accounts/account.dto';
import { MentorResponse } from '../mentors/mentor.dto';
import { ParticipantResponse } from '../participants/participant.dto';

export class MeResponse extends AccountResponse {
  @ApiProperty({ type: ParticipantResponse, nullable: true })
  participant: ParticipantResponse | null;

  @ApiProperty({ type: MentorResponse, nullable: true })
  mentor: MentorResponse | null;

  @ApiProperty({ type: [Number], description: 'Stages the account hosts (host role)' })
  hostedStageIds: number[];
}
