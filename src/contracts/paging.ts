/**
 * Cursor paging, the same for every list of the API: a page answers `nextCursor`, which the
 * client passes back as `cursor` (opaque to it; src/server/cursor.ts encodes and checks it).
 */
import { z } from 'zod';

export const CursorQuerySchema = z
  .string()
  .min(1)
  .max(1000)
  .optional()
  .describe('opaque: the `nextCursor` of the previous page; omit it for the first page');

export const NextCursorSchema = z
  .string()
  .nullable()
  .describe('pass as `cursor` for the next page; null on the last page');

/** `limit` of a list: at most 1000 items a page, `fallback` when omitted. */
export const limitQuery = (fallback: number) =>
  z.coerce.number().int().min(1).max(1000).default(fallback);
