import { MigrationInterface, QueryRunner, TableIndex } from 'typeorm';

/** Tables whose `searchText` (folded name) and `email` are searched by substring. */
const SEARCHED = ['participants', 'mentors'];

/**
 * Substring search that stays fast at national scale, the index of the overlap check, and a
 * participant's cohorts read from an index alone.
 * SQLite: an FTS5 table with the trigram tokenizer per searched table, kept in step by
 * triggers inside the writing transaction. PostgreSQL: pg_trgm GIN indexes; where the role may
 * not create the extension, no index is made and searches scan (the service says so at start).
 */
export class SearchAndOverlapIndexes1795460000000 implements MigrationInterface {
  name = 'SearchAndOverlapIndexes1795460000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex(
      'sessions',
      new TableIndex({ name: 'IDX_sessions_stage_ends_at', columnNames: ['stageId', 'endsAt'] }),
    );
    await queryRunner.createIndex(
      'enrollments',
      new TableIndex({
        name: 'IDX_enrollments_participant_cohort',
        columnNames: ['participantId', 'cohortId'],
      }),
    );
    await queryRunner.dropIndex('enrollments', 'IDX_enrollments_participant');
    if (queryRunner.connection.driver.options.type === 'postgres') {
      await this.upPostgres(queryRunner);
    } else {
      await this.upSqlite(queryRunner);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    if (queryRunner.connection.driver.options.type === 'postgres') {
      for (const table of SEARCHED) {
        await queryRunner.query(`DROP INDEX IF EXISTS "IDX_${table}_search_text"`);
        await queryRunner.query(`DROP INDEX IF EXISTS "IDX_${table}_search_email"`);
      }
    } else {
      for (const table of SEARCHED) {
        for (const event of ['insert', 'update', 'delete']) {
          await queryRunner.query(`DROP TRIGGER IF EXISTS "${table}_search_${event}"`);
        }
        await queryRunner.query(`DROP TABLE IF EXISTS "${table}_search"`);
      }
    }
    await queryRunner.createIndex(
      'enrollments',
      new TableIndex({ name: 'IDX_enrollments_participant', columnNames: ['participantId'] }),
    );
    await queryRunner.dropIndex('enrollments', 'IDX_enrollments_participant_cohort');
    await queryRunner.dropIndex('sessions', 'IDX_sessions_stage_ends_at');
  }

  private async upSqlite(queryRunner: QueryRunner): Promise<void> {
    for (const table of SEARCHED) {
      const index = `"${table}_search"`;
      await queryRunner.query(
        `CREATE VIRTUAL TABLE ${index} USING fts5("searchText", "email", ` +
          `content='${table}', content_rowid='id', tokenize='trigram')`,
      );
      const remove = `INSERT INTO ${index} (${index}, rowid, "searchText", "email") VALUES ('delete', old."id", old."searchText", old."email");`;
      const add = `INSERT INTO ${index} (rowid, "searchText", "email") VALUES (new."id", new."searchText", new."email");`;
      await queryRunner.query(
        `CREATE TRIGGER "${table}_search_insert" AFTER INSERT ON "${table}" BEGIN ${add} END`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_search_delete" AFTER DELETE ON "${table}" BEGIN ${remove} END`,
      );
      await queryRunner.query(
        `CREATE TRIGGER "${table}_search_update" AFTER UPDATE OF "searchText", "email" ON "${table}" ` +
          `BEGIN ${remove} ${add} END`,
      );
      await queryRunner.query(`INSERT INTO ${index} (${index}) VALUES ('rebuild')`);
    }
  }

  private async upPostgres(queryRunner: QueryRunner): Promise<void> {
    // The extension is shared by the whole database: installed in public where there is one,
    // so that dropping one application schema never takes it away from the others.
    await queryRunner.query(`
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
          IF EXISTS (SELECT 1 FROM pg_namespace WHERE nspname = 'public') THEN
            CREATE EXTENSION pg_trgm SCHEMA public;
          ELSE
            CREATE EXTENSION pg_trgm;
          END IF;
        END IF;
      EXCEPTION WHEN OTHERS THEN
        RAISE NOTICE 'pg_trgm cannot be installed (%): searches will scan', SQLERRM;
      END
      $$`);
    const [extension] = await queryRunner.query(
      `SELECT "extnamespace"::regnamespace::text AS "schema" FROM pg_extension WHERE extname = 'pg_trgm'`,
    );
    if (!extension) {
      return;
    }
    for (const table of SEARCHED) {
      for (const [suffix, column] of [
        ['text', 'searchText'],
        ['email', 'email'],
      ]) {
        await queryRunner.query(
          `CREATE INDEX "IDX_${table}_search_${suffix}" ON "${table}" ` +
            `USING gin ("${column}" ${extension.schema}.gin_trgm_ops)`,
        );
      }
    }
  }
}
