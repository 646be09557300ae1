import { ApiProperty } from '@nestjs/swagger';
import { Account } from '../accounts/account.entity';

/** A host account of a stage: the host region's coordinator. */
export class StageHostResponse {
  @ApiProperty({ example: 5, description: 'The account id' })
  id: number;

  @ApiProperty({ example: 'Кузнецова Марина Олеговна' })
  fullName: string;

  @ApiProperty({ example: 'coordinator@tyumen-city.example.ru' })
  email: string;

  static from(account: Account): StageHostResponse {
    return { id: account.id, fullName: account.fullName, email: account.email };
  }
}

/** All hosts of a stage, ordered by name: a stage has a handful, so there are no pages. */
export class StageHostListResponse {
  @ApiProperty({ type: StageHostResponse, isArray: true })
  items: StageHostResponse[];
}
