import '../config/load-env-file';

/**
 * Instants are stored as `timestamptz` on PostgreSQL and as UTC text (`datetime`) on SQLite.
 * Entity decorators run at import time, so the engine is read from the environment here.
 */
export const INSTANT_COLUMN_TYPE = process.env.DATABASE_URL ? 'timestamptz' : 'datetime';
