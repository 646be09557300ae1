import { ApiProperty } from '@nestjs/swagger';
import { Participant } from './participant.entity';

/** A participant as shown inside other resources (enrollments, assignments): no contacts. */
export class ParticipantSummary {
  @ApiProperty({ example: 12 })
  id: number;

  @ApiProperty({ example: 'Иванов Пётр Сергеевич' })
  fullName: string;

  @ApiProperty({ example: 'Глава Ялуторовского района' })
  position: string;

  @ApiProperty({ example: 'Ялуторовский район' })
  municipality: string;

  @ApiProperty({ example: 'Тюменская область' })
  region: string;

  static from(participant: Participant): ParticipantSummary {
    return {
      id: participant.id,
      fullName: participant.fullName,
      position: participant.position,
      municipality: participant.municipality,
      region: participant.region,
    };
  }
}
