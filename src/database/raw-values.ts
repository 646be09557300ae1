/**
 * An instant read by a raw query: PostgreSQL's driver gives a Date, SQLite the UTC text that
 * TypeORM wrote (`2025-11-18 05:00:00.000`, no zone).
 */
export function instantFromRaw(value: string | Date): Date {
  if (value instanceof Date) {
    return value;
  }
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? value : `${value.replace(' ', 'T')}Z`);
}
