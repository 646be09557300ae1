import { ConflictException } from '@nestjs/common';
import { QueryFailedError } from 'typeorm';

interface DriverError {
  code?: string;
  message?: string;
}

function driverErrorOf(error: unknown): DriverError | undefined {
  return error instanceof QueryFailedError ? (error.driverError as DriverError) : undefined;
}

/** A unique constraint refused the write (PostgreSQL 23505, SQLite's message). */
export function isUniqueViolation(error: unknown): boolean {
  const driverError = driverErrorOf(error);
  return (
    driverError?.code === '23505' ||
    (driverError?.message ?? '').includes('UNIQUE constraint failed')
  );
}

/** A foreign key refused the write (PostgreSQL 23503, SQLite's message). */
export function isForeignKeyViolation(error: unknown): boolean {
  const driverError = driverErrorOf(error);
  return (
    driverError?.code === '23503' ||
    (driverError?.message ?? '').includes('FOREIGN KEY constraint failed')
  );
}

/** PostgreSQL's class 22, data exceptions: a value that slipped past validation. */
export function isDataException(error: unknown): boolean {
  return (driverErrorOf(error)?.code ?? '').startsWith('22');
}

/** PostgreSQL's "try again": a deadlock or a serialization failure. */
export function isRetryable(error: unknown): boolean {
  const code = driverErrorOf(error)?.code;
  return code === '40P01' || code === '40001';
}

/**
 * For `.catch` on a write: the refusal of a unique constraint (another request wrote the same
 * row between the check and the write) answered as the check would have, a 409 with `message`.
 */
export function duplicateAs(message: string): (error: unknown) => never {
  return (error: unknown) => {
    if (isUniqueViolation(error)) {
      throw new ConflictException(message);
    }
    throw error;
  };
}
