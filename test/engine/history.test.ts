// Sanity against history: the generic two-party interstate war with default parameters should
// last about as long as the COW inter-state wars (median a few months, a long right tail).
// Calibration proper is a later issue; these are wide bands.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { run } from './fixtures.ts';

const COW = resolve(
  import.meta.dirname,
  '../../../shared/data/cow-wars/cow_interstate_war_level_summary_DERIVED.csv',
);
const HAVE = existsSync(COW);
if (!HAVE)
  console.warn(`history sanity skipped: ${COW} not found (shared datasets are not committed)`);

const quantile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];

describe.skipIf(!HAVE)('sanity against COW inter-state wars 1816–2007', () => {
  it('default generic war: median between 1 and 24 months, long right tail, within the COW range', () => {
    const lines = readFileSync(COW, 'utf8').trim().split('\n');
    const header = lines[0].split(',');
    const col = header.indexOf('duration_days');
    const months = lines
      .slice(1)
      .map((l) => Number(l.split(',')[col]))
      .filter((d) => Number.isFinite(d) && d >= 0)
      .map((d) => d / 30.44)
      .sort((x, y) => x - y);
    const qs = [0.1, 0.25, 0.5, 0.75, 0.9];
    const cow = qs.map((p) => quantile(months, p));
    const r = run({ settings: { runs: 4000, horizonMonths: 120, seed: 1 } });
    const q = r.duration.quantiles;
    const sim = [q.p10!, q.p25!, q.p50!, q.p75!, q.p90!];
    console.log(
      `COW inter-state war durations (n=${months.length}), months p10/p25/p50/p75/p90: ${cow.map((x) => x.toFixed(1)).join(' / ')}`,
    );
    console.log(`simulated generic war (4000 runs), months:               ${sim.join(' / ')}`);
    expect(q.p50!).toBeGreaterThanOrEqual(1);
    expect(q.p50!).toBeLessThanOrEqual(24);
    expect(q.p90! / q.p50!).toBeGreaterThanOrEqual(2);
    // the simulated median lies within the COW inter-quartile range
    expect(q.p50!).toBeGreaterThanOrEqual(cow[1]);
    expect(q.p50!).toBeLessThanOrEqual(cow[3]);
  });
});
