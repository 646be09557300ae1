import { NextFunction, Request, Response } from 'express';
import { API_PATH } from '../../api-prefix';

/** The body types read as JSON: `application/json` and its suffixed kinds (merge-patch+json). */
export const JSON_TYPES = ['application/json', 'application/*+json'];

/**
 * The API reads bodies as JSON only: a body of another type (a form, plain text) would reach
 * the handlers empty and be refused field by field, so it is refused at once with 415. Pages
 * post forms outside `/api`.
 */
export function jsonBodiesOnly(request: Request, _response: Response, next: NextFunction): void {
  // `is` answers null for a request without a body, false for a body of another type. A body
  // that declares no type is left to the handlers, as it always was (JSON or nothing).
  if (
    API_PATH.test(request.path) &&
    request.headers['content-type'] !== undefined &&
    request.is(JSON_TYPES) === false
  ) {
    next(
      Object.assign(new Error('Unsupported content type'), {
        status: 415,
        expose: true,
        type: 'content-type.unsupported',
      }),
    );
    return;
  }
  next();
}
