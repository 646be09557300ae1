import { Response } from 'express';
import { createHash } from 'node:crypto';

/**
 * Answers a calendar file with `ETag` and `Last-Modified`. Calendar apps poll feeds often:
 * Express answers 304 without the body to a conditional request that still matches.
 */
export function sendCalendar(
  response: Response,
  body: string,
  options: { fileName: string; lastModified: Date | null; shared: boolean },
): void {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  response.setHeader('Content-Type', 'text/calendar; charset=utf-8');
  response.setHeader('Content-Disposition', `inline; filename="${options.fileName}"`);
  response.setHeader(
    'Cache-Control',
    `${options.shared ? 'public' : 'private'}, max-age=0, must-revalidate`,
  );
  response.setHeader('ETag', etag);
  if (options.lastModified) {
    response.setHeader('Last-Modified', options.lastModified.toUTCString());
  }
  response.send(body);
}
