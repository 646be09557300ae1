import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sqlite3 from 'sqlite3';
import { SqliteReaders } from '../src/database/sqlite-readers';

/**
 * The read-only SQLite connections keep their prepared statements between reads: a kept
 * statement must still see every commit, hold no snapshot that stops a checkpoint, answer
 * concurrent callers each with their own rows, and never leave a caller waiting on an error.
 * (Against a file of its own, whichever engine the suite runs on.)
 */
describe('SQLite readers', () => {
  let directory: string;
  let writer: sqlite3.Database;
  let readers: SqliteReaders;

  const write = (sql: string) =>
    new Promise<unknown[]>((resolve, reject) =>
      writer.all(sql, (error, rows) => (error ? reject(error) : resolve(rows))),
    );

  beforeAll(async () => {
    directory = mkdtempSync(join(tmpdir(), 'readers-'));
    const file = join(directory, 'readers.sqlite');
    writer = new sqlite3.Database(file);
    await write('PRAGMA journal_mode = WAL');
    await write('CREATE TABLE "items" ("id" integer PRIMARY KEY, "name" text NOT NULL)');
    await write(`INSERT INTO "items" ("id", "name") VALUES (1, 'один'), (2, 'два')`);
    readers = await SqliteReaders.open(file, 2, 1000);
  });

  afterAll(async () => {
    await readers.close();
    await new Promise((resolve) => writer.close(resolve));
    rmSync(directory, { recursive: true, force: true });
  });

  const count = 'SELECT COUNT(*) AS "count" FROM "items" WHERE "id" > ?';

  it('sees every commit through a kept statement and holds no snapshot between reads', async () => {
    for (let id = 3; id <= 6; id++) {
      const [before] = (await readers.query(count, [0])) as { count: number }[];
      await write(`INSERT INTO "items" ("id", "name") VALUES (${id}, 'ещё')`);
      const [after] = (await readers.query(count, [0])) as { count: number }[];
      expect(after.count).toBe(before.count + 1);
      const [checkpoint] = (await write('PRAGMA wal_checkpoint(TRUNCATE)')) as {
        busy: number;
      }[];
      expect(checkpoint.busy).toBe(0);
    }
  });

  it('answers concurrent callers of one statement each with their own rows', async () => {
    const byId = 'SELECT "id", "name" FROM "items" WHERE "id" = ?';
    const answers = await Promise.all(
      Array.from({ length: 40 }, (_, index) => readers.query(byId, [(index % 6) + 1])),
    );
    answers.forEach((rows, index) => {
      expect(rows).toEqual([expect.objectContaining({ id: (index % 6) + 1 })]);
    });
  });

  it('rejects every caller of a statement that does not prepare, and goes on reading', async () => {
    // Unquoted: SQLite reads an unknown double-quoted name as a string.
    const broken = 'SELECT missing FROM items';
    const results = await Promise.allSettled(
      Array.from({ length: 5 }, () => readers.query(broken)),
    );
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect(String((result as PromiseRejectedResult).reason)).toMatch(/no such column/);
    }
    await expect(readers.query(broken)).rejects.toThrow(/no such column/);
    await write('ALTER TABLE "items" ADD COLUMN missing text');
    await expect(readers.query(broken)).resolves.toHaveLength(6);
  });
});
