/** Synthetic historical cases for the calibration and back-test unit tests (no data files needed). */
import type { HistoricalCase } from './historicalCases.ts';

export function syntheticCase(i: number, over: Partial<HistoricalCase> = {}): HistoricalCase {
  return {
    id: `case-${i}`,
    source: 'cow-interstate',
    name: `Case ${i}`,
    kind: 'interstate',
    startYear: 1850 + 10 * i,
    months: (i * 7) % 23,
    ended: true,
    ending: i % 3 === 0 ? 'agreement' : 'victory',
    onset: {
      statesA: 1 + (i % 2),
      statesB: 1,
      majorsA: i % 2,
      majorsB: 0,
      postWar: i > 9 ? 1 : 0,
      incompatibility: 0,
      intensity: 2,
    },
    ...over,
  };
}
