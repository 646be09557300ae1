import {
  ArgumentsHost,
  Catch,
  ConflictException,
  ExceptionFilter,
  HttpException,
  InternalServerErrorException,
  Logger,
} from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { Response } from 'express';
import { QueryFailedError } from 'typeorm';

interface DriverError {
  code?: string;
  errno?: number;
  message?: string;
}

/** PostgreSQL SQLSTATE codes and SQLite messages of the constraint violations we map to 409. */
function conflictMessage(error: QueryFailedError): string | undefined {
  const driverError = error.driverError as DriverError;
  const message = driverError.message ?? '';
  if (driverError.code === '23505' || message.includes('UNIQUE constraint failed')) {
    return 'A record with these values already exists';
  }
  if (driverError.code === '23503' || message.includes('FOREIGN KEY constraint failed')) {
    return 'The record is still referenced by other records';
  }
  return undefined;
}

/**
 * One error shape everywhere (`{ statusCode, message, error }`). Unique and foreign-key
 * violations become 409; anything unexpected is a plain 500 whose details stay in the log
 * under a correlation id.
 */
@Catch()
export class AllExceptionsFilter implements ExceptionFilter {
  private readonly logger = new Logger('Exceptions');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const httpException = this.toHttpException(exception);
    const status = httpException.getStatus();
    const body = httpException.getResponse();
    response
      .status(status)
      .json(
        typeof body === 'string'
          ? { statusCode: status, message: body, error: STATUS_CODES[status] }
          : body,
      );
  }

  private toHttpException(exception: unknown): HttpException {
    if (exception instanceof HttpException) {
      return exception;
    }
    if (exception instanceof QueryFailedError) {
      const message = conflictMessage(exception);
      if (message) {
        return new ConflictException(message);
      }
    }
    const correlationId = randomUUID();
    // The stack and message only: a failed query's parameters may hold personal data or hashes.
    this.logger.error(
      { correlationId },
      exception instanceof Error ? exception.stack : String(exception),
    );
    return new InternalServerErrorException(`Internal server error (reference ${correlationId})`);
  }
}
