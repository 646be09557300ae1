import { QueryFailedError, QueryResult } from 'typeorm';
import sqlite3 from 'sqlite3';

/**
 * Prepared statements kept per reader. TypeORM writes numeric parameters into the SQL text on
 * SQLite, so a read by id is new text for every id: a statement is kept only once its text has
 * been seen before (among the last `TEXTS_REMEMBERED`), and one-off texts never push out the
 * shapes that repeat.
 */
const STATEMENTS_PER_READER = 256;
const TEXTS_REMEMBERED = 1024;

/**
 * Page cache per reader, in KiB (SQLite's default is 2 MiB). A search over thousands of
 * matches reads a page per match: at 2 MiB they come from the OS one system call each (5×
 * slower at 200,000 participants); 16 MiB keeps such a working set.
 */
const READER_CACHE_KIB = 16 * 1024;

/** A read-only connection and the statements prepared on it, least recently used first. */
interface Reader {
  connection: sqlite3.Database;
  statements: Map<string, Promise<sqlite3.Statement>>;
  pending: number;
}

/**
 * Read-only connections to an SQLite file in WAL mode. Each sees the last committed state, never
 * a transaction in progress, and they read in parallel with each other and with the writer.
 * Statements that repeat are prepared once per reader and kept: preparing costs as much as
 * running a point read. Every read steps to its last row, so a kept statement holds no snapshot
 * between reads.
 */
export class SqliteReaders {
  private readonly readers: Reader[];
  /** SQL texts seen lately, oldest first. */
  private readonly seen = new Set<string>();

  private constructor(connections: sqlite3.Database[]) {
    this.readers = connections.map((connection) => ({
      connection,
      statements: new Map(),
      pending: 0,
    }));
  }

  static async open(file: string, count: number, busyTimeoutMs: number): Promise<SqliteReaders> {
    const connections = await Promise.all(
      Array.from(
        { length: count },
        () =>
          new Promise<sqlite3.Database>((resolve, reject) => {
            const connection = new sqlite3.Database(file, sqlite3.OPEN_READONLY, (error) =>
              error ? reject(error) : resolve(connection),
            );
          }),
      ),
    );
    for (const connection of connections) {
      connection.configure('busyTimeout', busyTimeoutMs);
      await new Promise<void>((resolve, reject) =>
        connection.exec(`PRAGMA cache_size = -${READER_CACHE_KIB}`, (error) =>
          error ? reject(error) : resolve(),
        ),
      );
    }
    return new SqliteReaders(connections);
  }

  /** Whether a statement only reads, so that a reader may run it. */
  static reads(sql: string): boolean {
    return /^\s*(SELECT|WITH)\b/i.test(sql) && !/\b(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql);
  }

  /** Runs `sql` on the least busy reader; answers as TypeORM's SQLite query runner does. */
  async query(sql: string, parameters: unknown[] = [], structured = false): Promise<unknown> {
    const reader = this.readers.reduce((least, next) =>
      next.pending < least.pending ? next : least,
    );
    reader.pending++;
    if (!this.repeats(sql)) {
      return this.runOnce(reader, sql, parameters, structured);
    }
    const prepared = this.statement(reader, sql);
    let statement: sqlite3.Statement;
    try {
      statement = await prepared;
    } catch (error) {
      reader.pending--;
      throw new QueryFailedError(sql, parameters, error as Error);
    }
    return new Promise((resolve, reject) => {
      statement.all(parameters, (error: Error | null, rows: unknown[]) => {
        reader.pending--;
        if (error) {
          this.forget(reader, sql, prepared);
          reject(new QueryFailedError(sql, parameters, error));
          return;
        }
        resolve(answer(rows, structured));
      });
    });
  }

  /** Whether `sql` was seen lately; remembers it either way. */
  private repeats(sql: string): boolean {
    const seen = this.seen.delete(sql);
    this.seen.add(sql);
    if (this.seen.size > TEXTS_REMEMBERED) {
      this.seen.delete(this.seen.values().next().value!);
    }
    return seen;
  }

  /** Runs a text not seen lately without keeping its statement. */
  private runOnce(
    reader: Reader,
    sql: string,
    parameters: unknown[],
    structured: boolean,
  ): Promise<unknown> {
    return new Promise((resolve, reject) => {
      reader.connection.all(sql, parameters, (error, rows) => {
        reader.pending--;
        if (error) {
          reject(new QueryFailedError(sql, parameters, error));
          return;
        }
        resolve(answer(rows, structured));
      });
    });
  }

  /** The reader's statement of `sql`, prepared now if it has none (calls on one are queued). */
  private statement(reader: Reader, sql: string): Promise<sqlite3.Statement> {
    let prepared = reader.statements.get(sql);
    if (prepared) {
      reader.statements.delete(sql);
    } else {
      prepared = new Promise<sqlite3.Statement>((resolve, reject) => {
        const statement = reader.connection.prepare(sql, (error: Error | null) =>
          error ? reject(error) : resolve(statement),
        );
      });
      // A statement that does not prepare is not kept (its callers get the error).
      const failed = prepared;
      failed.catch(() => reader.statements.get(sql) === failed && reader.statements.delete(sql));
      if (reader.statements.size >= STATEMENTS_PER_READER) {
        const [oldest, unused] = reader.statements.entries().next().value!;
        this.forget(reader, oldest, unused);
      }
    }
    reader.statements.set(sql, prepared);
    return prepared;
  }

  private forget(reader: Reader, sql: string, prepared: Promise<sqlite3.Statement>): void {
    if (reader.statements.get(sql) === prepared) {
      reader.statements.delete(sql);
    }
    prepared.then(
      (statement) => statement.finalize(),
      () => undefined,
    );
  }

  async close(): Promise<void> {
    await Promise.all(
      this.readers.map(async ({ connection, statements }) => {
        await Promise.all(
          [...statements.values()].map((prepared) =>
            prepared.then(
              (statement) => new Promise<void>((resolve) => statement.finalize(() => resolve())),
              () => undefined,
            ),
          ),
        );
        statements.clear();
        await new Promise<void>((resolve, reject) =>
          connection.close((error) => (error ? reject(error) : resolve())),
        );
      }),
    );
  }
}

/** Rows as TypeORM's SQLite query runner answers them. */
function answer(rows: unknown[], structured: boolean): unknown {
  if (!structured) {
    return rows;
  }
  const result = new QueryResult();
  result.raw = rows;
  result.records = rows;
  return result;
}
