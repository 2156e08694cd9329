// Cursor pagination: `limit` (1..100) and an opaque `cursor`; `next` is the full URL of the next page or null.
import type { Context } from 'hono';
import type { AppEnv } from './context.js';
import { invalid } from './errors.js';

export const DEFAULT_LIMIT = 20;
export const MAX_LIMIT = 100;

export interface PageRequest {
  limit: number;
  /** The sort key of the last item already seen. */
  after?: string;
}

export interface Page<T> {
  data: T[];
  next?: string | null;
}

/**
 * Reads `limit` and `cursor`. With `paginateByDefault` false (embedded lists), a request naming neither
 * gets no PageRequest: the whole list, as Airbyte's embedded endpoints answer.
 */
export function readPageRequest(c: Context<AppEnv>, paginateByDefault: boolean): PageRequest | undefined {
  const limitText = c.req.query('limit');
  const cursor = c.req.query('cursor');
  if (limitText === undefined && cursor === undefined && !paginateByDefault) return undefined;
  let limit = DEFAULT_LIMIT;
  if (limitText !== undefined) {
    limit = /^\d+$/.test(limitText) ? Number(limitText) : NaN;
    if (!(limit >= 1 && limit <= MAX_LIMIT)) {
      throw invalid(['query', 'limit'], `Must be a whole number from 1 to ${MAX_LIMIT}`, 'value_error.limit');
    }
  }
  if (cursor === undefined || cursor === '') return { limit };
  const after = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!after || Buffer.from(after, 'utf8').toString('base64url') !== cursor) {
    throw invalid(['query', 'cursor'], 'Invalid cursor: pass the cursor from a previous page’s next URL', 'value_error.cursor');
  }
  return { limit, after };
}

/** One page of `items` (already sorted by `keyOf`, ascending, as plain string comparison orders them). */
export function paginate<T>(c: Context<AppEnv>, items: T[], keyOf: (item: T) => string, page: PageRequest | undefined): Page<T> {
  if (!page) return { data: items };
  const after = page.after;
  const start = after === undefined ? 0 : items.findIndex((item) => keyOf(item) > after);
  const from = start === -1 ? items.length : start;
  const data = items.slice(from, from + page.limit);
  if (from + page.limit >= items.length) return { data, next: null };
  const next = new URL(c.req.url);
  next.searchParams.set('cursor', Buffer.from(keyOf(data[data.length - 1]!), 'utf8').toString('base64url'));
  return { data, next: next.toString() };
}
