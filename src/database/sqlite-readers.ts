import { QueryFailedError, QueryResult } from 'typeorm';
import sqlite3 from 'sqlite3';

/**
 * Read-only connections to an SQLite file in WAL mode. Each sees the last committed state, never
 * a transaction in progress, and they read in parallel with each other and with the writer.
 */
export class SqliteReaders {
  private readonly pending: number[];

  private constructor(private readonly connections: sqlite3.Database[]) {
    this.pending = connections.map(() => 0);
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
    }
    return new SqliteReaders(connections);
  }

  /** Whether a statement only reads, so that a reader may run it. */
  static reads(sql: string): boolean {
    return /^\s*(SELECT|WITH)\b/i.test(sql) && !/\b(INSERT|UPDATE|DELETE|REPLACE)\b/i.test(sql);
  }

  /** Runs `sql` on the least busy reader; answers as TypeORM's SQLite query runner does. */
  query(sql: string, parameters: unknown[] = [], structured = false): Promise<unknown> {
    const index = this.pending.indexOf(Math.min(...this.pending));
    this.pending[index]++;
    return new Promise((resolve, reject) => {
      this.connections[index].all(sql, parameters, (error, rows) => {
        this.pending[index]--;
        if (error) {
          reject(new QueryFailedError(sql, parameters, error));
          return;
        }
        if (!structured) {
          resolve(rows);
          return;
        }
        const result = new QueryResult();
        result.raw = rows;
        result.records = rows;
        resolve(result);
      });
    });
  }

  async close(): Promise<void> {
    await Promise.all(
      this.connections.map(
        (connection) =>
          new Promise<void>((resolve, reject) =>
            connection.close((error) => (error ? reject(error) : resolve())),
          ),
      ),
    );
  }
}
