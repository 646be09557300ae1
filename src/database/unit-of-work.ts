import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AsyncLocalStorage } from 'node:async_hooks';
import { DataSource, EntityManager, EntityTarget, FindOptionsWhere, ObjectLiteral } from 'typeorm';
import { notFound } from '../common/http/not-found';
import { isRetryable } from './database-errors';
import { FifoLock } from './fifo-lock';
import { SqliteReaders } from './sqlite-readers';

interface RunningUnit {
  dataSource: DataSource;
  manager?: EntityManager;
  /** Set once the transaction has committed or rolled back: late callbacks hold nothing. */
  ended?: boolean;
}

const runningUnit = new AsyncLocalStorage<RunningUnit>();

const ATTEMPTS = 5;

/** One writer queue per SQLite data source (the tests open several applications in one process). */
const sqliteWriters = new WeakMap<DataSource, FifoLock>();

/**
 * Every change is one unit of work: its checks and its writes (rows, relation rows, audit
 * entries) commit together or not at all.
 *
 * PostgreSQL gives each transaction its own pooled connection. TypeORM gives SQLite one shared
 * connection, so transactions of concurrent requests would interleave on it; `serializeSqlite`
 * puts every unit, and every other statement outside a unit that is not a read, in one FIFO
 * queue (reads go to read-only connections), so that no request ever runs inside another's
 * transaction or reads another's uncommitted write.
 */
@Injectable()
export class UnitOfWork {
  private readonly logger = new Logger(UnitOfWork.name);

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Runs `work` in a transaction; called inside a running unit, it joins that unit. */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const running = runningUnit.getStore();
    if (running?.manager && !running.ended && running.dataSource === this.dataSource) {
      return work(running.manager);
    }
    const writer = sqliteWriters.get(this.dataSource);
    if (writer) {
      return writer.run(() => this.transaction(work));
    }
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.transaction(work);
      } catch (error) {
        if (attempt >= ATTEMPTS || !isRetryable(error)) {
          throw error;
        }
        this.logger.warn(
          `A unit of work met a deadlock or serialization failure; attempt ${attempt + 1}`,
        );
      }
    }
  }

  /**
   * The manager a read should use now: the running unit's, inside one (on PostgreSQL a query
   * outside it would wait for a second pooled connection while holding the first, and enough
   * such requests at once would leave none free), else the data source's.
   */
  get manager(): EntityManager {
    const running = runningUnit.getStore();
    return running?.manager && !running.ended && running.dataSource === this.dataSource
      ? running.manager
      : this.dataSource.manager;
  }

  /** Whether the database can lock rows (`SELECT … FOR UPDATE`); SQLite's writer is serial. */
  get locksRows(): boolean {
    return this.dataSource.options.type === 'postgres';
  }

  /**
   * Reads a row and, on PostgreSQL, locks it until the unit ends: concurrent units that lock
   * the same row wait, so a check made under the lock still holds when the unit writes.
   */
  async lock<T extends ObjectLiteral>(
    manager: EntityManager,
    target: EntityTarget<T>,
    idOrWhere: number | FindOptionsWhere<T>,
  ): Promise<T | null> {
    const where = typeof idOrWhere === 'number' ? { id: idOrWhere } : idOrWhere;
    return this.lockingSelect(manager, target, where).getOne();
  }

  /** Every row matching `where`, locked in id order (so that units lock them alike). */
  async lockAll<T extends ObjectLiteral>(
    manager: EntityManager,
    target: EntityTarget<T>,
    where: FindOptionsWhere<T>,
  ): Promise<T[]> {
    return this.lockingSelect(manager, target, where).orderBy('row.id').getMany();
  }

  private lockingSelect<T extends ObjectLiteral>(
    manager: EntityManager,
    target: EntityTarget<T>,
    where: ObjectLiteral,
  ) {
    const select = manager.createQueryBuilder(target, 'row').where(where);
    return this.locksRows ? select.setLock('pessimistic_write') : select;
  }

  /** `lock`, or 404 naming `what` when there is no such row. */
  async lockOrFail<T extends ObjectLiteral>(
    manager: EntityManager,
    target: EntityTarget<T>,
    id: number,
    what: string,
  ): Promise<T> {
    const row = await this.lock(manager, target, id);
    if (!row) {
      throw notFound(what, id);
    }
    return row;
  }

  private transaction<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    const unit: RunningUnit = { dataSource: this.dataSource };
    return runningUnit.run(unit, () =>
      this.dataSource
        .transaction((manager) => {
          unit.manager = manager;
          return work(manager);
        })
        .finally(() => {
          unit.ended = true;
        }),
    );
  }
}

/**
 * Makes the shared SQLite connection of `dataSource` safe for concurrent requests: a statement
 * outside a unit waits for the running unit to end (or, when `readers` are given and it only
 * reads, runs on one of them, in parallel), and a transaction may only begin inside
 * `UnitOfWork.run` (a bare `save()` outside one would otherwise join another request's).
 */
export function serializeSqlite(dataSource: DataSource, readers?: SqliteReaders): void {
  if (dataSource.options.type !== 'sqlite' || sqliteWriters.has(dataSource)) {
    return;
  }
  const writer = new FifoLock();
  sqliteWriters.set(dataSource, writer);
  const connection = dataSource.driver.createQueryRunner('master');
  const holdsWriter = () => {
    const unit = runningUnit.getStore();
    return unit?.dataSource === dataSource && !unit.ended;
  };

  const query = connection.query.bind(connection) as (
    sql: string,
    parameters?: unknown[],
    structured?: boolean,
  ) => Promise<unknown>;
  connection.query = ((sql: string, parameters?: unknown[], structured?: boolean) => {
    if (holdsWriter()) {
      return query(sql, parameters, structured);
    }
    if (readers && SqliteReaders.reads(sql)) {
      dataSource.logger.logQuery(sql, parameters);
      return readers.query(sql, parameters, structured);
    }
    return writer.run(() => query(sql, parameters, structured));
  }) as typeof connection.query;

  const startTransaction = connection.startTransaction.bind(connection);
  connection.startTransaction = (isolationLevel) => {
    if (!holdsWriter()) {
      throw new Error('On SQLite a transaction must run inside UnitOfWork.run');
    }
    return startTransaction(isolationLevel);
  };
}
