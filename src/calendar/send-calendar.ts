import { Response } from 'express';
import { createHash } from 'node:crypto';

/** The entity tag of a calendar file's content. */
export function calendarTag(body: string): string {
  return createHash('sha256').update(body).digest('base64url').slice(0, 32);
}

/**
 * Answers a calendar file with `ETag` and, where known, `Last-Modified`. Calendar apps poll
 * feeds often: a conditional request that still matches gets 304 without the body. The dates
 * are compared to the millisecond (two publishes within one second are two changes), and
 * `If-None-Match`, when sent, decides alone (RFC 9110, 13.2.2).
 */
export function sendCalendar(
  response: Response,
  body: string,
  options: { fileName: string; lastModified: Date | null; shared: boolean },
): void {
  const etag = `"${calendarTag(body)}"`;
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
  if (isStillFresh(response, etag, options.lastModified)) {
    response.status(304).end();
    return;
  }
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.status(200).end(body);
}

function isStillFresh(response: Response, etag: string, lastModified: Date | null): boolean {
  const headers = response.req.headers;
  const noneMatch = headers['if-none-match'];
  if (noneMatch !== undefined) {
    return noneMatch
      .split(',')
      .map((tag) => tag.trim().replace(/^W\//, ''))
      .some((tag) => tag === etag || tag === '*');
  }
  const modifiedSince = Date.parse(headers['if-modified-since'] ?? '');
  return (
    lastModified !== null && !Number.isNaN(modifiedSince) && lastModified.getTime() <= modifiedSince
  );
}
