import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { requestContext } from '../common/request-context';
import { Clock } from '../common/time/clock';
import { AuditAction, AuditEntry, FieldChanges } from './audit-entry.entity';

export interface AuditRecord {
  action: AuditAction;
  entity: string;
  entityId: string;
  changes: FieldChanges;
}

/**
 * Writes audit entries with the actor of the current request, through the unit of work's
 * `manager`, so that an entry commits or rolls back with the write it describes. Entity writes
 * are recorded by `AuditSubscriber`; writes to join tables call `record` directly.
 */
@Injectable()
export class AuditTrail {
  constructor(private readonly clock: Clock) {}

  async record(manager: EntityManager, record: AuditRecord): Promise<void> {
    const entry = manager.create(AuditEntry, {
      ...record,
      actorId: requestContext.getStore()?.actor?.accountId ?? null,
      at: this.clock.now(),
    });
    await manager.save(entry);
  }

  /** Many entries in one statement: for writes of many rows at once. */
  async recordMany(manager: EntityManager, records: AuditRecord[]): Promise<void> {
    if (records.length === 0) {
      return;
    }
    const actorId = requestContext.getStore()?.actor?.accountId ?? null;
    const at = this.clock.now();
    await manager
      .createQueryBuilder()
      .insert()
      .into(AuditEntry)
      .values(
        records.map((record) => ({
          ...record,
          actorId,
          at,
        })) as QueryDeepPartialEntity<AuditEntry>[],
      )
      .updateEntity(false)
      .execute();
  }

  /** A row added to or removed from a join table, named by its two ids. */
  async recordLink(
    manager: EntityManager,
    action: 'create' | 'delete',
    table: string,
    ids: Record<string, number>,
  ): Promise<void> {
    const side = action === 'create' ? 'to' : 'from';
    await this.record(manager, {
      action,
      entity: table,
      entityId: Object.values(ids).join(':'),
      changes: Object.fromEntries(
        Object.entries(ids).map(([column, id]) => [column, { [side]: id }]),
      ),
    });
  }
}
