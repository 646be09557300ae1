import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { INSTANT_COLUMN_TYPE } from '../database/column-types';

export const AUDIT_ACTIONS = ['create', 'update', 'delete'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** A field's value before and after a write; `from` is absent on create, `to` on delete. */
export type FieldChanges = Record<string, { from?: unknown; to?: unknown }>;

/**
 * One write: who, when, which entity and id, which fields changed. No foreign keys: the log
 * outlives what it describes.
 */
@Entity('audit_entries')
@Index('IDX_audit_entries_entity', ['entity', 'entityId'])
export class AuditEntry {
  @PrimaryGeneratedColumn()
  id: number;

  /** The account that made the change; null for the system (start-up, demo data). */
  @Index('IDX_audit_entries_actor')
  @Column({ type: 'integer', nullable: true })
  actorId: number | null;

  @Column({ type: 'varchar', length: 10 })
  action: AuditAction;

  @Column({ type: 'varchar', length: 50 })
  entity: string;

  @Column({ type: 'varchar', length: 50 })
  entityId: string;

  @Column({ type: 'simple-json' })
  changes: FieldChanges;

  @Column({ type: INSTANT_COLUMN_TYPE })
  at: Date;
}
