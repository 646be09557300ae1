import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength, Min } from 'class-validator';
import { PageQuery } from '../common/http/pagination';
import { AUDIT_ACTIONS, AuditAction, AuditEntry, FieldChanges } from './audit-entry.entity';

export class ListAuditQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'sessions', description: 'Table of the entity' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  entity?: string;

  @ApiPropertyOptional({ example: '7' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  entityId?: string;

  @ApiPropertyOptional({ example: 1, description: 'Account that made the change' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  actorId?: number;

  @ApiPropertyOptional({ enum: AUDIT_ACTIONS })
  @IsOptional()
  @IsIn(AUDIT_ACTIONS)
  action?: AuditAction;
}

export class AuditEntryResponse {
  @ApiProperty()
  id: number;

  @ApiProperty({ nullable: true, type: Number, description: 'null: the system itself' })
  actorId: number | null;

  @ApiProperty({ enum: AUDIT_ACTIONS })
  action: AuditAction;

  @ApiProperty({ example: 'sessions' })
  entity: string;

  @ApiProperty({ example: '7' })
  entityId: string;

  @ApiProperty({
    example: { title: { from: 'Лекция', to: 'Лекция о бренд-буке' } },
    description: 'Changed fields with their values before and after; secrets are never logged',
  })
  changes: FieldChanges;

  @ApiProperty()
  at: Date;

  static from(entry: AuditEntry): AuditEntryResponse {
    return {
      id: entry.id,
      actorId: entry.actorId,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      changes: entry.changes,
      at: entry.at,
    };
  }
}
