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
import { Request, Response } from 'express';
import {
  isDataException,
  isForeignKeyViolation,
  isUniqueViolation,
} from '../../database/database-errors';
import { API_PATH } from '../../api-prefix';
import { TooManyAttemptsException } from './too-many-attempts';

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
    error.expose === true
  ) {
    const messages: Record<string, string> = {
      'entity.too.large': 'The request body is larger than the limit (BODY_LIMIT)',
      'charset.unsupported': 'The request body must be UTF-8 JSON',
      'encoding.unsupported': 'The request body encoding is not supported',
      'entity.verify.failed': 'The request body is not valid UTF-8',
      'content-type.unsupported': 'The request body must be JSON (Content-Type: application/json)',
    };
    return new HttpException(
      {
        statusCode: error.status,
        message: messages[String(error.type)] ?? 'The request body could not be read',
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

  /** @param pages answers what fails outside `/api` (a missing page, say) as a web page. */
  constructor(private readonly pages?: ExceptionFilter) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const request = host.switchToHttp().getRequest<Request>();
    const httpException = asHttpException(exception, this.logger);
    if (this.pages && !API_PATH.test(request.path)) {
      return this.pages.catch(httpException, host);
    }
    const response = host.switchToHttp().getResponse<Response>();
    const status = httpException.getStatus();
    const body = httpException.getResponse();
    if (httpException instanceof TooManyAttemptsException) {
      response.setHeader('Retry-After', String(httpException.retryAfterSeconds));
    }
    response
      .status(status)
      .json(
        typeof body === 'string'
          ? { statusCode: status, message: body, error: STATUS_CODES[status] }
          : body,
      );
  }
}

/**
 * What an error means over HTTP: body-parser refusals keep their 4xx, unique and foreign-key
 * violations are 409, values that do not fit the database 400; anything unexpected is a 500
 * whose details go to the log under the reference it names.
 */
export function asHttpException(exception: unknown, logger: Logger): HttpException {
  if (exception instanceof HttpException) {
    return exception;
  }
  const fromBodyParser = bodyParserError(exception);
  if (fromBodyParser) {
    return fromBodyParser;
  }
  if (isUniqueViolation(exception)) {
    return new ConflictException('A record with these values already exists');
  }
  if (isForeignKeyViolation(exception)) {
    return new ConflictException('The record is still referenced by other records');
  }
  if (isDataException(exception)) {
    return new BadRequestException('A value does not fit the database');
  }
  const correlationId = randomUUID();
  // The stack and message only: a failed query's parameters may hold personal data or hashes.
  logger.error({ correlationId }, exception instanceof Error ? exception.stack : String(exception));
  return new InternalServerErrorException(`Internal server error (reference ${correlationId})`);
}
