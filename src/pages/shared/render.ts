import { Response } from 'express';
import { VNode } from 'preact';
import { renderToString } from 'preact-render-to-string';

/** A whole HTML document from a page component. */
export function renderDocument(page: VNode): string {
  return `<!doctype html>${renderToString(page)}`;
}

/** Answers with a page; pages hold personal data, so no shared cache keeps them. */
export function sendPage(response: Response, page: VNode, status = 200): void {
  response
    .status(status)
    .type('html')
    .setHeader('Cache-Control', 'private, no-store')
    .send(renderDocument(page));
}

/** A part of a page for an htmx request. */
export function sendFragment(response: Response, fragment: VNode, status = 200): void {
  response
    .status(status)
    .type('html')
    .setHeader('Cache-Control', 'private, no-store')
    .send(renderToString(fragment));
}
