/**
 * Variants of a scenario (interventions to compare): the scenario's own inline `variants` and
 * overlays given separately (e.g. from files), each deep-merged into the scenario (overlay.ts)
 * and validated again with ScenarioSchema, so a mistake names the variant and the field.
 * Every variant keeps the baseline's seed, runs and horizon: common random numbers.
 */
import {
  boundIssues,
  protoKeyIssues,
  validateScenario,
  VariantSchema,
  type InputIssue,
  type Result,
  type Scenario,
  type Variant,
} from '../model/index.ts';
import { mergeOverlay, isPlain } from './overlay.ts';

/** A variant ready to run: the merged, validated scenario. */
export interface PreparedVariant {
  id: string;
  name: string;
  description?: string;
  scenario: Scenario;
}

export const BASELINE_ID = 'baseline';

/** Settings every variant shares with the baseline (so runs pair up). */
const SHARED_SETTINGS = ['runs', 'seed', 'horizonMonths'] as const;

/** Applies one variant's overlay to the scenario and validates the result. */
export function applyVariant(base: Scenario, variant: Variant): Result<Scenario> {
  const { variants: _drop, ...plain } = base;
  const merged = mergeOverlay(plain, variant.overlay);
  if (!isPlain(merged))
    return fail(variant, [{ code: 'invalid_type', path: [], message: 'not an object' }]);
  delete merged.variants;
  const settings = isPlain(merged.settings) ? merged.settings : {};
  for (const k of SHARED_SETTINGS) settings[k] = base.settings[k];
  merged.settings = settings;
  const checked = validateScenario(merged);
  if (!checked.ok) return fail(variant, checked.issues);
  return checked;
}

function fail(variant: Variant, issues: InputIssue[]): Result<Scenario> {
  return {
    ok: false,
    issues: issues.map((i) => ({
      ...i,
      path: ['variants', variant.id, 'overlay', ...i.path],
      message: `variant "${variant.id}" (${variant.name}): ${i.message}`,
    })),
  };
}

/**
 * The baseline followed by every variant (inline ones first, then `extra`), each validated;
 * all problems of all variants are reported at once. Variant ids must be unique.
 */
export function prepareVariants(
  base: Scenario,
  extra: readonly Variant[] = [],
): Result<PreparedVariant[]> {
  const all = [...(base.variants ?? []), ...extra];
  const issues: InputIssue[] = [];
  const seen = new Set<string>([BASELINE_ID]);
  const { variants: _drop, ...baseline } = base;
  const out: PreparedVariant[] = [
    { id: BASELINE_ID, name: 'Baseline (the scenario as written)', scenario: baseline },
  ];
  for (const v of all) {
    if (seen.has(v.id)) {
      issues.push({
        code: 'duplicate_id',
        path: ['variants', v.id],
        message: `variant id "${v.id}" is used twice (or is the reserved id "${BASELINE_ID}")`,
      });
      continue;
    }
    seen.add(v.id);
    const r = applyVariant(base, v);
    if (r.ok) out.push({ id: v.id, name: v.name, description: v.description, scenario: r.value });
    else issues.push(...r.issues);
  }
  return issues.length > 0 ? { ok: false, issues: boundIssues(issues) } : { ok: true, value: out };
}

/**
 * An overlay document given on its own (a file): either one variant `{id, name, overlay}`, a
 * list of them, or `{variants: [...]}`; `fallbackId` names a bare overlay (a plain object of fields).
 */
export function parseVariantDocument(doc: unknown, fallbackId: string): Result<Variant[]> {
  const list: unknown[] = Array.isArray(doc)
    ? doc
    : isPlain(doc) && Array.isArray(doc.variants)
      ? doc.variants
      : isPlain(doc) && Object.hasOwn(doc, 'overlay')
        ? [doc]
        : isPlain(doc)
          ? [{ id: fallbackId, name: fallbackId, overlay: doc }]
          : [];
  if (list.length === 0)
    return {
      ok: false,
      issues: [
        {
          code: 'invalid_type',
          path: [],
          message: 'expected a variant, a list of variants or an overlay object',
        },
      ],
    };
  const issues: InputIssue[] = [];
  const out: Variant[] = [];
  list.forEach((item, k) => {
    // zod drops a `__proto__` key silently; the overlay would not do what the file says
    const reserved = protoKeyIssues(item, [k]);
    if (reserved.length > 0) return issues.push(...reserved);
    const r = VariantSchema.safeParse(item);
    if (r.success) out.push(r.data);
    else
      for (const i of r.error.issues)
        issues.push({
          code: i.code,
          path: [k, ...i.path.map((p) => (typeof p === 'number' ? p : String(p)))],
          message: i.message,
        });
  });
  return issues.length > 0 ? { ok: false, issues: boundIssues(issues) } : { ok: true, value: out };
}
