import { EntityManager } from 'typeorm';
import { requestContext } from '../common/request-context';
import { AuditAction, AuditEntry, FieldChanges } from './audit-entry.entity';

export interface AuditRecord {
  action: AuditAction;
  entity: string;
  entityId: string;
  changes: FieldChanges;
}

/**
 * Writes one audit entry with the actor of the current request, through `manager` so that it
 * commits or rolls back with the write it describes. Entity writes are recorded by
 * `AuditSubscriber`; writes to join tables call this directly.
 */
export async function writeAuditEntry(manager: EntityManager, record: AuditRecord): Promise<void> {
  await manager.save(
    manager.create(AuditEntry, {
      ...record,
      actorId: requestContext.getStore()?.actor?.accountId ?? null,
      at: new Date(),
    }),
  );
}
