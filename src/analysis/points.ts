/**
 * Scenarios at points of a design: factor values set into the scenario and validated again.
 * Fractional values of whole-number fields (months, positions) are rounded; values outside what a
 * field allows are clamped to its bounds, so a normal input's mean ± 2 sd stays legal. Pure.
 */
import type { z } from 'zod';
import { ScenarioSchema, type Result, type Scenario } from '../model/index.ts';
import { withValues, type Factor } from './factors.ts';
import { getPath, setPath } from './overlay.ts';

export type Assignment = { path: string; value: number };

/**
 * Sets the values; fixes what the schema says about whole numbers and bounds once (rounding or
 * clamping the offending values), then validates for real.
 */
export function scenarioWith(scenario: Scenario, values: readonly Assignment[]): Result<Scenario> {
  const first = withValues(scenario, values);
  if (first.ok) return first;
  const { variants: _drop, ...plain } = scenario;
  let doc: unknown = plain;
  for (const v of values) {
    const r = setPath(doc, v.path, v.value);
    if (r.ok) doc = r.value;
  }
  const parsed = ScenarioSchema.safeParse(doc);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fixed = values.map((v) => ({ ...v }));
  const targets = fixed.map((v) => markedPath(doc, v.path));
  for (const issue of flatten(parsed.error.issues, [])) {
    const p = issue.path.map(String).join('.');
    fixed.forEach((v, k) => {
      if (targets[k] !== p) return;
      if (issue.code === 'too_small' && typeof issue.minimum === 'number') v.value = issue.minimum;
      else if (issue.code === 'too_big' && typeof issue.maximum === 'number')
        v.value = issue.maximum;
    });
  }
  return withValues(
    scenario,
    fixed.map((v) => ({ ...v, value: roundIfInt(scenario, v) })),
  );
}

type ZodIssue = z.core.$ZodIssue;

/** Union failures carry their branches' issues; bring them up with full paths. */
function flatten(issues: readonly ZodIssue[], prefix: PropertyKey[]): ZodIssue[] {
  return issues.flatMap((i) =>
    i.code === 'invalid_union'
      ? i.errors.flatMap((branch) => flatten(branch, [...prefix, ...i.path]))
      : [{ ...i, path: [...prefix, ...i.path] }],
  );
}

function roundIfInt(scenario: Scenario, v: Assignment): number {
  const before = getPath(scenario, v.path);
  return typeof before === 'number' && Number.isInteger(before) && !Number.isInteger(v.value)
    ? Math.round(v.value)
    : v.value;
}

/** The index path (as zod reports it) of the node an id-based path names. */
function markedPath(doc: unknown, path: string): string {
  const marker = { marker: true };
  const r = setPath(doc, path, marker);
  return r.ok ? find(r.value, marker, []) : '';
}

function find(doc: unknown, marker: object, prefix: string[]): string {
  if (doc === marker) return prefix.join('.');
  if (typeof doc === 'object' && doc !== null)
    for (const [k, x] of Object.entries(doc)) {
      const p = find(x, marker, [...prefix, k]);
      if (p) return p;
    }
  return '';
}

/** Value of a factor at x ∈ [0, 1] of its range. */
export const valueAt = (f: Factor, x: number): number => f.low + x * (f.high - f.low);
