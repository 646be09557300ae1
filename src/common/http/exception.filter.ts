import {
  ArgumentsHost,
  BadRequestException,
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

/** PostgreSQL's class 22, data exceptions: a value slipped past validation; still the caller's. */
function isDataException(error: QueryFailedError): boolean {
  const code = (error.driverError as DriverError).code ?? '';
  return code.startsWith('22');
}

/**
 * Errors of Express's body parser (too large, unsupported charset, malformed JSON) carry their
 * 4xx status and a message fit to show.
 */
function bodyParserError(exception: unknown): HttpException | undefined {
  const error = exception as {
    status?: unknown;
    expose?: unknown;
    type?: unknown;
    message?: string;
  };
  if (
    typeof error?.status === 'number' &&
    error.status >= 400 &&
    error.status < 500 &&
    error.expose === true &&
    typeof error.type === 'string'
  ) {
    const messages: Record<string, string> = {
      'entity.too.large': 'The request body is larger than the limit (BODY_LIMIT)',
      'charset.unsupported': 'The request body must be UTF-8 JSON',
      'encoding.unsupported': 'The request body encoding is not supported',
      'entity.parse.failed': 'The request body is not valid JSON',
    };
    return new HttpException(
      {
        statusCode: error.status,
        message: messages[error.type] ?? error.message,
        error: STATUS_CODES[error.status],
      },
      error.status,
    );
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
    const fromBodyParser = bodyParserError(exception);
    if (fromBodyParser) {
      return fromBodyParser;
    }
    if (exception instanceof QueryFailedError) {
      const message = conflictMessage(exception);
      if (message) {
        return new ConflictException(message);
      }
      if (isDataException(exception)) {
        return new BadRequestException('A value does not fit the database');
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
