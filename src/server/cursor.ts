/**
 * Cursor pagination for every list of the API. A cursor is opaque to clients: the key of the
 * last item of a page (base64url JSON), from which the next page starts. Keys are stable under
 * inserts (no row is skipped or repeated when rows are added meanwhile, unlike an offset), and
 * the same for the SQLite and PostgreSQL stores. A list answers `nextCursor`: null on its last page.
 */
import { z } from 'zod';
import { httpError } from './errors.ts';

export { CursorQuerySchema, NextCursorSchema } from '../contracts/paging.ts';

export function encodeCursor(key: unknown): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

/** The key in a cursor, checked against its shape; a 400 when it is not one this list gave. */
export function decodeCursor<T>(cursor: string | undefined, schema: z.ZodType<T>): T | undefined {
  if (cursor === undefined) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    raw = undefined;
  }
  const r = schema.safeParse(raw);
  if (!r.success)
    throw httpError(
      400,
      'invalid_cursor',
      'this cursor was not given by this list; start again without it',
      ['query', 'cursor'],
    );
  return r.data;
}

/**
 * One page: fetches one item more than `limit` to learn whether another page follows, and
 * returns the page with the cursor of its last item.
 */
export async function pageOf<T>(
  limit: number,
  fetch: (n: number) => Promise<T[]>,
  keyOf: (last: T) => unknown,
): Promise<{ items: T[]; nextCursor: string | null }> {
  const rows = await fetch(limit + 1);
  const items = rows.slice(0, limit);
  return {
    items,
    nextCursor: rows.length > limit ? encodeCursor(keyOf(items[items.length - 1])) : null,
  };
}

/** The key of a list ordered newest first, then by id. */
export const TimeKeySchema = z.object({ createdAt: z.string().max(40), id: z.string().max(200) });
export const timeKey = (r: { createdAt: string; id: string }) => ({
  createdAt: r.createdAt,
  id: r.id,
});
