import { MAX_INTEGER } from '../../common/http/input-problems';

/** `?offset=` of a page's list: a whole number written plainly, else the first page. */
export function pageOffset(value: unknown): number {
  const offset = typeof value === 'string' && /^\d{1,10}$/.test(value) ? Number(value) : 0;
  return Math.min(offset, MAX_INTEGER);
}
