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
  // An empty body (a publish sent by `fetch` with `body: ''`, say) and one that declares no type
  // are left to the handlers, as they always were.
  if (
    API_PATH.test(request.path) &&
    hasContent(request) &&
    request.headers['content-type'] !== undefined &&
    !request.is(JSON_TYPES)
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

function hasContent(request: Request): boolean {
  return (
    request.headers['transfer-encoding'] !== undefined ||
    Number(request.headers['content-length'] ?? 0) > 0
  );
}
