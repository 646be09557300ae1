import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  DataSource,
  EntityMetadata,
  EntitySubscriberInterface,
  InsertEvent,
  ObjectLiteral,
  RemoveEvent,
  UpdateEvent,
} from 'typeorm';
import { AuditAction, FieldChanges } from './audit-entry.entity';
import { AuditTrail } from './audit-trail';
import { AuditPolicy, CHANGED, REDACTED, auditPolicyOf } from './audited';

type WriteEvent =
  InsertEvent<ObjectLiteral> | UpdateEvent<ObjectLiteral> | RemoveEvent<ObjectLiteral>;

/**
 * Writes one audit entry for every insert, update and delete of an `@Audited` entity made
 * through an entity (`save`, `insert`, `remove`), in the same transaction as the write. An
 * audited entity changed by an update or delete query cannot be told apart by id, so that is
 * refused: such code records the change itself through `AuditTrail`.
 */
@Injectable()
export class AuditSubscriber implements EntitySubscriberInterface {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly trail: AuditTrail,
  ) {
    dataSource.subscribers.push(this);
  }

  async afterInsert(event: InsertEvent<ObjectLiteral>): Promise<void> {
    const policy = auditPolicyOf(event.metadata.target);
    if (!policy) {
      return;
    }
    const changes: FieldChanges = {};
    for (const column of event.metadata.columns) {
      const value = column.getEntityValue(event.entity);
      if (!policy.omit.has(column.propertyName) && value !== undefined) {
        changes[column.propertyName] = { to: this.shown(policy, column.propertyName, value) };
      }
    }
    await this.record(event, 'create', event.entity, changes);
  }

  /** Before the statement runs, so that an unrecorded change never reaches the database. */
  beforeUpdate(event: UpdateEvent<ObjectLiteral>): void {
    if (auditPolicyOf(event.metadata.target) && (!event.entity || !event.databaseEntity)) {
      throw new Error(`${event.metadata.tableName} is audited: change it with save(), not a query`);
    }
  }

  beforeRemove(event: RemoveEvent<ObjectLiteral>): void {
    if (auditPolicyOf(event.metadata.target) && !event.databaseEntity) {
      throw new Error(
        `${event.metadata.tableName} is audited: delete it with remove(), not a query`,
      );
    }
  }

  async afterUpdate(event: UpdateEvent<ObjectLiteral>): Promise<void> {
    const policy = auditPolicyOf(event.metadata.target);
    if (!policy || !event.entity || !event.databaseEntity) {
      return;
    }
    const changes: FieldChanges = {};
    for (const column of event.updatedColumns) {
      const field = column.propertyName;
      if (!policy.omit.has(field)) {
        changes[field] = {
          from: this.shown(policy, field, column.getEntityValue(event.databaseEntity)),
          to: this.shown(policy, field, column.getEntityValue(event.entity)),
        };
      }
    }
    for (const column of event.updatedColumns) {
      const label = policy.secrets.get(column.propertyName);
      if (label) {
        changes[label] = { to: CHANGED };
      }
    }
    if (Object.keys(changes).length > 0) {
      await this.record(event, 'update', event.databaseEntity, changes);
    }
  }

  async afterRemove(event: RemoveEvent<ObjectLiteral>): Promise<void> {
    const policy = auditPolicyOf(event.metadata.target);
    if (!policy || !event.databaseEntity || event.entityId === undefined) {
      return;
    }
    const removed = { ...event.databaseEntity, ...this.idOf(event.metadata, event.entityId) };
    const changes: FieldChanges = {};
    for (const column of event.metadata.columns) {
      const value = column.getEntityValue(removed);
      if (!policy.omit.has(column.propertyName) && value !== undefined) {
        changes[column.propertyName] = { from: this.shown(policy, column.propertyName, value) };
      }
    }
    await this.record(event, 'delete', removed, changes);
  }

  private shown(policy: AuditPolicy, field: string, value: unknown): unknown {
    return policy.redact.has(field) && value !== null ? REDACTED : value;
  }

  private idOf(metadata: EntityMetadata, entityId: unknown): ObjectLiteral {
    return typeof entityId === 'object' && entityId !== null
      ? (entityId as ObjectLiteral)
      : { [metadata.primaryColumns[0].propertyName]: entityId };
  }

  private async record(
    event: WriteEvent,
    action: AuditAction,
    entity: ObjectLiteral | undefined,
    changes: FieldChanges,
  ): Promise<void> {
    const id = entity && event.metadata.getEntityIdMixedMap(entity);
    if (id === undefined || id === null) {
      throw new Error(`An audited ${event.metadata.tableName} row has no id`);
    }
    await this.trail.record(event.manager, {
      action,
      entity: event.metadata.tableName,
      entityId: typeof id === 'object' ? Object.values(id).join(':') : String(id),
      changes,
    });
  }
}
