import {
  EntityMetadata,
  EntitySubscriberInterface,
  EventSubscriber,
  InsertEvent,
  ObjectLiteral,
  RemoveEvent,
  UpdateEvent,
} from 'typeorm';
import { AuditAction, AuditEntry, FieldChanges } from './audit-entry.entity';
import { writeAuditEntry } from './audit-trail';

/** Never copied into the log. */
const SECRET_OR_DERIVED = new Set([
  'passwordHash',
  'tokenHash',
  'searchText',
  'createdAt',
  'updatedAt',
]);

/**
 * Writes an audit entry for every insert, update and delete of an entity, in the same
 * transaction as the write, with the actor of the current request (null outside requests).
 */
@EventSubscriber()
export class AuditSubscriber implements EntitySubscriberInterface {
  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    const changes = this.fields(event.metadata, event.entity, (value) => ({ to: value }));
    await this.record(event, 'create', event.entity, changes);
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    if (!event.entity) {
      return;
    }
    const changes: FieldChanges = {};
    for (const column of event.updatedColumns) {
      if (!SECRET_OR_DERIVED.has(column.propertyName)) {
        changes[column.propertyName] = {
          from: column.getEntityValue(event.databaseEntity ?? {}),
          to: column.getEntityValue(event.entity),
        };
      }
    }
    const secretChanged = event.updatedColumns.some(
      (column) => column.propertyName === 'passwordHash',
    );
    if (secretChanged) {
      changes.password = { to: '(changed)' };
    }
    if (Object.keys(changes).length > 0) {
      await this.record(event, 'update', event.entity as ObjectLiteral, changes);
    }
  }

  async afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    const removed = { ...(event.databaseEntity ?? event.entity ?? {}), id: event.entityId };
    const changes = this.fields(event.metadata, removed, (value) => ({ from: value }));
    await this.record(event, 'delete', removed, changes);
  }

  private fields(
    metadata: EntityMetadata,
    entity: ObjectLiteral | undefined,
    change: (value: unknown) => { from?: unknown; to?: unknown },
  ): FieldChanges {
    const changes: FieldChanges = {};
    for (const column of metadata.columns) {
      const value = entity ? column.getEntityValue(entity) : undefined;
      if (!SECRET_OR_DERIVED.has(column.propertyName) && value !== undefined) {
        changes[column.propertyName] = change(value);
      }
    }
    return changes;
  }

  private async record(
    event: InsertEvent<ObjectLiteral> | UpdateEvent<ObjectLiteral> | RemoveEvent<ObjectLiteral>,
    action: AuditAction,
    entity: ObjectLiteral | undefined,
    changes: FieldChanges,
  ): Promise<void> {
    if (event.metadata.target === AuditEntry || !entity) {
      return;
    }
    const id = event.metadata.getEntityIdMixedMap(entity);
    await writeAuditEntry(event.manager, {
      action,
      entity: event.metadata.tableName,
      entityId: String(typeof id === 'object' ? JSON.stringify(id) : id),
      changes,
    });
  }
}
