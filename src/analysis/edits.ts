/**
 * The edits that turn one scenario into another, as a list of `path: before → after`: what a
 * variant or a what-if lever really changes, shown beside its name so a name cannot hide an edit.
 * Paths are written as overlay paths are (overlay.ts): list items that carry an `id` (parties,
 * back channels) or a `patron` (support lines) are named by it; other list items (interventions)
 * are matched by content, so removing one item reads as one removal, not as every later item
 * shifting by one. Design choice (Parley).
 */
import { canonicalJson } from '../engine/index.ts';
import type { Scenario } from '../model/index.ts';
import { isPlain } from './overlay.ts';

/** One change; `before` or `after` is `undefined` when the value is absent on that side. */
export interface ScenarioEdit {
  path: string;
  before: unknown;
  after: unknown;
}

/** Every edit from `before` to `after` (both plain scenario documents), in document order. */
export function scenarioEdits(before: unknown, after: unknown): ScenarioEdit[] {
  const out: ScenarioEdit[] = [];
  diff(before, after, '', out);
  return out;
}

/** The edits from a scenario to a variant of it (their own `variants:` lists left out). */
export function variantEdits(base: Scenario, edited: Scenario): ScenarioEdit[] {
  const { variants: _a, ...from } = base;
  const { variants: _b, ...to } = edited;
  return scenarioEdits(from, to);
}

const join = (path: string, seg: string | number) => (path ? `${path}.${seg}` : String(seg));

const keyOf = (xs: readonly unknown[]): 'id' | 'patron' | undefined =>
  (['id', 'patron'] as const).find(
    (k) => xs.length > 0 && xs.every((x) => isPlain(x) && typeof x[k] === 'string'),
  );

function diff(a: unknown, b: unknown, path: string, out: ScenarioEdit[]): void {
  if (canonicalJson(a) === canonicalJson(b)) return;
  if (isPlain(a) && isPlain(b)) {
    const keys = [...Object.keys(a), ...Object.keys(b).filter((k) => !Object.hasOwn(a, k))];
    for (const k of keys) diff(a[k], b[k], join(path, k), out);
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const key = keyOf(a.length > 0 ? a : b);
    if (key && (a.length === 0 || keyOf(a) === key) && (b.length === 0 || keyOf(b) === key))
      return diffKeyed(
        a as Record<string, unknown>[],
        b as Record<string, unknown>[],
        key,
        path,
        out,
      );
    return diffUnkeyed(a, b, path, out);
  }
  out.push({ path, before: a, after: b });
}

function diffKeyed(
  a: Record<string, unknown>[],
  b: Record<string, unknown>[],
  key: 'id' | 'patron',
  path: string,
  out: ScenarioEdit[],
): void {
  for (const x of a) {
    const y = b.find((i) => i[key] === x[key]);
    if (y) diff(x, y, join(path, String(x[key])), out);
    else out.push({ path: join(path, String(x[key])), before: x, after: undefined });
  }
  for (const y of b)
    if (!a.some((x) => x[key] === y[key]))
      out.push({ path: join(path, String(y[key])), before: undefined, after: y });
}

/** Items matched by content: the ones only before are removals, the ones only after additions. */
function diffUnkeyed(a: unknown[], b: unknown[], path: string, out: ScenarioEdit[]): void {
  const left = b.map((y) => canonicalJson(y));
  const kept = a.map((x) => {
    const at = left.indexOf(canonicalJson(x));
    if (at >= 0) left[at] = '\u0000matched';
    return at >= 0;
  });
  const removed = a.flatMap((x, k) => (kept[k] ? [] : [k]));
  const added = left.flatMap((t, k) => (t === '\u0000matched' ? [] : [k]));
  // a list of plain values (numbers, strings) that changed in place reads best whole
  if (a.concat(b).every((x) => !isPlain(x) && !Array.isArray(x)) && removed.length > 0) {
    out.push({ path, before: a, after: b });
    return;
  }
  for (const k of removed) out.push({ path: join(path, k), before: a[k], after: undefined });
  for (const k of added) out.push({ path: join(path, k), before: undefined, after: b[k] });
}

/** A value in one short line: `null`, `0.06`, `{ kind: incentive-offer, month: 4, … }`. */
export function formatEditValue(x: unknown, max = 140): string {
  if (x === undefined) return '(absent)';
  const text = flow(x);
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

function flow(x: unknown): string {
  if (Array.isArray(x)) return `[${x.map(flow).join(', ')}]`;
  if (isPlain(x))
    return `{ ${Object.entries(x)
      .filter(([, v]) => v !== undefined)
      // a note is the longest and least telling field: last, so a cut line loses it first
      .sort(([k1], [k2]) => Number(k1 === 'note') - Number(k2 === 'note'))
      .map(([k, v]) => `${k}: ${flow(v)}`)
      .join(', ')} }`;
  return typeof x === 'string' ? x : JSON.stringify(x);
}

/** `path: before → after`, the line the CLI, the report and the web UI print for an edit. */
export const formatEdit = (e: ScenarioEdit): string =>
  `${e.path}: ${formatEditValue(e.before)} → ${formatEditValue(e.after)}`;

/**
 * An overlay (overlay.ts) that turns `base` into `edited`: changed fields only, keyed list items
 * by their key, other lists whole. Undefined when merging cannot express the change (an item
 * removed from a keyed list that does not become empty, a field removed); callers check the
 * round trip with applyVariant.
 */
export function overlayOf(base: unknown, edited: unknown): unknown {
  if (canonicalJson(base) === canonicalJson(edited)) return undefined;
  if (isPlain(base) && isPlain(edited)) {
    if (Object.keys(base).some((k) => base[k] !== undefined && edited[k] === undefined))
      throw new CannotOverlay();
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(edited)) {
      const o = Object.hasOwn(base, k) ? overlayOf(base[k], v) : v;
      if (o !== undefined) out[k] = o;
    }
    return out;
  }
  if (Array.isArray(base) && Array.isArray(edited) && edited.length > 0) {
    const key = keyOf(edited);
    if (key && keyOf(base) === key) {
      const a = base as Record<string, unknown>[];
      const b = edited as Record<string, unknown>[];
      if (a.some((x) => !b.some((y) => y[key] === x[key]))) throw new CannotOverlay();
      return b.flatMap((y) => {
        const x = a.find((i) => i[key] === y[key]);
        const o = x ? overlayOf(x, y) : y;
        return o === undefined ? [] : [{ ...(o as object), [key]: y[key] }];
      });
    }
  }
  return structuredClone(edited);
}

/** Thrown by overlayOf for a change an overlay cannot make. */
export class CannotOverlay extends Error {
  constructor() {
    super('this change removes a field or a list item, which an overlay cannot express');
  }
}
