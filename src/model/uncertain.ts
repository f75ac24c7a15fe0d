/**
 * Uncertain inputs: any scenario number that is not known exactly may be given as a point value
 * or as a distribution, and the engine samples one value per Monte Carlo run.
 *
 *   0.4                           a point value
 *   { low: 0.3, high: 0.5 }       uniform between low and high
 *   { low: 0.3, mode: 0.35, high: 0.5 }   triangular
 *   { mean: 0.4, sd: 0.05 }       normal, truncated to the field's bounds
 *
 * Design choice (Parley): these four cover what analysts can state; anything richer belongs in a sweep.
 */
import { z } from 'zod';

export interface UncertainSpec {
  /** Smallest allowed value (inclusive). */
  min: number;
  /** Largest allowed value (inclusive). */
  max: number;
  default: number;
  /** Unit and meaning, shown in JSON Schema and in `parley schema`. */
  describe: string;
  /** Whole numbers only (e.g. months). */
  int?: boolean;
}

export type Uncertain =
  | number
  | { low: number; high: number }
  | { low: number; mode: number; high: number }
  | { mean: number; sd: number };

const within = (spec: UncertainSpec) => {
  let n = z.number().min(spec.min).max(spec.max);
  if (spec.int) n = n.int();
  return n;
};

/** A zod schema for a number that may be uncertain, with bounds checked on every part. */
export function uncertain(spec: UncertainSpec) {
  const bound = within(spec);
  const point = bound;
  const uniform = z
    .object({ low: bound, high: bound })
    .strict()
    .refine((r) => r.low <= r.high, {
      message: 'range has low > high',
      path: ['low'],
      params: { reason: 'low_above_high' },
    });
  const triangular = z
    .object({ low: bound, mode: bound, high: bound })
    .strict()
    .refine((r) => r.low <= r.mode && r.mode <= r.high, {
      message: 'triangular needs low <= mode <= high',
      path: ['mode'],
      params: { reason: 'mode_out_of_range' },
    });
  const normal = z
    .object({
      mean: bound,
      sd: z
        .number()
        .min(0)
        .max(spec.max - spec.min),
    })
    .strict();
  return z
    .union([point, triangular, uniform, normal], {
      error: 'expected a number, or a distribution {low, high}, {low, mode, high} or {mean, sd}',
    })
    .default(spec.default)
    .describe(
      `${spec.describe}. Range ${spec.min}..${spec.max}; default ${spec.default}. ` +
        'A number, or {low, high}, {low, mode, high}, or {mean, sd}.',
    );
}

/** The central value of an uncertain input (used for summaries and explanations). */
export function centralValue(u: Uncertain): number {
  if (typeof u === 'number') return u;
  if ('mean' in u) return u.mean;
  if ('mode' in u) return u.mode;
  return (u.low + u.high) / 2;
}

/** Whether an input was given as a distribution rather than a point. */
export const isUncertain = (u: Uncertain): boolean => typeof u !== 'number';
