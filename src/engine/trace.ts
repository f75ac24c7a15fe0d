/**
 * Traces: the month-by-month story of a few runs (runs 0 … n−1 of the seed), for reading what the
 * aggregates average away. Recorded at the same point of the month as the diagnostics (after
 * the posture choice). Runs are identified by their global index, so the same runs are traced
 * whatever the split of work.
 */
import { z } from 'zod';
import { CHANNEL_NAMES, OUTCOME_NAMES, type State } from './state.ts';

const pair = z.tuple([z.number(), z.number()]);

export const RunTraceSchema = z.object({
  run: z.number().int(),
  outcome: z.enum(OUTCOME_NAMES),
  endMonth: z.number().int().nullable(),
  terms: z.number().nullable().describe("side A's share if settled"),
  months: z.array(
    z.object({
      month: z.number().int(),
      front: z.number().int(),
      talks: z.enum(CHANNEL_NAMES),
      posture: z.tuple([z.enum(CHANNEL_NAMES), z.enum(CHANNEL_NAMES)]),
      escalating: z.tuple([z.boolean(), z.boolean()]),
      beliefEnemyStrong: pair,
      pWin: pair,
      support: pair,
      aid: pair,
      readiness: pair,
      conversationCost: pair,
    }),
  ),
});
export type RunTrace = z.infer<typeof RunTraceSchema>;

const r3 = (x: number) => Math.round(x * 1000) / 1000;

/** Appends month t of the traced runs that are still at war. */
export function recordTraces(s: State, traces: RunTrace[]): void {
  for (let a = 0; a < s.nActive; a++) {
    const r = s.active[a];
    const run = s.firstRun + r;
    if (run >= traces.length) continue;
    const iA = 2 * r,
      iB = iA + 1;
    traces[run].months.push({
      month: s.t,
      front: s.front[r],
      talks: CHANNEL_NAMES[s.talks[r]],
      posture: [CHANNEL_NAMES[s.posture[iA]], CHANNEL_NAMES[s.posture[iB]]],
      escalating: [s.effort[iA] === 1, s.effort[iB] === 1],
      beliefEnemyStrong: [r3(s.belief[iA]), r3(s.belief[iB])],
      pWin: [r3(s.pWin[iA]), r3(s.pWin[iB])],
      support: [r3(s.support[iA]), r3(s.support[iB])],
      aid: [r3(s.aid[iA]), r3(s.aid[iB])],
      readiness: [r3(s.readiness[iA]), r3(s.readiness[iB])],
      conversationCost: [r3(s.conversationCost[iA]), r3(s.conversationCost[iB])],
    });
  }
}

/** Fills the end state of the traced runs of this block. */
export function finishTraces(s: State, traces: RunTrace[]): void {
  for (let r = 0; r < s.n; r++) {
    const run = s.firstRun + r;
    if (run >= traces.length) continue;
    const t = traces[run];
    t.outcome = OUTCOME_NAMES[s.outcome[r]];
    t.endMonth = s.endMonth[r] >= 0 ? s.endMonth[r] : null;
    t.terms = Number.isNaN(s.terms[r]) ? null : r3(s.terms[r]);
  }
}

export function emptyTraces(n: number): RunTrace[] {
  return Array.from({ length: n }, (_, run) => ({
    run,
    outcome: 'ongoing' as const,
    endMonth: null,
    terms: null,
    months: [],
  }));
}
