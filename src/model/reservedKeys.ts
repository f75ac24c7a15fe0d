/**
 * Names that reach an object's prototype when a user-chosen string indexes a plain object:
 * `__proto__` (the prototype itself), `constructor` and `prototype` (the class and its
 * prototype). A path a user names (sweep parameters, sensitivity factors, what-if levers) may not
 * use them as a segment, and no document may carry a `__proto__` key: some parsers keep it as an
 * own property, others silently drop it, and a walk that follows it writes to Object.prototype
 * for every later request. Ids may still be `constructor`; every id-keyed lookup uses own
 * properties or a Map, and paths name such an item by its index.
 */
import type { InputIssue } from './issues.ts';

export const RESERVED_SEGMENTS: ReadonlySet<string> = new Set([
  '__proto__',
  'prototype',
  'constructor',
]);

export const isReservedSegment = (seg: string): boolean => RESERVED_SEGMENTS.has(seg);

/** The message for a path that uses a reserved segment (one wording everywhere). */
export function reservedSegmentMessage(seg: string): string {
  return (
    `"${seg}" cannot be used in a path (it would reach every object's prototype); ` +
    'name a list item by its index instead, e.g. parties.0'
  );
}

/**
 * Issues for every own `__proto__` key at any depth of an already-parsed document (iterative:
 * documents are bounded in depth before this runs, but a stack keeps it safe regardless).
 */
export function protoKeyIssues(data: unknown, prefix: (string | number)[] = []): InputIssue[] {
  const issues: InputIssue[] = [];
  const stack: { value: unknown; path: (string | number)[] }[] = [{ value: data, path: prefix }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (Array.isArray(value)) {
      value.forEach((v, i) => stack.push({ value: v, path: [...path, i] }));
      continue;
    }
    if (Object.hasOwn(value, '__proto__'))
      issues.push({
        code: 'reserved_key',
        path: [...path, '__proto__'],
        message: '"__proto__" is not allowed as a field name or id',
      });
    for (const [k, v] of Object.entries(value)) stack.push({ value: v, path: [...path, k] });
  }
  return issues;
}
