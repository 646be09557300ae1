import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource, DataSourceOptions } from 'typeorm';

const ATTEMPTS = 10;

/**
 * Connects. TypeORM switches an SQLite file to WAL before it sets the busy timeout, so two
 * processes opening a new file at the same moment can meet SQLITE_BUSY: that is tried again.
 */
export async function openDataSource(options: DataSourceOptions): Promise<DataSource> {
  for (let attempt = 1; ; attempt++) {
    const dataSource = new DataSource(options);
    try {
      return await dataSource.initialize();
    } catch (error) {
      await dataSource.destroy().catch(() => undefined);
      const busy = options.type === 'sqlite' && String(error).includes('SQLITE_BUSY');
      if (!busy || attempt >= ATTEMPTS) {
        throw error;
      }
      await sleep(20 * attempt);
    }
  }
}
