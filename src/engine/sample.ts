/**
 * Drawing one value per run from an uncertain scenario input (see model/uncertain.ts):
 * uniform, triangular (inverse CDF), or normal truncated to the field's bounds (rejection,
 * then clamping after 16 tries). Always consumes the same number of draws per kind, so runs stay
 * aligned across variants (common random numbers).
 */
import type { Uncertain } from '../model/index.ts';
import type { Rng } from './rng.ts';
import { Stream } from './rng.ts';

export function sampleUncertain(
  rng: Rng,
  run: number,
  u: Uncertain,
  min = -Infinity,
  max = Infinity,
): number {
  if (typeof u === 'number') return u;
  if ('mean' in u) {
    if (u.sd === 0) return u.mean;
    for (let tries = 0; tries < 16; tries++) {
      const v = u.mean + u.sd * rng.normal(run, Stream.sample);
      if (v >= min && v <= max) return v;
    }
    return Math.min(max, Math.max(min, u.mean));
  }
  const x = rng.next(run, Stream.sample);
  if ('mode' in u) {
    const { low, mode, high } = u;
    if (high === low) return low;
    const f = (mode - low) / (high - low);
    return x < f
      ? low + Math.sqrt(x * (high - low) * (mode - low))
      : high - Math.sqrt((1 - x) * (high - low) * (high - mode));
  }
  return u.low + x * (u.high - u.low);
}
