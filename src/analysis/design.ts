/**
 * Sweep designs: a full grid over listed values, or N random points over ranges from a seeded
 * generator. Each cell is a set of (path, value) assignments with a stable key, so an interrupted
 * sweep can skip the cells it already finished. Pure.
 */
import type { InputIssue, Result } from '../model/index.ts';
import type { Uniform } from './compare.ts';
import { parseFactor, type Factor } from './factors.ts';
import type { Assignment } from './points.ts';
import { pathIssue } from './overlay.ts';

export interface Cell {
  index: number;
  /** stable identity of the cell: its assignments in canonical form */
  key: string;
  values: Assignment[];
}

export interface GridParam {
  path: string;
  values: number[];
}

/** `path=v1,v2,...` */
export function parseGridParam(text: string): Result<GridParam> {
  const m = /^([^=]+)=(.+)$/.exec(text.trim());
  const values = m ? m[2].split(',').map((v) => Number(v.trim())) : [];
  if (!m || values.length === 0 || values.some((v) => !Number.isFinite(v)))
    return {
      ok: false,
      issues: [
        {
          code: 'invalid_param',
          path: [],
          message: `expected path=v1,v2,... with numbers, found "${text}"`,
        },
      ],
    };
  const bad = pathIssue(m[1].trim());
  if (bad) return { ok: false, issues: [bad] };
  return { ok: true, value: { path: m[1].trim(), values } };
}

export const cellKey = (values: readonly Assignment[]): string =>
  values.map((v) => `${v.path}=${v.value}`).join('&');

/** The full grid (cartesian product), first parameter varying slowest. */
export function gridDesign(params: readonly GridParam[]): Cell[] {
  let rows: Assignment[][] = [[]];
  for (const p of params)
    rows = rows.flatMap((row) => p.values.map((value) => [...row, { path: p.path, value }]));
  return rows.map((values, index) => ({ index, key: cellKey(values), values }));
}

/** N points drawn uniformly over each factor's range (rounded to 6 significant digits). */
export function randomDesign(factors: readonly Factor[], n: number, rng: Uniform): Cell[] {
  const cells: Cell[] = [];
  for (let index = 0; index < n; index++) {
    const values = factors.map((f) => ({
      path: f.path,
      value: Number((f.low + rng() * (f.high - f.low)).toPrecision(6)),
    }));
    cells.push({ index, key: `${index}:${cellKey(values)}`, values });
  }
  return cells;
}

/** Parses `--param` texts: all `path=v1,v2` (grid) or all `path=low:high` (random). */
export function parseDesignParams(
  texts: readonly string[],
  random: boolean,
): Result<{ grid: GridParam[]; factors: Factor[] }> {
  const grid: GridParam[] = [];
  const factors: Factor[] = [];
  const issues: InputIssue[] = [];
  for (const t of texts) {
    if (random) {
      const r = parseFactor(t);
      if (r.ok) factors.push(r.value);
      else issues.push(...r.issues);
    } else {
      const r = parseGridParam(t);
      if (r.ok) grid.push(r.value);
      else issues.push(...r.issues);
    }
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, value: { grid, factors } };
}
