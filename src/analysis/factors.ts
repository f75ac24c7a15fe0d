/**
 * Factors for sensitivity analysis and sweeps: a path into the scenario with a low and a high
 * value. Every input the scenario gives as a distribution is a factor over its range (a uniform or
 * triangular input over [low, high]; a normal input over mean ± 2 sd, clipped to what the field
 * allows); more factors may be named explicitly. Pure.
 */
import {
  isReservedSegment,
  validateScenario,
  type InputIssue,
  type Result,
  type Scenario,
} from '../model/index.ts';
import { isPlain, pathIssue, setPath, type Plain } from './overlay.ts';

export interface Factor {
  /** dotted path, list items by id or patron (overlay.ts) */
  path: string;
  low: number;
  high: number;
  /** the value used when the factor is not being varied, if it has one */
  base?: number;
  /** a readable name */
  label: string;
}

/** `{low, high}`, `{low, mode, high}` or `{mean, sd}` → [low, high, central]. */
function rangeOf(v: Plain): [number, number, number] | undefined {
  const num = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
  const keys = Object.keys(v).sort().join(',');
  if (keys === 'high,low' && num(v.low) && num(v.high))
    return [v.low, v.high, (v.low + v.high) / 2];
  if (keys === 'high,low,mode' && num(v.low) && num(v.high) && num(v.mode))
    return [v.low, v.high, v.mode];
  if (keys === 'mean,sd' && num(v.mean) && num(v.sd))
    return [v.mean - 2 * v.sd, v.mean + 2 * v.sd, v.mean];
  return undefined;
}

/** Every input of the scenario given as a distribution, as a factor over its range. */
export function distributionFactors(scenario: Scenario): Factor[] {
  const out: Factor[] = [];
  const walk = (v: unknown, path: string[]) => {
    if (Array.isArray(v)) {
      v.forEach((item, k) => {
        // items by id; support lines by patron; anything else (interventions) by index
        // a reserved id (`constructor`) cannot be a path segment: such an item goes by its index
        const key = isPlain(item)
          ? typeof item.id === 'string' && !isReservedSegment(item.id)
            ? item.id
            : typeof item.patron === 'string' &&
                path.at(-1) === 'support' &&
                !isReservedSegment(item.patron)
              ? item.patron
              : String(k)
          : String(k);
        walk(item, [...path, key]);
      });
      return;
    }
    if (!isPlain(v)) return;
    const r = rangeOf(v);
    if (r && path.length > 0) {
      if (r[1] > r[0])
        out.push({
          path: path.join('.'),
          low: r[0],
          high: r[1],
          base: r[2],
          label: path.join('.').replace(/^parties\./, ''),
        });
      return;
    }
    for (const [k, x] of Object.entries(v)) if (k !== 'variants') walk(x, [...path, k]);
  };
  walk(scenario, []);
  return out;
}

/** `path=low:high` (a range factor). */
export function parseFactor(text: string): Result<Factor> {
  const m = /^([^=]+)=(-?[\d.eE+-]+):(-?[\d.eE+-]+)$/.exec(text.trim());
  if (
    !m ||
    !Number.isFinite(Number(m[2])) ||
    !Number.isFinite(Number(m[3])) ||
    Number(m[2]) > Number(m[3])
  )
    return {
      ok: false,
      issues: [
        {
          code: 'invalid_factor',
          path: [],
          message: `expected path=low:high with low <= high, found "${text}"`,
        },
      ],
    };
  const bad = pathIssue(m[1].trim());
  if (bad) return { ok: false, issues: [bad] };
  return {
    ok: true,
    value: { path: m[1].trim(), low: Number(m[2]), high: Number(m[3]), label: m[1].trim() },
  };
}

/**
 * The scenario with each (path, value) set, validated again; problems name the assignment.
 * Normal inputs clipped at the field's bounds are reported as issues by the schema, so values
 * outside what a field allows are clamped to its range first by the caller when wanted.
 */
export function withValues(
  scenario: Scenario,
  values: readonly { path: string; value: unknown }[],
): Result<Scenario> {
  const { variants: _drop, ...plain } = scenario;
  let doc: unknown = plain;
  const issues: InputIssue[] = [];
  for (const { path, value } of values) {
    const r = setPath(doc, path, value);
    if (r.ok) doc = r.value;
    else issues.push({ code: 'invalid_path', path: [path], message: `${path}: ${r.message}` });
  }
  if (issues.length > 0) return { ok: false, issues };
  const checked = validateScenario(doc);
  if (!checked.ok)
    return {
      ok: false,
      issues: checked.issues.map((i) => ({
        ...i,
        message: `with ${values.map((v) => `${v.path}=${JSON.stringify(v.value)}`).join(', ')}: ${i.message}`,
      })),
    };
  return checked;
}
