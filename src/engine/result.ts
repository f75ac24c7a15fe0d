/**
 * RunResult: what a simulation returns, described by a zod schema (for the API, the store and
 * reports), computed from a merged Aggregate. Probabilities are shares of all runs; per-month
 * diagnostics are means over the runs still at war that month.
 */
import { z } from 'zod';
import { SkillSchema, type Skill } from '../model/index.ts';
import {
  type Aggregate,
  CASUALTY_BINS,
  CONDITIONS,
  DIAG_WIDTH,
  ENDING_CLASSES,
  EXPLAIN_NUMBERS,
  EXPLAIN_WIDTH,
  FAN_BINS,
  FAN_SERIES,
  FIXED,
  GLOBAL_SERIES,
  PARTY_SERIES,
  PRIMARY,
  TERMS_BINS,
} from './aggregate.ts';
import { OUTCOME_NAMES } from './state.ts';
import { RunTraceSchema } from './trace.ts';

/**
 * Version of the engine and of the distributed wire format: a worker on another version refuses
 * a chunk. 0.2.0: chunk results name the simulated horizon `horizonMonths` (was `horizon`).
 * 0.3.0: the `faded` ending. 0.4.0: defaults recalibrated (17 knobs: the civil-war ceasefire
 * factor, the decisive spread) and the contact outbreak hazard: the same seed gives other numbers.
 * 0.5.0: the contact anchor by war type and era, contact defaults refitted on wars before 2000
 * with matched channel weights, and the duration calibration refitted with them.
 */
export const ENGINE_VERSION = '0.5.0';

const series = z.array(z.number());
const quantiles = z.object({
  p10: z.number().nullable(),
  p25: z.number().nullable(),
  p50: z.number().nullable(),
  p75: z.number().nullable(),
  p90: z.number().nullable(),
});

export const RunResultSchema = z.object({
  meta: z.object({
    scenarioId: z.string(),
    scenarioName: z.string(),
    scenarioHash: z
      .string()
      .describe(
        'SHA-256 of the canonical JSON of the scenario alone, without its run settings (runs, seed, horizonMonths, explainMonth)',
      ),
    settingsHash: z
      .string()
      .optional()
      .describe(
        'SHA-256 of the run settings alone (runs, seed, horizonMonths, explainMonth); absent in results stored before it was added',
      ),
    seed: z.number().int(),
    runs: z.number().int(),
    horizonMonths: z.number().int(),
    engineVersion: z.string(),
    parties: z.array(z.object({ id: z.string(), name: z.string(), side: z.enum(['A', 'B']) })),
    diagnostics: z
      .literal(false)
      .optional()
      .describe(
        'false: simulated without diagnostics (an outcomes-only answer); diagnostics, fans and the explanation are zeros',
      ),
    skill: SkillSchema.optional().describe(
      'what the back-test measured for this class of war: coverage of the 80 % intervals and skill against the best baseline',
    ),
  }),
  outcomes: z
    .record(z.enum(OUTCOME_NAMES), series)
    .describe('cumulative incidence by month (index = month); ongoing = still fighting'),
  talks: z
    .record(z.enum(['any', 'secret', 'mediated', 'public']), series)
    .describe('cumulative share of runs in which talks had opened, by channel'),
  duration: z
    .object({ quantiles, endedShare: z.number(), restrictedMeanMonths: z.number() })
    .describe('months until the war ended (censored at the horizon)'),
  terms: z
    .object({ settlements: z.number().int(), quantiles, histogram: series })
    .describe("side A's share of the stake in negotiated settlements"),
  casualties: z
    .object({ quantiles })
    .describe('total battle deaths, both sides, until the end or the horizon'),
  durability: z
    .object({
      followUpMonths: z.number().int(),
      survival: z.record(z.enum([...ENDING_CLASSES, 'all']), series),
      relapseWithin: z.record(
        z.enum([...ENDING_CLASSES, 'all']),
        z.record(z.enum(['12', '24', '60', '120']), z.number().nullable()),
      ),
      ended: z.record(z.enum(ENDING_CLASSES), z.number().int()),
    })
    .describe('share of ended wars still at peace, by months since the end'),
  diagnostics: z.object({
    atWar: series,
    global: z.record(z.enum(GLOBAL_SERIES), series),
    parties: z.array(z.record(z.enum(PARTY_SERIES), series)),
    fans: z.record(z.string(), z.object({ p10: series, p50: series, p90: series })),
  }),
  explanation: z.object({
    month: z.number().int(),
    parties: z.array(
      z.object({
        party: z.string(),
        runsAtWar: z.number().int(),
        conditions: z.record(z.enum(CONDITIONS), z.number()),
        primary: z.record(z.enum(PRIMARY), z.number()),
        means: z.record(z.enum(EXPLAIN_NUMBERS), z.number()),
        text: z.array(z.string()),
      }),
    ),
    contact: z
      .object({
        runsWithoutTalks: z.number().describe('share of runs at war with no talks under way'),
        chance: z.number().describe('mean chance of exploratory contact this month, among them'),
        anchor: z.number().describe("the same at history's pace alone (the Weibull anchor)"),
        openness: z
          .number()
          .optional()
          .describe(
            'mean openness of those runs (contact frailty, 1 = a typical war; below 1 when months without contact say the war is less open)',
          ),
        text: z.array(z.string()),
      })
      .optional()
      .describe('what stands between the sides and contact (contact needs no deal)'),
  }),
  leaks: z.object({
    secretTalkMonths: z.number(),
    leaks: z.number(),
    monthlyRate: z.number().nullable(),
  }),
  partyMonths: z.number().describe('live party-months simulated'),
  traces: z
    .array(RunTraceSchema)
    .optional()
    .describe('month-by-month traces of the first runs, on request'),
});
export type RunResult = z.infer<typeof RunResultSchema>;

/**
 * The "faded" series of a result; zeros for a result stored by engine 0.2.0 or earlier, which
 * had no such ending (stored results are served as they were written).
 */
export function fadedSeries(r: Pick<RunResult, 'outcomes'>): number[] {
  const o = r.outcomes as Partial<RunResult['outcomes']>;
  return o.faded ?? r.outcomes.ongoing.map(() => 0);
}

export interface ResultMeta {
  scenarioId: string;
  scenarioName: string;
  scenarioHash: string;
  settingsHash: string;
  seed: number;
  parties: { id: string; name: string; side: 'A' | 'B' }[];
  explainMonth: number;
  skill?: Skill;
}

export function summarise(agg: Aggregate, meta: ResultMeta): RunResult {
  const H = agg.horizonMonths,
    N = agg.runs;
  const cumulative = (counts: Float64Array, offset: number) => {
    const out: number[] = new Array<number>(H);
    let c = 0;
    for (let t = 0; t < H; t++) {
      c += counts[offset + t];
      out[t] = round(c / N);
    }
    return out;
  };
  const outcomes = {} as Record<(typeof OUTCOME_NAMES)[number], number[]>;
  const ended = new Float64Array(H);
  OUTCOME_NAMES.forEach((name, o) => {
    if (o === 0) return;
    outcomes[name] = cumulative(agg.outcomeByMonth, o * H);
    for (let t = 0; t < H; t++) ended[t] += agg.outcomeByMonth[o * H + t];
  });
  outcomes.ongoing = cumulative(ended, 0).map((x) => round(1 - x));
  const talks = {
    any: cumulative(agg.talksByMonth, 0),
    secret: cumulative(agg.talksByMonth, H),
    mediated: cumulative(agg.talksByMonth, 2 * H),
    public: cumulative(agg.talksByMonth, 3 * H),
  };
  // duration: months to the end (ended in month t → t + 1 months), censored at H
  const durationCounts = new Float64Array(H + 1);
  for (let t = 0; t < H; t++) durationCounts[t + 1] = ended[t];
  const endedTotal = ended.reduce((x, y) => x + y, 0);
  durationCounts[H] += N - endedTotal; // still fighting: at least H months
  let restricted = 0;
  for (let m = 0; m <= H; m++) restricted += m * durationCounts[m];
  const termsCount = agg.terms.reduce((x, y) => x + y, 0);
  const F = agg.followUp;
  const survival = {} as Record<(typeof ENDING_CLASSES)[number] | 'all', number[]>;
  const relapseWithin = {} as Record<string, Record<'12' | '24' | '60' | '120', number | null>>;
  const allRelapse = new Float64Array(F + 1);
  let allEnded = 0;
  ENDING_CLASSES.forEach((name, cls) => {
    const n = agg.endedByClass[cls];
    allEnded += n;
    const counts = agg.relapse.subarray(cls * (F + 1), (cls + 1) * (F + 1));
    for (let m = 0; m <= F; m++) allRelapse[m] += counts[m];
    survival[name] = survivalCurve(counts, n);
    relapseWithin[name] = within(survival[name]);
  });
  survival.all = survivalCurve(allRelapse, allEnded);
  relapseWithin.all = within(survival.all);
  const atWar = Array.from(agg.atWar);
  const mean = (col: number, isCount: boolean) =>
    atWar.map((n, t) =>
      n > 0 ? round(agg.diag[t * DIAG_WIDTH + col] / n / (isCount ? 1 : FIXED)) : 0,
    );
  const global = {} as Record<(typeof GLOBAL_SERIES)[number], number[]>;
  GLOBAL_SERIES.forEach((name, k) => (global[name] = mean(k, name === 'talksOpen')));
  const parties = [0, 1].map((p) => {
    const out = {} as Record<(typeof PARTY_SERIES)[number], number[]>;
    PARTY_SERIES.forEach((name, k) => {
      const isCount =
        name === 'commitmentBlocked' || name === 'escalating' || name.startsWith('posture');
      out[name] = mean(GLOBAL_SERIES.length + p * PARTY_SERIES.length + k, isCount);
    });
    return out;
  });
  const fans: Record<string, { p10: number[]; p50: number[]; p90: number[] }> = {};
  FAN_SERIES.forEach((f, k) => {
    const p10: number[] = [],
      p50: number[] = [],
      p90: number[] = [];
    for (let t = 0; t < H; t++) {
      const hist = agg.fans.subarray(
        (t * FAN_SERIES.length + k) * FAN_BINS,
        (t * FAN_SERIES.length + k + 1) * FAN_BINS,
      );
      p10.push(round(histQuantile(hist, 0.1, f.scale / FAN_BINS) ?? 0));
      p50.push(round(histQuantile(hist, 0.5, f.scale / FAN_BINS) ?? 0));
      p90.push(round(histQuantile(hist, 0.9, f.scale / FAN_BINS) ?? 0));
    }
    fans[f.name] = { p10, p50, p90 };
  });
  return {
    meta: {
      scenarioId: meta.scenarioId,
      scenarioName: meta.scenarioName,
      scenarioHash: meta.scenarioHash,
      settingsHash: meta.settingsHash,
      seed: meta.seed,
      runs: N,
      horizonMonths: H,
      engineVersion: ENGINE_VERSION,
      parties: meta.parties,
      ...(agg.diagnostics ? {} : { diagnostics: false as const }),
      ...(meta.skill ? { skill: meta.skill } : {}),
    },
    outcomes,
    talks,
    duration: {
      quantiles: countQuantiles(durationCounts, 1, 0),
      endedShare: round(endedTotal / N),
      restrictedMeanMonths: round(restricted / N),
    },
    terms: {
      settlements: termsCount,
      quantiles: countQuantiles(agg.terms, 1 / TERMS_BINS, 0.5 / TERMS_BINS),
      histogram: Array.from(agg.terms),
    },
    casualties: {
      quantiles: mapQ(countQuantiles(agg.casualties, 1, 0.5), (b) =>
        Math.round(10 ** (b / 20) - 1),
      ),
    },
    durability: {
      followUpMonths: F,
      survival,
      relapseWithin: relapseWithin,
      ended: {
        settlement: agg.endedByClass[0],
        ceasefire: agg.endedByClass[1],
        victory: agg.endedByClass[2],
      },
    },
    diagnostics: { atWar, global, parties, fans },
    explanation: explanation(agg, meta),
    leaks: {
      secretTalkMonths: agg.counters[0],
      leaks: agg.counters[1],
      monthlyRate: agg.counters[0] > 0 ? round(agg.counters[1] / agg.counters[0]) : null,
    },
    partyMonths: agg.counters[2],
  };
}

function explanation(agg: Aggregate, meta: ResultMeta): RunResult['explanation'] {
  const vo = 1 + CONDITIONS.length + PRIMARY.length;
  const at = (name: (typeof EXPLAIN_NUMBERS)[number]) =>
    agg.explain[vo + EXPLAIN_NUMBERS.indexOf(name)] / FIXED;
  const atWar = agg.explain[0];
  const noTalks = at('contactRuns');
  const contact =
    noTalks > 0
      ? {
          runsWithoutTalks: round(noTalks / atWar),
          chance: round(at('contactChance') / noTalks),
          anchor: round(at('contactAnchor') / noTalks),
          openness: round(at('contactOpenness') / noTalks),
        }
      : undefined;
  return {
    month: meta.explainMonth,
    ...(contact ? { contact: { ...contact, text: contactText(contact, meta.explainMonth) } } : {}),
    parties: meta.parties.map((party, p) => {
      const o = p * EXPLAIN_WIDTH;
      const n = agg.explain[o];
      const share = (k: number) => (n > 0 ? round(agg.explain[o + k] / n) : 0);
      const conditions = Object.fromEntries(CONDITIONS.map((c, k) => [c, share(1 + k)])) as Record<
        (typeof CONDITIONS)[number],
        number
      >;
      const primary = Object.fromEntries(
        PRIMARY.map((c, k) => [c, share(1 + CONDITIONS.length + k)]),
      ) as Record<(typeof PRIMARY)[number], number>;
      const vo = 1 + CONDITIONS.length + PRIMARY.length;
      const means = Object.fromEntries(
        EXPLAIN_NUMBERS.map((c, k) => [c, n > 0 ? round(agg.explain[o + vo + k] / n / FIXED) : 0]),
      ) as Record<(typeof EXPLAIN_NUMBERS)[number], number>;
      return {
        party: party.id,
        runsAtWar: n,
        conditions,
        primary,
        means,
        text: explainText(party.name, n, conditions, primary, means, meta.explainMonth),
      };
    }),
  };
}

function contactText(
  c: { runsWithoutTalks: number; chance: number; anchor: number; openness?: number },
  month: number,
): string[] {
  const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
  // the openness the months without contact reveal is told apart from the channels and utilities
  const openness = c.openness ?? 1;
  const closed = openness < 0.8;
  const ratio = c.anchor > 0 ? c.chance / c.anchor / (closed ? openness : 1) : 0;
  return [
    `Contact (talks about talks; no deal needed) at month ${month}: in the ${pct(c.runsWithoutTalks)} of runs at war without talks, a ${pct(c.chance)} chance of contact this month, against ${pct(c.anchor)} at history's pace for a war at this point.`,
    ...(closed
      ? [
          `The months this war has gone without contact say it is less open than most: its runs' openness averages ${openness.toFixed(2)} of a typical war's (wars long silent are the less open ones).`,
        ]
      : []),
    ratio < 0.8
      ? `The channels at hand and the more reluctant side's utility of talking (the costs of conversation against what talking promises) make contact ${ratio > 0 ? `${(1 / ratio).toFixed(1)} times` : 'far'} less likely than history's pace; a deal still needs a bargaining range (below).`
      : ratio > 1.25
        ? `The channels at hand (a mediator, a back channel) and the value of talking make contact ${ratio.toFixed(1)} times likelier than history's pace; a deal still needs a bargaining range (below).`
        : 'Contact runs close to history’s pace; a deal still needs a bargaining range (below).',
  ];
}

const PRIMARY_WORDS: Record<(typeof PRIMARY)[number], string> = {
  none: 'nothing: no obstacle to talking',
  adverseInference: 'adverse inference: the enemy would read an approach as weakness',
  enemyCapacity: "the enemy's capacity to escalate or prolong the war",
  audienceCost: 'the domestic cost of being seen to talk',
  noRange: 'no bargaining range in sight',
  commitment: 'a commitment problem: a coming shift in power makes any deal unsafe',
};

function explainText(
  name: string,
  n: number,
  conditions: Record<(typeof CONDITIONS)[number], number>,
  primary: Record<(typeof PRIMARY)[number], number>,
  m: Record<(typeof EXPLAIN_NUMBERS)[number], number>,
  month: number,
): string[] {
  if (n === 0) return [`${name}: the war had ended in every run by month ${month}.`];
  const ranked = (Object.keys(primary) as (typeof PRIMARY)[number][])
    .filter((k) => k !== 'none')
    .sort((a, b) => primary[b] - primary[a]);
  const top = ranked[0];
  const pct = (x: number) => `${Math.round(x * 100)}%`;
  const lines = [
    `${name} at month ${month}: no obstacle to talking in ${pct(primary.none)} of runs still at war.`,
    primary[top] > 0
      ? `Main obstacle (${pct(primary[top])} of runs): ${PRIMARY_WORDS[top]}.`
      : 'No obstacle dominates.',
    `Opening talks would shift the enemy's belief that ${name} is weak by ${m.inference.toFixed(2)} on average; the enemy's capacity to act on it is ${m.capacityEffective.toFixed(2)} (cost of conversation ${m.conversationCost.toFixed(3)} of the stake).`,
    `Domestic cost of being seen to talk ${m.talkAudienceCost.toFixed(3)} against an expected gain from talking of ${m.talkBenefit.toFixed(3)}; chance of a bargaining range as ${name} sees it ${m.wayOut.toFixed(2)}; hurting stalemate ${m.mhs.toFixed(2)}.`,
  ];
  if (conditions.commitment > 0)
    lines.push(`A commitment problem blocks a deal in ${pct(conditions.commitment)} of runs.`);
  return lines;
}

function survivalCurve(relapseByMonth: Float64Array | number[], ended: number): number[] {
  const out: number[] = [];
  let alive = ended;
  for (let m = 0; m < relapseByMonth.length; m++) {
    alive -= relapseByMonth[m];
    out.push(ended > 0 ? round(alive / ended) : 1);
  }
  return out;
}

function within(surv: number[]): Record<'12' | '24' | '60' | '120', number | null> {
  const at = (m: number) => (m < surv.length ? round(1 - surv[m]) : null);
  return { '12': at(12), '24': at(24), '60': at(60), '120': at(120) };
}

/** Quantiles of a histogram of counts; value = bin × width + offset. */
function countQuantiles(
  counts: ArrayLike<number>,
  width: number,
  offset: number,
): z.infer<typeof quantiles> {
  const q = (p: number) => {
    const v = histQuantile(counts, p, width, offset);
    return v === null ? null : round(v);
  };
  return { p10: q(0.1), p25: q(0.25), p50: q(0.5), p75: q(0.75), p90: q(0.9) };
}

function histQuantile(
  counts: ArrayLike<number>,
  p: number,
  width: number,
  offset = 0.5 * width,
): number | null {
  let total = 0;
  for (let i = 0; i < counts.length; i++) total += counts[i];
  if (total === 0) return null;
  const target = p * total;
  let c = 0;
  for (let i = 0; i < counts.length; i++) {
    c += counts[i];
    if (c >= target && counts[i] > 0) return i * width + offset;
  }
  return (counts.length - 1) * width + offset;
}

const mapQ = (q: z.infer<typeof quantiles>, f: (x: number) => number) =>
  Object.fromEntries(Object.entries(q).map(([k, v]) => [k, v === null ? null : f(v)])) as z.infer<
    typeof quantiles
  >;

const round = (x: number): number => Math.round(x * 1e6) / 1e6;

export { CASUALTY_BINS };
