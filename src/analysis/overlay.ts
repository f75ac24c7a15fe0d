/**
 * Overlays and paths over plain scenario documents: the one way variants, sensitivity factors and
 * sweep cells change a scenario. Objects merge key by key; a list whose items all carry an `id`
 * (parties, back channels) or a `patron` (support lines) merges item by item on that key, and new
 * items are appended; any other list, and every other value, replaces. Paths name list items the
 * same way: `parties.ukraine.support.united-states.waningRate`, or by index (`interventions.0.month`).
 * Design choice (Parley).
 *
 * Every step looks at own properties only, and a path may not name `__proto__`, `prototype` or
 * `constructor` (model/reservedKeys.ts): user-chosen strings index these objects.
 */
import { isReservedSegment, reservedSegmentMessage, type InputIssue } from '../model/index.ts';

export type Plain = Record<string, unknown>;

export const isPlain = (x: unknown): x is Plain =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const KEYS = ['id', 'patron'] as const;

/** The key that identifies the items of a list, if every item has one. */
function listKey(xs: readonly unknown[], field: string): (typeof KEYS)[number] | undefined {
  return KEYS.filter((k) => k === 'id' || field === 'support').find(
    (k) => xs.length > 0 && xs.every((x) => isPlain(x) && typeof x[k] === 'string'),
  );
}

/** Deep-merges `overlay` into a copy of `base` (neither is modified). */
export function mergeOverlay(base: unknown, overlay: unknown, field = ''): unknown {
  if (isPlain(base) && isPlain(overlay)) {
    const out: Plain = { ...base };
    for (const [k, v] of Object.entries(overlay)) {
      // documents are checked for `__proto__` keys before they get here (model/reservedKeys.ts)
      if (k === '__proto__') throw new Error('a "__proto__" key reached mergeOverlay');
      out[k] = Object.hasOwn(base, k) ? mergeOverlay(base[k], v, k) : v;
    }
    return out;
  }
  if (Array.isArray(base) && Array.isArray(overlay)) {
    const key = listKey(overlay, field);
    if (key && listKey(base, field) === key) {
      const out = (base as unknown[]).slice() as Plain[];
      for (const item of overlay as Plain[]) {
        const at = out.findIndex((b) => b[key] === item[key]);
        if (at >= 0) out[at] = mergeOverlay(out[at], item) as Plain;
        else out.push(item);
      }
      return out;
    }
  }
  return structuredClone(overlay);
}

/** Splits `a.b.c` into segments; list indices stay strings and are resolved against the data. */
export const splitPath = (path: string): string[] => path.split('.').filter((s) => s.length > 0);

/** The issue with a path a user named, if it uses a reserved segment (checked where it is parsed). */
export function pathIssue(path: string): InputIssue | undefined {
  const reserved = splitPath(path).find(isReservedSegment);
  return reserved === undefined
    ? undefined
    : {
        code: 'reserved_key',
        path: [path],
        message: `${path}: ${reservedSegmentMessage(reserved)}`,
      };
}

function child(container: unknown, seg: string): { found: boolean; key: string | number } {
  if (Array.isArray(container)) {
    if (/^\d+$/.test(seg)) return { found: Number(seg) < container.length, key: Number(seg) };
    for (const k of KEYS) {
      const at = container.findIndex((x) => isPlain(x) && x[k] === seg);
      if (at >= 0) return { found: true, key: at };
    }
    return { found: false, key: seg };
  }
  if (isPlain(container)) return { found: Object.hasOwn(container, seg), key: seg };
  return { found: false, key: seg };
}

/** The value at a path, or undefined when any step is missing. */
export function getPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc;
  for (const seg of splitPath(path)) {
    if (isReservedSegment(seg)) return undefined;
    const { found, key } = child(cur, seg);
    if (!found) return undefined;
    cur = (cur as Record<string | number, unknown>)[key];
  }
  return cur;
}

/**
 * A copy of `doc` with `value` at `path`. Missing object keys are created (so a default the file
 * left out can be set); a list item that does not exist is an error, returned as a message.
 */
export function setPath(
  doc: unknown,
  path: string,
  value: unknown,
): { ok: true; value: unknown } | { ok: false; message: string } {
  const segs = splitPath(path);
  if (segs.length === 0) return { ok: false, message: 'empty path' };
  const reserved = segs.find(isReservedSegment);
  if (reserved) return { ok: false, message: reservedSegmentMessage(reserved) };
  const root = structuredClone(doc);
  let cur: unknown = root;
  for (let i = 0; i < segs.length; i++) {
    const { found, key } = child(cur, segs[i]);
    const last = i === segs.length - 1;
    if (Array.isArray(cur) && !found)
      return {
        ok: false,
        message: `no item "${segs[i]}" in the list at ${segs.slice(0, i).join('.') || '(root)'}`,
      };
    if (!isPlain(cur) && !Array.isArray(cur))
      return { ok: false, message: `${segs.slice(0, i).join('.')} is not an object or a list` };
    const c = cur as Record<string | number, unknown>;
    if (last) c[key] = value;
    else {
      if (!found || c[key] === undefined || c[key] === null) c[key] = {};
      cur = c[key];
    }
  }
  return { ok: true, value: root };
}
